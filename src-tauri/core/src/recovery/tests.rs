use std::fs;

use chrono::TimeZone;

use super::*;

const POST: &str = "content/blog/a.md";
const ON_DISK: &str = "---\ntitle: A\n---\nFirst words.\n";
const EDITED: &str = "---\ntitle: A\n---\nFirst words, and more.\n";

/// A site with one post, and an empty app data folder.
fn setup() -> (tempfile::TempDir, PathBuf, RecoveryStore) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    fs::create_dir_all(site.join("content/blog")).unwrap();
    fs::write(site.join(POST), ON_DISK).unwrap();
    let store = RecoveryStore::new(dir.path().join("data/recovery"));
    (dir, site, store)
}

/// As `setup`, with the post's edits kept at 10:01.
fn edited() -> (tempfile::TempDir, PathBuf, RecoveryStore) {
    let (dir, site, store) = setup();
    store
        .store(&site, POST, EDITED, Some(&loaded(ON_DISK)), at(1))
        .unwrap();
    (dir, site, store)
}

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 10, minute, 0).unwrap()
}

fn loaded(text: &str) -> Fingerprint {
    Fingerprint::of(text.as_bytes(), None)
}

fn kept_files(store: &RecoveryStore) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(&store.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn store_list_discard() {
    let (_dir, site, store) = setup();
    assert_eq!(store.list(&site), []);
    store
        .store(&site, POST, EDITED, Some(&loaded(ON_DISK)), at(1))
        .unwrap();
    assert_eq!(
        store.list(&site),
        [Recovered {
            post: POST.into(),
            saved_at: at(1),
            text: EDITED.into(),
            on_disk: Some(ON_DISK.into()),
            changed_on_disk: false,
        }]
    );
    // Typing on: the newer text replaces the older, in one file.
    let more = format!("{EDITED}Even more.\n");
    store
        .store(&site, POST, &more, Some(&loaded(ON_DISK)), at(2))
        .unwrap();
    let listed = store.list(&site);
    assert_eq!((listed.len(), listed[0].text.as_str()), (1, more.as_str()));
    assert_eq!(listed[0].saved_at, at(2));
    let names = kept_files(&store);
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with(".json") && names[0].len() == 64 + 5);

    store.discard(&site, POST).unwrap();
    assert_eq!(store.list(&site), []);
    assert_eq!(kept_files(&store), Vec::<String>::new());
    // Discarding what is not kept is no error.
    store.discard(&site, POST).unwrap();
}

#[test]
fn sites_do_not_mix() {
    let (dir, site, store) = setup();
    let other = dir.path().join("other-site");
    fs::create_dir_all(other.join("content/blog")).unwrap();
    fs::write(other.join(POST), "other").unwrap();
    store.store(&site, POST, EDITED, None, at(1)).unwrap();
    store
        .store(&other, POST, "other, edited", None, at(2))
        .unwrap();
    let here = store.list(&site);
    assert_eq!((here.len(), here[0].text.as_str()), (1, EDITED));
    let there = store.list(&other);
    assert_eq!((there.len(), there[0].text.as_str()), (1, "other, edited"));
    store.discard(&other, POST).unwrap();
    assert_eq!(store.list(&site).len(), 1);
    assert_eq!(store.list(&other), []);
}

#[test]
fn the_site_is_the_same_by_any_path() {
    let (_dir, site, store) = setup();
    store.store(&site, POST, EDITED, None, at(1)).unwrap();
    let roundabout = site.join("content/..");
    assert_eq!(store.list(&roundabout).len(), 1);
    store.discard(&roundabout, POST).unwrap();
    assert_eq!(store.list(&site), []);
}

#[test]
fn changes_on_disk_are_flagged() {
    let (_dir, site, store) = edited();
    // Another program wrote the post since it was opened.
    fs::write(site.join(POST), "changed elsewhere").unwrap();
    let listed = store.list(&site);
    assert!(listed[0].changed_on_disk);
    assert_eq!(listed[0].on_disk.as_deref(), Some("changed elsewhere"));
    // Then deleted it.
    fs::remove_file(site.join(POST)).unwrap();
    let listed = store.list(&site);
    assert!(listed[0].changed_on_disk);
    assert_eq!(listed[0].on_disk, None);

    // A new post, never saved: nothing on disk, and nothing changed.
    let new = "content/blog/new.md";
    store
        .store(&site, new, "---\ntitle: New\n---\n", None, at(3))
        .unwrap();
    let listed = store.list(&site);
    assert_eq!(listed[0].post, new, "newest first");
    assert_eq!(
        (listed[0].on_disk.as_deref(), listed[0].changed_on_disk),
        (None, false)
    );
    // Until another program puts a file there.
    fs::write(site.join(new), "someone else's").unwrap();
    assert!(store.list(&site)[0].changed_on_disk);
}

#[test]
fn edits_already_on_disk_are_dropped() {
    let (_dir, site, store) = edited();
    // Saved, then a crash before the kept copy was discarded.
    fs::write(site.join(POST), EDITED).unwrap();
    assert_eq!(store.list(&site), []);
    assert_eq!(kept_files(&store), Vec::<String>::new());
}

#[test]
fn leftovers_of_a_crash_and_damaged_files_are_skipped() {
    let (_dir, site, store) = setup();
    store.store(&site, POST, EDITED, None, at(1)).unwrap();
    // Each write goes to a temporary file renamed into place: none stays.
    assert!(kept_files(&store).iter().all(|n| n.ends_with(".json")));
    let whole = fs::read(store.dir.join(&kept_files(&store)[0])).unwrap();
    // What a crash in the middle of a write would leave with a plain
    // write (a cut JSON file), and with Billet's (a cut temporary file).
    fs::write(
        store.dir.join(format!("{}.json", "0".repeat(64))),
        &whole[..whole.len() / 2],
    )
    .unwrap();
    fs::write(store.dir.join(".billet-x1y2z3.tmp"), &whole[..10]).unwrap();
    fs::write(store.dir.join("notes.txt"), "not a kept copy").unwrap();
    fs::write(
        store.dir.join(format!("{}.json", "1".repeat(64))),
        [0xff, 0xfe, b'{'],
    )
    .unwrap();
    let listed = store.list(&site);
    assert_eq!((listed.len(), listed[0].text.as_str()), (1, EDITED));
    // Damaged copies are left alone, not deleted.
    assert_eq!(kept_files(&store).len(), 5);
}

#[test]
fn a_kept_path_cannot_read_outside_the_site() {
    let (dir, site, store) = setup();
    fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    store.store(&site, POST, EDITED, None, at(1)).unwrap();
    let file = store.dir.join(&kept_files(&store)[0]);
    let json = fs::read_to_string(&file).unwrap();
    fs::write(&file, json.replace(POST, "../secret.txt")).unwrap();
    let listed = store.list(&site);
    assert_eq!(listed[0].post, "../secret.txt");
    assert_eq!(listed[0].on_disk, None);
}

#[test]
fn a_store_that_cannot_write_says_so() {
    let (dir, site, _store) = setup();
    // The data folder's place is taken by a file.
    let blocked = dir.path().join("blocked");
    fs::write(&blocked, "").unwrap();
    let store = RecoveryStore::new(&blocked);
    let err = store.store(&site, POST, EDITED, None, at(1)).unwrap_err();
    assert_eq!(err.code(), "recovery.store");
    assert!(err.message(Lang::Fr).contains("Enregistrez l'article"));
    assert!(err.message(Lang::En).contains("Save the post"));
}
