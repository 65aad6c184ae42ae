use std::io::Cursor;

use image::{ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};

use super::*;
use crate::lang::{Explain, Lang};
use crate::site::Config;

const RED: Rgb<u8> = Rgb([255, 0, 0]);
const BLUE: Rgb<u8> = Rgb([0, 0, 255]);

pub(super) fn site_with(config: Config) -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    let site = Site {
        root: dir.path().to_path_buf(),
        config,
        configured: true,
    };
    (dir, site)
}

pub(super) fn png_config() -> Config {
    let mut c = Config::default();
    c.cover.format = ImageFormat::Png;
    c.body_images.format = ImageFormat::Png;
    c
}

pub(super) fn encoded(img: &image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// A blue picture with a red square in the top left corner of its pixels.
fn marked(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| if x < w / 4 && y < h / 4 { RED } else { BLUE })
}

/// A minimal little-endian TIFF/EXIF block with an orientation and a GPS
/// latitude reference, as phones write them.
pub(super) fn exif(orientation: u16) -> Vec<u8> {
    let mut t = b"II*\0".to_vec();
    t.extend(8u32.to_le_bytes());
    t.extend(2u16.to_le_bytes());
    t.extend(0x0112u16.to_le_bytes());
    t.extend(3u16.to_le_bytes());
    t.extend(1u32.to_le_bytes());
    t.extend(u32::from(orientation).to_le_bytes());
    // GPSInfo IFD pointer, to the IFD right after this one.
    t.extend(0x8825u16.to_le_bytes());
    t.extend(4u16.to_le_bytes());
    t.extend(1u32.to_le_bytes());
    t.extend(38u32.to_le_bytes());
    t.extend(0u32.to_le_bytes());
    // GPS IFD: GPSLatitudeRef = "N".
    t.extend(1u16.to_le_bytes());
    t.extend(1u16.to_le_bytes());
    t.extend(2u16.to_le_bytes());
    t.extend(2u32.to_le_bytes());
    t.extend(*b"N\0\0\0");
    t.extend(0u32.to_le_bytes());
    t
}

/// The picture made has these dimensions and its red mark in these corners.
fn assert_upright(made: &Made, dims: (u32, u32), corners: [bool; 4], orientation: u16) {
    let out = decode_rgb(&made.bytes);
    assert_eq!(out.dimensions(), dims, "orientation {orientation}");
    assert_eq!(red_corners(&out), corners, "orientation {orientation}");
}

fn jpeg_with_exif(img: &RgbImage, orientation: u16) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 95);
    enc.set_exif_metadata(exif(orientation)).unwrap();
    enc.write_image(
        img.as_raw(),
        img.width(),
        img.height(),
        image::ExtendedColorType::Rgb8,
    )
    .unwrap();
    out
}

pub(super) fn decode_rgb(bytes: &[u8]) -> RgbImage {
    image::load_from_memory(bytes).unwrap().into_rgb8()
}

pub(super) fn is_red(p: &Rgb<u8>) -> bool {
    p[0] > 200 && p[2] < 60
}

/// Which corners of `img` are red: top-left, top-right, bottom-right, bottom-left.
fn red_corners(img: &RgbImage) -> [bool; 4] {
    let (w, h) = (img.width() - 2, img.height() - 2);
    [(1, 1), (w, 1), (w, h), (1, h)].map(|(x, y)| is_red(img.get_pixel(x, y)))
}

#[test]
fn every_exif_orientation_is_applied() {
    let (_dir, site) = site_with(png_config());
    let source = marked(80, 40);
    let expected = [
        (1, (80, 40), [true, false, false, false]),
        (2, (80, 40), [false, true, false, false]),
        (3, (80, 40), [false, false, true, false]),
        (4, (80, 40), [false, false, false, true]),
        (5, (40, 80), [true, false, false, false]),
        (6, (40, 80), [false, true, false, false]),
        (7, (40, 80), [false, false, true, false]),
        (8, (40, 80), [false, false, false, true]),
    ];
    for (orientation, dims, corners) in expected {
        let made = render_body_image(&site, &jpeg_with_exif(&source, orientation)).unwrap();
        assert_upright(&made, dims, corners, orientation);
    }
}

#[test]
fn metadata_is_stripped() {
    let (_dir, site) = site_with(Config::default());
    let source = jpeg_with_exif(&marked(1200, 700), 1);
    assert!(source.windows(6).any(|w| w == b"Exif\0\0"));
    let made = render_cover(&site, &source, Focus::default(), 1.0).unwrap();
    assert!(!made.bytes.windows(4).any(|w| w == b"Exif"));
    assert!(!made.bytes.windows(4).any(|w| w == b"II*\0"));
}

#[test]
fn every_format_in_and_out_at_the_exact_size() {
    let img = image::DynamicImage::ImageRgb8(marked(1300, 900));
    let inputs = [
        image::ImageFormat::Jpeg,
        image::ImageFormat::Png,
        image::ImageFormat::WebP,
        image::ImageFormat::Gif,
        image::ImageFormat::Bmp,
        image::ImageFormat::Tiff,
    ];
    for out_format in [ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Webp] {
        let mut config = Config::default();
        config.cover.format = out_format;
        let (_dir, site) = site_with(config);
        for in_format in inputs {
            let source = encoded(&img, in_format);
            let made = render_cover(&site, &source, Focus::default(), 1.0)
                .unwrap_or_else(|e| panic!("{in_format:?} -> {out_format:?}: {e}"));
            let guessed = image::guess_format(&made.bytes).unwrap();
            assert_eq!(
                guessed.extensions_str()[0],
                out_format.extension(),
                "{in_format:?} -> {out_format:?}"
            );
            let out = image::load_from_memory(&made.bytes).unwrap();
            assert_eq!((out.width(), out.height()), (1080, 600));
            assert_eq!((made.width, made.height), (1080, 600));
        }
    }
}

#[test]
fn sixteen_bit_and_alpha() {
    let (_dir, site) = site_with(Config::default());
    let deep = image::ImageBuffer::<Rgb<u16>, _>::from_pixel(1200, 700, Rgb([65535, 0, 0]));
    let source = encoded(
        &image::DynamicImage::ImageRgb16(deep),
        image::ImageFormat::Png,
    );
    let out = decode_rgb(
        &render_cover(&site, &source, Focus::default(), 1.0)
            .unwrap()
            .bytes,
    );
    assert!(is_red(out.get_pixel(500, 300)));

    // Transparent onto white for JPEG; kept for PNG.
    let clear = RgbaImage::from_pixel(1200, 700, Rgba([0, 0, 0, 0]));
    let source = encoded(
        &image::DynamicImage::ImageRgba8(clear),
        image::ImageFormat::Png,
    );
    let out = decode_rgb(
        &render_cover(&site, &source, Focus::default(), 1.0)
            .unwrap()
            .bytes,
    );
    assert!(out.get_pixel(500, 300).0.iter().all(|&c| c > 250));
    let (_dir, png_site) = site_with(png_config());
    let made = render_cover(&png_site, &source, Focus::default(), 1.0).unwrap();
    let out = image::load_from_memory(&made.bytes).unwrap().into_rgba8();
    assert_eq!(out.get_pixel(500, 300)[3], 0);
}

#[test]
fn broken_and_refused_files_say_why() {
    let (_dir, site) = site_with(Config::default());
    let err = |bytes: &[u8]| render_cover(&site, bytes, Focus::default(), 1.0).unwrap_err();
    assert!(matches!(err(b""), MediaError::Empty));
    let png = encoded(
        &image::DynamicImage::ImageRgb8(marked(1200, 700)),
        image::ImageFormat::Png,
    );
    assert!(matches!(err(&png[..png.len() / 2]), MediaError::Corrupt(_)));
    let jpeg = encoded(
        &image::DynamicImage::ImageRgb8(marked(1200, 700)),
        image::ImageFormat::Jpeg,
    );
    assert!(matches!(err(&jpeg[..200]), MediaError::Corrupt(_)));

    // A PNG header claiming 60000x60000: refused from the header alone.
    let mut huge = png[..33].to_vec();
    huge[16..20].copy_from_slice(&60000u32.to_be_bytes());
    huge[20..24].copy_from_slice(&60000u32.to_be_bytes());
    let crc = crc32(&huge[12..29]);
    huge[29..33].copy_from_slice(&crc.to_be_bytes());
    // The real (small) pixel data follows: only the header lies.
    huge.extend_from_slice(&png[33..]);
    let e = err(&huge);
    assert!(
        matches!(
            e,
            MediaError::TooLarge {
                width: 60000,
                height: 60000,
                max_megapixels: 100
            }
        ),
        "{e:?}"
    );
    assert!(e.message(Lang::Fr).contains("60000 × 60000"));

    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec();
    let e = err(&heic);
    assert!(matches!(e, MediaError::Heic));
    assert!(e.message(Lang::En).contains("JPEG"));
    assert!(matches!(
        err(b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf"),
        MediaError::Avif
    ));
    assert!(matches!(
        err(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        MediaError::Svg
    ));
    assert!(matches!(err(b"hello, world"), MediaError::UnknownFormat));
}

/// CRC-32 (PNG's), to make a valid header chunk.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn animated_gifs_keep_the_first_frame_and_say_so() {
    let (_dir, site) = site_with(png_config());
    let mut gif = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut gif);
        for color in [[255, 0, 0, 255], [0, 0, 255, 255]] {
            let frame = image::Frame::new(RgbaImage::from_pixel(30, 20, Rgba(color)));
            enc.encode_frame(frame).unwrap();
        }
    }
    let made = render_body_image(&site, &gif).unwrap();
    assert_eq!(made.warnings, [MediaWarning::Animated]);
    assert!(is_red(decode_rgb(&made.bytes).get_pixel(5, 5)));
}

#[test]
fn focal_point_crops_land_where_asked() {
    let (_dir, site) = site_with(png_config());
    // 3000x1000, a red 100x100 square centred at (2500, 500).
    let img = RgbImage::from_fn(3000, 1000, |x, y| {
        if (2450..2550).contains(&x) && (450..550).contains(&y) {
            RED
        } else {
            BLUE
        }
    });
    let source = encoded(
        &image::DynamicImage::ImageRgb8(img),
        image::ImageFormat::Png,
    );
    // Crop 1800x1000 around x=2500 -> clamped to [1200, 3000]; the square is at 1300/1800 of the width.
    let out = decode_rgb(
        &render_cover(
            &site,
            &source,
            Focus {
                x: 2500.0 / 3000.0,
                y: 0.5,
            },
            1.0,
        )
        .unwrap()
        .bytes,
    );
    let x = (1300.0 / 1800.0 * 1080.0) as u32;
    assert!(is_red(out.get_pixel(x, 300)));
    // Zoom 5: 360x200 around the square: it fills the middle of the cover.
    let out = decode_rgb(
        &render_cover(
            &site,
            &source,
            Focus {
                x: 2500.0 / 3000.0,
                y: 0.5,
            },
            5.0,
        )
        .unwrap()
        .bytes,
    );
    assert!(is_red(out.get_pixel(540, 300)));
    assert!(is_red(out.get_pixel(540 - 120, 300 - 120)));
    assert!(!is_red(out.get_pixel(540 - 180, 300)));
    // The default centre does not show it.
    let out = decode_rgb(
        &render_cover(&site, &source, Focus::default(), 1.0)
            .unwrap()
            .bytes,
    );
    assert!(!out.pixels().any(is_red));
}

#[test]
fn small_sources_warn_or_are_refused() {
    let source = encoded(
        &image::DynamicImage::ImageRgb8(marked(540, 300)),
        image::ImageFormat::Png,
    );
    let (_dir, site) = site_with(Config::default());
    let made = render_cover(&site, &source, Focus::default(), 1.0).unwrap();
    assert!(matches!(
        made.warnings[..],
        [MediaWarning::Upscaled {
            width: 540,
            height: 300,
            ..
        }]
    ));
    assert_eq!((made.width, made.height), (1080, 600));
    let mut config = Config::default();
    config.cover.upscale = Upscale::Refuse;
    let (_dir, site) = site_with(config);
    assert!(matches!(
        render_cover(&site, &source, Focus::default(), 1.0),
        Err(MediaError::TooSmall { .. })
    ));
    // Body images are never enlarged.
    let made = render_body_image(&site, &source).unwrap();
    assert_eq!((made.width, made.height), (540, 300));
}

#[test]
fn body_images_fit_the_maximum_width() {
    let (_dir, site) = site_with(Config::default());
    let source = encoded(
        &image::DynamicImage::ImageRgb8(marked(3200, 1000)),
        image::ImageFormat::Jpeg,
    );
    let made = render_body_image(&site, &source).unwrap();
    assert_eq!((made.width, made.height), (1600, 500));
}

#[test]
fn over_budget_suggests_a_lower_quality() {
    let mut config = Config::default();
    config.cover.max_bytes = 60_000;
    config.cover.quality = 95;
    let (_dir, site) = site_with(config);
    // Noise compresses badly.
    let mut seed = 1u32;
    let noisy = RgbImage::from_fn(1080, 600, |_, _| {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let v = (seed >> 24) as u8;
        Rgb([v, v / 2, 255 - v])
    });
    let source = encoded(
        &image::DynamicImage::ImageRgb8(noisy),
        image::ImageFormat::Png,
    );
    let made = render_cover(&site, &source, Focus::default(), 1.0).unwrap();
    let Some(MediaWarning::TooHeavy {
        bytes,
        max_bytes: 60_000,
        suggested_quality,
    }) = made.warnings.last().cloned()
    else {
        panic!("{:?}", made.warnings);
    };
    assert!(bytes > 60_000);
    if let Some(q) = suggested_quality {
        assert!(q < 95);
    }
}

#[test]
fn covers_are_placed_under_unique_names_and_a_jpg_that_is_a_png_works() {
    let (dir, site) = site_with(Config::default());
    let post = "content/fr/blog/2025/bonne-annee.md";
    std::fs::create_dir_all(dir.path().join("content/fr/blog/2025")).unwrap();
    std::fs::write(
        dir.path().join(post),
        "---\ndate: 2024-12-17T00:00:00.000Z\ntitle: T\n---\n",
    )
    .unwrap();
    // Given as `photo.jpg`, but PNG bytes: told by content.
    let source = encoded(
        &image::DynamicImage::ImageRgb8(marked(2000, 1200)),
        image::ImageFormat::Png,
    );
    let first = make_cover(&site, post, &source, Focus::default(), 1.0).unwrap();
    assert_eq!(first.path, "public/blog/2024/bonne-annee.jpg");
    assert_eq!(first.url, "/blog/2024/bonne-annee.jpg");
    assert_eq!(
        site.media_file_for_url(&first.url).as_deref(),
        Some(first.path.as_str())
    );
    let on_disk = std::fs::read(dir.path().join(&first.path)).unwrap();
    assert_eq!(
        image::guess_format(&on_disk).unwrap(),
        image::ImageFormat::Jpeg
    );
    assert_eq!(on_disk.len() as u64, first.bytes);
    let second = make_cover(&site, post, &source, Focus::default(), 1.0).unwrap();
    assert_eq!(second.path, "public/blog/2024/bonne-annee-2.jpg");
    assert_eq!(
        std::fs::read(dir.path().join(&first.path)).unwrap(),
        on_disk
    );

    let alt = alt_text("/home/c/IMG_2041 Vue du port.jpg");
    let body = make_body_image(&site, post, &source, &alt).unwrap();
    assert_eq!(body.alt, "Vue du port");
    assert_eq!(
        body.written.path,
        "public/blog/2024/bonne-annee-vue-du-port.jpg"
    );
    assert_eq!(
        body.markdown,
        "![Vue du port](/blog/2024/bonne-annee-vue-du-port.jpg)"
    );
    // No leftover temporary files.
    let names: Vec<_> = std::fs::read_dir(dir.path().join("public/blog/2024"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn files_stay_inside_the_site() {
    let outside = tempfile::tempdir().unwrap();
    let (dir, site) = site_with(Config::default());
    std::fs::create_dir_all(dir.path().join("public")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("public/blog")).unwrap();
    let source = encoded(
        &image::DynamicImage::ImageRgb8(marked(1200, 700)),
        image::ImageFormat::Png,
    );
    let e = make_cover(&site, "content/a.md", &source, Focus::default(), 1.0).unwrap_err();
    assert!(matches!(e, MediaError::Path(_)), "{e:?}");
    assert!(std::fs::read_dir(outside.path()).unwrap().next().is_none());
    assert!(matches!(
        make_cover(&site, "../a.md", &source, Focus::default(), 1.0),
        Err(MediaError::Path(_))
    ));
    let mut config = Config::default();
    config.cover.path = "../../{{slug}}.{{ext}}".into();
    let (_dir2, site) = site_with(config);
    assert!(matches!(
        make_cover(&site, "a.md", &source, Focus::default(), 1.0),
        Err(MediaError::Path(_))
    ));
}

#[test]
fn alt_text_is_cleaned() {
    assert_eq!(alt_text("IMG_2041.JPG"), "");
    assert_eq!(alt_text("vue_du-port.final.png"), "vue du port final");
    assert_eq!(alt_text("C:\\Users\\c\\Capture 2025.png"), "Capture 2025");
    assert_eq!(alt_text("Screenshot 2025-01-02 at 10.22.png"), "at 10 22");
}

/// A 4000x3000 JPEG: blue, with a red 60x60 square centred on (3000, 1200).
fn large_marked_jpeg() -> Vec<u8> {
    let img = RgbImage::from_fn(4000, 3000, |x, y| {
        if x.abs_diff(3000) < 30 && y.abs_diff(1200) < 30 {
            RED
        } else {
            BLUE
        }
    });
    jpeg_with_exif(&img, 1)
}

#[test]
fn large_jpeg_cover_is_decoded_scaled_and_the_mark_lands_where_asked() {
    let source = large_marked_jpeg();
    let focus = Focus { x: 0.5, y: 0.55 };
    let enough = cover_enough((1080, 600), focus, 1.0);
    let decoded = decode::decode(&source, 50, Some(&enough)).unwrap();
    // 1/2 is the smallest scale whose crop (2000x1111) still covers 1080x600.
    assert_eq!(decoded.full, (4000, 3000));
    assert_eq!(
        (decoded.image.width(), decoded.image.height()),
        (2000, 1500)
    );

    let (_dir, site) = site_with(png_config());
    let made = render_cover(&site, &source, focus, 1.0).unwrap();
    assert_eq!((made.width, made.height), (1080, 600));
    let out = decode_rgb(&made.bytes);
    assert_eq!(out.dimensions(), (1080, 600));
    // Where the mark is expected, from the crop of the full-size picture.
    let crop = crop_box((4000, 3000), (1080, 600), focus, 1.0);
    let x = ((3000.0 - crop.left) * 1080.0 / crop.width).round() as u32;
    let y = ((1200.0 - crop.top) * 600.0 / crop.height).round() as u32;
    assert!(is_red(out.get_pixel(x, y)), "mark at ({x}, {y})");
    for (dx, dy) in [(-12i32, 0i32), (12, 0), (0, -12), (0, 12)] {
        let p = out.get_pixel(x.saturating_add_signed(dx), y.saturating_add_signed(dy));
        assert!(!is_red(p), "mark no larger than expected at ({dx}, {dy})");
    }
    assert!(!is_red(out.get_pixel(540, 300)));
}

#[test]
fn small_jpeg_takes_the_full_path() {
    let source = jpeg_with_exif(&marked(1200, 700), 1);
    let enough = cover_enough((1080, 600), Focus::default(), 1.0);
    let decoded = decode::decode(&source, 50, Some(&enough)).unwrap();
    assert_eq!(decoded.full, (1200, 700));
    assert_eq!((decoded.image.width(), decoded.image.height()), (1200, 700));
}

#[test]
fn every_exif_orientation_is_applied_on_the_scaled_path() {
    let mut config = png_config();
    config.body_images.max_width = 100;
    let (_dir, site) = site_with(config);
    let source = marked(1600, 800);
    let expected = [
        (1, (100, 50), (200, 100), [true, false, false, false]),
        (2, (100, 50), (200, 100), [false, true, false, false]),
        (3, (100, 50), (200, 100), [false, false, true, false]),
        (4, (100, 50), (200, 100), [false, false, false, true]),
        (5, (100, 200), (100, 200), [true, false, false, false]),
        (6, (100, 200), (100, 200), [false, true, false, false]),
        (7, (100, 200), (100, 200), [false, false, true, false]),
        (8, (100, 200), (100, 200), [false, false, false, true]),
    ];
    for (orientation, dims, decoded_dims, corners) in expected {
        let bytes = jpeg_with_exif(&source, orientation);
        let enough = enough_for(|full| body_size(full, 100));
        let decoded = decode::decode(&bytes, 50, Some(&enough)).unwrap();
        assert_eq!(
            (decoded.image.width(), decoded.image.height()),
            decoded_dims,
            "orientation {orientation}"
        );
        let made = render_body_image(&site, &bytes).unwrap();
        assert_upright(&made, dims, corners, orientation);
    }
}

#[test]
fn the_overview_is_the_whole_picture_upright_and_small() {
    let (_dir, site) = site_with(Config::default());
    let source = jpeg_with_exif(&marked(3000, 2000), 6);
    let made = render_overview(&site, &source, 800).unwrap().made;
    assert_eq!((made.width, made.height), (533, 800));
    assert_eq!(made.source, (2000, 3000));
    let decoded = image::load_from_memory(&made.bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (533, 800));
    // Never enlarged.
    let small = encoded(
        &image::DynamicImage::ImageRgb8(marked(300, 200)),
        image::ImageFormat::Png,
    );
    let made = render_overview(&site, &small, 800).unwrap().made;
    assert_eq!((made.width, made.height), (300, 200));
}

#[test]
fn a_file_too_heavy_to_be_a_picture_is_not_read() {
    assert!(check_source_size(MAX_SOURCE_BYTES).is_ok());
    let e = check_source_size(MAX_SOURCE_BYTES + 1).unwrap_err();
    assert_eq!(e.code(), "media.file_too_big");
    assert!(
        e.message(Lang::Fr).contains("256 Mo"),
        "{}",
        e.message(Lang::Fr)
    );
    let dir = tempfile::tempdir().unwrap();
    let sparse = dir.path().join("video.jpg");
    let file = std::fs::File::create(&sparse).unwrap();
    file.set_len(MAX_SOURCE_BYTES + 10).unwrap();
    assert!(matches!(
        read_source(&sparse),
        Err(MediaError::FileTooBig { .. })
    ));
    let missing = read_source(&dir.path().join("none.jpg")).unwrap_err();
    assert_eq!(missing.code(), "media.read");
}

/// A photo-like picture: smooth colour gradients under fine noise, which
/// compress as photographs do (flat test pictures would not).
fn photo_like(w: u32, h: u32) -> RgbImage {
    let mut state = 0x9e37_79b9u32;
    RgbImage::from_fn(w, h, |x, y| {
        state = state.wrapping_mul(747_796_405).wrapping_add(2_891_336_453);
        let grain = (state >> 28) as f32;
        let (u, v) = (x as f32 / w as f32, y as f32 / h as f32);
        let channel = |base: f32| (base + grain).clamp(0.0, 255.0) as u8;
        Rgb([
            channel(40.0 + 180.0 * u),
            channel(70.0 + 120.0 * (v * 5.0).cos().abs()),
            channel(200.0 - 150.0 * u * v),
        ])
    })
}

fn webp_config(quality: u8) -> Config {
    let mut c = Config::default();
    c.cover.format = ImageFormat::Webp;
    c.cover.quality = quality;
    c
}

#[test]
fn webp_is_lossy_at_the_site_quality() {
    let source = encoded(
        &image::DynamicImage::ImageRgb8(photo_like(1600, 1000)),
        image::ImageFormat::Png,
    );
    let cover = |quality| {
        let (_dir, site) = site_with(webp_config(quality));
        render_cover(&site, &source, Focus::default(), 1.0).unwrap()
    };
    let made = cover(80);
    assert_eq!(
        image::guess_format(&made.bytes).unwrap(),
        image::ImageFormat::WebP
    );
    // A lossy bitstream ("VP8 "), not a lossless one ("VP8L").
    assert_eq!(&made.bytes[12..16], b"VP8 ");
    let out = decode_rgb(&made.bytes);
    assert_eq!(out.dimensions(), (1080, 600));
    assert_eq!((made.width, made.height), (1080, 600));

    // The same cover, lossless: what the `image` crate alone would write.
    let (_dir, png_site) = site_with(png_config());
    let exact = decode_rgb(
        &render_cover(&png_site, &source, Focus::default(), 1.0)
            .unwrap()
            .bytes,
    );
    let mut lossless = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut lossless)
        .write_image(exact.as_raw(), 1080, 600, image::ExtendedColorType::Rgb8)
        .unwrap();
    assert!(
        made.bytes.len() * 4 < lossless.len(),
        "lossy {} bytes, lossless {}",
        made.bytes.len(),
        lossless.len()
    );
    // Lossy, yet close to the exact pixels.
    let mean_error = out
        .as_raw()
        .iter()
        .zip(exact.as_raw())
        .map(|(a, b)| f64::from(a.abs_diff(*b)))
        .sum::<f64>()
        / out.as_raw().len() as f64;
    assert!(mean_error < 6.0, "mean error {mean_error}");

    let (low, high) = (cover(40).bytes.len(), cover(95).bytes.len());
    assert!(
        low < made.bytes.len() && made.bytes.len() < high,
        "{low} < {} < {high}",
        made.bytes.len()
    );
}

#[test]
fn webp_keeps_transparency() {
    let mut config = webp_config(80);
    config.body_images.format = ImageFormat::Webp;
    let (_dir, site) = site_with(config);
    let half_clear = RgbaImage::from_fn(400, 300, |x, _| {
        if x < 200 {
            Rgba([0, 0, 0, 0])
        } else {
            Rgba([240, 20, 20, 255])
        }
    });
    let source = encoded(
        &image::DynamicImage::ImageRgba8(half_clear),
        image::ImageFormat::Png,
    );
    let made = render_body_image(&site, &source).unwrap();
    let out = image::load_from_memory(&made.bytes).unwrap().into_rgba8();
    assert_eq!(out.dimensions(), (400, 300));
    assert_eq!(out.get_pixel(50, 150)[3], 0);
    let opaque = out.get_pixel(350, 150);
    assert_eq!(opaque[3], 255);
    assert!(is_red(&Rgb([opaque[0], opaque[1], opaque[2]])));
}

#[test]
fn webp_over_budget_suggests_a_lower_quality() {
    let mut config = webp_config(95);
    config.cover.max_bytes = 40_000;
    let (_dir, site) = site_with(config);
    let source = encoded(
        &image::DynamicImage::ImageRgb8(photo_like(1080, 600)),
        image::ImageFormat::Png,
    );
    let made = render_cover(&site, &source, Focus::default(), 1.0).unwrap();
    let Some(MediaWarning::TooHeavy {
        suggested_quality: Some(q),
        ..
    }) = made.warnings.last().cloned()
    else {
        panic!("{:?} ({} bytes)", made.warnings, made.bytes.len());
    };
    assert!(q < 95);
    let (_dir, site) = site_with(webp_config(q));
    let refit = render_cover(&site, &source, Focus::default(), 1.0).unwrap();
    assert!(refit.bytes.len() <= 40_000);
}
