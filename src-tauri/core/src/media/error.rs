//! Why a picture could not be made into a site image, and what the author
//! can do about it, in French and English.

use std::path::PathBuf;

use crate::lang::{Explain, Lang};
use crate::paths::PathError;
use crate::save::SaveError;

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has {bytes} bytes, more than Billet reads for a picture")]
    FileTooBig { bytes: u64 },
    #[error("HEIC pictures are not supported")]
    Heic,
    #[error("AVIF pictures are not supported")]
    Avif,
    #[error("SVG pictures are not supported")]
    Svg,
    #[error("not a picture Billet can read")]
    UnknownFormat,
    #[error("{width}x{height} is more than {max_megapixels} megapixels")]
    TooLarge {
        width: u32,
        height: u32,
        max_megapixels: u32,
    },
    #[error("the picture is damaged or incomplete: {0}")]
    Corrupt(String),
    #[error("the picture made the decoder fail")]
    DecoderCrashed,
    #[error("{width}x{height} is smaller than {target_width}x{target_height}")]
    TooSmall {
        width: u32,
        height: u32,
        target_width: u32,
        target_height: u32,
    },
    #[error("the picture could not be encoded: {0}")]
    Encode(String),
    #[error("the file name template gives `{0}`, which is not a plain ASCII path")]
    BadName(String),
    #[error(transparent)]
    Path(#[from] PathError),
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error("{0}: {1}")]
    Folder(PathBuf, std::io::Error),
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, std::io::Error),
}

impl Explain for MediaError {
    fn code(&self) -> &'static str {
        match self {
            MediaError::Empty => "media.empty",
            MediaError::FileTooBig { .. } => "media.file_too_big",
            MediaError::Heic => "media.heic",
            MediaError::Avif => "media.avif",
            MediaError::Svg => "media.svg",
            MediaError::UnknownFormat => "media.unknown_format",
            MediaError::TooLarge { .. } => "media.too_large",
            MediaError::Corrupt(_) => "media.corrupt",
            MediaError::DecoderCrashed => "media.decoder_crashed",
            MediaError::TooSmall { .. } => "media.too_small",
            MediaError::Encode(_) => "media.encode",
            MediaError::BadName(_) => "media.bad_name",
            MediaError::Path(e) => e.code(),
            MediaError::Save(e) => e.code(),
            MediaError::Folder(..) => "media.folder",
            MediaError::Read(..) => "media.read",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MediaError::Empty, Lang::Fr) => "Le fichier est vide (0 octet) : ce n'est pas une image.".into(),
            (MediaError::Empty, Lang::En) => "The file is empty (0 bytes): it is not a picture.".into(),
            (MediaError::FileTooBig { bytes }, Lang::Fr) => format!("Ce fichier pèse {} Mo : c'est trop pour une image de blog (au plus {} Mo). Choisissez une photo plus légère, ou réduisez-la d'abord.", bytes >> 20, super::MAX_SOURCE_BYTES >> 20),
            (MediaError::FileTooBig { bytes }, Lang::En) => format!("This file is {} MB: too much for a blog picture (at most {} MB). Pick a lighter photo, or shrink it first.", bytes >> 20, super::MAX_SOURCE_BYTES >> 20),
            (MediaError::Heic, Lang::Fr) => "Cette photo est au format HEIC (iPhone), que Billet ne lit pas. Exportez-la en JPEG (sur iPhone : Réglages > Appareil photo > Formats > « Le plus compatible », ou « Exporter » depuis Photos) puis réessayez.".into(),
            (MediaError::Heic, Lang::En) => "This photo is in HEIC format (iPhone), which Billet cannot read. Export it as JPEG (on iPhone: Settings > Camera > Formats > \"Most Compatible\", or \"Export\" from Photos) and try again.".into(),
            (MediaError::Avif, Lang::Fr) => "Cette image est au format AVIF, que Billet ne lit pas. Exportez-la en JPEG ou PNG puis réessayez.".into(),
            (MediaError::Avif, Lang::En) => "This picture is in AVIF format, which Billet cannot read. Export it as JPEG or PNG and try again.".into(),
            (MediaError::Svg, Lang::Fr) => "Billet ne convertit pas les images SVG (dessins vectoriels). Exportez-la en PNG depuis votre logiciel de dessin puis réessayez.".into(),
            (MediaError::Svg, Lang::En) => "Billet does not convert SVG pictures (vector drawings). Export it as PNG from your drawing program and try again.".into(),
            (MediaError::UnknownFormat, Lang::Fr) => "Ce fichier n'est pas une image que Billet sait lire (JPEG, PNG, WebP, GIF, BMP ou TIFF).".into(),
            (MediaError::UnknownFormat, Lang::En) => "This file is not a picture Billet can read (JPEG, PNG, WebP, GIF, BMP or TIFF).".into(),
            (MediaError::TooLarge { width, height, max_megapixels }, Lang::Fr) => format!("Cette image fait {width} × {height} pixels, plus que les {max_megapixels} mégapixels acceptés. Réduisez-la dans un logiciel photo puis réessayez."),
            (MediaError::TooLarge { width, height, max_megapixels }, Lang::En) => format!("This picture is {width} × {height} pixels, more than the {max_megapixels} megapixels accepted. Make it smaller in a photo program and try again."),
            (MediaError::Corrupt(_), Lang::Fr) => "Cette image est abîmée ou incomplète (un téléchargement interrompu ?). Ouvrez-la dans un logiciel photo et enregistrez-la à nouveau.".into(),
            (MediaError::Corrupt(_), Lang::En) => "This picture is damaged or incomplete (an interrupted download?). Open it in a photo program and save it again.".into(),
            (MediaError::DecoderCrashed, Lang::Fr) => "Cette image n'a pas pu être lue : son contenu est inhabituel ou abîmé. Enregistrez-la à nouveau en JPEG ou PNG depuis un logiciel photo.".into(),
            (MediaError::DecoderCrashed, Lang::En) => "This picture could not be read: its content is unusual or damaged. Save it again as JPEG or PNG from a photo program.".into(),
            (MediaError::TooSmall { width, height, target_width, target_height }, Lang::Fr) => format!("Cette image (ou la partie choisie) fait {width} × {height} pixels, moins que les {target_width} × {target_height} demandés par le site : elle serait floue. Choisissez une image plus grande, ou dézoomez."),
            (MediaError::TooSmall { width, height, target_width, target_height }, Lang::En) => format!("This picture (or the part chosen) is {width} × {height} pixels, less than the {target_width} × {target_height} the site asks for: it would be blurry. Pick a larger picture, or zoom out."),
            (MediaError::Encode(e), Lang::Fr) => format!("L'image n'a pas pu être enregistrée ({e})."),
            (MediaError::Encode(e), Lang::En) => format!("The picture could not be written ({e})."),
            (MediaError::BadName(n), Lang::Fr) => format!("Le modèle de nom de fichier de billet.yml donne « {n} », qui contient des espaces ou des caractères non ASCII. Corrigez `path` dans billet.yml."),
            (MediaError::BadName(n), Lang::En) => format!("The file name template in billet.yml gives `{n}`, which holds spaces or non-ASCII characters. Fix `path` in billet.yml."),
            (MediaError::Path(e), lang) => e.message(lang),
            (MediaError::Save(e), lang) => e.message(lang),
            (MediaError::Folder(p, e), Lang::Fr) => format!("Impossible de créer le dossier {} ({e}).", p.display()),
            (MediaError::Folder(p, e), Lang::En) => format!("Cannot create the folder {} ({e}).", p.display()),
            (MediaError::Read(p, e), Lang::Fr) => format!("Impossible de lire {} ({e}).", p.display()),
            (MediaError::Read(p, e), Lang::En) => format!("Cannot read {} ({e}).", p.display()),
        }
    }
}

/// Something the author should know about an image that was made anyway.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MediaWarning {
    /// An animated GIF: only its first frame is kept.
    Animated,
    /// The source (or the part chosen) was smaller than the target.
    Upscaled {
        width: u32,
        height: u32,
        target_width: u32,
        target_height: u32,
    },
    /// The file is heavier than the site's budget.
    TooHeavy {
        bytes: u64,
        max_bytes: u64,
        /// A lower quality that fits the budget, when one was found.
        suggested_quality: Option<u8>,
    },
}

impl Explain for MediaWarning {
    fn code(&self) -> &'static str {
        match self {
            MediaWarning::Animated => "media.animated",
            MediaWarning::Upscaled { .. } => "media.upscaled",
            MediaWarning::TooHeavy { .. } => "media.too_heavy",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MediaWarning::Animated, Lang::Fr) => "Ce GIF est animé : seule sa première image est gardée.".into(),
            (MediaWarning::Animated, Lang::En) => "This GIF is animated: only its first frame is kept.".into(),
            (MediaWarning::Upscaled { width, height, target_width, target_height }, Lang::Fr) => format!("L'image (ou la partie choisie) ne fait que {width} × {height} pixels : agrandie à {target_width} × {target_height}, elle peut paraître floue."),
            (MediaWarning::Upscaled { width, height, target_width, target_height }, Lang::En) => format!("The picture (or the part chosen) is only {width} × {height} pixels: enlarged to {target_width} × {target_height}, it may look blurry."),
            (MediaWarning::TooHeavy { bytes, max_bytes, suggested_quality }, Lang::Fr) => {
                let hint = suggested_quality.map(|q| format!(" Une qualité de {q} tiendrait dans la limite (`quality` dans billet.yml).")).unwrap_or_default();
                format!("L'image pèse {} Ko, plus que les {} Ko prévus par le site.{hint}", bytes / 1000, max_bytes / 1000)
            }
            (MediaWarning::TooHeavy { bytes, max_bytes, suggested_quality }, Lang::En) => {
                let hint = suggested_quality.map(|q| format!(" A quality of {q} would fit (`quality` in billet.yml).")).unwrap_or_default();
                format!("The picture weighs {} kB, more than the site's {} kB.{hint}", bytes / 1000, max_bytes / 1000)
            }
        }
    }
}
