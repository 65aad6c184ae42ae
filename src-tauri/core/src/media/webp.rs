//! Lossy WebP, through libwebp's one-call encoder. This is the only place
//! where billet-core calls C: the unsafe part is kept to that call and to
//! freeing what it returns.

use std::ffi::c_int;
use std::ptr;

use libwebp_sys::{WebPEncodeRGB, WebPEncodeRGBA, WebPFree, WEBP_MAX_DIMENSION};

use super::error::MediaError;
use super::resize::Pixels;

/// Encodes `pixels` as lossy WebP at `quality` (1 to 100, as for JPEG).
/// Alpha, when there is some, is kept (libwebp compresses it losslessly).
pub fn encode_lossy(pixels: &Pixels, quality: u8) -> Result<Vec<u8>, MediaError> {
    let (w, h) = (pixels.width, pixels.height);
    if w == 0 || h == 0 || w > WEBP_MAX_DIMENSION || h > WEBP_MAX_DIMENSION {
        return Err(MediaError::Encode(format!(
            "{w}x{h} is outside the 1 to {WEBP_MAX_DIMENSION} pixels a side that WebP allows"
        )));
    }
    let channels: u32 = if pixels.alpha { 4 } else { 3 };
    assert_eq!(
        pixels.data.len() as u64,
        u64::from(w) * u64::from(h) * u64::from(channels),
        "pixel buffer of the wrong size"
    );
    // Both sides are at most WEBP_MAX_DIMENSION, so these fit in a c_int.
    let (width, height) = (w as c_int, h as c_int);
    let stride = (w * channels) as c_int;
    let quality = f32::from(quality.clamp(1, 100));
    let encode = if pixels.alpha {
        WebPEncodeRGBA
    } else {
        WebPEncodeRGB
    };
    let mut output: *mut u8 = ptr::null_mut();
    // SAFETY: `data` holds `height` rows of `stride` bytes (checked above),
    // which libwebp only reads. On success it sets `output` to `size` bytes
    // it allocated, which are copied out and then freed with its own free;
    // on failure it leaves `output` null.
    let size = unsafe {
        encode(
            pixels.data.as_ptr(),
            width,
            height,
            stride,
            quality,
            &mut output,
        )
    };
    let bytes = if output.is_null() {
        Vec::new()
    } else {
        // SAFETY: as above; `output` is not used after it is freed.
        unsafe {
            let bytes = std::slice::from_raw_parts(output, size).to_vec();
            WebPFree(output.cast());
            bytes
        }
    };
    if bytes.is_empty() {
        return Err(MediaError::Encode(
            "libwebp could not encode the picture".into(),
        ));
    }
    Ok(bytes)
}
