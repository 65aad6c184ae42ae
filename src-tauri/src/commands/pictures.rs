//! Pictures the author brings in: a cover to frame, or an image for the
//! text. The shell's part is getting the bytes (a drop or a paste sent as
//! raw IPC, or the system's file picker); the workspace does the rest.

use std::path::PathBuf;

use billet_core::media::{self, Focus};
use billet_core::workspace::{CoverPreview, StagedImage, WrittenImage};
use tauri::ipc::{InvokeBody, Request};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::{ask_path, ok, on_site};
use crate::error::{IpcError, Result};
use crate::state::AppState;

/// What the file picker offers. HEIC and AVIF are listed so that choosing
/// one gets the message saying what to do, rather than an invisible file.
const PICTURE_EXTENSIONS: [&str; 12] = [
    "jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff", "heic", "heif", "avif", "svg",
];

/// Refuses a picture too heavy to be sent at all, before the UI reads it.
#[tauri::command]
pub fn check_image_size(state: State<AppState>, bytes: u64) -> Result<()> {
    media::check_source_size(bytes).map_err(|e| IpcError::new(&e, state.lang()))
}

/// Stages the bytes of a dropped or pasted picture. The body is the file
/// itself (no JSON); the `x-file-name` header carries its percent-encoded name.
#[tauri::command]
pub async fn stage_image(state: State<'_, AppState>, request: Request<'_>) -> Result<StagedImage> {
    let name = header_file_name(&request);
    let bytes = match request.body() {
        InvokeBody::Raw(bytes) => bytes.clone(),
        InvokeBody::Json(_) => Vec::new(),
    };
    on_site(&state, move |ws, lang| ws.stage(&name, bytes, lang)).await
}

/// Lets the author pick a picture with the system's dialog, and stages it.
/// `None` when the dialog was cancelled. The path never goes to the UI.
#[tauri::command]
pub async fn pick_image(
    app: AppHandle,
    state: State<'_, AppState>,
    title: String,
) -> Result<Option<StagedImage>> {
    let Some(file) = ask_picture(&app, &state, title).await? else {
        return Ok(None);
    };
    on_site(&state, move |ws, lang| ws.stage_file(&file, lang).map(Some)).await
}

/// The system's file picker; `None` when cancelled.
async fn ask_picture(
    app: &AppHandle,
    state: &State<'_, AppState>,
    title: String,
) -> Result<Option<PathBuf>> {
    let dialog = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(state.lang().pick("Images", "Pictures"), &PICTURE_EXTENSIONS);
    ask_path(state, move || dialog.blocking_pick_file()).await
}

/// The cover the staged picture gives with this framing, not written.
#[tauri::command]
pub async fn preview_cover(
    state: State<'_, AppState>,
    id: u64,
    focus: Focus,
    zoom: f64,
) -> Result<CoverPreview> {
    on_site(&state, move |ws, lang| {
        ws.preview_cover(id, focus, zoom, lang)
    })
    .await
}

/// Writes the staged picture as the cover of the post at `path`.
#[tauri::command]
pub async fn use_cover(
    state: State<'_, AppState>,
    id: u64,
    path: String,
    focus: Focus,
    zoom: f64,
) -> Result<WrittenImage> {
    on_site(&state, move |ws, lang| {
        ws.use_cover(id, &path, focus, zoom, lang)
    })
    .await
}

/// Writes the staged picture as an image of the post at `path`'s text.
#[tauri::command]
pub async fn use_body_image(
    state: State<'_, AppState>,
    id: u64,
    path: String,
    alt: String,
) -> Result<WrittenImage> {
    on_site(&state, move |ws, lang| {
        ws.use_body_image(id, &path, &alt, lang)
    })
    .await
}

/// The author cancelled: the staged picture is let go.
#[tauri::command]
pub async fn discard_image(state: State<'_, AppState>, id: u64) -> Result<()> {
    on_site(&state, move |ws, _| ok(ws.let_go(id))).await
}

fn header_file_name(request: &Request<'_>) -> String {
    request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picker_offers_what_core_reads_or_explains() {
        for ext in ["jpg", "png", "webp", "gif", "heic", "avif"] {
            assert!(PICTURE_EXTENSIONS.contains(&ext), "{ext}");
        }
    }
}
