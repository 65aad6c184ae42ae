//! Pictures the author brings in: a cover to frame, or an image for the
//! text. In the app a picture is first *staged* (dropped, pasted or
//! picked), so that framing it again and again never sends it twice; the
//! author then previews covers and finally uses it. The command line
//! writes a picture at once. Either way the file written is remembered
//! for its post, and removed at the next save or discard if no post uses it.

use std::path::Path;
use std::sync::Arc;

use super::{worded, Staged, WrittenImage};
use super::{CoverPreview, InlinePicture, Result, StagedImage, Workspace, WorkspaceError};
use crate::lang::{Explain, Lang};
use crate::library::Library;
use crate::media::{self, Focus, MediaError, Written};

/// The framing view's picture fits in this many pixels a side: sharp on a
/// large screen, light enough to send at once.
const OVERVIEW_SIDE: u32 = 1600;

/// What a sweep of written pictures did.
pub(super) struct Swept {
    /// Still used by a post: kept, and still remembered.
    pub kept: Vec<String>,
    /// Site-relative paths of the files removed.
    pub removed: Vec<String>,
}

impl Workspace {
    /// Keeps a picture's bytes for framing, and gives its overview.
    /// `name` is its file name, for the suggested alt text.
    pub fn stage(&self, name: &str, bytes: Vec<u8>, lang: Lang) -> Result<StagedImage> {
        if bytes.is_empty() {
            return Err(MediaError::Empty.into());
        }
        media::check_source_size(bytes.len() as u64)?;
        let media::Overview {
            made: overview,
            focus,
        } = media::render_overview(&self.site, &bytes, OVERVIEW_SIDE)?;
        let mut state = self.state();
        state.next_stage_id += 1;
        let id = state.next_stage_id;
        state.staged = Some(Staged {
            id,
            bytes: Arc::new(bytes),
        });
        Ok(StagedImage {
            id,
            alt: media::alt_text(name),
            name: name.to_string(),
            width: overview.source.0,
            height: overview.source.1,
            overview: InlinePicture::new("image/jpeg", &overview.bytes),
            focus,
            warnings: worded(&overview.warnings, lang, |w, lang| w.message(lang)),
        })
    }

    /// Reads a picture the author chose in a file picker, and stages it.
    pub fn stage_file(&self, file: &Path, lang: Lang) -> Result<StagedImage> {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.stage(&name, media::read_source(file)?, lang)
    }

    /// The cover the staged picture `id` gives with this framing, not written.
    pub fn preview_cover(
        &self,
        id: u64,
        focus: Focus,
        zoom: f64,
        lang: Lang,
    ) -> Result<CoverPreview> {
        let source = self.staged(id)?;
        let made = media::render_cover(&self.site, &source, focus, zoom)?;
        Ok(CoverPreview {
            image: InlinePicture::new(self.site.config.cover.format.mime_type(), &made.bytes),
            bytes: made.bytes.len() as u64,
            warnings: worded(&made.warnings, lang, |w, lang| w.message(lang)),
        })
    }

    /// Writes the staged picture `id` as a cover for the open post `rel`,
    /// and lets the picture go. The post itself is not changed: the form
    /// puts the URL in its cover field, and the author saves as usual.
    pub fn use_cover(
        &self,
        id: u64,
        rel: &str,
        focus: Focus,
        zoom: f64,
        lang: Lang,
    ) -> Result<WrittenImage> {
        let source = self.staged(id)?;
        let written = self.write_cover(rel, &source, focus, zoom)?;
        self.let_go(id);
        Ok(shown(written, None, lang))
    }

    /// Writes the staged picture `id` as an image of the open post `rel`'s
    /// text, with the author's `alt`, and lets the picture go.
    pub fn use_body_image(
        &self,
        id: u64,
        rel: &str,
        alt: &str,
        lang: Lang,
    ) -> Result<WrittenImage> {
        let source = self.staged(id)?;
        let (written, markdown) = self.write_body_image(rel, &source, alt)?;
        self.let_go(id);
        Ok(shown(written, Some(markdown), lang))
    }

    /// The author cancelled: the staged picture `id` is let go.
    pub fn let_go(&self, id: u64) {
        let mut state = self.state();
        if state.staged.as_ref().is_some_and(|s| s.id == id) {
            state.staged = None;
        }
    }

    /// Makes a cover for the open post `rel` from `source` and writes it,
    /// remembering it for the post.
    pub fn write_cover(
        &self,
        rel: &str,
        source: &[u8],
        focus: Focus,
        zoom: f64,
    ) -> Result<Written> {
        self.state().open_post(rel)?;
        let written = media::make_cover(&self.site, rel, source, focus, zoom)?;
        self.remember_written(rel, &written.url);
        Ok(written)
    }

    /// Makes an image for the open post `rel`'s text and writes it,
    /// remembering it for the post. Gives the Markdown that shows it.
    pub fn write_body_image(
        &self,
        rel: &str,
        source: &[u8],
        alt: &str,
    ) -> Result<(Written, String)> {
        self.state().open_post(rel)?;
        let made = media::make_body_image(&self.site, rel, source, alt)?;
        self.remember_written(rel, &made.written.url);
        Ok((made.written, made.markdown))
    }

    /// The staged picture's bytes, shared: the caller decodes them outside
    /// the lock.
    fn staged(&self, id: u64) -> Result<Arc<Vec<u8>>> {
        match &self.state().staged {
            Some(staged) if staged.id == id => Ok(Arc::clone(&staged.bytes)),
            _ => Err(WorkspaceError::PictureGone),
        }
    }

    fn remember_written(&self, rel: &str, url: &str) {
        if let Some(open) = self.state().open.get_mut(rel) {
            open.written.push(url.to_string());
        }
    }

    /// Removes the pictures at `urls` that no post of `library` uses. A
    /// picture that cannot be removed loses nothing: it is logged and kept.
    pub(super) fn sweep(&self, library: &Library, urls: Vec<String>) -> Swept {
        let mut swept = Swept {
            kept: Vec::new(),
            removed: Vec::new(),
        };
        for url in urls {
            match media::remove_replaced_cover(&self.site, library, &url) {
                Ok(Some(rel)) => swept.removed.push(rel),
                Ok(None)
                    if self
                        .site
                        .media_file_for_url(&url)
                        .is_some_and(|rel| self.site.root.join(rel).is_file()) =>
                {
                    swept.kept.push(url)
                }
                Ok(None) => {}
                Err(e) => {
                    eprintln!("billet: the picture {url} stays: {e}");
                    swept.kept.push(url);
                }
            }
        }
        swept
    }
}

fn shown(written: Written, markdown: Option<String>, lang: Lang) -> WrittenImage {
    WrittenImage {
        warnings: worded(&written.warnings, lang, |w, lang| w.message(lang)),
        path: written.path,
        url: written.url,
        markdown,
        width: written.width,
        height: written.height,
        bytes: written.bytes,
    }
}
