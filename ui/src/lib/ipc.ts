// The only module that calls Tauri. Everything else in the UI calls these
// functions, so the contract with the Rust shell is in one place.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getVersion } from "@tauri-apps/api/app";
import { open as openDialog } from "@tauri-apps/plugin-dialog";
import { getCurrentWindow } from "@tauri-apps/api/window";

export type Lang = "fr" | "en";

/** Every error from Rust: a stable code, and a message already in the UI's language. */
export interface IpcError {
  code: string;
  message: string;
}

export type Label = string | { fr?: string; en?: string };

export type Widget =
  | "string" | "text" | "datetime" | "select" | "object" | "list"
  | "image" | "boolean" | "number" | "hidden";

export type SelectOption = string | { label: Label; value: string };

export interface Field {
  name: string;
  label: Label | null;
  widget: Widget;
  required: boolean;
  default: unknown;
  hint: Label | null;
  pattern: [string, Label] | null;
  max_length: number | null;
  min: number | null;
  max: number | null;
  value_type: string | null;
  options: SelectOption[];
  multiple: boolean;
  fields: Field[];
  format: string | null;
}

export interface CoverFormat {
  field: string;
  width: number;
  height: number;
  format: "jpeg" | "png" | "webp";
  quality: number;
  path: string;
  max_bytes: number;
  upscale: "warn" | "refuse";
  max_megapixels: number;
  /** How wide the blog's list shows a cover, in CSS pixels. */
  card_width: number;
}

export interface SiteInfo {
  root: string;
  name: string;
  configured: boolean;
  language: Lang;
  fields: Field[];
  cover: CoverFormat;
  stylesheet: string | null;
  badge_labels: string[];
  recent: string[];
}

export interface Settings {
  language: Lang | null;
  last_site: string | null;
  recent_sites: string[];
  last_author: string | null;
}

export interface AppInfo {
  settings: Settings;
  /** The language in effect (the setting, else the system's). */
  language: Lang;
  default_author: string | null;
}

export interface ListedPost {
  path: string;
  language: Lang | null;
  title: string | null;
  date: string | null;
  cover: string | null;
  cover_form: "text" | "object" | null;
  badge: string | null;
  problems: { severity: "error" | "warning"; line: number; code: string }[];
  /** Where the post stands in git; null outside a repository. */
  git: GitBadge | null;
  /** The cover as a URL the webview can show. */
  thumb: string | null;
  has_errors: boolean;
  /** The problems, in the UI's language. */
  messages: string[];
}

export interface FieldMessage {
  field: string;
  code: string;
  message: string;
}

export interface LoadedPost {
  path: string;
  front_matter: Record<string, unknown>;
  body: string;
  problems: FieldMessage[];
}

/** A field changed in the form: a string is typed text, null removes the field. */
export interface Change {
  key: string;
  value: unknown;
}

export interface NewPostInput {
  title: string;
  date?: string | null;
  author?: string | null;
  badge?: string | null;
  description?: string | null;
  language?: Lang | null;
}

export interface PlannedPath {
  path: string;
  folder: string;
  file_name: string;
}

export const appInfo = () => invoke<AppInfo>("app_info");
export const appVersion = () => getVersion();
/** null follows the system language again. */
export const setLanguage = (language: Lang | null) => invoke<Lang>("set_language", { language });
export const openLink = (url: string) => invoke<void>("open_link", { url });
export const quit = () => invoke<void>("quit");

export const openSite = (root: string) => invoke<SiteInfo>("open_site", { root });
export const currentSite = () => invoke<SiteInfo | null>("current_site");
export const listPosts = () => invoke<ListedPost[]>("list_posts");

export const loadPost = (path: string) => invoke<LoadedPost>("load_post", { path });
export const checkFields = (frontMatter: Record<string, unknown>) =>
  invoke<FieldMessage[]>("check_fields", { frontMatter });
export const savePost = (path: string, changes: Change[], body: string, overwrite = false) =>
  invoke<LoadedPost>("save_post", { path, changes, body, overwrite });
export const diskText = (path: string) => invoke<string>("disk_text", { path });
export const planPost = (input: NewPostInput) => invoke<PlannedPath>("plan_post", { input });
export const createPost = (input: NewPostInput) => invoke<LoadedPost>("create_post", { input });

export const renderPreview = (body: string) => invoke<string>("render_preview", { body });
/** The URL under which the webview shows an image a post refers to (`/blog/a.jpg`); null when it is not in the site. */
export const mediaUrl = (url: string) => invoke<string | null>("media_url", { url });

/** A picture dropped, pasted or picked, waiting to be framed or placed. */
export interface StagedImage {
  id: number;
  name: string;
  /** Alt text suggested from the file name. */
  alt: string;
  /** The whole picture's upright size. */
  width: number;
  height: number;
  /** The picture, upright and small, as a data: URL. */
  overview: string;
  warnings: string[];
}

/** A point of a picture as fractions of its width and height. */
export interface Focus {
  x: number;
  y: number;
}

export interface CoverPreview {
  image: string;
  bytes: number;
  warnings: string[];
}

export interface WrittenImage {
  path: string;
  url: string;
  markdown: string | null;
  width: number;
  height: number;
  bytes: number;
  warnings: string[];
}

/** Refused (with Rust's message) when the file is too heavy to send at all. */
export const checkImageSize = (bytes: number) => invoke<void>("check_image_size", { bytes });
/** Sends a picture's bytes as they are: no JSON, no base64. */
export const stageImage = (bytes: ArrayBuffer, name: string) =>
  invoke<StagedImage>("stage_image", new Uint8Array(bytes), { headers: { "x-file-name": encodeURIComponent(name) } });
/** The system's file picker, opened by Rust; null when the author cancels. */
export const pickImage = (title: string) => invoke<StagedImage | null>("pick_image", { title });
export const previewCover = (id: number, focus: Focus, zoom: number) =>
  invoke<CoverPreview>("preview_cover", { id, focus, zoom });
export const useCover = (id: number, path: string, focus: Focus, zoom: number) =>
  invoke<WrittenImage>("use_cover", { id, path, focus, zoom });
export const useBodyImage = (id: number, path: string, alt: string) =>
  invoke<WrittenImage>("use_body_image", { id, path, alt });
export const discardImage = (id: number) => invoke<void>("discard_image", { id });
/** Removes the pictures at these URLs that no post uses; gives what was removed. */
export const removeUnusedImages = (urls: string[]) => invoke<string[]>("remove_unused_images", { urls });

/** Unsaved edits kept from a session that ended without saving them. */
export interface Recovered {
  path: string;
  title: string | null;
  /** When they were kept (RFC 3339). */
  saved_at: string;
  /** The post as the author left it, and as it is on disk now (null when gone). */
  mine: string;
  disk: string | null;
}

export interface Restored {
  disk: LoadedPost;
  mine: { front_matter: Record<string, unknown>; body: string };
}

export const storeRecovery = (path: string, changes: Change[], body: string) =>
  invoke<void>("store_recovery", { path, changes, body });
export const listRecovered = () => invoke<Recovered[]>("list_recovered");
export const restoreRecovered = (path: string) => invoke<Restored>("restore_recovered", { path });
export const discardRecovered = (path: string) => invoke<void>("discard_recovered", { path });

/** What the watcher saw: site-relative paths changed or created, and removed. */
export interface DiskChanges {
  changed: string[];
  removed: string[];
}

export const onDiskChanges = (handler: (changes: DiskChanges) => void): Promise<UnlistenFn> =>
  listen<DiskChanges>("disk-changes", (event) => handler(event.payload));

export type FileState = "new" | "modified" | "unchanged" | "deleted" | "missing" | "ignored" | "outside";
export type GitBadge = "new" | "modified" | "published";

export interface ReadyFile {
  /** Site-relative. */
  path: string;
  /** Repository-relative (site-relative outside a repository). */
  repo_path: string;
  role: "post" | "cover" | "image";
  state: FileState;
  size: number | null;
}

/** Everything the "ready to commit" panel shows for a post. */
export interface ReadyView {
  /** Whether the site is in a git repository (else only export is offered). */
  repository: boolean;
  files: ReadyFile[];
  /** Problems to fix or know, worded in the UI's language. */
  problems: string[];
  other_changes: { path: string; state: FileState }[];
  /** The post against the last commit, as a unified diff. */
  diff: string;
  message: string;
}

export interface Committed {
  id: string;
  files: string[];
}

export const readyPost = (path: string) => invoke<ReadyView>("ready_post", { path });
export const commitPost = (path: string, message: string) => invoke<Committed>("commit_post", { path, message });
/** Asks where to write the zip (system dialog, opened by Rust); null when cancelled. */
export const exportPost = (path: string, title: string) =>
  invoke<{ file: string; files: string[] } | null>("export_post", { path, title });

/** Asks for a site folder; null when the author cancels. */
export async function pickFolder(title: string): Promise<string | null> {
  const chosen = await openDialog({ directory: true, multiple: false, title });
  return typeof chosen === "string" ? chosen : null;
}

/** The native window's title (the webview's document.title is not copied to it). */
export const setWindowTitle = (title: string) => getCurrentWindow().setTitle(title);

/** The window's close button was pressed: the UI asks, then calls quit(). */
export const onCloseRequested = (handler: () => void): Promise<UnlistenFn> =>
  listen("close-requested", handler);

/** Whether a thrown value is an error from the Rust side. */
export function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}
