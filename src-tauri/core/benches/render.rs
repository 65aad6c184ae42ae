//! How fast the preview renders: Billet's whole pipeline (Markdown, MDC,
//! sanitizing, the image pass) over the bodies of a site's posts, in
//! process. `scripts/bench-render` runs it beside markdown-it over the same
//! bodies and prints the ratio.
//!
//! Run: `cargo bench -p billet-core --bench render -- POSTS_FOLDER`. Prints
//! one line per run (`billet_ms=…`) for the script to read; asserts nothing.

use std::path::Path;
use std::time::Instant;

const RUNS: usize = 7;
/// Passes over all bodies per run, so that one run lasts long enough to time.
const PASSES: usize = 20;

fn main() {
    let folder = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .expect("usage: render POSTS_FOLDER");
    let bodies = bodies(Path::new(&folder));
    let bytes: usize = bodies.iter().map(String::len).sum();
    println!("{} bodies, {} KB", bodies.len(), bytes / 1024);
    let mut out = 0usize;
    for run in 0..=RUNS {
        let started = Instant::now();
        for _ in 0..PASSES {
            for body in &bodies {
                out += billet_core::preview::render_with(body, &|url| Some(url.to_string())).len();
            }
        }
        let ms = started.elapsed().as_secs_f64() * 1000.0 / PASSES as f64;
        // The first run warms caches and the sanitizer's policy.
        if run > 0 {
            println!("billet_ms={ms:.3}");
        }
    }
    eprintln!("({out} bytes written)");
}

/// The body of every `.md` file under `folder` (after its front matter),
/// sorted by path, as `tests/site-render/bench.mjs` reads them too.
fn bodies(folder: &Path) -> Vec<String> {
    let mut paths: Vec<_> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("readable post");
            billet_core::post::Post::parse(text.as_bytes())
                .map(|post| post.body().to_string())
                .unwrap_or(text)
        })
        .collect()
}
