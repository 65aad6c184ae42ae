//! Pictures the author brings in: a cover to frame, or an image for the
//! text. A picture is first *staged* (dropped, pasted or picked), so that
//! framing it again and again never sends it over IPC twice; the UI then
//! asks for previews and finally uses it.
//!
//! Decoding and resizing take a fraction of a second, so they run on a
//! blocking thread, never under the state lock, and never on the main thread.

use std::sync::Arc;

use base64::Engine;
use billet_core::lang::{Explain, Lang};
use billet_core::media::{self, Focus, MediaWarning};
use billet_core::site::Site;
use serde::Serialize;
use tauri::ipc::{InvokeBody, Request};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::{off_main, with};
use crate::error::{IpcError, Result};
use crate::state::{AppState, Inner, Staged};

/// The framing view's picture fits in this many pixels a side: sharp on a
/// large screen, light enough to send at once.
const OVERVIEW_SIDE: u32 = 1600;

/// What the file picker offers. HEIC and AVIF are listed so that choosing
/// one gets the message saying what to do, rather than an invisible file.
const PICTURE_EXTENSIONS: [&str; 12] = [
    "jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff", "heic", "heif", "avif", "svg",
];

/// A picture waiting to be used, as the framing view shows it.
#[derive(Serialize)]
pub struct StagedImage {
    pub id: u64,
    pub name: String,
    /// Alt text suggested from the file name (empty for camera names).
    pub alt: String,
    /// The whole picture's upright size.
    pub width: u32,
    pub height: u32,
    /// The picture, upright and small, as a `data:` URL.
    pub overview: String,
    pub warnings: Vec<String>,
}

/// A cover made in memory, for the framing view's card.
#[derive(Serialize)]
pub struct CoverPreview {
    pub image: String,
    pub bytes: u64,
    pub warnings: Vec<String>,
}

/// A file that was written into the site.
#[derive(Serialize)]
pub struct WrittenImage {
    pub path: String,
    /// What the post refers to it by.
    pub url: String,
    /// For a body image: `![alt](url)`, to insert at the cursor.
    pub markdown: Option<String>,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub warnings: Vec<String>,
}

impl WrittenImage {
    fn of(written: media::Written, markdown: Option<String>, lang: Lang) -> WrittenImage {
        WrittenImage {
            warnings: messages(&written.warnings, lang),
            path: written.path,
            url: written.url,
            markdown,
            width: written.width,
            height: written.height,
            bytes: written.bytes,
        }
    }
}

/// Refuses a picture too heavy to be sent at all, before the UI reads it.
#[tauri::command]
pub fn check_image_size(state: State<AppState>, bytes: u64) -> Result<()> {
    let lang = with(&state, |s| s.lang());
    media::check_source_size(bytes).map_err(|e| IpcError::from(&e, lang))
}

/// Stages the bytes of a dropped or pasted picture. The body is the file
/// itself (no JSON); the `x-file-name` header carries its percent-encoded name.
#[tauri::command]
pub async fn stage_image(state: State<'_, AppState>, request: Request<'_>) -> Result<StagedImage> {
    let name = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
        .unwrap_or_default();
    let lang = with(&state, |s| s.lang());
    let bytes = match request.body() {
        InvokeBody::Raw(bytes) => bytes.clone(),
        InvokeBody::Json(_) => return Err(IpcError::from(&media::MediaError::Empty, lang)),
    };
    media::check_source_size(bytes.len() as u64).map_err(|e| IpcError::from(&e, lang))?;
    stage(&state, name, bytes).await
}

/// Lets the author pick a picture with the system's dialog, and stages it.
/// `None` when the dialog was cancelled. The path never goes to the UI.
#[tauri::command]
pub async fn pick_image(
    app: AppHandle,
    state: State<'_, AppState>,
    title: String,
) -> Result<Option<StagedImage>> {
    let lang = with(&state, |s| s.lang());
    let picked = off_main(lang, move || {
        Ok(app
            .dialog()
            .file()
            .set_title(title)
            .add_filter(lang.pick("Images", "Pictures"), &PICTURE_EXTENSIONS)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()))
    })
    .await?;
    let Some(file) = picked else {
        return Ok(None);
    };
    let name = file_name(&file);
    let bytes = off_main(lang, move || {
        media::read_source(&file).map_err(|e| IpcError::from(&e, lang))
    })
    .await?;
    stage(&state, name, bytes).await.map(Some)
}

async fn stage(state: &State<'_, AppState>, name: String, bytes: Vec<u8>) -> Result<StagedImage> {
    let (site, lang) = with(state, |s| Ok::<_, IpcError>((site_of(s)?, s.lang())))?;
    let bytes = Arc::new(bytes);
    let source = Arc::clone(&bytes);
    let overview = off_main(lang, move || {
        media::render_overview(&site, &source, OVERVIEW_SIDE).map_err(|e| IpcError::from(&e, lang))
    })
    .await?;
    let id = with(state, |s| {
        s.next_stage_id += 1;
        s.staged = Some(Staged {
            id: s.next_stage_id,
            bytes,
        });
        s.next_stage_id
    });
    Ok(StagedImage {
        id,
        alt: media::alt_text(&name),
        name,
        width: overview.source.0,
        height: overview.source.1,
        overview: data_url("image/jpeg", &overview.bytes),
        warnings: messages(&overview.warnings, lang),
    })
}

/// The cover the staged picture gives with this framing, not written.
#[tauri::command]
pub async fn preview_cover(
    state: State<'_, AppState>,
    id: u64,
    focus: Focus,
    zoom: f64,
) -> Result<CoverPreview> {
    let (made, site, lang) = on_staged(&state, id, move |site, source| {
        media::render_cover(site, source, focus, zoom)
    })
    .await?;
    Ok(CoverPreview {
        image: data_url(site.config.cover.format.mime_type(), &made.bytes),
        bytes: made.bytes.len() as u64,
        warnings: messages(&made.warnings, lang),
    })
}

/// Writes the staged picture as the cover of the post at `path`. The post
/// itself is not changed: the UI puts `url` in its cover field, and the
/// author saves as usual.
#[tauri::command]
pub async fn use_cover(
    state: State<'_, AppState>,
    id: u64,
    path: String,
    focus: Focus,
    zoom: f64,
) -> Result<WrittenImage> {
    let (made, _, lang) = on_staged(&state, id, move |site, source| {
        media::make_cover(site, &path, source, focus, zoom)
    })
    .await?;
    forget(&state, id);
    Ok(WrittenImage::of(made, None, lang))
}

/// Writes the staged picture as an image of the post at `path`'s text.
#[tauri::command]
pub async fn use_body_image(
    state: State<'_, AppState>,
    id: u64,
    path: String,
    alt: String,
) -> Result<WrittenImage> {
    let (made, _, lang) = on_staged(&state, id, move |site, source| {
        media::make_body_image(site, &path, source, &alt)
    })
    .await?;
    forget(&state, id);
    Ok(WrittenImage::of(made.written, Some(made.markdown), lang))
}

/// Removes the pictures written at `urls` that no post uses (any more):
/// a cover replaced before saving, edits the author dropped. Gives the
/// site-relative paths removed.
#[tauri::command]
pub fn remove_unused_images(state: State<AppState>, urls: Vec<String>) -> Result<Vec<String>> {
    with(&state, |s| {
        let lang = s.lang();
        let open = s.site()?;
        let mut removed = Vec::new();
        for url in urls {
            match media::remove_replaced_cover(&open.site, &open.library, &url) {
                Ok(Some(rel)) => removed.push(rel),
                Ok(None) => {}
                Err(e) => return Err(IpcError::from(&e, lang)),
            }
        }
        Ok(removed)
    })
}

/// The author cancelled: the staged picture is let go.
#[tauri::command]
pub fn discard_image(state: State<AppState>, id: u64) {
    forget(&state, id);
}

fn forget(state: &State<AppState>, id: u64) {
    with(state, |s| {
        if s.staged.as_ref().is_some_and(|st| st.id == id) {
            s.staged = None;
        }
    });
}

/// Runs `work` on the open site and the staged picture `id`, off the main
/// thread and outside the lock; gives back the site and language it used.
async fn on_staged<T: Send + 'static>(
    state: &State<'_, AppState>,
    id: u64,
    work: impl FnOnce(&Site, &[u8]) -> std::result::Result<T, media::MediaError> + Send + 'static,
) -> Result<(T, Site, Lang)> {
    let (site, source, lang) = with(state, |s| {
        let lang = s.lang();
        let bytes = match &s.staged {
            Some(st) if st.id == id => Arc::clone(&st.bytes),
            _ => return Err(IpcError::image_gone(lang)),
        };
        Ok((site_of(s)?, bytes, lang))
    })?;
    off_main(lang, move || {
        let made = work(&site, &source).map_err(|e| IpcError::from(&e, lang))?;
        Ok((made, site, lang))
    })
    .await
}

fn site_of(inner: &Inner) -> Result<Site> {
    Ok(inner.site()?.site.clone())
}

fn messages(warnings: &[MediaWarning], lang: Lang) -> Vec<String> {
    warnings.iter().map(|w| w.message(lang)).collect()
}

fn data_url(mime: &str, bytes: &[u8]) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("data:{mime};base64,{encoded}")
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn data_urls_carry_the_bytes() {
        assert_eq!(data_url("image/png", b"abc"), "data:image/png;base64,YWJj");
    }

    #[test]
    fn the_picker_offers_what_core_reads_or_explains() {
        for ext in ["jpg", "png", "webp", "gif", "heic", "avif"] {
            assert!(PICTURE_EXTENSIONS.contains(&ext), "{ext}");
        }
        assert_eq!(
            file_name(&PathBuf::from("/home/c/vue du port.JPG")),
            "vue du port.JPG"
        );
    }
}
