//! What an author sees before committing a post: its files with their
//! states and sizes, what is wrong with them, what else changed in the
//! repository (and stays out of the commit), and the post's diff.

use serde::Serialize;

use super::repo::Repo;
use super::status::{files_in, Snapshot};
use super::{FileRole, FileState, GitError, PostFile};
use crate::lang::Lang;
use crate::library::slug_of;
use crate::library::Severity;
use crate::post::Post;
use crate::site::Site;

#[derive(Debug, Clone, Serialize)]
pub struct Ready {
    /// The post first, then its images.
    pub files: Vec<PostFile>,
    pub problems: Vec<Problem>,
    /// Changes in the repository that are not this post's: never committed with it.
    pub other_changes: Vec<OtherChange>,
    /// The post against the last commit, as a unified diff; empty when they
    /// are the same or the site is in no repository.
    pub diff: String,
    /// The default commit message, in the site's language.
    pub message: String,
}

/// Something to fix or know before committing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Problem {
    /// Heavier than the site's budget for a cover or a body image.
    TooHeavy {
        path: String,
        bytes: u64,
        max_bytes: u64,
    },
    /// The post refers to a file that is not there.
    Missing { path: String },
    /// git ignores the file: it is left out of the commit.
    Ignored { path: String },
}

impl Problem {
    /// The file the problem is about.
    pub fn path(&self) -> &str {
        match self {
            Problem::TooHeavy { path, .. }
            | Problem::Missing { path }
            | Problem::Ignored { path } => path,
        }
    }

    /// A missing or ignored file would leave a broken picture on the site;
    /// a heavy one only slows it.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::TooHeavy { .. } => Severity::Warning,
            Problem::Missing { .. } | Problem::Ignored { .. } => Severity::Error,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Problem::TooHeavy {
                    path,
                    bytes,
                    max_bytes,
                },
                Lang::Fr,
            ) => format!(
                "{path} pèse {} Ko, plus que les {} Ko prévus par le site",
                bytes / 1000,
                max_bytes / 1000
            ),
            (
                Problem::TooHeavy {
                    path,
                    bytes,
                    max_bytes,
                },
                Lang::En,
            ) => format!(
                "{path} weighs {} kB, more than the site's {} kB",
                bytes / 1000,
                max_bytes / 1000
            ),
            (Problem::Missing { path }, Lang::Fr) => {
                format!("{path} est introuvable : l'article y fait référence")
            }
            (Problem::Missing { path }, Lang::En) => {
                format!("{path} does not exist, yet the post refers to it")
            }
            (Problem::Ignored { path }, Lang::Fr) => {
                format!("git ignore {path} (.gitignore) : il ne sera pas dans le commit")
            }
            (Problem::Ignored { path }, Lang::En) => {
                format!("git ignores {path} (.gitignore): it will not be in the commit")
            }
        }
    }
}

/// A change in the repository outside the post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct OtherChange {
    /// Relative to the repository's root.
    pub path: String,
    pub state: FileState,
}

/// Everything the "ready to commit" view shows for the post at `post_rel`.
pub fn ready(site: &Site, post_rel: &str) -> Result<Ready, GitError> {
    let repo = Repo::find(site)?;
    let snapshot = repo.as_ref().map(Snapshot::take).transpose()?;
    let found = repo.as_ref().zip(snapshot.as_ref());
    let files = files_in(site, found, post_rel);
    let problems = files.iter().filter_map(|f| problem(site, f)).collect();
    let (other_changes, diff) = match found {
        Some((repo, snapshot)) => (
            other_changes(repo, snapshot, &files),
            diff(repo, &files[0])?,
        ),
        None => (Vec::new(), String::new()),
    };
    Ok(Ready {
        message: suggested_message(site, post_rel),
        files,
        problems,
        other_changes,
        diff,
    })
}

fn problem(site: &Site, file: &PostFile) -> Option<Problem> {
    let path = file.path.clone();
    let budget = match file.role {
        FileRole::Post => None,
        FileRole::Cover => Some(site.config.cover.max_bytes),
        FileRole::Image => Some(site.config.body_images.max_bytes),
    };
    match (file.state, file.size, budget) {
        (FileState::Ignored, ..) => Some(Problem::Ignored { path }),
        (FileState::Missing | FileState::Deleted, _, Some(_)) => Some(Problem::Missing { path }),
        (_, Some(bytes), Some(max_bytes)) if bytes > max_bytes => Some(Problem::TooHeavy {
            path,
            bytes,
            max_bytes,
        }),
        _ => None,
    }
}

fn other_changes(repo: &Repo, snapshot: &Snapshot, files: &[PostFile]) -> Vec<OtherChange> {
    snapshot
        .changed_paths()
        .into_iter()
        .filter(|path| !files.iter().any(|f| f.repo_path == *path))
        .map(|path| OtherChange {
            path: path.to_string(),
            state: snapshot.state(path, repo.workdir.join(path).symlink_metadata().is_ok()),
        })
        .collect()
}

/// The post file against HEAD, as a unified diff of its text.
fn diff(repo: &Repo, post: &PostFile) -> Result<String, GitError> {
    let committed = match repo.git.head_tree() {
        Ok(tree) => match tree
            .lookup_entry_by_path(&post.repo_path)
            .map_err(GitError::git)?
        {
            Some(entry) => Some(entry.object().map_err(GitError::git)?.detach().data),
            None => None,
        },
        // An unborn branch: nothing committed yet.
        Err(_) if repo.git.head().is_ok_and(|h| h.is_unborn()) => None,
        Err(e) => return Err(GitError::git(e)),
    };
    let current = std::fs::read(repo.workdir.join(&post.repo_path)).ok();
    if committed == current {
        return Ok(String::new());
    }
    let text = |bytes: &Option<Vec<u8>>| {
        String::from_utf8_lossy(bytes.as_deref().unwrap_or_default()).into_owned()
    };
    let name = |side: &str, exists: bool| match exists {
        true => format!("{side}/{}", post.repo_path),
        false => "/dev/null".to_string(),
    };
    let (old, new) = (text(&committed), text(&current));
    Ok(similar::TextDiff::from_lines(&old, &new)
        .unified_diff()
        .header(
            &name("a", committed.is_some()),
            &name("b", current.is_some()),
        )
        .to_string())
}

/// "Blog: <title>" in the site's language (the file's name when the post
/// has no title or cannot be read).
pub fn suggested_message(site: &Site, post_rel: &str) -> String {
    let title = std::fs::read(site.root.join(post_rel))
        .ok()
        .and_then(|bytes| Post::parse(&bytes).ok())
        .and_then(|post| post.meta(&site.config.cover.field).title)
        .unwrap_or_else(|| slug_of(post_rel));
    match site.config.language {
        Lang::Fr => format!("Blog : {title}"),
        Lang::En => format!("Blog: {title}"),
    }
}
