/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vitest/config" />

import type { EditorView } from "@codemirror/view";

declare global {
  interface Window {
    /** For end-to-end tests: the editor, so they can read or set its text directly. */
    __billet?: { editorView: EditorView };
  }
}
