/**
 * Diagnostics in source files: unknown codes, codes sent with the wrong status, bodies that do
 * not have the catalog's envelope shape, and deprecated codes. Only where a workspace catalog
 * applies, and only on values that are codes (see codeUsages.ts). Each diagnostic carries a
 * stable `code` and the data its quick fix needs; fixes dispatch on the code, never the message.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet, CodeHit } from '../catalog/catalogSet';
import type { Catalog } from '../catalog/model';
import { findCodeUsages, PROSE_LANGUAGES, type CodeUsage, type UsageOptions } from '../text/codeUsages';
import { isSpace, isWordChar, lexStatements, StatementWalk, type LexedText } from '../text/statements';
import { placeholderPath } from '../catalog/envelope';
import { docsUrlOf } from '../render/explain';
import { safeHttpUrl } from '../render/markdown';
import { lastAtMost, statusNumberAt } from '../text/textScan';

export enum SourceDiagnosticCode {
  UnknownCode = 'unknown-code',
  StatusMismatch = 'status-mismatch',
  EnvelopeShape = 'envelope-shape',
  DeprecatedCode = 'deprecated-code',
}

export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';

export interface DiagnosticsOptions extends Pick<UsageOptions, 'functions' | 'patterns'> {
  readonly severity: Readonly<Record<SourceDiagnosticCode, RuleSeverity>>;
}

export const DEFAULT_RULE_SEVERITY: Readonly<Record<SourceDiagnosticCode, RuleSeverity>> = {
  [SourceDiagnosticCode.UnknownCode]: 'warning',
  [SourceDiagnosticCode.StatusMismatch]: 'warning',
  [SourceDiagnosticCode.EnvelopeShape]: 'warning',
  [SourceDiagnosticCode.DeprecatedCode]: 'hint',
};

const SEVERITY: Readonly<Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity>> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/**
 * What quick fixes need, carried in `Diagnostic.data`. Offsets are relative to the diagnostic's
 * start, so that they still hold after edits elsewhere move it; `value` is the text the diagnostic
 * is about, so that a fix never applies once that text has changed.
 */
export type FixData =
  | { readonly rule: SourceDiagnosticCode.UnknownCode; readonly value: string; readonly suggestions: readonly string[] }
  | { readonly rule: SourceDiagnosticCode.StatusMismatch; readonly value: string; readonly codeStatus: number; readonly sentStatus: number; readonly statusOffset: number; readonly alternatives: readonly string[] }
  | { readonly rule: SourceDiagnosticCode.EnvelopeShape; readonly value: string; readonly bodyOffset: number; readonly bodyLength: number }
  | { readonly rule: SourceDiagnosticCode.DeprecatedCode; readonly value: string; readonly replacement?: string };

/** Names under which bodies carry codes: the catalogs' own, and the common ones a wrong shape uses. */
export function codeKeysOf(set: CatalogSet): string[] {
  const keys = new Set(['code', 'error_code', 'errorCode']);
  for (const catalog of set.catalogs) {
    const path = placeholderPath(catalog.envelope.body, 'code');
    if (path) keys.add(path[path.length - 1]);
  }
  return [...keys];
}

/** Whether text looks like the codes of these catalogs (`RATE_LIMITED`, `AUTH-401`, a URI), so that unrelated values are left alone. */
const sampleCodes = new WeakMap<CatalogSet, string[]>();
const shapes = new WeakMap<Catalog, { codePath: readonly string[]; required: readonly string[] }>();

/** Where a catalog's bodies carry the code, and their members that are always there (computed once per catalog). */
function shapeOf(catalog: Catalog): { codePath: readonly string[]; required: readonly string[] } {
  let shape = shapes.get(catalog);
  if (!shape) {
    const optional = new Set(catalog.envelope.optional);
    shape = {
      codePath: placeholderPath(catalog.envelope.body, 'code') ?? [],
      required: Object.keys(catalog.envelope.body).filter((k) => !optional.has(k) && !k.includes('${')),
    };
    shapes.set(catalog, shape);
  }
  return shape;
}
const suggestionCaches = new WeakMap<CatalogSet, Map<string, string[]>>();

function looksLikeCode(value: string, set: CatalogSet): boolean {
  if (value.length < 2 || value.length > 200) return false;
  let codes = sampleCodes.get(set);
  if (!codes) {
    codes = set.catalogs.flatMap((c) => {
      const sample: string[] = [];
      for (const code of c.codes.keys()) if (sample.push(code) >= 50) break;
      return sample;
    });
    sampleCodes.set(set, codes);
  }
  const upper = /^[A-Z][A-Z0-9]*(?:[_.-][A-Z0-9]+)*$/;
  if (codes.length > 0 && codes.every((c) => upper.test(c))) return upper.test(value);
  if (codes.some((c) => /^[a-z][a-z0-9+.-]*:/.test(c))) return /^[a-z][a-z0-9+.-]*:\S+$/.test(value);
  return /^[A-Za-z][\w.:/-]*$/.test(value);
}

/** Known codes a mistyped one most likely meant: same letters ignoring case and separators, else the nearest few. */
export function suggestionsFor(value: string, set: CatalogSet): string[] {
  const same = set.findNormalized(value).map((h) => h.entry.code);
  if (same.length > 0) return [...new Set(same)];
  return set.nearestCodes(value, 3);
}

/** Type names that stand between a key and its literal: Go's `map[string]any{`, Gin's `gin.H{`, C#'s `new {`. */
const LITERAL_TYPE = /(?:map\[string\](?:any|interface\{\})|gin\.H|new)\s*$/;

/** A character of a key: a word character, `$` or `-`. */
const isKeyChar = (code: number) => isWordChar(code) || code === 36 || code === 45;

/** The key before a literal's opening bracket at `open` (`error` in `"error": {`), read backwards to `floor` at most, without a regex scan. */
function keyBefore(text: string, open: number, floor: number): string | undefined {
  let i = open - 1;
  const skipSpace = () => { while (i >= floor && isSpace(text.charCodeAt(i))) i--; };
  skipSpace();
  if (i < floor) return undefined;
  // A type between the key and the literal (`map[string]any{`, `gin.H{`, `new {`) ends in a letter or `}`.
  const last = text.charCodeAt(i);
  if (isKeyChar(last) || last === 125) {
    const type = LITERAL_TYPE.exec(text.slice(Math.max(floor, i - 24), i + 1));
    if (type) { i -= type[0].length; skipSpace(); }
  }
  if (i < floor) return undefined;
  if (text[i] === '>' && i - 1 >= floor && text[i - 1] === '=') i -= 2;
  else if (text[i] === ':' || text[i] === '=') i--;
  else return undefined;
  skipSpace();
  if (i < floor) return undefined;
  const quote = text[i] === '"' || text[i] === "'" ? text[i--] : undefined;
  const end = i + 1;
  while (i >= floor && isKeyChar(text.charCodeAt(i))) i--;
  if (quote && (i < floor || text[i] !== quote)) return undefined;
  return end > i + 1 ? text.slice(i + 1, end) : undefined;
}

/** An object or array literal; what precedes it is read only for the ones a usage sits in. */
class Container {
  constructor(
    private readonly text: string,
    readonly open: number,
    /** Where its statement starts: nothing before it is read. */
    private readonly floor: number,
    /** Its closing offset (exclusive); the statement's end while unclosed. */
    public close: number,
  ) {}

  private cachedKey?: string | null;
  private cachedIsBody?: boolean;

  /** The key the container is the value of (`error` in `error: {`), if any. */
  get key(): string | undefined {
    if (this.cachedKey === undefined) this.cachedKey = keyBefore(this.text, this.open, this.floor) ?? null;
    return this.cachedKey ?? undefined;
  }

  /** Whether it is the argument of a call or assignment where a response body goes. */
  get isBody(): boolean {
    if (this.cachedIsBody === undefined) {
      // What the calls and assignments look like fits in the 64 characters before the bracket.
      let from = this.open;
      while (from > 0 && from > this.open - 64 && this.text.charCodeAt(from - 1) !== 10) from--;
      this.cachedIsBody = BODY_BEFORE.test(this.text.slice(from, this.open));
    }
    return this.cachedIsBody;
  }
}

/** Calls and assignments whose argument is a response body. */
const BODY_BEFORE = /(?:\.json|\.send|\bjsonify|\bJsonResponse|\bJSONResponse|\bHttpException|\bResponse\.json|->json|\bc\.JSON\s*\(\s*[\w.]+\s*,|\bcontent\s*=|\bctx\.body\s*=|\brender\s+json:|\bEncode)\s*\(?\s*$|^\s*return\s*$/;

/**
 * For each offset in `at` (ascending), the containers enclosing it within its statement,
 * outermost first, from the lexer's brackets. Containers never span statements (the unclosed
 * ones close where their statement ends), so only the brackets of statements holding an offset
 * of `at` are read.
 */
function containersOf(text: string, brackets: readonly number[], statements: StatementWalk, at: readonly number[]): Map<number, Container[]> {
  const enclosing = new Map<number, Container[]>();
  let next = 0;
  while (next < at.length) {
    // The statement holding the next offset: its brackets, and which of them are open at each offset in it.
    const { start: floor, end: ceiling } = statements.at(at[next]);
    const stack: Container[] = [];
    for (let i = lastAtMost(brackets, floor - 1) + 1; i < brackets.length && brackets[i] < ceiling; i++) {
      while (next < at.length && at[next] < brackets[i]) enclosing.set(at[next++], stack.slice());
      const ch = text.charCodeAt(brackets[i]);
      if (ch === 123 || ch === 91) stack.push(new Container(text, brackets[i], floor, ceiling));
      else {
        const container = stack.pop();
        if (container) container.close = brackets[i] + 1;
      }
    }
    while (next < at.length && at[next] < ceiling) enclosing.set(at[next++], stack.slice());
  }
  return enclosing;
}

/** Keys of object members: `code:`, `"code":`, `'code' =>`. */
const MEMBER_KEY = /(?:^|[,{\s])(["']?)([\w$-]+)\1\s*(?::(?!:)|=>)/g;

/** The keys directly inside a container: its text without the containers nested in it (found among the lexer's brackets). */
function directKeys(text: string, container: Container, brackets: readonly number[]): string[] {
  const parts: string[] = [];
  let depth = 0;
  let partStart = container.open + 1;
  const innerEnd = container.close - 1;
  for (let i = lastAtMost(brackets, container.open) + 1; i < brackets.length && brackets[i] < innerEnd; i++) {
    const ch = text.charCodeAt(brackets[i]);
    if (ch === 123 || ch === 91) {
      if (depth++ === 0) parts.push(text.slice(partStart, brackets[i]));
    } else if (depth > 0 && --depth === 0) {
      partStart = brackets[i] + 1;
    }
  }
  if (depth === 0) parts.push(text.slice(partStart, innerEnd));
  return Array.from(parts.join(' ').matchAll(MEMBER_KEY), (m) => m[2]);
}

/** Three digits that may be a status. */
const STATUS_NUMBER = /(?<![\w.])[1-5]\d\d(?![\w.])/g;

/** The status sent with a usage's body, looked for within the usage's statement `[floor, ceiling)`. */
function statusAround(text: string, usage: CodeUsage, body: Container | undefined, set: CatalogSet, floor: number, ceiling: number): { status: number; start: number; end: number } | undefined {
  // Before the body in the same statement: `res.status(400).json(`, `JSONResponse(status_code=400, content=`.
  const from = body?.open ?? usage.start;
  // The statement's start: the last `;` or blank line within 400 characters (searched in that window only).
  const windowStart = Math.max(floor, from - 400);
  const window = text.slice(windowStart, from);
  const statementStart = windowStart + Math.max(window.lastIndexOf(';') + 1, window.lastIndexOf('\n\n') + 1, 0);
  let found: { status: number; start: number; end: number } | undefined;
  STATUS_NUMBER.lastIndex = statementStart;
  for (let m = STATUS_NUMBER.exec(text); m && m.index + 3 <= from; m = STATUS_NUMBER.exec(text)) {
    const mention = statusNumberAt(text, m.index + 1, (s) => set.reasonOf(s));
    if (mention) found = { status: mention.status, start: mention.start, end: mention.end };
  }
  if (found || !body) return found;
  // After the body: `}, 400)` (Flask, Hono, Django, Laravel) or `}, { status: 400 }` (Next.js, Response.json).
  const after = /^\s*,\s*(?:\{\s*)?(?:status(?:_?code)?\s*[=:]\s*)?([1-5]\d\d)\b/.exec(text.slice(body.close, Math.min(ceiling, body.close + 80)));
  if (!after) return undefined;
  const start = body.close + after[0].length - 3;
  return { status: Number(after[1]), start, end: start + 3 };
}

/** A diagnostic before it is placed in a document version: offsets, not positions. */
interface Finding {
  readonly rule: SourceDiagnosticCode;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data: FixData;
  readonly href?: string;
  readonly tags?: DiagnosticTag[];
}

/** The finding as it is after text before it grew or shrank by `delta` (its data is relative to it, so it moves along). */
function moved(finding: Finding, delta: number): Finding {
  return delta === 0 ? finding : { ...finding, start: finding.start + delta, end: finding.end + delta };
}

/** Usages checked between two pauses of a pass: small enough that a pause comes every few milliseconds. */
const USAGES_PER_STEP = 100;
/** Characters lexed at a time: a pass lexes a long document in segments, with a pause after each. */
const SEGMENT_LENGTH = 16 * 1024;

/**
 * Checks the statements of `text` in `[lexed.starts[0], lexed.end)`, adding what it finds to
 * `findings`, and pausing every hundred usages. Everything a statement's findings depend on is
 * inside the statement, so that checking a part of a document gives what checking all of it would.
 */
function* checkStatements(text: string, languageId: string, lexed: LexedText, set: CatalogSet, options: DiagnosticsOptions, usageOptions: UsageOptions, findings: Finding[]): Generator<void> {
  const { starts, end } = lexed;
  const usages = findCodeUsages(text, languageId, usageOptions, lexed.comments, { from: starts[0], end, starts });
  if (usages.length === 0) return;
  // The containers of every member usage, found in one walk over their statements' brackets when the first is needed.
  const memberOffsets = usages.filter((u) => u.kind === 'member').map((u) => u.start);
  let enclosingAt: Map<number, Container[]> | undefined;
  const containersAt = (offset: number) => {
    enclosingAt ??= containersOf(text, lexed.brackets, new StatementWalk(starts, end), memberOffsets);
    return enclosingAt.get(offset) ?? [];
  };
  // Suggestions outlive a pass: after an edit, the same typos are not searched for again.
  let suggestionCache = suggestionCaches.get(set);
  if (!suggestionCache) suggestionCaches.set(set, (suggestionCache = new Map()));
  const push = (rule: SourceDiagnosticCode, usage: { start: number; end: number }, message: string, data: FixData, hit?: CodeHit, tags?: DiagnosticTag[]) => {
    if (options.severity[rule] === 'off') return;
    // A parsed and re-serialised http(s) URL, or none: catalog text never reaches the client as a raw link target.
    const href = hit ? safeHttpUrl(docsUrlOf(hit.entry, hit.catalog)) : undefined;
    findings.push({ rule, start: usage.start, end: usage.end, message, data, ...(href ? { href } : {}), ...(tags ? { tags } : {}) });
  };

  const statements = new StatementWalk(starts, end);
  let checked = 0;
  for (const usage of usages) {
    if (++checked % USAGES_PER_STEP === 0) yield;
    const statement = statements.at(usage.start);
    const hits = set.findCode(usage.value);
    if (hits.length === 0) {
      let suggestions = suggestionCache.get(usage.value);
      if (!suggestions) suggestionCache.set(usage.value, (suggestions = suggestionsFor(usage.value, set)));
      if (suggestions.length === 0 && !looksLikeCode(usage.value, set)) continue;
      const titles = set.catalogs.filter((c) => c.origin === 'workspace').map((c) => c.title).join(', ');
      push(SourceDiagnosticCode.UnknownCode, usage,
        `${usage.value} is not a code of ${titles}.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
        { rule: SourceDiagnosticCode.UnknownCode, value: usage.value, suggestions });
      continue;
    }
    const hit = hits[0];
    if (hit.entry.deprecated) {
      const replacement = hit.entry.replacedBy;
      push(SourceDiagnosticCode.DeprecatedCode, usage,
        `${usage.value} is deprecated${typeof hit.entry.deprecated === 'string' ? `: ${hit.entry.deprecated}` : '.'}${replacement ? ` Use ${replacement} instead.` : ''}`,
        { rule: SourceDiagnosticCode.DeprecatedCode, value: usage.value, replacement }, hit, [DiagnosticTag.Deprecated]);
    }
    if (usage.kind !== 'member') continue;
    const enclosing = containersAt(usage.start);
    const bodyIndex = enclosing.findIndex((c) => c.isBody);
    const body = bodyIndex >= 0 ? enclosing[bodyIndex] : undefined;
    const sent = statusAround(text, usage, body, set, statement.start, statement.end);
    if (sent && sent.status !== hit.entry.status) {
      const alternatives = set.codesWithStatus(sent.status, 3).map((h) => h.entry.code);
      push(SourceDiagnosticCode.StatusMismatch, usage,
        `${usage.value} is sent with ${hit.entry.status} ${set.reasonOf(hit.entry.status) ?? ''}`.trimEnd() + `, but this response sends ${sent.status}.`,
        { rule: SourceDiagnosticCode.StatusMismatch, value: usage.value, codeStatus: hit.entry.status, sentStatus: sent.status, statusOffset: sent.start - usage.start, alternatives }, hit);
    }
    if (!body) continue;
    // The shape check: the code's place in the body, and the body's required members.
    const { codePath, required } = shapeOf(hit.catalog);
    const foundPath = [...enclosing.slice(bodyIndex + 1).map((c) => c.key ?? '?'), usage.key ?? ''];
    const expected = codePath.join('.');
    let problem: string | undefined;
    if (foundPath.join('.') !== expected) {
      problem = `The code is at \`${foundPath.join('.')}\`, but ${hit.catalog.title} bodies carry it at \`${expected}\`.`;
    } else {
      const present = new Set(directKeys(text, body, lexed.brackets));
      const missing = required.filter((k) => !present.has(k));
      if (missing.length > 0) problem = `This body lacks ${missing.map((k) => `\`${k}\``).join(', ')}, which ${hit.catalog.title} bodies always have.`;
    }
    if (problem) {
      push(SourceDiagnosticCode.EnvelopeShape, usage, problem,
        { rule: SourceDiagnosticCode.EnvelopeShape, value: usage.value, bodyOffset: body.open - usage.start, bodyLength: body.close - body.open }, hit);
    }
  }
}

/** What a finished pass leaves for the next one. */
interface Checked {
  readonly text: string;
  readonly languageId: string;
  readonly set: CatalogSet;
  readonly optionsKey: string;
  readonly starts: readonly number[];
  readonly findings: readonly Finding[];
}

function optionsKeyOf(options: DiagnosticsOptions): string {
  return JSON.stringify([options.severity, options.functions, options.patterns.map((p) => [p.source, p.flags])]);
}

/**
 * The first offset where two texts differ, and how many characters at their ends are the same
 * after it. Compared block by block with string equality, which the engine does natively, then
 * character by character within the first block that differs.
 */
function changedRegion(before: string, after: string): { start: number; sameAtEnd: number } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  for (const block of [65536, 4096, 256]) {
    while (start + block <= shorter && before.slice(start, start + block) === after.slice(start, start + block)) start += block;
  }
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = shorter - start;
  let sameAtEnd = 0;
  for (const block of [65536, 4096, 256]) {
    while (sameAtEnd + block <= room
      && before.slice(before.length - sameAtEnd - block, before.length - sameAtEnd) === after.slice(after.length - sameAtEnd - block, after.length - sameAtEnd)) sameAtEnd += block;
  }
  while (sameAtEnd < room && before.charCodeAt(before.length - 1 - sameAtEnd) === after.charCodeAt(after.length - 1 - sameAtEnd)) sameAtEnd++;
  return { start, sameAtEnd };
}

/**
 * The diagnostics of one document, kept between versions: after an edit, only the statements the
 * edit touched are checked again, and the findings of the others are kept (moved by the edit's
 * length change when they come after it). The result is always what a check of the whole
 * document would give.
 */
export class SourceChecker {
  private last?: Checked;
  /** The part of the document the last pass checked, `[from, to)`: the rest was kept from the pass before. */
  checkedRegion: { readonly from: number; readonly to: number } = { from: 0, to: 0 };

  /** A pass in steps: it pauses every hundred usages and after every 16 KB lexed, so that the server can answer requests in between and drop a pass a newer edit made stale. */
  *check(document: TextDocument, set: CatalogSet, options: DiagnosticsOptions): Generator<void, Diagnostic[]> {
    const text = document.getText();
    const languageId = document.languageId;
    if (!set.catalogs.some((c) => c.origin === 'workspace') || PROSE_LANGUAGES.has(languageId)) {
      this.last = undefined;
      return [];
    }
    const optionsKey = optionsKeyOf(options);
    const last = this.last;
    const reusable = last && last.set === set && last.optionsKey === optionsKey && last.languageId === languageId ? last : undefined;
    if (reusable && reusable.text === text) {
      this.checkedRegion = { from: 0, to: 0 };
      return this.place(document, reusable.findings, options);
    }
    const findings: Finding[] = [];
    const starts: number[] = [];
    // Where checking starts, and how the old statements map onto the new text after it.
    let from = 0;
    let resync: ((at: number) => boolean) | undefined;
    let resumeAt = -1;
    let delta = 0;
    if (reusable) {
      // Statements before the edit are kept; checking starts at the statement holding the edit and
      // stops at the first statement start after it that was one before the edit too.
      const { start, sameAtEnd } = changedRegion(reusable.text, text);
      delta = text.length - reusable.text.length;
      const first = Math.max(0, lastAtMost(reusable.starts, start));
      from = reusable.starts[first];
      for (let i = 0; i < first; i++) starts.push(reusable.starts[i]);
      for (const finding of reusable.findings) {
        if (finding.start >= from) break;
        findings.push(finding);
      }
      const sameFrom = text.length - sameAtEnd;
      resync = (at) => {
        if (at < sameFrom) return false;
        const index = lastAtMost(reusable.starts, at - delta);
        if (index < 0 || reusable.starts[index] !== at - delta) return false;
        resumeAt = index;
        return true;
      };
    }
    const usageOptions: UsageOptions = { codeKeys: codeKeysOf(set), functions: options.functions, patterns: options.patterns };
    // A segment at a time, so that a pause comes between the lexing of two segments too.
    for (let segmentStart = from; segmentStart < text.length || starts.length === 0;) {
      const lexed = lexStatements(text, languageId, segmentStart, (at) => resync?.(at) === true || at - segmentStart >= SEGMENT_LENGTH);
      yield* checkStatements(text, languageId, lexed, set, options, usageOptions, findings);
      for (const at of lexed.starts) starts.push(at);
      if (resumeAt >= 0 || lexed.end >= text.length) break;
      segmentStart = lexed.end;
      yield;
    }
    this.checkedRegion = { from, to: resumeAt >= 0 ? reusable!.starts[resumeAt] + delta : text.length };
    if (reusable && resumeAt >= 0) {
      const oldResume = reusable.starts[resumeAt];
      for (const finding of reusable.findings) if (finding.start >= oldResume) findings.push(moved(finding, delta));
      for (let i = resumeAt; i < reusable.starts.length; i++) starts.push(reusable.starts[i] + delta);
    }
    this.last = { text, languageId, set, optionsKey, starts, findings };
    return this.place(document, findings, options);
  }

  private place(document: TextDocument, findings: readonly Finding[], options: DiagnosticsOptions): Diagnostic[] {
    return findings.map((f) => ({
      range: { start: document.positionAt(f.start), end: document.positionAt(f.end) },
      severity: SEVERITY[options.severity[f.rule] as Exclude<RuleSeverity, 'off'>],
      source: 'error-catalog',
      code: f.rule,
      ...(f.href ? { codeDescription: { href: f.href } } : {}),
      message: f.message,
      ...(f.tags ? { tags: f.tags } : {}),
      data: f.data,
    }));
  }
}

/** All diagnostics of a source document. Empty unless a workspace catalog applies. */
export function doValidation(document: TextDocument, set: CatalogSet, options: DiagnosticsOptions): Diagnostic[] {
  const steps = new SourceChecker().check(document, set, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
