//! Which URLs the preview keeps, beyond the sanitizer's scheme allowlist
//! (http, https, mailto, relative): video embeds from known hosts only, and
//! images from the site or over http(s).

use ammonia::url::{ParseError, Url};

/// The hosts whose players may be embedded (always over https).
const VIDEO_HOSTS: [&str; 5] = [
    "www.youtube-nocookie.com",
    "youtube-nocookie.com",
    "www.youtube.com",
    "youtube.com",
    "player.vimeo.com",
];

/// Whether an iframe may load `src`: https, a known video host, no port,
/// no credentials.
pub(super) fn is_video_embed(src: &str) -> bool {
    let Ok(url) = Url::parse(src) else {
        return false;
    };
    url.scheme() == "https"
        && url.username().is_empty()
        && url.password().is_none()
        && url.port().is_none()
        && url
            .host_str()
            .is_some_and(|host| VIDEO_HOSTS.contains(&host))
}

/// What an image URL points at.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ImageUrl {
    /// `http(s)://…`: kept as it is.
    Absolute,
    /// A file of the site (`/blog/a.png`, `blog/a.png`): served by the app.
    SiteRelative,
}

/// What `src` is as an image URL, or `None` when it must not be loaded
/// (another scheme, a protocol-relative `//host/…`, nothing at all).
pub(super) fn image_url(src: &str) -> Option<ImageUrl> {
    match Url::parse(src) {
        Ok(url) => matches!(url.scheme(), "http" | "https").then_some(ImageUrl::Absolute),
        Err(ParseError::RelativeUrlWithoutBase) => {
            // What a browser resolves: without surrounding spaces and
            // controls, without tabs and newlines, `\` taken as `/`.
            let seen: String = src
                .trim_matches(|c: char| c <= ' ')
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .take(2)
                .map(|c| if c == '\\' { '/' } else { c })
                .collect();
            (!seen.is_empty() && seen != "//").then_some(ImageUrl::SiteRelative)
        }
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{image_url, is_video_embed, ImageUrl};

    #[test]
    fn video_hosts() {
        for ok in [
            "https://www.youtube-nocookie.com/embed/x",
            "https://youtube.com/embed/x?start=7",
            "https://www.youtube.com/embed/0gJvf_AqKsc?start=7",
            "https://player.vimeo.com/video/1",
            " https://PLAYER.vimeo.com/video/1",
        ] {
            assert!(is_video_embed(ok), "{ok}");
        }
        for bad in [
            "http://www.youtube.com/embed/x",
            "https://www.youtube.com.evil.com/embed/x",
            "https://evil.com/?https://www.youtube.com/",
            "https://www.youtube.com@evil.com/",
            "https://user@www.youtube.com/",
            "https://www.youtube.com:8443/embed/x",
            "https://vimeo.com/1",
            "//www.youtube.com/embed/x",
            "javascript:alert(1)",
            "",
        ] {
            assert!(!is_video_embed(bad), "{bad}");
        }
    }

    #[test]
    fn image_urls() {
        assert_eq!(image_url("/blog/2025/a.png"), Some(ImageUrl::SiteRelative));
        assert_eq!(image_url("blog/a b.png"), Some(ImageUrl::SiteRelative));
        assert_eq!(image_url("https://x.org/a.png"), Some(ImageUrl::Absolute));
        for bad in [
            "//evil.com/a.png",
            "/\\evil.com/a.png",
            " /\t/evil.com",
            "data:image/png;base64,AA",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "",
        ] {
            assert_eq!(image_url(bad), None, "{bad}");
        }
    }
}
