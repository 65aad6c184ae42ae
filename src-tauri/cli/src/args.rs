//! The command line's shape.

use std::path::PathBuf;

use billet_core::git::Identity;
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "billet",
    version,
    about = "Check, list, create and edit the posts of a static site's blog."
)]
pub struct Args {
    /// The site's root folder (where billet.yml is, or content/<lang>/blog).
    #[arg(long, global = true, default_value = ".")]
    pub site: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every post; print `path:line: problem`; exit 1 on any error.
    Check {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the posts, newest first.
    List {
        /// Print the index as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Create a post and print its path.
    New {
        #[arg(long)]
        title: String,
        #[arg(long)]
        author: Option<String>,
        /// The publication date, e.g. 2025-01-31 (default: today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        badge: Option<String>,
        #[arg(long)]
        description: Option<String>,
        /// Which posts folder, by language: fr or en (default: the first).
        #[arg(long)]
        lang: Option<String>,
        /// Print the path the post would get, and create nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Set front matter fields: `billet set POST title="Hello" badge.label=News`.
    Set {
        post: PathBuf,
        #[arg(required = true, value_name = "KEY=VALUE")]
        assignments: Vec<String>,
    },
    /// Print one field's value.
    Get { post: PathBuf, key: String },
    /// Print the body's preview HTML.
    Render { post: PathBuf },
    /// Make IMAGE the post's cover, in the site's size and format, and set the cover field.
    Cover {
        image: PathBuf,
        #[arg(long)]
        post: PathBuf,
        /// The point to keep in view, as fractions of width and height: 0.5,0.5 is the centre.
        #[arg(long, value_name = "X,Y", value_parser = parse_focus)]
        focus: Option<(f64, f64)>,
        /// 1 keeps as much of the picture as fits; 2 shows half as much, around the focus.
        #[arg(long, default_value_t = 1.0)]
        zoom: f64,
    },
    /// Resize IMAGE for the post's body, write it, and print the Markdown to insert.
    Image {
        image: PathBuf,
        #[arg(long)]
        post: PathBuf,
    },
    /// Each post's git state; with POST, its files, their states and sizes,
    /// what is wrong with them, and the other changes of the repository.
    Status {
        post: Option<PathBuf>,
        /// Also print the post's diff against the last commit.
        #[arg(long, requires = "post")]
        diff: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Commit the post's files, and nothing else; print the commit's id and the files.
    Commit {
        post: PathBuf,
        /// The commit message (default: "Blog: <title>" in the site's language).
        #[arg(short, long)]
        message: Option<String>,
        /// Who commits when git's configuration has no user.name or user.email.
        #[arg(long, value_name = "NAME <EMAIL>", value_parser = parse_identity)]
        author: Option<Identity>,
    },
    /// Send the post to the site: check it, commit its files (as `commit`),
    /// bring in the remote's changes, replay on them, and push (to a
    /// review branch when billet.yml's `publish: {review: true}` says so).
    Publish {
        post: PathBuf,
        /// The commit message (default: "Blog: <title>" in the site's language).
        #[arg(short, long)]
        message: Option<String>,
        /// Who commits when git's configuration has no user.name or user.email.
        #[arg(long, value_name = "NAME <EMAIL>", value_parser = parse_identity)]
        author: Option<Identity>,
        /// Give up a send stopped on a conflict in the post (the post stays
        /// committed, waiting to be sent).
        #[arg(long, conflicts_with_all = ["message", "author"])]
        abandon: bool,
    },
    /// Write a zip of the post's files at their paths in the repository, with
    /// a note giving the commit message to use.
    Export {
        post: PathBuf,
        #[arg(short, long, value_name = "FILE.zip")]
        output: PathBuf,
    },
}

fn parse_identity(text: &str) -> Result<Identity, String> {
    let (name, rest) = text.split_once('<').ok_or_else(|| {
        "expected NAME <EMAIL>, e.g. \"Céline Martin <celine@example.org>\"".to_string()
    })?;
    let email = rest.strip_suffix('>').unwrap_or(rest).trim();
    let name = name.trim();
    if name.is_empty() || !email.contains('@') {
        return Err(format!("`{text}` is not of the form NAME <EMAIL>"));
    }
    Ok(Identity {
        name: name.into(),
        email: email.into(),
    })
}

fn parse_focus(text: &str) -> Result<(f64, f64), String> {
    let (x, y) = text
        .split_once(',')
        .ok_or_else(|| "expected X,Y, e.g. 0.5,0.3".to_string())?;
    let fraction = |v: &str| {
        v.trim()
            .parse::<f64>()
            .ok()
            .filter(|f| (0.0..=1.0).contains(f))
            .ok_or_else(|| format!("`{v}` is not a number from 0 to 1"))
    };
    Ok((fraction(x)?, fraction(y)?))
}
