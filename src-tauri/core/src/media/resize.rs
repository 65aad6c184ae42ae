//! Scaling with fast_image_resize: SIMD Lanczos3, spread over the cores.

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

use super::error::MediaError;
use super::frame::Crop;

/// 8-bit sRGB pixels, RGB or RGBA, rows top to bottom.
#[derive(Debug, Clone)]
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    pub data: Vec<u8>,
}

impl Pixels {
    fn pixel_type(&self) -> PixelType {
        if self.alpha {
            PixelType::U8x4
        } else {
            PixelType::U8x3
        }
    }
}

/// `crop` of `src`, scaled to exactly `width` x `height`.
pub fn resize(src: &Pixels, crop: Crop, width: u32, height: u32) -> Result<Pixels, MediaError> {
    let pixel_type = src.pixel_type();
    let fail = |e: &dyn std::fmt::Display| MediaError::Encode(e.to_string());
    let view = ImageRef::new(src.width, src.height, &src.data, pixel_type).map_err(|e| fail(&e))?;
    let mut dst = Image::new(width, height, pixel_type);
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .crop(crop.left, crop.top, crop.width, crop.height);
    Resizer::new()
        .resize(&view, &mut dst, &options)
        .map_err(|e| fail(&e))?;
    Ok(Pixels {
        width,
        height,
        alpha: src.alpha,
        data: dst.into_vec(),
    })
}
