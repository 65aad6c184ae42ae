//! The pictures both benches use, made here: photo-like JPEGs (smooth
//! gradients with fine noise, which compress like photographs), a
//! screenshot and a transparent logo, in the sizes issue 4 names.

use std::path::{Path, PathBuf};

use image::{ImageEncoder, RgbImage, RgbaImage};

/// Writes the four pictures into `dir`; gives each with its name.
pub fn generate(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let photo = |w: u32, h: u32| {
        let mut seed = 0x2545_f491u32;
        RgbImage::from_fn(w, h, |x, y| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let noise = (seed % 24) as f32;
            let fx = x as f32 / w as f32;
            let fy = y as f32 / h as f32;
            let r = 90.0 + 120.0 * fx + noise;
            let g = 60.0 + 150.0 * (fy * 6.0).sin().abs() + noise;
            let b = 140.0 + 80.0 * (1.0 - fx * fy) + noise;
            image::Rgb([r.min(255.0) as u8, g.min(255.0) as u8, b.min(255.0) as u8])
        })
    };
    let jpeg = |img: &RgbImage, orientation: Option<u16>, path: &Path| {
        let mut bytes = Vec::new();
        let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90);
        if let Some(o) = orientation {
            enc.set_exif_metadata(orientation_exif(o)).unwrap();
        }
        enc.write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    let phone = dir.join("phone-4000x3000-exif6.jpg");
    jpeg(&photo(4000, 3000), Some(6), &phone);
    let camera = dir.join("camera-6000x4000.jpg");
    jpeg(&photo(6000, 4000), None, &camera);
    let screenshot = dir.join("screenshot-2820x1570.png");
    let mut shot = RgbImage::from_pixel(2820, 1570, image::Rgb([245, 247, 250]));
    for y in (120..1500).step_by(48) {
        for x in 200..(600 + (y * 7) % 1800) {
            for dy in 0..14 {
                shot.put_pixel(x, y + dy, image::Rgb([40, 48, 60]));
            }
        }
    }
    shot.save(&screenshot).unwrap();
    let logo = dir.join("logo-1024x1024-alpha.png");
    RgbaImage::from_fn(1024, 1024, |x, y| {
        let d = ((x as f32 - 512.0).powi(2) + (y as f32 - 512.0).powi(2)).sqrt();
        image::Rgba([31, 95, 107, if d < 400.0 { 255 } else { 0 }])
    })
    .save(&logo)
    .unwrap();
    vec![
        ("4000x3000 phone JPEG, EXIF 6", phone),
        ("6000x4000 JPEG", camera),
        ("2820x1570 PNG screenshot", screenshot),
        ("1024x1024 PNG with alpha", logo),
    ]
}

/// The smallest EXIF block that carries an orientation (little-endian TIFF).
fn orientation_exif(orientation: u16) -> Vec<u8> {
    let mut t = b"II*\0".to_vec();
    t.extend(8u32.to_le_bytes()); // first IFD offset
    t.extend(1u16.to_le_bytes()); // one entry
    t.extend(0x0112u16.to_le_bytes()); // Orientation
    t.extend(3u16.to_le_bytes()); // SHORT
    t.extend(1u32.to_le_bytes());
    t.extend(u32::from(orientation).to_le_bytes());
    t.extend(0u32.to_le_bytes()); // no next IFD
    t
}
