// Starts the real Billet app on a temporary copy of a site, and drives it
// with WebDriver: tauri-driver launches WebKitWebDriver, which launches the
// app binary. Each test gets its own site copy, settings folder and ports.

import { Builder, By, until } from "selenium-webdriver";
import { spawn, execFileSync } from "node:child_process";
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export { By, Key, until } from "selenium-webdriver";

export const repo = path.resolve(import.meta.dirname, "../..");
const target = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), ".cache/billet-target");
export const appBinary = path.join(target, "debug/billet-app");
export const cliBinary = path.join(target, "debug/billet");
const tauriDriver = process.env.TAURI_DRIVER ?? path.join(os.homedir(), ".cargo/bin/tauri-driver");

/** Where screenshots go; the test command prints this folder. */
export const outputDir = path.join(os.tmpdir(), "billet-e2e-output");
fs.mkdirSync(outputDir, { recursive: true });

export const byTestId = (id) => By.css(`[data-testid="${id}"]`);

/** The element with this test id, once it is there (a WebElementPromise, so calls chain). */
export function find(driver, id, ms = 10000) {
  return driver.wait(until.elementLocated(byTestId(id)), ms, `no element [data-testid="${id}"]`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForPort(port, ms = 15000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port}`);
}

/**
 * Launches Billet on a copy of `site` (the embedded default site unless
 * given). `prepare(siteCopy)` may add or change files before the app starts.
 * `home` starts it again on the site, settings and data of an earlier launch.
 */
export async function launch({ site = path.join(repo, "content"), lang = "fr", prepare, home: earlier } = {}) {
  const home = earlier ?? fs.mkdtempSync(path.join(os.tmpdir(), "billet-e2e-"));
  const siteCopy = path.join(home, "site");
  if (!earlier) {
    fs.cpSync(site, siteCopy, { recursive: true });
    if (prepare) prepare(siteCopy);
  }
  const locale = lang === "fr" ? "fr_FR.UTF-8" : "en_US.UTF-8";
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(home, "config"),
    XDG_DATA_HOME: path.join(home, "data"),
    HOME: home,
    LANG: locale,
    LC_ALL: locale,
  };
  const port = await freePort();
  const nativePort = await freePort();
  // A process group of its own, so that closing kills tauri-driver,
  // WebKitWebDriver and the app together, whatever state the app is in.
  const driverProcess = spawn(tauriDriver, ["--port", String(port), "--native-port", String(nativePort)], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  // The app's own messages come through here; kept for failure reports.
  let driverLog = "";
  driverProcess.stderr.on("data", (d) => {
    driverLog += d;
    if (process.env.BILLET_E2E_VERBOSE) process.stderr.write(d);
  });
  await waitForPort(port);
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}/`)
    .withCapabilities({ browserName: "wry", "tauri:options": { application: appBinary, args: [siteCopy] } })
    .build();
  // Drawing and encoding a 4000-pixel photo in the page can take WebKit
  // well over the default 30 s on a loaded 2-core machine.
  await driver.manage().setTimeouts({ script: 120000 });
  await driver.wait(until.elementLocated(byTestId("post-list")), 20000, `the post list did not appear\n${driverLog}`);
  return {
    driver,
    site: siteCopy,
    home,
    /** The app's data folder (recovery copies live there). */
    dataDir: path.join(home, "data", "org.billet.editor"),
    /** Kills the app process with SIGKILL, as a crash would: nothing gets to clean up. */
    killApp() {
      execFileSync("pkill", ["-KILL", "-g", String(driverProcess.pid), "-x", "billet-app"]);
    },
    /** Ends the session; `keepHome` keeps the site and data for another launch. */
    async close({ keepHome = false } = {}) {
      // An app with unsaved changes asks before closing: quitting the
      // session may then wait, so it gets a few seconds, then the group goes.
      const timeout = new Promise((resolve) => setTimeout(resolve, 5000));
      await Promise.race([driver.quit().catch(() => {}), timeout]);
      try {
        process.kill(-driverProcess.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      if (!keepHome) fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the window under outputDir and returns its path. */
export async function screenshot(driver, name) {
  const file = path.join(outputDir, `${name}.png`);
  fs.writeFileSync(file, Buffer.from(await driver.takeScreenshot(), "base64"));
  return file;
}

/** The value of a front matter field, read back through billet-core (the CLI). */
export function coreGet(site, post, key) {
  return execFileSync(cliBinary, ["--site", site, "get", post, key], { encoding: "utf8" }).trimEnd();
}

// The machine's git configuration must not leak into the tests' repositories.
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };

/** Runs git in `repo`, as a person beside Billet would; gives its output. */
export function git(repo, ...args) {
  return execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", env: GIT_ENV });
}

/** Makes `site` a repository with everything committed, by Camille Test. */
export function commitEverything(site) {
  git(site, "init", "-q", "-b", "main");
  git(site, "config", "user.name", "Camille Test");
  git(site, "config", "user.email", "camille@example.org");
  git(site, "add", "-A");
  git(site, "commit", "-q", "-m", "Le site");
}

/** Waits until `check` returns a truthy value, and returns it. */
export async function eventually(driver, check, message, ms = 10000) {
  return driver.wait(async () => (await check()) || false, ms, message);
}

/** The preview iframe's body text (the iframe is same-origin, script-free). */
export async function previewText(driver) {
  return driver.executeScript(
    "const f = document.querySelector('[data-testid=preview]'); return f && f.contentDocument ? f.contentDocument.body.innerText : '';",
  );
}

/** The preview iframe's body HTML. */
export async function previewHtml(driver) {
  return driver.executeScript(
    "const f = document.querySelector('[data-testid=preview]'); return f && f.contentDocument ? f.contentDocument.body.innerHTML : '';",
  );
}

/** Clicks the post whose site-relative path is `rel` in the list. */
export async function openPost(driver, rel) {
  const item = await driver.wait(until.elementLocated(By.css(`[data-testid="post-item"][data-path="${rel}"]`)), 10000);
  await item.click();
}

/** Replaces the editor's whole text, as a paste would. */
export async function setEditorText(driver, text) {
  await eventually(driver, () => driver.executeScript("return Boolean(window.__billet?.editorView);"), "the editor is ready");
  await driver.executeScript(
    "const v = window.__billet.editorView; v.dispatch({changes: {from: 0, to: v.state.doc.length, insert: arguments[0]}});",
    text,
  );
}

/** The editor's text, or "" while no post is open. */
export async function editorText(driver) {
  return driver.executeScript("return window.__billet?.editorView?.state.doc.toString() ?? '';");
}

/**
 * Draws a picture in the page (a sky, a sea, a red buoy at (bx, by)), encodes
 * it as the browser would save a photo, and drops it on the element
 * `target` (a CSS selector), as a file from the desktop would arrive.
 */
export async function dropPicture(driver, target, { name, type, width, height, buoy }) {
  const error = await driver.executeAsyncScript(
    `const [target, name, type, width, height, buoy, done] = arguments;
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext("2d");
    const sky = g.createLinearGradient(0, 0, 0, height);
    sky.addColorStop(0, "#8ec5e8");
    sky.addColorStop(0.55, "#f4e3c1");
    sky.addColorStop(0.56, "#2d6f8e");
    sky.addColorStop(1, "#0f3347");
    g.fillStyle = sky;
    g.fillRect(0, 0, width, height);
    for (let i = 0; i < 400; i++) {
      g.fillStyle = "rgba(255,255,255," + (i % 7) / 40 + ")";
      g.fillRect((i * 7919) % width, height * 0.56 + ((i * 104729) % (height * 0.44)), 40, 3);
    }
    g.fillStyle = "#e0201b";
    g.beginPath();
    g.arc(buoy[0], buoy[1], Math.round(width / 40), 0, 2 * Math.PI);
    g.fill();
    canvas.toBlob((blob) => {
      if (!blob) return done("the canvas gave no " + type);
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type }));
      const el = document.querySelector(target);
      const at = el.getBoundingClientRect();
      const init = { bubbles: true, cancelable: true, dataTransfer: data, clientX: at.left + 20, clientY: at.top + 20 };
      el.dispatchEvent(new DragEvent("dragenter", init));
      el.dispatchEvent(new DragEvent("dragover", init));
      el.dispatchEvent(new DragEvent("drop", init));
      done(null);
    }, type, 0.92);`,
    target,
    name,
    type,
    width,
    height,
    buoy,
  );
  assert.equal(error, null);
}

/** Width and height from a JPEG's frame header. */
export function jpegSize(bytes) {
  assert.equal(bytes.readUInt16BE(0), 0xffd8, "a JPEG file");
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes.readUInt16BE(at);
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xffc0 && marker <= 0xffcf && ![0xffc4, 0xffc8, 0xffcc].includes(marker)) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error("no frame header");
}

/**
 * Drops a file with these bytes (a Buffer) on the element `target` (a CSS
 * selector), as a file from the desktop would arrive. Gives the page's
 * `performance.now()` at the drop, to time what follows from the page.
 */
export async function dropFile(driver, target, { name, type, bytes }) {
  const at = await driver.executeScript(
    `const [target, name, type, base64] = arguments;
    const raw = atob(base64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    const data = new DataTransfer();
    data.items.add(new File([bytes], name, { type }));
    const el = document.querySelector(target);
    const box = el.getBoundingClientRect();
    const init = { bubbles: true, cancelable: true, dataTransfer: data, clientX: box.left + 20, clientY: box.top + 20 };
    el.dispatchEvent(new DragEvent("dragenter", init));
    el.dispatchEvent(new DragEvent("dragover", init));
    const at = performance.now();
    el.dispatchEvent(new DragEvent("drop", init));
    return at;`,
    target,
    name,
    type,
    bytes.toString("base64"),
  );
  assert.equal(typeof at, "number", "the file was dropped");
  return at;
}
