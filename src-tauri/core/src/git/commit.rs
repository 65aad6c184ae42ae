//! A commit of a post's files and of nothing else. The new tree is HEAD's
//! tree with only those paths replaced (blobs read from the worktree) or
//! removed, and afterwards the index entries of exactly those paths are set
//! to what was committed: every other staged or unstaged change is left as
//! it was, which `git commit -- paths` does not promise for staged files.

use chrono::{DateTime, FixedOffset};
use gix::bstr::{BString, ByteSlice};
use serde::Serialize;

use super::repo::Repo;
use super::status::{files_in, Snapshot};
use super::{FileState, GitError, PostFile, Unfinished};
use crate::site::Site;

/// Who commits, when git's configuration does not say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Committed {
    /// The new commit's id, in hex.
    pub id: String,
    /// The repository-relative paths committed (added, changed or removed).
    pub files: Vec<String>,
}

/// Commits the changed files of the post at `post_rel` on the current
/// branch, with `message` (by default [`suggested_message`](super::suggested_message)).
/// The author is git's `user.name` and `user.email` (the repository's
/// configuration, then the user's), else `fallback`; `now` is the commit's time.
///
/// Refused in the middle of a merge, rebase or the like, on a detached
/// HEAD, and when none of the post's files differs from HEAD. Files git
/// ignores are left out, as `git add` would.
pub fn commit_post(
    site: &Site,
    post_rel: &str,
    message: Option<&str>,
    fallback: Option<&Identity>,
    now: DateTime<FixedOffset>,
) -> Result<Committed, GitError> {
    let repo = Repo::find(site)?.ok_or_else(|| GitError::NotARepository(site.root.clone()))?;
    let git = &repo.git;
    if let Some(op) = git.state() {
        return Err(GitError::Unfinished(unfinished(op)));
    }
    let head = git.head().map_err(GitError::git)?;
    if head.is_detached() {
        return Err(GitError::Detached);
    }
    let parent = match head.is_unborn() {
        true => None,
        false => Some(git.head_commit().map_err(GitError::git)?),
    };
    let head_tree = match &parent {
        Some(commit) => commit.tree_id().map_err(GitError::git)?.detach(),
        None => gix::ObjectId::empty_tree(git.object_hash()),
    };

    let snapshot = Snapshot::take(&repo)?;
    let files: Vec<PostFile> = files_in(site, Some((&repo, &snapshot)), post_rel)
        .into_iter()
        .filter(|f| f.state.is_change())
        .collect();
    let nothing = || GitError::NothingToCommit(post_rel.to_string());
    if files.is_empty() {
        return Err(nothing());
    }

    let mut editor = git.edit_tree(head_tree).map_err(GitError::git)?;
    let mut staged = Vec::new();
    for file in &files {
        if file.state == FileState::Deleted {
            editor
                .remove(file.repo_path.as_str())
                .map_err(GitError::git)?;
        } else {
            let blob = Blob::read(&repo, &file.repo_path)?;
            editor
                .upsert(file.repo_path.as_str(), blob.kind, blob.id)
                .map_err(GitError::git)?;
            staged.push((file.repo_path.as_str(), blob));
        }
    }
    let tree = editor.write().map_err(GitError::git)?.detach();
    if tree == head_tree {
        return Err(nothing());
    }

    let (name, email) = identity(git, fallback)?;
    let signature = gix::actor::Signature {
        name,
        email,
        time: gix::date::Time {
            seconds: now.timestamp(),
            offset: now.offset().local_minus_utc(),
        },
    };
    let mut time = gix::date::parse::TimeBuf::default();
    let signature = signature.to_ref(&mut time);
    let message = match message {
        Some(m) => m.to_string(),
        None => super::suggested_message(site, post_rel),
    };
    let parents: Vec<gix::ObjectId> = parent.iter().map(|c| c.id).collect();
    let id = git
        .commit_as(signature, signature, "HEAD", message, tree, parents)
        .map_err(GitError::git)?
        .detach();

    let removed: Vec<&str> = files
        .iter()
        .filter(|f| f.state == FileState::Deleted)
        .map(|f| f.repo_path.as_str())
        .collect();
    update_index(&repo, &staged, &removed)?;
    Ok(Committed {
        id: id.to_string(),
        files: files.into_iter().map(|f| f.repo_path).collect(),
    })
}

pub(super) fn unfinished(op: gix::state::InProgress) -> Unfinished {
    use gix::state::InProgress as P;
    match op {
        P::Merge => Unfinished::Merge,
        P::Rebase | P::RebaseInteractive | P::ApplyMailboxRebase => Unfinished::Rebase,
        P::CherryPick | P::CherryPickSequence => Unfinished::CherryPick,
        P::Revert | P::RevertSequence => Unfinished::Revert,
        P::Bisect => Unfinished::Bisect,
        P::ApplyMailbox => Unfinished::Mailbox,
    }
}

/// git's `user.name` for the site's repository, as git itself reads it:
/// the repository's own configuration, then the user's, then the
/// system's. `None` outside a repository or when none sets it.
pub fn user_name(site: &Site) -> Option<String> {
    let repo = Repo::find(site).ok()??;
    let name = repo.git.config_snapshot().string("user.name")?;
    Some(name.to_string().trim().to_string()).filter(|n| !n.is_empty())
}

/// `user.name` and `user.email` from git's configuration, each else the fallback's.
fn identity(
    git: &gix::Repository,
    fallback: Option<&Identity>,
) -> Result<(BString, BString), GitError> {
    let config = git.config_snapshot();
    // An empty value (`name =`) is no value, as git sees it.
    let pick = |key: &str, fallback: Option<&str>| {
        config
            .string(key)
            .filter(|v| !v.trim().is_empty())
            .or_else(|| fallback.filter(|v| !v.trim().is_empty()).map(BString::from))
    };
    let name = pick("user.name", fallback.map(|f| f.name.as_str()));
    let email = pick("user.email", fallback.map(|f| f.email.as_str()));
    name.zip(email).ok_or(GitError::NoIdentity)
}

/// A worktree file written to the object database, with what the index
/// needs to know it is clean.
struct Blob {
    id: gix::ObjectId,
    kind: gix::objs::tree::EntryKind,
    stat: gix::index::entry::Stat,
}

impl Blob {
    /// Reads the file as git would store it (line endings and other
    /// configured filters applied). The file's stat is taken before its
    /// content: if it changes in between, the index sees a stale stat and
    /// git looks again, rather than trusting content it never stored.
    fn read(repo: &Repo, repo_path: &str) -> Result<Blob, GitError> {
        use std::io::Read;
        let path = repo.workdir.join(repo_path);
        let unreadable = |e| GitError::Read(path.clone(), e);
        let meta = gix::index::fs::Metadata::from_path_no_follow(&path).map_err(unreadable)?;
        let stat = gix::index::entry::Stat::from_fs(&meta).map_err(GitError::git)?;
        let kind = match meta.is_executable() {
            true => gix::objs::tree::EntryKind::BlobExecutable,
            false => gix::objs::tree::EntryKind::Blob,
        };
        let (mut pipeline, index) = repo.git.filter_pipeline(None).map_err(GitError::git)?;
        let file = std::fs::File::open(&path).map_err(unreadable)?;
        let mut bytes = Vec::new();
        pipeline
            .convert_to_git(file, std::path::Path::new(repo_path), &index)
            .map_err(GitError::git)?
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        let id = repo.git.write_blob(&bytes).map_err(GitError::git)?.detach();
        Ok(Blob { id, kind, stat })
    }
}

/// Sets the index entries of the committed paths to the new commit's
/// content, and touches no other entry.
fn update_index(repo: &Repo, staged: &[(&str, Blob)], removed: &[&str]) -> Result<(), GitError> {
    let git = &repo.git;
    let mut index = match git.index_path().exists() {
        true => git.open_index().map_err(GitError::git)?,
        false => gix::index::File::from_state(
            gix::index::State::new(git.object_hash()),
            git.index_path(),
        ),
    };
    // Conflicted stages of a committed path go too: the commit settles it.
    let committed = |path: &gix::bstr::BStr| {
        removed.iter().any(|r| path == r.as_bytes())
            || staged.iter().any(|(p, _)| path == p.as_bytes())
    };
    index.remove_entries(|_, path, _| committed(path));
    for (path, blob) in staged {
        let mode = match blob.kind {
            gix::objs::tree::EntryKind::BlobExecutable => gix::index::entry::Mode::FILE_EXECUTABLE,
            _ => gix::index::entry::Mode::FILE,
        };
        index.dangerously_push_entry(
            blob.stat,
            blob.id,
            gix::index::entry::Flags::empty(),
            mode,
            path.as_bytes().as_bstr(),
        );
    }
    index.sort_entries();
    // Racy git: an entry whose file changed in the same second as the index
    // it is kept in cannot be trusted by its stat. Such entries of the index
    // read, and ours if written this second, would look trusted in the newer
    // index written now; a zero size makes git compare their content, as
    // git itself does when it writes an index.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let since = index.timestamp().unix_seconds().min(now);
    for entry in index.entries_mut() {
        if i64::from(entry.stat.mtime.secs) >= since {
            entry.stat.size = 0;
        }
    }
    // The cached trees of the index no longer match its entries; git
    // rebuilds them when it needs them.
    index.remove_tree();
    index
        .write(gix::index::write::Options::default())
        .map_err(GitError::git)
}
