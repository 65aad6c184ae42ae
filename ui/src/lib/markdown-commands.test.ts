import { afterEach, describe, expect, it } from "vitest";
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { undo } from "@codemirror/commands";
import { insertLink, linkTarget, pasteLink, placeBlock, toggleLinePrefix, toggleWrap, type Edit } from "./markdown-commands";
import { applyLink, editorExtensions, linkRequestFor, runFormat } from "./editor-setup";
import { setUiLanguage } from "./i18n";

/** Applies an edit; the text with `[` `]` marking the selection. */
function apply(doc: string, edit: Edit): string {
  const text = doc.slice(0, edit.from) + edit.insert + doc.slice(edit.to);
  const [a, b] = [Math.min(edit.anchor, edit.head), Math.max(edit.anchor, edit.head)];
  return text.slice(0, a) + "[" + text.slice(a, b) + "]" + text.slice(b);
}

/** Runs a command on a text whose selection is marked with `[` `]`; null when the command makes no edit. */
function run(marked: string, command: (doc: string, from: number, to: number) => Edit | null): string | null {
  const from = marked.indexOf("[");
  const to = marked.indexOf("]") - 1;
  const doc = marked.replace("[", "").replace("]", "");
  const edit = command(doc, from, to);
  return edit && apply(doc, edit);
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
  const link = (address: string) => (d: string, f: number, t: number) => insertLink(d, f, t, address);

  it("links the selected text to the address given, the cursor after the link", () => {
    expect(run("voir [le site] ici", link("https://dokos.io"))).toBe("voir [le site](https://dokos.io)[] ici");
  });

  it("keeps spaces at the selection's ends outside the link", () => {
    expect(run("voir[ le site ]ici", link("https://dokos.io"))).toBe("voir [le site](https://dokos.io)[] ici");
  });

  it("takes the address itself as the text when nothing is selected", () => {
    expect(run("Écrivez à []", link("https://dokos.io/contact"))).toBe("Écrivez à [https://dokos.io/contact](https://dokos.io/contact)[]");
    expect(run("Écrivez à []", link("marie@asso.fr"))).toBe("Écrivez à [marie@asso.fr](mailto:marie@asso.fr)[]");
  });

  it("links a selected address to itself", () => {
    expect(run("[https://dokos.io]", link("https://dokos.io"))).toBe("[https://dokos.io](https://dokos.io)[]");
  });

  it("makes no link of what is no address", () => {
    expect(run("voir [le site]", link("le site de Mésange"))).toBeNull();
    expect(run("voir [le site]", link("  "))).toBeNull();
  });

  it("reads addresses as an author types them", () => {
    expect(linkTarget(" https://dokos.io/tarifs ")).toBe("https://dokos.io/tarifs");
    expect(linkTarget("http://exemple.org")).toBe("http://exemple.org");
    expect(linkTarget("mailto:marie@asso.fr")).toBe("mailto:marie@asso.fr");
    expect(linkTarget("marie@asso.fr")).toBe("mailto:marie@asso.fr");
    expect(linkTarget("www.dokos.io")).toBe("https://www.dokos.io");
    expect(linkTarget("dokos.io/tarifs?an=2026")).toBe("https://dokos.io/tarifs?an=2026");
    expect(linkTarget("/blog/2026/notre-rentree")).toBe("/blog/2026/notre-rentree");
    expect(linkTarget("tel:+33123456789")).toBe("tel:+33123456789");
    expect(linkTarget("javascript:alert(1)")).toBeNull();
    expect(linkTarget("bonjour")).toBeNull();
    expect(linkTarget("https://")).toBeNull();
  });

  it("links the selected text when a web or e-mail address is pasted over it", () => {
    const paste = (text: string) => (d: string, f: number, t: number) => pasteLink(d, f, t, text);
    expect(run("voir [le site] ici", paste("https://dokos.io\n"))).toBe("voir [le site](https://dokos.io)[] ici");
    expect(run("écrire à [Marie]", paste("mailto:marie@asso.fr"))).toBe("écrire à [Marie](mailto:marie@asso.fr)[]");
  });

  it("lets any other paste go in as usual", () => {
    const paste = (text: string) => (d: string, f: number, t: number) => pasteLink(d, f, t, text);
    expect(run("voir []", paste("https://dokos.io"))).toBeNull();
    expect(run("voir [le site]", paste("un autre texte"))).toBeNull();
    expect(run("voir [le site]", paste("dokos.io"))).toBeNull();
    expect(run("[https://old.example]", paste("https://dokos.io"))).toBeNull();
    expect(run("[un\ndeux]", paste("https://dokos.io"))).toBeNull();
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
  let asked: ReturnType<typeof linkRequestFor> | null = null;
  afterEach(() => {
    view?.destroy();
    view = null;
    asked = null;
  });

  function editor(doc: string, from: number, to = from) {
    const state = EditorState.create({
      doc,
      extensions: editorExtensions("fr", "\n", { onChange: () => {}, onLink: (v) => (asked = linkRequestFor(v)) }),
      selection: EditorSelection.single(from, to),
    });
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

  it("answers Ctrl+B, Ctrl+I, and Ctrl+K by asking for the address", () => {
    setUiLanguage("en");
    const v = editor("Hello world", 6, 11);
    const press = (key: string) =>
      v.contentDOM.dispatchEvent(new KeyboardEvent("keydown", { key, ctrlKey: true, bubbles: true, cancelable: true }));
    press("b");
    expect(v.state.doc.toString()).toBe("Hello **world**");
    press("i");
    expect(v.state.doc.toString()).toBe("Hello ***world***");
    press("k");
    expect(v.state.doc.toString()).toBe("Hello ***world***");
    expect(asked).toEqual({ from: 9, to: 14, text: "world" });
    expect(applyLink(v, asked!, "https://dokos.io")).toBe(true);
    expect(v.state.doc.toString()).toBe("Hello ***[world](https://dokos.io)***");
    undo(v);
    expect(v.state.doc.toString()).toBe("Hello ***world***");
  });

  it("makes a link of an address pasted over the selection, in one undoable step", () => {
    const v = editor("voir le site", 5, 12);
    // jsdom has no DataTransfer: what the paste handler reads of one.
    const data = { files: [], getData: (type: string) => (type === "text/plain" ? "https://dokos.io" : "") };
    const event = new Event("paste", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "clipboardData", { value: data });
    v.contentDOM.dispatchEvent(event);
    expect(v.state.doc.toString()).toBe("voir [le site](https://dokos.io)");
    undo(v);
    expect(v.state.doc.toString()).toBe("voir le site");
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
    const state = EditorState.create({ doc: "a\r\nb\r\n", extensions: editorExtensions("fr", "\r\n", { onChange: (t) => (text = t) }) });
    view = new EditorView({ state, parent: document.body });
    view.dispatch({ changes: { from: 1, insert: "!" } });
    expect(text).toBe("a!\r\nb\r\n");
    runFormat(view, "list");
    expect(text).toBe("- a!\r\nb\r\n");
  });
});
