/**
 * Browser end-to-end tests: the PACKAGED extension (error-catalog.vsix) installed into code-server,
 * driven in headless Chromium the way a user drives VS Code: keyboard shortcuts, the mouse over a
 * token, the widgets that appear. It also takes the README's screenshots: into out/screenshots, or
 * into docs/images (the README's own) with BROWSER_TEST_SCREENSHOTS=docs/images.
 *
 *   1. build the .vsix (`npm run package`), unless BROWSER_TEST_VSIX names one;
 *   2. install it with `code-server --install-extension` into a temp extensions folder;
 *   3. copy test/browser/fixtures/demo to a temp folder and start code-server on it (127.0.0.1,
 *      port chosen by the system, read from its log), in its own process group;
 *   4. open the workbench in Chromium (1280x800), open src/server.ts with Quick Open, wait for the
 *      status bar to show the catalog, then: hover RATE_LIMITED, complete inside `code: ""`, and
 *      apply the quick fix "Return RATE_LIMITED (429) error response";
 *   5. close the browser and stop code-server's whole process group (its file watcher too).
 *
 *   node esbuild.mjs --browser-tests && node out/browser/run.js
 *
 * Environment: BROWSER_TEST_VSIX (a built .vsix; default: build error-catalog.vsix),
 * BROWSER_TEST_SCREENSHOTS (folder for the screenshots, relative to the repository; default
 * out/screenshots; docs/images refreshes the README's),
 * CODE_SERVER_VERSION (4.100.3), CHROMIUM_PATH (/usr/bin/chromium), BROWSER_TEST_KEEP=1 keeps the
 * temp folder of a passing run too.
 * Prints each check and a last line `N passed, M failed`; exits 1 on any failure, keeping a
 * screenshot and code-server's log in the temp folder it prints. Without code-server or Chromium
 * it prints one line saying so and runs nothing, except in CI, where that fails.
 *
 * Nothing here waits for time to pass: every wait is for something to appear (a process line, an
 * HTTP answer, a selector); the timeouts are bounds on those waits.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  CODE_SERVER, CODE_SERVER_VERSION, codeServerEnv, deadline, Failure, launchChromium, prepareState, prerequisitesPresent, runLauncher,
  signalGroup, startCodeServer, tempRoot, watchPage, type CodeServer,
} from '../helpers/codeServer';
import { REPO_ROOT } from '../helpers/paths';
import { codeServerSkip } from '../helpers/toolchains';

const FIXTURE = join(REPO_ROOT, 'test', 'browser', 'fixtures', 'demo');
/** The README's screenshots go to docs/images only when BROWSER_TEST_SCREENSHOTS=docs/images says so. */
const SCREENSHOTS = resolve(REPO_ROOT, process.env.BROWSER_TEST_SCREENSHOTS ?? join('out', 'screenshots'));
const KEEP = process.env.BROWSER_TEST_KEEP === '1';

/** Bounds on waits (each resolves as soon as what it waits for happens). */
const PACKAGE_TIMEOUT_MS = 120_000;
const INSTALL_TIMEOUT_MS = 60_000;
/** Workbench load and extension activation (the language server loading the catalog). */
const READY_TIMEOUT_MS = 60_000;
/** Any one widget appearing after a key press or mouse move. */
const WIDGET_TIMEOUT_MS = 20_000;
/** The whole run, as a safety net. */
const RUN_TIMEOUT_MS = 300_000;

const VIEWPORT = { width: 1280, height: 800 };

/** User settings: nothing but the editor on screen, no network, a solid cursor for stable screenshots. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  // The fixture has no node_modules: TypeScript's "Cannot find module 'express'" would underline it.
  'typescript.validate.enable': false,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'editor.hover.delay': 300,
  'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'on' },
  'editor.minimap.enabled': false,
  'editor.cursorBlinking': 'solid',
  'editor.fontSize': 14,
  'breadcrumbs.enabled': false,
};

/** Runs a command to its end, collecting its output; rejects on a non-zero exit or after `timeoutMs`. */
function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number; what: string }): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    const limit = deadline(options.timeoutMs, options.what);
    limit.promise.catch((error: Error) => {
      signalGroup(child.pid!, 'SIGKILL');
      reject(new Failure(`${error.message}:\n${output.slice(-3000)}`));
    });
    child.once('error', (error) => { limit.clear(); reject(new Failure(`${options.what} could not start: ${error.message}`)); });
    child.once('exit', (code, signal) => {
      limit.clear();
      if (code === 0) resolvePromise(output);
      else reject(new Failure(`${options.what} failed (code ${code}, signal ${signal}):\n${output.slice(-3000)}`));
    });
  });
}

// ---- the .vsix ----

async function packagedExtension(): Promise<string> {
  const given = process.env.BROWSER_TEST_VSIX;
  if (given) {
    const path = resolve(given);
    if (!existsSync(path)) throw new Failure(`BROWSER_TEST_VSIX names ${path}, which does not exist`);
    return path;
  }
  const started = Date.now();
  await run('npm', ['run', 'package'], { cwd: REPO_ROOT, timeoutMs: PACKAGE_TIMEOUT_MS, what: '`npm run package`' });
  const path = join(REPO_ROOT, 'error-catalog.vsix');
  console.log(`packaged ${path} (${Math.round(statSync(path).size / 1024)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return path;
}

// ---- checks ----

interface Checks {
  passed: number;
  failed: number;
  /** Screenshots of failures, kept with the log. */
  shots: string[];
  /** The README's screenshots written (file names in SCREENSHOTS). */
  written: string[];
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

/** Text as the editor renders it: non-breaking spaces back to spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

/** The 1-based line and column of `needle` in `text`, plus `offset` characters. */
function lineColumn(text: string, needle: string, offset = 0): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`the fixture has no ${JSON.stringify(needle)}`);
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length;
  return { line, column: index + offset - before.lastIndexOf('\n') };
}

type Box = { x: number; y: number; width: number; height: number };

/** The smallest box holding all of `boxes`, with a margin, inside the viewport. */
function around(boxes: readonly (Box | null)[], margin: number): Box {
  const present = boxes.filter((box): box is Box => box !== null);
  if (present.length === 0) return { x: 0, y: 0, ...VIEWPORT };
  const left = Math.max(0, Math.floor(Math.min(...present.map((box) => box.x)) - margin));
  const top = Math.max(0, Math.floor(Math.min(...present.map((box) => box.y)) - margin));
  const right = Math.min(VIEWPORT.width, Math.ceil(Math.max(...present.map((box) => box.x + box.width)) + margin));
  const bottom = Math.min(VIEWPORT.height, Math.ceil(Math.max(...present.map((box) => box.y + box.height)) + margin));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The screenshot's region: the editor from its top-left corner (line numbers included) to the
 * right of its longest line and past `widgets`, as far as the editor reaches.
 */
async function editorRegion(editor: Locator, widgets: readonly Locator[]): Promise<Box> {
  const boxes: (Box | null)[] = [await editor.boundingBox()];
  const corner = boxes[0] ? { ...boxes[0], width: 1, height: 1 } : null;
  const lines = editor.locator('.view-line > span');
  const lineBoxes: (Box | null)[] = [];
  for (let i = 0, count = await lines.count(); i < count; i++) lineBoxes.push(await lines.nth(i).boundingBox());
  for (const widget of widgets) boxes.push(await widget.boundingBox());
  const box = around([corner, ...lineBoxes, ...boxes.slice(1)], 12);
  const bounds = boxes[0];
  if (!bounds) return box;
  // Inside the editor: no sliver of the tab bar, side bar or status bar.
  const left = Math.max(box.x, Math.ceil(bounds.x));
  const top = Math.max(box.y, Math.ceil(bounds.y));
  const right = Math.min(box.x + box.width, Math.floor(bounds.x + bounds.width));
  const bottom = Math.min(box.y + box.height, Math.floor(bounds.y + bounds.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

async function openWorkbenchAndRun(page: Page, url: string, checks: Checks, failureDir: string): Promise<void> {
  const source = readFileSync(join(FIXTURE, 'src', 'server.ts'), 'utf8');
  mkdirSync(SCREENSHOTS, { recursive: true });

  /** Takes one of the README's screenshots. */
  const screenshot = async (name: string, clip: Box) => {
    await page.screenshot({ path: join(SCREENSHOTS, name), clip });
    checks.written.push(name);
  };

  const check = async (title: string, body: () => Promise<string | void>) => {
    try {
      const detail = await body();
      checks.passed++;
      console.log(`ok   ${title}${detail ? `: ${detail}` : ''}`);
    } catch (error) {
      checks.failed++;
      const shot = join(failureDir, `failure-${checks.failed}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      checks.shots.push(shot);
      console.log(`FAIL ${title}\n     ${String((error as Error)?.message ?? error).split('\n').join('\n     ')}\n     screenshot: ${shot}`);
      // Leave no widget open for the next check.
      await page.keyboard.press('Escape').catch(() => {});
      await page.keyboard.press('Escape').catch(() => {});
    }
  };

  const editor = page.locator('.part.editor .editor-instance .monaco-editor').first();
  const viewLines = editor.locator('.view-lines');
  const statusItem = page.locator('.statusbar-item').filter({ hasText: 'Acme API' });
  /** Go to line:column with Ctrl+G, as a user would. */
  const goTo = async (position: { line: number; column: number }) => {
    await viewLines.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+g');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    // Go to Line opens with ":" in the box; the line and column follow it.
    await input.fill(`:${position.line}:${position.column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WIDGET_TIMEOUT_MS });
    // The status bar's cursor position confirms where the cursor is.
    await page.locator('.statusbar-item').filter({ hasText: `Ln ${position.line}, Col ${position.column}` }).first().waitFor({ timeout: WIDGET_TIMEOUT_MS });
  };

  await check('the workbench opens src/server.ts with Quick Open and the extension shows the catalog in the status bar', async () => {
    await page.goto(url);
    // The explorer listing the workspace: the workbench is up and its keybindings are live.
    await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'api.errors.yaml' }).waitFor({ timeout: READY_TIMEOUT_MS });
    await page.keyboard.press('Control+p');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    await page.keyboard.type('server.ts');
    await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'server.ts' }).first().waitFor({ timeout: WIDGET_TIMEOUT_MS });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active').filter({ hasText: 'server.ts' }).waitFor({ timeout: WIDGET_TIMEOUT_MS });
    await viewLines.filter({ hasText: 'RATE_LIMITED' }).waitFor({ timeout: WIDGET_TIMEOUT_MS });
    // Ctrl+B hides the side bar: room for the completion item's explanation beside the list.
    await page.keyboard.press('Control+b');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WIDGET_TIMEOUT_MS });
    // The extension's ready signal as a user sees it: the catalog the file uses, in the status bar.
    await statusItem.first().waitFor({ timeout: READY_TIMEOUT_MS });
    const text = plain(await statusItem.first().innerText()).trim();
    assert(/Acme API · 3 codes/.test(text), `the status bar shows "${text}", not "Acme API · 3 codes"`);
    return `status bar "${text}"`;
  });

  await check('hovering RATE_LIMITED shows its status, title and description', async () => {
    // The cursor on an empty line, so no word highlight on the first line distracts from the hover.
    await goTo({ line: lineColumn(source, '\n\n').line + 1, column: 1 });
    const token = viewLines.locator('.view-line span span').filter({ hasText: 'RATE_LIMITED' }).first();
    await token.waitFor({ timeout: WIDGET_TIMEOUT_MS });
    const box = await token.boundingBox();
    assert(box, 'the RATE_LIMITED token has no box on screen');
    const text = await token.innerText();
    // The middle of the word inside the token (which may carry its quotes): the font is monospace.
    const middle = text.indexOf('RATE_LIMITED') + 'RATE_LIMITED'.length / 2;
    const x = box.x + (box.width * middle) / text.length;
    const y = box.y + box.height / 2;
    await page.mouse.move(x - 200, y + 200);
    await page.mouse.move(x, y, { steps: 5 });
    const hover = page.locator('.monaco-hover').filter({ hasText: 'RATE_LIMITED' });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    } catch {
      const shown = await page.locator('.monaco-hover').allInnerTexts().catch(() => []);
      throw new Failure(`no hover with RATE_LIMITED appeared; hovers on the page: ${JSON.stringify(shown)}`);
    }
    // A hover first renders "Loading…"; the catalog's answer is complete once its title is in.
    await hover.filter({ hasText: 'Too many requests' }).first().waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS }).catch(() => {});
    const shown = plain(await hover.first().innerText());
    for (const expected of ['RATE_LIMITED', '429 Too Many Requests', 'Too many requests', 'The API key sent more requests than its plan allows.']) {
      assert(shown.includes(expected), `the hover lacks "${expected}":\n${shown}`);
    }
    await screenshot('hover.png', await editorRegion(editor, [hover.first()]));
    await page.mouse.move(5, VIEWPORT.height / 2);
    await hover.first().waitFor({ state: 'hidden', timeout: WIDGET_TIMEOUT_MS });
    return shown.split('\n').filter(Boolean).slice(0, 2).join(' | ');
  });

  await check('Ctrl+Space inside code: "" lists NOT_FOUND first (a 404 is on the line) and RATE_LIMITED', async () => {
    await goTo(lineColumn(source, 'code: ""', 'code: "'.length));
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    const rows = widget.locator('.monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    const labels = (await widget.locator('.monaco-list-row .label-name').allInnerTexts()).map((label) => plain(label).trim());
    assert(labels[0] === 'NOT_FOUND', `the first item is ${JSON.stringify(labels[0])}, not NOT_FOUND; items: ${JSON.stringify(labels)}`);
    assert(labels.includes('RATE_LIMITED'), `RATE_LIMITED is not listed; items: ${JSON.stringify(labels)}`);
    const first = plain(await rows.first().innerText()).replace(/\s+/g, ' ').trim();
    // Ctrl+Space again shows the selected item's explanation beside the list.
    await page.keyboard.press('Control+Space');
    const details = page.locator('.suggest-details-container .suggest-details');
    await details.filter({ hasText: 'Resource not found' }).first().waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    await screenshot('completion.png', await editorRegion(editor, [widget, details.first()]));
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: WIDGET_TIMEOUT_MS });
    return `items ${labels.join(', ')}; first row "${first}"`;
  });

  await check('Ctrl+. on RATE_LIMITED offers "Return RATE_LIMITED (429) error response" and Enter inserts the Express response', async () => {
    const title = 'Return RATE_LIMITED (429) error response';
    await goTo(lineColumn(source, "'RATE_LIMITED'", 3));
    const linesBefore = await viewLines.locator('.view-line').count();
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget');
    await menu.first().waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    const items = menu.locator('.monaco-list-row.action');
    const item = items.filter({ hasText: title });
    try {
      await item.first().waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    } catch {
      throw new Failure(`the quick fix menu has no "${title}"; it lists ${JSON.stringify(await items.allInnerTexts())}`);
    }
    const listed = (await items.allInnerTexts()).map((text) => plain(text).trim());
    await screenshot('quick-fix.png', await editorRegion(editor, [menu.first()]));
    // Focus our item with the arrow keys (a user's way), then apply it with Enter.
    const focused = menu.locator('.monaco-list-row.action.focused');
    for (let i = 0; i < listed.length && !(plain(await focused.innerText().catch(() => '')).includes(title)); i++) {
      await page.keyboard.press('ArrowDown');
    }
    assert(plain(await focused.innerText()).includes(title), `the arrow keys never focus "${title}"`);
    await page.keyboard.press('Enter');
    await menu.first().waitFor({ state: 'hidden', timeout: WIDGET_TIMEOUT_MS });
    await viewLines.filter({ hasText: 'res.status(429)' }).waitFor({ timeout: WIDGET_TIMEOUT_MS });
    const text = plain(await viewLines.innerText());
    for (const expected of ['res.status(429)', 'Retry-After', "code: 'RATE_LIMITED'"]) {
      assert(text.includes(expected), `after the fix the editor lacks "${expected}":\n${text}`);
    }
    const linesAfter = await viewLines.locator('.view-line').count();
    assert(linesAfter > linesBefore, `the editor has ${linesAfter} lines after the fix, ${linesBefore} before`);
    await screenshot('quick-fix-applied.png', await editorRegion(editor, []));
    return `menu ${JSON.stringify(listed)}; ${linesAfter - linesBefore} lines inserted`;
  });

  await check('clicking the status bar item lists the catalogs to pick from: the workspace catalog and the built-ins', async () => {
    await statusItem.first().click();
    const picker = page.locator('.quick-input-widget');
    await picker.waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    const rows = picker.locator('.monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
    const labels = (await rows.allInnerTexts()).map((text) => plain(text).replace(/\s+/g, ' ').trim());
    assert(labels.some((label) => label.includes('Acme API') && label.includes('3 codes')), `the picker lacks the workspace catalog: ${JSON.stringify(labels)}`);
    assert(labels.some((label) => label.includes('Connectify') && label.includes('built-in')), `the picker lacks the built-in catalogs: ${JSON.stringify(labels)}`);
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden', timeout: WIDGET_TIMEOUT_MS });
    return `${labels.length} catalogs listed`;
  });
}

// ---- main ----

async function main(): Promise<number> {
  const skip = codeServerSkip('the browser tests', CODE_SERVER);
  if (skip) {
    console.log(skip);
    return 0;
  }
  if (!prerequisitesPresent()) return 1;
  const started = Date.now();
  const root = tempRoot('browser');
  const stateDir = join(root, 'state');
  const checks: Checks = { passed: 0, failed: 0, shots: [], written: [] };
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const consoleLines: string[] = [];
  const logPath = join(root, 'code-server.log');
  const overall = deadline(RUN_TIMEOUT_MS, 'the browser tests finishing');
  try {
    const vsix = await packagedExtension();
    const { userData, extensions } = prepareState(stateDir, USER_SETTINGS);
    const installed = await run(realpathSync(CODE_SERVER), [
      '--install-extension', vsix, '--extensions-dir', extensions, '--user-data-dir', userData,
    ], { cwd: stateDir, env: codeServerEnv(stateDir), timeoutMs: INSTALL_TIMEOUT_MS, what: 'code-server --install-extension' });
    assert(/successfully installed/i.test(installed), `code-server --install-extension did not report an installation:\n${installed}`);
    console.log(`installed ${vsix} into code-server ${CODE_SERVER_VERSION}`);

    const workspace = join(root, 'demo');
    cpSync(FIXTURE, workspace, { recursive: true });
    server = await startCodeServer(stateDir, workspace);
    const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}`;

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    page.setDefaultTimeout(WIDGET_TIMEOUT_MS);
    const crashed = watchPage(page, consoleLines);
    await Promise.race([openWorkbenchAndRun(page, url, checks, root), server.exited, crashed, overall.promise]);
  } catch (error) {
    checks.failed++;
    console.log(`FAIL ${String((error as Error)?.message ?? error)}`);
  } finally {
    overall.clear();
    if (server) writeFileSync(logPath, server.log());
    if (consoleLines.length) writeFileSync(join(root, 'workbench-console.log'), consoleLines.join('\n'));
    await browser?.close().catch(() => {});
    await server?.stop();
  }

  const ok = checks.failed === 0;
  if (ok && !KEEP) {
    rmSync(root, { recursive: true, force: true });
  } else {
    console.log(`\nkept in ${root}:`);
    for (const shot of checks.shots) console.log(`  screenshot: ${shot}`);
    if (existsSync(logPath)) console.log(`  code-server log: ${logPath}`);
    if (consoleLines.length) console.log(`  workbench console: ${join(root, 'workbench-console.log')}`);
    console.log(`  extension host logs: ${join(stateDir, 'user-data', 'logs')}`);
  }
  if (checks.written.length) console.log(`\nscreenshots written to ${SCREENSHOTS}: ${checks.written.join(', ')}`);
  console.log(`browser tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  return ok ? 0 : 1;
}

runLauncher(main);
