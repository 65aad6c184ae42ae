//! The typed view of a post's front matter: what Billet shows and checks.
//! It is read from the YAML, never written back; edits go through `Post::set`.

use serde::Serialize;
use serde_yaml::{Mapping, Value};

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    /// The date as written in the file (`2024-12-17T00:00:00.000Z`, `2019-12-31`).
    pub date: Option<String>,
    pub description: Option<String>,
    pub author: Option<String>,
    pub cover: Option<Cover>,
    /// The badge's label; a bare `badge: X` is read as the label X.
    pub badge: Option<String>,
    /// Every other key, with its value, in the file's order.
    #[serde(skip)]
    pub other: Mapping,
}

/// A post's cover image as the front matter refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cover {
    pub src: String,
    pub form: CoverForm,
}

/// How the cover is written: `image: /x.png` or `image: {src: /x.png}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum CoverForm {
    Text,
    Object,
}

const KNOWN: [&str; 5] = ["title", "date", "description", "author", "badge"];

impl Meta {
    pub fn read(map: &Mapping, cover_field: &str) -> Meta {
        let text = |key: &str| map.get(key).and_then(scalar_text);
        let cover = map.get(cover_field).and_then(|v| match v {
            Value::Mapping(m) => m.get("src").and_then(scalar_text).map(|src| Cover {
                src,
                form: CoverForm::Object,
            }),
            other => scalar_text(other).map(|src| Cover {
                src,
                form: CoverForm::Text,
            }),
        });
        let badge = map.get("badge").and_then(|v| match v {
            Value::Mapping(m) => m.get("label").and_then(scalar_text),
            other => scalar_text(other),
        });
        let other = map
            .iter()
            .filter(|(k, _)| {
                k.as_str()
                    .is_none_or(|k| !KNOWN.contains(&k) && k != cover_field)
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Meta {
            title: text("title"),
            date: text("date"),
            description: text("description"),
            author: text("author"),
            cover,
            badge,
            other,
        }
    }
}

/// A scalar as text (numbers and booleans included); `None` for null,
/// lists and mappings.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str) -> Meta {
        Meta::read(&serde_yaml::from_str(yaml).unwrap(), "image")
    }

    #[test]
    fn reads_the_current_shape() {
        let m = read("date: 2024-12-17T00:00:00.000Z\nbadge:\n  label: Open\nauthor: Céline\nimage: /blog/a.png\ntitle: T\nid: x\n");
        assert_eq!(m.title.as_deref(), Some("T"));
        assert_eq!(m.date.as_deref(), Some("2024-12-17T00:00:00.000Z"));
        assert_eq!(m.badge.as_deref(), Some("Open"));
        assert_eq!(
            m.cover,
            Some(Cover {
                src: "/blog/a.png".into(),
                form: CoverForm::Text
            })
        );
        assert_eq!(m.description, None);
        assert_eq!(m.other.len(), 1);
    }

    #[test]
    fn reads_the_older_shape() {
        let m = read("name: 'x'\ntitle: 2020\ndate: '2019-12-31'\nbadge: Tutoriel\ndescription: |\n  Hello\nimage:\n  src: '/blog/x.jpg'\n");
        assert_eq!(m.title.as_deref(), Some("2020"));
        assert_eq!(m.badge.as_deref(), Some("Tutoriel"));
        assert_eq!(m.description.as_deref(), Some("Hello\n"));
        assert_eq!(m.cover.unwrap().form, CoverForm::Object);
    }
}
