//! Sending the post to the site. Each step reaches the interface through
//! a channel as it starts; a conflict in the post comes back as choices.

use billet_core::git::send::{PostConflict, Settlement};
use billet_core::git::{SendOutcome, Step};
use tauri::ipc::Channel;
use tauri::State;

use super::{ok, on_site};
use crate::error::Result;
use crate::state::AppState;

/// Records the post's files with the author's message, and sends them.
#[tauri::command]
pub async fn send_post(
    state: State<'_, AppState>,
    path: String,
    message: String,
    steps: Channel<Step>,
) -> Result<SendOutcome> {
    let now = chrono::Local::now().fixed_offset();
    let mut report = reporter(steps);
    on_site(&state, move |ws, _| {
        ws.send(&path, Some(&message), None, now, &mut report)
    })
    .await
}

/// The author's choices written into the post, and the send finished.
#[tauri::command]
pub async fn settle_post(
    state: State<'_, AppState>,
    path: String,
    choices: Settlement,
    steps: Channel<Step>,
) -> Result<SendOutcome> {
    let mut report = reporter(steps);
    on_site(&state, move |ws, _| ws.settle(&path, &choices, &mut report)).await
}

/// A send stopped on a conflict, if one waits for the post.
#[tauri::command]
pub async fn waiting_conflict(
    state: State<'_, AppState>,
    path: String,
) -> Result<Option<PostConflict>> {
    on_site(&state, move |ws, _| ok(ws.waiting_conflict(&path).ok())).await
}

/// Gives up the send stopped on a conflict.
#[tauri::command]
pub async fn abandon_send(state: State<'_, AppState>, path: String) -> Result<()> {
    on_site(&state, move |ws, _| ws.abandon_send(&path)).await
}

/// Tells the interface of each step. A window closed meanwhile does not
/// stop the send: the step is simply not shown.
fn reporter(steps: Channel<Step>) -> impl FnMut(Step) + Send + 'static {
    move |step| drop(steps.send(step))
}
