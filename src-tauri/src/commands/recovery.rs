//! Unsaved edits kept in the app's data folder every few seconds, offered
//! back at the next start if Billet stopped without saving them.

use billet_core::post::Post;
use billet_core::save;
use serde::Serialize;
use tauri::State;

use super::posts::{edited, load, to_json, Change, LoadedPost};
use super::with;
use crate::error::{IpcError, Result};
use crate::state::AppState;

#[derive(Serialize)]
pub struct RecoveredPost {
    pub path: String,
    pub title: Option<String>,
    /// When the edits were kept (RFC 3339).
    pub saved_at: String,
    /// The post as the author left it, and as it is on disk now.
    pub mine: String,
    pub disk: Option<String>,
}

#[derive(Serialize)]
pub struct Restored {
    /// The post as it is on disk: the form's baseline.
    pub disk: LoadedPost,
    /// The author's version, to put back in the form and the editor.
    pub mine: Mine,
}

#[derive(Serialize)]
pub struct Mine {
    pub front_matter: serde_json::Value,
    pub body: String,
}

/// Keeps the open post's unsaved edits, as the file they would save.
#[tauri::command]
pub fn store_recovery(
    state: State<AppState>,
    path: String,
    changes: Vec<Change>,
    body: String,
) -> Result<()> {
    with(&state, |s| {
        let lang = s.lang();
        let (post, _) = edited(s, &path, changes, &body)?;
        let open = s.site()?;
        let text = String::from_utf8_lossy(&post.to_bytes()).into_owned();
        let loaded = open.docs.get(&path).map(|d| &d.loaded);
        s.recovery
            .store(&open.site.root, &path, &text, loaded, chrono::Utc::now())
            .map_err(|e| IpcError::from(&e, lang))
    })
}

/// The edits kept for the open site, newest first.
#[tauri::command]
pub fn list_recovered(state: State<AppState>) -> Result<Vec<RecoveredPost>> {
    with(&state, |s| {
        let site = &s.site()?.site;
        Ok(s.recovery
            .list(&site.root)
            .into_iter()
            .map(|r| RecoveredPost {
                title: Post::parse(r.text.as_bytes())
                    .ok()
                    .and_then(|p| p.meta(&site.config.cover.field).title),
                path: r.post,
                saved_at: r.saved_at.to_rfc3339(),
                mine: r.text,
                disk: r.on_disk,
            })
            .collect())
    })
}

/// Opens a post with the edits kept for it. When its file is gone, the
/// kept version is written again first: there is nothing else to start from.
#[tauri::command]
pub fn restore_recovered(state: State<AppState>, path: String) -> Result<Restored> {
    with(&state, |s| {
        let lang = s.lang();
        let root = s.site()?.site.root.clone();
        let kept = s
            .recovery
            .list(&root)
            .into_iter()
            .find(|r| r.post == path)
            .ok_or_else(|| IpcError::not_open(lang, &path))?;
        let file =
            billet_core::paths::resolve(&root, &path).map_err(|e| IpcError::from(&e, lang))?;
        if kept.on_disk.is_none() {
            s.site()?.expect_own_write(&path, kept.text.as_bytes());
            save::write_new(&file, kept.text.as_bytes()).map_err(|e| IpcError::from(&e, lang))?;
        }
        let disk = load(s, &path)?;
        let mine = Post::parse(kept.text.as_bytes()).map_err(|e| IpcError::from(&e, lang))?;
        Ok(Restored {
            disk,
            mine: Mine {
                front_matter: to_json(mine.front_matter(), lang)?,
                body: mine.body().to_string(),
            },
        })
    })
}

/// The author does not want these edits back.
#[tauri::command]
pub fn discard_recovered(state: State<AppState>, path: String) -> Result<()> {
    with(&state, |s| {
        let lang = s.lang();
        s.recovery
            .discard(&s.site()?.site.root, &path)
            .map_err(|e| IpcError::from(&e, lang))
    })
}
