//! Which part of the picture becomes the cover: the largest rectangle of
//! the target's aspect, made smaller by the zoom, centred on the focal
//! point as far as the picture's edges allow.

/// A point of the picture as fractions of its width and height, from the
/// top left corner: `(0.5, 0.5)` is the centre.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Focus {
    pub x: f64,
    pub y: f64,
}

impl Default for Focus {
    fn default() -> Self {
        Focus { x: 0.5, y: 0.5 }
    }
}

/// A rectangle of the source, in pixels (fractional: the resizer samples
/// between pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crop {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// The part of a `width` x `height` picture to scale to `target_width` x
/// `target_height`. A zoom below 1 counts as 1; fractions outside 0..1 are
/// brought back to the edge.
pub fn crop_box(
    (width, height): (u32, u32),
    (target_width, target_height): (u32, u32),
    focus: Focus,
    zoom: f64,
) -> Crop {
    let (w, h) = (f64::from(width), f64::from(height));
    let aspect = f64::from(target_width) / f64::from(target_height);
    let zoom = if zoom.is_finite() { zoom.max(1.0) } else { 1.0 };
    let (full_w, full_h) = if w / h > aspect {
        (h * aspect, h)
    } else {
        (w, w / aspect)
    };
    let (cw, ch) = ((full_w / zoom).max(1.0), (full_h / zoom).max(1.0));
    let fraction = |v: f64| {
        if v.is_finite() {
            v.clamp(0.0, 1.0)
        } else {
            0.5
        }
    };
    let left = (fraction(focus.x) * w - cw / 2.0).clamp(0.0, w - cw);
    let top = (fraction(focus.y) * h - ch / 2.0).clamp(0.0, h - ch);
    Crop {
        left,
        top,
        width: cw,
        height: ch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centred_by_default_and_clamped_at_edges() {
        let c = crop_box((4000, 3000), (1080, 600), Focus::default(), 1.0);
        assert_eq!((c.width, c.height), (4000.0, 4000.0 * 600.0 / 1080.0));
        assert!((c.top - (3000.0 - c.height) / 2.0).abs() < 1e-9);
        let c = crop_box((4000, 3000), (1080, 600), Focus { x: 0.5, y: 0.0 }, 1.0);
        assert_eq!(c.top, 0.0);
        let c = crop_box((1000, 3000), (100, 100), Focus { x: 0.5, y: 1.0 }, 1.0);
        assert_eq!(
            (c.left, c.top, c.width, c.height),
            (0.0, 2000.0, 1000.0, 1000.0)
        );
    }

    #[test]
    fn zoom_shrinks_around_the_focus() {
        let c = crop_box((1000, 1000), (100, 100), Focus { x: 0.25, y: 0.75 }, 4.0);
        assert_eq!(
            (c.left, c.top, c.width, c.height),
            (125.0, 625.0, 250.0, 250.0)
        );
        let c = crop_box((1000, 1000), (100, 100), Focus::default(), 0.2);
        assert_eq!(c.width, 1000.0);
    }
}
