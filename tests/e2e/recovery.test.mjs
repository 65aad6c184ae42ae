// Nothing typed is lost: the app is killed (SIGKILL) after typing, and the
// next start offers the edits back; a change made on disk by another
// program while the author has unsaved edits gives the banner, not a loss.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, byTestId, find, openPost, eventually, editorText, screenshot } from "./harness.mjs";

const POST = "fr/blog/importer-vos-adherents-depuis-un-tableur.md";
const TYPED = "Une phrase tapée, jamais enregistrée.";

/** Types at the very end of the post's text, as the author would. */
async function typeAtEnd(driver, text) {
  await eventually(driver, async () => (await editorText(driver)).length > 0, "the text is loaded");
  await driver.executeScript(
    "const v = window.__billet.editorView; v.focus(); v.dispatch({selection: {anchor: v.state.doc.length}});",
  );
  await driver.findElement(byTestId("editor")).findElement({ css: ".cm-content" }).sendKeys(`\n${text}`);
  await find(driver, "dirty");
}

test("after a crash, the next start offers the unsaved edits back", async () => {
  const first = await launch();
  const before = fs.readFileSync(path.join(first.site, POST), "utf8");
  let second;
  try {
    await openPost(first.driver, POST);
    await typeAtEnd(first.driver, TYPED);
    // Kept every few seconds: wait until a copy is in the data folder.
    const kept = path.join(first.dataDir, "recovery");
    await eventually(
      first.driver,
      async () => fs.existsSync(kept) && fs.readdirSync(kept).some((f) => fs.readFileSync(path.join(kept, f), "utf8").includes(TYPED)),
      "the edits are kept in the data folder",
      15000,
    );
    first.killApp();
    await first.close({ keepHome: true });
    assert.equal(fs.readFileSync(path.join(first.site, POST), "utf8"), before, "the post itself was not saved");

    second = await launch({ home: first.home });
    const { driver } = second;
    const offer = await find(driver, "restore-offer");
    const item = await find(driver, "restore-item");
    assert.equal(await item.getAttribute("data-path"), POST);
    assert.match(await offer.getText(), new RegExp(TYPED.slice(0, 20)));
    await screenshot(driver, "restore-offer");
    await find(driver, "restore").click();
    await driver.wait(async () => (await driver.findElements(byTestId("restore-offer"))).length === 0, 10000);
    await eventually(driver, async () => (await editorText(driver)).includes(TYPED), "the text is back in the editor");
    await find(driver, "dirty");
    // Saving writes it, and the recovery copy goes.
    await find(driver, "save").click();
    await eventually(driver, async () => (await driver.findElements(byTestId("dirty"))).length === 0, "saved");
    assert.match(fs.readFileSync(path.join(second.site, POST), "utf8"), new RegExp(TYPED));
    await eventually(driver, async () => fs.readdirSync(path.join(second.dataDir, "recovery")).filter((f) => !f.startsWith(".")).length === 0, "the copy is removed");
  } finally {
    await (second ?? first).close();
  }
});

test("a change on disk while editing gives the banner; keep mine, take theirs and compare work", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await openPost(driver, POST);
    await typeAtEnd(driver, TYPED);
    const file = path.join(app.site, POST);
    const theirs = fs.readFileSync(file, "utf8").replace("Dans la plupart des associations", "Dans beaucoup d'associations");
    assert.ok(theirs.includes("Dans beaucoup d'associations"));
    fs.writeFileSync(file, theirs);

    const banner = await find(driver, "conflict-banner");
    assert.equal(await banner.getAttribute("data-kind"), "changed");
    assert.ok((await editorText(driver)).includes(TYPED), "the author's text is still there");
    await screenshot(driver, "conflict-banner");

    await find(driver, "compare").click();
    const dialog = await find(driver, "conflict");
    await eventually(driver, async () => (await dialog.getText()).includes("Dans beaucoup d'associations"), "both versions side by side");
    await driver.findElement(byTestId("conflict-keep")).click();
    await eventually(driver, async () => (await driver.findElements(byTestId("dirty"))).length === 0, "saved");
    const kept = fs.readFileSync(file, "utf8");
    assert.match(kept, new RegExp(TYPED));
    assert.doesNotMatch(kept, /Dans beaucoup d'associations/);
    // Billet's own save gave no banner.
    await driver.sleep(1500);
    assert.equal((await driver.findElements(byTestId("conflict-banner"))).length, 0);

    // Once more, and this time take theirs.
    await typeAtEnd(driver, "Encore une phrase.");
    fs.writeFileSync(file, theirs);
    await find(driver, "conflict-banner");
    await find(driver, "take-theirs").click();
    await eventually(driver, async () => !(await editorText(driver)).includes("Encore une phrase."), "their version is loaded");
    assert.equal((await driver.findElements(byTestId("dirty"))).length, 0);

    // With no unsaved edits, a change on disk is simply loaded, and said discreetly.
    fs.writeFileSync(file, theirs.replace("Importer vos adhérents", "Importer vos bénévoles"));
    await find(driver, "notice");
    await eventually(driver, async () => {
      const title = await driver.findElement(byTestId("field-title")).getAttribute("value");
      return title.includes("bénévoles");
    }, "the form follows the disk");
  } finally {
    await app.close();
  }
});
