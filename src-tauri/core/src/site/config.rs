//! `billet.yml`: what a site tells Billet about itself. Every key is
//! optional; what is left out takes the defaults of a Nuxt Content blog like
//! the one Billet was first made for.

use serde::{Deserialize, Serialize};

use super::fields::Field;
use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's main language: new posts, default commit messages.
    #[serde(default = "default_language")]
    pub language: Lang,
    /// Folders of posts, relative to the site's root. New posts go in the first.
    #[serde(default = "default_posts", deserialize_with = "one_or_many")]
    pub posts: Vec<PostFolder>,
    /// Where a new post goes inside the first posts folder.
    #[serde(default = "default_new_post")]
    pub new_post: String,
    #[serde(default)]
    pub media: Media,
    #[serde(default)]
    pub cover: CoverFormat,
    #[serde(default)]
    pub body_images: BodyImageFormat,
    /// The site's own CSS for the preview, relative to the root.
    #[serde(default)]
    pub stylesheet: Option<String>,
    /// The form, in order. The order is also where new keys go in a post.
    #[serde(default = "default_fields")]
    pub fields: Vec<Field>,
    /// Where "send" takes a post.
    #[serde(default)]
    pub publish: Publish,
}

/// `publish:` in billet.yml: where a post goes when the author sends it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publish {
    /// The remote to send to; by default the current branch's upstream
    /// remote, else `origin`.
    #[serde(default)]
    pub remote: Option<String>,
    /// The branch the site is built from; by default the current branch.
    #[serde(default)]
    pub branch: Option<String>,
    /// Send each post to a branch of its own and offer the link that asks
    /// for a review, rather than to the site's branch itself.
    #[serde(default)]
    pub review: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostFolder {
    pub folder: String,
    #[serde(default)]
    pub language: Option<Lang>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Media {
    /// Where Billet writes images, relative to the root.
    #[serde(default = "default_media_folder")]
    pub folder: String,
    /// The URL by which posts refer to that folder.
    #[serde(default = "default_media_url")]
    pub url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Jpeg,
    Png,
    Webp,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Png => "png",
            ImageFormat::Webp => "webp",
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Png => "image/png",
            ImageFormat::Webp => "image/webp",
        }
    }
}

/// What to do with a picture smaller than the target size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Upscale {
    Warn,
    Refuse,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct CoverFormat {
    #[serde(default = "default_cover_field")]
    pub field: String,
    #[serde(default = "default_cover_width")]
    pub width: u32,
    #[serde(default = "default_cover_height")]
    pub height: u32,
    #[serde(default = "default_format")]
    pub format: ImageFormat,
    #[serde(default = "default_quality")]
    pub quality: u8,
    /// Where a cover goes, inside the media folder.
    #[serde(default = "default_cover_path")]
    pub path: String,
    /// A cover heavier than this is reported.
    #[serde(default = "default_cover_bytes")]
    pub max_bytes: u64,
    #[serde(default = "default_upscale")]
    pub upscale: Upscale,
    /// The largest picture accepted, in megapixels.
    #[serde(default = "default_megapixels")]
    pub max_megapixels: u32,
    /// How wide the site shows a cover on its list of posts, in CSS pixels:
    /// the framing view previews the cover at that size.
    #[serde(default = "default_card_width")]
    pub card_width: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyImageFormat {
    #[serde(default = "default_body_width")]
    pub max_width: u32,
    #[serde(default = "default_format")]
    pub format: ImageFormat,
    #[serde(default = "default_quality")]
    pub quality: u8,
    #[serde(default = "default_body_path")]
    pub path: String,
    #[serde(default = "default_body_bytes")]
    pub max_bytes: u64,
}

fn default_language() -> Lang {
    Lang::Fr
}
fn default_posts() -> Vec<PostFolder> {
    vec![PostFolder {
        folder: "content/fr/blog".into(),
        language: Some(Lang::Fr),
    }]
}
fn default_new_post() -> String {
    "{{year}}/{{slug}}.md".into()
}
fn default_media_folder() -> String {
    "public/blog".into()
}
fn default_media_url() -> String {
    "/blog".into()
}
fn default_cover_field() -> String {
    "image".into()
}
fn default_cover_width() -> u32 {
    1080
}
fn default_cover_height() -> u32 {
    600
}
fn default_format() -> ImageFormat {
    ImageFormat::Jpeg
}
fn default_quality() -> u8 {
    82
}
fn default_cover_path() -> String {
    "{{year}}/{{slug}}.{{ext}}".into()
}
fn default_cover_bytes() -> u64 {
    300_000
}
fn default_upscale() -> Upscale {
    Upscale::Warn
}
fn default_megapixels() -> u32 {
    100
}
fn default_card_width() -> u32 {
    360
}
fn default_body_width() -> u32 {
    1600
}
fn default_body_path() -> String {
    "{{year}}/{{slug}}-{{name}}.{{ext}}".into()
}
fn default_body_bytes() -> u64 {
    500_000
}

/// The fields of the blog Billet was made for, in the order its authors'
/// tools wrote them.
fn default_fields() -> Vec<Field> {
    serde_yaml::from_str(include_str!("default_fields.yml")).expect("the built-in fields are valid")
}

impl Default for Media {
    fn default() -> Self {
        Media {
            folder: default_media_folder(),
            url: default_media_url(),
        }
    }
}

impl Default for CoverFormat {
    fn default() -> Self {
        serde_yaml::from_str("{}").expect("every cover key has a default")
    }
}

impl Default for BodyImageFormat {
    fn default() -> Self {
        serde_yaml::from_str("{}").expect("every body image key has a default")
    }
}

impl Default for Config {
    fn default() -> Self {
        serde_yaml::from_str("{}").expect("every key has a default")
    }
}

/// `posts: content/blog` or a list of folders, each a string or `{folder, language}`.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<PostFolder>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Item {
        Folder(String),
        Full(PostFolder),
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<Item>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(folder) => vec![PostFolder {
            folder,
            language: None,
        }],
        OneOrMany::Many(items) => items
            .into_iter()
            .map(|i| match i {
                Item::Folder(folder) => PostFolder {
                    folder,
                    language: None,
                },
                Item::Full(full) => full,
            })
            .collect(),
    })
}
