//! Covers and body images: any picture an author has becomes a file in the
//! site's format, size and place, in one step.
//!
//! decode (format from the content, size checked first, upright, colour
//! to sRGB) ->
//! frame (crop around a focal point) -> resize (Lanczos3) -> encode (no
//! metadata) -> place (a free name from the post's slug, atomic write).

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

/// A cover that was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverResult {
    /// Site-relative path of the file.
    pub path: String,
    /// What to put in the post's cover field.
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub warnings: Vec<MediaWarning>,
}

/// A body image that was written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyImageResult {
    pub path: String,
    pub url: String,
    /// The alt text, from the source's file name.
    pub alt: String,
    /// `![alt](url)`, to insert in the post.
    pub markdown: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub warnings: Vec<MediaWarning>,
}

/// An image made in memory, not yet placed.
#[derive(Debug, Clone)]
pub struct Made {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
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
        mut warnings,
        ..
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
    let out = resize::resize(&pixels, crop, tw, th)?;
    finish(out, cover.format, cover.quality, cover.max_bytes, warnings)
}

/// Makes a body image from `source`: at most the site's `max_width` wide,
/// aspect kept, never enlarged.
pub fn render_body_image(site: &Site, source: &[u8]) -> Result<Made, MediaError> {
    let body = &site.config.body_images;
    let max_width = body.max_width.max(1);
    let enough = body_enough(max_width);
    let Prepared {
        pixels,
        full,
        warnings,
    } = prepare(
        source,
        site.config.cover.max_megapixels,
        body.format,
        &enough,
    )?;
    let (w, h) = (pixels.width, pixels.height);
    // From the whole picture's size, whatever the scale it was decoded at.
    let (tw, th) = body_size(full, max_width);
    let out = if (tw, th) == (w, h) {
        pixels
    } else {
        let whole = Crop {
            left: 0.0,
            top: 0.0,
            width: f64::from(w),
            height: f64::from(h),
        };
        resize::resize(&pixels, whole, tw, th)?
    };
    finish(out, body.format, body.quality, body.max_bytes, warnings)
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

/// Whether a body image can be made from a reduced decode of upright size
/// `size`: it must be at least the output size.
fn body_enough(max_width: u32) -> impl Fn((u32, u32), (u32, u32)) -> bool {
    move |full, (w, h)| {
        let (tw, th) = body_size(full, max_width);
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
) -> Result<CoverResult, MediaError> {
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
    place::write(&place, &made.bytes)?;
    Ok(CoverResult {
        path: place.rel,
        url: place.url,
        width: made.width,
        height: made.height,
        bytes: made.bytes.len() as u64,
        warnings: made.warnings,
    })
}

/// Makes a body image for the post at `post_rel_path` from `source`, whose
/// file name (`source_name`) gives the alt text and `{{name}}`.
pub fn make_body_image(
    site: &Site,
    post_rel_path: &str,
    source: &[u8],
    source_name: &str,
) -> Result<BodyImageResult, MediaError> {
    let made = render_body_image(site, source)?;
    let body = &site.config.body_images;
    let slug = place::post_slug(post_rel_path);
    let date = post_date(site, post_rel_path)?;
    let alt = alt_text(source_name);
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
    place::write(&place, &made.bytes)?;
    let markdown = format!("![{}]({})", alt.replace(['[', ']'], ""), place.url);
    Ok(BodyImageResult {
        path: place.rel,
        url: place.url,
        alt,
        markdown,
        width: made.width,
        height: made.height,
        bytes: made.bytes.len() as u64,
        warnings: made.warnings,
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

fn finish(
    pixels: Pixels,
    format: ImageFormat,
    quality: u8,
    max_bytes: u64,
    mut warnings: Vec<MediaWarning>,
) -> Result<Made, MediaError> {
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
