//! Settings, language, links and quitting.

use billet_core::lang::Lang;
use billet_core::settings::{git_user_name, Settings};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::with;
use crate::error::{IpcError, Result};
use crate::state::AppState;

#[derive(Serialize)]
pub struct AppInfo {
    pub settings: Settings,
    pub language: Lang,
    pub default_author: Option<String>,
}

#[tauri::command]
pub fn app_info(state: State<AppState>) -> AppInfo {
    with(&state, |s| AppInfo {
        settings: s.settings.clone(),
        language: s.lang(),
        default_author: default_author(&s.settings),
    })
}

/// The last author used on this machine, else git's user.name.
fn default_author(settings: &Settings) -> Option<String> {
    settings.last_author.clone().or_else(|| {
        let home = std::env::var_os("HOME")?;
        let text = std::fs::read_to_string(std::path::Path::new(&home).join(".gitconfig")).ok()?;
        git_user_name(&text)
    })
}

/// `None` follows the system language again.
#[tauri::command]
pub fn set_language(state: State<AppState>, language: Option<Lang>) -> Lang {
    with(&state, |s| {
        s.settings.language = language;
        s.persist_settings();
        s.lang()
    })
}

/// Opens a link from the preview in the system browser, after the same
/// scheme check as the preview's.
#[tauri::command]
pub fn open_link(app: AppHandle, state: State<AppState>, url: String) -> Result<()> {
    let lang = with(&state, |s| s.lang());
    if !billet_core::preview::openable_link(&url) {
        let message = lang.pick(
            format!("Billet n'ouvre que les liens web et e-mail, pas « {url} »."),
            format!("Billet only opens web and email links, not `{url}`."),
        );
        return Err(IpcError {
            code: "app.link_refused",
            message,
        });
    }
    app.opener()
        .open_url(url.trim(), None::<&str>)
        .map_err(|e| IpcError {
            code: "app.link_failed",
            message: e.to_string(),
        })
}

/// Quits after the UI has asked about unsaved changes.
#[tauri::command]
pub fn quit(app: AppHandle) {
    app.exit(0);
}
