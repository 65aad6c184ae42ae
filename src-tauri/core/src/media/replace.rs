//! When a post's cover is replaced, its old file goes, unless some post still
//! uses it: the site keeps no orphan covers and never loses a shared one.

use super::MediaError;
use crate::library::Library;
use crate::paths;
use crate::save::SaveError;
use crate::site::Site;

/// Deletes the file that `old_url` refers to when no post of `library`
/// refers to it any more, as its cover or anywhere in its text (matched by
/// file name, which errs on the side of keeping). Call it after the post
/// with the new cover is saved and the library scanned. Returns the removed
/// file's site-relative path.
pub fn remove_replaced_cover(
    site: &Site,
    library: &Library,
    old_url: &str,
) -> Result<Option<String>, MediaError> {
    let Some(rel) = site.media_file_for_url(old_url) else {
        return Ok(None);
    };
    let file = paths::resolve(&site.root, &rel)?;
    if !file.is_file() {
        return Ok(None);
    }
    let name = rel.rsplit('/').next().unwrap_or(&rel);
    let still_used = library.posts.iter().any(|p| {
        p.cover
            .as_deref()
            .and_then(|url| site.media_file_for_url(url))
            .as_deref()
            == Some(rel.as_str())
            || std::fs::read_to_string(site.root.join(&p.path))
                .is_ok_and(|text| text.contains(name))
    });
    if still_used {
        return Ok(None);
    }
    std::fs::remove_file(&file).map_err(|e| MediaError::Save(SaveError::Io(file.clone(), e)))?;
    Ok(Some(rel))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn site(posts: &[(&str, &str)], files: &[&str]) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in posts {
            let full = dir.path().join(path);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, text).unwrap();
        }
        for file in files {
            let full = dir.path().join(file);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, b"picture").unwrap();
        }
        let site = Site::open(dir.path()).unwrap();
        (dir, site)
    }

    #[test]
    fn an_unused_old_cover_is_removed() {
        let (dir, site) = site(
            &[("content/fr/blog/a.md", "---\nimage: /blog/new.jpg\n---\n")],
            &["public/blog/old.jpg", "public/blog/new.jpg"],
        );
        let library = Library::scan(&site);
        let removed = remove_replaced_cover(&site, &library, "/blog/old.jpg").unwrap();
        assert_eq!(removed.as_deref(), Some("public/blog/old.jpg"));
        assert!(!dir.path().join("public/blog/old.jpg").exists());
        assert!(dir.path().join("public/blog/new.jpg").exists());
    }

    #[test]
    fn a_cover_another_post_uses_is_kept() {
        let (dir, site) = site(
            &[
                ("content/fr/blog/a.md", "---\nimage: /blog/new.jpg\n---\n"),
                (
                    "content/fr/blog/b.md",
                    "---\nimage:\n  src: 'blog/old.jpg'\n---\n",
                ),
                (
                    "content/fr/blog/c.md",
                    "---\nimage: /blog/c.jpg\n---\n![x](/blog/shared.jpg)\n",
                ),
            ],
            &["public/blog/old.jpg", "public/blog/shared.jpg"],
        );
        let library = Library::scan(&site);
        assert_eq!(
            remove_replaced_cover(&site, &library, "/blog/old.jpg").unwrap(),
            None
        );
        assert_eq!(
            remove_replaced_cover(&site, &library, "/blog/shared.jpg").unwrap(),
            None
        );
        assert!(dir.path().join("public/blog/old.jpg").exists());
        assert!(dir.path().join("public/blog/shared.jpg").exists());
        // A picture on another site, or one already gone: nothing to do.
        assert_eq!(
            remove_replaced_cover(&site, &library, "https://example.org/a.jpg").unwrap(),
            None
        );
        assert_eq!(
            remove_replaced_cover(&site, &library, "/blog/gone.jpg").unwrap(),
            None
        );
    }
}
