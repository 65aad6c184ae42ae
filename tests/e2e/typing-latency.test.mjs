// Test 3: the preview keeps up with typing. Measures, inside the page, the
// time from each keydown to the end of the preview render that shows it,
// over 200 keystrokes at the end of a 30 KB post, and prints the median and
// the 95th percentile. A measurement, not an assertion on time.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, byTestId, find, openPost, previewText, eventually, Key } from "./harness.mjs";

const POST = "fr/blog/2026/un-long-article.md";
const KEYS = 200;

function longPost() {
  const paragraph =
    "Les associations tiennent leurs comptes avec **soin**, et chaque adhésion compte : voici comment [Mésange](https://example.org) les aide.\n\n";
  let body = "";
  for (let i = 0; body.length < 30 * 1024; i++) {
    body += i % 8 === 0 ? `## Partie ${i / 8 + 1}\n\n` : paragraph;
    if (i % 11 === 0) body += "- un point\n- un autre point\n\n";
  }
  return `---\ndate: 2026-05-01T00:00:00.000Z\nbadge:\n  label: Tutoriel\nauthor: Hélène\nimage: /blog/2026/importer-vos-adherents-depuis-un-tableur.jpg\ntitle: Un long article\n---\n\n${body}`;
}

test("keystroke-to-preview latency over 200 keystrokes on a 30 KB post", async () => {
  const app = await launch({
    prepare: (site) => fs.writeFileSync(path.join(site, POST), longPost()),
  });
  const { driver } = app;
  try {
    await openPost(driver, POST);
    await eventually(driver, async () => (await previewText(driver)).includes("Partie 3"), "the long post is shown");
    await find(driver, "editor").findElement({ css: ".cm-content" }).click();
    await driver.actions().keyDown(Key.CONTROL).sendKeys(Key.END).keyUp(Key.CONTROL).sendKeys(Key.ENTER, Key.ENTER).perform();
    await driver.executeScript(`
      window.__keydowns = [];
      document.addEventListener("keydown", () => window.__keydowns.push(performance.now()), true);
    `);

    const latencies = [];
    const text = "Une phrase tapée lettre après lettre pour mesurer l'aperçu. ";
    for (let i = 0; i < KEYS; i++) {
      const ch = text[i % text.length];
      const before = Number(await find(driver, "preview").getAttribute("data-renders"));
      await driver.actions().sendKeys(ch).perform();
      await driver.wait(
        async () => Number(await find(driver, "preview").getAttribute("data-renders")) > before,
        5000,
        `keystroke ${i} was rendered`,
      );
      const [down, rendered] = await driver.executeScript(
        "return [window.__keydowns[window.__keydowns.length - 1], Number(document.querySelector('[data-testid=preview]').dataset.renderedAt)];",
      );
      latencies.push(rendered - down);
    }
    const typed = await previewText(driver);
    assert.ok(typed.includes("Une phrase tapée lettre après lettre"), "the typed text reached the preview");

    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    const size = fs.statSync(path.join(app.site, POST)).size;
    console.log(
      `typing latency (${KEYS} keystrokes, post of ${(size / 1024).toFixed(1)} KB): median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`,
    );
  } finally {
    await app.close();
  }
});
