//! Keeping every path that comes from outside (the UI, the command line, a
//! post's front matter) inside the open site.

use std::path::{Component, Path, PathBuf};

use crate::lang::{Explain, Lang};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    #[error("`{0}` is not a usable path inside the site: {1}")]
    Refused(String, &'static str),
    #[error("`{0}` leads outside the site")]
    Outside(String),
}

impl Explain for PathError {
    fn code(&self) -> &'static str {
        match self {
            PathError::Refused(..) => "path.refused",
            PathError::Outside(_) => "path.outside",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PathError::Refused(p, why), Lang::En) => {
                format!("`{p}` is not a usable path inside the site: {why}.")
            }
            (PathError::Refused(p, why), Lang::Fr) => format!(
                "« {p} » n'est pas un chemin utilisable dans le site : {}.",
                reason_fr(why)
            ),
            (PathError::Outside(p), Lang::En) => format!(
                "`{p}` leads outside the open site; Billet only reads and writes inside it."
            ),
            (PathError::Outside(p), Lang::Fr) => format!(
                "« {p} » mène hors du site ouvert ; Billet ne lit et n'écrit qu'à l'intérieur."
            ),
        }
    }
}

fn reason_fr(why: &str) -> &str {
    match why {
        "it is empty" => "il est vide",
        "it is absolute" => "il est absolu",
        "it climbs out with .." => "il remonte avec ..",
        "it holds a NUL or control character" => "il contient un caractère de contrôle",
        "it holds a character Windows forbids" => "il contient un caractère interdit sous Windows",
        "it uses a name Windows reserves" => "il utilise un nom réservé par Windows",
        "a name ends with a dot or a space" => "un nom finit par un point ou une espace",
        other => other,
    }
}

const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];

/// Checks a site-relative path without touching the disk: relative, no
/// `..`, no NUL or control characters, nothing that Windows would refuse
/// when a colleague checks the repository out.
pub fn check_relative(rel: &str) -> Result<(), PathError> {
    let refuse = |why| Err(PathError::Refused(rel.to_string(), why));
    if rel.is_empty() {
        return refuse("it is empty");
    }
    if rel.chars().any(char::is_control) {
        return refuse("it holds a NUL or control character");
    }
    if rel.starts_with('/')
        || rel.starts_with('\\')
        || Path::new(rel).is_absolute()
        || rel.get(1..2) == Some(":")
    {
        return refuse("it is absolute");
    }
    if rel.contains(['<', '>', ':', '"', '|', '?', '*', '\\']) {
        return refuse("it holds a character Windows forbids");
    }
    for part in rel.split('/') {
        if part == ".." {
            return refuse("it climbs out with ..");
        }
        if part.is_empty() || part == "." {
            continue;
        }
        let stem = part.split('.').next().unwrap_or(part).to_ascii_lowercase();
        let numbered = (stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit();
        if RESERVED.contains(&stem.as_str()) || numbered {
            return refuse("it uses a name Windows reserves");
        }
        if part.ends_with(['.', ' ']) {
            return refuse("a name ends with a dot or a space");
        }
    }
    Ok(())
}

/// Resolves a site-relative path to a path on disk that is inside `root`,
/// following symbolic links: a link that leads out of the site is refused.
pub fn resolve(root: &Path, rel: &str) -> Result<PathBuf, PathError> {
    check_relative(rel)?;
    let outside = || PathError::Outside(rel.to_string());
    let real_root = root.canonicalize().map_err(|_| outside())?;
    let joined = real_root.join(rel);
    // The deepest part of the path that exists, with its links resolved,
    // must still be inside the root; the rest does not exist yet.
    let mut existing = joined.as_path();
    let mut missing = Vec::new();
    while existing.symlink_metadata().is_err() {
        missing.push(existing.file_name().ok_or_else(outside)?);
        existing = existing.parent().ok_or_else(outside)?;
    }
    let real = existing.canonicalize().map_err(|_| outside())?;
    if !real.starts_with(&real_root) {
        return Err(outside());
    }
    Ok(missing.into_iter().rev().fold(real, |p, part| p.join(part)))
}

/// The site-relative form of a path given on a command line (absolute, or
/// relative to the current folder), with `/` separators.
pub fn relative_to_site(root: &Path, given: &Path, cwd: &Path) -> Result<String, PathError> {
    let shown = given.display().to_string();
    let absolute = if given.is_absolute() {
        given.to_path_buf()
    } else {
        cwd.join(given)
    };
    let real_root = root
        .canonicalize()
        .map_err(|_| PathError::Outside(shown.clone()))?;
    let parent = absolute.parent().unwrap_or(&absolute);
    let name = absolute
        .file_name()
        .ok_or_else(|| PathError::Outside(shown.clone()))?;
    let real_parent = parent
        .canonicalize()
        .map_err(|_| PathError::Outside(shown.clone()))?;
    let rel = real_parent.join(name);
    let rel = rel
        .strip_prefix(&real_root)
        .map_err(|_| PathError::Outside(shown.clone()))?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| match c {
            Component::Normal(p) => Ok(p.to_string_lossy().into_owned()),
            _ => Err(PathError::Outside(shown.clone())),
        })
        .collect::<Result<_, _>>()?;
    Ok(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_refusals() {
        for bad in [
            "",
            "/etc/passwd",
            "../x.md",
            "a/../../x",
            "a\0b",
            "CON",
            "aux.md",
            "blog/Com1.txt",
            "lpt9",
            "a:b.md",
            "C:/x",
            "a\\b",
            "dot./x",
            "trail /x",
        ] {
            assert!(check_relative(bad).is_err(), "{bad:?} should be refused");
        }
        for good in [
            "a.md",
            "2025/bonne-annee.md",
            "./a.md",
            "content/fr/blog/1.index.md",
            "console.md",
            "auxiliaire.md",
        ] {
            assert!(check_relative(good).is_ok(), "{good:?} should pass");
        }
    }

    #[test]
    fn resolve_stays_inside_and_follows_links() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("blog")).unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path().join("escape")).unwrap();
        std::os::unix::fs::symlink(site.path().join("blog"), site.path().join("alias")).unwrap();
        let root = site.path().canonicalize().unwrap();
        assert_eq!(
            resolve(site.path(), "blog/new/a.md").unwrap(),
            root.join("blog/new/a.md")
        );
        assert_eq!(
            resolve(site.path(), "alias/a.md").unwrap(),
            root.join("blog/a.md")
        );
        assert_eq!(
            resolve(site.path(), "escape/a.md"),
            Err(PathError::Outside("escape/a.md".into()))
        );
        assert_eq!(
            resolve(site.path(), "escape"),
            Err(PathError::Outside("escape".into()))
        );
    }

    #[test]
    fn command_line_paths_become_site_relative() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("content/blog")).unwrap();
        let cwd = site.path().join("content");
        assert_eq!(
            relative_to_site(site.path(), Path::new("blog/a.md"), &cwd).unwrap(),
            "content/blog/a.md"
        );
        let abs = site.path().join("content/blog/a.md");
        assert_eq!(
            relative_to_site(site.path(), &abs, Path::new("/")).unwrap(),
            "content/blog/a.md"
        );
        assert!(relative_to_site(site.path(), Path::new("/tmp/x.md"), Path::new("/")).is_err());
    }
}
