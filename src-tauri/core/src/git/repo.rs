//! Finding the repository a site lives in, and where in it.

use std::path::{Path, PathBuf};

use super::GitError;
use crate::site::Site;

/// An open repository and the site's place in its worktree.
pub(super) struct Repo {
    pub git: gix::Repository,
    /// The worktree's root.
    pub workdir: PathBuf,
    /// The site's folder in the worktree, `` or `site/`, ending in `/`.
    prefix: String,
}

impl Repo {
    /// The repository the site is in, or `None` when there is none (or only
    /// a bare one, which has no files to commit from).
    pub fn find(site: &Site) -> Result<Option<Repo>, GitError> {
        use gix::discover::upwards::Error as Discover;
        if let Err(e) = gix::discover::upwards(&site.root) {
            return match e.downcast_any_ref::<Discover>() {
                Some(
                    Discover::NoGitRepository { .. }
                    | Discover::NoGitRepositoryWithinCeiling { .. }
                    | Discover::NoGitRepositoryWithinFs { .. },
                ) => Ok(None),
                _ => Err(GitError::git(e)),
            };
        }
        let git = gix::discover(&site.root).map_err(GitError::git)?;
        let Some(workdir) = git.workdir().map(canonical) else {
            return Ok(None);
        };
        let root = canonical(&site.root);
        let inside = root.strip_prefix(&workdir).unwrap_or(Path::new(""));
        let prefix: String = inside
            .components()
            .map(|c| format!("{}/", c.as_os_str().to_string_lossy()))
            .collect();
        Ok(Some(Repo {
            git,
            workdir,
            prefix,
        }))
    }

    /// The repository-relative form of a site-relative path.
    pub fn repo_path(&self, site_rel: &str) -> String {
        format!("{}{site_rel}", self.prefix)
    }
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}
