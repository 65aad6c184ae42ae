//! Markdown to safe HTML for the live preview, with the one set of
//! pulldown-cmark options Billet uses everywhere.
//!
//! The post's body goes through five steps, each in its own file of this
//! folder:
//!
//! 1. `components`: MDC block components (`::card` … `::`, slots `#title`)
//!    become `<div class="mdc-card">` lines around their Markdown content.
//! 2. pulldown-cmark parses the result with [`options`].
//! 3. The events are adjusted to what the site's renderer makes of them:
//!    `inline` reads MDC's inline syntax (`:br`, `:kbd{…}`, `[span]`,
//!    `{.class}` after an element) and carries table alignment without
//!    `style`; `paragraphs` writes paragraphs where the site does; `autolinks` links
//!    bare web and e-mail addresses.
//! 4. `sanitize`: the HTML, raw HTML included, is cleaned by an allowlist
//!    (tags, attributes, URL schemes, video hosts for iframes; see `urls`).
//! 5. `finish`: iframes that lost their `src` are removed, and site-relative
//!    image URLs are handed to the caller's `media` function.
//!
//! Front matter never renders: callers pass the body only.

mod attributes;
mod autolinks;
mod components;
mod finish;
mod images;
mod inline;
mod inline_components;
mod paragraphs;
mod sanitize;
mod urls;

#[cfg(test)]
mod tests_render;
#[cfg(test)]
mod tests_xss;

use pulldown_cmark::{html, Options};

pub use images::image_urls;

/// The Markdown extensions the site's renderer understands too.
///
/// MDC needs no heading attributes: its `{...}` after inline elements is
/// handled by this module itself.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// The post body as safe HTML. Image URLs are kept as written (site-relative
/// ones stay site-relative), which is what the command line prints.
pub fn render(markdown: &str) -> String {
    render_inner(markdown, None)
}

/// The post body as safe HTML, with every site-relative image URL
/// (`/blog/a.png`, `blog/a.png`, in Markdown images and raw `<img>` alike)
/// replaced by what `media` returns for it: the URL the app serves that file
/// under. `media` receives the URL as the post spells it once HTML entities
/// are decoded (Markdown images arrive percent-encoded, e.g. `%20` for a
/// space); when it returns `None` the image keeps no `src`. Absolute `http(s)`
/// image URLs are kept; any other image URL is dropped.
pub fn render_with(markdown: &str, media: &dyn Fn(&str) -> Option<String>) -> String {
    render_inner(markdown, Some(media))
}

fn render_inner(markdown: &str, media: Option<finish::Media>) -> String {
    let source = components::expand(markdown);
    let events = inline::events(&source, options());
    let events = autolinks::link(paragraphs::as_the_site(events));
    let mut raw = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut raw, events.into_iter());
    let clean = sanitize::clean(&raw);
    finish::finish(clean, media)
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

/// Whether a link clicked in the preview may be handed to the system: only
/// web and email links, so that nothing in a post can launch another program.
pub fn openable_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_web_and_mail_links_open() {
        for ok in ["https://example.org", " HTTP://x.org/a", "mailto:a@b.c"] {
            assert!(super::openable_link(ok), "{ok}");
        }
        for refused in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "smb://host/share",
            "/blog/a",
            "billet-media://localhost/x",
            "data:text/html,x",
        ] {
            assert!(!super::openable_link(refused), "{refused}");
        }
    }
}
