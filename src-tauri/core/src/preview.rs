//! Markdown to HTML for the preview, with the one set of pulldown-cmark
//! options Billet uses everywhere.
//!
//! This is pulldown-cmark's plain output for now: raw HTML passes through.
//! The preview issue makes it safe (a sanitised subset) and MDC-aware.

use pulldown_cmark::{html, Options, Parser};

/// The Markdown extensions the site's renderer understands too.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

pub fn render(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, options()));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn renders_the_usual_markdown() {
        let html = super::render("## Titre\n\n**gras** [lien](https://x.org)\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<h2>Titre</h2>"));
        assert!(html.contains("<strong>gras</strong>"));
        assert!(html.contains("<a href=\"https://x.org\">lien</a>"));
        assert!(html.contains("<li>a</li>"));
        assert!(html.contains("<table>"));
    }
}
