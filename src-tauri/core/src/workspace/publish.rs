//! The end of the job: what makes a post and where it stands in git, a
//! commit of exactly those files, or a zip of them for someone who commits.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::{ExportedZip, ReadyProblem, ReadyView, Result, Workspace, WorkspaceError};
use crate::git::{self, Badge, Committed, FileState, Identity, Ready};
use crate::lang::Lang;
use crate::library::{Problem, Severity};

impl Workspace {
    /// Everything the "ready to publish" panel shows for the post `rel`:
    /// its files, and every problem the site's check reports for it, with
    /// the problems of its files (a picture missing, ignored by git, too
    /// heavy). An error blocks commit and export.
    pub fn ready(&self, rel: &str, lang: Lang) -> Result<ReadyView> {
        let ready = self.status(rel)?;
        let problems = self.publishing_problems(rel, &ready, lang);
        Ok(ReadyView {
            repository: ready.files.iter().all(|f| f.state != FileState::Outside),
            blocked: problems.iter().any(|p| p.severity == Severity::Error),
            problems,
            files: ready.files,
            other_changes: ready.other_changes,
            diff: ready.diff,
            message: ready.message,
            review: self.site.config.publish.review,
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
        self.refuse_errors(rel)?;
        let fallback = self.fallback_author(author);
        Ok(git::commit_post(
            &self.site,
            rel,
            message,
            fallback.as_ref(),
            now,
        )?)
    }

    /// Writes the post's files into the zip `dest`, at their repository
    /// paths, with a note in `lang` giving the suggested commit message.
    pub fn export(&self, rel: &str, dest: &Path, lang: Lang) -> Result<ExportedZip> {
        self.refuse_errors(rel)?;
        let exported = git::export_zip(&self.site, rel, dest, lang)?;
        Ok(ExportedZip {
            file: dest.display().to_string(),
            files: exported.files,
        })
    }
}

impl Workspace {
    /// The check's problems for the post, read afresh from disk, then
    /// those of its files that the check does not already report (it
    /// reports the cover's).
    fn publishing_problems(&self, rel: &str, ready: &Ready, lang: Lang) -> Vec<ReadyProblem> {
        let checked = self.checked(rel);
        let cover_file = self
            .posts_cover(rel)
            .and_then(|url| self.site.media_file_for_url(&url));
        let files = ready
            .problems
            .iter()
            .filter(|p| Some(p.path()) != cover_file.as_deref())
            .map(|p| ReadyProblem {
                severity: p.severity(),
                message: p.message(lang),
            });
        checked
            .iter()
            .map(|p| ReadyProblem {
                severity: p.severity,
                message: p.message(lang),
            })
            .chain(files)
            .collect()
    }

    /// The site's check of the post, as `billet check` reports it.
    fn checked(&self, rel: &str) -> Vec<Problem> {
        let mut state = self.state();
        state.library.refresh(&self.site, rel);
        let post = state.library.posts.iter().find(|p| p.path == rel);
        post.map(|p| p.problems.clone()).unwrap_or_default()
    }

    /// Who commits when git's configuration names no one: `author`, else
    /// the last author used here (with no e-mail).
    pub(super) fn fallback_author(&self, author: Option<&Identity>) -> Option<Identity> {
        author.cloned().or_else(|| {
            let name = self.settings.as_ref()?.get().last_author?;
            Some(Identity {
                name,
                email: String::new(),
            })
        })
    }

    fn posts_cover(&self, rel: &str) -> Option<String> {
        let state = self.state();
        state
            .library
            .posts
            .iter()
            .find(|p| p.path == rel)?
            .cover
            .clone()
    }

    /// Commit and export stop while an error remains: the check's, or a
    /// picture of the post missing or ignored by git.
    pub(super) fn refuse_errors(&self, rel: &str) -> Result<()> {
        let ready = self.status(rel)?;
        let problems = self.publishing_problems(rel, &ready, Lang::En);
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        match errors {
            0 => Ok(()),
            n => Err(WorkspaceError::Blocked(rel.to_string(), n)),
        }
    }
}
