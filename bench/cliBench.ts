/**
 * `error-catalog check` over the large generated workspace (5,000 source files in six languages)
 * against ripgrep finding the same string literals, alternately, in the same run. ripgrep only
 * finds text; the check reads every file, indexes the workspace's constants and checks every code
 * usage, so the ratio says what that costs against the fastest search there is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../test/helpers/lspClient';
import { writeLargeWorkspace } from './largeWorkspace';
import { fmt, percentile, type Figures } from './measure';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const FILES = Number(process.env.BENCH_INDEX_FILES ?? 5_000);
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 3);
/** String literals that read like error codes, as a search for them would be written. */
const LITERALS = String.raw`["'][A-Za-z][A-Za-z0-9_.-]{2,}["']`;

export interface CliResults {
  readonly figures: Figures;
  readonly table: string;
}

function timed(command: string, args: readonly string[], cwd: string): { ms: number; status: number | null; stdout: string } {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - started, status: run.status, stdout: run.stdout ?? '' };
}

export function cliBench(): CliResults {
  const folder = mkdtempSync(join(tmpdir(), 'error-catalog-bench-cli-'));
  try {
    const written = writeLargeWorkspace(folder, FILES - 1);
    const figures: Figures = { sourceFiles: written.sourceFiles + 1, sourceMb: written.bytes / 1024 / 1024 };
    const hasRipgrep = spawnSync('rg', ['--version']).status === 0;
    const check: number[] = [];
    const search: number[] = [];
    // The first of each reads the files into the OS cache; it is not counted.
    timed(process.execPath, [CLI, 'check', '--format', 'json'], folder);
    if (hasRipgrep) timed('rg', ['--count-matches', '-e', LITERALS, '.'], folder);
    for (let round = 0; round < ROUNDS; round++) {
      const run = timed(process.execPath, [CLI, 'check', '--format', 'json'], folder);
      if (run.status !== 0) throw new Error(`error-catalog check found problems in the generated workspace (exit ${run.status}): ${run.stdout.slice(0, 2000)}`);
      check.push(run.ms);
      if (hasRipgrep) search.push(timed('rg', ['--count-matches', '-e', LITERALS, '.'], folder).ms);
    }
    figures.checkMs = percentile(check, 50);
    if (hasRipgrep) figures.ripgrepMs = percentile(search, 50);
    const lines = [
      `### error-catalog check on ${figures.sourceFiles} source files (${fmt(figures.sourceMb, 1)} MB), median of ${ROUNDS}`,
      '',
      '| | ms | ratio | target |',
      '| --- | ---: | ---: | --- |',
      `| ripgrep finding the string literals that read like codes | ${hasRipgrep ? fmt(figures.ripgrepMs) : 'rg missing'} | 1.00× | |`,
      `| error-catalog check (read, index constants, check every code usage) | ${fmt(figures.checkMs)} | ${hasRipgrep ? `${fmt(figures.checkMs / figures.ripgrepMs)}×` : ''} | ≤ 3× ripgrep |`,
    ];
    return { figures, table: lines.join('\n') };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
