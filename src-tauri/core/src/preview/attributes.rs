//! MDC attributes: the `{.class #id name="value"}` block that may follow a
//! component (`::card{.rounded-lg}`) or an inline element (`**a**{.big}`).
//!
//! The grammar is remark-mdc's. Of what it carries, only classes are kept:
//! `.name` shortcuts and `class="a b"`, and the few props whose words the
//! site's prose components show (a tab's `label`, a key's `value`…), which
//! the preview shows through its style sheet, never as words of the page.
//! Ids, bindings and every other attribute (`onclick`, `style`…) are read,
//! so that they are consumed, and dropped.

/// The attributes kept from one `{...}` block.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Attributes {
    /// Space-separated class names, each free of characters that would need
    /// escaping in an HTML attribute.
    pub classes: String,
    /// The props of [`SHOWN`] that were given, with their values.
    pub shown: Vec<(&'static str, String)>,
}

/// The props that Nuxt UI's prose components write out as words: the
/// preview carries them as `data-*` attributes for its style sheet.
pub(super) const SHOWN: &[&str] = &["filename", "label", "title", "value"];

impl Attributes {
    /// The attributes as they go into a start tag: ` class="…" data-label="…"`.
    pub fn to_html(&self, classes_before: &str) -> String {
        let mut html = String::new();
        if !classes_before.is_empty() || !self.classes.is_empty() {
            html.push_str(" class=\"");
            html.push_str(classes_before);
            if !classes_before.is_empty() && !self.classes.is_empty() {
                html.push(' ');
            }
            html.push_str(&self.classes);
            html.push('"');
        }
        for (name, value) in &self.shown {
            html.push_str(" data-");
            html.push_str(name);
            html.push_str("=\"");
            super::escape_into(&mut html, value);
            html.push('"');
        }
        html
    }
}

/// Parses the `{...}` block at the start of `s`. Returns what it keeps and
/// the number of bytes the block spans, or `None` when `s` does not start
/// with a well-formed block (then the text stays text).
pub(super) fn parse(s: &str) -> Option<(Attributes, usize)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'{') {
        return None;
    }
    let mut classes: Vec<&str> = Vec::new();
    let mut shown = Vec::new();
    let mut i = 1;
    loop {
        i = skip_spaces(b, i);
        match *b.get(i)? {
            b'}' => {
                let mut attributes = Attributes {
                    shown,
                    ..Attributes::default()
                };
                for class in classes.iter().flat_map(|c| c.split_ascii_whitespace()) {
                    if is_safe_class(class) {
                        if !attributes.classes.is_empty() {
                            attributes.classes.push(' ');
                        }
                        attributes.classes.push_str(class);
                    }
                }
                return Some((attributes, i + 1));
            }
            marker @ (b'.' | b'#') => {
                i += 1;
                let start = i;
                while let Some(&c) = b.get(i) {
                    if matches!(c, b'#' | b'.' | b'}') || is_space(c) {
                        break;
                    }
                    if is_forbidden_in_value(c) {
                        return None;
                    }
                    i += 1;
                }
                if i == start {
                    return None;
                }
                if marker == b'.' {
                    classes.push(&s[start..i]);
                }
            }
            c if c == b':' || c == b'_' || c.is_ascii_alphabetic() => {
                let start = i;
                i += 1;
                if (c == b':' || c == b'_') && !b.get(i)?.is_ascii_alphabetic() {
                    return None;
                }
                while let Some(&c) = b.get(i) {
                    if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b':' | b'_') {
                        i += 1;
                    } else {
                        break;
                    }
                }
                let name = &s[start..i];
                i = skip_spaces(b, i);
                if b.get(i) != Some(&b'=') {
                    continue; // an attribute without a value
                }
                i = skip_spaces(b, i + 1);
                let value;
                match *b.get(i)? {
                    quote @ (b'"' | b'\'') => {
                        let start = i + 1;
                        let len = s[start..].find(quote as char)?;
                        value = &s[start..start + len];
                        i = start + len + 1;
                        match b.get(i) {
                            Some(&c) if c == b'}' || is_space(c) => {}
                            _ => return None,
                        }
                    }
                    b'}' => return None,
                    _ => {
                        let start = i;
                        while let Some(&c) = b.get(i) {
                            if c == b'}' || is_space(c) {
                                break;
                            }
                            if is_forbidden_in_value(c) {
                                return None;
                            }
                            i += 1;
                        }
                        value = &s[start..i];
                    }
                }
                if name == "class" {
                    classes.push(value);
                } else if let Some(prop) = SHOWN.iter().find(|p| **p == name) {
                    shown.push((*prop, value.to_string()));
                }
            }
            _ => return None,
        }
    }
}

/// The length of a `[label]` (balanced brackets, backslash escapes).
pub(super) fn label_len(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in s.bytes().enumerate() {
        match c {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_space(c)) {
        i += 1;
    }
    i
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_forbidden_in_value(c: u8) -> bool {
    matches!(c, b'"' | b'\'' | b'<' | b'=' | b'>' | b'`')
}

/// A class name that can be written into `class="..."` as it is: Tailwind
/// names such as `md:w-1/2` pass; names with quotes, angle brackets,
/// ampersands or control characters do not.
fn is_safe_class(class: &str) -> bool {
    !class.is_empty()
        && class
            .chars()
            .all(|c| !c.is_control() && !matches!(c, '"' | '\'' | '<' | '>' | '&' | '=' | '`'))
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn classes(s: &str) -> Option<(String, usize)> {
        parse(s).map(|(a, n)| (a.classes, n))
    }

    #[test]
    fn keeps_classes_and_drops_the_rest() {
        assert_eq!(classes("{.rounded-lg}"), Some(("rounded-lg".into(), 13)));
        assert_eq!(
            classes("{.rounded-lg #id .p-4} tail"),
            Some(("rounded-lg p-4".into(), 22))
        );
        assert_eq!(
            classes(r#"{class="a b" onclick="alert(1)" style='x' hidden}"#),
            Some(("a b".into(), 49))
        );
        assert_eq!(classes("{}"), Some((String::new(), 2)));
        assert_eq!(classes("{ :bound='x' }"), Some((String::new(), 14)));
    }

    #[test]
    fn malformed_blocks_stay_text() {
        for s in [
            "{",
            "{.}",
            "{.a",
            "{a=}",
            "{a=\"x}",
            "{.a\"b}",
            "{!}",
            "{a=\"x\"y}",
            "x{.a}",
        ] {
            assert_eq!(classes(s), None, "{s}");
        }
    }

    #[test]
    fn unsafe_class_values_are_dropped() {
        assert_eq!(classes("{class=\"ok x&y a<b\"}"), Some(("ok".into(), 20)));
    }
}
