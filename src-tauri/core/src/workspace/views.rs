//! What the workspace's actions give and take: plain data, serialized the
//! same way for the app's interface and for `--json` on the command line.
//! The interface's TypeScript types are generated from these (ts-rs).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::git::{self, Badge, PostFile};
use crate::lang::{Explain, Lang};
use crate::library::{PostSummary, Severity};
use crate::media::Focus;
use crate::settings::{Settings, SettingsFile};
use crate::site::{CoverFormat, Field};

#[derive(Debug, Clone, Serialize, TS)]
pub struct SiteInfo {
    pub root: String,
    pub name: String,
    pub configured: bool,
    pub language: Lang,
    pub fields: Vec<Field>,
    pub cover: CoverFormat,
    /// The site's own stylesheet for the preview, as a URL the interface can load.
    pub stylesheet: Option<String>,
    pub badge_labels: Vec<String>,
    /// The author a new post of this site starts with.
    pub default_author: Option<String>,
    pub recent: Vec<String>,
}

/// A post in the list.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ListedPost {
    #[serde(flatten)]
    pub summary: PostSummary,
    /// The cover as a URL the interface can show.
    pub thumb: Option<String>,
    pub has_errors: bool,
    /// The problems, worded in the interface's language.
    pub messages: Vec<String>,
    /// Where the post stands in git; `None` outside a repository.
    pub git: Option<Badge>,
}

/// A post as loaded or saved, for the form and the editor.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LoadedPost {
    pub path: String,
    /// The front matter as JSON, for the form.
    #[ts(type = "Record<string, unknown>")]
    pub front_matter: serde_json::Value,
    pub body: String,
    pub problems: Vec<FieldMessage>,
}

/// A post just saved.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Saved {
    pub post: LoadedPost,
    /// Site-relative paths of the pictures the save removed: written for
    /// the post, or its replaced cover, and used by no post.
    pub removed: Vec<String>,
}

/// What is wrong with one field of the form.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FieldMessage {
    /// The field's key, dotted for nested ones (`badge.label`).
    pub field: String,
    pub code: String,
    pub message: String,
}

/// One field changed in the form: a JSON string is typed text, `null`
/// removes the field, anything else is a typed value (list, number...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Change {
    pub key: String,
    #[ts(type = "unknown")]
    pub value: serde_json::Value,
}

impl Change {
    /// A field set from typed text, as on the command line.
    pub fn text(key: &str, text: &str) -> Change {
        Change {
            key: key.to_string(),
            value: serde_json::Value::String(text.to_string()),
        }
    }
}

/// What the author gives for a new post.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewPostInput {
    pub title: String,
    /// A date such as `2025-01-31`; today when missing.
    #[ts(optional = nullable)]
    pub date: Option<String>,
    #[ts(optional = nullable)]
    pub author: Option<String>,
    #[ts(optional = nullable)]
    pub badge: Option<String>,
    #[ts(optional = nullable)]
    pub description: Option<String>,
    /// Which posts folder, by language; the first one when missing.
    #[ts(optional = nullable)]
    pub language: Option<Lang>,
}

/// Where a new post would go, shown before anything is created.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlannedPath {
    pub path: String,
    pub folder: String,
    pub file_name: String,
}

/// Unsaved edits kept from a session that ended without saving them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RecoveredPost {
    pub path: String,
    pub title: Option<String>,
    /// When the edits were kept (RFC 3339).
    pub saved_at: String,
    /// The post as the author left it, and as it is on disk now.
    pub mine: String,
    pub disk: Option<String>,
}

/// A recovered post, opened again with the author's edits.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Restored {
    /// The post as it is on disk: the form's baseline.
    pub disk: LoadedPost,
    /// The author's version, to put back in the form and the editor.
    pub mine: Mine,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Mine {
    #[ts(type = "Record<string, unknown>")]
    pub front_matter: serde_json::Value,
    pub body: String,
}

/// A picture waiting to be used, as the framing view shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StagedImage {
    pub id: u64,
    pub name: String,
    /// Alt text suggested from the file name (empty for camera names).
    pub alt: String,
    /// The whole picture's upright size.
    pub width: u32,
    pub height: u32,
    /// The picture, upright and small.
    pub overview: InlinePicture,
    /// Where the cover's first frame goes: on what catches the eye.
    pub focus: Focus,
    pub warnings: Vec<String>,
}

/// A cover made in memory, for the framing view's card.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CoverPreview {
    pub image: InlinePicture,
    pub bytes: u64,
    pub warnings: Vec<String>,
}

/// A picture that was written into the site.
#[derive(Debug, Clone, Serialize, TS)]
pub struct WrittenImage {
    pub path: String,
    /// What the post refers to it by.
    pub url: String,
    /// For a body image: `![alt](url)`, to insert at the cursor.
    pub markdown: Option<String>,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub warnings: Vec<String>,
}

/// Picture bytes sent to the interface inside a message, as a `data:` URL
/// (a framing overview, a cover not written yet): they have no file the
/// media protocol could serve.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct InlinePicture(String);

impl InlinePicture {
    pub fn new(mime: &str, bytes: &[u8]) -> InlinePicture {
        use base64::Engine;
        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
        InlinePicture(format!("data:{mime};base64,{encoded}"))
    }
}

/// What the "ready to publish" panel shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReadyView {
    /// Whether the site is in a git repository (else only export is offered).
    pub repository: bool,
    pub files: Vec<PostFile>,
    /// Every problem the site's check finds in the post, and those of its
    /// files, in the interface's language.
    pub problems: Vec<ReadyProblem>,
    /// An error remains: commit and export are refused until it is fixed.
    pub blocked: bool,
    pub other_changes: Vec<git::OtherChange>,
    /// The post against the last commit, as a unified diff.
    pub diff: String,
    pub message: String,
    /// Sending goes to a review branch (billet.yml's `publish: {review: true}`).
    pub review: bool,
}

/// Something to fix (an error) or to know (a warning) before publishing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReadyProblem {
    pub severity: Severity,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportedZip {
    pub file: String,
    pub files: Vec<String>,
}

/// What other programs changed in the open site: site-relative paths
/// changed (or created), and removed.
#[derive(Debug, Default, Clone, PartialEq, Serialize, TS)]
pub struct DiskChanges {
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

/// What the interface needs before any site is open.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub settings: Settings,
    /// The language in effect (the setting, else the system's).
    pub language: Lang,
    pub default_author: Option<String>,
}

impl AppInfo {
    /// The settings, `language`, and the author a new post starts with:
    /// the open site's (which reads its repository's git configuration),
    /// else this machine's.
    pub fn of(settings: &SettingsFile, site: Option<&super::Workspace>, language: Lang) -> AppInfo {
        AppInfo {
            settings: settings.get(),
            language,
            default_author: site
                .map_or_else(|| settings.default_author(), |ws| ws.default_author()),
        }
    }
}

/// Every error that reaches the interface: a stable code it can key on,
/// and a message already in its language.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ErrorReport {
    pub code: String,
    pub message: String,
}

impl ErrorReport {
    pub fn new(err: &dyn Explain, lang: Lang) -> ErrorReport {
        ErrorReport {
            code: err.code().to_string(),
            message: err.message(lang),
        }
    }
}

/// The TypeScript declarations of every type that crosses to the
/// interface, as `ui/src/lib/bindings.ts` holds them.
pub fn typescript() -> String {
    use crate::git::send::{BodyPart, FieldChoice, PostConflict, Settlement, Side};
    use crate::git::{FileRole, FileState, OtherChange, SendOutcome, Sent, Step};
    use crate::library::{Problem, ProblemKind};
    use crate::post::CoverForm;
    use crate::site::fields::SelectOption;
    use crate::site::{FieldProblem, ImageFormat, Label, Upscale, Widget};
    // Sizes and ids stay far below 2^53: plain numbers, not bigints.
    let cfg = ts_rs::Config::new().with_large_int("number");
    let decls = [
        Lang::decl(&cfg),
        Label::decl(&cfg),
        Widget::decl(&cfg),
        SelectOption::decl(&cfg),
        Field::decl(&cfg),
        ImageFormat::decl(&cfg),
        Upscale::decl(&cfg),
        CoverFormat::decl(&cfg),
        Settings::decl(&cfg),
        AppInfo::decl(&cfg),
        SiteInfo::decl(&cfg),
        CoverForm::decl(&cfg),
        Severity::decl(&cfg),
        FieldProblem::decl(&cfg),
        ProblemKind::decl(&cfg),
        Problem::decl(&cfg),
        Badge::decl(&cfg),
        ListedPost::decl(&cfg),
        FieldMessage::decl(&cfg),
        LoadedPost::decl(&cfg),
        Change::decl(&cfg),
        NewPostInput::decl(&cfg),
        PlannedPath::decl(&cfg),
        RecoveredPost::decl(&cfg),
        Mine::decl(&cfg),
        Restored::decl(&cfg),
        Focus::decl(&cfg),
        InlinePicture::decl(&cfg),
        StagedImage::decl(&cfg),
        CoverPreview::decl(&cfg),
        WrittenImage::decl(&cfg),
        FileState::decl(&cfg),
        FileRole::decl(&cfg),
        PostFile::decl(&cfg),
        OtherChange::decl(&cfg),
        ReadyProblem::decl(&cfg),
        ReadyView::decl(&cfg),
        git::Committed::decl(&cfg),
        Step::decl(&cfg),
        Sent::decl(&cfg),
        Side::decl(&cfg),
        FieldChoice::decl(&cfg),
        BodyPart::decl(&cfg),
        PostConflict::decl(&cfg),
        SendOutcome::decl(&cfg),
        Settlement::decl(&cfg),
        ExportedZip::decl(&cfg),
        DiskChanges::decl(&cfg),
        ErrorReport::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from billet-core's Rust types by ts-rs: do not edit.\n\
         // `UPDATE_BINDINGS=1 cargo test -p billet-core --test interface_types` writes it again.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}
