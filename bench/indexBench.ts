/**
 * `BENCH_ONLY=index`: the workspace index of code constants on large generated workspaces. On a
 * repository of 5,000 source files: the time from spawn to the index built (the end of its
 * `window/workDoneProgress`), the server's memory then (resident, and its V8 heap before and after
 * a full collection), and hovers while the index builds and after, each timed alternately with the
 * same hover in a workspace of that one file. On a repository of 3,200 files, most of them in
 * `node_modules/`, `vendor/` and `third_party/`: memory against the floor server's on the same
 * workspace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Location, Position, ProgressToken, WorkDoneProgressBegin } from 'vscode-languageserver/node';
import { generatedCatalogYaml } from '../test/helpers/generate';
import { folderFiles, LspClient, REPO_ROOT } from '../test/helpers/lspClient';
import { HEAP_PROBE } from './heapProbe';
import { hoveredFile, LARGE_WORKSPACE_CODES, writeLargeWorkspace, writeVendoredFolders } from './largeWorkspace';
import { FLOOR, fmt, percentile, rssMb, SAMPLES, SERVER, timedPair, type Figures } from './measure';

const LARGE_FILES = Number(process.env.BENCH_INDEX_FILES ?? 5_000);
const VENDORED = { own: 600, vendored: 2_600 };
const PROBE = join(REPO_ROOT, 'out', 'bench', 'heapProbe.js');
const INDEX_TITLE = 'Indexing error code constants';
const INDEXED_LOG = /Indexed (\d+) source files in (\d+) ms: (\d+) constants/;
const REFERENCE_SAMPLES = 5;

/** Our server spawned on a folder, with the heap probe preloaded, and the moments its index is built. */
class IndexedServer {
  readonly client: LspClient;
  readonly spawnedAt = performance.now();
  /** Settles with the time of the index progress's `end` (spawn to index built), or of the log line when the server shows no progress (small workspaces). */
  readonly indexed: Promise<number>;
  private indexEnded = false;

  constructor(settings: unknown = null) {
    this.client = new LspClient(['--stdio'], REPO_ROOT, SERVER, { env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require=${PROBE}`.trim() } });
    this.client.settings = settings;
    let indexToken: ProgressToken | undefined;
    const progressEnd = new Promise<number>((resolve) => this.client.onMessage((message) => {
      if (!('method' in message) || message.method !== '$/progress') return;
      const { token, value } = (message as unknown as { params: { token: ProgressToken; value: WorkDoneProgressBegin | { kind: 'report' | 'end' } } }).params;
      if (value.kind === 'begin' && value.title === INDEX_TITLE) indexToken = token;
      else if (value.kind === 'end' && token === indexToken) resolve(performance.now() - this.spawnedAt);
    }));
    const logged = this.indexLog().then(() => performance.now() - this.spawnedAt);
    // Small workspaces are indexed without progress: the log line, which comes just before the end, is all there is.
    this.indexed = logged.then((atLog) => (indexToken === undefined ? atLog : progressEnd)).then((ms) => {
      this.indexEnded = true;
      return ms;
    });
  }

  get indexing(): boolean {
    return !this.indexEnded;
  }

  async start(folder: string, open: { uri: string; text: string }): Promise<{ initializeMs: number }> {
    await this.client.initialize(folder, { capabilities: { window: { workDoneProgress: true } } });
    const initializeMs = performance.now() - this.spawnedAt;
    await this.client.ready();
    await this.client.open(open.uri, 'typescript', open.text);
    return { initializeMs };
  }

  /** The server's own report of the build: files read, constants found. */
  async indexLog(): Promise<{ files: number; ms: number; constants: number }> {
    const line = await this.client.waitFor(() => this.client.logs.find((l) => INDEXED_LOG.test(l)), 'the index built');
    const [, files, ms, constants] = INDEXED_LOG.exec(line)!.map(Number);
    return { files, ms, constants };
  }

  /** Resident memory now, then the V8 heap in use and held after a full collection (from the heap probe). */
  async memory(): Promise<{ rssMb: number; heapUsedMb: number; heapRetainedMb: number }> {
    const rss = rssMb(this.client.pid);
    const seen = this.client.logs.length;
    process.kill(this.client.pid!, 'SIGUSR2');
    const line = await this.client.waitFor(() => this.client.logs.slice(seen).find((l) => l.startsWith(`[stderr] ${HEAP_PROBE}`)), 'the heap probe');
    const heap = JSON.parse(line.slice(`[stderr] ${HEAP_PROBE}`.length)) as { heapUsedMb: number; heapRetainedMb: number };
    return { rssMb: rss, heapUsedMb: heap.heapUsedMb, heapRetainedMb: heap.heapRetainedMb };
  }

  async stop(): Promise<void> {
    try {
      await this.client.shutdown();
    } finally {
      await this.client.dispose();
    }
  }
}

/** The hovered document in a workspace, and the two positions hovered. */
interface Hovered {
  readonly uri: string;
  readonly text: string;
  readonly literal: Position;
  readonly constant: Position;
}

function hoveredIn(folder: string): Hovered {
  const file = hoveredFile();
  const uri = folderFiles(folder).write(file.path, file.text);
  return { uri, text: file.text, literal: file.literal, constant: file.constant };
}

/** Hover latencies of two servers on the same document, alternately, on a code string and on a code constant. */
interface HoverSamples {
  literal: [number[], number[]];
  constant: [number[], number[]];
  /** Hovers on the constant that the large workspace's server answered with an explanation. */
  constantAnswered: number;
}

/** A server and the document it is asked about. */
interface Side {
  readonly client: LspClient;
  readonly hovered: Hovered;
}

/** Rounds of four hovers (ours on the string, the single file's, ours on the constant, the single file's) while `more()` holds. */
async function hoverRounds(large: Side, single: Side, more: (round: number) => boolean): Promise<HoverSamples> {
  const samples: HoverSamples = { literal: [[], []], constant: [[], []], constantAnswered: 0 };
  for (let round = 0; more(round); round++) {
    for (const kind of ['literal', 'constant'] as const) {
      let answered = false;
      const [ours, theirs] = await timedPair(1, async () => {
        answered = (await large.client.hover(large.hovered.uri, large.hovered[kind])) !== null;
      }, () => single.client.hover(single.hovered.uri, single.hovered[kind]));
      samples[kind][0].push(...ours);
      samples[kind][1].push(...theirs);
      if (kind === 'constant' && answered) samples.constantAnswered++;
    }
  }
  return samples;
}

function hoverFigures(samples: HoverSamples, when: 'During' | 'After'): Figures {
  const figures: Figures = { [`hover${when}Rounds`]: samples.literal[0].length, [`hover${when}ConstantAnswered`]: samples.constantAnswered };
  for (const kind of ['literal', 'constant'] as const) {
    const name = `${kind === 'literal' ? 'Literal' : 'Constant'}${when}`;
    if (samples[kind][0].length === 0) continue;
    for (const p of [50, 95]) {
      figures[`hover${name}P${p}`] = percentile(samples[kind][0], p);
      figures[`singleHover${name}P${p}`] = percentile(samples[kind][1], p);
    }
  }
  return figures;
}

/** References to the code of the hovered string, alternately: the large workspace's p50, the single file's, and how many the large one found. */
async function referencesTimes(large: Side, single: Side): Promise<{ ours: number; single: number; found: number }> {
  const params = ({ hovered }: Side) => ({ textDocument: { uri: hovered.uri }, position: hovered.literal, context: { includeDeclaration: true } });
  let found = 0;
  const [ours, theirs] = await timedPair(REFERENCE_SAMPLES, async () => {
    found = ((await large.client.request<Location[] | null>('textDocument/references', params(large))) ?? []).length;
  }, () => single.client.request('textDocument/references', params(single)));
  return { ours: percentile(ours, 50), single: percentile(theirs, 50), found };
}

/** The floor server's resident memory with a document open in the folder. */
async function floorRss(folder: string, hovered: Hovered): Promise<number> {
  const client = new LspClient(['--stdio'], folder, FLOOR);
  try {
    await client.initialize(folder);
    await client.open(hovered.uri, 'typescript', hovered.text);
    await client.hover(hovered.uri, hovered.literal);
    const rss = rssMb(client.pid);
    await client.shutdown();
    return rss;
  } finally {
    await client.dispose();
  }
}

/** Our server on a workspace until its index is built: the time, the log's counts, the memory. */
async function indexOnce(folder: string, hovered: Hovered, settings: unknown = null): Promise<Figures> {
  const server = new IndexedServer(settings);
  try {
    await server.start(folder, hovered);
    const indexMs = await server.indexed;
    const log = await server.indexLog();
    const memory = await server.memory();
    return { indexMs, indexedFiles: log.files, constants: log.constants, ...memory };
  } finally {
    await server.stop();
  }
}

/** A new temporary folder, listed in `folders` to be removed at the end. */
function temporaryFolder(name: string, folders: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), `error-catalog-bench-${name}-`));
  folders.push(folder);
  return folder;
}

export interface IndexResults {
  readonly large: Figures;
  readonly single: Figures;
  readonly vendored: Record<string, Figures>;
  readonly table: string;
}

export async function indexBench(): Promise<IndexResults> {
  const folders: string[] = [];
  try {
    const largeFolder = temporaryFolder('index-large', folders);
    const written = writeLargeWorkspace(largeFolder, LARGE_FILES - 1);
    const largeHovered = hoveredIn(largeFolder);
    const singleFolder = temporaryFolder('index-single', folders);
    folderFiles(singleFolder).write('api.errors.yaml', generatedCatalogYaml(LARGE_WORKSPACE_CODES));
    const singleHovered = hoveredIn(singleFolder);
    // The single file's server answers the same hovers as the large workspace's, alternately; it is
    // the same document at the same path, only the workspace differs.
    const single = new IndexedServer();
    const large: Figures = { sourceFiles: written.sourceFiles + 1, sourceMb: written.bytes / 1024 / 1024 };
    const singleFigures: Figures = {};
    try {
      const { initializeMs } = await single.start(singleFolder, singleHovered);
      const singleLog = await single.indexLog();
      Object.assign(singleFigures, { initializeMs, indexMs: await single.indexed, indexedFiles: singleLog.files, constants: singleLog.constants }, await single.memory());
      const singleSide: Side = { client: single.client, hovered: singleHovered };

      // Spawned once to be hovered without pause while it indexes (the most an editor would ask).
      const hovering = new IndexedServer();
      try {
        await hovering.start(largeFolder, largeHovered);
        const during = hoverFigures(await hoverRounds({ client: hovering.client, hovered: largeHovered }, singleSide, () => hovering.indexing), 'During');
        large.indexWhileHoveredMs = await hovering.indexed;
        Object.assign(large, during);
        Object.assign(singleFigures, singleSideOf(during));
      } finally {
        await hovering.stop();
      }

      // Spawned again and left alone until the index is built: its time and memory, then hovers and references.
      const quiet = new IndexedServer();
      try {
        const { initializeMs: largeInitializeMs } = await quiet.start(largeFolder, largeHovered);
        large.initializeMs = largeInitializeMs;
        large.indexMs = await quiet.indexed;
        const log = await quiet.indexLog();
        Object.assign(large, { indexedFiles: log.files, constants: log.constants, indexLoggedMs: log.ms }, await quiet.memory());
        const quietSide: Side = { client: quiet.client, hovered: largeHovered };
        const after = hoverFigures(await hoverRounds(quietSide, singleSide, (round) => round < SAMPLES), 'After');
        Object.assign(large, after);
        Object.assign(singleFigures, singleSideOf(after));
        const references = await referencesTimes(quietSide, singleSide);
        Object.assign(large, { referencesP50: references.ours, referencesFound: references.found });
        singleFigures.referencesP50 = references.single;
      } finally {
        await quiet.stop();
      }
    } finally {
      await single.stop();
    }

    const vendoredFolder = temporaryFolder('index-vendored', folders);
    const own = writeLargeWorkspace(vendoredFolder, VENDORED.own - 1, 3);
    const vendoredFiles = writeVendoredFolders(vendoredFolder, VENDORED.vendored);
    const vendoredHovered = hoveredIn(vendoredFolder);
    const floor = await floorRss(vendoredFolder, vendoredHovered);
    const files = own.sourceFiles + 1 + vendoredFiles;
    const vendored: Record<string, Figures> = {
      defaults: { files, vendoredFiles, floorRssMb: floor, ...(await indexOnce(vendoredFolder, vendoredHovered)) },
      'vendor/ and third_party/ excluded': { files, vendoredFiles, floorRssMb: floor, ...(await indexOnce(vendoredFolder, vendoredHovered, { exclude: ['**/vendor/**', '**/third_party/**'] })) },
    };
    return { large, single: singleFigures, vendored, table: table(large, singleFigures, vendored) };
  } finally {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
}

/** The single file's side of paired hover figures (`singleHover…` → `hover…`). */
function singleSideOf(figures: Figures): Figures {
  return Object.fromEntries(Object.entries(figures).filter(([key]) => key.startsWith('single')).map(([key, value]) => [key.replace(/^singleH/, 'h'), value]));
}

function table(large: Figures, single: Figures, vendored: Record<string, Figures>): string {
  const lines: string[] = [];
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  const files = large.sourceFiles.toLocaleString('en-US');
  lines.push(`\nWorkspace index: ${files} source files (${fmt(large.sourceMb, 1)} MB: TypeScript, Python, Go, PHP, Java, C#, JSON, YAML), ${LARGE_WORKSPACE_CODES.toLocaleString('en-US')}-code catalog, against the same file alone in a workspace, Node ${process.version}\n`);
  lines.push(`| measure | ${files} files | 1 file | ratio | target |`);
  lines.push('| --- | ---: | ---: | ---: | --- |');
  const row = (label: string, key: string, target = '', digits = 2) => lines.push(`| ${label} | ${fmt(large[key], digits)} | ${fmt(single[key], digits)} | ${ratio(large[key], single[key])} | ${target} |`);
  row('initialize (ms)', 'initializeMs');
  row('index built, from spawn (ms)', 'indexMs', '≤ 10,000 ms');
  row('index built, from spawn, hovered without pause meanwhile (ms)', 'indexWhileHoveredMs');
  row('files indexed', 'indexedFiles', '', 0);
  row('constants indexed', 'constants', '', 0);
  row('memory, resident, once indexed (MB)', 'rssMb', '', 1);
  row('V8 heap in use, once indexed (MB)', 'heapUsedMb', '', 1);
  row('V8 heap held after a full collection (MB)', 'heapRetainedMb', '', 1);
  for (const when of ['During', 'After'] as const) {
    const label = when === 'During' ? 'while indexing' : 'once indexed';
    for (const [kind, what] of [['Literal', 'a code string'], ['Constant', 'a code constant']] as const) {
      row(`hover p50 on ${what}, ${label} (ms)`, `hover${kind}${when}P50`, '≈ 1× (≤ 1.5×)');
      row(`hover p95 on ${what}, ${label} (ms)`, `hover${kind}${when}P95`, '≈ 1×');
    }
  }
  lines.push(`| hovers while indexing (rounds); on the constant, answered | ${fmt(large.hoverDuringRounds, 0)}; ${fmt(large.hoverDuringConstantAnswered, 0)} | | | |`);
  row(`references to a code p50, once indexed (ms; ${fmt(large.referencesFound, 0)} found)`, 'referencesP50');
  lines.push(`\n${(VENDORED.own + VENDORED.vendored).toLocaleString('en-US')} files, ${VENDORED.vendored.toLocaleString('en-US')} of them in node_modules/ (half), vendor/ and third_party/: memory once indexed, against the floor server on the same workspace\n`);
  lines.push('| settings | files indexed | constants | index built (ms) | memory (MB) | floor (MB) | above the floor (MB) | V8 heap held (MB) | target |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [name, f] of Object.entries(vendored)) {
    lines.push(`| ${name} | ${f.indexedFiles} | ${f.constants} | ${fmt(f.indexMs)} | ${fmt(f.rssMb, 1)} | ${fmt(f.floorRssMb, 1)} | ${fmt(f.rssMb - f.floorRssMb, 1)} | ${fmt(f.heapRetainedMb, 1)} | ≤ floor + 150 MB |`);
  }
  return lines.join('\n');
}
