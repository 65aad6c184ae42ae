//! What Billet remembers on this machine between runs: the interface
//! language, the last and recent sites, the last author. Reading never fails
//! (a missing or damaged file gives the defaults); writing is atomic.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Lang;
use crate::save::{write_new, SaveError};

/// How many recent sites are listed.
const RECENT: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    /// `None` follows the system's language.
    pub language: Option<Lang>,
    pub last_site: Option<PathBuf>,
    pub recent_sites: Vec<PathBuf>,
    pub last_author: Option<String>,
}

impl Settings {
    pub fn read_from(path: &Path) -> Settings {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub fn write_to(&self, path: &Path) -> Result<(), SaveError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| SaveError::Io(dir.into(), e))?;
        }
        let json = serde_json::to_vec_pretty(self).expect("settings are plain data");
        write_new(path, &json)
    }

    /// Makes `root` the last site and the first of the recent ones.
    pub fn remember_site(&mut self, root: &Path) {
        self.recent_sites.retain(|p| p != root);
        self.recent_sites.insert(0, root.to_path_buf());
        self.recent_sites.truncate(RECENT);
        self.last_site = Some(root.to_path_buf());
    }
}

/// The settings of this machine, kept in one file and shared by the app's
/// threads. Each change is written at once; a failure to write is only
/// logged, since losing a recent site or a language choice must not stop
/// the author's work.
#[derive(Debug)]
pub struct SettingsFile {
    path: PathBuf,
    current: Mutex<Settings>,
}

impl SettingsFile {
    /// The settings kept at `path` (the defaults when there are none yet).
    pub fn open(path: impl Into<PathBuf>) -> SettingsFile {
        let path = path.into();
        SettingsFile {
            current: Mutex::new(Settings::read_from(&path)),
            path,
        }
    }

    pub fn get(&self) -> Settings {
        self.lock().clone()
    }

    /// Changes the settings and writes them.
    pub fn update(&self, change: impl FnOnce(&mut Settings)) {
        let mut current = self.lock();
        change(&mut current);
        if let Err(e) = current.write_to(&self.path) {
            eprintln!("billet: settings not saved: {e}");
        }
    }

    /// The author a new post starts with when no site is open, or the
    /// site is in no repository: the last one used on this machine, else
    /// the user's git `user.name`.
    pub fn default_author(&self) -> Option<String> {
        self.last_author().or_else(|| {
            let home = std::env::var_os("HOME")?;
            let text = std::fs::read_to_string(Path::new(&home).join(".gitconfig")).ok()?;
            git_user_name(&text)
        })
    }

    pub fn last_author(&self) -> Option<String> {
        self.lock().last_author.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Settings> {
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// `user.name` from the text of a git config file (`~/.gitconfig`), read
/// by gix's config parser without running git: the default author of a new
/// post. Includes are not followed.
pub fn git_user_name(config: &str) -> Option<String> {
    use gix::bstr::ByteSlice;
    let file: gix::config::File = config.parse().ok()?;
    let name = file.string("user.name")?;
    Some(name.to_str_lossy().trim().to_string()).filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_sites_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..10 {
            s.remember_site(Path::new(&format!("/site/{i}")));
        }
        s.remember_site(Path::new("/site/5"));
        assert_eq!(s.recent_sites.len(), RECENT);
        assert_eq!(s.recent_sites[0], Path::new("/site/5"));
        assert_eq!(
            s.recent_sites
                .iter()
                .filter(|p| *p == Path::new("/site/5"))
                .count(),
            1
        );
        assert_eq!(s.last_site.as_deref(), Some(Path::new("/site/5")));
    }

    #[test]
    fn settings_survive_a_round_trip_and_damage_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/settings.json");
        let s = Settings {
            language: Some(Lang::En),
            last_author: Some("Hélène".into()),
            ..Settings::default()
        };
        s.write_to(&path).unwrap();
        assert_eq!(Settings::read_from(&path), s);
        std::fs::write(&path, "{not json").unwrap();
        assert_eq!(Settings::read_from(&path), Settings::default());
        assert_eq!(
            Settings::read_from(&dir.path().join("missing.json")),
            Settings::default()
        );
    }

    #[test]
    fn reads_the_git_user_name() {
        let config =
            "[core]\n\tname = not this\n[user]\n\temail = a@b.c\n\tname = \"Céline Martin\" # me\n";
        assert_eq!(git_user_name(config).as_deref(), Some("Céline Martin"));
        assert_eq!(git_user_name("[user]\nemail = x\n"), None);
        assert_eq!(
            git_user_name("[User]\n  Name = Anne\n[user \"x\"]\n  name = Other\n").as_deref(),
            Some("Anne")
        );
    }
}
