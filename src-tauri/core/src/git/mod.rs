//! git for authors: the files a post touches and the state of each, a
//! commit of exactly those files and of nothing else, and a zip of them for
//! whoever publishes when there is no git. Pure Rust (gix): no git program
//! needs to be installed.
//!
//! Billet speaks site-relative paths; git speaks repository-relative ones.
//! The site may be a subfolder of its repository, so each file carries both.

mod commit;
mod error;
mod export;
mod files;
mod program;
mod ready;
mod repo;
pub mod send;
mod status;

#[cfg(test)]
pub(crate) mod tests;

use serde::Serialize;

use crate::lang::Lang;

pub use commit::{commit_post, user_name, Committed, Identity};
pub use error::{GitError, Unfinished};
pub use export::{export_zip, Exported};
pub use ready::{ready, suggested_message, OtherChange, Problem, Ready};
pub use send::{SendOutcome, Sending, Sent, Step};
pub use status::{badges, post_files};

/// Where one file stands compared with the last commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum FileState {
    /// Not in the last commit: untracked, or added to the index.
    New,
    /// Different from the last commit, staged or not.
    Modified,
    /// As in the last commit.
    Unchanged,
    /// In the last commit, gone from the disk.
    Deleted,
    /// Referred to by the post, but neither on disk nor in git.
    Missing,
    /// On disk, but the repository's ignore rules leave it out.
    Ignored,
    /// On disk, and the site is not inside any git repository.
    Outside,
}

impl FileState {
    /// A word for lists.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FileState::New => lang.pick("nouveau", "new"),
            FileState::Modified => lang.pick("modifié", "modified"),
            FileState::Unchanged => lang.pick("inchangé", "unchanged"),
            FileState::Deleted => lang.pick("supprimé", "deleted"),
            FileState::Missing => lang.pick("manquant", "missing"),
            FileState::Ignored => lang.pick("ignoré", "ignored"),
            FileState::Outside => lang.pick("hors dépôt", "no repo"),
        }
    }

    /// Whether a commit of this file changes the repository.
    fn is_change(self) -> bool {
        matches!(
            self,
            FileState::New | FileState::Modified | FileState::Deleted
        )
    }
}

/// Why a file belongs to a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum FileRole {
    Post,
    Cover,
    /// An image in the body.
    Image,
}

/// One file of a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PostFile {
    /// Relative to the site's root, with `/` separators.
    pub path: String,
    /// Relative to the repository's root; the site-relative path when the
    /// site is in no repository.
    pub repo_path: String,
    pub role: FileRole,
    pub state: FileState,
    /// Bytes on disk; `None` when the file is not there.
    pub size: Option<u64>,
}

/// A post's state in one word, for the list of posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Badge {
    /// The post was never committed.
    New,
    /// The post or one of its images differs from the last commit.
    Modified,
    /// Everything is as committed: recorded in the site's history, with
    /// no remote here to say whether it was sent.
    Recorded,
    /// Recorded, and not yet on the remote's branch: waiting to be sent.
    Waiting,
    /// Recorded, and on the remote's branch the site is built from.
    Sent,
    /// Recorded, and sent to its review branch, not yet on the site's.
    InReview,
}

impl Badge {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Badge::New => lang.pick("nouveau", "new"),
            Badge::Modified => lang.pick("modifié", "modified"),
            Badge::Recorded => lang.pick("enregistré", "recorded"),
            Badge::Waiting => lang.pick("en attente d'envoi", "waiting to be sent"),
            Badge::Sent => lang.pick("envoyé", "sent"),
            Badge::InReview => lang.pick("en relecture", "under review"),
        }
    }

    /// The badge of a post from its files, the post first; `None` outside
    /// a repository or for no post at all. Missing and ignored images are
    /// problems, not changes.
    fn of(files: &[PostFile]) -> Option<Badge> {
        match files.first()?.state {
            FileState::Outside | FileState::Missing => None,
            FileState::New | FileState::Ignored => Some(Badge::New),
            _ if files.iter().any(|f| f.state.is_change()) => Some(Badge::Modified),
            _ => Some(Badge::Recorded),
        }
    }
}
