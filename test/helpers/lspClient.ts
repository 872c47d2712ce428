/**
 * A small LSP client for protocol tests: spawns the bundled server (`node dist/server.js --stdio`),
 * answers the requests the server sends (configuration, capability registration), records what it
 * publishes, and offers promises that settle on protocol signals (a notification arriving, the
 * process exiting) — never on timers.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  AbstractMessageWriter,
  createMessageConnection,
  StreamMessageReader,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type ConfigurationParams,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type LogMessageParams,
  type Message,
  type MessageConnection,
  type NotificationMessage,
  type MessageWriter,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type RegistrationParams,
  type ResponseMessage,
  type ShowMessageParams,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { CatalogsChangedParams } from '../../server/src/protocol';
import { REPO_ROOT } from './paths';


/** The bundled server; `node esbuild.mjs` builds it. */
export { REPO_ROOT };
export const SERVER_PATH = join(REPO_ROOT, 'dist', 'server.js');

/** A file path as the server writes it in URIs. */
export function fileUri(path: string): string {
  return URI.file(path).toString();
}

/** Text whose cursor is marked by `marker` (its only occurrence), as text without the marker and an LSP position. */
export function cursor(textWithMarker: string, marker = '|'): { text: string; position: Position; offset: number } {
  const offset = textWithMarker.indexOf(marker);
  if (offset < 0 || textWithMarker.indexOf(marker, offset + 1) >= 0) throw new Error(`the text needs exactly one cursor marker ${marker}`);
  const text = textWithMarker.slice(0, offset) + textWithMarker.slice(offset + marker.length);
  return { text, position: positionAt(text, offset), offset };
}

/** The LSP position (UTF-16 columns) of an offset. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The position inside the `occurrence`-th (0-based) appearance of `needle`, `within` characters into it. */
export function positionOf(text: string, needle: string, within = 1, occurrence = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" does not occur ${occurrence + 1} time(s) in the text`);
  }
  return positionAt(text, index + within);
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | undefined : T[K] | undefined };

/** What a VS Code-like client advertises; tests override parts of it (an `undefined` value removes a key). */
export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: {
      completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] },
      completionList: { itemDefaults: ['editRange', 'data'] },
    },
  },
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects; arrays and scalars replace, `undefined` deletes. */
export function merge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) delete result[key];
    else result[key] = isPlainObject(value) && isPlainObject(result[key]) ? merge(result[key], value) : value;
  }
  return result as T;
}

export interface InitializeOptions {
  /** Merged into {@link DEFAULT_CAPABILITIES}. */
  readonly capabilities?: DeepPartial<ClientCapabilities> | Record<string, unknown>;
  readonly initializationOptions?: unknown;
  /** Also send `initialized` (default true). */
  readonly initialized?: boolean;
  /** Workspace folders instead of the single root folder (paths). */
  readonly folders?: readonly string[];
  /**
   * The client's process id, which the server watches to exit when its client is gone (default this
   * process's). A server running as another user cannot see this process, so it is told none.
   */
  readonly processId?: number | null;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

interface Waiter {
  /** Returns true once it has settled. */
  check(): boolean;
  fail(error: Error): void;
}

/** The server at the other end of a test's connection: a spawned process, or a server running in this process. */
export interface ServerEndpoint {
  /** What the server writes (its stdout). */
  readonly fromServer: NodeJS.ReadableStream;
  /** What the server reads (its stdin). */
  readonly toServer: NodeJS.WritableStream;
  /** What the server writes to its error stream, if it has one of its own (as UTF-8 text). */
  readonly errors?: NodeJS.ReadableStream;
  /** Settles when the server ends. */
  readonly exited: Promise<ExitStatus>;
  /** Settles if the server cannot be started at all. */
  readonly failed: Promise<Error>;
  readonly pid: number | undefined;
  alive(): boolean;
  /** Ends the server without the protocol's shutdown. */
  kill(): void;
}

export interface SpawnOptions {
  /** Variables for the server besides this process's. */
  readonly env?: Record<string, string>;
  /** The user and group to run the server as (a test running as root that needs file permissions to hold). */
  readonly identity?: { readonly uid: number; readonly gid: number };
}

/** The server script run by this Node over stdio; its stderr lines go to `onStderr`. */
export function spawnedServer(serverScript: string, args: readonly string[], cwd: string, onStderr: (line: string) => void, options: SpawnOptions = {}): ServerEndpoint {
  if (!existsSync(serverScript)) throw new Error(`${serverScript} is missing: run \`node esbuild.mjs\` first`);
  // Servers under test keep their catalog cache in a folder of the tests', never in the user's.
  const env = { ...process.env, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME ?? join(tmpdir(), 'error-catalog-test-cache'), ...options.env };
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [serverScript, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], ...options.identity });
  const exited = new Promise<ExitStatus>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const failed = new Promise<Error>((resolve) => child.on('error', resolve));
  let rest = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onStderr(line);
  });
  child.stderr.on('end', () => {
    if (rest) onStderr(rest);
    rest = '';
  });
  // The server may exit before reading everything we write (e.g. after `exit`): ignore broken pipes.
  child.stdin.on('error', () => {});
  return {
    fromServer: child.stdout,
    toServer: child.stdin,
    errors: child.stderr,
    exited,
    failed,
    pid: child.pid,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: () => child.kill(),
  };
}

/** A message framed as the protocol's base layer frames it (`Content-Length` header, UTF-8 body). */
export function frame(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/**
 * Writes each message as one framed buffer, at once. Raw bytes written by {@link LspClient.sendRaw}
 * then never land between a message's header and its body (the library's writer writes the two
 * separately, with a pause between), and everything reaches the server in the order it was sent.
 */
class FramedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly input: NodeJS.WritableStream) {
    super();
  }

  write(message: Message): Promise<void> {
    this.input.write(frame(JSON.stringify(message)));
    return Promise.resolve();
  }

  end(): void {
    this.input.end();
  }
}

export class LspClient {
  /** What `workspace/configuration` answers for `errorCatalog` (null: nothing configured). */
  settings: unknown = null;
  /** Answers for `errorCatalog` asked for a given scope (a workspace folder's URI); others get {@link settings}. */
  readonly settingsByScope = new Map<string, unknown>();
  /** Answers for other configuration sections (a peer server's own settings, in the benchmark). */
  sections: Record<string, unknown> = {};
  /** What `workspace/configuration` answers for `files.exclude`. */
  filesExclude: Record<string, boolean> | null = null;

  /** Log lines: `[error]`, `[warning]`, `[info]`, `[log]` for window/logMessage, `[show:…]` for showMessage, `[stderr]` for stderr. */
  readonly logs: string[] = [];
  /** Every publishDiagnostics, per uri, in arrival order. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  /** Every errorCatalog/catalogsChanged, in arrival order. */
  readonly catalogsChanged: CatalogsChangedParams[] = [];
  /** Every configuration request the server made. */
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly registrations: Registration[] = [];
  /** Settles when the process exits. */
  readonly exited: Promise<ExitStatus>;
  exitStatus: ExitStatus | undefined;
  /** How many times the server asked to refresh code lenses. */
  lensRefreshes = 0;
  /** The server's answer to `initialize`. */
  initializeResult: InitializeResult | undefined;

  private readonly endpoint: ServerEndpoint;
  private readonly connection: MessageConnection;
  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();
  /** Requests written as raw bytes, by id, until their response arrives. */
  private readonly rawRequests = new Map<string, (response: ResponseMessage) => void>();
  private readonly messageListeners: ((message: Message) => void)[] = [];
  private shuttingDown = false;

  /**
   * A client of the bundled server spawned with this Node, or of another endpoint (the server in
   * this process, see `inProcessServer.ts`).
   * @param args arguments after the server script
   * @param serverScript the server to run; the bundled server unless a benchmark names another
   * @param options the server at the other end instead of one spawned, or how to spawn it
   */
  constructor(args: readonly string[] = ['--stdio'], cwd = REPO_ROOT, serverScript = SERVER_PATH, options: { readonly endpoint?: ServerEndpoint } & SpawnOptions = {}) {
    this.endpoint = options.endpoint ?? spawnedServer(serverScript, args, cwd, (line) => this.pushLog(`[stderr] ${line}`), options);
    this.exited = this.endpoint.exited.then((status) => {
      this.exitStatus = status;
      this.failAll(new Error(`the server exited (code ${status.code}, signal ${status.signal}) while a test was waiting.\nLast log lines:\n${this.logs.slice(-20).join('\n')}`));
      return status;
    });
    this.endpoint.failed.then((error) => this.failAll(error), () => undefined);

    this.connection = createMessageConnection(new StreamMessageReader(this.endpoint.fromServer), new FramedMessageWriter(this.endpoint.toServer));
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => {
        if (item.section !== undefined && item.section in this.sections) return this.sections[item.section];
        if (item.section === 'errorCatalog') return (item.scopeUri !== undefined && this.settingsByScope.has(item.scopeUri) ? this.settingsByScope.get(item.scopeUri) : this.settings) ?? null;
        if (item.section === 'files.exclude') return this.filesExclude ?? null;
        return null;
      });
    });
    this.connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.onError(([error]) => this.failAll(error));
    this.connection.listen();
    // What the server sends is recorded from a second reader of its output, in the order it was
    // sent: the connection dispatches notifications a moment after reading them, so a response it
    // reads later (or one to a request written as raw bytes) could otherwise be seen first.
    new StreamMessageReader(this.endpoint.fromServer).listen((message) => this.receive(message));
  }

  private receive(message: Message): void {
    const { method, params } = message as NotificationMessage;
    if (method === 'window/logMessage') {
      const { type, message: text } = params as LogMessageParams;
      const level = ({ 1: 'error', 2: 'warning', 3: 'info', 4: 'log' } as Record<number, string>)[type] ?? `type ${type}`;
      this.pushLog(`[${level}] ${text}`);
    } else if (method === 'window/showMessage') {
      const { type, message: text } = params as ShowMessageParams;
      this.pushLog(`[show:${type}] ${text}`);
    } else if (method === 'textDocument/publishDiagnostics') {
      const published = params as PublishDiagnosticsParams;
      const list = this.diagnostics.get(published.uri) ?? [];
      list.push(published);
      this.diagnostics.set(published.uri, list);
      this.signal();
    } else if (method === 'errorCatalog/catalogsChanged') {
      this.catalogsChanged.push(params as CatalogsChangedParams);
      this.signal();
    } else if (method === 'workspace/codeLens/refresh') {
      this.lensRefreshes++;
      this.signal();
    } else if (method === undefined) {
      const { id } = message as ResponseMessage;
      const settle = typeof id === 'string' ? this.rawRequests.get(id) : undefined;
      if (settle) {
        this.rawRequests.delete(id as string);
        settle(message as ResponseMessage);
      }
    }
    for (const listener of this.messageListeners) listener(message);
  }

  /** The process is running (has not exited). */
  get alive(): boolean {
    return this.exitStatus === undefined && this.endpoint.alive();
  }

  get pid(): number | undefined {
    return this.endpoint.pid;
  }

  /** Calls `listener` with every message the server sends, as parsed from its output. */
  onMessage(listener: (message: Message) => void): void {
    this.messageListeners.push(listener);
  }

  /** Calls `listener` with every chunk of the server's output and error streams, as bytes. */
  onOutput(listener: (chunk: Buffer) => void): void {
    this.endpoint.fromServer.on('data', listener);
    this.endpoint.errors?.on('data', (chunk: string | Buffer) => listener(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk));
  }

  /** Writes bytes to the server's input as they are: framing abuse, or messages the connection would refuse to send. */
  sendRaw(bytes: string | Buffer): void {
    this.endpoint.toServer.write(bytes);
  }

  /**
   * Writes a request as raw bytes (params exactly as given, however malformed) and settles with the
   * server's response message, errors included; fails if the server exits first. Ids are the
   * caller's, and must not be numbers (the connection numbers its own requests).
   */
  rawRequest(id: string, method: string, params?: unknown): Promise<ResponseMessage> {
    const message: Record<string, unknown> = { jsonrpc: '2.0', id, method };
    if (params !== undefined) message.params = params;
    const response = new Promise<ResponseMessage>((resolve) => this.rawRequests.set(id, resolve));
    this.sendRaw(frame(JSON.stringify(message)));
    return Promise.race([response, this.exited.then((status): never => {
      throw new Error(`the server exited (code ${status.code}, signal ${status.signal}) before answering ${method}`);
    })]);
  }

  /** Sends `$/cancelRequest` for a request written with {@link rawRequest}; its promise still settles with the server's answer. */
  cancelRawRequest(id: string): void {
    this.sendRaw(frame(JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } })));
  }

  private pushLog(line: string): void {
    this.logs.push(line);
    this.signal();
  }

  private signal(): void {
    for (const waiter of [...this.waiters]) if (waiter.check()) this.waiters.delete(waiter);
  }

  private failAll(error: Error): void {
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      waiter.fail(error);
    }
  }

  /** A promise that settles with `probe()`'s value as soon as it is not undefined, re-checked on every signal. */
  waitFor<T>(probe: () => T | undefined, what = 'a condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          resolve(value);
          return true;
        },
        fail: (error) => reject(new Error(`while waiting for ${what}: ${error.message}`)),
      };
      if (waiter.check()) return;
      if (this.exitStatus) {
        waiter.fail(new Error(`the server has already exited (code ${this.exitStatus.code})`));
        return;
      }
      this.waiters.add(waiter);
    });
  }

  // ---- lifecycle ----

  /** Sends `initialize` for a root folder (and `initialized` unless told not to). */
  async initialize(rootFolder: string | null, options: InitializeOptions = {}): Promise<InitializeResult> {
    const folders = options.folders ?? (rootFolder ? [rootFolder] : []);
    const params: InitializeParams = {
      processId: options.processId === undefined ? process.pid : options.processId,
      clientInfo: { name: 'error-catalog protocol tests' },
      rootUri: rootFolder ? fileUri(rootFolder) : null,
      workspaceFolders: folders.length > 0 ? folders.map((path) => ({ uri: fileUri(path), name: path.slice(path.lastIndexOf('/') + 1) })) : null,
      capabilities: merge(DEFAULT_CAPABILITIES, options.capabilities ?? {}),
      initializationOptions: options.initializationOptions,
    };
    const result = await this.request<InitializeResult>('initialize', params);
    this.initializeResult = result;
    if (options.initialized !== false) await this.initialized();
    return result;
  }

  initialized(): Promise<void> {
    return this.connection.sendNotification('initialized', {});
  }

  /** Sends `shutdown` and `exit`, and waits for the process to end. */
  async shutdown(): Promise<ExitStatus> {
    if (this.exitStatus) return this.exitStatus;
    if (!this.shuttingDown) {
      this.shuttingDown = true;
      try {
        await this.request('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // The process died on its own; its exit status tells the test.
      }
    }
    const status = await this.exited;
    this.connection.dispose();
    return status;
  }

  /** Ends the process if a test failed before shutting it down cleanly. */
  async dispose(): Promise<void> {
    if (this.alive) this.endpoint.kill();
    await this.exited;
    this.connection.dispose();
  }

  // ---- waiting on what the server sends ----

  /** The `index`-th (0-based) errorCatalog/catalogsChanged, once it has arrived. */
  catalogsChangedAt(index: number): Promise<CatalogsChangedParams> {
    return this.waitFor(() => this.catalogsChanged[index], `errorCatalog/catalogsChanged #${index + 1}`);
  }

  /** The first errorCatalog/catalogsChanged: the server has loaded its catalogs. */
  ready(): Promise<CatalogsChangedParams> {
    return this.catalogsChangedAt(0);
  }

  /** The next errorCatalog/catalogsChanged after this call. */
  nextCatalogsChanged(): Promise<CatalogsChangedParams> {
    return this.catalogsChangedAt(this.catalogsChanged.length);
  }

  /**
   * The diagnostics for `uri` once they satisfy `predicate`: the last published ones if they
   * already do, else the next publication that does.
   */
  diagnosticsFor(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    let from = Math.max(0, (this.diagnostics.get(uri)?.length ?? 0) - 1);
    return this.waitFor(() => {
      const list = this.diagnostics.get(uri) ?? [];
      for (; from < list.length; from++) if (predicate(list[from])) return list[from];
      return undefined;
    }, `diagnostics for ${uri}`);
  }

  /** The first diagnostics for `uri` published after this call that satisfy `predicate`. */
  nextDiagnosticsFor(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    let from = this.diagnostics.get(uri)?.length ?? 0;
    return this.waitFor(() => {
      const list = this.diagnostics.get(uri) ?? [];
      for (; from < list.length; from++) if (predicate(list[from])) return list[from];
      return undefined;
    }, `new diagnostics for ${uri}`);
  }

  /** The last diagnostics published for `uri`, if any. */
  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    const list = this.diagnostics.get(uri);
    return list?.[list.length - 1];
  }

  // ---- documents ----

  open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text of an open document (a full-text change, the version one higher). */
  change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Replaces a range of an open document, as an editor does when the server syncs incrementally (the version one higher). */
  edit(uri: string, range: Range, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): Promise<void> {
    this.versions.delete(uri);
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  // ---- requests ----

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  /** The markdown (or plain) text of a hover, or null when there is none. */
  async hoverText(uri: string, position: Position): Promise<string | null> {
    const hover = await this.hover(uri, position);
    if (!hover) return null;
    const contents = hover.contents;
    if (typeof contents === 'string') return contents;
    if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    return contents.value;
  }

  completion(uri: string, position: Position, context: { triggerKind: number; triggerCharacter?: string } = { triggerKind: 1 }): Promise<CompletionList | CompletionItem[] | null> {
    return this.request('textDocument/completion', { textDocument: { uri }, position, context });
  }

  resolve(item: CompletionItem): Promise<CompletionItem> {
    return this.request<CompletionItem>('completionItem/resolve', item);
  }

  /** Sends a request; it fails (instead of staying pending) if the server exits before answering. */
  request<R = unknown>(method: string, params?: unknown): Promise<R> {
    const response = params === undefined ? this.connection.sendRequest<R>(method) : this.connection.sendRequest<R>(method, params);
    const exit = this.exited.then((status): never => {
      throw new Error(`the server exited (code ${status.code}, signal ${status.signal}) before answering ${method}.\nLast log lines:\n${this.logs.slice(-20).join('\n')}`);
    });
    return Promise.race([response, exit]);
  }

  /** Writes bytes to the server as they are, outside the protocol's framing (to test what it makes of garbage). */
  writeRaw(bytes: string): void {
    this.endpoint.toServer.write(bytes);
  }

  notify(method: string, params?: unknown): Promise<void> {
    return params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params);
  }
}

/** Runs the server binary to completion with the given arguments (for command-line behaviour). */
export function runServer(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runNode(SERVER_PATH, args);
}

/** Runs a script of ours to its end, with its exit code and everything it printed. */
export function runNode(script: string, args: readonly string[], cwd = REPO_ROOT, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A spawned server on a fresh temporary workspace holding `files`, ready (catalogs loaded). */
export interface TestWorkspace {
  readonly client: LspClient;
  readonly folder: string;
  uri(relative: string): string;
  /** Stops the server and removes the workspace. */
  dispose(): Promise<void>;
}

/** Paths in a folder, and a writer of files there (folders made as needed) that returns each file's URI. */
export function folderFiles(folder: string): { path(relative: string): string; write(relative: string, text: string): string } {
  const path = (relative: string) => join(folder, relative);
  return {
    path,
    write: (relative, text) => {
      mkdirSync(dirname(path(relative)), { recursive: true });
      writeFileSync(path(relative), text);
      return fileUri(path(relative));
    },
  };
}

export async function startInWorkspace(files: Record<string, string>, options: InitializeOptions & { endpoint?: () => ServerEndpoint } = {}): Promise<TestWorkspace> {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-')));
  const { write } = folderFiles(folder);
  for (const [relative, text] of Object.entries(files)) write(relative, text);
  const client = new LspClient(undefined, undefined, undefined, { endpoint: options.endpoint?.() });
  await client.initialize(folder, options);
  await client.ready();
  return {
    client,
    folder,
    uri: (relative) => fileUri(join(folder, relative)),
    dispose: async () => {
      await client.dispose();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
