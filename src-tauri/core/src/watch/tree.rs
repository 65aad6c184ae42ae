//! The watched folders of one site and the files Billet knows in it, the
//! system watcher behind them, and how an event becomes changed paths.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use notify::{
    ErrorKind, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher, WatcherKind,
};
use notify_debouncer_full::{
    new_debouncer, new_debouncer_opt, DebounceEventResult, DebouncedEvent, Debouncer,
    RecommendedCache,
};

use super::pending::Pending;
use super::{Change, ChangeKind, DEBOUNCE, IGNORED, POLL_INTERVAL};

/// The system's watcher (inotify, FSEvents, ...) or, past its limit, one
/// that polls; both debounced.
enum Backend {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Polling(Debouncer<PollWatcher, RecommendedCache>),
}

impl Backend {
    fn new(polling: bool, events: Sender<DebounceEventResult>) -> notify::Result<Backend> {
        if polling {
            let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
            new_debouncer_opt(DEBOUNCE, None, events, RecommendedCache::new(), config)
                .map(Backend::Polling)
        } else {
            new_debouncer(DEBOUNCE, None, events).map(Backend::Native)
        }
    }

    /// Whether each folder takes a watch of its own. inotify watches one
    /// folder per watch (and a recursive watch would go into the ignored
    /// folders too); polling reads each watched folder. Elsewhere (macOS,
    /// Windows) one recursive watch costs the same whatever is below.
    fn per_folder(&self) -> bool {
        match self {
            Backend::Native(_) => RecommendedWatcher::kind() == WatcherKind::Inotify,
            Backend::Polling(_) => true,
        }
    }

    fn watch(&mut self, dir: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Backend::Native(d) => d.watch(dir, mode),
            Backend::Polling(d) => d.watch(dir, mode),
        }
    }

    fn unwatch(&mut self, dir: &Path) -> notify::Result<()> {
        match self {
            Backend::Native(d) => d.unwatch(dir),
            Backend::Polling(d) => d.unwatch(dir),
        }
    }
}

pub struct Tree {
    /// Canonical.
    root: PathBuf,
    backend: Backend,
    /// Where the backend sends its events, kept to make a polling one.
    events: Sender<DebounceEventResult>,
    /// Folders being watched (all of them, even when one recursive watch
    /// covers them: a folder not in here is new).
    watched: HashSet<PathBuf>,
    /// Site-relative paths of the files known to be there, to tell which
    /// ones a removal took away.
    known: BTreeSet<String>,
}

impl Tree {
    /// Watches `root` (canonical) and the folders under it.
    pub fn start(
        root: PathBuf,
        events: Sender<DebounceEventResult>,
        polling: bool,
    ) -> notify::Result<Tree> {
        let mut tree = Tree {
            backend: Backend::new(polling, events.clone())?,
            root: root.clone(),
            events,
            watched: HashSet::new(),
            known: BTreeSet::new(),
        };
        let mode = if tree.backend.per_folder() {
            RecursiveMode::NonRecursive
        } else {
            RecursiveMode::Recursive
        };
        match tree.backend.watch(&root, mode) {
            Ok(()) => {}
            Err(e) if out_of_watches(&e) => tree.fall_back()?,
            Err(e) => return Err(e),
        }
        tree.watched.insert(root.clone());
        tree.known = tree.add_folder(&root).into_iter().collect();
        Ok(tree)
    }

    pub fn is_polling(&self) -> bool {
        matches!(self.backend, Backend::Polling(_))
    }

    /// Notes in `pending` the site paths that `event` touches, and starts
    /// watching any new folder among them.
    pub fn absorb(&mut self, event: &DebouncedEvent, pending: &mut Pending, now: Instant) {
        if event.need_rescan() {
            pending.note_rescan(now);
            return;
        }
        // Reads (opening a file, closing it unchanged) change nothing;
        // Billet's own library scan would otherwise be told back to it.
        if let EventKind::Access(_) = event.kind {
            return;
        }
        // What is gone first: a folder renamed within the site is the same
        // folder to the system, and is watched again under its new name
        // only once the watch under its old name is dropped.
        let (gone, there): (Vec<&PathBuf>, Vec<&PathBuf>) =
            event.paths.iter().partition(|p| !p.exists());
        for path in gone.into_iter().chain(there) {
            let Some(rel) = relative(&self.root, path) else {
                continue;
            };
            if !path.exists() {
                self.forget_folders(path);
            } else if path.is_dir() && !self.watched.contains(path) {
                for file in self.add_folder(path) {
                    pending.note(file, now);
                }
            }
            pending.note(rel, now);
        }
    }

    /// An error from the backend: past the watch limit, a switch to
    /// polling; anything else is only logged, as watching goes on.
    pub fn report(&mut self, error: notify::Error) {
        if out_of_watches(&error) {
            if let Err(e) = self.fall_back() {
                eprintln!(
                    "billet: cannot poll {} for changes: {e}",
                    self.root.display()
                );
            }
        } else {
            eprintln!("billet: watching {}: {error}", self.root.display());
        }
    }

    /// The changes of what `pending` held, judged by what is on disk now,
    /// without Billet's own writes (whose hashes `own_writes` holds).
    pub fn settle(
        &mut self,
        pending: Pending,
        own_writes: &Mutex<HashMap<String, [u8; 32]>>,
    ) -> Vec<Change> {
        if pending.rescan {
            self.known = self.add_folder(&self.root.clone()).into_iter().collect();
            return vec![Change::new(String::new(), ChangeKind::Rescan)];
        }
        let mut own = own_writes.lock().unwrap_or_else(PoisonError::into_inner);
        let mut changes = Vec::new();
        for rel in pending.paths {
            let file = self.root.join(&rel);
            match std::fs::metadata(&file) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => {
                    self.known.insert(rel.clone());
                    let mine = own.get(&rel).is_some_and(|hash| {
                        std::fs::read(&file).is_ok_and(|now| blake3::hash(&now).as_bytes() == hash)
                    });
                    if !mine {
                        own.remove(&rel);
                        changes.push(Change::new(rel, ChangeKind::Changed));
                    }
                }
                Err(_) => {
                    // The file itself, or every known file of the folder
                    // that was there; nothing for a file that came and
                    // went unseen (an editor's temporary file).
                    let (below, after) = (format!("{rel}/"), format!("{rel}0"));
                    let mut gone: Vec<String> = self.known.range(below..after).cloned().collect();
                    if self.known.contains(&rel) {
                        gone.push(rel);
                    }
                    for path in gone {
                        self.known.remove(&path);
                        own.remove(&path);
                        changes.push(Change::new(path, ChangeKind::Removed));
                    }
                }
            }
        }
        changes
    }

    /// Watches the folder `dir` and those under it, but the ignored ones,
    /// and gives the site-relative paths of the files found there.
    fn add_folder(&mut self, dir: &Path) -> Vec<String> {
        let mut files = Vec::new();
        let walk = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name()))
            .filter_map(Result::ok);
        for entry in walk {
            let path = entry.path();
            if entry.file_type().is_dir() {
                if self.watched.insert(path.to_path_buf()) && self.backend.per_folder() {
                    if let Err(e) = self.backend.watch(path, RecursiveMode::NonRecursive) {
                        self.report(e);
                    }
                }
            } else if let Some(rel) = relative(&self.root, path) {
                files.push(rel);
            }
        }
        files
    }

    /// Stops watching the folders at and under `path`, which is gone: if a
    /// folder comes back there, it is new again.
    fn forget_folders(&mut self, path: &Path) {
        let gone: Vec<PathBuf> = self
            .watched
            .iter()
            .filter(|d| d.starts_with(path))
            .cloned()
            .collect();
        for dir in gone {
            self.watched.remove(&dir);
            // inotify has dropped the watch of a deleted folder already.
            let _ = self.backend.unwatch(&dir);
        }
    }

    /// Replaces the backend with a polling one over the same folders.
    fn fall_back(&mut self) -> notify::Result<()> {
        if self.is_polling() {
            return Ok(());
        }
        eprintln!(
            "billet: the system's limit of watched folders is reached; {} is checked for changes every {} s instead",
            self.root.display(),
            POLL_INTERVAL.as_secs()
        );
        self.backend = Backend::new(true, self.events.clone())?;
        self.watched.insert(self.root.clone());
        for dir in &self.watched {
            if let Err(e) = self.backend.watch(dir, RecursiveMode::NonRecursive) {
                eprintln!("billet: cannot poll {}: {e}", dir.display());
            }
        }
        Ok(())
    }
}

fn out_of_watches(error: &notify::Error) -> bool {
    matches!(error.kind, ErrorKind::MaxFilesWatch)
}

fn is_ignored(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| IGNORED.contains(&n))
}

/// `path` relative to `root`, with `/` between folders; `None` for the
/// root itself, a path outside it or in an ignored folder, and a name that
/// is not UTF-8 (which no post or picture of a site has).
fn relative(root: &Path, path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for part in path.strip_prefix(root).ok()?.components() {
        match part {
            Component::Normal(name) if !is_ignored(name) => parts.push(name.to_str()?),
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}
