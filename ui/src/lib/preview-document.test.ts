import { describe, expect, it } from "vitest";
import { buildPreviewBody, neutralizeLinks, openableHref, previewSkeleton, takeClickedLink, type PreviewHeader } from "./preview-document";

const header: PreviewHeader = {
  title: "Rencontre à Rennes",
  badge: "Événement",
  author: "Hélène",
  date: "18 novembre 2026",
  description: "Un samedi matin.",
  cover: "billet-media://localhost/public/blog/a.jpg",
  placeholders: { title: "Titre de l'article", noCover: "Pas de couverture" },
};

describe("the preview's page", () => {
  it("has the header the site shows: cover, badge, title, author and date", () => {
    const body = buildPreviewBody(header, "<p>Bonjour</p>");
    expect(body.querySelector(".post-cover img")?.getAttribute("src")).toBe(header.cover);
    expect(body.querySelector(".post-badge")?.textContent).toBe("Événement");
    expect(body.querySelector("h1.post-title")?.textContent).toBe("Rencontre à Rennes");
    expect(body.querySelector(".post-meta")?.textContent).toBe("Hélène · 18 novembre 2026");
    expect(body.querySelector(".post-body")?.innerHTML).toBe("<p>Bonjour</p>");
  });

  it("shows placeholders for what is missing, and no badge", () => {
    const body = buildPreviewBody({ ...header, title: " ", badge: "", cover: null, author: "", date: null }, "");
    expect(body.querySelector(".post-title")?.classList.contains("placeholder")).toBe(true);
    expect(body.querySelector(".post-title")?.textContent).toBe("Titre de l'article");
    expect(body.querySelector(".post-cover-empty")?.textContent).toBe("Pas de couverture");
    expect(body.querySelector(".post-badge")).toBeNull();
    expect(body.querySelector(".post-meta")).toBeNull();
  });

  it("writes form values as text, never as markup", () => {
    const body = buildPreviewBody({ ...header, title: "<img src=x onerror=alert(1)>" }, "");
    expect(body.querySelector(".post-title img")).toBeNull();
    expect(body.querySelector(".post-title")?.textContent).toBe("<img src=x onerror=alert(1)>");
  });

  it("starts from a skeleton with its stylesheet, escaped", () => {
    const html = previewSkeleton("fr", 'billet-media://localhost/a.css"><script>');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('href="billet-media://localhost/a.css&quot;>&lt;script>"');
    expect(html).not.toContain("<script");
    expect(previewSkeleton("en", null)).not.toContain("<link");
  });
});

describe("links in the preview", () => {
  function linked(html: string) {
    const root = document.createElement("div");
    root.innerHTML = html;
    neutralizeLinks(root);
    return root;
  }

  it("lose their address, so that nothing can navigate the preview", () => {
    const root = linked('<p><a href="https://dokos.io" target="_blank">le site</a> et <a href="/contact" title="Écrire">nous</a></p>');
    const [a, b] = root.querySelectorAll("a");
    expect(a.hasAttribute("href")).toBe(false);
    expect(a.hasAttribute("target")).toBe(false);
    expect(a.dataset.href).toBe("https://dokos.io");
    expect(a.title).toBe("https://dokos.io");
    expect(a.textContent).toBe("le site");
    expect(b.title).toBe("Écrire");
  });

  it("report the one a click ticked, once", () => {
    const root = linked('<a href="https://a.org">a</a><a href="mailto:x@y.org"><img src="x.png" alt=""></a>');
    document.body.append(root);
    expect(takeClickedLink(document)).toBeNull();
    const probes = root.querySelectorAll<HTMLInputElement>("input.link-probe");
    probes[1].closest("label")!.click();
    expect(takeClickedLink(document)?.dataset.href).toBe("mailto:x@y.org");
    expect(takeClickedLink(document)).toBeNull();
    root.remove();
  });

  it("open in the browser only for web and email addresses", () => {
    expect(openableHref("https://dokos.io/a?b")).toBe("https://dokos.io/a?b");
    expect(openableHref(" mailto:hello@dokos.io ")).toBe("mailto:hello@dokos.io");
    expect(openableHref("/blog/autre")).toBeNull();
    expect(openableHref("javascript:alert(1)")).toBeNull();
    expect(openableHref("file:///etc/passwd")).toBeNull();
    expect(openableHref(null)).toBeNull();
  });
});
