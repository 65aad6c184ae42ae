//! `billet`: the same core as the desktop app, from a terminal, for scripts
//! and for a site's own CI.

mod args;
mod commands;
mod publish;

use std::process::ExitCode;

use billet_core::lang::{Explain, Lang};
use clap::Parser;

/// Why a command stopped: a message for the user, and the exit code.
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// A runtime failure (exit 1), worded for `lang`.
    pub fn from(err: &dyn Explain, lang: Lang) -> Failure {
        Failure {
            message: err.message(lang),
            code: 1,
        }
    }

    /// Bad usage (exit 2).
    pub fn usage(message: String) -> Failure {
        Failure { message, code: 2 }
    }
}

fn main() -> ExitCode {
    let lang =
        Lang::from_env_values(["LC_ALL", "LC_MESSAGES", "LANG"].map(|v| std::env::var(v).ok()));
    let args = match args::Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // Help and version are not errors; clap prints them and says so.
            let code = if e.use_stderr() { 2 } else { 0 };
            if e.use_stderr() && lang == Lang::Fr {
                eprintln!("Utilisation incorrecte de billet (billet --help pour l'aide).");
            }
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match commands::run(args, lang) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!("billet: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
