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

const post: LoadedPost = { path: "fr/blog/a.md", front_matter: { title: "A" }, body: "Bonjour\n", problems: [] };

const ready: ReadyView = {
  repository: true,
  files: [{ path: "fr/blog/a.md", repo_path: "fr/blog/a.md", role: "post", state: "modified", size: 120 }],
  problems: [],
  other_changes: [],
  diff: "",
  message: "Billet : A",
};

beforeEach(() => {
  vi.clearAllMocks();
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

  it("commits the author's message, then reads the panel again", async () => {
    ipc.readyPost.mockResolvedValue(ready);
    publishing.open();
    await vi.waitFor(() => expect(publishing.view).not.toBeNull());
    publishing.message = "Nouvel article";
    ipc.commitPost.mockResolvedValueOnce({ id: "0123456789abcdef", files: ["fr/blog/a.md"] });
    await publishing.commit();
    expect(ipc.commitPost).toHaveBeenCalledWith("fr/blog/a.md", "Nouvel article");
    expect(ipc.readyPost).toHaveBeenCalledTimes(2);
    expect(publishing.done).toContain("0123456");
    expect(publishing.working).toBeNull();
  });
});
