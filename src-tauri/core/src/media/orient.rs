//! EXIF orientation: phones store pictures sideways and say so in a tag;
//! the pixels are turned so that the output needs no tag.

use image::metadata::Orientation;
use image::DynamicImage;

/// Turns `image` upright according to its EXIF orientation (1 to 8).
pub fn apply(image: &mut DynamicImage, orientation: Orientation) {
    image.apply_orientation(orientation);
}
