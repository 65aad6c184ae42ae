//! Opening, checking, saving and creating posts.

use billet_core::workspace::{Change, FieldMessage, LoadedPost, NewPostInput, PlannedPath};
use tauri::State;

use super::{ok, on_site};
use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
pub async fn load_post(state: State<'_, AppState>, path: String) -> Result<LoadedPost> {
    on_site(&state, move |ws, lang| ws.load(&path, lang)).await
}

/// Checks the form's values as the author types.
#[tauri::command]
pub async fn check_fields(
    state: State<'_, AppState>,
    front_matter: serde_json::Value,
) -> Result<Vec<FieldMessage>> {
    on_site(&state, move |ws, lang| {
        ok(ws.check_fields(&front_matter, lang))
    })
    .await
}

/// Saves the form's changes and the text; `overwrite` when the author
/// chose "keep mine" over a file changed on disk.
#[tauri::command]
pub async fn save_post(
    state: State<'_, AppState>,
    path: String,
    changes: Vec<Change>,
    body: String,
    overwrite: bool,
) -> Result<LoadedPost> {
    on_site(&state, move |ws, lang| {
        ws.save(&path, changes, Some(&body), overwrite, lang)
            .map(|s| s.post)
    })
    .await
}

/// The file as it is on disk now, for the "compare" view of a conflict.
#[tauri::command]
pub async fn disk_text(state: State<'_, AppState>, path: String) -> Result<String> {
    on_site(&state, move |ws, _| ws.disk_text(&path)).await
}

/// Where a new post would go, shown before anything is created.
#[tauri::command]
pub async fn plan_post(state: State<'_, AppState>, input: NewPostInput) -> Result<PlannedPath> {
    on_site(&state, move |ws, _| ws.plan_post(&input, today())).await
}

/// Creates the post on disk and opens it.
#[tauri::command]
pub async fn create_post(state: State<'_, AppState>, input: NewPostInput) -> Result<LoadedPost> {
    on_site(&state, move |ws, lang| {
        ws.create_post(&input, today(), lang)
    })
    .await
}

pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
