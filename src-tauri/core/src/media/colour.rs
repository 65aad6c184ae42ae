//! Colour to sRGB. Billet's files carry no colour profile, and a browser
//! shows untagged pixels as sRGB, so pixels that a profile describes as
//! something else (Display P3 from phones, Adobe RGB from cameras, CMYK
//! from print work) are converted here, right after decoding, or the cover
//! would look dull or garish on the site.
//!
//! moxcms does the conversion: it is pure Rust (no C library to build or
//! ship), fast (SIMD, and spread over the cores here), reads RGB, grey and
//! CMYK profiles, and the `image` crate already builds on it.

use image::{DynamicImage, ImageBuffer, RgbImage};
use moxcms::{ColorProfile, DataColorSpace, Layout, TransformExecutor, TransformOptions};
use rayon::prelude::*;

/// Pixels per task when a conversion is spread over the cores.
const PIXELS_PER_TASK: usize = 1 << 16;

/// `image` in sRGB, converted from the profile `icc` when that profile
/// describes its pixels: an RGB profile for colour or grey pixels, a grey
/// one for grey pixels. Without a profile, or with one that cannot be read
/// or does not fit, the pixels are taken as sRGB already, as browsers take
/// them. A converted picture is 8-bit RGB(A), which the pipeline turns
/// every picture into anyway.
pub fn to_srgb(image: DynamicImage, icc: Option<&[u8]>) -> DynamicImage {
    let Some(profile) = icc.and_then(|bytes| ColorProfile::new_from_slice(bytes).ok()) else {
        return image;
    };
    let colour = image.color();
    let alpha = colour.has_alpha();
    let (from, samples) = match (profile.color_space, colour.has_color(), alpha) {
        (DataColorSpace::Rgb, _, false) => (Layout::Rgb, image.to_rgb8().into_raw()),
        (DataColorSpace::Rgb, _, true) => (Layout::Rgba, image.to_rgba8().into_raw()),
        (DataColorSpace::Gray, false, false) => (Layout::Gray, image.to_luma8().into_raw()),
        (DataColorSpace::Gray, false, true) => {
            (Layout::GrayAlpha, image.to_luma_alpha8().into_raw())
        }
        _ => return image,
    };
    let to = if alpha { Layout::Rgba } else { Layout::Rgb };
    let (width, height) = (image.width(), image.height());
    let converted = convert(&profile, from, &samples, to);
    match (converted, alpha) {
        (Some(data), false) => {
            ImageBuffer::from_raw(width, height, data).map_or(image, DynamicImage::ImageRgb8)
        }
        (Some(data), true) => {
            ImageBuffer::from_raw(width, height, data).map_or(image, DynamicImage::ImageRgba8)
        }
        (None, _) => image,
    }
}

/// CMYK pixels, four bytes each giving the amount of ink (0 none, 255
/// full), to sRGB: through `icc` when it is a CMYK profile, otherwise
/// (no profile, or one that cannot be read or used) by the plain formula
/// that browsers apply to untagged CMYK.
pub fn cmyk_to_srgb(ink: &[u8], width: u32, height: u32, icc: Option<&[u8]>) -> Option<RgbImage> {
    let managed = icc
        .and_then(|bytes| ColorProfile::new_from_slice(bytes).ok())
        .filter(|profile| profile.color_space == DataColorSpace::Cmyk)
        // moxcms reads four-ink pixels with the RGBA layout.
        .and_then(|profile| convert(&profile, Layout::Rgba, ink, Layout::Rgb));
    let rgb = managed.unwrap_or_else(|| {
        ink.chunks_exact(4)
            .flat_map(|p| {
                let white = |c: u8| {
                    let lit = u32::from(255 - c) * u32::from(255 - p[3]);
                    ((lit + 127) / 255) as u8
                };
                [white(p[0]), white(p[1]), white(p[2])]
            })
            .collect()
    });
    RgbImage::from_raw(width, height, rgb)
}

/// `samples` in layout `from`, described by `profile`, as sRGB in layout
/// `to`; `None` when moxcms cannot make or run that transform.
fn convert(profile: &ColorProfile, from: Layout, samples: &[u8], to: Layout) -> Option<Vec<u8>> {
    let transform = profile
        .create_transform_8bit(
            from,
            &ColorProfile::new_srgb(),
            to,
            TransformOptions::default(),
        )
        .ok()?;
    let transform: &(dyn TransformExecutor<u8> + Send + Sync) = transform.as_ref();
    let (n_from, n_to) = (from.channels(), to.channels());
    let mut out = vec![0u8; samples.len() / n_from * n_to];
    samples
        .par_chunks(PIXELS_PER_TASK * n_from)
        .zip(out.par_chunks_mut(PIXELS_PER_TASK * n_to))
        .try_for_each(|(src, dst)| transform.transform(src, dst))
        .ok()?;
    Some(out)
}
