//! The command line's shape.

use std::path::PathBuf;

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
