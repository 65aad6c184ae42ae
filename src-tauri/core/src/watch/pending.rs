//! The paths touched since changes were last told, and when to tell them:
//! once the site has been quiet for `SETTLE`, or `MAX_WAIT` after the first.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use super::{MAX_WAIT, SETTLE};

/// How long the watcher's thread sleeps when nothing is pending: also how
/// soon it notices that it was stopped.
const IDLE: Duration = Duration::from_millis(100);

/// What is waiting to be told.
#[derive(Debug, Default)]
pub struct Pending {
    /// Site-relative paths touched.
    pub paths: BTreeSet<String>,
    /// Events were lost: the whole site must be looked at again.
    pub rescan: bool,
    first: Option<Instant>,
    last: Option<Instant>,
}

impl Pending {
    /// Notes that `rel` was touched at `now`.
    pub fn note(&mut self, rel: String, now: Instant) {
        self.paths.insert(rel);
        self.touch(now);
    }

    /// Notes that events were lost at `now`.
    pub fn note_rescan(&mut self, now: Instant) {
        self.rescan = true;
        self.touch(now);
    }

    fn touch(&mut self, now: Instant) {
        self.first.get_or_insert(now);
        self.last = Some(now);
    }

    /// Whether the changes should be told at `now`.
    pub fn ready(&self, now: Instant) -> bool {
        match (self.first, self.last) {
            (Some(first), Some(last)) => {
                now.duration_since(last) >= SETTLE || now.duration_since(first) >= MAX_WAIT
            }
            _ => false,
        }
    }

    /// How long to wait for more events before looking at `ready` again.
    pub fn wait(&self, now: Instant) -> Duration {
        match (self.first, self.last) {
            (Some(first), Some(last)) => {
                let quiet = SETTLE.saturating_sub(now.duration_since(last));
                let overdue = MAX_WAIT.saturating_sub(now.duration_since(first));
                quiet.min(overdue).max(Duration::from_millis(1))
            }
            _ => IDLE,
        }
    }

    /// Empties this, giving what it held.
    pub fn take(&mut self) -> Pending {
        std::mem::take(self)
    }
}
