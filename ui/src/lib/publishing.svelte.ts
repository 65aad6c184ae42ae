// The end of the job, behind the "ready to publish" panel: exactly the files
// that make the open post, their state in the site's history (git), what to
// fix first and the post's diff; then a commit of only these files ("record
// this version"), or a zip of them for someone who commits. What is listed
// is what gets recorded: the post as saved, so unsaved edits are saved
// first. While the site's check finds an error in the post, neither is
// offered (and Rust refuses both). Every refusal ends in the session's
// error banner.

import * as ipc from "./ipc";
import type { ReadyView } from "./ipc";
import { countOf, t } from "./i18n";
import { countFiles } from "./post-files";
import { session } from "./session.svelte";
import { uiLanguage } from "./ui-language.svelte";

class Publishing {
  /** Whether the author asked for the panel (it shows while a post is open). */
  asked = $state(false);
  /** What the panel lists; null while it is read. */
  view = $state.raw<ReadyView | null>(null);
  /** The commit message: Rust's suggestion, then the author's words. */
  message = $state("");
  working = $state<"commit" | "export" | null>(null);
  /** What was just done, in the UI's language. */
  done = $state<string | null>(null);
  /** The commit's id for whoever knows git, as the tooltip of `done`. */
  doneDetail = $state<string | null>(null);
  /** The repository paths of the version just recorded: the panel says so rather than "already recorded". */
  recorded = $state.raw<string[]>([]);

  /** Opens the panel; each opening starts afresh. */
  open(): void {
    this.asked = true;
    this.view = null;
    this.done = null;
    this.doneDetail = null;
    this.recorded = [];
    this.#load();
  }

  close(): void {
    this.asked = false;
  }

  async commit(): Promise<void> {
    const post = session.post;
    if (!post || this.view?.blocked || !(await this.#saved())) return;
    this.working = "commit";
    try {
      const made = await ipc.commitPost(post.path, this.message);
      const roles = (this.view?.files ?? []).filter((f) => made.files.includes(f.repo_path)).map((f) => f.role);
      this.done = t("ready.recorded", { files: countFiles(made.files.length, roles, uiLanguage.current) });
      this.doneDetail = t("ready.recordedTitle", { id: made.id.slice(0, 7) });
      this.recorded = made.files;
      await Promise.all([this.#load(), session.refreshPosts()]);
    } catch (e) {
      session.fail(e);
    } finally {
      this.working = null;
    }
  }

  async exportZip(): Promise<void> {
    const post = session.post;
    if (!post || this.view?.blocked || !(await this.#saved())) return;
    this.working = "export";
    try {
      const made = await ipc.exportPost(post.path, t("ready.exportTitle"));
      if (made) {
        const files = countOf(uiLanguage.current, made.files.length, "files.one", "files.other");
        this.done = t("ready.exported", { file: made.file, files });
      }
    } catch (e) {
      session.fail(e);
    } finally {
      this.working = null;
    }
  }

  /** Reads what the panel lists; the panel closes when there is nothing it can show. */
  async #load(): Promise<void> {
    const post = session.post;
    if (!post || !(await this.#saved())) {
      this.close();
      return;
    }
    try {
      this.view = await ipc.readyPost(post.path);
      this.message = this.view.message;
    } catch (e) {
      session.fail(e);
      this.close();
    }
  }

  /** Unsaved edits are saved first: what is committed is what the author sees. */
  async #saved(): Promise<boolean> {
    if (session.dirty) await session.save();
    return !session.dirty;
  }
}

export const publishing = new Publishing();
