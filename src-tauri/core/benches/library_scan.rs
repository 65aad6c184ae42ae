//! How fast a large site opens: generates a site of 10,000 posts (in the
//! shapes of the blog in USERS.md, with 200 covers), then times
//! `Library::scan` in a fresh process each run so that peak memory is the
//! scan's own. For scale, the same job times `grep` reading every post.
//!
//! Run: `cargo bench -p billet-core --bench library_scan` (add `-- 20000` for
//! another size). Prints a table; asserts nothing.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use billet_core::library::Library;
use billet_core::site::Site;

const COVERS: usize = 200;
const RUNS: usize = 7;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--scan-child") {
        return scan_child(Path::new(&args[i + 1]));
    }
    let posts: usize = args
        .iter()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    generate(dir.path(), posts);
    println!(
        "generated {posts} posts in {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let exe = std::env::current_exe().expect("own path");
    let mut scans = Vec::new();
    let mut peak_kb = 0;
    let mut problems = 0;
    for _ in 0..RUNS {
        let out = Command::new(&exe)
            .arg("--scan-child")
            .arg(dir.path())
            .output()
            .expect("child runs");
        let text = String::from_utf8_lossy(&out.stdout);
        let field = |name: &str| -> f64 {
            text.split_whitespace()
                .find_map(|w| w.strip_prefix(name)?.parse().ok())
                .unwrap_or_else(|| panic!("no {name} in {text}"))
        };
        scans.push(field("ms="));
        peak_kb = peak_kb.max(field("peak_kb=") as u64);
        problems = field("problems=") as u64;
    }
    let grep = time_command(
        Command::new("grep")
            .args(["-r", "-c", "--include=*.md", "^title:"])
            .arg(dir.path()),
    );

    scans.sort_by(f64::total_cmp);
    println!();
    println!("| measure (site of {posts} posts, {RUNS} runs) | median | best |");
    println!("|---|---|---|");
    println!(
        "| Billet `Library::scan`, wall time | {:.1} ms | {:.1} ms |",
        scans[RUNS / 2],
        scans[0]
    );
    println!(
        "| `grep -r -c ^title:` over the same posts, wall time | {:.1} ms | {:.1} ms |",
        grep[RUNS / 2],
        grep[0]
    );
    println!(
        "| Billet scan process, peak resident memory | {:.1} MB | |",
        peak_kb as f64 / 1024.0
    );
    println!();
    println!("problems found per scan: {problems} (covers off-format on purpose, to exercise the checks)");
}

/// Runs in a child process: one scan, then its time and the process's peak memory.
fn scan_child(root: &Path) {
    let site = Site::open(root).expect("generated site opens");
    let started = Instant::now();
    let library = Library::scan(&site);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let problems: usize = library.posts.iter().map(|p| p.problems.len()).sum();
    assert_eq!(library.posts.len(), count_posts(root));
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .unwrap_or("0");
    println!("ms={ms} peak_kb={peak_kb} problems={problems}");
}

fn count_posts(root: &Path) -> usize {
    walk(&root.join("content/fr/blog"))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .count()
}

fn walk(dir: &Path) -> Box<dyn Iterator<Item = std::path::PathBuf>> {
    let entries: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    Box::new(entries.into_iter().flat_map(|p| {
        if p.is_dir() {
            walk(&p)
        } else {
            Box::new(std::iter::once(p))
        }
    }))
}

fn time_command(cmd: &mut Command) -> Vec<f64> {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            cmd.output().expect("reference tool runs");
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times
}

/// A blog in the two shapes of the real one, with bodies of a realistic
/// length, spread over year folders.
fn generate(root: &Path, posts: usize) {
    let media = root.join("public/blog");
    std::fs::create_dir_all(&media).unwrap();
    for i in 0..COVERS {
        let (w, h) = if i % 2 == 0 { (1080, 600) } else { (500, 200) };
        image::RgbImage::new(w, h)
            .save(media.join(format!("cover-{i}.png")))
            .unwrap();
    }
    let body = "Un paragraphe d'article, avec du **gras**, un [lien](https://example.org) et une liste.\n\n- un\n- deux\n\n".repeat(30);
    for i in 0..posts {
        let year = 2015 + i % 12;
        let folder = root.join(format!("content/fr/blog/{year}"));
        std::fs::create_dir_all(&folder).unwrap();
        let cover = format!("/blog/cover-{}.png", i % COVERS);
        let front = if i % 3 == 0 {
            format!("name: 'post-{i}'\ntitle: Article numéro {i}\nyear: 12 février {year}\ndate: '{year}-02-12'\nbadge:\n  label: 'Actualités'\ndescription: |\n  Un résumé de l'article {i}.\nauthor: Céline\nimage:\n  src: '{cover}'\n")
        } else {
            format!("date: {year}-03-{:02}T00:00:00.000Z\nid: Article {i}\nbadge:\n  label: Nouveautés\ndescription: Le résumé de l'article {i}.\nauthor: Céline\nimage: {cover}\ntitle: \"Article {i} : un titre assez long pour être replié par un autre outil\"\n", 1 + i % 28)
        };
        std::fs::write(
            folder.join(format!("article-{i}.md")),
            format!("---\n{front}---\n\n{body}"),
        )
        .unwrap();
    }
}
