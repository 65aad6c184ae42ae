// The author's whole job, counted (issue 11, "Count the path"). A French
// author has a phone photo (4000x3000, stored sideways with EXIF
// orientation 6) and a title. They end with a post recorded in the site's
// history (a commit) that has a summary, a category, a cover framed from
// the photo and one paragraph with a bold word and a link. Everything is
// done as an author would: real clicks and keys, the photo dropped on the
// cover field, the app's defaults taken as they come (author, date, the
// first frame, the commit message). Every interaction is counted; the goal
// is 12 or fewer. The result is checked on disk with git and `billet`.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import {
  launch,
  byTestId,
  find,
  eventually,
  screenshot,
  commitEverything,
  git,
  coreGet,
  cliBinary,
  dropFile,
  jpegSize,
  previewHtml,
} from "./harness.mjs";

const TITLE = "Notre rentrée 2026 : ce qui change";
const SLUG = "notre-rentree-2026-ce-qui-change";
const CATEGORY = "Vie associative";
const SUMMARY = "Horaires, inscriptions et nouvelles activités : tout ce qui change à la rentrée.";
const PARAGRAPH = "Les inscriptions ouvrent le **lundi** 7 septembre, tout est expliqué sur [notre site](https://example.org/rentree).";
const PHOTO = "IMG_20260901_093412.jpg";

// The photo's colours (its own, before JPEG): they are looked for in the cover.
const COLOURS = {
  sky: [143, 193, 227],
  roof: [192, 57, 43],
  wall: [242, 193, 78],
  ground: [169, 161, 150],
};

/**
 * Paints the photo upright (3000 wide, 4000 high: a house near the top, a
 * flat blue sky above it, flat gravel below) and stores it as a phone
 * does: sideways, 4000x3000, so that only its EXIF orientation 6 ("turn 90°
 * clockwise to show") puts it upright. Gives the browser's JPEG, without EXIF.
 */
async function paintPhoto(driver) {
  const base64 = await driver.executeAsyncScript(
    `const [colours, done] = arguments;
    const rgb = (c) => "rgb(" + c.join(",") + ")";
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const g = canvas.getContext("2d");
    // Upright (ux, uy) is stored at (uy, 3000 - ux): the upright top is the stored left.
    g.setTransform(0, -1, 1, 0, 0, 3000);
    g.fillStyle = rgb(colours.sky);
    g.fillRect(0, 0, 3000, 1350);
    g.fillStyle = rgb(colours.ground);
    g.fillRect(0, 1350, 3000, 2650);
    // The chimney, behind the roof.
    g.fillStyle = "#7b2d26";
    g.fillRect(1780, 470, 110, 260);
    // The roof: a red triangle with rows of tiles.
    g.fillStyle = rgb(colours.roof);
    g.beginPath();
    g.moveTo(1500, 420);
    g.lineTo(2180, 800);
    g.lineTo(820, 800);
    g.closePath();
    g.fill();
    g.strokeStyle = "#8e2a1f";
    g.lineWidth = 6;
    for (let y = 470; y < 800; y += 45) {
      const half = ((y - 420) / 380) * 680;
      g.beginPath();
      g.moveTo(1500 - half + 10, y);
      g.lineTo(1500 + half - 10, y);
      g.stroke();
    }
    // The walls, with windows (crossbars) and a door.
    g.fillStyle = rgb(colours.wall);
    g.fillRect(900, 800, 1200, 550);
    for (const [x, y] of [[980, 880], [1260, 880], [1620, 880], [1900, 880], [980, 1120], [1900, 1120]]) {
      g.fillStyle = "#ffffff";
      g.fillRect(x - 8, y - 8, 136, 156);
      g.fillStyle = "#2c4a6e";
      g.fillRect(x, y, 120, 140);
      g.fillStyle = "#ffffff";
      g.fillRect(x + 56, y, 8, 140);
      g.fillRect(x, y + 66, 120, 8);
    }
    g.fillStyle = "#7a4a21";
    g.fillRect(1430, 1110, 140, 240);
    g.fillStyle = "#e8c547";
    g.beginPath();
    g.arc(1545, 1240, 10, 0, 2 * Math.PI);
    g.fill();
    // Flowers along the wall.
    const flowers = ["#e84393", "#ffffff", "#6c5ce7", "#fd9644"];
    for (let i = 0; i < 60; i++) {
      g.fillStyle = flowers[i % 4];
      g.beginPath();
      g.arc(910 + i * 20, 1320 + (i % 3) * 8, 9, 0, 2 * Math.PI);
      g.fill();
    }
    canvas.toBlob((blob) => {
      if (!blob) return done(null);
      const reader = new FileReader();
      reader.onload = () => done(String(reader.result).split(",")[1]);
      reader.readAsDataURL(blob);
    }, "image/jpeg", 0.92);`,
    COLOURS,
  );
  assert.ok(base64, "the page made a JPEG");
  return Buffer.from(base64, "base64");
}

/**
 * The JPEG with an EXIF block (APP1) saying orientation 6, right after its
 * start marker: "Exif\0\0", a little-endian TIFF header, one IFD with one
 * entry, tag 0x0112 (Orientation) of type SHORT.
 */
function withOrientation(jpeg, orientation) {
  assert.equal(jpeg.readUInt16BE(0), 0xffd8, "a JPEG file");
  const tiff = Buffer.alloc(26);
  tiff.write("II", 0, "latin1"); // little-endian
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4); // the first IFD follows the header
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12); // SHORT
  tiff.writeUInt32LE(1, 14); // one value
  tiff.writeUInt16LE(orientation, 18); // the value, in the entry itself
  tiff.writeUInt32LE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffe1, 0);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/**
 * Where each of the photo's colours lies in a picture (a data URL), decoded
 * by the page: for each, the box around its pixels and how many there are;
 * and the share of sky in the top row, of gravel in the bottom row.
 */
async function colourMap(driver, dataUrl) {
  return driver.executeAsyncScript(
    `const [url, colours, done] = arguments;
    const img = new Image();
    img.onerror = () => done({ error: "the page could not decode the cover" });
    img.onload = () => {
      const w = img.naturalWidth, h = img.naturalHeight;
      const canvas = document.createElement("canvas");
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext("2d");
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, w, h).data;
      const names = Object.keys(colours);
      const near = (i) => {
        let best = null, bestD = 45 * 45;
        for (const n of names) {
          const c = colours[n];
          const d = (px[i] - c[0]) ** 2 + (px[i + 1] - c[1]) ** 2 + (px[i + 2] - c[2]) ** 2;
          if (d < bestD) [best, bestD] = [n, d];
        }
        return best;
      };
      // Rows and columns where a colour has at least a few pixels: JPEG's
      // blending at the edges between colours leaves strays, which are not counted.
      const rows = {}, cols = {}, boxes = {};
      for (const n of names) [rows[n], cols[n], boxes[n]] = [new Array(h).fill(0), new Array(w).fill(0), { count: 0 }];
      for (let y = 0; y < h; y += 2) {
        for (let x = 0; x < w; x += 2) {
          const n = near((y * w + x) * 4);
          if (!n) continue;
          rows[n][y]++;
          cols[n][x]++;
          boxes[n].count++;
        }
      }
      const MIN = 6;
      for (const n of names) {
        const b = boxes[n];
        b.top = rows[n].findIndex((c) => c >= MIN);
        b.bottom = rows[n].findLastIndex((c) => c >= MIN);
        b.left = cols[n].findIndex((c) => c >= MIN);
        b.right = cols[n].findLastIndex((c) => c >= MIN);
        b.meanY = Math.round(b.count ? rows[n].reduce((sum, c, y) => sum + c * y, 0) / b.count : -1);
      }
      const share = (y, n) => {
        let hits = 0;
        for (let x = 0; x < w; x++) if (near((y * w + x) * 4) === n) hits++;
        return hits / w;
      };
      done({ width: w, height: h, boxes, topSky: share(2, "sky"), bottomGround: share(h - 3, "ground") });
    };
    img.src = url;`,
    dataUrl,
    COLOURS,
  );
}

/** Records, in the page, when each part of the framing view first shows. */
async function watchFraming(driver) {
  await driver.executeScript(`
    const marks = {};
    window.__authorJob = marks;
    const mark = (k) => { if (!(k in marks)) marks[k] = performance.now(); };
    const check = () => {
      if (document.querySelector('[data-testid="framing"]')) mark("dialog");
      if (document.querySelector('[data-testid="framing-progress"]')) mark("progress");
      if (document.querySelector('[data-testid="cover-preview-progress"]')) mark("previewProgress");
      const img = document.querySelector('[data-testid="framing"] .picture img');
      if (img && img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0) mark("framing");
      const exact = document.querySelector('[data-testid="cover-preview"][data-exact="true"] img.exact');
      if (exact && exact.complete && exact.naturalWidth > 0) mark("exact");
      if ("use" in marks && !document.querySelector('[data-testid="framing"]')) mark("closed");
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true });
    document.addEventListener("load", check, true);
    document.addEventListener("click", (e) => {
      if (e.target.closest?.('[data-testid="cover-use"]')) mark("use");
    }, true);
    const frame = () => { check(); if (!("closed" in marks)) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  `);
}

const marks = (driver) => driver.executeScript("return window.__authorJob;");

test("the author's whole job: a post with a summary, a category, a framed cover and a paragraph, recorded", async () => {
  const app = await launch({ lang: "fr", prepare: commitEverything });
  const { driver } = app;
  const year = new Date().getFullYear();
  const rel = `fr/blog/${year}/${SLUG}.md`;
  const coverRel = `public/blog/${year}/${SLUG}.jpg`;

  // Every interaction, counted as it is made.
  const count = { clicks: 0, texts: 0, drops: 0, drags: 0, shortcuts: 0 };
  const steps = [];
  let shot = 0;
  /** A screenshot of this step, once the page has painted what it holds. */
  const snap = async (name) => {
    await driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    return screenshot(driver, `author-job-${String(++shot).padStart(2, "0")}-${name}`);
  };
  /** Clicks the element with this test id (or, with `inside`, the element it holds), named by its words when it has some. */
  const click = async (id, what, inside) => {
    let el = await find(driver, id, 20000);
    if (inside) el = await el.findElement({ css: inside });
    await driver.wait(() => el.isEnabled(), 20000, `${what} is enabled`);
    const words = (await el.getTagName()) === "button" ? (await el.getText()).trim() : "";
    await el.click();
    count.clicks++;
    steps.push(`click ${words && words.length < 60 ? `« ${words} »` : what}`);
  };
  /** Types a run of text where the cursor is, after checking where that is. */
  const type = async (text, where, what) => {
    await eventually(driver, () => driver.executeScript(`return Boolean(document.activeElement?.closest(arguments[0]));`, where), `the cursor is in ${what}`);
    await driver.actions().sendKeys(text).perform();
    count.texts++;
    steps.push(`type ${what}`);
  };

  try {
    // The phone photo, as it comes off the phone.
    const photo = withOrientation(await paintPhoto(driver), 6);
    fs.writeFileSync(path.join(app.home, PHOTO), photo);
    assert.deepEqual(jpegSize(photo), { width: 4000, height: 3000 }, "stored sideways");
    assert.equal(photo.indexOf(Buffer.from("Exif\0\0II*\0", "latin1")), 6, "EXIF right after the start marker");

    // 1-5. The new post: title, category; the date and the author are the app's.
    await click("new-post", "the new post button");
    await find(driver, "new-post-dialog");
    await type(TITLE, '[data-testid="new-post-title"]', "the title");
    await eventually(driver, async () => (await find(driver, "new-post-path").getText()).includes(`${SLUG}.md`), "the dialog shows where the post goes");
    const author = await find(driver, "new-post-author").getAttribute("value");
    assert.equal(author, "Camille Test", "the author comes from the site's repository");
    await click("new-post-badge", "the category field");
    await type(CATEGORY, '[data-testid="new-post-badge"]', "the category");
    await snap("new-post-dialog");
    await click("new-post-create", "the create button");
    await eventually(driver, async () => fs.existsSync(path.join(app.site, rel)), "the post is created");

    // 6. The summary: the cursor is already there.
    await type(SUMMARY, '[data-testid="field-description"]', "the summary");
    await snap("summary");

    // 7-8. The photo dropped on the cover field; the first frame is the app's.
    await watchFraming(driver);
    const dropAt = await dropFile(driver, '[data-testid="cover-drop"]', { name: PHOTO, type: "image/jpeg", bytes: photo });
    count.drops++;
    steps.push("drop the photo on the cover field");
    await find(driver, "framing");
    await eventually(driver, async () => "framing" in ((await marks(driver)) ?? {}), "the framing view shows the picture", 30000);
    await snap("framing-picture");
    const preview = await find(driver, "cover-preview");
    await eventually(driver, async () => (await preview.getAttribute("data-exact")) === "true", "the exact cover is previewed", 30000);
    await eventually(driver, async () => "exact" in ((await marks(driver)) ?? {}), "the exact cover is shown", 10000);
    assert.equal(await find(driver, "framing-zoom").getAttribute("value"), "1", "unzoomed");
    await snap("framing-exact");
    await click("cover-use", "the use button");
    await driver.wait(async () => (await driver.findElements(byTestId("framing"))).length === 0, 30000, "the framing view closes");
    await eventually(driver, async () => "closed" in ((await marks(driver)) ?? {}), "the closing is timed");
    const m = await marks(driver);
    assert.ok("progress" in m, "the framing area showed the progress while the picture was prepared");
    assert.ok("previewProgress" in m, "the card said the exact preview was on its way");
    const ms = (v) => Math.round(v);
    console.log(
      `author job: drop → framing view ${ms(m.framing - dropAt)} ms, drop → exact preview ${ms(m.exact - dropAt)} ms, use → closed ${ms(m.closed - m.use)} ms` +
        ` (drop → view open ${ms(m.dialog - dropAt)} ms; photo ${photo.length} bytes)`,
    );
    await eventually(driver, async () => (await find(driver, "field-image").getAttribute("value")) === `/blog/${year}/${SLUG}.jpg`, "the field holds the cover");
    await snap("cover-used");

    // 9-10. The paragraph, with a bold word and a link, typed in one go.
    await click("editor", "the text", ".cm-content");
    await type(PARAGRAPH, '[data-testid="editor"]', "the paragraph");
    await eventually(driver, async () => {
      const html = await previewHtml(driver);
      return html.includes("<strong>lundi</strong>") && html.includes('href="https://example.org/rentree"');
    }, "the preview shows the bold word and the link");
    await snap("paragraph");

    // 11-12. Recorded: the panel saves, proposes a message, and records.
    await click("publish", "the publish button");
    await find(driver, "ready-panel");
    await eventually(driver, async () => (await driver.findElements(byTestId("ready-file"))).length === 2, "the panel lists the post and its cover");
    const message = await find(driver, "commit-message").getAttribute("value");
    assert.equal(message, `Blog : ${TITLE}`, "the commit message is proposed");
    await snap("ready-panel");
    await click("commit", "the record button");
    const done = await find(driver, "ready-done", 30000);
    await eventually(driver, async () => (await done.getText()) !== "", "the panel says what was done");
    await eventually(driver, async () => {
      const states = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=ready-file]')].map((e) => e.getAttribute('data-state'));",
      );
      return states.length === 2 && states.every((s) => s === "unchanged");
    }, "both files are recorded");
    const badge = await driver.findElement({ css: `[data-testid="post-item"][data-path="${rel}"] [data-testid="post-git"]` });
    await eventually(driver, async () => (await badge.getAttribute("data-state")) === "recorded", "the list says the post is recorded");
    await snap("recorded");

    const total = count.clicks + count.texts + count.drops + count.drags + count.shortcuts;
    console.log(
      `author job: ${total} interactions (${count.clicks} clicks, ${count.texts} text entries, ${count.drops} drops, ${count.drags} drags, ${count.shortcuts} shortcuts)`,
    );
    steps.forEach((s, i) => console.log(`  ${i + 1}. ${s}`));

    // ---- What is on disk ----------------------------------------------------------
    const show = git(app.site, "show", "--name-status", "--format=", "HEAD").trim().split("\n").sort();
    assert.deepEqual(show, [`A\t${rel}`, `A\t${coverRel}`], "the commit holds the post and its cover, both added");
    assert.equal(git(app.site, "log", "-1", "--format=%s").trim(), `Blog : ${TITLE}`);
    assert.equal(git(app.site, "log", "-1", "--format=%an <%ae>").trim(), "Camille Test <camille@example.org>");
    const status = git(app.site, "status", "--porcelain");
    assert.ok(!status.includes(SLUG), `nothing of the post is left uncommitted:\n${status}`);

    const cover = fs.readFileSync(path.join(app.site, coverRel));
    assert.deepEqual(jpegSize(cover), { width: 1080, height: 600 });
    const map = await colourMap(driver, `data:image/jpeg;base64,${cover.toString("base64")}`);
    assert.equal(map.error, undefined, map.error);
    const { roof, wall } = map.boxes;
    const facts = JSON.stringify(map);
    // Upright: sky along the top, gravel along the bottom, the roof above the walls.
    assert.ok(map.topSky > 0.9, `sky along the top: ${facts}`);
    assert.ok(map.bottomGround > 0.9, `gravel along the bottom: ${facts}`);
    assert.ok(roof.count > 500 && wall.count > 500, `the house is in the cover: ${facts}`);
    assert.ok(roof.meanY < wall.meanY, `the roof is above the walls: ${facts}`);
    assert.ok(roof.bottom <= wall.top + 12, `the roof sits on the walls: ${facts}`);
    // Framed on the house: all of it, roof's tip included, near the middle.
    assert.ok(roof.top > 10, `sky above the roof's tip: ${facts}`);
    assert.ok(wall.bottom < map.height - 10, `the foot of the walls is in: ${facts}`);
    assert.ok(roof.left > 10 && roof.right < map.width - 10, `the roof is whole: ${facts}`);
    assert.ok(Math.abs((roof.left + roof.right) / 2 - map.width / 2) < 60, `the house is in the middle: ${facts}`);

    assert.equal(coreGet(app.site, rel, "title"), TITLE);
    assert.equal(coreGet(app.site, rel, "description"), SUMMARY);
    assert.equal(coreGet(app.site, rel, "badge.label"), CATEGORY);
    assert.equal(coreGet(app.site, rel, "author"), "Camille Test");
    assert.equal(coreGet(app.site, rel, "image"), `/blog/${year}/${SLUG}.jpg`);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
    assert.equal(coreGet(app.site, rel, "date"), `${day}T00:00:00.000Z`, "the date is today's");
    const text = fs.readFileSync(path.join(app.site, rel), "utf8");
    const body = text.slice(text.indexOf("\n---\n", 4) + 5);
    assert.ok(body.includes("**lundi**"), body);
    assert.ok(body.includes("[notre site](https://example.org/rentree)"), body);
    const html = execFileSync(cliBinary, ["--site", app.site, "render", rel], { encoding: "utf8" });
    assert.match(html, /<strong>lundi<\/strong>/);
    assert.match(html, /<a [^>]*href="https:\/\/example\.org\/rentree"/);

    const check = spawnSync(cliBinary, ["check", "--site", app.site, "--json"], { encoding: "utf8" });
    assert.equal(check.status, 0, `billet check:\n${check.stdout}${check.stderr}`);
    const report = JSON.parse(check.stdout);
    assert.equal(report.errors, 0, check.stdout);
    const mine = report.problems.filter((p) => JSON.stringify(p).includes(SLUG));
    assert.deepEqual(mine, [], "no problem for this post");

    assert.ok(total <= 12, `the job took ${total} interactions:\n${steps.join("\n")}`);
  } finally {
    await app.close();
  }
});
