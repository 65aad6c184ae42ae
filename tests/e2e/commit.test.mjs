// The last step: a new post with a cover, committed from the "ready to
// publish" panel. git itself then says what the commit holds, and that
// nothing else in the repository was touched.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, byTestId, find, eventually, screenshot, dropPicture, git, commitEverything } from "./harness.mjs";

const TITLE = "Assemblée générale 2027";

/** A repository with the whole site committed, an unrelated edit and a staged file. */
function makeRepository(site) {
  commitEverything(site);
  fs.appendFileSync(path.join(site, "billet.yml"), "\n# une note en cours\n");
  fs.writeFileSync(path.join(site, "NOTES.md"), "brouillon\n");
  git(site, "add", "NOTES.md");
}

test("a new post with a cover is committed from the panel, alone", async () => {
  const app = await launch({ prepare: makeRepository });
  const { driver } = app;
  try {
    const statusBefore = git(app.site, "status", "--porcelain");
    await find(driver, "new-post").click();
    await find(driver, "new-post-title").sendKeys(TITLE);
    // The site requires a category: without one, the panel would hold the post back.
    await find(driver, "new-post-badge").sendKeys("Vie associative");
    await find(driver, "new-post-create").click();
    const year = new Date().getFullYear();
    const rel = `fr/blog/${year}/assemblee-generale-2027.md`;
    await eventually(driver, async () => fs.existsSync(path.join(app.site, rel)), "the post is created");

    await dropPicture(driver, '[data-testid="cover-drop"]', {
      name: "salle.jpg",
      type: "image/jpeg",
      width: 2400,
      height: 1600,
      buoy: [1200, 800],
    });
    // The view opens at once; « Utiliser cette couverture » comes with the prepared picture.
    await find(driver, "framing", 20000);
    await find(driver, "cover-use", 20000).click();
    await driver.wait(async () => (await driver.findElements(byTestId("framing"))).length === 0, 20000);
    const cover = `public/blog/${year}/assemblee-generale-2027.jpg`;
    await eventually(driver, async () => fs.existsSync(path.join(app.site, cover)), "the cover is written");
    await eventually(
      driver,
      async () => (await driver.findElement(byTestId("field-image")).getAttribute("value")).endsWith("assemblee-generale-2027.jpg"),
      "the field points to the cover",
    );

    await find(driver, "publish").click();
    await find(driver, "ready-panel");
    const rows = await eventually(driver, async () => {
      const found = await driver.findElements(byTestId("ready-file"));
      return found.length > 0 && found;
    }, "the post's files are listed");
    const listed = await Promise.all(rows.map(async (r) => [await r.getAttribute("data-path"), await r.getAttribute("data-state")]));
    assert.deepEqual(listed, [
      [rel, "new"],
      [cover, "new"],
    ]);
    const message = await find(driver, "commit-message");
    assert.equal(await message.getAttribute("value"), `Blog : ${TITLE}`);
    await screenshot(driver, "ready-panel");
    const others = await driver.executeScript(
      "return [...document.querySelectorAll('[data-testid=ready-other] .path')].map((e) => e.textContent).sort();",
    );
    assert.deepEqual(others, ["NOTES.md", "billet.yml"], "other changes are shown");

    // The cover field was not saved yet: opening the panel saved it.
    assert.equal((await driver.findElements(byTestId("dirty"))).length, 0);
    await find(driver, "commit").click();
    // Said in the author's words: what was recorded, not "unchanged".
    const done = await find(driver, "ready-done", 20000);
    assert.equal(await done.getText(), "Version enregistrée\u202F: 2 fichiers (l'article et sa couverture).");
    await eventually(driver, async () => {
      const states = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=ready-file] .state')].map((e) => e.textContent.trim());",
      );
      return states.length === 2 && states.every((s) => s === "enregistré");
    }, "both files read « enregistré »");
    await screenshot(driver, "ready-panel-recorded");

    assert.equal(git(app.site, "log", "-1", "--format=%s").trim(), `Blog : ${TITLE}`);
    assert.equal(git(app.site, "log", "-1", "--format=%an <%ae>").trim(), "Camille Test <camille@example.org>");
    const files = git(app.site, "show", "--name-status", "--format=", "HEAD").trim().split("\n").sort();
    assert.deepEqual(files, [`A\t${cover}`, `A\t${rel}`].sort());
    assert.match(git(app.site, "show", "--stat", "HEAD"), /2 files changed/);
    // Everything else is exactly as it was: the unrelated edit, the staged file.
    assert.equal(git(app.site, "status", "--porcelain"), statusBefore);
    assert.match(git(app.site, "show", `HEAD:${rel}`), /image: \/blog\/\d{4}\/assemblee-generale-2027\.jpg/);

    // The list says the post is recorded in the site's history: nothing claims it is online.
    await find(driver, "ready-panel");
    await driver.findElement({ css: "[data-testid=ready-panel] .dialog-actions .btn" }).click();
    const badge = await driver.findElement({ css: `[data-testid="post-item"][data-path="${rel}"] [data-testid="post-git"]` });
    assert.equal(await badge.getAttribute("data-state"), "recorded");
    assert.equal(await badge.getText(), "Enregistré");
  } finally {
    await app.close();
  }
});
