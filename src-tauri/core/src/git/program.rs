//! The installed `git` program, for what only it does the author's way:
//! talking to the remote (credential helpers, SSH keys and agent,
//! `~/.ssh/config`, `insteadOf`) and commits that run hooks or are signed.
//!
//! It never waits on a question: with no terminal to answer it, a prompt
//! would hang the app. A refused password or key is reported instead.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::GitError;

/// How one run of git ended.
#[derive(Debug, Clone)]
pub struct Run {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout's first line, trimmed: the answer of a query.
    pub fn line(&self) -> String {
        self.stdout.lines().next().unwrap_or("").trim().to_string()
    }
}

/// git, run in one worktree.
pub struct GitProgram {
    program: PathBuf,
    workdir: PathBuf,
}

impl GitProgram {
    /// The `git` on the PATH (or `BILLET_GIT`, for tests and odd setups),
    /// working in `workdir`; `GitError::NoProgram` when there is none.
    pub fn find(workdir: &Path) -> Result<GitProgram, GitError> {
        let program = std::env::var_os("BILLET_GIT")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("git"));
        let found = Command::new(&program)
            .arg("--version")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        match found {
            true => Ok(GitProgram {
                program,
                workdir: workdir.to_path_buf(),
            }),
            false => Err(GitError::NoProgram),
        }
    }

    /// The worktree git runs in.
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// Runs `git args...`; a run that git itself reports as failed is a
    /// `Run` with `ok: false`, for the caller to read.
    pub fn run(&self, args: &[&str]) -> Result<Run, GitError> {
        self.run_with(args, &[])
    }

    /// Runs git with extra environment variables.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Result<Run, GitError> {
        let mut command = Command::new(&self.program);
        command
            .args(args)
            .current_dir(&self.workdir)
            .stdin(Stdio::null())
            // Messages in one language, so that they can be recognised.
            .env("LC_ALL", "C")
            .env("LANGUAGE", "C")
            // No question on a terminal (user name, password)...
            .env("GIT_TERMINAL_PROMPT", "0")
            // ...nor from Git Credential Manager's own windows...
            .env("GCM_INTERACTIVE", "never")
            // ...nor from ssh (a passphrase, an unknown host): keys the agent
            // holds, and keys without passphrase, still work.
            .env("SSH_ASKPASS_REQUIRE", "never")
            // An editor is never opened: messages are given, and a replay
            // goes on with the message it had.
            .env("GIT_EDITOR", "true")
            .env("GIT_SEQUENCE_EDITOR", "true");
        if std::env::var_os("GIT_SSH_COMMAND").is_none() && !self.has_config("core.sshCommand") {
            command.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        for (key, value) in env {
            command.env(key, value);
        }
        let out = command
            .output()
            .map_err(|e| GitError::Git(format!("git: {e}")))?;
        Ok(Run {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }

    /// Runs git and wants it to succeed; its own words otherwise.
    pub fn must(&self, args: &[&str]) -> Result<Run, GitError> {
        let run = self.run(args)?;
        match run.ok {
            true => Ok(run),
            false => Err(GitError::Git(format!(
                "git {}: {}",
                args.join(" "),
                run.stderr.trim()
            ))),
        }
    }

    /// A configuration value as git reads it (every level, includes).
    pub fn config(&self, key: &str) -> Option<String> {
        self.query(&["config", "--get", key])
    }

    /// A boolean setting (`true`, `yes`, `on`, `1`).
    pub fn config_is_true(&self, key: &str) -> bool {
        self.query(&["config", "--type=bool", "--get", key])
            .is_some_and(|v| v == "true")
    }

    fn has_config(&self, key: &str) -> bool {
        self.config(key).is_some()
    }

    /// stdout of a quick local query, trimmed; `None` when git fails or
    /// says nothing. No environment of ours: nothing here can prompt.
    fn query(&self, args: &[&str]) -> Option<String> {
        let out = Command::new(&self.program)
            .args(args)
            .current_dir(&self.workdir)
            .stdin(Stdio::null())
            .output()
            .ok()?;
        let value = String::from_utf8_lossy(&out.stdout).trim().to_string();
        (out.status.success() && !value.is_empty()).then_some(value)
    }
}
