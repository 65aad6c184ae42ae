//! What the shell holds while the app runs: the settings, the language of
//! the system, where unsaved edits are kept, and the open site's workspace.

use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};

use billet_core::lang::Lang;
use billet_core::recovery::RecoveryStore;
use billet_core::settings::SettingsFile;
use billet_core::workspace::{MediaUrl, Setup, Workspace};

use crate::error::{Result, ShellError};

pub struct AppState {
    pub settings: Arc<SettingsFile>,
    /// The language of the system, used when the settings do not choose one.
    pub system_lang: Lang,
    /// Where unsaved edits are kept, in the app's data folder.
    pub recovery_dir: PathBuf,
    /// How the interface reaches a file of the site (the media protocol).
    pub media_url: MediaUrl,
    /// The open site. Commands take a clone of the `Arc` and let the lock
    /// go at once: the workspace does its own locking (see its module).
    workspace: RwLock<Option<Arc<Workspace>>>,
}

impl AppState {
    pub fn new(
        settings: SettingsFile,
        system_lang: Lang,
        recovery_dir: PathBuf,
        media_url: MediaUrl,
    ) -> AppState {
        AppState {
            settings: Arc::new(settings),
            system_lang,
            recovery_dir,
            media_url,
            workspace: RwLock::new(None),
        }
    }

    pub fn lang(&self) -> Lang {
        self.settings.get().language.unwrap_or(self.system_lang)
    }

    /// What a workspace opened by the app is given.
    pub fn setup(&self) -> Setup {
        Setup {
            settings: Some(Arc::clone(&self.settings)),
            recovery: Some(RecoveryStore::new(&self.recovery_dir)),
            media_url: Some(self.media_url),
        }
    }

    /// The open site's workspace.
    pub fn workspace(&self) -> Result<Arc<Workspace>> {
        self.current()
            .ok_or_else(|| ShellError::NoSite.report(self.lang()))
    }

    pub fn current(&self) -> Option<Arc<Workspace>> {
        self.workspace
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Makes `workspace` the open site; the previous one (and its watcher)
    /// goes once the commands still using it are done.
    pub fn replace(&self, workspace: Arc<Workspace>) {
        *self
            .workspace
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Some(workspace);
    }
}
