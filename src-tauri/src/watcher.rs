//! The open site, watched: what other programs change reaches the
//! interface as one `disk-changes` event per burst. The workspace keeps its
//! index up to date and leaves Billet's own writes out.

use std::sync::Arc;

use billet_core::workspace::{SiteInfo, Workspace};
use tauri::{AppHandle, Emitter};

use crate::state::AppState;

/// Makes `workspace` the open site, watched, and describes it.
pub fn show(app: &AppHandle, state: &AppState, workspace: Arc<Workspace>) -> SiteInfo {
    let app = app.clone();
    workspace.watch(move |changes| {
        let _ = app.emit("disk-changes", changes);
    });
    state.replace(Arc::clone(&workspace));
    workspace.site_info()
}
