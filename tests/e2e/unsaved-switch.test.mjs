// Test 4: with unsaved changes, switching post asks first, and Cancel keeps
// the edits on screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, find, openPost, editorText, eventually, Key, until } from "./harness.mjs";

const FIRST = "fr/blog/importer-vos-adherents-depuis-un-tableur.md";
const SECOND = "fr/blog/2026/rencontre-des-tresoriers-a-rennes-le-5-decembre.md";

test("switching post with unsaved changes asks, and Cancel keeps the edits", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await openPost(driver, FIRST);
    await eventually(driver, async () => (await editorText(driver)).length > 0, "the post is open");
    await find(driver, "editor").findElement({ css: ".cm-content" }).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).sendKeys(Key.ENTER, "Une phrase pas encore enregistrée.").perform();
    await find(driver, "dirty");

    await openPost(driver, SECOND);
    const dialog = await find(driver, "confirm-dialog");
    await driver.wait(until.elementIsVisible(dialog), 5000, "the question is shown");
    await find(driver, "confirm-cancel").click();

    assert.ok((await editorText(driver)).includes("Une phrase pas encore enregistrée."));
    await find(driver, "dirty");
    const active = await driver.findElement({ css: '[data-testid="post-item"][aria-current="true"]' });
    assert.equal(await active.getAttribute("data-path"), FIRST);
  } finally {
    await app.close();
  }
});
