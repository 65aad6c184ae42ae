//! MDC block components, rewritten before Markdown parsing.
//!
//! ```text
//! ::card{.rounded-lg}          <div class="mdc-card rounded-lg">
//! #title                         <div class="mdc-slot-title">
//! **Inscriptions**               (Markdown, rendered as usual)
//! :::div                           <div class="mdc-div">
//! Dedans                           …
//! :::                              </div>
//! ::                             </div></div>
//! ```
//!
//! Each marker line becomes a raw `<div>` line with blank lines around it, so
//! that CommonMark renders what lies between as Markdown (a `<div>` line alone
//! is an HTML block that ends at the blank line). The rules follow
//! remark-mdc: an opening line is two or more colons, a name, an optional
//! `[label]` and `{attributes}`, nothing else; the closing line has the same
//! number of colons (nested components use more); a `#name` line at the
//! component's own indentation starts a slot; a `---` block right after the
//! opening line holds the component's props (not rendered). Nothing inside a
//! fenced code block is touched. The classes are checked by
//! [`attributes`](super::attributes), and the sanitizer sees the result anyway.

use std::borrow::Cow;

use super::attributes::{self, Attributes};
use super::inline_components;

/// A component that is open at the current line.
struct Open<'a> {
    colons: usize,
    indent: &'a str,
    slot_open: bool,
}

/// A fenced code block that is open at the current line.
struct Fence {
    marker: u8,
    len: usize,
}

/// The body with its MDC block components turned into `<div>` lines; the
/// input itself when it has none.
pub(super) fn expand(src: &str) -> Cow<'_, str> {
    // Most French text has colons, but few lines start with one: only those
    // lines can hold a component, so most bodies skip the copy below (this
    // runs on every keystroke).
    let may_hold_one = src
        .lines()
        .any(|line| line.trim_start_matches([' ', '\t']).starts_with(':'));
    if !may_hold_one {
        return Cow::Borrowed(src);
    }
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    let mut out = String::with_capacity(src.len() + 256);
    let mut stack: Vec<Open> = Vec::new();
    let mut fence: Option<Fence> = None;
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let (indent, text) = split_line(line);
        if let Some(open) = &fence {
            if open.is_closed_by(text) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if let Some(opened) = Fence::opened_by(text) {
            fence = Some(opened);
            out.push_str(line);
            continue;
        }
        if text.starts_with("::") {
            if let Some((colons, name, attributes)) = opening(text) {
                changed = true;
                if name == "br" {
                    // A break, not a container: what follows is not inside it.
                    out.push('\n');
                    out.push_str(indent);
                    out.push_str("<br>\n\n");
                    continue;
                }
                open_div(&mut out, indent, "mdc-", name, &attributes);
                stack.push(Open {
                    colons,
                    indent,
                    slot_open: false,
                });
                i += props_block(&lines[i..], colons);
                continue;
            }
            if let Some(colons) = closing(text) {
                // As in remark-mdc, the outermost component with that many
                // colons closes, and everything still open inside it.
                if let Some(at) = stack.iter().position(|open| open.colons == colons) {
                    while stack.len() > at {
                        let open = stack.pop().expect("stack is longer than `at`");
                        close(&mut out, &open);
                    }
                    changed = true;
                    continue;
                }
            }
        } else if inline_components::is_lone(text) {
            // remark-mdc reads a line that is one inline component alone as
            // a block of its own, which ends the paragraph before it: blank
            // lines around it make CommonMark see the same.
            out.push('\n');
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
            changed = true;
            continue;
        } else if let Some(name) = slot(text) {
            if let Some(top) = stack.last_mut().filter(|top| top.indent == indent) {
                if top.slot_open {
                    close_div(&mut out, indent);
                }
                open_div(&mut out, indent, "mdc-slot-", name, &Attributes::default());
                top.slot_open = true;
                changed = true;
                continue;
            }
        }
        out.push_str(line);
    }
    if !changed {
        return Cow::Borrowed(src);
    }
    if let Some(open) = fence.filter(|_| !stack.is_empty()) {
        // Close the code block so that the closing `</div>`s stay HTML.
        out.push('\n');
        out.extend(std::iter::repeat_n(open.marker as char, open.len));
        out.push('\n');
    }
    while let Some(open) = stack.pop() {
        close(&mut out, &open);
    }
    Cow::Owned(out)
}

/// The line's indentation, and its text without the indentation, the line
/// ending and trailing spaces.
fn split_line(line: &str) -> (&str, &str) {
    let text = line.trim_end();
    let rest = text.trim_start_matches([' ', '\t']);
    (&text[..text.len() - rest.len()], rest)
}

/// `::name[label]{attributes}`: the number of colons, the name and the
/// attributes kept.
fn opening(text: &str) -> Option<(usize, &str, Attributes)> {
    let colons = text.bytes().take_while(|&c| c == b':').count();
    if colons < 2 {
        return None;
    }
    let rest = &text[colons..];
    let name_len = name_len(rest)?;
    let name = &rest[..name_len];
    let mut after = &rest[name_len..];
    if after.starts_with('[') {
        after = &after[attributes::label_len(after)?..];
    }
    let mut kept = Attributes::default();
    if after.starts_with('{') {
        let (parsed, len) = attributes::parse(after)?;
        kept = parsed;
        after = &after[len..];
    }
    after.trim().is_empty().then_some((colons, name, kept))
}

/// A line of colons only: how many.
fn closing(text: &str) -> Option<usize> {
    (text.len() >= 2 && text.bytes().all(|c| c == b':')).then_some(text.len())
}

/// `#name` (a slot) at the start of the line: the name. Whatever follows the
/// name on that line is not rendered, as on the site.
fn slot(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('#')?;
    let len = rest
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
        .count();
    (rest.as_bytes().first()?.is_ascii_alphabetic()).then_some(&rest[..len])
}

/// An MDC name at the start of `s`: a letter, then letters, digits, `-` and
/// `_`, not ending with `_`.
fn name_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
        .count();
    (b[len - 1] != b'_').then_some(len)
}

/// How many lines a `---` props block right after an opening line spans (0
/// when there is none, or when it is not closed before the component is).
fn props_block(lines: &[&str], colons: usize) -> usize {
    if lines.first().map(|l| split_line(l).1) != Some("---") {
        return 0;
    }
    for (j, line) in lines.iter().enumerate().skip(1) {
        let text = split_line(line).1;
        if text == "---" {
            return j + 1;
        }
        if closing(text) == Some(colons) {
            return 0;
        }
    }
    0
}

fn open_div(out: &mut String, indent: &str, prefix: &str, name: &str, attributes: &Attributes) {
    out.push('\n');
    out.push_str(indent);
    out.push_str("<div");
    out.push_str(&attributes.to_html(&format!("{prefix}{name}")));
    out.push_str(">\n\n");
}

fn close_div(out: &mut String, indent: &str) {
    out.push('\n');
    out.push_str(indent);
    out.push_str("</div>\n\n");
}

fn close(out: &mut String, open: &Open) {
    if open.slot_open {
        close_div(out, open.indent);
    }
    close_div(out, open.indent);
}

impl Fence {
    fn opened_by(text: &str) -> Option<Fence> {
        let marker = *text.as_bytes().first()?;
        if marker != b'`' && marker != b'~' {
            return None;
        }
        let len = text.bytes().take_while(|&c| c == marker).count();
        let info_ok = marker == b'~' || !text[len..].contains('`');
        (len >= 3 && info_ok).then_some(Fence { marker, len })
    }

    fn is_closed_by(&self, text: &str) -> bool {
        text.len() >= self.len && text.bytes().all(|c| c == self.marker)
    }
}

#[cfg(test)]
mod tests {
    use super::expand;

    #[test]
    fn text_without_components_is_borrowed() {
        for src in [
            "Hello",
            "a::b\n",
            "Il est 10::30\n",
            "::\n",
            "::1card\n::\n",
        ] {
            assert!(
                matches!(expand(src), std::borrow::Cow::Borrowed(_)),
                "{src}"
            );
        }
    }

    #[test]
    fn components_slots_and_nesting() {
        let out =
            expand("::card{.rounded-lg #x}\n#title\nT\n#description\nD\n:::div\nIn\n:::\n::\n");
        let squeezed: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            squeezed,
            [
                "<div class=\"mdc-card rounded-lg\">",
                "<div class=\"mdc-slot-title\">",
                "T",
                "</div>",
                "<div class=\"mdc-slot-description\">",
                "D",
                "<div class=\"mdc-div\">",
                "In",
                "</div>",
                "</div>",
                "</div>",
            ]
        );
    }

    #[test]
    fn code_fences_props_and_unclosed_components() {
        let out = expand("```md\n::card\n::\n```\n::note\n---\nicon: x\n---\nBody\n");
        assert!(out.contains("```md\n::card\n::\n```\n"));
        assert!(out.contains("<div class=\"mdc-note\">"));
        assert!(!out.contains("icon: x"));
        assert!(out.trim_end().ends_with("</div>"));
        let out = expand("::card\n```\ncode\n");
        assert!(out.contains("code\n\n```\n"), "{out}");
    }
}
