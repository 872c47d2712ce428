/**
 * What both editor-test launchers share: the fixture scenarios, the copies they run on, and how a
 * run's results are printed.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import type { EditorTestSummary } from './suite/index';

export { REPO_ROOT };
export type { EditorTestSummary };

/** Each is a folder of test/editor/fixtures and the name of the suite that runs in it. */
export const SCENARIOS = ['no-catalog', 'one-catalog', 'monorepo', 'broken-catalog'] as const;

export const FIXTURES = join(REPO_ROOT, 'test', 'editor', 'fixtures');
/** The extensionTestsPath module (built by `node esbuild.mjs --editor-tests`). */
export const TESTS_ENTRY = join(REPO_ROOT, 'out', 'editor', 'index.js');

/** The scenarios named on the command line (all when none is), or an error for an unknown one. */
export function selectedScenarios(args: readonly string[]): string[] {
  const named = args.filter((arg) => !arg.startsWith('-'));
  for (const name of named) {
    if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`unknown scenario "${name}" (known: ${SCENARIOS.join(', ')})`);
  }
  return named.length > 0 ? named : [...SCENARIOS];
}

/**
 * Copies a fixture to `<parent>/<scenario>`, so the tests never change the repository and the
 * opened workspace folder keeps the scenario's name (which selects its suite).
 */
export function copyFixture(scenario: string, parent: string): string {
  const target = join(parent, scenario);
  mkdirSync(parent, { recursive: true });
  cpSync(join(FIXTURES, scenario), target, { recursive: true });
  return target;
}

/** Fails with what to do when the bundles the editor loads are missing. */
export function checkBuilt(): void {
  for (const file of [join(REPO_ROOT, 'dist', 'client.js'), join(REPO_ROOT, 'dist', 'server.js'), TESTS_ENTRY]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`node esbuild.mjs && node esbuild.mjs --editor-tests\` first`);
  }
}

export interface ScenarioOutcome {
  scenario: string;
  /** undefined when the editor reported nothing (it counts as one failure). */
  summary?: EditorTestSummary;
  /** Why there is no summary, or what else went wrong. */
  problem?: string;
  seconds: number;
}

/** Prints each scenario's tests and returns the totals; a scenario without results counts as one failure. */
export function report(outcomes: readonly ScenarioOutcome[], label = ''): Totals {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const { scenario, summary, problem, seconds } of outcomes) {
    if (!summary) {
      failed++;
      console.log(`\n${label}${scenario}: NO RESULT after ${seconds.toFixed(1)} s: ${problem ?? 'unknown reason'}`);
      continue;
    }
    passed += summary.passed;
    failed += summary.failed;
    skipped += summary.pending;
    console.log(`\n${label}${scenario} (VS Code ${summary.vscodeVersion}, ${seconds.toFixed(1)} s): ${summary.passed} passed, ${summary.failed} failed${summary.pending ? `, ${summary.pending} skipped` : ''}`);
    for (const test of summary.tests) console.log(`  ${test.state === 'passed' ? 'ok  ' : 'FAIL'} ${test.title} (${test.durationMs} ms)`);
    for (const failure of summary.failures) {
      console.log(`  failure: ${failure.title}\n    ${failure.error.split('\n').join('\n    ')}`);
      const frames = failure.stack?.split('\n').filter((line) => line.includes('/out/editor/')).slice(0, 3) ?? [];
      for (const frame of frames) console.log(`    ${frame.trim()}`);
    }
    if (problem) console.log(`  note: ${problem}`);
  }
  return { passed, failed, skipped };
}

export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

/** The closing line test tooling reads: `N passed, M failed` (and `, K skipped` when some were). */
export function closingLine({ passed, failed, skipped }: Totals): string {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}
