//! Covers against the tools a site's developer would otherwise script:
//! `vipsthumbnail` (libvips) and ImageMagick's `convert`, on the same
//! pictures, to the same 1080x600 JPEG at quality 82, centred crop, EXIF
//! orientation applied, metadata stripped. Every tool runs as its own
//! process (Billet through this bench binary re-run as a child), so start-up,
//! decoding, resizing, encoding and writing are counted alike; peak memory is
//! each process's maximum resident size, from /usr/bin/time.
//!
//! Run: `cargo bench -p billet-core --bench media`. Prints a table; asserts nothing.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

mod pictures;
use pictures::generate;

use billet_core::media::{crop_box, render_cover, Focus};
use billet_core::site::{Config, Site};

const RUNS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--cover-child") {
        return cover_child(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs = generate(dir.path());
    let exe = std::env::current_exe().expect("own path");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();

    println!("| picture | Billet | vipsthumbnail | convert | Billet peak | vipsthumbnail peak | convert peak | SSIM Billet | SSIM vips | SSIM convert |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (name, input) in &inputs {
        let target = |tool: &str| out.join(format!("{name}-{tool}.jpg"));
        let billet = measure(
            Command::new(&exe)
                .arg("--cover-child")
                .arg(input)
                .arg(target("billet")),
        );
        let vips = measure(
            Command::new("vipsthumbnail")
                .arg(input)
                .args(["--size", "1080x600", "--smartcrop", "centre", "-o"])
                .arg(format!("{}[Q=82,strip]", target("vips").display())),
        );
        let magick = measure(
            Command::new("/usr/bin/convert")
                .arg(input)
                .args([
                    "-auto-orient",
                    "-resize",
                    "1080x600^",
                    "-gravity",
                    "center",
                    "-extent",
                    "1080x600",
                ])
                .args(["-strip", "-quality", "82"])
                .arg(target("convert")),
        );
        for tool in ["billet", "vips", "convert"] {
            let (w, h) = image::image_dimensions(target(tool)).expect("each tool wrote its cover");
            assert_eq!((w, h), (1080, 600), "{tool} on {name}");
        }
        let reference = reference_cover(input);
        let ssim = |tool: &str| {
            ssim(
                &reference,
                &image::open(target(tool))
                    .expect("cover readable")
                    .to_luma8(),
            )
        };
        println!(
            "| {name} | {:.0} ms | {:.0} ms | {:.0} ms | {:.0} MB | {:.0} MB | {:.0} MB | {:.4} | {:.4} | {:.4} |",
            billet.0, vips.0, magick.0, billet.1, vips.1, magick.1, ssim("billet"), ssim("vips"), ssim("convert")
        );
    }
}

/// The reference a cover is compared with: the whole picture decoded at full
/// size by the `image` crate, turned upright, flattened on white, cropped to
/// the same box and resized with Lanczos3, never encoded.
fn reference_cover(input: &Path) -> image::GrayImage {
    let bytes = std::fs::read(input).unwrap();
    let mut decoder = image::ImageReader::new(std::io::Cursor::new(&bytes))
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    let orientation = image::ImageDecoder::orientation(&mut decoder).unwrap();
    let mut picture = image::DynamicImage::from_decoder(decoder).unwrap();
    picture.apply_orientation(orientation);
    let mut rgba = picture.to_rgba8();
    for p in rgba.pixels_mut() {
        let a = f32::from(p[3]) / 255.0;
        for c in 0..3 {
            p[c] = (f32::from(p[c]) * a + 255.0 * (1.0 - a)).round() as u8;
        }
        p[3] = 255;
    }
    let crop = crop_box(
        (rgba.width(), rgba.height()),
        (1080, 600),
        Focus::default(),
        1.0,
    );
    let part = image::imageops::crop_imm(
        &rgba,
        crop.left.round() as u32,
        crop.top.round() as u32,
        crop.width.round() as u32,
        crop.height.round() as u32,
    )
    .to_image();
    let resized = image::imageops::resize(&part, 1080, 600, image::imageops::FilterType::Lanczos3);
    image::DynamicImage::ImageRgba8(resized).to_luma8()
}

/// The mean structural similarity of two same-sized grey pictures, over
/// 8x8 windows every 4 pixels (1 means identical).
fn ssim(a: &image::GrayImage, b: &image::GrayImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let (c1, c2) = ((0.01f64 * 255.0).powi(2), (0.03f64 * 255.0).powi(2));
    let (mut total, mut windows) = (0.0, 0u32);
    for y in (0..a.height() - 8).step_by(4) {
        for x in (0..a.width() - 8).step_by(4) {
            let (mut sa, mut sb, mut saa, mut sbb, mut sab) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for dy in 0..8 {
                for dx in 0..8 {
                    let pa = f64::from(a.get_pixel(x + dx, y + dy)[0]);
                    let pb = f64::from(b.get_pixel(x + dx, y + dy)[0]);
                    sa += pa;
                    sb += pb;
                    saa += pa * pa;
                    sbb += pb * pb;
                    sab += pa * pb;
                }
            }
            let n = 64.0;
            let (ma, mb) = (sa / n, sb / n);
            let (va, vb, cov) = (saa / n - ma * ma, sbb / n - mb * mb, sab / n - ma * mb);
            total += ((2.0 * ma * mb + c1) * (2.0 * cov + c2))
                / ((ma * ma + mb * mb + c1) * (va + vb + c2));
            windows += 1;
        }
    }
    total / f64::from(windows)
}

/// Runs in a child process: one cover, written to `output`.
fn cover_child(input: &Path, output: &Path) {
    let site = Site {
        root: output.parent().unwrap().to_path_buf(),
        config: Config::default(),
        configured: true,
    };
    let source = std::fs::read(input).expect("input readable");
    let made = render_cover(&site, &source, Focus::default(), 1.0).expect("cover made");
    std::fs::write(output, made.bytes).expect("cover written");
}

/// The median wall time in ms over RUNS runs, and the largest peak
/// resident size in MB (from GNU time's %M, in KB).
fn measure(cmd: &mut Command) -> (f64, f64) {
    let mut times = Vec::new();
    let mut peak_kb = 0u64;
    for _ in 0..RUNS {
        let mut timed = Command::new("/usr/bin/time");
        timed
            .args(["-f", "%M"])
            .arg(cmd.get_program())
            .args(cmd.get_args());
        let started = Instant::now();
        let out = timed
            .output()
            .expect("/usr/bin/time runs (apt-get install time)");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(
            out.status.success(),
            "{:?} failed: {}",
            cmd,
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        let kb = stderr
            .lines()
            .last()
            .and_then(|l| l.trim().parse().ok())
            .unwrap_or(0);
        peak_kb = peak_kb.max(kb);
    }
    times.sort_by(f64::total_cmp);
    (times[RUNS / 2], peak_kb as f64 / 1024.0)
}
