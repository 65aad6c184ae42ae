// The end of the job, behind the "ready to publish" panel: exactly the files
// that make the open post, their state in the site's history (git), what to
// fix first and the post's diff; then a commit of only these files ("record
// this version"), or a zip of them for someone who commits. What is listed
// is what gets recorded: the post as saved, so unsaved edits are saved
// first. While the site's check finds an error in the post, neither is
// offered (and Rust refuses both). Every refusal ends in the session's
// error banner.
//
// « Envoyer » records and sends in one go (Rust does the chain: check,
// record, bring in the site's news, add the post on top, send); each step
// is listed as it starts. When someone else changed the same post, the
// choices come back here, field by field and paragraph by paragraph, and
// the author's picks finish the send.

import * as ipc from "./ipc";
import type { PostConflict, ReadyView, SendOutcome, Sent, Side, Step } from "./ipc";
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
  working = $state<"commit" | "export" | "send" | null>(null);
  /** The steps of the send under way (or just ended), in order. */
  steps = $state<Step[]>([]);
  /** Where the post went, after a send. */
  sent = $state.raw<Sent | null>(null);
  /** The post someone else changed too, while the author chooses. */
  conflict = $state.raw<PostConflict | null>(null);
  /** The author's choices: one per field and one per part of the body. */
  fieldChoices = $state<Side[]>([]);
  bodyChoices = $state<Side[]>([]);
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
    this.steps = [];
    this.sent = null;
    this.#showConflict(null);
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

  /** Records the post's changes with the message, and sends it to the site. */
  async send(): Promise<void> {
    const post = session.post;
    if (!post || this.view?.blocked || !(await this.#saved())) return;
    await this.#sending(() => ipc.sendPost(post.path, this.message, (step) => this.steps.push(step)));
  }

  /** Finishes the send stopped on a conflict, with the author's choices. */
  async settle(): Promise<void> {
    const post = session.post;
    if (!post || !this.conflict) return;
    const choices = { fields: [...this.fieldChoices], body: [...this.bodyChoices] };
    await this.#sending(() => ipc.settlePost(post.path, choices, (step) => this.steps.push(step)));
  }

  /** Opens the page where the author asks for the review, in the browser. */
  openReview(): void {
    const link = this.sent?.review_link;
    if (link) ipc.openLink(link).catch((e) => session.fail(e));
  }

  /** Gives up the send stopped on a conflict: the post stays recorded. */
  async abandon(): Promise<void> {
    const post = session.post;
    if (!post) return;
    try {
      await ipc.abandonSend(post.path);
      this.#showConflict(null);
      this.done = t("settle.abandoned");
      await Promise.all([this.#load(), session.refreshPosts()]);
    } catch (e) {
      session.fail(e);
    }
  }

  async #sending(send: () => Promise<SendOutcome>): Promise<void> {
    this.working = "send";
    this.steps = [];
    this.sent = null;
    this.done = null;
    try {
      const outcome = await send();
      if (outcome.kind === "conflict") {
        this.#showConflict(outcome);
      } else {
        this.#showConflict(null);
        this.sent = outcome;
        this.done = t(outcome.review ? "send.sentReview" : "send.sent", { remote: outcome.remote });
        this.doneDetail = t("send.sentTitle", { branch: outcome.branch, url: outcome.url, id: outcome.commit.slice(0, 7) });
        this.recorded = outcome.recorded?.files ?? [];
      }
      await Promise.all([this.#load(), session.refreshPosts()]);
    } catch (e) {
      session.fail(e);
      await Promise.all([this.#load(), session.refreshPosts()]);
    } finally {
      this.working = null;
    }
  }

  #showConflict(conflict: PostConflict | null): void {
    this.conflict = conflict;
    this.fieldChoices = conflict?.fields.map((f) => f.suggested) ?? [];
    this.bodyChoices = conflict?.body.map((p) => p.suggested) ?? [];
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
      // A send stopped on a conflict (before a restart, say) waits for its choices.
      if (!this.conflict) {
        const waiting = await ipc.waitingConflict(post.path);
        if (waiting) this.#showConflict(waiting);
      }
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
