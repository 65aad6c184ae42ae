//! `billet cover` and `billet image`, run as a user would.

use std::fs;
use std::io::Cursor;
use std::path::Path;
use std::process::{Command, Output};

fn billet(site: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_billet"))
        .arg("--site")
        .arg(site)
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .current_dir(site)
        .output()
        .expect("the billet binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A site with one post whose cover is written `image: {src: ...}`, and a
/// 2000x1500 PNG named like a phone photo.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content/fr/blog")).unwrap();
    fs::write(
        dir.path().join("content/fr/blog/premier.md"),
        "---\ndate: 2025-01-02T00:00:00.000Z\nimage:\n  src: /blog/old.jpg\ntitle: Premier\n---\n\nBonjour.\n",
    )
    .unwrap();
    let img = image::RgbImage::from_fn(2000, 1500, |x, _| image::Rgb([(x % 256) as u8, 90, 200]));
    let mut png = Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    fs::write(dir.path().join("IMG_0001 le port.jpg"), png.into_inner()).unwrap();
    dir
}

#[test]
fn replacing_a_cover_removes_the_old_file_only_when_unused() {
    let dir = site();
    fs::create_dir_all(dir.path().join("public/blog")).unwrap();
    fs::write(dir.path().join("public/blog/old.jpg"), b"old").unwrap();
    let cover = |dir: &Path| {
        billet(
            dir,
            &[
                "cover",
                "IMG_0001 le port.jpg",
                "--post",
                "content/fr/blog/premier.md",
            ],
        )
    };
    let first = cover(dir.path());
    assert!(
        text(&first.stdout).contains("removed: public/blog/old.jpg"),
        "{}",
        text(&first.stdout)
    );
    assert!(!dir.path().join("public/blog/old.jpg").exists());
    // Another post now shares the first cover: making a new one keeps it.
    fs::write(
        dir.path().join("content/fr/blog/second.md"),
        "---\nimage: /blog/2025/premier.jpg\ntitle: Second\n---\n",
    )
    .unwrap();
    let second = cover(dir.path());
    assert!(
        !text(&second.stdout).contains("removed"),
        "{}",
        text(&second.stdout)
    );
    assert!(dir.path().join("public/blog/2025/premier.jpg").exists());
    assert!(dir.path().join("public/blog/2025/premier-2.jpg").exists());
}

#[test]
fn cover_writes_the_file_and_keeps_the_posts_form() {
    let dir = site();
    let out = billet(
        dir.path(),
        &[
            "cover",
            "IMG_0001 le port.jpg",
            "--post",
            "content/fr/blog/premier.md",
            "--focus",
            "0.2,0.5",
            "--zoom",
            "1.5",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).starts_with("public/blog/2025/premier.jpg (1080x600, "),
        "{}",
        text(&out.stdout)
    );
    let file = fs::read(dir.path().join("public/blog/2025/premier.jpg")).unwrap();
    let cover = image::load_from_memory(&file).unwrap();
    assert_eq!((cover.width(), cover.height()), (1080, 600));
    let post = fs::read_to_string(dir.path().join("content/fr/blog/premier.md")).unwrap();
    assert!(
        post.contains("image:\n  src: /blog/2025/premier.jpg\n"),
        "{post}"
    );
}

#[test]
fn image_prints_the_markdown() {
    let dir = site();
    let out = billet(
        dir.path(),
        &[
            "image",
            "IMG_0001 le port.jpg",
            "--post",
            "content/fr/blog/premier.md",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("![le port](/blog/2025/premier-le-port.jpg)"),
        "{stdout}"
    );
    let file = fs::read(dir.path().join("public/blog/2025/premier-le-port.jpg")).unwrap();
    assert_eq!(image::load_from_memory(&file).unwrap().width(), 1600);
}

#[test]
fn refusals_are_explained() {
    let dir = site();
    fs::write(
        dir.path().join("photo.heic"),
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
    )
    .unwrap();
    let out = billet(
        dir.path(),
        &[
            "cover",
            "photo.heic",
            "--post",
            "content/fr/blog/premier.md",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("HEIC"), "{}", text(&out.stderr));
    let bad = billet(
        dir.path(),
        &[
            "cover",
            "photo.heic",
            "--post",
            "content/fr/blog/premier.md",
            "--focus",
            "2,0",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
}
