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
 * gave no result.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { checkBuilt, closingLine, copyFixture, REPO_ROOT, report, selectedScenarios, TESTS_ENTRY, type EditorTestSummary, type ScenarioOutcome } from './scenarios';

const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
const CODE_SERVER = join(REPO_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCENARIO_TIMEOUT_MS = Number(process.env.EDITOR_TEST_TIMEOUT_MS ?? 120_000);
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const KEEP = process.env.EDITOR_TEST_KEEP === '1';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  // Resolve no host name but the loopback address: the workbench never reaches past this machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

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

class Failure extends Error {}

/** A promise that rejects after `ms` (a safety net) unless settled first; `clear()` disarms it. */
function deadline(ms: number, what: string): { promise: Promise<never>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Failure(`${what} did not happen within ${ms / 1000} s`)), ms);
  });
  promise.catch(() => {});
  return { promise, clear: () => clearTimeout(timer) };
}

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

// ---- code-server ----

interface CodeServer {
  readonly process: ChildProcess;
  readonly port: number;
  /** Rejects when the process exits (before `stop()`). */
  readonly exited: Promise<never>;
  log(): string;
  stop(): Promise<void>;
}

const running = new Set<CodeServer>();

/** Sends `signal` to the whole process group (code-server, its server process and file watcher, the extension host and its children). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function startCodeServer(stateDir: string, workspace: string, env: NodeJS.ProcessEnv): Promise<CodeServer> {
  const userData = join(stateDir, 'user-data');
  const extensions = join(stateDir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const config = join(stateDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');

  const args = [
    '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--config', config,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', userData, '--extensions-dir', extensions, '--ignore-last-opened',
    workspace,
  ];
  // Its own process group, so stopping it stops everything it started.
  // XDG folders in the state folder too: code-server keeps its logs and heartbeat there, not in ~.
  const xdg = { XDG_DATA_HOME: join(stateDir, 'data'), XDG_CONFIG_HOME: join(stateDir, 'config'), XDG_CACHE_HOME: join(stateDir, 'cache') };
  const child = spawn(realpathSync(CODE_SERVER), args, { cwd: stateDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, ...xdg } });
  let output = '';
  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      if (!stopping) reject(new Failure(`code-server exited (code ${code}, signal ${signal}):\n${output.slice(-3000)}`));
    });
    child.once('error', (error) => reject(new Failure(`code-server could not start: ${error.message}`)));
  });
  exited.catch(() => {});

  const listening = new Promise<number>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });

  const server: CodeServer = {
    process: child,
    port: 0,
    exited,
    log: () => output,
    stop: async () => {
      running.delete(server);
      if (stopping) return;
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        signalGroup(child.pid!, 'SIGTERM');
        const limit = deadline(STOP_TIMEOUT_MS, 'code-server stopping');
        await Promise.race([gone, limit.promise]).catch(() => {});
        limit.clear();
      }
      // Whatever of the group outlived code-server itself (file watcher, extension host, language server).
      signalGroup(child.pid!, 'SIGKILL');
    },
  };
  running.add(server);

  const startup = deadline(STARTUP_TIMEOUT_MS, 'code-server listening');
  try {
    const port = await Promise.race([listening, exited, startup.promise]);
    (server as { port: number }).port = port;
    await Promise.race([healthy(port), exited, startup.promise]);
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    startup.clear();
  }
  return server;
}

/** Resolves once code-server answers its health check. */
function healthy(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    get(`http://127.0.0.1:${port}/healthz`, (res) => {
      res.resume();
      if (res.statusCode === 200) resolve();
      else reject(new Failure(`code-server's /healthz answered ${res.statusCode}`));
    }).on('error', (error) => reject(new Failure(`code-server does not answer HTTP: ${error.message}`)));
  });
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
    server = await startCodeServer(stateDir, workspace, {
      ...process.env,
      EDITOR_TEST_RESULTS_URL: results.url(scenario),
      // No extension gallery: the workbench then never asks one for anything.
      EXTENSIONS_GALLERY: '{}',
    });
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server!.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ['extensionTestsPath', remote(TESTS_ENTRY)],
    ];
    const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const summary = results.next(scenario);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    page.on('console', (message) => {
      consoleLines.push(`[${message.type()}] ${message.text()}`);
      if (consoleLines.length > 200) consoleLines.shift();
    });
    const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Failure('the workbench page crashed'))));
    crashed.catch(() => {});
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
  if (!existsSync(CODE_SERVER)) {
    console.error(`code-server ${CODE_SERVER_VERSION} is not installed (${CODE_SERVER} is missing): run scripts/install-code-server.sh`);
    return 1;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium is missing (${CHROMIUM}): install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH`);
    return 1;
  }
  checkBuilt();
  const scenarios = selectedScenarios(process.argv.slice(2));

  const started = Date.now();
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-editor-')));
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

// Stop code-server on Ctrl-C too, so no server or file watcher outlives the run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const server of running) signalGroup(server.process.pid!, 'SIGKILL');
    process.exit(130);
  });
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => {
    console.error((error as Error)?.stack ?? error);
    for (const server of running) signalGroup(server.process.pid!, 'SIGKILL');
    process.exitCode = 1;
  },
);
