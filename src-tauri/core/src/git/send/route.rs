//! Where a post is sent: which remote, which of its branches, and whether
//! to a branch of the post's own for review. Read from `billet.yml`'s
//! `publish` keys, else from how the current branch is set up in git.

use super::review::review_branch;
use crate::git::program::GitProgram;
use crate::git::GitError;
use crate::site::Site;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The remote's name (`origin`).
    pub remote: String,
    /// The remote's address, as configured (before `insteadOf`).
    pub url: String,
    /// The branch checked out here, which the post is recorded on.
    pub local: String,
    /// The remote's branch the site is built from.
    pub base: String,
    /// The branch the post goes to for review, in review mode.
    pub review: Option<String>,
}

impl Route {
    /// The route for the post at `post_rel` (site-relative). Refused on a
    /// detached HEAD and when the remote does not exist.
    pub fn of(site: &Site, git: &GitProgram, post_rel: &str) -> Result<Route, GitError> {
        let local = git.run(&["symbolic-ref", "--quiet", "--short", "HEAD"])?;
        match local.ok {
            true => Route::of_branch(site, git, post_rel, &local.line()),
            false => Err(GitError::Detached),
        }
    }

    /// The route from the local branch `local`.
    pub fn of_branch(
        site: &Site,
        git: &GitProgram,
        post_rel: &str,
        local: &str,
    ) -> Result<Route, GitError> {
        let publish = &site.config.publish;
        let local = local.to_string();
        let remote = publish
            .remote
            .clone()
            .or_else(|| git.config(&format!("branch.{local}.remote")))
            .filter(|r| r != ".")
            .unwrap_or_else(|| "origin".into());
        // The address as the author wrote it, before any `insteadOf`
        // rewrite: the host's web pages are read off it.
        let Some(url) = git.config(&format!("remote.{remote}.url")) else {
            return Err(GitError::NoRemote(remote));
        };
        let base = publish
            .branch
            .clone()
            .or_else(|| {
                let merge = git.config(&format!("branch.{local}.merge"))?;
                Some(merge.trim_start_matches("refs/heads/").to_string())
            })
            .unwrap_or_else(|| local.clone());
        Ok(Route {
            url,
            review: publish.review.then(|| review_branch(post_rel)),
            remote,
            local,
            base,
        })
    }

    /// The branch the post goes to on the remote.
    pub fn target(&self) -> &str {
        self.review.as_deref().unwrap_or(&self.base)
    }

    /// The remote-tracking ref of one of the remote's branches.
    pub fn tracking(&self, branch: &str) -> String {
        format!("refs/remotes/{}/{branch}", self.remote)
    }
}
