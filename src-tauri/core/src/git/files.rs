//! Which files a post touches: the post itself, its cover, and the images
//! its body shows, each once, as site-relative paths.

use percent_encoding::percent_decode_str;

use super::FileRole;
use crate::paths;
use crate::post::Post;
use crate::preview::image_urls;
use crate::site::Site;

/// The post (first), then its cover, then its body images in order of
/// appearance. Images on other sites, or whose path would lead out of the
/// site, are not the site's files and are left out. A post that cannot be
/// read or parsed is listed alone: its images cannot be known.
pub(super) fn referenced(site: &Site, post_rel: &str) -> Vec<(String, FileRole)> {
    let mut files = vec![(post_rel.to_string(), FileRole::Post)];
    let Some(post) = std::fs::read(site.root.join(post_rel))
        .ok()
        .and_then(|bytes| Post::parse(&bytes).ok())
    else {
        return files;
    };
    let cover = post.meta(&site.config.cover.field).cover.map(|c| c.src);
    let urls = cover.into_iter().map(|url| (url, FileRole::Cover)).chain(
        image_urls(post.body())
            .into_iter()
            .map(|url| (url, FileRole::Image)),
    );
    for (url, role) in urls {
        let url = percent_decode_str(&url).decode_utf8_lossy();
        let Some(rel) = site.media_file_for_url(&url) else {
            continue;
        };
        if paths::resolve(&site.root, &rel).is_ok() && !files.iter().any(|(f, _)| *f == rel) {
            files.push((rel, role));
        }
    }
    files
}
