//! `billet status`, `commit` and `export` on repositories made in temp
//! folders. The git program sets them up and checks the results; billet
//! itself never runs it. The machine's git configuration is kept out of
//! both.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Keeps the machine's git configuration out of a command.
fn isolated<'a>(command: &'a mut Command, home: &Path) -> &'a mut Command {
    command
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = isolated(Command::new("git").current_dir(dir), dir)
        .args([
            "-c",
            "user.name=Setup",
            "-c",
            "user.email=setup@example.org",
        ])
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn billet(dir: &Path, args: &[&str], locale: &str) -> Output {
    isolated(&mut Command::new(env!("CARGO_BIN_EXE_billet")), dir)
        .arg("--site")
        .arg(dir)
        .args(args)
        .env("LC_ALL", locale)
        .current_dir(dir)
        .output()
        .expect("the billet binary runs")
}

fn en(dir: &Path, args: &[&str]) -> Output {
    billet(dir, args, "C.UTF-8")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// A JPEG of the site's cover size: the check finds nothing to say of it.
fn picture() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(1080, 600, image::Rgb([40, 90, 200]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

const OLD: &str = "content/fr/blog/ancien.md";
const NEW: &str = "content/fr/blog/premier.md";
const NEW_TEXT: &str = "---\ndate: 2025-01-02T00:00:00.000Z\nbadge:\n  label: Astuces\nauthor: Céline\nimage: /blog/premier.jpg\ntitle: Premier\n---\n\nTexte ![photo](/blog/premier-photo.jpg)\n";

/// A repository with one committed post, and a new post with a cover and a
/// body image; the author's identity is in the repository's config unless
/// `with_identity` is false.
fn repo(with_identity: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, OLD, "---\ntitle: Ancien\n---\nTexte.\n");
    write(root, "README.md", "Le site.\n");
    git(root, &["init", "-q"]);
    if with_identity {
        git(root, &["config", "user.name", "Céline Martin"]);
        git(root, &["config", "user.email", "celine@example.org"]);
    }
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "Start"]);
    write(root, NEW, NEW_TEXT);
    write(root, "public/blog/premier.jpg", picture());
    write(root, "public/blog/premier-photo.jpg", picture());
    write(root, "README.md", "Le site, modifié.\n");
    dir
}

#[test]
fn status_gives_each_post_a_badge_and_one_post_its_files() {
    let dir = repo(true);
    let all = en(dir.path(), &["status"]);
    assert_eq!(all.status.code(), Some(0), "{}", stderr(&all));
    let out = stdout(&all);
    assert!(out.contains(&format!("new        {NEW}\n")), "{out}");
    assert!(out.contains(&format!("recorded   {OLD}\n")), "{out}");

    let one = en(dir.path(), &["status", NEW, "--diff"]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    let out = stdout(&one);
    let size = NEW_TEXT.len();
    let pic = picture().len();
    assert!(
        out.starts_with(&format!(
            "new        {size:>9}  {NEW}\nnew        {pic:>9}  public/blog/premier.jpg\nnew        {pic:>9}  public/blog/premier-photo.jpg\nOther changes in the repository (never committed with the post):\n  modified   README.md\n--- /dev/null\n+++ b/{NEW}\n"
        )),
        "{out}"
    );

    let json = en(dir.path(), &["status", NEW, "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["files"][1]["role"], "cover");
    assert_eq!(report["message"], "Blog : Premier");
}

#[test]
fn commit_prints_the_commit_and_its_files_and_touches_nothing_else() {
    let dir = repo(true);
    let root = dir.path();
    let out = en(root, &["commit", NEW, "-m", "Nouveau billet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let head = git(root, &["rev-parse", "HEAD"]);
    assert_eq!(
        stdout(&out),
        format!("{head}{NEW}\npublic/blog/premier.jpg\npublic/blog/premier-photo.jpg\n")
    );
    assert_eq!(
        git(root, &["log", "-1", "--format=%s|%an"]),
        "Nouveau billet|Céline Martin\n"
    );
    assert_eq!(git(root, &["status", "--porcelain"]), " M README.md\n");
    assert!(stdout(&en(root, &["status"])).contains(&format!("recorded   {NEW}\n")));

    let again = en(root, &["commit", NEW]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("Nothing to commit"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn commit_in_french_with_the_author_given_when_git_has_none() {
    let dir = repo(false);
    let root = dir.path();
    let refused = billet(root, &["commit", NEW], "fr_FR.UTF-8");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("Aucun nom ni e-mail d'auteur"),
        "{}",
        stderr(&refused)
    );
    let out = billet(
        root,
        &["commit", NEW, "--author", "Ann Autrice <ann@example.org>"],
        "fr_FR.UTF-8",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        git(root, &["log", "-1", "--format=%s|%an|%ae"]),
        "Blog : Premier|Ann Autrice|ann@example.org\n"
    );
    let bad = en(root, &["commit", NEW, "--author", "nobody"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn commit_is_refused_on_a_detached_head() {
    let dir = repo(true);
    git(dir.path(), &["checkout", "-q", "--detach"]);
    let out = en(dir.path(), &["commit", NEW]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("detached HEAD"), "{}", stderr(&out));
}

fn zip_names(path: &Path) -> Vec<String> {
    let archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut names: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn export_writes_a_zip_with_the_post_files_and_a_note() {
    let dir = repo(true);
    let out = en(dir.path(), &["export", NEW, "-o", "premier.zip"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{NEW}\npublic/blog/premier.jpg\npublic/blog/premier-photo.jpg\nwritten: premier.zip\n"
        )
    );
    assert_eq!(
        zip_names(&dir.path().join("premier.zip")),
        [
            "COMMIT.txt",
            NEW,
            "public/blog/premier-photo.jpg",
            "public/blog/premier.jpg"
        ]
    );
}

#[test]
fn a_site_without_git_has_no_badges_but_exports() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), NEW, NEW_TEXT);
    write(dir.path(), "public/blog/premier.jpg", picture());
    let all = en(dir.path(), &["status"]);
    assert_eq!(stdout(&all), format!("no repo    {NEW}\n"));
    let one = stdout(&en(dir.path(), &["status", NEW]));
    assert!(
        one.contains("missing            -  public/blog/premier-photo.jpg\n"),
        "{one}"
    );
    // The missing picture would leave a hole in the post: nothing goes out.
    for refused in [
        en(dir.path(), &["commit", NEW]),
        en(dir.path(), &["export", NEW, "-o", "premier.zip"]),
    ] {
        assert_eq!(refused.status.code(), Some(1));
        assert!(
            stderr(&refused).contains("still has 1 error to fix"),
            "{}",
            stderr(&refused)
        );
    }
    assert!(!dir.path().join("premier.zip").exists());
    fs::remove_file(dir.path().join("public/blog/premier.jpg")).unwrap();
    write(
        dir.path(),
        NEW,
        NEW_TEXT.replace(" ![photo](/blog/premier-photo.jpg)", ""),
    );
    write(dir.path(), "public/blog/premier.jpg", picture());
    let commit = en(dir.path(), &["commit", NEW]);
    assert_eq!(commit.status.code(), Some(1));
    assert!(
        stderr(&commit).contains("not inside a git repository"),
        "{}",
        stderr(&commit)
    );
    let out = en(dir.path(), &["export", NEW, "-o", "premier.zip"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        zip_names(&dir.path().join("premier.zip")),
        ["COMMIT.txt", NEW, "public/blog/premier.jpg"]
    );
}
