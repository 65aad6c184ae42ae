//! Tests of reading and editing whole posts.

use super::*;

fn order() -> Vec<String> {
    [
        "date",
        "id",
        "badge",
        "description",
        "author",
        "image",
        "title",
    ]
    .map(String::from)
    .to_vec()
}

fn text(v: &str) -> NewValue {
    NewValue::Value(Value::String(v.into()))
}

fn edited(src: &str, path: &str, value: NewValue) -> String {
    let mut post = Post::parse(src.as_bytes()).unwrap();
    post.set(path, value, &order()).unwrap();
    String::from_utf8(post.to_bytes()).unwrap()
}

#[test]
fn unedited_post_gives_back_its_bytes() {
    for src in [
        "---\ntitle: A\n---\nBody",
        "\u{feff}---\r\ntitle: A # c\r\n---\r\n\r\nBody\r\n",
        "no front matter\n",
    ] {
        assert_eq!(
            Post::parse(src.as_bytes()).unwrap().to_bytes(),
            src.as_bytes()
        );
    }
}

#[test]
fn setting_a_field_to_its_own_value_changes_nothing() {
    let src = "---\ntitle: 'Un titre long,\n  plié sur deux lignes'\nyear: \"2023\"\n---\nCorps\n";
    assert_eq!(
        edited(src, "title", text("Un titre long, plié sur deux lignes")),
        src
    );
    assert_eq!(edited(src, "year", text("2023")), src);
    assert_ne!(edited(src, "year", text("2024")), src);
}

#[test]
fn setting_title_replaces_only_its_lines() {
    let src = "---\ndate: 2024-12-17T00:00:00.000Z\nbadge:\n  label: Open\ntitle: \"Open Source : Du libre, des idées, et un peu de\n  rébellion numérique !\"\n---\nBody with https\\://x\n";
    let out = edited(src, "title", text("Nouveau titre"));
    assert_eq!(out, "---\ndate: 2024-12-17T00:00:00.000Z\nbadge:\n  label: Open\ntitle: \"Nouveau titre\"\n---\nBody with https\\://x\n");
}

#[test]
fn plain_title_stays_plain_and_keeps_its_comment() {
    let out = edited(
        "---\ntitle: Old # keep me\nauthor: A\n---\n",
        "title",
        text("New"),
    );
    assert_eq!(out, "---\ntitle: New # keep me\nauthor: A\n---\n");
}

#[test]
fn nested_badge_label_changes_alone() {
    let src = "---\nbadge:\n  label: 'Actualités'\n  color: red\ntitle: T\n---\n";
    assert_eq!(
        edited(src, "badge.label", text("Nouveautés")),
        "---\nbadge:\n  label: 'Nouveautés'\n  color: red\ntitle: T\n---\n"
    );
}

#[test]
fn bare_badge_is_mended_into_a_label() {
    let src = "---\nbadge: Tutoriel\ntitle: T\n---\n";
    assert_eq!(
        edited(src, "badge.label", text("Tutoriel")),
        "---\nbadge:\n  label: Tutoriel\ntitle: T\n---\n"
    );
}

#[test]
fn flow_parent_stays_flow() {
    let src = "---\nimage: {src: /a.png, alt: x}\n---\n";
    assert_eq!(
        edited(src, "image.src", text("/b.png")),
        "---\nimage: {src: /b.png, alt: x}\n---\n"
    );
}

#[test]
fn new_keys_follow_the_sites_order() {
    let src = "---\ndate: 2024-01-01\nauthor: A\ntitle: T\n---\n";
    assert_eq!(
        edited(src, "description", text("D")),
        "---\ndate: 2024-01-01\ndescription: D\nauthor: A\ntitle: T\n---\n"
    );
    assert_eq!(
        edited(src, "badge.label", text("B")),
        "---\ndate: 2024-01-01\nbadge:\n  label: B\nauthor: A\ntitle: T\n---\n"
    );
    assert_eq!(
        edited(src, "zzz", text("Z")),
        "---\ndate: 2024-01-01\nauthor: A\ntitle: T\nzzz: Z\n---\n"
    );
}

#[test]
fn new_nested_key_joins_its_parent_block() {
    let src = "---\nbadge:\n    label: X\ntitle: T\n---\n";
    assert_eq!(
        edited(src, "badge.color", text("red")),
        "---\nbadge:\n    label: X\n    color: red\ntitle: T\n---\n"
    );
}

#[test]
fn crlf_and_bom_survive_an_edit() {
    let src = "\u{feff}---\r\ntitle: A\r\nauthor: B\r\n---\r\nBody\r\n";
    let out = edited(src, "description", text("multi\nline\n"));
    assert_eq!(out, "\u{feff}---\r\ntitle: A\r\ndescription: |\r\n  multi\r\n  line\r\nauthor: B\r\n---\r\nBody\r\n");
}

#[test]
fn block_scalar_keeps_its_indent() {
    let src = "---\ndescription: |\n    Ancienne description.\nauthor: A\n---\n";
    assert_eq!(
        edited(src, "description", text("Nouvelle.\n")),
        "---\ndescription: |\n    Nouvelle.\nauthor: A\n---\n"
    );
}

#[test]
fn removing_a_key_removes_only_its_lines() {
    let mut post = Post::parse(b"---\nname: 'x'\nyear: 12 mai\n# note\ntitle: T\n---\nB").unwrap();
    assert!(post.remove("year").unwrap());
    assert!(!post.remove("nothing").unwrap());
    assert_eq!(post.to_bytes(), b"---\nname: 'x'\n# note\ntitle: T\n---\nB");
    let mut post = Post::parse(b"---\nbadge:\n  label: X\ntitle: T\n---\n").unwrap();
    post.remove("badge.label").unwrap();
    assert_eq!(post.to_bytes(), b"---\ntitle: T\n---\n");
}

#[test]
fn dates_keep_the_format_and_quotes_already_used() {
    let when = parse_date("2025-03-04").unwrap();
    let date = || NewValue::Date {
        when,
        pattern: "YYYY-MM-DDTHH:mm:ss.SSSZ".into(),
    };
    assert_eq!(
        edited("---\ndate: '2019-12-31'\n---\n", "date", date()),
        "---\ndate: '2025-03-04'\n---\n"
    );
    assert_eq!(
        edited("---\ndate: 2024-12-17T00:00:00.000Z\n---\n", "date", date()),
        "---\ndate: 2025-03-04T00:00:00.000Z\n---\n"
    );
    assert_eq!(
        edited("---\ntitle: T\n---\n", "date", date()),
        "---\ndate: 2025-03-04T00:00:00.000Z\ntitle: T\n---\n"
    );
}

#[test]
fn post_without_front_matter_gets_one() {
    let out = edited("Just text\n", "title", text("T"));
    assert_eq!(out, "---\ntitle: T\n---\nJust text\n");
}

#[test]
fn body_edit_leaves_front_matter_alone() {
    let mut post = Post::parse(b"---\ntitle: A\n---\nold").unwrap();
    post.set_body("new\n");
    assert_eq!(post.to_bytes(), b"---\ntitle: A\n---\nnew\n");
    assert_eq!(post.body(), "new\n");
}

#[test]
fn get_reads_dotted_paths_and_dotted_keys() {
    let post = Post::parse(b"---\nbadge:\n  label: X\nnavigation.icon: i\n---\n").unwrap();
    assert_eq!(post.get("badge.label").and_then(Value::as_str), Some("X"));
    assert_eq!(
        post.get("navigation.icon").and_then(Value::as_str),
        Some("i")
    );
    assert_eq!(post.get("badge.nothing"), None);
}

#[test]
fn bad_input_is_refused_with_a_place() {
    let yaml_err = Post::parse(b"---\ntitle: A\nbad: [1, 2\n---\n").unwrap_err();
    assert!(
        matches!(yaml_err, PostError::Yaml { line, .. } if line >= 3),
        "{yaml_err:?}"
    );
    assert_eq!(
        Post::parse(b"---\ntitle: A\n").unwrap_err(),
        PostError::Unclosed
    );
    assert_eq!(Post::parse(b"").unwrap_err(), PostError::Empty);
    assert_eq!(
        Post::parse(b"+++\ntitle = 1\n+++\n").unwrap_err(),
        PostError::TomlFrontMatter
    );
    assert!(matches!(
        Post::parse(b"---\n\xff\n---\n").unwrap_err(),
        PostError::NotUtf8 { line: 2, column: 1 }
    ));
    assert_eq!(
        Post::parse(b"---\n- a\n---\n").unwrap_err(),
        PostError::NotAMapping
    );
}

#[test]
fn alias_bomb_is_refused_not_expanded() {
    let mut bomb = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, prev) in ('b'..='i').zip('a'..='h') {
        bomb.push_str(&format!(
            "{i}: &{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    bomb.push_str("---\n");
    let err = Post::parse(bomb.as_bytes()).unwrap_err();
    assert!(matches!(err, PostError::Yaml { .. }), "{err:?}");
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let src = format!(
        "---\nx: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = Post::parse(src.as_bytes()).unwrap_err();
    assert!(matches!(err, PostError::Yaml { line: 2, .. }), "{err:?}");
}

#[test]
fn ten_megabyte_body_reads_and_edits() {
    let body = "Lorem ipsum dolor sit amet.\n".repeat(10 * 1024 * 1024 / 28);
    let src = format!("---\ntitle: Big\n---\n{body}");
    let mut post = Post::parse(src.as_bytes()).unwrap();
    assert_eq!(post.to_bytes(), src.as_bytes());
    post.set("title", text("Bigger"), &order()).unwrap();
    assert_eq!(post.body(), body);
}

#[test]
fn unusual_layout_is_refused_for_editing() {
    let mut post = Post::parse(b"---\n? title\n: A\n---\n").unwrap();
    assert_eq!(
        post.set("title", text("B"), &order()).unwrap_err(),
        PostError::LayoutUnknown
    );
    assert_eq!(post.to_bytes(), b"---\n? title\n: A\n---\n");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_title_reads_back_equal(title in any::<String>()) {
            let mut post = Post::parse(b"---\ndate: '2024-01-01'\ntitle: Old\nauthor: A\n---\nBody\n").unwrap();
            post.set("title", text(&title), &order()).unwrap();
            let again = Post::parse(&post.to_bytes()).unwrap();
            prop_assert_eq!(again.get("title"), Some(&Value::String(title)));
            prop_assert_eq!(again.get("author"), Some(&Value::String("A".into())));
            prop_assert_eq!(again.body(), "Body\n");
        }

        #[test]
        fn any_title_reads_back_equal_in_every_style(title in "\\PC{0,40}", style in 0..4usize) {
            let before = ["title: Old", "title: 'Old'", "title: \"Old\"", "title: |\n  Old"][style];
            let src = format!("---\n{before}\nauthor: A\n---\n");
            let mut post = Post::parse(src.as_bytes()).unwrap();
            post.set("title", text(&title), &order()).unwrap();
            let again = Post::parse(&post.to_bytes()).unwrap();
            prop_assert_eq!(again.get("title"), Some(&Value::String(title)));
        }
    }
}
