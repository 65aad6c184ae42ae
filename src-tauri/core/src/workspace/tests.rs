//! Each author action, on a real site in a temporary folder, without a window.

use std::fs;
use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use image::{ImageFormat, RgbImage};

use super::*;
use crate::lang::Explain;
use crate::media::Focus;
use crate::recovery::RecoveryStore;
use crate::settings::SettingsFile;

const POST: &str = "content/fr/blog/premier.md";
const FIRST: &str = "---\ndate: 2025-01-02T00:00:00.000Z\nbadge:\n  label: Astuces\ndescription: Un résumé.\nauthor: Céline\nimage: /blog/ancienne-couverture.jpg\ntitle: \"Un titre long, plié\n  sur deux lignes\"\n---\n\nDu **gras**.\n";
const OTHER: &str = "content/fr/blog/autre.md";
const SECOND: &str =
    "---\ndate: 2025-01-03T00:00:00.000Z\nimage: /blog/autre.jpg\ntitle: Autre\n---\n\nTexte.\n";
const FR: Lang = Lang::Fr;

struct Fixture {
    dir: tempfile::TempDir,
    data: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), POST, FIRST.as_bytes());
        write(dir.path(), OTHER, SECOND.as_bytes());
        write(
            dir.path(),
            "public/blog/ancienne-couverture.jpg",
            &photo(1200, 700),
        );
        write(dir.path(), "public/blog/autre.jpg", &photo(1200, 700));
        Fixture {
            dir,
            data: tempfile::tempdir().unwrap(),
        }
    }

    /// A workspace as the app opens it: with settings and a recovery folder.
    fn open(&self) -> Workspace {
        Workspace::open(
            self.dir.path(),
            Setup {
                settings: Some(Arc::new(SettingsFile::open(
                    self.data.path().join("settings.json"),
                ))),
                recovery: Some(RecoveryStore::new(self.data.path().join("recovery"))),
                media_url: None,
            },
        )
        .unwrap()
    }

    /// Makes the site a git repository whose own configuration names the author.
    fn make_repository(&self) {
        use crate::git::tests::git;
        git(self.root(), &["init", "-q"]);
        git(self.root(), &["config", "user.name", "Céline"]);
        git(self.root(), &["config", "user.email", "celine@example.org"]);
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.root().join(rel)).unwrap()
    }

    fn exists(&self, rel: &str) -> bool {
        self.root().join(rel).exists()
    }

    /// The pictures in the blog's media folder, sorted.
    fn pictures(&self) -> Vec<String> {
        let mut found: Vec<String> = walkdir::WalkDir::new(self.root().join("public"))
            .into_iter()
            .filter_map(std::result::Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(self.root()).unwrap();
                rel.to_string_lossy().into_owned()
            })
            .collect();
        found.sort();
        found
    }
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// A photo-like JPEG, big enough for a 1080x600 cover.
fn photo(width: u32, height: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
}

fn cover_change(url: &str) -> Vec<Change> {
    vec![Change::text("image", url)]
}

#[test]
fn loading_and_saving_unedited_changes_no_byte() {
    let fx = Fixture::new();
    let ws = fx.open();
    let loaded = ws.load(POST, FR).unwrap();
    assert_eq!(loaded.body, "\nDu **gras**.\n");
    assert_eq!(loaded.front_matter["badge"]["label"], "Astuces");
    let before = fs::metadata(fx.root().join(POST))
        .unwrap()
        .modified()
        .unwrap();
    let saved = ws
        .save(POST, Vec::new(), Some(&loaded.body), false, FR)
        .unwrap();
    assert_eq!(fx.read(POST), FIRST);
    assert_eq!(
        fs::metadata(fx.root().join(POST))
            .unwrap()
            .modified()
            .unwrap(),
        before,
        "an unchanged post is not even written"
    );
    assert!(saved.removed.is_empty());
}

#[test]
fn setting_a_field_to_its_own_value_keeps_its_folded_lines() {
    let fx = Fixture::new();
    let ws = Workspace::open(fx.root(), Setup::default()).unwrap();
    ws.load(POST, FR).unwrap();
    let title = "Un titre long, plié sur deux lignes";
    ws.save(POST, vec![Change::text("title", title)], None, false, FR)
        .unwrap();
    assert_eq!(fx.read(POST), FIRST);
    // Another value does change that field's lines, and only them.
    ws.save(POST, vec![Change::text("title", "Court")], None, false, FR)
        .unwrap();
    assert_eq!(
        fx.read(POST),
        FIRST.replace("\"Un titre long, plié\n  sur deux lignes\"", "\"Court\"")
    );
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_unless_the_author_keeps_theirs() {
    let fx = Fixture::new();
    let ws = fx.open();
    ws.load(POST, FR).unwrap();
    let theirs = FIRST.replace("Du **gras**.", "Écrit ailleurs.");
    fs::write(fx.root().join(POST), &theirs).unwrap();
    let mine = vec![Change::text("description", "Le mien.")];
    let refused = ws.save(POST, mine.clone(), Some("\nLe mien.\n"), false, FR);
    match refused {
        Err(e) => assert_eq!(e.code(), "save.changed_on_disk"),
        Ok(_) => panic!("a changed file was overwritten"),
    }
    assert_eq!(fx.read(POST), theirs);
    assert_eq!(ws.disk_text(POST).unwrap(), theirs);
    // "Keep mine": the author's version is written over theirs.
    let kept = ws.save(POST, mine, Some("\nLe mien.\n"), true, FR).unwrap();
    assert_eq!(kept.post.body, "\nLe mien.\n");
    let text = fx.read(POST);
    assert!(
        text.contains("description: Le mien.\n") && text.ends_with("\nLe mien.\n"),
        "{text}"
    );
    // And the next save starts from what was just written.
    ws.save(POST, Vec::new(), Some("\nEncore.\n"), false, FR)
        .unwrap();
    assert!(fx.read(POST).ends_with("\nEncore.\n"));
}

#[test]
fn a_cover_replaced_twice_before_a_save_leaves_one_cover() {
    let fx = Fixture::new();
    let ws = fx.open();
    ws.load(POST, FR).unwrap();
    let source = photo(2000, 1500);
    let first = ws
        .write_cover(POST, &source, Focus::default(), 1.0)
        .unwrap();
    let second = ws
        .write_cover(POST, &source, Focus { x: 0.2, y: 0.3 }, 1.5)
        .unwrap();
    assert_ne!(first.path, second.path);
    assert!(fx.exists(&first.path) && fx.exists(&second.path));
    let saved = ws
        .save(POST, cover_change(&second.url), None, false, FR)
        .unwrap();
    let mut removed = saved.removed.clone();
    removed.sort();
    let mut expected = vec![
        "public/blog/ancienne-couverture.jpg".to_string(),
        first.path.clone(),
    ];
    expected.sort();
    assert_eq!(removed, expected);
    let mut left = vec!["public/blog/autre.jpg".to_string(), second.path.clone()];
    left.sort();
    assert_eq!(fx.pictures(), left);
    assert!(fx.read(POST).contains(&format!("image: {}\n", second.url)));
}

#[test]
fn a_cover_another_post_uses_is_kept() {
    let fx = Fixture::new();
    let ws = fx.open();
    ws.load(POST, FR).unwrap();
    ws.save(POST, cover_change("/blog/autre.jpg"), None, false, FR)
        .unwrap();
    let saved = ws.save(POST, cover_change("/blog/nouveau.jpg"), None, false, FR);
    assert_eq!(saved.unwrap().removed, Vec::<String>::new());
    assert!(
        fx.exists("public/blog/autre.jpg"),
        "the other post's cover stays"
    );
}

#[test]
fn discarding_removes_every_picture_written_since_the_load() {
    let fx = Fixture::new();
    let ws = fx.open();
    ws.load(POST, FR).unwrap();
    let source = photo(2000, 1500);
    let cover = ws
        .write_cover(POST, &source, Focus::default(), 1.0)
        .unwrap();
    let (image, markdown) = ws.write_body_image(POST, &source, "Le port").unwrap();
    assert!(markdown.starts_with("![Le port]("), "{markdown}");
    let edits = vec![Change::text("image", &cover.url)];
    let body = format!("\n{markdown}\n");
    ws.keep_edits(POST, edits, &body, Utc::now()).unwrap();
    assert_eq!(ws.recovered().len(), 1);
    let mut removed = ws.discard_edits(POST).unwrap();
    removed.sort();
    let mut expected = vec![cover.path.clone(), image.path.clone()];
    expected.sort();
    assert_eq!(removed, expected);
    assert!(ws.recovered().is_empty(), "the kept edits went too");
    assert_eq!(fx.read(POST), FIRST);
    assert!(
        fx.exists("public/blog/ancienne-couverture.jpg"),
        "the saved cover stays"
    );
    // Discarding again finds nothing more to remove.
    assert!(ws.discard_edits(POST).unwrap().is_empty());
}

#[test]
fn a_picture_written_then_saved_in_the_text_stays() {
    let fx = Fixture::new();
    let ws = fx.open();
    ws.load(POST, FR).unwrap();
    let (image, markdown) = ws
        .write_body_image(POST, &photo(900, 500), "Carte")
        .unwrap();
    let body = format!("\nDu **gras**.\n\n{markdown}\n");
    let saved = ws.save(POST, Vec::new(), Some(&body), false, FR).unwrap();
    assert!(saved.removed.is_empty());
    assert!(fx.exists(&image.path));
    // Its line deleted and saved again: it was written here, and goes.
    let saved = ws
        .save(POST, Vec::new(), Some("\nDu **gras**.\n"), false, FR)
        .unwrap();
    assert_eq!(saved.removed, vec![image.path.clone()]);
}

#[test]
fn restoring_kept_edits_opens_the_post_with_them() {
    let fx = Fixture::new();
    let first = fx.open();
    first.load(POST, FR).unwrap();
    let edits = vec![Change::text("description", "Repris.")];
    let when = Utc.with_ymd_and_hms(2026, 9, 1, 10, 0, 0).unwrap();
    first
        .keep_edits(POST, edits, "\nNon enregistré.\n", when)
        .unwrap();
    drop(first);

    // Billet stopped; the next start offers the edits back.
    let ws = fx.open();
    let offered = ws.recovered();
    assert_eq!(offered.len(), 1);
    assert_eq!(offered[0].path, POST);
    assert_eq!(offered[0].disk.as_deref(), Some(FIRST));
    let restored = ws.restore(POST, FR).unwrap();
    assert_eq!(restored.disk.body, "\nDu **gras**.\n");
    assert_eq!(restored.mine.body, "\nNon enregistré.\n");
    assert_eq!(restored.mine.front_matter["description"], "Repris.");
    // Saving them writes them, and the kept copy goes.
    let changes = vec![Change::text("description", "Repris.")];
    ws.save(POST, changes, Some(&restored.mine.body), false, FR)
        .unwrap();
    assert!(fx.read(POST).ends_with("\nNon enregistré.\n"));
    assert!(ws.recovered().is_empty());
    assert!(matches!(
        ws.restore(POST, FR),
        Err(WorkspaceError::NothingKept(_))
    ));
}

#[test]
fn kept_edits_of_a_deleted_post_write_it_again() {
    let fx = Fixture::new();
    let ws = fx.open();
    ws.load(OTHER, FR).unwrap();
    ws.keep_edits(OTHER, Vec::new(), "\nSauvé.\n", Utc::now())
        .unwrap();
    fs::remove_file(fx.root().join(OTHER)).unwrap();
    let restored = ws.restore(OTHER, FR).unwrap();
    assert_eq!(restored.disk.body, "\nSauvé.\n");
    assert!(fx.read(OTHER).ends_with("\nSauvé.\n"));
}

#[test]
fn creating_plans_a_clean_name_and_takes_the_next_when_it_is_taken() {
    let fx = Fixture::new();
    let ws = fx.open();
    let input = NewPostInput {
        title: "Notre rentrée 2026 : ce qui change".into(),
        author: Some("Hélène".into()),
        ..NewPostInput::default()
    };
    let planned = ws.plan_post(&input, today()).unwrap();
    assert_eq!(planned.folder, "content/fr/blog/2026");
    assert_eq!(planned.file_name, "notre-rentree-2026-ce-qui-change.md");
    assert!(!fx.exists(&planned.path), "planning writes nothing");
    let created = ws.create_post(&input, today(), FR).unwrap();
    assert_eq!(created.path, planned.path);
    assert_eq!(created.front_matter["author"], "Hélène");
    assert!(fx.read(&created.path).contains("date: 2026-09-01"));
    // The same title again: the name is taken, the next one is used.
    let again = ws.create_post(&input, today(), FR).unwrap();
    assert_eq!(
        again.path,
        "content/fr/blog/2026/notre-rentree-2026-ce-qui-change-2.md"
    );
    assert!(ws.posts().iter().any(|p| p.path == again.path));
    // The author is remembered for the next post.
    let settings = SettingsFile::open(fx.data.path().join("settings.json"));
    assert_eq!(settings.get().last_author.as_deref(), Some("Hélène"));
    // A date that is not one is refused, and nothing is written.
    let bad = NewPostInput {
        date: Some("demain".into()),
        ..input
    };
    assert!(ws.create_post(&bad, today(), FR).is_err());
    assert_eq!(ws.posts().len(), 4);
}

#[test]
fn staged_pictures_are_framed_then_used_or_let_go() {
    let fx = Fixture::new();
    let ws = fx.open();
    ws.load(POST, FR).unwrap();
    let staged = ws
        .stage("IMG_2041-vue du port.jpg", photo(1600, 1200), FR)
        .unwrap();
    assert_eq!((staged.width, staged.height), (1600, 1200));
    assert_eq!(staged.alt, "vue du port");
    let preview = ws
        .preview_cover(staged.id, Focus::default(), 1.0, FR)
        .unwrap();
    assert!(preview.bytes > 0);
    let used = ws
        .use_cover(staged.id, POST, Focus::default(), 1.0, FR)
        .unwrap();
    assert!(fx.exists(&used.path));
    // Used once, it is let go: a second use is refused.
    assert!(matches!(
        ws.use_cover(staged.id, POST, Focus::default(), 1.0, FR),
        Err(WorkspaceError::PictureGone)
    ));
    let next = ws.stage("carte.png", photo(1300, 800), FR).unwrap();
    ws.let_go(next.id);
    assert!(matches!(
        ws.preview_cover(next.id, Focus::default(), 1.0, FR),
        Err(WorkspaceError::PictureGone)
    ));
    assert!(matches!(
        ws.stage("vide.jpg", Vec::new(), FR),
        Err(WorkspaceError::Media(_))
    ));
}

#[test]
fn actions_on_a_post_that_is_not_open_or_outside_the_site_are_refused() {
    let fx = Fixture::new();
    let ws = fx.open();
    assert!(matches!(
        ws.save(POST, Vec::new(), None, false, FR),
        Err(WorkspaceError::NotOpen(_))
    ));
    assert!(matches!(
        ws.write_cover(POST, &photo(1200, 700), Focus::default(), 1.0),
        Err(WorkspaceError::NotOpen(_))
    ));
    assert!(matches!(
        ws.load("../escape.md", FR),
        Err(WorkspaceError::Path(_))
    ));
    assert!(matches!(
        ws.disk_text("/etc/passwd"),
        Err(WorkspaceError::Path(_))
    ));
}

#[test]
fn field_problems_are_explained_with_their_codes() {
    let fx = Fixture::new();
    let ws = fx.open();
    let messages = ws.check_fields(&serde_json::json!({ "title": "" }), FR);
    let title = messages.iter().find(|m| m.field == "title").unwrap();
    assert_eq!(title.code, "missing");
    assert_eq!(title.message, "Ce champ est obligatoire.");
}

#[test]
fn the_list_and_disk_changes_follow_the_files() {
    let fx = Fixture::new();
    let ws = fx.open();
    let listed = ws.list_posts(FR);
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].summary.path, OTHER, "newest first");
    assert_eq!(listed[0].thumb.as_deref(), Some("public/blog/autre.jpg"));
    assert_eq!(listed[0].git, None, "no repository, no badge");
    write(
        fx.root(),
        "content/fr/blog/trois.md",
        b"---\ntitle: Trois\n---\n",
    );
    fs::remove_file(fx.root().join(OTHER)).unwrap();
    let told = ws.take_disk_changes(vec![
        crate::watch::Change {
            path: "content/fr/blog/trois.md".into(),
            kind: crate::watch::ChangeKind::Changed,
        },
        crate::watch::Change {
            path: OTHER.into(),
            kind: crate::watch::ChangeKind::Removed,
        },
    ]);
    assert_eq!(told.changed, vec!["content/fr/blog/trois.md".to_string()]);
    assert_eq!(told.removed, vec![OTHER.to_string()]);
    let paths: Vec<String> = ws.posts().into_iter().map(|p| p.path).collect();
    assert_eq!(paths.len(), 2);
    assert!(
        paths.contains(&"content/fr/blog/trois.md".to_string())
            && paths.contains(&POST.to_string())
    );
}

#[test]
fn the_preview_renders_without_waiting_for_the_state() {
    let fx = Fixture::new();
    let ws = fx.open();
    // A save in progress holds the state; the preview does not need it.
    let _held = ws.state();
    let html = ws.render_preview("Du **gras** et ![x](/blog/autre.jpg)");
    assert!(html.contains("<strong>gras</strong>"), "{html}");
    assert!(html.contains("public/blog/autre.jpg"), "{html}");
}

#[test]
fn status_commit_and_export_take_exactly_the_posts_files() {
    use crate::git::tests::git;
    let fx = Fixture::new();
    let root = fx.root();
    fx.make_repository();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "Le site"]);
    let ws = fx.open();
    ws.load(POST, FR).unwrap();
    let cover = ws
        .write_cover(POST, &photo(2000, 1500), Focus::default(), 1.0)
        .unwrap();
    ws.save(POST, cover_change(&cover.url), None, false, FR)
        .unwrap();
    write(root, "NOTES.md", b"not the post's\n");

    let ready = ws.ready(POST, FR).unwrap();
    assert!(ready.repository);
    let files: Vec<(&str, crate::git::FileState)> = ready
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.state))
        .collect();
    assert_eq!(
        files,
        vec![
            (POST, crate::git::FileState::Modified),
            (cover.path.as_str(), crate::git::FileState::New)
        ]
    );
    assert!(ready.other_changes.iter().any(|c| c.path == "NOTES.md"));

    let when = chrono::FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 9, 1, 10, 0, 0)
        .unwrap();
    let committed = ws
        .commit(POST, Some("Blog : nouvelle couverture"), None, when)
        .unwrap();
    assert_eq!(committed.files, vec![POST.to_string(), cover.path.clone()]);
    assert_eq!(
        git(root, &["log", "-1", "--format=%an|%s"]).trim(),
        "Céline|Blog : nouvelle couverture"
    );
    // The replaced cover, removed by the save, is no longer among the post's
    // files: its removal stays an other change, never committed with it.
    assert_eq!(
        git(root, &["status", "--porcelain"]),
        " D public/blog/ancienne-couverture.jpg\n?? NOTES.md\n"
    );
    assert_eq!(ws.badges().unwrap()[POST], crate::git::Badge::Recorded);

    let zip = fx.data.path().join("premier.zip");
    let exported = ws.export(POST, &zip, FR).unwrap();
    assert_eq!(exported.files, vec![POST.to_string(), cover.path.clone()]);
    assert!(zip.is_file());
}

#[test]
fn a_post_the_check_rejects_is_neither_committed_nor_exported() {
    use crate::git::tests::git;
    let fx = Fixture::new();
    let root = fx.root();
    fx.make_repository();
    let ws = fx.open();
    ws.load(POST, FR).unwrap();
    ws.save(
        POST,
        vec![Change {
            key: "author".into(),
            value: serde_json::Value::Null,
        }],
        None,
        false,
        FR,
    )
    .unwrap();
    let ready = ws.ready(POST, FR).unwrap();
    assert!(ready.blocked);
    let errors: Vec<&ReadyProblem> = ready
        .problems
        .iter()
        .filter(|p| p.severity == crate::library::Severity::Error)
        .collect();
    let missing_author = ReadyProblem {
        severity: crate::library::Severity::Error,
        message: "Auteur\u{a0}: ce champ est obligatoire.".into(),
    };
    assert_eq!(
        errors,
        vec![&missing_author],
        "the field named by its label"
    );
    let now = chrono::Local::now().fixed_offset();
    let refused = ws.commit(POST, None, None, now).unwrap_err();
    assert_eq!(refused.code(), "publish.blocked");
    assert_eq!(
        refused.message(FR),
        "L'article a encore 1\u{a0}erreur à corriger : il n'est ni enregistré dans l'historique ni exporté avant."
    );
    let zip = fx.data.path().join("p.zip");
    assert_eq!(
        ws.export(POST, &zip, FR).unwrap_err().code(),
        "publish.blocked"
    );
    assert!(!zip.exists());
    assert_eq!(
        git(root, &["rev-list", "--all"]).trim(),
        "",
        "nothing was committed"
    );

    // A warning is shown but does not block.
    let long = "x".repeat(400);
    ws.save(
        POST,
        vec![
            Change::text("author", "Céline"),
            Change::text("description", &long),
        ],
        None,
        false,
        FR,
    )
    .unwrap();
    let ready = ws.ready(POST, FR).unwrap();
    assert!(!ready.blocked, "{:?}", ready.problems);
    assert!(ready
        .problems
        .iter()
        .any(|p| p.severity == crate::library::Severity::Warning));
    assert!(ws.commit(POST, None, None, now).is_ok());
}

#[test]
fn the_default_author_is_the_repositorys_own_user_name() {
    use crate::git::tests::git;
    let fx = Fixture::new();
    git(fx.root(), &["init", "-q"]);
    git(fx.root(), &["config", "user.name", "Hélène Site"]);
    let ws = fx.open();
    assert_eq!(ws.default_author().as_deref(), Some("Hélène Site"));
    assert_eq!(
        ws.site_info().default_author.as_deref(),
        Some("Hélène Site")
    );
    // The last author used on this machine comes first.
    ws.create_post(
        &NewPostInput {
            title: "Un".into(),
            author: Some("Anne".into()),
            ..NewPostInput::default()
        },
        today(),
        FR,
    )
    .unwrap();
    assert_eq!(ws.default_author().as_deref(), Some("Anne"));
}
