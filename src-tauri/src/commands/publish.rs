//! The end of the job: the files that make a post, committed alone, or
//! exported as a zip for someone who commits.

use std::path::PathBuf;

use billet_core::git::Committed;
use billet_core::workspace::{ExportedZip, ReadyView};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::{ask_path, on_site};
use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
pub async fn ready_post(state: State<'_, AppState>, path: String) -> Result<ReadyView> {
    on_site(&state, move |ws, lang| ws.ready(&path, lang)).await
}

/// Commits the post's files, and only them, with the author's message.
#[tauri::command]
pub async fn commit_post(
    state: State<'_, AppState>,
    path: String,
    message: String,
) -> Result<Committed> {
    let now = chrono::Local::now().fixed_offset();
    on_site(&state, move |ws, _| {
        ws.commit(&path, Some(&message), None, now)
    })
    .await
}

/// Asks where to write the post's zip (the system's dialog, opened here so
/// that no path comes from the interface), then writes it.
#[tauri::command]
pub async fn export_post(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    title: String,
) -> Result<Option<ExportedZip>> {
    let Some(dest) = ask_zip_destination(&app, &state, &path, title).await? else {
        return Ok(None);
    };
    on_site(&state, move |ws, lang| {
        ws.export(&path, &dest, lang).map(Some)
    })
    .await
}

/// The system's save dialog, with the `.zip` the author may have left
/// out; `None` when cancelled.
async fn ask_zip_destination(
    app: &AppHandle,
    state: &State<'_, AppState>,
    path: &str,
    title: String,
) -> Result<Option<PathBuf>> {
    let dialog = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(format!("{}.zip", billet_core::library::slug_of(path)))
        .add_filter("Zip", &["zip"]);
    let picked = ask_path(state, move || dialog.blocking_save_file()).await?;
    Ok(picked.map(with_zip_extension))
}

fn with_zip_extension(dest: PathBuf) -> PathBuf {
    if dest
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
    {
        dest
    } else {
        dest.with_extension("zip")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zip_gets_its_extension() {
        assert_eq!(
            with_zip_extension(PathBuf::from("/tmp/billet")),
            PathBuf::from("/tmp/billet.zip")
        );
        assert_eq!(
            with_zip_extension(PathBuf::from("/tmp/a.ZIP")),
            PathBuf::from("/tmp/a.ZIP")
        );
    }
}
