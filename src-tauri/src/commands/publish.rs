//! The end of the job: the files that make a post, committed alone, or
//! exported as a zip for someone who commits.

use std::path::PathBuf;

use billet_core::git::{self, FileState, Identity, PostFile};
use billet_core::lang::Lang;
use billet_core::site::Site;
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::{off_main, with};
use crate::error::{IpcError, Result};
use crate::state::AppState;

/// What the "ready to publish" panel shows.
#[derive(Serialize)]
pub struct ReadyView {
    pub repository: bool,
    pub files: Vec<PostFile>,
    /// Problems to fix or know, in the interface's language.
    pub problems: Vec<String>,
    pub other_changes: Vec<git::OtherChange>,
    pub diff: String,
    pub message: String,
}

#[derive(Serialize)]
pub struct ExportedZip {
    pub file: String,
    pub files: Vec<String>,
}

#[tauri::command]
pub async fn ready_post(state: State<'_, AppState>, path: String) -> Result<ReadyView> {
    let (site, lang) = site_and_lang(&state)?;
    off_main(lang, move || {
        let ready = git::ready(&site, &path).map_err(|e| IpcError::from(&e, lang))?;
        Ok(ReadyView {
            repository: ready.files.iter().all(|f| f.state != FileState::Outside),
            problems: ready.problems.iter().map(|p| p.message(lang)).collect(),
            files: ready.files,
            other_changes: ready.other_changes,
            diff: ready.diff,
            message: ready.message,
        })
    })
    .await
}

/// Commits the post's files, and only them, with the author's message.
#[tauri::command]
pub async fn commit_post(
    state: State<'_, AppState>,
    path: String,
    message: String,
) -> Result<git::Committed> {
    let (site, lang) = site_and_lang(&state)?;
    let fallback = with(&state, |s| s.settings.last_author.clone()).map(|name| Identity {
        email: String::new(),
        name,
    });
    off_main(lang, move || {
        let now = chrono::Local::now().fixed_offset();
        git::commit_post(&site, &path, Some(&message), fallback.as_ref(), now)
            .map_err(|e| IpcError::from(&e, lang))
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
    let (site, lang) = site_and_lang(&state)?;
    off_main(lang, move || {
        let suggested = format!("{}.zip", billet_core::library::slug_of(&path));
        let Some(dest) = app
            .dialog()
            .file()
            .set_title(title)
            .set_file_name(suggested)
            .add_filter("Zip", &["zip"])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
        else {
            return Ok(None);
        };
        let dest = with_zip_extension(dest);
        let exported =
            git::export_zip(&site, &path, &dest, lang).map_err(|e| IpcError::from(&e, lang))?;
        Ok(Some(ExportedZip {
            file: dest.display().to_string(),
            files: exported.files,
        }))
    })
    .await
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

fn site_and_lang(state: &State<AppState>) -> Result<(Site, Lang)> {
    with(state, |s| Ok((s.site()?.site.clone(), s.lang())))
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
