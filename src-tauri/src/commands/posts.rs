//! Opening, checking, saving and creating posts.

use billet_core::edit::{apply, FieldInput};
use billet_core::lang::Lang;
use billet_core::library::Library;
use billet_core::media;
use billet_core::new_post::{plan, NewPost};
use billet_core::post::{parse_date, Post};
use billet_core::save;
use billet_core::site::fields::problems_by_field;
use billet_core::{paths, post::PostError};
use serde::{Deserialize, Serialize};
use tauri::State;

use super::with;
use crate::error::{IpcError, Result};
use crate::state::{AppState, Doc, Inner, OpenSite};

#[derive(Serialize)]
pub struct LoadedPost {
    pub path: String,
    /// The front matter as JSON, for the form.
    pub front_matter: serde_json::Value,
    pub body: String,
    pub problems: Vec<FieldMessage>,
}

#[derive(Serialize)]
pub struct FieldMessage {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

/// One field changed in the form: a JSON string is typed text, `null`
/// removes the field, anything else is a typed value (list, number...).
#[derive(Deserialize)]
pub struct Change {
    pub key: String,
    pub value: serde_json::Value,
}

#[derive(Deserialize)]
pub struct NewPostInput {
    pub title: String,
    pub date: Option<String>,
    pub author: Option<String>,
    pub badge: Option<String>,
    pub description: Option<String>,
    pub language: Option<Lang>,
}

#[derive(Serialize)]
pub struct PlannedPath {
    pub path: String,
    pub folder: String,
    pub file_name: String,
}

#[tauri::command]
pub fn load_post(state: State<AppState>, path: String) -> Result<LoadedPost> {
    with(&state, |s| load(s, &path))
}

pub fn load(inner: &mut Inner, rel: &str) -> Result<LoadedPost> {
    let lang = inner.lang();
    let open = inner.site_mut()?;
    let file = paths::resolve(&open.site.root, rel).map_err(|e| IpcError::from(&e, lang))?;
    let (bytes, loaded) = save::load(&file).map_err(|e| IpcError::io(lang, rel, &e))?;
    let post = Post::parse(&bytes).map_err(|e| IpcError::from(&e, lang))?;
    let result = describe(inner, rel, &post);
    inner
        .site_mut()?
        .docs
        .insert(rel.to_string(), Doc { post, loaded });
    result
}

fn describe(inner: &Inner, rel: &str, post: &Post) -> Result<LoadedPost> {
    let lang = inner.lang();
    let site = &inner.site()?.site;
    Ok(LoadedPost {
        path: rel.to_string(),
        front_matter: to_json(post.front_matter(), lang)?,
        body: post.body().to_string(),
        problems: messages(&site.config.fields, post.front_matter(), lang),
    })
}

pub fn to_json(map: &serde_yaml::Mapping, lang: Lang) -> Result<serde_json::Value> {
    serde_json::to_value(map).map_err(|_| IpcError::from(&PostError::LayoutUnknown, lang))
}

fn messages(
    fields: &[billet_core::site::Field],
    map: &serde_yaml::Mapping,
    lang: Lang,
) -> Vec<FieldMessage> {
    problems_by_field(fields, map)
        .into_iter()
        .map(|(field, p)| FieldMessage {
            field,
            code: problem_code(&p),
            message: p.message(lang),
        })
        .collect()
}

fn problem_code(p: &billet_core::site::FieldProblem) -> &'static str {
    use billet_core::site::FieldProblem::*;
    match p {
        Missing => "missing",
        TooLong { .. } => "too_long",
        NotANumber => "not_a_number",
        OutOfRange { .. } => "out_of_range",
        NotADate => "not_a_date",
        NotAnOption => "not_an_option",
        NoMatch { .. } => "no_match",
        WrongShape => "wrong_shape",
    }
}

/// Checks the form's values as the author types.
#[tauri::command]
pub fn check_fields(
    state: State<AppState>,
    front_matter: serde_json::Value,
) -> Result<Vec<FieldMessage>> {
    with(&state, |s| {
        let lang = s.lang();
        let map: serde_yaml::Mapping = serde_yaml::to_value(&front_matter)
            .ok()
            .and_then(|v| v.as_mapping().cloned())
            .unwrap_or_default();
        Ok(messages(&s.site()?.site.config.fields, &map, lang))
    })
}

/// Applies the form's changes and the body to the post as loaded, and saves
/// it atomically. Refused with `save.changed_on_disk` when the file changed
/// since it was loaded, unless `overwrite` (the author chose "keep mine").
#[tauri::command]
pub fn save_post(
    state: State<AppState>,
    path: String,
    changes: Vec<Change>,
    body: String,
    overwrite: bool,
) -> Result<LoadedPost> {
    with(&state, |s| {
        let lang = s.lang();
        let (post, author) = edited(s, &path, changes, &body)?;
        let open = s.site_mut()?;
        let doc = &open.docs[&path];
        let file = paths::resolve(&open.site.root, &path).map_err(|e| IpcError::from(&e, lang))?;
        let bytes = post.to_bytes();
        let loaded = if overwrite {
            save::load(&file).map(|(_, now)| now).ok()
        } else {
            Some(doc.loaded.clone())
        };
        let unchanged = !overwrite && bytes == doc.post.to_bytes();
        let fingerprint = if unchanged {
            doc.loaded.clone()
        } else {
            open.expect_own_write(&path, &bytes);
            save::save(&file, &bytes, loaded.as_ref()).map_err(|e| IpcError::from(&e, lang))?
        };
        let old_cover = cover_of(&open.library, &path);
        open.library.refresh(&open.site, &path);
        if old_cover != cover_of(&open.library, &path) {
            remove_replaced_cover(open, old_cover.as_deref());
        }
        open.docs.insert(
            path.clone(),
            Doc {
                post: post.clone(),
                loaded: fingerprint,
            },
        );
        if let Err(e) = s.recovery.discard(&s.site()?.site.root, &path) {
            eprintln!("billet: {e}");
        }
        if let Some(author) = author.filter(|a| !a.trim().is_empty()) {
            s.settings.last_author = Some(author);
            s.persist_settings();
        }
        describe(s, &path, &post)
    })
}

/// The open post at `path` with the form's `changes` and the text `body`
/// applied, as it would be saved; and the author typed, if any.
pub fn edited(
    inner: &Inner,
    path: &str,
    changes: Vec<Change>,
    body: &str,
) -> Result<(Post, Option<String>)> {
    let lang = inner.lang();
    let open = inner.site()?;
    let doc = open
        .docs
        .get(path)
        .ok_or_else(|| IpcError::not_open(lang, path))?;
    let mut post = doc.post.clone();
    let form = open.library.dominant_cover_form();
    let mut author = None;
    for change in changes {
        let input = match change.value {
            serde_json::Value::Null => FieldInput::Remove,
            serde_json::Value::String(text) => {
                if change.key == "author" {
                    author = Some(text.clone());
                }
                FieldInput::Text(text)
            }
            other => FieldInput::Value(serde_yaml::to_value(other).unwrap_or_default()),
        };
        apply(&mut post, &open.site, &change.key, input, form)
            .map_err(|e| IpcError::from(&e, lang))?;
    }
    post.set_body(body);
    Ok((post, author))
}

/// The file as it is on disk now, for the "compare" view of a conflict.
#[tauri::command]
pub fn disk_text(state: State<AppState>, path: String) -> Result<String> {
    with(&state, |s| {
        let lang = s.lang();
        let open = s.site()?;
        let file = paths::resolve(&open.site.root, &path).map_err(|e| IpcError::from(&e, lang))?;
        let bytes = std::fs::read(&file).map_err(|e| IpcError::io(lang, &path, &e))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    })
}

fn new_post(input: NewPostInput, lang: Lang) -> Result<NewPost> {
    let date = match input.date.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(text) => Some(parse_date(text).ok_or_else(|| {
            let e = PostError::BadValue {
                field: "date".into(),
                expected: "a date such as 2025-01-31",
                value: text.into(),
            };
            IpcError::from(&e, lang)
        })?),
        None => chrono::Local::now().date_naive().and_hms_opt(0, 0, 0),
    };
    Ok(NewPost {
        title: input.title,
        date,
        author: input.author,
        badge: input.badge,
        description: input.description,
        language: input.language,
    })
}

/// Where a new post would go, shown to the author before anything is created.
#[tauri::command]
pub fn plan_post(state: State<AppState>, input: NewPostInput) -> Result<PlannedPath> {
    with(&state, |s| {
        let lang = s.lang();
        let open = s.site()?;
        let planned = plan(&open.site, &open.library, &new_post(input, lang)?)
            .map_err(|e| IpcError::from(&e, lang))?;
        let (folder, file_name) = planned.path.rsplit_once('/').unwrap_or(("", &planned.path));
        Ok(PlannedPath {
            folder: folder.to_string(),
            file_name: file_name.to_string(),
            path: planned.path,
        })
    })
}

/// Creates the post on disk and opens it.
#[tauri::command]
pub fn create_post(state: State<AppState>, input: NewPostInput) -> Result<LoadedPost> {
    with(&state, |s| {
        let lang = s.lang();
        let author = input.author.clone();
        let open = s.site_mut()?;
        let planned = plan(&open.site, &open.library, &new_post(input, lang)?)
            .map_err(|e| IpcError::from(&e, lang))?;
        let file =
            paths::resolve(&open.site.root, &planned.path).map_err(|e| IpcError::from(&e, lang))?;
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| IpcError::from(&save::SaveError::Io(dir.into(), e), lang))?;
        }
        open.expect_own_write(&planned.path, &planned.bytes);
        save::save(&file, &planned.bytes, None).map_err(|e| IpcError::from(&e, lang))?;
        open.library.refresh(&open.site, &planned.path);
        if let Some(author) = author.filter(|a| !a.trim().is_empty()) {
            s.settings.last_author = Some(author);
            s.persist_settings();
        }
        load(s, &planned.path)
    })
}

fn cover_of(library: &Library, path: &str) -> Option<String> {
    library
        .posts
        .iter()
        .find(|p| p.path == path)
        .and_then(|p| p.cover.clone())
}

/// A cover the author replaced goes, unless a post still uses it. Failing
/// to remove it loses nothing, so it is only logged.
fn remove_replaced_cover(open: &OpenSite, old_url: Option<&str>) {
    let Some(old_url) = old_url else { return };
    match media::remove_replaced_cover(&open.site, &open.library, old_url) {
        Ok(Some(rel)) => eprintln!("billet: removed the replaced cover {rel}"),
        Ok(None) => {}
        Err(e) => eprintln!("billet: the replaced cover {old_url} stays: {e}"),
    }
}
