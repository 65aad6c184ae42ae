//! The pass over pulldown-cmark's events that adds what CommonMark does not
//! know:
//!
//! - MDC's inline `:br` becomes a line break. As in remark-mdc, it counts only
//!   where a component may start: at the start of a line, after a space, or
//!   after `[`, `*`, `_`, `(`; and the name must end there (`:bread` is not
//!   `:br`). So `\:br` and `démo::br` stay text, as on the site.
//! - `{.class}` right after an emphasis, strong, strikethrough, link, image or
//!   code span gives that element its classes (the rest of the block is
//!   dropped; see [`attributes`](super::attributes)).
//! - Table column alignment becomes `align` instead of pulldown-cmark's
//!   `style`, which the sanitizer does not let through.
//!
//! Offsets into the source decide what is what, so escaped or entity-encoded
//! text never turns into markup.

use std::ops::Range;

use pulldown_cmark::{Alignment, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::attributes::{self, Attributes};

/// An attribute block is short: looking further than this for its end would
/// only make long lines slow.
const MAX_ATTRIBUTES_LEN: usize = 512;

/// The events of `src`, adjusted as described in the module docs.
pub(super) fn events(src: &str, options: Options) -> Vec<Event<'_>> {
    let mut parsed: Vec<(Event, Range<usize>)> =
        Parser::new_ext(src, options).into_offset_iter().collect();
    let mut pass = Pass {
        src,
        out: Vec::with_capacity(parsed.len()),
        open: Vec::new(),
        consumed_to: 0,
        code_blocks: 0,
        images: 0,
        table: Table::default(),
    };
    for index in 0..parsed.len() {
        let event = std::mem::replace(&mut parsed[index].0, Event::SoftBreak);
        let range = parsed[index].1.clone();
        pass.event(event, range, &parsed[index + 1..]);
    }
    pass.out
}

struct Pass<'a> {
    src: &'a str,
    out: Vec<Event<'a>>,
    /// Where in `out` each open inline element (emphasis, link…) started.
    open: Vec<usize>,
    /// Source bytes before this offset belong to an attribute block already
    /// applied: the text there is not rendered.
    consumed_to: usize,
    code_blocks: usize,
    images: usize,
    table: Table,
}

#[derive(Default)]
struct Table {
    alignments: Vec<Alignment>,
    in_head: bool,
    cell: usize,
}

impl<'a> Pass<'a> {
    fn event(&mut self, event: Event<'a>, range: Range<usize>, next: &[(Event, Range<usize>)]) {
        match event {
            Event::Text(text) => self.text(text, range),
            Event::Code(code) => {
                let attributes = match self.images {
                    0 => self.attributes_after(range.end, next),
                    _ => None,
                };
                match attributes.filter(|a| !a.classes.is_empty()) {
                    Some(attributes) => {
                        let mut html = String::from("<code class=\"");
                        escape_into(&mut html, &attributes.classes);
                        html.push_str("\">");
                        escape_into(&mut html, &code);
                        html.push_str("</code>");
                        self.out.push(Event::InlineHtml(html.into()));
                    }
                    None => self.out.push(Event::Code(code)),
                }
            }
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end, range, next),
            other => self.out.push(other),
        }
    }

    fn text(&mut self, text: CowStr<'a>, range: Range<usize>) {
        let mut start = range.start;
        let mut text = text;
        if start < self.consumed_to {
            if range.end <= self.consumed_to {
                return;
            }
            // `attributes_after` checked that this text is the source's own.
            start = self.consumed_to;
            text = CowStr::Borrowed(&self.src[start..range.end]);
        }
        let plain = self.code_blocks == 0 && self.images == 0;
        if plain && text.contains(":br") && self.src.get(start..range.end) == Some(&*text) {
            self.breaks(start, range.end);
        } else {
            self.out.push(Event::Text(text));
        }
    }

    /// The source text `start..end`, with each MDC `:br` in it as a break.
    fn breaks(&mut self, start: usize, end: usize) {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut piece = start;
        let mut from = start;
        while let Some(found) = src[from..end].find(":br") {
            let at = from + found;
            let after = at + 3;
            let starts_ok = at == 0
                || matches!(
                    bytes[at - 1],
                    b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'*' | b'_' | b'('
                );
            let next = bytes.get(after).copied();
            let ends_ok =
                !next.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':'));
            if !(starts_ok && ends_ok) {
                from = at + 1;
                continue;
            }
            if at > piece {
                self.out
                    .push(Event::Text(CowStr::Borrowed(&src[piece..at])));
            }
            self.out.push(Event::HardBreak);
            piece = after;
            if next == Some(b'{') {
                // `:br{}`: the block is read and dropped.
                if let Some((_, len)) = attributes::parse(&src[after..end]) {
                    piece = after + len;
                }
            }
            from = piece;
        }
        if piece < end {
            self.out
                .push(Event::Text(CowStr::Borrowed(&src[piece..end])));
        }
    }

    fn start(&mut self, tag: Tag<'a>) {
        match &tag {
            Tag::CodeBlock(_) => self.code_blocks += 1,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } => {
                self.open.push(self.out.len())
            }
            Tag::Image { .. } => {
                self.open.push(self.out.len());
                self.images += 1;
            }
            Tag::Table(alignments) => {
                self.table.alignments = alignments.clone();
                self.out.push(Event::Start(Tag::Table(Vec::new())));
                return;
            }
            Tag::TableHead => {
                self.table.in_head = true;
                self.table.cell = 0;
            }
            Tag::TableRow => self.table.cell = 0,
            Tag::TableCell => {
                let align = match self.table.alignments.get(self.table.cell) {
                    Some(Alignment::Left) => "left",
                    Some(Alignment::Center) => "center",
                    Some(Alignment::Right) => "right",
                    _ => "",
                };
                if !align.is_empty() {
                    let cell = if self.table.in_head { "th" } else { "td" };
                    let html = format!("<{cell} align=\"{align}\">");
                    self.out.push(Event::InlineHtml(html.into()));
                    return;
                }
            }
            _ => {}
        }
        self.out.push(Event::Start(tag));
    }

    fn end(&mut self, end: TagEnd, range: Range<usize>, next: &[(Event, Range<usize>)]) {
        match end {
            TagEnd::CodeBlock => self.code_blocks = self.code_blocks.saturating_sub(1),
            TagEnd::TableHead => self.table.in_head = false,
            TagEnd::TableCell => self.table.cell += 1,
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image => {
                let start = self.open.pop();
                if end == TagEnd::Image {
                    self.images = self.images.saturating_sub(1);
                }
                if let Some(start) = start.filter(|_| self.images == 0) {
                    if let Some(attributes) = self.attributes_after(range.end, next) {
                        if self.with_classes(start, end, &attributes) {
                            return;
                        }
                    }
                }
            }
            _ => {}
        }
        self.out.push(Event::End(end));
    }

    /// The `{...}` block right after `end` in the source, if there is one and
    /// the parser saw it as plain text. It is then marked as consumed.
    fn attributes_after(
        &mut self,
        end: usize,
        next: &[(Event, Range<usize>)],
    ) -> Option<Attributes> {
        let src = self.src;
        if src.as_bytes().get(end) != Some(&b'{') {
            return None;
        }
        let mut limit = src.len().min(end + MAX_ATTRIBUTES_LEN);
        while !src.is_char_boundary(limit) {
            limit -= 1;
        }
        let (attributes, len) = attributes::parse(&src[end..limit])?;
        let block_end = end + len;
        let mut covered = end;
        for (event, range) in next {
            if covered >= block_end {
                break;
            }
            match event {
                Event::Text(text)
                    if range.start == covered && src.get(range.clone()) == Some(&**text) =>
                {
                    covered = range.end
                }
                _ => return None,
            }
        }
        if covered < block_end {
            return None;
        }
        self.consumed_to = block_end;
        Some(attributes)
    }

    /// Rewrites the element that starts at `out[start]` and ends now with the
    /// given classes. `false` when there is nothing to do.
    fn with_classes(&mut self, start: usize, end: TagEnd, attributes: &Attributes) -> bool {
        let classes = &attributes.classes;
        if classes.is_empty() {
            return false;
        }
        let mut html = String::new();
        match (&self.out[start], end) {
            (
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }),
                TagEnd::Image,
            ) => {
                html.push_str("<img src=\"");
                escape_into(&mut html, dest_url);
                html.push_str("\" alt=\"");
                escape_into(&mut html, &alt_text(&self.out[start + 1..]));
                html.push('"');
                push_title(&mut html, title);
                push_class(&mut html, classes);
                html.push('>');
                self.out.truncate(start);
                self.out.push(Event::InlineHtml(html.into()));
                return true;
            }
            (
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }),
                TagEnd::Link,
            ) => {
                html.push_str("<a href=\"");
                if *link_type == LinkType::Email {
                    html.push_str("mailto:");
                }
                escape_into(&mut html, dest_url);
                html.push('"');
                push_title(&mut html, title);
                push_class(&mut html, classes);
                html.push('>');
                self.out[start] = Event::InlineHtml(html.into());
                self.out.push(Event::InlineHtml("</a>".into()));
                return true;
            }
            (Event::Start(Tag::Emphasis), TagEnd::Emphasis) => html.push_str("<em"),
            (Event::Start(Tag::Strong), TagEnd::Strong) => html.push_str("<strong"),
            (Event::Start(Tag::Strikethrough), TagEnd::Strikethrough) => html.push_str("<del"),
            _ => return false,
        }
        let close = format!("</{}>", &html[1..]);
        push_class(&mut html, classes);
        html.push('>');
        self.out[start] = Event::InlineHtml(html.into());
        self.out.push(Event::InlineHtml(close.into()));
        true
    }
}

/// An image's alt text from the events of its description, as pulldown-cmark
/// would write it.
fn alt_text(events: &[Event]) -> String {
    let mut alt = String::new();
    for event in events {
        match event {
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) => alt.push_str(text),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    alt
}

fn push_title(html: &mut String, title: &str) {
    if !title.is_empty() {
        html.push_str(" title=\"");
        escape_into(html, title);
        html.push('"');
    }
}

fn push_class(html: &mut String, classes: &str) {
    html.push_str(" class=\"");
    escape_into(html, classes);
    html.push('"');
}

/// Escapes text for an HTML attribute value or element content.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::html;

    fn raw(src: &str) -> String {
        let mut out = String::new();
        html::push_html(
            &mut out,
            super::events(src, super::super::options()).into_iter(),
        );
        out
    }

    #[test]
    fn br_only_where_mdc_starts_a_component() {
        assert_eq!(raw("a:br\n"), "<p>a:br</p>\n");
        assert_eq!(raw("a :br b\n"), "<p>a <br />\n b</p>\n");
        assert_eq!(raw(":br\n"), "<p><br />\n</p>\n");
        assert_eq!(raw("**a**:br\n"), "<p><strong>a</strong><br />\n</p>\n");
        assert_eq!(raw("x \\:br\n"), "<p>x :br</p>\n");
        assert_eq!(raw("x :bread\n"), "<p>x :bread</p>\n");
        assert_eq!(raw("x :br{.a}y\n"), "<p>x <br />\ny</p>\n");
        assert_eq!(
            raw("`:br`\n\n```\n:br\n```\n"),
            "<p><code>:br</code></p>\n<pre><code>:br\n</code></pre>\n"
        );
    }

    #[test]
    fn classes_after_inline_elements() {
        assert_eq!(
            raw("**a**{.big #id onclick=\"x\"} b\n"),
            "<p><strong class=\"big\">a</strong> b</p>\n"
        );
        assert_eq!(
            raw("[l](https://x.org \"t\"){.btn}\n"),
            "<p><a href=\"https://x.org\" title=\"t\" class=\"btn\">l</a></p>\n"
        );
        assert_eq!(
            raw("![a *b*](/i.png){.w-48}\n"),
            "<p><img src=\"/i.png\" alt=\"a b\" class=\"w-48\"></p>\n"
        );
        assert_eq!(raw("`c`{.k}\n"), "<p><code class=\"k\">c</code></p>\n");
        assert_eq!(raw("*a*{onclick=\"x\"}\n"), "<p><em>a</em></p>\n");
        assert_eq!(raw("*a*{.x\n"), "<p><em>a</em>{.x</p>\n");
    }

    #[test]
    fn table_alignment_without_style() {
        let html = raw("| a | b |\n|:-:|---|\n| 1 | 2 |\n");
        assert!(
            html.contains("<th align=\"center\">a</th><th>b</th>"),
            "{html}"
        );
        assert!(
            html.contains("<td align=\"center\">1</td><td>2</td>"),
            "{html}"
        );
        assert!(!html.contains("style"));
    }
}
