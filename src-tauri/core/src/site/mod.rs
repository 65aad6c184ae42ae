//! A site: a folder (normally a git repository's root) with its settings,
//! read from `billet.yml` or guessed from a Nuxt Content layout.

mod config;
pub mod fields;

use std::path::{Path, PathBuf};

pub use config::{
    BodyImageFormat, Config, CoverFormat, ImageFormat, Media, PostFolder, Publish, Upscale,
};
pub use fields::{Field, FieldProblem, Label, Widget};

use crate::lang::{Explain, Lang};
use crate::names::template_variables;

pub const CONFIG_FILE: &str = "billet.yml";

#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    /// Whether the settings came from `billet.yml` or were guessed.
    pub configured: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SiteError {
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    #[error("{0} has no billet.yml and no content/<language>/blog folder")]
    NotASite(PathBuf),
    #[error("billet.yml cannot be read: {0}")]
    Unreadable(String),
    #[error("billet.yml, line {line}: {detail}")]
    Invalid {
        line: usize,
        detail: String,
        fix: Option<(&'static str, &'static str)>,
    },
}

impl Explain for SiteError {
    fn code(&self) -> &'static str {
        match self {
            SiteError::NotAFolder(_) => "site.not_a_folder",
            SiteError::NotASite(_) => "site.not_a_site",
            SiteError::Unreadable(_) => "site.unreadable",
            SiteError::Invalid { .. } => "site.invalid",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SiteError::NotAFolder(p), Lang::Fr) => format!("{} n'est pas un dossier.", p.display()),
            (SiteError::NotAFolder(p), Lang::En) => format!("{} is not a folder.", p.display()),
            (SiteError::NotASite(p), Lang::Fr) => format!(
                "{} ne ressemble pas à un site : il n'a ni fichier billet.yml ni dossier content/<langue>/blog. Ouvrez la racine du site, ou ajoutez-y un billet.yml.",
                p.display()
            ),
            (SiteError::NotASite(p), Lang::En) => format!(
                "{} does not look like a site: it has neither a billet.yml file nor a content/<language>/blog folder. Open the site's root, or add a billet.yml to it.",
                p.display()
            ),
            (SiteError::Unreadable(e), Lang::Fr) => format!("Impossible de lire billet.yml : {e}."),
            (SiteError::Unreadable(e), Lang::En) => format!("billet.yml cannot be read: {e}."),
            (SiteError::Invalid { line, detail, fix }, lang) => {
                let fix = fix.map(|(fr, en)| format!(" {}", lang.pick(fr, en))).unwrap_or_default();
                match lang {
                    Lang::Fr => format!("billet.yml, ligne {line} : {detail}.{fix}"),
                    Lang::En => format!("billet.yml, line {line}: {detail}.{fix}"),
                }
            }
        }
    }
}

impl Site {
    /// Opens the site at `root`: its `billet.yml`, or the Nuxt Content
    /// defaults when it has none but looks like such a site.
    pub fn open(root: &Path) -> Result<Site, SiteError> {
        if !root.is_dir() {
            return Err(SiteError::NotAFolder(root.to_path_buf()));
        }
        let file = root.join(CONFIG_FILE);
        if file.exists() {
            let text =
                std::fs::read_to_string(&file).map_err(|e| SiteError::Unreadable(e.to_string()))?;
            let config = parse_config(&text)?;
            return Ok(Site {
                root: root.to_path_buf(),
                config,
                configured: true,
            });
        }
        let folders = nuxt_blog_folders(root);
        if folders.is_empty() {
            return Err(SiteError::NotASite(root.to_path_buf()));
        }
        let config = Config {
            language: folders[0].language.unwrap_or(Lang::Fr),
            posts: folders,
            ..Config::default()
        };
        Ok(Site {
            root: root.to_path_buf(),
            config,
            configured: false,
        })
    }

    /// The site's field names in order: where new keys go in a post.
    pub fn field_order(&self) -> Vec<String> {
        self.config.fields.iter().map(|f| f.name.clone()).collect()
    }

    /// The field at a dotted path (`badge.label`).
    pub fn field(&self, path: &str) -> Option<&Field> {
        fields::find(&self.config.fields, path)
    }

    /// The site-relative path of the file an image URL in a post refers to.
    /// `/blog/a.png` and `blog/a.png` both lead into the media folder; other
    /// URLs are looked up in the folder the media folder sits in (`public/`).
    /// `None` for URLs of other sites.
    pub fn media_file_for_url(&self, url: &str) -> Option<String> {
        if url.contains("://") || url.starts_with("//") || url.starts_with("data:") {
            return None;
        }
        let url = url.split(['?', '#']).next().unwrap_or(url);
        let path = url.trim_start_matches('/');
        let prefix = self.config.media.url.trim_matches('/');
        let folder = self.config.media.folder.trim_end_matches('/');
        if let Some(rest) = path
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('/'))
            .filter(|_| !prefix.is_empty())
        {
            return Some(format!("{folder}/{rest}"));
        }
        let public_root = folder
            .strip_suffix(prefix)
            .unwrap_or(folder)
            .trim_end_matches('/');
        Some(if public_root.is_empty() {
            path.to_string()
        } else {
            format!("{public_root}/{path}")
        })
    }
}

/// `content/<lang>/blog` folders, French first (the default site language).
fn nuxt_blog_folders(root: &Path) -> Vec<PostFolder> {
    let Ok(entries) = std::fs::read_dir(root.join("content")) else {
        return Vec::new();
    };
    let mut langs: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join("blog").is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    langs.sort_by_key(|l| (l != "fr", l.clone()));
    langs
        .into_iter()
        .map(|l| PostFolder {
            folder: format!("content/{l}/blog"),
            language: matches!(l.as_str(), "fr" | "en").then(|| Lang::from_locale(&l)),
        })
        .collect()
}

/// Reads and checks `billet.yml`.
pub fn parse_config(text: &str) -> Result<Config, SiteError> {
    let config: Config = if text.trim().is_empty() {
        Config::default()
    } else {
        serde_yaml::from_str(text).map_err(|e| {
            let line = e.location().map_or(1, |l| l.line());
            let detail = crate::post::yaml_error_detail(&e);
            SiteError::Invalid {
                line,
                detail,
                fix: None,
            }
        })?
    };
    check_config(&config, text)?;
    Ok(config)
}

fn check_config(c: &Config, text: &str) -> Result<(), SiteError> {
    let fail =
        |keys: &[&str], detail: String, fix: (&'static str, &'static str)| SiteError::Invalid {
            line: line_of(text, keys),
            detail,
            fix: Some(fix),
        };
    if c.posts.is_empty() {
        return Err(fail(
            &["posts"],
            "`posts` lists no folder".into(),
            (
                "Indiquez au moins un dossier d'articles, par exemple `posts: content/fr/blog`.",
                "Name at least one folder of posts, e.g. `posts: content/fr/blog`.",
            ),
        ));
    }
    for folder in &c.posts {
        if crate::paths::check_relative(&folder.folder).is_err() {
            return Err(fail(
                &["posts"],
                format!("`{}` is not a folder inside the site", folder.folder),
                (
                    "Donnez un chemin relatif à la racine du site, sans `..`.",
                    "Give a path relative to the site's root, without `..`.",
                ),
            ));
        }
    }
    let templates = [
        (
            ["new_post", ""],
            &c.new_post,
            &["year", "month", "day", "slug"][..],
        ),
        (
            ["cover", "path"],
            &c.cover.path,
            &["year", "month", "day", "slug", "ext"][..],
        ),
        (
            ["body_images", "path"],
            &c.body_images.path,
            &["year", "month", "day", "slug", "ext", "name"][..],
        ),
    ];
    for (keys, template, allowed) in templates {
        let keys: Vec<&str> = keys.into_iter().filter(|k| !k.is_empty()).collect();
        let vars = template_variables(template);
        if let Some(unknown) = vars.iter().find(|v| !allowed.contains(&v.as_str())) {
            return Err(fail(
                &keys,
                format!(
                    "`{{{{{unknown}}}}}` is not a variable Billet knows (it knows {})",
                    allowed.join(", ")
                ),
                (
                    "Corrigez le nom de la variable.",
                    "Fix the variable's name.",
                ),
            ));
        }
        if !vars.iter().any(|v| v == "slug") {
            return Err(fail(
                &keys,
                format!("`{template}` has no {{{{slug}}}}, so two posts would get the same file"),
                (
                    "Ajoutez {{slug}} au modèle.",
                    "Add {{slug}} to the template.",
                ),
            ));
        }
    }
    if !c.new_post.ends_with(".md") {
        return Err(fail(
            &["new_post"],
            format!("`{}` does not end in .md", c.new_post),
            (
                "Les articles doivent finir en .md pour être vus par le site.",
                "Posts must end in .md for the site to see them.",
            ),
        ));
    }
    let sizes = [
        (["cover", "width"], c.cover.width),
        (["cover", "height"], c.cover.height),
        (["body_images", "max_width"], c.body_images.max_width),
    ];
    for (keys, size) in sizes {
        if size == 0 || size > 20_000 {
            return Err(fail(
                &keys,
                format!("{size} pixels is not a usable size"),
                (
                    "Donnez une taille entre 1 et 20000 pixels.",
                    "Give a size between 1 and 20000 pixels.",
                ),
            ));
        }
    }
    for (keys, quality) in [
        (["cover", "quality"], c.cover.quality),
        (["body_images", "quality"], c.body_images.quality),
    ] {
        if !(1..=100).contains(&quality) {
            return Err(fail(
                &keys,
                format!("quality {quality} is outside 1 to 100"),
                (
                    "Une qualité de 80 à 85 convient aux photos.",
                    "A quality of 80 to 85 suits photos.",
                ),
            ));
        }
    }
    check_fields(&c.fields, &fail)
}

/// Builds the error for a key path, a detail and a (French, English) fix.
type Fail<'a> = &'a dyn Fn(&[&str], String, (&'static str, &'static str)) -> SiteError;

fn check_fields(fields: &[Field], fail: Fail) -> Result<(), SiteError> {
    let mut seen = std::collections::HashSet::new();
    for f in fields {
        let at = ["fields", &format!("name: {}", f.name)];
        if f.name.trim().is_empty() {
            return Err(fail(
                &["fields"],
                "a field has an empty `name`".into(),
                ("Donnez un nom à chaque champ.", "Give every field a name."),
            ));
        }
        if !seen.insert(&f.name) {
            return Err(fail(
                &at,
                format!("two fields are named `{}`", f.name),
                (
                    "Chaque champ doit avoir un nom unique.",
                    "Each field needs a name of its own.",
                ),
            ));
        }
        if f.widget == Widget::Select && f.options.is_empty() {
            return Err(fail(
                &at,
                format!("the select `{}` has no `options`", f.name),
                (
                    "Listez ses choix sous `options`.",
                    "List its choices under `options`.",
                ),
            ));
        }
        if f.widget == Widget::Object && f.fields.is_empty() {
            return Err(fail(
                &at,
                format!("the object `{}` has no `fields`", f.name),
                (
                    "Listez ses sous-champs sous `fields`.",
                    "List its sub-fields under `fields`.",
                ),
            ));
        }
        if let Some((re, _)) = &f.pattern {
            if let Err(e) = regex::Regex::new(re) {
                return Err(fail(
                    &at,
                    format!(
                        "the pattern of `{}` is not a valid regular expression ({e})",
                        f.name
                    ),
                    ("Corrigez l'expression.", "Fix the expression."),
                ));
            }
        }
        check_fields(&f.fields, fail)?;
    }
    Ok(())
}

/// The line of `keys[last]`, looked for after each earlier key in turn: a
/// good enough pointer for a message, 1 when not found.
fn line_of(text: &str, keys: &[&str]) -> usize {
    let mut line = 0;
    for key in keys {
        let found = text.lines().enumerate().skip(line).find(|(_, l)| {
            let l = l.trim_start().trim_start_matches("- ");
            l.starts_with(&format!("{key}:")) || l.starts_with(key) && key.contains(':')
        });
        match found {
            Some((i, _)) => line = i,
            None => break,
        }
    }
    line + 1
}

#[cfg(test)]
mod tests;
