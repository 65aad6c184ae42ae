//! A post's files in one zip, at the paths they have in the repository, for
//! an author who hands the post to someone else to publish (or has no git).

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use super::repo::Repo;
use super::status::{files_in, Snapshot};
use super::GitError;
use crate::lang::Lang;
use crate::save::write_new;
use crate::site::Site;

/// The note that goes into the zip beside the files.
pub const NOTE: &str = "COMMIT.txt";

#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    /// The paths in the zip, note excluded: repository-relative, or
    /// site-relative when the site is in no repository.
    pub files: Vec<String>,
    /// The suggested commit message written in the note.
    pub message: String,
}

/// Writes `dest` (atomically) with every file of the post at `post_rel`
/// that is on disk, and a note in `lang` giving the suggested commit
/// message and the list of files.
pub fn export_zip(
    site: &Site,
    post_rel: &str,
    dest: &Path,
    lang: Lang,
) -> Result<Exported, GitError> {
    let repo = Repo::find(site)?;
    let snapshot = repo.as_ref().map(Snapshot::take).transpose()?;
    let files = files_in(site, repo.as_ref().zip(snapshot.as_ref()), post_rel);
    let message = super::suggested_message(site, post_rel);
    let zip_err = |e: zip::result::ZipError| GitError::Zip(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut names = Vec::new();
    for file in files.iter().filter(|f| f.size.is_some()) {
        let path = site.root.join(&file.path);
        let bytes = std::fs::read(&path).map_err(|e| GitError::Read(path, e))?;
        zip.start_file(file.repo_path.as_str(), options_for(&file.repo_path))
            .map_err(zip_err)?;
        zip.write_all(&bytes)
            .map_err(|e| GitError::Zip(e.to_string()))?;
        names.push(file.repo_path.clone());
    }
    zip.start_file(NOTE, options_for(NOTE)).map_err(zip_err)?;
    zip.write_all(note(&message, &names, repo.is_some(), lang).as_bytes())
        .map_err(|e| GitError::Zip(e.to_string()))?;
    let bytes = zip.finish().map_err(zip_err)?.into_inner();
    write_new(dest, &bytes)?;
    Ok(Exported {
        files: names,
        message,
    })
}

/// Pictures are already compressed: they are stored as they are.
fn options_for(name: &str) -> SimpleFileOptions {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let packed = matches!(
        ext.as_deref(),
        Some("jpg" | "jpeg" | "png" | "webp" | "gif")
    );
    let method = match packed {
        true => CompressionMethod::Stored,
        false => CompressionMethod::Deflated,
    };
    SimpleFileOptions::default().compression_method(method)
}

fn note(message: &str, files: &[String], in_repo: bool, lang: Lang) -> String {
    let list: String = files.iter().map(|f| format!("  {f}\n")).collect();
    match (lang, in_repo) {
        (Lang::Fr, true) => format!("Message de commit suggéré :\n\n  {message}\n\nFichiers, chemins depuis la racine du dépôt :\n\n{list}"),
        (Lang::Fr, false) => format!("Message de commit suggéré :\n\n  {message}\n\nFichiers, chemins depuis la racine du site (il n'était pas dans un dépôt git) :\n\n{list}"),
        (Lang::En, true) => format!("Suggested commit message:\n\n  {message}\n\nFiles, paths from the repository's root:\n\n{list}"),
        (Lang::En, false) => format!("Suggested commit message:\n\n  {message}\n\nFiles, paths from the site's root (it was not in a git repository):\n\n{list}"),
    }
}
