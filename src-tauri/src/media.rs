//! The `billet-media` protocol: how the webview sees the open site's images
//! (covers, body images, the site's stylesheet). It answers only for files
//! inside the open site.

use std::borrow::Cow;

use billet_core::paths;
use percent_encoding::percent_decode_str;
use tauri::http::{Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext};

use crate::state::AppState;

pub const SCHEME: &str = "billet-media";

/// What must be escaped in a URL path (names may hold spaces, quotes, `#`).
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'[')
    .add(b']');

/// The URL under which the webview reaches a site-relative file. Windows
/// and Android webviews take custom schemes as http hosts.
pub fn media_url(rel: &str) -> String {
    let rel = percent_encoding::utf8_percent_encode(rel, SEGMENT).to_string();
    if cfg!(any(windows, target_os = "android")) {
        format!("http://{SCHEME}.localhost/{rel}")
    } else {
        format!("{SCHEME}://localhost/{rel}")
    }
}

pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
) -> Response<Cow<'static, [u8]>> {
    let path = request.uri().path().trim_start_matches('/');
    let Ok(rel) = percent_decode_str(path).decode_utf8() else {
        return status(StatusCode::BAD_REQUEST);
    };
    let state = ctx.app_handle().state::<AppState>();
    let Some(workspace) = state.current() else {
        return status(StatusCode::NOT_FOUND);
    };
    let root = &workspace.site().root;
    let Ok(file) = paths::resolve(root, &rel) else {
        return status(StatusCode::FORBIDDEN);
    };
    match std::fs::read(&file) {
        Ok(bytes) => Response::builder()
            .header("Content-Type", content_type(&rel))
            .header("Cache-Control", "no-cache")
            .body(Cow::Owned(bytes))
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(_) => status(StatusCode::NOT_FOUND),
    }
}

fn status(code: StatusCode) -> Response<Cow<'static, [u8]>> {
    Response::builder()
        .status(code)
        .body(Cow::Borrowed(&[][..]))
        .expect("a bodiless response builds")
}

fn content_type(rel: &str) -> &'static str {
    match rel
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        Some("avif") => "image/avif",
        // An SVG is served as an image only: the preview shows it with <img>,
        // where its scripts cannot run.
        Some("svg") => "image/svg+xml",
        Some("css") => "text/css",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_escape_what_file_names_hold() {
        let url = media_url("public/blog/2025/Capture d’ecran #2.png");
        assert!(
            url.ends_with("/public/blog/2025/Capture%20d%E2%80%99ecran%20%232.png"),
            "{url}"
        );
        let back = percent_decode_str(url.rsplit("localhost/").next().unwrap())
            .decode_utf8()
            .unwrap();
        assert_eq!(back, "public/blog/2025/Capture d’ecran #2.png");
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a/b.JPG"), "image/jpeg");
        assert_eq!(content_type("a/b.svg"), "image/svg+xml");
        assert_eq!(content_type("a/b.css"), "text/css");
        assert_eq!(content_type("a/b"), "application/octet-stream");
    }
}
