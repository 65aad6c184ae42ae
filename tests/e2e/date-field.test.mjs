// Dates in the interface language's order (issue 11, bug 4): the French
// interface shows and takes jj/mm/aaaa, the English one YYYY-MM-DD,
// whatever the system's locale; the post keeps the date as the site writes it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, byTestId, find, openPost, coreGet, eventually, screenshot, Key } from "./harness.mjs";

const POST = "fr/blog/importer-vos-adherents-depuis-un-tableur.md";

test("the date field shows and takes days in the interface language's order", async () => {
  // An American system: the webview's own date input would write 03/10/2026.
  const app = await launch({ lang: "en" });
  const { driver } = app;
  try {
    const pick = async (value) => (await find(driver, "language")).findElement({ css: `option[value="${value}"]` }).click();
    await pick("fr");
    await eventually(driver, async () => (await find(driver, "save").getText()).trim() === "Enregistrer", "in French");
    await openPost(driver, POST);
    const field = await find(driver, "field-date");
    await eventually(driver, async () => (await field.getAttribute("value")) === "10/03/2026", "10 March 2026 reads 10/03/2026");
    assert.equal(await field.getAttribute("placeholder"), "jj/mm/aaaa");

    // Typed without leading zeros: taken, then written out in full.
    await field.clear();
    await field.sendKeys("2/12/2026", Key.TAB);
    assert.equal(await field.getAttribute("value"), "02/12/2026");
    await find(driver, "save").click();
    await eventually(driver, async () => (await driver.findElements(byTestId("dirty"))).length === 0, "saved");
    assert.match(coreGet(app.site, POST, "date"), /^2026-12-02/);

    // No such day: said plainly once the author leaves the field, and nothing changes.
    await field.clear();
    await field.sendKeys("31/02/2026", Key.TAB);
    const problem = await find(driver, "field-date-problem");
    assert.match(await problem.getText(), /jj\/mm\/aaaa/);
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    assert.equal((await driver.findElements(byTestId("dirty"))).length, 0, "the post keeps its date");
    await screenshot(driver, "date-field-problem");
    await field.clear();
    await field.sendKeys("2026-12-03");
    await eventually(driver, async () => (await driver.findElements(byTestId("field-date-problem"))).length === 0, "understood");

    // English: the ISO order, which no reader takes for another day.
    await pick("en");
    await eventually(driver, async () => (await field.getAttribute("value")) === "2026-12-03", "the day in ISO order");
    assert.equal(await field.getAttribute("placeholder"), "YYYY-MM-DD");
    await screenshot(driver, "date-field-english");

    // The new post dialog takes its date the same way.
    await pick("fr");
    await find(driver, "save").click();
    await eventually(driver, async () => (await driver.findElements(byTestId("dirty"))).length === 0, "saved again");
    await find(driver, "new-post").click();
    const date = await find(driver, "new-post-date");
    assert.match(await date.getAttribute("value"), /^\d\d\/\d\d\/\d{4}$/);
  } finally {
    await app.close();
  }
});
