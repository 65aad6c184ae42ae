// A file changed by another program while it is open: saving is refused
// with a dialog, and nothing is lost whichever way the author chooses.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, find, openPost, eventually, until } from "./harness.mjs";

const POST = "fr/blog/importer-vos-adherents-depuis-un-tableur.md";

async function editThenChangeOnDisk(app) {
  const { driver } = app;
  await openPost(driver, POST);
  const author = await find(driver, "field-author");
  await eventually(driver, async () => (await author.getAttribute("value")).length > 0, "the form is filled");
  await author.clear();
  await author.sendKeys("Mon nom");
  const file = path.join(app.site, POST);
  const theirs = fs.readFileSync(file, "utf8").replace("title: ", "title: Modifié ailleurs, ");
  fs.writeFileSync(file, theirs);
  await find(driver, "save").click();
  const dialog = await find(driver, "conflict");
  await driver.wait(until.elementIsVisible(dialog), 5000, "the conflict dialog is shown");
  return { file, theirs };
}

test("changed on disk: keep mine writes the author's version", async () => {
  const app = await launch();
  try {
    const { file, theirs } = await editThenChangeOnDisk(app);
    assert.equal(fs.readFileSync(file, "utf8"), theirs, "nothing was overwritten before the author chose");
    await find(app.driver, "conflict-keep").click();
    await eventually(app.driver, async () => fs.readFileSync(file, "utf8").includes("author: Mon nom"), "mine is saved");
    assert.ok(!fs.readFileSync(file, "utf8").includes("Modifié ailleurs"));
  } finally {
    await app.close();
  }
});

test("changed on disk: reload shows the other version", async () => {
  const app = await launch();
  try {
    const { file, theirs } = await editThenChangeOnDisk(app);
    await find(app.driver, "conflict-reload").click();
    const title = await find(app.driver, "field-title");
    await eventually(app.driver, async () => (await title.getAttribute("value")).startsWith("Modifié ailleurs"), "theirs is shown");
    assert.equal(fs.readFileSync(file, "utf8"), theirs);
  } finally {
    await app.close();
  }
});
