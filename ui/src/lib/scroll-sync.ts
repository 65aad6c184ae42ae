// Keeps the preview in step with the editor. Headings are landmarks found on
// both sides (by their text, so raw HTML or MDC blocks in between cannot
// shift the pairing); between two landmarks the preview scrolls in proportion.

import type { EditorView } from "@codemirror/view";

export interface Anchor {
  /** A scroll position of the editor's pane. */
  source: number;
  /** The preview's scroll position that matches it. */
  target: number;
}

/** Piecewise-linear interpolation over anchors sorted by `source`. */
export function interpolate(anchors: Anchor[], x: number): number {
  if (anchors.length === 0) return 0;
  if (x <= anchors[0].source) return anchors[0].target;
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1];
    const b = anchors[i];
    if (x <= b.source) {
      const span = b.source - a.source;
      return span <= 0 ? b.target : a.target + ((x - a.source) / span) * (b.target - a.target);
    }
  }
  return anchors[anchors.length - 1].target;
}

/** Keeps only anchors that move forward on both sides, so the mapping never runs backwards. */
export function monotonic(anchors: Anchor[]): Anchor[] {
  const kept: Anchor[] = [];
  for (const a of anchors) {
    const last = kept[kept.length - 1];
    if (!last || (a.source > last.source && a.target >= last.target)) kept.push(a);
  }
  return kept;
}

/** A heading's text without its Markdown, for comparing it with the rendered one. */
export function headingKey(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`~\\]|<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export interface SourceHeading {
  /** 1-based line number. */
  line: number;
  text: string;
}

/** The ATX headings (`## Title`) of a Markdown text, skipping fenced code. */
export function markdownHeadings(text: string): SourceHeading[] {
  const found: SourceHeading[] = [];
  let fence: string | null = null;
  text.split(/\r?\n/).forEach((line, i) => {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length) fence = null;
      return;
    }
    if (opening) {
      fence = opening[1];
      return;
    }
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading) found.push({ line: i + 1, text: heading[1] });
  });
  return found;
}

/**
 * Pairs source headings with rendered ones of the same text, in order. A
 * heading found on one side only is skipped, and the search for its partner
 * looks only a few headings ahead so one mismatch cannot swallow the rest.
 */
export function matchHeadings(source: string[], rendered: string[], lookahead = 4): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const renderedKeys = rendered.map(headingKey);
  let j = 0;
  for (const [i, text] of source.entries()) {
    const key = headingKey(text);
    const limit = Math.min(renderedKeys.length, j + lookahead);
    for (let k = j; k < limit; k++) {
      if (renderedKeys[k] === key) {
        pairs.push([i, k]);
        j = k + 1;
        break;
      }
    }
  }
  return pairs;
}

/**
 * Where the preview should scroll to match the editor pane. The pane holds
 * the form, then the editor: the form maps onto the preview's header, the
 * text onto the post's body, heading by heading.
 */
function previewScrollFor(pane: HTMLElement, view: EditorView, preview: Document): number | null {
  const scroller = preview.scrollingElement;
  const body = preview.querySelector<HTMLElement>(".post-body");
  if (!scroller || !body) return null;
  const top = (el: Element) => el.getBoundingClientRect().top + scroller.scrollTop;
  const docTop = view.documentTop - pane.getBoundingClientRect().top + pane.scrollTop;

  const sourceHeadings = markdownHeadings(view.state.doc.toString());
  const renderedHeadings = [...body.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  const pairs = matchHeadings(
    sourceHeadings.map((h) => h.text),
    renderedHeadings.map((h) => h.textContent ?? ""),
  );
  const anchors: Anchor[] = [
    { source: 0, target: 0 },
    { source: docTop, target: top(body) },
    ...pairs.map(([i, k]) => {
      const line = view.state.doc.line(Math.min(sourceHeadings[i].line, view.state.doc.lines));
      return { source: docTop + view.lineBlockAt(line.from).top, target: top(renderedHeadings[k]) };
    }),
    {
      source: Math.max(0, pane.scrollHeight - pane.clientHeight),
      target: Math.max(0, scroller.scrollHeight - scroller.clientHeight),
    },
  ];
  return interpolate(monotonic(anchors), pane.scrollTop);
}

const measureKey = {};

/**
 * Scrolls the preview to match the pane, once per frame at most. It reads
 * the layout in CodeMirror's own measure phase, after the editor has
 * measured the lines it just drew: heights read earlier are estimates.
 */
export function syncPreview(pane: HTMLElement, view: EditorView, preview: Document): void {
  view.requestMeasure({
    key: measureKey,
    read: () => previewScrollFor(pane, view, preview),
    write: (top) => {
      if (top !== null && preview.scrollingElement) preview.scrollingElement.scrollTop = top;
    },
  });
}
