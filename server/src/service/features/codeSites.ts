/**
 * Where a source document uses one of its catalogs' codes, and the evidence that it is one. A
 * value under a `code` key is not a code because of its key alone (`code: 'EUR'` is a currency,
 * `'type' => 'text'` a MIME type): it is read as a code where the object around it has the
 * catalog's envelope shape, where it is the code argument of a function the workspace passes codes
 * to, where it is compared with a body's code member, or where it defines a constant among code
 * constants. Constants of the workspace that stand for codes are code sites wherever they are used.
 */
import type { CatalogSet } from '../catalog/catalogSet';
import { ARRAY_ITEM, placeholderPathThroughArrays, wholePlaceholder } from '../catalog/envelope';
import type { Catalog } from '../catalog/model';
import { hasDeprecationNote, type CodeFunction, type ConstantBinding } from '../index/constantIndex';
import { argumentAt, calleeName, closingParenthesis } from '../text/calls';
import { constantReferences, resolveName, type ReadingContext } from '../index/constantReferences';
import type { ConstantDefinition } from '../text/constants';
import { insideRanges } from '../text/codeUsages';
import { StatementWalk, type LexedText } from '../text/statements';
import { escapeRegExp, normalizeCode } from '../text/textScan';

export type SiteEvidence = 'member' | 'call' | 'definition' | 'assertion' | 'pattern' | 'reference';

/** A place where a document uses a code, or a value that may be a mistyped one. */
export interface CodeSite {
  /** The code: a literal's text, or the value of the constant named here. */
  readonly value: string;
  /** The offsets of the literal's text (inside its quotes) or of the constant's name. */
  readonly start: number;
  readonly end: number;
  readonly form: 'literal' | 'constant';
  readonly evidence: SiteEvidence;
  /** A member site's key and where it starts (`code` in `code: 'X'`). */
  readonly key?: string;
  readonly keyStart?: number;
  /** A call site's function (`NewNotFoundError`, `ApiException`), and its argument list's offsets. */
  readonly callee?: string;
  readonly argumentsStart?: number;
  readonly argumentsEnd?: number;
  readonly binding?: ConstantBinding;
  readonly definition?: ConstantDefinition;
  /** A definition with a deprecation note right above it (kept on purpose for old clients). */
  readonly markedDeprecated?: boolean;
}

/** How the catalogs of a set carry codes: what sites and checks read of the envelopes. */
export interface EnvelopeProfile {
  /** Keys whose value is the code in some catalog's envelope (`code`, `type`, `error_code`). */
  readonly catalogCodeKeys: ReadonlySet<string>;
  /** Keys a code is found under: the catalogs' own, and the usual ones a wrong shape uses. */
  readonly codeKeys: readonly string[];
  /** Every member name of the envelopes (placeholders as keys excluded): what makes an object look like a body. */
  readonly envelopeKeys: ReadonlySet<string>;
  /** Keys that carry a status: the envelopes' `${status}` members and the usual names. */
  readonly statusKeys: ReadonlySet<string>;
  readonly style: CodeStyle;
}

/** What the codes of a set look like: their letter cases and separators, and their length. */
export interface CodeStyle {
  readonly cases: ReadonlySet<string>;
  readonly separators: ReadonlySet<string>;
  /** Every code has a separator. */
  readonly separated: boolean;
  readonly minLength: number;
  readonly maxLength: number;
}

const WRONG_SHAPE_KEYS = ['code', 'error_code', 'errorCode', 'err_code', 'errCode', 'Code'];
const USUAL_STATUS_KEYS = ['status', 'statusCode', 'status_code', 'httpStatus', 'http_status', 'httpStatusCode', 'StatusCode', 'wantStatus', 'expectedStatus', 'WantStatus', 'ExpectedStatus'];

function caseOf(value: string): string {
  if (/^[a-z][a-z0-9+.-]*:/.test(value)) return 'uri';
  const letters = value.replace(/[^A-Za-z]/g, '');
  if (!letters) return 'digits';
  if (letters === letters.toUpperCase()) return 'upper';
  if (letters === letters.toLowerCase()) return 'lower';
  return /^[A-Z]/.test(letters) ? 'pascal' : 'camel';
}

const separatorsOf = (value: string) => new Set(value.replace(/[A-Za-z0-9]/g, ''));

const profiles = new WeakMap<CatalogSet, EnvelopeProfile>();

/** The envelope profile of a set, computed once per set. */
export function profileOf(set: CatalogSet): EnvelopeProfile {
  let profile = profiles.get(set);
  if (profile) return profile;
  const catalogCodeKeys = new Set<string>();
  const envelopeKeys = new Set<string>();
  const statusKeys = new Set(USUAL_STATUS_KEYS);
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (wholePlaceholder(key) === undefined) envelopeKeys.add(key);
        if (wholePlaceholder(value) === 'status') statusKeys.add(key);
        visit(value);
      }
    }
  };
  const workspace = set.catalogs.filter((c) => c.origin === 'workspace');
  for (const catalog of workspace.length > 0 ? workspace : set.catalogs) {
    const path = placeholderPathThroughArrays(catalog.envelope.body, 'code');
    if (path) catalogCodeKeys.add(path[path.length - 1]);
    visit(catalog.envelope.body);
  }
  // A key that carries the status in these envelopes is never a code key (PHP APIs send `code: 404`).
  const codeKeys = [...new Set([...catalogCodeKeys, ...WRONG_SHAPE_KEYS.filter((k) => !statusKeys.has(k))])];
  const codes = [...set.codeNames()].slice(0, 500);
  const cases = new Set(codes.map(caseOf));
  const separators = new Set(codes.flatMap((c) => [...separatorsOf(c)]));
  profile = {
    catalogCodeKeys,
    codeKeys,
    envelopeKeys,
    statusKeys,
    style: {
      cases,
      separators,
      separated: codes.length > 0 && codes.every((c) => separatorsOf(c).size > 0),
      minLength: Math.min(...codes.map((c) => c.length)),
      maxLength: Math.max(...codes.map((c) => c.length)),
    },
  };
  profiles.set(set, profile);
  return profile;
}

/** Whether a value is written the way the set's codes are: same letter case, same separators, a similar length. */
export function resemblesCodes(value: string, style: CodeStyle): boolean {
  if (value.length < 2 || value.length > 200 || /\s/.test(value)) return false;
  if (!style.cases.has(caseOf(value))) return false;
  const separators = separatorsOf(value);
  if ([...separators].some((s) => !style.separators.has(s))) return false;
  if (style.separated && separators.size === 0) return false;
  return value.length >= style.minLength - 3 && value.length <= style.maxLength + 8;
}

/** An identifier chain: `ErrorCode.SlotTaken`, `apierr.ErrorCodeX`, `ApiException::X`, `Errors.Patients.NotFound`. */
const CHAIN = String.raw`[A-Za-z_$][\w$]*(?:\s*(?:\.|::|->)\s*[A-Za-z_$][\w$]*){0,4}`;

/** The name and qualifier of the last link of a chain. */
function lastLink(chain: string): { name: string; qualifier?: string } {
  const parts = chain.split(/\s*(?:\.|::|->)\s*/);
  return { name: parts[parts.length - 1], qualifier: parts.length > 1 ? parts[parts.length - 2] : undefined };
}

/** The constant a chain names, when it stands for a code. */
function constantOf(reading: ReadingContext, chain: string): ConstantBinding | undefined {
  const { name, qualifier } = lastLink(chain);
  return resolveName(reading, name, qualifier);
}

export interface SiteSearch {
  readonly text: string;
  readonly languageId: string;
  readonly lexed: LexedText;
  readonly set: CatalogSet;
  readonly profile: EnvelopeProfile;
  readonly reading: ReadingContext;
  /** Functions whose argument is a code: configured, and learned from the workspace. */
  readonly functions: readonly CodeFunction[];
  readonly patterns: readonly RegExp[];
  /** The document's constant definitions among code constants (see {@link definitionSites}). */
  readonly definitions: readonly CodeSite[];
}

/**
 * The matches of a global regular expression in `[from, end)` of the lexed part, where no match
 * may cross a statement start (the search goes on from there, as if each statement were alone).
 */
function* matchesIn(regex: RegExp, text: string, lexed: LexedText): Generator<RegExpExecArray> {
  const statements = new StatementWalk(lexed.starts, lexed.end);
  regex.lastIndex = lexed.starts[0];
  for (let m = regex.exec(text); m && m.index < lexed.end; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex = m.index + 1;
    const statementEnd = statements.at(m.index).end;
    if (m.index + m[0].length <= statementEnd) yield m;
    else regex.lastIndex = statementEnd;
  }
}

const memberPatterns = new Map<string, RegExp>();

/** `key: value`, `"key": value`, `'key' => value`, `key = value`, Java's `"key", value` in `Map.of`, Kotlin's `"key" to value`; the value a string or a chain. */
function memberPattern(keys: readonly string[], languageId: string): RegExp {
  const cacheKey = `${languageId}\n${keys.join('\n')}`;
  let pattern = memberPatterns.get(cacheKey);
  if (!pattern) {
    const extra = languageId === 'java' ? '|(?<=["\'])\\s*,' : languageId === 'kotlin' ? '|\\s+to' : '';
    pattern = new RegExp(`(?<![\\w$.])(["']?)(${keys.map(escapeRegExp).join('|')})\\1\\s*(?::=|=>|:(?!:)|=(?!=)${extra})\\s*(?:(["'\`])((?:\\\\.|(?!\\3)[^\\n\\\\])*)\\3|(${CHAIN})(?![\\w$(]))`, 'g');
    if (memberPatterns.size > 64) memberPatterns.clear();
    memberPatterns.set(cacheKey, pattern);
  }
  return pattern;
}

/** A string literal or a chain as a code site, with the given evidence. */
function valueSite(search: SiteSearch, start: number, end: number, evidence: SiteEvidence, extra: Partial<CodeSite> = {}): CodeSite | undefined {
  let i = start;
  while (i < end && /\s/.test(search.text[i])) i++;
  let j = end;
  while (j > i && /\s/.test(search.text[j - 1])) j--;
  const raw = search.text.slice(i, j);
  const quoted = /^(["'`])(.*)\1$/s.exec(raw);
  if (quoted) {
    if (quoted[2].includes('\n') || quoted[2].length > 200 || (quoted[1] === '`' && quoted[2].includes('${'))) return undefined;
    return { value: quoted[2], start: i + 1, end: j - 1, form: 'literal', evidence, ...extra };
  }
  if (!new RegExp(`^${CHAIN}$`).test(raw)) return undefined;
  const binding = constantOf(search.reading, raw);
  if (!binding) return undefined;
  const { name } = lastLink(raw);
  return { value: binding.value, start: j - name.length, end: j, form: 'constant', evidence, binding, ...extra };
}

/** Every code site in the lexed part of a document. */
export function findSites(search: SiteSearch): CodeSite[] {
  const { text, lexed, profile } = search;
  const sites = new Map<number, CodeSite>();
  const add = (site: CodeSite | undefined) => {
    if (!site || sites.has(site.start) || insideRanges(lexed.comments, site.start)) return;
    sites.set(site.start, site);
  };
  // Definitions first: a constant's value is a definition, whatever key-like name its type has (`X ErrorCode = "x"`).
  const definitionNames = new Set<number>();
  for (const site of search.definitions) {
    if (site.start < lexed.starts[0] || site.start >= lexed.end) continue;
    add(site);
    if (site.definition) definitionNames.add(site.definition.nameStart);
  }
  // Members of objects and maps, and Java's `put("code", …)`.
  for (const m of matchesIn(memberPattern(profile.codeKeys, search.languageId), text, lexed)) {
    const keyStart = (m.index ?? 0) + m[1].length;
    const valueStart = (m.index ?? 0) + m[0].length - (m[4] !== undefined ? m[4].length + 2 : m[5].length);
    add(valueSite(search, valueStart, (m.index ?? 0) + m[0].length, 'member', { key: m[2], keyStart }));
  }
  if (search.languageId === 'yaml') {
    // YAML values need no quotes: `code: RATE_LIMITED`.
    const plain = new RegExp(`^([ \\t]*(?:- )?)(${profile.codeKeys.map(escapeRegExp).join('|')}):[ \\t]+([^\\s"'#{[][^\\s#]*)[ \\t]*(?:#.*)?$`, 'gm');
    for (const m of matchesIn(plain, text, lexed)) {
      const keyStart = (m.index ?? 0) + m[1].length;
      const start = (m.index ?? 0) + m[0].indexOf(m[3], m[1].length + m[2].length + 1);
      add({ value: m[3], start, end: start + m[3].length, form: 'literal', evidence: 'member', key: m[2], keyStart });
    }
  }
  if (search.languageId === 'java' || search.languageId === 'kotlin') {
    const put = new RegExp(`\\.put\\(\\s*"(${profile.codeKeys.map(escapeRegExp).join('|')})"\\s*,\\s*("(?:\\\\.|[^"\\\\\\n])*"|${CHAIN})\\s*\\)`, 'g');
    for (const m of matchesIn(put, text, lexed)) {
      const valueStart = (m.index ?? 0) + m[0].lastIndexOf(m[2]);
      add(valueSite(search, valueStart, valueStart + m[2].length, 'member', { key: m[1], keyStart: (m.index ?? 0) + m[0].indexOf(m[1]) }));
    }
  }
  // Arguments of the functions codes are passed to.
  if (search.functions.length > 0) {
    const byName = new Map<string, number[]>();
    for (const f of search.functions) byName.set(f.name, [...(byName.get(f.name) ?? []), f.index]);
    const call = new RegExp(`(?<![\\w$])(?:new\\s+)?(${CHAIN})\\s*\\(`, 'g');
    for (const m of matchesIn(call, text, lexed)) {
      const chain = m[1];
      const indexes = byName.get(calleeName(chain)) ?? byName.get(chain.replace(/\s+/g, ''));
      if (!indexes) continue;
      const open = (m.index ?? 0) + m[0].length - 1;
      const limit = Math.min(text.length, open + 2000);
      const close = closingParenthesis(text, open, limit);
      for (const index of indexes) {
        const argument = argumentAt(text, open, index, limit);
        if (argument) add(valueSite(search, argument.start, argument.end, 'call', { callee: calleeName(chain), argumentsStart: open + 1, argumentsEnd: close }));
      }
    }
  }
  // The user's patterns: a capture that names a constant reads through it, never as a code.
  for (const pattern of search.patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of matchesIn(global, text, lexed)) {
      if (!m[1]) continue;
      const start = (m.index ?? 0) + m[0].indexOf(m[1]);
      // A capture of the name alone (`apierr\.(\w+)`) is read with the qualifier written before it.
      const qualifier = /(?:[A-Za-z_$][\w$]*(?:\.|::|->))+$/.exec(text.slice(Math.max(0, start - 200), start))?.[0] ?? '';
      const name = qualifier + m[1];
      const binding = constantOf(search.reading, name);
      if (binding) add({ value: binding.value, start: start + m[1].length - lastLink(name).name.length, end: start + m[1].length, form: 'constant', evidence: 'pattern', binding });
      else if (/^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+$/.test(name)) continue; // a qualified name the index does not know: not a code
      else add({ value: m[1], start, end: start + m[1].length, form: 'literal', evidence: 'pattern' });
    }
  }
  // String literals compared with a body's code member (tests, client code).
  for (const site of assertionSites(search)) add(site);
  // Every other use of a code constant (its definition's own name is the definition, not a use).
  for (const reference of constantReferences(search.reading, undefined, lexed)) {
    if (definitionNames.has(reference.start) || (reference.binding.uri === search.reading.uri && reference.binding.definition?.nameStart === reference.start)) continue;
    add({ value: reference.binding.value, start: reference.start, end: reference.end, form: 'constant', evidence: 'reference', binding: reference.binding });
  }
  return [...sites.values()].sort((a, b) => a.start - b.start);
}

/**
 * Accessors of a body's code member: `.code`, `["code"]`, `->code`, `[:code]`, `.Code`, a JSON path
 * `"$.code"` or `'errors.0.code'`, `assertJsonPath('type', …)`, and Go's table fields `wantCode:`.
 */
function accessorPattern(keys: ReadonlySet<string>): RegExp {
  const alternatives = [...keys].map(escapeRegExp).join('|');
  const capital = [...keys].map((k) => escapeRegExp(k.charAt(0).toUpperCase() + k.slice(1))).join('|');
  return new RegExp(String.raw`(?:\??\.|->)(?:${alternatives}|${capital})\b(?!\s*[(=])|\[\s*:?["']?(?:${alternatives})["']?\s*\]|["'](?:\$\.)?(?:[\w\[\]]+\.)*(?:${alternatives})["']|\b(?:want|expected|expect)(?:Error)?(?:${capital})\s*:`, 'g');
}

/** What comes before a statement's result rather than a value it compares: `=>`, `->`, `return`, a branch's `?`/`:`, a member's `:`. */
const RESULT_BEFORE = /(?:=>|->|\breturn|\?|(?<![:?]):)\s*$/;
/** A test table's expected code (`wantCode: "X"`), which is compared. */
const EXPECTED_CODE_BEFORE = /\b(?:want|expected|expect)(?:Error)?Code\s*:\s*$/i;

/** String literals in statements that read a body's code member: each is a code, or a mistyped one. */
function assertionSites(search: SiteSearch): CodeSite[] {
  const { text, lexed, profile } = search;
  if (profile.catalogCodeKeys.size === 0) return [];
  const accessor = accessorPattern(profile.catalogCodeKeys);
  const statements = new StatementWalk(lexed.starts, lexed.end);
  const sites: CodeSite[] = [];
  let checkedStatement = -1;
  let hasAccessor = false;
  for (const [open, close] of lexed.strings) {
    if (open < lexed.starts[0] || open >= lexed.end) continue;
    const statement = statements.at(open);
    if (statement.start !== checkedStatement) {
      checkedStatement = statement.start;
      accessor.lastIndex = 0;
      hasAccessor = accessor.test(text.slice(statement.start, statement.end));
    }
    if (!hasAccessor || close - open < 3) continue;
    const value = text.slice(open + 1, close - 1);
    if (profile.catalogCodeKeys.has(value) || /^\$\./.test(value) || value.includes('\n')) continue;
    // What a statement returns or builds is not compared with the code: an arrow's or a branch's result, a member's value
    // (`.with('SUBSCRIPTION_INACTIVE', () => 'SubscriptionInactive')`, `code === 'X' ? 'Label' : …`, `{ reason: 'Label' }`).
    const before = text.slice(Math.max(statement.start, open - 24), open);
    if (RESULT_BEFORE.test(before) && !EXPECTED_CODE_BEFORE.test(before)) continue;
    // The accessor itself (`"$.code"`, `'type'` in assertJsonPath) is not the value compared.
    if (accessor.test(text.slice(open, close)) && (accessor.lastIndex = 0, true)) continue;
    accessor.lastIndex = 0;
    sites.push({ value, start: open + 1, end: close - 1, form: 'literal', evidence: 'assertion' });
  }
  return sites;
}

/**
 * The constant definitions of a document that are sites: those among code constants (a container
 * whose definitions are mostly codes of the set), so that a mistyped value beside real codes is
 * caught, and a currency list is not.
 */
export function definitionSites(definitions: readonly ConstantDefinition[], set: CatalogSet, text: string): CodeSite[] {
  const groups = new Map<string, ConstantDefinition[]>();
  for (const definition of definitions) {
    const key = definition.containers.join('.');
    groups.set(key, [...(groups.get(key) ?? []), definition]);
  }
  const sites: CodeSite[] = [];
  for (const group of groups.values()) {
    const known = group.filter((d) => set.findCode(d.value).length > 0).length;
    if (known < 2 || known * 2 < group.length) continue;
    for (const definition of group) {
      sites.push({
        value: definition.value,
        start: definition.valueStart,
        end: definition.valueEnd,
        form: 'literal',
        evidence: 'definition',
        definition,
        markedDeprecated: hasDeprecationNote(text, definition.nameStart),
      });
    }
  }
  return sites;
}

/** Single words that helpers are named by, for statuses whose whole reason phrase they are not. */
const HELPER_WORDS: Readonly<Record<string, number>> = { unprocessable: 422, internal: 500, unavailable: 503 };

/** The status a function's name says it sends (`NewNotFoundError`, `ConflictException`, `badRequest`, `Unprocessable`, `tooMany`). */
export function statusNamedBy(name: string, set: CatalogSet): number | undefined {
  const stem = name.replace(/^(?:New|new|raise|Raise|throw|make|create|Create)(?=[A-Z_])/, '').replace(/_?(?:Error|Exception|Err|Problem|Response|Result|Fault)$/, '');
  const normalized = normalizeCode(stem);
  if (normalized.length < 5) return undefined;
  return set.statusOfName(normalized) ?? HELPER_WORDS[normalized] ?? set.statusStartingWith(stem.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/));
}

/** The envelope's code path of a catalog, arrays as {@link ARRAY_ITEM}. */
export function codePathOf(catalog: Catalog): readonly string[] {
  return placeholderPathThroughArrays(catalog.envelope.body, 'code') ?? [];
}

export { ARRAY_ITEM };

export type { CodeFunction };
