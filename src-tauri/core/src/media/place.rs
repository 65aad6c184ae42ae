//! Where a new image goes: a name from the post's slug and the site's
//! template, inside the media folder, never taking an existing file's name.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::error::MediaError;
use crate::names::{render, slugify, unique, Vars};
use crate::paths;
use crate::site::Site;

/// A free place for a new image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Site-relative, with `/`.
    pub rel: String,
    /// What a post writes to show it.
    pub url: String,
    pub file: PathBuf,
}

/// The slug of a post from its path: `2025/bonne-annee.md` gives
/// `bonne-annee`; `bonne-annee/index.md` gives the folder's name.
pub fn post_slug(post_rel_path: &str) -> String {
    let path = Path::new(post_rel_path);
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let stem = if stem == "index" {
        path.parent()
            .and_then(|p| p.file_name())
            .and_then(|s| s.to_str())
            .unwrap_or(stem)
    } else {
        stem
    };
    let slug = slugify(stem);
    if slug.is_empty() {
        "image".into()
    } else {
        slug
    }
}

/// Finds a free file for `template` (relative to the media folder).
pub fn choose(
    site: &Site,
    template: &str,
    slug: &str,
    name: &str,
    date: NaiveDate,
    ext: &str,
) -> Result<Place, MediaError> {
    let vars = Vars {
        date: Some(date),
        slug,
        ext,
        name,
    };
    let rendered = render(template, &vars);
    if !rendered.is_ascii() || rendered.contains(char::is_whitespace) {
        return Err(MediaError::BadName(rendered));
    }
    let folder = site.config.media.folder.trim_end_matches('/');
    let in_folder = |name: &str| {
        if folder.is_empty() {
            name.to_string()
        } else {
            format!("{folder}/{name}")
        }
    };
    // The number goes before the extension: `a.jpg`, `a-2.jpg`.
    let (stem, dot_ext) = match rendered.rfind('.') {
        Some(i) if !rendered[i..].contains('/') => rendered.split_at(i),
        _ => (rendered.as_str(), ""),
    };
    paths::resolve(&site.root, &in_folder(&rendered))?;
    // A name that would lead outside the site (a link) counts as taken.
    let chosen = unique(stem, |candidate| {
        paths::resolve(&site.root, &in_folder(&format!("{candidate}{dot_ext}")))
            .map_or(true, |file| file.symlink_metadata().is_ok())
    });
    let name = format!("{chosen}{dot_ext}");
    let rel = in_folder(&name);
    let file = paths::resolve(&site.root, &rel)?;
    let url = format!("{}/{name}", site.config.media.url.trim_end_matches('/'));
    Ok(Place { rel, url, file })
}

/// Writes `bytes` at `place`, creating its folders; atomic.
pub fn write(place: &Place, bytes: &[u8]) -> Result<(), MediaError> {
    if let Some(parent) = place.file.parent() {
        std::fs::create_dir_all(parent).map_err(|e| MediaError::Folder(parent.into(), e))?;
    }
    crate::save::write_new(&place.file, bytes)?;
    Ok(())
}
