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
import { insertLink, pasteLink, placeBlock, toggleLinePrefix, toggleWrap, type Edit } from "./markdown-commands";
import { t } from "./i18n";

export type FormatAction = "bold" | "italic" | "heading" | "list" | "quote";

const actions: Record<FormatAction, (doc: string, from: number, to: number) => Edit> = {
  bold: (doc, from, to) => toggleWrap(doc, from, to, "**", t("toolbar.boldText")),
  italic: (doc, from, to) => toggleWrap(doc, from, to, "*", t("toolbar.italicText")),
  heading: (doc, from, to) => toggleLinePrefix(doc, from, to, "heading", t("toolbar.headingText")),
  list: (doc, from, to) => toggleLinePrefix(doc, from, to, "list"),
  quote: (doc, from, to) => toggleLinePrefix(doc, from, to, "quote"),
};

/** Makes an edit in the editor, as one undo step, and gives it the focus back. */
function applyEdit(view: EditorView, edit: Edit, userEvent: string): void {
  view.dispatch({
    changes: { from: edit.from, to: edit.to, insert: edit.insert },
    selection: { anchor: edit.anchor, head: edit.head },
    scrollIntoView: true,
    userEvent,
  });
  view.focus();
}

/** Applies a toolbar action to the main selection, as one undo step. */
export function runFormat(view: EditorView, action: FormatAction): boolean {
  const { from, to } = view.state.selection.main;
  applyEdit(view, actions[action](view.state.doc.toString(), from, to), "input.format");
  return true;
}

/** A link the author is asked the address of: the selection it goes on, when the question was asked. */
export interface LinkRequest {
  from: number;
  to: number;
  /** The selected text, which becomes the link's text. */
  text: string;
}

export function linkRequestFor(view: EditorView): LinkRequest {
  const { from, to } = view.state.selection.main;
  return { from, to, text: view.state.sliceDoc(from, to) };
}

/**
 * Makes the asked-for selection a link to `address`, as one undo step;
 * false when `address` is no address. The dialog held the focus meanwhile,
 * so the text is as it was when asked.
 */
export function applyLink(view: EditorView, request: LinkRequest, address: string): boolean {
  const edit = insertLink(view.state.sliceDoc(), request.from, request.to, address);
  if (edit) applyEdit(view, edit, "input.link");
  return edit !== null;
}

/** Puts a block (an image) at the cursor, as a paragraph of its own, as one undo step. */
export function insertBlock(view: EditorView, block: string): void {
  const { from, to } = view.state.selection.main;
  applyEdit(view, placeBlock(view.state.sliceDoc(), from, to, block, view.state.lineBreak), "input.image");
}

/** The first file of a drop or a paste, if it carries one. */
export function fileOf(data: DataTransfer | null): File | null {
  return data?.files?.[0] ?? null;
}

/**
 * Pictures dropped or pasted into the text go to `onPicture` rather than
 * in as text. A drop first moves the cursor where the picture was let go.
 * An address pasted over selected text makes it a link.
 */
function dropAndPasteHandlers(onPicture: (file: File) => void): Extension {
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
    paste(event, view) {
      const file = fileOf(event.clipboardData);
      if (file) {
        event.preventDefault();
        onPicture(file);
        return true;
      }
      const { from, to } = view.state.selection.main;
      const link = pasteLink(view.state.sliceDoc(), from, to, event.clipboardData?.getData("text/plain") ?? "");
      if (!link) return false;
      event.preventDefault();
      applyEdit(view, link, "input.paste");
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

/** What the editor tells the page around it. */
export interface EditorHooks {
  /** Every change of the text. */
  onChange: (text: string) => void;
  /** The editor's geometry changed (lines measured, wrapped, scrolled into view). */
  onLayout?: () => void;
  /** A picture was dropped or pasted in. */
  onPicture?: (file: File) => void;
  /** The author asked for a link (Ctrl+K): the address is asked in the page. */
  onLink?: (view: EditorView) => void;
}

export function editorExtensions(
  lang: string,
  lineSeparator: string,
  { onChange, onLayout = () => {}, onPicture = () => {}, onLink = () => {} }: EditorHooks,
): Extension[] {
  return [
    dropAndPasteHandlers(onPicture),
    history(),
    drawSelection(),
    keymap.of([
      { key: "Mod-b", run: format("bold") },
      { key: "Mod-i", run: format("italic") },
      {
        key: "Mod-k",
        run: (view) => {
          onLink(view);
          return true;
        },
      },
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
