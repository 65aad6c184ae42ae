//! Against real repositories made in temp folders with the git program
//! (only here: billet-core itself never runs git), with the machine's own
//! git configuration kept out.

use std::fs;
use std::path::Path;
use std::process::Command;

use chrono::DateTime;

use super::*;
use crate::site::Site;

/// Runs git in `dir` and returns its standard output; fails the test when
/// git fails.
pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_may_fail(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn git_may_fail(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args([
            "-c",
            "user.name=Setup",
            "-c",
            "user.email=setup@example.org",
        ])
        .args(["-c", "init.defaultBranch=main", "-c", "core.autocrlf=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs")
}

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

const POST: &str = "content/fr/blog/2025/premier.md";

/// A post with a cover and two body images (one Markdown, one raw HTML),
/// an image on another site and a repeated one.
fn post_text(title: &str) -> String {
    format!(
        "---\ntitle: {title}\nimage: /blog/2025/premier.jpg\n---\n\nIntro ![une](/blog/2025/premier-une.jpg)\n\n<img src=\"/blog/2025/premier-deux.png\" alt=\"\">\n\n![ailleurs](https://example.org/x.png) ![encore](/blog/2025/premier-une.jpg)\n"
    )
}

/// Writes the post and its three images under the site's root.
fn write_post(root: &Path, title: &str) {
    write(root, POST, post_text(title));
    write(root, "public/blog/2025/premier.jpg", "cover");
    write(root, "public/blog/2025/premier-une.jpg", "one");
    write(root, "public/blog/2025/premier-deux.png", "two");
}

/// Writes the post and its images and commits them with git.
fn commit_post_by_git(root: &Path) {
    write_post(root, "Premier");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "Premier"]);
}

/// A repository whose site is at `sub` ("" for the root), with one
/// committed post and a committed file beside it, and a local author.
fn repo_with_site(sub: &str) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(sub);
    write(
        &root,
        "content/fr/blog/2024/ancien.md",
        "---\ntitle: Ancien\n---\nTexte.\n",
    );
    write(dir.path(), "README.md", "Le site.\n");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["config", "user.name", "Céline Martin"]);
    git(dir.path(), &["config", "user.email", "celine@example.org"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "Start"]);
    let site = Site::open(&root).unwrap();
    (dir, site)
}

fn now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2025-03-04T10:20:30+01:00").unwrap()
}

fn states(files: &[PostFile]) -> Vec<(&str, FileState)> {
    files.iter().map(|f| (f.path.as_str(), f.state)).collect()
}

fn head(dir: &Path) -> String {
    git(dir, &["rev-parse", "HEAD"]).trim().to_string()
}

#[test]
fn the_files_of_a_post_are_the_post_its_cover_and_its_body_images() {
    let (dir, site) = repo_with_site("");
    write_post(dir.path(), "Premier");
    let files = post_files(&site, POST).unwrap();
    let listed: Vec<(&str, FileRole, Option<u64>)> = files
        .iter()
        .map(|f| (f.path.as_str(), f.role, f.size))
        .collect();
    let post_size = post_text("Premier").len() as u64;
    assert_eq!(
        listed,
        [
            (POST, FileRole::Post, Some(post_size)),
            ("public/blog/2025/premier.jpg", FileRole::Cover, Some(5)),
            ("public/blog/2025/premier-une.jpg", FileRole::Image, Some(3)),
            (
                "public/blog/2025/premier-deux.png",
                FileRole::Image,
                Some(3)
            ),
        ]
    );
    assert!(files.iter().all(|f| f.repo_path == f.path));
}

#[test]
fn states_new_modified_unchanged_deleted_missing_ignored() {
    let (dir, site) = repo_with_site("");
    let root = dir.path();
    write_post(root, "Premier");
    assert!(post_files(&site, POST)
        .unwrap()
        .iter()
        .all(|f| f.state == FileState::New));
    git(root, &["add", POST]);
    assert_eq!(
        post_files(&site, POST).unwrap()[0].state,
        FileState::New,
        "added is still new"
    );

    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "Premier"]);
    assert!(post_files(&site, POST)
        .unwrap()
        .iter()
        .all(|f| f.state == FileState::Unchanged));
    assert_eq!(
        badges(&site, &[POST.to_string()]).unwrap()[POST],
        Badge::Recorded
    );

    // The post changes and refers to a missing and an ignored picture; the
    // cover is deleted.
    write(root, ".gitignore", "*.tmp.png\n");
    let text = post_text("Premier, revu")
        + "![absente](/blog/2025/absente.jpg) ![brouillon](/blog/2025/brouillon.tmp.png)\n";
    write(root, POST, text);
    write(root, "public/blog/2025/brouillon.tmp.png", "draft");
    fs::remove_file(root.join("public/blog/2025/premier.jpg")).unwrap();
    let files = post_files(&site, POST).unwrap();
    assert_eq!(
        states(&files),
        [
            (POST, FileState::Modified),
            ("public/blog/2025/premier.jpg", FileState::Deleted),
            ("public/blog/2025/premier-une.jpg", FileState::Unchanged),
            ("public/blog/2025/premier-deux.png", FileState::Unchanged),
            ("public/blog/2025/absente.jpg", FileState::Missing),
            ("public/blog/2025/brouillon.tmp.png", FileState::Ignored),
        ]
    );
    assert_eq!(files[1].size, None);
    assert_eq!(
        badges(&site, &[POST.to_string()]).unwrap()[POST],
        Badge::Modified
    );

    // Staged, then changed again: still modified.
    git(root, &["add", POST]);
    assert_eq!(
        post_files(&site, POST).unwrap()[0].state,
        FileState::Modified
    );
}

#[test]
fn badges_for_a_whole_library_from_one_walk() {
    let (dir, site) = repo_with_site("");
    write_post(dir.path(), "Premier");
    let library = crate::library::Library::scan(&site);
    let paths: Vec<String> = library.posts.iter().map(|p| p.path.clone()).collect();
    let badges = badges(&site, &paths).unwrap();
    assert_eq!(badges[POST], Badge::New);
    assert_eq!(badges["content/fr/blog/2024/ancien.md"], Badge::Recorded);
    assert!(
        !super::badges(&site, &["content/fr/blog/nulle-part.md".into()])
            .unwrap()
            .contains_key("content/fr/blog/nulle-part.md"),
        "no badge for a post that is nowhere"
    );
    // Only an image changed: the post is modified.
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "Premier"]);
    write(
        dir.path(),
        "public/blog/2025/premier-une.jpg",
        "one, retouched",
    );
    assert_eq!(super::badges(&site, &paths).unwrap()[POST], Badge::Modified);
}

#[test]
fn a_commit_holds_the_post_files_and_leaves_every_other_change_as_it_was() {
    let (dir, site) = repo_with_site("");
    let root = dir.path();
    write_post(root, "Premier");
    // Other work in progress: a modified file, a staged one, an untracked one.
    write(root, "README.md", "Le site, modifié.\n");
    write(
        root,
        "content/fr/blog/2024/ancien.md",
        "---\ntitle: Ancien, revu\n---\n",
    );
    git(root, &["add", "content/fr/blog/2024/ancien.md"]);
    write(root, "notes.txt", "à faire\n");
    let before = git(root, &["status", "--porcelain", "--untracked-files=all"]);
    let start = head(root);

    let ready = ready(&site, POST).unwrap();
    assert_eq!(ready.message, "Blog : Premier");
    let others: Vec<(&str, FileState)> = ready
        .other_changes
        .iter()
        .map(|c| (c.path.as_str(), c.state))
        .collect();
    assert_eq!(
        others,
        [
            ("README.md", FileState::Modified),
            ("content/fr/blog/2024/ancien.md", FileState::Modified),
            ("notes.txt", FileState::New),
        ]
    );

    let committed = commit_post(&site, POST, None, None, now()).unwrap();
    let mut expected = vec![
        POST,
        "public/blog/2025/premier.jpg",
        "public/blog/2025/premier-une.jpg",
        "public/blog/2025/premier-deux.png",
    ];
    assert_eq!(committed.files, expected);
    assert_eq!(head(root), committed.id);
    assert_eq!(
        git(root, &["rev-parse", "HEAD~1"]).trim(),
        start,
        "the commit goes on the branch"
    );
    let stat = git(
        root,
        &[
            "show",
            "--name-only",
            "--format=%an <%ae>|%s|%ad",
            "--date=iso",
            "HEAD",
        ],
    );
    let mut lines = stat.lines();
    assert_eq!(
        lines.next(),
        Some("Céline Martin <celine@example.org>|Blog : Premier|2025-03-04 10:20:30 +0100")
    );
    let mut shown: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    shown.sort_unstable();
    expected.sort_unstable();
    assert_eq!(shown, expected);
    let tree = git(root, &["ls-tree", "-r", "--name-only", "HEAD"]);
    assert!(tree.contains("public/blog/2025/premier.jpg\n"), "{tree}");
    assert!(!tree.contains("notes.txt"), "{tree}");
    assert_eq!(
        git(root, &["show", "HEAD:content/fr/blog/2024/ancien.md"]),
        "---\ntitle: Ancien\n---\nTexte.\n",
        "the staged change is not in the commit"
    );

    let after = git(root, &["status", "--porcelain"]);
    let untouched: String = before
        .lines()
        .filter(|l| !l.contains("2025/"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(after, untouched, "before:\n{before}");
    assert_eq!(
        after,
        " M README.md\nM  content/fr/blog/2024/ancien.md\n?? notes.txt\n"
    );
    assert_eq!(git(root, &["fsck", "--no-progress"]), "");
    assert!(post_files(&site, POST)
        .unwrap()
        .iter()
        .all(|f| f.state == FileState::Unchanged));
}

#[test]
fn a_deleted_image_is_removed_by_the_commit_and_a_message_can_be_given() {
    let (dir, site) = repo_with_site("");
    let root = dir.path();
    commit_post_by_git(root);
    fs::remove_file(root.join("public/blog/2025/premier-deux.png")).unwrap();
    let committed = commit_post(&site, POST, Some("Sans la deuxième image"), None, now()).unwrap();
    assert_eq!(committed.files, ["public/blog/2025/premier-deux.png"]);
    assert_eq!(
        git(root, &["log", "-1", "--format=%s"]).trim(),
        "Sans la deuxième image"
    );
    assert!(!git(root, &["ls-tree", "-r", "--name-only", "HEAD"]).contains("premier-deux"));
    assert_eq!(git(root, &["status", "--porcelain"]), "");
}

#[test]
fn a_deleted_post_is_committed_as_a_deletion() {
    let (dir, site) = repo_with_site("");
    let root = dir.path();
    commit_post_by_git(root);
    fs::remove_file(root.join(POST)).unwrap();
    assert_eq!(
        states(&post_files(&site, POST).unwrap()),
        [(POST, FileState::Deleted)],
        "its images cannot be known any more"
    );
    let committed = commit_post(&site, POST, Some("Retiré"), None, now()).unwrap();
    assert_eq!(committed.files, [POST]);
    assert!(!git(root, &["ls-tree", "-r", "--name-only", "HEAD"]).contains("premier.md"));
    assert_eq!(git(root, &["status", "--porcelain"]), "");
}

#[test]
fn nothing_to_commit_is_refused() {
    let (dir, site) = repo_with_site("");
    commit_post_by_git(dir.path());
    write(dir.path(), "README.md", "Autre chose.\n");
    let start = head(dir.path());
    let err = commit_post(&site, POST, None, None, now()).unwrap_err();
    assert!(matches!(err, GitError::NothingToCommit(_)), "{err:?}");
    assert_eq!(head(dir.path()), start);
    assert!(
        crate::lang::Explain::message(&err, crate::lang::Lang::Fr).starts_with("Rien à commiter")
    );
}

#[test]
fn a_detached_head_is_refused() {
    let (dir, site) = repo_with_site("");
    git(dir.path(), &["checkout", "-q", "--detach"]);
    write_post(dir.path(), "Premier");
    let start = head(dir.path());
    let err = commit_post(&site, POST, None, None, now()).unwrap_err();
    assert!(matches!(err, GitError::Detached), "{err:?}");
    assert_eq!(head(dir.path()), start);
}

#[test]
fn a_merge_in_progress_is_refused() {
    let (dir, site) = repo_with_site("");
    let root = dir.path();
    git(root, &["checkout", "-q", "-b", "other"]);
    write(root, "README.md", "Sur l'autre branche.\n");
    git(root, &["commit", "-q", "-am", "Other"]);
    git(root, &["checkout", "-q", "main"]);
    write(root, "README.md", "Sur main.\n");
    git(root, &["commit", "-q", "-am", "Main"]);
    let merge = git_may_fail(root, &["merge", "other"]);
    assert!(!merge.status.success(), "the merge conflicts");
    write_post(root, "Premier");
    let start = head(root);
    let err = commit_post(&site, POST, None, None, now()).unwrap_err();
    assert!(
        matches!(err, GitError::Unfinished(Unfinished::Merge)),
        "{err:?}"
    );
    assert_eq!(head(root), start);
    assert!(git(root, &["status", "--porcelain"]).contains("UU README.md"));
}

#[test]
fn a_first_commit_on_an_unborn_branch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    git(root, &["config", "user.name", "Céline Martin"]);
    git(root, &["config", "user.email", "celine@example.org"]);
    write_post(root, "Premier");
    write(root, "other.txt", "pas commité\n");
    let site = Site::open(root).unwrap();
    let committed = commit_post(&site, POST, None, None, now()).unwrap();
    assert_eq!(committed.files.len(), 4);
    assert_eq!(git(root, &["rev-list", "--count", "HEAD"]).trim(), "1");
    assert_eq!(
        git(root, &["symbolic-ref", "HEAD"]).trim(),
        "refs/heads/main"
    );
    assert_eq!(git(root, &["status", "--porcelain"]), "?? other.txt\n");
}

#[test]
fn a_site_in_a_subfolder_of_its_repository() {
    let (dir, site) = repo_with_site("site");
    let root = dir.path().join("site");
    write_post(&root, "Premier");
    let files = post_files(&site, POST).unwrap();
    assert_eq!(files[0].path, POST);
    assert_eq!(files[0].repo_path, format!("site/{POST}"));
    assert_eq!(files[0].state, FileState::New);
    let ancien = post_files(&site, "content/fr/blog/2024/ancien.md").unwrap();
    assert_eq!(ancien[0].state, FileState::Unchanged);

    write(dir.path(), "README.md", "Changé.\n");
    let ready = ready(&site, POST).unwrap();
    assert_eq!(ready.other_changes.len(), 1);
    assert_eq!(ready.other_changes[0].path, "README.md");
    assert!(
        ready
            .diff
            .starts_with(&format!("--- /dev/null\n+++ b/site/{POST}\n")),
        "{}",
        ready.diff
    );

    let committed = commit_post(&site, POST, None, None, now()).unwrap();
    assert_eq!(committed.files[0], format!("site/{POST}"));
    let tree = git(dir.path(), &["ls-tree", "-r", "--name-only", "HEAD"]);
    assert!(
        tree.contains("site/public/blog/2025/premier-deux.png\n"),
        "{tree}"
    );
    assert_eq!(
        git(dir.path(), &["status", "--porcelain"]),
        " M README.md\n",
        "{}",
        git(dir.path(), &["show", "--stat", "HEAD"])
    );
}

#[test]
fn ready_flags_heavy_missing_and_ignored_files_and_shows_the_diff() {
    let (dir, _) = repo_with_site("");
    let root = dir.path();
    write(
        root,
        "billet.yml",
        "language: en\nposts: content/fr/blog\ncover:\n  max_bytes: 4\nbody_images:\n  max_bytes: 100\n",
    );
    write_post(root, "First");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "First"]);
    write(root, ".gitignore", "*.tmp.png\n");
    write(root, "public/blog/2025/draft.tmp.png", "draft");
    let text =
        post_text("First, again") + "![](/blog/2025/gone.jpg) ![](/blog/2025/draft.tmp.png)\n";
    write(root, POST, &text);
    let site = Site::open(root).unwrap();

    let ready = ready(&site, POST).unwrap();
    assert_eq!(ready.message, "Blog: First, again");
    assert_eq!(
        ready.problems,
        [
            Problem::TooHeavy {
                path: "public/blog/2025/premier.jpg".into(),
                bytes: 5,
                max_bytes: 4
            },
            Problem::Missing {
                path: "public/blog/2025/gone.jpg".into()
            },
            Problem::Ignored {
                path: "public/blog/2025/draft.tmp.png".into()
            },
        ]
    );
    assert_eq!(
        ready.problems[1].message(crate::lang::Lang::En),
        "public/blog/2025/gone.jpg does not exist, yet the post refers to it"
    );
    assert!(
        ready
            .diff
            .starts_with(&format!("--- a/{POST}\n+++ b/{POST}\n@@ ")),
        "{}",
        ready.diff
    );
    assert!(
        ready
            .diff
            .contains("\n-title: First\n+title: First, again\n"),
        "{}",
        ready.diff
    );
    assert!(
        ready.diff.contains("\n+![](/blog/2025/gone.jpg)"),
        "{}",
        ready.diff
    );
    let others: Vec<&str> = ready
        .other_changes
        .iter()
        .map(|c| c.path.as_str())
        .collect();
    assert_eq!(others, [".gitignore"]);

    // The ignored file stays out of the commit, as with `git add`.
    let committed = commit_post(&site, POST, None, None, now()).unwrap();
    assert_eq!(committed.files, [POST]);
    assert_eq!(git(root, &["status", "--porcelain"]), "?? .gitignore\n");
}

#[test]
fn no_identity_anywhere_is_refused_and_a_fallback_is_used() {
    let (dir, site) = repo_with_site("");
    // Empty values in the repository's own config override any the
    // machine has, like no configuration at all.
    git(dir.path(), &["config", "user.name", ""]);
    git(dir.path(), &["config", "user.email", ""]);
    write_post(dir.path(), "Premier");
    let err = commit_post(&site, POST, None, None, now()).unwrap_err();
    assert!(matches!(err, GitError::NoIdentity), "{err:?}");
    // The fallback stands in for what git's configuration lacks, and only that.
    git(dir.path(), &["config", "user.email", "repo@example.org"]);
    let fallback = Identity {
        name: "Depuis les réglages".into(),
        email: "settings@example.org".into(),
    };
    commit_post(&site, POST, None, Some(&fallback), now()).unwrap();
    assert_eq!(
        git(dir.path(), &["log", "-1", "--format=%an <%ae>|%cn <%ce>"]).trim(),
        "Depuis les réglages <repo@example.org>|Depuis les réglages <repo@example.org>"
    );
}

fn zip_entries(path: &Path) -> (Vec<String>, String) {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    let mut note = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(export::NOTE).unwrap(), &mut note).unwrap();
    (names, note)
}

#[test]
fn an_export_holds_the_files_at_their_repository_paths_and_a_note() {
    let (dir, site) = repo_with_site("site");
    write_post(&dir.path().join("site"), "Premier");
    let out = tempfile::tempdir().unwrap();
    let zip_path = out.path().join("premier.zip");
    let exported = export_zip(&site, POST, &zip_path, crate::lang::Lang::Fr).unwrap();
    let (mut names, note) = zip_entries(&zip_path);
    names.sort_unstable();
    let mut expected: Vec<String> = [
        POST,
        "public/blog/2025/premier.jpg",
        "public/blog/2025/premier-une.jpg",
        "public/blog/2025/premier-deux.png",
    ]
    .iter()
    .map(|p| format!("site/{p}"))
    .collect();
    assert_eq!(exported.files, expected);
    expected.push(export::NOTE.to_string());
    expected.sort_unstable();
    assert_eq!(names, expected);
    assert!(
        note.starts_with("Message de commit suggéré :\n\n  Blog : Premier\n"),
        "{note}"
    );
    assert!(note.contains("racine du dépôt"), "{note}");
    assert!(note.contains(&format!("  site/{POST}\n")), "{note}");
    let mut archive = zip::ZipArchive::new(fs::File::open(&zip_path).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name(&format!("site/{POST}")).unwrap(),
        &mut text,
    )
    .unwrap();
    assert_eq!(text, post_text("Premier"));
    assert_eq!(
        fs::read_dir(out.path()).unwrap().count(),
        1,
        "no temp file left"
    );
}

#[test]
fn a_site_outside_any_repository() {
    let dir = tempfile::tempdir().unwrap();
    write_post(dir.path(), "Premier");
    let site = Site::open(dir.path()).unwrap();
    let files = post_files(&site, POST).unwrap();
    assert!(
        files.iter().all(|f| f.state == FileState::Outside),
        "{files:?}"
    );
    assert!(badges(&site, &[POST.to_string()]).unwrap().is_empty());
    let ready = ready(&site, POST).unwrap();
    assert!(ready.other_changes.is_empty() && ready.diff.is_empty());

    let err = commit_post(&site, POST, None, None, now()).unwrap_err();
    assert!(matches!(err, GitError::NotARepository(_)), "{err:?}");

    let zip_path = dir.path().join("out/premier.zip");
    fs::create_dir_all(zip_path.parent().unwrap()).unwrap();
    let exported = export_zip(&site, POST, &zip_path, crate::lang::Lang::En).unwrap();
    assert_eq!(exported.files[0], POST);
    let (names, note) = zip_entries(&zip_path);
    assert_eq!(names.len(), 5);
    assert!(note.contains("paths from the site's root"), "{note}");
}
