/**
 * Turns a catalog file's text into a validated {@link Catalog}, or into problems that say,
 * at the right place in the file, what to write instead. Pure: text in, result out.
 */
import type { ErrorObject } from 'ajv';
// Generated at build time from catalog/error-catalog.schema.json: no schema compiler at run time.
import validateCatalog from 'catalog-validator';
import { catalogFormatOf, lazyLocator, parseCatalogSyntax, parseCatalogSyntaxWithPositions, type CatalogSyntax, type PathSegment } from './catalogSyntax';
import {
  CatalogProblemCode,
  type Catalog,
  type CatalogOrigin,
  type CatalogProblem,
  type CodeEntry,
  type Envelope,
  type ExampleBody,
  type HeaderEntry,
  type OffsetRange,
  type RaiseTemplate,
  type RetryPolicy,
  type StatusEntry,
} from './model';
import { collectPlaceholders, findMemberPath } from './envelope';
import { editDistance, STATUS_ALIASES } from './catalogSet';
import { lastAtMost, normalizeCode } from '../text/textScan';

export interface CatalogLoadResult {
  /** The catalog, when the file has no errors (warnings still allow it). */
  readonly catalog?: Catalog;
  readonly problems: readonly CatalogProblem[];
}

export interface LoadOptions {
  readonly origin?: CatalogOrigin;
  /** Statuses that count as known without being declared in the catalog (the HTTP status registry). */
  readonly knownStatuses?: ReadonlySet<number>;
  /** Skip the JSON Schema check, for catalogs the test suite has already validated (the built-ins). */
  readonly validate?: boolean;
  /** The URI of the file, when `uri` names the catalog otherwise (`builtin:connectify`). */
  readonly sourceUri?: string;
  /** The HTTP standard's reason phrases, by status, to catch catalogs that contradict them. */
  readonly standardReasons?: ReadonlyMap<number, string>;
}

export function loadCatalog(uri: string, text: string, options: LoadOptions = {}): CatalogLoadResult {
  const syntax = parseCatalogSyntax(text, catalogFormatOf(uri));
  const { valid, problems } = checkSyntax(text, syntax, options);
  return valid ? { catalog: buildCatalog(uri, text, syntax.value as RawCatalog, syntax.locate, options), problems } : { problems };
}

/** What checking a catalog's text finds: its problems, and its value when it may be built (structured-cloneable both). */
export interface CatalogCheck {
  readonly value?: unknown;
  readonly problems: readonly CatalogProblem[];
}

/**
 * The slow half of loading, which needs nothing but the text: parse, schema and the checks beyond
 * it. A runtime may run it on another thread and build the catalog from its result with
 * {@link catalogFromCheck}.
 */
export function checkCatalog(uri: string, text: string, options: Omit<LoadOptions, 'origin' | 'sourceUri'> = {}): CatalogCheck {
  const syntax = parseCatalogSyntax(text, catalogFormatOf(uri));
  const { valid, problems } = checkSyntax(text, syntax, options);
  return valid ? { value: syntax.value, problems } : { problems };
}

/** The catalog of a check's result; positions in the file are found by a parse of their own when first asked for. */
export function catalogFromCheck(uri: string, text: string, check: CatalogCheck, options: LoadOptions = {}): CatalogLoadResult {
  if (check.value === undefined) return { problems: check.problems };
  const format = catalogFormatOf(uri);
  const locate = lazyLocator(text, format, check.value, () => parseCatalogSyntaxWithPositions(text, format));
  return { catalog: buildCatalog(uri, text, check.value as RawCatalog, locate, options), problems: check.problems };
}

function checkSyntax(text: string, syntax: CatalogSyntax, options: LoadOptions): { valid: boolean; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = syntax.errors.map((e) => ({
    code: CatalogProblemCode.Syntax,
    severity: 'error',
    message: e.message,
    range: e.range,
  }));
  for (const duplicate of syntax.duplicateKeys) {
    const isCode = duplicate.path.length === 1 && duplicate.path[0] === 'codes';
    const line = lineOf(text, duplicate.first.start);
    problems.push({
      code: isCode ? CatalogProblemCode.DuplicateCode : CatalogProblemCode.DuplicateKey,
      severity: 'error',
      message: isCode
        ? `Duplicate code \`${duplicate.key}\`: it is already defined on line ${line}. Rename one of them or merge the two entries.`
        : `Duplicate key \`${duplicate.key}\`: it is already set on line ${line}. Keep one of them.`,
      range: duplicate.duplicate,
    });
  }
  const isObject = syntax.value !== null && typeof syntax.value === 'object' && !Array.isArray(syntax.value);
  if (problems.length > 0 || !isObject) {
    if (problems.length === 0) {
      problems.push({ code: CatalogProblemCode.Syntax, severity: 'error', message: syntax.value === undefined || syntax.value === null ? 'This catalog file is empty. Start it with `id:`, `title:` and `envelope:` (see the catalog schema).' : 'A catalog file holds one object. Start it with `id:`, `title:` and `envelope:` (see the catalog schema).', range: { start: 0, end: Math.min(1, text.length) } });
    }
    return { valid: false, problems };
  }
  const validate = options.validate === false ? undefined : validateCatalog;
  const schemaValid = !validate || validate(syntax.value);
  if (!schemaValid) problems.push(...schemaProblems(validate?.errors ?? [], syntax));
  // The checks a schema cannot express run on whatever parts are well-formed, so one mistake
  // never hides another: a quoted status and an unregistered one are reported together.
  problems.push(...semanticProblems(syntax, options));
  return { valid: schemaValid && !problems.some((p) => p.severity === 'error'), problems };
}

/** Offset to line and character, with line starts computed on first use. */
export function positionsOf(text: string): (offset: number) => { line: number; character: number } {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
    }
    const line = Math.max(0, lastAtMost(lineStarts, offset));
    return { line, character: offset - lineStarts[line] };
  };
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// ---- schema errors, rewritten to say what to write ----

function decodePointer(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => {
    const segment = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(segment) ? Number(segment) : segment;
  });
}

function schemaProblems(errors: readonly ErrorObject[], syntax: CatalogSyntax): CatalogProblem[] {
  // A `oneOf` failure reports every branch. When the value is close to one branch (it has
  // errors inside it), report those; otherwise report the `oneOf` itself, with an example.
  const isBranchNoise = (e: ErrorObject) => e.keyword === 'oneOf' || (e.keyword === 'type' && e.schemaPath.includes('/oneOf/'));
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);
  const useful = errors.filter((e) => {
    if (!isBranchNoise(e)) return true;
    if (errors.some((o) => !isBranchNoise(o) && within(o.instancePath, e.instancePath))) return false;
    return e.keyword === 'oneOf' || !errors.some((o) => o.keyword === 'oneOf' && o.instancePath === e.instancePath);
  });
  const problems: CatalogProblem[] = [];
  const seen = new Set<string>();
  for (const error of useful) {
    const problem = schemaProblem(error, syntax);
    const key = `${problem.range.start}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the catalog';
  if (path[0] === 'codes' && path.length >= 2) return `code \`${path[1]}\`${path.length > 2 ? ` (\`${path.slice(2).join('.')}\`)` : ''}`;
  if (path[0] === 'statuses' && path.length >= 2) return `status ${path[1]}${path.length > 2 ? ` (\`${path.slice(2).join('.')}\`)` : ''}`;
  return `\`${path.join('.')}\``;
}

const EXAMPLES: Readonly<Record<string, string>> = {
  id: '`id: acme`',
  title: '`title: Acme API`',
  envelope: '`envelope:` with a `body:` that has a `${code}` placeholder',
  body: '`body: { error: { code: "${code}", message: "${message}" } }`',
  status: '`status: 429`',
  name: '`name: Retry-After`',
  strategy: '`strategy: exponential` (or `fixed`, `retry-after`, `none`)',
  retry: '`retry: false`, `retry: true`, or `retry: { strategy: exponential, delaySeconds: 1, maxAttempts: 5 }`',
};

function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const option of options) {
    const d = editDistance(word.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) { best = option; bestDistance = d; }
  }
  return best;
}


function schemaProblem(error: ErrorObject, syntax: CatalogSyntax): CatalogProblem {
  const path = decodePointer(error.instancePath);
  const where = describe(path);
  const parentSchema = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, { description?: string }> };
  let range: OffsetRange = syntax.locate(path);
  let message: string;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      range = path.length > 0 ? syntax.locate(path, 'key') : syntax.locate([], 'value');
      const hint = EXAMPLES[missing] ?? `\`${missing}: …\``;
      const about = parentSchema.properties?.[missing]?.description;
      message = `${capitalize(where)} is missing \`${missing}\`. Add ${hint}${about ? ` (${uncapitalize(about)})` : ''}.`;
      break;
    }
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      range = syntax.locate([...path, extra], 'key');
      const known = Object.keys(parentSchema.properties ?? {}).filter((k) => k !== '$schema');
      const suggestion = closest(extra, known);
      message = `\`${extra}\` is not a member of ${where}. ${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Allowed here: ${known.map((k) => `\`${k}\``).join(', ')}.`;
      break;
    }
    case 'propertyNames': {
      const name = String(error.params.propertyName);
      range = syntax.locate([...path, name], 'key');
      message = path[0] === 'statuses'
        ? `\`${name}\` is not an HTTP status. Key statuses by their three-digit number, e.g. \`429:\`.`
        : path[0] === 'raise'
          ? `\`${name}\` is not a language raise templates are written for. Name one of ${RAISE_LANGUAGES.map((l) => `\`${l}\``).join(', ')}.`
          : `\`${name}\` cannot be a code: codes are 1 to 200 characters long.`;
      break;
    }
    case 'type': {
      const expected = String(error.params.type).replace(/,/g, ' or ');
      const hint = parentSchema.description ? ` ${parentSchema.description}` : '';
      message = `${capitalize(where)} must be ${article(expected)} ${expected}.${hint}`;
      if (path[path.length - 1] === 'status') message = `${capitalize(where)} must be a number, e.g. \`status: 429\` (without quotes).`;
      break;
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ');
      message = `${capitalize(where)} must be one of ${allowed}.`;
      break;
    }
    case 'pattern': {
      message = `${capitalize(where)} is not valid. ${parentSchema.description ?? `It must match ${String(error.params.pattern)}.`}`;
      break;
    }
    case 'minimum':
    case 'maximum': {
      message = path[path.length - 1] === 'status'
        ? `${capitalize(where)}: HTTP statuses go from 100 to 599. Write the status this code is returned with, e.g. \`status: 429\`.`
        : `${capitalize(where)} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(error.params.limit)}.`;
      break;
    }
    case 'minLength':
      message = `${capitalize(where)} must not be empty.`;
      break;
    case 'maxLength':
    case 'maxItems': {
      const unit = error.keyword === 'maxLength' ? 'characters' : 'entries';
      message = `${capitalize(where)} has more than ${String(error.params.limit)} ${unit}.${parentSchema.description ? ` ${parentSchema.description}` : ''}`;
      break;
    }
    case 'oneOf': {
      const example = EXAMPLES[String(path[path.length - 1])];
      message = `${capitalize(where)} has the wrong form. ${example ? `Write ${example}.` : parentSchema.description ?? ''}`.trim();
      break;
    }
    default:
      message = `${capitalize(where)} ${error.message ?? 'is not valid'}.`;
  }
  return { code: CatalogProblemCode.Schema, severity: 'error', message, range };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function uncapitalize(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

// ---- from the validated value to the model, with the checks a schema cannot express ----

/** The shape of a validated catalog value (the schema guarantees it). */
interface RawCatalog {
  id: string;
  title: string;
  version?: string;
  description?: string;
  docs?: string;
  envelope: { contentType?: string; body: Record<string, unknown>; optional?: string[]; headers?: HeaderEntry[]; examples?: ExampleBody[] };
  statuses?: Record<string, Omit<StatusEntry, 'status' | 'troubleshooting' | 'retry'> & { troubleshooting?: string[]; retry?: boolean | RetryPolicy }>;
  codes?: Record<string, Omit<CodeEntry, 'code' | 'causes' | 'resolution' | 'members' | 'examples' | 'tags' | 'constants' | 'operations'> & {
    causes?: string[]; resolution?: string[]; members?: Record<string, unknown>; examples?: ExampleBody[]; tags?: string[]; constants?: string[]; operations?: string[];
  }>;
  raise?: Record<string, string | { template: string; imports?: string[] }>;
}

/** The languages a catalog's `raise` templates are written for (the schema's list). */
const RAISE_LANGUAGES = ['typescript', 'javascript', 'python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby'];
const RAISE_PLACEHOLDERS = new Set(['constant', 'code', 'message', 'status']);

/** What is wrong with a raise template, in words that say what to write; undefined when it can be used. */
function raiseTemplateProblem(template: string): string | undefined {
  const unknown = [...template.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]).filter((name) => !RAISE_PLACEHOLDERS.has(name));
  if (unknown.length > 0) return `\`\${${unknown[0]}}\` is not a placeholder of raise templates. Use \`\${constant}\` (the code's constant, or its string), \`\${code}\`, \`\${message}\` or \`\${status}\`.`;
  if (!/\$\{(?:constant|code)\}/.test(template)) return 'This raise template does not write the code. Put `${constant}` where the code goes (it is written as the code\'s constant, or as its string), e.g. `throw new ApiException(${constant})`.';
  if (/(?<!["'`])\$\{message\}|\$\{message\}(?!["'`])/.test(template)) return '`${message}` is written as the text of a string: put it inside quotes, e.g. `"${message}"`.';
  return undefined;
}

/** A catalog's `raise` member as templates, by language: those with a problem are left out (and reported). */
function raiseTemplates(raw: RawCatalog['raise']): ReadonlyMap<string, RaiseTemplate> | undefined {
  if (!raw) return undefined;
  const templates = new Map<string, RaiseTemplate>();
  for (const [language, value] of Object.entries(raw)) {
    const entry = typeof value === 'string' ? { template: value, imports: [] } : { template: value.template, imports: value.imports ?? [] };
    if (!raiseTemplateProblem(entry.template)) templates.set(language, entry);
  }
  return templates.size > 0 ? templates : undefined;
}

function retryPolicy(retry: boolean | RetryPolicy | undefined): RetryPolicy | undefined {
  if (retry === undefined) return undefined;
  if (retry === true) return { strategy: 'exponential' };
  if (retry === false) return { strategy: 'none' };
  return retry;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks beyond the schema, each on the parts of the value that have the shape it needs. */
function semanticProblems(syntax: CatalogSyntax, options: LoadOptions): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const at = (path: readonly PathSegment[], part: 'key' | 'value' = 'value') => syntax.locate(path, part);
  const raw = isRecord(syntax.value) ? syntax.value : {};
  const envelope = isRecord(raw.envelope) ? raw.envelope : undefined;
  const statuses = isRecord(raw.statuses) ? raw.statuses : {};
  const codes = isRecord(raw.codes) ? raw.codes : {};
  const raise = isRecord(raw.raise) ? raw.raise : {};

  if (envelope && isRecord(envelope.body) && !collectPlaceholders(envelope.body).has('code')) {
    problems.push({
      code: CatalogProblemCode.MissingCodePlaceholder,
      severity: 'error',
      message: 'The envelope body has no `${code}` placeholder, so no response can carry an error code. Put `"${code}"` where the code goes, e.g. `error: { code: "${code}", message: "${message}" }`.',
      range: at(['envelope', 'body'], 'key'),
    });
  }
  if (envelope && Array.isArray(envelope.optional)) {
    envelope.optional.forEach((name, index) => {
      if (typeof name === 'string' && !findMemberPath(envelope.body, name)) {
        problems.push({
          code: CatalogProblemCode.UnusedOptional,
          severity: 'warning',
          message: `\`${name}\` is listed as optional but the envelope body has no member \`${name}\`. Add it to \`body\` or remove it from \`optional\`.`,
          range: at(['envelope', 'optional', index]),
        });
      }
    });
  }
  for (const [language, value] of Object.entries(raise)) {
    const template = typeof value === 'string' ? value : isRecord(value) && typeof value.template === 'string' ? value.template : undefined;
    const problem = template === undefined ? undefined : raiseTemplateProblem(template);
    if (problem) {
      problems.push({
        code: CatalogProblemCode.RaiseTemplate,
        // The catalog still serves; quick fixes write the learned form (or the framework's response) for this language instead.
        severity: 'warning',
        message: problem,
        range: at(typeof value === 'string' ? ['raise', language] : ['raise', language, 'template']),
      });
    }
  }
  const knownStatuses = options.knownStatuses;
  const bodyPaths = envelope ? envelope.body : undefined;
  for (const [key, value] of Object.entries(statuses)) {
    const standard = options.standardReasons?.get(Number(key));
    if (!standard || !isRecord(value) || typeof value.reason !== 'string') continue;
    const accepted = [standard, ...(STATUS_ALIASES[Number(key)] ?? [])].map(normalizeCode);
    if (!accepted.includes(normalizeCode(value.reason))) {
      problems.push({
        code: CatalogProblemCode.StatusContradiction,
        severity: 'warning',
        message: `HTTP calls ${key} \`${standard}\`, not \`${value.reason}\`. Write \`reason: ${standard}\`, and put what the status means for this API under \`meaning:\`.`,
        range: at(['statuses', key, 'reason']),
      });
    }
  }
  /** The code that first declares each constant, so that a second code declaring it is reported where it does. */
  const declaredConstants = new Map<string, string>();
  for (const code of Object.keys(codes)) {
    const value = codes[code];
    if (!isRecord(value)) continue;
    if (Array.isArray(value.constants)) {
      value.constants.forEach((written, index) => {
        if (typeof written !== 'string') return;
        const first = declaredConstants.get(written);
        if (!first) {
          declaredConstants.set(written, code);
          return;
        }
        problems.push({
          code: CatalogProblemCode.DuplicateConstant,
          severity: 'warning',
          message: first === code
            ? `\`${written}\` is already listed for \`${code}\`. Remove this entry.`
            : `\`${written}\` is already declared for \`${first}\`: a constant stands for one code. Remove it from one of them.`,
          range: at(['codes', code, 'constants', index]),
        });
      });
    }
    const status = value.status;
    if (knownStatuses && Number.isInteger(status) && !Object.hasOwn(statuses, String(status)) && !knownStatuses.has(status as number)) {
      problems.push({
        code: CatalogProblemCode.UnknownStatus,
        // Real APIs send unregistered statuses (nginx's 499): the code is served as written, with this warning.
        severity: 'warning',
        message: `${String(status)} is not a registered HTTP status. If \`${code}\` is really sent with it, document ${String(status)} under \`statuses:\` (with its reason); otherwise use the status it is sent with (for example 400, 404, 409, 422, 429 or 500).`,
        range: at(['codes', code, 'status']),
      });
    }
    if (Number.isInteger(status) && (status as number) < 400) {
      problems.push({
        code: CatalogProblemCode.StatusContradiction,
        severity: 'warning',
        message: `${String(status)} is not an error status: in HTTP, errors are 4xx (the client's) or 5xx (the server's). Give \`${code}\` the status it is sent with.`,
        range: at(['codes', code, 'status']),
      });
    }
    if (typeof value.replacedBy === 'string' && !Object.hasOwn(codes, value.replacedBy)) {
      problems.push({
        code: CatalogProblemCode.UnknownReplacement,
        severity: 'warning',
        message: `\`replacedBy: ${value.replacedBy}\` names a code this catalog does not define. Name one of its codes.`,
        range: at(['codes', code, 'replacedBy']),
      });
    }
    if (Array.isArray(value.examples)) {
      value.examples.forEach((example, index) => {
        if (isRecord(example) && typeof example.at === 'string' && !pathExists(bodyPaths, example.at)) {
          problems.push({
            code: CatalogProblemCode.BadExamplePath,
            severity: 'warning',
            message: `\`at: ${example.at}\` is not a path in the envelope body. Name the object the example shows, e.g. \`at: error\`.`,
            range: at(['codes', code, 'examples', index, 'at']),
          });
        }
      });
    }
  }
  return problems;
}

/** What codes without causes, examples or members share, rather than an empty array or object each. */
const NONE: readonly never[] = Object.freeze([]);
const NO_MEMBERS: Readonly<Record<string, never>> = Object.freeze({});

/** The model of a catalog whose value passed the schema and the semantic checks. */
function buildCatalog(uri: string, text: string, raw: RawCatalog, locate: CatalogSyntax['locate'], options: LoadOptions): Catalog {
  const at = (path: readonly PathSegment[], part: 'key' | 'value' = 'value') => locate(path, part);
  // Entries are built field by field: object spread is several times slower on catalogs of 100,000 codes,
  // and copying only the known members keeps the model exactly what the schema describes.
  const statuses = new Map<number, StatusEntry>();
  for (const [key, value] of Object.entries(raw.statuses ?? {})) {
    const status = Number(key);
    statuses.set(status, {
      status,
      reason: value.reason,
      meaning: value.meaning,
      description: value.description,
      troubleshooting: value.troubleshooting ?? [],
      retry: retryPolicy(value.retry),
      docs: value.docs,
      spec: value.spec,
    });
  }
  const codes = new Map<string, CodeEntry>();
  const rawCodes = raw.codes ?? {};
  for (const code of Object.keys(rawCodes)) {
    const value = rawCodes[code];
    codes.set(code, {
      code,
      status: value.status,
      title: value.title,
      message: value.message,
      description: value.description,
      causes: value.causes ?? NONE,
      resolution: value.resolution ?? NONE,
      members: value.members ?? NO_MEMBERS,
      examples: value.examples ?? NONE,
      retryable: value.retryable,
      deprecated: value.deprecated,
      replacedBy: value.replacedBy,
      docs: value.docs,
      tags: value.tags ?? NONE,
      constants: value.constants,
      operations: value.operations ?? NONE,
    });
  }
  const envelope: Envelope = {
    contentType: raw.envelope.contentType ?? 'application/json',
    body: raw.envelope.body,
    optional: raw.envelope.optional ?? [],
    headers: raw.envelope.headers ?? [],
    examples: raw.envelope.examples ?? [],
  };
  return {
    id: raw.id,
    title: raw.title,
    description: raw.description,
    version: raw.version,
    docs: raw.docs,
    envelope,
    statuses,
    codes,
    raise: raiseTemplates(raw.raise),
    origin: options.origin ?? 'workspace',
    uri,
    rangeOf: at,
    positionAt: positionsOf(text),
    sourceUri: options.sourceUri ?? uri,
  };
}

function pathExists(body: unknown, dotted: string): boolean {
  let node: unknown = body;
  for (const part of dotted.split('.')) {
    if (!node || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}
