/** What every benchmark group measures with: the servers, percentiles, memory, paired timings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../test/helpers/lspClient';

export const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
export const SERVER = join(REPO_ROOT, 'dist', 'server.js');
export const FLOOR = join(REPO_ROOT, 'out', 'bench', 'floorServer.js');

export type Figures = Record<string, number>;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function rssMb(pid: number | undefined): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

export async function timed(samples: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  return (await timedPair(samples, work))[0];
}

/**
 * Times `work` and `baseline` alternately, one call of each per round, so that both see the
 * machine in the same state: on a shared machine, speed drifts over a run by more than the
 * differences measured here.
 */
export async function timedPair(samples: number, work: (i: number) => Promise<unknown>, baseline?: (i: number) => Promise<unknown>): Promise<[number[], number[]]> {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < samples; i++) {
    let started = performance.now();
    await work(i);
    ours.push(performance.now() - started);
    if (!baseline) continue;
    started = performance.now();
    await baseline(i);
    theirs.push(performance.now() - started);
  }
  return [ours, theirs];
}

export const fmt = (n: number | undefined, digits = 2) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(digits));
