//! From the bytes of a file to pixels: the format is told by the content,
//! not the file's name; the size is checked from the header before anything
//! is decoded; a decoder that panics gives an error, not a crash.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use image::codecs::gif::GifDecoder;
use image::{
    AnimationDecoder, DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits,
};

use super::error::MediaError;
use super::orient;

/// A decoded picture, already turned upright.
pub struct Decoded {
    pub image: DynamicImage,
    /// A GIF with more than one frame; only the first is in `image`.
    pub animated: bool,
}

/// The format of `bytes`, from their first bytes.
pub fn sniff(bytes: &[u8]) -> Result<ImageFormat, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::Empty);
    }
    if let Some(refused) = heif_brand(bytes) {
        return Err(refused);
    }
    // SVG is refused rather than rasterized: that would take a rasterizer
    // (resvg and its font stack) for pictures that are rare as covers, and
    // that authors can export as PNG from the program they drew them in.
    if looks_like_svg(bytes) {
        return Err(MediaError::Svg);
    }
    match image::guess_format(bytes) {
        Ok(
            f @ (ImageFormat::Jpeg
            | ImageFormat::Png
            | ImageFormat::WebP
            | ImageFormat::Gif
            | ImageFormat::Bmp
            | ImageFormat::Tiff),
        ) => Ok(f),
        Ok(ImageFormat::Avif) => Err(MediaError::Avif),
        _ => Err(MediaError::UnknownFormat),
    }
}

/// HEIC and AVIF are ISO boxes: `ftyp` at offset 4, then brands.
fn heif_brand(bytes: &[u8]) -> Option<MediaError> {
    if bytes.len() < 12 || &bytes[4..8] != b"ftyp" {
        return None;
    }
    let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    let end = size.clamp(12, bytes.len());
    let brands: Vec<&[u8]> = std::iter::once(&bytes[8..12])
        .chain(bytes.get(16..end).unwrap_or(&[]).chunks_exact(4))
        .collect();
    if brands.iter().any(|b| matches!(*b, b"avif" | b"avis")) {
        return Some(MediaError::Avif);
    }
    let heif = [
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
    ];
    brands
        .iter()
        .any(|b| heif.iter().any(|h| *b == h.as_slice()))
        .then_some(MediaError::Heic)
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    (head.starts_with('<')) && head.contains("<svg")
}

/// Decodes `bytes`, refusing pictures of more than `max_megapixels`.
pub fn decode(bytes: &[u8], max_megapixels: u32) -> Result<Decoded, MediaError> {
    let format = sniff(bytes)?;
    catch_unwind(AssertUnwindSafe(|| {
        decode_as(bytes, format, max_megapixels)
    }))
    .unwrap_or(Err(MediaError::DecoderCrashed))
}

fn decode_as(
    bytes: &[u8],
    format: ImageFormat,
    max_megapixels: u32,
) -> Result<Decoded, MediaError> {
    let reader = || ImageReader::with_format(Cursor::new(bytes), format);
    // The header alone, before any pixel buffer is allocated.
    let (width, height) = reader().into_dimensions().map_err(corrupt)?;
    let too_large = MediaError::TooLarge {
        width,
        height,
        max_megapixels,
    };
    let max_pixels = u64::from(max_megapixels) * 1_000_000;
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(too_large);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    // 16-bit RGBA at most, plus room for the decoders' own buffers.
    limits.max_alloc = Some(max_pixels * 8 + (64 << 20));
    let mut reader = reader();
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        ImageError::Limits(_) => too_large,
        e => corrupt(e),
    })?;
    if let Some(o) = orientation {
        orient::apply(&mut image, o);
    }
    let animated = format == ImageFormat::Gif && gif_frames(bytes) > 1;
    Ok(Decoded { image, animated })
}

/// How many frames a GIF has, counting to two at most.
fn gif_frames(bytes: &[u8]) -> usize {
    GifDecoder::new(Cursor::new(bytes))
        .map(|d| d.into_frames().take(2).filter(Result::is_ok).count())
        .unwrap_or(1)
}

fn corrupt(e: ImageError) -> MediaError {
    MediaError::Corrupt(e.to_string())
}
