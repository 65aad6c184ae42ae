//! The images a post's body shows, for the list of files a post is
//! committed with: Markdown images and raw `<img src>`, found with the same
//! component expansion and parser options as the preview, so that the files
//! committed are the ones the preview loads.

use pulldown_cmark::{Event, Parser, Tag};

use super::{components, finish, options};

/// Every image URL of `markdown` in order of appearance, as the author wrote
/// it: Markdown's escapes and raw HTML's entities decoded, percent-encoding
/// (`a%20b.png`) kept.
pub fn image_urls(markdown: &str) -> Vec<String> {
    let source = components::expand(markdown);
    let mut urls = Vec::new();
    // A block of raw HTML arrives line by line: a tag may span several events.
    let mut html = String::new();
    for event in Parser::new_ext(&source, options()) {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => html.push_str(&raw),
            other => {
                img_sources(&html, &mut urls);
                html.clear();
                if let Event::Start(Tag::Image { dest_url, .. }) = other {
                    urls.push(dest_url.into_string());
                }
            }
        }
    }
    img_sources(&html, &mut urls);
    urls
}

/// Appends the `src` of each `<img>` tag in a piece of raw HTML.
fn img_sources(html: &str, urls: &mut Vec<String>) {
    // ASCII lower-casing keeps byte offsets, so positions in `lower` are
    // positions in `html`.
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<img") {
        let start = from + at + "<img".len();
        from = start;
        if !lower[start..].starts_with(|c: char| c.is_ascii_whitespace() || c == '/') {
            continue; // `<imgx>` is another element
        }
        if let Some(src) = attribute(&html[start..], &lower[start..], "src") {
            urls.push(finish::unescape(src));
        }
    }
}

/// The value of attribute `name` in a start tag's text after its name,
/// still escaped; `None` when the tag ends without it. `lower` is `tag`
/// lower-cased, for matching names.
fn attribute<'a>(tag: &'a str, lower: &str, name: &str) -> Option<&'a str> {
    let b = tag.as_bytes();
    let mut i = 0;
    loop {
        while b
            .get(i)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
        {
            i += 1;
        }
        if *b.get(i)? == b'>' {
            return None;
        }
        let name_start = i;
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/'))
        {
            i += 1;
        }
        let this = &lower[name_start..i];
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let value = match *b.get(i)? {
            quote @ (b'"' | b'\'') => {
                let len = tag[i + 1..].find(quote as char)?;
                let value = &tag[i + 1..i + 1 + len];
                i += len + 2;
                value
            }
            _ => {
                let start = i;
                while b
                    .get(i)
                    .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                {
                    i += 1;
                }
                &tag[start..i]
            }
        };
        if this == name {
            return Some(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::image_urls;

    #[test]
    fn markdown_and_raw_html_images_in_order() {
        let body = "Intro ![a](/blog/a.png \"t\")\n\n<p>\n<img alt=\"x > y\"\n  SRC='/blog/b&amp;c.jpg'>\n</p>\n\nText <img src=/blog/c.webp> and ![](<blog/d e.png>)\n\n[link](/blog/not-an-image.png) <imgx src=\"/no.png\">\n";
        assert_eq!(
            image_urls(body),
            [
                "/blog/a.png",
                "/blog/b&c.jpg",
                "/blog/c.webp",
                "blog/d e.png"
            ]
        );
    }

    #[test]
    fn images_inside_components_and_none_in_code() {
        let body = "::card\n![in card](/blog/card.png)\n::\n\n```\n![code](/blog/code.png)\n```\n\n    <img src=\"/blog/indented.png\">\n\n`<img src=\"/blog/inline-code.png\">`\n";
        assert_eq!(image_urls(body), ["/blog/card.png"]);
    }

    #[test]
    fn a_tag_without_src_or_unfinished_gives_nothing() {
        assert!(image_urls("<img alt=\"no source\">\n\n<img src=\"/blog/open.png").is_empty());
    }
}
