//! Opening a site and listing its posts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use billet_core::git;
use billet_core::lang::Lang;
use billet_core::library::{Library, PostSummary};
use billet_core::site::{CoverFormat, Field, Site};
use serde::Serialize;
use tauri::{AppHandle, State};

use super::{off_main, with};
use crate::error::{IpcError, Result};
use crate::state::{AppState, Inner, OpenSite};

#[derive(Serialize)]
pub struct SiteInfo {
    pub root: String,
    pub name: String,
    pub configured: bool,
    pub language: Lang,
    pub fields: Vec<Field>,
    pub cover: CoverFormat,
    /// The site's own stylesheet for the preview, as a URL the webview can load.
    pub stylesheet: Option<String>,
    pub badge_labels: Vec<String>,
    pub recent: Vec<String>,
}

#[derive(Serialize)]
pub struct ListedPost {
    #[serde(flatten)]
    pub summary: PostSummary,
    /// The cover as a URL the webview can load.
    pub thumb: Option<String>,
    pub has_errors: bool,
    /// The problems, worded in the interface's language.
    pub messages: Vec<String>,
    /// Where the post stands in git; `None` outside a repository.
    pub git: Option<git::Badge>,
}

/// Opens the site at `root`, watches it, and remembers it.
pub fn open(inner: &mut Inner, root: &Path, app: &AppHandle) -> Result<SiteInfo> {
    let lang = inner.lang();
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let site = Site::open(&root).map_err(|e| IpcError::from(&e, lang))?;
    let library = Library::scan(&site);
    // A picture staged for the old site is not for this one.
    inner.staged = None;
    inner.site = Some(OpenSite {
        site,
        library,
        docs: HashMap::new(),
        watcher: crate::watcher::watch(app, &root),
    });
    inner.settings.remember_site(&root);
    inner.persist_settings();
    info(inner)
}

#[tauri::command]
pub fn open_site(app: AppHandle, state: State<AppState>, root: PathBuf) -> Result<SiteInfo> {
    with(&state, |s| open(s, &root, &app))
}

/// The open site, or `None` when Billet could not open one at start.
#[tauri::command]
pub fn current_site(state: State<AppState>) -> Result<Option<SiteInfo>> {
    with(&state, |s| {
        if s.site.is_some() {
            info(s).map(Some)
        } else {
            Ok(None)
        }
    })
}

fn info(inner: &Inner) -> Result<SiteInfo> {
    let open = inner.site()?;
    let site = &open.site;
    Ok(SiteInfo {
        root: site.root.display().to_string(),
        name: site
            .root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        configured: site.configured,
        language: site.config.language,
        fields: site.config.fields.clone(),
        cover: site.config.cover.clone(),
        stylesheet: site
            .config
            .stylesheet
            .as_deref()
            .map(crate::media::media_url),
        badge_labels: open.library.badge_labels(),
        recent: inner
            .settings
            .recent_sites
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
    })
}

/// Lists the site's posts, newest first, each with where it stands in git.
/// The watcher keeps the index up to date; without one (the system refused),
/// the site is scanned again on each call.
#[tauri::command]
pub async fn list_posts(state: State<'_, AppState>) -> Result<Vec<ListedPost>> {
    let (site, posts, lang) = with(&state, |s| {
        let lang = s.lang();
        let open = s.site_mut()?;
        if open.watcher.is_none() {
            open.library = Library::scan(&open.site);
        }
        Ok::<_, IpcError>((open.site.clone(), open.library.posts.clone(), lang))
    })?;
    off_main(lang, move || {
        let paths: Vec<String> = posts.iter().map(|p| p.path.clone()).collect();
        // Without badges the list is still worth showing: a repository gix
        // cannot read only costs the badges, and says why in the log.
        let badges = git::badges(&site, &paths).unwrap_or_else(|e| {
            eprintln!("billet: no git badges: {e}");
            HashMap::new()
        });
        Ok(posts
            .into_iter()
            .map(|p| ListedPost {
                thumb: p
                    .cover
                    .as_deref()
                    .and_then(|url| site.media_file_for_url(url))
                    .map(|rel| crate::media::media_url(&rel)),
                has_errors: p.has_errors(),
                messages: p
                    .problems
                    .iter()
                    .map(|problem| problem.message(lang))
                    .collect(),
                git: badges.get(&p.path).copied(),
                summary: p,
            })
            .collect())
    })
    .await
}

/// The URL under which the webview can show an image a post refers to
/// (`/blog/a.jpg`), or the URL itself for pictures on other sites.
#[tauri::command]
pub fn media_url(state: State<AppState>, url: String) -> Result<Option<String>> {
    with(&state, |s| {
        if url.starts_with("https://") || url.starts_with("http://") {
            return Ok(Some(url));
        }
        Ok(s.site()?
            .site
            .media_file_for_url(&url)
            .map(|rel| crate::media::media_url(&rel)))
    })
}
