//! The workspace: one open site and every action an author takes on it,
//! written once. The app's commands and the command line's subcommands are
//! both thin adapters over these methods, so an action behaves the same
//! from either, and is tested here without a window.
//!
//! It owns the open site and its index, the posts the author opened (each
//! with what its file was when loaded), the pictures written for each
//! since, and the picture being framed.
//!
//! # Locking
//!
//! The methods take `&self`, so that the app shares one workspace between
//! threads. The site's settings never change while it is open: they sit
//! outside any lock, and the preview renders from them even while a save
//! or a scan runs. Everything that changes is in one mutex, `state`, held
//! only while that state is read or changed (a save's write included, so
//! that two saves of a post cannot cross). Decoding and resizing pictures,
//! walking git and reading the repository happen outside it.

mod disk;
mod error;
mod kept_edits;
mod pictures;
mod posts;
mod publish;
mod send;
#[cfg(test)]
mod tests;
pub mod views;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};

use crate::lang::Lang;
use crate::library::Library;
use crate::post::Post;
use crate::recovery::RecoveryStore;
use crate::save::Fingerprint;
use crate::settings::SettingsFile;
use crate::site::Site;
use crate::watch::SiteWatcher;

pub use error::{Result, WorkspaceError};
pub use views::*;

/// Turns a site-relative path into a URL the interface can load (the app's
/// media protocol); the command line keeps the path.
pub type MediaUrl = fn(&str) -> String;

/// What the app gives a workspace beside the site's folder; the command
/// line gives nothing.
#[derive(Default)]
pub struct Setup {
    /// Where the last author and the recent sites are remembered.
    pub settings: Option<Arc<SettingsFile>>,
    /// Where unsaved edits are kept in case Billet stops.
    pub recovery: Option<RecoveryStore>,
    pub media_url: Option<MediaUrl>,
}

pub struct Workspace {
    site: Site,
    settings: Option<Arc<SettingsFile>>,
    recovery: Option<RecoveryStore>,
    media_url: MediaUrl,
    state: Mutex<State>,
    /// Tells what other programs change in the site; `None` when not
    /// watched (the command line) or when the system refused.
    watcher: Mutex<Option<SiteWatcher>>,
}

/// What changes while the site is open.
struct State {
    library: Library,
    /// Open posts by site-relative path.
    open: HashMap<String, OpenPost>,
    /// The picture the author is framing or placing, if any.
    staged: Option<Staged>,
    next_stage_id: u64,
}

/// A post the author opened.
struct OpenPost {
    post: Post,
    /// What the file was when loaded or last saved.
    loaded: Fingerprint,
    /// The URLs of the pictures written for this post since it was loaded
    /// (and of the cover a save replaced): the ones no post uses go at the
    /// next save or discard.
    written: Vec<String>,
}

/// A picture dropped, pasted or picked, kept until it is used or let go.
struct Staged {
    id: u64,
    bytes: Arc<Vec<u8>>,
}

impl Workspace {
    /// Opens the site at `root` and indexes its posts.
    pub fn open(root: &Path, setup: Setup) -> Result<Workspace> {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let site = Site::open(&root)?;
        let library = Library::scan(&site);
        if let Some(settings) = &setup.settings {
            settings.update(|s| s.remember_site(&root));
        }
        Ok(Workspace {
            site,
            settings: setup.settings,
            recovery: setup.recovery,
            media_url: setup.media_url.unwrap_or(|rel| rel.to_string()),
            state: Mutex::new(State {
                library,
                open: HashMap::new(),
                staged: None,
                next_stage_id: 0,
            }),
            watcher: Mutex::new(None),
        })
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    /// Watches the site: what other programs change updates the index file
    /// by file, then reaches `tell` as one batch per burst. Without a
    /// watcher (the system refused, which is logged), the index is read
    /// again at each listing, and a save still detects a file changed on disk.
    pub fn watch(self: &Arc<Self>, tell: impl Fn(DiskChanges) + Send + 'static) {
        // The watcher's thread holds the workspace weakly: closing the site
        // drops the workspace, whose watcher then stops.
        let workspace: Weak<Workspace> = Arc::downgrade(self);
        let started = SiteWatcher::start(&self.site.root, move |changes| {
            let Some(workspace) = workspace.upgrade() else {
                return;
            };
            let told = workspace.take_disk_changes(changes);
            if told != DiskChanges::default() {
                tell(told);
            }
        });
        match started {
            Ok(watcher) => *lock(&self.watcher) = Some(watcher),
            Err(e) => eprintln!("billet: {e}"),
        }
    }

    /// The site as the interface shows it.
    pub fn site_info(&self) -> SiteInfo {
        let site = &self.site;
        SiteInfo {
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
            stylesheet: site.config.stylesheet.as_deref().map(self.media_url),
            badge_labels: self.state().library.badge_labels(),
            default_author: self.default_author(),
            recent: self.settings.as_ref().map_or_else(Vec::new, |s| {
                let recent = s.get().recent_sites;
                recent.iter().map(|p| p.display().to_string()).collect()
            }),
        }
    }

    /// The author a new post starts with: the last one used on this
    /// machine, else git's `user.name` for this site's repository (its own
    /// configuration first), else the user's.
    pub fn default_author(&self) -> Option<String> {
        let last = self.settings.as_ref().and_then(|s| s.last_author());
        last.or_else(|| crate::git::user_name(&self.site))
            .or_else(|| self.settings.as_ref().and_then(|s| s.default_author()))
    }

    /// The URL under which the interface shows a picture a post refers to
    /// (`/blog/a.jpg`), or the URL itself for pictures on other sites.
    pub fn media_url(&self, url: &str) -> Option<String> {
        if url.starts_with("https://") || url.starts_with("http://") {
            return Some(url.to_string());
        }
        self.site
            .media_file_for_url(url)
            .map(|rel| (self.media_url)(&rel))
    }

    /// The post's body as the preview shows it: safe HTML, its pictures
    /// served from the site. Takes no lock.
    pub fn render_preview(&self, body: &str) -> String {
        // Markdown image URLs arrive percent-encoded (`%20` for a space).
        let served = |url: &str| {
            let url = percent_encoding::percent_decode_str(url).decode_utf8_lossy();
            self.site
                .media_file_for_url(&url)
                .map(|rel| (self.media_url)(&rel))
        };
        crate::preview::render_with(body, &served)
    }

    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    /// Remembers the author typed in a post, for the next new post.
    fn remember_author(&self, author: Option<&str>) {
        let (Some(settings), Some(author)) = (&self.settings, author) else {
            return;
        };
        if !author.trim().is_empty() {
            settings.update(|s| s.last_author = Some(author.to_string()));
        }
    }

    /// Tells the watcher that Billet itself writes `bytes` to `rel`, so
    /// that this write raises no "changed on disk".
    fn expect_own_write(&self, rel: &str, bytes: &[u8]) {
        if let Some(watcher) = lock(&self.watcher).as_ref() {
            watcher.expect_own_write(rel, bytes);
        }
    }

    fn is_watched(&self) -> bool {
        lock(&self.watcher).is_some()
    }
}

/// A lock whose holder panicked still guards consistent data here: every
/// change under these locks is a single assignment or insertion.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Words a list of problems in `lang`.
fn worded<P>(problems: &[P], lang: Lang, word: impl Fn(&P, Lang) -> String) -> Vec<String> {
    problems.iter().map(|p| word(p, lang)).collect()
}
