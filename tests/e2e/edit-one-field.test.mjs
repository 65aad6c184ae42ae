// Test 2: changing only the description of an existing post changes only
// the description's lines on disk.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, byTestId, find, openPost, eventually, screenshot } from "./harness.mjs";

const POST = "fr/blog/importer-vos-adherents-depuis-un-tableur.md";

test("editing the description changes only its lines", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    const before = fs.readFileSync(path.join(app.site, POST), "utf8");
    await openPost(driver, POST);
    const field = await find(driver, "field-description");
    await eventually(driver, async () => (await field.getAttribute("value")).length > 0, "the form is filled");
    await screenshot(driver, "existing-post");
    await field.clear();
    await field.sendKeys("Un nouveau résumé : plus court.");
    await find(driver, "dirty");
    await find(driver, "save").click();
    await eventually(driver, async () => (await driver.findElements(byTestId("dirty"))).length === 0, "saved");

    const after = fs.readFileSync(path.join(app.site, POST), "utf8");
    const a = before.split("\n");
    const b = after.split("\n");
    assert.equal(a.length, b.length);
    const changed = a.map((line, i) => [line, b[i], i]).filter(([x, y]) => x !== y);
    assert.equal(changed.length, 1, `only one line changed:\n${JSON.stringify(changed, null, 1)}`);
    assert.ok(changed[0][0].startsWith("description: "));
    assert.equal(changed[0][1], 'description: "Un nouveau résumé : plus court."');
  } finally {
    await app.close();
  }
});
