//! The last pass, on the sanitizer's output: iframes whose `src` was refused
//! are removed (with whatever text the parser left inside any iframe), and
//! site-relative image URLs are replaced by the caller's.
//!
//! The sanitizer's serializer writes HTML in one regular shape: lower-case
//! tag names, every attribute as ` name="value"` with `"` and `&` escaped,
//! `<` escaped in text everywhere except inside iframes. Reading that shape
//! back needs no HTML parser.

use super::escape_into;
use super::urls::{self, ImageUrl};

/// The caller's mapping from a site-relative image URL to the one to load.
pub(super) type Media<'m> = &'m dyn Fn(&str) -> Option<String>;

pub(super) fn finish(html: String, media: Option<Media>) -> String {
    let images = media.is_some() && html.contains("<img");
    if !images && !html.contains("<iframe") {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html.as_str();
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some(tag) = StartTag::parse(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        match (tag.name, media) {
            ("iframe", _) => {
                const CLOSE: &str = "</iframe>";
                let end = rest[tag.len..]
                    .find(CLOSE)
                    .map_or(rest.len(), |at| tag.len + at + CLOSE.len());
                if tag.attribute("src").is_some() {
                    out.push_str(&rest[..tag.len]);
                    out.push_str(CLOSE);
                }
                rest = &rest[end..];
                continue;
            }
            ("img", Some(media)) => write_image(&mut out, &tag, media),
            _ => out.push_str(&rest[..tag.len]),
        }
        rest = &rest[tag.len..];
    }
    out.push_str(rest);
    out
}

/// A start tag as the serializer writes it.
struct StartTag<'a> {
    name: &'a str,
    /// Names and still-escaped values.
    attributes: Vec<(&'a str, &'a str)>,
    /// Its length in bytes, `<` to `>`.
    len: usize,
}

impl<'a> StartTag<'a> {
    /// The start tag at the beginning of `s` (which starts with `<`).
    fn parse(s: &'a str) -> Option<StartTag<'a>> {
        let b = s.as_bytes();
        let name_len = b[1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            return None;
        }
        let name = &s[1..1 + name_len];
        let mut attributes = Vec::new();
        let mut i = 1 + name_len;
        loop {
            match *b.get(i)? {
                b'>' => {
                    return Some(StartTag {
                        name,
                        attributes,
                        len: i + 1,
                    })
                }
                b' ' => {
                    let start = i + 1;
                    i = start;
                    while !matches!(*b.get(i)?, b'=' | b' ' | b'>') {
                        i += 1;
                    }
                    let attribute = &s[start..i];
                    if b[i] == b'=' {
                        if b.get(i + 1) != Some(&b'"') {
                            return None;
                        }
                        let value_start = i + 2;
                        let value_len = s[value_start..].find('"')?;
                        attributes.push((attribute, &s[value_start..value_start + value_len]));
                        i = value_start + value_len + 1;
                    } else {
                        attributes.push((attribute, ""));
                    }
                }
                _ => return None,
            }
        }
    }

    fn attribute(&self, name: &str) -> Option<&'a str> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
}

fn write_image(out: &mut String, tag: &StartTag, media: Media) {
    out.push_str("<img");
    for &(name, value) in &tag.attributes {
        if name == "src" {
            let url = unescape(value);
            match urls::image_url(&url) {
                Some(ImageUrl::Absolute) => push_attribute(out, name, value),
                Some(ImageUrl::SiteRelative) => {
                    if let Some(served) = media(&url) {
                        out.push_str(" src=\"");
                        escape_into(out, &served);
                        out.push('"');
                    }
                }
                None => {}
            }
        } else {
            push_attribute(out, name, value);
        }
    }
    out.push('>');
}

fn push_attribute(out: &mut String, name: &str, escaped_value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    out.push_str(escaped_value);
    out.push('"');
}

/// Undoes the serializer's attribute escaping (and the same entities in a
/// post's raw HTML).
pub(super) fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let entities = [
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&nbsp;", '\u{a0}'),
            ("&lt;", '<'),
            ("&gt;", '>'),
        ];
        match entities.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((entity, c)) => {
                out.push(*c);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::finish;

    #[test]
    fn iframes_without_src_go_with_their_text() {
        let html = "<p>a</p><iframe width=\"1\"><b>x</b></iframe><p title=\"<iframe>\">b</p><iframe src=\"https://player.vimeo.com/v\">&lt;script</iframe>";
        assert_eq!(
            finish(html.into(), None),
            "<p>a</p><p title=\"<iframe>\">b</p><iframe src=\"https://player.vimeo.com/v\"></iframe>"
        );
    }

    #[test]
    fn site_images_go_through_media() {
        let media =
            |url: &str| (url != "/none.png").then(|| format!("billet-media://localhost{url}"));
        let html = "<img src=\"/a&amp;b.png\" alt=\"x\"><img alt=\"\" src=\"https://x.org/c.png\"><img src=\"/none.png\">";
        assert_eq!(
            finish(html.into(), Some(&media)),
            "<img src=\"billet-media://localhost/a&amp;b.png\" alt=\"x\"><img alt=\"\" src=\"https://x.org/c.png\"><img>"
        );
        assert_eq!(finish(html.into(), None), html);
    }
}
