//! The state of a post's files, from one status walk of the repository
//! (index against HEAD, worktree against index, untracked files), shared by
//! every post when the whole library is badged at once.

use std::collections::HashMap;

use gix::bstr::ByteSlice;
use gix::status::Item;

use super::files::referenced;
use super::repo::Repo;
use super::{Badge, FileRole, FileState, GitError, PostFile};
use crate::site::Site;

/// What one walk found: every path that differs from HEAD, and the index to
/// tell tracked files from ignored ones.
pub(super) struct Snapshot {
    /// Repository-relative path of each change, and whether HEAD has it.
    changed: HashMap<String, bool>,
    index: gix::worktree::Index,
}

impl Snapshot {
    pub fn take(repo: &Repo) -> Result<Snapshot, GitError> {
        let walk = repo
            .git
            .status(gix::progress::Discard)
            .map_err(GitError::git)?
            .untracked_files(gix::status::UntrackedFiles::Files)
            .index_worktree_rewrites(None)
            .tree_index_track_renames(gix::status::tree_index::TrackRenames::Disabled)
            .index_worktree_submodules(gix::status::Submodule::Given {
                ignore: gix::submodule::config::Ignore::All,
                check_dirty: false,
            })
            .into_iter(Vec::new())
            .map_err(GitError::git)?;
        // HEAD against the index says for sure whether HEAD has a path; the
        // worktree against the index only says it when the first is silent.
        let mut changed = HashMap::new();
        for item in walk {
            match item.map_err(GitError::git)? {
                Item::TreeIndex(change) => {
                    let in_head = !matches!(change, gix::diff::index::Change::Addition { .. });
                    changed.insert(path_text(change.location()), in_head);
                }
                Item::IndexWorktree(item) => {
                    use gix::status::index_worktree::iter::Summary;
                    // No summary: an ignored file, or only a stale stat.
                    let Some(summary) = item.summary() else {
                        continue;
                    };
                    let in_head = !matches!(
                        summary,
                        Summary::Added | Summary::IntentToAdd | Summary::Copied | Summary::Renamed
                    );
                    changed
                        .entry(path_text(item.rela_path()))
                        .or_insert(in_head);
                }
            }
        }
        let index = repo.git.index_or_empty().map_err(GitError::git)?;
        Ok(Snapshot { changed, index })
    }

    /// The state of one repository-relative path, given whether it is on disk.
    pub fn state(&self, repo_path: &str, on_disk: bool) -> FileState {
        match (self.changed.get(repo_path), on_disk) {
            (Some(true), true) => FileState::Modified,
            (Some(true), false) => FileState::Deleted,
            (Some(false), true) => FileState::New,
            (_, false) => FileState::Missing,
            (None, true)
                if self
                    .index
                    .entry_by_path(repo_path.as_bytes().as_bstr())
                    .is_some() =>
            {
                FileState::Unchanged
            }
            (None, true) => FileState::Ignored,
        }
    }

    /// Every changed path, sorted.
    pub fn changed_paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.changed.keys().map(String::as_str).collect();
        paths.sort_unstable();
        paths
    }
}

fn path_text(path: &gix::bstr::BStr) -> String {
    path.to_str_lossy().into_owned()
}

/// The files of a post with their states, against a snapshot (or none when
/// the site is in no repository).
pub(super) fn files_in(
    site: &Site,
    found: Option<(&Repo, &Snapshot)>,
    post_rel: &str,
) -> Vec<PostFile> {
    describe_all(site, found, referenced(site, post_rel))
}

fn describe_all(
    site: &Site,
    found: Option<(&Repo, &Snapshot)>,
    referenced: Vec<(String, FileRole)>,
) -> Vec<PostFile> {
    referenced
        .into_iter()
        .map(|(path, role)| describe(site, found, path, role))
        .collect()
}

fn describe(
    site: &Site,
    found: Option<(&Repo, &Snapshot)>,
    path: String,
    role: FileRole,
) -> PostFile {
    let size = std::fs::symlink_metadata(site.root.join(&path))
        .ok()
        .map(|m| m.len());
    let (repo_path, state) = match found {
        Some((repo, snapshot)) => {
            let repo_path = repo.repo_path(&path);
            let state = snapshot.state(&repo_path, size.is_some());
            (repo_path, state)
        }
        None if size.is_some() => (path.clone(), FileState::Outside),
        None => (path.clone(), FileState::Missing),
    };
    PostFile {
        path,
        repo_path,
        role,
        state,
        size,
    }
}

/// The post at `post_rel` (site-relative) and every local image it refers
/// to, each with its state and size.
pub fn post_files(site: &Site, post_rel: &str) -> Result<Vec<PostFile>, GitError> {
    let repo = Repo::find(site)?;
    let snapshot = repo.as_ref().map(Snapshot::take).transpose()?;
    Ok(files_in(
        site,
        repo.as_ref().zip(snapshot.as_ref()),
        post_rel,
    ))
}

/// The badge of each post (site-relative paths) from a single status walk.
/// Empty when the site is in no repository: there is nothing to badge.
pub fn badges(site: &Site, posts: &[String]) -> Result<HashMap<String, Badge>, GitError> {
    use rayon::prelude::*;
    let Some(repo) = Repo::find(site)? else {
        return Ok(HashMap::new());
    };
    let snapshot = Snapshot::take(&repo)?;
    // Reading the posts is the slow part and needs no repository: in
    // parallel. gix's repository handle stays on this thread.
    let referenced: Vec<(String, Vec<(String, FileRole)>)> = posts
        .par_iter()
        .map(|post| (post.clone(), referenced(site, post)))
        .collect();
    let mut badges = HashMap::new();
    let mut recorded = Vec::new();
    for (post, files) in referenced {
        let files = describe_all(site, Some((&repo, &snapshot)), files);
        let Some(badge) = Badge::of(&files) else {
            continue;
        };
        if badge == Badge::Recorded {
            recorded.push((
                post.clone(),
                files.into_iter().map(|f| f.repo_path).collect(),
            ));
        }
        badges.insert(post, badge);
    }
    // Whether the recorded ones were sent is git's to say.
    badges.extend(super::send::sent_badges(site, &repo, &recorded));
    Ok(badges)
}
