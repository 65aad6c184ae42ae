// The ready panel shows what the site's check finds (issue 11, bug 2): an
// error (the author left empty) is shown first and holds back both the
// recording and the export, with a sentence saying why; once fixed, the
// version is recorded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, byTestId, find, openPost, eventually, screenshot, commitEverything, git, Key } from "./harness.mjs";

const POST = "fr/blog/importer-vos-adherents-depuis-un-tableur.md";

async function openPanel(driver) {
  await find(driver, "publish").click();
  await find(driver, "ready-panel");
  return eventually(driver, async () => (await driver.findElements(byTestId("ready-file"))).length > 0, "the panel is read");
}

async function closePanel(driver) {
  await driver.findElement({ css: "[data-testid=ready-panel] .dialog-actions .btn" }).click();
  await driver.wait(async () => (await driver.findElements(byTestId("ready-panel"))).length === 0, 5000);
}

test("an error in the post holds back recording and export until it is fixed", async () => {
  const app = await launch({ prepare: commitEverything });
  const { driver } = app;
  try {
    await openPost(driver, POST);
    const author = await find(driver, "field-author");
    await eventually(driver, async () => (await author.getAttribute("value")) === "Camille", "the form is filled");
    // Emptied as an author would (clear() alone sends no input event).
    await author.sendKeys(Key.chord(Key.CONTROL, "a"), Key.BACK_SPACE);
    await find(driver, "field-error-author");

    await openPanel(driver);
    const errors = await driver.executeScript(
      "return [...document.querySelectorAll('[data-testid=ready-problem][data-severity=error]')].map((e) => e.textContent);",
    );
    assert.match(errors.join("\n"), /Auteur ou autrice/, "the error is listed");
    // The dialog fades in: its text is read once it is shown.
    await eventually(
      driver,
      async () => (await find(driver, "ready-blocked").getText()) === "Corrigez d'abord les erreurs ci-dessus.",
      "the panel says why it waits",
    );
    assert.equal(await find(driver, "commit").isEnabled(), false);
    assert.equal(await find(driver, "export").isEnabled(), false);
    await screenshot(driver, "ready-panel-blocked");
    await closePanel(driver);

    await author.sendKeys("Camille Martin");
    await openPanel(driver);
    assert.equal((await driver.findElements(byTestId("ready-blocked"))).length, 0);
    assert.equal(await find(driver, "export").isEnabled(), true);
    await find(driver, "commit").click();
    const done = await find(driver, "ready-done", 20000);
    await eventually(driver, async () => (await done.getText()) !== "", "the panel says what was done");
    assert.equal(await done.getText(), "Version enregistrée\u202F: 1 fichier (l'article).");
    assert.match(git(app.site, "show", `HEAD:${POST}`), /author: "?Camille Martin"?\n/);
  } finally {
    await app.close();
  }
});
