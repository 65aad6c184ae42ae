//! The commands the UI calls. Each is a few lines over billet-core.

pub mod app;
pub mod images;
pub mod posts;
pub mod preview;
pub mod publish;
pub mod recovery;
pub mod site;

use billet_core::lang::Lang;
use tauri::State;

use crate::error::{IpcError, Result};
use crate::state::{AppState, Inner};

/// Runs `f` with the shell's state locked.
pub fn with<T>(state: &State<AppState>, f: impl FnOnce(&mut Inner) -> T) -> T {
    let mut inner = state
        .inner
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    f(&mut inner)
}

/// Runs slow work (decoding pictures, walking a repository) on a blocking
/// thread: never on the main thread, which draws the window.
pub async fn off_main<T: Send + 'static>(
    lang: Lang,
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|_| IpcError::crashed(lang))?
}
