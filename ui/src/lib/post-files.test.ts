import { describe, expect, it } from "vitest";
import { countFiles, nameFiles } from "./post-files";

describe("nameFiles", () => {
  it("names the post and its cover", () => {
    expect(nameFiles(["post", "cover"], "fr")).toBe("l'article et sa couverture");
    expect(nameFiles(["post", "cover"], "en")).toBe("the post and its cover");
  });

  it("counts the pictures of the text, and names a cover alone without « sa »", () => {
    expect(nameFiles(["post", "cover", "image", "image"], "fr")).toBe("l'article, sa couverture et 2 images");
    expect(nameFiles(["post", "image"], "en")).toBe("the post and a picture");
    expect(nameFiles(["cover"], "fr")).toBe("la couverture");
  });
});

describe("countFiles", () => {
  it("says how many files, in the singular or the plural, and which", () => {
    expect(countFiles(2, ["post", "cover"], "fr")).toBe("2 fichiers (l'article et sa couverture)");
    expect(countFiles(1, ["post"], "en")).toBe("1 file (the post)");
    expect(countFiles(3, [], "en")).toBe("3 files");
  });
});
