//! Clean names: slugs from titles, and paths from the site's templates.

use chrono::{Datelike, NaiveDate};

/// The longest slug, in characters: long enough for a real title, short
/// enough for a URL and a file name.
pub const MAX_SLUG: usize = 60;

/// Lowercase ASCII words joined by hyphens: `Open Source Expérience 2024 :
/// Du libre, des idées !` gives `open-source-experience-2024-du-libre-des-idees`.
/// Accents are folded; punctuation, emoji and symbols are dropped.
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    let mut pending_hyphen = false;
    for c in title.chars() {
        let folded = if c.is_alphanumeric() {
            deunicode::deunicode_char(c).unwrap_or("")
        } else {
            ""
        };
        let mut wrote = false;
        for f in folded.chars().filter(char::is_ascii_alphanumeric) {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(f.to_ascii_lowercase());
            wrote = true;
        }
        // Folding one character can give several words ("北京" -> "bei jing").
        if !wrote || folded.ends_with(' ') {
            pending_hyphen = true;
        }
    }
    cut(&slug, MAX_SLUG)
}

/// Cuts a slug to at most `max` characters, at a hyphen when there is one.
fn cut(slug: &str, max: usize) -> String {
    if slug.len() <= max {
        return slug.to_string();
    }
    let head = &slug[..max];
    match head.rfind('-') {
        Some(i) if i > max / 2 => head[..i].to_string(),
        _ => head.trim_end_matches('-').to_string(),
    }
}

/// The first of `base`, `base-2`, `base-3`, ... that `taken` says is free.
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .expect("some number is free")
}

/// The values a path template may use.
#[derive(Debug, Clone, Default)]
pub struct Vars<'a> {
    pub date: Option<NaiveDate>,
    pub slug: &'a str,
    pub ext: &'a str,
    pub name: &'a str,
}

/// Fills `{{year}}`, `{{month}}`, `{{day}}`, `{{slug}}`, `{{ext}}` and
/// `{{name}}` in a template.
pub fn render(template: &str, vars: &Vars) -> String {
    let (year, month, day) = vars
        .date
        .map(|d| {
            (
                format!("{:04}", d.year()),
                format!("{:02}", d.month()),
                format!("{:02}", d.day()),
            )
        })
        .unwrap_or_default();
    template
        .replace("{{year}}", &year)
        .replace("{{month}}", &month)
        .replace("{{day}}", &day)
        .replace("{{slug}}", vars.slug)
        .replace("{{ext}}", vars.ext)
        .replace("{{name}}", vars.name)
}

/// The variable names a template uses.
pub fn template_variables(template: &str) -> Vec<String> {
    template
        .split("{{")
        .skip(1)
        .filter_map(|part| {
            part.split_once("}}")
                .map(|(name, _)| name.trim().to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_drop_punctuation() {
        assert_eq!(
            slugify("Open Source Expérience 2024 : Du libre, des idées !"),
            "open-source-experience-2024-du-libre-des-idees"
        );
        assert_eq!(slugify("Bonne Année 2026"), "bonne-annee-2026");
        assert_eq!(
            slugify("L'appel à commun des tiers-lieux"),
            "l-appel-a-commun-des-tiers-lieux"
        );
        assert_eq!(
            slugify("Capture d’écran 🎉 — œuvre & Straße"),
            "capture-d-ecran-oeuvre-strasse"
        );
        assert_eq!(slugify("  --Hello__World--  "), "hello-world");
        assert_eq!(slugify("🎉 !!!"), "");
    }

    #[test]
    fn slugs_are_bounded_at_a_word() {
        let long = "Pourquoi l'Open Source est plus que jamais essentiel pour les petites entreprises européennes";
        let slug = slugify(long);
        assert!(slug.len() <= MAX_SLUG, "{slug}");
        assert!(!slug.ends_with('-'));
        assert_eq!(
            slug,
            "pourquoi-l-open-source-est-plus-que-jamais-essentiel-pour"
        );
        assert_eq!(slugify(&"a".repeat(100)).len(), MAX_SLUG);
    }

    #[test]
    fn unique_adds_a_number() {
        let taken = ["bonjour", "bonjour-2"];
        assert_eq!(unique("bonjour", |s| taken.contains(&s)), "bonjour-3");
        assert_eq!(unique("salut", |s| taken.contains(&s)), "salut");
    }

    #[test]
    fn templates_fill_in() {
        let vars = Vars {
            date: NaiveDate::from_ymd_opt(2025, 3, 4),
            slug: "mon-article",
            ext: "jpg",
            name: "photo",
        };
        assert_eq!(render("{{year}}/{{slug}}.md", &vars), "2025/mon-article.md");
        assert_eq!(
            render("{{year}}/{{month}}/{{slug}}-{{name}}.{{ext}}", &vars),
            "2025/03/mon-article-photo.jpg"
        );
        assert_eq!(
            template_variables("{{year}}/{{ slug }}.md"),
            ["year", "slug"]
        );
    }
}
