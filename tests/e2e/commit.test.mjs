// The last step: a new post with a cover, committed from the "ready to
// publish" panel. git itself then says what the commit holds, and that
// nothing else in the repository was touched.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, byTestId, find, eventually, screenshot, dropPicture } from "./harness.mjs";

const TITLE = "Assemblée générale 2027";
// The machine's git configuration must not leak into the test's repository.
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const git = (repo, ...args) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", env: GIT_ENV });

/** A repository with the whole site committed, an unrelated edit and a staged file. */
function makeRepository(site) {
  git(site, "init", "-q", "-b", "main");
  git(site, "config", "user.name", "Camille Test");
  git(site, "config", "user.email", "camille@example.org");
  git(site, "add", "-A");
  git(site, "commit", "-q", "-m", "Le site");
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
    await find(driver, "framing", 20000);
    await find(driver, "cover-use").click();
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
    await find(driver, "ready-done", 20000);

    assert.equal(git(app.site, "log", "-1", "--format=%s").trim(), `Blog : ${TITLE}`);
    assert.equal(git(app.site, "log", "-1", "--format=%an <%ae>").trim(), "Camille Test <camille@example.org>");
    const files = git(app.site, "show", "--name-status", "--format=", "HEAD").trim().split("\n").sort();
    assert.deepEqual(files, [`A\t${cover}`, `A\t${rel}`].sort());
    assert.match(git(app.site, "show", "--stat", "HEAD"), /2 files changed/);
    // Everything else is exactly as it was: the unrelated edit, the staged file.
    assert.equal(git(app.site, "status", "--porcelain"), statusBefore);
    assert.match(git(app.site, "show", `HEAD:${rel}`), /image: \/blog\/\d{4}\/assemblee-generale-2027\.jpg/);

    // The list says the post is published.
    await find(driver, "ready-panel");
    await driver.findElement({ css: "[data-testid=ready-panel] .dialog-actions .btn" }).click();
    const badge = await driver.findElement({ css: `[data-testid="post-item"][data-path="${rel}"] [data-testid="post-git"]` });
    assert.equal(await badge.getAttribute("data-state"), "published");
  } finally {
    await app.close();
  }
});
