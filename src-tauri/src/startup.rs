//! Which site to open when Billet starts.

use std::path::{Path, PathBuf};

use billet_core::settings::Settings;
use tauri::path::BaseDirectory;
use tauri::{AppHandle, Manager};

/// The first of: a folder given on the command line, the last site if it
/// still exists, the embedded default site.
pub fn site_to_open(app: &AppHandle, settings: &Settings) -> Option<PathBuf> {
    let from_args = std::env::args_os()
        .skip(1)
        .map(PathBuf::from)
        .find(|p| p.is_dir());
    from_args
        .or_else(|| settings.last_site.clone().filter(|p| p.is_dir()))
        .or_else(|| embedded_site(app))
}

/// The default site shipped with the app, copied once into the app's data
/// folder so that the author can edit it (the installed copy is read-only).
fn embedded_site(app: &AppHandle) -> Option<PathBuf> {
    let shipped = app
        .path()
        .resolve("content", BaseDirectory::Resource)
        .ok()
        .filter(|p| p.is_dir())?;
    let copy = app.path().app_data_dir().ok()?.join("default-site");
    if !copy.exists() {
        if let Err(e) = copy_tree(&shipped, &copy) {
            eprintln!("billet: cannot copy the default site: {e}");
            return None;
        }
    }
    Some(copy)
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
