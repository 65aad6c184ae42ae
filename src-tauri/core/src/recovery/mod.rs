//! Unsaved edits kept on disk while the author types, so that a crash, a
//! power cut or a closed laptop loses nothing: on the next start the app
//! lists them beside the file as it is on disk, and the author restores or
//! discards each.
//!
//! One small JSON file per post, in a folder of the app's own data (never in
//! the site, where git would see it), named by a hash of the site and the
//! post so that any path gives a safe name. It holds the whole post as
//! Billet would save it (front matter and body, byte for byte), not a list
//! of edits: restoring is then writing it back, whatever the edits were.
//! Every write is atomic, so a crash while writing leaves the previous copy.

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::lang::{Explain, Lang};
use crate::save::{write_new, Fingerprint, SaveError};

/// Unsaved edits of one post, as found by `list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recovered {
    /// Site-relative path of the post.
    pub post: String,
    /// When the edits were kept.
    pub saved_at: DateTime<Utc>,
    /// The whole post as Billet would have saved it.
    pub text: String,
    /// The post's file as it is on disk now, to show the difference;
    /// `None` when there is none (a new post never saved, or deleted).
    pub on_disk: Option<String>,
    /// The file on disk is no longer the one the edits started from
    /// (another program changed, created or deleted it): restoring would
    /// undo that, so the author should compare first.
    pub changed_on_disk: bool,
}

/// What is kept for one post.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    site_root: PathBuf,
    post: String,
    saved_at: DateTime<Utc>,
    /// The blake3 hash (hex) of the file the edits started from; `None`
    /// for a post that was not on disk yet.
    based_on: Option<String>,
    text: String,
}

#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("cannot keep the unsaved changes: {0}")]
    Store(SaveError),
    #[error("cannot delete {0}: {1}")]
    Discard(PathBuf, io::Error),
}

impl Explain for RecoveryError {
    fn code(&self) -> &'static str {
        match self {
            RecoveryError::Store(_) => "recovery.store",
            RecoveryError::Discard(..) => "recovery.discard",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RecoveryError::Store(e), Lang::Fr) => format!("Billet n'a pas pu garder de copie de secours de vos modifications : {} Enregistrez l'article pour ne rien perdre.", e.message(lang)),
            (RecoveryError::Store(e), Lang::En) => format!("Billet could not keep a backup copy of your changes: {} Save the post so as to lose nothing.", e.message(lang)),
            (RecoveryError::Discard(p, e), Lang::Fr) => format!("Impossible d'effacer la copie de secours {} ({e}).", p.display()),
            (RecoveryError::Discard(p, e), Lang::En) => format!("Cannot delete the backup copy {} ({e}).", p.display()),
        }
    }
}

/// The folder of kept edits.
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    dir: PathBuf,
}

impl RecoveryStore {
    /// The store in `dir` (the app's data folder, say), made when first
    /// written to.
    pub fn new(dir: impl Into<PathBuf>) -> RecoveryStore {
        RecoveryStore { dir: dir.into() }
    }

    /// Keeps `text`, the whole post as Billet would save it, as the unsaved
    /// edits of `post` (site-relative) in the site at `site_root`, in place
    /// of any kept before. `based_on` is what the file was when loaded
    /// (`None` for a new post); `now` is the time to show.
    pub fn store(
        &self,
        site_root: &Path,
        post: &str,
        text: &str,
        based_on: Option<&Fingerprint>,
        now: DateTime<Utc>,
    ) -> Result<(), RecoveryError> {
        let site_root = canonical(site_root);
        let file = self.file_for(&site_root, post);
        let entry = Entry {
            site_root,
            post: post.to_string(),
            saved_at: now,
            based_on: based_on.map(|f| hex(&f.hash)),
            text: text.to_string(),
        };
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| RecoveryError::Store(SaveError::Io(self.dir.clone(), e)))?;
        let json = serde_json::to_vec(&entry).expect("an entry is plain data");
        write_new(&file, &json).map_err(RecoveryError::Store)
    }

    /// The unsaved edits kept for the site at `site_root`, newest first,
    /// each with its file as it is on disk now. Kept edits that the file
    /// on disk already holds (saved, but not discarded before a crash) are
    /// deleted rather than listed; a damaged or unreadable kept file is
    /// skipped, and left for a later Billet to read.
    pub fn list(&self, site_root: &Path) -> Vec<Recovered> {
        let site_root = canonical(site_root);
        let Ok(files) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Recovered> = files
            .filter_map(Result::ok)
            .map(|f| f.path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .filter_map(|path| {
                let entry = read_entry(&path)?;
                if entry.site_root != site_root {
                    return None;
                }
                let recovered = compare_with_disk(entry);
                if recovered.on_disk.as_ref() == Some(&recovered.text) {
                    // Best effort: listed again next time if it stays.
                    let _ = std::fs::remove_file(&path);
                    return None;
                }
                Some(recovered)
            })
            .collect();
        found.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(a.post.cmp(&b.post)));
        found
    }

    /// Forgets the edits kept for `post` in the site at `site_root`: when
    /// the author discards them, and after every save of the post. Nothing
    /// kept is not an error.
    pub fn discard(&self, site_root: &Path, post: &str) -> Result<(), RecoveryError> {
        let file = self.file_for(&canonical(site_root), post);
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(RecoveryError::Discard(file, e)),
            _ => Ok(()),
        }
    }

    /// The kept file of one post: a name from the hash of the site and the
    /// post, safe whatever characters they hold.
    fn file_for(&self, site_root: &Path, post: &str) -> PathBuf {
        let mut key = blake3::Hasher::new();
        key.update(site_root.as_os_str().as_encoded_bytes());
        key.update(b"\0");
        key.update(post.as_bytes());
        self.dir.join(format!("{}.json", key.finalize().to_hex()))
    }
}

/// The site's root in one spelling, whatever path led to it.
fn canonical(root: &Path) -> PathBuf {
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}

fn hex(hash: &[u8; 32]) -> String {
    blake3::Hash::from_bytes(*hash).to_hex().to_string()
}

fn read_entry(path: &Path) -> Option<Entry> {
    let bytes = std::fs::read(path).ok()?;
    match serde_json::from_slice(&bytes) {
        Ok(entry) => Some(entry),
        Err(e) => {
            eprintln!(
                "billet: skipped the damaged backup copy {}: {e}",
                path.display()
            );
            None
        }
    }
}

/// `entry` beside its post's file as it is now. A post path that would
/// lead out of the site (a kept file edited by hand) reads as no file.
fn compare_with_disk(entry: Entry) -> Recovered {
    let now = crate::paths::resolve(&entry.site_root, &entry.post)
        .ok()
        .and_then(|file| std::fs::read(file).ok());
    let changed_on_disk = match (&entry.based_on, &now) {
        (Some(was), Some(bytes)) => *was != hex(blake3::hash(bytes).as_bytes()),
        (None, None) => false,
        _ => true,
    };
    Recovered {
        post: entry.post,
        saved_at: entry.saved_at,
        text: entry.text,
        on_disk: now.map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        changed_on_disk,
    }
}

#[cfg(test)]
mod tests;
