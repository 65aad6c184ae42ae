import { describe, expect, it } from "vitest";
import { countOf, formatPercent, formatSize, frenchSpacing, labelText, messages, setUiLanguage, t, translate, type MessageKey } from "./i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  it("has every key in both languages, none empty", () => {
    const fr = Object.keys(messages.fr).sort();
    const en = Object.keys(messages.en).sort();
    expect(en).toEqual(fr);
    for (const lang of ["fr", "en"] as const) {
      for (const [key, text] of Object.entries(messages[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe("");
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(messages.fr) as MessageKey[]) {
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.fr[key]));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("en", "list.noMatch", { query: "vélo" })).toBe("No title contains “vélo”.");
    expect(translate("fr", "save.savedAt")).toBe("Enregistré à {time}");
  });

  it("follows the interface language", () => {
    setUiLanguage("fr");
    expect(t("save.button")).toBe("Enregistrer");
    expect(document.documentElement.lang).toBe("fr");
    setUiLanguage("en");
    expect(t("save.button")).toBe("Save");
    expect(document.documentElement.lang).toBe("en");
  });
});

describe("labelText", () => {
  it("takes a single text as it is", () => {
    expect(labelText("Titre", "en")).toBe("Titre");
  });

  it("picks the language, then the other one, then the fallback", () => {
    expect(labelText({ fr: "Résumé", en: "Summary" }, "en")).toBe("Summary");
    expect(labelText({ fr: "Résumé" }, "en")).toBe("Résumé");
    expect(labelText({ en: "Summary" }, "fr")).toBe("Summary");
    expect(labelText({}, "fr", "description")).toBe("description");
    expect(labelText(null, "fr", "title")).toBe("title");
  });
});

describe("French typography", () => {
  const NNBSP = "\u202F";

  it("puts a narrow no-break space before : ; ? ! and inside guillemets", () => {
    expect(frenchSpacing("À corriger : oui ; non ? Si !")).toBe(`À corriger${NNBSP}: oui${NNBSP}; non${NNBSP}? Si${NNBSP}!`);
    expect(frenchSpacing("« {title} »")).toBe(`«${NNBSP}{title}${NNBSP}»`);
    expect(translate("fr", "list.errors", { messages: "Titre manquant." })).toBe(`À corriger${NNBSP}: Titre manquant.`);
  });

  it("leaves no French string with an ordinary space, or none, before those marks", () => {
    for (const [key, text] of Object.entries(messages.fr)) {
      expect(text, key).not.toMatch(/[ \w][:;?!](?:\s|$)/);
      expect(text, key).not.toMatch(/« | »/);
    }
  });

  it("leaves English alone", () => {
    expect(translate("en", "list.errors", { messages: "No title." })).toBe("Needs fixing: No title.");
  });
});

describe("numbers", () => {
  it("writes numbers given as parameters the language's way", () => {
    expect(translate("fr", "framing.source", { width: 4000, height: 3000 })).toBe("Image\u202F: 4\u202F000 × 3\u202F000");
    expect(translate("en", "framing.source", { width: 4000, height: 3000 })).toBe("Picture: 4,000 × 3,000");
  });

  it("writes sizes with a decimal comma in French, and a no-break space before the unit", () => {
    expect(formatSize(50_100, "fr")).toBe("50,1\u00A0Ko");
    expect(formatSize(50_100, "en")).toBe("50.1\u00A0kB");
    expect(formatSize(512, "fr")).toBe("512\u00A0o");
    expect(formatSize(512, "en")).toBe("512\u00A0B");
    expect(formatSize(231_600, "fr")).toBe("232\u00A0Ko");
    expect(formatSize(2_450_000, "fr")).toBe("2,5\u00A0Mo");
  });

  it("writes shares as percentages", () => {
    // A no-break space before « % », narrow or not as the system's ICU has it.
    expect(formatPercent(1.5, "fr")).toMatch(/^150[\u00A0\u202F]%$/);
    expect(formatPercent(1.5, "en")).toBe("150%");
  });

  it("picks the singular or the plural as the language does", () => {
    expect(countOf("fr", 0, "files.one", "files.other")).toBe("0 fichier");
    expect(countOf("en", 0, "files.one", "files.other")).toBe("0 files");
    expect(countOf("fr", 2, "files.one", "files.other")).toBe("2 fichiers");
    expect(countOf("en", 1, "files.one", "files.other")).toBe("1 file");
  });
});
