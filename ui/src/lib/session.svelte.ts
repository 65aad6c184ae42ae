// What the app is working on: the open site, its posts, and the post being
// edited (its form, its text, and what they were at the last load or save).
// Components read this state and call these actions; every call to Rust
// goes through ipc.ts, and every failure ends in `error`, never a crash.
// Leaving a post without saving it always goes through `#leave`, which
// tells Rust to drop what was made for the edits left behind.

import * as ipc from "./ipc";
import type { AppInfo, Change, FieldMessage, Lang, ListedPost, LoadedPost, NewPostInput, PlannedPath, Recovered, SiteInfo } from "./ipc";
import { changedFields, formValues, leaves, withChanges, type FormValue, type FormValues } from "./form-model";
import { browserLanguage, labelText, setUiLanguage, t, type MessageKey } from "./i18n";
import { uiLanguage } from "./ui-language.svelte";
import { forgetMedia } from "./media";

/** The open post changed or vanished on disk; `compare` opens the side-by-side view at once. */
export type Conflict = { kind: "changed" | "deleted"; path: string; compare?: boolean };

/** Where a new post would be saved, or why it cannot be, in Rust's words. */
export type PostPlan = { planned: PlannedPath; problem: null } | { planned: null; problem: string };

/** What to tell the author about a failure: Rust's message (already translated), or the interface's own. */
function messageOf(e: unknown): string {
  return ipc.isIpcError(e) ? e.message : t("error.unexpected");
}

class Session {
  app = $state.raw<AppInfo | null>(null);
  /** Billet's version, asked of Tauri's own API: if the window's permissions
   * were lost, it stays empty and the end-to-end tests say so. */
  version = $state("");
  site = $state.raw<SiteInfo | null>(null);
  posts = $state.raw<ListedPost[]>([]);
  /** The post as last loaded or saved. */
  post = $state.raw<LoadedPost | null>(null);
  values = $state<FormValues>({});
  /** The form's values at the last load or save: a save sends only what differs from them. */
  baseline = $state.raw<FormValues>({});
  body = $state("");
  savedBody = $state.raw("");
  /** Bumped whenever the editor must take a new text (a load, a reload), but not on save, which keeps the cursor. */
  generation = $state(0);
  messages = $state.raw<FieldMessage[]>([]);
  error = $state<string | null>(null);
  conflict = $state.raw<Conflict | null>(null);
  /** Seen by the watcher while the author has unsaved edits: the banner offers a choice. */
  diskChange = $state.raw<Conflict | null>(null);
  /** A short, passing word about something done for the author. */
  notice = $state<string | null>(null);
  /** Unsaved edits kept from a session that ended without saving them. */
  recovered = $state.raw<Recovered[]>([]);
  /** The question on screen, if any; `answer` settles the promise that asked it. */
  question = $state.raw<Question | null>(null);
  saving = $state(false);
  savedAt = $state<Date | null>(null);

  changes: Change[] = $derived(
    this.site && this.post ? changedFields(this.site.fields, this.baseline, this.values, this.post.front_matter) : [],
  );
  dirty = $derived(this.post !== null && (this.changes.length > 0 || this.body !== this.savedBody));
  /** The language posts are written in here: the open post's, else the site's. */
  postLanguage: Lang = $derived(
    this.posts.find((p) => p.path === this.post?.path)?.language ?? this.site?.language ?? uiLanguage.current,
  );
  recentSites = $derived(this.site?.recent ?? this.app?.settings.recent_sites ?? []);

  #checkSeq = 0;
  /** The edits last kept for recovery, so that an idle timer writes nothing. */
  #kept = "";

  async start(): Promise<void> {
    ipc.appVersion().then((v) => (this.version = v)).catch(() => {});
    try {
      this.app = await ipc.appInfo();
      setUiLanguage(this.app.language);
    } catch (e) {
      setUiLanguage(browserLanguage());
      this.fail(e);
    }
    try {
      this.site = await ipc.currentSite();
      if (this.site) await this.refreshPosts();
      if (this.site) this.recovered = await ipc.listRecovered();
    } catch (e) {
      this.fail(e);
    }
  }

  /** Shows an error: Rust's message (already translated), or the interface's own. */
  fail(e: unknown): void {
    // Only an unexpected error is worth the console: Rust's are the author's to read.
    if (!ipc.isIpcError(e)) console.error(e);
    this.error = messageOf(e);
  }

  notify(key: MessageKey, params?: Record<string, string>): void {
    this.error = t(key, params);
  }

  // ---- Site and posts ------------------------------------------------------

  async pickSite(): Promise<void> {
    try {
      const root = await ipc.pickFolder(t("site.openTitle"));
      if (root) await this.openSite(root);
    } catch (e) {
      this.fail(e);
    }
  }

  async openSite(root: string): Promise<void> {
    if (!(await this.mayDiscard())) return;
    // Before the switch: the post's path means something only in its own site.
    await this.#leave();
    try {
      this.site = await ipc.openSite(root);
      forgetMedia();
      this.closePost();
      this.error = null;
      await this.refreshPosts();
    } catch (e) {
      this.fail(e);
    }
  }

  async refreshPosts(): Promise<void> {
    if (!this.site) return;
    try {
      this.posts = await ipc.listPosts();
    } catch (e) {
      this.fail(e);
    }
  }

  async openPost(path: string): Promise<void> {
    if (path === this.post?.path || !(await this.mayDiscard())) return;
    try {
      const next = await ipc.loadPost(path);
      await this.#leave();
      this.show(next);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Where a post made from `input` would be saved, asked before anything is created. */
  async planPost(input: NewPostInput): Promise<PostPlan> {
    try {
      return { planned: await ipc.planPost(input), problem: null };
    } catch (e) {
      return { planned: null, problem: messageOf(e) };
    }
  }

  /** Creates a post and opens it; the author was asked about unsaved edits before the dialog opened. */
  async createPost(input: NewPostInput): Promise<boolean> {
    try {
      const created = await ipc.createPost(input);
      await this.#leave();
      this.show(created);
      await this.refreshPosts();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  /** Takes a freshly loaded post: the form, the editor and the checks all start from it. */
  show(loaded: LoadedPost): void {
    const values = formValues(this.site?.fields ?? [], loaded.front_matter);
    this.post = loaded;
    this.baseline = values;
    this.values = structuredClone(values);
    this.body = loaded.body;
    this.savedBody = loaded.body;
    this.messages = loaded.problems;
    this.conflict = null;
    this.diskChange = null;
    this.savedAt = null;
    this.generation++;
  }

  closePost(): void {
    this.post = null;
    this.values = {};
    this.baseline = {};
    this.body = "";
    this.savedBody = "";
    this.messages = [];
    this.conflict = null;
    this.diskChange = null;
  }

  // ---- Editing ---------------------------------------------------------------

  text(key: string): string {
    const v = this.values[key];
    return typeof v === "string" ? v : "";
  }

  items(key: string): string[] {
    const v = this.values[key];
    return Array.isArray(v) ? v : [];
  }

  set(key: string, value: FormValue): void {
    this.values[key] = value;
  }

  messagesFor(key: string): string[] {
    return this.messages.filter((m) => m.field === key).map((m) => m.message);
  }

  /** The front matter the form would save, for checking it as the author types. */
  get pendingFrontMatter(): Record<string, unknown> | null {
    return this.post ? withChanges(this.post.front_matter, this.changes) : null;
  }

  /** Checks the form's values; a slower answer to an older question is dropped. */
  async check(): Promise<void> {
    const frontMatter = this.pendingFrontMatter;
    if (!frontMatter) return;
    const seq = ++this.#checkSeq;
    try {
      const messages = await ipc.checkFields(frontMatter);
      if (seq === this.#checkSeq) this.messages = messages;
    } catch (e) {
      if (seq === this.#checkSeq) this.fail(e);
    }
  }

  // ---- Saving ------------------------------------------------------------------

  async save(overwrite = false): Promise<void> {
    const post = this.post;
    if (!post || this.saving || (!this.dirty && !overwrite)) return;
    // What is sent now becomes the new baseline; typing during the save stays unsaved.
    const sentValues = $state.snapshot(this.values);
    const sentBody = this.body;
    this.saving = true;
    try {
      const saved = await ipc.savePost(post.path, this.changes, sentBody, overwrite);
      this.post = saved;
      this.baseline = sentValues;
      this.savedBody = sentBody;
      this.conflict = null;
      this.diskChange = null;
      this.savedAt = new Date();
      this.error = null;
      // Rust dropped the recovery copy, and the pictures the saved post no longer uses.
      this.#kept = "";
      await this.refreshPosts();
    } catch (e) {
      if (ipc.isIpcError(e) && e.code === "save.changed_on_disk") this.conflict = { kind: "changed", path: post.path };
      else if (ipc.isIpcError(e) && e.code === "save.deleted_on_disk") this.conflict = { kind: "deleted", path: post.path };
      else this.fail(e);
    } finally {
      this.saving = false;
    }
  }

  /** Drops the author's edits and takes the file as it is on disk now. */
  async reloadFromDisk(): Promise<void> {
    const post = this.post;
    if (!post) return;
    // Before the load: what Rust sweeps is what was written since the last one.
    await this.#leave();
    try {
      this.show(await ipc.loadPost(post.path));
      await this.refreshPosts();
    } catch (e) {
      this.fail(e);
    }
  }

  /**
   * The author leaves the open post without saving what is unsaved (edits
   * they agreed to drop, or none at all). Rust drops its recovery copy, and
   * the pictures written for it that no post uses: a cover replaced, an image
   * whose line was deleted, edits thrown away.
   *
   * It comes once what replaces the post is in hand, so that a failure
   * leaves the post as it was; it comes first only where it must: before
   * the same post is loaded again, before another site, before quitting.
   */
  async #leave(): Promise<void> {
    const post = this.post;
    if (!post) return;
    // The recovery copy is gone: the same edits, made again, must be kept again.
    this.#kept = "";
    try {
      await ipc.discardEdits(post.path);
    } catch (e) {
      // A picture left behind must not interrupt the author: the next leave sweeps it.
      console.error(e);
    }
  }

  // ---- Changes made outside Billet ---------------------------------------------

  /** The file as it is on disk now, to compare with the author's edits. */
  diskText(path: string): Promise<string> {
    return ipc.diskText(path);
  }

  /**
   * Files changed on disk (another editor, a git pull): the list is read
   * again. The open post follows at once when it has no unsaved edits, and
   * the author is asked when it has.
   */
  async onDiskChanges(changed: string[], removed: string[]): Promise<void> {
    await this.refreshPosts();
    const open = this.post?.path;
    if (!open) return;
    if (removed.includes(open)) {
      this.diskChange = { kind: "deleted", path: open };
    } else if (changed.includes(open)) {
      if (this.dirty) {
        this.diskChange = { kind: "changed", path: open };
      } else {
        await this.reloadFromDisk();
        this.notice = t("disk.reloaded");
      }
    }
  }

  // ---- Recovery of unsaved edits --------------------------------------------------

  /** Keeps the unsaved edits in the app's data folder, in case Billet stops without saving. */
  async keepRecovery(): Promise<void> {
    const post = this.post;
    if (!post || !this.dirty) return;
    // The timer fires whether or not the author typed: the same edits are not written twice.
    const key = JSON.stringify([post.path, this.changes, this.body]);
    if (key === this.#kept) return;
    try {
      await ipc.storeRecovery(post.path, this.changes, this.body);
      this.#kept = key;
    } catch (e) {
      // Losing a recovery copy must not interrupt the author; the next attempt may work.
      console.error(e);
    }
  }

  /** Opens a recovered post with the edits it had: they are unsaved again, to review and save. */
  async restore(path: string): Promise<void> {
    if (!(await this.mayDiscard())) return;
    try {
      const { disk, mine } = await ipc.restoreRecovered(path);
      await this.#leave();
      this.show(disk);
      this.values = formValues(this.site?.fields ?? [], mine.front_matter);
      this.body = mine.body;
      this.generation++;
      this.recovered = this.recovered.filter((r) => r.path !== path);
      await this.refreshPosts();
    } catch (e) {
      this.fail(e);
    }
  }

  /** The author does not want a recovered post's edits back: Rust drops them for good. */
  async discardRecovered(path: string): Promise<void> {
    try {
      await ipc.discardEdits(path);
      this.recovered = this.recovered.filter((r) => r.path !== path);
    } catch (e) {
      this.fail(e);
    }
  }

  /** The labels of the fields the author changed, for the conflict dialog. */
  changedLabels(): string[] {
    const byKey = new Map(leaves(this.site?.fields ?? []).map((l) => [l.key, l.field]));
    return this.changes.map((c) => labelText(byKey.get(c.key)?.label, uiLanguage.current, c.key));
  }

  // ---- Language and leaving ------------------------------------------------------

  async changeLanguage(lang: Lang): Promise<void> {
    setUiLanguage(lang);
    this.error = null;
    try {
      await ipc.setLanguage(lang);
    } catch (e) {
      this.fail(e);
      return;
    }
    // Rust words the list's problems and the field checks: ask again in the new language.
    await Promise.all([this.refreshPosts(), this.check()]);
  }

  /** Asks before unsaved edits are dropped; true when there are none or the author agrees. */
  async mayDiscard(kind: "discard" | "quit" = "discard"): Promise<boolean> {
    if (!this.dirty) return true;
    const title = this.text("title").trim() || this.post?.path || "";
    return new Promise((resolve) => {
      this.question = {
        title: t("confirm.title"),
        text: t(kind === "quit" ? "confirm.quit" : "confirm.discard", { title }),
        ok: t(kind === "quit" ? "confirm.quitOk" : "confirm.discardOk"),
        cancel: t("confirm.keep"),
        answer: (yes) => {
          this.question = null;
          resolve(yes);
        },
      };
    });
  }

  async requestQuit(): Promise<void> {
    if (!(await this.mayDiscard("quit"))) return;
    await this.#leave();
    try {
      await ipc.quit();
    } catch (e) {
      this.fail(e);
    }
  }

  // ---- The window ------------------------------------------------------------------

  /** Follows the window's close button and the watcher's reports; gives what stops following. */
  listen(): () => void {
    const unlisten = [
      ipc.onCloseRequested(() => this.requestQuit()),
      ipc.onDiskChanges(({ changed, removed }) => this.onDiskChanges(changed, removed)),
    ].map((p) => p.catch(() => undefined));
    return () => unlisten.forEach((p) => void p.then((stop) => stop?.()));
  }

  /** The native window's title (the webview's document.title is not copied to it). */
  setWindowTitle(title: string): void {
    ipc.setWindowTitle(title).catch(() => {});
  }
}

/** A question asked in the window itself (native dialogs are out of reach of
 * keyboard shortcuts' focus handling and of end-to-end tests). */
export interface Question {
  title: string;
  text: string;
  ok: string;
  cancel: string;
  answer: (yes: boolean) => void;
}

export const session = new Session();
