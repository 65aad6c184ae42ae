//! From the bytes of a file to pixels: the format is told by the content,
//! not the file's name; the size is checked from the header before anything
//! is decoded; a decoder that panics gives an error, not a crash.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use image::codecs::gif::GifDecoder;
use image::metadata::Orientation;
use image::{
    AnimationDecoder, DynamicImage, GrayImage, ImageDecoder, ImageError, ImageFormat, ImageReader,
    Limits, RgbImage,
};
use jpeg_decoder::{CodingProcess, PixelFormat};

use super::colour;
use super::error::MediaError;
use super::orient;

/// A decoded picture, already turned upright.
pub struct Decoded {
    pub image: DynamicImage,
    /// A GIF with more than one frame; only the first is in `image`.
    pub animated: bool,
    /// The upright size of the whole picture; larger than `image` when a
    /// JPEG was decoded at a reduced scale.
    pub full: (u32, u32),
}

/// Whether a reduced decode is still enough for the caller: given the
/// upright size of the whole picture and the upright size the reduced
/// decode would have, true when no resolution below the target is lost.
pub type Enough<'a> = &'a dyn Fn((u32, u32), (u32, u32)) -> bool;

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

/// Decodes `bytes` to sRGB, refusing pictures of more than
/// `max_megapixels`. A large JPEG is decoded at 1/2, 1/4 or 1/8 of its size
/// (DCT scaling, as libvips does) when `enough` says that smaller picture
/// still suffices.
pub fn decode(
    bytes: &[u8],
    max_megapixels: u32,
    enough: Option<Enough>,
) -> Result<Decoded, MediaError> {
    let format = sniff(bytes)?;
    catch_unwind(AssertUnwindSafe(|| {
        decode_as(bytes, format, max_megapixels, enough)
    }))
    .unwrap_or(Err(MediaError::DecoderCrashed))
}

fn decode_as(
    bytes: &[u8],
    format: ImageFormat,
    max_megapixels: u32,
    enough: Option<Enough>,
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
    let alloc = max_pixels * 8 + (64 << 20);
    if format == ImageFormat::Jpeg {
        if let Some(decoded) = jpeg_direct(bytes, (width, height), alloc, enough) {
            return Ok(decoded);
        }
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    // 16-bit RGBA at most, plus room for the decoders' own buffers.
    limits.max_alloc = Some(alloc);
    let mut reader = reader();
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let orientation = decoder.orientation().ok();
    let icc = decoder.icc_profile().ok().flatten();
    let image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        ImageError::Limits(_) => too_large,
        e => corrupt(e),
    })?;
    let mut image = colour::to_srgb(image, icc.as_deref());
    if let Some(o) = orientation {
        orient::apply(&mut image, o);
    }
    let animated = format == ImageFormat::Gif && gif_frames(bytes) > 1;
    let full = (image.width(), image.height());
    Ok(Decoded {
        image,
        animated,
        full,
    })
}

/// A JPEG decoded by jpeg-decoder rather than the `image` crate, upright
/// and in sRGB: a baseline or progressive 8-bit one in RGB, YCbCr or grey
/// when a reduced DCT scale is `enough`, and one in CMYK or YCCK at the
/// smallest scale that is enough, else at full size. CMYK always comes this
/// way, so that a cover and a full-size body image of one picture get the
/// same colours: `image` gives only its own RGB for CMYK, which ignores the
/// picture's profile. `None` when the picture is of another kind, when no
/// reduced scale is enough for an RGB or grey one, or on any error: the
/// `image` crate's decode then runs (and reports the error).
fn jpeg_direct(
    bytes: &[u8],
    (width, height): (u32, u32),
    max_alloc: u64,
    enough: Option<Enough>,
) -> Option<Decoded> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.set_max_decoding_buffer_size(usize::try_from(max_alloc).unwrap_or(usize::MAX));
    decoder.read_info().ok()?;
    let info = decoder.info()?;
    let cmyk = info.pixel_format == PixelFormat::CMYK32;
    let kind_ok = matches!(
        info.coding_process,
        CodingProcess::DctSequential | CodingProcess::DctProgressive
    ) && (cmyk || matches!(info.pixel_format, PixelFormat::L8 | PixelFormat::RGB24));
    if !kind_ok || (u32::from(info.width), u32::from(info.height)) != (width, height) {
        return None;
    }
    let orientation = |d: &jpeg_decoder::Decoder<_>| {
        d.exif_data()
            .and_then(Orientation::from_exif_chunk)
            .unwrap_or(Orientation::NoTransforms)
    };
    let before = orientation(&decoder);
    let scaled = |eighths: u32| {
        (
            (width * eighths).div_ceil(8),
            (height * eighths).div_ceil(8),
        )
    };
    let fits = |o, size| {
        size == (width, height)
            || enough.is_some_and(|enough| enough(upright(o, (width, height)), upright(o, size)))
    };
    let eighths: &[u32] = if cmyk { &[1, 2, 4, 8] } else { &[1, 2, 4] };
    let size = eighths
        .iter()
        .map(|&e| scaled(e))
        .find(|&s| fits(before, s))?;
    // Asking for exactly the size of one scale gives that scale: every
    // smaller one is smaller on both axes.
    let got = decoder
        .scale(u16::try_from(size.0).ok()?, u16::try_from(size.1).ok()?)
        .ok()?;
    if (u32::from(got.0), u32::from(got.1)) != size {
        return None;
    }
    let mut data = decoder.decode().ok()?;
    // An EXIF block after the frame header is only seen now.
    let after = orientation(&decoder);
    if after != before && !fits(after, size) {
        return None;
    }
    let icc = decoder.icc_profile();
    let mut image = match decoder.info()?.pixel_format {
        PixelFormat::L8 => DynamicImage::ImageLuma8(GrayImage::from_raw(size.0, size.1, data)?),
        PixelFormat::RGB24 => DynamicImage::ImageRgb8(RgbImage::from_raw(size.0, size.1, data)?),
        PixelFormat::CMYK32 => {
            // jpeg-decoder reads CMYK as Adobe stores it, inverted: right
            // for a file that says so, the other way round for any other.
            if !has_adobe_segment(bytes) {
                data.iter_mut().for_each(|v| *v = 255 - *v);
            }
            DynamicImage::ImageRgb8(colour::cmyk_to_srgb(&data, size.0, size.1, icc.as_deref())?)
        }
        _ => return None,
    };
    if !cmyk {
        image = colour::to_srgb(image, icc.as_deref());
    }
    orient::apply(&mut image, after);
    Some(Decoded {
        image,
        animated: false,
        full: upright(after, (width, height)),
    })
}

/// Whether a JPEG has an Adobe (APP14) segment before its first scan.
/// Adobe's programs, which write nearly all CMYK JPEGs, store the inks
/// inverted (0 for full ink) and mark the file with this segment; other
/// CMYK JPEGs store them as they are, as libjpeg-based readers assume.
fn has_adobe_segment(bytes: &[u8]) -> bool {
    // After the start-of-image marker, segments: 0xFF, a marker, then a
    // big-endian length that counts itself.
    let mut at = 2;
    while let Some(&[0xFF, marker, hi, lo]) = bytes.get(at..at + 4) {
        match marker {
            // Fill bytes before a marker.
            0xFF => at += 1,
            // Start of scan or end of image: no more header segments.
            0xDA | 0xD9 => return false,
            0xEE if bytes.get(at + 4..at + 9) == Some(b"Adobe") => return true,
            _ => at += 2 + usize::from(u16::from_be_bytes([hi, lo])),
        }
    }
    false
}

/// A stored size as it is once `orientation` is applied.
fn upright(orientation: Orientation, (w, h): (u32, u32)) -> (u32, u32) {
    match orientation {
        Orientation::Rotate90
        | Orientation::Rotate270
        | Orientation::Rotate90FlipH
        | Orientation::Rotate270FlipH => (h, w),
        _ => (w, h),
    }
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
