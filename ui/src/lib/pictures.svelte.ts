// Pictures the author brings in, from the first drop to the file written:
// a cover goes through the framing view, an image for the text through the
// alt text question. The picture is sent to Rust once ("staged"); what comes
// back is a small upright overview to frame on. Every refusal ends in the
// session's error banner, worded by Rust.

import * as ipc from "./ipc";
import type { CoverPreview, Focus, StagedImage, WrittenImage } from "./ipc";
import { t } from "./i18n";
import { session } from "./session.svelte";

/** A cover being framed, for the form field `fieldKey`. */
export interface Framing {
  staged: StagedImage;
  fieldKey: string;
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

  /** Opens the framing view on a picture for the cover field `fieldKey`. */
  async cover(source: Source, fieldKey: string): Promise<void> {
    const staged = await this.#stage(source, "cover");
    if (staged) this.framing = { staged, fieldKey };
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
    if (!framing || !post) return false;
    const written = await this.#write(() => ipc.useCover(framing.staged.id, post.path, focus, zoom));
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

  /** The author changed their mind: nothing is written. */
  cancel(): void {
    const staged = this.framing?.staged ?? this.placing?.staged;
    this.framing = null;
    this.placing = null;
    if (staged) ipc.discardImage(staged.id).catch((e) => session.fail(e));
  }

  async #stage(source: Source, kind: "cover" | "body"): Promise<StagedImage | null> {
    if (this.busy || !session.post) return null;
    this.busy = kind;
    this.notes = [];
    try {
      if (source === "pick") return await ipc.pickImage(t("picture.pickTitle"));
      await ipc.checkImageSize(source.size);
      return await ipc.stageImage(await source.arrayBuffer(), source.name);
    } catch (e) {
      session.fail(e);
      return null;
    } finally {
      this.busy = null;
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
