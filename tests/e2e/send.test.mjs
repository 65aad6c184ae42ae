// Sending to the site from the ready panel, to a bare repository over
// file:// beside the site: a post sent directly, step by step; then a post
// a colleague changed meanwhile, settled field by field in the app and
// sent. git says what the remote holds.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, find, byTestId, openPost, eventually, screenshot, git, commitEverything } from "./harness.mjs";

const FIRST = "fr/blog/2026/rencontre-des-tresoriers-a-rennes-le-5-decembre.md";
const SECOND = "fr/blog/importer-vos-adherents-depuis-un-tableur.md";

/** The site committed, a bare remote beside it, and a colleague's clone that changed SECOND's title and sent it. */
function withRemote(site) {
  commitEverything(site);
  const home = path.dirname(site);
  const remote = path.join(home, "remote.git");
  git(home, "clone", "-q", "--bare", site, remote);
  git(site, "remote", "add", "origin", `file://${remote}`);
  git(site, "fetch", "-q", "origin");
  git(site, "branch", "-q", "-u", "origin/main");
  const colleague = path.join(home, "colleague");
  git(home, "clone", "-q", `file://${remote}`, colleague);
  const file = path.join(colleague, SECOND);
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("title: Importer vos adhérents", "title: Importer ses adhérents"));
  git(colleague, "-c", "user.name=Léa", "-c", "user.email=lea@example.org", "commit", "-q", "-am", "Titre");
  git(colleague, "push", "-q", "origin", "main");
}

const remoteFile = (app, rel) => git(path.join(app.home, "remote.git"), "show", `main:${rel}`);

async function setField(driver, id, text) {
  const field = await find(driver, id);
  await eventually(driver, async () => (await field.getAttribute("value")).length > 0, "the form is filled");
  await field.clear();
  await field.sendKeys(text);
  assert.equal(await field.getAttribute("value"), text);
}

async function openPanelAndSend(driver) {
  await find(driver, "publish").click();
  await find(driver, "ready-panel");
  const send = await find(driver, "send");
  await eventually(driver, async () => await send.isEnabled(), "« Envoyer » can be clicked");
  await send.click();
}

test("a post is sent to the remote, then a colleague's change to another is settled field by field", async () => {
  const app = await launch({ prepare: withRemote });
  const { driver } = app;
  try {
    // 1. Straight to the site: the steps, the result, the badge.
    await openPost(driver, FIRST);
    await setField(driver, "field-author", "Hélène Martin");
    await openPanelAndSend(driver);
    const done = await find(driver, "ready-done", 30000);
    await eventually(driver, async () => (await done.getText()) === "Envoyé sur le site (origin).", "« Envoyé sur le site »");
    const steps = await driver.executeScript(
      "return [...document.querySelectorAll('[data-testid=send-step]')].map((e) => e.dataset.step);",
    );
    // The colleague's change came in first: the author's post went on top of it.
    assert.deepEqual(steps, ["checking", "recording", "fetching", "replaying", "sending"]);
    await screenshot(driver, "send-done");
    assert.match(remoteFile(app, FIRST), /author: Hélène Martin/);
    assert.match(remoteFile(app, SECOND), /title: Importer ses adhérents/);
    await driver.findElement({ css: "[data-testid=ready-panel] .dialog-actions .btn" }).click();
    const badge = async (rel) =>
      driver.findElement({ css: `[data-testid="post-item"][data-path="${rel}"] [data-testid="post-git"]` });
    await eventually(driver, async () => (await (await badge(FIRST)).getAttribute("data-state")) === "sent", "the post reads « Envoyé »");
    assert.equal(await (await badge(FIRST)).getText(), "Envoyé");

    // 2. Someone changes SECOND's title on the site; the author changes it too, and a paragraph.
    const colleague = path.join(app.home, "colleague");
    git(colleague, "pull", "-q", "--rebase");
    const theirs = path.join(colleague, SECOND);
    fs.writeFileSync(theirs, fs.readFileSync(theirs, "utf8").replace("title: Importer ses adhérents", "title: Importer ses membres"));
    git(colleague, "-c", "user.name=Léa", "-c", "user.email=lea@example.org", "commit", "-q", "-am", "Encore le titre");
    git(colleague, "push", "-q", "origin", "main");

    // The first send brought the colleague's title into the author's copy:
    // once the list shows it, the app has taken that change in.
    await eventually(
      driver,
      async () =>
        (await driver.executeScript(
          (rel) => document.querySelector(`[data-testid="post-item"][data-path="${rel}"]`).textContent,
          SECOND,
        )).includes("Importer ses adhérents"),
      "the list shows the colleague's title",
      20000,
    );
    await openPost(driver, SECOND);
    await setField(driver, "field-title", "Vos adhérents depuis un tableur");
    await setField(driver, "field-description", "En quatre étapes, votre tableur devient votre liste d'adhérents.");
    await openPanelAndSend(driver);
    const settle = await find(driver, "settle", 30000);
    const keys = await driver.executeScript(
      "return [...document.querySelectorAll('[data-testid=settle-field]')].map((e) => e.dataset.key);",
    );
    // The fields that differ: the one only the author changed comes with the author's version chosen.
    assert.deepEqual(keys, ["description", "title"]);
    const description = await settle.findElement({ css: "[data-testid=settle-field][data-key=description] [data-testid=choose-yours]" });
    assert.equal(await description.isSelected(), true);
    // The words as laid out (textContent: a loaded machine may not have painted them yet).
    const texts = await driver.executeScript(
      "return [...document.querySelectorAll('[data-testid=settle-field][data-key=title] label')].map((l) => l.textContent.trim().replace(/\\s+/g, ' ')).join('\\n');",
    );
    assert.match(texts, /Leur version\s+Importer ses membres/);
    assert.match(texts, /Votre version\s+Vos adhérents depuis un tableur/);
    assert.match(texts, /Avant vous deux\s+Importer ses adhérents/);
    // While the author chooses, the post holds their own version: no conflict markers anywhere.
    assert.ok(!fs.readFileSync(path.join(app.site, SECOND), "utf8").includes("<<<<<<<"));
    assert.equal((await driver.findElements(byTestId("ready-blocked"))).length, 0);
    await screenshot(driver, "send-settle");
    // Their title; the author's description stays (only the author changed it).
    await settle.findElement({ css: '[data-testid=settle-field][data-key=title] [data-testid=choose-theirs]' }).click();
    await find(driver, "settle-finish").click();
    const sent = await find(driver, "ready-done", 30000);
    await eventually(driver, async () => (await sent.getText()) === "Envoyé sur le site (origin).", "sent after settling");
    assert.equal((await driver.findElements(byTestId("settle"))).length, 0);
    await screenshot(driver, "send-settled");

    const onRemote = remoteFile(app, SECOND);
    assert.match(onRemote, /title: Importer ses membres depuis un tableur\n/);
    assert.match(onRemote, /description: En quatre étapes, votre tableur devient votre liste d'adhérents\./);
    assert.ok(!onRemote.includes("<<<<<<<"), "no conflict markers");
    assert.equal(fs.readFileSync(path.join(app.site, SECOND), "utf8"), onRemote, "the author's copy is what was sent");
    assert.equal(git(app.site, "status", "--porcelain"), "");
    // The form shows the settled title once the file changed under it.
    await eventually(
      driver,
      async () => (await driver.findElement(byTestId("field-title")).getAttribute("value")) === "Importer ses membres depuis un tableur",
      "the form shows the settled post",
    );
  } finally {
    await app.close();
  }
});
