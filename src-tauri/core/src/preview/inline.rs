//! The pass over pulldown-cmark's events that adds what CommonMark does not
//! know, the way the site's renderer (remark-mdc) reads it:
//!
//! - MDC's inline syntax in text (`:br`, `:icon{…}`, `:badge[…]`,
//!   `{{ … }}`; see [`inline_components`](super::inline_components)).
//! - A bracketed text that is not a link, `[SITE WEB]`, is an MDC span: its
//!   words without the brackets. pulldown-cmark reports it as a link it could
//!   not resolve, which becomes the span.
//! - `{.class}` right after an emphasis, strong, strikethrough, link, span,
//!   image or code span gives that element its classes (the rest of the
//!   block is dropped; see [`attributes`](super::attributes)).
//! - Table column alignment becomes `align` instead of pulldown-cmark's
//!   `style`, which the sanitizer does not let through.
//!
//! Offsets into the source decide what is what, so escaped or entity-encoded
//! text never turns into markup.

use std::ops::Range;

use pulldown_cmark::{
    Alignment, BrokenLink, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
};

use super::attributes::{self, Attributes};
use super::escape_into;
use super::inline_components::{self, Kind};

/// An attribute block is short: looking further than this for its end would
/// only make long lines slow.
const MAX_ATTRIBUTES_LEN: usize = 512;

/// The events of `src`, adjusted as described in the module docs.
pub(super) fn events(src: &str, options: Options) -> Vec<Event<'_>> {
    // `[text]` that names no link is an MDC span. `![text]` and `[a][b]`
    // stay text, as on the site.
    let span = |link: BrokenLink| {
        let shortcut = link.link_type == LinkType::Shortcut;
        let image = link.span.start > 0 && src.as_bytes()[link.span.start - 1] == b'!';
        (shortcut && !image).then_some((CowStr::Borrowed(""), CowStr::Borrowed("")))
    };
    let mut parsed: Vec<(Event, Range<usize>)> =
        Parser::new_with_broken_link_callback(src, options, Some(span))
            .into_offset_iter()
            .collect();
    let mut pass = Pass {
        src,
        out: Vec::with_capacity(parsed.len()),
        open: Vec::new(),
        component: None,
        lone_component: false,
        consumed_to: 0,
        code_blocks: 0,
        fenced: false,
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
    /// Where in `out` each open inline element (emphasis, link…) started,
    /// and the inline component it is, for an MDC span `:name[…]`.
    open: Vec<(usize, Option<&'a str>)>,
    /// `:name` just before an MDC span, which makes it a component.
    component: Option<&'a str>,
    /// The paragraph being read is one component alone, written without
    /// `<p>`.
    lone_component: bool,
    /// Source bytes before this offset belong to an attribute block already
    /// applied: the text there is not rendered.
    consumed_to: usize,
    code_blocks: usize,
    /// The open code block is fenced, and was started by [`fence_start`].
    fenced: bool,
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
            Event::Text(text) => self.text(text, range, next),
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
            // A paragraph that is one component alone is that component, a
            // block (see `components`, which put it on its own).
            Event::Start(Tag::Paragraph)
                if inline_components::is_lone(&self.src[range.clone()]) =>
            {
                self.lone_component = true;
            }
            Event::End(TagEnd::Paragraph) if self.lone_component => self.lone_component = false,
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end, range, next),
            other => self.out.push(other),
        }
    }

    fn text(&mut self, text: CowStr<'a>, range: Range<usize>, next: &[(Event, Range<usize>)]) {
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
        if plain
            && inline_components::maybe_in(&text)
            && self.src.get(start..range.end) == Some(&*text)
        {
            self.components(start, range.end, next);
        } else {
            self.out.push(Event::Text(text));
        }
    }

    /// The source text `start..end`, with MDC's inline syntax in it turned
    /// into breaks and components.
    fn components(&mut self, start: usize, end: usize, next: &[(Event, Range<usize>)]) {
        let src = self.src;
        let mut piece = start;
        for found in inline_components::find(src, start, end) {
            if found.start > piece {
                self.out
                    .push(Event::Text(CowStr::Borrowed(&src[piece..found.start])));
            }
            piece = found.end;
            match found.kind {
                Kind::Break => self.out.push(Event::HardBreak),
                Kind::Binding => self.out.push(Event::InlineHtml(
                    "<span class=\"mdc-binding\"></span>".into(),
                )),
                Kind::Opens { name } if found.end == end && opens_span(next, end) => {
                    self.component = Some(name);
                }
                Kind::Opens { name } => self.empty_component(name, &Attributes::default()),
                Kind::Empty { name, attributes } => self.empty_component(name, &attributes),
            }
        }
        if piece < end {
            self.out
                .push(Event::Text(CowStr::Borrowed(&src[piece..end])));
        }
    }

    fn empty_component(&mut self, name: &str, attributes: &Attributes) {
        let html = format!(
            "<span{}></span>",
            attributes.to_html(&format!("mdc-{name}"))
        );
        self.out.push(Event::InlineHtml(html.into()));
    }

    fn start(&mut self, tag: Tag<'a>) {
        match &tag {
            Tag::CodeBlock(kind) => {
                self.code_blocks += 1;
                if let CodeBlockKind::Fenced(info) = kind {
                    self.out.push(Event::Html(fence_start(info).into()));
                    self.fenced = true;
                    return;
                }
            }
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } => {
                let component = self.component.take();
                self.open.push((self.out.len(), component))
            }
            Tag::Image { .. } => {
                self.open.push((self.out.len(), None));
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
            TagEnd::CodeBlock => {
                self.code_blocks = self.code_blocks.saturating_sub(1);
                // Indented code blocks keep pulldown-cmark's own writing.
                if std::mem::take(&mut self.fenced) {
                    self.out.push(Event::Html("</code></pre>\n".into()));
                    return;
                }
            }
            TagEnd::TableHead => self.table.in_head = false,
            TagEnd::TableCell => self.table.cell += 1,
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image => {
                let open = self.open.pop();
                if end == TagEnd::Image {
                    self.images = self.images.saturating_sub(1);
                }
                if let Some((start, component)) = open.filter(|_| self.images == 0) {
                    let attributes = self.attributes_after(range.end, next);
                    if is_span(&self.out[start]) {
                        let attributes = attributes.unwrap_or_default();
                        let class = component.map(|name| format!("mdc-{name}"));
                        let html = format!(
                            "<span{}>",
                            attributes.to_html(class.as_deref().unwrap_or(""))
                        );
                        self.out[start] = Event::InlineHtml(html.into());
                        self.out.push(Event::InlineHtml("</span>".into()));
                        return;
                    }
                    if let Some(attributes) = attributes {
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

/// A fenced code block's start tags. Its info string is read as the site
/// reads it: `ts [nuxt.config.ts] {1,3-5} meta` is the language `ts`, the
/// file name (shown by the style sheet, as Nuxt UI shows it above the code)
/// and highlighted lines (not shown).
fn fence_start(info: &str) -> String {
    let filename = info
        .find('[')
        .and_then(|open| Some((open, info[open..].rfind(']')? + open)))
        .map(|(open, close)| &info[open + 1..close]);
    let language = info
        .split(['[', '{'])
        .next()
        .and_then(|head| head.split_whitespace().next());
    let mut html = String::from("<pre");
    if let Some(name) = filename.filter(|name| !name.is_empty()) {
        html.push_str(" data-filename=\"");
        escape_into(&mut html, name);
        html.push('"');
    }
    html.push_str("><code");
    if let Some(language) = language {
        html.push_str(" class=\"language-");
        escape_into(&mut html, language);
        html.push('"');
    }
    html.push('>');
    html
}

/// Whether `event` starts an MDC span: a link pulldown-cmark could not
/// resolve, kept only because the broken-link callback said so, or a
/// shortcut reference `[name]` even when `[name]: url` is defined below:
/// remark-mdc reads that as a span too (a collapsed `[name][]` stays a link).
fn is_span(event: &Event) -> bool {
    matches!(
        event,
        Event::Start(Tag::Link {
            link_type: LinkType::ShortcutUnknown | LinkType::Shortcut,
            ..
        })
    )
}

/// Whether the next event is an MDC span starting at `at`.
fn opens_span(next: &[(Event, Range<usize>)], at: usize) -> bool {
    next.first()
        .is_some_and(|(event, range)| range.start == at && is_span(event))
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
    fn components_only_where_mdc_starts_one() {
        assert_eq!(raw("a:br\n"), "<p>a:br</p>\n");
        assert_eq!(raw("a :br b\n"), "<p>a <br />\n b</p>\n");
        // Alone on its line, it is a block of its own.
        assert_eq!(raw(":br\n"), "<br />\n");
        assert_eq!(raw("**a**:br\n"), "<p><strong>a</strong><br />\n</p>\n");
        assert_eq!(raw("x \\:br\n"), "<p>x :br</p>\n");
        // Another name is another component, with no words of its own.
        assert_eq!(
            raw("x :bread\n"),
            "<p>x <span class=\"mdc-bread\"></span></p>\n"
        );
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
