//! What the real posts use survives, rendered the way the site renders it.
//! The excerpts come from shared/corpus/dokos-website (its blog posts).

use super::{render, render_with};

fn media(url: &str) -> Option<String> {
    Some(format!(
        "billet-media://localhost/{}",
        url.trim_start_matches('/')
    ))
}

/// Blank lines and the line breaks around tags do not matter to the site.
fn squeeze(html: &str) -> String {
    html.split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn renders_the_usual_markdown() {
    let html = render("## Titre\n\n**gras** *it* ~~barré~~ `code` [lien](https://x.org)\n\n- a\n- b\n\n1. un\n2. deux\n\n> cité\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    for expected in [
        "<h2>Titre</h2>",
        "<strong>gras</strong>",
        "<em>it</em>",
        "<del>barré</del>",
        "<code>code</code>",
        "<a href=\"https://x.org\" rel=\"noopener noreferrer\">lien</a>",
        "<li>a</li>",
        "<ol>",
        "<blockquote>",
        "<hr>",
        "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>",
        "<td>1</td>",
    ] {
        assert!(html.contains(expected), "{expected} not in {html}");
    }
}

#[test]
fn code_blocks_keep_their_language_and_escape_their_text() {
    let html = render("```html\n<script>alert(1)</script>\n::card\n```\n");
    assert_eq!(
        html,
        "<pre><code class=\"language-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n::card\n</code></pre>\n"
    );
}

#[test]
fn raw_html_of_the_posts_survives() {
    // programme-formation-utilisation-dokos.md, marketplace-digitalocean.md,
    // dokos-nouvel-erp-open-source.md
    let html = render(concat!(
        "<br>14/01/2021 de 9h à 11h :\n\n",
        "Pour vous inscrire - <a href=\"https://dashboard.dokos.io/events\" target=\"_blank\">Lien d'inscription</a>\n\n",
        "<a class=\"outline-btn shadow-lg\" href=\"https://marketplace.digitalocean.com/apps/dokos?refcode=92286dd99700\" target=\"_blank\" rel=\"noopener\">\n",
        "  <img class=\"mx-auto w-48\" src=\"/images/DO_Logo_horizontal_blue.svg\" alt=\"DigitalOcean marketplace\">\n",
        "</a>\n\n",
        "- Suppression des domaines.  \n",
        "  <span class=\"text-gray-600\">Ce choix est principalement dû.</span>\n",
    ));
    for expected in [
        "<br>14/01/2021",
        "<a href=\"https://dashboard.dokos.io/events\" target=\"_blank\" rel=\"noopener noreferrer\">Lien d'inscription</a>",
        "<a class=\"outline-btn shadow-lg\" href=\"https://marketplace.digitalocean.com/apps/dokos?refcode=92286dd99700\" target=\"_blank\" rel=\"noopener noreferrer\">",
        "<img class=\"mx-auto w-48\" src=\"/images/DO_Logo_horizontal_blue.svg\" alt=\"DigitalOcean marketplace\">",
        "<span class=\"text-gray-600\">Ce choix est principalement dû.</span>",
    ] {
        assert!(html.contains(expected), "{expected} not in {html}");
    }
}

#[test]
fn youtube_embed_survives_without_its_style() {
    // frappe-builder-ia.md
    let html = render(concat!(
        "<div style=\"position: relative; padding-bottom: 56.25%; height: 0;\">\n",
        "  <iframe\n",
        "    style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%;\"\n",
        "    src=\"https://www.youtube.com/embed/0gJvf_AqKsc?start=7\"\n",
        "    title=\"Frappe Builder et IA - Dokos\"\n",
        "    frameborder=\"0\"\n",
        "    allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture\"\n",
        "    allowfullscreen\n",
        "  ></iframe>\n",
        "</div>\n",
    ));
    assert_eq!(
        squeeze(&html),
        concat!(
            "<div><iframe src=\"https://www.youtube.com/embed/0gJvf_AqKsc?start=7\" ",
            "title=\"Frappe Builder et IA - Dokos\" frameborder=\"0\" ",
            "allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture\" ",
            "allowfullscreen=\"\"></iframe></div>"
        )
    );
    let nocookie = render("<iframe width=\"560\" height=\"315\" src=\"https://www.youtube-nocookie.com/embed/x\" title=\"v\"></iframe>");
    assert_eq!(
        nocookie,
        "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube-nocookie.com/embed/x\" title=\"v\"></iframe>"
    );
}

#[test]
fn mdc_br_as_the_site_renders_it() {
    // version-4-0.md and la_nouvelle_obligation_de_certification.md
    let html = render(concat!(
        "sur nos deux sites de démo::br\n",
        "➡️ <https://demo.dokos.cloud/>\\:br\n",
        "➡️ <https://tierslieux.dokos.io/>\n",
        "\n",
        ":br\n",
        "\n",
        "✨ **Les écritures de clôture sont générées.**:br\n",
        "Suite\n",
        "\n",
        "- **Moins de choix**.\n",
        "- :br\n",
    ));
    assert_eq!(
        squeeze(&html),
        concat!(
            // After `o:`, `:br` is no component for remark-mdc: it stays text.
            "<p>sur nos deux sites de démo::br",
            // Escaped, it stays text.
            "➡️ <a href=\"https://demo.dokos.cloud/\" rel=\"noopener noreferrer\">https://demo.dokos.cloud/</a>:br",
            "➡️ <a href=\"https://tierslieux.dokos.io/\" rel=\"noopener noreferrer\">https://tierslieux.dokos.io/</a></p>",
            // Alone on its line, `:br` is a block: no paragraph around it.
            "<br>",
            "<p>✨ <strong>Les écritures de clôture sont générées.</strong><br>Suite</p>",
            "<ul><li><strong>Moins de choix</strong>.</li><li><br></li></ul>",
        )
    );
}

#[test]
fn mdc_card_from_the_webinar_post() {
    // fr/blog/2025/webinaire_bookings.md, lines 59 to 67
    let html = render(concat!(
        "*L'équipe Dokos* 💪\n",
        "\n",
        ":br\n",
        "\n",
        "::card\n",
        "**Pour s'inscrire, cliquez ici :**\n",
        "\n",
        "- [**Webinaire du 11 avril à 13h**](https://dashboard.dokos.io/events/EV04882-webinaire-booking-decouvrez-la)\n",
        "- [**Webinaire du 18 avril à 13h**](https://dashboard.dokos.io/events/EV04883-webinaire-booking-decouvrez-la)\n",
        "::\n",
    ));
    assert_eq!(
        squeeze(&html),
        concat!(
            "<p><em>L'équipe Dokos</em> 💪</p>",
            "<br>",
            "<div class=\"mdc-card\">",
            "<p><strong>Pour s'inscrire, cliquez ici :</strong></p>",
            "<ul>",
            "<li><a href=\"https://dashboard.dokos.io/events/EV04882-webinaire-booking-decouvrez-la\" rel=\"noopener noreferrer\"><strong>Webinaire du 11 avril à 13h</strong></a></li>",
            "<li><a href=\"https://dashboard.dokos.io/events/EV04883-webinaire-booking-decouvrez-la\" rel=\"noopener noreferrer\"><strong>Webinaire du 18 avril à 13h</strong></a></li>",
            "</ul>",
            "</div>",
        )
    );
}

#[test]
fn mdc_slots_attributes_and_nesting() {
    let html = render(concat!(
        "::card{.rounded-lg #inscription onclick=\"alert(1)\"}\n",
        "#title\n",
        "Le **titre**\n",
        "#description\n",
        "La description\n",
        ":::div{.mt-4}\n",
        "Dedans\n",
        ":::\n",
        "::\n",
        "\n",
        "Après\n",
    ));
    assert_eq!(
        squeeze(&html),
        concat!(
            "<div class=\"mdc-card rounded-lg\">",
            "<div class=\"mdc-slot-title\"><p>Le <strong>titre</strong></p></div>",
            "<div class=\"mdc-slot-description\"><p>La description</p>",
            "<div class=\"mdc-div mt-4\"><p>Dedans</p></div>",
            "</div>",
            "</div>",
            "<p>Après</p>",
        )
    );
}

#[test]
fn mdc_inline_attributes_give_classes() {
    let html =
        render("[S'inscrire](https://x.org){.btn .rounded-lg #id} et **gras**{.text-primary}\n");
    assert_eq!(
        html,
        "<p><a href=\"https://x.org\" class=\"btn rounded-lg\" rel=\"noopener noreferrer\">S'inscrire</a> et <strong class=\"text-primary\">gras</strong></p>\n"
    );
}

#[test]
fn images_go_through_the_media_callback() {
    let src = concat!(
        "![Couverture](/blog/2025/a.png)\n\n",
        "![Sans barre](blog/b.png \"titre\")\n\n",
        "<img src=\"/blog/2026/faire-festival/arrivee.svg\" alt=\"arrivée\" style=\"width: 66%;\" />\n\n",
        "![Ailleurs](https://example.org/c.png)\n\n",
        "![Données](data:image/png;base64,AAAA)\n\n",
        "<img src=\"//evil.example/d.png\" alt=\"d\">\n",
    );
    let html = render_with(src, &media);
    for expected in [
        "<img src=\"billet-media://localhost/blog/2025/a.png\" alt=\"Couverture\">",
        "<img src=\"billet-media://localhost/blog/b.png\" alt=\"Sans barre\" title=\"titre\">",
        "<img src=\"billet-media://localhost/blog/2026/faire-festival/arrivee.svg\" alt=\"arrivée\">",
        "<img src=\"https://example.org/c.png\" alt=\"Ailleurs\">",
        "<img alt=\"Données\">",
        "<img alt=\"d\">",
    ] {
        assert!(html.contains(expected), "{expected} not in {html}");
    }
    // Without a callback, site URLs stay as the post wrote them.
    let plain = render(src);
    assert!(
        plain.contains("<img src=\"/blog/2025/a.png\" alt=\"Couverture\">"),
        "{plain}"
    );
    assert!(plain.contains("<img src=\"blog/b.png\""), "{plain}");
    // A callback may refuse a file.
    let none = render_with("![x](/blog/missing.png)", &|_: &str| None);
    assert_eq!(none, "<p><img alt=\"x\"></p>\n");
    // The callback gets the URL without HTML escaping.
    let seen = render_with("<img src=\"/a&amp;b.png\">", &|url: &str| {
        assert_eq!(url, "/a&b.png");
        Some("ok".into())
    });
    assert_eq!(seen, "<img src=\"ok\">");
}

#[test]
fn table_alignment_is_kept_without_style() {
    let html = render("| Nom | Prix |\n|:---|---:|\n| a | 1 € |\n");
    assert!(
        html.contains("<th align=\"left\">Nom</th><th align=\"right\">Prix</th>"),
        "{html}"
    );
    assert!(
        html.contains("<td align=\"left\">a</td><td align=\"right\">1 €</td>"),
        "{html}"
    );
}

/// A 30 KB post of the corpus' kind renders whole and right (the preview
/// re-renders it on each keystroke; the time it takes is measured outside
/// the tests).
#[test]
fn a_long_post_renders_completely() {
    let section = concat!(
        "## **Une section**\n\n",
        "Un paragraphe avec du **gras**, de l'*italique*, un [lien](https://dokos.io) et une image :\n\n",
        "![Capture](/blog/2025/capture.png)\n\n",
        "- premier point\n- second point :br\n\n",
        "| Colonne | Valeur |\n|---|---|\n| a | 1 |\n\n",
        "::card\n#title\nÀ retenir\n::\n\n",
        "<a href=\"https://dokos.io\" target=\"_blank\">Lien</a><br>\n\n",
    );
    let post = section.repeat(30_000 / section.len() + 1);
    assert!(post.len() >= 30_000);
    let sections = post.matches("## ").count();
    let html = render_with(&post, &media);
    assert_eq!(html.matches("<h2>").count(), sections);
    assert_eq!(html.matches("<div class=\"mdc-card\">").count(), sections);
    assert_eq!(
        html.matches("billet-media://localhost/blog/2025/capture.png")
            .count(),
        sections
    );
    assert_eq!(html.matches("<table>").count(), sections);
    assert_eq!(
        html.matches("target=\"_blank\" rel=\"noopener noreferrer\"")
            .count(),
        sections
    );
}
