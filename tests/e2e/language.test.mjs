// Test 5: switching the interface to English and back to French changes the labels.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, byTestId, find, openPost, eventually } from "./harness.mjs";

test("the interface switches between French and English", async () => {
  const app = await launch({ lang: "fr" });
  const { driver } = app;
  try {
    await openPost(driver, "fr/blog/importer-vos-adherents-depuis-un-tableur.md");
    const saveText = async () => (await find(driver, "save").getText()).trim();
    const newText = async () => (await find(driver, "new-post").getText()).trim();
    assert.equal(await saveText(), "Enregistrer");
    const frenchNew = await newText();

    const pick = async (value) => {
      const select = await find(driver, "language");
      await select.findElement({ css: `option[value="${value}"]` }).click();
    };
    await pick("en");
    // The shell itself was asked through Tauri's core API (its permission works).
    assert.equal(await driver.executeScript("return document.querySelector('[data-testid=app-version]').textContent;"), "0.1.0");
    await eventually(driver, async () => (await saveText()) === "Save", "the Save button is in English");
    assert.notEqual(await newText(), frenchNew);
    await find(driver, "post-form");
    const labels = await driver.executeScript("return document.querySelector('[data-testid=post-form]').innerText;");
    assert.match(labels, /Title/);

    await pick("fr");
    await eventually(driver, async () => (await saveText()) === "Enregistrer", "back to French");
    assert.equal(await newText(), frenchNew);
  } finally {
    await app.close();
  }
});
