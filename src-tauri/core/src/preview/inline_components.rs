//! MDC's inline syntax inside a run of text, as remark-mdc reads it:
//!
//! - `:br` is a line break;
//! - `:name`, `:name{attributes}` is an inline component with no content
//!   (`:icon{name="i-lucide-star"}`, `:kbd{value="K"}`);
//! - `:name[content]{attributes}` is one with content; pulldown-cmark has
//!   already made `[content]` an unresolved link, which the caller turns
//!   into the component;
//! - `{{ $doc.title }}` binds a value of the page; it shows no words of its
//!   own in the page's tree.
//!
//! A component starts only where remark-mdc lets one start: at the start of
//! a line, after a space, or after `[`, `*`, `_`, `(`; and its name is a
//! letter followed by letters, digits, `-` or `_`. So `10:30`, `a:b` and
//! `https://` stay text.

use super::attributes::{self, Attributes};

/// One piece of MDC syntax found in the text.
pub(super) struct Found<'a> {
    /// Its bytes in the source, `start..end`.
    pub start: usize,
    pub end: usize,
    pub kind: Kind<'a>,
}

pub(super) enum Kind<'a> {
    Break,
    /// A component with no content.
    Empty {
        name: &'a str,
        attributes: Attributes,
    },
    /// `:name` right before `[`: the content follows, as the next event.
    Opens {
        name: &'a str,
    },
    Binding,
}

/// Whether `text` may hold any of it: most text does not.
pub(super) fn maybe_in(text: &str) -> bool {
    text.contains(':') || text.contains("{{")
}

/// Every piece of MDC syntax in `src[start..end]`, in order.
pub(super) fn find(src: &str, start: usize, end: usize) -> Vec<Found<'_>> {
    let bytes = src.as_bytes();
    let mut found = Vec::new();
    let mut i = start;
    while i < end {
        match bytes[i] {
            b':' if starts_component(bytes, i) => {
                let name_len = name_len(&bytes[i + 1..end]);
                if name_len == 0 {
                    i += 1;
                    continue;
                }
                let name = &src[i + 1..i + 1 + name_len];
                let mut after = i + 1 + name_len;
                let kind = if name == "br" {
                    // `:br{}`: the block is read and dropped.
                    if let Some((_, len)) = attributes::parse(&src[after..end]) {
                        after += len;
                    }
                    Kind::Break
                } else if bytes.get(after) == Some(&b'[') {
                    Kind::Opens { name }
                } else {
                    let mut attributes = Attributes::default();
                    if let Some((parsed, len)) = attributes::parse(&src[after..end]) {
                        attributes = parsed;
                        after += len;
                    }
                    Kind::Empty { name, attributes }
                };
                found.push(Found {
                    start: i,
                    end: after,
                    kind,
                });
                i = after;
            }
            b'{' if bytes.get(i + 1) == Some(&b'{') => match src[i + 2..end].find("}}") {
                Some(len) => {
                    let close = i + 2 + len + 2;
                    found.push(Found {
                        start: i,
                        end: close,
                        kind: Kind::Binding,
                    });
                    i = close;
                }
                None => i = end,
            },
            _ => i += 1,
        }
    }
    found
}

/// Whether `text`, a line or a paragraph, is one component and nothing
/// else: remark-mdc then reads it as a block, not as a paragraph. A binding
/// alone stays in its paragraph, as on the site.
pub(super) fn is_lone(text: &str) -> bool {
    let text = text.trim();
    if !text.starts_with(':') {
        return false;
    }
    let found = find(text, 0, text.len());
    let [one] = found.as_slice() else {
        return false;
    };
    if one.start != 0 {
        return false;
    }
    match one.kind {
        Kind::Binding => false,
        Kind::Opens { .. } => {
            let rest = &text[one.end..];
            attributes::label_len(rest).is_some_and(|len| {
                let after = &rest[len..];
                after.is_empty()
                    || attributes::parse(after).is_some_and(|(_, len)| len == after.len())
            })
        }
        Kind::Break | Kind::Empty { .. } => one.end == text.len(),
    }
}

fn starts_component(bytes: &[u8], at: usize) -> bool {
    at == 0
        || matches!(
            bytes[at - 1],
            b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'*' | b'_' | b'('
        )
}

/// The length of an MDC name at the start of `b`: a letter, then letters,
/// digits, `-` and `_` (0 when there is none). A name followed by `:` is
/// not one (`:a:b`), as in remark-mdc.
fn name_len(b: &[u8]) -> usize {
    if !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    let len = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
        .count();
    if b.get(len) == Some(&b':') {
        return 0;
    }
    len
}
