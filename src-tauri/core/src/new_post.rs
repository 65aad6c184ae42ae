//! A new post: its clean, unique path and its first front matter, planned
//! before anything is written so that the author sees the name first.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::edit::set_from_text;
use crate::lang::Lang;
use crate::library::Library;
use crate::names::{self, render, slugify, unique, Vars};
use crate::post::{format_date, Post, PostError};
use crate::site::Site;

/// What the author gives for a new post. The date comes from the caller,
/// who knows what "today" is.
#[derive(Debug, Clone, Default)]
pub struct NewPost {
    pub title: String,
    pub date: Option<NaiveDateTime>,
    pub author: Option<String>,
    pub badge: Option<String>,
    pub description: Option<String>,
    /// Which posts folder, by language; the first folder by default.
    pub language: Option<Lang>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlannedPost {
    /// Relative to the site's root.
    pub path: String,
    pub slug: String,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// The slug used when a title has no letters or digits at all.
const FALLBACK_SLUG: &str = "billet";

/// Plans a new post: nothing is written.
pub fn plan(site: &Site, library: &Library, input: &NewPost) -> Result<PlannedPost, PostError> {
    let folders = &site.config.posts;
    let folder = input
        .language
        .and_then(|lang| folders.iter().find(|f| f.language == Some(lang)))
        .unwrap_or(&folders[0]);
    let date = input.date.map(|d| d.date());
    let path_for = |slug: &str| {
        let rel = render(
            &site.config.new_post,
            &Vars {
                date,
                slug,
                ..Vars::default()
            },
        );
        format!("{}/{}", folder.folder.trim_end_matches('/'), rel)
    };
    let base = Some(slugify(&input.title))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| FALLBACK_SLUG.into());
    let slug = unique(&base, |s| {
        library.has_slug(s) || site.root.join(path_for(s)).exists()
    });
    let path = path_for(&slug);
    crate::paths::check_relative(&path).map_err(|_| PostError::CannotWrite(path.clone()))?;

    let mut post = Post::parse(b"---\n---\n")?;
    let form = library.dominant_cover_form();
    let fields: [(&str, Option<String>); 5] = [
        (
            "date",
            input.date.map(|d| format_date(d, "YYYY-MM-DD HH:mm:ss")),
        ),
        ("badge.label", input.badge.clone()),
        ("description", input.description.clone()),
        ("author", input.author.clone()),
        ("title", Some(input.title.clone())),
    ];
    for (key, value) in fields {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            set_from_text(&mut post, site, key, &value, form)?;
        }
    }
    Ok(PlannedPost {
        path,
        slug,
        bytes: post.to_bytes(),
    })
}

/// The slug a title would get, before uniqueness: for a live preview of the name.
pub fn slug_for(title: &str) -> String {
    Some(names::slugify(title))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| FALLBACK_SLUG.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::post::parse_date;

    #[test]
    fn plans_a_clean_unique_path_and_ordered_front_matter() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/fr/blog/2024")).unwrap();
        std::fs::write(
            dir.path()
                .join("content/fr/blog/2024/open-source-experience-2024-du-libre-des-idees.md"),
            "---\ntitle: x\n---\n",
        )
        .unwrap();
        let site = Site::open(dir.path()).unwrap();
        let library = Library::scan(&site);
        let input = NewPost {
            title: "Open Source Expérience 2024 : Du libre, des idées !".into(),
            date: parse_date("2024-12-17"),
            author: Some("Céline".into()),
            badge: Some("Événement".into()),
            description: None,
            language: None,
        };
        let planned = plan(&site, &library, &input).unwrap();
        assert_eq!(
            planned.path,
            "content/fr/blog/2024/open-source-experience-2024-du-libre-des-idees-2.md"
        );
        assert_eq!(
            String::from_utf8(planned.bytes).unwrap(),
            "---\ndate: 2024-12-17T00:00:00.000Z\nbadge:\n  label: Événement\nauthor: Céline\ntitle: \"Open Source Expérience 2024 : Du libre, des idées !\"\n---\n"
        );
        assert_eq!(slug_for("🎉"), "billet");
    }
}
