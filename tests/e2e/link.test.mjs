// The link button asks for the address (issue 11): the selected text
// becomes the link's text, or the address itself with nothing selected;
// Enter adds the link, Escape lets it go.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, byTestId, find, openPost, editorText, eventually, previewHtml, screenshot, Key } from "./harness.mjs";

const POST = "fr/blog/importer-vos-adherents-depuis-un-tableur.md";

const dialogGone = async (driver) => (await driver.findElements(byTestId("link-dialog"))).length === 0;

test("the link button asks for the address and links the selected text", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await openPost(driver, POST);
    await find(driver, "editor").findElement({ css: ".cm-content" }).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).perform();
    // "le site", selected word by word from the end, as an author would.
    await driver.actions().sendKeys(Key.ENTER, "Voir le site").perform();
    await driver
      .actions()
      .keyDown(Key.CONTROL)
      .keyDown(Key.SHIFT)
      .sendKeys(Key.ARROW_LEFT, Key.ARROW_LEFT)
      .keyUp(Key.SHIFT)
      .keyUp(Key.CONTROL)
      .perform();

    await find(driver, "toolbar-link").click();
    // The dialog is in the page before it shows: wait for its words.
    await eventually(
      driver,
      async () => /«\u202Fle site\u202F»/.test(await find(driver, "link-dialog").getText()),
      "the dialog names the selected text",
    );
    // The address field has the focus: the author types, then Enter.
    await addressFocused(driver);
    await driver.actions().sendKeys("dokos.io").perform();
    await screenshot(driver, "link-dialog");
    await driver.actions().sendKeys(Key.ENTER).perform();
    await eventually(driver, () => dialogGone(driver), "Enter adds the link");
    assert.match(await editorText(driver), /\nVoir \[le site\]\(https:\/\/dokos\.io\)$/);

    // Nothing selected, Ctrl+K: the e-mail address is the link's text. The cursor is back in the text.
    await driver.actions().sendKeys(" ou écrire à ").keyDown(Key.CONTROL).sendKeys("k").keyUp(Key.CONTROL).perform();
    await addressFocused(driver);
    await driver.actions().sendKeys("marie@asso.fr", Key.ENTER).perform();
    await eventually(driver, () => dialogGone(driver), "added");
    assert.match(await editorText(driver), /ou écrire à \[marie@asso\.fr\]\(mailto:marie@asso\.fr\)$/);

    // Escape: nothing written, and typing goes on in the text.
    await driver.actions().keyDown(Key.CONTROL).sendKeys("k").keyUp(Key.CONTROL).perform();
    await addressFocused(driver);
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await eventually(driver, () => dialogGone(driver), "Escape lets it go");
    await driver.actions().sendKeys(".").perform();
    assert.match(await editorText(driver), /\(mailto:marie@asso\.fr\)\.$/);

    const html = await eventually(driver, async () => {
      const h = await previewHtml(driver);
      return h.includes("marie@asso.fr") && h;
    }, "the preview shows the links");
    assert.ok(html.includes('data-href="https://dokos.io"'), "the preview links « le site »");
    assert.ok(html.includes('data-href="mailto:marie@asso.fr"'), "the preview links the e-mail address");
  } finally {
    await app.close();
  }
});

/** Keys go to the address once the dialog shows and has given it the focus. */
function addressFocused(driver) {
  return eventually(
    driver,
    () => driver.executeScript("return document.activeElement?.dataset?.testid === 'link-address';"),
    "the address field has the focus",
  );
}
