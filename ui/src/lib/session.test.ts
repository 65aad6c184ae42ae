import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LoadedPost, SiteInfo } from "./ipc";
import { currentPost, siteFields } from "./test-fields";

vi.mock("./ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("./ipc")>();
  const rust = () => vi.fn(() => Promise.reject(new Error("not mocked")));
  return {
    isIpcError: real.isIpcError,
    appInfo: rust(),
    appVersion: rust(),
    currentSite: rust(),
    listPosts: rust(),
    openSite: rust(),
    loadPost: rust(),
    savePost: rust(),
    checkFields: rust(),
    setLanguage: rust(),
    createPost: rust(),
    quit: rust(),
    pickFolder: rust(),
    mediaUrl: rust(),
    listRecovered: rust(),
    storeRecovery: rust(),
    restoreRecovered: rust(),
    discardEdits: rust(),
    planPost: rust(),
  };
});

const ipc = vi.mocked(await import("./ipc"));
const { session } = await import("./session.svelte");
const { uiLanguage } = await import("./ui-language.svelte");

const site: SiteInfo = {
  root: "/sites/blog",
  name: "blog",
  configured: true,
  language: "fr",
  fields: siteFields,
  cover: { field: "image", width: 1080, height: 600, format: "jpeg", quality: 82, path: "", max_bytes: 0, upscale: "warn", max_megapixels: 100, card_width: 360 },
  stylesheet: null,
  badge_labels: ["Tutoriel"],
  default_author: null,
  recent: [],
};

const loaded = (path = "fr/blog/a.md", body = "Bonjour\n"): LoadedPost => ({
  path,
  front_matter: structuredClone(currentPost),
  body,
  problems: [],
});

async function openPost() {
  ipc.loadPost.mockResolvedValueOnce(loaded());
  await session.openPost("fr/blog/a.md");
}

beforeEach(async () => {
  vi.clearAllMocks();
  session.closePost();
  session.error = null;
  ipc.appInfo.mockResolvedValue({
    settings: { language: null, last_site: null, recent_sites: [], last_author: null },
    language: "en",
    default_author: "Hélène",
  });
  ipc.currentSite.mockResolvedValue(site);
  ipc.listPosts.mockResolvedValue([]);
  ipc.listRecovered.mockResolvedValue([]);
  ipc.discardEdits.mockResolvedValue([]);
  await session.start();
});

describe("starting", () => {
  it("takes the language, the site and its posts from Rust", () => {
    expect(uiLanguage.current).toBe("en");
    expect(session.site?.name).toBe("blog");
    expect(ipc.listPosts).toHaveBeenCalled();
  });

  it("shows the interface's own message when Rust cannot be reached", async () => {
    ipc.appInfo.mockRejectedValueOnce(new TypeError("window.__TAURI_INTERNALS__ is undefined"));
    vi.spyOn(console, "error").mockImplementation(() => {});
    await session.start();
    expect(session.error).toBe("Something went wrong. Try again; if it keeps happening, restart Billet.");
  });
});

describe("editing", () => {
  it("is clean after loading, dirty after a change, clean again once undone", async () => {
    await openPost();
    expect(session.dirty).toBe(false);
    session.set("title", "Autre titre");
    expect(session.dirty).toBe(true);
    expect(session.changes).toEqual([{ key: "title", value: "Autre titre" }]);
    session.set("title", currentPost.title);
    expect(session.dirty).toBe(false);
    session.body = "Bonjour !\n";
    expect(session.dirty).toBe(true);
  });

  it("asks before dropping unsaved edits, and keeps them on Cancel", async () => {
    await openPost();
    session.set("author", "Yanis");
    const switching = session.openPost("fr/blog/b.md");
    await vi.waitFor(() => expect(session.question).not.toBeNull());
    session.question!.answer(false);
    await switching;
    expect(session.question).toBeNull();
    expect(ipc.loadPost).toHaveBeenCalledTimes(1);
    expect(session.post?.path).toBe("fr/blog/a.md");
    expect(session.text("author")).toBe("Yanis");
  });
});

describe("saving", () => {
  it("sends only the changed fields and the text, then starts from what was saved", async () => {
    await openPost();
    session.set("badge.label", "Événement");
    session.body = "Bonsoir\n";
    ipc.savePost.mockImplementationOnce(async (path) => {
      // The author goes on typing while Rust saves.
      session.set("author", "Yanis");
      return loaded(path, "Bonsoir\n");
    });
    ipc.listPosts.mockResolvedValue([]);
    await session.save();
    expect(ipc.savePost).toHaveBeenCalledWith("fr/blog/a.md", [{ key: "badge.label", value: "Événement" }], "Bonsoir\n", false);
    expect(session.changes).toEqual([{ key: "author", value: "Yanis" }]);
    expect(session.savedAt).not.toBeNull();
  });

  it("does nothing when there is nothing to save", async () => {
    await openPost();
    await session.save();
    expect(ipc.savePost).not.toHaveBeenCalled();
  });

  it("opens the conflict dialog when the file changed on disk, and can overwrite", async () => {
    await openPost();
    session.set("title", "Mine");
    ipc.savePost.mockRejectedValueOnce({ code: "save.changed_on_disk", message: "Le fichier a changé." });
    await session.save();
    expect(session.conflict).toEqual({ kind: "changed", path: "fr/blog/a.md" });
    expect(session.error).toBeNull();
    ipc.savePost.mockResolvedValueOnce(loaded());
    await session.save(true);
    expect(ipc.savePost).toHaveBeenLastCalledWith("fr/blog/a.md", [{ key: "title", value: "Mine" }], "Bonjour\n", true);
    expect(session.conflict).toBeNull();
    expect(session.dirty).toBe(false);
  });

  it("says when the file was deleted, keeping the text", async () => {
    await openPost();
    session.body = "Mon texte\n";
    ipc.savePost.mockRejectedValueOnce({ code: "save.deleted_on_disk", message: "Supprimé." });
    await session.save();
    expect(session.conflict?.kind).toBe("deleted");
    expect(session.body).toBe("Mon texte\n");
  });

  it("shows Rust's message for any other refusal", async () => {
    await openPost();
    session.set("date", "2025-02-30");
    ipc.savePost.mockRejectedValueOnce({ code: "post.bad_value", message: "« 2025-02-30 » n'est pas une date." });
    await session.save();
    expect(session.error).toBe("« 2025-02-30 » n'est pas une date.");
    expect(session.dirty).toBe(true);
  });
});

describe("new posts", () => {
  it("says where a new post would be saved, or why it cannot be", async () => {
    const planned = { path: "fr/blog/nouveau.md", folder: "fr/blog", file_name: "nouveau.md" };
    ipc.planPost.mockResolvedValueOnce(planned);
    expect(await session.planPost({ title: "Nouveau" })).toEqual({ planned, problem: null });
    ipc.planPost.mockRejectedValueOnce({ code: "plan.exists", message: "Ce fichier existe déjà." });
    expect(await session.planPost({ title: "Nouveau" })).toEqual({ planned: null, problem: "Ce fichier existe déjà." });
    expect(session.error).toBeNull();
  });
});

describe("checks and language", () => {
  it("keeps only the answer to the latest check", async () => {
    await openPost();
    let first!: (v: never[]) => void;
    ipc.checkFields.mockImplementationOnce(() => new Promise((resolve) => (first = resolve)));
    ipc.checkFields.mockResolvedValueOnce([{ field: "title", code: "missing", message: "Required." }]);
    const slow = session.check();
    await session.check();
    first([]);
    await slow;
    expect(session.messagesFor("title")).toEqual(["Required."]);
  });

  it("switches language, then asks Rust again for its messages", async () => {
    await openPost();
    ipc.setLanguage.mockResolvedValueOnce("fr");
    ipc.checkFields.mockResolvedValueOnce([]);
    await session.changeLanguage("fr");
    expect(uiLanguage.current).toBe("fr");
    expect(ipc.setLanguage).toHaveBeenCalledWith("fr");
    expect(ipc.listPosts).toHaveBeenCalledTimes(2);
    expect(ipc.checkFields).toHaveBeenCalledOnce();
  });
});

describe("changes made outside Billet", () => {
  it("reloads a post without unsaved edits, and says so", async () => {
    await openPost();
    ipc.loadPost.mockResolvedValueOnce(loaded("fr/blog/a.md", "Leur version\n"));
    await session.onDiskChanges(["fr/blog/a.md"], []);
    expect(session.body).toBe("Leur version\n");
    expect(session.diskChange).toBeNull();
    expect(session.notice).not.toBeNull();
  });

  it("asks, and loses nothing, when the author has unsaved edits", async () => {
    await openPost();
    session.body = "Mon texte\n";
    await session.onDiskChanges(["fr/blog/a.md"], []);
    expect(session.diskChange).toEqual({ kind: "changed", path: "fr/blog/a.md" });
    expect(session.body).toBe("Mon texte\n");
    expect(ipc.loadPost).toHaveBeenCalledTimes(1);
  });

  it("says when the open post was deleted, keeping the text", async () => {
    await openPost();
    await session.onDiskChanges([], ["fr/blog/a.md"]);
    expect(session.diskChange).toEqual({ kind: "deleted", path: "fr/blog/a.md" });
    expect(session.post?.path).toBe("fr/blog/a.md");
  });

  it("only refreshes the list for other posts", async () => {
    await openPost();
    ipc.listPosts.mockClear();
    await session.onDiskChanges(["fr/blog/b.md"], ["fr/blog/c.md"]);
    expect(ipc.listPosts).toHaveBeenCalledTimes(1);
    expect(session.diskChange).toBeNull();
    expect(ipc.loadPost).toHaveBeenCalledTimes(1);
  });
});

describe("recovery", () => {
  it("keeps unsaved edits only when there are some", async () => {
    await openPost();
    ipc.storeRecovery.mockResolvedValue();
    await session.keepRecovery();
    expect(ipc.storeRecovery).not.toHaveBeenCalled();
    session.body = "Pas encore enregistré\n";
    await session.keepRecovery();
    expect(ipc.storeRecovery).toHaveBeenCalledWith("fr/blog/a.md", [], "Pas encore enregistré\n");
    await session.keepRecovery();
    expect(ipc.storeRecovery).toHaveBeenCalledTimes(1);
  });

  it("restores kept edits as unsaved changes over the disk's version", async () => {
    session.recovered = [{ path: "fr/blog/a.md", title: "A", saved_at: "2026-11-29T10:00:00Z", mine: "", disk: "" }];
    ipc.restoreRecovered.mockResolvedValueOnce({
      disk: loaded(),
      mine: { front_matter: { ...structuredClone(currentPost), title: "Titre retrouvé" }, body: "Texte retrouvé\n" },
    });
    await session.restore("fr/blog/a.md");
    expect(session.body).toBe("Texte retrouvé\n");
    expect(session.changes).toEqual([{ key: "title", value: "Titre retrouvé" }]);
    expect(session.dirty).toBe(true);
    expect(session.recovered).toEqual([]);
  });

  it("drops a recovered post the author does not want back", async () => {
    session.recovered = [{ path: "fr/blog/a.md", title: "A", saved_at: "2026-11-29T10:00:00Z", mine: "", disk: "" }];
    await session.discardRecovered("fr/blog/a.md");
    expect(ipc.discardEdits).toHaveBeenCalledWith("fr/blog/a.md");
    expect(session.recovered).toEqual([]);
  });

  it("leaves the open post when restoring another", async () => {
    await openPost();
    ipc.restoreRecovered.mockResolvedValueOnce({
      disk: loaded("fr/blog/b.md"),
      mine: { front_matter: structuredClone(currentPost), body: "Texte retrouvé\n" },
    });
    await session.restore("fr/blog/b.md");
    expect(ipc.discardEdits).toHaveBeenCalledExactlyOnceWith("fr/blog/a.md");
    expect(session.post?.path).toBe("fr/blog/b.md");
  });
});

describe("leaving a post without saving it", () => {
  // Rust then drops the post's recovery copy and the pictures written for it that no post uses.

  it("tells Rust when the post had no unsaved edits", async () => {
    await openPost();
    ipc.loadPost.mockResolvedValueOnce(loaded("fr/blog/b.md"));
    await session.openPost("fr/blog/b.md");
    expect(ipc.discardEdits).toHaveBeenCalledExactlyOnceWith("fr/blog/a.md");
    expect(session.post?.path).toBe("fr/blog/b.md");
  });

  it("tells Rust once the author agreed to drop the edits, and not when they keep them", async () => {
    await openPost();
    session.body = "Brouillon\n";
    const kept = session.openPost("fr/blog/b.md");
    await vi.waitFor(() => expect(session.question).not.toBeNull());
    session.question!.answer(false);
    await kept;
    expect(ipc.discardEdits).not.toHaveBeenCalled();

    ipc.loadPost.mockResolvedValueOnce(loaded("fr/blog/b.md"));
    const dropped = session.openPost("fr/blog/b.md");
    await vi.waitFor(() => expect(session.question).not.toBeNull());
    session.question!.answer(true);
    await dropped;
    expect(ipc.discardEdits).toHaveBeenCalledExactlyOnceWith("fr/blog/a.md");
  });

  it("keeps the post as it was when the next one cannot be loaded", async () => {
    await openPost();
    ipc.loadPost.mockRejectedValueOnce({ code: "post.unreadable", message: "Illisible." });
    await session.openPost("fr/blog/b.md");
    expect(ipc.discardEdits).not.toHaveBeenCalled();
    expect(session.post?.path).toBe("fr/blog/a.md");
  });

  it("tells Rust before taking the disk's version of the same post", async () => {
    await openPost();
    session.body = "Mon texte\n";
    ipc.loadPost.mockResolvedValueOnce(loaded("fr/blog/a.md", "Leur version\n"));
    await session.reloadFromDisk();
    expect(ipc.discardEdits).toHaveBeenCalledExactlyOnceWith("fr/blog/a.md");
    expect(ipc.discardEdits.mock.invocationCallOrder[0]).toBeLessThan(ipc.loadPost.mock.invocationCallOrder[1]);
    expect(session.body).toBe("Leur version\n");
  });

  it("tells Rust on creating a post, opening another site and quitting", async () => {
    await openPost();
    ipc.createPost.mockResolvedValueOnce(loaded("fr/blog/nouveau.md"));
    await session.createPost({ title: "Nouveau" });
    expect(ipc.discardEdits).toHaveBeenLastCalledWith("fr/blog/a.md");

    ipc.openSite.mockResolvedValueOnce({ ...site, root: "/sites/autre", name: "autre" });
    await session.openSite("/sites/autre");
    expect(ipc.discardEdits).toHaveBeenLastCalledWith("fr/blog/nouveau.md");
    expect(ipc.discardEdits.mock.invocationCallOrder[1]).toBeLessThan(ipc.openSite.mock.invocationCallOrder[0]);

    await openPost();
    ipc.quit.mockResolvedValueOnce();
    await session.requestQuit();
    expect(ipc.discardEdits).toHaveBeenLastCalledWith("fr/blog/a.md");
    expect(ipc.discardEdits).toHaveBeenCalledTimes(3);
    expect(ipc.quit).toHaveBeenCalled();
  });

  it("does not tell Rust after a save, which tidies by itself", async () => {
    await openPost();
    session.set("image", "/blog/2026/a-2.jpg");
    ipc.savePost.mockResolvedValueOnce(loaded());
    await session.save();
    expect(ipc.savePost).toHaveBeenCalled();
    expect(ipc.discardEdits).not.toHaveBeenCalled();
  });

  it("only logs a refusal: the author goes on", async () => {
    await openPost();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    ipc.discardEdits.mockRejectedValueOnce({ code: "io", message: "Disque plein." });
    ipc.loadPost.mockResolvedValueOnce(loaded("fr/blog/b.md"));
    await session.openPost("fr/blog/b.md");
    expect(logged).toHaveBeenCalled();
    expect(session.error).toBeNull();
    expect(session.post?.path).toBe("fr/blog/b.md");
    logged.mockRestore();
  });
});
