//! The one error shape that crosses to the interface (core's
//! `ErrorReport`: a stable code, and a message in the interface's
//! language), and the shell's own refusals, explained as core's are.

use billet_core::lang::{Explain, Lang};
pub use billet_core::workspace::ErrorReport as IpcError;

pub type Result<T> = std::result::Result<T, IpcError>;

#[derive(Debug)]
pub enum ShellError {
    /// A command that needs an open site was called without one.
    NoSite,
    /// Work on a background thread stopped with a bug.
    Crashed,
    /// A link from the preview that is not a web or e-mail address.
    LinkRefused(String),
    /// The system could not open a link.
    LinkFailed(String),
}

impl ShellError {
    pub fn report(&self, lang: Lang) -> IpcError {
        IpcError::new(self, lang)
    }
}

impl Explain for ShellError {
    fn code(&self) -> &'static str {
        match self {
            ShellError::NoSite => "app.no_site",
            ShellError::Crashed => "app.crashed",
            ShellError::LinkRefused(_) => "app.link_refused",
            ShellError::LinkFailed(_) => "app.link_failed",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ShellError::NoSite, Lang::Fr) => "Aucun site n'est ouvert.".into(),
            (ShellError::NoSite, Lang::En) => "No site is open.".into(),
            (ShellError::Crashed, Lang::Fr) => {
                "Billet a rencontré une erreur interne ; rien n'a été écrit. Réessayez.".into()
            }
            (ShellError::Crashed, Lang::En) => {
                "Billet hit an internal error; nothing was written. Try again.".into()
            }
            (ShellError::LinkRefused(url), Lang::Fr) => {
                format!("Billet n'ouvre que les liens web et e-mail, pas « {url} ».")
            }
            (ShellError::LinkRefused(url), Lang::En) => {
                format!("Billet only opens web and email links, not `{url}`.")
            }
            (ShellError::LinkFailed(why), Lang::Fr) => {
                format!("Le lien n'a pas pu être ouvert ({why}).")
            }
            (ShellError::LinkFailed(why), Lang::En) => {
                format!("The link could not be opened ({why}).")
            }
        }
    }
}
