//! Paragraphs as the site writes them, where its renderer (@nuxtjs/mdc)
//! departs from CommonMark's HTML. Odd, but it is what readers of the site
//! see, so the preview does the same.
//!
//! - List items: CommonMark wraps the paragraphs of a "loose" list (items
//!   separated by blank lines) in `<p>`. The site unwraps every paragraph
//!   that is a direct child of a list item, and puts a line break before
//!   each one after the first.
//! - A paragraph that starts with a tag that is not HTML (`<Badge>`, a Vue
//!   component) is no paragraph on the site. At the top of the page, the
//!   text around such tags is then dropped too, since the site keeps only
//!   elements there: `<Badge>new</Badge> and more` shows « new » alone.

use pulldown_cmark::{Event, Tag, TagEnd};

/// What encloses a paragraph.
#[derive(Clone, Copy, PartialEq)]
enum Block {
    /// A list item, with how many of its own paragraphs were seen.
    Item(usize),
    /// A block quote, a footnote or a component's `<div>`.
    Other,
}

/// How the paragraph being read is written.
#[derive(Clone, Copy, PartialEq)]
enum Paragraph {
    Kept,
    /// Unwrapped: no `<p>`.
    Unwrapped,
    /// Unwrapped at the top of the page: only what is inside an element
    /// stays; `depth` counts the elements open in it.
    ElementsOnly {
        depth: usize,
    },
}

pub(super) fn as_the_site(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut paragraph = Paragraph::Kept;
    let mut out = Vec::with_capacity(events.len());
    let mut iter = events.into_iter().peekable();
    while let Some(event) = iter.next() {
        match &event {
            Event::Start(Tag::Item) => blocks.push(Block::Item(0)),
            Event::Start(Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) => {
                blocks.push(Block::Other)
            }
            Event::End(TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) => {
                blocks.pop();
            }
            // The `<div>` lines that `components` wrote, and raw ones.
            Event::Html(html)
                if html.trim_start().starts_with("<div") && !html.contains("</div") =>
            {
                blocks.push(Block::Other)
            }
            Event::Html(html) if html.trim_start().starts_with("</div") => {
                if blocks.last() == Some(&Block::Other) {
                    blocks.pop();
                }
            }
            Event::Start(Tag::Paragraph) => {
                let custom = matches!(
                    iter.peek(),
                    Some(Event::InlineHtml(html)) if starts_with_custom_tag(html)
                );
                paragraph = match blocks.last_mut() {
                    Some(Block::Item(seen)) => {
                        if *seen > 0 {
                            out.push(Event::HardBreak);
                        }
                        *seen += 1;
                        Paragraph::Unwrapped
                    }
                    _ if !custom => Paragraph::Kept,
                    Some(Block::Other) => Paragraph::Unwrapped,
                    None => Paragraph::ElementsOnly { depth: 0 },
                };
                if matches!(paragraph, Paragraph::ElementsOnly { .. }) {
                    // Components are blocks on the site: keep this one apart
                    // from its neighbours, with no paragraph.
                    out.push(Event::Html("<div>".into()));
                }
                if paragraph != Paragraph::Kept {
                    continue;
                }
            }
            Event::End(TagEnd::Paragraph) => {
                let was = std::mem::replace(&mut paragraph, Paragraph::Kept);
                if matches!(was, Paragraph::ElementsOnly { .. }) {
                    out.push(Event::Html("</div>".into()));
                }
                if was != Paragraph::Kept {
                    continue;
                }
            }
            _ => {}
        }
        if let Paragraph::ElementsOnly { depth } = &mut paragraph {
            match &event {
                Event::Text(_) | Event::SoftBreak if *depth == 0 => continue,
                Event::Start(_) => *depth += 1,
                Event::End(_) => *depth = depth.saturating_sub(1),
                Event::InlineHtml(html) => *depth = html_depth(*depth, html),
                _ => {}
            }
        }
        out.push(event);
    }
    out
}

/// The element depth after an inline HTML tag.
fn html_depth(depth: usize, html: &str) -> usize {
    match tag_name(html) {
        _ if html.starts_with("</") => depth.saturating_sub(1),
        Some(name) if !html.ends_with("/>") && !is_void(name) => depth + 1,
        _ => depth,
    }
}

/// Whether inline HTML starts with a tag (opening or closing) whose name,
/// in kebab case as the site writes it, is not an HTML element.
fn starts_with_custom_tag(html: &str) -> bool {
    tag_name(html).is_some_and(|name| {
        // `MyTag` is `my-tag` for the site: an inner capital makes a hyphen,
        // and no HTML element has one.
        let inner_capital = name.chars().skip(1).any(|c| c.is_ascii_uppercase())
            && name.chars().any(|c| c.is_ascii_lowercase());
        inner_capital
            || HTML_ELEMENTS
                .binary_search(&name.to_ascii_lowercase().as_str())
                .is_err()
    })
}

/// The name of the tag `html` starts with: `<name` or `</name`.
fn tag_name(html: &str) -> Option<&str> {
    let rest = html.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let len = rest
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_'))
        .count();
    (len > 0).then(|| &rest[..len])
}

fn is_void(name: &str) -> bool {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// The names of HTML's elements, sorted: any other tag is a component.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "math",
    "menu",
    "menuitem",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "script",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

#[cfg(test)]
mod tests {
    use pulldown_cmark::{html, Parser};

    fn render(src: &str) -> String {
        let mut out = String::new();
        let events = super::as_the_site(Parser::new(src).collect());
        html::push_html(&mut out, events.into_iter());
        out.replace('\n', "")
    }

    #[test]
    fn the_element_list_is_sorted() {
        assert!(super::HTML_ELEMENTS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn loose_items_lose_their_paragraphs() {
        assert_eq!(render("- a\n\n- b\n"), "<ul><li>a</li><li>b</li></ul>");
        assert_eq!(
            render("1. x\n\n   y\n\n   > q\n2. z\n"),
            "<ol><li>x<br />y<blockquote><p>q</p></blockquote></li><li>z</li></ol>"
        );
        assert_eq!(
            render("para\n\n> quote\n"),
            "<p>para</p><blockquote><p>quote</p></blockquote>"
        );
    }

    #[test]
    fn a_paragraph_opened_by_a_component_tag_is_none() {
        assert_eq!(
            render("<Badge>new</Badge> and more\n"),
            "<div><Badge>new</Badge></div>"
        );
        assert_eq!(
            render("<MyTag>x</MyTag> y *z*\n"),
            "<div><MyTag>x</MyTag><em>z</em></div>"
        );
        assert_eq!(
            render("> <Badge>q</Badge> tail\n"),
            "<blockquote><Badge>q</Badge> tail</blockquote>"
        );
        assert_eq!(render("<span>s</span> t\n"), "<p><span>s</span> t</p>");
        assert_eq!(
            render("text <Badge>b</Badge>\n"),
            "<p>text <Badge>b</Badge></p>"
        );
    }
}
