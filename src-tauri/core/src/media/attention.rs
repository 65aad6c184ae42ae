//! Where the eye goes in a picture, so that the cover's first frame needs
//! no drag for an ordinary photo: a centred band of a portrait photo cuts
//! the roof off a house or the face off a person. In the spirit of
//! libvips' "attention" crop: detail (edges), colour (saturation) and skin
//! tones make a picture's interesting parts; the frame goes where they are
//! densest, and stays centred when nothing stands out.

use super::frame::{crop_box, Focus};
use super::resize::Pixels;

/// Windows this close to the best one (as a share of its score) count as
/// as good: the one nearest the centre wins, so that a picture with no
/// clear subject keeps the centred frame.
const AS_GOOD: f64 = 0.005;

/// The focus whose frame of the target's aspect, at zoom 1, holds most of
/// what catches the eye in `pixels` (the framing view's overview: at most
/// 1600 pixels a side, a few milliseconds of work).
pub fn interest_focus(pixels: &Pixels, target: (u32, u32)) -> Focus {
    let (w, h) = (pixels.width, pixels.height);
    if w < 3 || h < 3 {
        return Focus::default();
    }
    let scores = interest(pixels);
    let frame = crop_box((w, h), target, Focus::default(), 1.0);
    let (w, h) = (w as usize, h as usize);
    let focus = if frame.width < w as f64 - 0.5 {
        let mut columns = vec![0.0; w];
        for row in scores.chunks(w) {
            columns.iter_mut().zip(row).for_each(|(c, s)| *c += s);
        }
        Focus {
            x: best_centre(&columns, frame.width.round() as usize),
            y: 0.5,
        }
    } else if frame.height < h as f64 - 0.5 {
        let rows: Vec<f64> = scores.chunks(w).map(|row| row.iter().sum()).collect();
        Focus {
            x: 0.5,
            y: best_centre(&rows, frame.height.round() as usize),
        }
    } else {
        Focus::default()
    };
    focus
}

/// How much each pixel catches the eye: its detail (the luminance
/// gradient), its colour (saturation), and a bonus for skin tones.
fn interest(pixels: &Pixels) -> Vec<f64> {
    let (w, h) = (pixels.width as usize, pixels.height as usize);
    let channels = if pixels.alpha { 4 } else { 3 };
    let rgb = |x: usize, y: usize| {
        let i = (y * w + x) * channels;
        let p = &pixels.data[i..i + 3];
        (f64::from(p[0]), f64::from(p[1]), f64::from(p[2]))
    };
    let luma = |x: usize, y: usize| {
        let (r, g, b) = rgb(x, y);
        0.299 * r + 0.587 * g + 0.114 * b
    };
    let mut scores = Vec::with_capacity(w * h);
    for y in 0..h {
        for x in 0..w {
            let dx = luma((x + 1).min(w - 1), y) - luma(x.saturating_sub(1), y);
            let dy = luma(x, (y + 1).min(h - 1)) - luma(x, y.saturating_sub(1));
            let (r, g, b) = rgb(x, y);
            let saturation = r.max(g).max(b) - r.min(g).min(b);
            let skin = r > 95.0 && g > 40.0 && b > 20.0 && r > g && r > b && r - g > 15.0;
            scores.push(dx.abs() + dy.abs() + 0.5 * saturation + if skin { 60.0 } else { 0.0 });
        }
    }
    scores
}

/// The centre, as a fraction of `line`'s length, of the `window` of
/// consecutive values with the most in it; the most central of the
/// windows nearly as good.
fn best_centre(line: &[f64], window: usize) -> f64 {
    let window = window.clamp(1, line.len());
    let starts = line.len() - window + 1;
    let mut sums = Vec::with_capacity(starts);
    let mut sum: f64 = line[..window].iter().sum();
    sums.push(sum);
    for start in 1..starts {
        sum += line[start + window - 1] - line[start - 1];
        sums.push(sum);
    }
    let best = sums.iter().copied().fold(f64::MIN, f64::max);
    let middle = (starts - 1) as f64 / 2.0;
    let start = (0..starts)
        .filter(|&s| sums[s] >= best * (1.0 - AS_GOOD))
        .min_by(|&a, &b| {
            let (da, db) = ((a as f64 - middle).abs(), (b as f64 - middle).abs());
            da.total_cmp(&db)
        })
        .unwrap_or(0);
    if (start as f64 - middle).abs() <= 0.5 {
        // The centred window: exactly the centred frame, whatever the rounding.
        return 0.5;
    }
    (start as f64 + window as f64 / 2.0) / line.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `w` x `h` picture of flat sky, with a detailed, colourful block
    /// (a house) over the rows `from..to`.
    fn scene(w: u32, h: u32, rows: std::ops::Range<u32>) -> Pixels {
        let mut data = Vec::with_capacity((w * h * 3) as usize);
        for y in 0..h {
            for x in 0..w {
                let busy = rows.contains(&y) && (x / 7 + y / 7) % 2 == 0;
                let rgb = if busy {
                    [200, 40, 30]
                } else if rows.contains(&y) {
                    [240, 230, 220]
                } else {
                    [150, 190, 230]
                };
                data.extend_from_slice(&rgb);
            }
        }
        Pixels {
            width: w,
            height: h,
            alpha: false,
            data,
        }
    }

    #[test]
    fn a_portrait_photo_is_framed_on_its_subject_not_its_centre() {
        // Portrait, the house in the top fifth: a centred 1.8:1 band misses it.
        let focus = interest_focus(&scene(600, 800, 60..220), (1080, 600));
        let crop = crop_box((600, 800), (1080, 600), focus, 1.0);
        assert!(
            crop.top <= 60.0 && crop.top + crop.height >= 220.0,
            "{crop:?}"
        );
        assert_eq!(focus.x, 0.5);
    }

    #[test]
    fn a_landscape_photo_is_framed_on_its_subject_sideways() {
        let mut pixels = scene(1200, 400, 0..0);
        for y in 0..400usize {
            for x in 1000..1150usize {
                let i = (y * 1200 + x) * 3;
                let on = (x / 5 + y / 5) % 2 == 0;
                pixels.data[i..i + 3].copy_from_slice(if on {
                    &[20, 20, 20]
                } else {
                    &[250, 250, 250]
                });
            }
        }
        let focus = interest_focus(&pixels, (1080, 600));
        let crop = crop_box((1200, 400), (1080, 600), focus, 1.0);
        assert!(crop.left + crop.width >= 1150.0, "{crop:?} for {focus:?}");
    }

    #[test]
    fn a_plain_picture_keeps_the_centred_frame() {
        let focus = interest_focus(&scene(600, 800, 0..0), (1080, 600));
        assert_eq!(focus, Focus::default());
        let tiny = scene(2, 2, 0..0);
        assert_eq!(interest_focus(&tiny, (1080, 600)), Focus::default());
    }
}
