// Covers and body images, as an author makes them: a 4000x3000 photo is
// dropped on the cover field, framed (frame dragged, zoomed with the
// keyboard), used and saved; a screenshot is dropped into the text, given
// its alt text and placed at the cursor. The files on disk are checked.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, byTestId, find, openPost, eventually, screenshot, coreGet, editorText, Key, dropPicture, jpegSize } from "./harness.mjs";

const POST = "fr/blog/importer-vos-adherents-depuis-un-tableur.md";
const OLD_COVER = "public/blog/2026/importer-vos-adherents-depuis-un-tableur.jpg";

/** Whether a JPEG carries EXIF (APP1) data. */
const hasExif = (bytes) => bytes.includes(Buffer.from("Exif\0\0", "latin1"));

test("a dropped photo becomes the cover, framed by the author", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await openPost(driver, POST);
    await find(driver, "cover-drop");
    await dropPicture(driver, '[data-testid="cover-drop"]', {
      name: "IMG_2041 vacances au port.jpg",
      type: "image/jpeg",
      width: 4000,
      height: 3000,
      buoy: [3000, 700],
    });

    await find(driver, "framing", 20000);
    const preview = await find(driver, "cover-preview");
    await eventually(driver, async () => (await preview.getAttribute("data-exact")) === "true", "the real cover is previewed", 20000);

    // Drag the frame up and to the right, towards the buoy.
    const frame = await find(driver, "framing-frame");
    const before = await frame.getRect();
    await driver.actions({ async: true }).move({ origin: frame }).press().move({ origin: frame, x: 120, y: -80 }).release().perform();
    const after = await frame.getRect();
    assert.ok(after.y < before.y, `the frame moved up (${before.y} -> ${after.y})`);

    // Zoom in with the keyboard on the slider, as far as the cover keeps its own pixels.
    const zoom = await find(driver, "framing-zoom");
    assert.equal(await zoom.getAttribute("value"), "1");
    await zoom.click();
    for (let i = 0; i < 40; i++) await zoom.sendKeys(Key.ARROW_RIGHT);
    await eventually(driver, async () => Number(await zoom.getAttribute("value")) > 1.2, "zoomed in");
    const zoomed = await frame.getRect();
    assert.ok(zoomed.width < after.width, "a zoom shrinks the frame");
    await eventually(driver, async () => (await preview.getAttribute("data-exact")) === "true", "the zoomed cover is previewed", 20000);
    await screenshot(driver, "framing");

    await find(driver, "cover-use", 20000).click();
    await driver.wait(async () => (await driver.findElements(byTestId("framing"))).length === 0, 20000, "the framing view closes");
    const field = await find(driver, "field-image");
    const url = await eventually(driver, async () => {
      const v = await field.getAttribute("value");
      return v.endsWith("-2.jpg") ? v : null;
    }, "the cover field points to the new file");
    assert.equal(url, "/blog/2026/importer-vos-adherents-depuis-un-tableur-2.jpg");
    // The preview shows the new cover at once, before any save.
    await eventually(
      driver,
      () =>
        driver.executeScript(
          "const d = document.querySelector('[data-testid=preview]').contentDocument; const img = d && d.querySelector('img'); return Boolean(img && img.src.includes('tableur-2.jpg') && img.complete && img.naturalWidth === 1080);",
        ),
      "the preview shows the new cover",
    );

    await find(driver, "save").click();
    await eventually(driver, async () => (await driver.findElements(byTestId("dirty"))).length === 0, "saved");
    await screenshot(driver, "cover-used");

    const file = path.join(app.site, "public", url);
    const bytes = fs.readFileSync(file);
    assert.deepEqual(jpegSize(bytes), { width: 1080, height: 600 });
    assert.ok(!hasExif(bytes), "no metadata in the cover");
    assert.ok(bytes.length < 300000, `within the site's budget (${bytes.length} bytes)`);
    assert.equal(coreGet(app.site, POST, "image"), url);
    // The replaced cover was used by this post only: it is gone.
    assert.ok(!fs.existsSync(path.join(app.site, OLD_COVER)), "the old cover was removed");
  } finally {
    await app.close();
  }
});

test("a picture dropped into the text is resized, described and placed at the cursor", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await openPost(driver, POST);
    await find(driver, "editor");
    await eventually(driver, async () => (await editorText(driver)).length > 0, "the text is loaded");
    // The cursor at the very end of the text.
    await driver.executeScript(
      "const v = window.__billet.editorView; v.dispatch({selection: {anchor: v.state.doc.length}});",
    );
    const textBefore = await editorText(driver);
    // CodeMirror listens on its content element.
    await dropPicture(driver, '[data-testid="editor"] .cm-content', {
      name: "capture-écran du tableau.png",
      type: "image/png",
      width: 2400,
      height: 1350,
      buoy: [1200, 600],
    });

    await find(driver, "alt-dialog", 20000);
    const alt = await find(driver, "alt-text");
    assert.equal(await alt.getAttribute("value"), "capture écran du tableau");
    await screenshot(driver, "alt-text");
    await alt.clear();
    await alt.sendKeys("Le tableau des adhérents, colonne par colonne");
    await find(driver, "alt-insert").click();
    await driver.wait(async () => (await driver.findElements(byTestId("alt-dialog"))).length === 0, 20000, "the dialog closes");

    const text = await editorText(driver);
    const match = /!\[Le tableau des adhérents, colonne par colonne\]\((\/blog\/2026\/[a-z0-9-]+\.jpg)\)/.exec(text);
    assert.ok(match, `the image is in the text:\n${text.slice(-300)}`);
    assert.ok(text.length > textBefore.length);
    const bytes = fs.readFileSync(path.join(app.site, "public", match[1]));
    assert.deepEqual(jpegSize(bytes), { width: 1600, height: 900 });
    await eventually(
      driver,
      () =>
        driver.executeScript(
          "const d = document.querySelector('[data-testid=preview]').contentDocument; return [...d.querySelectorAll('img')].some((i) => i.alt.startsWith('Le tableau') && i.complete && i.naturalWidth === 1600);",
        ),
      "the preview shows the image",
    );
  } finally {
    await app.close();
  }
});

test("a HEIC photo is refused with what to do, and nothing is written", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await openPost(driver, POST);
    await find(driver, "cover-drop");
    const listing = () => fs.readdirSync(path.join(app.site, "public/blog/2026")).sort();
    const files = listing();
    // The start of a real HEIC file: an ftyp box with the heic brand.
    const heic = [0, 0, 0, 24, ...Buffer.from("ftypheic"), 0, 0, 0, 0, ...Buffer.from("mif1heic"), 0, 0, 0, 0];
    await driver.executeScript(
      `const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(arguments[0])], "IMG_0001.HEIC", { type: "image/heic" }));
      const el = document.querySelector('[data-testid="cover-drop"]');
      el.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));`,
      heic,
    );
    const banner = await find(driver, "error");
    // The banner fades in: its text is read once it shows.
    const message = await eventually(driver, async () => (await banner.getText()) || null, "the message shows");
    assert.match(message, /HEIC/);
    assert.match(message, /JPEG/);
    assert.equal((await driver.findElements(byTestId("framing"))).length, 0);
    assert.deepEqual(listing(), files);
  } finally {
    await app.close();
  }
});

/** Pastes a 1600x900 screenshot-like PNG into the cover field's input, as Ctrl+V would. */
async function pasteScreenshot(driver) {
  const error = await driver.executeAsyncScript(
    `const done = arguments[0];
    const canvas = document.createElement("canvas");
    canvas.width = 1600;
    canvas.height = 900;
    const g = canvas.getContext("2d");
    g.fillStyle = "#f5f7fa";
    g.fillRect(0, 0, 1600, 900);
    g.fillStyle = "#1f5f6b";
    g.fillRect(100, 100, 600, 80);
    canvas.toBlob((blob) => {
      const data = new DataTransfer();
      data.items.add(new File([blob], "image.png", { type: "image/png" }));
      const input = document.querySelector('[data-testid="field-image"]');
      input.focus();
      input.dispatchEvent(new ClipboardEvent("paste", { bubbles: true, cancelable: true, clipboardData: data }));
      done(null);
    }, "image/png");`,
  );
  assert.equal(error, null);
  await find(driver, "framing", 20000);
}

test("a pasted screenshot: Cancel writes nothing; a cover replaced before saving is not left behind", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await openPost(driver, POST);
    await find(driver, "cover-drop");
    const folder = path.join(app.site, "public/blog/2026");
    const listing = () => fs.readdirSync(folder).sort();
    const files = listing();
    await pasteScreenshot(driver);
    const before = await find(driver, "field-image").getAttribute("value");
    await find(driver, "framing-cancel").click();
    await driver.wait(async () => (await driver.findElements(byTestId("framing"))).length === 0, 10000);
    assert.equal(await find(driver, "field-image").getAttribute("value"), before);
    assert.equal((await driver.findElements(byTestId("dirty"))).length, 0);
    assert.deepEqual(listing(), files);

    // Used twice before saving: only the second stays, and the old cover goes.
    for (const expected of ["-2.jpg", "-3.jpg"]) {
      await pasteScreenshot(driver);
      await find(driver, "cover-use", 20000).click();
      await eventually(driver, async () => (await find(driver, "field-image").getAttribute("value")).endsWith(expected), `the field ends in ${expected}`);
    }
    await find(driver, "save").click();
    await eventually(driver, async () => (await driver.findElements(byTestId("dirty"))).length === 0, "saved");
    await eventually(driver, async () => !fs.existsSync(path.join(folder, "importer-vos-adherents-depuis-un-tableur-2.jpg")), "the unused cover is removed");
    assert.ok(fs.existsSync(path.join(folder, "importer-vos-adherents-depuis-un-tableur-3.jpg")));
    assert.ok(!fs.existsSync(path.join(app.site, OLD_COVER)), "the replaced cover is removed");
  } finally {
    await app.close();
  }
});
