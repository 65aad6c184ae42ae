//! Why a workspace action failed: the error of the module that refused,
//! or one of the workspace's own, each explained in the author's words.

use crate::git::GitError;
use crate::lang::{Explain, Lang};
use crate::media::MediaError;
use crate::paths::PathError;
use crate::post::PostError;
use crate::recovery::RecoveryError;
use crate::save::SaveError;
use crate::site::SiteError;

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Site(#[from] SiteError),
    #[error(transparent)]
    Path(#[from] PathError),
    #[error("{path}: {error}")]
    Post { path: String, error: PostError },
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error(transparent)]
    Media(#[from] MediaError),
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Recovery(#[from] RecoveryError),
    #[error("cannot read {path}: {error}")]
    Read { path: String, error: std::io::Error },
    /// An action named a post that was never loaded (or was let go).
    #[error("the post {0} is not open")]
    NotOpen(String),
    /// The picture being framed was let go (another was dropped since).
    #[error("this picture is no longer waiting")]
    PictureGone,
    /// The site's check finds errors in the post: it is not committed nor
    /// exported until they are fixed.
    #[error("{0} has {1} error(s) to fix first")]
    Blocked(String, usize),
    /// No unsaved edits are kept for this post.
    #[error("no unsaved edits are kept for {0}")]
    NothingKept(String),
}

impl WorkspaceError {
    /// A post that cannot be read as one, with where it is.
    pub fn post(path: &str, error: PostError) -> WorkspaceError {
        WorkspaceError::Post {
            path: path.to_string(),
            error,
        }
    }

    /// The line a post's problem is on, for `path:line:` output.
    pub fn line(&self) -> Option<usize> {
        match self {
            WorkspaceError::Post { error, .. } => Some(error.line()),
            _ => None,
        }
    }
}

impl Explain for WorkspaceError {
    fn code(&self) -> &'static str {
        match self {
            WorkspaceError::Site(e) => e.code(),
            WorkspaceError::Path(e) => e.code(),
            WorkspaceError::Post { error, .. } => error.code(),
            WorkspaceError::Save(e) => e.code(),
            WorkspaceError::Media(e) => e.code(),
            WorkspaceError::Git(e) => e.code(),
            WorkspaceError::Recovery(e) => e.code(),
            WorkspaceError::Read { .. } => "workspace.read",
            WorkspaceError::NotOpen(_) => "workspace.not_open",
            WorkspaceError::PictureGone => "workspace.picture_gone",
            WorkspaceError::NothingKept(_) => "workspace.nothing_kept",
            WorkspaceError::Blocked(..) => "publish.blocked",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WorkspaceError::Site(e), _) => e.message(lang),
            (WorkspaceError::Path(e), _) => e.message(lang),
            (WorkspaceError::Post { error, .. }, _) => error.message(lang),
            (WorkspaceError::Save(e), _) => e.message(lang),
            (WorkspaceError::Media(e), _) => e.message(lang),
            (WorkspaceError::Git(e), _) => e.message(lang),
            (WorkspaceError::Recovery(e), _) => e.message(lang),
            (WorkspaceError::Read { path, error }, Lang::Fr) => {
                format!("Impossible de lire {path} ({error}).")
            }
            (WorkspaceError::Read { path, error }, Lang::En) => {
                format!("Cannot read {path} ({error}).")
            }
            (WorkspaceError::NotOpen(path), Lang::Fr) => {
                format!("L'article {path} n'est pas ouvert.")
            }
            (WorkspaceError::NotOpen(path), Lang::En) => format!("The post {path} is not open."),
            (WorkspaceError::PictureGone, Lang::Fr) => {
                "Cette image n'est plus en attente : déposez-la de nouveau.".into()
            }
            (WorkspaceError::PictureGone, Lang::En) => {
                "This picture is no longer waiting: drop it again.".into()
            }
            (WorkspaceError::Blocked(_, n), Lang::Fr) => format!(
                "L'article a encore {} à corriger : il n'est ni enregistré dans l'historique ni exporté avant.",
                plural_fr(*n, "erreur", "erreurs")
            ),
            (WorkspaceError::Blocked(_, n), Lang::En) => format!(
                "The post still has {n} {} to fix: it is not recorded nor exported until then.",
                if *n == 1 { "error" } else { "errors" }
            ),
            (WorkspaceError::NothingKept(path), Lang::Fr) => {
                format!("Aucune modification non enregistrée n'est gardée pour {path}.")
            }
            (WorkspaceError::NothingKept(path), Lang::En) => {
                format!("No unsaved changes are kept for {path}.")
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, WorkspaceError>;

fn plural_fr(n: usize, one: &str, many: &str) -> String {
    format!("{n}\u{a0}{}", if n > 1 { many } else { one })
}
