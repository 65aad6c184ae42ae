//! Hostile posts: whatever they hold, the preview's HTML has no way to run
//! script, and only tags of the allowlist.

use regex::Regex;

use super::{render, render_with};

/// Script tags, handlers, URL schemes in every disguise, foreign content,
/// dangerous elements, parser tricks, and MDC's own syntax.
const PAYLOADS: &[&str] = &[
    // script tags
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "x <script\n>alert(1)</script\n> y",
    // event handlers
    "<img src=x onerror=alert(1)>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<body onload=alert(1)>",
    "<div onmouseover=\"alert(1)\">x</div>",
    "<a href=\"https://x.org\" onclick=\"alert(1)\">x</a>",
    "<span class=\"x\" onfocus=alert(1) autofocus tabindex=0>x</span>",
    "<details open ontoggle=alert(1)>x</details>",
    "<p/onmouseover=alert(1)>x</p>",
    // javascript: in raw HTML, in every disguise
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
    "<a href=\"&#0000106&#0000097vascript:alert(1)\">x</a>",
    "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
    "<a href=\"java\tscript:alert(1)\">x</a>",
    "<a href=\"java\nscript:alert(1)\">x</a>",
    "<a href=\"java&#x09;script:alert(1)\">x</a>",
    "<a href=\"java&#x0A;script:alert(1)\">x</a>",
    "<a href=\"java&Tab;script:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"   javascript:alert(1)\">x</a>",
    "<a href=\"\u{1}javascript:alert(1)\">x</a>",
    "<a href=javascript&colon;alert(1)>x</a>",
    "<img src=\"javascript:alert(1)\">",
    // javascript: in Markdown
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x]( javascript:alert(1) \"t\")",
    "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x]\n\n[x]: &#x6A;avascript:alert(1)",
    "![x](javascript:alert(1))",
    // other schemes
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<img src=\"data:text/html,<script>alert(1)</script>\">",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "[x](vbscript:msgbox(1))",
    "<a href=\"file:///etc/passwd\">x</a>",
    "![x](file:///etc/passwd)",
    // foreign content
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg><animate attributeName=href values=javascript:alert(1) /></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<svg><iframe><a title=\"</iframe><img src onerror=alert(1)>\">x</a></iframe></svg>",
    // iframes
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
    "<iframe src=\"https://www.youtube.com.evil.example/embed/x\"></iframe>",
    "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" srcdoc=\"<script>alert(1)</script>\" onload=\"alert(1)\"></iframe>",
    "<iframe src=\"https://player.vimeo.com/video/1\"><script>alert(1)</script></iframe>",
    // elements that navigate, load or submit
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<form action=\"javascript:alert(1)\"><input type=submit></form>",
    "<button formaction=\"javascript:alert(1)\">x</button>",
    "<input type=\"image\" src=\"x\" onerror=\"alert(1)\" formaction=\"javascript:alert(1)\">",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<link rel=import href=\"https://evil.example/x.html\">",
    "<link rel=stylesheet href=\"javascript:alert(1)\">",
    "<template><script>alert(1)</script></template>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    // style
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<div style=\"width: expression(alert(1))\">x</div>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    // comments and unclosed tags
    "<!--<script>alert(1)</script>-->",
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><script>alert(1)</script> -->",
    "<img src=\"x\" alt=\"<img src=x onerror=alert(1)>\"",
    "<a href=\"https://x.org\" title=\"\"><img src=x onerror=alert(1)>\">x</a>",
    "<div><span class=\"x\"><a href=\"javascript:alert(1)\">x",
    "<img src=x onerror=alert(1)//",
    // MDC
    "::card{onclick=\"alert(1)\"}\nx\n::",
    "::card{.ok onmouseover=alert(1) style=\"x\"}\nx\n::",
    "::card{class='\"><script>alert(1)</script>'}\nx\n::",
    "::script\nalert(1)\n::",
    "**x**{onmouseover=\"alert(1)\"}",
    "[x](https://x.org){onclick=\"alert(1)\" .btn}",
    "![x](/a.png){onerror=\"alert(1)\"}",
    "`x`{class=\"a\\\" onclick=alert(1)\"}",
    "x :br{onclick=alert(1)}",
    "::card\n#title{onclick=alert(1)}\nT\n::",
    // component props, inline and in YAML, including the shown ones
    "::tabs-item{label=\"\\\"><script>alert(1)</script>\"}\nx\n::",
    "::card{title=\"<img src=x onerror=alert(1)>\" :to=\"javascript:alert(1)\"}\nx\n::",
    "::callout\n---\ntitle: <script>alert(1)</script>\nto: javascript:alert(1)\n---\nx\n::",
    ":kbd{value=\"<svg onload=alert(1)>\"}",
    ":kbd{value='\"><img src=x onerror=alert(1)>'} text",
    ":icon{name=\"x\" onclick=\"alert(1)\"}",
    ":badge[<script>alert(1)</script>]{label=\"&quot;><script>alert(1)</script>\"}",
    ":badge[**x**]{title=\"\\\" onmouseover=alert(1) x=\\\"\"}",
    // slot names
    "::card\n#<script>alert(1)</script>\nT\n::",
    "::card\n#title\\\"onclick=alert(1)\nT\n::",
    "::card\n#x onmouseover=alert(1)\nT\n::",
    // code-fence meta
    "```js [\"><script>alert(1)</script>] {1}\nx\n```",
    "```<img/src/onerror=alert(1)> [a.js]\nx\n```",
    "``` [file\" onclick=\"alert(1)] {1,3-5} meta=<script>\nx\n```",
    // span attributes
    "[x]{onclick=\"alert(1)\" .a}",
    "[x]{class=\"a\\\" onclick=alert(1)\"}",
    "[x]{title=\"</span><script>alert(1)</script>\"}",
    "[<img src=x onerror=alert(1)>]{.a}",
    // bindings and bare addresses
    "{{ '<script>alert(1)</script>' }}",
    "https://x.org/\"><script>alert(1)</script>",
    "www.x.org/<img/src=x/onerror=alert(1)>",
    "javascript:alert(1)@x.org and javascript://x.org/%0aalert(1)",
];

fn assert_safe(payload: &str, html: &str) {
    let lower = html.to_ascii_lowercase();
    for forbidden in [
        "<script",
        "<svg",
        "<math",
        "<meta",
        "<base",
        "<form",
        "<style",
        "<object",
        "<embed",
        "<link",
        "<template",
        "<button",
        "srcdoc",
    ] {
        assert!(
            !lower.contains(forbidden),
            "{forbidden} in {html:?}\nfrom {payload:?}"
        );
    }
    // The serializer writes every tag as `<name name="value"…>` and escapes
    // `<` in text (iframes are emptied), so this finds every tag.
    let tag =
        Regex::new(r#"<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s="'>/]+(?:="[^"]*")?)*)\s*/?>"#).unwrap();
    let attribute = Regex::new(r#"\s+([^\s="'>/]+)(?:="([^"]*)")?"#).unwrap();
    // The allowlist itself is checked by the payload tests above: none of
    // the dangerous tags they look for may come out.
    let allowed = super::sanitize::TAGS;
    let mut tags = 0;
    for tag in tag.captures_iter(html) {
        tags += 1;
        let name = tag[1].to_ascii_lowercase();
        assert!(
            allowed.contains(&name.as_str()),
            "<{name}> in {html:?}\nfrom {payload:?}"
        );
        for attribute in attribute.captures_iter(&tag[2]) {
            let key = attribute[1].to_ascii_lowercase();
            assert!(
                !key.starts_with("on"),
                "handler {key} in {html:?}\nfrom {payload:?}"
            );
            assert!(
                key != "style" && key != "srcdoc",
                "{key} in {html:?}\nfrom {payload:?}"
            );
            let value: String = attribute
                .get(2)
                .map_or("", |v| v.as_str())
                .replace("&amp;", "&");
            // As a browser reads a URL: surrounding spaces and controls
            // trimmed, tabs and newlines removed anywhere.
            let value: String = value
                .trim_matches(|c: char| c <= ' ')
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect::<String>()
                .to_ascii_lowercase();
            for scheme in ["javascript:", "data:", "vbscript:", "file:"] {
                assert!(
                    !value.starts_with(scheme),
                    "{key}={value} in {html:?}\nfrom {payload:?}"
                );
            }
            if name == "iframe" && key == "src" {
                let hosts = [
                    "https://www.youtube-nocookie.com/",
                    "https://youtube-nocookie.com/",
                    "https://www.youtube.com/",
                    "https://youtube.com/",
                    "https://player.vimeo.com/",
                ];
                assert!(
                    hosts.iter().any(|host| value.starts_with(host)),
                    "iframe to {value} from {payload:?}"
                );
            }
        }
    }
    // Every `<` is in a tag seen above or a closing tag; text has `&lt;`.
    let closing = Regex::new(r"</[a-zA-Z][a-zA-Z0-9]*>").unwrap();
    let rest = closing
        .replace_all(&tag.replace_all(html, ""), "")
        .into_owned();
    assert!(
        !rest.contains('<'),
        "stray `<` in {html:?}\nfrom {payload:?}"
    );
    assert!(tags > 0 || !html.contains('<'));
}

#[test]
fn there_are_enough_payloads() {
    assert!(PAYLOADS.len() >= 25);
}

#[test]
fn no_payload_can_run_script() {
    let media = |url: &str| Some(format!("billet-media://localhost/{url}"));
    for payload in PAYLOADS {
        assert_safe(payload, &render(payload));
        assert_safe(payload, &render_with(payload, &media));
        // The same inside a component, a list, a quote and a table cell.
        for wrapped in [
            format!("::card\n#title\n{payload}\n::\n"),
            format!("- {payload}\n"),
            format!("> {payload}\n"),
            format!("| a |\n|---|\n| {} |\n", payload.replace('\n', " ")),
        ] {
            assert_safe(&wrapped, &render(&wrapped));
        }
    }
}

#[test]
fn refused_iframes_are_removed_entirely() {
    for payload in [
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<iframe srcdoc=\"<p>x</p>\"></iframe>",
        "<iframe src=\"http://www.youtube.com/embed/x\"></iframe>",
        "<iframe></iframe>",
    ] {
        assert!(!render(payload).contains("iframe"), "{payload}");
    }
    let html = render(
        "<iframe src=\"https://player.vimeo.com/video/1\"><script>alert(1)</script></iframe>",
    );
    assert_eq!(
        html,
        "<iframe src=\"https://player.vimeo.com/video/1\"></iframe>"
    );
}

#[test]
fn links_keep_what_is_safe() {
    let html = render(
        "[a](javascript:alert(1)) [b](#part) [c](/blog/x) [d](mailto:a@b.c) <help@dokos.cloud>",
    );
    assert!(
        html.contains("<a rel=\"noopener noreferrer\">a</a>"),
        "{html}"
    );
    assert!(html.contains("href=\"#part\""), "{html}");
    assert!(html.contains("href=\"/blog/x\""), "{html}");
    assert!(html.contains("href=\"mailto:a@b.c\""), "{html}");
    assert!(html.contains("href=\"mailto:help@dokos.cloud\""), "{html}");
}

#[test]
fn task_list_boxes_are_the_only_inputs() {
    let html = render("- [x] fait\n- [ ] à faire\n\n<input type=\"text\" value=\"x\" name=\"q\">");
    assert_eq!(html.matches("checked=\"\"").count(), 1, "{html}");
    assert_eq!(html.matches("<input").count(), 3, "{html}");
    for input in html.split("<input").skip(1) {
        let tag = &input[..input.find('>').unwrap()];
        assert!(
            tag.contains("type=\"checkbox\"") && tag.contains("disabled=\"\""),
            "{html}"
        );
        assert!(!tag.contains("value") && !tag.contains("name"), "{html}");
    }
}
