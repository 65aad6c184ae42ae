import { describe, expect, it } from "vitest";
import { bodyOf, diffLines } from "./line-diff";

describe("diffLines", () => {
  it("marks the lines found on one side only", () => {
    const [disk, mine] = diffLines("a\nb\nc\nd", "a\nB\nc\nd\ne");
    expect(disk.changed).toEqual([false, true, false, false]);
    expect(mine.changed).toEqual([false, true, false, false, true]);
  });

  it("marks nothing when both are the same", () => {
    const [disk, mine] = diffLines("x\r\ny", "x\ny");
    expect(disk.changed).toEqual([false, false]);
    expect(mine.changed).toEqual([false, false]);
  });
});

describe("bodyOf", () => {
  it("drops the front matter", () => {
    expect(bodyOf("---\ntitle: A\n---\n\nTexte\n")).toBe("\nTexte\n");
    expect(bodyOf("\uFEFF---\r\ntitle: A\r\n---\r\nTexte")).toBe("Texte");
    expect(bodyOf("Pas de front matter")).toBe("Pas de front matter");
  });
});
