//! Whether a recorded post was sent: read from git each time, never
//! remembered. A post whose last recorded change is on the remote's branch
//! was sent; one whose change is only on its review branch is under
//! review; one whose change is in none is waiting to be sent.

use std::collections::HashMap;

use super::review::review_branch;
use super::route::Route;
use crate::git::program::GitProgram;
use crate::git::repo::Repo;
use crate::git::Badge;
use crate::site::Site;

/// The badges of recorded posts (site-relative path, and the
/// repository-relative paths of its files), when there is a remote to
/// compare with: `Sent`, `InReview` or `Waiting`. Empty when
/// there is no git program, no remote or nothing was ever fetched from it:
/// the posts then stay simply recorded.
pub fn sent_badges(
    site: &Site,
    repo: &Repo,
    recorded: &[(String, Vec<String>)],
) -> HashMap<String, Badge> {
    let mut badges = HashMap::new();
    if recorded.is_empty() {
        return badges;
    }
    let Ok(git) = GitProgram::find(&repo.workdir) else {
        return badges;
    };
    let Ok(route) = Route::of(site, &git, "") else {
        return badges;
    };
    let upstream = route.tracking(&route.base);
    let Some(last_change) = unsent_changes(&git, &upstream) else {
        return badges;
    };
    for (post, paths) in recorded {
        let newest = paths
            .iter()
            .filter_map(|p| last_change.get(p))
            .min_by_key(|(order, _)| *order);
        let badge = match newest {
            None => Badge::Sent,
            Some((_, commit)) => {
                let review = route.tracking(&review_branch(post));
                let reviewed = git.run(&["merge-base", "--is-ancestor", commit, &review]);
                match reviewed.is_ok_and(|r| r.ok) {
                    true => Badge::InReview,
                    false => Badge::Waiting,
                }
            }
        };
        badges.insert(post.clone(), badge);
    }
    badges
}

/// For each file changed by a commit the remote's branch lacks, the newest
/// such commit (and its rank, 0 the newest); `None` when the remote's
/// branch is unknown here.
fn unsent_changes(git: &GitProgram, upstream: &str) -> Option<HashMap<String, (usize, String)>> {
    git.run(&["rev-parse", "--verify", "--quiet", upstream])
        .ok()
        .filter(|r| r.ok)?;
    let range = format!("{upstream}..HEAD");
    let log = git
        .run(&[
            "log",
            "--format=%x01%H",
            "--name-only",
            "--no-renames",
            &range,
        ])
        .ok()?;
    if !log.ok {
        return None;
    }
    let mut changes = HashMap::new();
    for (rank, entry) in log.stdout.split('\u{1}').skip(1).enumerate() {
        let mut lines = entry.lines();
        let commit = lines.next().unwrap_or("").trim().to_string();
        for path in lines.filter(|l| !l.is_empty()) {
            changes
                .entry(path.to_string())
                .or_insert((rank, commit.clone()));
        }
    }
    Some(changes)
}
