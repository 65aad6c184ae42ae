// CodeMirror for writing a post: Markdown highlighting that hints at the
// result (big headings, bold, italic), undo history, search, soft wrapping,
// the browser's spell checker in the post's language, and the toolbar's
// formatting commands on the usual shortcuts.

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { drawSelection, EditorView, keymap, placeholder, type Command } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { insertLink, placeBlock, toggleLinePrefix, toggleWrap, type Edit } from "./markdown-commands";
import { t } from "./i18n";

export type FormatAction = "bold" | "italic" | "heading" | "link" | "list" | "quote";

const actions: Record<FormatAction, (doc: string, from: number, to: number) => Edit> = {
  bold: (doc, from, to) => toggleWrap(doc, from, to, "**", t("toolbar.boldText")),
  italic: (doc, from, to) => toggleWrap(doc, from, to, "*", t("toolbar.italicText")),
  heading: (doc, from, to) => toggleLinePrefix(doc, from, to, "heading", t("toolbar.headingText")),
  list: (doc, from, to) => toggleLinePrefix(doc, from, to, "list"),
  quote: (doc, from, to) => toggleLinePrefix(doc, from, to, "quote"),
  link: (doc, from, to) => insertLink(doc, from, to, t("toolbar.linkText")),
};

/** Applies a toolbar action to the main selection, as one undo step. */
export function runFormat(view: EditorView, action: FormatAction): boolean {
  const { from, to } = view.state.selection.main;
  const edit = actions[action](view.state.doc.toString(), from, to);
  view.dispatch({
    changes: { from: edit.from, to: edit.to, insert: edit.insert },
    selection: { anchor: edit.anchor, head: edit.head },
    scrollIntoView: true,
    userEvent: "input.format",
  });
  view.focus();
  return true;
}

/** Puts a block (an image) at the cursor, as a paragraph of its own, as one undo step. */
export function insertBlock(view: EditorView, block: string): void {
  const { from, to } = view.state.selection.main;
  const edit = placeBlock(view.state.sliceDoc(), from, to, block, view.state.lineBreak);
  view.dispatch({
    changes: { from: edit.from, to: edit.to, insert: edit.insert },
    selection: { anchor: edit.anchor },
    scrollIntoView: true,
    userEvent: "input.image",
  });
  view.focus();
}

/** The first file of a drop or a paste, if it carries one. */
export function fileOf(data: DataTransfer | null): File | null {
  return data?.files?.[0] ?? null;
}

/**
 * Pictures dropped or pasted into the text go to `onPicture` rather than
 * in as text. A drop first moves the cursor where the picture was let go.
 */
function pictureHandlers(onPicture: (file: File) => void): Extension {
  return EditorView.domEventHandlers({
    drop(event, view) {
      const file = fileOf(event.dataTransfer);
      if (!file) return false;
      event.preventDefault();
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
      if (pos !== null) view.dispatch({ selection: { anchor: pos } });
      onPicture(file);
      return true;
    },
    paste(event) {
      const file = fileOf(event.clipboardData);
      if (!file) return false;
      event.preventDefault();
      onPicture(file);
      return true;
    },
  });
}

const format = (action: FormatAction): Command => (view) => runFormat(view, action);

const highlight = HighlightStyle.define([
  { tag: tags.heading1, fontSize: "1.45em", fontWeight: "750", color: "#12323a" },
  { tag: tags.heading2, fontSize: "1.25em", fontWeight: "700", color: "#12323a" },
  { tag: tags.heading3, fontSize: "1.1em", fontWeight: "700", color: "#12323a" },
  { tag: [tags.heading4, tags.heading5, tags.heading6], fontWeight: "700", color: "#12323a" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: [tags.link, tags.url], color: "#1f5f6b" },
  { tag: tags.quote, color: "#55656d", fontStyle: "italic" },
  { tag: tags.monospace, fontFamily: "var(--font-mono)", fontSize: "0.92em", color: "#8a3b12" },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator], color: "#9aa8ae" },
  { tag: [tags.angleBracket, tags.tagName, tags.attributeName, tags.attributeValue], color: "#7a5c9e" },
  { tag: tags.list, color: "#1f5f6b" },
]);

const theme = EditorView.theme({
  "&": { fontSize: "16px", backgroundColor: "transparent" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-sans)", lineHeight: "1.7", overflow: "visible" },
  ".cm-content": { padding: "18px 0 40vh", caretColor: "#1f5f6b", minHeight: "24rem" },
  ".cm-line": { padding: "0 28px" },
  ".cm-placeholder": { color: "#9aa5ab", fontStyle: "italic" },
  "&.cm-focused .cm-selectionBackground, ::selection": { backgroundColor: "#cfe3e6" },
  ".cm-selectionBackground": { backgroundColor: "#e0ebed" },
  ".cm-searchMatch": { backgroundColor: "#fbe7a1", borderRadius: "2px" },
  ".cm-selectionMatch": { backgroundColor: "#eef3d8" },
  ".cm-panels": { backgroundColor: "#f6f8f9", borderColor: "#e2e7ea", fontFamily: "var(--font-sans)" },
});

/**
 * What depends on a language: the spell checker follows the post's, the
 * placeholder the interface's. Both change without rebuilding the editor.
 */
export const languageSlot = new Compartment();

export function languageExtensions(postLang: string): Extension {
  return [EditorView.contentAttributes.of({ spellcheck: "true", lang: postLang }), placeholder(t("editor.placeholder"))];
}

/**
 * `onChange` hears every change of the text; `onLayout` hears when the
 * editor's geometry changes (lines measured, wrapped, scrolled into view);
 * `onPicture` gets the pictures dropped or pasted in.
 */
export function editorExtensions(
  lang: string,
  lineSeparator: string,
  onChange: (text: string) => void,
  onLayout: () => void = () => {},
  onPicture: (file: File) => void = () => {},
): Extension[] {
  return [
    pictureHandlers(onPicture),
    history(),
    drawSelection(),
    keymap.of([
      { key: "Mod-b", run: format("bold") },
      { key: "Mod-i", run: format("italic") },
      { key: "Mod-k", run: format("link") },
      ...defaultKeymap,
      ...historyKeymap,
      ...searchKeymap,
    ]),
    markdown({ base: markdownLanguage }),
    syntaxHighlighting(highlight),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    // A CRLF post stays CRLF: the editor joins lines the way the file does.
    EditorState.lineSeparator.of(lineSeparator),
    languageSlot.of(languageExtensions(lang)),
    theme,
    EditorView.updateListener.of((update) => {
      // sliceDoc, unlike doc.toString(), joins lines with the post's own separator.
      if (update.docChanged) onChange(update.state.sliceDoc());
      if (update.geometryChanged || update.viewportChanged) onLayout();
    }),
  ];
}

/** How a post's text separates lines, so that an unedited post saves back identical. */
export function lineSeparatorOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
