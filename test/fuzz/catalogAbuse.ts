/**
 * Catalogs crafted to hurt: nesting thousands of levels deep, recursive and exponential YAML
 * aliases, sizes from megabytes to a 150 MB sparse file, other encodings, keys named like
 * Object.prototype members, and Markdown, HTML and odd URLs in every text field.
 */
import { appearingCase, bufferCase, catalogCase, ENVELOPE_YAML, nested, quoted, yamlCatalog, yamlCode } from './crafted';
import type { Content, FuzzCase, Piece } from './fuzzCase';
import { fixed, QUICK, QUICK_SLOW, SLOW, type Family } from './family';
import { Random } from './random';

// ---- depth ----

type Container = 'arrays' | 'objects';
type Place = 'members' | 'body';

/** How the server comes to read a catalog: found when the folder opens, announced as created later, or typed in an open buffer. */
type Arrival = 'found' | 'created' | 'buffer';

interface DepthShape {
  readonly format: 'json' | 'yaml';
  readonly place: Place;
  readonly kind: Container;
  readonly depth: number;
  readonly closed: boolean;
  readonly arrival: Arrival;
}

const ARRIVAL_NAMES: Readonly<Record<Arrival, string>> = { found: '', created: ', created while the server runs', buffer: ', open in the editor' };

/** The case for a catalog that arrives one way or another. */
function arriving(family: string, name: string, seed: number, arrival: Arrival, path: string, content: Content, codes: readonly string[]): FuzzCase {
  const described = `${name}${ARRIVAL_NAMES[arrival]}`;
  if (arrival === 'buffer') return bufferCase(family, described, seed, path, content, codes);
  if (arrival === 'created') return appearingCase(family, described, seed, { kind: 'file', path, content }, codes);
  return catalogCase(family, described, seed, path, content, codes);
}

const DEEP_CODE = 'DEEP_CODE';
const JSON_HEAD = '{"id":"deep","title":"Deep API","envelope":{"body":{"error":{"code":"${code}","message":"${message}"}';

function deepCatalog(shape: DepthShape): Content {
  const nest = nested(shape.kind, shape.depth, shape.closed);
  if (shape.format === 'json') {
    if (!shape.closed) return [JSON_HEAD, '}},"codes":{"DEEP_CODE":{"status":400,"members":{"deep":', ...nest];
    return shape.place === 'body'
      ? [JSON_HEAD, ',"deep":', ...nest, `}},"codes":{"${DEEP_CODE}":{"status":400,"title":"Deep code"}}}`]
      : [JSON_HEAD, `}},"codes":{"${DEEP_CODE}":{"status":400,"title":"Deep code","members":{"deep":`, ...nest, '}}}}'];
  }
  const head = ['id: deep', 'title: Deep API', ENVELOPE_YAML].join('\n');
  const codes = `\ncodes:\n${yamlCode(DEEP_CODE, 400, '    title: Deep code')}\n`;
  // YAML flow collections nest the same way JSON does.
  return shape.place === 'body'
    ? [head, '\n    deep: ', ...nest, codes]
    : [head, codes, '    members:\n      deep: ', ...nest, '\n'];
}

function depthCase(seed: number, shape: DepthShape): FuzzCase {
  const name = `${shape.depth} nested ${shape.kind}${shape.closed ? '' : ' left open'} in ${shape.place} (${shape.format})`;
  return arriving('depth', name, seed, shape.arrival, `deep.errors.${shape.format}`, deepCatalog(shape), [DEEP_CODE]);
}

const shape = (format: DepthShape['format'], place: Place, kind: Container, depth: number, closed = true, arrival: Arrival = 'found'): DepthShape => ({ format, place, kind, depth, closed, arrival });

export const depthFamily: Family = {
  name: 'depth',
  about: 'JSON and YAML nested thousands of levels deep in members and envelope.body, closed or left open, on disk or in an open buffer',
  fixed: [
    fixed((seed) => depthCase(seed, shape('json', 'members', 'arrays', 10_000)), QUICK),
    fixed((seed) => depthCase(seed, shape('json', 'members', 'objects', 10_000))),
    fixed((seed) => depthCase(seed, shape('json', 'body', 'arrays', 10_000)), QUICK),
    fixed((seed) => depthCase(seed, shape('json', 'members', 'arrays', 10_000, false)), QUICK),
    fixed((seed) => depthCase(seed, shape('yaml', 'members', 'arrays', 10_000)), QUICK),
    fixed((seed) => depthCase(seed, shape('yaml', 'body', 'objects', 10_000))),
    fixed((seed) => depthCase(seed, shape('json', 'members', 'objects', 3_000)), QUICK),
    fixed((seed) => depthCase(seed, shape('json', 'members', 'arrays', 10_000, true, 'buffer')), QUICK),
    fixed((seed) => depthCase(seed, shape('json', 'members', 'arrays', 10_000, true, 'created')), QUICK_SLOW),
    fixed((seed) => depthCase(seed, shape('yaml', 'body', 'arrays', 10_000, false, 'created')), SLOW),
  ],
  random: (seed) => {
    const random = new Random(seed);
    return depthCase(seed, shape(random.pick(['json', 'yaml']), random.pick(['members', 'body']), random.pick(['arrays', 'objects']),
      random.pick([300, 1_000, 2_000, 3_000, 5_000, 10_000, 30_000]), random.chance(0.8), random.pick(['found', 'created', 'buffer'])));
  },
};

// ---- aliases ----

/** Flow-style maps whose every level aliases the previous one `width` times: `width ** levels` leaves. */
export function aliasBomb(levels: number, width: number, spaced: boolean): string {
  const colon = spaced ? ': ' : ':';
  const keys = (make: (i: number) => string) => Array.from({ length: width }, (_, i) => make(i)).join(',');
  const parts = [`"l0"${colon}&l0 {${keys((i) => `"x${i}"${colon}"lol"`)}}`];
  for (let level = 1; level < levels; level++) parts.push(`"l${level}"${colon}&l${level} {${keys((i) => `"k${i}"${colon}*l${level - 1}`)}}`);
  return `{${parts.join(',')}}`;
}

const ALIAS_CODE = 'ALIAS_CODE';

function aliasCase(seed: number, name: string, text: string, arrival: Arrival = 'found'): FuzzCase {
  return arriving('alias', name, seed, arrival, 'alias.errors.yaml', text, [ALIAS_CODE]);
}

const RECURSIVE_ENVELOPE = ['id: alias', 'title: Alias API', 'envelope: &e { body: { error: { code: "${code}" } }, self: *e }', 'codes:', yamlCode(ALIAS_CODE, 400), ''].join('\n');
const RECURSIVE_BODY = ['id: alias', 'title: Alias API', 'envelope:', '  body: &b { error: { code: "${code}" }, self: *b }', 'codes:', yamlCode(ALIAS_CODE, 400), ''].join('\n');
const CYCLIC_MEMBERS = yamlCatalog(yamlCode(ALIAS_CODE, 400, '    members: &m { self: *m }'), { id: 'alias' });

const bombInMembers = (levels: number, width: number, spaced: boolean) =>
  yamlCatalog(yamlCode(ALIAS_CODE, 400, `    members: ${aliasBomb(levels, width, spaced)}`), { id: 'alias' });

export const aliasFamily: Family = {
  name: 'alias',
  about: 'recursive YAML aliases (an envelope or body that contains itself, cyclic members, lists and codes) and flow-style alias bombs, found, created or typed',
  fixed: [
    fixed((seed) => aliasCase(seed, 'a recursive envelope', RECURSIVE_ENVELOPE)),
    fixed((seed) => aliasCase(seed, 'a recursive envelope', RECURSIVE_ENVELOPE, 'created'), QUICK_SLOW),
    fixed((seed) => aliasCase(seed, 'a recursive envelope', RECURSIVE_ENVELOPE, 'buffer')),
    fixed((seed) => aliasCase(seed, 'a recursive body', RECURSIVE_BODY), QUICK),
    fixed((seed) => aliasCase(seed, 'a recursive body', RECURSIVE_BODY, 'created'), SLOW),
    fixed((seed) => aliasCase(seed, 'cyclic members', CYCLIC_MEMBERS), QUICK),
    fixed((seed) => aliasCase(seed, 'cyclic members', CYCLIC_MEMBERS, 'buffer')),
    fixed((seed) => aliasCase(seed, 'a flow-style alias bomb in members, 9 levels of 9', bombInMembers(9, 9, false)), QUICK_SLOW),
    fixed((seed) => aliasCase(seed, 'a flow-style alias bomb with spaces, 9 levels of 9', bombInMembers(9, 9, true))),
    fixed((seed) => aliasCase(seed, 'codes that contain themselves', ['id: alias', 'title: Alias API', ENVELOPE_YAML, 'codes: &c', `  ${ALIAS_CODE}: { status: 400, more: *c }`, ''].join('\n'))),
    fixed((seed) => aliasCase(seed, 'a list that contains itself', yamlCatalog(yamlCode(ALIAS_CODE, 400, '    causes: &l [a, *l]'), { id: 'alias' }))),
    fixed((seed) => aliasCase(seed, 'an alias bomb in the envelope body', ['id: alias', 'title: Alias API', 'envelope:', `  body: {"error":{"code":"\${code}"},"bomb":${aliasBomb(8, 10, false)}}`, 'codes:', yamlCode(ALIAS_CODE, 400), ''].join('\n')), SLOW),
  ],
  random: (seed) => {
    // Bombs of up to 100,000 leaves: the fixed 9 levels of 9 shows the hang; these look for the sizes where it starts.
    const random = new Random(seed);
    const width = random.int(2, 11);
    const levels = random.int(2, Math.max(3, Math.floor(Math.log(1e5) / Math.log(width))) + 1);
    return aliasCase(seed, `a flow-style alias bomb, ${levels} levels of ${width}`, bombInMembers(levels, width, random.chance(0.2)), random.pick(['found', 'created', 'buffer']));
  },
};

// ---- sizes ----

const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ';

/** A catalog of `count` codes, each with a description of about `descriptionLength` characters. */
function manyCodes(count: number, descriptionLength = 0): Piece[] {
  const description = descriptionLength > 0 ? `    description: ${LOREM.repeat(Math.ceil(descriptionLength / LOREM.length)).slice(0, descriptionLength)}\n` : '';
  return [['id: many', 'title: Many codes', ENVELOPE_YAML, 'codes:', ''].join('\n'), { each: `  CODE_{i}:\n    status: 404\n    title: Code {i}\n${description}`, times: count }];
}

const LONG_LINE = 1_000_000;

/** A line of one long word (minified code, a base64 blob): nothing on it is a string or a code. */
function longLineCase(seed: number, method: 'textDocument/completion' | 'textDocument/hover'): FuzzCase {
  const line = `const blob = ${'A'.repeat(LONG_LINE)}`;
  return {
    family: 'size',
    name: `${method.slice('textDocument/'.length)} at the end of a ${LONG_LINE / 1_000_000} MB line`,
    seed,
    files: [{ kind: 'file', path: 'api.errors.yaml', content: yamlCatalog(yamlCode('RATE_LIMITED', 429)) }],
    steps: [
      { do: 'open', path: 'src/long.ts', languageId: 'typescript', content: `${line}\n` },
      { do: 'request', method, params: { textDocument: { uri: '%WSURI%/src/long.ts' }, position: { line: 0, character: line.length }, context: { triggerKind: 1 } } },
    ],
  };
}

export const sizeFamily: Family = {
  name: 'size',
  about: 'huge strings, 100,000 codes, a 50 MB catalog and a 150 MB sparse file appearing while the server runs, 1 MB lines, a backtracking code pattern',
  fixed: [
    fixed((seed) => catalogCase('size', 'an 8 MB description', seed, 'huge.errors.yaml', [yamlCatalog(yamlCode('HUGE_TEXT', 400, '    title: Huge')), '    description: ', { repeat: LOREM, times: 70_000 }, '\n'], ['HUGE_TEXT']), SLOW),
    fixed((seed) => catalogCase('size', '100,000 codes', seed, 'many.errors.yaml', manyCodes(100_000), ['CODE_0', 'CODE_50000', 'CODE_99999']), SLOW),
    fixed((seed) => appearingCase('size', 'a 50 MB catalog appears', seed, { kind: 'file', path: 'big.errors.yaml', content: manyCodes(100_000, 460) }, [], { probe: true, exercise: false }), QUICK),
    fixed((seed) => appearingCase('size', 'a 150 MB sparse file named like a catalog appears', seed, { kind: 'sparse', path: 'sparse.errors.yaml', bytes: 150 * 1024 * 1024 }, [], { probe: true, exercise: false }), QUICK),
    fixed((seed) => longLineCase(seed, 'textDocument/completion'), QUICK_SLOW),
    fixed((seed) => longLineCase(seed, 'textDocument/hover'), SLOW),
    fixed((seed) => ({
      family: 'size',
      name: 'a code pattern that backtracks catastrophically',
      seed,
      files: [{ kind: 'file', path: 'api.errors.yaml', content: yamlCatalog(yamlCode('RATE_LIMITED', 429)) }],
      settings: { codePatterns: ['(a+)+$'] },
      steps: [{ do: 'open', path: 'src/app.ts', languageId: 'typescript', content: `// ${'a'.repeat(32)}!\n` }, { do: 'diagnostics', path: 'src/app.ts' }, { do: 'probe' }],
    }), SLOW),
    fixed((seed) => ({
      family: 'size',
      name: '300 small catalogs in nested folders',
      seed,
      files: Array.from({ length: 300 }, (_, i) => ({ kind: 'file' as const, path: `p${i % 10}/m${i}/c${i}.errors.yaml`, content: yamlCatalog(yamlCode(`SMALL_${i}`, 400), { id: `small-${i}` }) })),
      steps: [{ do: 'exercise' }],
      probe: { codes: ['SMALL_0', 'SMALL_299'], statuses: [400] },
    }), SLOW),
  ],
};

// ---- encodings ----

const ENCODED_CODE = 'ENCODED_CODE';
const encodedYaml = (title = 'Encoded code') => yamlCatalog(yamlCode(ENCODED_CODE, 400, `    title: ${quoted(title)}`), { id: 'encoded' });

function bytesCase(seed: number, name: string, bytes: Buffer, path = 'encoded.errors.yaml'): FuzzCase {
  return catalogCase('encoding', name, seed, path, [{ base64: bytes.toString('base64') }], [ENCODED_CODE]);
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return bigEndian ? bytes.swap16() : bytes;
}

/** Text with bytes that are not UTF-8 in its title: a stray continuation byte, 0xFF, an encoded surrogate, an overlong slash. */
function invalidUtf8(): Buffer {
  const [before, after] = encodedYaml('SPLIT_HERE').split('SPLIT_HERE');
  return Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0x80]), Buffer.from(after)]);
}

/** Hover and completion at every column of a line of surrogate pairs, splitting them. */
function surrogateColumnsCase(seed: number): FuzzCase {
  const line = "res.status(429).json({ error: { code: '😀RATE_LIMITED😀𝕏' } });";
  const requests = Array.from({ length: line.length + 1 }, (_, character) => ({
    do: 'request' as const,
    method: character % 2 === 0 ? 'textDocument/hover' : 'textDocument/completion',
    params: { textDocument: { uri: '%WSURI%/src/emoji.ts' }, position: { line: 0, character }, context: { triggerKind: 1 } },
  }));
  return {
    family: 'encoding',
    name: 'hover and completion at every column of a line with surrogate pairs',
    seed,
    files: [{ kind: 'file', path: 'api.errors.yaml', content: yamlCatalog(yamlCode('RATE_LIMITED', 429, "    title: 'Slow 😀 down'")) }],
    steps: [{ do: 'open', path: 'src/emoji.ts', languageId: 'typescript', content: `${line}\n` }, ...requests],
  };
}

export const encodingFamily: Family = {
  name: 'encoding',
  about: 'UTF-16 and UTF-32 catalogs, invalid UTF-8, lone surrogates in open buffers, NUL bytes, Latin-1, positions inside surrogate pairs',
  fixed: [
    fixed((seed) => bytesCase(seed, 'UTF-16LE with a byte-order mark', utf16(encodedYaml(), false)), QUICK),
    fixed((seed) => bytesCase(seed, 'UTF-16BE with a byte-order mark', utf16(encodedYaml(), true))),
    fixed((seed) => bytesCase(seed, 'UTF-16LE JSON', utf16(JSON.stringify({ id: 'encoded', title: 'Encoded', envelope: { body: { code: '${code}' } }, codes: { [ENCODED_CODE]: { status: 400 } } }), false), 'encoded.errors.json')),
    fixed((seed) => bytesCase(seed, 'UTF-32LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...encodedYaml()].map((ch) => { const b = Buffer.alloc(4); b.writeUInt32LE(ch.codePointAt(0) ?? 0); return b; })]))),
    fixed((seed) => bytesCase(seed, 'invalid UTF-8 in a title', invalidUtf8()), QUICK),
    fixed((seed) => bytesCase(seed, 'Latin-1 in a title', Buffer.from(encodedYaml('Café résumé'), 'latin1'))),
    fixed((seed) => bytesCase(seed, 'NUL bytes in a title', Buffer.from(encodedYaml('nul\0here\0')))),
    fixed((seed) => bufferCase('encoding', 'lone surrogates in an open catalog, in a code and a title', seed, 'lone.errors.yaml', yamlCatalog([yamlCode('LONE\udc00CODE', 400, '    title: "A\ud800B"'), yamlCode(ENCODED_CODE, 400, '    title: "\udfff"')].join('\n'), { id: 'lone', title: 'Lone \ud800' }), ['LONE\udc00CODE', ENCODED_CODE]), QUICK),
    fixed((seed) => bufferCase('encoding', 'a JSON catalog with \\u0000 and lone surrogate escapes, open', seed, 'escaped.errors.json', JSON.stringify({ id: 'escaped', title: 'x\u0000y', envelope: { body: { code: '${code}' } }, codes: { 'A\u0000B': { status: 400, title: '\ud800' }, [ENCODED_CODE]: { status: 400 } } }), ['A\u0000B', ENCODED_CODE])),
    fixed(surrogateColumnsCase),
  ],
};

// ---- prototype keys ----

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString'] as const;

function prototypeCodesCase(seed: number, format: 'yaml' | 'json'): FuzzCase {
  const names = [...PROTOTYPE_NAMES, 'hasOwnProperty', 'valueOf'];
  const path = `proto.errors.${format}`;
  const content = format === 'yaml'
    ? yamlCatalog(names.map((name) => yamlCode(name, 400, `    title: Code ${name}`)).join('\n'), { id: 'proto' })
    : `{"id":"proto","title":"Proto","envelope":{"body":{"error":{"code":"\${code}"}}},"codes":{${names.map((name) => `"${name}":{"status":400,"title":"Code ${name}"}`).join(',')}}}`;
  return catalogCase('prototype', `codes named ${names.join(', ')} (${format})`, seed, path, content, names, [400], {
    expect: [{ path, codeCount: names.length, because: 'codes named like Object.prototype members do not load as the codes they are' }],
  });
}

function prototypeReferenceCase(seed: number, field: 'replacedBy' | 'examples[].at', name: string): FuzzCase {
  const path = 'proto.errors.yaml';
  const more = field === 'replacedBy' ? `    deprecated: true\n    replacedBy: ${quoted(name)}` : `    examples:\n      - at: ${quoted(name)}\n        body: { code: OLD_CODE }`;
  return catalogCase('prototype', `${field} naming ${name}`, seed, path, yamlCatalog(yamlCode('OLD_CODE', 400, more), { id: 'proto' }), ['OLD_CODE'], [], {
    expect: [{ path, problem: field === 'replacedBy' ? 'unknown-replacement' : 'bad-example-path', because: `${field} naming an Object.prototype member gets no warning` }],
  });
}

export const prototypeFamily: Family = {
  name: 'prototype',
  about: '__proto__, constructor and toString as codes, members, body keys, optional members, replacedBy and examples[].at; titles that are objects',
  fixed: [
    fixed((seed) => prototypeCodesCase(seed, 'yaml'), QUICK),
    fixed((seed) => prototypeCodesCase(seed, 'json')),
    ...PROTOTYPE_NAMES.map((name) => fixed((seed) => prototypeReferenceCase(seed, 'replacedBy', name), { quick: name !== 'constructor' })),
    ...PROTOTYPE_NAMES.map((name) => fixed((seed) => prototypeReferenceCase(seed, 'examples[].at', name), { quick: name === 'toString' })),
    fixed((seed) => catalogCase('prototype', 'members named __proto__ and constructor', seed, 'proto.errors.yaml', yamlCatalog(yamlCode('PROTO_MEMBERS', 400, '    members: { __proto__: { polluted: true }, constructor: { prototype: 1 }, toString: 1 }'), { id: 'proto' }), ['PROTO_MEMBERS'])),
    fixed((seed) => catalogCase('prototype', 'a JSON body with __proto__ and constructor keys', seed, 'proto.errors.json', '{"id":"proto","title":"Proto","envelope":{"body":{"__proto__":{"code":"${code}"},"constructor":{"x":"${message}"},"error":{"code":"${code}"}}},"codes":{"PROTO_BODY":{"status":400}}}', ['PROTO_BODY'])),
    fixed((seed) => catalogCase('prototype', 'optional members named __proto__ and constructor', seed, 'proto.errors.yaml', yamlCatalog(yamlCode('PROTO_OPTIONAL', 400), { id: 'proto', envelope: `${ENVELOPE_YAML}\n  optional: [__proto__, constructor]` }), ['PROTO_OPTIONAL'], [], {
      expect: [{ path: 'proto.errors.yaml', problem: 'unused-optional', because: 'optional members naming Object.prototype members get no warning' }],
    })),
    fixed((seed) => catalogCase('prototype', 'a code title that is an object (JSON)', seed, 'title.errors.json', '{"id":"title","title":{"text":"Title API"},"envelope":{"body":{"error":{"code":"${code}"}}},"codes":{"OBJECT_TITLE":{"status":400,"title":{"text":"Slow down"}}}}', ['OBJECT_TITLE']), QUICK),
    fixed((seed) => catalogCase('prototype', 'a code title and status whose toString is not a function (JSON)', seed, 'title.errors.json', '{"id":"title","title":"Title API","envelope":{"body":{"error":{"code":"${code}"}}},"codes":{"OBJECT_TITLE":{"status":{"toString":1},"title":{"toString":"x","valueOf":"y"}}}}', ['OBJECT_TITLE'])),
    fixed((seed) => catalogCase('prototype', 'a status keyed __proto__', seed, 'proto.errors.yaml', yamlCatalog(yamlCode('PROTO_STATUS', 400), { id: 'proto', top: 'statuses:\n  __proto__: { reason: Polluted }\n  constructor: { reason: Odd }' }), ['PROTO_STATUS'], [400])),
  ],
};

// ---- Markdown, HTML and URLs in every text field ----

/** Text that escapes naive Markdown escaping: unbalanced backticks, raw HTML, links to commands and scripts. */
export const MARKDOWN_PAYLOADS: readonly string[] = [
  '``a` `<img src=x onerror=alert(1)>`',
  '`a` `<img src=x onerror=alert(1)>`',
  '<img src=x onerror=alert(1)>',
  '[click](command:workbench.action.terminal.new)',
  '``a` `[run](command:workbench.action.terminal.new)`',
  '[x](javascript:alert(1))',
  '![i](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
  '<command:workbench.action.terminal.new>',
  '<a href="command:workbench.action.terminal.new">a</a>',
  '\\`<b>bold</b>\\`',
  '<!-- hidden -->',
  '```\n<script>alert(1)</script>\n```',
  '*<i>x</i>*',
  '[a]: command:workbench.action.terminal.new\n\n[a]',
  '&lt;img src=x&gt;',
  '\\<img src=x\\>',
  'x`` ` ``<img src=x>',
  '[y](<command:workbench.action.terminal.new>)',
  '[y]( command:x "t" )',
  '`` ` `` [z](command:x) `` ` ``',
  'a\\`[q](command:x)\\`',
  '<details open ontoggle=alert(1)>',
];

/** Values for `docs`: each passes the schema's `^https?://\S+$` and tries to break out of the link it becomes. */
export const URL_PAYLOADS: readonly string[] = [
  'https://evil.example/x)[y](command:workbench.action.terminal.new',
  'https://evil.example/<img/src=x/onerror=alert(1)>',
  'https://evil.example/"><img/src=x>',
  'https://evil.example/x"onmouseover="alert(1)',
  'https://evil.example/`<img/src=x>`',
  'https://evil.example/x>"<',
  'https://evil.example/x)](command:workbench.action.terminal.new)',
  'https://evil.example/errors#${code})[y](command:x',
];

/** A catalog whose every text field holds `text`, and whose every docs URL is `url`. */
function everyField(text: string, url: string): string {
  const p = quoted(text);
  return [
    'id: markdown',
    `title: ${p}`,
    `description: ${p}`,
    `docs: ${quoted(url)}`,
    'envelope:',
    '  body:',
    '    error:',
    '      code: "${code}"',
    '      message: "${message}"',
    '  headers:',
    `    - { name: Retry-After, description: ${p}, statuses: [429] }`,
    '  examples:',
    `    - { description: ${p}, body: { error: { code: MD_CODE } } }`,
    'statuses:',
    '  429:',
    '    reason: Too Many Requests',
    `    meaning: ${p}`,
    `    description: ${p}`,
    `    troubleshooting: [${p}, ${p}]`,
    `    docs: ${quoted(url)}`,
    'codes:',
    '  MD_CODE:',
    '    status: 429',
    `    title: ${p}`,
    `    message: ${p}`,
    `    description: ${p}`,
    `    causes: [${p}, ${p}]`,
    `    resolution: [${p}]`,
    `    tags: [${p}]`,
    `    docs: ${quoted(url)}`,
    '  MD_OLD:',
    '    status: 404',
    `    title: ${p}`,
    `    deprecated: ${p}`,
    '    replacedBy: MD_CODE',
    '',
  ].join('\n');
}

function markdownCase(seed: number, text: string, url: string, what: string): FuzzCase {
  return catalogCase('markdown', what, seed, 'markdown.errors.yaml', everyField(text, url), ['MD_CODE', 'MD_OLD'], [429, 404]);
}

/** Codes whose names are the payload: a code is any string, and its name appears in every hover. */
function markdownCodeNames(seed: number): FuzzCase {
  const names = MARKDOWN_PAYLOADS.filter((p) => !p.includes('\n') && p.length <= 200).slice(0, 8);
  const codes = names.map((name) => `  ${quoted(name)}:\n    status: 400\n    docs: ${quoted(`https://docs.example.com/${encodeURIComponent(name)}`)}`).join('\n');
  return catalogCase('markdown', 'codes named with Markdown and HTML', seed, 'names.errors.yaml', yamlCatalog(codes, { id: 'names', top: 'docs: "https://docs.example.com/errors#${code}"' }), names, [400]);
}

const SAFE_URL = 'https://docs.example.com/errors#${code}';

export const markdownFamily: Family = {
  name: 'markdown',
  about: 'unbalanced backticks, raw HTML, command:, javascript: and data: links in every text field, and docs URLs that break out of their link',
  fixed: [
    ...MARKDOWN_PAYLOADS.map((payload, i) => fixed((seed) => markdownCase(seed, payload, SAFE_URL, `every text field is ${JSON.stringify(payload).slice(0, 40)}`), { quick: i === 0 || i === 4 })),
    ...URL_PAYLOADS.map((url, i) => fixed((seed) => markdownCase(seed, 'Plain text', url, `every docs URL is ${url.slice(0, 50)}`), { quick: i === 0 || i === 5 })),
    fixed(markdownCodeNames),
  ],
  random: (seed) => {
    const random = new Random(seed);
    const text = random.sample(MARKDOWN_PAYLOADS, random.int(1, 4)).join(random.pick([' ', '`', '``', '\\', ' `` ']));
    return markdownCase(seed, text, random.chance(0.3) ? random.pick(URL_PAYLOADS) : SAFE_URL, `a mix of ${JSON.stringify(text).slice(0, 40)}`);
  },
};
