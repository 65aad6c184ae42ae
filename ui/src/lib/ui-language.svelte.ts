import type { Lang } from "./ipc";

/** The interface's language. Every t() reads it, so a switch re-renders every label. */
export const uiLanguage = $state<{ current: Lang }>({ current: "fr" });
