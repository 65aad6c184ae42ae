//! Sending a post to the site: the check, a commit of exactly its files
//! (through git when the repository runs hooks or signs commits), then the
//! remote brought in, the author's work replayed on it, and the push. A
//! conflict in the post comes back as choices for the author to settle.

use chrono::{DateTime, FixedOffset};

use super::{Result, Workspace};
use crate::git::send::{PostConflict, Settlement};
use crate::git::{self, GitError, Identity, SendOutcome, Sending, Step};

impl Workspace {
    /// Sends the post `rel`, reporting each step to `progress` as it
    /// starts. Its changes are recorded first with `message` (by default
    /// the suggested one); a post already recorded is simply sent.
    pub fn send(
        &self,
        rel: &str,
        message: Option<&str>,
        author: Option<&Identity>,
        now: DateTime<FixedOffset>,
        progress: &mut dyn FnMut(Step),
    ) -> Result<SendOutcome> {
        progress(Step::Checking);
        self.refuse_errors(rel)?;
        let mut sending = Sending::start(&self.site, rel)?;
        progress(Step::Recording);
        let fallback = self.fallback_author(author);
        let recorded = match sending.needs_git()? {
            true => {
                let message = message
                    .map(String::from)
                    .unwrap_or_else(|| git::suggested_message(&self.site, rel));
                sending.record_with_git(&message, fallback.as_ref())
            }
            false => git::commit_post(&self.site, rel, message, fallback.as_ref(), now),
        };
        match recorded {
            Ok(committed) => sending.recorded(committed),
            // Recorded before: only sending remains.
            Err(GitError::NothingToCommit(_)) => {}
            Err(e) => return Err(e.into()),
        }
        Ok(sending.deliver(progress)?)
    }

    /// The conflict in the post that a send stopped on, waiting for the
    /// author's choices (after a restart, say).
    pub fn waiting_conflict(&self, rel: &str) -> Result<PostConflict> {
        Ok(Sending::resume(&self.site, rel)?.conflict()?)
    }

    /// Writes the author's choices into the post and finishes sending it.
    pub fn settle(
        &self,
        rel: &str,
        choices: &Settlement,
        progress: &mut dyn FnMut(Step),
    ) -> Result<SendOutcome> {
        Ok(Sending::resume(&self.site, rel)?.settle(choices, progress)?)
    }

    /// Gives up a send stopped on a conflict: the post stays recorded,
    /// waiting to be sent, and the repository is as before the replay.
    pub fn abandon_send(&self, rel: &str) -> Result<()> {
        Ok(Sending::resume(&self.site, rel)?.abandon()?)
    }
}
