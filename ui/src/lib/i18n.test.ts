import { describe, expect, it } from "vitest";
import { labelText, messages, setUiLanguage, t, translate, type MessageKey } from "./i18n";

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
