/**
 * `npm run fuzz`: the bundled language server against untrusted input. Malformed and crafted
 * catalogs, hostile settings and files, random protocol traffic and framing abuse, and random
 * edits compared with a fresh server, each case run on a real server spawned over stdio, with
 * a healthy second workspace folder whose hover must keep working. Outcomes are classified as
 * crash, wedge, hang, escape, mismatch or contract (see README.md beside this file); every case
 * that finds something is written to out/fuzz/cases/ and replays with `--replay FILE`.
 *
 *   node out/fuzz/fuzz.js [--quick] [--seed N] [--cases N] [--seconds N] [--jobs N] [--family a,b] [--only TEXT] [--verbose] [--replay FILE]
 *
 * Exits 1 when anything was found, 2 when the harness itself failed.
 */
import { randomInt } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../helpers/paths';
import { aliasFamily, depthFamily, encodingFamily, markdownFamily, prototypeFamily, sizeFamily } from './catalogAbuse';
import { runCase } from './caseRun';
import { editsFamily } from './edits';
import { specFamily } from './specAbuse';
import type { Family } from './family';
import { readCase, type FuzzCase } from './fuzzCase';
import { createRunFolders, FuzzServer, OUTCOME_KINDS, type Bounds, type Finding, type OutcomeKind, type RunFolders } from './fuzzServer';
import { mutationFamily } from './mutations';
import { caseSeed } from './random';
import { framingFamily, trafficFamily } from './traffic';
import { pathFamily, specialFileFamily } from './workspaceAbuse';

const FAMILIES: readonly Family[] = [
  mutationFamily, depthFamily, aliasFamily, sizeFamily, encodingFamily, prototypeFamily, markdownFamily,
  pathFamily, specialFileFamily, trafficFamily, framingFamily, editsFamily, specFamily,
];

const CASES_DIR = join(REPO_ROOT, 'out', 'fuzz', 'cases');
/** A server runs this many cases before a fresh one takes over, so that what one case leaves behind stays bounded. */
const CASES_PER_SERVER = 150;
/** Case files written per distinct finding: enough to see its variety, not so many the folder fills. */
const FILES_PER_FINDING = 3;

interface Options {
  readonly seed: number;
  readonly cases: number;
  readonly seconds: number;
  readonly jobs: number;
  readonly quick: boolean;
  readonly families: readonly string[] | undefined;
  /** Only the hand-made cases whose name contains this text (no random ones). */
  readonly only: string | undefined;
  readonly replay: string | undefined;
  readonly bounds: Bounds;
  /** Print every case as it ends, with its findings. */
  readonly verbose: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const given = value(name);
    if (given === undefined) return fallback;
    const parsed = Number(given);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} needs a number, got ${given}`);
    return parsed;
  };
  const quick = argv.includes('--quick');
  const families = value('--family')?.split(',');
  for (const name of families ?? []) if (!FAMILIES.some((f) => f.name === name)) throw new Error(`no family ${name}; the families are ${FAMILIES.map((f) => f.name).join(', ')}`);
  const requestMs = number('--request-ms', 5000);
  return {
    seed: number('--seed', randomInt(1, 2 ** 31)),
    cases: number('--cases', Infinity),
    seconds: number('--seconds', quick ? 30 : 240),
    // Most slow cases wait on a stuck server rather than use a core, so the quick run runs three at once.
    jobs: Math.max(1, Math.floor(number('--jobs', quick ? 3 : 2))),
    quick,
    families,
    only: value('--only'),
    replay: value('--replay'),
    verbose: argv.includes('--verbose'),
    // After a hang, the health probe gets this much more time before the server counts as wedged.
    bounds: { requestMs, probeMs: number('--probe-ms', 1000), loadMs: 30_000, recoverMs: quick ? 2000 : requestMs, memoryMb: 1536 },
  };
}

interface Planned {
  readonly family: Family;
  readonly make: () => FuzzCase;
  /** A hand-made case: it runs whatever the time, since each is there to find a defect. */
  readonly handMade: boolean;
}

/**
 * The cases of a run in order: every family's fixed cases first, then random ones until the
 * budget ends, each from the family that has had the least time so far, so that a family of slow
 * cases (alias bombs) does not take the time of one of fast ones (mutations).
 */
class Plan {
  private readonly queue: Planned[] = [];
  private readonly randomIndex = new Map<string, number>();
  private readonly taken = new Map<string, number>();

  constructor(private readonly families: readonly Family[], private readonly options: Options, private readonly secondsOf: (family: string) => number) {
    // Slow cases first, so that none starts near the end of the budget; each kind interleaved across families.
    for (const slow of [true, false]) {
      const lists = families.map((family) => family.fixed
        .map((c, i) => ({ c, seed: caseSeed(options.seed, family.name, -1 - i) }))
        .filter(({ c, seed }) => c.slow === slow && (!options.quick || c.quick) && (options.only === undefined || c.make(seed).name.includes(options.only)))
        .map(({ c, seed }): Planned => ({ family, make: () => c.make(seed), handMade: true })));
      for (let i = 0; lists.some((list) => i < list.length); i++) for (const list of lists) if (i < list.length) this.queue.push(list[i]);
    }
  }

  next(): Planned | undefined {
    while (this.queue.length > 0) {
      const planned = this.queue.shift()!;
      if (this.take(planned.family)) return planned;
    }
    const randomFamilies = this.options.only !== undefined ? [] : this.families.filter((f) => f.random && (this.taken.get(f.name) ?? 0) < this.options.cases);
    if (randomFamilies.length === 0) return undefined;
    const family = randomFamilies.reduce((least, f) => (this.secondsOf(f.name) < this.secondsOf(least.name) ? f : least));
    const index = this.randomIndex.get(family.name) ?? 0;
    this.randomIndex.set(family.name, index + 1);
    this.take(family);
    const random = family.random!;
    return { family, make: () => random(caseSeed(this.options.seed, family.name, index)), handMade: false };
  }

  private take(family: Family): boolean {
    const count = this.taken.get(family.name) ?? 0;
    if (count >= this.options.cases) return false;
    this.taken.set(family.name, count + 1);
    return true;
  }
}

interface FamilyTally {
  cases: number;
  seconds: number;
  readonly outcomes: Record<OutcomeKind, number>;
}

interface Distinct {
  readonly finding: Finding;
  /** The families whose cases showed it, the first first. */
  readonly families: Set<string>;
  /** Where in the server it showed. */
  readonly places: Set<string>;
  count: number;
  readonly files: string[];
  readonly example: string;
  /** Whether the case shows the same finding alone on a fresh server (undefined: it ran on one already). */
  confirmed?: boolean;
}

class Results {
  readonly tallies = new Map<string, FamilyTally>();
  readonly distinct = new Map<string, Distinct>();
  restarts = 0;
  /** Cases replayed alone to confirm a first finding, and the time they took. */
  confirmations = 0;
  confirmationSeconds = 0;
  harnessErrors: string[] = [];

  tally(family: string): FamilyTally {
    let tally = this.tallies.get(family);
    if (!tally) this.tallies.set(family, (tally = { cases: 0, seconds: 0, outcomes: Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number> }));
    return tally;
  }

  /** Records a case's findings; returns those seen for the first time. */
  record(fuzzCase: FuzzCase, seconds: number, findings: readonly Finding[]): Finding[] {
    const tally = this.tally(fuzzCase.family);
    tally.cases++;
    tally.seconds += seconds;
    for (const kind of new Set(findings.map((f) => f.kind))) tally.outcomes[kind]++;
    const fresh: Finding[] = [];
    const counted = new Set<string>();
    for (const finding of findings) {
      const key = `${finding.kind}\n${finding.what}`;
      let distinct = this.distinct.get(key);
      if (!distinct) {
        this.distinct.set(key, (distinct = { finding, families: new Set(), places: new Set(), count: 0, files: [], example: `${fuzzCase.name}${finding.detail ? ` — ${finding.detail}` : ''}` }));
        fresh.push(finding);
      }
      distinct.families.add(fuzzCase.family);
      if (finding.where) distinct.places.add(finding.where);
      if (counted.has(key)) continue;
      counted.add(key);
      distinct.count++;
      if (distinct.files.length < FILES_PER_FINDING) distinct.files.push(saveCase(fuzzCase));
    }
    return fresh;
  }
}

function saveCase(fuzzCase: FuzzCase): string {
  mkdirSync(CASES_DIR, { recursive: true });
  const path = join(CASES_DIR, `${fuzzCase.family}-${fuzzCase.seed}.json`);
  writeFileSync(path, `${JSON.stringify(fuzzCase)}\n`);
  return relative(process.cwd(), path) || path;
}

/** A worker: one server (replaced when spent) and a reference server for comparisons, running cases one after another. */
class Worker {
  private server: FuzzServer | undefined;
  /** The next server, started while the current one runs cases: many cases end theirs. */
  private spare: Promise<FuzzServer> | undefined;
  private reference: FuzzServer | undefined;

  /** @param keepSpare start the next server ahead (a worker of a run; not one that runs a single case) */
  constructor(private readonly folders: RunFolders, private readonly bounds: Bounds, private readonly results: Results, private readonly keepSpare = true) {}

  private async serverForCase(): Promise<FuzzServer> {
    if (this.server && !this.server.spent && this.server.casesRun < CASES_PER_SERVER && this.server.client.alive) return this.server;
    if (this.server) {
      this.results.restarts++;
      await this.server.dispose();
    }
    this.server = await (this.spare ?? FuzzServer.start(this.folders, this.bounds));
    this.spare = undefined;
    if (this.keepSpare) {
      this.spare = FuzzServer.start(this.folders, this.bounds);
      // A spare that fails to start is reported when it is taken, not as an unhandled rejection now.
      this.spare.catch(() => {});
    }
    return this.server;
  }

  /** The reference server, replaced when spent: it only ever opens documents, so for each comparison it is as good as fresh. */
  readonly referenceServer = async (): Promise<FuzzServer> => {
    if (this.reference && !this.reference.spent && this.reference.client.alive) return this.reference;
    await this.reference?.dispose();
    this.reference = await FuzzServer.start(this.folders, this.bounds);
    return this.reference;
  };

  async run(fuzzCase: FuzzCase): Promise<{ findings: Finding[]; seconds: number; onFreshServer: boolean }> {
    const server = await this.serverForCase();
    const onFreshServer = server.casesRun === 0;
    const started = performance.now();
    const findings = await runCase(server, fuzzCase, this.referenceServer).catch((error: Error) => {
      throw new Error(`${error.message}\nserver ${server.client.alive ? 'alive' : `exited ${JSON.stringify(server.client.exitStatus)}`}, cases run ${server.casesRun}; last log lines:\n${server.client.logs.slice(-8).join('\n')}`);
    });
    return { findings, seconds: (performance.now() - started) / 1000, onFreshServer };
  }

  async dispose(): Promise<void> {
    await this.server?.dispose();
    await this.reference?.dispose();
    await (await this.spare?.catch(() => undefined))?.dispose();
  }
}

/** Runs a case alone on fresh servers: what `--replay` does, and how a finding made after other cases is confirmed. */
async function runAlone(folders: RunFolders, bounds: Bounds, fuzzCase: FuzzCase): Promise<Finding[]> {
  const worker = new Worker(folders, bounds, new Results(), false);
  try {
    return (await worker.run(fuzzCase)).findings;
  } finally {
    await worker.dispose();
  }
}

function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

function printSummary(options: Options, results: Results, seconds: number): void {
  const total = [...results.tallies.values()].reduce((sum, t) => sum + t.cases, 0);
  const confirmed = results.confirmations > 0 ? `, ${results.confirmations} first findings replayed alone in ${results.confirmationSeconds.toFixed(1)} s` : '';
  console.log(`\nerror-catalog fuzz: seed ${options.seed}, ${total} cases in ${seconds.toFixed(1)} s (${options.jobs} workers, ${results.restarts} server restarts${confirmed})\n`);
  const header = `${pad('family', 13)}${pad('cases', 7, true)}${OUTCOME_KINDS.map((k) => pad(k, 10, true)).join('')}${pad('seconds', 10, true)}`;
  console.log(header);
  const totals = { cases: 0, seconds: 0, outcomes: Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number> };
  for (const family of FAMILIES) {
    const tally = results.tallies.get(family.name);
    if (!tally) continue;
    totals.cases += tally.cases;
    totals.seconds += tally.seconds;
    for (const kind of OUTCOME_KINDS) totals.outcomes[kind] += tally.outcomes[kind];
    console.log(`${pad(family.name, 13)}${pad(tally.cases, 7, true)}${OUTCOME_KINDS.map((k) => pad(tally.outcomes[k], 10, true)).join('')}${pad(tally.seconds.toFixed(1), 10, true)}`);
  }
  console.log(`${pad('total', 13)}${pad(totals.cases, 7, true)}${OUTCOME_KINDS.map((k) => pad(totals.outcomes[k], 10, true)).join('')}${pad(totals.seconds.toFixed(1), 10, true)}`);
  console.log('(each outcome column counts the cases with at least one finding of that kind)');

  const firstFamily = (d: Distinct) => [...d.families][0];
  const distinct = [...results.distinct.values()].sort((a, b) => OUTCOME_KINDS.indexOf(a.finding.kind) - OUTCOME_KINDS.indexOf(b.finding.kind) || firstFamily(a).localeCompare(firstFamily(b)));
  if (distinct.length > 0) {
    console.log(`\n${distinct.length} distinct findings (kind, cases, what, the families that showed it; then an example and its replay):`);
    for (const d of distinct) {
      const confirmation = d.confirmed === false ? ' [not shown when replayed alone: it needs the cases before it]' : '';
      console.log(`\n${pad(d.finding.kind, 9)}×${pad(d.count, 5)}${d.finding.what} (${[...d.families].join(', ')})${confirmation}`);
      if (d.places.size > 0) console.log(`    in: ${[...d.places].join(', ')}`);
      console.log(`    e.g. ${d.example.slice(0, 240)}`);
      console.log(`    node out/fuzz/fuzz.js --replay ${d.files[0]}`);
    }
  }
  for (const error of results.harnessErrors) console.log(`\nharness error: ${error}`);
}

async function replay(options: Options, path: string): Promise<number> {
  const fuzzCase = readCase(path);
  const folders = createRunFolders(fuzzCase.seed);
  try {
    console.log(`replaying the ${fuzzCase.family} case "${fuzzCase.name}" (seed ${fuzzCase.seed}) on a fresh server`);
    const findings = await runAlone(folders, options.bounds, fuzzCase);
    for (const f of findings) console.log(`${pad(f.kind, 9)}${f.what}${f.detail ? `\n         ${f.detail.slice(0, 400)}` : ''}`);
    console.log(findings.length === 0 ? 'nothing found' : `${findings.length} findings`);
    return findings.length === 0 ? 0 : 1;
  } finally {
    rmSync(folders.root, { recursive: true, force: true });
  }
}

async function fuzz(options: Options): Promise<number> {
  const families = FAMILIES.filter((f) => !options.families || options.families.includes(f.name));
  const results = new Results();
  const plan = new Plan(families, options, (family) => results.tallies.get(family)?.seconds ?? 0);
  const folders = createRunFolders(options.seed);
  rmSync(CASES_DIR, { recursive: true, force: true });
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  console.log(`error-catalog fuzz: seed ${options.seed}, ${options.quick ? 'quick run' : 'full run'}, ${options.seconds} s, ${options.jobs} workers (replay a run with --seed ${options.seed})`);
  const work = async (worker: Worker) => {
    for (let planned = plan.next(); planned && (planned.handMade || performance.now() < deadline); planned = plan.next()) {
      const fuzzCase = planned.make();
      try {
        const { findings, seconds, onFreshServer } = await worker.run(fuzzCase);
        if (options.verbose) console.log(`${fuzzCase.family} ${fuzzCase.seed} ${seconds.toFixed(2)} s ${fuzzCase.name}${findings.map((f) => `\n  ${f.kind}: ${f.what}${f.where ? ` [${f.where}]` : ''} — ${f.detail ?? ''}`).join('')}`);
        const fresh = results.record(fuzzCase, seconds, findings);
        for (const finding of fresh) console.log(`${finding.kind}: ${finding.what} (${fuzzCase.family}, seed ${fuzzCase.seed})`);
        // A first finding made after other cases on the same server must also show alone, or its replay
        // would not. The quick run leaves that to the replay: a slow case would take its time twice.
        if (fresh.length > 0 && !onFreshServer && !options.quick) {
          const confirming = performance.now();
          const alone = await runAlone(folders, options.bounds, fuzzCase);
          results.confirmations++;
          results.confirmationSeconds += (performance.now() - confirming) / 1000;
          for (const finding of fresh) {
            const distinct = results.distinct.get(`${finding.kind}\n${finding.what}`);
            if (distinct) distinct.confirmed = alone.some((f) => f.kind === finding.kind && f.what === finding.what);
          }
        }
      } catch (error) {
        results.harnessErrors.push(`${fuzzCase.family} seed ${fuzzCase.seed} (${saveCase(fuzzCase)}): ${(error as Error).stack ?? String(error)}`);
      }
    }
  };
  const workers = Array.from({ length: options.jobs }, () => new Worker(folders, options.bounds, results));
  try {
    await Promise.all(workers.map(work));
  } finally {
    await Promise.all(workers.map((w) => w.dispose()));
    rmSync(folders.root, { recursive: true, force: true });
  }
  printSummary(options, results, (performance.now() - started) / 1000);
  if (results.harnessErrors.length > 0) return 2;
  return results.distinct.size > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  return options.replay ? await replay(options, options.replay) : await fuzz(options);
}

// The run ends when its summary is written: a stream of a killed server left half-closed must not keep it waiting.
main().then((code) => process.exit(code), (error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(2);
});
