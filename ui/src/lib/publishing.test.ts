import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LoadedPost, PostConflict, ReadyView, SendOutcome, Step } from "./ipc";

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
    sendPost: rust(),
    settlePost: rust(),
    abandonSend: rust(),
    openLink: rust(),
    waitingConflict: vi.fn(() => Promise.resolve(null)),
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
  review: false,
};

const conflict: PostConflict = {
  path: "fr/blog/a.md",
  fields: [{ key: "title", original: "A", theirs: "Leur A", yours: "Mon A", suggested: "yours" }],
  body: [
    { theirs: "Bonjour\n", yours: "Bonjour\n", differs: false, suggested: "theirs" },
    { theirs: "Leur suite\n", yours: "", differs: true, suggested: "theirs" },
  ],
};

const sentOutcome: SendOutcome = {
  kind: "sent",
  remote: "origin",
  url: "git@github.com:acme/site.git",
  branch: "billet/a",
  review: true,
  review_link: "https://github.com/acme/site/compare/main...billet/a?expand=1",
  commit: "89abcdef01234567",
  recorded: { id: "89abcdef01234567", files: ["fr/blog/a.md"] },
  replayed: false,
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

  it("sends, listing each step as Rust reports it, and offers the review page", async () => {
    ipc.readyPost.mockResolvedValue(ready);
    publishing.open();
    await vi.waitFor(() => expect(publishing.view).not.toBeNull());
    publishing.message = "Nouvel article";
    ipc.sendPost.mockImplementationOnce(async (_path: string, _message: string, onStep: (s: Step) => void) => {
      for (const step of ["checking", "recording", "fetching", "sending"] as Step[]) onStep(step);
      return sentOutcome;
    });
    await publishing.send();
    expect(ipc.sendPost).toHaveBeenCalledWith("fr/blog/a.md", "Nouvel article", expect.any(Function));
    expect(publishing.steps).toEqual(["checking", "recording", "fetching", "sending"]);
    expect(publishing.done).toBe("Envoyé pour relecture (origin).");
    expect(publishing.recorded).toEqual(["fr/blog/a.md"]);
    ipc.openLink.mockResolvedValueOnce(undefined);
    publishing.openReview();
    expect(ipc.openLink).toHaveBeenCalledWith("https://github.com/acme/site/compare/main...billet/a?expand=1");
  });

  it("shows a conflict with Rust's suggestions chosen, and settles with the author's choices", async () => {
    ipc.readyPost.mockResolvedValue(ready);
    publishing.open();
    await vi.waitFor(() => expect(publishing.view).not.toBeNull());
    ipc.sendPost.mockResolvedValueOnce({ kind: "conflict", ...conflict });
    await publishing.send();
    expect(publishing.conflict?.fields[0].key).toBe("title");
    expect(publishing.fieldChoices).toEqual(["yours"]);
    expect(publishing.bodyChoices).toEqual(["theirs", "theirs"]);
    expect(publishing.done).toBeNull();
    publishing.fieldChoices[0] = "theirs";
    publishing.bodyChoices[1] = "both";
    ipc.settlePost.mockResolvedValueOnce({ ...sentOutcome, review: false, review_link: null, branch: "main" });
    await publishing.settle();
    expect(ipc.settlePost).toHaveBeenCalledWith(
      "fr/blog/a.md",
      { fields: ["theirs"], body: ["theirs", "both"] },
      expect.any(Function),
    );
    expect(publishing.conflict).toBeNull();
    expect(publishing.done).toBe("Envoyé sur le site (origin).");
  });

  it("a send stopped on a conflict before is offered again when the panel opens", async () => {
    ipc.readyPost.mockResolvedValue(ready);
    ipc.waitingConflict.mockResolvedValueOnce(conflict);
    publishing.open();
    await vi.waitFor(() => expect(publishing.conflict).toEqual(conflict));
    ipc.abandonSend.mockResolvedValueOnce(undefined);
    await publishing.abandon();
    expect(ipc.abandonSend).toHaveBeenCalledWith("fr/blog/a.md");
    expect(publishing.conflict).toBeNull();
    expect(publishing.done).toBe("Envoi abandonné\u202F: votre version reste enregistrée, en attente d'envoi.");
  });

  it("a refused send ends in the banner, with the post read again", async () => {
    ipc.readyPost.mockResolvedValue(ready);
    publishing.open();
    await vi.waitFor(() => expect(publishing.view).not.toBeNull());
    ipc.sendPost.mockRejectedValueOnce({ code: "send.offline", message: "origin ne répond pas." });
    await publishing.send();
    expect(session.error).toBe("origin ne répond pas.");
    expect(publishing.working).toBeNull();
    expect(ipc.readyPost).toHaveBeenCalledTimes(2);
  });
});
