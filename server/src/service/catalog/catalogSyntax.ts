/**
 * One view over a catalog file's syntax, whether it is YAML or JSON: the plain value,
 * the syntax errors, and where any path in the value sits in the text. Validation and
 * navigation work on paths; this file is the only place that knows the two parsers.
 */
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import * as jsonc from 'jsonc-parser';

import { nestingProblem, valueProblem } from './bounds';
import type { OffsetRange } from './model';

export type PathSegment = string | number;

export interface SyntaxError {
  readonly message: string;
  readonly range: OffsetRange;
}

export interface DuplicateKey {
  readonly path: readonly PathSegment[];
  readonly key: string;
  readonly first: OffsetRange;
  readonly duplicate: OffsetRange;
}

export interface CatalogSyntax {
  readonly value: unknown;
  readonly errors: readonly SyntaxError[];
  readonly duplicateKeys: readonly DuplicateKey[];
  /** The range of the value at `path`, or of its key when `part` is 'key'. Falls back to the nearest ancestor. */
  locate(path: readonly PathSegment[], part?: 'key' | 'value'): OffsetRange;
}

export type CatalogFormat = 'yaml' | 'json';

export function catalogFormatOf(uri: string): CatalogFormat {
  return /\.jsonc?$/i.test(uri) ? 'json' : 'yaml';
}

/**
 * Parses a catalog file. Most files are valid, so the value is first read with a fast parser
 * (JSON.parse, js-yaml); the position-keeping parse, several times slower on large catalogs,
 * runs only when the file has a problem to report or when a position is asked for.
 */
export function parseCatalogSyntax(text: string, format: CatalogFormat): CatalogSyntax {
  const refused = refuseUnbounded(text, format);
  if (refused) return refused;
  text = withoutByteOrderMark(text);
  const fullParse = () => parseCatalogSyntaxWithPositions(text, format);
  const value = format === 'json' ? fastJsonValue(text) : fastYamlValue(text);
  if (value === undefined) return fullParse();
  return { value, errors: [], duplicateKeys: [], locate: lazyLocator(text, format, value, fullParse) };
}

/**
 * Where things are in a valid catalog, found when first asked for. The keys of codes and statuses
 * (what definition, rename and the outline ask for, one at a time) come from a scan of the lines
 * of a YAML file, a few milliseconds even for 100,000 codes; anything else, or a file the scan
 * cannot vouch for, from the position-keeping parse, which takes seconds on such a file.
 */
export function lazyLocator(text: string, format: CatalogFormat, value: unknown, fullParse: () => CatalogSyntax): CatalogSyntax['locate'] {
  let full: CatalogSyntax | undefined;
  let keys: Map<string, Map<string, OffsetRange>> | null | undefined;
  return (path, part) => {
    if (part === 'key' && path.length === 2 && (path[0] === 'codes' || path[0] === 'statuses') && format === 'yaml') {
      keys ??= blockKeys(text, value);
      const range = keys?.get(path[0])?.get(String(path[1]));
      if (range) return range;
    }
    return (full ??= fullParse()).locate(path, part);
  };
}

/** A plain or quoted key at the start of a line (after its indentation), up to its `:`. */
const BLOCK_KEY = /^([ ]*)(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}\[\],&*!|>%@`-][^:#\n]*?|-[^\s:#][^:#\n]*?))[ \t]*:(?=[ \t]|\r?$)/;

/**
 * The keys directly under the top-level `codes:` and `statuses:` of a YAML file written in block
 * style, by line: a key of theirs is a line at the indentation of their first child (a scalar or
 * collection nested deeper is always indented more). Null unless every key of the parsed value is
 * found this way, with nothing else at that indentation, so that a file the scan misreads is left
 * to the parser.
 */
function blockKeys(text: string, value: unknown): Map<string, Map<string, OffsetRange>> | null {
  const record = value as Record<string, unknown>;
  const found = new Map<string, Map<string, OffsetRange>>();
  let section: Map<string, OffsetRange> | undefined;
  let childIndent = -1;
  // Lines are read by their indentation first: most lines of a large catalog are deeper than a key and skipped at once.
  for (let lineStart = 0; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let indent = 0;
    while (text.charCodeAt(lineStart + indent) === 32) indent++;
    const first = text[lineStart + indent];
    const skip = lineStart + indent >= lineEnd || first === '#' || first === '\r' || (section !== undefined && childIndent >= 0 && indent > childIndent);
    if (!skip) {
      const content = text.slice(lineStart, lineEnd).replace(/\r$/, '');
      if (indent === 0) {
        const top = /^(codes|statuses)[ \t]*:[ \t]*(?:#.*)?$/.exec(content);
        section = top ? new Map() : undefined;
        if (top) found.set(top[1], section!);
        childIndent = -1;
      } else if (section) {
        if (childIndent < 0) childIndent = indent;
        if (indent < childIndent) return null;
        const key = BLOCK_KEY.exec(content);
        if (!key) return null;
        const name = key[2] !== undefined ? key[2].replace(/\\(.)/g, '$1') : key[3] !== undefined ? key[3].replace(/''/g, "'") : key[4];
        // The key as the parser spans it: a quoted key with its quotes, a plain one without the spaces before `:`.
        const start = lineStart + indent;
        section.set(name, { start, end: start + key[0].slice(indent, -1).trimEnd().length });
      }
    }
    lineStart = lineEnd + 1;
  }
  for (const [name, keys] of found) {
    const members = record[name];
    if (!members || typeof members !== 'object' || Object.keys(members).length !== keys.size) return null;
    for (const key of Object.keys(members)) if (!keys.has(key)) return null;
  }
  return found;
}

/** The position-keeping parse alone (what the fast path falls back to). */
export function parseCatalogSyntaxWithPositions(text: string, format: CatalogFormat): CatalogSyntax {
  const refused = refuseUnbounded(text, format);
  if (refused) return refused;
  text = withoutByteOrderMark(text);
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

/** A byte-order mark read as a space: parsers accept the file, and every offset stays where it was. */
function withoutByteOrderMark(text: string): string {
  // A line break in its place keeps every offset, and YAML's indentation: the first line stays at column 0.
  return text.charCodeAt(0) === 0xfeff ? `\n${text.slice(1)}` : text;
}

/** A catalog nested too deeply for any parser to read it safely, as a syntax error where the nesting goes too far. */
function refuseUnbounded(text: string, format: CatalogFormat): CatalogSyntax | undefined {
  const problem = nestingProblem(text, format);
  if (!problem) return undefined;
  const range = { start: problem.offset, end: Math.min(text.length, problem.offset + 1) };
  return { value: undefined, errors: [{ message: problem.message, range }], duplicateKeys: [], locate: () => range };
}

/** The value of a YAML file without positions, or undefined when only the full parse can say what is wrong. */
function fastYamlValue(text: string): unknown {
  // Anchors and aliases go through the full parse, which bounds how far they expand. They can
  // only open a node: at a line's start, after `key:`, `- `, `? `, a tag, or in a flow collection
  // (so `bytes */length` in prose is not one).
  // A flow mapping may put a value right after the colon (`{"a":&a [...]}`), so a colon needs no space after it here.
  if ((text.includes('&') || text.includes('*')) && /(?:^[ \t]*|:[ \t]*|[?-][ \t]+|[[{,][ \t]*|![^\s]*[ \t]+)[&*][^\s,\]}]/m.test(text)) return undefined;
  try {
    // The core schema matches the full parser's YAML 1.2 reading: timestamps stay strings, no merge keys.
    // js-yaml rejects duplicate keys, which sends those files to the full parse and its precise report.
    const { CORE_SCHEMA, load } = jsYaml();
    return load(text, { schema: CORE_SCHEMA }) ?? null;
  } catch {
    return undefined;
  }
}

/** The value of a strict JSON file with no duplicate keys, or undefined. */
function fastJsonValue(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // comments, trailing commas and real errors: the full parse handles them
  }
  // JSON.parse keeps the last of duplicate keys silently: the full parse reports them where they are.
  return mayHaveDuplicateKeys(text, value) ? undefined : value;
}

/**
 * Whether valid JSON text has more keys than the value it parsed to. In valid JSON every key is a
 * string followed by a colon, and a quote not escaped by a backslash always opens or closes a
 * string: so counting such quotes followed by a colon counts the keys in the text.
 */
export function mayHaveDuplicateKeys(text: string, value: unknown): boolean {
  return keyCount(value) !== (text.match(KEY_END)?.length ?? 0);
}

/** A string's closing quote (after an even number of backslashes) followed by a colon: the end of a key. */
const KEY_END = /(?<!\\)(?:\\\\)*"\s*:/g;

/** The keys of every object in a parsed JSON value. */
function keyCount(value: unknown): number {
  if (Array.isArray(value)) {
    let count = 0;
    for (const item of value) count += keyCount(item);
    return count;
  }
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  for (const key in value) count += 1 + keyCount((value as Record<string, unknown>)[key]);
  return count;
}

const wholeFile = (text: string): OffsetRange => ({ start: 0, end: Math.min(text.length, 1) });

let fastYaml: typeof import('js-yaml') | undefined;

/** The fast YAML parser, loaded on first use: a server whose catalogs come from its cache never needs it. */
function jsYaml(): typeof import('js-yaml') {
  fastYaml ??= require('js-yaml') as typeof import('js-yaml');
  return fastYaml;
}

let yaml: typeof import('yaml') | undefined;

/** The position-keeping YAML parser, loaded on first use: valid catalogs never need it. */
export function yamlLibrary(): typeof import('yaml') {
  yaml ??= require('yaml') as typeof import('yaml');
  return yaml;
}

function parseYaml(text: string): CatalogSyntax {
  const { isMap, isScalar, isSeq, parseDocument } = yamlLibrary();
  // Duplicate keys are reported by our own pass, with a message that names the first definition.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true });
  const errors: SyntaxError[] = doc.errors.map((e) => ({
    message: yamlMessage(e.message),
    range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) },
  }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      // Aliases are expanded a bounded number of times: a catalog is untrusted input.
      value = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      errors.push({ message: `This file cannot be read: ${(error as Error).message}. Remove the anchors and aliases (\`&name\`, \`*name\`) and write the values out.`, range: wholeFile(text) });
    }
    // Aliases can make a value contain itself, or repeat far beyond the text's own size.
    const problem = errors.length === 0 && text.includes('*') ? valueProblem(value, Math.max(100_000, 4 * text.length)) : undefined;
    if (problem) {
      errors.push({ message: problem, range: firstAlias(doc) ?? wholeFile(text) });
      value = undefined;
    }
  }
  const duplicateKeys: DuplicateKey[] = [];
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (isMap(node)) {
      const seen = new Map<string, OffsetRange>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
        if (key === undefined) continue;
        const range = rangeOfYaml(keyNode);
        const first = seen.get(key);
        if (first && range) duplicateKeys.push({ path, key, first, duplicate: range });
        else if (range) seen.set(key, range);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    }
  };
  visit(doc.contents, []);
  // Maps are indexed by key on first use: locating every code of a large catalog stays linear.
  const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string) => {
    let index = pairIndex.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
      pairIndex.set(map, index);
    }
    return index.get(key);
  };
  const locate = (path: readonly PathSegment[], part: 'key' | 'value' = 'value'): OffsetRange => {
    let node: unknown = doc.contents;
    let best = rangeOfYaml(node) ?? wholeFile(text);
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = pairOf(node, String(segment));
        if (!pair) return best;
        const keyRange = rangeOfYaml(pair.key);
        if (last && part === 'key' && keyRange) return keyRange;
        node = pair.value;
        best = rangeOfYaml(node) ?? keyRange ?? best;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        best = rangeOfYaml(node) ?? best;
      } else {
        return best;
      }
    }
    return best;
  };
  return { value, errors, duplicateKeys, locate };
}

/** Where the document's first alias is, to point at when aliases are the problem. */
function firstAlias(doc: import('yaml').Document): OffsetRange | undefined {
  let found: OffsetRange | undefined;
  yamlLibrary().visit(doc, {
    Alias(_key, node) {
      found = rangeOfYaml(node);
      return yamlLibrary().visit.BREAK;
    },
  });
  return found;
}

function rangeOfYaml(node: unknown): OffsetRange | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const { isAlias, isMap, isScalar, isSeq } = yamlLibrary();
  if (!(isScalar(node) || isMap(node) || isSeq(node) || isAlias(node))) return undefined;
  const range = (node as YamlNode).range;
  if (!range) return undefined;
  // For collections the value end (range[1]) excludes trailing comments and blank lines.
  return { start: range[0], end: Math.max(range[1], range[0] + 1) };
}

function yamlMessage(message: string): string {
  // The yaml library appends a code frame after a colon and newline; the diagnostic's range already shows where.
  const firstLine = message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
  return `${firstLine}. Check the indentation and quoting here: quote strings that contain \`: \`, \`#\`, \`{\` or \`}\` (for example \`code: "\${code}"\` inside \`{ }\`).`;
}

function parseJson(text: string): CatalogSyntax {
  const parseErrors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  const errors: SyntaxError[] = parseErrors.map((e) => ({
    message: jsonMessage(e.error),
    range: { start: e.offset, end: e.offset + Math.max(e.length, 1) },
  }));
  const value = root && errors.length === 0 ? jsonc.getNodeValue(root) : undefined;
  const duplicateKeys: DuplicateKey[] = [];
  const visit = (node: jsonc.Node | undefined, path: PathSegment[]): void => {
    if (!node) return;
    if (node.type === 'object') {
      const seen = new Map<string, OffsetRange>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const range = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
        const first = seen.get(key);
        if (first) duplicateKeys.push({ path, key, first, duplicate: range });
        else seen.set(key, range);
        visit(valueNode, [...path, key]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, index) => visit(child, [...path, index]));
    }
  };
  visit(root, []);
  const propertyIndex = new WeakMap<jsonc.Node, Map<string, jsonc.Node>>();
  const propertyOf = (object: jsonc.Node, key: string) => {
    let index = propertyIndex.get(object);
    if (!index) {
      index = new Map();
      for (const property of object.children ?? []) {
        const name = property.children?.[0]?.value;
        if (typeof name === 'string' && !index.has(name)) index.set(name, property);
      }
      propertyIndex.set(object, index);
    }
    return index.get(key);
  };
  const locate = (path: readonly PathSegment[], part: 'key' | 'value' = 'value'): OffsetRange => {
    let node = root;
    let best: OffsetRange = root ? { start: root.offset, end: root.offset + root.length } : wholeFile(text);
    for (let i = 0; i < path.length && node; i++) {
      const segment = path[i];
      if (node.type === 'object') {
        const property = propertyOf(node, String(segment));
        if (!property) return best;
        const [keyNode, valueNode] = property.children ?? [];
        if (i === path.length - 1 && part === 'key' && keyNode) {
          return { start: keyNode.offset, end: keyNode.offset + keyNode.length };
        }
        node = valueNode;
      } else if (node.type === 'array' && typeof segment === 'number') {
        node = node.children?.[segment];
      } else {
        return best;
      }
      if (node) best = { start: node.offset, end: node.offset + node.length };
    }
    return best;
  };
  return { value, errors, duplicateKeys, locate };
}

function jsonMessage(code: jsonc.ParseErrorCode): string {
  switch (code) {
    case jsonc.ParseErrorCode.CommaExpected: return 'Expected a comma here: separate members and array items with `,`.';
    case jsonc.ParseErrorCode.ColonExpected: return 'Expected a colon here: write members as `"name": value`.';
    case jsonc.ParseErrorCode.PropertyNameExpected: return 'Expected a member name in double quotes, e.g. `"status"`.';
    case jsonc.ParseErrorCode.ValueExpected: return 'Expected a value here: a string in double quotes, a number, true, false, null, an object or an array.';
    case jsonc.ParseErrorCode.CloseBraceExpected: return 'Expected `}` to close this object.';
    case jsonc.ParseErrorCode.CloseBracketExpected: return 'Expected `]` to close this array.';
    case jsonc.ParseErrorCode.EndOfFileExpected: return 'Unexpected text after the end of the catalog: a catalog file holds one JSON object.';
    case jsonc.ParseErrorCode.UnexpectedEndOfString: return 'This string is not closed: add the closing `"`.';
    case jsonc.ParseErrorCode.UnexpectedEndOfComment: return 'This comment is not closed: add `*/`.';
    case jsonc.ParseErrorCode.InvalidEscapeCharacter: return 'Invalid escape in this string: use `\\\\`, `\\"`, `\\n`, `\\t` or `\\uXXXX`.';
    default: return `Invalid JSON here (${jsonc.printParseErrorCode(code)}).`;
  }
}
