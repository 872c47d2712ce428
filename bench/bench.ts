/**
 * `npm run bench`: latency and memory of the bundled server on generated catalogs, against a
 * floor server that answers constants, measured in the same run and reported as ratios.
 * Prints a table and writes bench/results/latest.json. Not part of `npm test`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CompletionList, Position } from 'vscode-languageserver/node';
import { generatedCatalogYaml, generatedCode } from '../test/helpers/generate';
import { LspClient, REPO_ROOT, fileUri } from '../test/helpers/lspClient';

const FLOOR = join(REPO_ROOT, 'out', 'bench', 'floorServer.js');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);

interface Figures {
  initializeMs: number;
  firstHoverMs: number;
  hoverP50: number;
  hoverP99: number;
  completionP50: number;
  completionP99: number;
  completionBytes: number;
  prefixCompletionP50: number;
  prefixCompletionP99: number;
  resolveP50: number;
  rssMb: number;
  catalogLoadMs?: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** A TypeScript handler file that uses the codes, `lines` long. */
function sourceFile(lines: number, codes: number): { text: string; hoverPositions: Position[]; completionAt: Position; prefixAt: Position } {
  const out: string[] = ["import express from 'express';", 'const app = express();'];
  const hoverPositions: Position[] = [];
  while (out.length < lines - 2) {
    const i = out.length;
    const code = generatedCode((i * 7919) % codes);
    const line = `app.get('/r${i}', (req, res) => res.status(429).json({ error: { code: '${code}', message: 'x' } }));`;
    hoverPositions.push({ line: out.length, character: line.indexOf(code) + 3 });
    out.push(line);
  }
  const completionLine = out.length;
  out.push("res.status(404).json({ error: { code: '' } });");
  const prefixLine = out.length;
  const prefix = generatedCode(1234).slice(0, 8);
  out.push(`res.json({ code: '${prefix}' });`);
  return {
    text: `${out.join('\n')}\n`,
    hoverPositions,
    completionAt: { line: completionLine, character: out[completionLine].indexOf("''") + 1 },
    prefixAt: { line: prefixLine, character: out[prefixLine].indexOf(prefix) + prefix.length },
  };
}

async function measure(serverScript: string, folder: string, source: ReturnType<typeof sourceFile>, waitForCatalogs: boolean): Promise<Figures> {
  const started = performance.now();
  const client = new LspClient(['--stdio'], REPO_ROOT, serverScript);
  try {
    await client.initialize(folder, { initialized: false });
    const initializeMs = performance.now() - started;
    const loadStart = performance.now();
    const ready = waitForCatalogs ? client.ready() : Promise.resolve();
    await client.initialized();
    await ready;
    const catalogLoadMs = waitForCatalogs ? performance.now() - loadStart : undefined;
    const uri = fileUri(join(folder, 'src', 'handlers.ts'));
    await client.open(uri, 'typescript', source.text);
    let t = performance.now();
    await client.hover(uri, source.hoverPositions[0]);
    const firstHoverMs = performance.now() - t;

    const time = async (work: () => Promise<unknown>, samples = SAMPLES) => {
      const values: number[] = [];
      for (let i = 0; i < samples; i++) {
        t = performance.now();
        await work();
        values.push(performance.now() - t);
      }
      return values;
    };
    let k = 0;
    const hovers = await time(() => client.hover(uri, source.hoverPositions[k++ % source.hoverPositions.length]));
    let last: CompletionList | null = null;
    const completions = await time(async () => { last = await client.completion(uri, source.completionAt) as CompletionList; });
    const completionBytes = Buffer.byteLength(JSON.stringify(last));
    const prefixed = await time(() => client.completion(uri, source.prefixAt));
    const item = (last as CompletionList | null)?.items[0];
    const resolves = await time(() => client.resolve({ ...item!, data: (last as CompletionList | null)?.itemDefaults?.data ?? item!.data }), Math.min(SAMPLES, 200));
    const figures: Figures = {
      initializeMs,
      firstHoverMs,
      hoverP50: percentile(hovers, 50),
      hoverP99: percentile(hovers, 99),
      completionP50: percentile(completions, 50),
      completionP99: percentile(completions, 99),
      completionBytes,
      prefixCompletionP50: percentile(prefixed, 50),
      prefixCompletionP99: percentile(prefixed, 99),
      resolveP50: percentile(resolves, 50),
      rssMb: rssMb(client.pid),
      catalogLoadMs,
    };
    await client.shutdown();
    return figures;
  } finally {
    await client.dispose();
  }
}

function workspace(codes: number, lines: number) {
  const folder = mkdtempSync(join(tmpdir(), `error-catalog-bench-${codes}-`));
  mkdirSync(join(folder, 'src'));
  writeFileSync(join(folder, 'api.errors.yaml'), generatedCatalogYaml(codes));
  return { folder, source: sourceFile(lines, codes) };
}

const f = (n: number | undefined, digits = 2) => (n === undefined ? '—' : n.toFixed(digits));

async function main(): Promise<void> {
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, samples: SAMPLES };
  const { folder, source } = workspace(10_000, 1_000);
  try {
    // Warm the file cache and the JIT's first compile of each script once, so neither run pays for it alone.
    await measure(FLOOR, folder, source, false);
    const floor = await measure(FLOOR, folder, source, false);
    const server = await measure(join(REPO_ROOT, 'dist', 'server.js'), folder, source, true);
    results.codes10k = { floor, server };
    const rows: [string, keyof Figures, number | undefined][] = [
      ['initialize (ms)', 'initializeMs', 1.3],
      ['catalog load (ms)', 'catalogLoadMs', undefined],
      ['first hover after open (ms)', 'firstHoverMs', undefined],
      ['hover p50 (ms)', 'hoverP50', 1.25],
      ['hover p99 (ms)', 'hoverP99', undefined],
      ['completion p50, no prefix (ms)', 'completionP50', undefined],
      ['completion p99, no prefix (ms)', 'completionP99', undefined],
      ['completion response (bytes)', 'completionBytes', undefined],
      ['completion p50, with prefix (ms)', 'prefixCompletionP50', undefined],
      ['completion p99, with prefix (ms)', 'prefixCompletionP99', undefined],
      ['resolve p50 (ms)', 'resolveP50', undefined],
      ['memory, resident (MB)', 'rssMb', undefined],
    ];
    console.log(`\n10,000-code catalog, 1,000-line TypeScript file, ${SAMPLES} samples per figure\n`);
    console.log('| measure | error-catalog | floor | ratio |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [label, key] of rows) {
      const ours = server[key];
      const base = floor[key];
      const ratio = ours !== undefined && base !== undefined && base > 0 ? `${(ours / base).toFixed(2)}×` : '—';
      console.log(`| ${label} | ${f(ours, key === 'completionBytes' ? 0 : 2)} | ${f(base, key === 'completionBytes' ? 0 : 2)} | ${ratio} |`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  mkdirSync(join(REPO_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten: bench/results/latest.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
