// Starts the real Billet app on a temporary copy of a site, and drives it
// with WebDriver: tauri-driver launches WebKitWebDriver, which launches the
// app binary. Each test gets its own site copy, settings folder and ports.

import { Builder, By, until } from "selenium-webdriver";
import { spawn, execFileSync } from "node:child_process";
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
 */
export async function launch({ site = path.join(repo, "content"), lang = "fr", prepare } = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "billet-e2e-"));
  const siteCopy = path.join(home, "site");
  fs.cpSync(site, siteCopy, { recursive: true });
  if (prepare) prepare(siteCopy);
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
  await driver.wait(until.elementLocated(byTestId("post-list")), 20000, `the post list did not appear\n${driverLog}`);
  return {
    driver,
    site: siteCopy,
    async close() {
      // An app with unsaved changes asks before closing: quitting the
      // session may then wait, so it gets a few seconds, then the group goes.
      const timeout = new Promise((resolve) => setTimeout(resolve, 5000));
      await Promise.race([driver.quit().catch(() => {}), timeout]);
      try {
        process.kill(-driverProcess.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      fs.rmSync(home, { recursive: true, force: true });
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
