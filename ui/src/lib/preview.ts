// What the preview asks of Rust: the post's text rendered as the site will
// show it (sanitized there), and the links the author clicks in it. The
// scheduling of renders and the patching of the frame stay in Preview.svelte.

import * as ipc from "./ipc";
import { openableHref } from "./preview-document";
import { session } from "./session.svelte";

class Preview {
  /** The text as the site's HTML; throws Rust's refusal, for the caller to report. */
  render(body: string): Promise<string> {
    return ipc.renderPreview(body);
  }

  /** A link clicked in the preview: web and email links open outside; a page of the site cannot, and the author is told. */
  follow(href: string | null): void {
    const url = openableHref(href);
    if (url) ipc.openLink(url).catch((e) => session.fail(e));
    else if (href && !href.startsWith("#")) session.notify("preview.internalLink", { href });
  }
}

export const preview = new Preview();
