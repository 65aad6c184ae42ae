// The post list (issue 11, bug 6, and the words of its badges): beside
// where a post stands in the site's history, its category stays readable,
// and no state claims the post is online.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, find, eventually, screenshot, commitEverything } from "./harness.mjs";

const CHANGED = "fr/blog/2026/rencontre-des-tresoriers-a-rennes-le-5-decembre.md";
const NEW = "fr/blog/2026/vie-de-l-association.md";

function prepare(site) {
  commitEverything(site);
  fs.appendFileSync(path.join(site, CHANGED), "\nUne ligne de plus.\n");
  fs.writeFileSync(
    path.join(site, NEW),
    "---\ndate: 2026-11-20T00:00:00.000Z\nbadge:\n  label: Vie de l'association\nauthor: Hélène\ntitle: Nos bénévoles\n---\n\nMerci.\n",
  );
}

test("each post's category and history state are both readable", async () => {
  const app = await launch({ prepare });
  const { driver } = app;
  try {
    await find(driver, "post-list");
    const items = await eventually(driver, async () => {
      const rows = await driver.executeScript(`
        return [...document.querySelectorAll('[data-testid=post-item]')].map((item) => {
          const badge = item.querySelector('.badge');
          const git = item.querySelector('[data-testid=post-git]');
          return {
            path: item.dataset.path,
            category: badge && { text: badge.textContent, cut: badge.scrollWidth > badge.clientWidth + 1 },
            git: git && { state: git.dataset.state, text: git.textContent.trim(), title: git.title, cut: git.scrollWidth > git.clientWidth + 1 },
          };
        });
      `);
      return rows.length >= 5 && rows.every((r) => r.git) && rows;
    }, "every post has its history state");
    const byPath = Object.fromEntries(items.map((i) => [i.path, i]));

    for (const item of items) {
      assert.ok(item.category, `${item.path} has a category`);
      assert.equal(item.category.cut, false, `« ${item.category.text} » is shown whole`);
      assert.equal(item.git.cut, false, `« ${item.git.text} » is shown whole`);
      assert.doesNotMatch(`${item.git.text} ${item.git.title}`, /publi|en ligne/i, "no state claims the post is online");
    }
    assert.deepEqual(
      [byPath[NEW].git.state, byPath[NEW].git.text, byPath[NEW].category.text],
      ["new", "Nouveau", "Vie de l'association"],
    );
    assert.deepEqual([byPath[CHANGED].git.state, byPath[CHANGED].git.text], ["modified", "Modifié"]);
    const recorded = byPath["fr/blog/importer-vos-adherents-depuis-un-tableur.md"].git;
    assert.deepEqual([recorded.state, recorded.text], ["recorded", "Enregistré"]);
    assert.match(recorded.title, /historique/);
    await screenshot(driver, "post-list");
  } finally {
    await app.close();
  }
});
