//! Unsaved edits kept in the app's data folder while the author types,
//! offered back after Billet stopped without saving them, and dropped when
//! the author leaves a post without saving.

use chrono::{DateTime, Utc};

use super::posts::front_matter_json;
use super::{Change, Mine, RecoveredPost, Restored, Result, Workspace, WorkspaceError};
use crate::lang::Lang;
use crate::post::Post;
use crate::save;

impl Workspace {
    /// Keeps the open post's unsaved edits, as the file they would save.
    /// Without a recovery folder (the command line) there is nowhere to
    /// keep them, and nothing is done.
    pub fn keep_edits(
        &self,
        rel: &str,
        changes: Vec<Change>,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let Some(recovery) = &self.recovery else {
            return Ok(());
        };
        let state = self.state();
        let open = state.open_post(rel)?;
        let post = self.edited(&state, &open.post, changes, Some(body))?;
        let text = String::from_utf8_lossy(&post.to_bytes()).into_owned();
        recovery.store(&self.site.root, rel, &text, Some(&open.loaded), now)?;
        Ok(())
    }

    /// The edits kept for this site, newest first.
    pub fn recovered(&self) -> Vec<RecoveredPost> {
        let Some(recovery) = &self.recovery else {
            return Vec::new();
        };
        let cover_field = &self.site.config.cover.field;
        recovery
            .list(&self.site.root)
            .into_iter()
            .map(|r| RecoveredPost {
                title: Post::parse(r.text.as_bytes())
                    .ok()
                    .and_then(|p| p.meta(cover_field).title),
                path: r.post,
                saved_at: r.saved_at.to_rfc3339(),
                mine: r.text,
                disk: r.on_disk,
            })
            .collect()
    }

    /// Opens a post with the edits kept for it. When its file is gone, the
    /// kept version is written again first: there is nothing else to start from.
    pub fn restore(&self, rel: &str, lang: Lang) -> Result<Restored> {
        let kept = self
            .recovery
            .as_ref()
            .and_then(|r| r.list(&self.site.root).into_iter().find(|k| k.post == rel))
            .ok_or_else(|| WorkspaceError::NothingKept(rel.to_string()))?;
        if kept.on_disk.is_none() {
            let file = crate::paths::resolve(&self.site.root, rel)?;
            self.expect_own_write(rel, kept.text.as_bytes());
            save::write_new(&file, kept.text.as_bytes())?;
        }
        let disk = self.load(rel, lang)?;
        let mine = Post::parse(kept.text.as_bytes()).map_err(|e| WorkspaceError::post(rel, e))?;
        Ok(Restored {
            disk,
            mine: Mine {
                front_matter: front_matter_json(rel, &mine)?,
                body: mine.body().to_string(),
            },
        })
    }

    /// The author leaves the post `rel` without saving: its kept edits go,
    /// and so do the pictures written for it since it was loaded that no
    /// post uses. Gives the site-relative paths of the pictures removed.
    pub fn discard_edits(&self, rel: &str) -> Result<Vec<String>> {
        let removed = {
            let mut state = self.state();
            let written = state
                .open
                .get_mut(rel)
                .map(|open| std::mem::take(&mut open.written))
                .unwrap_or_default();
            let swept = self.sweep(&state.library, written);
            if let Some(open) = state.open.get_mut(rel) {
                open.written = swept.kept;
            }
            swept.removed
        };
        if let Some(recovery) = &self.recovery {
            recovery.discard(&self.site.root, rel)?;
        }
        Ok(removed)
    }

    /// After a save, the kept copy is the file itself: it goes. Failing to
    /// remove it loses nothing (it is listed, then found equal to the file,
    /// and removed then), so it is only logged.
    pub(super) fn forget_kept_edits(&self, rel: &str) {
        if let Some(Err(e)) = self
            .recovery
            .as_ref()
            .map(|r| r.discard(&self.site.root, rel))
        {
            eprintln!("billet: {e}");
        }
    }
}
