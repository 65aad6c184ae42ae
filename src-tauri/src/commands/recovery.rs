//! Unsaved edits kept in the app's data folder every few seconds, offered
//! back at the next start if Billet stopped without saving them.

use billet_core::workspace::{Change, RecoveredPost, Restored};
use tauri::State;

use super::{ok, on_site};
use crate::error::Result;
use crate::state::AppState;

/// Keeps the open post's unsaved edits, as the file they would save.
#[tauri::command]
pub async fn store_recovery(
    state: State<'_, AppState>,
    path: String,
    changes: Vec<Change>,
    body: String,
) -> Result<()> {
    on_site(&state, move |ws, _| {
        ws.keep_edits(&path, changes, &body, chrono::Utc::now())
    })
    .await
}

/// The edits kept for the open site, newest first.
#[tauri::command]
pub async fn list_recovered(state: State<'_, AppState>) -> Result<Vec<RecoveredPost>> {
    on_site(&state, |ws, _| ok(ws.recovered())).await
}

/// Opens a post with the edits kept for it.
#[tauri::command]
pub async fn restore_recovered(state: State<'_, AppState>, path: String) -> Result<Restored> {
    on_site(&state, move |ws, lang| ws.restore(&path, lang)).await
}

/// The author leaves a post without saving: its kept edits and the
/// pictures written for it that no post uses go.
#[tauri::command]
pub async fn discard_edits(state: State<'_, AppState>, path: String) -> Result<Vec<String>> {
    on_site(&state, move |ws, _| ws.discard_edits(&path)).await
}
