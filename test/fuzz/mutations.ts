/**
 * Malformed catalogs: the built-in catalogs, in YAML and converted to JSON, with one to four
 * random mutations (byte flips, truncation, lines duplicated, deleted or swapped, indentation
 * changed, values of another type, huge numbers, odd Unicode, byte-order marks, CRLF, NUL bytes,
 * stray punctuation, lines of another catalog). Some cases are equivalent rewritings instead
 * (a byte-order mark, CRLF line ends, minified JSON), whose catalog must load exactly as the
 * original does.
 */
import type { Content, FuzzCase } from './fuzzCase';
import { fixed, QUICK, type Family } from './family';
import { Random } from './random';
import { seedCatalogs, type SeedCatalog } from './seeds';

type Mutation = (bytes: Buffer, random: Random) => Buffer;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A text mutation, on the bytes decoded as UTF-8 (bytes already broken stay broken as U+FFFD). */
function onText(mutate: (text: string, random: Random) => string): Mutation {
  return (bytes, random) => Buffer.from(mutate(bytes.toString('utf8'), random), 'utf8');
}

function onLines(mutate: (lines: string[], random: Random) => void): Mutation {
  return onText((text, random) => {
    const lines = text.split('\n');
    mutate(lines, random);
    return lines.join('\n');
  });
}

function insertAt(text: string, random: Random, insert: string): string {
  const at = random.below(text.length + 1);
  return text.slice(0, at) + insert + text.slice(at);
}

/** Replaces one random match of a pattern. */
function replaceOne(text: string, pattern: RegExp, random: Random, replacement: (match: string) => string): string {
  const matches = [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))];
  if (matches.length === 0) return text;
  const match = random.pick(matches);
  const at = match.index ?? 0;
  return text.slice(0, at) + replacement(match[0]) + text.slice(at + match[0].length);
}

const YAML_VALUES = ['42', '-1', '"429"', '[a, b]', '{a: 1}', 'null', '~', 'true', "''", '{}', '[]', '!!binary aGVsbG8=', '&x value', '*x', '|', '>-', '- item', '"${code}"', '${code}', '0x1F', '.nan', '2025-01-01', '!custom tag', '? complex'];
const JSON_VALUES = ['42', '-1', '"429"', '["a", "b"]', '{"a": 1}', 'null', 'true', '""', '{}', '[]', '[[[]]]', '{"a": {"b": {}}}', '"${code}"', '1e400', '-0', '"\\ud800"', '"\\u0000"'];
const NUMBERS = ['1e309', '99999999999999999999999', '-0', '0x1F', '1.5', 'NaN', '.inf', '-.inf', '4.29e2', '1_000', '0o777', '9007199254740993', '-429', '4294967296', '0.0000001'];
const ODD_UNICODE = ['\u202e', '\u200b', '\ufeff', '\u2028', '\u2029', '\u0085', 'e\u0301', '\u{1d54f}', '\u{1f600}', '\uffff', '\ufffd', 'ＡＢＣ', 'ق', '\u00a0', '\u180e', '\u{e0001}', 'İ', 'ß'];
const PUNCTUATION = ['"', "'", '{', '[', '}', ']', ':', '- ', '#', '&', '*', '!', '|', '>', '%', '@', '`', ',', '?', '\t', '\\', '${', '}}'];

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  'byte-flip': (bytes, random) => {
    const copy = Buffer.from(bytes);
    if (copy.length > 0) copy[random.below(copy.length)] ^= 1 << random.below(8);
    return copy;
  },
  truncate: (bytes, random) => bytes.subarray(0, random.below(bytes.length + 1)),
  'duplicate-line': onLines((lines, random) => {
    const line = lines[random.below(lines.length)];
    lines.splice(random.below(lines.length + 1), 0, line);
  }),
  'delete-line': onLines((lines, random) => { lines.splice(random.below(lines.length), 1); }),
  'swap-lines': onLines((lines, random) => {
    const a = random.below(lines.length);
    const b = random.below(lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
  }),
  indent: onLines((lines, random) => {
    const i = random.below(lines.length);
    const change = random.pick(['add', 'remove', 'tab']);
    lines[i] = change === 'add' ? ' '.repeat(random.int(1, 5)) + lines[i] : change === 'remove' ? lines[i].replace(/^ {1,4}/, '') : `\t${lines[i].trimStart()}`;
  }),
  'type-swap': onText((text, random) => text.trimStart().startsWith('{')
    ? replaceOne(text, /: ("[^"\n]*"|-?\d[\d.eE+-]*|true|false|null|\[\]|\{\})/, random, () => `: ${random.pick(JSON_VALUES)}`)
    : replaceOne(text, /: [^\n]+$/m, random, () => `: ${random.pick(YAML_VALUES)}`)),
  'huge-number': onText((text, random) => replaceOne(text, /\b\d+\b/, random, () => random.pick(NUMBERS))),
  'odd-unicode': onText((text, random) => insertAt(text, random, random.pick(ODD_UNICODE))),
  bom: (bytes, random) => {
    const at = random.chance(0.5) ? 0 : random.below(bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), BOM, bytes.subarray(at)]);
  },
  crlf: onText((text, random) => (random.chance(0.5) ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, () => random.pick(['\n', '\r\n', '\r'])))),
  nul: (bytes, random) => {
    const at = random.below(bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(random.int(1, 4)), bytes.subarray(at)]);
  },
  punctuation: onText((text, random) => insertAt(text, random, random.pick(PUNCTUATION))),
  'foreign-lines': onLines((lines, random) => {
    const other = random.pick(seedCatalogs()).yaml.split('\n');
    const from = random.below(other.length);
    lines.splice(random.below(lines.length + 1), 0, ...other.slice(from, from + random.int(1, 12)));
  }),
  'key-typo': onText((text, random) => replaceOne(text, /^\s*"?[A-Za-z_]+"?:/m, random, (key) => {
    const at = random.int(1, Math.max(2, key.length - 1));
    return key.slice(0, at) + random.pick(['', 'x', '_', 's']) + key.slice(at + 1);
  })),
};

interface Rewriting {
  readonly name: string;
  readonly format: 'yaml' | 'json';
  readonly rewrite: (seed: SeedCatalog) => Buffer;
  readonly because: string;
}

/** Rewritings that change the bytes of a catalog but not the catalog. */
const EQUIVALENT: readonly Rewriting[] = [
  { name: 'as JSON', format: 'json', rewrite: (seed) => Buffer.from(seed.json), because: 'the same catalog as JSON loads differently from its YAML' },
  { name: 'minified JSON', format: 'json', rewrite: (seed) => Buffer.from(JSON.stringify(JSON.parse(seed.json))), because: 'minified JSON loads differently from the same catalog indented' },
  { name: 'JSON with a byte-order mark', format: 'json', rewrite: (seed) => Buffer.concat([BOM, Buffer.from(seed.json)]), because: 'a JSON catalog with a byte-order mark loads differently from the same catalog without one' },
  { name: 'YAML with a byte-order mark', format: 'yaml', rewrite: (seed) => Buffer.concat([BOM, Buffer.from(seed.yaml)]), because: 'a YAML catalog with a byte-order mark loads differently from the same catalog without one' },
  { name: 'YAML with CRLF', format: 'yaml', rewrite: (seed) => Buffer.from(seed.yaml.replace(/\n/g, '\r\n')), because: 'a YAML catalog with CRLF line ends loads differently from the same catalog with LF' },
  { name: 'JSON with CRLF', format: 'json', rewrite: (seed) => Buffer.from(seed.json.replace(/\n/g, '\r\n')), because: 'a JSON catalog with CRLF line ends loads differently from the same catalog with LF' },
];

/** A file's content as readable text when it is valid UTF-8, else as base64. */
export function contentOf(bytes: Buffer): Content {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : [{ base64: bytes.toString('base64') }];
}

function probeOf(seed: SeedCatalog, random: Random) {
  return { codes: random.sample(seed.codes, 4), statuses: random.sample(seed.statuses, 3) };
}

function equivalentCase(seed: number, rewriting: Rewriting, catalog: SeedCatalog): FuzzCase {
  const random = new Random(seed);
  const path = `api.errors.${rewriting.format}`;
  return {
    family: 'mutation',
    name: `${rewriting.name} ${catalog.name}`,
    seed,
    files: [{ kind: 'file', path, content: contentOf(rewriting.rewrite(catalog)) }],
    steps: [{ do: 'exercise' }],
    probe: probeOf(catalog, random),
    expect: [{ path, codeCount: catalog.codes.length, because: rewriting.because }],
  };
}

function mutatedCase(seed: number): FuzzCase {
  const random = new Random(seed);
  if (random.chance(0.1)) return equivalentCase(seed, random.pick(EQUIVALENT), random.pick(seedCatalogs()));
  const catalog = random.pick(seedCatalogs());
  const format = random.pick(['yaml', 'json'] as const);
  let bytes: Buffer = Buffer.from(format === 'yaml' ? catalog.yaml : catalog.json, 'utf8');
  const names = random.sample(Object.keys(MUTATIONS), random.int(1, 5));
  for (const name of names) bytes = MUTATIONS[name](bytes, random);
  return {
    family: 'mutation',
    name: `${names.join(' + ')} of ${catalog.name}.${format}`,
    seed,
    files: [{ kind: 'file', path: `api.errors.${format === 'json' ? 'json' : random.pick(['yaml', 'yml'])}`, content: contentOf(bytes) }],
    steps: [{ do: 'exercise' }],
    probe: probeOf(catalog, random),
  };
}

/** The connectify catalog's code count is what its equivalent rewritings must keep. */
function connectify(): SeedCatalog {
  return seedCatalogs().find((s) => s.name === 'connectify') ?? seedCatalogs()[0];
}

export const mutationFamily: Family = {
  name: 'mutation',
  about: 'built-in catalogs (YAML and JSON) with random byte, line, value and encoding mutations; equivalent rewritings must load the same',
  fixed: EQUIVALENT.map((rewriting) => fixed((seed) => equivalentCase(seed, rewriting, connectify()), QUICK)),
  random: mutatedCase,
};
