//! "Billet never changes a byte that the author did not change" (USERS.md,
//! point 5), checked on whole files: our own fixture posts
//! (`tests/fixtures/posts/*.md` at the workspace root), which reproduce every
//! front-matter and body shape of the real corpus plus a few it lacks (CRLF,
//! BOM, comments, unknown keys), and every post of the real corpus itself.
//!
//! For each post:
//! - parse + `to_bytes` without an edit gives back the exact bytes;
//! - setting `title` replaces exactly the title entry's lines (the `title:`
//!   line and its continuation lines) with one new line;
//! - setting `badge.label` changes only lines of the `badge` entry, or, when
//!   the post has no badge, only adds lines, placed in the site's order;
//! - setting `description` (when there is one) changes only its lines;
//! - after each edit, the file reads back with the new value, every other key
//!   equal and in the same order, and the body byte-identical.
//!
//! The changed lines are found by comparing the files line by line (common
//! prefix and suffix); an entry's lines are found by a small scanner written
//! here, independent of billet-core's own.
//!
//! The corpus is looked for in `$BILLET_CORPUS`, else in
//! `<workspace>/../shared/corpus/dokos-website`. It is copied to a temporary
//! folder first (the corpus is read-only). Without it the corpus test warns
//! and passes, except when `CI` is set: CI always has the corpus.
//!
//! `BILLET_ROUNDTRIP_VERBOSE=1 cargo test -p billet-core --test roundtrip -- --nocapture`
//! prints the diff of every edit, to look at them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use billet_core::lang::Lang;
use billet_core::post::{NewValue, Post};
use billet_core::workspace::{Change as FormChange, Setup, Workspace};
use serde_yaml::{Mapping, Value};

/// The blog's field order, used to place a key a post does not have yet.
const SITE_ORDER: [&str; 6] = ["date", "badge", "description", "author", "image", "title"];

const NEW_TITLE: &str = "Un titre tout neuf : édité";
const NEW_LABEL: &str = "Nouvelle étiquette : éditée";
const NEW_DESCRIPTION: &str =
    "Une description toute neuve : éditée, avec une apostrophe courbe (l’équipe) et un emoji 🎉";

/// Fewer posts than this means the corpus path is wrong, not that all is well.
const MIN_CORPUS_POSTS: usize = 40;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures_dir() -> PathBuf {
    workspace_root().join("tests/fixtures/posts")
}

fn site_order() -> Vec<String> {
    SITE_ORDER.map(String::from).to_vec()
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

#[test]
fn fixture_posts_round_trip_and_edit_only_their_lines() {
    let dir = fixtures_dir();
    let files = md_files(&dir);
    assert!(
        files.len() >= 12,
        "expected at least 12 fixture posts in {}, found {}",
        dir.display(),
        files.len()
    );
    let mut failures = Vec::new();
    let mut edits = 0;
    for path in &files {
        let name = rel_name(&dir, path);
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("reading {name}: {e}"));
        edits += check_post(&name, &bytes, &mut failures);
    }
    println!("{} fixture posts, {edits} edits checked", files.len());
    assert_no_failures("fixture", files.len(), failures);
}

#[test]
fn corpus_posts_round_trip_and_edit_only_their_lines() {
    let Some(corpus) = corpus_dir() else {
        return;
    };
    let copy = copy_posts(&corpus);
    let copies = md_files(copy.path());
    assert!(
        copies.len() >= MIN_CORPUS_POSTS,
        "the corpus at {} yielded only {} .md posts (at least {MIN_CORPUS_POSTS} expected): \
         is BILLET_CORPUS pointing at the right folder?",
        corpus.display(),
        copies.len()
    );
    let mut failures = Vec::new();
    let mut edits = 0;
    for path in &copies {
        let name = rel_name(copy.path(), path);
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("reading {name}: {e}"));
        edits += check_post(&name, &bytes, &mut failures);
    }
    println!(
        "{} corpus posts from {}, {edits} edits checked",
        copies.len(),
        corpus.display()
    );
    assert_no_failures("corpus", copies.len(), failures);
}

/// `billet set POST key=<its own value>` must leave every corpus post
/// byte-identical (a long quoted title folded over two lines came back on
/// one). Each scalar field, top-level or one level down (`badge.label`),
/// is set through the workspace's save, as the app and the CLI do.
#[test]
fn corpus_posts_keep_their_bytes_when_a_field_is_set_to_its_own_value() {
    let Some(corpus) = corpus_dir() else {
        return;
    };
    let copy = copy_posts(&corpus);
    let ws = Workspace::open(copy.path(), Setup::default()).expect("the copy opens as a site");
    let posts = ws.posts();
    assert!(
        posts.len() >= MIN_CORPUS_POSTS,
        "only {} posts",
        posts.len()
    );
    let (mut failures, mut sets) = (Vec::new(), 0);
    for post in &posts {
        let before = std::fs::read(copy.path().join(&post.path)).expect("reading a post");
        let Ok(loaded) = ws.load(&post.path, Lang::En) else {
            continue;
        };
        for (key, text) in scalar_fields(&loaded.front_matter) {
            sets += 1;
            let change = vec![FormChange::text(&key, &text)];
            if let Err(e) = ws.save(&post.path, change, None, false, Lang::En) {
                failures.push(format!("{}: {key}: {e}", post.path));
            }
            let after = std::fs::read(copy.path().join(&post.path)).expect("reading a post");
            if after != before {
                failures.push(format!(
                    "{}: setting {key} to its own value changed the file",
                    post.path
                ));
                std::fs::write(copy.path().join(&post.path), &before).expect("restoring");
                ws.load(&post.path, Lang::En).expect("reloading");
            }
        }
    }
    println!(
        "{} corpus posts, {sets} fields set to their own value",
        posts.len()
    );
    assert_no_failures("corpus (same value)", posts.len(), failures);
}

/// The scalar fields of a front matter as (dotted key, text) pairs.
fn scalar_fields(front_matter: &serde_json::Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(map) = front_matter.as_object() else {
        return out;
    };
    for (key, value) in map {
        match value {
            serde_json::Value::Object(inner) => {
                for (sub, v) in inner {
                    out.extend(scalar_text(v).map(|t| (format!("{key}.{sub}"), t)));
                }
            }
            v => out.extend(scalar_text(v).map(|t| (key.clone(), t))),
        }
    }
    out
}

fn scalar_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Guards the fixtures against editors and git settings that "fix" line
/// endings, BOMs or trailing spaces: those bytes are the point of the files.
#[test]
fn fixtures_hold_the_bytes_they_are_named_for() {
    let read = |name: &str| {
        std::fs::read(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("reading {name}: {e}"))
    };

    let crlf = read("crlf.md");
    let newlines = crlf.iter().filter(|&&b| b == b'\n').count();
    let crlfs = crlf.windows(2).filter(|w| w == b"\r\n").count();
    assert!(newlines >= 10, "crlf.md has only {newlines} lines");
    assert_eq!(crlfs, newlines, "crlf.md has bare LF line endings");
    assert!(
        !crlf.starts_with(b"\xef\xbb\xbf"),
        "crlf.md must not have a BOM"
    );

    let bom = read("bom.md");
    assert!(
        bom.starts_with(b"\xef\xbb\xbf---\n"),
        "bom.md must start with a UTF-8 BOM then ---"
    );
    assert!(!bom.contains(&b'\r'), "bom.md must use LF line endings");

    for name in md_files(&fixtures_dir()) {
        let bytes = std::fs::read(&name).unwrap();
        let short = rel_name(&fixtures_dir(), &name);
        if short != "crlf.md" {
            assert!(!bytes.contains(&b'\r'), "{short} must use LF line endings");
        }
        if short != "bom.md" {
            assert!(
                !bytes.starts_with(b"\xef\xbb\xbf"),
                "{short} must not have a BOM"
            );
        }
    }

    let older = read("older-src-object.md");
    assert!(
        !older.ends_with(b"\n"),
        "older-src-object.md must not end with a line ending"
    );

    let spaces = String::from_utf8(read("unquoted-date-trailing-spaces.md")).unwrap();
    assert!(
        spaces.lines().take(10).filter(|l| l.ends_with(' ')).count() >= 4,
        "unquoted-date-trailing-spaces.md lost its trailing spaces"
    );
    let double = String::from_utf8(read("older-double-quoted.md")).unwrap();
    assert!(
        double.contains("\nyear:  11 octobre 2022\n"),
        "double space after `year:` lost"
    );

    let comments = String::from_utf8(read("comments.md")).unwrap();
    assert!(
        comments.starts_with("---\n# "),
        "comments.md must open with a comment line"
    );
    assert!(
        comments.contains(" # titre provisoire\n"),
        "trailing comment lost"
    );
}

/// The checker itself must catch what the tools of USERS.md did: a quoted
/// date rewritten, a long title folded, keys reordered, the body re-escaped,
/// a comment dropped, a line ending changed. Each bad result below is one
/// such rewrite of an otherwise correct edit.
#[test]
fn the_checker_catches_stray_changes() {
    let before = "---\ndate: '2024-11-15'\nbadge:\n  label: Dolibarr\nauthor: Noé # relu\nimage: blog/a.png\ntitle: Une rencontre inspirante\n---\nVoir https://x.example et :br\n";
    let title = format!("title: \"{NEW_TITLE}\"\n");
    let good = before.replace("title: Une rencontre inspirante\n", &title);
    let check = |after: &str, path: &str, kind: Kind, value: &str| {
        check_result(before.as_bytes(), after.as_bytes(), path, kind, value)
    };
    assert!(
        check(&good, "title", Kind::Title, NEW_TITLE).is_ok(),
        "{:?}",
        check(&good, "title", Kind::Title, NEW_TITLE)
    );

    let bad_title = [
        (
            "date requoted",
            good.replace("date: '2024-11-15'", "date: 2024-11-15"),
        ),
        ("comment dropped", good.replace("Noé # relu", "Noé")),
        ("body re-escaped", good.replace("https://", "https\\://")),
        (
            "title folded",
            good.replace(&title, "title: \"Un titre tout neuf :\n  édité\"\n"),
        ),
        (
            "keys reordered",
            good.replace(&title, "")
                .replace("date:", &format!("{title}date:")),
        ),
        (
            "quoted in single quotes, not double",
            good.replace('"', "'"),
        ),
        (
            "title line added, old one kept",
            before.replace("---\nVoir", &format!("{title}---\nVoir")),
        ),
    ];
    for (what, after) in bad_title {
        assert!(
            check(&after, "title", Kind::Title, NEW_TITLE).is_err(),
            "the checker missed: {what}\n{after}"
        );
    }

    let label = format!("  label: \"{NEW_LABEL}\"\n");
    let good_label = before.replace("  label: Dolibarr\n", &label);
    assert!(check(&good_label, "badge.label", Kind::Badge, NEW_LABEL).is_ok());
    let flow = before.replace(
        "badge:\n  label: Dolibarr\n",
        &format!("badge: {{label: \"{NEW_LABEL}\"}}\n"),
    );
    assert!(
        check(&flow, "badge.label", Kind::Badge, NEW_LABEL).is_err(),
        "the checker missed: badge rewritten as a flow mapping"
    );

    // A badge added at the end instead of after `date`, then a correct one.
    let no_badge = before.replace("badge:\n  label: Dolibarr\n", "");
    let at_end = no_badge.replace("---\nVoir", &format!("badge:\n{label}---\nVoir"));
    let after_date = no_badge.replace("author:", &format!("badge:\n{label}author:"));
    let check_added = |after: &str| {
        check_result(
            no_badge.as_bytes(),
            after.as_bytes(),
            "badge.label",
            Kind::Badge,
            NEW_LABEL,
        )
    };
    assert!(
        check_added(&at_end).is_err(),
        "the checker missed: badge added out of order"
    );
    assert!(
        check_added(&after_date).is_ok(),
        "{:?}",
        check_added(&after_date)
    );

    // CRLF: an added line ending in a bare LF.
    let crlf = before.replace('\n', "\r\n");
    let lf_line = crlf.replace("title: Une rencontre inspirante\r\n", &title);
    assert!(
        check_result(
            crlf.as_bytes(),
            lf_line.as_bytes(),
            "title",
            Kind::Title,
            NEW_TITLE
        )
        .is_err(),
        "the checker missed: LF line in a CRLF file"
    );
}

// ---------------------------------------------------------------------------
// Finding the corpus and the files
// ---------------------------------------------------------------------------

/// The corpus folder, or `None` (after a loud warning) when it is absent and
/// `CI` is not set. Panics when it is absent and `CI` is set.
fn corpus_dir() -> Option<PathBuf> {
    let (path, from) = match std::env::var_os("BILLET_CORPUS") {
        Some(p) => (PathBuf::from(p), "BILLET_CORPUS"),
        None => (
            workspace_root().join("../shared/corpus/dokos-website"),
            "the default location",
        ),
    };
    if path.is_dir() {
        return Some(path);
    }
    let bar = "!".repeat(78);
    let message = format!(
        "\n{bar}\n\
         !! CORPUS NOT FOUND: the round-trip test on the real blog posts DID NOT RUN.\n\
         !! Looked in {} ({from}).\n\
         !! Set BILLET_CORPUS to the dokos-website corpus folder (the one holding\n\
         !! content/fr/blog/...) to run it. Only the fixture posts were checked.\n\
         {bar}\n",
        path.display()
    );
    // Straight to the process's stderr: libtest captures `eprintln!` in a
    // passing test, and this warning must be seen precisely then.
    let _ = std::io::Write::write_all(&mut std::io::stderr(), message.as_bytes());
    if std::env::var_os("CI").is_some() {
        panic!(
            "CI is set and the corpus is missing (looked in {}, {from})",
            path.display()
        );
    }
    None
}

/// Every `.md` file under `dir`, sorted.
/// A temporary copy of the corpus's posts (it is read-only), at the same
/// paths.
fn copy_posts(corpus: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("a temporary folder");
    for source in &md_files(corpus) {
        let rel = source
            .strip_prefix(corpus)
            .expect("walked under the corpus");
        let target = copy.path().join(rel);
        std::fs::create_dir_all(target.parent().expect("a file has a folder"))
            .expect("creating the copy's folders");
        std::fs::copy(source, &target)
            .unwrap_or_else(|e| panic!("copying {}: {e}", source.display()));
    }
    copy
}

fn md_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap_or_else(|e| panic!("walking {}: {e}", dir.display())))
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files
}

fn rel_name(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn assert_no_failures(what: &str, posts: usize, failures: Vec<String>) {
    if failures.is_empty() {
        return;
    }
    let mut report = format!("{} failure(s) over {posts} {what} posts:\n", failures.len());
    for failure in &failures {
        report.push('\n');
        report.push_str(failure);
        report.push('\n');
    }
    panic!("{report}");
}

// ---------------------------------------------------------------------------
// The checks on one post
// ---------------------------------------------------------------------------

/// Which edit is checked, and how strictly.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The title's lines are replaced by exactly one new line.
    Title,
    /// Only lines of the badge entry change (or a badge is added).
    Badge,
    /// Only lines of the description entry change.
    Description,
}

/// Runs every check on one post. Returns the number of edits checked and
/// pushes one message per failed check.
fn check_post(name: &str, bytes: &[u8], failures: &mut Vec<String>) -> usize {
    let post = match Post::parse(bytes) {
        Ok(post) => post,
        Err(e) => {
            failures.push(format!(
                "── {name}\n   Post::parse refused the file: {e} ({e:?})"
            ));
            return 0;
        }
    };
    let again = post.to_bytes();
    if again != bytes {
        failures.push(format!(
            "── {name} — unedited round trip\n   to_bytes differs from the file{}",
            first_difference(bytes, &again)
        ));
    }
    let text = String::from_utf8_lossy(bytes);
    if front_matter_lines(&text.split_inclusive('\n').collect::<Vec<_>>()).is_none() {
        failures.push(format!("── {name}\n   the post has no front matter"));
        return 0;
    }

    let mut edits = Vec::new();
    edits.push(("title", Kind::Title, NEW_TITLE.to_string()));
    edits.push(("badge.label", Kind::Badge, NEW_LABEL.to_string()));
    if let Some(old) = post.get("description") {
        // The one-line value a form would give, and the same with the final
        // line break a `|` block ends with.
        edits.push((
            "description",
            Kind::Description,
            NEW_DESCRIPTION.to_string(),
        ));
        if old.as_str().is_some_and(|s| s.ends_with('\n')) {
            edits.push((
                "description",
                Kind::Description,
                format!("{NEW_DESCRIPTION}\n"),
            ));
        }
    }
    for (path, kind, value) in &edits {
        if let Err(message) = check_edit(bytes, path, *kind, value) {
            failures.push(format!("── {name} — set({path:?}, {value:?})\n{message}"));
        }
    }
    edits.len()
}

/// Sets `path` to `value` with billet-core, then checks the result.
fn check_edit(before: &[u8], path: &str, kind: Kind, value: &str) -> Result<(), String> {
    let mut post = Post::parse(before).map_err(|e| format!("   parse: {e}"))?;
    post.set(
        path,
        NewValue::Value(Value::String(value.into())),
        &site_order(),
    )
    .map_err(|e| format!("   Post::set refused the edit: {e} ({e:?})"))?;
    let after = post.to_bytes();
    let diff = check_result(before, &after, path, kind, value)?;
    if std::env::var_os("BILLET_ROUNDTRIP_VERBOSE").is_some() {
        println!("set({path:?}):\n{diff}");
    }
    Ok(())
}

/// Checks an edited file against the file before the edit: which lines
/// changed, and what reads back. Returns the diff, for showing.
fn check_result(
    before: &[u8],
    after: &[u8],
    path: &str,
    kind: Kind,
    value: &str,
) -> Result<String, String> {
    let post = Post::parse(before).map_err(|e| format!("   parse: {e}"))?;
    let old_map = yaml_of(&post)?;
    let old_body = post.body().to_string();
    let top_key = path.split('.').next().expect("a path has a key");

    let old_text = std::str::from_utf8(before).map_err(|e| format!("   not UTF-8: {e}"))?;
    let new_text =
        std::str::from_utf8(after).map_err(|e| format!("   the edited file is not UTF-8: {e}"))?;
    let old_lines: Vec<&str> = old_text.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new_text.split_inclusive('\n').collect();
    let change = Change::between(&old_lines, &new_lines);
    let diff = || change.render(&old_lines, &new_lines);
    let fail = |why: String| Err(format!("   {why}\n{}", diff()));

    let eol = if old_lines[0].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let old_fm = front_matter_lines(&old_lines).ok_or("   no front matter before the edit")?;
    let Some(new_fm) = front_matter_lines(&new_lines) else {
        return fail("the edited file has no front matter".into());
    };
    let old_entry = entry_lines(&old_lines, old_fm.clone(), top_key);
    let Some(new_entry) = entry_lines(&new_lines, new_fm, top_key) else {
        return fail(format!(
            "`{top_key}:` is not a top-level entry after the edit"
        ));
    };

    // Which lines changed.
    if change.is_empty() {
        return fail("nothing changed".into());
    }
    for line in &new_lines[change.added.clone()] {
        let ok = line.ends_with(eol) && !line[..line.len() - eol.len()].contains(['\r', '\n']);
        if !ok {
            return fail(format!(
                "added line {line:?} does not end with the file's {eol:?}"
            ));
        }
    }
    match &old_entry {
        Some(old_entry) => {
            if !contains(old_entry, &change.removed) {
                return fail(format!(
                    "removed lines {} are not all lines of `{top_key}` (lines {})",
                    lines_label(&change.removed),
                    lines_label(old_entry)
                ));
            }
        }
        None => {
            if !change.removed.is_empty() {
                return fail(format!(
                    "the post had no `{top_key}`, yet lines {} were removed",
                    lines_label(&change.removed)
                ));
            }
            if change.added != new_entry {
                return fail(format!(
                    "the added lines {} are not exactly the new `{top_key}` entry (lines {})",
                    lines_label(&change.added),
                    lines_label(&new_entry)
                ));
            }
        }
    }
    if !contains(&new_entry, &change.added) {
        return fail(format!(
            "added lines {} are not all lines of the new `{top_key}` (lines {})",
            lines_label(&change.added),
            lines_label(&new_entry)
        ));
    }
    if kind == Kind::Title {
        if let Some(old_entry) = &old_entry {
            if change.removed != *old_entry {
                return fail(format!(
                    "removed lines {} are not exactly the title's lines {}",
                    lines_label(&change.removed),
                    lines_label(old_entry)
                ));
            }
            if let Some(expected) = expected_title_line(&old_lines, old_entry.clone(), eol) {
                let added = &new_lines[change.added.clone()];
                if added != [expected.as_str()] {
                    return fail(format!("expected the title line to become {expected:?}"));
                }
            }
        }
        if change.added.len() != 1 {
            return fail(format!(
                "the new title takes {} lines instead of one",
                change.added.len()
            ));
        }
    }
    if kind == Kind::Badge {
        if let Some(label_line) = old_entry
            .clone()
            .and_then(|e| nested_label_line(&old_lines, e))
        {
            if change.removed != (label_line..label_line + 1) || change.added.len() != 1 {
                return fail(format!(
                    "only the `label:` line ({}) should have changed",
                    label_line + 1
                ));
            }
        }
    }

    // What reads back.
    let again = Post::parse(after)
        .map_err(|e| format!("   the edited file does not parse: {e}\n{}", diff()))?;
    if again.to_bytes() != after {
        return fail("the edited file does not round-trip itself".into());
    }
    if again.body() != old_body {
        return fail("the body changed".into());
    }
    if again.get(path) != Some(&Value::String(value.into())) {
        return fail(format!("reading `{path}` back gives {:?}", again.get(path)));
    }
    let new_map = yaml_of(&again)?;
    let expected = expected_mapping(&old_map, path, value);
    let keys = |m: &Mapping| m.keys().map(key_label).collect::<Vec<_>>();
    if keys(&new_map) != keys(&expected) {
        return fail(format!(
            "keys are now {:?}, expected {:?}",
            keys(&new_map),
            keys(&expected)
        ));
    }
    for (key, want) in &expected {
        let got = new_map.get(key);
        if got != Some(want) {
            return fail(format!(
                "`{}` reads back as {got:?}, expected {want:?}",
                key_label(key)
            ));
        }
    }
    Ok(diff())
}

/// The front matter read with serde_yaml directly from its text, and checked
/// against what billet-core read.
fn yaml_of(post: &Post) -> Result<Mapping, String> {
    let text = post.front_matter_text();
    let map = match serde_yaml::from_str::<Value>(text) {
        Ok(Value::Mapping(m)) => m,
        Ok(Value::Null) => Mapping::new(),
        Ok(other) => return Err(format!("   front matter is not a mapping: {other:?}")),
        Err(e) => return Err(format!("   serde_yaml cannot read the front matter: {e}")),
    };
    if &map != post.front_matter() {
        return Err("   Post::front_matter differs from serde_yaml's reading of its text".into());
    }
    Ok(map)
}

/// The old front matter with `path` set to `value`, keys in the order the
/// file should now have.
fn expected_mapping(old: &Mapping, path: &str, value: &str) -> Mapping {
    let new_value = Value::String(value.into());
    let (key, leaf) = match path.split_once('.') {
        None => (path, new_value),
        Some((parent, child)) => {
            let mut inner = old
                .get(parent)
                .and_then(Value::as_mapping)
                .cloned()
                .unwrap_or_default();
            inner.insert(Value::String(child.into()), new_value);
            (parent, Value::Mapping(inner))
        }
    };
    if old.contains_key(key) {
        let mut map = old.clone();
        map.insert(Value::String(key.into()), leaf); // keeps its place
        return map;
    }
    // A new key goes after the nearest key before it in the site's order,
    // else before the nearest one after it, else at the end.
    let keys: Vec<&Value> = old.keys().collect();
    let find = |name: &&str| keys.iter().position(|k| k.as_str() == Some(*name));
    let pos = SITE_ORDER.iter().position(|k| *k == key);
    let at = pos
        .and_then(|pos| {
            SITE_ORDER[..pos]
                .iter()
                .rev()
                .find_map(|k| find(k).map(|i| i + 1))
                .or_else(|| SITE_ORDER[pos + 1..].iter().find_map(find))
        })
        .unwrap_or(keys.len());
    let mut map = Mapping::new();
    for (i, (k, v)) in old.iter().enumerate() {
        if i == at {
            map.insert(Value::String(key.into()), leaf.clone());
        }
        map.insert(k.clone(), v.clone());
    }
    if at == keys.len() {
        map.insert(Value::String(key.into()), leaf);
    }
    map
}

fn key_label(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        other => format!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Lines: the front matter, its entries, and what changed
// ---------------------------------------------------------------------------

/// The indices of the front matter's YAML lines (between the `---` lines).
fn front_matter_lines(lines: &[&str]) -> Option<Range<usize>> {
    let opener = lines.first()?.trim_start_matches('\u{feff}');
    if opener.trim_end() != "---" {
        return None;
    }
    let close = (1..lines.len()).find(|&i| matches!(lines[i].trim_end(), "---" | "..."))?;
    Some(1..close)
}

/// The key of a top-level `key: value` line, if the line is one.
fn top_level_key(line: &str) -> Option<String> {
    let content = line.trim_end_matches(['\n', '\r']);
    let first = content.chars().next()?;
    if first.is_whitespace() || "#-[]{}?".contains(first) {
        return None;
    }
    if first == '"' || first == '\'' {
        let close = content[1..].find(first)? + 1;
        return content[close + 1..]
            .starts_with(':')
            .then(|| content[1..close].to_string());
    }
    let bytes = content.as_bytes();
    let colon = (0..bytes.len())
        .find(|&i| bytes[i] == b':' && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t')))?;
    Some(content[..colon].trim_end().to_string())
}

/// The lines of the top-level entry `key`: its key line and the continuation
/// lines after it (more indented lines, or `- ` items at column 0), with the
/// blank and comment lines between them. Blank lines and comments after the
/// last line of the value are not part of the entry.
fn entry_lines(lines: &[&str], front_matter: Range<usize>, key: &str) -> Option<Range<usize>> {
    let start = front_matter
        .clone()
        .find(|&i| top_level_key(lines[i]).as_deref() == Some(key))?;
    let mut end = start + 1;
    for (i, line) in lines
        .iter()
        .enumerate()
        .take(front_matter.end)
        .skip(start + 1)
    {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() || content.starts_with('#') {
            continue;
        }
        if content.starts_with([' ', '\t', '-', ']', '}']) {
            end = i + 1;
            continue;
        }
        break;
    }
    // An indented comment (or a blank line) at the end is not part of the
    // value when the value is the same without it.
    while end - 1 > start {
        let last = lines[end - 1].trim();
        let droppable = last.is_empty() || last.starts_with('#');
        if !droppable || value_of(&lines[start..end - 1], key) != value_of(&lines[start..end], key)
        {
            break;
        }
        end -= 1;
    }
    Some(start..end)
}

fn value_of(lines: &[&str], key: &str) -> Option<Value> {
    serde_yaml::from_str::<Mapping>(&lines.concat())
        .ok()?
        .get(key)
        .cloned()
}

/// In a badge entry written as a block (`badge:` then `  label: X`), the
/// index of the one-line `label:` line.
fn nested_label_line(lines: &[&str], entry: Range<usize>) -> Option<usize> {
    let inline = lines[entry.start].trim_end().strip_prefix("badge:")?.trim();
    if !(inline.is_empty() || inline.starts_with('#')) {
        return None;
    }
    let at = entry
        .clone()
        .skip(1)
        .find(|&i| lines[i].trim_start().starts_with("label:"))?;
    let indent = lines[at].len() - lines[at].trim_start().len();
    let next_more_indented = lines.get(at + 1).is_some_and(|l| {
        entry.contains(&(at + 1)) && l.len() - l.trim_start().len() > indent && !l.trim().is_empty()
    });
    (!next_more_indented).then_some(at)
}

/// The line the title's first line should become, when the old title is a
/// quoted or plain scalar: the site writes `: ` inside the new title, so it
/// must be quoted, single quotes being kept when the old title used them.
/// A trailing comment on a one-line title stays.
fn expected_title_line(lines: &[&str], entry: Range<usize>, eol: &str) -> Option<String> {
    let first = lines[entry.start].trim_end_matches(['\n', '\r']);
    let inline = first.strip_prefix("title:")?;
    let value = inline.trim_start();
    let quoted = match value.chars().next() {
        Some('|' | '>' | '[' | '{' | '&' | '!' | '*') => return None,
        Some('\'') => format!("'{}'", NEW_TITLE.replace('\'', "''")),
        _ => format!("\"{NEW_TITLE}\""),
    };
    let comment = if entry.len() == 1 {
        trailing_comment(value)
    } else {
        ""
    };
    Some(format!("title: {quoted}{comment}{eol}"))
}

/// The ` # comment` at the end of a one-line scalar, if any.
fn trailing_comment(value: &str) -> &str {
    let after_scalar = match value.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let mut i = 1;
            let bytes = value.as_bytes();
            loop {
                match bytes.get(i) {
                    None => return "",
                    Some(b'\\') if q == '"' => i += 2,
                    Some(&b) if b == q as u8 => {
                        if q == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                        } else {
                            break i + 1;
                        }
                    }
                    Some(_) => i += 1,
                }
            }
        }
        _ => 0,
    };
    match value[after_scalar..].find(" #") {
        Some(i) => value[after_scalar + i..].trim_end(),
        None => "",
    }
}

/// The changed region between two versions of a file, as line ranges: what
/// is left once the common first lines and the common last lines are set aside.
struct Change {
    removed: Range<usize>,
    added: Range<usize>,
}

impl Change {
    fn between(old: &[&str], new: &[&str]) -> Change {
        let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let room = old.len().min(new.len()) - prefix;
        let suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        Change {
            removed: prefix..old.len() - suffix,
            added: prefix..new.len() - suffix,
        }
    }

    fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty()
    }

    /// A unified-style view: two lines of context, `-` removed, `+` added,
    /// each line shown escaped (so `\r` and trailing spaces are visible).
    fn render(&self, old: &[&str], new: &[&str]) -> String {
        const CONTEXT: usize = 2;
        let show = |line: &str| format!("{:?}", line.strip_suffix('\n').unwrap_or(line));
        let mut out = String::new();
        let from = self.removed.start.saturating_sub(CONTEXT);
        for (i, line) in old.iter().enumerate().take(self.removed.start).skip(from) {
            out.push_str(&format!("   {:>4}   {}\n", i + 1, show(line)));
        }
        for i in self.removed.clone() {
            out.push_str(&format!("   {:>4} - {}\n", i + 1, show(old[i])));
        }
        for i in self.added.clone() {
            out.push_str(&format!("   {:>4} + {}\n", i + 1, show(new[i])));
        }
        let to = (self.removed.end + CONTEXT).min(old.len());
        for (i, line) in old.iter().enumerate().take(to).skip(self.removed.end) {
            out.push_str(&format!("   {:>4}   {}\n", i + 1, show(line)));
        }
        out
    }
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    inner.is_empty() || (outer.start <= inner.start && inner.end <= outer.end)
}

/// 1-based, inclusive, as an editor shows them.
fn lines_label(range: &Range<usize>) -> String {
    match range.len() {
        0 => format!("(none, at {})", range.start + 1),
        1 => format!("{}", range.start + 1),
        _ => format!("{}-{}", range.start + 1, range.end),
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> String {
    let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let around = |s: &[u8]| {
        let from = at.saturating_sub(20);
        let to = (at + 20).min(s.len());
        format!("{:?}", String::from_utf8_lossy(&s[from.min(to)..to]))
    };
    format!(
        " at byte {at} (lengths {} and {}):\n   file:     {}\n   to_bytes: {}",
        a.len(),
        b.len(),
        around(a),
        around(b)
    )
}
