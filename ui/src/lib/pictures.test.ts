import { beforeEach, describe, expect, it, vi } from "vitest";
import type { LoadedPost, StagedImage } from "./ipc";

vi.mock("./ipc", async (importOriginal) => {
  const real = await importOriginal<typeof import("./ipc")>();
  const rust = () => vi.fn(() => Promise.reject(new Error("not mocked")));
  return {
    isIpcError: real.isIpcError,
    checkImageSize: rust(),
    stageImage: rust(),
    pickImage: rust(),
    discardImage: rust(),
    previewCover: rust(),
    useCover: rust(),
    useBodyImage: rust(),
  };
});

const ipc = vi.mocked(await import("./ipc"));
const { session } = await import("./session.svelte");
const { pictures } = await import("./pictures.svelte");

const post: LoadedPost = { path: "fr/blog/a.md", front_matter: { title: "A" }, body: "", problems: [] };

const staged = (id: number): StagedImage => ({
  id,
  name: "IMG_2041.jpg",
  alt: "",
  width: 3000,
  height: 4000,
  overview: "data:image/jpeg;base64,",
  focus: { x: 0.5, y: 0.2 },
  warnings: [],
});

/** A promise settled from outside, to hold Rust's answer back. */
function later<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

const photo = () => new File([new Uint8Array(2048)], "IMG_2041.jpg", { type: "image/jpeg" });

beforeEach(() => {
  vi.clearAllMocks();
  pictures.cancel();
  session.show(post);
  session.error = null;
  ipc.checkImageSize.mockResolvedValue(undefined);
  ipc.discardImage.mockResolvedValue(undefined);
});

describe("a cover dropped or pasted", () => {
  it("opens the framing view at once, showing each step until Rust's picture is there", async () => {
    const answer = later<StagedImage>();
    ipc.stageImage.mockReturnValueOnce(answer.promise);
    const done = pictures.cover(photo(), "image");
    // Before anything is read: the view is open, on the file's name and size.
    expect(pictures.framing).toMatchObject({ staged: null, name: "IMG_2041.jpg", bytes: 2048, step: "reading" });
    expect(pictures.busy).toBe("cover");
    await vi.waitFor(() => expect(pictures.framing?.step).toBe("preparing"));
    expect(ipc.stageImage).toHaveBeenCalledWith(expect.any(ArrayBuffer), "IMG_2041.jpg");
    answer.resolve(staged(7));
    await done;
    expect(pictures.framing?.staged?.id).toBe(7);
    expect(pictures.framing?.fieldKey).toBe("image");
    expect(pictures.busy).toBeNull();
  });

  it("closes with Rust's word when the picture is refused", async () => {
    ipc.stageImage.mockRejectedValueOnce({ code: "media.heic", message: "Les photos HEIC ne sont pas lues." });
    await pictures.cover(photo(), "image");
    expect(pictures.framing).toBeNull();
    expect(session.error).toBe("Les photos HEIC ne sont pas lues.");
    expect(pictures.busy).toBeNull();
  });

  it("can be given up while Rust prepares it: the late picture is let go, and another may come", async () => {
    const first = later<StagedImage>();
    ipc.stageImage.mockReturnValueOnce(first.promise);
    const done = pictures.cover(photo(), "image");
    await vi.waitFor(() => expect(pictures.framing?.step).toBe("preparing"));
    pictures.cancel();
    expect(pictures.framing).toBeNull();
    expect(pictures.busy).toBeNull();

    // Another picture, dropped before the first one's answer.
    ipc.stageImage.mockResolvedValueOnce(staged(9));
    await pictures.cover(photo(), "image");
    expect(pictures.framing?.staged?.id).toBe(9);

    first.resolve(staged(8));
    await done;
    expect(ipc.discardImage).toHaveBeenCalledWith(8);
    expect(pictures.framing?.staged?.id).toBe(9);
    expect(session.error).toBeNull();
  });

  it("says nothing of a refusal that comes after the author gave up", async () => {
    const answer = later<StagedImage>();
    ipc.stageImage.mockReturnValueOnce(answer.promise);
    const done = pictures.cover(photo(), "image");
    await vi.waitFor(() => expect(pictures.framing?.step).toBe("preparing"));
    pictures.cancel();
    answer.reject({ code: "media.decode", message: "Image illisible." });
    await done;
    expect(session.error).toBeNull();
    expect(pictures.framing).toBeNull();
  });
});

describe("a cover chosen with the system's picker", () => {
  it("opens the view only once a picture is chosen", async () => {
    const answer = later<StagedImage | null>();
    ipc.pickImage.mockReturnValueOnce(answer.promise);
    const done = pictures.cover("pick", "image");
    expect(pictures.framing).toBeNull();
    expect(pictures.busy).toBe("cover");
    answer.resolve(staged(3));
    await done;
    expect(pictures.framing?.staged?.id).toBe(3);
  });

  it("opens nothing when the picker is left without a choice", async () => {
    ipc.pickImage.mockResolvedValueOnce(null);
    await pictures.cover("pick", "image");
    expect(pictures.framing).toBeNull();
    expect(pictures.busy).toBeNull();
  });
});
