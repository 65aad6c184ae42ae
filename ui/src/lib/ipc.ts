// The only module that calls Tauri, so the contract with the Rust shell is in
// one place. Only the stores (session, pictures, publishing, preview, media)
// call these functions; components call the stores, and may import the types.

import { Channel, invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getVersion } from "@tauri-apps/api/app";
import { open as openDialog } from "@tauri-apps/plugin-dialog";
import { getCurrentWindow } from "@tauri-apps/api/window";
// The interface's types are generated from the Rust types (bindings.ts);
// these names are the ones the rest of the interface uses.
export type {
  AppInfo, Change, CoverFormat, CoverPreview, DiskChanges, Field, FieldMessage, FileRole, FileState, Focus, Label,
  Lang, ListedPost, LoadedPost, NewPostInput, OtherChange, PlannedPath, ReadyProblem, ReadyView, Restored,
  SelectOption, Settings, SiteInfo, StagedImage, Widget, WrittenImage, Committed, ExportedZip,
  BodyPart, FieldChoice, PostConflict, SendOutcome, Sent, Settlement, Side, Step,
} from "./bindings";
import type {
  AppInfo, Badge, Change, Committed, CoverPreview, DiskChanges, ErrorReport, ExportedZip, FieldMessage, Focus, Lang,
  ListedPost, LoadedPost, NewPostInput, PlannedPath, PostConflict, PostFile, ReadyView, RecoveredPost, Restored,
  SendOutcome, Settlement, SiteInfo, StagedImage, Step, WrittenImage,
} from "./bindings";

/** Every error from Rust: a stable code, and a message already in the UI's language. */
export type IpcError = ErrorReport;
/** Unsaved edits kept from a session that ended without saving them. */
export type Recovered = RecoveredPost;
/** Where a post stands in the site's history (git): new, modified since recorded, or recorded. */
export type GitBadge = Badge;
/** One of the files that make a post, in the ready panel. */
export type ReadyFile = PostFile;

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

export const storeRecovery = (path: string, changes: Change[], body: string) =>
  invoke<void>("store_recovery", { path, changes, body });
export const listRecovered = () => invoke<Recovered[]>("list_recovered");
export const restoreRecovered = (path: string) => invoke<Restored>("restore_recovered", { path });
/**
 * The author leaves the post without saving what is unsaved: its recovery
 * copy goes, and so does every picture written for it since its load that no
 * post on disk uses. Gives the site-relative paths of the pictures removed.
 */
export const discardEdits = (path: string) => invoke<string[]>("discard_edits", { path });

export const onDiskChanges = (handler: (changes: DiskChanges) => void): Promise<UnlistenFn> =>
  listen<DiskChanges>("disk-changes", (event) => handler(event.payload));

export const readyPost = (path: string) => invoke<ReadyView>("ready_post", { path });
export const commitPost = (path: string, message: string) => invoke<Committed>("commit_post", { path, message });
/** Asks where to write the zip (system dialog, opened by Rust); null when cancelled. */
export const exportPost = (path: string, title: string) =>
  invoke<ExportedZip | null>("export_post", { path, title });

/** Records and sends the post; `onStep` hears each step as it starts. */
export const sendPost = (path: string, message: string, onStep: (step: Step) => void) =>
  invoke<SendOutcome>("send_post", { path, message, steps: stepChannel(onStep) });
/** Writes the author's choices into the post and finishes sending it. */
export const settlePost = (path: string, choices: Settlement, onStep: (step: Step) => void) =>
  invoke<SendOutcome>("settle_post", { path, choices, steps: stepChannel(onStep) });
/** The conflict a send of the post stopped on, if one is waiting. */
export const waitingConflict = (path: string) => invoke<PostConflict | null>("waiting_conflict", { path });
export const abandonSend = (path: string) => invoke<void>("abandon_send", { path });

function stepChannel(onStep: (step: Step) => void): Channel<Step> {
  const channel = new Channel<Step>();
  channel.onmessage = onStep;
  return channel;
}

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
