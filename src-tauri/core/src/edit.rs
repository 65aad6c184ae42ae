//! Edits that know the site: text typed by a person (in the form or on the
//! command line) becomes the field's value, written the site's way.

use crate::post::{parse_date, CoverForm, NewValue, Post, PostError};
use crate::site::{Site, Widget};
use serde_yaml::Value;

/// The date pattern of a `datetime` field that does not set `format`: the
/// one the blog in USERS.md writes.
pub const DEFAULT_DATE_PATTERN: &str = "YYYY-MM-DDTHH:mm:ss.SSSZ";

/// One field's change, as the form sends it.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldInput {
    /// What the author typed in a text-like widget.
    Text(String),
    /// A value from a widget that has its own type (list, boolean, number).
    Value(Value),
    Remove,
}

/// Applies one change from the form to a post.
pub fn apply(
    post: &mut Post,
    site: &Site,
    key: &str,
    input: FieldInput,
    new_cover_form: CoverForm,
) -> Result<(), PostError> {
    match input {
        FieldInput::Text(text) => set_from_text(post, site, key, &text, new_cover_form),
        FieldInput::Value(value) => post.set(key, NewValue::Value(value), &site.field_order()),
        FieldInput::Remove => post.remove(key).map(drop),
    }
}

/// Sets `key` (a dotted path) from typed text: dates in the field's pattern,
/// numbers, booleans and lists as such, and the cover in the form the post
/// already uses, or `new_cover_form` when it has none.
pub fn set_from_text(
    post: &mut Post,
    site: &Site,
    key: &str,
    text: &str,
    new_cover_form: CoverForm,
) -> Result<(), PostError> {
    let order = site.field_order();
    let cover_field = site.config.cover.field.as_str();
    if key == cover_field {
        let form = post
            .meta(cover_field)
            .cover
            .map_or(new_cover_form, |c| c.form);
        let path = match form {
            CoverForm::Object => format!("{cover_field}.src"),
            CoverForm::Text => cover_field.to_string(),
        };
        return post.set(&path, NewValue::Value(text.into()), &order);
    }
    let bad = |expected| PostError::BadValue {
        field: key.to_string(),
        expected,
        value: text.to_string(),
    };
    let value = match site.field(key) {
        Some(field) if field.widget == Widget::Datetime => {
            let when = parse_date(text).ok_or_else(|| bad("a date such as 2025-01-31"))?;
            let pattern = field
                .format
                .clone()
                .unwrap_or_else(|| DEFAULT_DATE_PATTERN.to_string());
            NewValue::Date { when, pattern }
        }
        Some(field) => {
            let expected = match field.widget {
                Widget::Number => "a number",
                Widget::Boolean => "true or false",
                _ => "text",
            };
            NewValue::Value(field.value_from_text(text).ok_or_else(|| bad(expected))?)
        }
        None => NewValue::Value(text.into()),
    };
    post.set(key, value, &order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::{parse_config, Site};

    fn site() -> Site {
        let yaml = "fields:\n  - {name: date, widget: datetime, format: YYYY-MM-DD}\n  - {name: count, widget: number, required: false}\n  - {name: image, widget: image}\n  - {name: title, widget: string}\n";
        Site {
            root: ".".into(),
            config: parse_config(yaml).unwrap(),
            configured: true,
        }
    }

    fn edited(src: &str, key: &str, text: &str) -> Result<String, PostError> {
        let mut post = Post::parse(src.as_bytes()).unwrap();
        set_from_text(&mut post, &site(), key, text, CoverForm::Text)?;
        Ok(String::from_utf8(post.to_bytes()).unwrap())
    }

    #[test]
    fn dates_use_the_fields_format_unless_the_post_has_its_own() {
        assert_eq!(
            edited("---\ntitle: T\n---\n", "date", "2025-03-04").unwrap(),
            "---\ndate: 2025-03-04\ntitle: T\n---\n"
        );
        assert_eq!(
            edited(
                "---\ndate: 2024-12-17T00:00:00.000Z\n---\n",
                "date",
                "2025-03-04"
            )
            .unwrap(),
            "---\ndate: 2025-03-04T00:00:00.000Z\n---\n"
        );
        assert!(matches!(
            edited("---\n---\n", "date", "tomorrow"),
            Err(PostError::BadValue { .. })
        ));
    }

    #[test]
    fn numbers_and_unknown_keys() {
        assert_eq!(
            edited("---\ntitle: T\n---\n", "count", "12").unwrap(),
            "---\ncount: 12\ntitle: T\n---\n"
        );
        assert!(matches!(
            edited("---\n---\n", "count", "douze"),
            Err(PostError::BadValue { .. })
        ));
        assert_eq!(
            edited("---\ntitle: T\n---\n", "extra", "yes").unwrap(),
            "---\ntitle: T\nextra: \"yes\"\n---\n"
        );
    }

    #[test]
    fn form_changes_set_typed_values_and_remove() {
        let mut post = Post::parse(b"---\ntitle: T\ncount: 1\n---\n").unwrap();
        apply(
            &mut post,
            &site(),
            "count",
            FieldInput::Value(Value::from(3)),
            CoverForm::Text,
        )
        .unwrap();
        apply(
            &mut post,
            &site(),
            "title",
            FieldInput::Remove,
            CoverForm::Text,
        )
        .unwrap();
        assert_eq!(post.to_bytes(), b"---\ncount: 3\n---\n");
    }

    #[test]
    fn cover_keeps_the_posts_form() {
        assert_eq!(
            edited(
                "---\nimage:\n  src: '/blog/a.jpg'\n---\n",
                "image",
                "/blog/b.jpg"
            )
            .unwrap(),
            "---\nimage:\n  src: '/blog/b.jpg'\n---\n"
        );
        assert_eq!(
            edited("---\nimage: /blog/a.jpg\n---\n", "image", "/blog/b.jpg").unwrap(),
            "---\nimage: /blog/b.jpg\n---\n"
        );
    }
}
