//! The one error shape that crosses to the UI: a stable code the UI can key
//! on, and a message already in the interface's language.

use billet_core::lang::{Explain, Lang};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct IpcError {
    pub code: &'static str,
    pub message: String,
}

impl IpcError {
    pub fn from(err: &dyn Explain, lang: Lang) -> IpcError {
        IpcError {
            code: err.code(),
            message: err.message(lang),
        }
    }

    /// A command that needs an open site was called without one.
    pub fn no_site(lang: Lang) -> IpcError {
        IpcError {
            code: "app.no_site",
            message: lang
                .pick("Aucun site n'est ouvert.", "No site is open.")
                .into(),
        }
    }

    /// A post the UI names that was never opened (or was closed).
    pub fn not_open(lang: Lang, path: &str) -> IpcError {
        let message = lang.pick(
            format!("L'article {path} n'est pas ouvert."),
            format!("The post {path} is not open."),
        );
        IpcError {
            code: "app.not_open",
            message,
        }
    }

    /// The picture being framed was let go (another was dropped since).
    pub fn image_gone(lang: Lang) -> IpcError {
        IpcError {
            code: "app.image_gone",
            message: lang
                .pick(
                    "Cette image n'est plus en attente : déposez-la de nouveau.",
                    "This picture is no longer waiting: drop it again.",
                )
                .into(),
        }
    }

    /// Work on a background thread stopped with a bug.
    pub fn crashed(lang: Lang) -> IpcError {
        IpcError {
            code: "app.crashed",
            message: lang
                .pick(
                    "Billet a rencontré une erreur interne ; rien n'a été écrit. Réessayez.",
                    "Billet hit an internal error; nothing was written. Try again.",
                )
                .into(),
        }
    }

    pub fn io(lang: Lang, path: &str, e: &std::io::Error) -> IpcError {
        let message = lang.pick(
            format!("Impossible de lire {path} ({e})."),
            format!("Cannot read {path} ({e})."),
        );
        IpcError {
            code: "app.io",
            message,
        }
    }
}

pub type Result<T> = std::result::Result<T, IpcError>;
