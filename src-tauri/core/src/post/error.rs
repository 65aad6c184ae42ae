//! What can go wrong reading or editing a post, in words an author can act on.

use crate::lang::{Explain, Lang};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostError {
    #[error("the file is empty")]
    Empty,
    #[error("bytes that are not UTF-8 at line {line}, column {column}")]
    NotUtf8 { line: usize, column: usize },
    #[error("front matter opened with --- on line 1 is never closed")]
    Unclosed,
    #[error("TOML front matter (+++) is not supported")]
    TomlFrontMatter,
    #[error("front matter is not valid YAML at line {line}, column {column}: {detail}")]
    Yaml {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("front matter is not a list of `key: value` pairs")]
    NotAMapping,
    #[error("the front matter's layout is too unusual to edit safely")]
    LayoutUnknown,
    #[error("field `{0}` cannot be written as asked")]
    CannotWrite(String),
    #[error("field `{field}` expects {expected}, not `{value}`")]
    BadValue {
        field: String,
        expected: &'static str,
        value: String,
    },
}

impl PostError {
    /// The line the problem is on, where there is one (for `path:line:` output).
    pub fn line(&self) -> usize {
        match self {
            PostError::NotUtf8 { line, .. } | PostError::Yaml { line, .. } => *line,
            _ => 1,
        }
    }
}

impl Explain for PostError {
    fn code(&self) -> &'static str {
        match self {
            PostError::Empty => "post.empty",
            PostError::NotUtf8 { .. } => "post.not_utf8",
            PostError::Unclosed => "post.unclosed",
            PostError::TomlFrontMatter => "post.toml",
            PostError::Yaml { .. } => "post.yaml",
            PostError::NotAMapping => "post.not_mapping",
            PostError::LayoutUnknown => "post.layout_unknown",
            PostError::CannotWrite(_) => "post.cannot_write",
            PostError::BadValue { .. } => "post.bad_value",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            PostError::Empty => lang
                .pick("Le fichier est vide : il n'a ni en-tête ni texte.", "The file is empty: it has no front matter and no text.")
                .into(),
            PostError::NotUtf8 { line, column } => match lang {
                Lang::Fr => format!("Le fichier contient des caractères illisibles (pas en UTF-8), ligne {line}, colonne {column}. Réenregistrez-le en UTF-8 dans un éditeur de texte."),
                Lang::En => format!("The file has unreadable characters (not UTF-8) at line {line}, column {column}. Save it again as UTF-8 in a text editor."),
            },
            PostError::Unclosed => lang
                .pick("L'en-tête ouvert par --- à la ligne 1 n'est jamais fermé : ajoutez une ligne --- après le dernier champ.", "The front matter opened by --- on line 1 is never closed: add a --- line after the last field.")
                .into(),
            PostError::TomlFrontMatter => lang
                .pick("Cet article a un en-tête TOML (+++). Billet ne lit que les en-têtes YAML (---) : il ne l'a pas modifié.", "This post has TOML front matter (+++). Billet only reads YAML front matter (---); it left the file untouched.")
                .into(),
            PostError::Yaml { line, column, detail } => match lang {
                Lang::Fr => format!("L'en-tête n'est pas du YAML valide, ligne {line}, colonne {column} ({detail}). Corrigez cette ligne ; rien n'a été modifié."),
                Lang::En => format!("The front matter is not valid YAML at line {line}, column {column} ({detail}). Fix that line; nothing was changed."),
            },
            PostError::NotAMapping => lang
                .pick("L'en-tête doit être une liste de champs « nom: valeur ».", "The front matter must be a list of `name: value` fields.")
                .into(),
            PostError::LayoutUnknown => lang
                .pick("La mise en forme de cet en-tête est trop inhabituelle pour que Billet le modifie sans risque. Rien n'a été modifié.", "This front matter is laid out too unusually for Billet to edit it safely. Nothing was changed.")
                .into(),
            PostError::CannotWrite(field) => match lang {
                Lang::Fr => format!("Billet n'a pas pu écrire le champ « {field} » sans risque de changer sa valeur. Rien n'a été modifié."),
                Lang::En => format!("Billet could not write the field `{field}` without risking a change to its value. Nothing was changed."),
            },
            PostError::BadValue { field, expected, value } => match lang {
                Lang::Fr => format!("Le champ « {field} » attend {}, pas « {value} ».", expected_fr(expected)),
                Lang::En => format!("The field `{field}` expects {expected}, not `{value}`."),
            },
        }
    }
}

fn expected_fr(expected: &str) -> &str {
    match expected {
        "a number" => "un nombre",
        "true or false" => "vrai ou faux (true ou false)",
        "a date such as 2025-01-31" => "une date comme 2025-01-31",
        "one of the listed options" => "l'une des options proposées",
        other => other,
    }
}
