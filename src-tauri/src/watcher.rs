//! The open site, watched: what other programs change (another editor, a
//! `git pull`, a checkout) updates the index file by file and reaches the
//! UI as one `disk-changes` event per burst. Billet's own saves are told to
//! the watcher first, so they raise nothing.

use std::path::{Path, PathBuf};

use billet_core::library::Library;
use billet_core::save;
use billet_core::watch::{Change, ChangeKind, SiteWatcher};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::{AppState, OpenSite};

/// What the UI hears: site-relative paths changed (or created), and removed.
#[derive(Debug, Default, Clone, Serialize, PartialEq)]
pub struct DiskChanges {
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

/// Starts watching the site at `root`; `None` (and a line in the log) when
/// the system refuses: the app still works, and a save still detects a
/// file changed on disk.
pub fn watch(app: &AppHandle, root: &Path) -> Option<SiteWatcher> {
    let app = app.clone();
    let site_root = root.to_path_buf();
    match SiteWatcher::start(root, move |changes| on_changes(&app, &site_root, changes)) {
        Ok(watcher) => Some(watcher),
        Err(e) => {
            eprintln!("billet: {e}");
            None
        }
    }
}

fn on_changes(app: &AppHandle, site_root: &PathBuf, changes: Vec<Change>) {
    let state = app.state::<AppState>();
    let event = {
        let mut inner = state.inner.lock().unwrap_or_else(|p| p.into_inner());
        // Events of a site that was closed meanwhile are not this site's.
        match inner
            .site
            .as_mut()
            .filter(|open| &open.site.root == site_root)
        {
            Some(open) => apply(open, changes),
            None => return,
        }
    };
    if event != DiskChanges::default() {
        let _ = app.emit("disk-changes", event);
    }
}

/// Updates the index with `changes`, and says which paths changed.
fn apply(open: &mut OpenSite, changes: Vec<Change>) -> DiskChanges {
    let mut event = DiskChanges::default();
    for change in changes {
        match change.kind {
            ChangeKind::Changed => {
                open.library.refresh(&open.site, &change.path);
                event.changed.push(change.path);
            }
            ChangeKind::Removed => {
                open.library.refresh(&open.site, &change.path);
                event.removed.push(change.path);
            }
            // Events were lost: read everything again, and compare each
            // open post with what it was when loaded.
            ChangeKind::Rescan => {
                open.library = Library::scan(&open.site);
                for (rel, doc) in &open.docs {
                    match save::load(&open.site.root.join(rel)) {
                        Ok((_, now)) if now.hash == doc.loaded.hash => {}
                        Ok(_) => event.changed.push(rel.clone()),
                        Err(_) => event.removed.push(rel.clone()),
                    }
                }
            }
        }
    }
    event
}
