//! The `billet` binary, run as a user would, on sites made in temp folders.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn billet(site: &Path, args: &[&str]) -> Output {
    billet_in(site, args, "C.UTF-8")
}

fn billet_in(site: &Path, args: &[&str], locale: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_billet"))
        .arg("--site")
        .arg(site)
        .args(args)
        .env("LC_ALL", locale)
        .current_dir(site)
        .output()
        .expect("the billet binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const POST: &str = "---\ndate: 2025-01-02T00:00:00.000Z\nbadge:\n  label: Astuces\ndescription: Un résumé.\nauthor: Céline\nimage: /blog/premier.jpg\ntitle: Premier\n---\n\n## Bonjour\n\nDu **gras**.\n";

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content/fr/blog")).unwrap();
    fs::write(dir.path().join("content/fr/blog/premier.md"), POST).unwrap();
    // Not a real picture: `check` warns about it, which is not an error.
    fs::create_dir_all(dir.path().join("public/blog")).unwrap();
    fs::write(dir.path().join("public/blog/premier.jpg"), "not a picture").unwrap();
    dir
}

#[test]
fn check_passes_on_a_clean_site_and_fails_with_located_problems() {
    let dir = site();
    let ok = billet(dir.path(), &["check"]);
    assert_eq!(ok.status.code(), Some(0), "{}{}", stdout(&ok), stderr(&ok));
    assert!(
        stdout(&ok).contains("1 posts, 0 errors, 1 warnings"),
        "{}",
        stdout(&ok)
    );

    fs::write(
        dir.path().join("content/fr/blog/broken.md"),
        "---\ntitle: [oops\nauthor: x\n---\n",
    )
    .unwrap();
    fs::write(dir.path().join("content/fr/blog/petite-revue"), POST).unwrap();
    let bad = billet(dir.path(), &["check"]);
    assert_eq!(bad.status.code(), Some(1));
    let out = stdout(&bad);
    assert!(
        out.lines()
            .any(|l| l.starts_with("content/fr/blog/broken.md:") && l.contains(": error: ")),
        "{out}"
    );
    assert!(
        out.contains("content/fr/blog/petite-revue:1: error: this file does not end in .md"),
        "{out}"
    );

    let json = billet(dir.path(), &["check", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["posts"], 3);
    assert!(report["errors"].as_u64().unwrap() >= 2);
    assert_eq!(json.status.code(), Some(1));
}

#[test]
fn french_users_get_french() {
    let dir = site();
    fs::write(dir.path().join("content/fr/blog/vide.md"), "").unwrap();
    let out = billet_in(dir.path(), &["check"], "fr_FR.UTF-8");
    assert!(
        stdout(&out).contains("content/fr/blog/vide.md:1: erreur: Le fichier est vide"),
        "{}",
        stdout(&out)
    );
    let missing = billet_in(
        dir.path(),
        &["get", "content/fr/blog/nope.md", "title"],
        "fr_FR.UTF-8",
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("Impossible de lire"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn list_shows_posts_newest_first() {
    let dir = site();
    let older = POST
        .replace("2025-01-02", "2020-05-06")
        .replace("Premier", "Ancien");
    fs::write(dir.path().join("content/fr/blog/ancien.md"), older).unwrap();
    let out = stdout(&billet(dir.path(), &["list"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].contains("2025-01-02  Premier [Astuces]  content/fr/blog/premier.md"),
        "{out}"
    );
    assert!(lines[1].contains("2020-05-06  Ancien"), "{out}");
    let json: serde_json::Value =
        serde_json::from_slice(&billet(dir.path(), &["list", "--json"]).stdout).unwrap();
    assert_eq!(json[0]["title"], "Premier");
}

#[test]
fn new_creates_a_clean_unique_file() {
    let dir = site();
    let args = [
        "new",
        "--title",
        "Open Source Expérience 2024 : Du libre, des idées !",
        "--author",
        "Céline",
        "--date",
        "2024-12-17",
        "--badge",
        "Événement",
    ];
    let out = billet(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "content/fr/blog/2024/open-source-experience-2024-du-libre-des-idees.md"
    );
    let written = fs::read_to_string(dir.path().join(stdout(&out).trim())).unwrap();
    assert!(
        written.starts_with(
            "---\ndate: 2024-12-17T00:00:00.000Z\nbadge:\n  label: Événement\nauthor: Céline\n"
        ),
        "{written}"
    );
    let again = billet(dir.path(), &args);
    assert_eq!(
        stdout(&again).trim(),
        "content/fr/blog/2024/open-source-experience-2024-du-libre-des-idees-2.md"
    );
    let dry = billet(
        dir.path(),
        &[
            "new",
            "--title",
            "Essai",
            "--dry-run",
            "--date",
            "2026-01-01",
        ],
    );
    assert_eq!(stdout(&dry).trim(), "content/fr/blog/2026/essai.md");
    assert!(!dir.path().join("content/fr/blog/2026/essai.md").exists());
}

#[test]
fn set_and_get_fields_through_the_same_code_as_the_app() {
    let dir = site();
    let post = "content/fr/blog/premier.md";
    let out = billet(
        dir.path(),
        &[
            "set",
            post,
            "badge.label=Nouveautés",
            "title=Un titre : nouveau",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = fs::read_to_string(dir.path().join(post)).unwrap();
    assert_eq!(
        text,
        POST.replace("label: Astuces", "label: Nouveautés")
            .replace("title: Premier", "title: \"Un titre : nouveau\"")
    );
    assert_eq!(
        stdout(&billet(dir.path(), &["get", post, "badge.label"])).trim(),
        "Nouveautés"
    );
    assert_eq!(
        stdout(&billet(dir.path(), &["get", post, "title"])).trim(),
        "Un titre : nouveau"
    );
    let badge = stdout(&billet(dir.path(), &["get", post, "badge"]));
    assert_eq!(badge, "label: Nouveautés\n");

    let bad_date = billet(dir.path(), &["set", post, "date=demain"]);
    assert_eq!(bad_date.status.code(), Some(1));
    assert!(
        stderr(&bad_date).contains("expects a date"),
        "{}",
        stderr(&bad_date)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join(post)).unwrap(),
        text,
        "a refused set writes nothing"
    );
}

#[test]
fn paths_outside_the_site_are_refused() {
    let dir = site();
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), POST).unwrap();
    let out = billet(
        dir.path(),
        &["set", outside.path().to_str().unwrap(), "title=x"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("outside"), "{}", stderr(&out));
    let out = billet(dir.path(), &["get", "../../etc/passwd", "x"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn render_prints_the_body_as_html() {
    let dir = site();
    let out = stdout(&billet(
        dir.path(),
        &["render", "content/fr/blog/premier.md"],
    ));
    assert!(
        out.contains("<h2>Bonjour</h2>") && out.contains("<strong>gras</strong>"),
        "{out}"
    );
    assert!(
        !out.contains("Céline"),
        "front matter never renders as text"
    );
}

#[test]
fn bad_usage_exits_2() {
    let dir = site();
    assert_eq!(billet(dir.path(), &["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        billet(
            dir.path(),
            &["set", "content/fr/blog/premier.md", "no-equals-sign"]
        )
        .status
        .code(),
        Some(2)
    );
    assert_eq!(billet(dir.path(), &["new"]).status.code(), Some(2));
    assert_eq!(
        billet(dir.path(), &["new", "--title", "x", "--date", "soon"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_folder_that_is_not_a_site_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let out = billet(dir.path(), &["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("does not look like a site"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_embedded_default_site_checks_clean() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let out = billet(&content, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).ends_with(" 0 errors, 0 warnings\n"),
        "{}",
        stdout(&out)
    );
}
