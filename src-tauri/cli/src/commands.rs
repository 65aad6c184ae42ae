//! One function per subcommand, each a few calls into billet-core.

use std::io::Write;
use std::path::Path;

use billet_core::git;
use billet_core::lang::{Explain, Lang};
use billet_core::library::{Library, Severity};
use billet_core::media::{self, Focus};
use billet_core::post::{parse_date, scalar_text};
use billet_core::workspace::{Change, NewPostInput, Setup, Workspace, WorkspaceError};
use billet_core::{paths, preview};

use crate::args::{Args, Command};
use crate::Failure;

type Outcome = Result<u8, Failure>;

pub fn run(args: Args, lang: Lang) -> Outcome {
    let ws = Workspace::open(&args.site, Setup::default()).map_err(|e| Failure::from(&e, lang))?;
    match args.command {
        Command::Check { json } => check(&ws, json, lang),
        Command::List { json } => list(&ws, json, lang),
        Command::New {
            title,
            author,
            date,
            badge,
            description,
            lang: post_lang,
            dry_run,
        } => {
            // A date that is not one is a mistake in the command, not in the site.
            if let Some(text) = date.as_deref().filter(|d| parse_date(d).is_none()) {
                return Err(Failure::usage(lang.pick(
                    format!("« {text} » n'est pas une date (exemple : 2025-01-31)."),
                    format!("`{text}` is not a date (example: 2025-01-31)."),
                )));
            }
            let input = NewPostInput {
                title,
                date,
                author,
                badge,
                description,
                language: post_lang.map(|l| Lang::from_locale(&l)),
            };
            new(&ws, &input, dry_run, lang)
        }
        Command::Set { post, assignments } => set(&ws, &post, &assignments, lang),
        Command::Get { post, key } => get(&ws, &post, &key, lang),
        Command::Render { post } => {
            let rel = open_post(&ws, &post, lang)?;
            let loaded = ws.load(&rel, lang).map_err(|e| failure(&rel, &e, lang))?;
            print!("{}", preview::render(&loaded.body));
            Ok(0)
        }
        Command::Cover {
            image,
            post,
            focus,
            zoom,
        } => {
            let focus = focus.map_or_else(Focus::default, |(x, y)| Focus { x, y });
            cover(&ws, &image, &post, focus, zoom, lang)
        }
        Command::Image { image, post } => body_image(&ws, &image, &post, lang),
        Command::Status {
            post: None, json, ..
        } => status_all(&ws, json, lang),
        Command::Status {
            post: Some(post),
            diff,
            json,
        } => status_post(&ws, &post, diff, json, lang),
        Command::Commit {
            post,
            message,
            author,
        } => commit(&ws, &post, message.as_deref(), author.as_ref(), lang),
        Command::Export { post, output } => export(&ws, &post, &output, lang),
        Command::Publish {
            post,
            abandon: true,
            ..
        } => crate::publish::abandon(&ws, &locate_post(&ws, &post, lang)?, lang),
        Command::Publish {
            post,
            message,
            author,
            ..
        } => {
            let rel = locate_post(&ws, &post, lang)?;
            crate::publish::publish(&ws, &rel, message.as_deref(), author.as_ref(), lang)
        }
    }
}

fn commit(
    ws: &Workspace,
    post: &Path,
    message: Option<&str>,
    author: Option<&git::Identity>,
    lang: Lang,
) -> Outcome {
    let rel = locate_post(ws, post, lang)?;
    let now = chrono::Local::now().fixed_offset();
    let committed = ws
        .commit(&rel, message, author, now)
        .map_err(|e| Failure::from(&e, lang))?;
    println!("{}", committed.id);
    for file in &committed.files {
        println!("{file}");
    }
    Ok(0)
}

fn export(ws: &Workspace, post: &Path, output: &Path, lang: Lang) -> Outcome {
    let rel = locate_post(ws, post, lang)?;
    let exported = ws
        .export(&rel, output, lang)
        .map_err(|e| Failure::from(&e, lang))?;
    for file in &exported.files {
        println!("{file}");
    }
    println!("{}: {}", lang.pick("écrit", "written"), output.display());
    Ok(0)
}

fn status_all(ws: &Workspace, json: bool, lang: Lang) -> Outcome {
    let posts = ws.posts();
    let badges = ws.badges().map_err(|e| Failure::from(&e, lang))?;
    if json {
        let report: Vec<_> = posts
            .iter()
            .map(|p| serde_json::json!({ "path": p.path, "title": p.title, "badge": badges.get(&p.path) }))
            .collect();
        print_json(&report);
        return Ok(0);
    }
    let mut out = std::io::stdout().lock();
    for post in &posts {
        let badge = badges
            .get(&post.path)
            .map_or(lang.pick("hors dépôt", "no repo"), |b| b.label(lang));
        let _ = writeln!(out, "{badge:<10} {}", post.path);
    }
    Ok(0)
}

fn status_post(ws: &Workspace, post: &Path, diff: bool, json: bool, lang: Lang) -> Outcome {
    let rel = locate_post(ws, post, lang)?;
    let ready = ws.ready(&rel, lang).map_err(|e| Failure::from(&e, lang))?;
    if json {
        print_json(&ready);
        return Ok(0);
    }
    let mut out = std::io::stdout().lock();
    for file in &ready.files {
        let size = file.size.map_or("-".to_string(), |s| s.to_string());
        let _ = writeln!(
            out,
            "{:<10} {size:>9}  {}",
            file.state.label(lang),
            file.repo_path
        );
    }
    for problem in &ready.problems {
        let _ = writeln!(out, "{}: {}", problem.severity.label(lang), problem.message);
    }
    if !ready.other_changes.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Autres changements du dépôt (jamais commités avec l'article) :",
                "Other changes in the repository (never committed with the post):"
            )
        );
        for change in &ready.other_changes {
            let _ = writeln!(out, "  {:<10} {}", change.state.label(lang), change.path);
        }
    }
    if diff {
        let _ = write!(out, "{}", ready.diff);
    }
    Ok(0)
}

fn check(ws: &Workspace, json: bool, lang: Lang) -> Outcome {
    let library = Library { posts: ws.posts() };
    let errors = library
        .posts
        .iter()
        .flat_map(|p| &p.problems)
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = library.posts.iter().flat_map(|p| &p.problems).count() - errors;
    if json {
        let report: Vec<_> = library
            .posts
            .iter()
            .flat_map(|post| {
                post.problems.iter().map(move |p| {
                    serde_json::json!({
                        "path": post.path, "line": p.line, "severity": p.severity,
                        "problem": p, "message": p.message(lang),
                    })
                })
            })
            .collect();
        let out = serde_json::json!({ "posts": library.posts.len(), "errors": errors, "warnings": warnings, "problems": report });
        print_json(&out);
    } else {
        let mut out = std::io::stdout().lock();
        for post in &library.posts {
            for p in &post.problems {
                let severity = p.severity.label(lang);
                let _ = writeln!(
                    out,
                    "{}:{}: {severity}: {}",
                    post.path,
                    p.line,
                    p.message(lang)
                );
            }
        }
        let n = library.posts.len();
        let _ = match lang {
            Lang::Fr => writeln!(
                out,
                "{n} articles, {errors} erreurs, {warnings} avertissements"
            ),
            Lang::En => writeln!(out, "{n} posts, {errors} errors, {warnings} warnings"),
        };
    }
    Ok(if errors > 0 { 1 } else { 0 })
}

fn list(ws: &Workspace, json: bool, lang: Lang) -> Outcome {
    let library = Library { posts: ws.posts() };
    if json {
        print_json(&library.posts);
        return Ok(0);
    }
    let mut out = std::io::stdout().lock();
    for post in &library.posts {
        let date = post
            .date
            .as_deref()
            .and_then(parse_date)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| "----------".into());
        let marker = if post.has_errors() {
            "!"
        } else if post.problems.is_empty() {
            " "
        } else {
            "~"
        };
        let title = post
            .title
            .as_deref()
            .unwrap_or(lang.pick("(sans titre)", "(untitled)"));
        let badge = post
            .badge
            .as_deref()
            .map(|b| format!(" [{b}]"))
            .unwrap_or_default();
        let _ = writeln!(out, "{marker} {date}  {title}{badge}  {}", post.path);
    }
    Ok(0)
}

fn new(ws: &Workspace, input: &NewPostInput, dry_run: bool, lang: Lang) -> Outcome {
    let today = chrono::Local::now().date_naive();
    let path = if dry_run {
        ws.plan_post(input, today).map(|p| p.path)
    } else {
        ws.create_post(input, today, lang).map(|p| p.path)
    };
    println!("{}", path.map_err(|e| Failure::from(&e, lang))?);
    Ok(0)
}

/// Sets front matter fields from typed text, as the form does, and saves
/// only if that changed the file.
fn set(ws: &Workspace, post_arg: &Path, assignments: &[String], lang: Lang) -> Outcome {
    let rel = open_post(ws, post_arg, lang)?;
    let mut changes = Vec::new();
    for assignment in assignments {
        let Some((key, value)) = assignment.split_once('=') else {
            return Err(Failure::usage(lang.pick(
                format!("« {assignment} » n'a pas la forme CLÉ=VALEUR."),
                format!("`{assignment}` is not of the form KEY=VALUE."),
            )));
        };
        changes.push(Change::text(key.trim(), value));
    }
    ws.save(&rel, changes, None, false, lang)
        .map_err(|e| failure(&rel, &e, lang))?;
    Ok(0)
}

fn get(ws: &Workspace, post_arg: &Path, key: &str, lang: Lang) -> Outcome {
    let rel = open_post(ws, post_arg, lang)?;
    let value = ws
        .field_value(&rel, key)
        .map_err(|e| failure(&rel, &e, lang))?;
    let Some(value) = value else {
        let message = lang.pick(
            format!("l'article n'a pas de champ « {key} »."),
            format!("the post has no field `{key}`."),
        );
        return Err(Failure { message, code: 1 });
    };
    match scalar_text(&value) {
        Some(text) => println!("{text}"),
        None => print!("{}", serde_yaml::to_string(&value).unwrap_or_default()),
    }
    Ok(0)
}

/// Makes the post's cover and saves the post with it, through the same
/// steps as the app's "Use" then "Save": the replaced cover goes then.
fn cover(
    ws: &Workspace,
    image: &Path,
    post_arg: &Path,
    focus: Focus,
    zoom: f64,
    lang: Lang,
) -> Outcome {
    let source = media::read_source(image).map_err(|e| Failure::from(&e, lang))?;
    let rel = open_post(ws, post_arg, lang)?;
    let made = ws
        .write_cover(&rel, &source, focus, zoom)
        .map_err(|e| Failure::from(&e, lang))?;
    let field = &ws.site().config.cover.field;
    let saved = ws
        .save(
            &rel,
            vec![Change::text(field, &made.url)],
            None,
            false,
            lang,
        )
        .map_err(|e| failure(&rel, &e, lang))?;
    for removed in &saved.removed {
        println!("{}: {removed}", lang.pick("supprimé", "removed"));
    }
    report(&made, lang);
    println!("{field}: {}", made.url);
    Ok(0)
}

fn body_image(ws: &Workspace, image: &Path, post_arg: &Path, lang: Lang) -> Outcome {
    let source = media::read_source(image).map_err(|e| Failure::from(&e, lang))?;
    let rel = open_post(ws, post_arg, lang)?;
    let name = image
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let (written, markdown) = ws
        .write_body_image(&rel, &source, &media::alt_text(&name))
        .map_err(|e| Failure::from(&e, lang))?;
    report(&written, lang);
    println!("{markdown}");
    Ok(0)
}

fn print_json(value: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("JSON of plain data")
    );
}

/// Prints what was written, and its warnings on stderr.
fn report(written: &media::Written, lang: Lang) {
    for w in &written.warnings {
        eprintln!(
            "billet: {}: {}",
            lang.pick("avertissement", "warning"),
            w.message(lang)
        );
    }
    let media::Written {
        path,
        width,
        height,
        bytes,
        ..
    } = written;
    println!("{path} ({width}x{height}, {bytes} bytes)");
}

/// The site-relative path of a post named on the command line, which must
/// be inside the site (it may not exist).
pub fn locate_post(ws: &Workspace, given: &Path, lang: Lang) -> Result<String, Failure> {
    let root = &ws.site().root;
    // A relative path is taken from the current folder, or else from the site's root.
    let in_site = given.is_relative() && !given.exists() && root.join(given).exists();
    let cwd = if in_site {
        root.clone()
    } else {
        std::env::current_dir().unwrap_or_default()
    };
    let rel = paths::relative_to_site(root, given, &cwd).map_err(|e| Failure::from(&e, lang))?;
    paths::resolve(root, &rel).map_err(|e| Failure::from(&e, lang))?;
    Ok(rel)
}

/// Opens a post named on the command line, which must be inside the site.
fn open_post(ws: &Workspace, given: &Path, lang: Lang) -> Result<String, Failure> {
    let rel = locate_post(ws, given, lang)?;
    ws.load(&rel, lang).map_err(|e| failure(&rel, &e, lang))?;
    Ok(rel)
}

/// A failed action on the post `rel`: `path:line: message` when the
/// problem is in the post's text.
fn failure(rel: &str, e: &WorkspaceError, lang: Lang) -> Failure {
    let message = match e.line() {
        Some(line) => format!("{rel}:{line}: {}", e.message(lang)),
        None => e.message(lang),
    };
    Failure { message, code: 1 }
}
