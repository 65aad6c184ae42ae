//! On the real file system, in temporary folders. Every wait is bounded and
//! only for correctness: a test waits for the changes it expects (up to
//! `FIRST`), then for `QUIET` more to be sure nothing else comes.

use std::fs;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use super::pending::Pending;
use super::tree::Tree;
use super::*;

/// The longest wait for the first change (a loaded machine is slow).
const FIRST: Duration = Duration::from_secs(10);
/// How long after the last change nothing more may come.
const QUIET: Duration = Duration::from_secs(1);

/// A small site: two posts, a picture, and the folders to ignore.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for folder in [
        "content/blog",
        "public/blog",
        ".git/objects",
        "node_modules/pkg/lib",
        "content/dist",
    ] {
        fs::create_dir_all(root.join(folder)).unwrap();
    }
    fs::write(root.join("content/blog/a.md"), "---\ntitle: A\n---\n").unwrap();
    fs::write(root.join("content/blog/b.md"), "---\ntitle: B\n---\n").unwrap();
    fs::write(root.join("public/blog/a.jpg"), b"\xff\xd8").unwrap();
    dir
}

fn watch(root: &Path) -> (SiteWatcher, Receiver<Vec<Change>>) {
    let (sender, told) = mpsc::channel();
    let watcher = SiteWatcher::start(root, move |changes| {
        let _ = sender.send(changes);
    })
    .unwrap();
    (watcher, told)
}

/// Every batch told until none came for `QUIET`, the first awaited for up
/// to `first`.
fn batches(told: &Receiver<Vec<Change>>, first: Duration) -> Vec<Vec<Change>> {
    let mut all = Vec::new();
    let mut wait = first;
    while let Ok(batch) = told.recv_timeout(wait) {
        all.push(batch);
        wait = QUIET;
    }
    all
}

fn changed(path: &str) -> Change {
    Change::new(path.into(), ChangeKind::Changed)
}

fn removed(path: &str) -> Change {
    Change::new(path.into(), ChangeKind::Removed)
}

#[test]
fn an_external_write_is_one_change() {
    let dir = site();
    let (_watcher, told) = watch(dir.path());
    fs::write(
        dir.path().join("content/blog/a.md"),
        "---\ntitle: A2\n---\n",
    )
    .unwrap();
    assert_eq!(batches(&told, FIRST), [vec![changed("content/blog/a.md")]]);
}

#[test]
fn a_rename_save_is_one_change_of_the_target() {
    let dir = site();
    let (_watcher, told) = watch(dir.path());
    let blog = dir.path().join("content/blog");
    // As editors save: a temporary file beside the post, then a rename.
    let temp = blog.join(".a.md.swp-4123");
    fs::write(&temp, "---\ntitle: A, edited\n---\n").unwrap();
    fs::rename(&temp, blog.join("a.md")).unwrap();
    assert_eq!(batches(&told, FIRST), [vec![changed("content/blog/a.md")]]);
}

/// Writes `post` 100 times, as an editor saving on every key would, and
/// says whether that was a burst: no pause between two writes long enough
/// for the watcher to settle, and all of it well within `MAX_WAIT`. (On a
/// machine loaded to the point of stalling the test for longer, it is not
/// one: the caller tries again.)
fn burst(post: &Path) -> bool {
    let start = Instant::now();
    let mut longest = Duration::ZERO;
    for i in 0..100 {
        let before = Instant::now();
        fs::write(post, format!("---\ntitle: A{i}\n---\n")).unwrap();
        longest = longest.max(before.elapsed());
    }
    longest < SETTLE / 3 && start.elapsed() < MAX_WAIT / 2
}

#[test]
fn a_burst_of_writes_is_one_update() {
    let dir = site();
    let (_watcher, told) = watch(dir.path());
    let post = dir.path().join("content/blog/a.md");
    for _ in 0..5 {
        let was_burst = burst(&post);
        let updates = batches(&told, FIRST);
        if was_burst {
            assert_eq!(updates, [vec![changed("content/blog/a.md")]]);
            return;
        }
    }
    panic!("the machine is too loaded for 100 writes to be a burst");
}

#[test]
fn ignored_folders_say_nothing() {
    let dir = site();
    let (_watcher, told) = watch(dir.path());
    let root = dir.path();
    fs::write(root.join(".git/index"), "x").unwrap();
    fs::write(root.join(".git/objects/ab"), "x").unwrap();
    fs::write(root.join("node_modules/pkg/lib/index.js"), "x").unwrap();
    fs::create_dir_all(root.join("node_modules/new/deep")).unwrap();
    fs::write(root.join("node_modules/new/deep/x.js"), "x").unwrap();
    fs::write(root.join("content/dist/page.html"), "x").unwrap();
    fs::create_dir_all(root.join(".nuxt/cache")).unwrap();
    fs::write(root.join(".nuxt/cache/x"), "x").unwrap();
    assert_eq!(
        batches(&told, Duration::from_secs(2)),
        Vec::<Vec<Change>>::new()
    );
    // The watcher is alive all the same.
    fs::write(root.join("content/blog/b.md"), "---\ntitle: B2\n---\n").unwrap();
    assert_eq!(batches(&told, FIRST), [vec![changed("content/blog/b.md")]]);
}

#[test]
fn reading_says_nothing() {
    let dir = site();
    let (_watcher, told) = watch(dir.path());
    // As the library scan and the media protocol read the site.
    for file in [
        "content/blog/a.md",
        "content/blog/b.md",
        "public/blog/a.jpg",
    ] {
        fs::read(dir.path().join(file)).unwrap();
    }
    let _ = fs::read_dir(dir.path().join("content/blog"))
        .unwrap()
        .count();
    assert_eq!(
        batches(&told, Duration::from_secs(2)),
        Vec::<Vec<Change>>::new()
    );
}

#[test]
fn own_writes_are_dropped_and_later_external_ones_are_not() {
    let dir = site();
    let (watcher, told) = watch(dir.path());
    let post = dir.path().join("content/blog/a.md");
    let mine = b"---\ntitle: Saved by Billet\n---\n";
    watcher.expect_own_write("content/blog/a.md", mine);
    crate::save::write_new(&post, mine).unwrap();
    // A change elsewhere at the same time is told, alone.
    fs::write(dir.path().join("content/blog/b.md"), "other").unwrap();
    assert_eq!(batches(&told, FIRST), [vec![changed("content/blog/b.md")]]);
    fs::write(&post, "---\ntitle: Edited elsewhere\n---\n").unwrap();
    assert_eq!(batches(&told, FIRST), [vec![changed("content/blog/a.md")]]);
}

#[test]
fn removals_are_told_file_by_file() {
    let dir = site();
    let (_watcher, told) = watch(dir.path());
    fs::remove_file(dir.path().join("public/blog/a.jpg")).unwrap();
    assert_eq!(batches(&told, FIRST), [vec![removed("public/blog/a.jpg")]]);
    fs::remove_dir_all(dir.path().join("content")).unwrap();
    assert_eq!(
        batches(&told, FIRST),
        [vec![
            removed("content/blog/a.md"),
            removed("content/blog/b.md")
        ]]
    );
}

#[test]
fn new_folders_are_watched() {
    let dir = site();
    let (_watcher, told) = watch(dir.path());
    let folder = dir.path().join("content/blog/2026/winter");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("c.md"), "one").unwrap();
    assert_eq!(
        batches(&told, FIRST),
        [vec![changed("content/blog/2026/winter/c.md")]]
    );
    fs::write(folder.join("c.md"), "two").unwrap();
    assert_eq!(
        batches(&told, FIRST),
        [vec![changed("content/blog/2026/winter/c.md")]]
    );
    // Renamed away as a whole, then back.
    let away = dir.path().join("public/winter");
    fs::rename(&folder, &away).unwrap();
    let mut told_now = batches(&told, FIRST).concat();
    told_now.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(
        told_now,
        [
            removed("content/blog/2026/winter/c.md"),
            changed("public/winter/c.md")
        ]
    );
    // Watched where it is now, under its new name.
    fs::write(away.join("c.md"), "three").unwrap();
    assert_eq!(batches(&told, FIRST), [vec![changed("public/winter/c.md")]]);
}

#[test]
fn polling_watches_too() {
    let dir = site();
    let (sender, told) = mpsc::channel();
    let watcher = SiteWatcher::start_with(dir.path(), true, move |changes| {
        let _ = sender.send(changes);
    })
    .unwrap();
    assert!(watcher.is_polling());
    // Polling sees a change of modification time: make it a clear one.
    let post = dir.path().join("content/blog/a.md");
    fs::write(&post, "---\ntitle: Polled\n---\n").unwrap();
    let later = std::time::SystemTime::now() + Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&post)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(batches(&told, FIRST), [vec![changed("content/blog/a.md")]]);
}

#[test]
fn past_the_watch_limit_it_polls() {
    let dir = site();
    let (sender, events) = mpsc::channel();
    let root = dir.path().canonicalize().unwrap();
    let mut tree = Tree::start(root.clone(), sender, false).unwrap();
    assert!(!tree.is_polling());
    tree.report(notify::Error::new(notify::ErrorKind::MaxFilesWatch));
    assert!(tree.is_polling());
    // The folders known before are polled now.
    let post = root.join("content/blog/b.md");
    fs::write(&post, "polled").unwrap();
    fs::File::options()
        .write(true)
        .open(&post)
        .unwrap()
        .set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    let deadline = Instant::now() + FIRST;
    let seen = loop {
        let wait = deadline.saturating_duration_since(Instant::now());
        match events.recv_timeout(wait) {
            Ok(Ok(batch)) if batch.iter().any(|e| e.paths.contains(&post)) => break true,
            Ok(_) => continue,
            Err(_) => break false,
        }
    };
    assert!(seen, "no event for {}", post.display());
}

#[test]
fn lost_events_ask_for_a_rescan() {
    let dir = site();
    let (sender, _events) = mpsc::channel();
    let mut tree = Tree::start(dir.path().canonicalize().unwrap(), sender, false).unwrap();
    let mut pending = Pending::default();
    pending.note("content/blog/a.md".into(), Instant::now());
    pending.note_rescan(Instant::now());
    let changes = tree.settle(pending, &Mutex::new(HashMap::new()));
    assert_eq!(changes, [Change::new(String::new(), ChangeKind::Rescan)]);
}

#[test]
fn changes_wait_for_quiet_but_not_forever() {
    let start = Instant::now();
    let mut pending = Pending::default();
    assert!(!pending.ready(start));
    pending.note("a.md".into(), start);
    assert!(!pending.ready(start + SETTLE / 2));
    assert!(pending.ready(start + SETTLE));
    // Touched again and again: told after MAX_WAIT all the same.
    let mut now = start;
    while now < start + MAX_WAIT {
        assert!(!pending.ready(now));
        pending.note("a.md".into(), now);
        now += SETTLE / 2;
    }
    assert!(pending.ready(now));
    assert_eq!(pending.take().paths.len(), 1);
    assert!(!pending.ready(now));
}

#[test]
fn a_missing_root_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let err = SiteWatcher::start(&missing, |_| {}).err().unwrap();
    assert_eq!(err.code(), "watch.start");
    assert!(err.message(Lang::Fr).contains("nowhere"));
}
