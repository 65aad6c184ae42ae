//! The live preview's HTML, made safe by billet-core. It reads only the
//! site's settings, so it never waits for a save or a scan.

use tauri::State;

use super::{ok, on_site};
use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
pub async fn render_preview(state: State<'_, AppState>, body: String) -> Result<String> {
    on_site(&state, move |ws, _| ok(ws.render_preview(&body))).await
}

/// The URL under which the interface shows a picture a post refers to.
#[tauri::command]
pub async fn media_url(state: State<'_, AppState>, url: String) -> Result<Option<String>> {
    on_site(&state, move |ws, _| ok(ws.media_url(&url))).await
}
