//! The sanitizer's policy: what HTML may reach the preview.
//!
//! The rendered post, raw HTML included, is parsed by html5ever (as a
//! browser would parse it) and rebuilt from an allowlist. Anything not listed
//! is removed: `script`, `style`, `svg`, `math`, `form`, `object`,
//! `embed`, `meta`, `base`, `link`, `template`… go with their content or
//! leave their text behind; every `on*` handler, `style`, `id` and `srcdoc`
//! attribute goes. URLs keep only http, https, mailto and relative ones,
//! judged after entity decoding and whitespace removal, so `&#106;avascript:`
//! or `java\tscript:` are caught like `javascript:`.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use ammonia::{Builder, UrlRelative};

use super::urls;

/// What the real posts use (see shared/corpus), the tags pulldown-cmark
/// writes, and a few inline formatting tags authors paste.
pub(super) const TAGS: &[&str] = &[
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "em",
    "strong",
    "del",
    "s",
    "b",
    "i",
    "sup",
    "sub",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "span",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "input",
    "iframe",
];

/// Removed with everything inside them, not just unwrapped.
const REMOVED_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "svg", "math", "noscript", "object", "embed", "applet",
];

/// The cleaned HTML.
pub(super) fn clean(html: &str) -> String {
    policy().clean(html).to_string()
}

fn policy() -> &'static Builder<'static> {
    static POLICY: OnceLock<Builder<'static>> = OnceLock::new();
    POLICY.get_or_init(build)
}

fn build() -> Builder<'static> {
    let tag_attributes = HashMap::from([
        ("a", HashSet::from(["href", "target", "title"])),
        (
            "img",
            HashSet::from(["src", "alt", "title", "width", "height"]),
        ),
        (
            "iframe",
            HashSet::from([
                "src",
                "width",
                "height",
                "title",
                "allow",
                "allowfullscreen",
                "frameborder",
            ]),
        ),
        ("ol", HashSet::from(["start"])),
        ("input", HashSet::from(["checked"])),
    ]);
    let alignments = || HashMap::from([("align", HashSet::from(["left", "center", "right"]))]);
    let mut builder = Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect())
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().copied().collect())
        // The props a component shows (see `attributes::SHOWN`), for the
        // style sheet; inert data.
        .generic_attributes(HashSet::from([
            "class",
            "data-filename",
            "data-label",
            "data-title",
            "data-value",
        ]))
        .tag_attributes(tag_attributes)
        .tag_attribute_values(HashMap::from([("th", alignments()), ("td", alignments())]))
        // A task list's box, whatever the input said it was.
        .set_tag_attribute_values(HashMap::from([(
            "input",
            HashMap::from([("type", "checkbox"), ("disabled", "")]),
        )]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .attribute_filter(filter);
    builder
}

/// The checks a scheme allowlist cannot make. Runs after it, on values with
/// entities already decoded.
fn filter<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let keep = match (element, attribute) {
        ("iframe", "src") => urls::is_video_embed(value),
        ("img", "src") => urls::image_url(value).is_some(),
        ("a", "target") => {
            value.eq_ignore_ascii_case("_blank") || value.eq_ignore_ascii_case("_self")
        }
        _ => true,
    };
    keep.then_some(Cow::Borrowed(value))
}
