use super::*;
use std::fs;

fn site_with(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let full = dir.path().join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, bytes).unwrap();
    }
    fs::create_dir_all(dir.path().join("content/fr/blog")).unwrap();
    let site = Site::open(dir.path()).unwrap();
    (dir, site)
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::RgbImage::new(width, height)
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

const GOOD: &str = "---\ndate: 2025-01-02T00:00:00.000Z\nbadge:\n  label: Astuces\nauthor: A\nimage: /blog/ok.png\ntitle: Good\n---\nBody\n";

fn kinds(post: &PostSummary) -> Vec<String> {
    post.problems
        .iter()
        .map(|p| format!("{:?}:{}", p.severity, p.message(Lang::En)))
        .collect()
}

#[test]
fn indexes_posts_newest_first_with_their_metadata() {
    let cover = png(1080, 600);
    let older = GOOD
        .replace("2025-01-02", "2019-12-31")
        .replace("title: Good", "title: Old");
    let (_dir, site) = site_with(&[
        ("content/fr/blog/good.md", GOOD.as_bytes()),
        ("content/fr/blog/2019/old.md", older.as_bytes()),
        ("public/blog/ok.png", &cover),
    ]);
    let lib = Library::scan(&site);
    let titles: Vec<_> = lib.posts.iter().map(|p| p.title.clone().unwrap()).collect();
    assert_eq!(titles, ["Good", "Old"]);
    let good = &lib.posts[0];
    assert_eq!(good.path, "content/fr/blog/good.md");
    assert_eq!(good.badge.as_deref(), Some("Astuces"));
    assert_eq!(good.cover.as_deref(), Some("/blog/ok.png"));
    assert!(good.problems.is_empty(), "{:?}", kinds(good));
    assert_eq!(lib.badge_labels(), ["Astuces"]);
    assert_eq!(lib.dominant_cover_form(), CoverForm::Text);
}

#[test]
fn reports_each_kind_of_problem() {
    let small = png(500, 200);
    let missing_title = GOOD.replace("title: Good\n", "");
    let missing_cover = GOOD.replace("/blog/ok.png", "/blog/nope.png");
    let wrong_size = GOOD.replace("/blog/ok.png", "blog/small.png");
    let (_dir, site) = site_with(&[
        ("content/fr/blog/no-title.md", missing_title.as_bytes()),
        ("content/fr/blog/no-cover.md", missing_cover.as_bytes()),
        ("content/fr/blog/small.md", wrong_size.as_bytes()),
        ("content/fr/blog/broken.md", b"---\ntitle: [oops\n---\n"),
        ("content/fr/blog/petite-revue", GOOD.as_bytes()),
        ("content/fr/blog/Bonne Année.md", GOOD.as_bytes()),
        ("content/fr/blog/2025/twice.md", GOOD.as_bytes()),
        ("content/fr/blog/twice.md", GOOD.as_bytes()),
        ("content/fr/blog/twice-copy.md", GOOD.as_bytes()),
        ("content/fr/blog/.hidden.md", b"x"),
        ("content/fr/blog/photo.png", &small),
        ("public/blog/small.png", &small),
    ]);
    let lib = Library::scan(&site);
    let find = |path: &str| {
        lib.posts
            .iter()
            .find(|p| p.path == format!("content/fr/blog/{path}"))
            .unwrap_or_else(|| panic!("{path} not indexed"))
    };
    assert!(
        kinds(find("no-title.md"))
            .iter()
            .any(|k| k == "Error:Title: this field is required."),
        "{:?}",
        kinds(find("no-title.md"))
    );
    assert!(kinds(find("no-cover.md"))
        .iter()
        .any(|k| k.contains("/blog/nope.png does not exist")));
    assert!(kinds(find("small.md"))
        .iter()
        .any(|k| k.starts_with("Warning:the cover is 500x200 instead of 1080x600")));
    let broken = find("broken.md");
    assert!(
        (2..=3).contains(&broken.problems[0].line),
        "{:?}",
        broken.problems
    );
    assert!(broken.has_errors());
    assert!(kinds(find("petite-revue"))
        .iter()
        .any(|k| k.contains("does not end in .md")));
    assert!(kinds(find("Bonne Année.md"))
        .iter()
        .any(|k| k.contains("spaces, capitals or accents")));
    assert!(kinds(find("twice.md"))
        .iter()
        .any(|k| k.contains("same post name as content/fr/blog/2025/twice.md")));
    assert!(kinds(find("twice-copy.md"))
        .iter()
        .any(|k| k.contains("forgotten copy")));
    assert!(lib
        .posts
        .iter()
        .all(|p| !p.path.contains(".hidden") && !p.path.ends_with(".png")));
    // Each problem is located on its key's line.
    let no_cover = find("no-cover.md");
    assert_eq!(no_cover.problems[0].line, 6);
}

#[test]
fn refresh_updates_one_file() {
    let (dir, site) = site_with(&[("content/fr/blog/a.md", GOOD.as_bytes())]);
    let mut lib = Library::scan(&site);
    fs::write(
        dir.path().join("content/fr/blog/a.md"),
        GOOD.replace("title: Good", "title: Better"),
    )
    .unwrap();
    lib.refresh(&site, "content/fr/blog/a.md");
    assert_eq!(lib.posts[0].title.as_deref(), Some("Better"));
    fs::write(dir.path().join("content/fr/blog/b.md"), GOOD).unwrap();
    lib.refresh(&site, "content/fr/blog/b.md");
    assert_eq!(lib.posts.len(), 2);
    fs::remove_file(dir.path().join("content/fr/blog/a.md")).unwrap();
    lib.refresh(&site, "content/fr/blog/a.md");
    assert_eq!(lib.posts.len(), 1);
    // What a scan would not list, a refresh does not add.
    for other in [
        "content/fr/blog/cover.jpg",
        "content/fr/blog/.draft.md",
        "content/fr/other.md",
        "public/blog/a.md",
    ] {
        let file = dir.path().join(other);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, GOOD).unwrap();
        lib.refresh(&site, other);
        assert_eq!(lib.posts.len(), 1, "{other}");
        assert_eq!(Library::scan(&site).posts.len(), 1, "{other}");
    }
}

#[test]
fn head_reading_stops_at_the_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.md");
    fs::write(&path, "---\ntitle: A\n---\nbody that is never read\n").unwrap();
    assert_eq!(read_head(&path).unwrap(), b"---\ntitle: A\n---\n");
    fs::write(&path, "no front matter\nmore\n").unwrap();
    assert_eq!(read_head(&path).unwrap(), b"no front matter\n");
}

#[test]
fn slugs_ignore_case_and_ordering_prefixes() {
    assert_eq!(
        slug_of("content/fr/blog/1.nouveautes_2024/1.index.md"),
        "index"
    );
    assert_eq!(slug_of("content/fr/blog/Arrivee-V5.md"), "arrivee-v5");
    assert_eq!(slug_of("content/fr/blog/petite-revue"), "petite-revue");
}
