//! The end of the job: what makes a post and where it stands in git, a
//! commit of exactly those files, or a zip of them for someone who commits.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::{worded, ExportedZip, ReadyView, Result, Workspace};
use crate::git::{self, Badge, Committed, FileState, Identity, Ready};
use crate::lang::Lang;

impl Workspace {
    /// Everything the "ready to publish" panel shows for the post `rel`.
    pub fn ready(&self, rel: &str, lang: Lang) -> Result<ReadyView> {
        let ready = self.status(rel)?;
        Ok(ReadyView {
            repository: ready.files.iter().all(|f| f.state != FileState::Outside),
            problems: worded(&ready.problems, lang, |p, lang| p.message(lang)),
            files: ready.files,
            other_changes: ready.other_changes,
            diff: ready.diff,
            message: ready.message,
        })
    }

    /// The post's files with their states, its problems, the repository's
    /// other changes and the post's diff.
    pub fn status(&self, rel: &str) -> Result<Ready> {
        Ok(git::ready(&self.site, rel)?)
    }

    /// Where each post stands in git, by site-relative path.
    pub fn badges(&self) -> Result<HashMap<String, Badge>> {
        let paths: Vec<String> = self
            .state()
            .library
            .posts
            .iter()
            .map(|p| p.path.clone())
            .collect();
        Ok(git::badges(&self.site, &paths)?)
    }

    /// Commits the post's files, and only them. The author is git's
    /// configured one, else `author`, else the last author used here
    /// (with no e-mail). `now` is the commit's time.
    pub fn commit(
        &self,
        rel: &str,
        message: Option<&str>,
        author: Option<&Identity>,
        now: DateTime<FixedOffset>,
    ) -> Result<Committed> {
        let last_author = self
            .settings
            .as_ref()
            .and_then(|s| s.get().last_author)
            .map(|name| Identity {
                name,
                email: String::new(),
            });
        let fallback = author.or(last_author.as_ref());
        Ok(git::commit_post(&self.site, rel, message, fallback, now)?)
    }

    /// Writes the post's files into the zip `dest`, at their repository
    /// paths, with a note in `lang` giving the suggested commit message.
    pub fn export(&self, rel: &str, dest: &Path, lang: Lang) -> Result<ExportedZip> {
        let exported = git::export_zip(&self.site, rel, dest, lang)?;
        Ok(ExportedZip {
            file: dest.display().to_string(),
            files: exported.files,
        })
    }
}
