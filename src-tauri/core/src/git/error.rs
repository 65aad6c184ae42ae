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
    /// Sending needs the git program, and none is installed.
    #[error("no git program is installed")]
    NoProgram,
    /// The repository has no remote to send to.
    #[error("the repository has no remote named {0}")]
    NoRemote(String),
    /// The remote could not be reached: no network, a wrong address.
    #[error("{remote} cannot be reached: {detail}")]
    Offline { remote: String, detail: String },
    /// The remote refused who the author is (password, token, SSH key).
    #[error("{remote} refused the credentials: {detail}")]
    Refused { remote: String, detail: String },
    /// A hook refused the commit; its own words.
    #[error("a hook refused the commit: {0}")]
    HookRejected(String),
    /// Replaying the author's work met a change to a file that is not the
    /// post's: everything was put back as it was before sending.
    #[error("conflicting changes in {}", .0.join(", "))]
    Stopped(Vec<String>),
    /// The remote refused the new commits, and again after one replay.
    #[error("{remote} refused the changes: {detail}")]
    Rejected { remote: String, detail: String },
    /// A replay of the author's work is waiting for a settlement that
    /// was not given, or there is none to settle.
    #[error("no replay is waiting to be settled")]
    NothingToSettle,
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
            GitError::NoProgram => "send.no_git",
            GitError::NoRemote(_) => "send.no_remote",
            GitError::Offline { .. } => "send.offline",
            GitError::Refused { .. } => "send.refused",
            GitError::HookRejected(_) => "send.hook_rejected",
            GitError::Stopped(_) => "send.stopped",
            GitError::Rejected { .. } => "send.rejected",
            GitError::NothingToSettle => "send.nothing_to_settle",
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
            (GitError::NoProgram, Lang::Fr) => "Pour envoyer l'article, Billet a besoin du programme git, qui n'est pas installé. Installez-le (Debian, Ubuntu : sudo apt install git ; macOS : xcode-select --install ; Windows : git-scm.com), puis réessayez. L'article reste enregistré dans l'historique.".into(),
            (GitError::NoProgram, Lang::En) => "To send the post, Billet needs the git program, which is not installed. Install it (Debian, Ubuntu: sudo apt install git; macOS: xcode-select --install; Windows: git-scm.com), then try again. The post stays recorded in the history.".into(),
            (GitError::NoRemote(r), Lang::Fr) => format!("Ce dépôt n'a pas d'adresse « {r} » où envoyer l'article. Demandez à la personne qui s'occupe du site de l'ajouter (git remote add {r} ADRESSE)."),
            (GitError::NoRemote(r), Lang::En) => format!("This repository has no address “{r}” to send the post to. Ask whoever looks after the site to add it (git remote add {r} ADDRESS)."),
            (GitError::Offline { remote, detail }, Lang::Fr) => format!("{remote} ne répond pas : pas de réseau, ou une adresse injoignable ({detail}). L'article est enregistré dans l'historique et attend d'être envoyé : réessayez quand la connexion sera revenue."),
            (GitError::Offline { remote, detail }, Lang::En) => format!("{remote} cannot be reached: no network, or an address out of reach ({detail}). The post is recorded in the history and waiting to be sent: try again once you are back online."),
            (GitError::Refused { remote, detail }, Lang::Fr) => format!("{remote} a refusé votre identité ({detail}). Vérifiez votre mot de passe ou jeton d'accès, ou que votre clé SSH est enregistrée chez l'hébergeur du site. L'article reste enregistré et attend d'être envoyé."),
            (GitError::Refused { remote, detail }, Lang::En) => format!("{remote} refused your credentials ({detail}). Check your password or access token, or that your SSH key is registered with the site's host. The post stays recorded and waiting to be sent."),
            (GitError::HookRejected(out), Lang::Fr) => format!("Une vérification du site (un « hook » git) a refusé l'enregistrement ; rien n'a été enregistré. Ce qu'elle dit :\n{out}"),
            (GitError::HookRejected(out), Lang::En) => format!("A check of the site's (a git “hook”) refused the recording; nothing was recorded. What it says:\n{out}"),
            (GitError::Stopped(files), Lang::Fr) => format!("Quelqu'un a modifié sur le site les mêmes lignes que vous dans un fichier qui n'est pas celui de l'article ({}). Billet s'est arrêté et a tout remis comme avant l'envoi. Demandez de l'aide à la personne qui s'occupe du site.", files.join(", ")),
            (GitError::Stopped(files), Lang::En) => format!("Someone changed on the site the same lines as you in a file that is not the post's ({}). Billet stopped and put everything back as it was before sending. Ask whoever looks after the site for help.", files.join(", ")),
            (GitError::Rejected { remote, detail }, Lang::Fr) => format!("{remote} a refusé l'envoi ({detail}). L'article reste enregistré et attend d'être envoyé : réessayez dans un moment."),
            (GitError::Rejected { remote, detail }, Lang::En) => format!("{remote} refused what was sent ({detail}). The post stays recorded and waiting to be sent: try again in a moment."),
            (GitError::NothingToSettle, Lang::Fr) => "Aucun envoi n'attend de choix : il a été terminé ou annulé ailleurs.".into(),
            (GitError::NothingToSettle, Lang::En) => "No sending is waiting for choices: it was finished or cancelled elsewhere.".into(),
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
