// The preview's document: a skeleton written once into the sandboxed iframe,
// and the post's page built from the form and the rendered body, which the
// Preview component then patches in.

import previewCss from "./preview.css?raw";

export interface PreviewHeader {
  title: string;
  badge: string;
  author: string;
  /** Already formatted for the post's language. */
  date: string | null;
  description: string;
  /** A URL the webview can load, or null when there is no cover to show. */
  cover: string | null;
  placeholders: { title: string; noCover: string };
}

/** The iframe's initial document: the preview's stylesheet, then the site's own when it has one. */
export function previewSkeleton(lang: string, stylesheet: string | null): string {
  const link = stylesheet ? `<link rel="stylesheet" href="${escapeAttribute(stylesheet)}">` : "";
  return `<!doctype html><html lang="${escapeAttribute(lang)}"><head><meta charset="utf-8"><style>${previewCss}</style>${link}</head><body></body></html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * The post's page as a detached <body>. It is parsed in an inert document
 * (DOMParser): nothing in it loads or runs before it is patched into the
 * sandboxed iframe.
 */
export function buildPreviewBody(header: PreviewHeader, bodyHtml: string): HTMLElement {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><body><article class="post"><header class="post-header"></header><div class="post-body">${bodyHtml}</div></article></body>`,
    "text/html",
  );
  fillHeader(doc, doc.querySelector(".post-header")!, header);
  neutralizeLinks(doc.querySelector(".post-body")!);
  return doc.body;
}

function fillHeader(doc: Document, into: Element, h: PreviewHeader): void {
  const el = (tag: string, className: string, text?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const cover = el("div", "post-cover");
  if (h.cover) {
    const img = doc.createElement("img");
    img.src = h.cover;
    img.alt = "";
    cover.append(img);
  } else {
    cover.classList.add("post-cover-empty");
    cover.append(el("span", "", h.placeholders.noCover));
  }
  into.append(cover);
  if (h.badge.trim()) into.append(el("span", "post-badge", h.badge));
  const title = el("h1", "post-title", h.title.trim() || h.placeholders.title);
  if (!h.title.trim()) title.classList.add("placeholder");
  into.append(title);
  const meta = [h.author.trim(), h.date].filter(Boolean).join(" · ");
  if (meta) into.append(el("p", "post-meta", meta));
  if (h.description.trim()) into.append(el("p", "post-description", h.description));
}

/**
 * Links in the preview must never navigate it, so they lose their address
 * (kept in `data-href`, and in the title so hovering shows it). A click is
 * caught by the Preview's listener where the engine runs it; WebKit runs no
 * listener of the parent inside a sandbox without scripts, so each link also
 * wraps its content in a label for a hidden checkbox: a click ticks it,
 * with no script and no navigation, and the Preview watches for ticks.
 */
export function neutralizeLinks(root: Element): void {
  const doc = root.ownerDocument;
  root.querySelectorAll("a[href]").forEach((a) => {
    const href = a.getAttribute("href")!;
    a.setAttribute("data-href", href);
    a.removeAttribute("href");
    a.removeAttribute("target");
    if (!a.hasAttribute("title")) a.setAttribute("title", href);
    const label = doc.createElement("label");
    label.className = "link-target";
    const probe = doc.createElement("input");
    probe.type = "checkbox";
    probe.className = "link-probe";
    probe.tabIndex = -1;
    probe.setAttribute("aria-hidden", "true");
    label.append(probe, ...a.childNodes);
    a.append(label);
  });
}

/** The link whose hidden checkbox a click has ticked, if any; the tick is cleared so the next click counts. */
export function takeClickedLink(doc: Document): HTMLAnchorElement | null {
  const probe = doc.querySelector<HTMLInputElement>("input.link-probe:checked");
  if (!probe) return null;
  probe.checked = false;
  return probe.closest<HTMLAnchorElement>("a[data-href]");
}

/** The address to hand to the system browser: web and email links only. */
export function openableHref(href: string | null): string | null {
  const trimmed = href?.trim() ?? "";
  return /^(?:https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : null;
}
