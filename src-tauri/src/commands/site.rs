//! Opening a site and listing its posts.

use std::path::PathBuf;
use std::sync::Arc;

use billet_core::workspace::{ListedPost, SiteInfo, Workspace};
use tauri::{AppHandle, State};

use super::{off_main, ok, on_site};
use crate::error::Result;
use crate::state::AppState;

/// Opens the site at `root`, watches it, and remembers it.
#[tauri::command]
pub async fn open_site(
    app: AppHandle,
    state: State<'_, AppState>,
    root: PathBuf,
) -> Result<SiteInfo> {
    let setup = state.setup();
    let workspace = off_main(state.lang(), move |_| Workspace::open(&root, setup)).await?;
    Ok(crate::watcher::show(&app, &state, Arc::new(workspace)))
}

/// The open site, or `None` when Billet could not open one at start.
#[tauri::command]
pub async fn current_site(state: State<'_, AppState>) -> Result<Option<SiteInfo>> {
    let current = state.current();
    off_main(state.lang(), move |_| ok(current.map(|ws| ws.site_info()))).await
}

/// The site's posts, newest first, each with where it stands in git.
#[tauri::command]
pub async fn list_posts(state: State<'_, AppState>) -> Result<Vec<ListedPost>> {
    on_site(&state, |ws, lang| ok(ws.list_posts(lang))).await
}
