//! Pixels to file bytes in the site's format. Only pixels are written, so
//! no metadata of the source (EXIF, GPS position, camera) goes along.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder};

use super::error::MediaError;
use super::resize::Pixels;
use crate::site::ImageFormat;

/// The lowest quality `suggest_quality` offers: below it JPEG and WebP
/// artefacts show.
const LOWEST_QUALITY: u8 = 40;

/// Encodes `pixels`. JPEG and WebP take `quality` (1 to 100); PNG is
/// lossless.
pub fn encode(pixels: &Pixels, format: ImageFormat, quality: u8) -> Result<Vec<u8>, MediaError> {
    let color = if pixels.alpha {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgb8
    };
    let mut out = Vec::new();
    let (w, h, data) = (pixels.width, pixels.height, pixels.data.as_slice());
    let result = match format {
        ImageFormat::Jpeg => {
            debug_assert!(!pixels.alpha, "alpha is flattened before JPEG");
            JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100))
                .write_image(data, w, h, color)
        }
        ImageFormat::Png => PngEncoder::new(&mut out).write_image(data, w, h, color),
        ImageFormat::Webp => return super::webp::encode_lossy(pixels, quality),
    };
    result.map_err(|e| MediaError::Encode(e.to_string()))?;
    Ok(out)
}

/// The highest JPEG or WebP quality, in steps of 5 below `quality`, whose
/// file fits in `max_bytes`; `None` when even the lowest does not, or the
/// format has no quality.
pub fn suggest_quality(
    pixels: &Pixels,
    format: ImageFormat,
    quality: u8,
    max_bytes: u64,
) -> Option<u8> {
    if format == ImageFormat::Png {
        return None;
    }
    let mut q = quality.min(100);
    while q > LOWEST_QUALITY {
        q = q.saturating_sub(5).max(LOWEST_QUALITY);
        let fits = encode(pixels, format, q).is_ok_and(|b| b.len() as u64 <= max_bytes);
        if fits {
            return Some(q);
        }
    }
    None
}
