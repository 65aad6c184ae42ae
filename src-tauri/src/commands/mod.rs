//! The commands the UI calls. Each is a few lines over billet-core.

pub mod app;
pub mod images;
pub mod posts;
pub mod preview;
pub mod site;

use tauri::State;

use crate::state::{AppState, Inner};

/// Runs `f` with the shell's state locked.
pub fn with<T>(state: &State<AppState>, f: impl FnOnce(&mut Inner) -> T) -> T {
    let mut inner = state
        .inner
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    f(&mut inner)
}
