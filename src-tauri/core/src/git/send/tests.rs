//! Sending against real repositories: a bare one reached over file://,
//! the author's clone and a colleague's. git makes and checks them.

use std::path::Path;

use super::*;
use crate::git::tests::git;
use crate::git::{commit_post, Badge};
use crate::site::Site;

const POST: &str = "blog/bilan.md";
const OTHER: &str = "blog/autre.md";
const TEXT: &str =
    "---\ntitle: Bilan\nauthor: Hélène\n---\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n";

struct Remote {
    dir: tempfile::TempDir,
}

impl Remote {
    /// A bare repository with one commit (a site with two posts), and
    /// clones of it for the author and a colleague.
    fn new() -> Remote {
        let dir = tempfile::tempdir().unwrap();
        let seed = dir.path().join("seed");
        std::fs::create_dir_all(seed.join("blog")).unwrap();
        std::fs::write(seed.join("billet.yml"), "posts: blog\nfields:\n  - {name: title, widget: string}\n  - {name: author, widget: string}\n").unwrap();
        std::fs::write(seed.join(POST), TEXT).unwrap();
        std::fs::write(
            seed.join(OTHER),
            "---\ntitle: Autre\nauthor: Léa\n---\n\nTexte.\n",
        )
        .unwrap();
        git(&seed, &["init", "-q"]);
        git(&seed, &["add", "."]);
        git(&seed, &["commit", "-q", "-m", "Start"]);
        git(dir.path(), &["clone", "-q", "--bare", "seed", "remote.git"]);
        let remote = Remote { dir };
        for who in ["author", "colleague"] {
            git(remote.dir.path(), &["clone", "-q", &remote.url(), who]);
            let clone = remote.clone_of(who);
            git(&clone, &["config", "user.name", who]);
            git(
                &clone,
                &["config", "user.email", &format!("{who}@example.org")],
            );
            git(&clone, &["config", "commit.gpgsign", "false"]);
        }
        remote
    }

    fn url(&self) -> String {
        format!("file://{}", self.dir.path().join("remote.git").display())
    }

    fn clone_of(&self, who: &str) -> std::path::PathBuf {
        self.dir.path().join(who)
    }

    /// The colleague edits `rel` and pushes.
    fn colleague_pushes(&self, rel: &str, from: &str, to: &str) {
        let clone = self.clone_of("colleague");
        git(&clone, &["pull", "-q", "--rebase"]);
        edit(&clone, rel, from, to);
        git(&clone, &["commit", "-q", "-am", "Colleague"]);
        git(&clone, &["push", "-q"]);
    }

    /// A file as the remote's main branch has it.
    fn file(&self, rel: &str) -> String {
        git(
            &self.dir.path().join("remote.git"),
            &["show", &format!("main:{rel}")],
        )
    }
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} in {text}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-12-02T10:00:00+01:00").unwrap()
}

/// The author records the post as Billet does, then sends it.
fn record_and_send(site: &Site, steps: &mut Vec<Step>) -> Result<SendOutcome, GitError> {
    let mut sending = Sending::start(site, POST)?;
    assert!(!sending.needs_git()?);
    sending.recorded(commit_post(site, POST, None, None, now())?);
    sending.deliver(&mut |step| steps.push(step))
}

#[test]
fn a_post_goes_to_the_remote_over_file_and_the_badges_follow() {
    let remote = Remote::new();
    let author = remote.clone_of("author");
    let site = Site::open(&author).unwrap();
    edit(&author, POST, "title: Bilan", "title: Notre bilan");
    let mut steps = Vec::new();
    let SendOutcome::Sent(sent) = record_and_send(&site, &mut steps).unwrap() else {
        panic!("not sent")
    };
    assert_eq!(steps, [Step::Fetching, Step::Sending]);
    assert_eq!(
        (sent.remote.as_str(), sent.branch.as_str()),
        ("origin", "main")
    );
    assert!(!sent.replayed && !sent.review && sent.review_link.is_none());
    assert!(remote.file(POST).contains("title: Notre bilan"));
    let badges = crate::git::badges(&site, &[POST.into(), OTHER.into()]).unwrap();
    assert_eq!(badges[POST], Badge::Sent);
    // Recorded here and not sent: waiting.
    edit(&author, OTHER, "Texte.", "Texte revu.");
    commit_post(&site, OTHER, None, None, now()).unwrap();
    let badges = crate::git::badges(&site, &[POST.into(), OTHER.into()]).unwrap();
    assert_eq!((badges[POST], badges[OTHER]), (Badge::Sent, Badge::Waiting));
}

#[test]
fn the_colleagues_change_to_another_post_is_brought_in_and_yours_replayed_on_it() {
    let remote = Remote::new();
    let author = remote.clone_of("author");
    let site = Site::open(&author).unwrap();
    edit(
        &author,
        POST,
        "Premier paragraphe.",
        "Premier paragraphe, revu.",
    );
    // Meanwhile, before the author sends.
    remote.colleague_pushes(OTHER, "title: Autre", "title: Autre chose");
    let mut steps = Vec::new();
    let SendOutcome::Sent(sent) = record_and_send(&site, &mut steps).unwrap() else {
        panic!("not sent")
    };
    assert_eq!(steps, [Step::Fetching, Step::Replaying, Step::Sending]);
    assert!(sent.replayed);
    assert!(remote.file(POST).contains("Premier paragraphe, revu."));
    assert!(remote.file(OTHER).contains("title: Autre chose"));
    assert!(std::fs::read_to_string(author.join(OTHER))
        .unwrap()
        .contains("Autre chose"));
}

#[test]
fn a_conflict_in_the_post_is_settled_field_by_field_and_sent() {
    let remote = Remote::new();
    let author = remote.clone_of("author");
    let site = Site::open(&author).unwrap();
    // Other unsaved work of the author's is set aside and put back.
    edit(&author, OTHER, "Texte.", "Brouillon.");
    edit(&author, POST, "title: Bilan", "title: Notre bilan");
    edit(
        &author,
        POST,
        "Premier paragraphe.",
        "Premier paragraphe, revu.",
    );
    remote.colleague_pushes(POST, "title: Bilan", "title: Bilan de l'année");
    let mut steps = Vec::new();
    let SendOutcome::Conflict(conflict) = record_and_send(&site, &mut steps).unwrap() else {
        panic!("no conflict")
    };
    assert_eq!(steps, [Step::Fetching, Step::Replaying]);
    assert_eq!(conflict.path, POST);
    assert_eq!(conflict.fields.len(), 1);
    let title = &conflict.fields[0];
    assert_eq!(
        (
            title.original.as_deref(),
            title.theirs.as_deref(),
            title.yours.as_deref()
        ),
        (Some("Bilan"), Some("Bilan de l'année"), Some("Notre bilan"))
    );
    // No markers in the file while the author chooses: their own version.
    let waiting = std::fs::read_to_string(author.join(POST)).unwrap();
    assert!(
        waiting.contains("title: Notre bilan\n") && !waiting.contains("<<<<"),
        "{waiting}"
    );
    // The waiting conflict is the same when asked again (after a restart).
    let again = Sending::resume(&site, POST).unwrap().conflict().unwrap();
    assert_eq!(again, conflict);
    let choices = Settlement {
        fields: vec![Side::Theirs],
        body: conflict.body.iter().map(|p| p.suggested).collect(),
    };
    let mut steps = Vec::new();
    let outcome = Sending::resume(&site, POST)
        .unwrap()
        .settle(&choices, &mut |s| steps.push(s))
        .unwrap();
    assert!(matches!(outcome, SendOutcome::Sent(_)), "{outcome:?}");
    assert_eq!(steps, [Step::Replaying, Step::Sending]);
    let sent = remote.file(POST);
    assert!(sent.contains("title: Bilan de l'année\n"), "{sent}");
    assert!(sent.contains("Premier paragraphe, revu."), "{sent}");
    assert_eq!(std::fs::read_to_string(author.join(POST)).unwrap(), sent);
    assert!(std::fs::read_to_string(author.join(OTHER))
        .unwrap()
        .contains("Brouillon."));
    assert_eq!(
        git(&author, &["status", "--porcelain"]),
        " M blog/autre.md\n"
    );
}

#[test]
fn a_conflict_elsewhere_puts_the_repository_back_as_it_was() {
    let remote = Remote::new();
    let author = remote.clone_of("author");
    let site = Site::open(&author).unwrap();
    // The author changed the site's settings by hand, and recorded it.
    edit(
        &author,
        "billet.yml",
        "posts: blog",
        "posts: blog # les articles",
    );
    git(&author, &["commit", "-q", "-am", "Réglages"]);
    remote.colleague_pushes("billet.yml", "posts: blog", "posts: blog # nos articles");
    edit(&author, POST, "title: Bilan", "title: Notre bilan");
    // A change the author staged by hand stays staged.
    edit(&author, OTHER, "Texte.", "Texte à moi.");
    git(&author, &["add", OTHER]);
    let head = git(&author, &["rev-parse", "HEAD"]);
    let index = std::fs::read(author.join(".git/index")).unwrap();
    let mut steps = Vec::new();
    let err = record_and_send(&site, &mut steps).unwrap_err();
    assert!(
        matches!(&err, GitError::Stopped(files) if files == &["billet.yml"]),
        "{err:?}"
    );
    assert_eq!(git(&author, &["rev-parse", "HEAD"]), head);
    assert_eq!(std::fs::read(author.join(".git/index")).unwrap(), index);
    assert!(!author.join(".git/rebase-merge").exists());
    assert_eq!(
        git(&author, &["status", "--porcelain"]),
        "M  blog/autre.md\n M blog/bilan.md\n"
    );
    assert!(!remote.file(POST).contains("Notre bilan"));
}

#[test]
fn abandoning_a_conflict_keeps_the_post_recorded() {
    let remote = Remote::new();
    let author = remote.clone_of("author");
    let site = Site::open(&author).unwrap();
    edit(&author, POST, "title: Bilan", "title: Notre bilan");
    remote.colleague_pushes(POST, "title: Bilan", "title: Bilan de l'année");
    let outcome = record_and_send(&site, &mut Vec::new()).unwrap();
    assert!(matches!(outcome, SendOutcome::Conflict(_)));
    let recorded = git(&author, &["rev-parse", "main"]);
    Sending::resume(&site, POST).unwrap().abandon().unwrap();
    assert_eq!(git(&author, &["rev-parse", "HEAD"]), recorded);
    assert_eq!(git(&author, &["status", "--porcelain"]), "");
    assert!(matches!(
        Sending::resume(&site, POST),
        Err(GitError::NothingToSettle)
    ));
    let badges = crate::git::badges(&site, &[POST.into()]).unwrap();
    assert_eq!(badges[POST], Badge::Waiting);
}

#[test]
fn review_mode_sends_to_the_posts_own_branch() {
    let remote = Remote::new();
    let author = remote.clone_of("author");
    edit(
        &author,
        "billet.yml",
        "posts: blog",
        "posts: blog\npublish: {review: true}",
    );
    git(&author, &["commit", "-q", "-am", "Relecture"]);
    git(&author, &["push", "-q"]);
    let site = Site::open(&author).unwrap();
    edit(&author, POST, "title: Bilan", "title: Notre bilan");
    let SendOutcome::Sent(sent) = record_and_send(&site, &mut Vec::new()).unwrap() else {
        panic!("not sent")
    };
    assert!(sent.review);
    assert_eq!(sent.branch, "billet/bilan");
    let bare = remote.dir.path().join("remote.git");
    let reviewed = git(&bare, &["show", "billet/bilan:blog/bilan.md"]);
    assert!(reviewed.contains("Notre bilan"));
    assert!(!remote.file(POST).contains("Notre bilan"));
    let badges = crate::git::badges(&site, &[POST.into()]).unwrap();
    assert_eq!(badges[POST], Badge::InReview);
}
