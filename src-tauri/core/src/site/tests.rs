use super::*;

#[test]
fn empty_config_is_the_nuxt_default() {
    let c = parse_config("").unwrap();
    assert_eq!(c.posts[0].folder, "content/fr/blog");
    assert_eq!(c.new_post, "{{year}}/{{slug}}.md");
    assert_eq!(
        (c.media.folder.as_str(), c.media.url.as_str()),
        ("public/blog", "/blog")
    );
    assert_eq!((c.cover.width, c.cover.height), (1080, 600));
    let names: Vec<&str> = c.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["date", "badge", "description", "author", "image", "title"]
    );
}

#[test]
fn errors_give_the_line_and_the_fix() {
    let err = parse_config("posts: content/blog\ncover:\n  widht: 1080\n").unwrap_err();
    let SiteError::Invalid { line, detail, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*line, 3);
    assert!(
        detail.contains("widht") && detail.contains("width"),
        "{detail}"
    );

    let err = parse_config("cover:\n  width: 1080\n  quality: 0\n").unwrap_err();
    assert!(
        matches!(&err, SiteError::Invalid { line: 3, .. }),
        "{err:?}"
    );
    assert!(
        err.message(Lang::Fr).contains("ligne 3"),
        "{}",
        err.message(Lang::Fr)
    );

    let err = parse_config("new_post: \"{{year}}/{{title}}.md\"\n").unwrap_err();
    assert!(
        err.message(Lang::En).contains("{{title}}"),
        "{}",
        err.message(Lang::En)
    );
    let err = parse_config("new_post: \"{{slug}}.markdown\"\n").unwrap_err();
    assert!(err.message(Lang::En).contains(".md"));

    let err =
        parse_config("fields:\n  - {name: a, widget: string}\n  - name: b\n    widget: select\n")
            .unwrap_err();
    assert!(
        matches!(&err, SiteError::Invalid { line: 3, .. }),
        "{err:?}"
    );
    let err = parse_config("fields:\n  - {name: a, widget: strng}\n").unwrap_err();
    assert!(
        matches!(&err, SiteError::Invalid { line: 2, .. }),
        "{err:?}"
    );
    assert!(parse_config("posts: ../elsewhere\n").is_err());
}

#[test]
fn posts_take_one_folder_or_several() {
    let c = parse_config("posts: [content/fr/blog, {folder: content/en/blog, language: en}]\n")
        .unwrap();
    assert_eq!(c.posts[1].language, Some(Lang::En));
    assert_eq!(c.posts[0].language, None);
}

#[test]
fn detects_a_nuxt_site_without_billet_yml() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "fr"] {
        std::fs::create_dir_all(dir.path().join(format!("content/{lang}/blog"))).unwrap();
    }
    let site = Site::open(dir.path()).unwrap();
    assert!(!site.configured);
    let folders: Vec<&str> = site
        .config
        .posts
        .iter()
        .map(|p| p.folder.as_str())
        .collect();
    assert_eq!(folders, ["content/fr/blog", "content/en/blog"]);

    let empty = tempfile::tempdir().unwrap();
    assert!(matches!(
        Site::open(empty.path()),
        Err(SiteError::NotASite(_))
    ));
}

#[test]
fn media_urls_map_to_files() {
    let site = Site {
        root: PathBuf::from("/s"),
        config: Config::default(),
        configured: false,
    };
    assert_eq!(
        site.media_file_for_url("/blog/2025/a.png").as_deref(),
        Some("public/blog/2025/a.png")
    );
    assert_eq!(
        site.media_file_for_url("blog/2025/a.png").as_deref(),
        Some("public/blog/2025/a.png")
    );
    assert_eq!(
        site.media_file_for_url("social-card.png").as_deref(),
        Some("public/social-card.png")
    );
    assert_eq!(site.media_file_for_url("https://x.org/a.png"), None);
}
