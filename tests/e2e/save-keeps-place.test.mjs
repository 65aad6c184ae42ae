// Saving keeps the author's place (issue 11, bug 1): at the end of a long
// post, typing then saving with the button, with Ctrl+S, or through
// « Publier… » leaves the middle pane (form and text) and the preview
// scrolled exactly where they were.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, byTestId, find, openPost, previewText, eventually, screenshot, Key } from "./harness.mjs";

const POST = "fr/blog/2026/un-long-article.md";

function longPost() {
  const paragraph =
    "Les associations tiennent leurs comptes avec **soin**, et chaque adhésion compte : voici comment Mésange les aide.\n\n";
  let body = "";
  for (let i = 0; i < 80; i++) body += i % 8 === 0 ? `## Partie ${i / 8 + 1}\n\n` : paragraph;
  return `---\ndate: 2026-05-01T00:00:00.000Z\nbadge:\n  label: Tutoriel\nauthor: Hélène\ntitle: Un long article\n---\n\n${body}Fin.\n`;
}

/** The middle pane's and the preview's scroll positions. */
function positions(driver) {
  return driver.executeScript(`
    const pane = document.querySelector('[data-testid=compose]');
    const preview = document.querySelector('[data-testid=preview]').contentDocument.scrollingElement;
    return { pane: pane.scrollTop, preview: preview.scrollTop };
  `);
}

/** The positions once they stop moving (the preview follows the pane a frame later). */
async function settled(driver) {
  let last = await positions(driver);
  for (let i = 0; i < 40; i++) {
    await driver.sleep(150);
    const now = await positions(driver);
    if (now.pane === last.pane && now.preview === last.preview) return now;
    last = now;
  }
  return last;
}

/** Types where the cursor is (the end of the text); the editor takes the focus back without scrolling. */
async function typeAtTheEnd(driver, text) {
  await driver.executeScript("window.__billet.editorView.focus();");
  await driver.actions().sendKeys(text).perform();
  await find(driver, "dirty");
  await eventually(driver, async () => (await previewText(driver)).includes(text.trim()), "the typed text is in the preview");
}

const unsaved = async (driver) => (await driver.findElements(byTestId("dirty"))).length === 0;

function assertSamePlace(before, after, how) {
  assert.ok(before.pane > 500, `the pane is scrolled down before saving (${before.pane})`);
  assert.ok(before.preview > 500, `the preview is scrolled down before saving (${before.preview})`);
  assert.ok(Math.abs(after.pane - before.pane) <= 2, `${how}: the pane stays at ${before.pane}, not ${after.pane}`);
  assert.ok(
    Math.abs(after.preview - before.preview) <= 2,
    `${how}: the preview stays at ${before.preview}, not ${after.preview}`,
  );
}

test("saving keeps the pane and the preview where they were", async () => {
  const app = await launch({ prepare: (site) => fs.writeFileSync(path.join(site, POST), longPost()) });
  const { driver } = app;
  try {
    await openPost(driver, POST);
    await eventually(driver, async () => (await previewText(driver)).includes("Partie 10"), "the long post is shown");
    await find(driver, "editor").findElement({ css: ".cm-content" }).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).perform();

    // With the button.
    await typeAtTheEnd(driver, " Un mot de plus.");
    let before = await settled(driver);
    await find(driver, "save").click();
    await eventually(driver, () => unsaved(driver), "saved with the button");
    assertSamePlace(before, await settled(driver), "the save button");
    await screenshot(driver, "save-keeps-place");

    // With Ctrl+S.
    await typeAtTheEnd(driver, " Et un autre.");
    before = await settled(driver);
    await driver.actions().keyDown(Key.CONTROL).sendKeys("s").keyUp(Key.CONTROL).perform();
    await eventually(driver, () => unsaved(driver), "saved with Ctrl+S");
    assertSamePlace(before, await settled(driver), "Ctrl+S");

    // Through « Publier… », which saves first.
    await typeAtTheEnd(driver, " Un dernier.");
    before = await settled(driver);
    await find(driver, "publish").click();
    await find(driver, "ready-panel");
    await eventually(driver, () => unsaved(driver), "saved by the publish button");
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await driver.wait(async () => (await driver.findElements(byTestId("ready-panel"))).length === 0, 5000);
    assertSamePlace(before, await settled(driver), "« Publier… »");

    const saved = fs.readFileSync(path.join(app.site, POST), "utf8");
    assert.match(saved, /Fin\.\n Un mot de plus\. Et un autre\. Un dernier\.$/);
  } finally {
    await app.close();
  }
});
