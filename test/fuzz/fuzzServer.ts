/**
 * One language server under fuzzing: the bundled server spawned over stdio, with a healthy
 * workspace folder (a catalog and a file whose hover must keep working whatever else happens)
 * and, one case at a time, the case's own folder. It watches everything the server sends for
 * what the oracles forbid, and classifies what it sees into findings.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic, Message, NotificationMessage, PublishDiagnosticsParams, ResponseMessage, ShowMessageParams } from 'vscode-languageserver/node';
import { fileUri, LspClient, REPO_ROOT, SERVER_PATH } from '../helpers/lspClient';
import { hrefProblem, isInsideFolders, MarkerWatch } from './oracles';

export type OutcomeKind = 'crash' | 'wedge' | 'hang' | 'escape' | 'mismatch' | 'contract';
export const OUTCOME_KINDS: readonly OutcomeKind[] = ['crash', 'wedge', 'hang', 'escape', 'mismatch', 'contract'];

export interface Finding {
  readonly kind: OutcomeKind;
  /** One line that is the same for every case showing the same defect: no numbers, paths or payloads. */
  readonly what: string;
  /** Where in the server it showed (the handler that threw), when one defect shows in several places. */
  readonly where?: string;
  /** This case's particulars. */
  readonly detail?: string;
}

export interface Bounds {
  /** A request (or the health probe) answered later than this is a hang. */
  readonly requestMs: number;
  /**
   * The health probe in the healthy folder answered later than this while another folder's catalog
   * loads is a hang: a hover there takes a few milliseconds, and one folder must not hold up another.
   */
  readonly probeMs: number;
  /** Catalogs that take longer than this to settle after a change are a hang. */
  readonly loadMs: number;
  /** After the health probe misses its bound, how much longer it may take before the server counts as wedged. */
  readonly recoverMs: number;
  /** The server's peak resident memory above this is a hang: an editor's machine would swap or kill it. */
  readonly memoryMb: number;
}

/** The folders of a run: the healthy folder, the canary folder outside every workspace, and the parent of the case folders. */
export interface RunFolders {
  readonly root: string;
  readonly healthy: string;
  readonly outside: string;
  readonly cases: string;
  /** Text that only the canary files hold: if the server ever sends it, it read outside the workspace. */
  readonly marker: string;
}

export const HEALTHY_CODE = 'HEALTH_PROBE_OK';
const HEALTHY_TITLE = 'The healthy folder answers';
const HEALTHY_SOURCE = `res.status(409).json({ error: { code: '${HEALTHY_CODE}' } });\n`;

/** Exception text that must stay in the server: seen in a diagnostic or a log line, the server failed inside. */
const INTERNAL_ERROR = /Maximum call stack size exceeded|RangeError|TypeError|ReferenceError|Cannot read propert|is not a function|is not iterable|heap out of memory|Invalid string length/;

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Lays out a run's folders under a new temporary folder; the marker is derived from the run's seed. */
export function createRunFolders(seed: number): RunFolders {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-fuzz-')));
  // The server may run as another user (see serverIdentity): everything must be readable to it.
  chmodSync(root, 0o755);
  const marker = `CANARY${(seed >>> 0).toString(36).toUpperCase()}Q${((seed * 2654435761) >>> 0).toString(36).toUpperCase()}`;
  const healthy = join(root, 'healthy');
  write(join(healthy, 'healthy.errors.yaml'), [
    'id: healthy',
    'title: Healthy folder',
    'envelope:',
    '  body:',
    '    error:',
    '      code: "${code}"',
    'codes:',
    `  ${HEALTHY_CODE}:`,
    '    status: 409',
    `    title: ${HEALTHY_TITLE}`,
    '',
  ].join('\n'));
  write(join(healthy, 'src', 'probe.ts'), HEALTHY_SOURCE);
  const outside = join(root, 'outside');
  const canaryCatalog = (id: string) => [
    `id: ${id}`,
    `title: ${marker} title`,
    `description: ${marker} description`,
    'envelope:',
    '  body:',
    '    error: { code: "${code}" }',
    'codes:',
    `  ${marker}_CODE:`,
    '    status: 404',
    `    title: ${marker} code`,
    '',
  ].join('\n');
  write(join(outside, 'canary.errors.yaml'), canaryCatalog('canary'));
  write(join(outside, 'canary.errors.json'), JSON.stringify({ id: 'canary-json', title: `${marker} title`, envelope: { body: { code: '${code}' } }, codes: { [`${marker}_JSON`]: { status: 404, title: marker } } }, null, 2));
  write(join(outside, 'dir', 'inner.errors.yaml'), canaryCatalog('canary-dir'));
  write(join(outside, 'notes.txt'), `${marker} private notes\n`);
  const cases = join(root, 'cases');
  mkdirSync(cases);
  return { root, healthy, outside, cases, marker };
}

/** Run as root, the server would read files whatever their mode; as `nobody`, `chmod 000` means what it means to a user. */
function serverIdentity(): { uid: number; gid: number } | undefined {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
}

export type Settled<T> = { readonly settled: true; readonly value: T; readonly ms: number } | { readonly settled: false; readonly ms: number };

/** The promise's value if it settles within `ms` (a rejection counts as settled with the error thrown again). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), ms); });
  try {
    const outcome = await Promise.race([promise.then((value) => ({ value })), deadline]);
    return outcome === 'late' ? { settled: false, ms: performance.now() - started } : { settled: true, value: outcome.value, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** Numbers, paths and quoted text taken out of a message, so that one defect has one signature. */
export function normalize(message: string): string {
  return message
    .split('\n')[0]
    .replace(/file:\/\/\S+/g, '<uri>')
    .replace(/(^|[\s("'`])\/[^\s:'"`)]+/g, '$1<path>')
    .replace(/`[^`]*`/g, '`…`')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+(\.\d+)?/g, 'N')
    .replace(/\bN errors\b/g, 'N error')
    .slice(0, 160);
}

function peakMemoryMb(pid: number | undefined): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

export class FuzzServer {
  readonly client: LspClient;
  casesRun = 0;
  /** Set once the server cannot be trusted with another case (it hung, wedged or exited). */
  spent = false;

  private findings: Finding[] = [];
  private markers: MarkerWatch;
  private logMark = 0;
  private peakMb = 0;
  private nextId = 0;
  private readonly probeUri: string;
  /** A probe sent during the case and not answered yet: the health check waits for it rather than queue another. */
  private unanswered: { readonly answer: Promise<ResponseMessage | undefined>; readonly sent: number } | undefined;

  static async start(folders: RunFolders, bounds: Bounds): Promise<FuzzServer> {
    const server = new FuzzServer(folders, bounds);
    const client = server.client;
    client.settingsByScope.set(fileUri(folders.healthy), { diagnostics: { delay: 0 } });
    const initialize = client.initialize(folders.healthy, { capabilities: { workspace: { codeLens: { refreshSupport: true } } }, processId: serverIdentity() ? null : process.pid });
    const ready = await within(initialize.then(() => client.ready()), bounds.loadMs);
    if (!ready.settled) throw new Error(`the server did not load its catalogs within ${bounds.loadMs} ms of starting.\n${client.logs.slice(-10).join('\n')}`);
    await client.open(server.probeUri, 'typescript', HEALTHY_SOURCE);
    if (!(await server.probeAnswer(bounds.loadMs))) throw new Error(`a fresh server does not answer the health probe.\n${client.logs.slice(-10).join('\n')}`);
    // The first workspace symbols read where every built-in code is (a few hundred milliseconds): done here, not in the first case.
    await within(client.rawRequest(server.newId(), 'workspace/symbol', { query: '' }), bounds.loadMs);
    return server;
  }

  private constructor(readonly folders: RunFolders, readonly bounds: Bounds) {
    this.client = new LspClient(['--stdio'], REPO_ROOT, SERVER_PATH, { identity: serverIdentity() });
    this.probeUri = fileUri(join(folders.healthy, 'src', 'probe.ts'));
    this.markers = new MarkerWatch(folders.marker);
    this.client.onOutput((chunk) => this.markers.feed(chunk));
    this.client.onMessage((message) => this.inspect(message));
  }

  /** A request id that cannot collide with the connection's numeric ones. */
  newId(): string {
    return `fuzz-${++this.nextId}`;
  }

  report(kind: OutcomeKind, what: string, detail?: string, where?: string): void {
    if (this.findings.some((f) => f.kind === kind && f.what === what && f.where === where)) return;
    this.findings.push({ kind, what, detail, where });
  }

  /** Starts collecting findings for a new case. */
  beginCase(): void {
    this.casesRun++;
    this.findings = [];
    this.markers = new MarkerWatch(this.folders.marker);
    this.logMark = this.client.logs.length;
  }

  /**
   * Ends a case: reads the logs and memory, runs the health probe, and returns what was found.
   * A server that hung, wedged or exited is marked spent.
   */
  async endCase(context: string): Promise<Finding[]> {
    if (this.client.alive) await this.healthCheck(context);
    if (!this.client.alive) {
      const status = this.client.exitStatus;
      this.report('crash', 'the server exited', `code ${status?.code}, signal ${status?.signal}`);
    }
    for (const line of this.client.logs.slice(this.logMark)) {
      // The protocol library's notes on messages it could not use ("Received empty message.") are the client's fault, not a crash.
      if (line.startsWith('[error] Received ')) continue;
      if (line.startsWith('[error]')) {
        const { what, where } = handlerFailure(line.slice('[error] '.length));
        this.report('crash', what, firstLines(line), where);
      } else if (INTERNAL_ERROR.test(line)) {
        this.report('crash', `an internal error in a log line: ${normalize(line)}`, firstLines(line));
      }
    }
    if (this.markers.seen !== undefined) this.report('escape', 'text of a file outside the workspace appears in the server\'s output', this.markers.seen);
    const peak = peakMemoryMb(this.client.pid);
    if (peak > this.bounds.memoryMb && this.peakMb <= this.bounds.memoryMb) this.report('hang', `the server's memory grew past ${this.bounds.memoryMb} MB`, `peak ${Math.round(peak)} MB`);
    this.peakMb = peak;
    if (this.findings.some((f) => f.kind === 'hang' || f.kind === 'wedge') || !this.client.alive || peak > this.bounds.memoryMb) this.spent = true;
    return this.findings;
  }

  /** The health probe: a hover on the healthy folder's code. Settles with the answer (undefined if the server exited). */
  private sendProbe(): Promise<ResponseMessage | undefined> {
    const position = { line: 0, character: HEALTHY_SOURCE.indexOf(HEALTHY_CODE) + 3 };
    return this.client.rawRequest(this.newId(), 'textDocument/hover', { textDocument: { uri: this.probeUri }, position }).catch(() => undefined);
  }

  private static isHealthy(response: ResponseMessage | undefined): boolean {
    return response !== undefined && !response.error && JSON.stringify(response.result ?? null).includes(HEALTHY_TITLE);
  }

  /** Whether the health probe is answered rightly within `ms`. */
  async probeAnswer(ms: number): Promise<boolean> {
    const answer = await within(this.sendProbe(), ms);
    return answer.settled && FuzzServer.isHealthy(answer.value);
  }

  /**
   * The health probe, timed, while something else happens (a catalog loading, bytes just written):
   * slower than `probeMs` is a hang. Returns whether the server answered within the request bound.
   */
  async timedProbe(context: string): Promise<boolean> {
    const sent = performance.now();
    const answer = this.sendProbe();
    const outcome = await within(answer, this.bounds.requestMs);
    if (!outcome.settled) this.unanswered = { answer, sent };
    if (!outcome.settled || outcome.ms > this.bounds.probeMs) {
      this.report('hang', `the health probe in the healthy folder waits more than ${this.bounds.probeMs / 1000} s during ${context}`, outcome.settled ? `answered after ${Math.round(outcome.ms)} ms` : `no answer within ${this.bounds.requestMs} ms`);
    }
    return outcome.settled;
  }

  /** After a case: the probe must be answered, rightly, within the request bound (a hang) or the recovery time (else a wedge). */
  private async healthCheck(context: string): Promise<void> {
    const { answer, sent } = this.unanswered ?? { answer: this.sendProbe(), sent: performance.now() };
    this.unanswered = undefined;
    let outcome = await within(answer, Math.max(0, this.bounds.requestMs - (performance.now() - sent)));
    if (!outcome.settled) {
      outcome = await within(answer, this.bounds.recoverMs);
      const ms = Math.round(performance.now() - sent);
      if (!outcome.settled) {
        this.report('wedge', 'the health probe in the healthy folder gets no answer', `none within ${ms} ms after ${context}`);
        return;
      }
      this.report('hang', 'the health probe in the healthy folder answers late', `${ms} ms after ${context}`);
    }
    const response = outcome.value;
    if (!response) return; // the server exited: reported by the caller
    if (!FuzzServer.isHealthy(response)) this.report('wedge', 'the health probe in the healthy folder is answered wrongly', clipJson(response.error ?? response.result));
  }

  /** Checks every message the server sends, whatever request or case it belongs to. */
  private inspect(message: Message): void {
    const { method, params: raw } = message as NotificationMessage;
    if (method === 'textDocument/publishDiagnostics') {
      const params = raw as PublishDiagnosticsParams;
      // Every case folder is under `cases`: a load that ends after its case's folder was removed still publishes inside it.
      if (params.diagnostics.length > 0 && !isInsideFolders(params.uri, [this.folders.healthy, this.folders.cases])) {
        this.report('escape', 'diagnostics are published for a file outside the workspace folders', params.uri);
      }
      for (const diagnostic of params.diagnostics) {
        const href = diagnostic.codeDescription?.href;
        const problem = href === undefined ? undefined : hrefProblem(href);
        if (problem) this.report('escape', 'a diagnostic links to a target that is not a clean http(s) URL', problem);
        const text = messageText(diagnostic);
        if (INTERNAL_ERROR.test(text)) this.report('crash', `an internal error reaches a diagnostic: ${normalize(text)}`, text.slice(0, 300));
      }
    } else if (method === 'window/showMessage') {
      const text = (raw as ShowMessageParams).message;
      if (INTERNAL_ERROR.test(text)) this.report('crash', `an internal error reaches a message shown to the user: ${normalize(text)}`, text.slice(0, 300));
    }
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
  }
}

/**
 * What an error logged by the server says, apart from where it was thrown: one defect (a stack
 * overflow on a deep catalog, params of the wrong type) makes every handler that meets it fail.
 */
function handlerFailure(entry: string): { what: string; where?: string } {
  const first = entry.split('\n')[0];
  const handler = /^(?:Notification handler '([^']+)' failed with message: |(.+?) failed: )(.*)$/.exec(first);
  if (!handler) return { what: normalize(first) };
  const where = handler[1] ?? handler[2].replace(/file:\/\/\S+/g, 'a file');
  const message = handler[3].replace(/^(?:RangeError|TypeError|Error): /, '');
  return { what: `a handler throws: ${normalize(message)}`, where };
}

/** A log entry's first line and the first frame of its stack, if it has one: where in the server it failed. */
function firstLines(entry: string): string {
  const lines = entry.split('\n');
  const frame = lines.find((line) => /^\s+at /.test(line));
  return `${lines[0].slice(0, 300)}${frame ? ` (${frame.trim().replace(/^at /, '').slice(0, 160)})` : ''}`;
}

/** A diagnostic's message as text (LSP 3.18 also allows Markdown). */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function clipJson(value: unknown, length = 200): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
