//! What other programs change in the open site (another editor, a
//! `git pull`, a checkout), taken into the index file by file.

use super::{DiskChanges, Workspace};
use crate::library::Library;
use crate::save;
use crate::watch::{Change, ChangeKind};

impl Workspace {
    /// Updates the index with the watcher's `changes`, and says which paths
    /// changed or went.
    pub fn take_disk_changes(&self, changes: Vec<Change>) -> DiskChanges {
        let mut told = DiskChanges::default();
        let mut state = self.state();
        for change in changes {
            match change.kind {
                ChangeKind::Changed => {
                    state.library.refresh(&self.site, &change.path);
                    told.changed.push(change.path);
                }
                ChangeKind::Removed => {
                    state.library.refresh(&self.site, &change.path);
                    told.removed.push(change.path);
                }
                // Events were lost: read everything again, and compare each
                // open post with what it was when loaded.
                ChangeKind::Rescan => {
                    state.library = Library::scan(&self.site);
                    for (rel, open) in &state.open {
                        match save::load(&self.site.root.join(rel)) {
                            Ok((_, now)) if now.hash == open.loaded.hash => {}
                            Ok(_) => told.changed.push(rel.clone()),
                            Err(_) => told.removed.push(rel.clone()),
                        }
                    }
                }
            }
        }
        told
    }
}
