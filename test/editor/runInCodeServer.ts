/**
 * Runs the editor suite (out/editor/index.js) inside code-server, a real VS Code whose workbench
 * runs in a browser and whose extension host is the normal Node one, on machines that cannot
 * download VS Code. For each fixture scenario:
 *
 *   1. copy the fixture to a temp folder;
 *   2. start code-server on 127.0.0.1 (port chosen by the system, read from its log line);
 *   3. open the workbench in headless Chromium (playwright-core, Debian's /usr/bin/chromium) with
 *      the extension under development and the tests module in the `payload` URL parameter;
 *   4. wait for the suite's JSON summary, POSTed to a loopback URL this process serves (the
 *      extension host inherits EDITOR_TEST_RESULTS_URL from code-server's environment);
 *   5. close the browser and stop code-server's whole process group (its file watcher too).
 *
 *   node out/editor/runInCodeServer.js [scenario ...]
 *
 * Environment: CODE_SERVER_VERSION (4.100.3), CHROMIUM_PATH (/usr/bin/chromium),
 * EDITOR_TEST_TIMEOUT_MS (120000, per scenario: a safety net, nothing waits for it to pass),
 * EDITOR_TEST_KEEP=1 keeps the temp folders.
 * Prints every test and a last line `N passed, M failed`; exits 1 if a test failed or a scenario
 * gave no result. Without code-server or Chromium it prints one line saying so and runs nothing,
 * except in CI, where that fails.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  CODE_SERVER, CODE_SERVER_VERSION, deadline, Failure, launchChromium, prepareState, prerequisitesPresent, runLauncher, startCodeServer, tempRoot, watchPage,
  type CodeServer,
} from '../helpers/codeServer';
import { codeServerSkip } from '../helpers/toolchains';
import { checkBuilt, closingLine, copyFixture, REPO_ROOT, report, selectedScenarios, TESTS_ENTRY, type EditorTestSummary, type ScenarioOutcome } from './scenarios';

const SCENARIO_TIMEOUT_MS = Number(process.env.EDITOR_TEST_TIMEOUT_MS ?? 120_000);
const KEEP = process.env.EDITOR_TEST_KEEP === '1';

/** User settings: no start page, no update checks, no automatic type downloads by TypeScript. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'typescript.disableAutomaticTypeAcquisition': true,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
};

// ---- the results server: the suite POSTs its summary to /results/<scenario> ----

interface ResultsServer {
  url(scenario: string): string;
  /** The summary POSTed for `scenario` (the next one, if none has come yet). */
  next(scenario: string): Promise<EditorTestSummary>;
  close(): Promise<void>;
}

async function startResultsServer(): Promise<ResultsServer> {
  const waiting = new Map<string, (summary: EditorTestSummary) => void>();
  const arrived = new Map<string, EditorTestSummary>();
  const server: Server = createServer((req, res) => {
    const match = /^\/results\/([\w-]+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { body += chunk; });
    req.on('end', () => {
      let summary: EditorTestSummary;
      try {
        summary = JSON.parse(body) as EditorTestSummary;
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200).end();
      const scenario = match[1];
      const resolve = waiting.get(scenario);
      if (resolve) {
        waiting.delete(scenario);
        resolve(summary);
      } else {
        arrived.set(scenario, summary);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (scenario) => `http://127.0.0.1:${port}/results/${scenario}`,
    next: (scenario) => {
      const summary = arrived.get(scenario);
      if (summary) {
        arrived.delete(scenario);
        return Promise.resolve(summary);
      }
      return new Promise((resolve) => waiting.set(scenario, resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// ---- one scenario ----

async function runScenario(scenario: string, root: string, results: ResultsServer): Promise<ScenarioOutcome> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const workspace = copyFixture(scenario, join(root, 'workspaces'));
  const stateDir = join(root, 'state', scenario);
  mkdirSync(stateDir, { recursive: true });

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const consoleLines: string[] = [];
  try {
    prepareState(stateDir, USER_SETTINGS);
    server = await startCodeServer(stateDir, workspace, { EDITOR_TEST_RESULTS_URL: results.url(scenario) });
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server!.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ['extensionTestsPath', remote(TESTS_ENTRY)],
    ];
    const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const summary = results.next(scenario);
    browser = await launchChromium();
    const page = await browser.newPage();
    const crashed = watchPage(page, consoleLines);
    await page.goto(url);

    const limit = deadline(SCENARIO_TIMEOUT_MS, 'the suite reporting its results');
    try {
      const result = await Promise.race([summary, server.exited, crashed, limit.promise]);
      return { scenario, summary: result, seconds: seconds() };
    } catch (error) {
      const shot = join(stateDir, 'workbench.png');
      await page.screenshot({ path: shot }).catch(() => {});
      throw new Failure(`${(error as Error).message}\n  screenshot: ${shot}\n  code-server log:\n${server.log().slice(-2000)}\n  last workbench console lines:\n${consoleLines.slice(-30).join('\n')}`);
    } finally {
      limit.clear();
    }
  } catch (error) {
    return { scenario, problem: error instanceof Failure ? error.message : String((error as Error)?.stack ?? error), seconds: seconds() };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
  }
}

async function main(): Promise<number> {
  const skip = codeServerSkip('the editor tests', CODE_SERVER);
  if (skip) {
    console.log(skip);
    return 0;
  }
  if (!prerequisitesPresent()) return 1;
  checkBuilt();
  const scenarios = selectedScenarios(process.argv.slice(2));

  const started = Date.now();
  const root = tempRoot('editor');
  const results = await startResultsServer();
  const outcomes: ScenarioOutcome[] = [];
  try {
    for (const scenario of scenarios) {
      console.log(`editor tests: ${scenario} in code-server ${CODE_SERVER_VERSION} …`);
      outcomes.push(await runScenario(scenario, root, results));
    }
  } finally {
    await results.close();
  }

  const totals = report(outcomes);
  const ok = totals.failed === 0;
  if (ok && !KEEP) rmSync(root, { recursive: true, force: true });
  else console.log(`\nworkspaces, logs and screenshots kept in ${root}`);
  console.log(`\neditor tests in code-server: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(closingLine(totals));
  return ok ? 0 : 1;
}

runLauncher(main);
