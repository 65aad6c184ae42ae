// Generated from billet-core's Rust types by ts-rs: do not edit.
// `UPDATE_BINDINGS=1 cargo test -p billet-core --test interface_types` writes it again.

export type Lang = "en" | "fr";

export type Label = string | { fr?: string | null, en?: string | null, };

export type Widget = "string" | "text" | "datetime" | "select" | "object" | "list" | "image" | "boolean" | "number" | "hidden";

export type SelectOption = string | { label: Label, value: string, };

export type Field = { name: string, label: Label | null, widget: Widget, 
/**
 * As in Decap CMS, a field is required unless it says `required: false`.
 */
required: boolean, default: unknown, hint: Label | null, 
/**
 * `[regular expression, message]`, as in Decap CMS.
 */
pattern: [string, Label] | null, 
/**
 * Longest text accepted (`string`, `text`), in characters.
 */
max_length: number | null, 
/**
 * Smallest and largest number (`number`), or item count (`list`).
 */
min: number | null, max: number | null, 
/**
 * `int` or `float`, for `number`.
 */
value_type: string | null, 
/**
 * The choices of a `select`.
 */
options: Array<SelectOption>, 
/**
 * A `select` that takes several options.
 */
multiple: boolean, 
/**
 * The fields of an `object`, or of each item of a `list`.
 */
fields: Array<Field>, 
/**
 * How a `datetime` is written; see `post::format_date`.
 */
format: string | null, };

export type ImageFormat = "jpeg" | "png" | "webp";

export type Upscale = "warn" | "refuse";

export type CoverFormat = { field: string, width: number, height: number, format: ImageFormat, quality: number, 
/**
 * Where a cover goes, inside the media folder.
 */
path: string, 
/**
 * A cover heavier than this is reported.
 */
max_bytes: number, upscale: Upscale, 
/**
 * The largest picture accepted, in megapixels.
 */
max_megapixels: number, 
/**
 * How wide the site shows a cover on its list of posts, in CSS pixels:
 * the framing view previews the cover at that size.
 */
card_width: number, };

export type Settings = { 
/**
 * `None` follows the system's language.
 */
language: Lang | null, last_site: string | null, recent_sites: Array<string>, last_author: string | null, };

export type AppInfo = { settings: Settings, 
/**
 * The language in effect (the setting, else the system's).
 */
language: Lang, default_author: string | null, };

export type SiteInfo = { root: string, name: string, configured: boolean, language: Lang, fields: Array<Field>, cover: CoverFormat, 
/**
 * The site's own stylesheet for the preview, as a URL the interface can load.
 */
stylesheet: string | null, badge_labels: Array<string>, 
/**
 * The author a new post of this site starts with.
 */
default_author: string | null, recent: Array<string>, };

export type CoverForm = "text" | "object";

export type Severity = "error" | "warning";

export type FieldProblem = { "code": "missing" } | { "code": "too_long", max: number, length: number, } | { "code": "not_a_number" } | { "code": "out_of_range", min: number | null, max: number | null, } | { "code": "not_a_date" } | { "code": "not_an_option" } | { "code": "no_match", message: Label, } | { "code": "wrong_shape" };

export type ProblemKind = { "code": "unreadable", message_en: string, message_fr: string, } | { "code": "field", field: string, 
/**
 * What the form calls the field; its key when the site gives no label.
 */
label: Label | null, problem: FieldProblem, } | { "code": "cover_missing", url: string, } | { "code": "cover_outside_site", url: string, } | { "code": "cover_wrong_size", width: number, height: number, want_width: number, want_height: number, } | { "code": "cover_not_a_picture", url: string, } | { "code": "cover_too_heavy", bytes: number, max_bytes: number, } | { "code": "not_markdown" } | { "code": "unclean_name" } | { "code": "duplicate_slug", other: string, } | { "code": "looks_like_a_copy" };

export type Problem = { severity: Severity, line: number, } & ({ "code": "unreadable", message_en: string, message_fr: string, } | { "code": "field", field: string, 
/**
 * What the form calls the field; its key when the site gives no label.
 */
label: Label | null, problem: FieldProblem, } | { "code": "cover_missing", url: string, } | { "code": "cover_outside_site", url: string, } | { "code": "cover_wrong_size", width: number, height: number, want_width: number, want_height: number, } | { "code": "cover_not_a_picture", url: string, } | { "code": "cover_too_heavy", bytes: number, max_bytes: number, } | { "code": "not_markdown" } | { "code": "unclean_name" } | { "code": "duplicate_slug", other: string, } | { "code": "looks_like_a_copy" });

export type Badge = "new" | "modified" | "recorded" | "waiting" | "sent" | "in_review";

export type ListedPost = { 
/**
 * The cover as a URL the interface can show.
 */
thumb: string | null, has_errors: boolean, 
/**
 * The problems, worded in the interface's language.
 */
messages: Array<string>, 
/**
 * Where the post stands in git; `None` outside a repository.
 */
git: Badge | null, 
/**
 * Relative to the site's root, with `/` separators.
 */
path: string, language: Lang | null, title: string | null, date: string | null, cover: string | null, cover_form: CoverForm | null, badge: string | null, problems: Array<Problem>, };

export type FieldMessage = { 
/**
 * The field's key, dotted for nested ones (`badge.label`).
 */
field: string, code: string, message: string, };

export type LoadedPost = { path: string, 
/**
 * The front matter as JSON, for the form.
 */
front_matter: Record<string, unknown>, body: string, problems: Array<FieldMessage>, };

export type Change = { key: string, value: unknown, };

export type NewPostInput = { title: string, 
/**
 * A date such as `2025-01-31`; today when missing.
 */
date?: string | null, author?: string | null, badge?: string | null, description?: string | null, 
/**
 * Which posts folder, by language; the first one when missing.
 */
language?: Lang | null, };

export type PlannedPath = { path: string, folder: string, file_name: string, };

export type RecoveredPost = { path: string, title: string | null, 
/**
 * When the edits were kept (RFC 3339).
 */
saved_at: string, 
/**
 * The post as the author left it, and as it is on disk now.
 */
mine: string, disk: string | null, };

export type Mine = { front_matter: Record<string, unknown>, body: string, };

export type Restored = { 
/**
 * The post as it is on disk: the form's baseline.
 */
disk: LoadedPost, 
/**
 * The author's version, to put back in the form and the editor.
 */
mine: Mine, };

export type Focus = { x: number, y: number, };

export type InlinePicture = string;

export type StagedImage = { id: number, name: string, 
/**
 * Alt text suggested from the file name (empty for camera names).
 */
alt: string, 
/**
 * The whole picture's upright size.
 */
width: number, height: number, 
/**
 * The picture, upright and small.
 */
overview: InlinePicture, 
/**
 * Where the cover's first frame goes: on what catches the eye.
 */
focus: Focus, warnings: Array<string>, };

export type CoverPreview = { image: InlinePicture, bytes: number, warnings: Array<string>, };

export type WrittenImage = { path: string, 
/**
 * What the post refers to it by.
 */
url: string, 
/**
 * For a body image: `![alt](url)`, to insert at the cursor.
 */
markdown: string | null, width: number, height: number, bytes: number, warnings: Array<string>, };

export type FileState = "new" | "modified" | "unchanged" | "deleted" | "missing" | "ignored" | "outside";

export type FileRole = "post" | "cover" | "image";

export type PostFile = { 
/**
 * Relative to the site's root, with `/` separators.
 */
path: string, 
/**
 * Relative to the repository's root; the site-relative path when the
 * site is in no repository.
 */
repo_path: string, role: FileRole, state: FileState, 
/**
 * Bytes on disk; `None` when the file is not there.
 */
size: number | null, };

export type OtherChange = { 
/**
 * Relative to the repository's root.
 */
path: string, state: FileState, };

export type ReadyProblem = { severity: Severity, message: string, };

export type ReadyView = { 
/**
 * Whether the site is in a git repository (else only export is offered).
 */
repository: boolean, files: Array<PostFile>, 
/**
 * Every problem the site's check finds in the post, and those of its
 * files, in the interface's language.
 */
problems: Array<ReadyProblem>, 
/**
 * An error remains: commit and export are refused until it is fixed.
 */
blocked: boolean, other_changes: Array<OtherChange>, 
/**
 * The post against the last commit, as a unified diff.
 */
diff: string, message: string, 
/**
 * Sending goes to a review branch (billet.yml's `publish: {review: true}`).
 */
review: boolean, };

export type Committed = { 
/**
 * The new commit's id, in hex.
 */
id: string, 
/**
 * The repository-relative paths committed (added, changed or removed).
 */
files: Array<string>, };

export type Step = "checking" | "recording" | "fetching" | "replaying" | "sending" | "retrying";

export type Sent = { 
/**
 * The remote's name and address.
 */
remote: string, url: string, 
/**
 * The remote's branch that now has the post.
 */
branch: string, 
/**
 * Sent for review rather than to the site itself.
 */
review: boolean, 
/**
 * The page where the review is asked for, for hosts Billet knows.
 */
review_link: string | null, 
/**
 * The commit sent.
 */
commit: string, 
/**
 * The commit made by this send, if the post had changes to record.
 */
recorded: Committed | null, 
/**
 * Whether the author's work was replayed on changes from the remote.
 */
replayed: boolean, };

export type Side = "theirs" | "yours" | "original" | "both";

export type FieldChoice = { 
/**
 * The key, as in the post (`title`, `badge`).
 */
key: string, 
/**
 * The field's value as written in each version (its YAML, without
 * the key); `None` where that version has no such field.
 */
original: string | null, theirs: string | null, yours: string | null, 
/**
 * The side that changed when only one did; yours when both did.
 */
suggested: Side, };

export type BodyPart = { theirs: string, yours: string, 
/**
 * Whether the two differ (a choice to make).
 */
differs: boolean, suggested: Side, };

export type PostConflict = { 
/**
 * Site-relative path of the post.
 */
path: string, fields: Array<FieldChoice>, body: Array<BodyPart>, };

export type SendOutcome = { "kind": "sent" } & Sent | { "kind": "conflict" } & PostConflict;

export type Settlement = { fields: Array<Side>, body: Array<Side>, };

export type ExportedZip = { file: string, files: Array<string>, };

export type DiskChanges = { changed: Array<string>, removed: Array<string>, };

export type ErrorReport = { code: string, message: string, };
