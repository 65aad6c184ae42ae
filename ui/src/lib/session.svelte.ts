// What the app is working on: the open site, its posts, and the post being
// edited (its form, its text, and what they were at the last load or save).
// Components read this state and call these actions; every call to Rust
// goes through ipc.ts, and every failure ends in `error`, never a crash.

import * as ipc from "./ipc";
import type { AppInfo, Change, FieldMessage, Lang, ListedPost, LoadedPost, NewPostInput, Recovered, SiteInfo } from "./ipc";
import { changedFields, formValues, leaves, withChanges, type FormValue, type FormValues } from "./form-model";
import { browserLanguage, labelText, setUiLanguage, t, type MessageKey } from "./i18n";
import { uiLanguage } from "./ui-language.svelte";
import { forgetMedia } from "./media";

/** The open post changed or vanished on disk; `compare` opens the side-by-side view at once. */
export type Conflict = { kind: "changed" | "deleted"; path: string; compare?: boolean };

class Session {
  app = $state.raw<AppInfo | null>(null);
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
  /** Pictures written for the open post since its last save or load. */
  #written: string[] = [];
  /** The edits last kept for recovery, so that an idle timer writes nothing. */
  #kept = "";

  async start(): Promise<void> {
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
    if (ipc.isIpcError(e)) this.error = e.message;
    else {
      console.error(e);
      this.error = t("error.unexpected");
    }
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
      this.show(await ipc.loadPost(path));
    } catch (e) {
      this.fail(e);
    }
  }

  async createPost(input: NewPostInput): Promise<boolean> {
    try {
      this.show(await ipc.createPost(input));
      await this.refreshPosts();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  /** Takes a freshly loaded post: the form, the editor and the checks all start from it. */
  show(loaded: LoadedPost): void {
    this.endEdits();
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
    this.endEdits();
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
      this.endEdits();
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
    if (!this.post) return;
    try {
      this.show(await ipc.loadPost(this.post.path));
      await this.refreshPosts();
    } catch (e) {
      this.fail(e);
    }
  }

  // ---- Pictures written for the post ------------------------------------------

  /** A picture was written into the site for the open post (a cover, an image of the text). */
  noteWritten(url: string): void {
    this.#written.push(url);
  }

  /**
   * Once the post is saved or its edits dropped (its recovery copy goes
   * too), pictures written for it that no post uses go: a cover replaced before saving, an image whose
   * line was deleted, edits the author threw away.
   */
  endEdits(): void {
    // Saved or dropped, the post has no recovery copy any more.
    this.#kept = "";
    const urls = this.#written;
    this.#written = [];
    if (urls.length > 0) ipc.removeUnusedImages(urls).catch((e) => console.error(e));
  }

  // ---- Changes made outside Billet ---------------------------------------------

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

  async discardRecovered(path: string): Promise<void> {
    try {
      await ipc.discardRecovered(path);
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
          // Edits the author chose to drop are not offered again at the next start.
          if (yes && this.post) ipc.discardRecovered(this.post.path).catch(() => {});
          resolve(yes);
        },
      };
    });
  }

  async requestQuit(): Promise<void> {
    if (!(await this.mayDiscard("quit"))) return;
    try {
      await ipc.quit();
    } catch (e) {
      this.fail(e);
    }
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
