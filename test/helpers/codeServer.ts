/**
 * What both code-server launchers share: test/editor/runInCodeServer.ts (the extension-host suite)
 * and test/browser/run.ts (the browser end-to-end tests). Finding code-server and Chromium, a temp
 * folder for the run, code-server's state folder (user data, extensions, its XDG folders), starting
 * it on 127.0.0.1 in its own process group (port chosen by the system, read from its log) and
 * waiting for it to answer, stopping its whole process group (its file watcher too), launching
 * headless Chromium with playwright-core, and running a launcher so that Ctrl-C or a crash leaves no
 * code-server behind.
 *
 * Environment: CODE_SERVER_VERSION (4.100.3), CHROMIUM_PATH (/usr/bin/chromium).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './paths';

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
/** Installed by scripts/install-code-server.sh. */
export const CODE_SERVER = join(REPO_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  // Resolve no host name but the loopback address: the workbench never reaches past this machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** A failure whose message says it all (no stack wanted). */
export class Failure extends Error {}

/** A promise that rejects after `ms` unless cleared first: a bound on a wait, never a delay. */
export function deadline(ms: number, what: string): { promise: Promise<never>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Failure(`${what} did not happen within ${ms / 1000} s`)), ms);
  });
  promise.catch(() => {});
  return { promise, clear: () => clearTimeout(timer) };
}

/** Sends `signal` to a whole process group (code-server, its server process and file watcher, the extension host, the language server). */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Prints what is missing and returns false unless code-server and Chromium are both installed. */
export function prerequisitesPresent(): boolean {
  if (!existsSync(CODE_SERVER)) {
    console.error(`code-server ${CODE_SERVER_VERSION} is not installed (${CODE_SERVER} is missing): run scripts/install-code-server.sh`);
    return false;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium is missing (${CHROMIUM}): install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH`);
    return false;
  }
  return true;
}

/** A new temp folder for one run (`error-catalog-<name>-…`), by its real path. */
export function tempRoot(name: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), `error-catalog-${name}-`)));
}

// ---- code-server ----

/**
 * Makes code-server's user-data folder (with `settings` as the user settings) and extensions
 * folder in `stateDir`, and returns them.
 */
export function prepareState(stateDir: string, settings: object): { userData: string; extensions: string } {
  const userData = join(stateDir, 'user-data');
  const extensions = join(stateDir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return { userData, extensions };
}

/**
 * code-server's environment: this process's plus `extra`, with its logs, heartbeat and settings in
 * the state folder (never in ~) and no extension gallery.
 */
export function codeServerEnv(stateDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    // No extension gallery: the workbench then never asks one for anything.
    EXTENSIONS_GALLERY: '{}',
    XDG_DATA_HOME: join(stateDir, 'data'), XDG_CONFIG_HOME: join(stateDir, 'config'), XDG_CACHE_HOME: join(stateDir, 'cache'),
  };
}

export interface CodeServer {
  readonly port: number;
  /** Rejects when the process exits before `stop()`. */
  readonly exited: Promise<never>;
  log(): string;
  stop(): Promise<void>;
}

/** Every code-server started and not yet stopped, for `killAll()`. */
const running = new Set<ChildProcess>();

/** Kills the whole process group of every code-server still running. */
function killAll(): void {
  for (const child of running) signalGroup(child.pid!, 'SIGKILL');
}

/**
 * Starts code-server on `workspace`, bound to 127.0.0.1 on a port the system picks, with its state
 * in `stateDir` (see `prepareState`) and `extraEnv` in its environment (which the extension host
 * inherits); resolves once it answers its health check.
 */
export async function startCodeServer(stateDir: string, workspace: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
  const config = join(stateDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const args = [
    '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--config', config,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', join(stateDir, 'user-data'), '--extensions-dir', join(stateDir, 'extensions'), '--ignore-last-opened',
    workspace,
  ];
  // Its own process group, so stopping it stops everything it started.
  const child = spawn(realpathSync(CODE_SERVER), args, { cwd: stateDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: codeServerEnv(stateDir, extraEnv) });
  running.add(child);
  let output = '';
  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      if (!stopping) reject(new Failure(`code-server exited (code ${code}, signal ${signal}):\n${output.slice(-3000)}`));
    });
    child.once('error', (error) => reject(new Failure(`code-server could not start: ${error.message}`)));
  });
  exited.catch(() => {});
  const listening = new Promise<number>((resolvePort) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolvePort(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolveGone) => child.once('exit', () => resolveGone()));
      signalGroup(child.pid!, 'SIGTERM');
      const limit = deadline(STOP_TIMEOUT_MS, 'code-server stopping');
      await Promise.race([gone, limit.promise]).catch(() => {});
      limit.clear();
    }
    // Whatever of the group outlived code-server itself (file watcher, extension host, language server).
    signalGroup(child.pid!, 'SIGKILL');
    running.delete(child);
  };

  const startup = deadline(STARTUP_TIMEOUT_MS, 'code-server listening');
  try {
    const port = await Promise.race([listening, exited, startup.promise]);
    await Promise.race([healthy(port), exited, startup.promise]);
    return { port, exited, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    startup.clear();
  }
}

/** Resolves once code-server answers its health check. */
function healthy(port: number): Promise<void> {
  return new Promise((resolveHealthy, reject) => {
    get(`http://127.0.0.1:${port}/healthz`, (res) => {
      res.resume();
      if (res.statusCode === 200) resolveHealthy();
      else reject(new Failure(`code-server's /healthz answered ${res.statusCode}`));
    }).on('error', (error) => reject(new Failure(`code-server does not answer HTTP: ${error.message}`)));
  });
}

// ---- Chromium ----

/** Headless Chromium (CHROMIUM_PATH) that resolves no host but 127.0.0.1. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Keeps the page's last 200 console lines in `consoleLines`; returns a promise that rejects if the
 * page crashes.
 */
export function watchPage(page: Page, consoleLines: string[]): Promise<never> {
  page.on('console', (message) => {
    consoleLines.push(`[${message.type()}] ${message.text()}`);
    if (consoleLines.length > 200) consoleLines.shift();
  });
  const crashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Failure('the workbench page crashed'))));
  crashed.catch(() => {});
  return crashed;
}

// ---- the launcher ----

/**
 * Runs a launcher's `main`, whose result becomes the exit code. Ctrl-C (or SIGTERM) and a crash
 * kill every code-server still running, so no server or file watcher outlives the run.
 */
export function runLauncher(main: () => Promise<number>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
  main().then(
    (code) => { process.exitCode = code; },
    (error) => {
      console.error((error as Error)?.stack ?? error);
      killAll();
      process.exitCode = 1;
    },
  );
}
