/**
 * Diagnostics in source files: unknown codes, codes sent with the wrong status, bodies that do
 * not have the catalog's envelope shape, and deprecated codes. Only where a workspace catalog
 * applies, and only on values that are codes (see codeUsages.ts). Each diagnostic carries a
 * stable `code` and the data its quick fix needs; fixes dispatch on the code, never the message.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet, CodeHit } from './catalogSet';
import type { Catalog } from './model';
import { commentRanges, findCodeUsages, type CodeUsage, type UsageOptions } from './codeUsages';
import { placeholderPath } from './envelope';
import { docsUrlOf } from './explain';
import { statusNumberAt } from './textScan';

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

/** What quick fixes need, carried in `Diagnostic.data`. */
export type FixData =
  | { readonly rule: SourceDiagnosticCode.UnknownCode; readonly suggestions: readonly string[] }
  | { readonly rule: SourceDiagnosticCode.StatusMismatch; readonly code: string; readonly codeStatus: number; readonly sentStatus: number; readonly statusStart: number; readonly statusEnd: number; readonly alternatives: readonly string[] }
  | { readonly rule: SourceDiagnosticCode.EnvelopeShape; readonly code: string; readonly bodyStart: number; readonly bodyEnd: number }
  | { readonly rule: SourceDiagnosticCode.DeprecatedCode; readonly replacement?: string };

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

/** The key before a literal's opening bracket (`error` in `"error": {`), read backwards without a regex scan. */
function keyBefore(text: string, open: number): string | undefined {
  let i = open - 1;
  const skipSpace = () => { while (i >= 0 && /\s/.test(text[i])) i--; };
  skipSpace();
  const type = LITERAL_TYPE.exec(text.slice(Math.max(0, i - 24), i + 1));
  if (type) { i -= type[0].length; skipSpace(); }
  if (text[i] === '>' && text[i - 1] === '=') i -= 2;
  else if (text[i] === ':' || text[i] === '=') i--;
  else return undefined;
  skipSpace();
  const quote = text[i] === '"' || text[i] === "'" ? text[i--] : undefined;
  const end = i + 1;
  while (i >= 0 && /[\w$-]/.test(text[i])) i--;
  if (quote && text[i] !== quote) return undefined;
  return end > i + 1 ? text.slice(i + 1, end) : undefined;
}

/** An object or array literal; what precedes it is read only for the ones a usage sits in. */
class Container {
  close: number;
  private cachedKey?: string | null;
  private cachedIsBody?: boolean;

  constructor(private readonly text: string, readonly open: number) {
    this.close = text.length;
  }

  /** The key the container is the value of (`error` in `error: {`), if any. */
  get key(): string | undefined {
    if (this.cachedKey === undefined) this.cachedKey = keyBefore(this.text, this.open) ?? null;
    return this.cachedKey ?? undefined;
  }

  /** Whether it is the argument of a call or assignment where a response body goes. */
  get isBody(): boolean {
    if (this.cachedIsBody === undefined) {
      const lineStart = this.text.lastIndexOf('\n', this.open - 1) + 1;
      this.cachedIsBody = BODY_BEFORE.test(this.text.slice(Math.max(lineStart, this.open - 200), this.open));
    }
    return this.cachedIsBody;
  }
}

/** Calls and assignments whose argument is a response body. */
const BODY_BEFORE = /(?:\.json|\.send|\bjsonify|\bJsonResponse|\bJSONResponse|\bHttpException|\bResponse\.json|->json|\bc\.JSON\s*\(\s*[\w.]+\s*,|\bcontent\s*=|\bctx\.body\s*=|\brender\s+json:|\bEncode)\s*\(?\s*$|^\s*return\s*$/;

/**
 * Objects and arrays of a document, with the keys they are the values of, and for each offset in
 * `at` (sorted) the containers enclosing it, outermost first. One pass, whatever the file's size.
 */
function containersOf(text: string, comments: readonly [number, number][], at: readonly number[]): Map<number, Container[]> {
  const enclosing = new Map<number, Container[]>();
  const stack: Container[] = [];
  let comment = 0;
  let next = 0;
  for (let i = 0; i <= text.length; i++) {
    while (next < at.length && at[next] <= i) enclosing.set(at[next++], stack.slice());
    if (i === text.length) break;
    while (comment < comments.length && comments[comment][1] <= i) comment++;
    if (comment < comments.length && comments[comment][0] <= i) { i = comments[comment][1] - 1; continue; }
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      // A usage inside this string (the code's own value) sees the containers around the string.
      while (next < at.length && at[next] <= j) enclosing.set(at[next++], stack.slice());
      i = j;
    } else if (ch === '{' || ch === '[') {
      stack.push(new Container(text, i));
    } else if (ch === '}' || ch === ']') {
      const container = stack.pop();
      if (container) container.close = i + 1;
    }
  }
  return enclosing;
}

/** The keys directly inside a container (nested containers and strings blanked out first). */
function directKeys(text: string, container: Container): string[] {
  let inner = text.slice(container.open + 1, container.close - 1);
  let previous = '';
  while (previous !== inner) {
    previous = inner;
    inner = inner.replace(/\{[^{}]*\}|\[[^[\]]*\]/g, (m) => ' '.repeat(m.length));
  }
  return [...inner.matchAll(/(?:^|[,{\s])(["']?)([\w$-]+)\1\s*(?::(?!:)|=>)/g)].map((m) => m[2]);
}

function statusAround(text: string, usage: CodeUsage, body: Container | undefined, set: CatalogSet): { status: number; start: number; end: number } | undefined {
  // Before the body in the same statement: `res.status(400).json(`, `JSONResponse(status_code=400, content=`.
  const from = body?.open ?? usage.start;
  // The statement's start: the last `;` or blank line within 400 characters (searched in that window only).
  const windowStart = Math.max(0, from - 400);
  const window = text.slice(windowStart, from);
  const statementStart = windowStart + Math.max(window.lastIndexOf(';') + 1, window.lastIndexOf('\n\n') + 1, 0);
  let found: { status: number; start: number; end: number } | undefined;
  for (const m of text.slice(statementStart, from).matchAll(/(?<![\w.])[1-5]\d\d(?![\w.])/g)) {
    const offset = statementStart + (m.index ?? 0);
    const mention = statusNumberAt(text, offset + 1, (s) => set.reasonOf(s));
    if (mention) found = { status: mention.status, start: mention.start, end: mention.end };
  }
  if (found || !body) return found;
  // After the body: `}, 400)` (Flask, Hono, Django, Laravel) or `}, { status: 400 }` (Next.js, Response.json).
  const after = /^\s*,\s*(?:\{\s*)?(?:status(?:_?code)?\s*[=:]\s*)?([1-5]\d\d)\b/.exec(text.slice(body.close, body.close + 80));
  if (!after) return undefined;
  const start = body.close + after[0].length - 3;
  return { status: Number(after[1]), start, end: start + 3 };
}

/** All diagnostics of a source document. Empty unless a workspace catalog applies. */
export function doValidation(document: TextDocument, set: CatalogSet, options: DiagnosticsOptions): Diagnostic[] {
  const steps = validationSteps(document, set, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Usages checked between two pauses of a pass: small enough that a pause comes every few milliseconds. */
const USAGES_PER_STEP = 400;

/**
 * The same pass in steps: the generator pauses after every few hundred usages, so that the
 * server can answer hover and completion in between and drop a pass a newer edit made stale.
 */
export function* validationSteps(document: TextDocument, set: CatalogSet, options: DiagnosticsOptions): Generator<void, Diagnostic[]> {
  if (!set.catalogs.some((c) => c.origin === 'workspace')) return [];
  const text = document.getText();
  const comments = commentRanges(text, document.languageId);
  const usages = findCodeUsages(text, document.languageId, { codeKeys: codeKeysOf(set), functions: options.functions, patterns: options.patterns }, comments);
  if (usages.length === 0) return [];
  // Closing offsets are set as the pass goes on, so the containers are found for every usage at once.
  const memberOffsets = usages.filter((u) => u.kind === 'member').map((u) => u.start);
  let enclosingAt: Map<number, Container[]> | undefined;
  const containersAt = (offset: number) => {
    enclosingAt ??= containersOf(text, comments, memberOffsets);
    return enclosingAt.get(offset) ?? [];
  };
  // Suggestions outlive a pass: after an edit, the same typos are not searched for again.
  let suggestionCache = suggestionCaches.get(set);
  if (!suggestionCache) suggestionCaches.set(set, (suggestionCache = new Map()));
  const diagnostics: Diagnostic[] = [];
  const push = (rule: SourceDiagnosticCode, usage: { start: number; end: number }, message: string, data: FixData, hit?: CodeHit, tags?: DiagnosticTag[]) => {
    const level = options.severity[rule];
    if (level === 'off') return;
    const href = hit ? docsUrlOf(hit.entry, hit.catalog) : undefined;
    diagnostics.push({
      range: { start: document.positionAt(usage.start), end: document.positionAt(usage.end) },
      severity: SEVERITY[level],
      source: 'error-catalog',
      code: rule,
      ...(href ? { codeDescription: { href } } : {}),
      message,
      ...(tags ? { tags } : {}),
      data,
    });
  };

  let checked = 0;
  for (const usage of usages) {
    if (++checked % USAGES_PER_STEP === 0) yield;
    const hits = set.findCode(usage.value);
    if (hits.length === 0) {
      let suggestions = suggestionCache.get(usage.value);
      if (!suggestions) suggestionCache.set(usage.value, (suggestions = suggestionsFor(usage.value, set)));
      if (suggestions.length === 0 && !looksLikeCode(usage.value, set)) continue;
      const titles = set.catalogs.filter((c) => c.origin === 'workspace').map((c) => c.title).join(', ');
      push(SourceDiagnosticCode.UnknownCode, usage,
        `${usage.value} is not a code of ${titles}.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
        { rule: SourceDiagnosticCode.UnknownCode, suggestions });
      continue;
    }
    const hit = hits[0];
    if (hit.entry.deprecated) {
      const replacement = hit.entry.replacedBy;
      push(SourceDiagnosticCode.DeprecatedCode, usage,
        `${usage.value} is deprecated${typeof hit.entry.deprecated === 'string' ? `: ${hit.entry.deprecated}` : '.'}${replacement ? ` Use ${replacement} instead.` : ''}`,
        { rule: SourceDiagnosticCode.DeprecatedCode, replacement }, hit, [DiagnosticTag.Deprecated]);
    }
    if (usage.kind !== 'member') continue;
    const enclosing = containersAt(usage.start);
    const bodyIndex = enclosing.findIndex((c) => c.isBody);
    const body = bodyIndex >= 0 ? enclosing[bodyIndex] : undefined;
    const sent = statusAround(text, usage, body, set);
    if (sent && sent.status !== hit.entry.status) {
      const alternatives = set.codesWithStatus(sent.status, 3).map((h) => h.entry.code);
      push(SourceDiagnosticCode.StatusMismatch, usage,
        `${usage.value} is sent with ${hit.entry.status} ${set.reasonOf(hit.entry.status) ?? ''}`.trimEnd() + `, but this response sends ${sent.status}.`,
        { rule: SourceDiagnosticCode.StatusMismatch, code: usage.value, codeStatus: hit.entry.status, sentStatus: sent.status, statusStart: sent.start, statusEnd: sent.end, alternatives }, hit);
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
      const present = new Set(directKeys(text, body));
      const missing = required.filter((k) => !present.has(k));
      if (missing.length > 0) problem = `This body lacks ${missing.map((k) => `\`${k}\``).join(', ')}, which ${hit.catalog.title} bodies always have.`;
    }
    if (problem) {
      push(SourceDiagnosticCode.EnvelopeShape, usage, problem,
        { rule: SourceDiagnosticCode.EnvelopeShape, code: usage.value, bodyStart: body.open, bodyEnd: body.close }, hit);
    }
  }
  return diagnostics;
}

