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
import { ConstantIndex, type CodeFunction } from '../index/constantIndex';
import { readingOf, type ReadingContext } from '../index/constantReferences';
import { PROSE_LANGUAGES, type UsageOptions } from '../text/codeUsages';
import { argumentAt, calleeName, closingParenthesis } from '../text/calls';
import { findConstantDefinitions, isConstantLike } from '../text/constants';
import { isSpace, isWordChar, lexStatements, StatementWalk, type LexedText } from '../text/statements';
import { isStringPlaceholder, placeholderPath } from '../catalog/envelope';
import { docsUrlOf } from '../render/explain';
import { safeHttpUrl } from '../render/markdown';
import { lastAtMost, statusMentionsBetween } from '../text/textScan';
import { ASSERTION_LINES_AFTER, ASSERTION_LINES_BEFORE, assertedStatuses, isAssertionLine } from '../text/testAssertions';
import { isMapBodyLine, MAP_BODY_LINES_AFTER, MAP_BODY_LINES_BEFORE, mapBodyAt, type MapBody } from '../text/mapBodies';
import { ARRAY_ITEM, codePathOf, definitionSites, findSites, profileOf, resemblesCodes, statusNamedBy, type CodeSite, type EnvelopeProfile } from './codeSites';

export enum SourceDiagnosticCode {
  UnknownCode = 'unknown-code',
  StatusMismatch = 'status-mismatch',
  EnvelopeShape = 'envelope-shape',
  DeprecatedCode = 'deprecated-code',
}

export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';

export interface DiagnosticsOptions extends Pick<UsageOptions, 'functions' | 'patterns'> {
  readonly severity: Readonly<Record<SourceDiagnosticCode, RuleSeverity>>;
  /** The workspace's code constants: uses of them are code sites, and definitions among them are checked. */
  readonly constants?: ConstantIndex;
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
  | { readonly rule: SourceDiagnosticCode.StatusMismatch; readonly value: string; readonly codeStatus: number; readonly sentStatus: number; readonly statusOffset?: number; readonly alternatives: readonly string[]; readonly alternativeTexts?: readonly string[] }
  | {
    readonly rule: SourceDiagnosticCode.EnvelopeShape; readonly value: string; readonly bodyOffset: number; readonly bodyLength: number;
    /** A body built by statements (`body.put(…)`), which no rewrite of one literal can fix. */
    readonly built?: boolean;
  }
  | { readonly rule: SourceDiagnosticCode.DeprecatedCode; readonly value: string; readonly replacement?: string; readonly replacementText?: string };

/** Names under which bodies carry codes: the catalogs' own, and the common ones a wrong shape uses. */
export function codeKeysOf(set: CatalogSet): string[] {
  const keys = new Set(['code', 'error_code', 'errorCode']);
  for (const catalog of set.catalogs) {
    const path = placeholderPath(catalog.envelope.body, 'code');
    if (path) keys.add(path[path.length - 1]);
  }
  return [...keys];
}

/** An object of an envelope template that holds the code: its members, and the path from it to the code. */
interface TemplateObject {
  readonly keys: ReadonlySet<string>;
  readonly toCode: readonly string[];
  readonly isRoot: boolean;
  /** The key that holds it (`error`), none for the root or an item of a list. */
  readonly key?: string;
  /** Its members that every body has, and the template itself (for the members' types). */
  readonly required: readonly string[];
  readonly template: Readonly<Record<string, unknown>>;
}

interface Shape {
  readonly codePath: readonly string[];
  /** The template's objects on the way to the code, the root first. */
  readonly objects: readonly TemplateObject[];
}

const shapes = new WeakMap<Catalog, Shape>();

/** Where a catalog's bodies carry the code, and their members that are always there (computed once per catalog). */
function shapeOf(catalog: Catalog): Shape {
  let shape = shapes.get(catalog);
  if (!shape) {
    const optional = new Set(catalog.envelope.optional);
    const codePath = codePathOf(catalog);
    const objects: TemplateObject[] = [];
    let node: unknown = catalog.envelope.body;
    codePath.forEach((segment, i) => {
      if (node && typeof node === 'object' && !Array.isArray(node)) {
        const keys = Object.keys(node).filter((k) => !k.includes('${'));
        const key = i > 0 && codePath[i - 1] !== ARRAY_ITEM ? codePath[i - 1] : undefined;
        objects.push({ keys: new Set(keys), toCode: codePath.slice(i), isRoot: i === 0, key, required: keys.filter((k) => !optional.has(k)), template: node as Record<string, unknown> });
      }
      node = segment === ARRAY_ITEM ? (Array.isArray(node) ? node[0] : undefined) : (node as Record<string, unknown> | undefined)?.[segment];
    });
    shape = {
      codePath,
      objects,
    };
    shapes.set(catalog, shape);
  }
  return shape;
}

/**
 * The body a code member is written in, and where the catalog says the code goes from there: the
 * container sent as a response (from the root of the envelope), else the outermost container that
 * shares two members with one of the template's objects (from that object: a test's expected
 * `error` object, a body built for a helper).
 */
function bodyOf(text: string, enclosing: readonly Container[], brackets: readonly number[], shape: Shape, profile: EnvelopeProfile): { index: number; expected: readonly string[]; isRoot: boolean; sent: boolean } | undefined {
  const sent = enclosing.findIndex((c) => c.isBody && !isList(text, c, brackets));
  if (sent >= 0) return { index: sent, expected: shape.codePath, isRoot: true, sent: true };
  for (let index = 0; index < enclosing.length; index++) {
    const container = enclosing[index];
    if (isList(text, container, brackets)) continue;
    const keys = directMembers(text, container, brackets).map((m) => m.key);
    for (const object of shape.objects) {
      const shared = keys.filter((k) => object.keys.has(k) || (profile.codeKeys.includes(k) && object.toCode.length === 1)).length;
      if (shared >= 2) return { index, expected: object.toCode, isRoot: object.isRoot, sent: false };
    }
  }
  return undefined;
}

const suggestionCaches = new WeakMap<CatalogSet, Map<string, string[]>>();

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

  /** Whether it is an array literal (`[`), whose items are its children. */
  get isArray(): boolean {
    return this.text.charCodeAt(this.open) === 91;
  }

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
      // A bracket on a line of its own (`new` then `{` below it, as C# and Java write them) continues the line above.
      if (from > 0 && this.text.charCodeAt(from - 1) === 10 && /^\s*$/.test(this.text.slice(from, this.open))) {
        from--;
        while (from > 0 && from > this.open - 128 && this.text.charCodeAt(from - 1) !== 10) from--;
      }
      this.cachedIsBody = BODY_BEFORE.test(this.text.slice(from, this.open));
    }
    return this.cachedIsBody;
  }
}

/** Calls and assignments whose argument is a response body. */
const BODY_BEFORE = /(?:\.json|\.send|\bjsonify|\bJsonResponse|\bJSONResponse|\bHttpException|\bResponse\.json|->json|\bc\.JSON\s*\(\s*[\w.]+\s*,|\bcontent\s*=|\bctx\.body\s*=|\brender\s+json:|\bEncode|\bSerializeObject|\bSerialize|\bWriteAsJsonAsync|\bResults\.Json|\bJson)\s*\(?\s*(?:new\s*|map\[string\](?:any|string|interface\{\})\s*|gin\.H\s*)?$|^\s*return\s*(?:<[\w.]+(?:<[\w., ]+>)?(?:\[\])?>\s*)?$/;

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

/** Keys of object members: `code:`, `"code":`, `'code' =>`, C#'s `code =`, Java's `"code",` in `Map.of`. */
const MEMBER_KEY = /(?:^|[,{(\[\s])(["']?)([\w$-]+)\1\s*(?::(?!:)|=>|=(?!=)|(?<=["'])\s*,)/g;

/** Text with what stands between parentheses blanked out (offsets kept). */
function withoutParentheses(text: string): string {
  if (!text.includes('(')) return text;
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    out += depth > 0 && ch !== '\n' ? ' ' : ch;
    if (ch === ')' && depth > 0) depth--;
  }
  return out;
}

/** A member directly inside a container: its key and its value's offsets (up to the next member). */
interface DirectMember {
  readonly key: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

const memberCache = new WeakMap<Container, DirectMember[]>();

/** The members directly inside a container: its text without the containers nested in it (found among the lexer's brackets). */
function directMembers(text: string, container: Container, brackets: readonly number[]): DirectMember[] {
  const cached = memberCache.get(container);
  if (cached) return cached;
  // The container's own text, with nested containers blanked out (offsets kept), so their keys are not read.
  const innerEnd = container.close - 1;
  let own = text.slice(container.open + 1, innerEnd);
  let depth = 0;
  let nestedStart = -1;
  for (let i = lastAtMost(brackets, container.open) + 1; i < brackets.length && brackets[i] < innerEnd; i++) {
    const ch = text.charCodeAt(brackets[i]);
    if (ch === 123 || ch === 91) {
      if (depth++ === 0) nestedStart = brackets[i];
    } else if (depth > 0 && --depth === 0) {
      const from = nestedStart - container.open - 1;
      const to = brackets[i] - container.open;
      own = own.slice(0, from + 1) + ' '.repeat(Math.max(0, to - from - 2)) + own.slice(to - 1);
    }
  }
  // Parameter lists and call arguments are not members (`(message: string) =>` is a parameter).
  own = withoutParentheses(own);
  const members: DirectMember[] = [];
  for (const m of own.matchAll(MEMBER_KEY)) {
    const valueStart = container.open + 1 + (m.index ?? 0) + m[0].length;
    members.push({ key: m[2], valueStart, valueEnd: innerEnd });
  }
  members.forEach((member, i) => {
    const next = members[i + 1];
    if (next) (member as { valueEnd: number }).valueEnd = Math.max(member.valueStart, text.lastIndexOf(next.key, next.valueStart) - 1);
  });
  // A member's value ends before the comma that separates it from the next one.
  for (const member of members) {
    const raw = text.slice(member.valueStart, member.valueEnd);
    const comma = raw.search(/,\s*$/);
    if (comma >= 0) (member as { valueEnd: number }).valueEnd = member.valueStart + comma;
  }
  memberCache.set(container, members);
  return members;
}

/** The status sent with a usage's body, looked for within the usage's statement `[floor, ceiling)`. */
function statusAround(text: string, usage: { start: number }, body: Container | undefined, brackets: readonly number[], set: CatalogSet, floor: number, ceiling: number): { status: number; start: number; end: number } | undefined {
  // Before the body in the same statement: `res.status(400).json(`, `JSONResponse(status_code=400, content=`.
  const from = body?.open ?? usage.start;
  // The statement's start: the last `;` or blank line within 400 characters (searched in that window only).
  const windowStart = Math.max(floor, from - 400);
  const window = text.slice(windowStart, from);
  const statementStart = windowStart + Math.max(window.lastIndexOf(';') + 1, window.lastIndexOf('\n\n') + 1, 0);
  // The last status named before the body: a number where it is a status, or a status constant (`StatusCodes.Status409Conflict`).
  // Only a mention in a bracket that holds the body counts: one in an earlier sibling (the entry above in a registry) is that entry's.
  const before = statusMentionsIn(text, statementStart, from, set);
  const found = before.reverse().find((mention) => mention.end !== undefined && holdsAcross(text, brackets, mention.end, from));
  if (found?.start !== undefined && found.end !== undefined) return { status: found.status, start: found.start, end: found.end };
  if (!body) return undefined;
  // After the body: `}, 400)` (Flask, Hono, Django, Laravel), `}, { status: 400 }` (Next.js, Response.json),
  // `], Response::HTTP_BAD_REQUEST` (Laravel), `}, status: :not_found` (Rails).
  const limit = Math.min(ceiling, body.close + 80);
  // Flask returns the body's call and the status as a pair: `return jsonify({…}), 404`.
  const pairedCall = /\b(?:jsonify|make_response)\s*\(\s*$/.test(text.slice(Math.max(floor, body.open - 40), body.open));
  const lead = (pairedCall ? /^\s*\)\s*,\s*/ : /^\s*,\s*(?:\{\s*)?(?:status(?:_?code)?\s*(?:=>|[=:])\s*)?/).exec(text.slice(body.close, limit));
  if (!lead) return undefined;
  const tokenStart = body.close + lead[0].length;
  const token = /^(?:[1-5]\d\d\b|:?[A-Za-z_]\w*(?:\s*(?:\.|::)\s*[A-Za-z_]\w*)*)/.exec(text.slice(tokenStart, limit));
  if (!token) return undefined;
  if (/^\d/.test(token[0])) return { status: Number(token[0]), start: tokenStart, end: tokenStart + 3 };
  const named = statusMentionsIn(text, tokenStart, tokenStart + token[0].length, set).at(-1);
  return named?.start !== undefined && named.end !== undefined ? { status: named.status, start: named.start, end: named.end } : undefined;
}

/**
 * Calls that answer with a success status and take the body: ASP.NET's `Ok(…)`, `Created(uri, …)`,
 * `Accepted(…)` (and their `*Result` classes), Spring's `ResponseEntity.ok(…)`, JAX-RS `Response.ok(…)`,
 * minimal APIs' `Results.Ok(…)`. Their status is in their name, where no status number is written.
 */
const SUCCESS_RESPONDER = /(?:\b(?:ResponseEntity|Response|HttpResponse|ServerResponse|Results|TypedResults)\s*\.\s*(?:ok|Ok|accepted|Accepted|created|Created)|(?<![\w$.])(?:new\s+)?(?:Ok|Created|CreatedAtAction|CreatedAtRoute|Accepted|AcceptedAtAction|AcceptedAtRoute|OkObjectResult|CreatedResult|AcceptedResult))\s*\(/g;
/** A call chained on a responder that takes the body: `ResponseEntity.accepted().body(…)`. */
const BODY_CALL = /^\s*\.\s*(?:body|bodyValue|entity)\s*\(/;

/** Whether `at` is inside the arguments of a success responder of its statement (what it sends is no error). */
function inSuccessResponse(text: string, at: number, floor: number): boolean {
  const from = Math.max(floor, at - 400);
  for (const match of text.slice(from, at).matchAll(SUCCESS_RESPONDER)) {
    let open = from + (match.index ?? 0) + match[0].length - 1;
    for (;;) {
      const close = closingParenthesis(text, open, at);
      if (close === undefined) return true;
      const chained = BODY_CALL.exec(text.slice(close + 1, at));
      if (!chained) break;
      open = close + chained[0].length;
    }
  }
  return false;
}

/** Errors of frameworks that fix their own codes, and those codes: tRPC's, and Apollo Server's GraphQL error extensions. */
const FRAMEWORK_ERRORS: readonly { readonly call: RegExp; readonly codes: ReadonlySet<string> }[] = [
  {
    call: /\bTRPCError\s*\(\s*\{[^;]*$/,
    codes: new Set(['PARSE_ERROR', 'BAD_REQUEST', 'INTERNAL_SERVER_ERROR', 'NOT_IMPLEMENTED', 'BAD_GATEWAY', 'SERVICE_UNAVAILABLE', 'GATEWAY_TIMEOUT', 'UNAUTHORIZED', 'PAYMENT_REQUIRED', 'FORBIDDEN', 'NOT_FOUND', 'METHOD_NOT_SUPPORTED', 'TIMEOUT', 'CONFLICT', 'PRECONDITION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'UNPROCESSABLE_CONTENT', 'TOO_MANY_REQUESTS', 'CLIENT_CLOSED_REQUEST']),
  },
  {
    call: /\bGraphQLError\s*\([^;]*\bextensions\s*:\s*\{[^;]*$/,
    codes: new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'INTERNAL_SERVER_ERROR', 'UNAUTHENTICATED', 'FORBIDDEN']),
  },
];

/** Whether a code member is one of a framework's own codes, in that framework's error (`new TRPCError({ code: 'NOT_FOUND', … })`). */
function frameworkCode(text: string, site: CodeSite, floor: number): boolean {
  const before = text.slice(Math.max(floor, site.start - 300), site.start);
  return FRAMEWORK_ERRORS.some(({ call, codes }) => codes.has(site.value) && call.test(before));
}

/** Whether no `}` or `]` in `[from, to)` closes a bracket opened before `from`. */
function holdsAcross(text: string, brackets: readonly number[], from: number, to: number): boolean {
  let depth = 0;
  for (let i = lastAtMost(brackets, from - 1) + 1; i < brackets.length && brackets[i] < to; i++) {
    const ch = text.charCodeAt(brackets[i]);
    if (ch === 123 || ch === 91) depth++;
    else if (--depth < 0) return false;
  }
  return true;
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

/** What a pass reads besides the text: the set's envelope profile, the constants, the definitions among code constants, the code functions. */
interface PassContext {
  readonly profile: EnvelopeProfile;
  readonly reading: ReadingContext;
  readonly definitions: readonly CodeSite[];
  readonly functions: readonly CodeFunction[];
}

/** The status a site is sent with: its statement's, its call's, its object's, or its definition's. */
interface SentStatus {
  readonly status: number;
  /** The status token's offsets, when it is one the fix can edit. */
  readonly start?: number;
  readonly end?: number;
  /** A status a test asserts next to the code, rather than one the code is sent with. */
  readonly expectedByTest?: boolean;
}

/** The status a test asserts next to its assertion of the code: one that differs from the code's when there is one. */
function expectedByTest(text: string, site: CodeSite, codeStatus: number, set: CatalogSet): SentStatus | undefined {
  if (site.evidence === 'definition') return undefined;
  const asserted = assertedStatuses(text, site.start, (from, to) => statusMentionsBetween(text, from, to, (s) => set.reasonOf(s), (name) => set.statusOfName(name)));
  const expected = asserted.find((m) => m.status !== codeStatus) ?? asserted[0];
  return expected && { status: expected.status, start: expected.start, end: expected.end, expectedByTest: true };
}

/** Status mentions in `[from, to)`: numbers where they are statuses, and named status constants. */
function statusMentionsIn(text: string, from: number, to: number, set: CatalogSet): SentStatus[] {
  return statusMentionsBetween(text, from, to, (s) => set.reasonOf(s), (name) => set.statusOfName(name));
}

/** The status written as the value of a status member directly in a container (`httpStatusCode: 400`, `'code' => 409`). */
function statusMemberIn(text: string, container: Container, brackets: readonly number[], profile: EnvelopeProfile, set: CatalogSet): SentStatus | undefined {
  for (const { key, valueStart, valueEnd } of directMembers(text, container, brackets)) {
    if (!profile.statusKeys.has(key)) continue;
    const raw = text.slice(valueStart, valueEnd).trim();
    const number = /^["']?([1-5]\d\d)["']?$/.exec(raw);
    if (number) {
      const start = valueStart + text.slice(valueStart, valueEnd).indexOf(number[1]);
      return { status: Number(number[1]), start, end: start + 3 };
    }
    const named = statusMentionsIn(text, valueStart, valueEnd, set)[0];
    if (named) return named;
  }
  return undefined;
}

/** The status of a call's arguments: a whole argument that is a status number or a named status constant. */
function statusInArguments(text: string, site: CodeSite, set: CatalogSet): SentStatus | undefined {
  if (site.argumentsStart === undefined || site.argumentsEnd === undefined) return undefined;
  for (let index = 0; index < 8; index++) {
    const argument = argumentAt(text, site.argumentsStart - 1, index, site.argumentsEnd + 1);
    if (!argument) break;
    if (site.start >= argument.start && site.start < argument.end) continue;
    const raw = text.slice(argument.start, argument.end);
    const number = /^\s*([1-5]\d\d)\s*$/.exec(raw);
    if (number) {
      const start = argument.start + raw.indexOf(number[1]);
      return { status: Number(number[1]), start, end: start + 3 };
    }
    const named = statusMentionsIn(text, argument.start, argument.end, set);
    if (named.length === 1 && raw.trim().length === (named[0].end ?? 0) - (named[0].start ?? 0) + raw.trim().indexOf(text.slice(named[0].start, named[0].end))) return named[0];
  }
  return undefined;
}

/**
 * Checks the statements of `text` in `[lexed.starts[0], lexed.end)`, adding what it finds to
 * `findings`, and pausing every hundred sites. Everything a statement's findings depend on is
 * inside the statement (and the pass context, the same for the whole document), so that checking
 * a part of a document gives what checking all of it would.
 */
function* checkStatements(text: string, languageId: string, lexed: LexedText, set: CatalogSet, options: DiagnosticsOptions, pass: PassContext, findings: Finding[]): Generator<void> {
  const { starts, end } = lexed;
  const sites = findSites({ text, languageId, lexed, set, profile: pass.profile, reading: pass.reading, functions: pass.functions, patterns: options.patterns, definitions: pass.definitions });
  if (sites.length === 0) return;
  // The containers of every site, found in one walk over their statements' brackets when the first is needed.
  let enclosingAt: Map<number, Container[]> | undefined;
  const containersAt = (offset: number) => {
    enclosingAt ??= containersOf(text, lexed.brackets, new StatementWalk(starts, end), sites.map((site) => site.start));
    return enclosingAt.get(offset) ?? [];
  };
  // Suggestions outlive a pass: after an edit, the same typos are not searched for again.
  let suggestionCache = suggestionCaches.get(set);
  if (!suggestionCache) suggestionCaches.set(set, (suggestionCache = new Map()));
  const push = (rule: SourceDiagnosticCode, site: { start: number; end: number }, message: string, data: FixData, hit?: CodeHit, tags?: DiagnosticTag[]) => {
    if (options.severity[rule] === 'off') return;
    // A parsed and re-serialised http(s) URL, or none: catalog text never reaches the client as a raw link target.
    const href = hit ? safeHttpUrl(docsUrlOf(hit.entry, hit.catalog)) : undefined;
    findings.push({ rule, start: site.start, end: site.end, message, data, ...(href ? { href } : {}), ...(tags ? { tags } : {}) });
  };
  const titles = set.catalogs.filter((c) => c.origin === 'workspace').map((c) => c.title).join(', ');
  // Status tokens already reported: a registry entry names its code twice (`X => ['name' => X, 'code' => 400]`), one mistake.
  const reportedStatuses = new Set<string>();
  /** How a code is written where the site writes it: as a constant with the same qualifier, if one stands for it. */
  const writtenAs = (site: CodeSite, code: string): string | undefined => {
    if (site.form === 'literal') return code;
    const qualifiers = site.binding?.qualifiers ?? new Set<string>();
    return pass.reading.index.standingFor(code).find((b) => [...b.qualifiers].some((q) => qualifiers.has(q)))?.name;
  };

  const statements = new StatementWalk(starts, end);
  let checked = 0;
  for (const site of sites) {
    if (++checked % USAGES_PER_STEP === 0) yield;
    const statement = statements.at(site.start);
    const enclosing = site.evidence === 'definition' ? [] : containersAt(site.start);
    const innermost = enclosing[enclosing.length - 1];
    const siteText = text.slice(site.start, site.end);
    // A member of a body built as a map (`Map.of("code", …)`, `body.put("code", …);`), which has no brackets of its own:
    // the brackets around it, if any, are a block's or hold the whole map.
    const builtIn = site.keyStart !== undefined && MAP_LANGUAGES.has(languageId) ? mapBodyAt(text, site.keyStart, statement) : undefined;
    const mapBody = builtIn && (innermost === undefined || innermost.open < builtIn.start) ? builtIn : undefined;
    const hits = set.findCode(site.value);
    if (hits.length === 0) {
      if (site.form !== 'literal') continue;
      // Prose is never a code (`'Book not found'` compared with a body's message), whatever it reads like.
      if (/\s/.test(site.value)) continue;
      // Close codes are looked for only where they decide or are said: most strings of a workspace are no code at all.
      const suggest = () => {
        let found = suggestionCache.get(site.value);
        if (!found) suggestionCache.set(site.value, (found = suggestionsFor(site.value, set)));
        return found;
      };
      const resembles = resemblesCodes(site.value, pass.profile.style);
      const evidence = site.evidence === 'member'
        // A member is a code where its key carries codes in the catalogs' envelopes and its object looks like a body.
        ? pass.profile.catalogCodeKeys.has(site.key ?? '') && (
          mapBody?.members.some((m) => m.key !== site.key && pass.profile.envelopeKeys.has(m.key))
          || (innermost === undefined ? bracketlessEvidence(text, site, languageId, statement, pass.profile) : looksLikeBody(text, enclosing, lexed.brackets, pass.profile, site.key)))
        : site.evidence === 'assertion' ? suggest().length > 0
          : true;
      // A definition's value is reported when it reads like the catalogs' codes; anything else also when a code is close to it.
      if (!evidence || (site.evidence === 'definition' && !resembles)) continue;
      // A body sent with a success status is no error body: its member says what was returned (`{ type: "order", order }`).
      if (site.evidence === 'member' && ((sentStatus(text, site, enclosing.find((c) => c.isBody && !isList(text, c, lexed.brackets)), innermost, statement, lexed.brackets, pass.profile, set)?.status ?? 400) < 400
        || inSuccessResponse(text, site.start, statement.start))) continue;
      // A framework's own error, whose codes are the framework's to name (`new TRPCError({ code: 'BAD_REQUEST' })`).
      if (site.evidence === 'member' && frameworkCode(text, site, statement.start)) continue;
      const suggestions = suggest();
      if (!resembles && suggestions.length === 0) continue;
      push(SourceDiagnosticCode.UnknownCode, site,
        `${site.value} is not a code of ${titles}.${suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
        { rule: SourceDiagnosticCode.UnknownCode, value: siteText, suggestions });
      continue;
    }
    const hit = hits[0];
    if (hit.entry.deprecated && deprecationApplies(site, pass)) {
      const replacement = hit.entry.replacedBy;
      const replacementText = replacement ? writtenAs(site, replacement) : undefined;
      push(SourceDiagnosticCode.DeprecatedCode, site,
        `${site.value} is deprecated${typeof hit.entry.deprecated === 'string' ? `: ${hit.entry.deprecated}` : '.'}${replacement ? ` Use ${replacement} instead.` : ''}`,
        { rule: SourceDiagnosticCode.DeprecatedCode, value: siteText, replacement: replacementText && replacement, replacementText }, hit, [DiagnosticTag.Deprecated]);
    }
    const placed = site.key !== undefined ? bodyOf(text, enclosing, lexed.brackets, shapeOf(hit.catalog), pass.profile) : undefined;
    const body = placed ? enclosing[placed.index] : enclosing.find((c) => c.isBody && !isList(text, c, lexed.brackets));
    const sent = sentStatus(text, site, body, innermost, statement, lexed.brackets, pass.profile, set)
      ?? (mapBody && mapBodyStatus(text, mapBody, pass.profile, set))
      ?? expectedByTest(text, site, hit.entry.status, set);
    if (sent && sent.status !== hit.entry.status && (sent.start === undefined || !reportedStatuses.has(`${hit.entry.code} ${sent.start}`))) {
      if (sent.start !== undefined) reportedStatuses.add(`${hit.entry.code} ${sent.start}`);
      const alternatives = set.codesWithStatus(sent.status, 3).map((h) => h.entry.code);
      const alternativeTexts = alternatives.map((a) => writtenAs(site, a));
      const usable = alternatives.filter((_, i) => alternativeTexts[i] !== undefined);
      const sender = sent.expectedByTest ? 'this test expects' : `${site.callee && sent.start === undefined ? site.callee : site.evidence === 'definition' ? 'its definition' : 'this response'} sends`;
      push(SourceDiagnosticCode.StatusMismatch, site,
        `${site.value} is sent with ${hit.entry.status} ${set.reasonOf(hit.entry.status) ?? ''}`.trimEnd() + `, but ${sender} ${sent.status}.`,
        {
          rule: SourceDiagnosticCode.StatusMismatch, value: siteText, codeStatus: hit.entry.status, sentStatus: sent.status,
          ...(sent.start !== undefined ? { statusOffset: sent.start - site.start } : {}),
          alternatives: usable, alternativeTexts: alternativeTexts.filter((t): t is string => t !== undefined),
        }, hit);
    }
    if (mapBody?.sent && site.key !== undefined) {
      const problem = mapBodyProblem(text, mapBody, site.key, shapeOf(hit.catalog), hit.catalog);
      if (problem) {
        push(SourceDiagnosticCode.EnvelopeShape, site, problem,
          { rule: SourceDiagnosticCode.EnvelopeShape, value: siteText, bodyOffset: mapBody.start - site.start, bodyLength: mapBody.end - mapBody.start, built: true }, hit);
      }
      continue;
    }
    if (site.key === undefined && body && innermost === body) {
      const key = misplacedUnder(text, site, body, lexed.brackets, shapeOf(hit.catalog), pass.profile);
      if (key !== undefined) {
        push(SourceDiagnosticCode.EnvelopeShape, site, `The code is at \`${key}\`, but ${hit.catalog.title} bodies carry it at \`${readablePath(shapeOf(hit.catalog).codePath)}\`.`,
          { rule: SourceDiagnosticCode.EnvelopeShape, value: siteText, bodyOffset: body.open - site.start, bodyLength: body.close - body.open }, hit);
      }
    }
    if (!placed || !body || site.key === undefined) continue;
    // The shape check: the code's place in the body, and the body's required members.
    const { codePath } = shapeOf(hit.catalog);
    const foundPath = pathWithin(text, enclosing.slice(placed.index), lexed.brackets, site.key);
    let problem: string | undefined;
    if (foundPath.join('.') !== placed.expected.join('.')) {
      problem = `The code is at \`${readablePath(foundPath)}\`, but ${hit.catalog.title} bodies carry it at \`${readablePath(codePath)}\`.`;
    } else if (placed.sent) {
      // Only a body sent as it is must have every member: an error's options or a test's expected part may have a few.
      problem = memberProblem(text, enclosing.slice(placed.index).filter((c) => !isList(text, c, lexed.brackets)), lexed.brackets, shapeOf(hit.catalog), hit.catalog);
    }
    if (problem) {
      push(SourceDiagnosticCode.EnvelopeShape, site, problem,
        { rule: SourceDiagnosticCode.EnvelopeShape, value: siteText, bodyOffset: body.open - site.start, bodyLength: body.close - body.open }, hit);
    }
  }
}

/** A deprecated code's site is reported where the code is chosen: a literal, a constant kept without a deprecation note, a use of one kept on purpose. */
function deprecationApplies(site: CodeSite, pass: PassContext): boolean {
  if (site.evidence === 'definition') return !site.markedDeprecated;
  if (site.form === 'literal') return true;
  // A bare mention of a constant (a registry entry, a `switch` case for old clients) is not where a code is sent.
  if (site.evidence === 'reference') return false;
  // A constant defined in the workspace without a note is reported at its definition; one kept on purpose, where it is used.
  const binding = site.binding;
  if (!binding?.uri || !binding.definition) return true;
  return pass.reading.index.isMarkedDeprecated(binding);
}

/** Where a path goes, for people: `errors[].extensions.code`. */
function readablePath(path: readonly string[]): string {
  return path.join('.').replace(/\.\[\]/g, '[]');
}

/** Whether a container is a list: `[` with no keyed members (PHP's `['code' => …]` is a map). */
function isList(text: string, container: Container, brackets: readonly number[]): boolean {
  return container.isArray && directMembers(text, container, brackets).length === 0;
}

/** The path from a body (the first container) to a member key, lists' items as {@link ARRAY_ITEM}. */
function pathWithin(text: string, containers: readonly Container[], brackets: readonly number[], key: string): string[] {
  const path: string[] = [];
  containers.forEach((container, i) => {
    if (i > 0) path.push(isList(text, containers[i - 1], brackets) ? ARRAY_ITEM : container.key ?? '?');
  });
  return [...path, key];
}

/**
 * Whether the object a member sits in looks like one of the envelopes' objects: it, or an object
 * around it, is where a body is sent; or it is the value of an envelope member (`error: {`); or it
 * has another envelope member besides `key`.
 */
function looksLikeBody(text: string, enclosing: readonly Container[], brackets: readonly number[], profile: EnvelopeProfile, key: string | undefined): boolean {
  const container = enclosing[enclosing.length - 1];
  if (enclosing.some((c) => c.isBody)) return true;
  if (container.key !== undefined && profile.envelopeKeys.has(container.key)) return true;
  return directMembers(text, container, brackets).some((m) => m.key !== key && profile.envelopeKeys.has(m.key));
}

/**
 * A member outside brackets. In YAML, the mapping it sits in: its parent key or a sibling is an
 * envelope member (read within the statement, the top-level block). Elsewhere (Java's `Map.of(`,
 * Kotlin's `mapOf(`, keyword arguments), the statement names another envelope member as a key.
 */
function bracketlessEvidence(text: string, site: CodeSite, languageId: string, statement: { start: number; end: number }, profile: EnvelopeProfile): boolean {
  if (site.keyStart === undefined) return false;
  if (languageId !== 'yaml') {
    const keys = new RegExp(`["']([\\w$-]+)["']\\s*(?:,|:|=>|\\s+to\\b)|\\b([\\w$]+)\\s*=(?!=)`, 'g');
    for (const m of text.slice(statement.start, statement.end).matchAll(keys)) {
      const key = m[1] ?? m[2];
      if (key !== site.key && profile.envelopeKeys.has(key)) return true;
    }
    return false;
  }
  const lineStart = text.lastIndexOf('\n', site.keyStart - 1) + 1;
  const indent = site.keyStart - lineStart;
  const lines = text.slice(Math.max(statement.start, lineStart - 2000), lineStart).split('\n').reverse().slice(1, 40);
  for (const line of lines) {
    const m = /^(\s*)(?:- )?["']?([\w$-]+)["']?\s*:/.exec(line);
    if (!m) continue;
    const lineIndent = m[1].length;
    if (lineIndent < indent) return profile.envelopeKeys.has(m[2]);
    if (lineIndent === indent && m[2] !== site.key && profile.envelopeKeys.has(m[2])) return true;
  }
  return false;
}

/** Languages whose code builds bodies as maps. */
const MAP_LANGUAGES = new Set(['java', 'kotlin']);

/** The status a map body is sent with: one set between its run and where it is sent (`response.setStatus(429)`), else its status member. */
function mapBodyStatus(text: string, body: MapBody, profile: EnvelopeProfile, set: CatalogSet): SentStatus | undefined {
  if (body.statusFrom !== undefined && body.statusTo !== undefined) {
    const setBeside = statusMentionsIn(text, body.statusFrom, body.statusTo, set).at(-1);
    if (setBeside) return setBeside;
  }
  for (const member of body.members) {
    if (!profile.statusKeys.has(member.key)) continue;
    const number = /^\s*([1-5]\d\d)\s*$/.exec(text.slice(member.valueStart, member.valueEnd));
    if (number) {
      const start = member.valueStart + text.slice(member.valueStart, member.valueEnd).indexOf(number[1]);
      return { status: Number(number[1]), start, end: start + 3 };
    }
  }
  return undefined;
}

/** What a sent map body lacks or writes otherwise, for envelopes that carry the code at their top level. */
function mapBodyProblem(text: string, body: MapBody, key: string, shape: Shape, catalog: Catalog): string | undefined {
  if (shape.codePath.length !== 1 || key !== shape.codePath[0]) return `The code is at \`${key}\`, but ${catalog.title} bodies carry it at \`${readablePath(shape.codePath)}\`.`;
  if (shape.objects.length === 0) return undefined;
  const present = new Set(body.members.map((m) => m.key));
  const missing = shape.objects[0].required.filter((k) => !present.has(k));
  if (missing.length > 0) return `This body lacks ${missing.map((k) => `\`${k}\``).join(', ')}, which ${catalog.title} bodies always have.`;
  return typeProblem(text, body.members, shape.objects[0].template, catalog);
}

/**
 * The key a code stands under in a sent body whose envelope carries it at its top level under
 * another key the body lacks (`'error' => ApiException::X` where bodies have `'type' => …`). Only
 * in a body that otherwise has the envelope's members, so that a success body mentioning a code is left alone.
 */
function misplacedUnder(text: string, site: CodeSite, body: Container, brackets: readonly number[], shape: Shape, profile: EnvelopeProfile): string | undefined {
  if (shape.codePath.length !== 1 || isList(text, body, brackets)) return undefined;
  const members = directMembers(text, body, brackets);
  if (members.some((m) => m.key === shape.codePath[0])) return undefined;
  const holding = members.find((m) => site.start >= m.valueStart && site.end <= m.valueEnd && /^(?:["']?|[\w\\.:>-]*(?:::|\.|->))$/.test(text.slice(m.valueStart, site.start).trim()) && /^["']?$/.test(text.slice(site.end, m.valueEnd).trim()));
  if (!holding || profile.envelopeKeys.has(holding.key) || profile.codeKeys.includes(holding.key)) return undefined;
  return members.filter((m) => m !== holding && profile.envelopeKeys.has(m.key)).length >= 2 ? holding.key : undefined;
}

/** The status a site is sent with, from the closest place that says one. */
function sentStatus(text: string, site: CodeSite, body: Container | undefined, innermost: Container | undefined, statement: { start: number; end: number }, brackets: readonly number[], profile: EnvelopeProfile, set: CatalogSet): SentStatus | undefined {
  if (site.evidence === 'definition') {
    const status = site.definition?.status;
    if (status === undefined) return undefined;
    // The status token on the definition's line(s), for the fix.
    const lineEnd = text.indexOf('\n', site.end);
    const mention = statusMentionsIn(text, site.end, lineEnd < 0 ? text.length : lineEnd, set).find((m) => m.status === status);
    return mention ?? { status };
  }
  // A code used as a key whose value holds its status (a registry: `ApiException::X => ['code' => 404, …]`).
  const entry = entryAfter(text, site, brackets, statement);
  if (entry) {
    const member = statusMemberIn(text, entry, brackets, profile, set);
    if (member) return member;
  }
  if (site.callee) {
    const named = statusNamedBy(site.callee, set);
    if (named !== undefined) return { status: named };
    const inArguments = statusInArguments(text, site, set);
    if (inArguments) return inArguments;
  }
  const member = innermost && !isList(text, innermost, brackets) ? statusMemberIn(text, innermost, brackets, profile, set) : undefined;
  const around = site.evidence === 'member' || site.evidence === 'reference' || site.evidence === 'pattern' ? statusAround(text, site, body, brackets, set, statement.start, statement.end) : undefined;
  // A body that states its status (`status = 409`) sent with another (`StatusCode(400, …)`): what is sent is the statement's.
  return around && member && around.status !== member.status ? around : member ?? around;
}

/** The object or array a site is the key of (`X => [` or `X: {`), if it is one. */
function entryAfter(text: string, site: CodeSite, brackets: readonly number[], statement: { start: number; end: number }): Container | undefined {
  const after = /^["'\]]?\s*(?:=>|:)\s*[[{]/.exec(text.slice(site.end, Math.min(statement.end, site.end + 40)));
  if (!after || (site.key !== undefined)) return undefined;
  const open = site.end + after[0].length - 1;
  let depth = 0;
  for (let i = lastAtMost(brackets, open - 1) + 1; i < brackets.length && brackets[i] < statement.end; i++) {
    const ch = text.charCodeAt(brackets[i]);
    if (ch === 123 || ch === 91) depth++;
    else if (--depth === 0) return new Container(text, open, statement.start, brackets[i] + 1);
  }
  return undefined;
}

/** The most characters of a literal read for a spread: bodies are short, and a long literal is read no further. */
const SPREAD_WINDOW = 4000;

/** Whether a literal spreads other members into itself at its own level (`...details`, `**extra`, `...$extra`). */
function spreadsMembers(text: string, container: Container): boolean {
  let inner = text.slice(container.open + 1, Math.min(container.close - 1, container.open + 1 + SPREAD_WINDOW))
    .replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');
  // Nested literals and calls are cut out, innermost first, so that only this level's spreads are seen.
  for (let before = ''; before !== inner;) {
    before = inner;
    inner = inner.replace(/\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}/g, '0');
  }
  return /(?:^|[,{[(\s])(?:\.\.\.|\*\*)\s*[\w$@(]/.test(inner);
}

/**
 * What a sent body lacks or writes otherwise, read from its root down to the object holding the
 * code (`objects`, one per object of the template on the way: the body, its `error`, an item of its `errors`).
 */
function memberProblem(text: string, objects: readonly Container[], brackets: readonly number[], shape: Shape, catalog: Catalog): string | undefined {
  for (let depth = 0; depth < objects.length && depth < shape.objects.length; depth++) {
    const expected = shape.objects[depth];
    const members = directMembers(text, objects[depth], brackets);
    const present = new Set(members.map((m) => m.key));
    // Members spread in (`...details`, `**extra`) may be the missing ones: nothing is said to lack.
    const missing = spreadsMembers(text, objects[depth]) ? [] : expected.required.filter((k) => !present.has(k));
    const where = depth === 0 ? 'This body' : expected.key ? `Its \`${expected.key}\` object` : 'Its error object';
    if (missing.length > 0) return `${where} lacks ${missing.map((k) => `\`${k}\``).join(', ')}, which ${catalog.title} ${depth === 0 ? 'bodies' : 'errors'} always have.`;
    const type = typeProblem(text, members, expected.template, catalog);
    if (type) return type;
  }
  return undefined;
}

/** A member whose value the catalog fixes (a literal, or a status as a string) written otherwise. */
function typeProblem(text: string, members: readonly DirectMember[], template: Readonly<Record<string, unknown>>, catalog: Catalog): string | undefined {
  for (const { key, valueStart, valueEnd } of members) {
    if (!Object.hasOwn(template, key)) continue;
    const expected = template[key];
    const raw = text.slice(valueStart, valueEnd).trim();
    if (isStringPlaceholder(expected) && /^\d+$/.test(raw)) {
      return `\`${key}\` is a number here, but ${catalog.title} bodies send it as a string (\`"${raw}"\`).`;
    }
  }
  return undefined;
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

function optionsKeyOf(options: DiagnosticsOptions, pass: PassContext): string {
  // The pass context is the same for the whole document; what it depends on is part of the key, so that a change to it checks everything again.
  return JSON.stringify([options.severity, options.functions, options.patterns.map((p) => [p.source, p.flags]), pass.reading.index.version, pass.functions, pass.definitions.map((d) => [d.value, d.markedDeprecated])]);
}

/** What every statement of a pass reads besides its own text. */
function passContext(document: TextDocument, text: string, set: CatalogSet, options: DiagnosticsOptions): PassContext {
  const constants = options.constants ?? EMPTY_INDEX;
  const reading = readingOf(document, { set, constants });
  const configured = options.functions.map((name) => ({ name: calleeName(name), index: 0 }));
  return {
    profile: profileOf(set),
    reading,
    definitions: definitionSites(findConstantDefinitions(text, document.languageId).filter(isConstantLike), set, text),
    functions: [...configured, ...constants.codeFunctions(set)],
  };
}

const EMPTY_INDEX = new ConstantIndex();

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
 * Lines whose findings read lines around them, beyond their statement: a test's assertion of a code
 * reads the status assertions around it, a `put` of a map body the rest of the map and where it is sent.
 */
const READERS = [
  { reads: isAssertionLine, above: ASSERTION_LINES_BEFORE, below: ASSERTION_LINES_AFTER },
  { reads: isMapBodyLine, above: MAP_BODY_LINES_BEFORE, below: MAP_BODY_LINES_AFTER },
];
const MOST_BELOW = Math.max(...READERS.map((r) => r.below));
const MOST_ABOVE = Math.max(...READERS.map((r) => r.above));

function lineTextAt(text: string, lineStart: number): { text: string; end: number } {
  let end = text.indexOf('\n', lineStart);
  if (end < 0) end = text.length;
  return { text: text.slice(lineStart, end), end };
}

/** Where checking must start for an edit at `offset`: at the farthest line above (or the edit's) that reads the edited lines. */
function readersAbove(text: string, offset: number): number {
  let farthest = offset;
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  for (let distance = 0; distance <= MOST_BELOW; distance++) {
    const line = lineTextAt(text, lineStart).text;
    if (READERS.some((r) => distance <= r.below && r.reads(line))) farthest = lineStart;
    if (lineStart === 0) break;
    lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  }
  return farthest;
}

/** Where checking may stop after an edit whose text is the same from `offset` on: past the farthest line below that reads the edited lines. */
function readersBelow(text: string, offset: number): number {
  let farthest = offset;
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  for (let distance = 0; distance <= MOST_ABOVE && lineStart <= text.length; distance++) {
    const line = lineTextAt(text, lineStart);
    if (READERS.some((r) => distance <= r.above && r.reads(line.text))) farthest = Math.max(farthest, line.end);
    lineStart = line.end + 1;
  }
  return farthest;
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
    const pass = passContext(document, text, set, options);
    const optionsKey = optionsKeyOf(options, pass);
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
      // A test's code assertion reads the status assertions a few lines around it: those lines are checked again too.
      const first = Math.max(0, lastAtMost(reusable.starts, readersAbove(text, start)));
      from = reusable.starts[first];
      for (let i = 0; i < first; i++) starts.push(reusable.starts[i]);
      for (const finding of reusable.findings) {
        if (finding.start >= from) break;
        findings.push(finding);
      }
      const sameFrom = readersBelow(text, text.length - sameAtEnd);
      resync = (at) => {
        if (at < sameFrom) return false;
        const index = lastAtMost(reusable.starts, at - delta);
        if (index < 0 || reusable.starts[index] !== at - delta) return false;
        resumeAt = index;
        return true;
      };
    }
    // A segment at a time, so that a pause comes between the lexing of two segments too.
    for (let segmentStart = from; segmentStart < text.length || starts.length === 0;) {
      const lexed = lexStatements(text, languageId, segmentStart, (at) => resync?.(at) === true || at - segmentStart >= SEGMENT_LENGTH);
      yield* checkStatements(text, languageId, lexed, set, options, pass, findings);
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
