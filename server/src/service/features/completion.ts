/**
 * Completion of error codes: inside string literals, at value positions where a code is
 * expected (`code: `, `"code": "`, `error_code=`, `case "`), and after a qualifier that holds
 * code constants (`ErrorCode.`, `ApiException::`, `apierr.`), where the constants' names are
 * what compiles. Lists stay small for huge catalogs: a bounded page marked incomplete, with
 * shared values moved to `itemDefaults`; the full explanation comes on resolve.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet, CodeHit } from '../catalog/catalogSet';
import { codeHolderPath } from '../catalog/envelope';
import type { ConstantBinding } from '../index/constantIndex';
import { membersOf, qualifierBefore, type QualifierMembers, type ReadingContext } from '../index/constantReferences';
import { codeDetail, explainCode } from '../render/explain';
import { indentUnit } from './codeActions';
import { toSnippet } from '../render/code';
import { errorBodyLiteral } from '../render/errorResponse';
import { LINE_WINDOW, lineAt, normalizeCode, statusConstantAt, statusNumberAt, stringAt, isCodeQualifier } from '../text/textScan';

export interface CompletionOptions {
  /** Most items in one response; more matches make the list incomplete. */
  readonly maxItems: number;
  /** The client understands `CompletionList.itemDefaults` (`editRange` and `data`). */
  readonly itemDefaults: boolean;
}

/** What every item carries back on resolve. */
export interface CompletionData {
  readonly uri: string;
  /** The code a constant's item stands for (its label is the constant's name). */
  readonly code?: string;
}

type Position_ = 'string' | 'value' | 'member';

interface CompletionSite {
  readonly kind: Position_;
  /** Whether the site is where a code is expected, not just any string. */
  readonly expectsCode: boolean;
  readonly prefix: string;
  readonly start: number;
  readonly end: number;
  readonly quote?: string;
  /** After `Qualifier.`, `Qualifier::` or `Qualifier->`: the qualifier. */
  readonly qualifier?: string;
}

/** Keys, assignments and comparisons whose value is an error code. */
const CODE_KEY = /(?:\b|["'])(?:error_?code|errorCode|err_?code|errCode|code|error_type|errorType)["']?\s*(?:[:=]|=>|[=!]==?)\s*$/i;
const CASE_LABEL = /\b(?:case|when)\s+$/;
const QUOTELESS_LANGUAGES = new Set(['yaml', 'markdown', 'plaintext']);
/** Where `a.b` is text or data, never a member of a qualifier (`code: auth.forbidden` in YAML is a code). */
const NO_MEMBERS = new Set([...QUOTELESS_LANGUAGES, 'json', 'jsonc']);

function siteAt(text: string, offset: number, languageId: string): CompletionSite | undefined {
  const line = lineAt(text, offset);
  const literal = stringAt(line);
  if (literal) {
    const before = line.text.slice(0, literal.start - line.start - 1);
    const prefix = text.slice(literal.start, offset);
    // Replace the whole code-like word the cursor is in, not just up to the cursor.
    let end = offset;
    while (end < literal.end && /[\w\-.:/]/.test(text[end])) end++;
    return { kind: 'string', expectsCode: CODE_KEY.test(before) || CASE_LABEL.test(before), prefix, start: literal.start, end };
  }
  const before = line.text.slice(0, line.column);
  if (!NO_MEMBERS.has(languageId)) {
    const prefix = /[\w$]*$/.exec(before)![0];
    const qualifier = qualifierBefore(text, offset - prefix.length);
    // After any qualifier, even an expression's (`x().`), what goes there is a member: never a quoted code.
    if (qualifier !== undefined) {
      let end = offset;
      while (end < text.length && /[\w$]/.test(text[end])) end++;
      return { kind: 'member', expectsCode: true, prefix, start: offset - prefix.length, end, qualifier: qualifier ?? undefined };
    }
  }
  const value = /([\w\-.:/]*)$/.exec(before);
  const word = value?.[1] ?? '';
  if (CODE_KEY.test(before.slice(0, before.length - word.length)) || (languageId === 'yaml' && /^\s*-?\s*(?:error_?)?code:\s*$/i.test(before.slice(0, before.length - word.length)))) {
    const quote = QUOTELESS_LANGUAGES.has(languageId) ? undefined : '"';
    return { kind: 'value', expectsCode: true, prefix: word, start: offset - word.length, end: offset + wordLengthAfter(line.text, line.column), quote };
  }
  return undefined;
}

function wordLengthAfter(line: string, column: number): number {
  let end = column;
  while (end < line.length && /[\w\-.:/]/.test(line[end])) end++;
  return end - column;
}

/**
 * Statuses mentioned near the cursor, whose codes rank first: numbers where code writes a status
 * (`res.status(404)`, `expect(res.statusCode).toBe(400)`, `statusCode: '400'`), status constants
 * (`HttpStatus.NOT_FOUND`, `have_http_status(:conflict)`), and helpers and classes named after a
 * status (`NewNotFoundError(`, `NotFoundException`, `ApiError.notFound(`). Those on the cursor's own
 * line win; otherwise those on the nearest line above that mentions one; otherwise below.
 */
function nearbyStatuses(text: string, offset: number, set: CatalogSet): Set<number> {
  // A few lines around the cursor, and never more than a line window's worth of text (a 1 MB line is read near the cursor only).
  const windowStart = Math.max(nthLineStart(text, offset, -5), offset - LINE_WINDOW);
  const windowEnd = Math.min(nthLineStart(text, offset, 3), offset + LINE_WINDOW);
  const window = text.slice(windowStart, windowEnd);
  const cursorLine = lineAt(text, offset);
  const lineStart = cursorLine.start;
  const lineEnd = lineStart + cursorLine.text.length;
  // Mentions by where they are: on the cursor's line, or the start of the nearest line above or below with one.
  const onLine = new Set<number>();
  let above: { line: number; statuses: Set<number> } | undefined;
  let below: { line: number; statuses: Set<number> } | undefined;
  const add = (at: number, status: number) => {
    if (at >= lineStart && at <= lineEnd) {
      onLine.add(status);
      return;
    }
    const line = text.lastIndexOf('\n', at - 1) + 1;
    if (at < lineStart) {
      if (!above || line > above.line) above = { line, statuses: new Set() };
      if (line === above.line) above.statuses.add(status);
    } else {
      if (!below || line < below.line) below = { line, statuses: new Set() };
      if (line === below.line) below.statuses.add(status);
    }
  };
  for (const match of window.matchAll(/(?<![\w.])[1-5]\d\d(?![\w.])/g)) {
    const at = windowStart + (match.index ?? 0);
    const mention = statusNumberAt(text, at + 1, (s) => set.reasonOf(s));
    if (mention) add(at, mention.status);
  }
  for (const match of window.matchAll(/[A-Za-z][A-Za-z0-9_]{3,}/g)) {
    const at = windowStart + (match.index ?? 0);
    const status = statusNamed(match[0], text, at, set);
    if (status !== undefined) add(at, status);
  }
  return onLine.size > 0 ? onLine : above?.statuses ?? below?.statuses ?? onLine;
}

/** Prefixes of helpers and constants named after a status: `NewNotFoundError`, `createConflict`, `isNotFound`, `Status404NotFound`. */
const STATUS_NAME_PREFIX = /^(?:Status(?:\d{3})?|STATUS_(?:CODE_)?|HTTP_?(?:\d{3}_)?|Http|SC_|[Nn]ew|[Cc]reate|[Mm]ake|[Rr]aise|[Tt]hrow|is|assert)(?=[A-Z_])_?/;
/** Suffixes of classes and helpers named after a status: `NotFoundException`, `ConflictError`, `GoneResponse`. */
const STATUS_NAME_SUFFIX = /_?(?:Exception|Error|Err|Response|Result|Problem)$/i;

/** The status an identifier names: a status constant (`HttpStatusCode.Gone`, `:not_found`), or a helper or class named after an error status. */
function statusNamed(word: string, text: string, at: number, set: CatalogSet): number | undefined {
  // Constants are qualified (`HttpStatus.`, `Response::`, `:` of a symbol) or prefixed; other words need no closer look.
  if (/[.:>]/.test(text[at - 1] ?? '') || /^(?:Status|HTTP_|SC_|STATUS_)/.test(word)) {
    const constant = statusConstantAt(text, at + 1, (name) => set.statusOfName(name));
    if (constant && constant.start === at) return constant.status;
  }
  if (word.length < 6) return undefined;
  let name = word;
  for (let i = 0; i < 2; i++) name = name.replace(STATUS_NAME_PREFIX, '');
  const status = set.statusOfName(normalizeCode(name.replace(STATUS_NAME_SUFFIX, '')));
  // Success statuses have no error codes, and `Created` or `Accepted` in a name is rarely about the response.
  return status !== undefined && status >= 400 ? status : undefined;
}

function nthLineStart(text: string, offset: number, lines: number): number {
  let position = offset;
  if (lines < 0) {
    for (let i = 0; i <= -lines && position > 0; i++) position = text.lastIndexOf('\n', position - 1);
    return Math.max(0, position + 1);
  }
  for (let i = 0; i < lines && position >= 0; i++) position = text.indexOf('\n', position + 1);
  return position < 0 ? text.length : position;
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;

/** Calls and assignments whose argument is a response body: `res.json(`, `JSONResponse(content=`, `c.JSON(404, `. */
const BODY_CALL = /(?:\.json|\.send|\bjsonify|\bJsonResponse|\bJSONResponse|\bHttpException|\bResponse\.json|->json|\bc\.JSON\(\s*[\w.]+\s*,|\bcontent\s*=|\bctx\.body\s*=|\brender\s+json:)\(?\s*$/;

/**
 * Where a response body is being written, completion offers each code's whole body (or, inside
 * the envelope's error object, just that object), rendered from the envelope.
 */
function bodyCompletions(document: TextDocument, offset: number, set: CatalogSet, options: CompletionOptions): CompletionList | null {
  const text = document.getText();
  const line = lineAt(text, offset);
  const before = line.text.slice(0, line.column);
  let at: readonly string[] | undefined;
  if (!BODY_CALL.test(before)) {
    // `error: {|` — the object that holds the code, when its key is the envelope's.
    const key = /["']?(\w+)["']?\s*(?:[:=]|=>)\s*\{\s*$/.exec(before)?.[1];
    const holder = key !== undefined ? set.catalogs.map((c) => codeHolderPath(c.envelope.body)).find((p) => p && p.length > 0 && p[p.length - 1] === key) : undefined;
    if (!holder) return null;
    at = holder;
  }
  const indent = /^\s*/.exec(line.text)?.[0] ?? '';
  const unit = indentUnit(document);
  const { hits, preferred } = set.search('', Math.min(options.maxItems, 50), nearbyStatuses(text, offset, set));
  const items: CompletionItem[] = [];
  hits.forEach((hit, rank) => {
    const literal = errorBodyLiteral(hit.catalog, hit.entry, document.languageId, text, indent, unit, at);
    if (!literal) return;
    // Inside `{`, the object's own braces are already typed: insert its members only.
    const snippet = at ? toSnippet(literal).replace(/^[^\n]*\n/, '\n').replace(/\n[^\n]*$/, `\n${indent}`) : toSnippet(literal);
    items.push({
      label: hit.entry.code,
      labelDetails: { detail: at ? ` ${at.join('.')} object` : ' error body', description: `${hit.entry.status}` },
      kind: CompletionItemKind.Snippet,
      detail: codeDetail(hit, set),
      sortText: `${preferred.has(hit.entry) ? 'a' : 'b'}${rank.toString().padStart(5, '0')}`,
      insertTextFormat: InsertTextFormat.Snippet,
      // The body is already indented for its line; the editor must not indent it again.
      insertTextMode: InsertTextMode.asIs,
      insertText: snippet,
      data: { uri: document.uri } satisfies CompletionData,
    });
  });
  return items.length > 0 ? { isIncomplete: false, items } : null;
}

/** The names code gives to an error or a code it holds as a value, whose members are never the catalog's codes. */
const VALUE_NAMES = new Set(['e', 'ex', 'exc', 'err', 'error', 'errors', 'exception', 'code']);

/**
 * Whether a qualifier the index knows nothing of is named like a holder of codes whose members may
 * be the codes themselves (`ErrorCode.RATE_LIMITED`, `Errors::NOT_FOUND`, Go's `apierr.`, Python's
 * `codes.`): a type, a package or a module of codes. Not a value (`err.`, `error.`, `lastError.`,
 * `res.`), and not a holder of statuses (`StatusCodes.`, `HttpStatusCode.`).
 */
function mayHoldCodes(qualifier: string | undefined): boolean {
  return qualifier !== undefined && isCodeQualifier(qualifier) && !VALUE_NAMES.has(qualifier) && !/^[a-z][a-z0-9]*[A-Z]/.test(qualifier) && !/status/i.test(qualifier);
}

/**
 * After a qualifier the index knows: the code constants it holds (their names are what compiles),
 * those whose code has a status mentioned nearby first, then the containers nested in it that hold
 * some (`ErrorCodes.Patients`). Each item says the code's status and title; resolve explains the code.
 */
function constantCompletions(document: TextDocument, site: CompletionSite, members: QualifierMembers, set: CatalogSet, options: CompletionOptions, reading: ReadingContext): CompletionList | null {
  const text = document.getText();
  const preferred = nearbyStatuses(text, site.start, set);
  const candidates: { binding: ConstantBinding; hit: CodeHit; preferred: boolean }[] = [];
  for (const binding of members.constants) {
    const hit = set.findCode(binding.value)[0];
    if (hit) candidates.push({ binding, hit, preferred: preferred.has(hit.entry.status) });
  }
  const total = candidates.length + members.nested.size;
  // Past a page, the list narrows to the typed prefix and asks to be requested again as typing goes on.
  const lower = site.prefix.toLowerCase();
  const matches = (name: string) => total <= options.maxItems || name.toLowerCase().startsWith(lower);
  const constants = candidates.filter((c) => matches(c.binding.name)).sort((a, b) => Number(b.preferred) - Number(a.preferred) || (a.binding.name < b.binding.name ? -1 : a.binding.name > b.binding.name ? 1 : 0));
  const nested = [...members.nested].filter(([name]) => matches(name)).sort(([a], [b]) => (a < b ? -1 : 1));
  if (constants.length + nested.length === 0) return null;
  const range: Range = { start: document.positionAt(site.start), end: document.positionAt(site.end) };
  const items: CompletionItem[] = [];
  const edit = (item: CompletionItem, data: CompletionData) => {
    if (!options.itemDefaults) item.textEdit = { range, newText: item.label };
    item.data = data;
    items.push(item);
  };
  for (const [rank, { binding, hit, preferred: first }] of constants.slice(0, options.maxItems).entries()) {
    const kind = binding.definition?.kind;
    const item: CompletionItem = {
      label: binding.name,
      kind: kind === 'enum-member' || kind === 'enum-argument' ? CompletionItemKind.EnumMember : CompletionItemKind.Constant,
      detail: codeDetail(hit, set),
      sortText: `${first ? 'a' : 'b'}${rank.toString().padStart(5, '0')}`,
    };
    // What it stands for, beside the name, where the two differ (`SlotTaken`, `SLOT_ALREADY_BOOKED`).
    if (binding.name !== hit.entry.code) item.labelDetails = { description: hit.entry.code };
    if (hit.entry.deprecated || reading.index.isMarkedDeprecated(binding)) item.tags = [CompletionItemTag.Deprecated];
    edit(item, { uri: document.uri, code: hit.entry.code });
  }
  for (const [rank, [name, count]] of nested.slice(0, Math.max(0, options.maxItems - constants.length)).entries()) {
    edit({ label: name, kind: CompletionItemKind.Module, detail: `${count} error code${count === 1 ? '' : 's'}`, sortText: `c${rank.toString().padStart(5, '0')}` }, { uri: document.uri });
  }
  const list: CompletionList = { isIncomplete: total > options.maxItems, items };
  if (options.itemDefaults) list.itemDefaults = { editRange: range, data: { uri: document.uri } satisfies CompletionData };
  return list;
}

/**
 * Completion at a position. `reading` gives the workspace's constants: after a qualifier that holds
 * code constants, their names are offered instead of the codes.
 */
export function doComplete(document: TextDocument, position: Position, set: CatalogSet, options: CompletionOptions, reading?: ReadingContext): CompletionList | null {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const site = siteAt(text, offset, document.languageId);
  if (!site) return bodyCompletions(document, offset, set, options);
  if (site.kind === 'member') {
    const members = reading && site.qualifier !== undefined ? membersOf(reading, site.qualifier, site.start) : undefined;
    if (reading && members) return constantCompletions(document, site, members, set, options, reading);
    // A qualifier the index knows nothing of: the codes themselves, where they may be its members.
    if (!mayHoldCodes(site.qualifier)) return null;
  }
  // In an arbitrary string, offer codes only once what is typed starts one (case-sensitive): no noise in every string.
  if (!site.expectsCode) {
    if (site.prefix.length === 0) return null;
    const probe = set.search(site.prefix, 1);
    if (!probe.hits.some((h) => h.entry.code.startsWith(site.prefix))) return null;
  }
  const preferred = nearbyStatuses(text, offset, set);
  const { hits, preferred: preferredCodes, complete } = set.search(site.prefix, options.maxItems, preferred);
  const range: Range = { start: document.positionAt(site.start), end: document.positionAt(site.end) };
  const data: CompletionData = { uri: document.uri };
  const items: CompletionItem[] = [];
  hits.forEach((hit, rank) => {
    const code = hit.entry.code;
    if (site.kind === 'member' && !IDENTIFIER.test(code)) return;
    const newText = site.quote ? `${site.quote}${code}${site.quote}` : code;
    const item: CompletionItem = {
      label: code,
      kind: CompletionItemKind.EnumMember,
      detail: codeDetail(hit, set),
      // Rank: codes whose status is mentioned nearby first, then the search order.
      sortText: `${preferredCodes.has(hit.entry) ? 'a' : 'b'}${rank.toString().padStart(5, '0')}`,
    };
    if (hit.entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
    if (options.itemDefaults) {
      if (newText !== code) item.textEditText = newText;
    } else {
      item.textEdit = { range, newText };
      item.data = data;
    }
    if (site.quote) item.filterText = newText;
    items.push(item);
  });
  const list: CompletionList = { isIncomplete: !complete, items };
  if (options.itemDefaults) list.itemDefaults = { editRange: range, data };
  return list;
}

export function resolveCompletion(item: CompletionItem, set: CatalogSet): CompletionItem {
  const code = (item.data as Partial<CompletionData> | undefined)?.code;
  const hits: CodeHit[] = set.findCode(typeof code === 'string' ? code : item.label);
  if (hits.length === 0) return item;
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: explainCode(hits[0], set) } };
}
