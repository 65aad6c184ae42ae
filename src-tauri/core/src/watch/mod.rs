//! Changes that other programs (a text editor, git, a sync tool) make to an
//! open site, told to the app as site-relative paths so that it can refresh
//! its list of posts and warn before an open post is overwritten.
//!
//! notify gives the system's events (inotify on Linux) and
//! notify-debouncer-full merges them for a moment and stitches an editor's
//! "write a temporary file, rename it over the post" into one event. On top
//! of that, changes are held until the site has been quiet for a moment, so
//! that a burst of writes is one update, and each path is then judged by
//! what is on disk: a file that is there changed, a file Billet knew that
//! is gone was removed, and a file that came and went (a temporary one) is
//! not told at all. Billet's own writes are recognised by their content.

mod pending;
mod tree;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::lang::{Explain, Lang};
use pending::Pending;
use tree::Tree;

/// Folders never watched, wherever they are in the site: git's own data,
/// installed packages and build output. None holds a post or a picture an
/// author edits; node_modules alone can hold tens of thousands of folders
/// (more than the system lets one program watch), and a build rewrites
/// them wholesale, which would flood Billet with changes of no interest.
pub const IGNORED: [&str; 7] = [
    ".git",
    "node_modules",
    ".nuxt",
    ".output",
    "dist",
    "target",
    ".cache",
];

/// How long notify-debouncer-full holds an event to merge it with the ones
/// that follow (a rename's two halves, a write's several events).
const DEBOUNCE: Duration = Duration::from_millis(100);
/// How long the site must then be quiet before changes are told: a burst
/// of writes (a `git checkout`, an editor saving many times) is one update.
const SETTLE: Duration = Duration::from_millis(150);
/// Changes are told after this long even if the site is never quiet.
const MAX_WAIT: Duration = Duration::from_secs(2);
/// How often a polling watcher looks at the folders.
const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// One path of the site that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Site-relative, with `/` between folders; empty for `Rescan`.
    pub path: String,
    pub kind: ChangeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// The file was written, created, or renamed to this path.
    Changed,
    /// The file was deleted or renamed away (a deleted folder gives one
    /// `Removed` for each file Billet knew in it).
    Removed,
    /// The system dropped events (its queue overflowed): scan the whole
    /// site again. Comes alone, with an empty path.
    Rescan,
}

impl Change {
    fn new(path: String, kind: ChangeKind) -> Change {
        Change { path, kind }
    }
}

/// Why a site cannot be watched.
#[derive(Debug, thiserror::Error)]
#[error("cannot watch {0} for changes: {1}")]
pub struct WatchError(pub PathBuf, pub String);

impl Explain for WatchError {
    fn code(&self) -> &'static str {
        "watch.start"
    }

    fn message(&self, lang: Lang) -> String {
        let (path, why) = (self.0.display(), &self.1);
        lang.pick(
            format!("Billet ne peut pas surveiller {path} ({why}) : les modifications faites par d'autres programmes n'apparaîtront qu'après avoir rouvert le site."),
            format!("Billet cannot watch {path} ({why}): changes made by other programs will only show after the site is opened again."),
        )
    }
}

/// What the watcher's thread and the app share.
struct Shared {
    stop: AtomicBool,
    polling: AtomicBool,
    /// The content hash of what Billet last wrote, by site-relative path.
    own_writes: Mutex<HashMap<String, [u8; 32]>>,
}

/// Watches one site until dropped. Changes are told to `on_change`, on the
/// watcher's own thread, about 250 ms after the site goes quiet.
pub struct SiteWatcher {
    shared: Arc<Shared>,
}

impl SiteWatcher {
    /// Starts watching the folder `root` and everything under it but the
    /// `IGNORED` folders. When the system's limit of watched folders is
    /// reached (inotify's `max_user_watches`), the folders are polled once
    /// a second instead, and that is logged.
    pub fn start(
        root: &Path,
        on_change: impl Fn(Vec<Change>) + Send + 'static,
    ) -> Result<SiteWatcher, WatchError> {
        SiteWatcher::start_with(root, false, on_change)
    }

    fn start_with(
        root: &Path,
        polling: bool,
        on_change: impl Fn(Vec<Change>) + Send + 'static,
    ) -> Result<SiteWatcher, WatchError> {
        let fail = |why: String| WatchError(root.to_path_buf(), why);
        // Events name the folders as they were watched: canonical paths
        // make them comparable with the root whatever link led there.
        let canonical = root.canonicalize().map_err(|e| fail(e.to_string()))?;
        if !canonical.is_dir() {
            return Err(fail("not a folder".into()));
        }
        let (sender, events) = mpsc::channel();
        let tree = Tree::start(canonical, sender, polling).map_err(|e| fail(e.to_string()))?;
        let shared = Arc::new(Shared {
            stop: AtomicBool::new(false),
            polling: AtomicBool::new(tree.is_polling()),
            own_writes: Mutex::new(HashMap::new()),
        });
        let worker = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("billet-watch".into())
            .spawn(move || run(tree, &events, &worker, &on_change))
            .map_err(|e| fail(e.to_string()))?;
        Ok(SiteWatcher { shared })
    }

    /// Tells the watcher that Billet writes `bytes` to the site-relative
    /// path `rel` (a post it saves, a picture it makes), so that the change
    /// is not told back to it. Call it just before the write: a write that
    /// then fails leaves the file with other bytes, so nothing is lost.
    /// It is the content that counts, not the time: as long as the file
    /// holds exactly these bytes, its events are dropped; once another
    /// program changes or removes it, that is told as usual.
    pub fn expect_own_write(&self, rel: &str, bytes: &[u8]) {
        self.shared
            .own_writes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(rel.to_string(), *blake3::hash(bytes).as_bytes());
    }

    /// Whether the folders are polled (the system's watch limit was
    /// reached) rather than watched: changes then show within a second or
    /// two instead of at once.
    pub fn is_polling(&self) -> bool {
        self.shared.polling.load(Ordering::Relaxed)
    }
}

impl Drop for SiteWatcher {
    /// The watcher's thread stops within a tenth of a second, and tells
    /// nothing more.
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Release);
    }
}

/// The watcher's thread: takes in the debounced events until stopped, and
/// tells the changes once the site is quiet.
fn run(
    mut tree: Tree,
    events: &mpsc::Receiver<notify_debouncer_full::DebounceEventResult>,
    shared: &Shared,
    on_change: &dyn Fn(Vec<Change>),
) {
    let mut pending = Pending::default();
    loop {
        let received = events.recv_timeout(pending.wait(Instant::now()));
        if shared.stop.load(Ordering::Acquire) {
            return;
        }
        let now = Instant::now();
        match received {
            Ok(Ok(batch)) => {
                for event in &batch {
                    tree.absorb(event, &mut pending, now);
                }
            }
            Ok(Err(errors)) => errors.into_iter().for_each(|e| tree.report(e)),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        shared.polling.store(tree.is_polling(), Ordering::Relaxed);
        if pending.ready(now) {
            let changes = tree.settle(pending.take(), &shared.own_writes);
            if !changes.is_empty() {
                on_change(changes);
            }
        }
    }
}

#[cfg(test)]
mod tests;
