// The README's screenshot: the main window with a real post open. Saved in
// the output folder; `UPDATE_SCREENSHOT=1 scripts/test` copies it to docs/.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, byTestId, find, openPost, eventually, screenshot, repo } from "./harness.mjs";

test("the main window with a post open, for the README", async () => {
  const app = await launch({ lang: "fr" });
  const { driver } = app;
  try {
    await openPost(driver, "fr/blog/2026/mesange-2-0-les-adhesions-en-ligne.md");
    // Wait until the cover and body images have really loaded in the preview.
    await eventually(
      driver,
      async () =>
        driver.executeScript(`
          const doc = document.querySelector('[data-testid=preview]')?.contentDocument;
          const imgs = doc ? Array.from(doc.images) : [];
          return imgs.length >= 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
        `),
      "the preview's images load through the billet-media protocol",
    );
    await find(driver, "field-title");
    // Show the editor with the end of the form above it: what an author looks at most.
    await driver.executeScript(`
      const editor = document.querySelector('[data-testid=editor]');
      let column = editor.parentElement;
      while (column && !(column.scrollHeight > column.clientHeight + 10 && getComputedStyle(column).overflowY !== 'visible')) {
        column = column.parentElement;
      }
      const top = editor.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop;
      column.scrollTop = top - 520;
    `);
    // Loaded is not yet painted: give WebKit a moment before the picture.
    await driver.sleep(1000);
    const file = await screenshot(driver, "main-window");
    assert.ok(fs.statSync(file).size > 10000);
    if (process.env.UPDATE_SCREENSHOT) {
      fs.mkdirSync(path.join(repo, "docs"), { recursive: true });
      fs.copyFileSync(file, path.join(repo, "docs/screenshot.png"));
    }
  } finally {
    await app.close();
  }
});
