/**
 * Typed constants for a catalog's codes, and types for its error body, as a source file of one
 * language: what `error-catalog types` writes. Code can then compare a response's code with
 * `ErrorCode.RATE_LIMITED` instead of a string literal, so a typo or a removed code fails to
 * compile, and can decode a body into types that have the envelope's members.
 *
 * The file is pure and deterministic: the same catalog and options always give the same text
 * (catalog order, LF line ends, one trailing newline). It starts with the generated-file header,
 * so a check can tell when the file is stale.
 *
 * Catalog text is untrusted, because catalogs come from cloned repositories. It reaches the file in
 * three ways only:
 * - as comment text, through `docText` (one line, without line terminators, control characters or
 *   bidirectional controls) and then the comment syntax's own escaper;
 * - as string literals, through each language's escaper;
 * - as identifiers, which are built from ASCII letters and digits only.
 */
import { codeHolderPath, collectPlaceholders, DEFAULT_VALUES, isStringPlaceholder, wholePlaceholder, ARRAY_ITEM } from '../catalog/envelope';
import type { Catalog, CodeEntry } from '../catalog/model';
import { catalogHash, generatedHeader, type GeneratedLanguage } from './generatedHeader';
import { C_SHARP_KEYWORDS, escapeString } from './literals';

export type TypesLanguage = 'ts' | 'python' | 'go' | 'java' | 'csharp' | 'php' | 'rust';

export interface TypesFileOptions {
  /** The catalog's path as the command named it, for the generated header. */
  readonly catalogPath: string;
  /**
   * Where the file's declarations live, in the languages that name it inside the file:
   * - Go: the package (default `apierrors`);
   * - Java: the holder class, with its package if any (`com.example.ApiErrors`; default `ApiErrors`, in no package);
   * - C#: the namespace (`Acme.Errors`; default `ApiErrors`);
   * - PHP: the namespace (`App\Errors`; default none, the global namespace).
   * TypeScript, Python and Rust name a module by its file, so they ignore this option.
   */
  readonly name?: string;
}

export const TYPES_LANGUAGES: readonly TypesLanguage[] = ['ts', 'python', 'go', 'java', 'csharp', 'php', 'rust'];

const GENERATED_LANGUAGE: Readonly<Record<TypesLanguage, GeneratedLanguage>> = {
  ts: 'typescript', python: 'python', go: 'go', java: 'java', csharp: 'csharp', php: 'php', rust: 'rust',
};

/** The source file of typed constants and body types for `catalog` in `language`. */
export function typesFile(catalog: Catalog, language: TypesLanguage, options: TypesFileOptions): string {
  const model = typesModel(catalog);
  const header = generatedHeader(GENERATED_LANGUAGE[language], { catalog: options.catalogPath, hash: catalogHash(catalog), kind: `types ${language}` });
  const body = EMITTERS[language](model, options.name);
  return `${header}\n${body.join('\n').trimEnd()}\n`;
}

/**
 * The name the file gives each code's constant, by code, in catalog order: the member of
 * `ErrorCode` (TypeScript, Python, Java, PHP, Rust), of `ErrorCodes` (C#), or the package-level
 * constant (Go). Tests and commands use it to write code against a generated file.
 */
export function codeConstantNames(catalog: Catalog, language: TypesLanguage): ReadonlyMap<string, string> {
  return NAMING[language](typesModel(catalog)).codes;
}

// ---------------------------------------------------------------------------------------------
// The model: the codes, and the envelope's body as a tree of object types

type ScalarKind = 'code' | 'status' | 'string' | 'integer' | 'number' | 'boolean' | 'json';

/** What a member of the body holds. `json` is any JSON value: a literal null, a mixed array, a structured extra member. */
type Shape =
  | { readonly kind: ScalarKind }
  | { readonly kind: 'array'; readonly item: Shape }
  | { readonly kind: 'map'; readonly value: Shape }
  | { readonly kind: 'object'; readonly type: ObjectType };

interface Member {
  /** The JSON key, exactly as the envelope writes it. */
  readonly key: string;
  readonly shape: Shape;
  readonly optional: boolean;
  /** For a member the envelope does not name but codes carry (sent beside the code): those codes. */
  readonly carriedBy?: readonly string[];
}

/** A step from an object to a nested one: a member's key, an array's item, a map's value. */
type PathStep = { readonly key: string } | 'item' | 'value';

interface ObjectType {
  readonly path: readonly PathStep[];
  /** The type's name before any language's rules: `ErrorBody` and its path (`ErrorBodyErrorDetailsItem`). */
  readonly baseName: string;
  readonly members: Member[];
}

interface TypesModel {
  readonly catalog: Catalog;
  readonly codes: readonly CodeEntry[];
  readonly root: ObjectType;
  /** Every object type, the root first, each before the types nested in it. */
  readonly types: readonly ObjectType[];
}

const ROOT_TYPE = 'ErrorBody';

function typesModel(catalog: Catalog): TypesModel {
  const codes = [...catalog.codes.values()];
  const optional = new Set(catalog.envelope.optional);
  const template = catalog.envelope.body;
  const types: ObjectType[] = [];

  const objectType = (node: Readonly<Record<string, unknown>>, path: readonly PathStep[]): ObjectType => {
    const type: ObjectType = { path, baseName: ROOT_TYPE + path.map(stepName).join(''), members: [] };
    types.push(type);
    for (const [key, value] of Object.entries(node)) {
      type.members.push({ key, shape: shapeOf(value, [...path, { key }]), optional: optional.has(key) });
    }
    return type;
  };

  const shapeOf = (node: unknown, path: readonly PathStep[]): Shape => {
    if (typeof node === 'string') {
      const name = wholePlaceholder(node);
      return name === undefined ? { kind: 'string' } : placeholderShape(name, isStringPlaceholder(node), codes);
    }
    if (typeof node === 'number') return { kind: Number.isInteger(node) ? 'integer' : 'number' };
    if (typeof node === 'boolean') return { kind: 'boolean' };
    if (Array.isArray(node)) {
      if (node.length === 0) return { kind: 'array', item: { kind: 'json' } };
      // The envelope shows one item for the shape of all of them (bodies are compared by their first item),
      // unless its items are of different JSON types (`[1, "two"]`): then they are any JSON values.
      if (new Set(node.map(jsonTypeOf)).size > 1) return { kind: 'array', item: { kind: 'json' } };
      if (node.every((item) => typeof item === 'number')) return { kind: 'array', item: valueShape(node) };
      return { kind: 'array', item: shapeOf(node[0], [...path, 'item']) };
    }
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      // A placeholder key (`"${field}": "${fieldMessage}"`) stands for any number of keys: a map.
      if (entries.some(([key]) => collectPlaceholders(key).size > 0)) {
        return { kind: 'map', value: entries.length === 1 ? shapeOf(entries[0][1], [...path, 'value']) : { kind: 'json' } };
      }
      return { kind: 'object', type: objectType(node as Record<string, unknown>, path) };
    }
    return { kind: 'json' };
  };

  const root = objectType(template, []);

  // Members that codes carry but the envelope does not name are sent beside the code (`retryAfter`
  // in `error`), as renderBody puts them. They are optional, because only those codes send them.
  const named = collectPlaceholders(template);
  collectKeys(template, named);
  const holder = objectAtPath(root, codeHolderPath(template) ?? []) ?? root;
  const extras = new Map<string, { values: unknown[]; codes: string[] }>();
  for (const entry of codes) {
    for (const [name, value] of Object.entries(entry.members)) {
      if (named.has(name)) continue;
      const extra = extras.get(name) ?? { values: [], codes: [] };
      extras.set(name, extra);
      extra.values.push(value);
      extra.codes.push(entry.code);
    }
  }
  for (const [key, { values, codes: carriedBy }] of extras) holder.members.push({ key, shape: valueShape(values), optional: true, carriedBy });

  return { catalog, codes, root, types };
}

function stepName(step: PathStep): string {
  if (step === 'item') return 'Item';
  if (step === 'value') return 'Value';
  return pascalCase(wordsOf(step.key)) || 'Member';
}

/** A template value's JSON type, a whole placeholder counting as the type it stands for. */
function jsonTypeOf(node: unknown): string {
  if (node === null) return 'null';
  if (Array.isArray(node)) return 'array';
  const name = wholePlaceholder(node);
  if (name !== undefined) return name === 'status' && !isStringPlaceholder(node) ? 'number' : 'string';
  return typeof node;
}

function collectKeys(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectKeys(item, into);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      into.add(key);
      collectKeys(value, into);
    }
  }
}

/** The object type at a path of the envelope (keys, and ARRAY_ITEM for an array's item). */
function objectAtPath(root: ObjectType, path: readonly string[]): ObjectType | undefined {
  let shape: Shape = { kind: 'object', type: root };
  for (const step of path) {
    if (shape.kind === 'object') {
      const member: Member | undefined = shape.type.members.find((m) => m.key === step);
      if (!member) return undefined;
      shape = member.shape;
    } else if (shape.kind === 'array' && step === ARRAY_ITEM) {
      shape = shape.item;
    } else {
      return undefined;
    }
  }
  return shape.kind === 'object' ? shape.type : undefined;
}

/**
 * The type of a placeholder: `${code}` is a code, `${status}` a status. The other placeholders are
 * strings, except where every value the body can get for them is of one other JSON type (a
 * `${retryAfter}` filled with 60 or 42 is an integer). Those values are the defaults and what codes
 * carry, the same values renderBody uses. `${name:string}` is always a string.
 */
function placeholderShape(name: string, alwaysString: boolean, codes: readonly CodeEntry[]): Shape {
  if (name === 'code') return { kind: 'code' };
  if (alwaysString) return { kind: 'string' };
  if (name === 'status') return { kind: 'status' };
  if (name === 'title' || name === 'message') return { kind: 'string' };
  const values = [
    ...(Object.hasOwn(DEFAULT_VALUES, name) ? [DEFAULT_VALUES[name]] : []),
    ...codes.flatMap((entry) => (Object.hasOwn(entry.members, name) ? [entry.members[name]] : [])),
  ];
  return values.length === 0 ? { kind: 'string' } : valueShape(values);
}

/** The one JSON type of some values, or any JSON value when they differ or are structured. */
function valueShape(values: readonly unknown[]): Shape {
  if (values.every((v) => typeof v === 'string')) return { kind: 'string' };
  if (values.every((v) => typeof v === 'boolean')) return { kind: 'boolean' };
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return { kind: values.every((v) => Number.isInteger(v)) ? 'integer' : 'number' };
  return { kind: 'json' };
}

/** Where in the body an object type sits, for its doc comment: `the body`, `error.details[]` of the body. */
function typeDescription(type: ObjectType, catalog: Catalog): string {
  if (type.path.length === 0) return `An error response's body (${docText(catalog.envelope.contentType)}).`;
  let where = '';
  for (const step of type.path) {
    if (step === 'item') where += '[]';
    else if (step === 'value') where += '.*';
    else where += where === '' ? step.key : `.${step.key}`;
  }
  return `The \`${docText(where)}\` member of an error response's body.`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** What a member the envelope does not name is, for its doc comment. */
function carriedDescription(member: Member): string | undefined {
  if (!member.carriedBy) return undefined;
  const shown = member.carriedBy.slice(0, 5).map((code) => `\`${docText(code)}\``).join(', ');
  const more = member.carriedBy.length > 5 ? ` and ${member.carriedBy.length - 5} more` : '';
  return `Sent with ${shown}${more}.`;
}

// ---------------------------------------------------------------------------------------------
// Names

/**
 * The words of a name: runs of ASCII letters and digits. A run is split where a lower-case
 * letter or a digit meets a capital (`invalidToken`, `HTTPServer`). Accents are dropped
 * (`é` becomes `e`), and every other character separates words.
 */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

const capitalized = (word: string) => word[0].toUpperCase() + word.slice(1).toLowerCase();

function upperSnakeCase(words: readonly string[]): string {
  return words.map((word) => word.toUpperCase()).join('_');
}

function pascalCase(words: readonly string[], initialisms?: ReadonlySet<string>): string {
  return words.map((word) => (initialisms?.has(word.toUpperCase()) ? word.toUpperCase() : capitalized(word))).join('');
}

function camelCase(words: readonly string[]): string {
  const pascal = pascalCase(words);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

function snakeCase(words: readonly string[]): string {
  return words.map((word) => word.toLowerCase()).join('_');
}

/** Go writes initialisms in one case (`InvalidAPIKey`, `RequestID`): golint's list. */
const GO_INITIALISMS: ReadonlySet<string> = new Set(('ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS QPS RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM XML XMPP XSRF XSS').split(' '));

/**
 * Unique names for a list of wanted names, in order. A name that is free and not reserved stays as
 * it is. Each name that collides gets the first free numeric suffix, in list order. Two passes, so
 * that `a-b` keeps `A_B` even when a later `a_b` wants it, and a name like `A_B_2` that a later
 * code owns is not taken from it by a suffix.
 */
function uniqueNames(wanted: readonly string[], reserved: Iterable<string>, suffix: (name: string, n: number) => string, fold: (name: string) => string = (name) => name): string[] {
  const taken = new Set([...reserved].map(fold));
  const names: (string | undefined)[] = wanted.map(() => undefined);
  wanted.forEach((name, i) => {
    if (taken.has(fold(name))) return;
    taken.add(fold(name));
    names[i] = name;
  });
  return wanted.map((name, i) => {
    const own = names[i];
    if (own !== undefined) return own;
    let n = 2;
    while (taken.has(fold(suffix(name, n)))) n++;
    taken.add(fold(suffix(name, n)));
    return suffix(name, n);
  });
}

const underscoreSuffix = (name: string, n: number) => `${name}_${n}`;
const plainSuffix = (name: string, n: number) => `${name}${n}`;
const lowerFold = (name: string) => name.toLowerCase();

/** A code's constant name in UPPER_SNAKE (`NOTFOUND_404`), with `CODE_` before one that would start with a digit (`CODE_42_BAD`). */
function upperCodeName(code: string): string {
  const name = upperSnakeCase(wordsOf(code));
  return name === '' ? 'CODE' : /^\d/.test(name) ? `CODE_${name}` : name;
}

/** A code's constant name in PascalCase (`Notfound404`), with `Code` before one that would start with a digit or be a reserved word. */
function pascalCodeName(code: string, unusable: (name: string) => boolean = () => false, initialisms?: ReadonlySet<string>): string {
  const name = pascalCase(wordsOf(code), initialisms);
  return name === '' ? 'Code' : /^\d/.test(name) || unusable(name) ? `Code${name}` : name;
}

interface Naming {
  /** Each code's constant name, by code. */
  readonly codes: ReadonlyMap<string, string>;
  /** Each object type's name. */
  readonly types: ReadonlyMap<ObjectType, string>;
}

function naming(model: TypesModel, typeReserved: Iterable<string>, wantedCodeNames: readonly string[], codeReserved: (types: readonly string[]) => Iterable<string>, suffix: (name: string, n: number) => string, fold?: (name: string) => string): Naming {
  const typeNames = uniqueNames(model.types.map((type) => type.baseName), typeReserved, plainSuffix, fold);
  const codeNames = uniqueNames(wantedCodeNames, codeReserved(typeNames), suffix, fold);
  return {
    codes: new Map(model.codes.map((entry, i) => [entry.code, codeNames[i]])),
    types: new Map(model.types.map((type, i) => [type, typeNames[i]])),
  };
}

const NAMING: Readonly<Record<TypesLanguage, (model: TypesModel) => Naming>> = {
  // Object members and enum members: no language name can clash with them.
  ts: (model) => naming(model, ['ErrorCode', 'ERROR_STATUS'], model.codes.map((c) => upperCodeName(c.code)), () => [], underscoreSuffix),
  python: (model) => naming(model, ['ErrorCode', 'ERROR_STATUS', 'Enum', 'TypedDict', 'Any', 'Dict', 'List'], model.codes.map((c) => upperCodeName(c.code)), () => [], underscoreSuffix),
  // One package scope holds the constants, the types and the status map.
  go: (model) => naming(model, ['ErrorCode', 'ErrorStatus'], model.codes.map((c) => pascalCodeName(c.code, undefined, GO_INITIALISMS)), (types) => ['ErrorCode', 'ErrorStatus', ...types], plainSuffix),
  // Enum constants; the file's types are named where the holder class's name is known (javaFile).
  java: (model) => naming(model, ['ErrorCode'], model.codes.map((c) => upperCodeName(c.code)), () => [], underscoreSuffix),
  // Constants may not be named as their class, nor hide the types the class itself names.
  csharp: (model) => naming(model, ['ErrorCodes'], model.codes.map((c) => pascalCodeName(c.code)), () => ['ErrorCodes', 'Statuses', 'System', 'Obsolete', 'ObsoleteAttribute', 'IReadOnlyDictionary', 'Dictionary'], plainSuffix),
  // PHP reserves `class` as a constant name in any case (`Foo::class`); class names ignore case.
  php: (model) => naming(model, ['ErrorCode'], model.codes.map((c) => pascalCodeName(c.code, (name) => name.toLowerCase() === 'class')), () => [], plainSuffix, lowerFold),
  // `Self` is a keyword, and cannot even be a raw identifier.
  rust: (model) => naming(model, ['ErrorCode'], model.codes.map((c) => pascalCodeName(c.code, (name) => name === 'Self')), () => [], plainSuffix),
};

/** Member names for one object's keys, unique within it: `toName` proposes, collisions get suffixes. */
function memberNames(members: readonly Member[], toName: (key: string) => string, reserved: Iterable<string> = [], suffix = plainSuffix): string[] {
  return uniqueNames(members.map((member) => toName(member.key)), reserved, suffix);
}

// ---------------------------------------------------------------------------------------------
// Comments

const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Characters that make text display in another order than it is read by a compiler. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Catalog text as one line of comment text. Line terminators and other control characters
 * (a comment that ends at a line break could otherwise end early) become spaces. Bidirectional
 * controls are dropped (rustc rejects them in comments), and unpaired surrogates, which a UTF-8
 * file cannot hold, become U+FFFD. Each comment syntax then escapes its own closer.
 */
function docText(text: string): string {
  return text.replace(LINE_BREAKING, ' ').replace(BIDI_CONTROLS, '').replace(LONE_SURROGATE, '\ufffd').replace(/\s+/g, ' ').trim();
}

/** A code's one-line description: its title (else its message, else the code) and its status. */
function codeSummary(entry: CodeEntry): string {
  const title = docText(entry.title ?? entry.message ?? entry.code).replace(/\.$/, '');
  return `${title} (${entry.status}).`;
}

/** A deprecated code's note, with `refer` naming its replacement as the language writes it; undefined for a code in use. */
function deprecationNote(entry: CodeEntry, refer: (replacement: string) => string): string | undefined {
  if (!entry.deprecated) return undefined;
  const given = typeof entry.deprecated === 'string' ? docText(entry.deprecated) : '';
  const reason = given === '' || /[.!?]$/.test(given) ? given : `${given}.`;
  const replacement = entry.replacedBy ? `Use ${refer(entry.replacedBy)} instead.` : '';
  return [reason, replacement].filter((part) => part !== '').join(' ');
}

/**
 * `/** … *\/` doc comment lines: text cannot close the comment early, since every `*\/` in it is
 * broken. One line of text makes a one-line comment unless `multiline` is set.
 */
function blockComment(lines: readonly string[], indent: string, escape: (text: string) => string = (text) => text, multiline = false): string[] {
  const safe = lines.map((line) => escape(line).replace(/\*\//g, '*\\/'));
  if (safe.length === 1 && !multiline) return [`${indent}/** ${safe[0]} */`];
  return [`${indent}/**`, ...safe.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`];
}

/** `// …`, `# …` or `/// …` lines, which end at the line's end: docText has already removed line breaks. */
function lineComment(lines: readonly string[], indent: string, marker: string): string[] {
  return lines.map((line) => (line === '' ? `${indent}${marker}` : `${indent}${marker} ${line}`));
}

/** Javadoc is HTML, and javac reads `\uXXXX` escapes even inside comments: a backslash is written as its HTML entity, so none is left to start one. */
const javadocText = (text: string) => escapeXml(text).replace(/\\/g, '&#92;');

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---------------------------------------------------------------------------------------------
// String literals

/** Characters written as an escape in every string literal: controls, line and paragraph separators, bidirectional controls. */
const INVISIBLE = /^[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]$/;

function escapeInvisible(escaped: string, unicodeEscape: (codeUnit: number) => string): string {
  let out = '';
  for (const character of escaped) out += INVISIBLE.test(character) ? unicodeEscape(character.charCodeAt(0)) : character;
  return out;
}

const hex4 = (codeUnit: number) => `\\u${codeUnit.toString(16).padStart(4, '0')}`;

/** A TypeScript string literal in single quotes (the project's own style). */
function tsString(text: string): string {
  return `'${escapeInvisible(escapeString(text, 'javascript'), hex4)}'`;
}

/**
 * A Python literal. The language server's constant index reads `\"` and `\\` in Python strings
 * as two characters each, so that a code holding them would not be read as itself. The literal
 * therefore takes the quote its text lacks, and writes a quote and backslashes that are left as
 * `\x22` and `\x5c`, which both Python and the index read right.
 */
function pythonString(text: string): string {
  const quote = text.includes('"') && !text.includes("'") ? "'" : '"';
  const escaped = doubleQuoted(text, 'python').slice(1, -1).replace(/\\(.)/g, (sequence, character: string) => {
    if (character === '\\') return '\\x5c';
    if (character === '"') return quote === '"' ? '\\x22' : '"';
    return sequence;
  });
  return `${quote}${escaped}${quote}`;
}

/**
 * A double-quoted literal with JSON's escapes (`\"`, `\\`, `\n`, `\uXXXX`), which Python, Java, C#
 * and Go all read. Go only reads UTF-8, which has no unpaired surrogates, so its literal holds
 * U+FFFD in their place.
 */
function doubleQuoted(text: string, language: 'python' | 'java' | 'csharp' | 'go'): string {
  const source = language === 'go' ? text.replace(LONE_SURROGATE, '\ufffd') : text;
  return `"${escapeInvisible(escapeString(source, language === 'go' ? 'go' : 'python'), hex4)}"`;
}

/**
 * A PHP literal: single-quoted, where only `\\` and `\'` are escapes and `$` is plain text. A string
 * with invisible characters is double-quoted instead, so that they can be escaped, and there `$`
 * is escaped so that it cannot start an interpolation.
 */
function phpString(text: string): string {
  if (![...text].some((character) => INVISIBLE.test(character))) return `'${escapeString(text, 'php')}'`;
  let out = '';
  for (const character of text) {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', $: '\\$', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    out += named[character] ?? (INVISIBLE.test(character) ? `\\u{${character.charCodeAt(0).toString(16)}}` : character);
  }
  return `"${out}"`;
}

/** A Rust literal. Rust has no `\b`, `\f` or `\uXXXX`, only `\u{…}`, and no unpaired surrogates, so they become U+FFFD. */
function rustString(text: string): string {
  let out = '';
  for (const character of text.replace(LONE_SURROGATE, '\ufffd')) {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    out += named[character] ?? (INVISIBLE.test(character) ? `\\u{${character.charCodeAt(0).toString(16)}}` : character);
  }
  return `"${out}"`;
}

// ---------------------------------------------------------------------------------------------
// The languages

type Emitter = (model: TypesModel, name: string | undefined) => string[];

const EMITTERS: Readonly<Record<TypesLanguage, Emitter>> = {
  ts: typescriptFile,
  python: pythonFile,
  go: goFile,
  java: javaFile,
  csharp: csharpFile,
  php: phpFile,
  rust: rustFile,
};

function catalogLine(catalog: Catalog): string {
  return `${docText(catalog.title)} (\`${docText(catalog.id)}\`)`;
}

/** What `refer` gives for a replacement the catalog does not define: the code itself. */
function referTo(names: ReadonlyMap<string, string>, qualified: (name: string) => string): (code: string) => string {
  return (code) => {
    const name = names.get(code);
    return name === undefined ? `\`${docText(code)}\`` : qualified(name);
  };
}

// --- TypeScript

const TS_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function typescriptFile(model: TypesModel): string[] {
  const { codes, types } = NAMING.ts(model);
  const refer = referTo(codes, (name) => `{@link ErrorCode.${name}}`);
  const typeOf = (shape: Shape): string => {
    switch (shape.kind) {
      case 'code': return 'ErrorCode';
      case 'status':
      case 'integer':
      case 'number': return 'number';
      case 'string': return 'string';
      case 'boolean': return 'boolean';
      case 'json': return 'unknown';
      case 'array': return `${typeOf(shape.item)}[]`;
      case 'map': return `Record<string, ${typeOf(shape.value)}>`;
      case 'object': return types.get(shape.type)!;
    }
  };
  const out = [
    ...blockComment([
      `The error codes of ${catalogLine(model.catalog)}. Compare a response's code with \`ErrorCode.NAME\`,`,
      'not with a string, so that a typo or a removed code fails to compile.',
    ], ''),
    'export const ErrorCode = {',
  ];
  model.codes.forEach((entry, i) => {
    const deprecated = deprecationNote(entry, refer);
    // A blank line between entries keeps a deprecation note out of the lines the index reads above the next one.
    if (i > 0) out.push('');
    out.push(...blockComment(deprecated === undefined ? [codeSummary(entry)] : [codeSummary(entry), `@deprecated${deprecated ? ` ${deprecated}` : ''}`], '  '));
    out.push(`  ${codes.get(entry.code)}: ${tsString(entry.code)},`);
  });
  out.push(
    '} as const;',
    '',
    '/** One of the catalog\'s error codes, as a response carries it. */',
    'export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];',
    '',
    '/** The HTTP status each code is sent with. */',
    'export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {',
    ...model.codes.map((entry) => `  [ErrorCode.${codes.get(entry.code)}]: ${entry.status},`),
    '};',
  );
  for (const type of model.types) {
    out.push('', ...blockComment([typeDescription(type, model.catalog)], ''), `export interface ${types.get(type)} {`);
    for (const member of type.members) {
      const carried = carriedDescription(member);
      if (carried) out.push(...blockComment([carried], '  '));
      const key = TS_IDENTIFIER.test(member.key) ? member.key : tsString(member.key);
      out.push(`  ${key}${member.optional ? '?' : ''}: ${typeOf(member.shape)};`);
    }
    out.push('}');
  }
  return out;
}

// --- Python

const PYTHON_KEYWORDS: ReadonlySet<string> = new Set(('False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '));

/** A key that can be a TypedDict class field: an ASCII identifier, not a keyword, and not private (`__x` would be name-mangled). */
function isPythonField(key: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(key) && !PYTHON_KEYWORDS.has(key);
}

function pythonFile(model: TypesModel): string[] {
  const { codes, types } = NAMING.python(model);
  const refer = referTo(codes, (name) => `ErrorCode.${name}`);
  const used = new Set<string>();
  const typeOf = (shape: Shape): string => {
    switch (shape.kind) {
      case 'code': return 'ErrorCode';
      case 'status':
      case 'integer': return 'int';
      case 'number': return 'float';
      case 'string': return 'str';
      case 'boolean': return 'bool';
      case 'json': used.add('Any'); return 'Any';
      case 'array': used.add('List'); return `List[${typeOf(shape.item)}]`;
      case 'map': return `Dict[str, ${typeOf(shape.value)}]`;
      case 'object': return types.get(shape.type)!;
    }
  };

  const out = [
    ...lineComment([`The error codes of ${catalogLine(model.catalog)}.`], '', '#'),
    'class ErrorCode(str, Enum):',
    '    """The catalog\'s error codes: each member\'s value is the code as a response carries it."""',
    '',
  ];
  model.codes.forEach((entry, i) => {
    const deprecated = deprecationNote(entry, refer);
    // The deprecation note comes first and entries are a blank line apart: the index reads a note in
    // the four lines above a constant, and must not read this one above the next constant.
    if (i > 0) out.push('');
    out.push(...lineComment(deprecated === undefined ? [codeSummary(entry)] : [`Deprecated.${deprecated ? ` ${deprecated}` : ''}`, codeSummary(entry)], '    ', '#:'));
    out.push(`    ${codes.get(entry.code)} = ${pythonString(entry.code)}`);
  });
  out.push(
    ...(model.codes.length > 0 ? [''] : []),
    '    def __str__(self) -> str:',
    '        # The code itself, for str() and f-strings alike on every Python version: a str Enum gives',
    '        # `ErrorCode.NAME` from str(), and from f-strings too since 3.12.',
    '        return str.__str__(self)',
    '',
    '',
    '#: The HTTP status each code is sent with.',
    ...(model.codes.length === 0
      ? ['ERROR_STATUS: Dict[ErrorCode, int] = {}']
      : ['ERROR_STATUS: Dict[ErrorCode, int] = {', ...model.codes.map((entry) => `    ErrorCode.${codes.get(entry.code)}: ${entry.status},`), '}']),
  );

  // Python evaluates annotations as it defines a class: nested types come before the types that use them.
  const definitionNames = new Set([...types.values()]);
  const privateName = (base: string) => {
    let name = `_${base}`;
    while (definitionNames.has(name)) name = `_${name}`;
    definitionNames.add(name);
    return name;
  };
  for (const type of [...model.types].reverse()) {
    const name = types.get(type)!;
    const required = type.members.filter((member) => !member.optional);
    const optional = type.members.filter((member) => member.optional);
    const fields = (members: readonly Member[]) => members.flatMap((member) => {
      const carried = carriedDescription(member);
      return [...(carried ? lineComment([carried], '    ', '#:') : []), `    ${member.key}: ${typeOf(member.shape)}`];
    });
    const functional = (typeName: string, members: readonly Member[], total: boolean) =>
      `${typeName} = TypedDict(${pythonString(typeName)}, {${members.map((m) => `${pythonString(m.key)}: ${typeOf(m.shape)}`).join(', ')}}${total ? '' : ', total=False'})`;
    const description = lineComment([typeDescription(type, model.catalog)], '', '#');
    out.push('', '');
    if (type.members.every((member) => isPythonField(member.key))) {
      if (required.length > 0 && optional.length > 0) {
        // Before Python 3.11 (NotRequired), a TypedDict mixes required and optional keys by inheritance.
        const base = privateName(`${name}Required`);
        out.push(`class ${base}(TypedDict):`, ...fields(required), '', '', ...description, `class ${name}(${base}, total=False):`, ...fields(optional));
      } else {
        out.push(...description, `class ${name}(TypedDict${optional.length > 0 ? ', total=False' : ''}):`, ...(type.members.length > 0 ? fields(type.members) : ['    pass']));
      }
    } else if (required.length > 0 && optional.length > 0) {
      // Keys that are not identifiers need the functional syntax, which has no inheritance: the class joins two.
      const requiredPart = privateName(`${name}Required`);
      const optionalPart = privateName(`${name}Optional`);
      out.push(functional(requiredPart, required, true), functional(optionalPart, optional, false), '', '', ...description, `class ${name}(${requiredPart}, ${optionalPart}):`, '    pass');
    } else {
      out.push(...description, functional(name, type.members, optional.length === 0));
    }
  }

  const typing = ['Any', 'Dict', 'List', 'TypedDict'].filter((name) => name === 'Dict' || name === 'TypedDict' || used.has(name));
  return ['from enum import Enum', `from typing import ${typing.join(', ')}`, '', '', ...out];
}

// --- Go

/** gofmt's alignment: cells padded to their column's widest cell plus one space, the last cell of a row as it is. */
function alignRows(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.slice(0, -1).forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] + 1) : cell)).join(''));
}

/**
 * Lines of cells aligned as gofmt aligns them: in sections that a comment line (a plain string
 * here) ends, since gofmt's tabwriter aligns only consecutive rows of cells.
 */
function alignSections(lines: readonly (string | string[])[], indent: string): string[] {
  const out: string[] = [];
  let section: string[][] = [];
  const flush = () => {
    out.push(...alignRows(section).map((row) => indent + row));
    section = [];
  };
  for (const line of lines) {
    if (typeof line === 'string') {
      flush();
      out.push(line === '' ? '' : indent + line);
    } else {
      section.push(line);
    }
  }
  flush();
  return out;
}

/**
 * The entries of a composite literal, `key: value`, aligned as go/printer's exprList aligns them.
 * Keys of up to 40 characters align; past that, an entry whose key is 2.5 times longer or shorter
 * than the geometric mean of the keys before it starts a new section.
 */
function goKeyValueLines(entries: readonly [string, string][], indent: string): string[] {
  const sections: [string, string][][] = [];
  let lnsum = 0;
  let count = 0;
  let previous = 0;
  entries.forEach(([key, value], i) => {
    const size = key.length;
    let breaks = i === 0;
    if (i > 0 && !(count === 0 || (previous <= 40 && size <= 40))) {
      const ratio = size / Math.exp(lnsum / count);
      breaks = 2.5 * ratio <= 1 || 2.5 <= ratio;
    }
    if (breaks) sections.push([]);
    sections[sections.length - 1].push([`${key}:`, `${value},`]);
    lnsum += Math.log(size);
    count++;
    previous = size;
  });
  return sections.flatMap((section) => alignRows(section).map((row) => indent + row));
}

/** encoding/json ignores a tag name with other characters than these (isValidTag): such a key cannot be a struct tag. */
function isGoJsonTagName(key: string): boolean {
  return key !== '' && [...key].every((c) => '!#$%&()*+-./:;<=>?@[]^_{|}~ '.includes(c) || /^[\p{L}\p{Nd}]$/u.test(c));
}

const GO_PACKAGE = /^[a-z][a-z0-9_]*$/;

function goFile(model: TypesModel, name: string | undefined): string[] {
  const packageName = name ?? 'apierrors';
  if (!GO_PACKAGE.test(packageName) || GO_KEYWORDS.has(packageName)) throw new RangeError(`"${packageName}" is not a Go package name: use lower-case letters, digits and underscores, starting with a letter`);
  const { codes, types } = NAMING.go(model);
  const refer = referTo(codes, (constant) => constant);
  const typeOf = (shape: Shape): string => {
    switch (shape.kind) {
      case 'code': return 'ErrorCode';
      case 'status':
      case 'integer': return 'int';
      case 'number': return 'float64';
      case 'string': return 'string';
      case 'boolean': return 'bool';
      case 'json': return 'any';
      case 'array': return `[]${typeOf(shape.item)}`;
      case 'map': return `map[string]${typeOf(shape.value)}`;
      case 'object': return types.get(shape.type)!;
    }
  };
  const out = [
    // The line Go's tools look for to treat the file as generated (linters skip it, editors warn before editing).
    '// Code generated by error-catalog. DO NOT EDIT.',
    '',
    ...lineComment([`Package ${packageName} holds the error codes of ${catalogLine(model.catalog)} and the types of its error responses.`], '', '//'),
    `package ${packageName}`,
    '',
    '// ErrorCode is one of the catalog\'s error codes, as a response carries it.',
    'type ErrorCode string',
  ];
  if (model.codes.length > 0) {
    const specs: (string | string[])[] = [];
    model.codes.forEach((entry, i) => {
      const constant = codes.get(entry.code)!;
      const deprecated = deprecationNote(entry, refer);
      // A deprecation is a paragraph of its own that starts with `Deprecated:`, as Go tools read it. It
      // comes first and specs are a blank line apart: the index reads a note in the four lines above a
      // constant, and must not read this one above the next constant.
      if (i > 0) specs.push('');
      specs.push(...lineComment(deprecated === undefined ? [`${constant}: ${codeSummary(entry)}`] : [`Deprecated: ${deprecated || 'do not use in new code.'}`, '', `${constant}: ${codeSummary(entry)}`], '', '//'));
      specs.push([constant, 'ErrorCode', `= ${doubleQuoted(entry.code, 'go')}`]);
    });
    out.push('', '// The catalog\'s error codes.', 'const (', ...alignSections(specs, '\t'), ')');
  }
  out.push(
    '',
    '// ErrorStatus is the HTTP status each code is sent with.',
    ...(model.codes.length === 0
      ? ['var ErrorStatus = map[ErrorCode]int{}']
      : ['var ErrorStatus = map[ErrorCode]int{', ...goKeyValueLines(model.codes.map((entry) => [codes.get(entry.code)!, String(entry.status)]), '\t'), '}']),
    '',
    '// Status is the HTTP status the code is sent with, or 0 for a code the catalog does not define.',
    'func (c ErrorCode) Status() int {',
    '\treturn ErrorStatus[c]',
    '}',
  );
  for (const type of model.types) {
    const typeName = types.get(type)!;
    const fields = memberNames(type.members, (key) => {
      const field = pascalCase(wordsOf(key), GO_INITIALISMS);
      return field === '' ? 'Field' : /^\d/.test(field) ? `Field${field}` : field;
    });
    const rows: (string | string[])[] = [];
    type.members.forEach((member, i) => {
      const carried = carriedDescription(member);
      if (carried) rows.push(...lineComment([`${fields[i]} is ${lowerFirst(carried)}`], '', '//'));
      let fieldType = typeOf(member.shape);
      // An optional member that JSON would send as a zero value (0, false, {}) is a pointer, so that absent and zero differ.
      if (member.optional && member.shape.kind !== 'string' && member.shape.kind !== 'code' && member.shape.kind !== 'array' && member.shape.kind !== 'map' && member.shape.kind !== 'json') fieldType = `*${fieldType}`;
      if (isGoJsonTagName(member.key)) {
        rows.push([fields[i], fieldType, `\`json:"${member.key}${member.optional ? ',omitempty' : ''}"\``]);
      } else {
        rows.push(...lineComment([`The JSON key ${JSON.stringify(docText(member.key))} cannot be a struct tag (encoding/json would ignore it): read it from a map.`], '', '//'));
        rows.push([fields[i], fieldType, '`json:"-"`']);
      }
    });
    const description = typeDescription(type, model.catalog);
    out.push('', ...lineComment([`${typeName} is ${lowerFirst(description)}`], '', '//'));
    out.push(...(rows.length === 0 ? [`type ${typeName} struct{}`] : [`type ${typeName} struct {`, ...alignSections(rows, '\t'), '}']));
  }
  return out;
}

const GO_KEYWORDS: ReadonlySet<string> = new Set(('break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var').split(' '));

// --- Java

const JAVA_KEYWORDS: ReadonlySet<string> = new Set(('abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while true false null _ var yield record sealed permits exports module non-sealed open opens provides requires to transitive uses with').split(' '));
/** Record components cannot be named as the methods every record has. */
const JAVA_RECORD_RESERVED = ['clone', 'finalize', 'getClass', 'hashCode', 'notify', 'notifyAll', 'toString', 'wait'];
const JAVA_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function javaName(name: string | undefined): { packageName?: string; className: string } {
  const qualified = name ?? 'ApiErrors';
  const parts = qualified.split('.');
  if (!parts.every((part) => JAVA_IDENTIFIER.test(part) && !JAVA_KEYWORDS.has(part))) throw new RangeError(`"${qualified}" is not a Java class name (with its package, like com.example.ApiErrors)`);
  const className = parts[parts.length - 1];
  return parts.length > 1 ? { packageName: parts.slice(0, -1).join('.'), className } : { className };
}

function javaFile(model: TypesModel, name: string | undefined): string[] {
  const { packageName, className } = javaName(name);
  // The holder class encloses every type, so none of them may be named as it.
  const typeNames = uniqueNames(model.types.map((type) => type.baseName), [className, 'ErrorCode', 'String', 'Object', 'List', 'Map', 'Optional', 'Long', 'Integer', 'Double', 'Boolean'], plainSuffix);
  const types = new Map(model.types.map((type, i) => [type, typeNames[i]]));
  const { codes } = NAMING.java(model);
  const refer = referTo(codes, (constant) => `{@link #${constant}}`);
  const imports = new Set<string>();
  const typeOf = (shape: Shape, boxed: boolean): string => {
    switch (shape.kind) {
      case 'code':
      case 'string': return 'String';
      case 'status': return boxed ? 'Integer' : 'int';
      case 'integer': return boxed ? 'Long' : 'long';
      case 'number': return boxed ? 'Double' : 'double';
      case 'boolean': return boxed ? 'Boolean' : 'boolean';
      case 'json': return 'Object';
      case 'array': imports.add('java.util.List'); return `List<${typeOf(shape.item, true)}>`;
      case 'map': imports.add('java.util.Map'); return `Map<String, ${typeOf(shape.value, true)}>`;
      case 'object': return types.get(shape.type)!;
    }
  };
  const body: string[] = [
    `    private ${className}() {`,
    '    }',
    '',
    ...blockComment(['The catalog\'s error codes, each with the code a response carries and the HTTP status it is sent with.'], '    '),
    '    public enum ErrorCode {',
  ];
  if (model.codes.length === 0) body.push('        ;');
  model.codes.forEach((entry, i) => {
    const deprecated = deprecationNote(entry, refer);
    // Three-line comments a blank line apart keep `@Deprecated` out of the four lines the index reads above the next constant.
    if (i > 0) body.push('');
    body.push(...blockComment(deprecated === undefined ? [codeSummary(entry)] : [codeSummary(entry), '', `@deprecated ${deprecated || 'Do not use in new code.'}`], '        ', javadocText, true));
    if (deprecated !== undefined) body.push('        @Deprecated');
    body.push(`        ${codes.get(entry.code)}(${doubleQuoted(entry.code, 'java')}, ${entry.status})${i === model.codes.length - 1 ? ';' : ','}`);
  });
  imports.add('java.util.Optional');
  body.push(
    '',
    '        private final String code;',
    '        private final int status;',
    '',
    '        ErrorCode(String code, int status) {',
    '            this.code = code;',
    '            this.status = status;',
    '        }',
    '',
    '        /** The code as a response carries it. */',
    '        public String code() {',
    '            return code;',
    '        }',
    '',
    '        /** The HTTP status the code is sent with. */',
    '        public int status() {',
    '            return status;',
    '        }',
    '',
    '        /** The constant for a code as a response carries it, if the catalog defines the code. */',
    '        public static Optional<ErrorCode> fromCode(String code) {',
    '            for (ErrorCode value : values()) {',
    '                if (value.code.equals(code)) {',
    '                    return Optional.of(value);',
    '                }',
    '            }',
    '            return Optional.empty();',
    '        }',
    '    }',
  );
  for (const type of model.types) {
    const components = memberNames(type.members, (key) => {
      if (JAVA_IDENTIFIER.test(key) && !key.includes('$') && !JAVA_KEYWORDS.has(key)) return key;
      const camel = camelCase(wordsOf(key));
      return camel === '' || /^\d/.test(camel) || JAVA_KEYWORDS.has(camel) ? `member${pascalCase(wordsOf(key))}` : camel;
    }, JAVA_RECORD_RESERVED);
    // Records have no annotations here (they would need a JSON library): a component named other than its key says so.
    const params = type.members.flatMap((member, i) => {
      const notes = [
        ...(components[i] !== member.key ? [`the JSON member "${docText(member.key)}"`] : []),
        ...(member.shape.kind === 'code' ? ['one of the ErrorCode codes (ErrorCode.fromCode)'] : []),
        ...(member.optional ? ['null when the body does not carry it'] : []),
        ...(member.carriedBy ? [lowerFirst(carriedDescription(member)!)] : []),
      ];
      return notes.length > 0 ? [`@param ${components[i]} ${notes.join('; ')}`] : [];
    });
    const signature = type.members.map((member, i) => `${typeOf(member.shape, member.optional)} ${components[i]}`);
    body.push('', ...blockComment(params.length > 0 ? [typeDescription(type, model.catalog), '', ...params] : [typeDescription(type, model.catalog)], '    ', javadocText));
    if (signature.length === 0) body.push(`    public record ${types.get(type)}() {`);
    else body.push(`    public record ${types.get(type)}(`, ...signature.map((component, i) => `            ${component}${i < signature.length - 1 ? ',' : ') {'}`));
    body.push('    }');
  }
  return [
    ...(packageName ? [`package ${packageName};`, ''] : []),
    ...[...imports].sort().map((imported) => `import ${imported};`),
    '',
    ...blockComment([`The error codes of ${catalogLine(model.catalog)} and the types of its error responses.`], '', javadocText),
    `public final class ${className} {`,
    ...body,
    '}',
  ];
}

// --- C#

const CSHARP_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function csharpFile(model: TypesModel, name: string | undefined): string[] {
  const namespace = name ?? 'ApiErrors';
  if (!namespace.split('.').every((part) => CSHARP_IDENTIFIER.test(part) && !C_SHARP_KEYWORDS.has(part))) throw new RangeError(`"${namespace}" is not a C# namespace`);
  const { codes, types } = NAMING.csharp(model);
  const refer = referTo(codes, (constant) => constant);
  const typeOf = (shape: Shape, optional: boolean): string => {
    const nullable = optional ? '?' : '';
    switch (shape.kind) {
      case 'code':
      case 'string': return 'string';
      case 'status': return `int${nullable}`;
      case 'integer': return `long${nullable}`;
      case 'number': return `double${nullable}`;
      case 'boolean': return `bool${nullable}`;
      case 'json': return 'object';
      case 'array': return `List<${typeOf(shape.item, false)}>`;
      case 'map': return `Dictionary<string, ${typeOf(shape.value, false)}>`;
      case 'object': return types.get(shape.type)!;
    }
  };
  const summary = (text: string, indent: string) => [`${indent}/// <summary>${escapeXml(text)}</summary>`];
  const anyDeprecated = model.codes.some((entry) => entry.deprecated);
  const out = [
    // What Roslyn looks for to treat the file as generated: analyzers skip it, and nullable warnings are off in it.
    '// <auto-generated />',
    '',
    'using System;',
    'using System.Collections.Generic;',
    'using System.Text.Json.Serialization;',
    '',
    `namespace ${namespace}`,
    '{',
    ...summary(`The error codes of ${catalogLine(model.catalog)}, as a response carries them.`, '    '),
    '    public static class ErrorCodes',
    '    {',
  ];
  for (const entry of model.codes) {
    const deprecated = deprecationNote(entry, refer);
    // A summary of three lines keeps `[Obsolete]` out of the four lines the index reads above the next constant.
    out.push('        /// <summary>', `        /// ${escapeXml(codeSummary(entry))}`, '        /// </summary>');
    if (deprecated !== undefined) out.push(`        [Obsolete(${doubleQuoted(deprecated || 'Do not use in new code.', 'csharp')})]`);
    out.push(`        public const string ${codes.get(entry.code)} = ${doubleQuoted(entry.code, 'csharp')};`, '');
  }
  out.push(
    ...summary('The HTTP status each code is sent with.', '        '),
    // The map names the deprecated codes too, and that use is no news to anyone.
    ...(anyDeprecated ? ['#pragma warning disable 618'] : []),
    '        public static readonly IReadOnlyDictionary<string, int> Statuses = new Dictionary<string, int>',
    '        {',
    ...model.codes.map((entry) => `            [${codes.get(entry.code)}] = ${entry.status},`),
    '        };',
    ...(anyDeprecated ? ['#pragma warning restore 618'] : []),
    '    }',
  );
  for (const type of model.types) {
    const typeName = types.get(type)!;
    // A property may not be named as its class, nor hide a type or attribute the class names.
    const properties = memberNames(type.members, (key) => {
      const property = pascalCase(wordsOf(key));
      return property === '' ? 'Member' : /^\d/.test(property) ? `Member${property}` : property;
    }, [typeName, 'List', 'Dictionary', 'JsonPropertyName', 'JsonPropertyNameAttribute', 'JsonIgnore', 'JsonIgnoreAttribute', 'JsonIgnoreCondition', 'System']);
    out.push('', ...summary(typeDescription(type, model.catalog), '    '), `    public sealed class ${typeName}`, '    {');
    type.members.forEach((member, i) => {
      if (i > 0) out.push('');
      const carried = carriedDescription(member);
      if (carried) out.push(...summary(carried, '        '));
      out.push(`        [JsonPropertyName(${doubleQuoted(member.key, 'csharp')})]`);
      if (member.optional) out.push('        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]');
      out.push(`        public ${typeOf(member.shape, member.optional)} ${properties[i]} { get; set; }`);
    });
    out.push('    }');
  }
  out.push('}');
  return out;
}

// --- PHP

const PHP_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function phpFile(model: TypesModel, name: string | undefined): string[] {
  const namespace = name?.replace(/\./g, '\\');
  if (namespace !== undefined && !namespace.split('\\').every((part) => PHP_IDENTIFIER.test(part))) throw new RangeError(`"${name}" is not a PHP namespace`);
  const { codes, types } = NAMING.php(model);
  const refer = referTo(codes, (constant) => `ErrorCode::${constant}`);
  const typeOf = (shape: Shape): string => {
    switch (shape.kind) {
      case 'code':
      case 'string': return 'string';
      case 'status':
      case 'integer': return 'int';
      case 'number': return 'float';
      case 'boolean': return 'bool';
      case 'json': return 'mixed';
      case 'array':
      case 'map': return 'array';
      case 'object': return types.get(shape.type)!;
    }
  };
  /** The type static analysers read from a docblock, for the arrays PHP's own types cannot describe. */
  const docType = (shape: Shape): string => {
    if (shape.kind === 'array') return `list<${docType(shape.item)}>`;
    if (shape.kind === 'map') return `array<string, ${docType(shape.value)}>`;
    return typeOf(shape);
  };
  /** The expression that turns a decoded JSON value into the member's type. */
  const decode = (shape: Shape, value: string): string => {
    if (shape.kind === 'object') return `${types.get(shape.type)}::fromArray(${value})`;
    if (shape.kind === 'array' || shape.kind === 'map') {
      const inner = shape.kind === 'array' ? shape.item : shape.value;
      const converted = decode(inner, '$item');
      return converted === '$item' ? value : `array_map(static fn ($item) => ${converted}, ${value})`;
    }
    return value;
  };

  const out = ['declare(strict_types=1);', ''];
  if (namespace !== undefined) out.push(`namespace ${namespace};`, '');
  out.push(...blockComment([`The error codes of ${catalogLine(model.catalog)}, as a response carries them.`], ''), 'enum ErrorCode: string', '{');
  for (const entry of model.codes) {
    const deprecated = deprecationNote(entry, refer);
    out.push(...blockComment(deprecated === undefined ? [codeSummary(entry)] : [codeSummary(entry), '', `@deprecated ${deprecated}`.trimEnd()], '    '));
    out.push(`    case ${codes.get(entry.code)} = ${phpString(entry.code)};`, '');
  }
  out.push(
    '    /** The HTTP status the code is sent with. */',
    '    public function status(): int',
    '    {',
    ...(model.codes.length === 0
      ? ['        return 0;']
      : ['        return match ($this) {', ...model.codes.map((entry) => `            self::${codes.get(entry.code)} => ${entry.status},`), '        };']),
    '    }',
    '}',
  );
  for (const type of model.types) {
    const typeName = types.get(type)!;
    const properties = memberNames(type.members, (key) => {
      if (PHP_IDENTIFIER.test(key) && key !== 'this') return key;
      const camel = camelCase(wordsOf(key));
      return camel === '' || /^\d/.test(camel) ? `member${pascalCase(wordsOf(key))}` : camel;
    }, ['this']);
    // Optional parameters (with their null default) come after the required ones, as PHP wants.
    const order = type.members.map((member, i) => ({ member, property: properties[i] }));
    const parameters = [...order.filter(({ member }) => !member.optional), ...order.filter(({ member }) => member.optional)];
    const paramDocs = parameters.flatMap(({ member, property }) => {
      const notes = [
        ...(property !== member.key ? [`the JSON member ${JSON.stringify(docText(member.key))}`] : []),
        ...(member.shape.kind === 'code' ? ['one of the ErrorCode values (ErrorCode::tryFrom)'] : []),
        ...(member.carriedBy ? [lowerFirst(carriedDescription(member)!)] : []),
      ];
      const typed = member.shape.kind === 'array' || member.shape.kind === 'map';
      return typed || notes.length > 0 ? [`@param ${docType(member.shape)}${member.optional && member.shape.kind !== 'json' ? '|null' : ''} $${property}${notes.length > 0 ? ` ${notes.join('; ')}` : ''}`] : [];
    });
    out.push('', ...blockComment([typeDescription(type, model.catalog)], ''), `final class ${typeName} implements \\JsonSerializable`, '{');
    if (parameters.length > 0) {
      if (paramDocs.length > 0) out.push(...blockComment(paramDocs, '    '));
      out.push('    public function __construct(');
      for (const { member, property } of parameters) {
        const phpType = typeOf(member.shape);
        // `mixed` already holds null and cannot be marked nullable.
        const declared = member.optional && phpType !== 'mixed' ? `?${phpType}` : phpType;
        out.push(`        public readonly ${declared} $${property}${member.optional ? ' = null' : ''},`);
      }
      out.push('    ) {', '    }', '');
    }
    out.push(
      '    /** @param array<string, mixed> $data the decoded body or member (json_decode($json, true)) */',
      '    public static function fromArray(array $data): self',
      '    {',
    );
    if (parameters.length === 0) {
      out.push('        return new self();');
    } else {
      out.push('        return new self(');
      for (const { member } of parameters) {
        const value = `$data[${phpString(member.key)}]`;
        const decoded = decode(member.shape, value);
        out.push(`            ${!member.optional ? decoded : decoded === value ? `${value} ?? null` : `isset(${value}) ? ${decoded} : null`},`);
      }
      out.push('        );');
    }
    out.push(
      '    }',
      '',
      '    /** The member as JSON writes it: an object even when empty, without the optional members that are null. */',
      '    public function jsonSerialize(): mixed',
      '    {',
      '        $data = [];',
    );
    type.members.forEach((member, i) => {
      const value = member.shape.kind === 'map' ? `(object) $this->${properties[i]}` : `$this->${properties[i]}`;
      const assignment = `$data[${phpString(member.key)}] = ${value};`;
      if (member.optional) out.push(`        if ($this->${properties[i]} !== null) {`, `            ${assignment}`, '        }');
      else out.push(`        ${assignment}`);
    });
    out.push('        return (object) $data;', '    }', '}');
  }
  return out;
}

// --- Rust

const RUST_KEYWORDS: ReadonlySet<string> = new Set(('as async await break const continue crate dyn else enum extern false fn for gen if impl in let loop match mod move mut pub ref return self Self static struct super trait true try type unsafe use where while abstract become box do final macro override priv typeof unsized virtual yield').split(' '));
/** Keywords that cannot be raw identifiers either. */
const RUST_NOT_RAW: ReadonlySet<string> = new Set(['crate', 'self', 'Self', 'super']);

function rustField(key: string): string {
  const words = wordsOf(key);
  const snake = snakeCase(words);
  if (snake === '') return 'member';
  if (/^\d/.test(snake)) return `member_${snake}`;
  if (RUST_NOT_RAW.has(snake)) return `${snake}_`;
  return RUST_KEYWORDS.has(snake) ? `r#${snake}` : snake;
}

/** An array literal as rustfmt lays it out: on its line while it is at most 60 wide (and the line at most 100), else one item a line. */
function rustArray(before: string, items: readonly string[], after: string, indent: string): string[] {
  const inline = `[${items.join(', ')}]`;
  if (inline.length <= 60 && before.length + inline.length + after.length <= 100) return [`${before}${inline}${after}`];
  return [`${before}[`, ...items.map((item) => `${indent}    ${item},`), `${indent}]${after}`];
}

function rustFile(model: TypesModel): string[] {
  const { codes, types } = NAMING.rust(model);
  const refer = referTo(codes, (variant) => `ErrorCode::${variant}`);
  const uses = new Set(['serde::{Deserialize, Deserializer, Serialize, Serializer}']);
  let holdsAnyJson = false;
  const typeOf = (shape: Shape): string => {
    switch (shape.kind) {
      case 'code':
      case 'string': return 'String';
      case 'status': return 'u16';
      case 'integer': return 'i64';
      case 'number': return 'f64';
      case 'boolean': return 'bool';
      case 'json': holdsAnyJson = true; return 'serde_json::Value';
      case 'array': return `Vec<${typeOf(shape.item)}>`;
      case 'map': uses.add('std::collections::BTreeMap'); return `BTreeMap<String, ${typeOf(shape.value)}>`;
      case 'object': return types.get(shape.type)!;
    }
  };
  const variant = (entry: CodeEntry) => `ErrorCode::${codes.get(entry.code)}`;
  const matchArms = (arm: (entry: CodeEntry) => string) => (model.codes.length === 0 ? ['        match self {}'] : ['        match self {', ...model.codes.map((entry) => `            ${arm(entry)}`), '        }']);
  const out = [
    ...lineComment(['The catalog\'s error codes. A response\'s code is written and read as the code\'s string (`as_str`, `from_code`).'], '', '///'),
    '#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]',
    model.codes.length === 0 ? 'pub enum ErrorCode {}' : 'pub enum ErrorCode {',
  ];
  for (const entry of model.codes) {
    const deprecated = deprecationNote(entry, refer);
    out.push(...lineComment([codeSummary(entry)], '    ', '///'));
    if (deprecated !== undefined) out.push(deprecated ? `    #[deprecated(note = ${rustString(deprecated)})]` : '    #[deprecated]');
    out.push(`    ${codes.get(entry.code)},`);
  }
  if (model.codes.length > 0) out.push('}');
  out.push(
    '',
    // The crate's own mentions of deprecated variants are not uses to warn about.
    '#[allow(deprecated)]',
    'impl ErrorCode {',
    '    /// Every code, in the catalog\'s order.',
    ...rustArray(`    pub const ALL: [ErrorCode; ${model.codes.length}] = `, model.codes.map(variant), ';', '    '),
    '',
    '    /// The code as a response carries it.',
    '    pub const fn as_str(self) -> &\'static str {',
    ...matchArms((entry) => `${variant(entry)} => ${rustString(entry.code)},`),
    '    }',
    '',
    '    /// The HTTP status the code is sent with.',
    '    pub const fn status(self) -> u16 {',
    ...matchArms((entry) => `${variant(entry)} => ${entry.status},`),
    '    }',
    '',
    '    /// The constant for a code as a response carries it, if the catalog defines the code.',
    '    pub fn from_code(code: &str) -> Option<ErrorCode> {',
    '        match code {',
    ...model.codes.map((entry) => `            ${rustString(entry.code)} => Some(${variant(entry)}),`),
    '            _ => None,',
    '        }',
    '    }',
    '}',
    '',
    'impl std::fmt::Display for ErrorCode {',
    '    fn fmt(&self, f: &mut std::fmt::Formatter<\'_>) -> std::fmt::Result {',
    '        f.write_str(self.as_str())',
    '    }',
    '}',
    '',
    // By hand rather than derived: serde's derive warns about deprecated variants in the crate that defines them.
    'impl Serialize for ErrorCode {',
    '    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {',
    '        serializer.serialize_str(self.as_str())',
    '    }',
    '}',
    '',
    'impl<\'de> Deserialize<\'de> for ErrorCode {',
    '    fn deserialize<D: Deserializer<\'de>>(deserializer: D) -> Result<Self, D::Error> {',
    '        let code = String::deserialize(deserializer)?;',
    '        let unknown = || serde::de::Error::custom(format!("unknown error code {code:?}"));',
    '        ErrorCode::from_code(&code).ok_or_else(unknown)',
    '    }',
    '}',
  );
  for (const type of model.types) {
    const fields = memberNames(type.members, rustField, [], underscoreSuffix);
    out.push('', ...lineComment([typeDescription(type, model.catalog)], '', '///'), '#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]');
    if (type.members.length === 0) {
      out.push(`pub struct ${types.get(type)} {}`);
      continue;
    }
    out.push(`pub struct ${types.get(type)} {`);
    type.members.forEach((member, i) => {
      const carried = carriedDescription(member);
      if (carried) out.push(...lineComment([carried], '    ', '///'));
      if (fields[i].replace(/^r#/, '') !== member.key) out.push(`    #[serde(rename = ${rustString(member.key)})]`);
      if (member.optional) out.push('    #[serde(default, skip_serializing_if = "Option::is_none")]');
      out.push(`    pub ${fields[i]}: ${member.optional ? `Option<${typeOf(member.shape)}>` : typeOf(member.shape)},`);
    });
    out.push('}');
  }
  return [
    ...lineComment([`The error codes of ${catalogLine(model.catalog)} and the types of its error responses.`], '', '//!'),
    ...lineComment([holdsAnyJson ? 'Needs the crates serde (with its `derive` feature) and serde_json.' : 'Needs the crate serde, with its `derive` feature.'], '', '//!'),
    '',
    ...[...uses].sort().map((used) => `use ${used};`),
    '',
    ...out,
  ];
}
