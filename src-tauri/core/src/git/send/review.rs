//! Review instead of a direct send: the branch a post goes to, and the web
//! page where the author asks for it to be reviewed, read off the remote's
//! address for the hosts that have such a page.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The branch a post is sent to for review: `billet/` and the post's file
/// name without its extension, kept to what every host takes in a branch name.
pub fn review_branch(post_rel: &str) -> String {
    let file = post_rel.rsplit('/').next().unwrap_or(post_rel);
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let mut name = String::new();
    for c in stem.chars() {
        let keep = c.is_ascii_alphanumeric() || c == '-' || c == '_';
        match keep {
            true => name.push(c.to_ascii_lowercase()),
            false if !name.ends_with('-') => name.push('-'),
            false => {}
        }
    }
    let name = name.trim_matches('-');
    format!("billet/{}", if name.is_empty() { "post" } else { name })
}

/// Where the web pages of a repository live, read off its remote address.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WebRepo {
    /// `https://host` (with a port when the address had one over https).
    origin: String,
    /// `owner/name`, or `group/subgroup/name` on GitLab.
    path: String,
}

/// The hosts whose "ask for a review" page Billet knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Forge {
    GitHub,
    GitLab,
    /// Gitea and Forgejo (Codeberg) share their pages.
    Gitea,
    Bitbucket,
}

/// The page that opens a pull (or merge) request of `branch` into `base`,
/// for a remote at `remote_url`; `None` for a host Billet does not know.
pub fn review_link(remote_url: &str, branch: &str, base: &str) -> Option<String> {
    let repo = web_repo(remote_url)?;
    let host = repo.origin.trim_start_matches("https://");
    let (origin, path) = (&repo.origin, &repo.path);
    let (b, s) = (query(base), query(branch));
    Some(match forge(host)? {
        Forge::GitHub => format!("{origin}/{path}/compare/{}...{}?expand=1", ref_in_path(base), ref_in_path(branch)),
        Forge::GitLab => format!("{origin}/{path}/-/merge_requests/new?merge_request%5Bsource_branch%5D={s}&merge_request%5Btarget_branch%5D={b}"),
        Forge::Gitea => format!("{origin}/{path}/compare/{}...{}", ref_in_path(base), ref_in_path(branch)),
        Forge::Bitbucket => format!("{origin}/{path}/pull-requests/new?source={s}&dest={b}"),
    })
}

/// Which host an address is on: by its name, as the well-known hosts and
/// most self-hosted ones (`gitlab.example.org`, `gitea.example.org`) are named.
fn forge(host: &str) -> Option<Forge> {
    let name = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let has = |word: &str| name.split(['.', '-']).any(|part| part == word);
    if name == "github.com" || name.ends_with(".github.com") || has("github") {
        Some(Forge::GitHub)
    } else if has("gitlab") {
        Some(Forge::GitLab)
    } else if name == "bitbucket.org" || has("bitbucket") {
        Some(Forge::Bitbucket)
    } else if name == "codeberg.org" || has("gitea") || has("forgejo") {
        Some(Forge::Gitea)
    } else {
        None
    }
}

/// The web side of a remote address: `https://host[:port]/path.git`,
/// `ssh://user@host[:port]/path.git` or the scp-like `user@host:path.git`.
fn web_repo(url: &str) -> Option<WebRepo> {
    let url = url.trim();
    let (host, path) = if let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        let (authority, path) = rest.split_once('/')?;
        (without_user(authority).to_string(), path)
    } else if let Some(rest) = url
        .strip_prefix("ssh://")
        .or_else(|| url.strip_prefix("git+ssh://"))
    {
        let (authority, path) = rest.split_once('/')?;
        // The SSH port says nothing of where the web pages are.
        let host = without_user(authority).split(':').next()?;
        (host.to_string(), path)
    } else if !url.contains("://") {
        let (authority, path) = url.split_once(':')?;
        (without_user(authority).to_string(), path)
    } else {
        return None;
    };
    let path = path.trim_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path).trim_matches('/');
    // GitHub's and others' SSH addresses may start with `~` or a slash.
    let path = path.trim_start_matches('~');
    (!host.is_empty() && path.contains('/')).then(|| WebRepo {
        origin: format!("https://{host}"),
        path: path.to_string(),
    })
}

fn without_user(authority: &str) -> &str {
    authority.rsplit('@').next().unwrap_or(authority)
}

/// Everything but letters, digits and `-_.~` is escaped in a query value.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The same, with `/` kept: a branch name in a page's path.
const PATH: &AsciiSet = &QUERY.remove(b'/');

fn query(text: &str) -> String {
    utf8_percent_encode(text, QUERY).to_string()
}

fn ref_in_path(text: &str) -> String {
    utf8_percent_encode(text, PATH).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_branch_is_named_after_the_post_file() {
        assert_eq!(
            review_branch("content/fr/blog/2026/bilan-2025.md"),
            "billet/bilan-2025"
        );
        assert_eq!(
            review_branch("2026/Bonne Année 2026.md"),
            "billet/bonne-ann-e-2026"
        );
        assert_eq!(review_branch("..md"), "billet/post");
    }

    #[test]
    fn github_over_https_and_ssh() {
        let want = "https://github.com/dokos-io/website/compare/main...billet/bilan?expand=1";
        for url in [
            "https://github.com/dokos-io/website.git",
            "https://github.com/dokos-io/website",
            "https://someone@github.com/dokos-io/website.git/",
            "git@github.com:dokos-io/website.git",
            "ssh://git@github.com/dokos-io/website.git",
            "ssh://git@github.com:22/dokos-io/website",
        ] {
            assert_eq!(
                review_link(url, "billet/bilan", "main").as_deref(),
                Some(want),
                "{url}"
            );
        }
    }

    #[test]
    fn gitlab_with_subgroups_and_a_self_hosted_instance() {
        assert_eq!(
            review_link("git@gitlab.com:acme/web/blog.git", "billet/x", "main").as_deref(),
            Some("https://gitlab.com/acme/web/blog/-/merge_requests/new?merge_request%5Bsource_branch%5D=billet%2Fx&merge_request%5Btarget_branch%5D=main")
        );
        assert_eq!(
            review_link("https://gitlab.example.org:8443/team/site.git", "billet/x", "prod").as_deref(),
            Some("https://gitlab.example.org:8443/team/site/-/merge_requests/new?merge_request%5Bsource_branch%5D=billet%2Fx&merge_request%5Btarget_branch%5D=prod")
        );
    }

    #[test]
    fn gitea_forgejo_and_codeberg() {
        assert_eq!(
            review_link("https://codeberg.org/acme/site.git", "billet/x", "main").as_deref(),
            Some("https://codeberg.org/acme/site/compare/main...billet/x")
        );
        assert_eq!(
            review_link(
                "ssh://git@gitea.acme.net:2222/acme/site.git",
                "billet/x",
                "main"
            )
            .as_deref(),
            Some("https://gitea.acme.net/acme/site/compare/main...billet/x")
        );
        assert_eq!(
            review_link("git@forgejo.acme.net:acme/site", "billet/x", "main").as_deref(),
            Some("https://forgejo.acme.net/acme/site/compare/main...billet/x")
        );
    }

    #[test]
    fn bitbucket() {
        for url in [
            "https://jane@bitbucket.org/acme/site.git",
            "git@bitbucket.org:acme/site.git",
        ] {
            assert_eq!(
                review_link(url, "billet/x", "main").as_deref(),
                Some(
                    "https://bitbucket.org/acme/site/pull-requests/new?source=billet%2Fx&dest=main"
                ),
                "{url}"
            );
        }
    }

    #[test]
    fn unknown_hosts_and_local_remotes_have_no_link() {
        for url in [
            "file:///srv/git/site.git",
            "/srv/git/site.git",
            "ssh://git@127.0.0.1:2222/site.git",
            "git@git.acme.net:site.git",
            "https://example.org/acme/site.git",
        ] {
            assert_eq!(review_link(url, "billet/x", "main"), None, "{url}");
        }
    }
}
