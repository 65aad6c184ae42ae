//! Sending a recorded post to the site's remote: bring in what the remote
//! has, replay the author's work on top when it moved, and push, through
//! the installed git program so that the author's own setup (credential
//! helpers, SSH, `insteadOf`, hooks, signing) is honoured.
//!
//! Nothing is lost and nothing is left half-done: a remote out of reach or
//! refusing leaves the commit where it is, waiting to be sent; a conflict
//! in the post is handed to the author as choices ([`PostConflict`]); a
//! conflict anywhere else is undone, and the repository put back exactly
//! as it was before sending.

mod conflict;
mod failure;
mod record;
mod review;
mod route;
mod states;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

use serde::Serialize;

use super::program::GitProgram;
use super::repo::Repo;
use super::status::{files_in, Snapshot};
use super::{Committed, GitError, Identity, PostFile};
use crate::site::Site;

pub use conflict::{post_conflict, settle, BodyPart, FieldChoice, PostConflict, Settlement, Side};
pub use record::needs_git;
pub use review::{review_branch, review_link};
pub use route::Route;
pub(super) use states::sent_badges;

/// A step of sending, reported as it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The site's check of the post.
    Checking,
    /// The post's files recorded in the history (a commit).
    Recording,
    /// What the remote has now, brought in (a fetch).
    Fetching,
    /// The author's work put back on top of it (a rebase).
    Replaying,
    /// The post sent (a push).
    Sending,
    /// The remote moved while sending: brought in again, then sent again.
    Retrying,
}

impl Step {
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Step::Checking => lang.pick("Vérification de l'article", "Checking the post"),
            Step::Recording => lang.pick(
                "Enregistrement dans l'historique",
                "Recording in the history",
            ),
            Step::Fetching => lang.pick("Nouvelles du site", "Getting the site's news"),
            Step::Replaying => lang.pick(
                "Ajout de votre article aux nouveautés du site",
                "Adding your post to the site's news",
            ),
            Step::Sending => lang.pick("Envoi", "Sending"),
            Step::Retrying => lang.pick(
                "Le site a changé entre-temps : nouvel essai",
                "The site changed meanwhile: trying again",
            ),
        }
    }
}

/// Where the post went.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Sent {
    /// The remote's name and address.
    pub remote: String,
    pub url: String,
    /// The remote's branch that now has the post.
    pub branch: String,
    /// Sent for review rather than to the site itself.
    pub review: bool,
    /// The page where the review is asked for, for hosts Billet knows.
    pub review_link: Option<String>,
    /// The commit sent.
    pub commit: String,
    /// The commit made by this send, if the post had changes to record.
    pub recorded: Option<Committed>,
    /// Whether the author's work was replayed on changes from the remote.
    pub replayed: bool,
}

/// How a send ended: sent, or stopped on a conflict in the post that the
/// author settles with [`Sending::settle`] (or gives up with [`Sending::abandon`]).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SendOutcome {
    Sent(Sent),
    Conflict(PostConflict),
}

/// What the repository was before this send, to put it back.
struct Before {
    /// The branch's commit.
    head: String,
    /// The index file's bytes, `None` when there was none.
    index: Option<Vec<u8>>,
    index_path: PathBuf,
}

/// One send of one post, from its start to where it ends.
pub struct Sending<'a> {
    post_rel: &'a str,
    git: GitProgram,
    route: Route,
    /// The post's file, repository-relative: the only one a replay may
    /// stop on for the author to settle.
    post_path: String,
    files: Vec<PostFile>,
    before: Option<Before>,
    recorded: Option<Committed>,
    replayed: bool,
}

type Progress<'p> = &'p mut dyn FnMut(Step);

impl<'a> Sending<'a> {
    /// Everything a send needs, found before anything is changed: the git
    /// program, the route, and the repository as it is now. Refused in the
    /// middle of another git operation.
    pub fn start(site: &'a Site, post_rel: &'a str) -> Result<Sending<'a>, GitError> {
        let mut sending = Sending::open(site, post_rel)?;
        if let Some(op) = sending.unfinished() {
            return Err(GitError::Unfinished(op));
        }
        let head = sending.git.must(&["rev-parse", "HEAD"])?.line();
        let index_path = PathBuf::from(
            sending
                .git
                .must(&["rev-parse", "--git-path", "index"])?
                .line(),
        );
        let index_path = sending.git.workdir().join(index_path);
        sending.before = Some(Before {
            head,
            index: std::fs::read(&index_path).ok(),
            index_path,
        });
        Ok(sending)
    }

    /// The send of `post_rel` stopped on a conflict in the post, to settle
    /// or abandon. `NothingToSettle` when no replay is waiting.
    pub fn resume(site: &'a Site, post_rel: &'a str) -> Result<Sending<'a>, GitError> {
        let sending = Sending::open(site, post_rel)?;
        match sending.replay_waiting() {
            true => Ok(sending),
            false => Err(GitError::NothingToSettle),
        }
    }

    fn open(site: &'a Site, post_rel: &'a str) -> Result<Sending<'a>, GitError> {
        let repo = Repo::find(site)?.ok_or_else(|| GitError::NotARepository(site.root.clone()))?;
        let git = GitProgram::find(&repo.workdir)?;
        let snapshot = Snapshot::take(&repo)?;
        let files = files_in(site, Some((&repo, &snapshot)), post_rel);
        // During a replay HEAD is detached: the route is the branch's.
        let route = match Sending::replaying_branch(&git) {
            Some(branch) => Route::of_branch(site, &git, post_rel, &branch)?,
            None => Route::of(site, &git, post_rel)?,
        };
        Ok(Sending {
            post_rel,
            post_path: repo.repo_path(post_rel),
            git,
            route,
            files,
            before: None,
            recorded: None,
            replayed: false,
        })
    }

    /// Whether a commit of the post must go through git (hooks, signing).
    pub fn needs_git(&self) -> Result<bool, GitError> {
        needs_git(&self.git)
    }

    /// Records the post's changed files through git, running its hooks and
    /// signing as configured.
    pub fn record_with_git(
        &mut self,
        message: &str,
        fallback: Option<&Identity>,
    ) -> Result<Committed, GitError> {
        let committed =
            record::commit_with_git(&self.git, self.post_rel, &self.files, message, fallback)?;
        self.recorded = Some(committed.clone());
        Ok(committed)
    }

    /// Notes a commit made by Billet itself (gix) for this send.
    pub fn recorded(&mut self, committed: Committed) {
        self.recorded = Some(committed);
    }

    /// Brings in the remote's branch, replays onto it if it moved, and
    /// pushes; once more if the remote moved again in between.
    pub fn deliver(mut self, progress: Progress) -> Result<SendOutcome, GitError> {
        progress(Step::Fetching);
        self.fetch()?;
        if let Some(conflict) = self.replay_if_moved(progress)? {
            return Ok(SendOutcome::Conflict(conflict));
        }
        self.push_and_finish(progress)
    }

    /// Writes the author's choices into the post, and goes on with the
    /// replay and the send.
    pub fn settle(
        mut self,
        choices: &Settlement,
        progress: Progress,
    ) -> Result<SendOutcome, GitError> {
        let [original, theirs, yours] = self.stages()?;
        let text = settle(&original, &theirs, &yours, choices).ok_or(GitError::NothingToSettle)?;
        crate::save::write_new(&self.git.workdir().join(&self.post_path), text.as_bytes())?;
        self.git.must(&["add", "--", &self.post_path])?;
        self.replayed = true;
        progress(Step::Replaying);
        let run = self.git.run(&["rebase", "--continue"])?;
        if let Some(conflict) = self.after_replay(&run)? {
            return Ok(SendOutcome::Conflict(conflict));
        }
        self.push_and_finish(progress)
    }

    /// Gives up the replay waiting for choices: the branch is as before
    /// it started, the post recorded and waiting to be sent.
    pub fn abandon(self) -> Result<(), GitError> {
        self.git.must(&["rebase", "--abort"]).map(|_| ())
    }

    /// The conflict waiting to be settled.
    pub fn conflict(&self) -> Result<PostConflict, GitError> {
        let [original, theirs, yours] = self.stages()?;
        Ok(post_conflict(self.post_rel, &original, &theirs, &yours))
    }
}

impl Sending<'_> {
    fn fetch(&self) -> Result<(), GitError> {
        let route = &self.route;
        let mut refspecs = vec![format!(
            "+refs/heads/{0}:{1}",
            route.base,
            route.tracking(&route.base)
        )];
        if let Some(review) = &route.review {
            refspecs.push(format!("+refs/heads/{review}:{}", route.tracking(review)));
        }
        let mut args = vec!["fetch", "--quiet", "--no-tags", route.remote.as_str()];
        args.extend(refspecs.iter().map(String::as_str));
        let run = self.git.run(&args)?;
        // A branch the remote does not have yet is not a failure: the
        // first post sent for review creates its branch.
        if run.ok || failure::missing_branch(&run) {
            return Ok(());
        }
        Err(failure::classify(&self.route.remote, &run))
    }

    /// Replays the branch's own commits on the remote's when the remote
    /// has commits the branch lacks.
    fn replay_if_moved(&mut self, progress: Progress) -> Result<Option<PostConflict>, GitError> {
        let onto = self.route.tracking(&self.route.base);
        let exists = self
            .git
            .run(&["rev-parse", "--verify", "--quiet", &onto])?
            .ok;
        let behind = exists
            && !self
                .git
                .run(&["merge-base", "--is-ancestor", &onto, "HEAD"])?
                .ok;
        if !behind {
            return Ok(None);
        }
        progress(Step::Replaying);
        self.replayed = true;
        // Other changes in the worktree are set aside and put back after.
        let run = self.git.run(&["rebase", "--autostash", "--quiet", &onto])?;
        self.after_replay(&run)
    }

    /// After git replayed (or tried to): done, stopped on the post (the
    /// author settles it), or stopped elsewhere (everything undone).
    fn after_replay(
        &mut self,
        run: &super::program::Run,
    ) -> Result<Option<PostConflict>, GitError> {
        if run.ok && !self.replay_waiting() {
            return Ok(None);
        }
        let conflicted: Vec<String> = self
            .git
            .must(&["diff", "--name-only", "--diff-filter=U"])?
            .stdout
            .lines()
            .map(String::from)
            .collect();
        if !conflicted.is_empty() && conflicted.iter().all(|f| *f == self.post_path) {
            let conflict = self.conflict()?;
            // git left its markers in the file; the author's version goes
            // back in their place, so that neither the editor nor the
            // preview ever shows them while the author chooses.
            let [_, _, yours] = self.stages()?;
            crate::save::write_new(&self.git.workdir().join(&self.post_path), yours.as_bytes())?;
            return Ok(Some(conflict));
        }
        self.undo()?;
        match conflicted.is_empty() {
            true => Err(GitError::Git(
                format!("{}{}", run.stdout, run.stderr).trim().to_string(),
            )),
            false => Err(GitError::Stopped(conflicted)),
        }
    }

    /// Puts the repository back as it was before this send: the replay
    /// aborted, and the commit this send made (if any) undone with the
    /// index as it was. The worktree still has the author's files.
    fn undo(&self) -> Result<(), GitError> {
        if self.replay_waiting() {
            self.git.must(&["rebase", "--abort"])?;
        }
        let (Some(before), Some(_)) = (&self.before, &self.recorded) else {
            return Ok(());
        };
        let branch = format!("refs/heads/{}", self.route.local);
        self.git.must(&["update-ref", &branch, &before.head])?;
        match &before.index {
            Some(bytes) => std::fs::write(&before.index_path, bytes),
            None => std::fs::remove_file(&before.index_path),
        }
        .map_err(|e| GitError::Read(before.index_path.clone(), e))
    }

    fn push_and_finish(mut self, progress: Progress) -> Result<SendOutcome, GitError> {
        progress(Step::Sending);
        match self.push() {
            Err(GitError::Rejected { detail, .. }) if failure::moved(&detail) => {
                progress(Step::Retrying);
                self.fetch()?;
                if let Some(conflict) = self.replay_if_moved(progress)? {
                    return Ok(SendOutcome::Conflict(conflict));
                }
                progress(Step::Sending);
                self.push()?;
            }
            other => other?,
        }
        let commit = self.git.must(&["rev-parse", "HEAD"])?.line();
        let route = &self.route;
        Ok(SendOutcome::Sent(Sent {
            remote: route.remote.clone(),
            url: route.url.clone(),
            branch: route.target().to_string(),
            review: route.review.is_some(),
            review_link: route
                .review
                .as_ref()
                .and_then(|branch| review_link(&route.url, branch, &route.base)),
            commit,
            recorded: self.recorded.take(),
            replayed: self.replayed,
        }))
    }

    /// Pushes HEAD to the target branch. A review branch is Billet's own
    /// and is replaced; the site's branch only ever moves forward.
    fn push(&self) -> Result<(), GitError> {
        let route = &self.route;
        let force = if route.review.is_some() { "+" } else { "" };
        let refspec = format!("{force}HEAD:refs/heads/{}", route.target());
        let run = self
            .git
            .run(&["push", "--porcelain", &route.remote, &refspec])?;
        if !run.ok {
            return Err(failure::classify(&route.remote, &run));
        }
        // The remote-tracking ref follows, whatever the remote's fetch
        // settings: the badges read it.
        let tracking = route.tracking(route.target());
        self.git.must(&["update-ref", &tracking, "HEAD"])?;
        Ok(())
    }

    /// The original, theirs (the remote's, which git calls "ours" while
    /// replaying) and yours (the commit being replayed) of the post.
    fn stages(&self) -> Result<[String; 3], GitError> {
        let stage = |n: u8| -> Result<String, GitError> {
            let run = self
                .git
                .run(&["show", &format!(":{n}:{}", self.post_path)])?;
            // A post both sides created has no original.
            Ok(if run.ok { run.stdout } else { String::new() })
        };
        if !self.replay_waiting() {
            return Err(GitError::NothingToSettle);
        }
        Ok([stage(1)?, stage(2)?, stage(3)?])
    }

    fn replay_waiting(&self) -> bool {
        Sending::replaying_branch(&self.git).is_some()
    }

    /// The branch being replayed, when a rebase is under way.
    fn replaying_branch(git: &GitProgram) -> Option<String> {
        ["rebase-merge", "rebase-apply"].iter().find_map(|dir| {
            let dir = git.run(&["rev-parse", "--git-path", dir]).ok()?.line();
            let head = std::fs::read_to_string(git.workdir().join(dir).join("head-name")).ok()?;
            Some(head.trim().trim_start_matches("refs/heads/").to_string())
        })
    }

    fn unfinished(&self) -> Option<super::Unfinished> {
        let repo = gix::discover(self.git.workdir()).ok()?;
        repo.state().map(super::commit::unfinished)
    }
}
