// Test 6: script in a post never runs, whatever the sanitizer lets through:
// the preview is a sandboxed iframe without scripts, and the CSP forbids
// inline script anyway. A canary global stays unset and the window stays put.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, byTestId, find, openPost, setEditorText, previewHtml, eventually, Key } from "./harness.mjs";

const PAYLOADS = [
  "<script>parent.__canary = 'script'</script>",
  "<img src=x onerror=\"parent.__canary='img'\">",
  "<svg onload=\"parent.__canary='svg'\"><circle r=5></circle></svg>",
  "<iframe srcdoc=\"<script>parent.parent.__canary='srcdoc'</script>\"></iframe>",
  "<a href=\"javascript:parent.__canary='js'\">clic</a>",
  "<a href=\"jav&#x09;ascript:parent.__canary='tab'\">tab</a>",
  "[lien](javascript:parent.__canary='md')",
  "<meta http-equiv=\"refresh\" content=\"0;url=https://example.org\">",
  "<base href=\"https://example.org/\">",
  "<form action=\"https://example.org\"><button>go</button></form>",
  "<details open ontoggle=\"parent.__canary='details'\">x</details>",
  "<style>body{background:url(javascript:parent.__canary='css')}</style>",
  "::card{onclick=\"parent.__canary='mdc'\"}\nTexte\n::",
  "<object data=\"data:text/html,<script>parent.__canary='object'</script>\"></object>",
  "<math><a xlink:href=\"javascript:parent.__canary='math'\">m</a></math>",
];

test("nothing in a post can run script or move the window", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    await openPost(driver, "fr/blog/importer-vos-adherents-depuis-un-tableur.md");
    const preview = await find(driver, "preview");
    assert.equal(await preview.getAttribute("sandbox"), "allow-same-origin");
    const where = await driver.getCurrentUrl();
    await driver.executeScript("window.__canary = undefined;");

    await setEditorText(driver, PAYLOADS.join("\n\n"));
    // And typed, key by key, as an author could.
    await find(driver, "editor").findElement({ css: ".cm-content" }).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).perform();
    await driver.actions().sendKeys(Key.ENTER, Key.ENTER, "<img src=y onerror=\"parent.__canary='typed'\">").perform();

    const html = await eventually(
      driver,
      async () => {
        const h = await previewHtml(driver);
        return h.includes("clic") && h.includes("Texte") && h;
      },
      "the preview shows the payloads' text",
    );
    // Give any handler the chance to fire: images error out, details toggle.
    await driver.sleep(1500);
    await preview.click();
    // Click every link and label inside the preview, as an author would.
    await driver.executeScript(`
      const doc = document.querySelector('[data-testid=preview]').contentDocument;
      for (const el of doc.querySelectorAll('a, label, button, details, summary')) el.click();
    `);
    await driver.sleep(500);

    assert.equal(await driver.executeScript("return window.__canary;"), null);
    assert.equal(
      await driver.executeScript("return document.querySelector('[data-testid=preview]').contentWindow.__canary;"),
      null,
    );
    assert.equal(await driver.getCurrentUrl(), where, "the app window did not navigate");
    assert.doesNotMatch(html, /<script|onerror=|onload=|ontoggle=|javascript:|srcdoc|<meta|<base|<form|<style|<object|<svg|<math/i);
  } finally {
    await app.close();
  }
});

test("paths coming from the interface stay inside the open site", async () => {
  const app = await launch();
  const { driver } = app;
  try {
    // What a compromised page could try: call Billet's commands directly.
    const attempt = (command, args) =>
      driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];" +
          "window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then((v) => done({ ok: v }), (e) => done({ err: e }));",
        command,
        args,
      );
    for (const path of ["../../../../etc/passwd", "/etc/passwd", "fr/blog/../../../../etc/passwd"]) {
      const answer = await attempt("load_post", { path });
      assert.equal(answer.ok, undefined, `load_post(${path}) was refused`);
      assert.match(answer.err.code, /^path\./, JSON.stringify(answer.err));
      const disk = await attempt("disk_text", { path });
      assert.match(disk.err.code, /^path\./, JSON.stringify(disk));
    }
    const link = await attempt("open_link", { url: "file:///etc/passwd" });
    assert.equal(link.err.code, "app.link_refused");
  } finally {
    await app.close();
  }
});
