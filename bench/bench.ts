/**
 * `npm run bench`: the bundled server's latency, throughput and memory on generated catalogs
 * (1,000, 10,000 and 100,000 codes) and handler files (100, 1,000 and 10,000 lines), measured in
 * one run beside (a) a floor server that answers constants, the protocol's own cost, and
 * (b) vscode-json-language-server and (c) yaml-language-server given the same codes as a JSON
 * Schema enum. Figures are reported as ratios against those baselines, with the targets.
 * Prints a table and writes bench/results/latest.json. Not part of `npm test`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CompletionList, Position } from 'vscode-languageserver/node';
import { generatedCatalogJson, generatedCatalogYaml, generatedCode, generatedStatus } from '../test/helpers/generate';
import { fileUri, LspClient, REPO_ROOT } from '../test/helpers/lspClient';
import { cliBench, type CliResults } from './cliBench';
import { indexBench, type IndexResults } from './indexBench';
import { FLOOR, fmt, percentile, rssMb, SAMPLES, SERVER, timed, timedPair, type Figures } from './measure';

const EDITS = 50;
const JSON_SERVER = join(REPO_ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-json-language-server');
const YAML_SERVER = join(REPO_ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

type Density = 'handlers' | 'every line';

/**
 * A file of Express (TypeScript) or FastAPI (Python) handlers using the catalog's codes with their
 * own statuses. `handlers`: each handler looks a record up and sends an error response when it is
 * missing (one code in 7 or 8 lines, as in real handler files). `every line`: a handler sending a
 * code on every line, the worst case for diagnostics.
 */
function handlers(language: 'typescript' | 'python', lines: number, codes: number, density: Density = 'handlers'): { text: string; hovers: Position[]; completion: Position; prefixed: Position; edit: { at: Position; characters: [string, string] } } {
  const out: string[] = language === 'typescript' ? ["import express from 'express';", 'const app = express();'] : ['from fastapi import FastAPI', 'from fastapi.responses import JSONResponse', 'app = FastAPI()'];
  const hovers: Position[] = [];
  for (let i = 0; out.length < lines - 2; i++) {
    const index = (i * 7919) % codes;
    const code = generatedCode(index);
    const status = generatedStatus(index);
    const block = density === 'every line'
      ? [language === 'typescript'
        ? `app.get('/${i}', (q, res) => res.status(${status}).json({ error: { code: '${code}' } }));`
        : `def r${i}(): return JSONResponse(status_code=${status}, content={'error': {'code': '${code}'}})`]
      : language === 'typescript'
        ? [
          `app.get('/items/${i}/:id', async (req, res) => {`,
          `  const item = await store.find('items-${i}', req.params.id);`,
          '  if (!item) {',
          `    return res.status(${status}).json({ error: { code: '${code}', message: 'Not available' } });`,
          '  }',
          '  res.json(item);',
          '});',
          '',
        ]
        : [
          `@app.get('/items/${i}/{id}')`,
          `def item_${i}(id: str):`,
          `    item = store.find('items-${i}', id)`,
          '    if item is None:',
          `        return JSONResponse(status_code=${status}, content={'error': {'code': '${code}', 'message': 'Not available'}})`,
          '    return item',
          '',
        ];
    const codeLine = block.findIndex((line) => line.includes(code));
    hovers.push({ line: out.length + codeLine, character: block[codeLine].indexOf(code) + 3 });
    out.push(...block);
  }
  out.length = Math.min(out.length, lines - 2);
  while (hovers.length > 0 && hovers[hovers.length - 1].line >= out.length) hovers.pop();
  const completionLine = out.length;
  out.push(language === 'typescript' ? "res.status(404).json({ error: { code: '' } });" : "JSONResponse(status_code=404, content={'error': {'code': ''}})");
  const prefixLine = out.length;
  const prefix = generatedCode(1234).slice(0, 8);
  out.push(language === 'typescript' ? `res.json({ code: '${prefix}' });` : `x = {'code': '${prefix}'}`);
  return {
    text: `${out.join('\n')}\n`,
    hovers,
    completion: { line: completionLine, character: out[completionLine].indexOf("''") + 1 },
    prefixed: { line: prefixLine, character: out[prefixLine].indexOf(prefix) + prefix.length },
    // A one-character edit in the middle of the file: the message's first letter, or the handler's parameter.
    edit: (() => {
      const { line } = hovers[Math.floor(hovers.length / 2)];
      const target = density === 'handlers' ? 'Not available' : language === 'typescript' ? 'q, res' : `r${line}`;
      const character = out[line].indexOf(target);
      return { at: { line, character: character >= 0 ? character : 0 }, characters: [out[line][Math.max(0, character)], 'x'] as [string, string] };
    })(),
  };
}

/** One-character edits, sent as ranged changes the way an editor sends them, each timed until the diagnostics of the new version. */
async function timeEdits(client: LspClient, uri: string, edit: { at: Position; characters: [string, string] }, figures: Figures): Promise<void> {
  const { at, characters } = edit;
  const edits = await timed(EDITS, async (i) => {
    const next = client.nextDiagnosticsFor(uri);
    await client.edit(uri, { start: at, end: { line: at.line, character: at.character + 1 } }, characters[(i + 1) % 2]);
    await next;
  });
  figures.diagnosticsAfterEditMs = percentile(edits, 50);
  figures.diagnosticsAfterEditP99 = percentile(edits, 99);
}

function workspace(codes: number, format: 'yaml' | 'json' = 'yaml'): string {
  const folder = mkdtempSync(join(tmpdir(), `error-catalog-bench-${codes}-`));
  mkdirSync(join(folder, 'src'));
  writeFileSync(join(folder, `api.errors.${format}`), format === 'yaml' ? generatedCatalogYaml(codes) : generatedCatalogJson(codes));
  return folder;
}


interface Run {
  readonly codes: number;
  readonly lines: number;
  readonly language?: 'typescript' | 'python';
  readonly density?: Density;
  /** `open`: up to the hovers after opening the file; `diagnostics`: opening and editing; `all`: everything. */
  readonly measures: 'all' | 'open' | 'diagnostics';
  /** A floor server to time alternately with this one, for hovers and completions. */
  readonly floor?: FloorSession;
}

/** A running floor server with its document open. */
interface FloorSession {
  readonly client: LspClient;
  readonly uri: string;
  readonly hover: Position;
  readonly completion: Position;
}

/** Spawn to `initialize` response, catalogs loaded, first hover after open, diagnostics, then steady-state latencies. */
async function ours(folder: string, run: Run): Promise<Figures> {
  const figures: Figures = {};
  const language = run.language ?? 'typescript';
  const source = handlers(language, run.lines, run.codes, run.density);
  let started = performance.now();
  const client = new LspClient(['--stdio'], REPO_ROOT, SERVER);
  client.settings = { diagnostics: { delay: 0 } };
  try {
    await client.initialize(folder, { initialized: false });
    figures.initializeMs = performance.now() - started;
    started = performance.now();
    const ready = client.ready();
    await client.initialized();
    await ready;
    figures.catalogLoadMs = performance.now() - started;
    const uri = fileUri(join(folder, 'src', language === 'typescript' ? 'handlers.ts' : 'handlers.py'));
    started = performance.now();
    const diagnostics = client.diagnosticsFor(uri);
    await client.open(uri, language, source.text);
    const firstHover = performance.now();
    await client.hover(uri, source.hovers[0]);
    figures.firstHoverMs = performance.now() - firstHover;
    const published = await diagnostics;
    figures.diagnosticsMs = performance.now() - started;
    if (client.logs.some((line) => line.includes('Not checking'))) throw new Error(`the benchmark file was skipped: ${client.logs.join('\n')}`);
    figures.diagnosticsCount = published.diagnostics.length;
    figures.usages = source.hovers.length;
    figures.rssMb = rssMb(client.pid);
    if (run.measures !== 'diagnostics') {
      const floor = run.floor;
      const [hovers, floorHovers] = await timedPair(SAMPLES, (i) => client.hover(uri, source.hovers[i % source.hovers.length]), floor && (() => floor.client.hover(floor.uri, floor.hover)));
      figures.hoverP50 = percentile(hovers, 50);
      figures.hoverP99 = percentile(hovers, 99);
      if (floor) {
        figures.floorHoverP50 = percentile(floorHovers, 50);
        figures.floorHoverP99 = percentile(floorHovers, 99);
      }
      if (run.measures === 'all') {
        // The same code hovered again and again: its explanation is already written.
        const [again, floorAgain] = await timedPair(SAMPLES, () => client.hover(uri, source.hovers[0]), floor && (() => floor.client.hover(floor.uri, floor.hover)));
        figures.hoverAgainP50 = percentile(again, 50);
        if (floor) figures.floorHoverAgainP50 = percentile(floorAgain, 50);
      }
    }
    if (run.measures === 'open') return figures;
    if (run.measures === 'all') {
      const floor = run.floor;
      let list: CompletionList | null = null;
      const [completions, floorCompletions] = await timedPair(SAMPLES, async () => { list = await client.completion(uri, source.completion) as CompletionList; }, floor && (() => floor.client.completion(floor.uri, floor.completion)));
      figures.completionP50 = percentile(completions, 50);
      figures.completionP99 = percentile(completions, 99);
      if (floor) {
        figures.floorCompletionP50 = percentile(floorCompletions, 50);
        figures.floorCompletionP99 = percentile(floorCompletions, 99);
      }
      figures.completionBytes = Buffer.byteLength(JSON.stringify(list));
      const prefixed = await timed(SAMPLES, () => client.completion(uri, source.prefixed));
      figures.prefixCompletionP50 = percentile(prefixed, 50);
      figures.prefixCompletionP99 = percentile(prefixed, 99);
      const resolvedList = list as CompletionList | null;
      const item = resolvedList!.items[0];
      const resolves = await timed(Math.min(SAMPLES, 200), () => client.resolve({ ...item, data: resolvedList!.itemDefaults?.data ?? item.data }));
      figures.resolveP50 = percentile(resolves, 50);
      const actions = await timed(Math.min(SAMPLES, 200), (i) => {
        const at = source.hovers[i % source.hovers.length];
        return client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
      });
      figures.codeActionP50 = percentile(actions, 50);
    }
    await timeEdits(client, uri, source.edit, figures);
    if (run.measures === 'all') {
      // The catalog changes on disk: time until the server has reloaded it (then it is put back).
      const catalogPath = join(folder, 'api.errors.yaml');
      const original = readFileSync(catalogPath, 'utf8');
      writeFileSync(catalogPath, `${original}  BENCH_NEW_CODE:\n    status: 409\n`);
      started = performance.now();
      const reloaded = client.nextCatalogsChanged();
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(catalogPath), type: 2 }] });
      await reloaded;
      figures.catalogReloadMs = performance.now() - started;
      writeFileSync(catalogPath, original);
    }
    await client.shutdown();
    return figures;
  } finally {
    await client.dispose();
  }
}

interface Peer {
  readonly script: string;
  readonly languageId: string;
  readonly file: string;
  /** The document and the positions of a code value (hover) and an empty value (completion). */
  readonly text: string;
  readonly hover: Position;
  readonly completion: Position;
  readonly configure: (client: LspClient, schemaUri: string, schema: unknown) => Promise<void>;
}

/** The same codes for the peers: a JSON Schema with the codes as an enum, each with its description. */
function schemaFor(codes: number): unknown {
  const values = Array.from({ length: codes }, (_, i) => generatedCode(i));
  return {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { enum: values, markdownEnumDescriptions: values.map((code, i) => `**${code}** · ${generatedStatus(i)}\n\nError number ${i} of the generated catalog.`) },
          message: { type: 'string' },
        },
      },
    },
  };
}

const PEERS: Record<string, Peer> = {
  floor: {
    script: FLOOR, languageId: 'json', file: 'body.json',
    text: `{ "error": { "code": "${generatedCode(42)}", "message": "x" } }\n`,
    hover: { line: 0, character: 24 }, completion: { line: 0, character: 22 },
    configure: async () => {},
  },
  'vscode-json-language-server': {
    script: JSON_SERVER, languageId: 'json', file: 'body.json',
    text: `{ "error": { "code": "${generatedCode(42)}", "message": "x" } }\n`,
    hover: { line: 0, character: 24 }, completion: { line: 0, character: 22 },
    configure: async (client, _uri, schema) => {
      await client.notify('workspace/didChangeConfiguration', { settings: { json: { schemas: [{ fileMatch: ['*.json'], schema }] } } });
    },
  },
  'yaml-language-server': {
    script: YAML_SERVER, languageId: 'yaml', file: 'body.yaml',
    text: `error:\n  code: ${generatedCode(42)}\n  message: x\n`,
    hover: { line: 1, character: 10 }, completion: { line: 1, character: 8 },
    configure: async (client, schemaUri) => {
      const yaml = { schemas: { [schemaUri]: '*.yaml' }, hover: true, completion: true, validate: false };
      client.sections = { yaml, 'yaml.schemas': yaml.schemas };
      await client.notify('workspace/didChangeConfiguration', { settings: { yaml } });
    },
  },
};

async function peer(name: string, folder: string, codes: number): Promise<Figures> {
  const spec = PEERS[name];
  const figures: Figures = {};
  const schemaPath = join(folder, 'codes.schema.json');
  const schema = schemaFor(codes);
  writeFileSync(schemaPath, JSON.stringify(schema));
  let started = performance.now();
  const client = new LspClient(['--stdio'], folder, spec.script);
  try {
    await client.initialize(folder, { initialized: false });
    figures.initializeMs = performance.now() - started;
    await client.initialized();
    await spec.configure(client, fileUri(schemaPath), schema);
    const uri = fileUri(join(folder, 'src', spec.file));
    await client.open(uri, spec.languageId, spec.text);
    started = performance.now();
    await client.hover(uri, spec.hover);
    figures.firstHoverMs = performance.now() - started;
    figures.rssMb = rssMb(client.pid);
    const hovers = await timed(SAMPLES, () => client.hover(uri, spec.hover));
    figures.hoverP50 = percentile(hovers, 50);
    figures.hoverP99 = percentile(hovers, 99);
    let list: unknown;
    const completions = await timed(Math.min(SAMPLES, name === 'yaml-language-server' ? 30 : SAMPLES), async () => { list = await client.completion(uri, spec.completion); });
    figures.completionP50 = percentile(completions, 50);
    figures.completionP99 = percentile(completions, 99);
    figures.completionBytes = Buffer.byteLength(JSON.stringify(list));
    figures.completionItems = Array.isArray(list) ? list.length : (list as CompletionList | null)?.items.length ?? 0;
    if (name === 'floor') {
      // The same 10,000-line handler file as the server gets: receiving it, and ranged edits to it.
      const source = handlers('typescript', 10_000, codes);
      const handlersUri = fileUri(join(folder, 'src', 'handlers.ts'));
      started = performance.now();
      const published = client.diagnosticsFor(handlersUri);
      await client.open(handlersUri, 'typescript', source.text);
      const firstHover = performance.now();
      await client.hover(handlersUri, source.hovers[0]);
      figures.firstHoverInFileMs = performance.now() - firstHover;
      await published;
      figures.diagnosticsMs = performance.now() - started;
      await timeEdits(client, handlersUri, source.edit, figures);
    }
    await client.shutdown();
    return figures;
  } finally {
    await client.dispose();
  }
}


/** The floor server, running with its document open, to be timed alternately with ours. */
async function startFloor(folder: string): Promise<FloorSession> {
  const spec = PEERS.floor;
  const client = new LspClient(['--stdio'], folder, spec.script);
  await client.initialize(folder);
  const uri = fileUri(join(folder, 'src', spec.file));
  await client.open(uri, spec.languageId, spec.text);
  return { client, uri, hover: spec.hover, completion: spec.completion };
}

/** Spawn to `initialize` response, ours and the floor's alternately, `rounds` times each (medians). */
async function initializeTimes(folder: string, rounds: number): Promise<{ ours: number; floor: number }> {
  const times = { ours: [] as number[], floor: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    for (const [name, script] of [['ours', SERVER], ['floor', FLOOR]] as const) {
      const started = performance.now();
      const client = new LspClient(['--stdio'], REPO_ROOT, script);
      try {
        await client.initialize(folder, { initialized: false });
        times[name].push(performance.now() - started);
        await client.shutdown();
      } finally {
        await client.dispose();
      }
    }
  }
  return { ours: percentile(times.ours, 50), floor: percentile(times.floor, 50) };
}

/**
 * Spawn to the first useful hover (one that explains the code), with the 10,000-code catalog: ours
 * from its catalog file, vscode-json-language-server from the same codes as a schema. Alternately,
 * `rounds` times each (medians). Ours runs twice per round: with no cache (a new cache folder) and
 * with the catalog cache a previous start left. The floor server, which answers a constant, shows
 * what spawning Node and speaking the protocol cost before any work.
 */
async function startupTimes(folder: string, rounds: number): Promise<{ cold: number; cached: number; json: number; floor: number }> {
  const times = { cold: [] as number[], cached: [] as number[], json: [] as number[], floor: [] as number[] };
  const source = handlers('typescript', 100, 10_000);
  const uri = fileUri(join(folder, 'src', 'startup.ts'));
  const cacheFolder = mkdtempSync(join(tmpdir(), 'error-catalog-cache-'));
  const spec = PEERS['vscode-json-language-server'];
  const schemaPath = join(folder, 'codes.schema.json');
  const schema = schemaFor(10_000);
  writeFileSync(schemaPath, JSON.stringify(schema));
  try {
    for (let i = 0; i < rounds; i++) {
      for (const kind of ['cold', 'cached', 'json', 'floor'] as const) {
        if (kind === 'cold') rmSync(cacheFolder, { recursive: true, force: true });
        const started = performance.now();
        const client = kind === 'json' ? new LspClient(['--stdio'], folder, spec.script) : new LspClient(['--stdio'], REPO_ROOT, kind === 'floor' ? FLOOR : SERVER);
        try {
          await client.initialize(folder, kind === 'json' ? {} : { initializationOptions: { cacheFolder } });
          let hover: unknown;
          if (kind === 'json') {
            await spec.configure(client, fileUri(schemaPath), schema);
            const jsonUri = fileUri(join(folder, 'src', spec.file));
            await client.open(jsonUri, spec.languageId, spec.text);
            hover = await client.hover(jsonUri, spec.hover);
          } else {
            await client.open(uri, 'typescript', source.text);
            hover = await client.hover(uri, source.hovers[0]);
          }
          if (!hover) throw new Error(`${kind}: the first hover explained nothing`);
          times[kind].push(performance.now() - started);
          await client.shutdown();
        } finally {
          await client.dispose();
        }
      }
    }
  } finally {
    rmSync(cacheFolder, { recursive: true, force: true });
  }
  return { cold: percentile(times.cold, 50), cached: percentile(times.cached, 50), json: percentile(times.json, 50), floor: percentile(times.floor, 50) };
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'startup') {
    const folder = workspace(10_000);
    try {
      console.log(await startupTimes(folder, Number(process.env.BENCH_ROUNDS ?? 7)));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    return;
  }
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, samples: SAMPLES, cpus: 2 };
  if (process.env.BENCH_ONLY === 'cli') {
    results.cli = cliBench();
    console.log((results.cli as CliResults).table);
    writeResults(results, 'cli.json');
    return;
  }
  if (process.env.BENCH_ONLY === 'index') {
    results.index = await indexBench();
    console.log((results.index as IndexResults).table);
    writeResults(results, 'index.json');
    return;
  }
  const folders: string[] = [];
  let pairedFloor: FloorSession | undefined;
  try {
    const folder10k = workspace(10_000);
    folders.push(folder10k);
    // Warm the file cache and each script's first compile once, so no measured run pays for it alone.
    await peer('floor', folder10k, 10_000);
    const floor = await peer('floor', folder10k, 10_000);
    const json = await peer('vscode-json-language-server', folder10k, 10_000);
    const yaml = await peer('yaml-language-server', folder10k, 10_000);
    // Hovers and completions are timed alternately with this floor, in every run below.
    pairedFloor = await startFloor(folder10k);
    const server = await ours(folder10k, { codes: 10_000, lines: 10_000, measures: 'all', floor: pairedFloor });
    const initialize = await initializeTimes(folder10k, 7);
    server.initializeMedianMs = initialize.ours;
    floor.initializeMedianMs = initialize.floor;
    const startup = await startupTimes(folder10k, 7);
    server.startupColdMs = startup.cold;
    server.startupCachedMs = startup.cached;
    json.startupMs = startup.json;
    floor.startupMs = startup.floor;
    results.codes10k = { server, floor, json, yaml };

    const files: Record<string, Figures> = {
      'TypeScript handlers': server,
      'Python handlers': await ours(folder10k, { codes: 10_000, lines: 10_000, language: 'python', measures: 'diagnostics' }),
      'TypeScript, a code on every line': await ours(folder10k, { codes: 10_000, lines: 10_000, density: 'every line', measures: 'diagnostics' }),
      'Python, a code on every line': await ours(folder10k, { codes: 10_000, lines: 10_000, language: 'python', density: 'every line', measures: 'diagnostics' }),
    };
    results.files = files;

    const scaling: Record<string, Figures> = {};
    const scalingRuns = [[1_000, 100, 'yaml', 'typescript'], [1_000, 100, 'yaml', 'python'], [1_000, 1_000, 'yaml', 'typescript'], [1_000, 1_000, 'yaml', 'python'], [100_000, 1_000, 'yaml', 'typescript'], [100_000, 1_000, 'json', 'typescript']] as const;
    for (const [codes, lines, format, language] of scalingRuns) {
      const folder = workspace(codes, format);
      folders.push(folder);
      scaling[`${codes} codes (${format.toUpperCase()}), ${lines} lines of ${language === 'typescript' ? 'TypeScript' : 'Python'}`] = await ours(folder, { codes, lines, language, measures: 'open', floor: pairedFloor });
    }
    results.scaling = scaling;

    const rows: [string, string, number | undefined, number | undefined, string][] = [
      ['initialize, median of 7 (ms)', 'initializeMedianMs', server.initializeMedianMs, floor.initializeMedianMs, '≤ 1.3× floor'],
      ['first hover after opening the file (ms)', 'firstHoverMs', server.firstHoverMs, floor.firstHoverInFileMs, '≤ 20 ms'],
      ['hover p50, a different code each time (ms)', 'hoverP50', server.hoverP50, server.floorHoverP50, '≤ 1.25× floor'],
      ['hover p99 (ms)', 'hoverP99', server.hoverP99, server.floorHoverP99, ''],
      ['hover p50, the same code again (ms)', 'hoverAgainP50', server.hoverAgainP50, server.floorHoverAgainP50, ''],
      ['completion p50, no prefix (ms)', 'completionP50', server.completionP50, server.floorCompletionP50, '≤ 0.25× json server'],
      ['completion p99, no prefix (ms)', 'completionP99', server.completionP99, server.floorCompletionP99, ''],
      ['completion response (bytes)', 'completionBytes', server.completionBytes, floor.completionBytes, ''],
      ['completion p50, with prefix (ms)', 'prefixCompletionP50', server.prefixCompletionP50, server.floorCompletionP50, ''],
      ['resolve p50 (ms)', 'resolveP50', server.resolveP50, undefined, ''],
      ['code action p50 (ms)', 'codeActionP50', server.codeActionP50, undefined, ''],
      ['diagnostics, 10,000-line file, from opening (ms)', 'diagnosticsMs', server.diagnosticsMs, floor.diagnosticsMs, '≤ 50 ms'],
      ['diagnostics after a one-character edit, p50 (ms)', 'diagnosticsAfterEditMs', server.diagnosticsAfterEditMs, floor.diagnosticsAfterEditMs, '≤ 5 ms'],
      ['diagnostics after a one-character edit, p99 (ms)', 'diagnosticsAfterEditP99', server.diagnosticsAfterEditP99, floor.diagnosticsAfterEditP99, ''],
      ['catalog load (ms)', 'catalogLoadMs', server.catalogLoadMs, undefined, ''],
      ['catalog reload after a change (ms)', 'catalogReloadMs', server.catalogReloadMs, undefined, ''],
      ['memory, resident (MB)', 'rssMb', server.rssMb, floor.rssMb, '≤ floor + 40 MB'],
    ];
    const lines: string[] = [];
    const print = (line: string) => { lines.push(line); console.log(line); };
    print(`\n10,000-code catalog, 10,000-line TypeScript file of handlers, ${SAMPLES} samples per latency, ${EDITS} edits, Node ${process.version}\n`);
    print('| measure | error-catalog | floor | vs floor | json server | vs json | yaml server | target |');
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const [label, key, value, base, target] of rows) {
      const digits = key === 'completionBytes' ? 0 : 2;
      const jsonValue = (json as Figures)[key];
      const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
      print(`| ${label} | ${fmt(value, digits)} | ${fmt(base, digits)} | ${ratio(value, base)} | ${fmt(jsonValue, digits)} | ${ratio(value, jsonValue)} | ${fmt((yaml as Figures)[key], digits)} | ${target} |`);
    }
    print('\nSpawn to the first hover that explains a code, 10,000-code catalog, median of 7 alternating starts\n');
    print('| server | ms | vs json server | target |');
    print('| --- | ---: | ---: | --- |');
    print(`| error-catalog, first start (no catalog cache) | ${fmt(server.startupColdMs)} | ${fmt(server.startupColdMs / json.startupMs)}× | |`);
    print(`| error-catalog, catalog unchanged since the last start | ${fmt(server.startupCachedMs)} | ${fmt(server.startupCachedMs / json.startupMs)}× | ≤ 0.5× json server |`);
    print(`| vscode-json-language-server (the codes as a schema) | ${fmt(json.startupMs)} | 1.00× | |`);
    print(`| floor server, spawn to its first (constant) hover | ${fmt(floor.startupMs)} | ${fmt(floor.startupMs / json.startupMs)}× | |`);
    print('\n10,000-code catalog, 10,000-line files: diagnostics\n');
    print('| file | code usages | from opening (ms) | after a one-character edit, p50 (ms) | p99 (ms) |');
    print('| --- | ---: | ---: | ---: | ---: |');
    for (const [name, f] of Object.entries(files)) {
      print(`| ${name} | ${f.usages} | ${fmt(f.diagnosticsMs)} | ${fmt(f.diagnosticsAfterEditMs)} | ${fmt(f.diagnosticsAfterEditP99)} |`);
    }
    print('\n| catalog, file | initialize (ms) | catalog load (ms) | first hover (ms) | diagnostics (ms) | hover p50 (ms) | memory (MB) |');
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, f] of Object.entries(scaling)) {
      print(`| ${name} | ${fmt(f.initializeMs)} | ${fmt(f.catalogLoadMs)} | ${fmt(f.firstHoverMs)} | ${fmt(f.diagnosticsMs)} | ${fmt(f.hoverP50)} (${fmt(f.hoverP50 / f.floorHoverP50)}× floor) | ${fmt(f.rssMb, 1)} |`);
    }
    results.table = lines.join('\n');
  } finally {
    await pairedFloor?.client.dispose();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
  results.index = await indexBench();
  console.log((results.index as IndexResults).table);
  results.cli = cliBench();
  console.log(`\n${(results.cli as CliResults).table}`);
  writeResults(results, 'latest.json');
}

function writeResults(results: Record<string, unknown>, name: string): void {
  mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'bench', 'results', name), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten: bench/results/${name}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
