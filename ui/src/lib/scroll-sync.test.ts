import { describe, expect, it } from "vitest";
import { headingKey, interpolate, markdownHeadings, matchHeadings, monotonic } from "./scroll-sync";

describe("interpolate", () => {
  const anchors = [
    { source: 0, target: 0 },
    { source: 100, target: 400 },
    { source: 300, target: 600 },
  ];

  it("maps between landmarks in proportion", () => {
    expect(interpolate(anchors, 50)).toBe(200);
    expect(interpolate(anchors, 200)).toBe(500);
  });

  it("holds at the ends", () => {
    expect(interpolate(anchors, -10)).toBe(0);
    expect(interpolate(anchors, 1000)).toBe(600);
    expect(interpolate([], 10)).toBe(0);
  });
});

describe("monotonic", () => {
  it("drops landmarks that would make the preview run backwards", () => {
    expect(
      monotonic([
        { source: 0, target: 0 },
        { source: 50, target: 300 },
        { source: 40, target: 350 },
        { source: 80, target: 200 },
        { source: 90, target: 320 },
      ]),
    ).toEqual([
      { source: 0, target: 0 },
      { source: 50, target: 300 },
      { source: 90, target: 320 },
    ]);
  });
});

describe("headings", () => {
  it("finds ATX headings outside fenced code", () => {
    const text = ["# Titre", "texte", "```", "# pas un titre", "```", "## Quand et où ##", "~~~", "## non", "~~~", "### Fin"].join("\n");
    expect(markdownHeadings(text)).toEqual([
      { line: 1, text: "Titre" },
      { line: 6, text: "Quand et où" },
      { line: 10, text: "Fin" },
    ]);
  });

  it("compares headings by their words, not their Markdown", () => {
    expect(headingKey("Le **nouveau** [site](https://x.org)  `v2`")).toBe("le nouveau site v2");
  });

  it("pairs headings in order, skipping one found on one side only", () => {
    const source = ["Intro", "Programme", "Inscription", "Fin"];
    const rendered = ["Intro", "Programme", "Une carte", "Inscription", "Fin"];
    expect(matchHeadings(source, rendered)).toEqual([
      [0, 0],
      [1, 1],
      [2, 3],
      [3, 4],
    ]);
    expect(matchHeadings(["Seulement ici", "Fin"], ["Fin"])).toEqual([[1, 0]]);
  });
});
