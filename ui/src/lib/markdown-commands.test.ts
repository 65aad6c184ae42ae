import { afterEach, describe, expect, it } from "vitest";
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { undo } from "@codemirror/commands";
import { insertLink, placeBlock, toggleLinePrefix, toggleWrap, type Edit } from "./markdown-commands";
import { editorExtensions, runFormat } from "./editor-setup";
import { setUiLanguage } from "./i18n";

/** Applies an edit; the text with `[` `]` marking the selection. */
function apply(doc: string, edit: Edit): string {
  const text = doc.slice(0, edit.from) + edit.insert + doc.slice(edit.to);
  const [a, b] = [Math.min(edit.anchor, edit.head), Math.max(edit.anchor, edit.head)];
  return text.slice(0, a) + "[" + text.slice(a, b) + "]" + text.slice(b);
}

/** Runs a command on a text whose selection is marked with `[` `]`. */
function run(marked: string, command: (doc: string, from: number, to: number) => Edit): string {
  const from = marked.indexOf("[");
  const to = marked.indexOf("]") - 1;
  const doc = marked.replace("[", "").replace("]", "");
  return apply(doc, command(doc, from, to));
}

describe("toggleWrap", () => {
  const bold = (d: string, f: number, t: number) => toggleWrap(d, f, t, "**", "bold text");
  const italic = (d: string, f: number, t: number) => toggleWrap(d, f, t, "*", "italic text");

  it("wraps the selection in bold and keeps it selected", () => {
    expect(run("a [word] b", bold)).toBe("a **[word]** b");
  });

  it("unwraps when the selection is already bold, inside or outside the markers", () => {
    expect(run("a **[word]** b", bold)).toBe("a [word] b");
    expect(run("a [**word**] b", bold)).toBe("a [word] b");
  });

  it("inserts a selected placeholder when nothing is selected", () => {
    expect(run("a [] b", bold)).toBe("a **[bold text]** b");
  });

  it("keeps spaces outside the markers", () => {
    expect(run("a[ word ]b", bold)).toBe("a **[word]** b");
  });

  it("does not take bold for italic, nor italic for bold", () => {
    expect(run("**[word]**", italic)).toBe("***[word]***");
    expect(run("*[word]*", bold)).toBe("***[word]***");
    expect(run("***[word]***", italic)).toBe("**[word]**");
  });
});

describe("toggleLinePrefix", () => {
  it("makes the cursor's line a heading, and back", () => {
    expect(run("Intro\nQuand [] et où\nFin", (d, f, t) => toggleLinePrefix(d, f, t, "heading"))).toBe(
      "Intro\n## Quand [] et où\nFin",
    );
    expect(run("## Quand [] et où", (d, f, t) => toggleLinePrefix(d, f, t, "heading"))).toBe("Quand [] et où");
  });

  it("turns another heading level into a section heading", () => {
    expect(run("### Ti[]tre", (d, f, t) => toggleLinePrefix(d, f, t, "heading"))).toBe("## Ti[]tre");
  });

  it("gives an empty line a selected placeholder heading", () => {
    expect(run("a\n[]\nb", (d, f, t) => toggleLinePrefix(d, f, t, "heading", "Heading"))).toBe("a\n## [Heading]\nb");
  });

  it("makes every selected line a list item, skipping blank lines", () => {
    expect(run("[un\n\ndeux]", (d, f, t) => toggleLinePrefix(d, f, t, "list"))).toBe("[- un\n\n- deux]");
    expect(run("[- un\n- deux]", (d, f, t) => toggleLinePrefix(d, f, t, "list"))).toBe("[un\ndeux]");
  });

  it("replaces a numbered item with a bullet", () => {
    expect(run("1. [un]", (d, f, t) => toggleLinePrefix(d, f, t, "list"))).toBe("- [un]");
  });

  it("quotes the lines of a selection that ends at the start of the next line", () => {
    expect(run("[a\nb\n]c", (d, f, t) => toggleLinePrefix(d, f, t, "quote"))).toBe("[> a\n> b\n]c");
  });
});

describe("links and images", () => {
  it("links the selected text and selects the address to type", () => {
    expect(run("voir [le site] ici", (d, f, t) => insertLink(d, f, t, "link text"))).toBe("voir [le site]([https://]) ici");
  });

  it("takes a selected address as the target and selects the text", () => {
    expect(run("[https://dokos.io]", (d, f, t) => insertLink(d, f, t, "link text"))).toBe("[[link text]](https://dokos.io)");
  });

  it("places an image as a paragraph of its own", () => {
    const img = "![Le port](/blog/a.jpg)";
    expect(run("[]", (d, f, t) => placeBlock(d, f, t, img))).toBe(img + "[]");
    expect(run("Avant[]", (d, f, t) => placeBlock(d, f, t, img))).toBe("Avant\n\n" + img + "[]");
    expect(run("Avant\n[]Après", (d, f, t) => placeBlock(d, f, t, img))).toBe("Avant\n\n" + img + "[]\n\nAprès");
    expect(run("Avant\n\n[mot]\n\nAprès", (d, f, t) => placeBlock(d, f, t, img))).toBe("Avant\n\n" + img + "[]\n\nAprès");
    expect(run("A[]", (d, f, t) => placeBlock(d, f, t, img, "\r\n"))).toBe("A\r\n\r\n" + img + "[]");
  });
});

describe("in a real editor", () => {
  let view: EditorView | null = null;
  afterEach(() => {
    view?.destroy();
    view = null;
  });

  function editor(doc: string, from: number, to = from) {
    const state = EditorState.create({ doc, extensions: editorExtensions("fr", "\n", () => {}), selection: EditorSelection.single(from, to) });
    view = new EditorView({ state, parent: document.body });
    return view;
  }

  it("bolds the selection in one undoable step", () => {
    setUiLanguage("en");
    const v = editor("Hello world", 6, 11);
    runFormat(v, "bold");
    expect(v.state.doc.toString()).toBe("Hello **world**");
    undo(v);
    expect(v.state.doc.toString()).toBe("Hello world");
  });

  it("answers Ctrl+B, Ctrl+I and Ctrl+K", () => {
    setUiLanguage("en");
    const v = editor("Hello world", 6, 11);
    const press = (key: string) =>
      v.contentDOM.dispatchEvent(new KeyboardEvent("keydown", { key, ctrlKey: true, bubbles: true, cancelable: true }));
    press("b");
    expect(v.state.doc.toString()).toBe("Hello **world**");
    press("i");
    expect(v.state.doc.toString()).toBe("Hello ***world***");
    press("k");
    expect(v.state.doc.toString()).toBe("Hello ***[world](https://)***");
    expect(v.state.sliceDoc(v.state.selection.main.from, v.state.selection.main.to)).toBe("https://");
  });

  it("turns the cursor's line into a heading with the interface's placeholder", () => {
    setUiLanguage("fr");
    const v = editor("a\n\nb", 2);
    runFormat(v, "heading");
    expect(v.state.doc.toString()).toBe("a\n## Intertitre\nb");
  });

  it("asks the browser to check spelling in the post's language", () => {
    const v = editor("", 0);
    expect(v.contentDOM.getAttribute("spellcheck")).toBe("true");
    expect(v.contentDOM.getAttribute("lang")).toBe("fr");
  });

  it("hands back a CRLF post with its CRLF line endings", () => {
    let text = "";
    const state = EditorState.create({ doc: "a\r\nb\r\n", extensions: editorExtensions("fr", "\r\n", (t) => (text = t)) });
    view = new EditorView({ state, parent: document.body });
    view.dispatch({ changes: { from: 1, insert: "!" } });
    expect(text).toBe("a!\r\nb\r\n");
    runFormat(view, "list");
    expect(text).toBe("- a!\r\nb\r\n");
  });
});
