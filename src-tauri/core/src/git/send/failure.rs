//! What git's words mean when talking to a remote fails: out of reach,
//! credentials refused, or the remote moved meanwhile. git runs with
//! `LC_ALL=C`, so its messages are the English ones matched here.

use crate::git::program::Run;
use crate::git::GitError;

/// The remote could not be reached at all.
const OFFLINE: [&str; 10] = [
    "Could not resolve host",
    "Could not resolve hostname",
    "Connection refused",
    "Connection timed out",
    "Network is unreachable",
    "No route to host",
    "Connection reset",
    "does not appear to be a git repository",
    "Failed to connect",
    "Temporary failure in name resolution",
];

/// The remote answered, and refused who the author is.
const REFUSED: [&str; 9] = [
    "Authentication failed",
    "Permission denied",
    "could not read Username",
    "could not read Password",
    "terminal prompts disabled",
    "Access denied",
    "Host key verification failed",
    "The requested URL returned error: 401",
    "The requested URL returned error: 403",
];

/// The push was refused because the remote has commits the branch lacks.
const MOVED: [&str; 3] = ["fetch first", "non-fast-forward", "stale info"];

/// The error for a failed fetch or push to `remote`.
pub fn classify(remote: &str, run: &Run) -> GitError {
    let said = format!("{}\n{}", run.stderr, run.stdout);
    let detail = summary(&run.stderr);
    let remote = remote.to_string();
    // Refusals first: ssh ends a refused key with "Could not read from
    // remote repository", as it ends a host out of reach.
    if REFUSED.iter().any(|p| said.contains(p)) {
        GitError::Refused { remote, detail }
    } else if OFFLINE.iter().any(|p| said.contains(p)) {
        GitError::Offline { remote, detail }
    } else if said.contains("[rejected]") || said.contains("[remote rejected]") || moved(&said) {
        GitError::Rejected {
            remote,
            detail: summary(&said),
        }
    } else {
        GitError::Git(detail)
    }
}

/// Whether a refusal says the remote moved (as opposed to a rule of the
/// remote's, which no retry changes).
pub fn moved(detail: &str) -> bool {
    MOVED.iter().any(|p| detail.contains(p))
}

/// A fetch asked for a branch the remote does not have.
pub fn missing_branch(run: &Run) -> bool {
    !run.ok && run.stderr.contains("couldn't find remote ref")
}

/// git's words without its hints, on one line.
fn summary(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("hint:") && *l != "Done")
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(stderr: &str) -> Run {
        Run {
            ok: false,
            stdout: String::new(),
            stderr: stderr.into(),
        }
    }

    #[test]
    fn a_refused_ssh_key_is_refused_not_offline() {
        let run = failed("git@127.0.0.1: Permission denied (publickey).\r\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n");
        assert!(matches!(classify("origin", &run), GitError::Refused { .. }));
    }

    #[test]
    fn a_host_out_of_reach_is_offline() {
        let run = failed("ssh: connect to host 127.0.0.1 port 1: Connection refused\r\nfatal: Could not read from remote repository.\n");
        assert!(matches!(classify("origin", &run), GitError::Offline { .. }));
    }

    #[test]
    fn a_push_behind_the_remote_is_a_move() {
        let run = failed(" ! [rejected]        HEAD -> main (fetch first)\nerror: failed to push some refs to 'file:///x'\nhint: Updates were rejected because the remote contains work that you do not\n");
        match classify("origin", &run) {
            GitError::Rejected { detail, .. } => assert!(moved(&detail), "{detail}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_rule_of_the_remote_is_no_move() {
        let run = failed(" ! [remote rejected] HEAD -> main (pre-receive hook declined)\n");
        match classify("origin", &run) {
            GitError::Rejected { detail, .. } => assert!(!moved(&detail), "{detail}"),
            other => panic!("{other:?}"),
        }
    }
}
