// Test 1: an author creates a post from scratch, sees each part in the
// preview, saves, and the file on disk is what the site expects.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, byTestId, find, Key, coreGet, eventually, previewHtml, editorText, screenshot } from "./harness.mjs";

const TITLE = "Open Source Expérience 2024 : Du libre, des idées !";

test("create a post, see it in the preview, save it where the site expects it", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await find(driver, "new-post").click();
    await find(driver, "new-post-title").sendKeys(TITLE);
    const year = new Date().getFullYear();
    const rel = `fr/blog/${year}/open-source-experience-2024-du-libre-des-idees.md`;
    await eventually(
      driver,
      async () => (await find(driver, "new-post-path").getText()).includes(rel),
      `the dialog shows the future path ${rel}`,
    );
    await find(driver, "new-post-create").click();
    await eventually(driver, async () => fs.existsSync(path.join(app.site, rel)), "the post file is created");

    const type = async (id, text) => {
      const input = await find(driver, id);
      await input.clear();
      await input.sendKeys(text);
    };
    await type("field-badge.label", "Événement");
    await type("field-author", "Céline");
    await type("field-description", "Pourquoi faire le choix du libre ?");

    const editor = await find(driver, "editor");
    await editor.findElement({ css: ".cm-content" }).click();
    for (const line of ["## Un titre", "", "Du **gras** et [un lien](https://example.org).", "", "- un"]) {
      await driver.actions().sendKeys(line, Key.ENTER).perform();
    }
    await driver.actions().sendKeys("deux").perform();
    const body = await editorText(driver);
    assert.match(body, /## Un titre\n\nDu \*\*gras\*\* et \[un lien\]\(https:\/\/example\.org\)\.\n\n- un\n- deux/);

    const html = await eventually(
      driver,
      async () => {
        const h = await previewHtml(driver);
        return h.includes("deux</li>") && h;
      },
      "the preview shows the list",
    );
    assert.match(html, /<h2[^>]*>Un titre<\/h2>/);
    assert.match(html, /<strong>gras<\/strong>/);
    assert.match(html, /<a [^>]*href="https:\/\/example\.org"/);
    assert.match(html, /<li>un<\/li>/);
    for (const text of ["Événement", TITLE, "Céline"]) assert.ok(html.includes(text), `preview shows ${text}`);
    await screenshot(driver, "new-post");

    await find(driver, "save").click();
    await eventually(driver, async () => (await driver.findElements(byTestId("dirty"))).length === 0, "saved");

    assert.equal(coreGet(app.site, rel, "title"), TITLE);
    assert.equal(coreGet(app.site, rel, "badge.label"), "Événement");
    assert.equal(coreGet(app.site, rel, "author"), "Céline");
    assert.equal(coreGet(app.site, rel, "description"), "Pourquoi faire le choix du libre ?");
    assert.match(coreGet(app.site, rel, "date"), new RegExp(`^${year}-\\d\\d-\\d\\dT00:00:00\\.000Z$`));
    const text = fs.readFileSync(path.join(app.site, rel), "utf8");
    assert.ok(text.startsWith("---\ndate: "), text);
    assert.ok(text.includes('title: "Open Source Expérience 2024 : Du libre, des idées !"\n'), text);
    assert.ok(text.includes("\n---\n## Un titre\n\nDu **gras** et [un lien](https://example.org).\n\n- un\n- deux"), text);
  } finally {
    await app.close();
  }
});
