import { describe, expect, it } from "vitest";
import { changedFields, editable, fieldId, firstToFill, formValues, leaves, withChanges } from "./form-model";
import { currentPost, field, siteFields } from "./test-fields";

const load = (fm: Record<string, unknown>) => {
  const baseline = formValues(siteFields, fm);
  return { baseline, values: structuredClone(baseline) };
};

describe("the form's inputs", () => {
  it("lists every input with its dotted key, skipping containers and hidden fields", () => {
    expect(leaves(siteFields).map((l) => l.key)).toEqual([
      "date", "badge.label", "description", "author", "image", "title", "tags", "draft", "weight",
    ]);
  });

  it("shows each value as its widget wants it", () => {
    expect(formValues(siteFields, currentPost)).toEqual({
      date: "2024-12-17",
      "badge.label": "Tutoriel",
      description: "Une courte description.",
      author: "Hélène",
      image: "/blog/2024/cover.jpg",
      title: "Importer vos adhérents",
      tags: ["import", "tableur"],
      draft: false,
      weight: "",
    });
  });

  it("reads an older post's shapes: {src} covers, quoted dates, bare badges", () => {
    const values = formValues(siteFields, { image: { src: "/blog/old.png" }, date: "2023-11-30", badge: "Tutoriel" });
    expect(values.image).toBe("/blog/old.png");
    expect(values.date).toBe("2023-11-30");
    expect(values["badge.label"]).toBe("");
  });
});

describe("where a new post's cursor starts", () => {
  const fresh = { date: "2026-09-01T00:00:00.000Z", title: "Notre rentrée", author: "Camille" };

  it("is the first text box left empty, in the form's order", () => {
    expect(firstToFill(siteFields, formValues(siteFields, fresh))).toBe("badge.label");
    expect(firstToFill(siteFields, formValues(siteFields, { ...fresh, badge: { label: "Vie associative" } }))).toBe("description");
  });

  it("skips dates, pictures, lists and numbers, and blanks count as empty", () => {
    const filled = { ...fresh, badge: { label: "A" }, description: "Un résumé.", author: "  " };
    expect(firstToFill(siteFields, formValues(siteFields, filled))).toBe("author");
    expect(firstToFill(siteFields, formValues(siteFields, { ...filled, author: "Camille" }))).toBeNull();
  });

  it("names the input by the id the form gives it", () => {
    expect(fieldId("badge.label")).toBe("field-badge-label");
    expect(fieldId("description")).toBe("field-description");
  });
});

describe("changedFields", () => {
  it("sends nothing for an untouched post", () => {
    const { baseline, values } = load(currentPost);
    expect(changedFields(siteFields, baseline, values, currentPost)).toEqual([]);
  });

  it("sends only the fields that changed, as typed", () => {
    const { baseline, values } = load(currentPost);
    values.title = "Importer vos membres";
    values.author = "Yanis";
    expect(changedFields(siteFields, baseline, values, currentPost)).toEqual([
      { key: "author", value: "Yanis" },
      { key: "title", value: "Importer vos membres" },
    ]);
  });

  it("reaches a nested field by its dotted key", () => {
    const { baseline, values } = load(currentPost);
    values["badge.label"] = "Événement";
    expect(changedFields(siteFields, baseline, values, currentPost)).toEqual([{ key: "badge.label", value: "Événement" }]);
  });

  it("removes an emptied optional field, keeps an emptied required one as empty text", () => {
    const { baseline, values } = load(currentPost);
    values.description = "";
    values.title = "";
    values.tags = [];
    expect(changedFields(siteFields, baseline, values, currentPost)).toEqual([
      { key: "description", value: null },
      { key: "title", value: "" },
      { key: "tags", value: null },
    ]);
  });

  it("sends the typed day, keeping a time the post had", () => {
    const { baseline, values } = load(currentPost);
    values.date = "2025-01-31";
    expect(changedFields(siteFields, baseline, values, currentPost)).toEqual([{ key: "date", value: "2025-01-31" }]);

    const timed = { ...currentPost, date: "2024-12-17T10:15:00.000Z" };
    const again = load(timed);
    again.values.date = "2025-01-31";
    expect(changedFields(siteFields, again.baseline, again.values, timed)).toEqual([{ key: "date", value: "2025-01-31T10:15" }]);
  });

  it("sends lists, booleans and numbers as values", () => {
    const { baseline, values } = load(currentPost);
    values.tags = ["import", "tableur", "csv"];
    values.draft = true;
    values.weight = "3";
    expect(changedFields(siteFields, baseline, values, currentPost)).toEqual([
      { key: "tags", value: ["import", "tableur", "csv"] },
      { key: "draft", value: true },
      { key: "weight", value: 3 },
    ]);
  });

  it("sends a number that does not read as one as typed text, for Rust to explain", () => {
    const { baseline, values } = load(currentPost);
    values.weight = "trois";
    expect(changedFields(siteFields, baseline, values, currentPost)).toEqual([{ key: "weight", value: "trois" }]);
  });

  it("sees a change undone as no change", () => {
    const { baseline, values } = load(currentPost);
    values.title = "Autre";
    values.title = currentPost.title;
    values.tags = ["import"];
    values.tags = ["import", "tableur"];
    expect(changedFields(siteFields, baseline, values, currentPost)).toEqual([]);
  });
});

describe("withChanges", () => {
  it("gives the front matter as it will be saved, for the checks", () => {
    const next = withChanges(currentPost, [
      { key: "badge.label", value: "Événement" },
      { key: "description", value: null },
      { key: "date", value: "2025-01-31" },
    ]);
    expect(next).toMatchObject({ badge: { label: "Événement" }, date: "2025-01-31", unknown_key: { kept: true } });
    expect(next).not.toHaveProperty("description");
    expect(currentPost.badge.label).toBe("Tutoriel");
  });

  it("keeps a {src} cover an object, and builds a missing parent", () => {
    const next = withChanges({ image: { src: "/blog/a.jpg", alt: "x" } }, [
      { key: "image", value: "/blog/b.jpg" },
      { key: "badge.label", value: "Tutoriel" },
    ]);
    expect(next).toEqual({ image: { src: "/blog/b.jpg", alt: "x" }, badge: { label: "Tutoriel" } });
  });
});

describe("editable", () => {
  it("refuses shapes the inputs cannot show without rewriting them", () => {
    const list = field("tags", "list");
    expect(editable(list, ["a", "b"])).toBe(true);
    expect(editable(list, [{ name: "a" }])).toBe(false);
    expect(editable(field("title", "string"), { nested: 1 })).toBe(false);
    expect(editable(field("image", "image"), { src: "/a.jpg" })).toBe(true);
    expect(editable(field("title", "string"), undefined)).toBe(true);
  });
});
