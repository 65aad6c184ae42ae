import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LoadedPost, ReadyView } from "./ipc";

vi.mock("./ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("./ipc")>();
  const rust = () => vi.fn(() => Promise.reject(new Error("not mocked")));
  return {
    isIpcError: real.isIpcError,
    savePost: rust(),
    listPosts: rust(),
    readyPost: rust(),
    commitPost: rust(),
    exportPost: rust(),
  };
});

const ipc = vi.mocked(await import("./ipc"));
const { session } = await import("./session.svelte");
const { publishing } = await import("./publishing.svelte");
const { setUiLanguage } = await import("./i18n");

const post: LoadedPost = { path: "fr/blog/a.md", front_matter: { title: "A" }, body: "Bonjour\n", problems: [] };

const ready: ReadyView = {
  repository: true,
  files: [
    { path: "fr/blog/a.md", repo_path: "fr/blog/a.md", role: "post", state: "modified", size: 120 },
    { path: "public/blog/a.jpg", repo_path: "public/blog/a.jpg", role: "cover", state: "new", size: 50_100 },
  ],
  problems: [],
  blocked: false,
  other_changes: [],
  diff: "",
  message: "Billet : A",
};

beforeEach(() => {
  vi.clearAllMocks();
  setUiLanguage("fr");
  session.show(post);
  session.error = null;
  publishing.close();
});

describe("the ready panel", () => {
  it("lists what makes the post and proposes Rust's message", async () => {
    ipc.readyPost.mockResolvedValueOnce(ready);
    publishing.open();
    expect(publishing.asked).toBe(true);
    await vi.waitFor(() => expect(publishing.view).toEqual(ready));
    expect(ipc.readyPost).toHaveBeenCalledWith("fr/blog/a.md");
    expect(publishing.message).toBe("Billet : A");
  });

  it("closes, with Rust's message in the banner, when the post cannot be read", async () => {
    ipc.readyPost.mockRejectedValueOnce({ code: "git.broken", message: "Dépôt illisible." });
    publishing.open();
    await vi.waitFor(() => expect(publishing.asked).toBe(false));
    expect(session.error).toBe("Dépôt illisible.");
  });

  it("records the version with the author's description, says what was recorded, then reads the panel again", async () => {
    ipc.readyPost.mockResolvedValue(ready);
    publishing.open();
    await vi.waitFor(() => expect(publishing.view).not.toBeNull());
    publishing.message = "Nouvel article";
    ipc.commitPost.mockResolvedValueOnce({ id: "0123456789abcdef", files: ["fr/blog/a.md", "public/blog/a.jpg"] });
    await publishing.commit();
    expect(ipc.commitPost).toHaveBeenCalledWith("fr/blog/a.md", "Nouvel article");
    expect(ipc.readyPost).toHaveBeenCalledTimes(2);
    expect(publishing.done).toBe("Version enregistrée\u202F: 2 fichiers (l'article et sa couverture).");
    expect(publishing.doneDetail).toBe("Commit 0123456");
    expect(publishing.recorded).toEqual(["fr/blog/a.md", "public/blog/a.jpg"]);
    expect(publishing.working).toBeNull();
  });

  it("neither records nor exports while the site's check finds an error", async () => {
    const problems = [
      { severity: "error" as const, message: "Auteur ou autrice : ce champ est obligatoire." },
      { severity: "warning" as const, message: "La couverture est lourde." },
    ];
    ipc.readyPost.mockResolvedValue({ ...ready, problems, blocked: true });
    publishing.open();
    await vi.waitFor(() => expect(publishing.view?.blocked).toBe(true));
    publishing.message = "Nouvel article";
    await publishing.commit();
    await publishing.exportZip();
    expect(ipc.commitPost).not.toHaveBeenCalled();
    expect(ipc.exportPost).not.toHaveBeenCalled();
  });

  it("shows Rust's refusal when the post turned out blocked after all", async () => {
    ipc.readyPost.mockResolvedValue(ready);
    publishing.open();
    await vi.waitFor(() => expect(publishing.view).not.toBeNull());
    ipc.exportPost.mockRejectedValueOnce({ code: "publish.blocked", message: "L'article a encore 1 erreur à corriger." });
    await publishing.exportZip();
    expect(session.error).toBe("L'article a encore 1 erreur à corriger.");
    expect(publishing.done).toBeNull();
  });

  it("says how many files the zip holds", async () => {
    ipc.readyPost.mockResolvedValue(ready);
    publishing.open();
    await vi.waitFor(() => expect(publishing.view).not.toBeNull());
    ipc.exportPost.mockResolvedValueOnce({ file: "/tmp/a.zip", files: ["fr/blog/a.md", "public/blog/a.jpg"] });
    await publishing.exportZip();
    expect(publishing.done).toBe("Zip écrit\u202F: /tmp/a.zip (2 fichiers).");
  });
});
