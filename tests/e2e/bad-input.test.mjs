// A post whose front matter is broken: the author gets a readable, located
// message in their language, never a raw error, and the file is untouched.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, find, openPost, eventually } from "./harness.mjs";

const POST = "fr/blog/casse.md";
const BROKEN = "---\ntitle: Un article\nbadge: [oups\nauthor: Hélène\n---\n\nTexte.\n";

test("a broken front matter gets a located message and is left as it is", async () => {
  const app = await launch({ lang: "fr", prepare: (site) => fs.writeFileSync(path.join(site, POST), BROKEN) });
  try {
    await openPost(app.driver, POST);
    const banner = await find(app.driver, "error");
    const text = await eventually(app.driver, async () => (await banner.getText()).trim(), "the message is shown");
    assert.match(text, /L'en-tête n'est pas du YAML valide, ligne \d+, colonne \d+/);
    assert.doesNotMatch(text, /panicked|Error\(|at src|\{"code"/);
    assert.equal(fs.readFileSync(path.join(app.site, POST), "utf8"), BROKEN);
  } finally {
    await app.close();
  }
});
