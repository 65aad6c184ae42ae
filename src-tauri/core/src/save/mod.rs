//! Loading and saving files so that nothing is ever half-written or silently
//! overwritten: a save goes to a temporary file in the same folder, is
//! flushed to disk, then renamed over the original, and the folder is
//! flushed too. A save is refused when the file changed since it was loaded.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::lang::{Explain, Lang};

/// What a file was when it was loaded, to tell later whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub size: u64,
    pub modified: Option<SystemTime>,
    pub hash: [u8; 32],
}

impl Fingerprint {
    pub fn of(bytes: &[u8], modified: Option<SystemTime>) -> Fingerprint {
        Fingerprint {
            size: bytes.len() as u64,
            modified,
            hash: *blake3::hash(bytes).as_bytes(),
        }
    }

    /// Same content. A file touched without being changed (same bytes, new
    /// time) is not a conflict: saving over it loses nothing.
    fn same_content(&self, other: &Fingerprint) -> bool {
        self.size == other.size && self.hash == other.hash
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{0} changed on disk since it was opened")]
    ChangedOnDisk(PathBuf),
    #[error("{0} was deleted since it was opened")]
    DeletedOnDisk(PathBuf),
    #[error("{0} already exists")]
    AlreadyExists(PathBuf),
    #[error("{0}: the folder is read-only")]
    ReadOnly(PathBuf),
    #[error("{0}: the disk is full")]
    DiskFull(PathBuf),
    #[error("{0}: {1}")]
    Io(PathBuf, io::Error),
}

impl Explain for SaveError {
    fn code(&self) -> &'static str {
        match self {
            SaveError::ChangedOnDisk(_) => "save.changed_on_disk",
            SaveError::DeletedOnDisk(_) => "save.deleted_on_disk",
            SaveError::AlreadyExists(_) => "save.already_exists",
            SaveError::ReadOnly(_) => "save.read_only",
            SaveError::DiskFull(_) => "save.disk_full",
            SaveError::Io(..) => "save.io",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SaveError::ChangedOnDisk(p), Lang::Fr) => format!("{} a été modifié par un autre programme depuis son ouverture. Rien n'a été écrasé.", p.display()),
            (SaveError::ChangedOnDisk(p), Lang::En) => format!("{} was changed by another program since it was opened. Nothing was overwritten.", p.display()),
            (SaveError::DeletedOnDisk(p), Lang::Fr) => format!("{} a été supprimé depuis son ouverture. Votre texte est intact ; enregistrez-le à nouveau pour recréer le fichier.", p.display()),
            (SaveError::DeletedOnDisk(p), Lang::En) => format!("{} was deleted since it was opened. Your text is intact; save again to create the file anew.", p.display()),
            (SaveError::AlreadyExists(p), Lang::Fr) => format!("{} existe déjà : Billet ne l'écrase pas.", p.display()),
            (SaveError::AlreadyExists(p), Lang::En) => format!("{} already exists: Billet will not overwrite it.", p.display()),
            (SaveError::ReadOnly(p), Lang::Fr) => format!("Impossible d'écrire {} : le dossier est en lecture seule. Le fichier d'origine est intact.", p.display()),
            (SaveError::ReadOnly(p), Lang::En) => format!("Cannot write {}: the folder is read-only. The original file is intact.", p.display()),
            (SaveError::DiskFull(p), Lang::Fr) => format!("Impossible d'écrire {} : le disque est plein. Le fichier d'origine est intact ; libérez de la place puis réessayez.", p.display()),
            (SaveError::DiskFull(p), Lang::En) => format!("Cannot write {}: the disk is full. The original file is intact; free some space and try again.", p.display()),
            (SaveError::Io(p, e), Lang::Fr) => format!("Impossible d'écrire {} ({e}). Le fichier d'origine est intact.", p.display()),
            (SaveError::Io(p, e), Lang::En) => format!("Cannot write {} ({e}). The original file is intact.", p.display()),
        }
    }
}

/// Reads a file and remembers what it was.
pub fn load(path: &Path) -> io::Result<(Vec<u8>, Fingerprint)> {
    let bytes = fs::read(path)?;
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
    let fingerprint = Fingerprint::of(&bytes, modified);
    Ok((bytes, fingerprint))
}

/// Writes `bytes` to `path` atomically. With `loaded`, the file must still
/// be what was loaded; without it, the file must not exist yet. Returns the
/// new fingerprint. On any failure the original is untouched and no
/// temporary file is left behind.
pub fn save(
    path: &Path,
    bytes: &[u8],
    loaded: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    let io_err = |e: io::Error| classify(path, e);
    let current = match fs::read(path) {
        Ok(current) => Some(current),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(e)),
    };
    match (loaded, &current) {
        (Some(_), None) => return Err(SaveError::DeletedOnDisk(path.into())),
        (Some(was), Some(now)) if !was.same_content(&Fingerprint::of(now, None)) => {
            return Err(SaveError::ChangedOnDisk(path.into()))
        }
        (None, Some(_)) => return Err(SaveError::AlreadyExists(path.into())),
        _ => {}
    }
    let mode = match fs::metadata(path) {
        Ok(meta) => meta.permissions().mode() & 0o7777,
        Err(_) => 0o644,
    };
    write_atomically(path, bytes, mode).map_err(io_err)?;
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
    Ok(Fingerprint::of(bytes, modified))
}

/// Writes a file that Billet creates or replaces without a conflict check
/// (a generated image, say), with the same guarantees as `save`.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically(path, bytes, 0o644).map_err(|e| classify(path, e))
}

fn write_atomically(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Dropping the temp file on any error below deletes it.
    let mut temp = tempfile::Builder::new()
        .prefix(".billet-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file()
        .set_permissions(Permissions::from_mode(mode))?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    File::open(dir)?.sync_all()
}

fn classify(path: &Path, e: io::Error) -> SaveError {
    match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            SaveError::ReadOnly(path.into())
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            SaveError::DiskFull(path.into())
        }
        _ => SaveError::Io(path.into(), e),
    }
}

#[cfg(test)]
mod tests;
