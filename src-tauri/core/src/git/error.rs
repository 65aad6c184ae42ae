//! Why a git action could not be done, and what the author can do about
//! it, in French and English.

use std::path::PathBuf;

use crate::lang::{Explain, Lang};
use crate::paths::PathError;
use crate::save::SaveError;

/// An operation git has started and not finished: committing in its middle
/// would mix the author's post into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfinished {
    Merge,
    Rebase,
    CherryPick,
    Revert,
    Bisect,
    Mailbox,
}

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("{0} is not inside a git repository")]
    NotARepository(PathBuf),
    #[error("a {0:?} is in progress")]
    Unfinished(Unfinished),
    #[error("HEAD is detached")]
    Detached,
    #[error("nothing to commit among the files of {0}")]
    NothingToCommit(String),
    #[error("no author name and email")]
    NoIdentity,
    #[error("{0}: {1}")]
    Read(PathBuf, std::io::Error),
    #[error("git: {0}")]
    Git(String),
    #[error("zip: {0}")]
    Zip(String),
    #[error(transparent)]
    Path(#[from] PathError),
    #[error(transparent)]
    Save(#[from] SaveError),
}

impl GitError {
    /// Wraps a failure inside gix (a damaged repository, a lock held by
    /// another program...), whose own text is the best description.
    pub(super) fn git(e: impl std::fmt::Display) -> GitError {
        GitError::Git(e.to_string())
    }
}

impl Explain for GitError {
    fn code(&self) -> &'static str {
        match self {
            GitError::NotARepository(_) => "git.not_a_repository",
            GitError::Unfinished(_) => "git.unfinished",
            GitError::Detached => "git.detached",
            GitError::NothingToCommit(_) => "git.nothing_to_commit",
            GitError::NoIdentity => "git.no_identity",
            GitError::Read(..) => "git.read",
            GitError::Git(_) => "git.failed",
            GitError::Zip(_) => "git.zip",
            GitError::Path(e) => e.code(),
            GitError::Save(e) => e.code(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (GitError::NotARepository(p), Lang::Fr) => format!("{} n'est pas dans un dépôt git : rien ne peut y être commité. Exportez l'article en zip pour le transmettre.", p.display()),
            (GitError::NotARepository(p), Lang::En) => format!("{} is not inside a git repository: nothing can be committed there. Export the post as a zip to hand it over.", p.display()),
            (GitError::Unfinished(op), lang) => unfinished(*op, lang),
            (GitError::Detached, Lang::Fr) => "Le dépôt n'est sur aucune branche (HEAD détachée) : un commit y serait perdu. Revenez sur une branche (git switch main) puis réessayez.".into(),
            (GitError::Detached, Lang::En) => "The repository is on no branch (detached HEAD): a commit there would be lost. Go back to a branch (git switch main) and try again.".into(),
            (GitError::NothingToCommit(p), Lang::Fr) => format!("Rien à commiter : les fichiers de {p} sont tels que dans le dernier commit."),
            (GitError::NothingToCommit(p), Lang::En) => format!("Nothing to commit: the files of {p} are as in the last commit."),
            (GitError::NoIdentity, Lang::Fr) => "Aucun nom ni e-mail d'auteur : git n'en a pas dans sa configuration (user.name, user.email) et aucun n'a été donné.".into(),
            (GitError::NoIdentity, Lang::En) => "No author name and email: git has none in its configuration (user.name, user.email) and none was given.".into(),
            (GitError::Read(p, e), Lang::Fr) => format!("Impossible de lire {} ({e}).", p.display()),
            (GitError::Read(p, e), Lang::En) => format!("Cannot read {} ({e}).", p.display()),
            (GitError::Git(e), Lang::Fr) => format!("Le dépôt git n'a pas pu être lu ou écrit ({e}). Si un autre programme git travaille dessus, attendez qu'il ait fini puis réessayez."),
            (GitError::Git(e), Lang::En) => format!("The git repository could not be read or written ({e}). If another git program is working on it, wait for it to finish and try again."),
            (GitError::Zip(e), Lang::Fr) => format!("Le zip n'a pas pu être fait ({e})."),
            (GitError::Zip(e), Lang::En) => format!("The zip could not be made ({e})."),
            (GitError::Path(e), lang) => e.message(lang),
            (GitError::Save(e), lang) => e.message(lang),
        }
    }
}

fn unfinished(op: Unfinished, lang: Lang) -> String {
    let (fr, en) = match op {
        Unfinished::Merge => ("d'une fusion (merge)", "a merge"),
        Unfinished::Rebase => ("d'un rebase", "a rebase"),
        Unfinished::CherryPick => ("d'un cherry-pick", "a cherry-pick"),
        Unfinished::Revert => ("d'un revert", "a revert"),
        Unfinished::Bisect => ("d'une recherche par bissection (bisect)", "a bisect"),
        Unfinished::Mailbox => (
            "de l'application de patchs (git am)",
            "applying patches (git am)",
        ),
    };
    match lang {
        Lang::Fr => format!("Le dépôt est au milieu {fr} : Billet ne commite rien avant que ce soit terminé ou annulé. Terminez-le (ou annulez-le) avec git, puis réessayez."),
        Lang::En => format!("The repository is in the middle of {en}: Billet commits nothing until it is finished or aborted. Finish (or abort) it with git, then try again."),
    }
}
