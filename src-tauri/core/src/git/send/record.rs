//! A commit of exactly the post's files made by the git program, for a
//! repository whose commits run hooks or are signed: git runs them as it
//! would in the author's terminal, and a hook that refuses leaves no commit.

use crate::git::program::{GitProgram, Run};
use crate::git::{Committed, FileState, GitError, Identity, PostFile};

/// The hooks git runs around a commit.
const COMMIT_HOOKS: [&str; 4] = [
    "pre-commit",
    "prepare-commit-msg",
    "commit-msg",
    "post-commit",
];

/// Whether a commit here must go through git: it signs commits, or runs
/// a hook. gix does neither, and neither may be skipped silently.
pub fn needs_git(git: &GitProgram) -> Result<bool, GitError> {
    Ok(git.config_is_true("commit.gpgsign") || has_commit_hook(git)?)
}

/// Whether a hook runs on commit, where git looks for hooks (`core.hooksPath` included).
fn has_commit_hook(git: &GitProgram) -> Result<bool, GitError> {
    let hooks = git.must(&["rev-parse", "--git-path", "hooks"])?.line();
    let hooks = git.workdir().join(hooks);
    Ok(COMMIT_HOOKS
        .iter()
        .any(|hook| is_executable(&hooks.join(hook))))
}

#[cfg(unix)]
fn is_executable(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &std::path::Path) -> bool {
    path.is_file()
}

/// Commits the changed files among `files` with `message`; `fallback` is
/// the author when git's configuration names none.
pub fn commit_with_git(
    git: &GitProgram,
    post_rel: &str,
    files: &[PostFile],
    message: &str,
    fallback: Option<&Identity>,
) -> Result<Committed, GitError> {
    let changed: Vec<&str> = files
        .iter()
        .filter(|f| f.state.is_change())
        .map(|f| f.repo_path.as_str())
        .collect();
    if changed.is_empty() {
        return Err(GitError::NothingToCommit(post_rel.to_string()));
    }
    // `git commit -- paths` takes only files git already tracks: new ones
    // are added first, and taken out again if the commit is refused.
    let untracked: Vec<&str> = files
        .iter()
        .filter(|f| f.state == FileState::New)
        .map(|f| f.repo_path.as_str())
        .filter(|p| {
            git.run(&["ls-files", "--error-unmatch", "--", p])
                .is_ok_and(|r| !r.ok)
        })
        .collect();
    if !untracked.is_empty() {
        git.must(&[&["add", "--"][..], &untracked].concat())?;
    }
    let mut args = vec!["commit", "--only", "--quiet", "-m", message, "--"];
    args.extend(&changed);
    let env = identity_env(git, fallback);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let run = git.run_with(&args, &env)?;
    if !run.ok {
        if !untracked.is_empty() {
            git.run(&[&["reset", "--quiet", "--"][..], &untracked].concat())?;
        }
        return Err(refusal(git, &run));
    }
    let id = git.must(&["rev-parse", "HEAD"])?.line();
    Ok(Committed {
        id,
        files: changed.into_iter().map(String::from).collect(),
    })
}

/// Why git did not commit: a hook's words, or git's own.
fn refusal(git: &GitProgram, run: &Run) -> GitError {
    let said = format!("{}{}", run.stdout, run.stderr).trim().to_string();
    let signing = said.contains("failed to sign") || said.contains("gpg failed");
    let identity = said.contains("Please tell me who you are") || said.contains("empty ident");
    match (signing, identity) {
        (_, true) => GitError::NoIdentity,
        (false, false) if has_commit_hook(git).unwrap_or(false) => GitError::HookRejected(said),
        _ => GitError::Git(said),
    }
}

/// The fallback author, for what git's configuration leaves unset.
fn identity_env(git: &GitProgram, fallback: Option<&Identity>) -> Vec<(&'static str, String)> {
    let Some(who) = fallback else {
        return Vec::new();
    };
    let mut env = Vec::new();
    if git.config("user.name").is_none() && !who.name.trim().is_empty() {
        env.push(("GIT_AUTHOR_NAME", who.name.clone()));
        env.push(("GIT_COMMITTER_NAME", who.name.clone()));
    }
    if git.config("user.email").is_none() && !who.email.trim().is_empty() {
        env.push(("GIT_AUTHOR_EMAIL", who.email.clone()));
        env.push(("GIT_COMMITTER_EMAIL", who.email.clone()));
    }
    env
}
