/**
 * `import code`: a catalog draft from the workspace's code, for a team that has error codes in
 * code but no catalog yet. The codes are the constants of definitions that look like sets of
 * error codes (an enum, a const block, a class or module of constants named like errors or codes)
 * whose values are code-like and some of which the code raises or sends in an error body; and the
 * string literals written where the workspace's codes go (the envelope's code member, the code
 * argument of a function that takes codes). Each code's status comes from where it is raised or
 * sent, the envelope from the bodies that carry codes, titles from the names, descriptions and
 * deprecation from the constants' own documentation. What is guessed is noted; what was seen but
 * not placed is listed.
 *
 * Precision comes first: a constant is a code only when the code uses its set as codes, so that
 * `DEFAULT_PAGE_SIZE = 20`, `LogLevel.INFO = 'info'`, an event type or another service's error
 * codes (compared with, never sent) are left out.
 */
import type { ConstantDefinition } from '../text/constants';
import { constantReferences } from '../index/constantReferences';
import { ConstantIndex, factsOf, type ConstantBinding, type FileFacts } from '../index/constantIndex';
import { ARRAY_ITEM } from '../catalog/envelope';
import { escapeRegExp } from '../text/textScan';
import { catalogIdFrom, emptyDraft, ImportError, type CatalogDraft, type DraftCode, type DraftLeftOut } from './catalogDraft';
import { docsOf } from './fromCodeDocs';
import { declaredBodiesOf, learnEnvelope, type LearnedEnvelope } from './fromCodeEnvelope';
import { helperStatusesOf, messageOfDefinition, siteAt, type BodyShape, type Site, type SiteContext } from './fromCodeSites';
import { isErrorStatus, reasonOf, statusGuessedFromName, statusOfHelperName, wordsOf } from './fromCodeStatuses';
import { SourceFile, syntaxFamilyOf, writtenName } from './fromCodeText';

/** A source file to read: its URI, language and text. */
export interface SourceText {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

export interface ImportFromCodeOptions {
  /** The workspace folders' URIs: notes name files by their path below them, and test files are told by that path. */
  readonly roots?: readonly string[];
  /** The catalog's id and title; by default from the first folder's name. */
  readonly id?: string;
  readonly title?: string;
}

/** Bounds on what is read, so that a large or hostile workspace costs a bounded time. */
export const IMPORT_LIMITS = {
  /** Larger files are generated or data, not where a codebase defines its codes. */
  maxFileCharacters: 1024 * 1024,
  /** A line this long is minified code. */
  maxLineLength: 20_000,
  maxFiles: 20_000,
  /** Code references read per file. */
  maxReferencesPerFile: 4_000,
  /** String literals read per file for codes written as strings. */
  maxLiteralsPerFile: 20_000,
  maxCodes: 5_000,
  /** Entries of `leftOut`. */
  maxLeftOut: 200,
} as const;

/** What the importer looks for, for the error that says it found nothing. */
const LOOKED_FOR =
  'It looks for constants and enums named like error codes (ErrorCode.X, apierr.ErrorCodeX, ApiException::X) whose values the code raises '
  + '(throw/raise/return an error with them) or sends in an error response body ({ code, message }), '
  + 'in TypeScript, JavaScript, Python, Go, Java, Kotlin, C#, PHP, Ruby and Rust files.';

/** A value that can be an error code: one token of letters and digits joined by `_`, `.`, `-` or `:`. */
const CODE_LIKE = /^[A-Za-z][A-Za-z0-9]*(?:[._:-][A-Za-z0-9]+)*$/;
const MAX_CODE_LENGTH = 100;

/** Test files (`test/`, `*.test.ts`, `*_test.go`, `test_*.py`, `*Test.java`, `spec/`): their fakes and assertions are not the codebase's own use of its codes. */
const TEST_PATH = /\/(?:tests?|spec|specs|__tests__|testdata|fixtures)\/|[._-](?:test|spec)\.[^/]+$|\/test_[^/]+\.py$|\/conftest\.py$|Tests?\.(?:java|kt|cs|php)$|_spec\.rb$/;

/** Words in a definition's names that say it holds errors, or codes. */
const ERROR_WORDS = /(?:^|_)(?:errs?|errors?|exceptions?|faults?|problems?|failures?)(?:_|$)|err$|^err/;
const CODE_WORDS = /(?:^|_)(?:codes?|reasons?)(?:_|$)/;

/** Words that are written in capitals in a title. */
const ACRONYMS = new Set(['api', 'id', 'ids', 'url', 'uri', 'http', 'https', 'json', 'xml', 'jwt', 'otp', 'sku', 'isbn', 'pdf', 'csv', 'vat', 'iban', 'ip', 'sms', 'oauth', 'sso', 'mfa', 'cvc', 'cvv', 'tls', 'ssl', 'dns', 'db', 'sql']);

interface ReadSource {
  readonly file: SourceFile;
  /** The file's path below its workspace folder, with a leading `/`. */
  readonly path: string;
  /** What the session's index keeps of the file; none for test files, which are not read for codes. */
  readonly facts?: FileFacts;
}

/** A set of constants defined together: an enum, a class or module of constants, a file's top-level constants. */
interface Group {
  /** How notes name it: `InsurerErrorCodes (5 constants)`, `oAuth2ErrorInvalidRequest and 4 more constants`. */
  readonly label: string;
  readonly read: ReadSource;
  readonly line: number;
  readonly members: Candidate[];
  readonly nameScore: number;
}

/** A constant that may stand for a code. */
interface Candidate {
  readonly read: ReadSource;
  readonly definition: ConstantDefinition;
  readonly binding: ConstantBinding;
  readonly sites: Site[];
  /** How references write it, and how often (`ErrorCodes.Appointments.SlotTaken`). */
  readonly written: Map<string, number>;
}

/** A code of the draft and what was seen of it. */
interface CodeInfo {
  readonly code: string;
  readonly candidates: Candidate[];
  readonly sites: Site[];
}

/** A catalog draft from the workspace's source files; an {@link ImportError} when they hold no codes. */
export function importFromCode(sources: Iterable<SourceText>, options: ImportFromCodeOptions = {}): CatalogDraft {
  const leftOut: DraftLeftOut[] = [];
  const reads = readSources(sources, options.roots ?? [], leftOut);
  if (reads.length === 0) throw new ImportError(`No source files to read. ${LOOKED_FOR}`);
  const paths = new Map(reads.map((read) => [read.file.uri, read.path.slice(1)]));
  const place = (uri: string, line: number) => `${paths.get(uri) ?? uri}:${line}`;

  // The workspace's constants, indexed as the session indexes them, and the statuses of its helpers.
  const index = new ConstantIndex();
  const helpers = new Map<string, number | null>();
  for (const read of reads) {
    if (!read.facts) continue;
    index.update(read.facts);
    for (const [name, status] of helperStatusesOf(read.file)) {
      const before = helpers.get(name);
      helpers.set(name, before === undefined || before === status ? status : null);
    }
  }
  const context: SiteContext = { helpers };

  const groups = candidateGroups(reads, index);
  const candidates = new Map<ConstantBinding, Candidate>();
  for (const group of groups) for (const candidate of group.members) candidates.set(candidate.binding, candidate);

  // Every reference to a candidate: what it is handed to, and what that says.
  for (const read of reads) {
    if (!read.facts) continue;
    const { file } = read;
    const references = constantReferences({ uri: file.uri, languageId: file.languageId, text: file.text, index, isCode: () => true }, undefined, file.lexed);
    for (const reference of references.slice(0, IMPORT_LIMITS.maxReferencesPerFile)) {
      const candidate = candidates.get(reference.binding);
      if (!candidate || (candidate.read === read && reference.start === candidate.definition.nameStart)) continue;
      const written = writtenName(file, reference.start, reference.end);
      candidate.written.set(written, (candidate.written.get(written) ?? 0) + 1);
      candidate.sites.push(siteAt(file, reference.start, reference.end, context));
    }
  }

  const unused: Group[] = [];
  const codes = acceptedCodes(groups, leftOut, place, unused, context);
  if (codes.size === 0) for (const [code, info] of literalOnlyCodes(reads, context)) codes.set(code, info);
  if (codes.size === 0) {
    const named = unused.slice(0, 3).map((group) => `${group.label} (${place(group.read.file.uri, group.line)})`);
    const seen = named.length > 0 ? ` Sets named like error codes that nothing raises or sends were left out: ${named.join(', ')}.` : '';
    throw new ImportError(`No error codes found in ${reads.length} source file${reads.length === 1 ? '' : 's'}. ${LOOKED_FOR}${seen}`);
  }

  // The codes written as strings: more places for the codes known, and codes without a constant.
  const pending = readLiterals(reads, codes, context);
  const bodies = [...codes.values()].flatMap((info) => info.sites.flatMap((site) => (site.body ? [site.body] : [])));
  // The types declared where the codes are defined or used first: a generated client's types describe the body less surely.
  const codeFiles = new Set([...codes.values()].flatMap((info) => [...info.candidates.map((c) => c.read.file.uri), ...info.sites.map((site) => site.uri)]));
  const declared = reads.flatMap((read) => (read.facts ? declaredBodiesOf(read.file) : [])).sort((a, b) => Number(codeFiles.has(b.uri)) - Number(codeFiles.has(a.uri)));
  const templates = bodies.length > 0 ? [] : templateBodies(reads, context);
  const envelope = learnEnvelope(bodies.length > 0 ? bodies : templates, declared, place);
  discoverLiteralCodes(pending, codes, envelope, context, leftOut, place);
  const envelopeNotes = templates.length > 0 ? ['no body writes a code itself; taken from bodies built around a variable holding one', ...envelope.notes] : envelope.notes;

  return assemble(reads, codes, { ...envelope, notes: envelopeNotes }, bodies, leftOut, options, place);
}

// ---- reading ----

function readSources(sources: Iterable<SourceText>, roots: readonly string[], leftOut: DraftLeftOut[]): ReadSource[] {
  const reads: ReadSource[] = [];
  let unread = 0;
  for (const source of sources) {
    const family = syntaxFamilyOf(source.languageId);
    if (!family) continue;
    const path = relativePath(source.uri, roots);
    if (reads.length >= IMPORT_LIMITS.maxFiles) {
      unread++;
      continue;
    }
    if (source.text.length > IMPORT_LIMITS.maxFileCharacters) {
      note(leftOut, { where: path.slice(1), what: `not read: larger than ${IMPORT_LIMITS.maxFileCharacters / 1024 / 1024} MB` });
      continue;
    }
    if (hasLongLine(source.text)) {
      note(leftOut, { where: path.slice(1), what: `not read: a line longer than ${IMPORT_LIMITS.maxLineLength} characters (minified or generated)` });
      continue;
    }
    const file = new SourceFile(source.uri, source.languageId, source.text, family);
    reads.push({ file, path, ...(TEST_PATH.test(path) ? {} : { facts: factsOf(source.uri, source.text, source.languageId) }) });
  }
  if (unread > 0) note(leftOut, { where: 'workspace', what: `${unread} more source files not read (at most ${IMPORT_LIMITS.maxFiles} are)` });
  return reads;
}

function hasLongLine(text: string): boolean {
  if (text.length <= IMPORT_LIMITS.maxLineLength) return false;
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    if ((end < 0 ? text.length : end) - start > IMPORT_LIMITS.maxLineLength) return true;
    if (end < 0) return false;
    start = end + 1;
  }
}

/** A file's path below the workspace folder holding it (the longest), with a leading `/`; its URI's path otherwise. */
function relativePath(uri: string, roots: readonly string[]): string {
  let best = '';
  for (const root of roots) {
    const folder = root.endsWith('/') ? root : `${root}/`;
    if (uri.startsWith(folder) && folder.length > best.length) best = folder;
  }
  const path = best ? uri.slice(best.length) : uri.replace(/^[a-z]+:\/\/[^/]*/, '');
  return `/${decodeURIComponent(path).replace(/^\/+/, '')}`;
}

function note(leftOut: DraftLeftOut[], item: DraftLeftOut): void {
  if (leftOut.length < IMPORT_LIMITS.maxLeftOut) leftOut.push(item);
}

// ---- candidates ----

/** The constants of each non-test file, grouped by the outermost name that holds them (or the file). */
function candidateGroups(reads: readonly ReadSource[], index: ConstantIndex): Group[] {
  const groups: Group[] = [];
  for (const read of reads) {
    const facts = read.facts;
    if (!facts || facts.definitions.length === 0) continue;
    const byContainer = new Map<string, Candidate[]>();
    for (const definition of facts.definitions) {
      const binding = index.named(definition.name).find((b) => b.definition === definition);
      if (!binding) continue;
      const key = definition.containers[0] ?? '';
      const members = byContainer.get(key) ?? [];
      byContainer.set(key, members);
      members.push({ read, definition, binding, sites: [], written: new Map() });
    }
    for (const [container, members] of byContainer) {
      const stem = read.path.slice(read.path.lastIndexOf('/') + 1).replace(/\..*$/, '');
      const names = [...new Set([...members.flatMap((m) => m.definition.containers), ...facts.qualifiers, stem])];
      const memberNames = members.map((m) => wordsOf(m.definition.name));
      let nameScore = 0;
      for (const name of names) {
        const words = wordsOf(name);
        if (ERROR_WORDS.test(words)) nameScore = 1;
        else if (CODE_WORDS.test(words)) nameScore = Math.max(nameScore, 0.5);
      }
      // Constants named like errors themselves (`ErrorCodeOrderNotFound`, `ERR_TIMEOUT`).
      if (memberNames.filter((n) => ERROR_WORDS.test(n)).length * 2 >= memberNames.length) nameScore = 1;
      const more = members.length - 1;
      const label = container ? `${container} (${members.length} constant${more > 0 ? 's' : ''})` : `${members[0].definition.name}${more > 0 ? ` and ${more} more constant${more > 1 ? 's' : ''}` : ''}`;
      const group: Group = { label, read, line: read.file.lineOf(members[0].definition.nameStart), members, nameScore };
      groups.push(group);
    }
  }
  return groups;
}

function isCodeLike(value: string): boolean {
  return value.length <= MAX_CODE_LENGTH && CODE_LIKE.test(value);
}

/** A class member that holds the code of the exception class it is in: `default_code = 'not_found'`, `CODE = 'NOT_FOUND'`. */
const OWN_CODE = /^(?:default_?)?(?:error_?)?code$/i;

/**
 * The codes of the sets the code uses as codes: a set whose values are code-like, with a constant
 * handed to a raise as its code, put in an error body or keyed in a registry of codes, and a name
 * that says errors or codes (or two such constants). A set only named like error codes is listed
 * as left out: another service's codes are named so too, and are compared with, never sent. And
 * the code an exception class carries as its own (`class NotFound(APIException): default_code =
 * 'not_found'`), raised by raising the class, with the status the class sends.
 */
function acceptedCodes(groups: readonly Group[], leftOut: DraftLeftOut[], place: (uri: string, line: number) => string, unused: Group[], context: SiteContext): Map<string, CodeInfo> {
  const codes = new Map<string, CodeInfo>();
  const add = (member: Candidate) => {
    const value = member.definition.value;
    if (codes.size >= IMPORT_LIMITS.maxCodes && !codes.has(value)) return;
    const info = codes.get(value) ?? { code: value, candidates: [], sites: [] };
    codes.set(value, info);
    info.candidates.push(member);
    info.sites.push(...member.sites);
  };
  const codeLikeShare = (group: Group) => group.members.filter((m) => isCodeLike(m.definition.value)).length / group.members.length;
  const used = (group: Group) => group.members.filter((m) => m.sites.some((s) => s.codeUse)).length;
  // A set named for something else needs more: two constants used as codes, one of them in an error body sent with an
  // error status (a body with a `description` and no status is as often seed data: `{ type: BenefitType.discord, … }`).
  const inBody = (group: Group) => group.members.some((m) => m.sites.some((s) => s.codeUse && s.body !== undefined && s.status !== undefined));
  // A set named for codes or reasons only (`DisputeWinReason`, `StatusCode`) needs one of them raised or sent with an error status.
  const inError = (group: Group) => group.members.some((m) => m.sites.some((s) => s.codeUse && (s.role === 'raise' || s.status !== undefined)));
  const accepted = groups.filter((group) => codeLikeShare(group) >= 0.8 && used(group) >= 1
    && (group.nameScore >= 1 || (group.nameScore >= 0.5 && inError(group)) || (used(group) >= 2 && inBody(group))));
  for (const group of groups) {
    const where = place(group.read.file.uri, group.line);
    const ownCodes = ownCodesOf(group, context);
    if (accepted.includes(group)) {
      for (const member of group.members) {
        const notError = successOnly(member, place);
        if (!notError && isCodeLike(member.definition.value)) {
          add(member);
          continue;
        }
        const defined = place(member.read.file.uri, member.read.file.lineOf(member.definition.nameStart));
        note(leftOut, { where: defined, what: notError ? `${member.binding.qualifiedName}: ${notError}` : `${member.binding.qualifiedName} = ${JSON.stringify(member.definition.value.slice(0, 80))}: not a code-like value` });
      }
    } else if (ownCodes.length > 0) {
      for (const member of ownCodes) add(member);
    } else if (group.nameScore >= 1 && codeLikeShare(group) >= 0.8) {
      unused.push(group);
      note(leftOut, { where, what: `${group.label}, named like error codes, but nothing raises them or sends them in an error body` });
    } else if (used(group) >= 2 && codeLikeShare(group) >= 0.8) {
      note(leftOut, { where, what: `${group.label}, ${used(group)} of them raised as error codes, but neither named like error codes nor sent in an error body` });
    } else if (used(group) === 1 && codeLikeShare(group) >= 0.8) {
      const member = group.members.find((m) => m.sites.some((s) => s.codeUse))!;
      const site = member.sites.find((s) => s.codeUse)!;
      note(leftOut, { where: place(site.uri, site.line), what: `${member.binding.qualifiedName} is used as an error code here, but no other constant of its set (${group.label}) is` });
    }
  }
  return codes;
}

/** Names that say a request succeeded: `OK`, `Success`, `NO_ERROR` (gRPC's and many result-code sets' first member). */
const SUCCESS_NAME = /^(?:ok|success|succeeded|successful|succeed|no_?error|none_?error)$/;

/**
 * Why a member of a set of codes is not an error's code: every place that sends it is a success
 * response (`Ok(new { code = ResultCode.Done })`), or nothing uses it as a code and its name says
 * success. Undefined for an error's code.
 */
function successOnly(member: Candidate, place: (uri: string, line: number) => string): string | undefined {
  if (member.sites.some((site) => site.codeUse || (site.status !== undefined && isErrorStatus(site.status.status)))) return undefined;
  const success = member.sites.find((site) => site.role === 'success');
  if (success) return `sent only in success responses (${place(success.uri, success.line)}), not an error's code`;
  if (SUCCESS_NAME.test(wordsOf(member.definition.name)) || SUCCESS_NAME.test(wordsOf(member.definition.value))) return 'named for success, and nothing sends it as an error\'s code';
  return undefined;
}

/**
 * The codes an exception class holds as its own (`default_code`, `code`, `ERROR_CODE`), each with
 * the place of the class as the place it is raised from, and the status the class sends if its
 * body or its name says one.
 */
function ownCodesOf(group: Group, context: SiteContext): Candidate[] {
  const container = group.members[0].definition.containers;
  const className = container[container.length - 1];
  if (!className || group.nameScore < 1 || container.length !== 1) return [];
  const members = group.members.filter((m) => OWN_CODE.test(m.definition.name) && isCodeLike(m.definition.value));
  const helper = context.helpers.get(className);
  const status = typeof helper === 'number' ? helper : statusOfHelperName(className);
  for (const member of members) {
    const { file } = member.read;
    member.sites.push({
      uri: file.uri,
      start: member.definition.nameStart,
      line: file.lineOf(member.definition.nameStart),
      role: 'raise',
      codeUse: true,
      ...(status !== undefined ? { status: { status, quoted: false, from: 'helper', how: `${className} sends ${status}` } as const } : {}),
    });
  }
  return members;
}

// ---- codes written as strings ----

/** A string literal that may be a code the constants do not define, read once the envelope is known. */
interface PendingLiteral {
  readonly read: ReadSource;
  readonly start: number;
  readonly end: number;
  readonly content: string;
}

/** Places of the known codes written as strings; the other code-like strings, for {@link discoverLiteralCodes}. */
function readLiterals(reads: readonly ReadSource[], codes: Map<string, CodeInfo>, context: SiteContext): PendingLiteral[] {
  const pending: PendingLiteral[] = [];
  for (const read of reads) {
    if (!read.facts) continue;
    const { file } = read;
    const definitionValues = new Set(read.facts.definitions.map((d) => d.valueStart));
    let readCount = 0;
    for (const [start, end] of file.lexed.strings) {
      if (end - start < 3 || end - start > MAX_CODE_LENGTH + 2) continue;
      const quote = file.text[start];
      if ((quote !== '"' && quote !== "'" && quote !== '`') || file.text[end - 1] !== quote) continue;
      const content = file.text.slice(start + 1, end - 1);
      if (!CODE_LIKE.test(content) || definitionValues.has(start + 1)) continue;
      if (++readCount > IMPORT_LIMITS.maxLiteralsPerFile) break;
      const known = codes.get(content);
      if (!known) pending.push({ read, start, end, content });
      // Codes found as strings already hold the places they were found at.
      else if (!known.sites.some((site) => site.uri === file.uri && site.start === start)) known.sites.push(siteAt(file, start, end, context));
    }
  }
  return pending;
}

/** How often a function must be handed code constants for a string it is handed to be a code without a status beside it. */
const MANY_HANDED = 5;
/** Written as codes are, and as words and modes are not: `UPLOAD_FAILED`. */
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * Codes written only as strings: a string under the envelope's code member in a body of the
 * envelope's shape that is sent with a status, or the code argument of a function the workspace
 * hands its codes to (twice at least) in a raise that sends a status. A string without a status
 * is as often a validation rule's name (`self.fail('max_length')`) as a code the API answers with,
 * unless it is written as codes are (`UPLOAD_FAILED`) and handed to a function that is handed the
 * code constants {@link MANY_HANDED} times at least.
 */
function discoverLiteralCodes(pending: readonly PendingLiteral[], codes: Map<string, CodeInfo>, envelope: LearnedEnvelope, context: SiteContext, leftOut: DraftLeftOut[], place: (uri: string, line: number) => string): void {
  const codeFunctions = new Map<string, number>();
  for (const info of codes.values()) {
    for (const site of info.sites) {
      if (site.role === 'raise' && site.codeUse && site.handedTo && site.handedTo.index >= 0) {
        const key = `${site.handedTo.callee}#${site.handedTo.index}`;
        codeFunctions.set(key, (codeFunctions.get(key) ?? 0) + 1);
      }
    }
  }
  const codeKey = envelope.assumed ? undefined : envelope.codePath[envelope.codePath.length - 1];
  const keyed = codeKey && codeKey !== ARRAY_ITEM
    ? new RegExp(String.raw`(?:["']?${escapeRegExp(codeKey)}["']?\s*(?::|=>|=)|\[\s*["']${escapeRegExp(codeKey)}["']\s*\]\s*=)\s*$`)
    : undefined;
  const samePath = (body: BodyShape) => body.codePath.length === envelope.codePath.length && body.codePath.every((key, i) => key === envelope.codePath[i]);
  for (const literal of pending) {
    if (codes.size >= IMPORT_LIMITS.maxCodes) break;
    const { file } = literal.read;
    const before = file.text.slice(Math.max(0, literal.start - 80), literal.start);
    const asMember = keyed?.test(before) === true && (codeKey !== 'error' || SNAKE_CODE.test(literal.content));
    const asArgument = /[(,]\s*$/.test(before);
    if (!asMember && !asArgument) continue;
    const site = siteAt(file, literal.start, literal.end, context);
    const inBody = asMember && site.body !== undefined && samePath(site.body) && site.codeUse && site.status !== undefined;
    const handedCount = asArgument && site.role === 'raise' && site.codeUse && site.handedTo !== undefined
      // A lower-case word is as often a message key or a mode as a code.
      && /[A-Z_.:-]/.test(literal.content) ? codeFunctions.get(`${site.handedTo.callee}#${site.handedTo.index}`) ?? 0 : 0;
    // Raised with its status, by a function handed codes twice; or without one, in upper snake case, by a function the
    // workspace hands its code constants to again and again (`new AppError('UPLOAD_FAILED')` beside `new AppError(AppErrorCode.NOT_FOUND)`).
    const handed = (site.status !== undefined && handedCount >= 2) || (handedCount >= MANY_HANDED && UPPER_SNAKE.test(literal.content));
    if (!inBody && !handed) {
      if (asMember && site.body !== undefined && samePath(site.body) && site.codeUse) {
        note(leftOut, { where: place(site.uri, site.line), what: `${JSON.stringify(literal.content)} is written where the code goes in a body, but nothing there says its status` });
      }
      continue;
    }
    const info = codes.get(literal.content) ?? { code: literal.content, candidates: [], sites: [] };
    codes.set(literal.content, info);
    info.sites.push(site);
  }
}

/** A string under `error` (`error: "invalid_grant"`, `'error' => …`, `["error"] =`), and the only codes taken from there: snake case. */
const ERROR_KEYED = /(?:["']?error["']?\s*(?::|=>|=)|\[\s*["']error["']\s*\]\s*=)\s*$/;
const SNAKE_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[a-z]{4,}$/;

/**
 * The codes of a workspace that writes them only as strings: a string under a `code` member of a
 * body with a message that is sent with a status, or the code argument of a raise that sends a
 * status, written as codes are (`ORDER_NOT_FOUND`, `order.not_found`), where the workspace's
 * raises pass two such codes at least (one call is not a convention).
 */
function literalOnlyCodes(reads: readonly ReadSource[], context: SiteContext): Map<string, CodeInfo> {
  const codes = new Map<string, CodeInfo>();
  const keyed = /(?:["']?(?:code|error_code|errorCode)["']?\s*(?::|=>|=)|\[\s*["'](?:code|error_code|errorCode)["']\s*\]\s*=)\s*$/;
  const raised = new Map<string, Site[]>();
  const add = (into: Map<string, CodeInfo>, code: string, site: Site) => {
    const info = into.get(code) ?? { code, candidates: [], sites: [] };
    into.set(code, info);
    info.sites.push(site);
  };
  for (const read of reads) {
    if (!read.facts) continue;
    const { file } = read;
    let readCount = 0;
    for (const [start, end] of file.lexed.strings) {
      if (end - start < 3 || end - start > MAX_CODE_LENGTH + 2 || codes.size >= IMPORT_LIMITS.maxCodes) continue;
      const quote = file.text[start];
      if ((quote !== '"' && quote !== "'" && quote !== '`') || file.text[end - 1] !== quote) continue;
      const content = file.text.slice(start + 1, end - 1);
      if (!CODE_LIKE.test(content)) continue;
      if (++readCount > IMPORT_LIMITS.maxLiteralsPerFile) break;
      const before = file.text.slice(Math.max(0, start - 80), start);
      // OAuth's and many Rails APIs' `{ error: "invalid_grant", message }`: a code in snake case only, as `error`
      // as often holds prose or a reason phrase (`{ error: "Not Found" }`, `{ error: "Unauthorized" }`).
      if (keyed.test(before) || (ERROR_KEYED.test(before) && SNAKE_CODE.test(content))) {
        const site = siteAt(file, start, end, context);
        if (site.body && site.status && site.codeUse) add(codes, content, site);
      } else if (/[(,]\s*$/.test(before) && /[_.:-]|^[A-Z0-9_]+$/.test(content)) {
        const site = siteAt(file, start, end, context);
        if (site.role === 'raise' && site.codeUse && site.status) raised.set(content, [...(raised.get(content) ?? []), site]);
      }
    }
  }
  if (raised.size >= 2) for (const [code, list] of raised) for (const site of list) add(codes, code, site);
  return codes;
}

/**
 * Bodies built around a variable holding the code (`{ code: err.code, message }`, `"code": str(code)`),
 * for a workspace none of whose bodies writes a code constant or string.
 */
function templateBodies(reads: readonly ReadSource[], context: SiteContext): BodyShape[] {
  const found: BodyShape[] = [];
  const member = /["']?(?:code|error_code|errorCode)["']?\s*(?::|=>|=)\s*(?:str\(|String\()?\s*((?:[\w$@]+\s*(?:\.|->)\s*)*\$?(?:code|errorCode|error_code))\b/g;
  // JavaScript's shorthand: `{ code, message }`.
  const shorthand = /[{,]\s*(code|errorCode)(?=\s*[,}])/g;
  for (const read of reads) {
    if (!read.facts) continue;
    const { file } = read;
    for (const m of [...file.text.matchAll(member), ...(file.family === 'script' ? file.text.matchAll(shorthand) : [])]) {
      const start = (m.index ?? 0) + m[0].length - m[1].length;
      if (!file.isCode(start)) continue;
      const site = siteAt(file, start, start + m[1].length, context);
      if (site.body) found.push(site.body);
    }
  }
  return found;
}

// ---- the draft ----

function assemble(
  reads: readonly ReadSource[],
  codes: Map<string, CodeInfo>,
  envelope: LearnedEnvelope,
  bodies: readonly BodyShape[],
  leftOut: DraftLeftOut[],
  options: ImportFromCodeOptions,
  place: (uri: string, line: number) => string,
): CatalogDraft {
  const folder = folderName(options.roots?.[0]) ?? 'api';
  const draft = emptyDraft(options.id ?? catalogIdFrom(folder), options.title ?? folder);
  const { catalog, guesses } = draft;

  catalog.envelope.contentType = contentTypeOf(reads, bodies);
  catalog.envelope.body = envelope.body;
  if (envelope.optional.length > 0) catalog.envelope.optional = [...envelope.optional];
  if (envelope.notes.length > 0) guesses.push({ path: ['envelope', 'body'], note: envelope.notes.join('; ') });

  const fileOrder = new Map(reads.map((read, i) => [read, i]));
  const ordered = [...codes.values()].sort((a, b) => orderOf(fileOrder, a) - orderOf(fileOrder, b));
  const byName = new Map<string, string>();
  for (const info of ordered) for (const candidate of info.candidates) byName.set(candidate.definition.name, info.code);
  const entries = ordered.map((info) => ({ info, ...codeEntry(info, codes, byName, place) }));
  const evidenced = new Map(entries.filter((e) => e.status.evidenced).map((e) => [e.info.code, e.entry.status]));
  const used = new Set<number>();
  for (const { info, entry, status } of entries) {
    const path = ['codes', info.code];
    // A deprecated code nothing sends any more was sent where its replacement is now: it had that status.
    const replacement = entry.replacedBy !== undefined ? evidenced.get(entry.replacedBy) : undefined;
    if (!status.evidenced && replacement !== undefined) {
      entry.status = replacement;
      guesses.push({ path: [...path, 'status'], note: `no raise or response shows its status; ${replacement} as ${entry.replacedBy}, which replaces it` });
    } else if (status.note) guesses.push({ path: [...path, 'status'], note: status.note });
    catalog.codes[info.code] = entry;
    used.add(entry.status);
  }
  for (const status of [...used].sort((a, b) => a - b)) {
    const reason = reasonOf(status);
    catalog.statuses[String(status)] = reason ? { reason } : {};
  }
  draft.leftOut.push(...leftOut);
  return draft;
}

/** Codes in the order their definitions come (files as given, then offsets), codes found as strings last. */
function orderOf(fileOrder: ReadonlyMap<ReadSource, number>, info: CodeInfo): number {
  const candidate = info.candidates[0];
  if (!candidate) return Number.MAX_SAFE_INTEGER;
  return (fileOrder.get(candidate.read) ?? 0) * 1e8 + candidate.definition.nameStart;
}

function folderName(root: string | undefined): string | undefined {
  if (!root) return undefined;
  const name = decodeURIComponent(root.replace(/\/+$/, '').slice(root.replace(/\/+$/, '').lastIndexOf('/') + 1));
  return name || undefined;
}

/** Media types made for error bodies: RFC 9457 problem details, and JSON:API (whose errors are sent as its documents). */
const ERROR_MEDIA_TYPE = /^application\/(?:problem\+json|vnd\.api\+json)$/;
/** Where a response's type is set: `Content-Type`, `content_type:`, `media_type=`, `mimetype=`, `produces =`. */
const RESPONSE_TYPE = /content[-_ ]?type|media_?type|mimetype|produces/i;

/** The content type error bodies are sent with: a `+json` type the files writing bodies name (problem, JSON:API), else JSON. */
function contentTypeOf(reads: readonly ReadSource[], bodies: readonly BodyShape[]): string {
  const counts = new Map<string, number>();
  const bodyFiles = new Set(bodies.map((b) => b.uri));
  for (const read of reads) {
    if (!read.facts) continue;
    const { text, uri } = read.file;
    for (const m of text.matchAll(/["'](application\/[\w.-]+\+json)["']/g)) {
      // What a response is sent as: an error media type, or one set as a response's type where bodies are sent.
      // An `Accept` header asks another API for its type (`'Accept': 'application/vnd.github.v3+json'`).
      const before = text.slice(Math.max(0, (m.index ?? 0) - 60), m.index);
      const setsType = RESPONSE_TYPE.test(before);
      if (!setsType && /accept/i.test(before)) continue;
      if (!ERROR_MEDIA_TYPE.test(m[1]) && !(setsType && bodyFiles.has(uri))) continue;
      const weight = bodyFiles.has(uri) ? 2 : 1;
      counts.set(m[1], (counts.get(m[1]) ?? 0) + weight);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? best[0] : 'application/json';
}

/** A code's entry, with its status and whether a place in the code shows that status. */
function codeEntry(
  info: CodeInfo,
  codes: ReadonlyMap<string, CodeInfo>,
  byName: ReadonlyMap<string, string>,
  place: (uri: string, line: number) => string,
): { entry: DraftCode; status: StatusDecision } {
  const names = info.candidates.map((c) => c.definition.name);
  const status = statusOf(info, place);

  const first = info.candidates[0];
  const docs = first ? docsOf(first.read.file, first.definition.nameStart, first.definition.valueEnd) : {};
  const entry: DraftCode = { status: status.status, title: titleOf(info.code, names) };
  const message = messageOf(info);
  if (message) entry.message = message;
  if (docs.description) entry.description = docs.description;
  if (docs.deprecated !== undefined) {
    entry.deprecated = docs.deprecated;
    const replacement = typeof docs.deprecated === 'string' ? replacementIn(docs.deprecated, info.code, codes, byName) : undefined;
    if (replacement) entry.replacedBy = replacement;
  }
  const constants = info.candidates.map(constantAsWritten);
  if (constants.length > 0) entry.constants = [...new Set(constants)];
  return { entry, status };
}

/** A code's status, why, and whether a place in the code shows it. */
interface StatusDecision {
  readonly status: number;
  readonly evidenced: boolean;
  readonly note?: string;
}

/** The code's status: the one most places send it with; else what its name suggests. */
function statusOf(info: CodeInfo, place: (uri: string, line: number) => string): StatusDecision {
  const votes = new Map<number, { count: number; strong: boolean; places: string[] }>();
  const vote = (status: number, where: string, strong: boolean) => {
    if (!isErrorStatus(status)) return;
    const tally = votes.get(status) ?? { count: 0, strong: false, places: [] };
    votes.set(status, tally);
    tally.count++;
    tally.strong ||= strong;
    if (tally.places.length < 3) tally.places.push(where);
  };
  for (const candidate of info.candidates) {
    if (candidate.definition.status !== undefined) vote(candidate.definition.status, `its definition (${place(candidate.read.file.uri, candidate.read.file.lineOf(candidate.definition.nameStart))})`, true);
  }
  for (const site of info.sites) if (site.status) vote(site.status.status, `${place(site.uri, site.line)} (${site.status.how})`, site.role === 'registry');
  const ranked = [...votes].sort((a, b) => b[1].count - a[1].count || Number(b[1].strong) - Number(a[1].strong));
  if (ranked.length === 0) {
    const guessed = statusGuessedFromName(info.code, info.candidates.map((c) => c.definition.name));
    return { status: guessed.status, evidenced: false, note: `no raise or response shows its status; ${guessed.reason}` };
  }
  const [chosen, tally] = ranked[0];
  if (ranked.length === 1) return { status: chosen, evidenced: true };
  const others = ranked.slice(1).map(([status, t]) => `${status} in ${t.count} (${t.places.join(', ')})`).join('; ');
  return { status: chosen, evidenced: true, note: `sent with ${chosen} in ${tally.count} place${tally.count === 1 ? '' : 's'}, kept; also ${others}` };
}

/**
 * The code's message: the one its definition or a registry gives it, else the one its raises
 * write when they agree (one message, or one written twice and more than any other); raises that
 * each write their own say nothing of a message for the code.
 */
function messageOf(info: CodeInfo): string | undefined {
  for (const candidate of info.candidates) {
    const own = messageOfDefinition(candidate.read.file, candidate.definition);
    if (own) return own;
  }
  const registered = info.sites.find((site) => site.role === 'registry' && site.message)?.message;
  if (registered) return registered;
  // A call that binds the code to its status and message (`new ApiError(code, 409, "Slot already taken")`) defines them.
  const counts = new Map<string, number>();
  for (const site of info.sites) if (site.message) counts.set(site.message, (counts.get(site.message) ?? 0) + (site.status?.from === 'argument' ? 2 : 1));
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 1 || (ranked.length > 1 && ranked[0][1] >= 2 && ranked[0][1] > ranked[1][1])) return ranked[0][0];
  return undefined;
}

/** A title from the code's words (`order_not_found` is "Order not found"), or its constant's where the code is opaque (`SHP-001`). */
function titleOf(code: string, names: readonly string[]): string {
  const opaque = /\d/.test(code) && (code.match(/[A-Za-z]/g)?.length ?? 0) <= 4;
  const source = opaque && names[0] ? names[0] : code;
  const words = wordsOf(source).split('_').filter(Boolean);
  if (words.length === 0) return code;
  return words.map((word, i) => (ACRONYMS.has(word) ? word.toUpperCase() : i === 0 ? word[0].toUpperCase() + word.slice(1) : word)).join(' ');
}

/** The code a deprecation note names as its replacement: by its value or its constant's name. */
function replacementIn(note: string, self: string, codes: ReadonlyMap<string, CodeInfo>, byName: ReadonlyMap<string, string>): string | undefined {
  for (const m of note.matchAll(/[A-Za-z][\w.:-]*[A-Za-z0-9]/g)) {
    const word = m[0];
    const code = codes.has(word) ? word : byName.get(word) ?? byName.get(word.split(/\.|::/).pop() ?? '');
    if (code && code !== self) return code;
  }
  return undefined;
}

/** How the code writes the constant: its most frequent qualified form, else its definition's. */
function constantAsWritten(candidate: Candidate): string {
  const qualified = [...candidate.written].filter(([written]) => /\.|::|->/.test(written) && !/^(?:self|static|this|cls)(?:\.|::|->)/.test(written));
  const best = qualified.sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : candidate.binding.qualifiedName;
}
