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
import { generatedCatalogYaml, generatedCode } from '../test/helpers/generate';
import { fileUri, LspClient, REPO_ROOT } from '../test/helpers/lspClient';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const SERVER = join(REPO_ROOT, 'dist', 'server.js');
const FLOOR = join(REPO_ROOT, 'out', 'bench', 'floorServer.js');
const JSON_SERVER = join(REPO_ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-json-language-server');
const YAML_SERVER = join(REPO_ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function rssMb(pid: number | undefined): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

async function timed(samples: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await work(i);
    values.push(performance.now() - started);
  }
  return values;
}

/** A file of Express (TypeScript) or FastAPI (Python) handlers using the catalog's codes with their own statuses. */
function handlers(language: 'typescript' | 'python', lines: number, codes: number): { text: string; hovers: Position[]; completion: Position; prefixed: Position; editAt: Position } {
  const out: string[] = language === 'typescript' ? ["import express from 'express';", 'const app = express();'] : ['from fastapi import FastAPI', 'app = FastAPI()'];
  const hovers: Position[] = [];
  for (let i = 0; out.length < lines - 2; i++) {
    const index = (i * 7919) % codes;
    const code = generatedCode(index);
    const status = STATUSES[index % STATUSES.length];
    const line = language === 'typescript'
      ? `app.get('/${i}', (q, res) => res.status(${status}).json({ error: { code: '${code}' } }));`
      : `def r${i}(): return JSONResponse(status_code=${status}, content={'error': {'code': '${code}'}})`;
    hovers.push({ line: out.length, character: line.indexOf(code) + 3 });
    out.push(line);
  }
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
    editAt: hovers[Math.floor(hovers.length / 2)],
  };
}

function workspace(codes: number): string {
  const folder = mkdtempSync(join(tmpdir(), `error-catalog-bench-${codes}-`));
  mkdirSync(join(folder, 'src'));
  writeFileSync(join(folder, 'api.errors.yaml'), generatedCatalogYaml(codes));
  return folder;
}

type Figures = Record<string, number>;

/** Spawn to `initialize` response, catalogs loaded, first hover after open, then steady-state latencies. */
async function ours(folder: string, codes: number, lines: number, full: boolean): Promise<Figures> {
  const figures: Figures = {};
  const source = handlers('typescript', lines, codes);
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
    const uri = fileUri(join(folder, 'src', 'handlers.ts'));
    started = performance.now();
    const diagnostics = client.diagnosticsFor(uri);
    await client.open(uri, 'typescript', source.text);
    const firstHover = performance.now();
    await client.hover(uri, source.hovers[0]);
    figures.firstHoverMs = performance.now() - firstHover;
    const published = await diagnostics;
    figures.diagnosticsMs = performance.now() - started;
    if (client.logs.some((line) => line.includes('Not checking'))) throw new Error(`the benchmark file was skipped: ${client.logs.join('\n')}`);
    figures.diagnosticsCount = published.diagnostics.length;
    figures.rssMb = rssMb(client.pid);
    const hovers = await timed(SAMPLES, (i) => client.hover(uri, source.hovers[i % source.hovers.length]));
    figures.hoverP50 = percentile(hovers, 50);
    figures.hoverP99 = percentile(hovers, 99);
    if (!full) return figures;
    let list: CompletionList | null = null;
    const completions = await timed(SAMPLES, async () => { list = await client.completion(uri, source.completion) as CompletionList; });
    figures.completionP50 = percentile(completions, 50);
    figures.completionP99 = percentile(completions, 99);
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
    // A one-character edit, then the diagnostics of the new version.
    const lineText = source.text.split('\n')[source.editAt.line];
    const edited = source.text.replace(lineText, lineText.replace("(q, res)", "(r, res)"));
    started = performance.now();
    const afterEdit = client.nextDiagnosticsFor(uri);
    await client.change(uri, edited);
    await afterEdit;
    figures.diagnosticsAfterEditMs = performance.now() - started;
    // The catalog changes on disk: time until the server has reloaded it.
    writeFileSync(join(folder, 'api.errors.yaml'), `${generatedCatalogYaml(codes)}  BENCH_NEW_CODE:\n    status: 409\n`);
    started = performance.now();
    const reloaded = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, 'api.errors.yaml')), type: 2 }] });
    await reloaded;
    figures.catalogReloadMs = performance.now() - started;
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
          code: { enum: values, markdownEnumDescriptions: values.map((code, i) => `**${code}** · ${STATUSES[i % STATUSES.length]}\n\nError number ${i} of the generated catalog.`) },
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
    await client.shutdown();
    return figures;
  } finally {
    await client.dispose();
  }
}

const fmt = (n: number | undefined, digits = 2) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));

async function main(): Promise<void> {
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, samples: SAMPLES, cpus: 2 };
  const folders: string[] = [];
  try {
    const folder10k = workspace(10_000);
    folders.push(folder10k);
    // Warm the file cache and each script's first compile once, so no measured run pays for it alone.
    await peer('floor', folder10k, 10_000);
    const floor = await peer('floor', folder10k, 10_000);
    const json = await peer('vscode-json-language-server', folder10k, 10_000);
    const yaml = await peer('yaml-language-server', folder10k, 10_000);
    const server = await ours(folder10k, 10_000, 10_000, true);
    results.codes10k = { server, floor, json, yaml };

    const scaling: Record<string, Figures> = {};
    for (const [codes, lines] of [[1_000, 100], [1_000, 1_000], [100_000, 1_000]] as const) {
      const folder = workspace(codes);
      folders.push(folder);
      scaling[`${codes} codes, ${lines} lines`] = await ours(folder, codes, lines, false);
    }
    results.scaling = scaling;

    const rows: [string, string, number | undefined, number | undefined, string][] = [
      ['initialize (ms)', 'initializeMs', server.initializeMs, floor.initializeMs, '≤ 1.3× floor'],
      ['first hover after open (ms)', 'firstHoverMs', server.firstHoverMs, floor.firstHoverMs, '≤ 20 ms'],
      ['hover p50 (ms)', 'hoverP50', server.hoverP50, floor.hoverP50, '≤ 1.25× floor'],
      ['hover p99 (ms)', 'hoverP99', server.hoverP99, floor.hoverP99, ''],
      ['completion p50, no prefix (ms)', 'completionP50', server.completionP50, floor.completionP50, '≤ 0.25× json server'],
      ['completion p99, no prefix (ms)', 'completionP99', server.completionP99, floor.completionP99, ''],
      ['completion response (bytes)', 'completionBytes', server.completionBytes, floor.completionBytes, ''],
      ['completion p50, with prefix (ms)', 'prefixCompletionP50', server.prefixCompletionP50, floor.completionP50, ''],
      ['resolve p50 (ms)', 'resolveP50', server.resolveP50, undefined, ''],
      ['code action p50 (ms)', 'codeActionP50', server.codeActionP50, undefined, ''],
      ['diagnostics, 10,000-line file (ms)', 'diagnosticsMs', server.diagnosticsMs, undefined, '≤ 50 ms'],
      ['diagnostics after a one-character edit (ms)', 'diagnosticsAfterEditMs', server.diagnosticsAfterEditMs, undefined, '≤ 5 ms'],
      ['catalog load (ms)', 'catalogLoadMs', server.catalogLoadMs, undefined, ''],
      ['catalog reload after a change (ms)', 'catalogReloadMs', server.catalogReloadMs, undefined, ''],
      ['memory, resident (MB)', 'rssMb', server.rssMb, floor.rssMb, '≤ floor + 40 MB'],
    ];
    const lines: string[] = [];
    const print = (line: string) => { lines.push(line); console.log(line); };
    print(`\n10,000-code catalog, 10,000-line TypeScript file, ${SAMPLES} samples per latency, Node ${process.version}\n`);
    print('| measure | error-catalog | floor | vs floor | json server | vs json | yaml server | target |');
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const [label, key, value, base, target] of rows) {
      const digits = key === 'completionBytes' ? 0 : 2;
      const jsonValue = (json as Figures)[key];
      const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
      print(`| ${label} | ${fmt(value, digits)} | ${fmt(base, digits)} | ${ratio(value, base)} | ${fmt(jsonValue, digits)} | ${ratio(value, jsonValue)} | ${fmt((yaml as Figures)[key], digits)} | ${target} |`);
    }
    print('\n| catalog, file | initialize (ms) | catalog load (ms) | first hover (ms) | diagnostics (ms) | hover p50 (ms) | memory (MB) |');
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, f] of Object.entries(scaling)) {
      print(`| ${name} | ${fmt(f.initializeMs)} | ${fmt(f.catalogLoadMs)} | ${fmt(f.firstHoverMs)} | ${fmt(f.diagnosticsMs)} | ${fmt(f.hoverP50)} (${fmt(f.hoverP50 / floor.hoverP50)}× floor) | ${fmt(f.rssMb, 1)} |`);
    }
    results.table = lines.join('\n');
  } finally {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
  mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten: bench/results/latest.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
