//! One function per subcommand, each a few calls into billet-core.

use std::io::Write;
use std::path::{Path, PathBuf};

use billet_core::edit::set_from_text;
use billet_core::git;
use billet_core::lang::{Explain, Lang};
use billet_core::library::{Library, Severity};
use billet_core::media::{self, Focus};
use billet_core::new_post::{plan, NewPost};
use billet_core::post::{parse_date, scalar_text, Post};
use billet_core::save::{self, Fingerprint};
use billet_core::site::Site;
use billet_core::{paths, preview};

use crate::args::{Args, Command};
use crate::Failure;

type Outcome = Result<u8, Failure>;

pub fn run(args: Args, lang: Lang) -> Outcome {
    let site = Site::open(&args.site).map_err(|e| Failure::from(&e, lang))?;
    match args.command {
        Command::Check { json } => check(&site, json, lang),
        Command::List { json } => list(&site, json, lang),
        Command::New {
            title,
            author,
            date,
            badge,
            description,
            lang: post_lang,
            dry_run,
        } => {
            let date = match date {
                Some(text) => Some(parse_date(&text).ok_or_else(|| {
                    Failure::usage(lang.pick(
                        format!("« {text} » n'est pas une date (exemple : 2025-01-31)."),
                        format!("`{text}` is not a date (example: 2025-01-31)."),
                    ))
                })?),
                None => Some(
                    chrono::Local::now()
                        .date_naive()
                        .and_hms_opt(0, 0, 0)
                        .expect("midnight exists"),
                ),
            };
            let language = post_lang.map(|l| Lang::from_locale(&l));
            let input = NewPost {
                title,
                date,
                author,
                badge,
                description,
                language,
            };
            new(&site, &input, dry_run, lang)
        }
        Command::Set { post, assignments } => set(&site, &post, &assignments, lang),
        Command::Get { post, key } => get(&site, &post, &key, lang),
        Command::Render { post } => {
            let (post, _, _) = open_post(&site, &post, lang)?;
            print!("{}", preview::render(post.body()));
            Ok(0)
        }
        Command::Cover {
            image,
            post,
            focus,
            zoom,
        } => {
            let focus = focus.map_or_else(Focus::default, |(x, y)| Focus { x, y });
            cover(&site, &image, &post, focus, zoom, lang)
        }
        Command::Image { image, post } => body_image(&site, &image, &post, lang),
        Command::Status {
            post: None, json, ..
        } => status_all(&site, json, lang),
        Command::Status {
            post: Some(post),
            diff,
            json,
        } => status_post(&site, &post, diff, json, lang),
        Command::Commit {
            post,
            message,
            author,
        } => commit(&site, &post, message.as_deref(), author.as_ref(), lang),
        Command::Export { post, output } => export(&site, &post, &output, lang),
    }
}

fn commit(
    site: &Site,
    post: &Path,
    message: Option<&str>,
    author: Option<&git::Identity>,
    lang: Lang,
) -> Outcome {
    let (rel, _) = locate_post(site, post, lang)?;
    let now = chrono::Local::now().fixed_offset();
    let committed =
        git::commit_post(site, &rel, message, author, now).map_err(|e| Failure::from(&e, lang))?;
    println!("{}", committed.id);
    for file in &committed.files {
        println!("{file}");
    }
    Ok(0)
}

fn export(site: &Site, post: &Path, output: &Path, lang: Lang) -> Outcome {
    let (rel, _) = locate_post(site, post, lang)?;
    let exported =
        git::export_zip(site, &rel, output, lang).map_err(|e| Failure::from(&e, lang))?;
    for file in &exported.files {
        println!("{file}");
    }
    println!("{}: {}", lang.pick("écrit", "written"), output.display());
    Ok(0)
}

fn status_all(site: &Site, json: bool, lang: Lang) -> Outcome {
    let library = Library::scan(site);
    let paths: Vec<String> = library.posts.iter().map(|p| p.path.clone()).collect();
    let badges = git::badges(site, &paths).map_err(|e| Failure::from(&e, lang))?;
    if json {
        let report: Vec<_> = library
            .posts
            .iter()
            .map(|p| serde_json::json!({ "path": p.path, "title": p.title, "badge": badges.get(&p.path) }))
            .collect();
        print_json(&report);
        return Ok(0);
    }
    let mut out = std::io::stdout().lock();
    for post in &library.posts {
        let badge = badges
            .get(&post.path)
            .map_or(lang.pick("hors dépôt", "no repo"), |b| b.label(lang));
        let _ = writeln!(out, "{badge:<10} {}", post.path);
    }
    Ok(0)
}

fn status_post(site: &Site, post: &Path, diff: bool, json: bool, lang: Lang) -> Outcome {
    let (rel, _) = locate_post(site, post, lang)?;
    let ready = git::ready(site, &rel).map_err(|e| Failure::from(&e, lang))?;
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
        let _ = writeln!(
            out,
            "{}: {}",
            lang.pick("problème", "problem"),
            problem.message(lang)
        );
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

fn check(site: &Site, json: bool, lang: Lang) -> Outcome {
    let library = Library::scan(site);
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
                let severity = match p.severity {
                    Severity::Error => lang.pick("erreur", "error"),
                    Severity::Warning => lang.pick("avertissement", "warning"),
                };
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

fn list(site: &Site, json: bool, lang: Lang) -> Outcome {
    let library = Library::scan(site);
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

fn new(site: &Site, input: &NewPost, dry_run: bool, lang: Lang) -> Outcome {
    let library = Library::scan(site);
    let planned = plan(site, &library, input).map_err(|e| Failure::from(&e, lang))?;
    let path = paths::resolve(&site.root, &planned.path).map_err(|e| Failure::from(&e, lang))?;
    if !dry_run {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Failure::from(&save::SaveError::Io(parent.into(), e), lang))?;
        }
        save::save(&path, &planned.bytes, None).map_err(|e| Failure::from(&e, lang))?;
    }
    println!("{}", planned.path);
    Ok(0)
}

fn set(site: &Site, post_arg: &Path, assignments: &[String], lang: Lang) -> Outcome {
    let (mut post, path, loaded) = open_post(site, post_arg, lang)?;
    let form = Library::scan(site).dominant_cover_form();
    for assignment in assignments {
        let Some((key, value)) = assignment.split_once('=') else {
            return Err(Failure::usage(lang.pick(
                format!("« {assignment} » n'a pas la forme CLÉ=VALEUR."),
                format!("`{assignment}` is not of the form KEY=VALUE."),
            )));
        };
        set_from_text(&mut post, site, key.trim(), value, form)
            .map_err(|e| Failure::from(&e, lang))?;
    }
    let bytes = post.to_bytes();
    if bytes != std::fs::read(&path).unwrap_or_default() {
        save::save(&path, &bytes, Some(&loaded)).map_err(|e| Failure::from(&e, lang))?;
    }
    Ok(0)
}

fn get(site: &Site, post_arg: &Path, key: &str, lang: Lang) -> Outcome {
    let (post, _, _) = open_post(site, post_arg, lang)?;
    let Some(value) = post.get(key) else {
        let message = lang.pick(
            format!("l'article n'a pas de champ « {key} »."),
            format!("the post has no field `{key}`."),
        );
        return Err(Failure { message, code: 1 });
    };
    match scalar_text(value) {
        Some(text) => println!("{text}"),
        None => print!("{}", serde_yaml::to_string(value).unwrap_or_default()),
    }
    Ok(0)
}

fn cover(
    site: &Site,
    image: &Path,
    post_arg: &Path,
    focus: Focus,
    zoom: f64,
    lang: Lang,
) -> Outcome {
    let source = media::read_source(image).map_err(|e| Failure::from(&e, lang))?;
    let (mut post, path, loaded) = open_post(site, post_arg, lang)?;
    let rel = site_relative(site, &path);
    let made =
        media::make_cover(site, &rel, &source, focus, zoom).map_err(|e| Failure::from(&e, lang))?;
    let form = Library::scan(site).dominant_cover_form();
    let old = post.meta(&site.config.cover.field).cover.map(|c| c.src);
    set_from_text(&mut post, site, &site.config.cover.field, &made.url, form)
        .map_err(|e| Failure::from(&e, lang))?;
    save::save(&path, &post.to_bytes(), Some(&loaded)).map_err(|e| Failure::from(&e, lang))?;
    if let Some(old) = old.filter(|old| *old != made.url) {
        let removed = media::remove_replaced_cover(site, &Library::scan(site), &old)
            .map_err(|e| Failure::from(&e, lang))?;
        if let Some(removed) = removed {
            println!("{}: {removed}", lang.pick("supprimé", "removed"));
        }
    }
    report(&made, lang);
    println!("{}: {}", site.config.cover.field, made.url);
    Ok(0)
}

fn body_image(site: &Site, image: &Path, post_arg: &Path, lang: Lang) -> Outcome {
    let source = media::read_source(image).map_err(|e| Failure::from(&e, lang))?;
    let (_, path, _) = open_post(site, post_arg, lang)?;
    let rel = site_relative(site, &path);
    let name = image
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let alt = media::alt_text(&name);
    let made =
        media::make_body_image(site, &rel, &source, &alt).map_err(|e| Failure::from(&e, lang))?;
    report(&made.written, lang);
    println!("{}", made.markdown);
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

/// The site-relative form of a path `open_post` resolved.
fn site_relative(site: &Site, path: &Path) -> String {
    let root = site
        .root
        .canonicalize()
        .unwrap_or_else(|_| site.root.clone());
    let rel = path.strip_prefix(&root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The site-relative path of a post named on the command line, which must
/// be inside the site, and where it is on disk (it may not exist).
fn locate_post(site: &Site, given: &Path, lang: Lang) -> Result<(String, PathBuf), Failure> {
    // A relative path is taken from the current folder, or else from the site's root.
    let in_site = given.is_relative() && !given.exists() && site.root.join(given).exists();
    let cwd = if in_site {
        site.root.clone()
    } else {
        std::env::current_dir().unwrap_or_default()
    };
    let rel =
        paths::relative_to_site(&site.root, given, &cwd).map_err(|e| Failure::from(&e, lang))?;
    let path = paths::resolve(&site.root, &rel).map_err(|e| Failure::from(&e, lang))?;
    Ok((rel, path))
}

/// Reads a post named on the command line, which must be inside the site.
fn open_post(
    site: &Site,
    given: &Path,
    lang: Lang,
) -> Result<(Post, PathBuf, Fingerprint), Failure> {
    let (rel, path) = locate_post(site, given, lang)?;
    let (bytes, loaded) = save::load(&path).map_err(|e| {
        let message = lang.pick(
            format!("impossible de lire {rel} ({e})."),
            format!("cannot read {rel} ({e})."),
        );
        Failure { message, code: 1 }
    })?;
    let post = Post::parse(&bytes).map_err(|e| Failure {
        message: format!("{rel}:{}: {}", e.line(), e.message(lang)),
        code: 1,
    })?;
    Ok((post, path, loaded))
}
