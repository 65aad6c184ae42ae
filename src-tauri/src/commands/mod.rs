//! The commands the interface calls. Each is an adapter: it takes the
//! state, makes one call into the open site's workspace, and maps the
//! error. Every one that reads or writes files, walks git, decodes
//! pictures or renders runs on a blocking thread, never on the main
//! thread, which draws the window.

pub mod app;
pub mod pictures;
pub mod posts;
pub mod preview;
pub mod publish;
pub mod recovery;
pub mod send;
pub mod site;

use billet_core::lang::{Explain, Lang};
use billet_core::workspace::{Workspace, WorkspaceError};
use std::path::PathBuf;

use tauri::State;
use tauri_plugin_dialog::FilePath;

use crate::error::{IpcError, Result, ShellError};
use crate::state::AppState;

/// Runs `action` on the open site's workspace, on a blocking thread.
pub async fn on_site<T, E>(
    state: &State<'_, AppState>,
    action: impl FnOnce(&Workspace, Lang) -> std::result::Result<T, E> + Send + 'static,
) -> Result<T>
where
    T: Send + 'static,
    E: Explain,
{
    let workspace = state.workspace()?;
    off_main(state.lang(), move |lang| action(&workspace, lang)).await
}

/// Runs `work` on a blocking thread, with the interface's language.
pub async fn off_main<T, E>(
    lang: Lang,
    work: impl FnOnce(Lang) -> std::result::Result<T, E> + Send + 'static,
) -> Result<T>
where
    T: Send + 'static,
    E: Explain,
{
    tauri::async_runtime::spawn_blocking(move || work(lang).map_err(|e| IpcError::new(&e, lang)))
        .await
        .map_err(|_| ShellError::Crashed.report(lang))?
}

/// Shows a system file dialog (`show` blocks until the author answers) on
/// a blocking thread; `None` when the author cancels.
pub async fn ask_path(
    state: &State<'_, AppState>,
    show: impl FnOnce() -> Option<FilePath> + Send + 'static,
) -> Result<Option<PathBuf>> {
    let picked = off_main(state.lang(), move |_| ok(show())).await?;
    Ok(picked.and_then(|p| p.into_path().ok()))
}

/// An action that cannot fail, in the shape `on_site` takes.
pub fn ok<T>(value: T) -> std::result::Result<T, WorkspaceError> {
    Ok(value)
}
