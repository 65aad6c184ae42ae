//! Settings, language, links and quitting.

use std::sync::Arc;

use billet_core::lang::Lang;
use billet_core::workspace::AppInfo;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::{off_main, ok};
use crate::error::{Result, ShellError};
use crate::state::AppState;

/// The settings, the language in effect and the author a new post starts
/// with (read from git's configuration, hence off the main thread).
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    let (settings, site) = (Arc::clone(&state.settings), state.current());
    off_main(state.lang(), move |lang| {
        ok(AppInfo::of(&settings, site.as_deref(), lang))
    })
    .await
}

/// `None` follows the system language again.
#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, language: Option<Lang>) -> Result<Lang> {
    let settings = Arc::clone(&state.settings);
    off_main(state.lang(), move |_| {
        ok(settings.update(|s| s.language = language))
    })
    .await?;
    Ok(state.lang())
}

/// Opens a link from the preview in the system browser, after the same
/// scheme check as the preview's.
#[tauri::command]
pub fn open_link(app: AppHandle, state: State<AppState>, url: String) -> Result<()> {
    if !billet_core::preview::openable_link(&url) {
        return Err(ShellError::LinkRefused(url).report(state.lang()));
    }
    app.opener()
        .open_url(url.trim(), None::<&str>)
        .map_err(|e| ShellError::LinkFailed(e.to_string()).report(state.lang()))
}

/// Quits after the interface has asked about unsaved changes.
#[tauri::command]
pub fn quit(app: AppHandle) {
    app.exit(0);
}
