//! Covers and body images: any picture an author has becomes a file in the
//! site's format, size and place, in one step.
//!
//! decode (format from the content, size checked first, upright, colour
//! to sRGB) ->
//! frame (crop around a focal point) -> resize (Lanczos3) -> encode (no
//! metadata) -> place (a free name from the post's slug, atomic write).

mod attention;
mod colour;
mod decode;
mod encode;
mod error;
mod frame;
mod orient;
mod place;
mod replace;
mod resize;
mod webp;

use chrono::NaiveDate;
use image::DynamicImage;
use serde::Serialize;

pub use decode::sniff;
pub use error::{MediaError, MediaWarning};
pub use frame::{crop_box, Crop, Focus};
pub use replace::remove_replaced_cover;
pub use resize::Pixels;

use crate::post::{parse_date, Post};
use crate::site::{ImageFormat, Site, Upscale};

/// The heaviest file read as a picture. A 100-megapixel JPEG is far
/// lighter; this keeps a mistaken drop (a video, a disk image) from being
/// read into memory at all.
pub const MAX_SOURCE_BYTES: u64 = 256 << 20;

/// Refuses a source file of `bytes` bytes before it is read.
pub fn check_source_size(bytes: u64) -> Result<(), MediaError> {
    if bytes > MAX_SOURCE_BYTES {
        return Err(MediaError::FileTooBig { bytes });
    }
    Ok(())
}

/// Reads a picture the author chose, unless it is too heavy to be one.
pub fn read_source(file: &std::path::Path) -> Result<Vec<u8>, MediaError> {
    let read_error = |e| MediaError::Read(file.to_path_buf(), e);
    check_source_size(std::fs::metadata(file).map_err(read_error)?.len())?;
    std::fs::read(file).map_err(read_error)
}

/// An image that was written into the site: a cover, or a body image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Written {
    /// Site-relative path of the file.
    pub path: String,
    /// What the post refers to it by (in its cover field, or its text).
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub warnings: Vec<MediaWarning>,
}

/// A body image that was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyImageResult {
    #[serde(flatten)]
    pub written: Written,
    pub alt: String,
    /// `![alt](url)`, to insert in the post.
    pub markdown: String,
}

/// An image made in memory, not yet placed.
#[derive(Debug, Clone)]
pub struct Made {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// The upright size of the whole source picture.
    pub source: (u32, u32),
    pub warnings: Vec<MediaWarning>,
}

/// Makes a cover of the site's size and format from `source`, cropped
/// around `focus` with `zoom` (1 = the largest crop), without writing it.
pub fn render_cover(
    site: &Site,
    source: &[u8],
    focus: Focus,
    zoom: f64,
) -> Result<Made, MediaError> {
    let cover = &site.config.cover;
    let (tw, th) = (cover.width.max(1), cover.height.max(1));
    let enough = cover_enough((tw, th), focus, zoom);
    let Prepared {
        pixels,
        full,
        mut warnings,
    } = prepare(source, cover.max_megapixels, cover.format, &enough)?;
    let crop = crop_box((pixels.width, pixels.height), (tw, th), focus, zoom);
    let (cw, ch) = (crop.width.round() as u32, crop.height.round() as u32);
    if cw < tw || ch < th {
        match cover.upscale {
            Upscale::Refuse => {
                return Err(MediaError::TooSmall {
                    width: cw,
                    height: ch,
                    target_width: tw,
                    target_height: th,
                })
            }
            Upscale::Warn => warnings.push(MediaWarning::Upscaled {
                width: cw,
                height: ch,
                target_width: tw,
                target_height: th,
            }),
        }
    }
    let out = Prepared {
        pixels: resize::resize(&pixels, crop, tw, th)?,
        full,
        warnings,
    };
    finish(out, cover.format, cover.quality, cover.max_bytes)
}

/// Makes a body image from `source`: at most the site's `max_width` wide,
/// aspect kept, never enlarged.
pub fn render_body_image(site: &Site, source: &[u8]) -> Result<Made, MediaError> {
    let body = &site.config.body_images;
    let max_width = body.max_width.max(1);
    let out = whole_picture(
        source,
        site.config.cover.max_megapixels,
        body.format,
        move |full| body_size(full, max_width),
    )?;
    finish(out, body.format, body.quality, body.max_bytes)
}

/// What the framing view starts from.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The whole picture, upright and small, to frame the cover on.
    pub made: Made,
    /// Where the cover's first frame goes: on what catches the eye.
    pub focus: Focus,
}

/// The whole picture, upright, fitting in `max_side` x `max_side`, as a
/// JPEG: what the framing view shows the author to frame the cover on;
/// and the focus of the cover's first frame.
pub fn render_overview(site: &Site, source: &[u8], max_side: u32) -> Result<Overview, MediaError> {
    let max_side = max_side.max(1);
    let out = whole_picture(
        source,
        site.config.cover.max_megapixels,
        ImageFormat::Jpeg,
        move |(w, h)| {
            let scale = (f64::from(max_side) / f64::from(w.max(h))).min(1.0);
            let side = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
            (side(w), side(h))
        },
    )?;
    let cover = &site.config.cover;
    let focus = attention::interest_focus(&out.pixels, (cover.width, cover.height));
    Ok(Overview {
        made: finish(out, ImageFormat::Jpeg, 85, u64::MAX)?,
        focus,
    })
}

/// The whole picture, uncropped, resized to `size_of(its upright size)`
/// (never larger than it): decoded at a reduced scale when that still has
/// enough pixels.
fn whole_picture(
    source: &[u8],
    max_megapixels: u32,
    format: ImageFormat,
    size_of: impl Fn((u32, u32)) -> (u32, u32) + Copy,
) -> Result<Prepared, MediaError> {
    let enough = enough_for(size_of);
    let Prepared {
        pixels,
        full,
        warnings,
    } = prepare(source, max_megapixels, format, &enough)?;
    let (w, h) = (pixels.width, pixels.height);
    // From the whole picture's size, whatever the scale it was decoded at.
    let (tw, th) = size_of(full);
    if (tw, th) == (w, h) {
        return Ok(Prepared {
            pixels,
            full,
            warnings,
        });
    }
    let whole = Crop {
        left: 0.0,
        top: 0.0,
        width: f64::from(w),
        height: f64::from(h),
    };
    Ok(Prepared {
        pixels: resize::resize(&pixels, whole, tw, th)?,
        full,
        warnings,
    })
}

/// Whether a cover can be made from a reduced decode of upright size
/// `size`: its crop must still have the target's pixels.
fn cover_enough(
    (tw, th): (u32, u32),
    focus: Focus,
    zoom: f64,
) -> impl Fn((u32, u32), (u32, u32)) -> bool {
    move |_full, size| {
        let crop = crop_box(size, (tw, th), focus, zoom);
        crop.width >= f64::from(tw) && crop.height >= f64::from(th)
    }
}

/// Whether a reduced decode of upright size `(w, h)` still has the pixels
/// of an output of `size_of(the whole picture's size)`.
fn enough_for(
    size_of: impl Fn((u32, u32)) -> (u32, u32),
) -> impl Fn((u32, u32), (u32, u32)) -> bool {
    move |full, (w, h)| {
        let (tw, th) = size_of(full);
        w >= tw && h >= th
    }
}

/// A body image's output size: at most `max_width` wide, aspect kept,
/// never enlarged.
fn body_size((w, h): (u32, u32), max_width: u32) -> (u32, u32) {
    let tw = w.min(max_width);
    let th = ((u64::from(h) * u64::from(tw) + u64::from(w) / 2) / u64::from(w)).max(1) as u32;
    (tw, th)
}

/// Makes the cover of the post at `post_rel_path` and writes it under the
/// site's `cover.path` template. The post is read for its date (`{{year}}`);
/// a post not saved yet counts as dated today. The post itself is not
/// changed: the caller sets its cover field to `url`.
pub fn make_cover(
    site: &Site,
    post_rel_path: &str,
    source: &[u8],
    focus: Focus,
    zoom: f64,
) -> Result<Written, MediaError> {
    let made = render_cover(site, source, focus, zoom)?;
    let cover = &site.config.cover;
    let slug = place::post_slug(post_rel_path);
    let date = post_date(site, post_rel_path)?;
    let place = place::choose(
        site,
        &cover.path,
        &slug,
        "cover",
        date,
        cover.format.extension(),
    )?;
    write(place, made)
}

/// Writes `made` where `place` says.
fn write(place: place::Place, made: Made) -> Result<Written, MediaError> {
    place::write(&place, &made.bytes)?;
    Ok(Written {
        path: place.rel,
        url: place.url,
        width: made.width,
        height: made.height,
        bytes: made.bytes.len() as u64,
        warnings: made.warnings,
    })
}

/// Makes a body image for the post at `post_rel_path` from `source`, with
/// the author's `alt` text, which also gives the file its `{{name}}`
/// ([`alt_text`] suggests one from the source's file name).
pub fn make_body_image(
    site: &Site,
    post_rel_path: &str,
    source: &[u8],
    alt: &str,
) -> Result<BodyImageResult, MediaError> {
    let made = render_body_image(site, source)?;
    let body = &site.config.body_images;
    let slug = place::post_slug(post_rel_path);
    let date = post_date(site, post_rel_path)?;
    let alt = alt.trim().to_string();
    let name = crate::names::slugify(&alt);
    let name = if name.is_empty() {
        "image".to_string()
    } else {
        name
    };
    let place = place::choose(
        site,
        &body.path,
        &slug,
        &name,
        date,
        body.format.extension(),
    )?;
    let written = write(place, made)?;
    let markdown = format!("![{}]({})", alt.replace(['[', ']'], ""), written.url);
    Ok(BodyImageResult {
        written,
        alt,
        markdown,
    })
}

/// Alt text from a file name: `IMG_2041-vue du port.final.JPG` gives
/// `vue du port final`; camera names (IMG_1234, DSC01234) give nothing.
pub fn alt_text(source_name: &str) -> String {
    let base = source_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(source_name);
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    let mut words = Vec::new();
    let mut after_camera = false;
    for word in stem
        .split(|c: char| c == '_' || c == '-' || c == '.' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let number = word.chars().all(|c| c.is_ascii_digit());
        if is_camera_word(word) || (after_camera && number) {
            after_camera = true;
        } else {
            after_camera = false;
            words.push(word);
        }
    }
    words.join(" ")
}

fn is_camera_word(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    let prefix = [
        "IMG",
        "DSC",
        "DSCN",
        "DSCF",
        "PXL",
        "SCREENSHOT",
        "IMAGE",
        "PHOTO",
    ]
    .iter()
    .find(|p| upper.starts_with(**p));
    prefix.is_some_and(|p| upper[p.len()..].chars().all(|c| c.is_ascii_digit()))
}

/// A decoded picture, ready for framing and resizing.
struct Prepared {
    pixels: Pixels,
    /// The upright size of the whole picture (`pixels` may be smaller).
    full: (u32, u32),
    warnings: Vec<MediaWarning>,
}

/// Decodes (a large JPEG at a reduced scale when `enough` allows it) and
/// converts to 8-bit RGB(A): alpha is kept only when the output format has
/// it, and flattened onto white otherwise. Also gives the upright size of
/// the whole picture.
fn prepare(
    source: &[u8],
    max_megapixels: u32,
    format: ImageFormat,
    enough: decode::Enough,
) -> Result<Prepared, MediaError> {
    let decoded = decode::decode(source, max_megapixels, Some(enough))?;
    let warnings = if decoded.animated {
        vec![MediaWarning::Animated]
    } else {
        Vec::new()
    };
    Ok(Prepared {
        pixels: to_pixels(decoded.image, format != ImageFormat::Jpeg),
        full: decoded.full,
        warnings,
    })
}

fn to_pixels(image: DynamicImage, keep_alpha: bool) -> Pixels {
    let (width, height) = (image.width(), image.height());
    if !image.color().has_alpha() {
        return Pixels {
            width,
            height,
            alpha: false,
            data: image.into_rgb8().into_raw(),
        };
    }
    let rgba = image.into_rgba8().into_raw();
    if keep_alpha {
        return Pixels {
            width,
            height,
            alpha: true,
            data: rgba,
        };
    }
    let data = rgba
        .chunks_exact(4)
        .flat_map(|p| {
            let a = u32::from(p[3]);
            let on_white = move |c: u8| ((u32::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
            [on_white(p[0]), on_white(p[1]), on_white(p[2])]
        })
        .collect();
    Pixels {
        width,
        height,
        alpha: false,
        data,
    }
}

/// Encodes the picture made, and says when it is over the site's budget.
fn finish(
    made: Prepared,
    format: ImageFormat,
    quality: u8,
    max_bytes: u64,
) -> Result<Made, MediaError> {
    let Prepared {
        pixels,
        full: source,
        mut warnings,
    } = made;
    let bytes = encode::encode(&pixels, format, quality)?;
    if bytes.len() as u64 > max_bytes {
        warnings.push(MediaWarning::TooHeavy {
            bytes: bytes.len() as u64,
            max_bytes,
            suggested_quality: encode::suggest_quality(&pixels, format, quality, max_bytes),
        });
    }
    Ok(Made {
        bytes,
        width: pixels.width,
        height: pixels.height,
        source,
        warnings,
    })
}

/// The post's date, for the file name template; today when the post has
/// none or does not exist yet.
fn post_date(site: &Site, post_rel_path: &str) -> Result<NaiveDate, MediaError> {
    let file = crate::paths::resolve(&site.root, post_rel_path)?;
    let today = || chrono::Local::now().date_naive();
    let Ok(bytes) = std::fs::read(file) else {
        return Ok(today());
    };
    Ok(Post::parse(&bytes)
        .ok()
        .and_then(|p| p.meta(&site.config.cover.field).date)
        .and_then(|d| parse_date(&d))
        .map_or_else(today, |d| d.date()))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_colour;
