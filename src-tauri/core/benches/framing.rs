//! What the author waits for in the framing view, in-process as the app
//! runs it: the overview the picture is framed on (sent once, when the
//! picture is dropped), and the card preview remade after each move of the
//! frame. Median of 9 runs per picture.
//!
//! Run: `cargo bench -p billet-core --bench framing`. Prints a table; asserts nothing.

use std::time::Instant;

use billet_core::media::{render_cover, render_overview, Focus};
use billet_core::site::{Config, Site};

mod pictures;

const RUNS: usize = 9;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = Site {
        root: dir.path().to_path_buf(),
        config: Config::default(),
        configured: true,
    };
    println!("| picture | overview (1600 px) | card preview (centre) | card preview (zoom 2, top left) |");
    println!("|---|---|---|---|");
    for (name, input) in pictures::generate(dir.path()) {
        let source = std::fs::read(&input).expect("picture");
        let overview = median(|| {
            render_overview(&site, &source, 1600).expect("overview");
        });
        let centre = median(|| {
            render_cover(&site, &source, Focus::default(), 1.0).expect("cover");
        });
        let corner = median(|| {
            render_cover(&site, &source, Focus { x: 0.2, y: 0.2 }, 2.0).expect("cover");
        });
        println!("| {name} | {overview:.0} ms | {centre:.0} ms | {corner:.0} ms |");
    }
}

fn median(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}
