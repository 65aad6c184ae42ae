//! What the shell holds while the app runs: the settings, the open site with
//! its index, and each open post with what it was when loaded.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use billet_core::lang::Lang;
use billet_core::library::Library;
use billet_core::post::Post;
use billet_core::recovery::RecoveryStore;
use billet_core::save::Fingerprint;
use billet_core::settings::Settings;
use billet_core::site::Site;
use billet_core::watch::SiteWatcher;

use crate::error::{IpcError, Result};

pub struct AppState {
    pub inner: Mutex<Inner>,
}

pub struct Inner {
    pub settings: Settings,
    pub settings_path: PathBuf,
    /// The language of the system, used when the settings do not choose one.
    pub system_lang: Lang,
    pub site: Option<OpenSite>,
    /// Unsaved edits, kept in the app's data folder in case Billet stops.
    pub recovery: RecoveryStore,
    /// The picture the author is framing or placing, if any.
    pub staged: Option<Staged>,
    pub next_stage_id: u64,
}

/// A picture dropped, pasted or picked, kept until it is used or let go.
pub struct Staged {
    pub id: u64,
    pub bytes: Arc<Vec<u8>>,
}

pub struct OpenSite {
    pub site: Site,
    pub library: Library,
    /// Open posts by site-relative path.
    pub docs: HashMap<String, Doc>,
    /// Tells the UI what other programs change; `None` when the system
    /// refused to watch. Dropped with the site, which stops it.
    pub watcher: Option<SiteWatcher>,
}

impl OpenSite {
    /// Tells the watcher that Billet itself is about to write `bytes` to
    /// `rel`, so that this write raises no "changed on disk".
    pub fn expect_own_write(&self, rel: &str, bytes: &[u8]) {
        if let Some(watcher) = &self.watcher {
            watcher.expect_own_write(rel, bytes);
        }
    }
}

pub struct Doc {
    pub post: Post,
    pub loaded: Fingerprint,
}

impl Inner {
    pub fn lang(&self) -> Lang {
        self.settings.language.unwrap_or(self.system_lang)
    }

    pub fn site(&self) -> Result<&OpenSite> {
        self.site
            .as_ref()
            .ok_or_else(|| IpcError::no_site(self.lang()))
    }

    pub fn site_mut(&mut self) -> Result<&mut OpenSite> {
        let lang = self.lang();
        self.site.as_mut().ok_or_else(|| IpcError::no_site(lang))
    }

    /// Saves the settings; a failure is only logged, since losing a recent
    /// site or a language choice must not stop the author's work.
    pub fn persist_settings(&self) {
        if let Err(e) = self.settings.write_to(&self.settings_path) {
            eprintln!("billet: settings not saved: {e}");
        }
    }
}
