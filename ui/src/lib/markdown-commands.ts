// The editor toolbar's commands, for authors who don't know Markdown. Each is
// a pure function from the text and the selection to one edit, so that it is
// a single undo step in the editor and easy to test on its own.

export interface Edit {
  from: number;
  to: number;
  insert: string;
  /** The selection after the edit. */
  anchor: number;
  head: number;
}

/**
 * Wraps the selection in `marker` (`**` for bold, `*` for italic), or unwraps
 * it when it is already wrapped. With nothing selected, inserts a placeholder
 * and selects it, so that typing replaces it.
 */
export function toggleWrap(doc: string, from: number, to: number, marker: string, placeholder: string): Edit {
  const before = doc.slice(0, from);
  const after = doc.slice(to);
  const selected = doc.slice(from, to);
  const m = marker.length;
  if (wrappedBy(before, after, marker)) {
    return { from: from - m, to: to + m, insert: selected, anchor: from - m, head: to - m };
  }
  if (selected.length > 2 * m && wrappedBy(selected.slice(0, m), selected.slice(-m), marker)) {
    const inner = selected.slice(m, -m);
    return { from, to, insert: inner, anchor: from, head: from + inner.length };
  }
  // Spaces inside the markers would stop Markdown from seeing them.
  const lead = /^\s*/.exec(selected)![0];
  const trail = /\s*$/.exec(selected.slice(lead.length))![0];
  const core = selected.slice(lead.length, selected.length - trail.length) || placeholder;
  const insert = lead + marker + core + marker + trail;
  const start = from + lead.length + m;
  return { from, to, insert, anchor: start, head: start + core.length };
}

/**
 * Whether text ending in `before` and starting with `after` is emphasised by
 * `marker`. Runs of stars are counted so that bold (`**`) is not mistaken
 * for italic (`*`): a run of 3 is both.
 */
function wrappedBy(before: string, after: string, marker: string): boolean {
  if (!marker.startsWith("*")) return before.endsWith(marker) && after.startsWith(marker);
  const left = /\**$/.exec(before)![0].length;
  const right = /^\**/.exec(after)![0].length;
  const has = (run: number) => (marker === "*" ? run === 1 || run === 3 : run === 2 || run === 3);
  return has(left) && has(right);
}

const LINE_PREFIXES = {
  heading: { prefix: "## ", existing: /^#{1,6}[ \t]+/ },
  list: { prefix: "- ", existing: /^(?:[-*+]|\d+[.)])[ \t]+/ },
  quote: { prefix: "> ", existing: /^>[ \t]?/ },
} as const;

export type LineKind = keyof typeof LINE_PREFIXES;

/**
 * Makes the selected lines headings, list items or quotes; when they all are
 * already, turns them back into plain lines. An empty line given a
 * `placeholder` gets it, selected.
 */
export function toggleLinePrefix(doc: string, from: number, to: number, kind: LineKind, placeholder = ""): Edit {
  const { prefix, existing } = LINE_PREFIXES[kind];
  const start = doc.lastIndexOf("\n", from - 1) + 1;
  const endBreak = doc.indexOf("\n", to > from && doc[to - 1] === "\n" ? to - 1 : to);
  const end = endBreak === -1 ? doc.length : endBreak;
  const lines = doc.slice(start, end).split("\n");
  const filled = lines.filter((l) => l.trim() !== "");
  const remove = filled.length > 0 && filled.every((l) => l.startsWith(prefix));
  const single = lines.length === 1;

  // Each line's old and new prefix lengths, to carry the selection along.
  const edited = lines.map((line) => {
    const old = existing.exec(line)?.[0].length ?? 0;
    if (line.trim() === "" && !single) return { line, old: 0, added: 0 };
    const next = remove ? "" : prefix;
    return { line: next + line.slice(old), old, added: next.length };
  });
  const insert = edited.map((e) => e.line).join("\n");

  if (single && lines[0].trim() === "" && !remove && placeholder) {
    const at = start + edited[0].line.length;
    return { from: start, to: end, insert: insert + placeholder, anchor: at, head: at + placeholder.length };
  }
  // A selection that starts at a line's start keeps the new prefix inside it;
  // otherwise positions move along with the text after the prefix.
  const map = (pos: number, isStart: boolean) => {
    let oldStart = start;
    let newStart = start;
    for (const [i, e] of edited.entries()) {
      const oldLength = lines[i].length;
      if (pos <= oldStart + oldLength || i === edited.length - 1) {
        if (isStart && pos === oldStart) return newStart;
        return newStart + e.added + Math.max(0, pos - oldStart - e.old);
      }
      oldStart += oldLength + 1;
      newStart += e.line.length + 1;
    }
    return pos;
  };
  return { from: start, to: end, insert, anchor: map(from, from < to), head: map(to, false) };
}

/** What the author can mean by an address, most specific first, and the link target it gives. */
const ADDRESS_FORMS: Array<[RegExp, (typed: string) => string]> = [
  // The web, e-mail or a phone already, or a page of the site (/blog/…, #a-heading): as it is.
  [/^(?:https?:\/\/|mailto:|tel:|\/|#)\S+$/i, (typed) => typed],
  [/^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/, (typed) => `mailto:${typed}`],
  // A bare domain (dokos.io, www.dokos.io/tarifs): the web.
  [/^[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/, (typed) => `https://${typed}`],
];

/** The link target for an address as the author typed or pasted it; null when it is none. */
export function linkTarget(typed: string): string | null {
  const address = typed.trim();
  const form = ADDRESS_FORMS.find(([pattern]) => pattern.test(address));
  return form ? form[1](address) : null;
}

/** Whether a selection is an address itself, to offer it as the link's target. */
export function looksLikeAddress(text: string): boolean {
  return /^(?:https?:\/\/|mailto:|www\.)\S+$/i.test(text.trim());
}

/**
 * Makes the selection a link to the address `typed` (see linkTarget), or
 * null when it is no address. With nothing selected, the address itself is
 * the link's text. Spaces at the selection's ends stay outside the link,
 * and the cursor lands after it, to go on writing.
 */
export function insertLink(doc: string, from: number, to: number, typed: string): Edit | null {
  const url = linkTarget(typed);
  if (!url) return null;
  const selected = doc.slice(from, to);
  const lead = /^\s*/.exec(selected)![0];
  const trail = /\s*$/.exec(selected.slice(lead.length))![0];
  const text = selected.slice(lead.length, selected.length - trail.length) || typed.trim().replace(/^mailto:/i, "");
  const insert = `${lead}[${text}](${url})${trail}`;
  const end = from + insert.length - trail.length;
  return { from, to, insert, anchor: end, head: end };
}

/**
 * A web or e-mail address pasted over selected text links that text, as
 * the link button would. Null for any other paste, which goes in as usual:
 * nothing selected, a selection over several lines or that is an address
 * itself, or pasted text that is no address.
 */
export function pasteLink(doc: string, from: number, to: number, pasted: string): Edit | null {
  const selected = doc.slice(from, to);
  const address = pasted.trim();
  if (selected.trim() === "" || selected.includes("\n") || looksLikeAddress(selected)) return null;
  if (!/^(?:https?:\/\/|mailto:)\S+$/i.test(address)) return null;
  return insertLink(doc, from, to, address);
}

/**
 * Puts a block (an image's `![alt](url)`) in place of the selection, as a
 * paragraph of its own: blank lines are added where text touches it, and the
 * cursor lands right after it.
 */
export function placeBlock(doc: string, from: number, to: number, block: string, lineBreak = "\n"): Edit {
  const before = doc.slice(0, from);
  const after = doc.slice(to);
  const gap = (text: string, atEnd: boolean) => {
    const breaks = (atEnd ? /(\r?\n)*$/ : /^(\r?\n)*/).exec(text)?.[0].split("\n").length ?? 1;
    const need = Math.max(0, 3 - breaks);
    return text.length === 0 ? "" : lineBreak.repeat(need);
  };
  const lead = gap(before, true);
  const insert = lead + block + gap(after, false);
  const end = from + lead.length + block.length;
  return { from, to, insert, anchor: end, head: end };
}
