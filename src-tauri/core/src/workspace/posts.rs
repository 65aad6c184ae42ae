//! Listing, loading, checking, saving and creating posts.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{worded, Change, FieldMessage, ListedPost, LoadedPost, NewPostInput, OpenPost};
use super::{PlannedPath, Result, Saved, State, Workspace, WorkspaceError};
use crate::edit::{apply, FieldInput};
use crate::git;
use crate::lang::{Explain, Lang};
use crate::library::{Library, PostSummary};
use crate::new_post::{plan, NewPost, PlannedPost};
use crate::post::{parse_date, Post, PostError};
use crate::site::fields::problems_by_field;
use crate::{paths, save};

impl Workspace {
    /// The site's posts, newest first, each with where it stands in git.
    pub fn list_posts(&self, lang: Lang) -> Vec<ListedPost> {
        let posts = {
            let mut state = self.state();
            // Without a watcher, nothing else keeps the index up to date.
            if !self.is_watched() {
                state.library = Library::scan(&self.site);
            }
            state.library.posts.clone()
        };
        let paths: Vec<String> = posts.iter().map(|p| p.path.clone()).collect();
        // Without badges the list is still worth showing: a repository gix
        // cannot read only costs the badges, and says why in the log.
        let badges = git::badges(&self.site, &paths).unwrap_or_else(|e| {
            eprintln!("billet: no git badges: {e}");
            HashMap::new()
        });
        posts
            .into_iter()
            .map(|p| ListedPost {
                thumb: p
                    .cover
                    .as_deref()
                    .and_then(|url| self.site.media_file_for_url(url))
                    .map(|rel| (self.media_url)(&rel)),
                has_errors: p.has_errors(),
                messages: worded(&p.problems, lang, |p, lang| p.message(lang)),
                git: badges.get(&p.path).copied(),
                summary: p,
            })
            .collect()
    }

    /// The index of the site's posts, newest first.
    pub fn posts(&self) -> Vec<PostSummary> {
        self.state().library.posts.clone()
    }

    /// Opens the post at `rel` (site-relative) as it is on disk.
    pub fn load(&self, rel: &str, lang: Lang) -> Result<LoadedPost> {
        let file = paths::resolve(&self.site.root, rel)?;
        let (bytes, loaded) = save::load(&file).map_err(|error| WorkspaceError::Read {
            path: rel.to_string(),
            error,
        })?;
        let post = Post::parse(&bytes).map_err(|e| WorkspaceError::post(rel, e))?;
        let shown = self.describe(rel, &post, lang)?;
        let mut state = self.state();
        // Pictures written before a reload are still this post's to sweep.
        let written = state.open.remove(rel).map(|p| p.written);
        state.open.insert(
            rel.to_string(),
            OpenPost {
                post,
                loaded,
                written: written.unwrap_or_default(),
            },
        );
        Ok(shown)
    }

    /// The problems of the form's values, as the author types.
    pub fn check_fields(&self, front_matter: &serde_json::Value, lang: Lang) -> Vec<FieldMessage> {
        let map: serde_yaml::Mapping = serde_yaml::to_value(front_matter)
            .ok()
            .and_then(|v| v.as_mapping().cloned())
            .unwrap_or_default();
        self.field_messages(&map, lang)
    }

    /// Applies the form's `changes` and the text `body` to the open post,
    /// and saves it atomically. Nothing is written when that gives the
    /// bytes already on disk. Refused with `save.changed_on_disk` when the
    /// file changed since it was loaded, unless `overwrite` (the author
    /// chose "keep mine"). Then the pictures written for the post that no
    /// post uses any more go, and so does its recovery copy.
    pub fn save(
        &self,
        rel: &str,
        changes: Vec<Change>,
        body: Option<&str>,
        overwrite: bool,
        lang: Lang,
    ) -> Result<Saved> {
        let author = typed_author(&changes);
        let mut state = self.state();
        let (post, unchanged, was_loaded) = {
            let was = state.open_post(rel)?;
            let post = self.edited(&state, &was.post, changes, body)?;
            let unchanged = !overwrite && post.to_bytes() == was.post.to_bytes();
            (post, unchanged, was.loaded.clone())
        };
        let loaded = if unchanged {
            // Nothing changed: the file is left exactly as it is.
            was_loaded
        } else {
            let file = paths::resolve(&self.site.root, rel)?;
            // "Keep mine" writes over whatever the file holds now.
            let base = match overwrite {
                true => save::load(&file).map(|(_, now)| now).ok(),
                false => Some(was_loaded),
            };
            let bytes = post.to_bytes();
            self.expect_own_write(rel, &bytes);
            save::save(&file, &bytes, base.as_ref())?
        };
        let old_cover = cover_of(&state.library, rel);
        state.library.refresh(&self.site, rel);
        let mut written = state
            .open
            .remove(rel)
            .map(|p| p.written)
            .unwrap_or_default();
        if old_cover != cover_of(&state.library, rel) {
            written.extend(old_cover);
        }
        let swept = self.sweep(&state.library, written);
        state.open.insert(
            rel.to_string(),
            OpenPost {
                post: post.clone(),
                loaded,
                written: swept.kept,
            },
        );
        drop(state);
        self.forget_kept_edits(rel);
        self.remember_author(author.as_deref());
        Ok(Saved {
            post: self.describe(rel, &post, lang)?,
            removed: swept.removed,
        })
    }

    /// The file as it is on disk now, for the "compare" view of a conflict.
    pub fn disk_text(&self, rel: &str) -> Result<String> {
        let file = paths::resolve(&self.site.root, rel)?;
        let bytes = std::fs::read(&file).map_err(|error| WorkspaceError::Read {
            path: rel.to_string(),
            error,
        })?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// A field's value in the open post, as written in its front matter.
    pub fn field_value(&self, rel: &str, key: &str) -> Result<Option<serde_yaml::Value>> {
        let state = self.state();
        Ok(state.open_post(rel)?.post.get(key).cloned())
    }

    /// Where a new post would go, shown to the author before anything is
    /// created. `today` is the date a post without one gets.
    pub fn plan_post(&self, input: &NewPostInput, today: NaiveDate) -> Result<PlannedPath> {
        let planned = self.planned(input, today)?;
        let (folder, file_name) = planned.path.rsplit_once('/').unwrap_or(("", &planned.path));
        Ok(PlannedPath {
            folder: folder.to_string(),
            file_name: file_name.to_string(),
            path: planned.path.clone(),
        })
    }

    /// Creates the post on disk, under its planned name, and opens it.
    pub fn create_post(
        &self,
        input: &NewPostInput,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<LoadedPost> {
        let planned = {
            let mut state = self.state();
            let planned = plan(&self.site, &state.library, &new_post(input, today)?)
                .map_err(|e| WorkspaceError::post(&input.title, e))?;
            let file = paths::resolve(&self.site.root, &planned.path)?;
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir).map_err(|e| save::SaveError::Io(dir.into(), e))?;
            }
            self.expect_own_write(&planned.path, &planned.bytes);
            save::save(&file, &planned.bytes, None)?;
            state.library.refresh(&self.site, &planned.path);
            planned
        };
        self.remember_author(input.author.as_deref());
        self.load(&planned.path, lang)
    }

    fn planned(&self, input: &NewPostInput, today: NaiveDate) -> Result<PlannedPost> {
        let state = self.state();
        plan(&self.site, &state.library, &new_post(input, today)?)
            .map_err(|e| WorkspaceError::post(&input.title, e))
    }

    /// The open post with the form's `changes` and the text `body` applied,
    /// as it would be saved.
    pub(super) fn edited(
        &self,
        state: &State,
        post: &Post,
        changes: Vec<Change>,
        body: Option<&str>,
    ) -> Result<Post> {
        let mut post = post.clone();
        let form = state.library.dominant_cover_form();
        for change in changes {
            let input = match change.value {
                serde_json::Value::Null => FieldInput::Remove,
                serde_json::Value::String(text) => FieldInput::Text(text),
                other => FieldInput::Value(serde_yaml::to_value(other).unwrap_or_default()),
            };
            apply(&mut post, &self.site, &change.key, input, form)
                .map_err(|e| WorkspaceError::post(&change.key, e))?;
        }
        if let Some(body) = body {
            post.set_body(body);
        }
        Ok(post)
    }

    pub(super) fn describe(&self, rel: &str, post: &Post, lang: Lang) -> Result<LoadedPost> {
        Ok(LoadedPost {
            path: rel.to_string(),
            front_matter: front_matter_json(rel, post)?,
            body: post.body().to_string(),
            problems: self.field_messages(post.front_matter(), lang),
        })
    }

    fn field_messages(&self, map: &serde_yaml::Mapping, lang: Lang) -> Vec<FieldMessage> {
        problems_by_field(&self.site.config.fields, map)
            .into_iter()
            .map(|(field, p)| FieldMessage {
                field,
                code: p.code().to_string(),
                message: p.message(lang),
            })
            .collect()
    }
}

impl State {
    pub(super) fn open_post(&self, rel: &str) -> Result<&OpenPost> {
        self.open
            .get(rel)
            .ok_or_else(|| WorkspaceError::NotOpen(rel.to_string()))
    }
}

/// The front matter as JSON, for the form.
pub(super) fn front_matter_json(rel: &str, post: &Post) -> Result<serde_json::Value> {
    serde_json::to_value(post.front_matter())
        .map_err(|_| WorkspaceError::post(rel, PostError::LayoutUnknown))
}

/// The author typed in the form, if the changes set one.
fn typed_author(changes: &[Change]) -> Option<String> {
    changes
        .iter()
        .find(|c| c.key == "author")
        .and_then(|c| c.value.as_str())
        .map(str::to_string)
}

fn new_post(input: &NewPostInput, today: NaiveDate) -> Result<NewPost> {
    let date = match input.date.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(text) => parse_date(text).ok_or_else(|| {
            let e = PostError::BadValue {
                field: "date".into(),
                expected: "a date such as 2025-01-31",
                value: text.into(),
            };
            WorkspaceError::post(&input.title, e)
        })?,
        None => today.and_hms_opt(0, 0, 0).expect("midnight exists"),
    };
    Ok(NewPost {
        title: input.title.clone(),
        date: Some(date),
        author: input.author.clone(),
        badge: input.badge.clone(),
        description: input.description.clone(),
        language: input.language,
    })
}

fn cover_of(library: &Library, rel: &str) -> Option<String> {
    library
        .posts
        .iter()
        .find(|p| p.path == rel)
        .and_then(|p| p.cover.clone())
}
