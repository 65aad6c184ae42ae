//! Colour: embedded profiles and CMYK JPEGs come out as sRGB, the same
//! on the reduced-scale JPEG path as on the full one, and nothing of the
//! profile is written out.

use image::{ImageEncoder, Rgb, RgbImage};
use moxcms::{
    ColorProfile, DataColorSpace, LutDataType, LutStore, LutType, LutWarehouse, Matrix3d,
    ProfileClass,
};

use super::tests::{decode_rgb, encoded, png_config, site_with};
use super::*;
use crate::site::Config;

/// Ink amounts (C, M, Y, K; 0 none, 255 full) of the four bands of the
/// CMYK test picture, left to right.
const BANDS: [[u8; 4]; 4] = [
    [255, 0, 0, 0],   // cyan
    [0, 255, 255, 0], // magenta + yellow: red
    [0, 0, 0, 128],   // half black
    [0, 0, 0, 0],     // paper
];

/// What a browser shows for BANDS without a profile:
/// (1 - ink) x (1 - black), per channel.
const PLAIN: [[u8; 3]; 4] = [[0, 255, 255], [255, 0, 0], [127, 127, 127], [255, 255, 255]];

/// How a CMYK JPEG stores its inks.
#[derive(Debug, Clone, Copy)]
enum Storage {
    /// Inverted, with an Adobe segment saying so (Photoshop's CMYK).
    AdobeCmyk,
    /// Inverted, as YCCK, with an Adobe segment (Photoshop's other CMYK).
    AdobeYcck,
    /// As they are, with no Adobe segment.
    Plain,
}

/// A `w` x `h` CMYK JPEG of the four BANDS, stored as `storage` says,
/// with the profile `icc` when there is one.
fn cmyk_jpeg(w: u16, h: u16, storage: Storage, icc: Option<&[u8]>) -> Vec<u8> {
    let band = |x: u16| BANDS[usize::from(x) * 4 / usize::from(w)];
    let mut ink = Vec::new();
    for _ in 0..h {
        for x in 0..w {
            ink.extend(band(x));
        }
    }
    let (colour, stored) = match storage {
        Storage::AdobeCmyk => (jpeg_encoder::ColorType::Cmyk, ink),
        Storage::AdobeYcck => (jpeg_encoder::ColorType::CmykAsYcck, ink),
        // The encoder inverts what it is given: give it inverted inks.
        Storage::Plain => (
            jpeg_encoder::ColorType::Cmyk,
            ink.iter().map(|v| 255 - v).collect(),
        ),
    };
    let mut bytes = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut bytes, 100);
    if let Some(icc) = icc {
        encoder.add_icc_profile(icc).unwrap();
    }
    encoder.encode(&stored, w, h, colour).unwrap();
    if let Storage::Plain = storage {
        remove_adobe_segment(&mut bytes);
    }
    bytes
}

/// Takes the Adobe (APP14) segment out of a JPEG.
fn remove_adobe_segment(bytes: &mut Vec<u8>) {
    let at = bytes
        .windows(9)
        .position(|w| w[..2] == [0xFF, 0xEE] && &w[4..] == b"Adobe")
        .expect("the encoder writes an Adobe segment");
    let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
    bytes.drain(at..at + 2 + length);
    assert!(!bytes.windows(5).any(|w| w == b"Adobe"));
}

/// The colour in the middle of each of the four bands of `img`.
fn band_colours(img: &RgbImage) -> [[u8; 3]; 4] {
    let (w, h) = img.dimensions();
    [0, 1, 2, 3].map(|i| img.get_pixel(w * (2 * i + 1) / 8, h / 2).0)
}

fn assert_near(got: [[u8; 3]; 4], want: [[u8; 3]; 4], tolerance: u8, what: &str) {
    let close = got
        .iter()
        .flatten()
        .zip(want.iter().flatten())
        .all(|(g, w)| g.abs_diff(*w) <= tolerance);
    assert!(close, "{what}: got {got:?}, want {want:?}");
}

/// A body image made from `source` as PNG, its width limited to `max_width`.
fn body_png(source: &[u8], max_width: u32) -> RgbImage {
    let mut config = png_config();
    config.body_images.max_width = max_width;
    let (_dir, site) = site_with(config);
    decode_rgb(&render_body_image(&site, source).unwrap().bytes)
}

#[test]
fn cmyk_jpegs_come_out_in_the_right_colours_on_both_paths() {
    for storage in [Storage::AdobeCmyk, Storage::AdobeYcck, Storage::Plain] {
        let source = cmyk_jpeg(1600, 400, storage, None);
        // Full size: no reduced scale is enough for a 1600 wide image.
        let full = body_png(&source, 1600);
        assert_eq!(full.dimensions(), (1600, 400));
        assert_near(band_colours(&full), PLAIN, 3, &format!("{storage:?}, full"));
        // Reduced: 200 wide is made from the 1/8 scale decode.
        let enough = body_enough(200);
        let decoded = decode::decode(&source, 100, Some(&enough)).unwrap();
        assert_eq!(decoded.image.width(), 200, "{storage:?}");
        let small = body_png(&source, 200);
        assert_near(band_colours(&small), PLAIN, 3, &format!("{storage:?}, 1/8"));
    }
}

/// An ICC output profile for CMYK made for the test (a 2-point grid per
/// ink): it shows each ink as the light of the next primary round
/// (cyan ink as red and blue light, magenta as red and green, yellow as
/// green and blue) so that its colours differ from the plain formula's.
fn shuffled_cmyk_profile() -> Vec<u8> {
    let srgb = ColorProfile::new_srgb().rgb_to_xyz_matrix().v;
    let mut clut = Vec::new();
    // The grid's first ink varies slowest.
    for c in [0.0, 1.0] {
        for m in [0.0, 1.0] {
            for y in [0.0, 1.0] {
                for k in [0.0, 1.0] {
                    let light = [
                        (1.0 - y) * (1.0 - k),
                        (1.0 - c) * (1.0 - k),
                        (1.0 - m) * (1.0 - k),
                    ];
                    for row in srgb {
                        let xyz: f64 = row.iter().zip(light).map(|(a, b)| a * b).sum();
                        // lut16's XYZ: 1.0 is 0x8000.
                        clut.push((xyz * 32768.0).round() as u16);
                    }
                }
            }
        }
    }
    let lut = LutWarehouse::Lut(LutDataType {
        num_input_channels: 4,
        num_output_channels: 3,
        num_clut_grid_points: 2,
        matrix: Matrix3d::IDENTITY,
        num_input_table_entries: 2,
        num_output_table_entries: 2,
        input_table: LutStore::Store16([0, 65535].repeat(4)),
        clut_table: LutStore::Store16(clut),
        output_table: LutStore::Store16([0, 65535].repeat(3)),
        lut_type: LutType::Lut16,
    });
    let mut profile = ColorProfile::default();
    profile.profile_class = ProfileClass::OutputDevice;
    profile.color_space = DataColorSpace::Cmyk;
    profile.pcs = DataColorSpace::Xyz;
    profile.lut_a_to_b_perceptual = Some(lut.clone());
    profile.lut_a_to_b_colorimetric = Some(lut);
    profile.encode().unwrap()
}

#[test]
fn a_cmyk_profile_is_honoured_on_both_paths() {
    let icc = shuffled_cmyk_profile();
    // Cyan ink as magenta light, red ink as green, half black at half the
    // light (188 in sRGB, not the plain formula's 127), paper white.
    let want = [[255, 0, 255], [0, 255, 0], [188, 188, 188], [255, 255, 255]];
    for storage in [Storage::AdobeCmyk, Storage::AdobeYcck, Storage::Plain] {
        let source = cmyk_jpeg(1600, 400, storage, Some(&icc));
        let full = body_png(&source, 1600);
        assert_near(band_colours(&full), want, 4, &format!("{storage:?}, full"));
        let small = body_png(&source, 200);
        assert_near(band_colours(&small), want, 4, &format!("{storage:?}, 1/8"));
    }
    // An RGB profile in a CMYK JPEG does not describe its inks: ignored.
    let p3 = ColorProfile::new_display_p3().encode().unwrap();
    let source = cmyk_jpeg(400, 100, Storage::AdobeCmyk, Some(&p3));
    assert_near(
        band_colours(&body_png(&source, 1600)),
        PLAIN,
        3,
        "RGB profile",
    );
}

/// 200, 80, 60 in Display P3 is 216, 69, 50 in sRGB (from the two
/// spaces' primaries; both use the sRGB curve and the D65 white).
const P3_COLOUR: Rgb<u8> = Rgb([200, 80, 60]);
const P3_AS_SRGB: [u8; 3] = [216, 69, 50];

fn flat(w: u32, h: u32, colour: Rgb<u8>) -> RgbImage {
    RgbImage::from_pixel(w, h, colour)
}

fn with_profile(img: &RgbImage, format: image::ImageFormat, icc: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let (w, h, data) = (img.width(), img.height(), img.as_raw());
    let colour = image::ExtendedColorType::Rgb8;
    match format {
        image::ImageFormat::Png => {
            let mut encoder = image::codecs::png::PngEncoder::new(&mut out);
            encoder.set_icc_profile(icc.to_vec()).unwrap();
            encoder.write_image(data, w, h, colour).unwrap();
        }
        _ => {
            let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 100);
            encoder.set_icc_profile(icc.to_vec()).unwrap();
            encoder.write_image(data, w, h, colour).unwrap();
        }
    }
    out
}

fn centre(img: &RgbImage) -> [u8; 3] {
    img.get_pixel(img.width() / 2, img.height() / 2).0
}

fn assert_colour(got: [u8; 3], want: [u8; 3], what: &str) {
    let close = got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 2);
    assert!(close, "{what}: got {got:?}, want {want:?}");
}

#[test]
fn display_p3_pictures_are_converted_to_srgb() {
    let p3 = ColorProfile::new_display_p3().encode().unwrap();
    let img = flat(1600, 800, P3_COLOUR);
    let png = with_profile(&img, image::ImageFormat::Png, &p3);
    assert_colour(centre(&body_png(&png, 1600)), P3_AS_SRGB, "PNG");
    let jpeg = with_profile(&img, image::ImageFormat::Jpeg, &p3);
    assert_colour(centre(&body_png(&jpeg, 1600)), P3_AS_SRGB, "JPEG, full");
    assert_colour(centre(&body_png(&jpeg, 200)), P3_AS_SRGB, "JPEG, 1/8");
    // The same pixels untagged are sRGB already, and stay as they are.
    let untagged = encoded(
        &image::DynamicImage::ImageRgb8(img),
        image::ImageFormat::Png,
    );
    assert_colour(centre(&body_png(&untagged, 1600)), P3_COLOUR.0, "untagged");
}

#[test]
fn a_grey_profile_is_honoured_for_grey_pixels() {
    // Grey 128 stored in linear light is half the light: 188 in sRGB.
    let linear = ColorProfile::new_gray_with_gamma(1.0).encode().unwrap();
    let grey = image::GrayImage::from_pixel(300, 200, image::Luma([128]));
    let mut png = Vec::new();
    let mut encoder = image::codecs::png::PngEncoder::new(&mut png);
    encoder.set_icc_profile(linear).unwrap();
    encoder
        .write_image(grey.as_raw(), 300, 200, image::ExtendedColorType::L8)
        .unwrap();
    assert_colour(centre(&body_png(&png, 1600)), [188, 188, 188], "grey");
}

#[test]
fn a_broken_profile_is_ignored() {
    let img = flat(300, 200, P3_COLOUR);
    let png = with_profile(&img, image::ImageFormat::Png, b"not a profile at all");
    assert_colour(centre(&body_png(&png, 1600)), P3_COLOUR.0, "PNG");
    let mut truncated = ColorProfile::new_display_p3().encode().unwrap();
    truncated.truncate(truncated.len() / 2);
    let jpeg = with_profile(&img, image::ImageFormat::Jpeg, &truncated);
    assert_colour(centre(&body_png(&jpeg, 1600)), P3_COLOUR.0, "JPEG");
}

#[test]
fn outputs_carry_no_profile() {
    let p3 = ColorProfile::new_display_p3().encode().unwrap();
    let source = with_profile(&flat(1600, 1000, P3_COLOUR), image::ImageFormat::Jpeg, &p3);
    assert!(source.windows(11).any(|w| w == b"ICC_PROFILE"));
    for format in [ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Webp] {
        let mut config = Config::default();
        config.cover.format = format;
        let (_dir, site) = site_with(config);
        let made = render_cover(&site, &source, Focus::default(), 1.0).unwrap();
        // JPEG's APP2 name, PNG's chunk, WebP's chunk; and no profile's
        // own signature anywhere.
        for mark in [&b"ICC_PROFILE"[..], b"iCCP", b"ICCP", b"acsp"] {
            assert!(
                !made.bytes.windows(mark.len()).any(|w| w == mark),
                "{format:?} holds {}",
                String::from_utf8_lossy(mark)
            );
        }
        assert_colour(
            centre(&decode_rgb(&made.bytes)),
            P3_AS_SRGB,
            &format!("{format:?}"),
        );
    }
}
