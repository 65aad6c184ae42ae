//! Bare web addresses and e-mail addresses become links, as the site's
//! renderer does with GitHub's "autolink literals" (remark-gfm): text that
//! starts with `http://`, `https://` or `www.`, and e-mail addresses.
//!
//! Finding where an address ends (trailing punctuation, balanced
//! parentheses) is the `linkify` crate's job; this file only keeps the kinds
//! GitHub's rules link. `example.org` alone stays text, as on the site.

use std::sync::OnceLock;

use linkify::{LinkFinder, LinkKind};
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// The events with every bare address in their text turned into a link.
/// Text inside links, images and code is left alone: the site does not
/// link an address twice, nor inside code.
pub(super) fn link(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if maybe_address(t)))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() + 8);
    let mut inside = 0usize;
    let mut pending: Option<CowStr> = None;
    for event in events {
        match event {
            Event::Text(text) if inside == 0 => {
                // pulldown-cmark may cut one run of text in several events
                // (at `_` or `*` that open nothing): join them first.
                pending = Some(match pending.take() {
                    None => text,
                    Some(before) => CowStr::from(format!("{before}{text}")),
                });
                continue;
            }
            _ => {}
        }
        if let Some(text) = pending.take() {
            push_linked(&mut out, text);
        }
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => inside += 1,
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                inside = inside.saturating_sub(1)
            }
            _ => {}
        }
        out.push(event);
    }
    if let Some(text) = pending {
        push_linked(&mut out, text);
    }
    out
}

/// A cheap test that spares most text the finder's scan.
fn maybe_address(text: &str) -> bool {
    text.contains("://") || text.contains("www.") || text.contains('@')
}

fn finder() -> &'static LinkFinder {
    static FINDER: OnceLock<LinkFinder> = OnceLock::new();
    FINDER.get_or_init(|| {
        let mut finder = LinkFinder::new();
        // `www.example.org` has no scheme, yet GitHub's rules link it.
        finder.url_must_have_scheme(false);
        finder.kinds(&[LinkKind::Url, LinkKind::Email]);
        finder
    })
}

fn push_linked<'a>(out: &mut Vec<Event<'a>>, text: CowStr<'a>) {
    if !maybe_address(&text) {
        out.push(Event::Text(text));
        return;
    }
    let mut done = 0;
    for found in finder().links(&text) {
        let address = found.as_str();
        let (link_type, dest) = match found.kind() {
            LinkKind::Email => (LinkType::Email, address.to_string()),
            _ if has_prefix(address, "http://") || has_prefix(address, "https://") => {
                (LinkType::Autolink, address.to_string())
            }
            // The site gives `www.` addresses the http scheme.
            _ if has_prefix(address, "www.") => (LinkType::Autolink, format!("http://{address}")),
            _ => continue,
        };
        if found.start() > done {
            out.push(Event::Text(text[done..found.start()].to_string().into()));
        }
        out.push(Event::Start(Tag::Link {
            link_type,
            dest_url: dest.into(),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }));
        out.push(Event::Text(address.to_string().into()));
        out.push(Event::End(TagEnd::Link));
        done = found.end();
    }
    match done {
        0 => out.push(Event::Text(text)),
        _ if done < text.len() => out.push(Event::Text(text[done..].to_string().into())),
        _ => {}
    }
}

fn has_prefix(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{html, Parser};

    fn render(src: &str) -> String {
        let mut out = String::new();
        html::push_html(
            &mut out,
            super::link(Parser::new(src).collect()).into_iter(),
        );
        out
    }

    #[test]
    fn web_and_mail_addresses_become_links() {
        assert_eq!(
            render("See https://doc.example.org/a_b/c. Or www.example.org, or a@b.fr!\n"),
            "<p>See <a href=\"https://doc.example.org/a_b/c\">https://doc.example.org/a_b/c</a>. \
             Or <a href=\"http://www.example.org\">www.example.org</a>, \
             or <a href=\"mailto:a@b.fr\">a@b.fr</a>!</p>\n"
        );
    }

    #[test]
    fn what_the_site_leaves_as_text() {
        for src in [
            "example.org alone\n",
            "ftp://example.org/file\n",
            "`https://in.code`\n",
            "```\nhttps://in.block\n```\n",
            "http:/broken and mailto\n",
        ] {
            assert!(!render(src).contains("<a "), "{src}: {}", render(src));
        }
    }

    #[test]
    fn an_address_is_never_linked_twice() {
        assert_eq!(
            render("[https://y.org](https://z.org) <https://w.org>\n"),
            "<p><a href=\"https://z.org\">https://y.org</a> \
             <a href=\"https://w.org\">https://w.org</a></p>\n"
        );
    }
}
