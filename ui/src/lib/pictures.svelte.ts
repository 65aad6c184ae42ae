// Pictures the author brings in, from the first drop to the file written:
// a cover goes through the framing view, an image for the text through the
// alt text question. The picture is sent to Rust once ("staged"); what comes
// back is a small upright overview to frame on. A cover dropped or pasted
// opens the framing view at once, with the work's progress over it, so that
// the author sees their drop taken while Rust prepares the picture. Every
// refusal ends in the session's error banner, worded by Rust.

import * as ipc from "./ipc";
import type { CoverPreview, Focus, StagedImage, WrittenImage } from "./ipc";
import { t } from "./i18n";
import { session } from "./session.svelte";

/**
 * A cover being framed, for the form field `fieldKey`. `staged` is null while
 * the picture is still read (`step` "reading") and prepared by Rust
 * ("preparing"); `name` and `bytes` say what is coming meanwhile.
 */
export interface Framing {
  staged: StagedImage | null;
  fieldKey: string;
  name: string;
  bytes: number | null;
  step: "reading" | "preparing";
}

/** An image for the text, waiting for its alt text; `insert` puts its Markdown at the cursor. */
export interface Placing {
  staged: StagedImage;
  insert: (markdown: string) => void;
}

/** Where a picture comes from: a file dropped or pasted, or the system's picker. */
export type Source = File | "pick";

class Pictures {
  /** What is being prepared, for the progress indication. */
  busy = $state<"cover" | "body" | null>(null);
  framing = $state.raw<Framing | null>(null);
  placing = $state.raw<Placing | null>(null);
  /** Written but worth a word (enlarged, heavier than the site wants). */
  notes = $state.raw<string[]>([]);

  /**
   * Opens the framing view on a picture for the cover field `fieldKey`: at
   * once for a file dropped or pasted, showing the progress while Rust
   * prepares it; once chosen for the system's picker (a picker left without
   * a choice opens nothing).
   */
  async cover(source: Source, fieldKey: string): Promise<void> {
    if (this.busy || !session.post) return;
    let shown: Framing | null =
      source === "pick" ? null : { staged: null, fieldKey, name: source.name, bytes: source.size, step: "reading" };
    this.framing = shown;
    const staged = await this.#stage(source, "cover", () => {
      if (shown && this.framing === shown) this.framing = shown = { ...shown, step: "preparing" };
    });
    // Given up meanwhile (Cancel, Escape): #stage has let the picture go.
    if (this.framing !== shown) return;
    this.framing = staged ? { staged, fieldKey, name: staged.name, bytes: shown?.bytes ?? null, step: "preparing" } : null;
  }

  /** Asks for the alt text of a picture for the text, then places it with `insert`. */
  async bodyImage(source: Source, insert: (markdown: string) => void): Promise<void> {
    const staged = await this.#stage(source, "body");
    if (staged) this.placing = { staged, insert };
  }

  /** The cover as `useCover` would write it, to show before anything is written; throws Rust's refusal. */
  previewCover(id: number, focus: Focus, zoom: number): Promise<CoverPreview> {
    return ipc.previewCover(id, focus, zoom);
  }

  /** Writes the framed cover and puts its address in the field. */
  async useCover(focus: Focus, zoom: number): Promise<boolean> {
    const framing = this.framing;
    const post = session.post;
    const staged = framing?.staged;
    if (!framing || !staged || !post) return false;
    const written = await this.#write(() => ipc.useCover(staged.id, post.path, focus, zoom));
    if (!written) return false;
    session.set(framing.fieldKey, written.url);
    this.framing = null;
    return true;
  }

  async placeBodyImage(alt: string): Promise<boolean> {
    const placing = this.placing;
    const post = session.post;
    if (!placing || !post) return false;
    const written = await this.#write(() => ipc.useBodyImage(placing.staged.id, post.path, alt));
    if (!written?.markdown) return false;
    placing.insert(written.markdown);
    this.placing = null;
    return true;
  }

  /** The author changed their mind: nothing is written, even for a picture still being prepared. */
  cancel(): void {
    const staged = this.framing?.staged ?? this.placing?.staged;
    if (this.framing && !this.framing.staged) {
      // What is on its way is let go when it arrives; another picture may come meanwhile.
      this.#ticket++;
      this.busy = null;
    }
    this.framing = null;
    this.placing = null;
    if (staged) ipc.discardImage(staged.id).catch((e) => session.fail(e));
  }

  /** Each picture staged gets a ticket; a cancel moves the counter on, so a late answer is recognised. */
  #ticket = 0;

  /** Sends the picture to Rust; `sent` is called once its bytes are read and on their way. */
  async #stage(source: Source, kind: "cover" | "body", sent?: () => void): Promise<StagedImage | null> {
    if (this.busy || !session.post) return null;
    const ticket = ++this.#ticket;
    this.busy = kind;
    this.notes = [];
    try {
      let staged: StagedImage | null;
      if (source === "pick") staged = await ipc.pickImage(t("picture.pickTitle"));
      else {
        await ipc.checkImageSize(source.size);
        const bytes = await source.arrayBuffer();
        if (ticket === this.#ticket) sent?.();
        staged = await ipc.stageImage(bytes, source.name);
      }
      if (staged && ticket !== this.#ticket) {
        ipc.discardImage(staged.id).catch((e) => session.fail(e));
        return null;
      }
      return staged;
    } catch (e) {
      if (ticket === this.#ticket) session.fail(e);
      return null;
    } finally {
      if (ticket === this.#ticket) this.busy = null;
    }
  }

  async #write(write: () => Promise<WrittenImage>): Promise<WrittenImage | null> {
    try {
      // Rust keeps track of what it wrote for the post, and removes what ends up unused.
      const written = await write();
      this.notes = written.warnings;
      session.error = null;
      return written;
    } catch (e) {
      session.fail(e);
      return null;
    }
  }
}

export const pictures = new Pictures();
