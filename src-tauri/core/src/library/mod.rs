//! The index of a site's posts: what the list shows and what `billet check`
//! reports. Only front matter is read (a post's body is never needed here),
//! files are read in parallel, and one file can be indexed again alone when
//! it changes.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::lang::{Explain, Lang};
use crate::post::{parse_date, CoverForm, Post};
use crate::site::{FieldProblem, Label, Site};

#[derive(Debug, Clone, Serialize)]
pub struct Library {
    /// Newest first; posts without a readable date last.
    pub posts: Vec<PostSummary>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PostSummary {
    /// Relative to the site's root, with `/` separators.
    pub path: String,
    pub language: Option<Lang>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub cover: Option<String>,
    pub cover_form: Option<CoverForm>,
    pub badge: Option<String>,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site will show the post wrongly, or not at all.
    Error,
    /// Worth mending, but the post works.
    Warning,
}

impl Severity {
    /// The word `check` and `status` print before a problem.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => lang.pick("erreur", "error"),
            Severity::Warning => lang.pick("avertissement", "warning"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Problem {
    pub severity: Severity,
    pub line: usize,
    #[serde(flatten)]
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ProblemKind {
    Unreadable {
        message_en: String,
        message_fr: String,
    },
    Field {
        field: String,
        /// What the form calls the field; its key when the site gives no label.
        label: Option<Label>,
        problem: FieldProblem,
    },
    CoverMissing {
        url: String,
    },
    CoverOutsideSite {
        url: String,
    },
    CoverWrongSize {
        width: u32,
        height: u32,
        want_width: u32,
        want_height: u32,
    },
    CoverNotAPicture {
        url: String,
    },
    CoverTooHeavy {
        bytes: u64,
        max_bytes: u64,
    },
    NotMarkdown,
    UncleanName,
    DuplicateSlug {
        other: String,
    },
    LooksLikeACopy,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        match &self.kind {
            ProblemKind::Unreadable {
                message_en,
                message_fr,
            } => lang.pick(message_fr, message_en).clone(),
            ProblemKind::Field {
                field,
                label,
                problem,
            } => {
                // The form's name for the field, as the author knows it.
                let name = label.as_ref().map_or(field.as_str(), |l| l.get(lang));
                let what = lowercase_first(&problem.message(lang));
                // French puts a no-break space before a colon.
                lang.pick(format!("{name}\u{a0}: {what}"), format!("{name}: {what}"))
            }
            ProblemKind::CoverMissing { url } if fr => {
                format!("l'image de couverture {url} est introuvable")
            }
            ProblemKind::CoverMissing { url } => format!("the cover image {url} does not exist"),
            ProblemKind::CoverOutsideSite { url } if fr => {
                format!("l'image de couverture {url} est hors du site")
            }
            ProblemKind::CoverOutsideSite { url } => {
                format!("the cover image {url} is outside the site")
            }
            ProblemKind::CoverWrongSize {
                width,
                height,
                want_width,
                want_height,
            } if fr => {
                format!("la couverture fait {width}x{height} au lieu de {want_width}x{want_height}")
            }
            ProblemKind::CoverWrongSize {
                width,
                height,
                want_width,
                want_height,
            } => {
                format!("the cover is {width}x{height} instead of {want_width}x{want_height}")
            }
            ProblemKind::CoverNotAPicture { url } if fr => {
                format!("la couverture {url} n'est pas une photo lisible (JPEG, PNG, WebP...)")
            }
            ProblemKind::CoverNotAPicture { url } => {
                format!("the cover {url} is not a readable picture (JPEG, PNG, WebP...)")
            }
            ProblemKind::CoverTooHeavy { bytes, max_bytes } if fr => format!(
                "la couverture pèse {} Ko, {} Ko au plus",
                bytes / 1000,
                max_bytes / 1000
            ),
            ProblemKind::CoverTooHeavy { bytes, max_bytes } => format!(
                "the cover weighs {} kB, {} kB at most",
                bytes / 1000,
                max_bytes / 1000
            ),
            ProblemKind::NotMarkdown if fr => {
                "ce fichier ne finit pas par .md : le site ne le verra pas".into()
            }
            ProblemKind::NotMarkdown => {
                "this file does not end in .md: the site will not see it".into()
            }
            ProblemKind::UncleanName if fr => {
                "le nom du fichier a des espaces, des majuscules ou des accents".into()
            }
            ProblemKind::UncleanName => "the file name has spaces, capitals or accents".into(),
            ProblemKind::DuplicateSlug { other } if fr => format!("même nom d'article que {other}"),
            ProblemKind::DuplicateSlug { other } => format!("same post name as {other}"),
            ProblemKind::LooksLikeACopy if fr => "ce fichier ressemble à une copie oubliée".into(),
            ProblemKind::LooksLikeACopy => "this file looks like a forgotten copy".into(),
        }
    }
}

/// "Ce champ…" becomes "ce champ…", to follow a colon.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

impl PostSummary {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

impl Library {
    /// Indexes every post of the site.
    pub fn scan(site: &Site) -> Library {
        let files: Vec<(String, Option<Lang>)> = site
            .config
            .posts
            .iter()
            .flat_map(|folder| {
                let lang = folder.language;
                post_files(&site.root, &folder.folder)
                    .into_iter()
                    .map(move |f| (f, lang))
            })
            .collect();
        let mut posts: Vec<PostSummary> = files
            .par_iter()
            .map(|(rel, lang)| summarize(site, rel, *lang))
            .collect();
        mark_duplicates(&mut posts);
        sort_newest_first(&mut posts);
        Library { posts }
    }

    /// Indexes one file again after it changed (or disappeared). Files
    /// that are not posts (an image, a file outside the posts folders) are
    /// left out, as a scan would.
    pub fn refresh(&mut self, site: &Site, rel: &str) {
        self.posts.retain(|p| p.path != rel);
        let folder = site.config.posts.iter().find_map(|f| {
            let inside = rel.strip_prefix(&format!("{}/", f.folder.trim_end_matches('/')))?;
            let hidden = inside.split('/').any(|part| part.starts_with('.'));
            let post_like = is_markdown(inside) || looks_like_lost_post(inside);
            (!hidden && post_like).then_some(f)
        });
        if let Some(folder) = folder.filter(|_| site.root.join(rel).is_file()) {
            self.posts.push(summarize(site, rel, folder.language));
        }
        for post in &mut self.posts {
            post.problems
                .retain(|p| !matches!(p.kind, ProblemKind::DuplicateSlug { .. }));
        }
        mark_duplicates(&mut self.posts);
        sort_newest_first(&mut self.posts);
    }

    /// How most posts write their cover: new posts follow the majority.
    pub fn dominant_cover_form(&self) -> CoverForm {
        let objects = self
            .posts
            .iter()
            .filter(|p| p.cover_form == Some(CoverForm::Object))
            .count();
        let texts = self
            .posts
            .iter()
            .filter(|p| p.cover_form == Some(CoverForm::Text))
            .count();
        if objects > texts {
            CoverForm::Object
        } else {
            CoverForm::Text
        }
    }

    /// Badge labels already in use, most used first: suggestions for the form.
    pub fn badge_labels(&self) -> Vec<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for label in self.posts.iter().filter_map(|p| p.badge.as_deref()) {
            *counts.entry(label).or_default() += 1;
        }
        let mut labels: Vec<(&str, usize)> = counts.into_iter().collect();
        labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        labels.into_iter().map(|(l, _)| l.to_string()).collect()
    }

    /// Whether a post already has this slug (file name without extension).
    pub fn has_slug(&self, slug: &str) -> bool {
        self.posts.iter().any(|p| slug_of(&p.path) == slug)
    }
}

/// Files in a posts folder that are posts, or look like posts that lost
/// their extension. Hidden files and folders are skipped.
fn post_files(root: &Path, folder: &str) -> Vec<String> {
    let Ok(base) = crate::paths::resolve(root, folder) else {
        return Vec::new();
    };
    walkdir::WalkDir::new(&base)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(&base)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let post_like = is_markdown(&rel) || !is_markdown(&rel) && looks_like_lost_post(&rel);
            post_like.then(|| format!("{}/{rel}", folder.trim_end_matches('/')))
        })
        .collect()
}

fn is_markdown(rel: &str) -> bool {
    rel.ends_with(".md")
}

/// No extension, or a Markdown extension the site will not read.
fn looks_like_lost_post(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    match name.rsplit_once('.') {
        None => true,
        Some((_, ext)) => {
            let ext = ext.to_ascii_lowercase();
            ext == "md"
                || ext == "markdown"
                || ext == "txt"
                || ext.contains(' ')
                || ext.chars().all(|c| c.is_ascii_digit())
        }
    }
}

/// The name a post is known by on the site: its file name without the
/// extension or Nuxt Content's numeric ordering prefix (`1.index`).
pub fn slug_of(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let stem = match stem.split_once('.') {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => stem,
    };
    stem.to_lowercase()
}

fn summarize(site: &Site, rel: &str, language: Option<Lang>) -> PostSummary {
    let mut summary = PostSummary {
        path: rel.to_string(),
        language,
        title: None,
        date: None,
        cover: None,
        cover_form: None,
        badge: None,
        problems: Vec::new(),
    };
    let mut problem = |severity, line, kind| {
        summary.problems.push(Problem {
            severity,
            line,
            kind,
        })
    };
    if !is_markdown(rel) {
        problem(Severity::Error, 1, ProblemKind::NotMarkdown);
    }
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if name
        .chars()
        .any(|c| c.is_whitespace() || c.is_uppercase() || !c.is_ascii())
    {
        problem(Severity::Warning, 1, ProblemKind::UncleanName);
    }
    let stem = name.strip_suffix(".md").unwrap_or(name).to_lowercase();
    if stem.ends_with("-copy")
        || stem.ends_with(" copy")
        || stem.ends_with("-copie")
        || stem.ends_with(" copie")
    {
        problem(Severity::Warning, 1, ProblemKind::LooksLikeACopy);
    }

    let bytes = match read_head(&site.root.join(rel)) {
        Ok(bytes) => bytes,
        Err(e) => {
            let kind = ProblemKind::Unreadable {
                message_en: format!("the file cannot be read ({e})"),
                message_fr: format!("le fichier ne peut pas être lu ({e})"),
            };
            summary.problems.push(Problem {
                severity: Severity::Error,
                line: 1,
                kind,
            });
            return summary;
        }
    };
    let post = match Post::parse(&bytes) {
        Ok(post) => post,
        Err(e) => {
            let kind = ProblemKind::Unreadable {
                message_en: e.message(Lang::En),
                message_fr: e.message(Lang::Fr),
            };
            summary.problems.push(Problem {
                severity: Severity::Error,
                line: e.line(),
                kind,
            });
            return summary;
        }
    };
    let cover_field = &site.config.cover.field;
    let meta = post.meta(cover_field);
    let yaml_line = |key: &str| key_line(post.front_matter_text(), key);
    for field in &site.config.fields {
        for p in field.check(post.front_matter().get(field.name.as_str())) {
            let severity = match p {
                FieldProblem::TooLong { .. }
                | FieldProblem::OutOfRange { .. }
                | FieldProblem::NoMatch { .. } => Severity::Warning,
                _ => Severity::Error,
            };
            let kind = ProblemKind::Field {
                field: field.name.clone(),
                label: field.label.clone(),
                problem: p,
            };
            summary.problems.push(Problem {
                severity,
                line: yaml_line(&field.name),
                kind,
            });
        }
    }
    if let Some(cover) = &meta.cover {
        let line = yaml_line(cover_field);
        summary
            .problems
            .extend(
                check_cover(site, &cover.src)
                    .into_iter()
                    .map(|(severity, kind)| Problem {
                        severity,
                        line,
                        kind,
                    }),
            );
    }
    summary.title = meta.title;
    summary.date = meta.date;
    summary.badge = meta.badge;
    summary.cover_form = meta.cover.as_ref().map(|c| c.form);
    summary.cover = meta.cover.map(|c| c.src);
    summary
}

/// The file up to the end of its front matter: the body is never read.
fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut reader = BufReader::new(std::fs::File::open(path)?);
    let mut head = Vec::new();
    let mut line_no = 0;
    loop {
        let start = head.len();
        if reader.read_until(b'\n', &mut head)? == 0 {
            return Ok(head);
        }
        line_no += 1;
        let line = head[start..]
            .strip_prefix("\u{feff}".as_bytes())
            .unwrap_or(&head[start..]);
        let trimmed = line.trim_ascii_end();
        let delimiter = trimmed == b"---" || line_no > 1 && trimmed == b"...";
        if line_no == 1 && !delimiter {
            return Ok(head); // no front matter: nothing more to read
        }
        if line_no > 1 && delimiter {
            return Ok(head);
        }
    }
}

fn check_cover(site: &Site, url: &str) -> Vec<(Severity, ProblemKind)> {
    let Some(rel) = site.media_file_for_url(url) else {
        return Vec::new(); // a picture on another site: nothing to check here
    };
    let path = match crate::paths::resolve(&site.root, &rel) {
        Ok(path) => path,
        Err(_) => {
            return vec![(
                Severity::Error,
                ProblemKind::CoverOutsideSite { url: url.into() },
            )]
        }
    };
    let Ok(meta) = std::fs::metadata(&path) else {
        return vec![(
            Severity::Error,
            ProblemKind::CoverMissing { url: url.into() },
        )];
    };
    let format = &site.config.cover;
    let mut found = Vec::new();
    match image::image_dimensions(&path) {
        Ok((width, height)) if (width, height) != (format.width, format.height) => found.push((
            Severity::Warning,
            ProblemKind::CoverWrongSize {
                width,
                height,
                want_width: format.width,
                want_height: format.height,
            },
        )),
        Ok(_) => {}
        Err(_) => found.push((
            Severity::Warning,
            ProblemKind::CoverNotAPicture { url: url.into() },
        )),
    }
    if meta.len() > format.max_bytes {
        found.push((
            Severity::Warning,
            ProblemKind::CoverTooHeavy {
                bytes: meta.len(),
                max_bytes: format.max_bytes,
            },
        ));
    }
    found
}

/// The line in the file of a top-level key (the front matter starts on line 2).
fn key_line(yaml: &str, key: &str) -> usize {
    let prefix = format!("{key}:");
    yaml.lines()
        .position(|l| l.starts_with(&prefix))
        .map_or(1, |i| i + 2)
}

fn mark_duplicates(posts: &mut [PostSummary]) {
    let mut by_slug: HashMap<(String, Option<Lang>), Vec<usize>> = HashMap::new();
    for (i, post) in posts.iter().enumerate() {
        by_slug
            .entry((slug_of(&post.path), post.language))
            .or_default()
            .push(i);
    }
    for group in by_slug.values().filter(|g| g.len() > 1) {
        for &i in group {
            let other = group
                .iter()
                .find(|&&j| j != i)
                .map(|&j| posts[j].path.clone())
                .unwrap_or_default();
            posts[i].problems.push(Problem {
                severity: Severity::Error,
                line: 1,
                kind: ProblemKind::DuplicateSlug { other },
            });
        }
    }
}

fn sort_newest_first(posts: &mut [PostSummary]) {
    posts.sort_by_cached_key(|p| {
        let when = p.date.as_deref().and_then(parse_date);
        (std::cmp::Reverse(when), p.path.clone())
    });
}

#[cfg(test)]
mod tests;
