//! The live preview's HTML, made safe by billet-core.

use billet_core::preview;
use tauri::State;

use super::with;
use crate::error::Result;
use crate::media::media_url;
use crate::state::AppState;

#[tauri::command]
pub fn render_preview(state: State<AppState>, body: String) -> Result<String> {
    with(&state, |s| {
        let site = &s.site()?.site;
        // Markdown image URLs arrive percent-encoded (`%20` for a space).
        let served = |url: &str| {
            let url = percent_encoding::percent_decode_str(url).decode_utf8_lossy();
            site.media_file_for_url(&url).map(|rel| media_url(&rel))
        };
        Ok(preview::render_with(&body, &served))
    })
}
