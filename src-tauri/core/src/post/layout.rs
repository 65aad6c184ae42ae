//! Where each `key: value` entry of a block mapping lies in the front matter's
//! text, so that an edit can replace exactly that entry's lines.
//!
//! This is a line scanner, not a YAML parser: serde_yaml reads the values, and
//! the caller checks that the keys found here are the keys serde_yaml found,
//! in the same order, before trusting any span.

use std::ops::Range;

/// One entry of a block mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The key as YAML reads it (quotes removed).
    pub key: String,
    /// The key line and its continuation lines, line endings included. Blank
    /// lines and comments that follow the entry are not part of it.
    pub span: Range<usize>,
    /// What follows `key:` on the key line, line ending excluded.
    pub inline: Range<usize>,
    /// The number of spaces before the key.
    pub indent: usize,
}

impl Entry {
    /// The lines after the key line: a nested block, a block scalar's content,
    /// or the continuation of a multi-line scalar.
    pub fn nested(&self, text: &str) -> Range<usize> {
        let key_line_end = text[self.span.clone()]
            .find('\n')
            .map_or(self.span.end, |i| self.span.start + i + 1);
        key_line_end..self.span.end
    }
}

/// Finds the entries of the block mapping whose keys sit at `indent` spaces
/// within `range`. Returns `None` when a line does not fit the shape of such
/// a mapping, in which case nothing should be edited.
pub fn entries(text: &str, range: Range<usize>, indent: usize) -> Option<Vec<Entry>> {
    let mut found: Vec<Entry> = Vec::new();
    let mut offset = range.start;
    for line in text[range.clone()].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let spaces = content.len() - content.trim_start_matches(' ').len();
        let rest = &content[spaces..];
        // Inside a `|` or `>` block a `#` line is text; elsewhere it is a comment.
        let in_block_scalar = found
            .last()
            .is_some_and(|e| text[e.inline.clone()].trim_start().starts_with(['|', '>']));
        let comment = rest.starts_with('#') && (spaces <= indent || !in_block_scalar);
        if rest.trim().is_empty() || comment {
            continue; // blank or comment: belongs to an entry only if a continuation follows
        }
        if spaces < indent {
            return None;
        }
        let continues = spaces > indent || rest.starts_with(['-', ']', '}']);
        if continues {
            found.last_mut()?.span.end = offset;
            continue;
        }
        let (key, after_colon) = parse_key(rest)?;
        let inline_start = start + spaces + after_colon;
        found.push(Entry {
            key,
            span: start..offset,
            inline: inline_start..start + content.len(),
            indent,
        });
    }
    Some(found)
}

/// Reads `key:` at the start of a line. Returns the key and the byte offset
/// just after the colon.
fn parse_key(rest: &str) -> Option<(String, usize)> {
    let (key, colon) = match rest.as_bytes().first()? {
        b'"' => {
            let close = closing_double_quote(rest)?;
            let key: String = serde_yaml::from_str(&rest[..=close]).ok()?;
            (key, close + 1)
        }
        b'\'' => {
            let close = closing_single_quote(rest)?;
            let key: String = serde_yaml::from_str(&rest[..=close]).ok()?;
            (key, close + 1)
        }
        b'?' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%' | b'@' | b'`' | b'[' | b'{' => return None,
        _ => {
            let colon = plain_key_colon(rest)?;
            (rest[..colon].trim_end().to_string(), colon)
        }
    };
    let after = &rest[colon..];
    if !after.starts_with(':') {
        return None;
    }
    let next = after[1..].chars().next();
    if next.is_some_and(|c| c != ' ' && c != '\t') {
        return None;
    }
    Some((key, colon + 1))
}

fn plain_key_colon(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    (0..bytes.len())
        .find(|&i| bytes[i] == b':' && matches!(bytes.get(i + 1), None | Some(b' ') | Some(b'\t')))
        .filter(|&i| !rest[..i].contains(" #"))
}

fn closing_double_quote(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

fn closing_single_quote(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            if bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The indentation of the first line in `range` that holds content (not a
/// blank line nor a comment), and whether that line is a sequence item.
pub fn first_content_indent(text: &str, range: Range<usize>) -> Option<(usize, bool)> {
    text[range].split_inclusive('\n').find_map(|line| {
        let content = line.trim_end_matches(['\n', '\r']);
        let rest = content.trim_start_matches(' ');
        if rest.trim().is_empty() || rest.starts_with('#') {
            return None;
        }
        Some((
            content.len() - rest.len(),
            rest.starts_with("- ") || rest == "-",
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_and_spans(text: &str) -> Vec<(String, String)> {
        entries(text, 0..text.len(), 0)
            .unwrap()
            .into_iter()
            .map(|e| (e.key.clone(), text[e.span].to_string()))
            .collect()
    }

    #[test]
    fn splits_top_level_entries_with_their_continuations() {
        let text = "date: 2024-12-17T00:00:00.000Z\nbadge:\n  label: Open\n\n# note\ntitle: \"Long\n  folded\"\nimage:\n  src: '/a.png'\n";
        let got = keys_and_spans(text);
        assert_eq!(
            got,
            vec![
                ("date".into(), "date: 2024-12-17T00:00:00.000Z\n".into()),
                ("badge".into(), "badge:\n  label: Open\n".into()),
                ("title".into(), "title: \"Long\n  folded\"\n".into()),
                ("image".into(), "image:\n  src: '/a.png'\n".into()),
            ]
        );
    }

    #[test]
    fn block_scalar_keeps_inner_blank_lines_but_not_trailing_ones() {
        let text = "description: |\n  one\n\n  two\n\nauthor: A\n";
        let got = keys_and_spans(text);
        assert_eq!(got[0].1, "description: |\n  one\n\n  two\n");
        assert_eq!(got[1].1, "author: A\n");
    }

    #[test]
    fn sequence_at_key_indent_belongs_to_the_key() {
        let got = keys_and_spans("tags:\n- a\n- b\nnext: 1\n");
        assert_eq!(got[0].1, "tags:\n- a\n- b\n");
    }

    #[test]
    fn quoted_keys_and_crlf() {
        let text = "\"odd: key\": 1\r\n'it''s': 2\r\n";
        let got = keys_and_spans(text);
        assert_eq!(got[0].0, "odd: key");
        assert_eq!(got[1].0, "it's");
        assert_eq!(got[1].1, "'it''s': 2\r\n");
    }

    #[test]
    fn nested_entries_at_their_own_indent() {
        let text = "badge:\n    label: X\n    color: red\n";
        let top = entries(text, 0..text.len(), 0).unwrap();
        let inner = top[0].nested(text);
        assert_eq!(first_content_indent(text, inner.clone()), Some((4, false)));
        let kids = entries(text, inner, 4).unwrap();
        assert_eq!(
            kids.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(),
            ["label", "color"]
        );
        assert_eq!(&text[kids[1].span.clone()], "    color: red\n");
    }

    #[test]
    fn unknown_shapes_are_refused() {
        assert_eq!(entries("- a\n- b\n", 0..8, 0), None);
        assert_eq!(entries("? complex\n: key\n", 0..16, 0), None);
    }

    #[test]
    fn indented_comments_end_a_scalar_but_are_text_in_a_block() {
        let got = keys_and_spans("description: Old\n  # shorten?\nauthor: A\n");
        assert_eq!(got[0].1, "description: Old\n");
        let got = keys_and_spans("description: |\n  # a heading in the text\nauthor: A\n");
        assert_eq!(got[0].1, "description: |\n  # a heading in the text\n");
        let got = keys_and_spans("badge:\n  # which one?\n  label: X\n");
        assert_eq!(got[0].1, "badge:\n  # which one?\n  label: X\n");
    }

    #[test]
    fn url_values_do_not_confuse_the_key() {
        let got = keys_and_spans("link: https://x.org/a:b\n");
        assert_eq!(got[0].0, "link");
    }
}
