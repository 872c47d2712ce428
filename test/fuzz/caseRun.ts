/**
 * Runs one fuzz case on a server: lays out the case's folder, adds it to the workspace, takes
 * the case's steps as an editor would, checks every answer, and removes the folder again.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkedString, MarkupContent, Position, PublishDiagnosticsParams, Range, ResponseMessage, TextEdit } from 'vscode-languageserver/node';
import type { CatalogSummary } from '../../server/src/protocol';
import { fileUri, frame } from '../helpers/lspClient';
import { materialize, substitute, textOf, type CatalogExpectation, type FileSpec, type FuzzCase, type Places, type Step } from './fuzzCase';
import { clipJson, messageText, within, type Finding, type FuzzServer } from './fuzzServer';
import { markdownEscapes } from './oracles';

/** Where a case's catalog files are told apart from its source files (the server's own rule). */
export const CATALOG_NAME = /\.errors\.(?:ya?ml|json)$/i;

const REQUEST_CANCELLED = -32800;
const CONTENT_MODIFIED = -32801;
const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;
const METHOD_NOT_FOUND = -32601;

/** Diagnostics that depend on timing rather than on a document's text (hints recounted a second after a change). */
const TIMED_DIAGNOSTICS = new Set(['unused-code']);

interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  document: TextDocument;
}

/** A text buffer to open in a fresh server, as the long-lived one has it. */
export interface OpenBuffer {
  readonly path: string;
  readonly languageId: string;
  readonly text: string;
}

function languageOf(path: string): string {
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.json$/i.test(path)) return 'json';
  if (/\.py$/i.test(path)) return 'python';
  if (/\.go$/i.test(path)) return 'go';
  return 'typescript';
}

/** The Markdown of a hover (plain text and code blocks are not rendered as Markdown). */
function hoverMarkdown(hover: Hover | null): string[] {
  if (!hover) return [];
  const parts: (MarkupContent | MarkedString)[] = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.flatMap((part) => (typeof part === 'string' ? [part] : 'kind' in part ? (part.kind === 'markdown' ? [part.value] : []) : []));
}

function documentationMarkdown(item: CompletionItem): string[] {
  const docs = item.documentation;
  if (docs === undefined) return [];
  return typeof docs === 'string' ? [] : docs.kind === 'markdown' ? [docs.value] : [];
}

function completionItems(result: unknown): CompletionItem[] {
  if (Array.isArray(result)) return result as CompletionItem[];
  return (result as CompletionList | null)?.items ?? [];
}

/** A diagnostic as compared between servers: what a user sees and what its quick fixes are built from. */
function comparable(diagnostic: Diagnostic): string {
  const { range, severity, code, source, message, data, codeDescription, tags } = diagnostic;
  return JSON.stringify({ range, severity, code, source, message, data, codeDescription, tags });
}

function sameDiagnostics(ours: readonly Diagnostic[], theirs: readonly Diagnostic[]): { same: boolean; first?: string } {
  const a = ours.filter((d) => !TIMED_DIAGNOSTICS.has(String(d.code))).map(comparable).sort();
  const b = theirs.filter((d) => !TIMED_DIAGNOSTICS.has(String(d.code))).map(comparable).sort();
  const onlyOurs = a.filter((d) => !b.includes(d));
  const onlyTheirs = b.filter((d) => !a.includes(d));
  if (onlyOurs.length === 0 && onlyTheirs.length === 0) return { same: true };
  return { same: false, first: `edited: ${onlyOurs[0] ?? 'nothing more'} / fresh: ${onlyTheirs[0] ?? 'nothing more'}`.slice(0, 400) };
}

/** The text after the fix offered for a diagnostic (its preferred one, else its first) is applied. */
function applyFix(document: TextDocument, actions: unknown, diagnostic: Diagnostic): string | undefined {
  const fixes = (Array.isArray(actions) ? (actions as CodeAction[]) : []).filter((a) => a.edit && a.diagnostics?.some((d) => d.code === diagnostic.code && d.message === diagnostic.message));
  const action = fixes.find((a) => a.isPreferred) ?? fixes[0];
  const edits: TextEdit[] | undefined = action?.edit?.changes ? Object.values(action.edit.changes)[0] : undefined;
  return edits ? TextDocument.applyEdits(document, edits) : undefined;
}

/** The first line two texts differ on, as `"ours" instead of "theirs"`. */
function firstDifference(ours: string | undefined, theirs: string | undefined): string {
  const a = ours?.split('\n') ?? [];
  const b = theirs?.split('\n') ?? [];
  let line = 0;
  while (line < Math.max(a.length, b.length) && a[line] === b[line]) line++;
  return `line ${line + 1}: ${JSON.stringify(a[line]?.trim().slice(0, 100))} instead of ${JSON.stringify(b[line]?.trim().slice(0, 100))}`;
}

function shiftDown(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

/** Notifications whose effect the case cannot undo when it removes its folder. */
const LASTING_NOTIFICATIONS = new Set(['textDocument/didOpen', 'workspace/didChangeConfiguration', 'workspace/didChangeWorkspaceFolders']);

function leavesState(step: Step): boolean {
  return step.do === 'raw' || (step.do === 'notify' && LASTING_NOTIFICATIONS.has(step.method));
}

export class CaseRun {
  readonly ws: string;
  readonly wsUri: string;
  private readonly places: Places;
  private readonly docs = new Map<string, OpenDocument>();
  private pending: Promise<void>[] = [];
  private cancelAfterNext: string[] = [];
  /** Set after a hang: further steps would only wait on the same stuck server. */
  private stalled = false;

  constructor(private readonly server: FuzzServer, private readonly fuzzCase: FuzzCase, private readonly reference?: () => Promise<FuzzServer>) {
    const { folders } = server;
    this.ws = mkdtempSync(join(folders.cases, 'case-'));
    chmodSync(this.ws, 0o755);
    this.wsUri = fileUri(this.ws);
    this.places = { ws: this.ws, outside: folders.outside, toRoot: '../..', uri: fileUri };
  }

  private get client() {
    return this.server.client;
  }

  private get bounds() {
    return this.server.bounds;
  }

  private pathIn(relative: string): string {
    const path = substitute(relative, this.places);
    return isAbsolute(path) ? path : join(this.ws, path);
  }

  private uriOf(relative: string): string {
    return fileUri(this.pathIn(relative));
  }

  /** Runs the whole case and returns its findings. */
  async run(): Promise<Finding[]> {
    this.server.beginCase();
    try {
      for (const file of this.fuzzCase.files) this.writeFile(file);
      await this.addFolder();
      for (const step of this.fuzzCase.steps) {
        if (this.stalled || !this.client.alive) break;
        await this.step(step);
      }
      await this.flush();
      if (!this.stalled && this.client.alive) this.checkExpectations(this.fuzzCase.expect ?? []);
      if (!this.stalled && this.client.alive) await this.teardown();
    } catch (error) {
      // Messages to a server that has exited fail; the exit itself is the finding.
      if (this.client.alive) throw error;
    } finally {
      this.client.settingsByScope.delete(this.wsUri);
    }
    const findings = await this.server.endCase(`the ${this.fuzzCase.family} case "${this.fuzzCase.name}"`);
    rmSync(this.ws, { recursive: true, force: true });
    // What such steps leave behind (a document opened under an odd URI, pushed settings, half a
    // message) outlives the folder, and would be blamed on the cases after: the next case gets a new server.
    if (this.fuzzCase.steps.some(leavesState)) this.server.spent = true;
    return findings;
  }

  // ---- the folder ----

  writeFile(spec: FileSpec): void {
    const path = this.pathIn(spec.path);
    mkdirSync(dirname(path), { recursive: true });
    rmSync(path, { force: true, recursive: true });
    switch (spec.kind) {
      case 'file':
        writeFileSync(path, materialize(spec.content));
        if (spec.mode !== undefined) chmodSync(path, spec.mode);
        break;
      case 'fifo':
        execFileSync('mkfifo', [path]);
        break;
      case 'symlink':
        symlinkSync(substitute(spec.target, this.places), path);
        break;
      case 'sparse':
        writeFileSync(path, '');
        truncateSync(path, spec.bytes);
        break;
    }
  }

  /** Copies another case folder's files here (for a fresh server to see the same disk). */
  copyFrom(folder: string): void {
    cpSync(folder, this.ws, { recursive: true, verbatimSymlinks: true });
  }

  /** Adds the case folder to the workspace, with the case's settings, and waits until its catalogs are loaded. */
  async addFolder(): Promise<void> {
    this.client.settingsByScope.set(this.wsUri, { diagnostics: { delay: 0 }, ...(substitute(this.fuzzCase.settings, this.places) as object | undefined) });
    await this.client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: this.wsUri, name: basename(this.ws) }], removed: [] } });
    await this.barrier('the case folder was added');
  }

  private async teardown(): Promise<void> {
    for (const path of [...this.docs.keys()]) await this.close(path);
    await this.client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: this.wsUri, name: basename(this.ws) }] } });
    await this.barrier('the case folder was removed', this.bounds.requestMs);
  }

  /**
   * Waits until the server has taken in every change sent so far: a request that waits, as every
   * request does, for the catalogs being (re)loaded.
   */
  private async barrier(context: string, ms = this.bounds.loadMs): Promise<void> {
    const answer = await within(this.client.rawRequest(this.server.newId(), 'errorCatalog/catalogsForDocument', { uri: this.wsUri }).catch(() => undefined), ms);
    if (!answer.settled) this.stall(`catalogs do not settle within ${ms / 1000} s after a change`, context);
  }

  private stall(what: string, detail: string): void {
    this.server.report('hang', what, detail);
    this.stalled = true;
  }

  // ---- steps ----

  private async step(step: Step): Promise<void> {
    if (step.do !== 'request') await this.flush();
    switch (step.do) {
      case 'open':
        await this.open({ path: step.path, languageId: step.languageId, text: textOf(step.content) });
        break;
      case 'edit':
        await this.edit(step.path, step.range, step.text);
        break;
      case 'close':
        await this.close(step.path);
        break;
      case 'request':
        this.request(step.method, substitute(step.params, this.places), step.cancel, step.expect === 'invalid-params');
        break;
      case 'notify':
        this.client.sendRaw(frame(JSON.stringify({ jsonrpc: '2.0', method: step.method, params: substitute(step.params, this.places) })));
        await this.barrier(`${step.method} was sent`, this.bounds.requestMs);
        break;
      case 'raw':
        this.client.sendRaw(materialize(step.content));
        break;
      case 'write':
        this.writeFile(step.file);
        break;
      case 'remove':
        rmSync(this.pathIn(step.path), { force: true, recursive: true });
        break;
      case 'chmod':
        chmodSync(this.pathIn(step.path), step.mode);
        break;
      case 'watch':
        await this.client.notify('workspace/didChangeWatchedFiles', { changes: substitute(step.changes, this.places) });
        break;
      case 'settings':
        this.client.settingsByScope.set(this.wsUri, { diagnostics: { delay: 0 }, ...(substitute(step.settings, this.places) as object) });
        await this.client.notify('workspace/didChangeConfiguration', { settings: null });
        break;
      case 'settle':
        await this.barrier('the case\'s changes');
        break;
      case 'diagnostics':
        await this.diagnosticsOf(step.path);
        break;
      case 'exercise':
        await this.exercise();
        break;
      case 'probe':
        if (!(await this.server.timedProbe(`a ${this.fuzzCase.family} case`))) this.stalled = true;
        break;
      case 'compare':
        await this.compare(step.path, step.staleFix === true);
        break;
      case 'countRefreshes':
        await this.countRefreshes(step.path, step.edits);
        break;
    }
  }

  /** Opens a document; for a catalog, waits until the server has read the buffer, unless `awaitRead` is false. */
  async open(buffer: OpenBuffer, awaitRead = true): Promise<void> {
    const uri = this.uriOf(buffer.path);
    this.docs.set(buffer.path, { uri, languageId: buffer.languageId, document: TextDocument.create(uri, buffer.languageId, 1, buffer.text) });
    // An open catalog is read a moment after it changes; its catalogsChanged says it was. A catalog
    // that breaks the server sends none, and the bound lets the case go on to show what broke.
    const read = awaitRead && CATALOG_NAME.test(buffer.path) ? this.client.nextCatalogsChanged().catch(() => undefined) : undefined;
    await this.client.open(uri, buffer.languageId, buffer.text);
    if (read) await within(read, this.bounds.requestMs);
  }

  private async edit(path: string, range: Range, text: string): Promise<void> {
    const open = this.docs.get(path);
    if (!open) return;
    open.document = TextDocument.update(open.document, [{ range, text }], open.document.version + 1);
    await this.client.edit(open.uri, range, text);
  }

  private async close(path: string): Promise<void> {
    const open = this.docs.get(path);
    if (!open) return;
    this.docs.delete(path);
    await this.client.close(open.uri);
  }

  /** Sends a request without waiting for it; `flush` collects the answers. */
  private request(method: string, params: unknown, cancel: 'at-once' | 'after-next' | undefined, malformed: boolean): void {
    const id = this.server.newId();
    const response = this.client.rawRequest(id, method, params).catch(() => undefined);
    if (cancel === 'at-once') this.client.cancelRawRequest(id);
    for (const earlier of this.cancelAfterNext.splice(0)) this.client.cancelRawRequest(earlier);
    if (cancel === 'after-next') this.cancelAfterNext.push(id);
    this.pending.push(this.answerOf(method, response).then((answer) => {
      if (answer) this.examine(method, params, answer, cancel !== undefined, malformed);
    }));
  }

  private async flush(): Promise<void> {
    for (const id of this.cancelAfterNext.splice(0)) this.client.cancelRawRequest(id);
    const pending = this.pending.splice(0);
    await Promise.all(pending);
  }

  /** The answer to a request, or undefined after reporting a hang (or when the server exited). */
  private async answerOf(method: string, response: Promise<ResponseMessage | undefined>): Promise<ResponseMessage | undefined> {
    const outcome = await within(response, this.bounds.requestMs);
    if (!outcome.settled) {
      this.stall(`a request gets no answer within ${this.bounds.requestMs / 1000} s`, method);
      return undefined;
    }
    return outcome.value;
  }

  /**
   * Sends a request and waits for its answer, checking it; the result, or undefined. `what` names
   * the answer's Markdown in findings (`hover on a status`) where the method alone would not.
   */
  private async ask(method: string, params: unknown, what?: string): Promise<unknown> {
    if (this.stalled || !this.client.alive) return undefined;
    const response = await this.answerOf(method, this.client.rawRequest(this.server.newId(), method, params).catch(() => undefined));
    if (!response) return undefined;
    this.examine(method, params, response, false, false, what);
    return response.error ? undefined : response.result;
  }

  private examine(method: string, params: unknown, response: ResponseMessage, cancelled: boolean, malformed: boolean, what?: string): void {
    const error = response.error;
    if (error?.code === INTERNAL_ERROR) this.server.report('crash', 'a request is answered InternalError', `${method}: ${error.message.slice(0, 200)}`);
    if (malformed) {
      const refused = error?.code === INVALID_PARAMS || (cancelled && error?.code === REQUEST_CANCELLED);
      if (!refused) this.server.report('contract', `a request with malformed params is answered ${error ? 'with another error' : 'with a result'}, not InvalidParams`, `${method} ${clipJson(params, 120)} → ${clipJson(error ?? response.result, 80)}`);
    } else if (error?.code === METHOD_NOT_FOUND) {
      this.server.report('contract', 'a method the server supports is answered MethodNotFound', method);
    } else if (error && error.code !== REQUEST_CANCELLED && error.code !== CONTENT_MODIFIED && error.code !== INTERNAL_ERROR && !cancelled && error.code !== 0) {
      this.server.report('contract', 'a request with well-formed params is answered with an error', `${method} ${clipJson(params, 120)} → ${error.code} ${error.message.slice(0, 100)}`);
    }
    if (!error) this.checkMarkdown(method, response.result, what);
  }

  private checkMarkdown(method: string, result: unknown, what?: string): void {
    const sources: [string, string[]][] = [];
    if (method === 'textDocument/hover') sources.push([what ?? 'hover', hoverMarkdown(result as Hover | null)]);
    if (method === 'textDocument/completion') sources.push(['completion item', completionItems(result).flatMap(documentationMarkdown)]);
    if (method === 'completionItem/resolve' && result && typeof result === 'object') sources.push(['completion resolve', documentationMarkdown(result as CompletionItem)]);
    if (method === 'errorCatalog/explain' && typeof result === 'string') sources.push(['explain', [result]]);
    for (const [source, texts] of sources) {
      for (const text of texts) {
        for (const escape of markdownEscapes(text)) this.server.report('escape', `${source} Markdown ${escape.what}`, escape.detail);
      }
    }
  }

  // ---- the standard battery ----

  /** Every request the server supports, on the case's probe codes and statuses, from a source file in the case folder. */
  private async exercise(): Promise<void> {
    const codes = (this.fuzzCase.probe?.codes ?? []).slice(0, 6);
    const statuses = (this.fuzzCase.probe?.statuses ?? []).slice(0, 4);
    const lines = ["import express from 'express';", 'const app = express();', "app.get('/fuzz', (req, res) => {"];
    const codeAt: Position[] = [];
    codes.forEach((code, i) => {
      const before = `  res.status(${statuses[i % Math.max(1, statuses.length)] ?? 400}).json({ error: { code: `;
      codeAt.push({ line: lines.length, character: before.length + 1 + Math.min(1, code.length) });
      lines.push(`${before}${JSON.stringify(code)} } });`);
    });
    const statusAt: Position[] = statuses.map((status) => {
      lines.push(`  res.status(${status}).send();`);
      return { line: lines.length - 1, character: '  res.status('.length + 1 };
    });
    const completionAt = { line: lines.length, character: "  res.status(404).json({ error: { code: '".length };
    lines.push("  res.status(404).json({ error: { code: '' } });", '});', '');
    const path = 'fuzz-probe.ts';
    await this.open({ path, languageId: 'typescript', text: lines.join('\n') });
    const uri = this.uriOf(path);
    const textDocument = { uri };

    const published = await within(this.client.diagnosticsFor(uri, (p) => p.version === 1).catch(() => undefined), this.bounds.requestMs);
    if (!published.settled) this.stall(`diagnostics do not arrive within ${this.bounds.requestMs / 1000} s`, 'the probe file');
    const diagnostics = published.settled ? published.value?.diagnostics ?? [] : [];

    for (const position of codeAt) await this.ask('textDocument/hover', { textDocument, position }, 'hover on a code');
    for (const position of statusAt) await this.ask('textDocument/hover', { textDocument, position }, 'hover on a status');
    for (const position of codeAt) await this.ask('textDocument/definition', { textDocument, position });
    const list = await this.ask('textDocument/completion', { textDocument, position: completionAt, context: { triggerKind: 1 } });
    const defaults = (list as CompletionList | null)?.itemDefaults;
    for (const item of completionItems(list).slice(0, 5)) await this.ask('completionItem/resolve', { ...item, data: item.data ?? defaults?.data });
    for (const code of codes) await this.ask('errorCatalog/explain', { uri, code });
    if (codeAt.length > 0) {
      await this.ask('textDocument/references', { textDocument, position: codeAt[0], context: { includeDeclaration: true } });
      await this.ask('textDocument/prepareRename', { textDocument, position: codeAt[0] });
      await this.ask('errorCatalog/errorResponse', { uri, position: { line: lines.length - 2, character: 0 }, code: codes[0] });
    }
    await this.ask('textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, context: { diagnostics } });
    await this.ask('errorCatalog/codes', { uri });
    await this.ask('errorCatalog/catalogsForDocument', { uri });
    await this.ask('workspace/symbol', { query: '' });
    const options = await this.ask('errorCatalog/handlingOptions', { uri }) as { variants?: { id: string }[]; catalogs?: { uri: string }[] } | undefined;
    if (options?.variants?.[0] && options.catalogs?.[0]) await this.ask('errorCatalog/errorHandling', { uri, variant: options.variants[0].id, catalog: options.catalogs[0].uri });
    await this.close(path);

    // The outline and the lenses of each catalog: open ones as they are, files opened as an editor opens them.
    for (const path of [...this.docs.keys()].filter((p) => CATALOG_NAME.test(p))) await this.outline(path);
    for (const file of this.fuzzCase.files) {
      if (file.kind !== 'file' || !CATALOG_NAME.test(file.path) || this.docs.has(file.path)) continue;
      const bytes = materialize(file.content);
      if (bytes.length > 4 * 1024 * 1024) continue;
      // The outline is read from the buffer; its re-read a moment later is cancelled by closing it.
      await this.open({ path: file.path, languageId: languageOf(file.path), text: bytes.toString('utf8') }, false);
      await this.outline(file.path);
      await this.close(file.path);
    }
  }

  private async outline(path: string): Promise<void> {
    const textDocument = { uri: this.uriOf(path) };
    await this.ask('textDocument/documentSymbol', { textDocument });
    await this.ask('textDocument/codeLens', { textDocument });
  }

  // ---- expectations ----

  private latestSummaries(): readonly CatalogSummary[] {
    return this.client.catalogsChanged[this.client.catalogsChanged.length - 1]?.catalogs ?? [];
  }

  private checkExpectations(expectations: readonly CatalogExpectation[]): void {
    for (const expectation of expectations) {
      const uri = this.uriOf(expectation.path);
      const diagnostics = this.client.lastDiagnostics(uri)?.diagnostics ?? [];
      if (expectation.codeCount !== undefined) {
        const summary = this.latestSummaries().find((s) => s.uri === uri);
        if (!summary || summary.errorCount > 0 || summary.codeCount !== expectation.codeCount) {
          const got = summary ? `${summary.errorCount} errors and ${summary.codeCount} codes` : 'not loaded';
          this.server.report('mismatch', expectation.because, `${got} (expected no errors and ${expectation.codeCount} codes); first problem: ${diagnostics[0] ? messageText(diagnostics[0]).slice(0, 120) : 'none'}`);
        }
      }
      if (expectation.problem !== undefined && !diagnostics.some((d) => d.code === expectation.problem)) {
        this.server.report('contract', expectation.because, `no ${expectation.problem} diagnostic; got ${diagnostics.map((d) => d.code).join(', ') || 'none'}`);
      }
      if (expectation.reported) {
        const name = basename(expectation.path);
        const shown = this.client.logs.some((line) => line.startsWith('[show:') && line.includes(name));
        if (diagnostics.length === 0 && !shown) this.server.report('contract', expectation.because, `no diagnostic on ${name} and no message shown`);
      }
    }
  }

  // ---- comparison with a fresh server ----

  /** The buffers open here, catalogs first, then `last`. */
  private buffers(last: string): OpenBuffer[] {
    const all = [...this.docs.entries()].map(([path, open]) => ({ path, languageId: open.languageId, text: open.document.getText() }));
    return [...all.filter((b) => CATALOG_NAME.test(b.path) && b.path !== last), ...all.filter((b) => !CATALOG_NAME.test(b.path) && b.path !== last), ...all.filter((b) => b.path === last)];
  }

  /** The diagnostics of an open document as the server has them now. */
  async diagnosticsOf(path: string): Promise<Diagnostic[] | undefined> {
    const open = this.docs.get(path);
    if (!open) return undefined;
    if (CATALOG_NAME.test(path)) {
      // A reload re-reads every open catalog from its buffer, and answers after publishing its diagnostics.
      const reloaded = await within(this.client.rawRequest(this.server.newId(), 'errorCatalog/reload').catch(() => undefined), this.bounds.loadMs);
      if (!reloaded.settled) {
        this.stall(`catalogs do not settle within ${this.bounds.loadMs / 1000} s after a change`, 'errorCatalog/reload');
        return undefined;
      }
      return this.client.lastDiagnostics(open.uri)?.diagnostics ?? [];
    }
    const version = open.document.version;
    const published = await within(this.client.diagnosticsFor(open.uri, (p: PublishDiagnosticsParams) => p.version === version).catch(() => undefined), this.bounds.requestMs);
    if (!published.settled) {
      this.stall(`diagnostics do not arrive within ${this.bounds.requestMs / 1000} s`, `${path} version ${version}`);
      return undefined;
    }
    return published.value?.diagnostics;
  }

  /** The text of an open document after the first quick fix offered for `diagnostic` is applied. */
  async fixedText(path: string, diagnostic: Diagnostic): Promise<string | undefined> {
    const open = this.docs.get(path);
    if (!open) return undefined;
    const actions = await this.ask('textDocument/codeAction', { textDocument: { uri: open.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    return applyFix(open.document, actions, diagnostic);
  }

  /** Opens the same buffers over a copy of this folder in a fresh server, and hands the view to `look`. */
  private async withFreshView<T>(buffers: readonly OpenBuffer[], look: (fresh: CaseRun) => Promise<T>): Promise<T | undefined> {
    if (!this.reference) return undefined;
    const reference = await this.reference();
    const fresh = new CaseRun(reference, { family: 'reference', name: 'the same text in a fresh server', seed: this.fuzzCase.seed, files: [], steps: [], settings: this.fuzzCase.settings });
    reference.beginCase();
    try {
      fresh.copyFrom(this.ws);
      await fresh.addFolder();
      for (const buffer of buffers) await fresh.open(buffer);
      return await look(fresh);
    } finally {
      if (reference.client.alive && !fresh.stalled) await fresh.teardown();
      reference.client.settingsByScope.delete(fresh.wsUri);
      await reference.endCase('a comparison');
      rmSync(fresh.ws, { recursive: true, force: true });
    }
  }

  private async compare(path: string, staleFix: boolean): Promise<void> {
    const ours = await this.diagnosticsOf(path);
    if (!ours) return;
    const open = this.docs.get(path)!;
    const isCatalog = CATALOG_NAME.test(path);
    const fixable = isCatalog ? [] : ours.filter((d) => d.data !== undefined).slice(0, 3);
    const ourFixes: (string | undefined)[] = [];
    for (const diagnostic of fixable) ourFixes.push(await this.fixedText(path, diagnostic));
    const theirs = await this.withFreshView(this.buffers(path), async (fresh) => {
      const diagnostics = await fresh.diagnosticsOf(path);
      const fixes: (string | undefined)[] = [];
      for (const diagnostic of fixable) {
        const same = diagnostics?.find((d) => comparable(d) === comparable(diagnostic));
        fixes.push(same ? await fresh.fixedText(path, same) : undefined);
      }
      return { diagnostics, fixes };
    });
    if (!theirs?.diagnostics) return;
    const verdict = sameDiagnostics(ours, theirs.diagnostics);
    if (!verdict.same) {
      this.server.report('mismatch', `${isCatalog ? 'catalog' : 'source'} diagnostics after incremental edits differ from a fresh server's for the same text`, verdict.first);
      return;
    }
    ourFixes.forEach((text, i) => {
      if (text !== theirs.fixes[i]) this.server.report('mismatch', 'a quick fix after incremental edits writes other text than a fresh server\'s', `${fixable[i].code}: ${firstDifference(text, theirs.fixes[i])}`);
    });
    if (staleFix && fixable.length > 0) await this.compareStaleFix(path, open, fixable[0]);
  }

  /**
   * An editor moves a diagnostic down when a line is inserted above it, and offers its fix
   * before the new diagnostics arrive: the fix must change the same text a fresh server's does.
   */
  private async compareStaleFix(path: string, open: OpenDocument, diagnostic: Diagnostic): Promise<void> {
    const inserted = '// a line inserted above\n';
    await this.edit(path, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, inserted);
    const moved = { ...diagnostic, range: shiftDown(diagnostic.range, 1) };
    const ours = await this.fixedText(path, moved);
    const theirs = await this.withFreshView(this.buffers(path), async (fresh) => {
      const diagnostics = await fresh.diagnosticsOf(path);
      const same = diagnostics?.find((d) => d.code === diagnostic.code && d.message === diagnostic.message && JSON.stringify(d.range) === JSON.stringify(moved.range));
      return same ? fresh.fixedText(path, same) : undefined;
    });
    if (theirs !== undefined && ours !== theirs) {
      this.server.report('mismatch', 'a quick fix asked for after an edit above its diagnostic changes the wrong text', `${diagnostic.code} in ${open.languageId}: ${firstDifference(ours, theirs)}`);
    }
  }

  /** A burst of edits, then the number of code-lens refreshes the server asked for during it. */
  private async countRefreshes(path: string, edits: readonly { range: Range; text: string }[]): Promise<void> {
    const before = this.client.lensRefreshes;
    for (const { range, text } of edits) await this.edit(path, range, text);
    if (!(await this.diagnosticsOf(path))) return;
    const refreshes = this.client.lensRefreshes - before;
    if (refreshes > Math.max(2, edits.length / 4)) {
      this.server.report('contract', 'the server asks for a code-lens refresh on every keystroke', `${refreshes} refreshes for ${edits.length} edits`);
    }
  }
}

/** Runs a case on a server; `reference` gives a server that has only ever opened documents, for comparisons. */
export function runCase(server: FuzzServer, fuzzCase: FuzzCase, reference?: () => Promise<FuzzServer>): Promise<Finding[]> {
  return new CaseRun(server, fuzzCase, reference).run();
}
