/**
 * Random protocol traffic: every request the server supports, with well-formed, odd and
 * malformed params, some cancelled at once or after the next request; notifications with odd
 * params; watched-file events. And framing abuse: headers without Content-Length, garbage bytes,
 * bodies that are not JSON-RPC, after each of which the server must still answer.
 */
import type { Position, Range } from 'vscode-languageserver/node';
import { frame } from '../helpers/lspClient';
import { yamlCatalog, yamlCode } from './crafted';
import type { FuzzCase, Step } from './fuzzCase';
import { fixed, QUICK, QUICK_SLOW, SLOW, type Family } from './family';
import { contentOf } from './mutations';
import { Random } from './random';
import { seedsWithCodes } from './seeds';
import { handlerSource, misspelt } from './sources';

interface Open {
  readonly uri: string;
  readonly lines: readonly string[];
}

interface TrafficContext {
  readonly random: Random;
  readonly docs: readonly Open[];
  readonly codes: readonly string[];
  readonly catalogUri: string;
}

const ODD_URIS = ['file:///nonexistent/file.ts', 'untitled:Untitled-1', 'file:///%E0%A4%A', 'http://example.com/x.ts', 'file://host/share/x.ts', `file:///${'a/'.repeat(300)}x.ts`, '%WSURI%/../../outside/notes.txt', '', 'file:///'];
const ODD_STRINGS = ['', ' ', 'x'.repeat(10_000), '\u0000', '__proto__', 'constructor', '\ud800', '${code}', '"\'`', 'ＲＡＴＥ_ＬＩＭＩＴＥＤ', '..', 'a b'];

function position(context: TrafficContext, doc: Open): Position {
  const { random } = context;
  // Past the end, but LSP positions all the same (uintegers): the server answers them.
  if (random.chance(0.15)) return random.pick([{ line: 10_000, character: 10_000 }, { line: 0, character: 1e9 }, { line: 2 ** 31 - 1, character: 0 }]);
  const line = random.below(doc.lines.length);
  return { line, character: random.below(doc.lines[line].length + 2) };
}

function range(context: TrafficContext, doc: Open): Range {
  const a = position(context, doc);
  const b = position(context, doc);
  return a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
}

function code(context: TrafficContext): string {
  const { random } = context;
  const known = random.pick(context.codes);
  return random.chance(0.6) ? known : random.chance(0.5) ? misspelt(known, random) : random.pick(ODD_STRINGS);
}

/** A diagnostic as a client echoes it back in a code action request: its `data` is whatever the client says. */
function fakeDiagnostic(context: TrafficContext, doc: Open): unknown {
  const { random } = context;
  const data = random.pick<unknown>([
    { rule: 'status-mismatch', code: code(context), codeStatus: 429, sentStatus: 400, statusStart: random.int(-5, 5000), statusEnd: random.int(-5, 5000), alternatives: [code(context)] },
    { rule: 'unknown-code', suggestions: random.chance(0.5) ? [code(context)] : 'not a list' },
    { rule: 'envelope-shape', code: code(context), bodyStart: random.int(-5, 5000), bodyEnd: random.int(-5, 5000) },
    { rule: 'deprecated-code', replacement: random.pick<unknown>([code(context), 42, null]) },
    { rule: 'status-mismatch' },
    null,
  ]);
  return { range: range(context, doc), severity: 2, source: 'error-catalog', code: random.pick(['status-mismatch', 'unknown-code', 'envelope-shape', 'deprecated-code']), message: 'x', data };
}

type ParamsKind = 'valid' | 'odd' | 'malformed';

/** Positions that are not LSP positions (not uintegers). */
const NOT_POSITIONS = ['0:0', { line: '1', character: 0 }, { line: -1, character: -1 }, { line: 0.5, character: 2.5 }, { line: 2 ** 31, character: 0 }];

/** Params a method must refuse: wrong for every method, or missing or mistyping what this one needs. */
function malformedParams(method: string, context: TrafficContext, doc: Open): unknown[] {
  const textDocument = { uri: doc.uri };
  const everywhere: unknown[] = [undefined, null, 42, 'params', [], { textDocument: 'x' }, { textDocument: { uri: 42 } }, { uri: 42 }, { uri: {}, code: [] }, { query: 42 }];
  const at = position(context, doc);
  switch (method) {
    case 'textDocument/hover':
    case 'textDocument/definition':
    case 'textDocument/prepareRename':
    case 'textDocument/completion':
      return [...everywhere, ...NOT_POSITIONS.map((p) => ({ textDocument, position: p }))];
    case 'textDocument/references':
      return [...everywhere, { textDocument, position: at }, ...NOT_POSITIONS.map((p) => ({ textDocument, position: p, context: { includeDeclaration: true } }))];
    case 'textDocument/rename':
      return [...everywhere, { textDocument, position: at, newName: 42 }, ...NOT_POSITIONS.map((p) => ({ textDocument, position: p, newName: 'X' }))];
    case 'textDocument/codeAction':
      return [...everywhere, { textDocument, range: 'all' }, { textDocument, range: range(context, doc), context: { diagnostics: 'none' } }, { textDocument, range: { start: { line: -1, character: 0 }, end: at }, context: { diagnostics: [] } }];
    case 'errorCatalog/errorResponse':
      return [...everywhere, ...NOT_POSITIONS.map((p) => ({ uri: doc.uri, position: p, code: 'X' })), { uri: doc.uri, position: at, code: 42 }];
    case 'errorCatalog/explain':
      return [...everywhere, { uri: doc.uri, code: [] }];
    default:
      return everywhere;
  }
}

/** Params for a method: well-formed (of an open document), odd but of the right types, or malformed. */
function paramsFor(method: string, kind: ParamsKind, context: TrafficContext): unknown {
  const { random } = context;
  const doc = random.pick(context.docs);
  const uri = kind === 'odd' && random.chance(0.5) ? random.pick(ODD_URIS) : doc.uri;
  const textDocument = { uri };
  if (kind === 'malformed') return random.pick(malformedParams(method, context, doc));
  const at = position(context, doc);
  switch (method) {
    case 'textDocument/hover':
    case 'textDocument/definition':
    case 'textDocument/prepareRename':
      return { textDocument, position: at };
    case 'textDocument/completion':
      return { textDocument, position: at, context: random.chance(0.8) ? { triggerKind: random.pick([1, 2, 3]), triggerCharacter: random.pick(['"', "'", '`', '.', ':', '=']) } : { triggerKind: 99 } };
    case 'textDocument/references':
      return { textDocument, position: at, context: { includeDeclaration: random.chance(0.5) } };
    case 'textDocument/rename':
      return { textDocument, position: at, newName: random.chance(0.5) ? `${code(context)}_2` : code(context) };
    case 'textDocument/codeAction':
      return { textDocument, range: range(context, doc), context: { diagnostics: Array.from({ length: random.below(3) }, () => fakeDiagnostic(context, doc)), only: random.chance(0.2) ? ['quickfix'] : undefined } };
    case 'textDocument/codeLens':
      return { textDocument: random.chance(0.5) ? { uri: context.catalogUri } : textDocument };
    case 'textDocument/documentSymbol':
      return { textDocument: random.chance(0.7) ? { uri: context.catalogUri } : textDocument };
    case 'workspace/symbol':
      return { query: random.chance(0.5) ? code(context).slice(0, random.int(0, 6)) : random.pick(ODD_STRINGS) };
    case 'completionItem/resolve':
      return { label: code(context), data: random.pick<unknown>([{ uri }, { uri, code: code(context) }, undefined, 'data', { uri: 42 }]) };
    case 'errorCatalog/explain':
      return { uri, code: code(context) };
    case 'errorCatalog/errorResponse':
      return { uri, position: at, code: code(context) };
    case 'errorCatalog/errorHandling':
      return { uri, variant: random.pick(['fetch', 'axios', 'requests', 'httpx', 'net-http', 'nonsense']), catalog: random.chance(0.7) ? context.catalogUri : random.pick(ODD_URIS) };
    case 'errorCatalog/reload':
    case 'errorCatalog/catalogSuggestions':
      return undefined;
    case 'errorCatalog/importCatalog': {
      const folder = context.catalogUri.slice(0, context.catalogUri.lastIndexOf('/'));
      return { source: random.pick(['openapi', 'docs', 'code', 'blank']), folder: kind === 'odd' ? random.pick(ODD_URIS) : folder, input: random.pick([doc.uri, context.catalogUri, random.pick(ODD_URIS), undefined]) };
    }
    default:
      return { uri };
  }
}

export const REQUEST_METHODS = [
  'textDocument/hover', 'textDocument/completion', 'completionItem/resolve', 'textDocument/definition', 'textDocument/references',
  'textDocument/rename', 'textDocument/prepareRename', 'textDocument/codeAction', 'textDocument/codeLens', 'textDocument/documentSymbol',
  'workspace/symbol', 'errorCatalog/catalogsForDocument', 'errorCatalog/codes', 'errorCatalog/errorResponse', 'errorCatalog/handlingOptions',
  'errorCatalog/errorHandling', 'errorCatalog/explain', 'errorCatalog/reload', 'errorCatalog/importCatalog', 'errorCatalog/catalogSuggestions',
] as const;

/**
 * A notification with odd params. Those whose effect outlives the case (a document opened under an
 * odd URI, pushed settings) cost the server it runs on, so only `lasting` cases send them.
 */
function randomNotification(context: TrafficContext, version: () => number, lasting: boolean): Step {
  const { random } = context;
  const doc = random.pick(context.docs);
  const params = random.pick<unknown>([
    { textDocument: { uri: doc.uri, version: version() }, contentChanges: [{ range: range(context, doc), text: random.pick(["'", '\n', code(context), '', 'x'.repeat(random.int(1, 200))]) }] },
    { textDocument: { uri: doc.uri, version: version() }, contentChanges: [{ text: random.pick(['', doc.lines.join('\n'), '\u0000'.repeat(10)]) }] },
    { textDocument: { uri: doc.uri }, contentChanges: 'none' },
    { textDocument: null },
  ]);
  const lastingSteps: Step[] = [
    { do: 'notify', method: 'textDocument/didOpen', params: { textDocument: { uri: random.pick(ODD_URIS), languageId: random.pick(['typescript', 'yaml', 'json', 'brainfuck']), version: 1, text: code(context) } } },
    { do: 'notify', method: 'workspace/didChangeConfiguration', params: random.pick<unknown>([{ settings: null }, { settings: { errorCatalog: { builtins: 'all', completion: { maxItems: -1 } } } }, {}, null]) },
  ];
  return random.pick<Step>([
    ...(lasting ? lastingSteps : []),
    { do: 'notify', method: 'textDocument/didChange', params },
    { do: 'notify', method: 'textDocument/didClose', params: { textDocument: { uri: random.pick(ODD_URIS) } } },
    { do: 'notify', method: 'textDocument/didSave', params: { textDocument: { uri: doc.uri } } },
    { do: 'notify', method: '$/cancelRequest', params: { id: random.pick<unknown>([999_999, 'fuzz-0', null, {}]) } },
    { do: 'notify', method: '$/setTrace', params: { value: random.pick(['off', 'verbose', 'nonsense']) } },
    { do: 'notify', method: 'fuzz/unknownNotification', params: { x: 1 } },
    { do: 'watch', changes: [{ uri: random.pick([context.catalogUri, doc.uri, '%WSURI%/new.errors.yaml', '%WSURI%/src/gone.ts']), type: random.pick([1, 2, 3] as const) }] },
  ]);
}

function trafficCase(seed: number): FuzzCase {
  const random = new Random(seed);
  const catalog = random.pick(seedsWithCodes());
  const format = random.pick(['yaml', 'json'] as const);
  const catalogPath = `api.errors.${format}`;
  const source = handlerSource(catalog, random);
  const docs: Open[] = [{ uri: `%WSURI%/${source.path}`, lines: source.text.split('\n') }];
  const steps: Step[] = [{ do: 'open', path: source.path, languageId: source.languageId, content: source.text }];
  if (random.chance(0.4)) {
    const text = format === 'yaml' ? catalog.yaml : catalog.json;
    steps.push({ do: 'open', path: catalogPath, languageId: format, content: text });
    docs.push({ uri: `%WSURI%/${catalogPath}`, lines: text.split('\n') });
  }
  const context: TrafficContext = { random, docs, codes: catalog.codes, catalogUri: `%WSURI%/${catalogPath}` };
  const lasting = random.chance(0.2);
  let nextVersion = 100;
  for (let i = random.int(15, 60); i > 0; i--) {
    if (random.chance(0.8)) {
      const method = random.pick(REQUEST_METHODS);
      const kind: ParamsKind = method === 'errorCatalog/reload' || method === 'errorCatalog/catalogSuggestions' ? 'valid' : random.pick(['valid', 'valid', 'valid', 'odd', 'malformed']);
      const cancel = random.chance(0.2) ? 'at-once' : random.chance(0.1) ? 'after-next' : undefined;
      steps.push({ do: 'request', method, params: paramsFor(method, kind, context), cancel, expect: kind === 'malformed' ? 'invalid-params' : undefined });
    } else {
      steps.push(randomNotification(context, () => nextVersion++, lasting));
    }
  }
  return {
    family: 'traffic',
    name: `${steps.length} random messages around ${catalog.name} and ${source.path}`,
    seed,
    files: [{ kind: 'file', path: catalogPath, content: contentOf(Buffer.from(format === 'yaml' ? catalog.yaml : catalog.json)) }, { kind: 'file', path: source.path, content: source.text }],
    steps,
  };
}

/** One request per method with params that break the protocol's types: each must be refused with InvalidParams. */
function malformedParamsCase(seed: number): FuzzCase {
  const steps: Step[] = [{ do: 'open', path: 'src/app.ts', languageId: 'typescript', content: "res.status(429).json({ error: { code: 'LOCAL_CODE' } });\n" }];
  for (const method of REQUEST_METHODS.filter((m) => m !== 'errorCatalog/reload' && m !== 'errorCatalog/catalogSuggestions')) {
    steps.push({ do: 'request', method, params: method.startsWith('errorCatalog/') ? { uri: 42 } : method === 'workspace/symbol' ? { query: 42 } : method === 'completionItem/resolve' ? [] : { textDocument: { uri: 42 }, position: { line: 'x', character: 0 } }, expect: 'invalid-params' });
  }
  return { family: 'traffic', name: 'each request with params of the wrong types', seed, files: [{ kind: 'file', path: 'api.errors.yaml', content: yamlCatalog(yamlCode('LOCAL_CODE', 400)) }], steps };
}

const SOURCE_WITH_MISMATCH = "res.status(400).json({ error: { code: 'LOCAL_CODE' } });\n";

/**
 * Code actions for diagnostics whose `data` the client made up: a client sends back whatever
 * diagnostics it holds, so `data` is input like any other (well-formed requests: no InvalidParams).
 */
function madeUpDiagnosticsCase(seed: number): FuzzCase {
  const range = { start: { line: 0, character: 40 }, end: { line: 0, character: 50 } };
  const data: readonly [string, unknown][] = [
    ['unknown-code', { rule: 'unknown-code', suggestions: 'not a list' }],
    ['status-mismatch', { rule: 'status-mismatch' }],
    ['status-mismatch', { rule: 'status-mismatch', code: 'LOCAL_CODE', codeStatus: 400, sentStatus: 429, statusStart: -5, statusEnd: 1e9, alternatives: [] }],
    ['envelope-shape', { rule: 'envelope-shape', code: 'LOCAL_CODE', bodyStart: 1e9, bodyEnd: -1 }],
    ['deprecated-code', { rule: 'deprecated-code', replacement: { not: 'a string' } }],
  ];
  const steps: Step[] = [{ do: 'open', path: 'src/app.ts', languageId: 'typescript', content: SOURCE_WITH_MISMATCH }];
  for (const [code, made] of data) {
    steps.push({ do: 'request', method: 'textDocument/codeAction', params: { textDocument: { uri: '%WSURI%/src/app.ts' }, range, context: { diagnostics: [{ range, severity: 2, source: 'error-catalog', code, message: 'made up', data: made }] } } });
  }
  return { family: 'traffic', name: 'code actions for diagnostics with made-up data', seed, files: [{ kind: 'file', path: 'api.errors.yaml', content: yamlCatalog(yamlCode('LOCAL_CODE', 400)) }], steps };
}

/** Each notification the server handles, with params of the wrong types: nothing to answer, nothing may throw. */
function malformedNotificationsCase(seed: number): FuzzCase {
  const uri = '%WSURI%/src/app.ts';
  const notifications: readonly [string, unknown][] = [
    ['textDocument/didChange', { textDocument: { uri, version: 2 } }],
    ['textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: '' }] }],
    ['textDocument/didOpen', { textDocument: { uri: 42 } }],
    ['textDocument/didClose', {}],
    ['workspace/didChangeConfiguration', null],
    ['workspace/didChangeWatchedFiles', { changes: 'all' }],
    ['workspace/didChangeWorkspaceFolders', { event: null }],
  ];
  return {
    family: 'traffic',
    name: 'notifications with params of the wrong types',
    seed,
    files: [{ kind: 'file', path: 'api.errors.yaml', content: yamlCatalog(yamlCode('LOCAL_CODE', 400)) }],
    steps: [{ do: 'open', path: 'src/app.ts', languageId: 'typescript', content: SOURCE_WITH_MISMATCH }, ...notifications.map(([method, params]): Step => ({ do: 'notify', method, params }))],
  };
}

export const trafficFamily: Family = {
  name: 'traffic',
  about: 'random requests (every method, well-formed, odd and malformed params, cancelled at once or later), notifications and watched-file events',
  fixed: [fixed(malformedParamsCase, QUICK), fixed(madeUpDiagnosticsCase), fixed(malformedNotificationsCase)],
  random: trafficCase,
};

// ---- framing ----

const json = (value: unknown) => JSON.stringify(value);

function framingCase(seed: number, name: string, bytes: readonly (string | Buffer)[]): FuzzCase {
  return {
    family: 'framing',
    name,
    seed,
    files: [{ kind: 'file', path: 'api.errors.yaml', content: yamlCatalog(yamlCode('LOCAL_CODE', 400)) }],
    steps: [...bytes.map((b): Step => ({ do: 'raw', content: contentOf(typeof b === 'string' ? Buffer.from(b, 'utf8') : b) })), { do: 'probe' }],
  };
}

const HOVER_BODY = json({ jsonrpc: '2.0', id: 'framing-body', method: 'errorCatalog/catalogsForDocument', params: { uri: 'file:///x.ts' } });

export const framingFamily: Family = {
  name: 'framing',
  about: 'headers without Content-Length, garbage bytes, bodies that are not JSON or not JSON-RPC, odd headers, split writes; the server must answer afterwards',
  fixed: [
    fixed((seed) => framingCase(seed, 'a header without Content-Length', [`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${HOVER_BODY}`]), QUICK_SLOW),
    fixed((seed) => framingCase(seed, 'a Content-Length that is not a number', [`Content-Length: twelve\r\n\r\n${HOVER_BODY}`]), SLOW),
    fixed((seed) => framingCase(seed, 'a garbage line before a header', [`garbage without a colon\r\nContent-Length: ${Buffer.byteLength(HOVER_BODY)}\r\n\r\n${HOVER_BODY}`]), SLOW),
    fixed((seed) => framingCase(seed, 'a body that is not JSON', [frame('{{{{ not json')]), SLOW),
    fixed((seed) => framingCase(seed, 'bodies that are JSON but not JSON-RPC', [frame('[]'), frame('42'), frame('"x"'), frame('null'), frame('{}')]), SLOW),
    fixed((seed) => framingCase(seed, 'JSON-RPC with odd members', [
      frame(json({ jsonrpc: '1.0', id: 'odd-1', method: 'textDocument/hover', params: {} })),
      frame(json({ jsonrpc: '2.0', id: { nested: true }, method: 'textDocument/hover', params: {} })),
      frame(json({ jsonrpc: '2.0', id: 'odd-3', method: 42 })),
      frame(json({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: 'text' })),
      frame(json({ jsonrpc: '2.0', id: 'odd-5', result: null })),
      frame(json({ jsonrpc: '2.0', id: 123_456, error: { code: 1, message: 'for nothing' } })),
    ]), SLOW),
    fixed((seed) => framingCase(seed, 'a batch of requests', [frame(json([{ jsonrpc: '2.0', id: 'b1', method: 'errorCatalog/reload' }, { jsonrpc: '2.0', id: 'b2', method: 'workspace/symbol', params: { query: '' } }]))]), SLOW),
    fixed((seed) => framingCase(seed, 'a byte-order mark before a header', [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), frame(HOVER_BODY)])]), SLOW),
    fixed((seed) => framingCase(seed, 'a UTF-16 charset header', [`Content-Length: ${Buffer.byteLength(HOVER_BODY)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-16\r\n\r\n${HOVER_BODY}`]), SLOW),
    fixed((seed) => framingCase(seed, 'a message written a byte at a time', [...frame(HOVER_BODY)].map((byte) => Buffer.from([byte]))), SLOW),
    fixed((seed) => framingCase(seed, 'a Content-Length shorter than the body', [`Content-Length: 10\r\n\r\n${HOVER_BODY}`]), SLOW),
    fixed((seed) => framingCase(seed, 'a lower-case content-length header', [`content-length: ${Buffer.byteLength(HOVER_BODY)}\r\n\r\n${HOVER_BODY}`]), SLOW),
    fixed((seed) => garbageCase(seed, false), SLOW),
    fixed((seed) => garbageCase(seed, true), SLOW),
  ],
};

/**
 * Random bytes ending in a blank line (so that a reader can find the next header after them),
 * then, with `message`, a well-framed request. Each costs a stuck server's timeout, so they are
 * fixed cases rather than an endless stream: one resynchronisation test needs no thousand.
 */
function garbageCase(seed: number, message: boolean): FuzzCase {
  const random = new Random(seed);
  const garbage = Buffer.from(Array.from({ length: random.int(1, 200) }, () => random.below(256)));
  const parts: (string | Buffer)[] = [Buffer.concat([garbage, Buffer.from('\r\n\r\n')])];
  if (message) parts.push(frame(HOVER_BODY));
  return framingCase(seed, `${garbage.length} random bytes and a blank line${message ? ', then a request' : ''}`, parts);
}
