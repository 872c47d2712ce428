/**
 * Runs the editor suite (out/editor/index.js) in VS Code itself with @vscode/test-electron, on
 * machines that can download VS Code: the same scenarios as runInCodeServer.ts, in the VS Code of
 * VSCODE_TEST_VERSION (default `stable`) and in the oldest one package.json's engines.vscode
 * allows. Each scenario runs on a fresh copy of its fixture.
 *
 *   node out/editor/runInElectron.js [scenario ...]
 *
 * On a Linux machine without a display, run it under xvfb-run. Prints every test and a last line
 * `N passed, M failed`; exits 1 if a test failed or a scenario gave no result.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { checkBuilt, closingLine, copyFixture, REPO_ROOT, report, selectedScenarios, TESTS_ENTRY, type EditorTestSummary, type ScenarioOutcome } from './scenarios';

/** The oldest VS Code the extension supports: engines.vscode without its range operator. */
function minimumVersion(): string {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  const version = /\d+\.\d+\.\d+/.exec(manifest.engines.vscode)?.[0];
  if (!version) throw new Error(`cannot read a version from engines.vscode "${manifest.engines.vscode}"`);
  return version;
}

async function runScenario(version: string, scenario: string, root: string): Promise<ScenarioOutcome> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const workspace = copyFixture(scenario, join(root, version, 'workspaces'));
  const resultsFile = join(root, version, `${scenario}.results.json`);
  let problem: string | undefined;
  try {
    await runTests({
      version,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_ENTRY,
      extensionTestsEnv: { EDITOR_TEST_RESULTS_FILE: resultsFile },
      // runTests adds --no-sandbox, --disable-updates, --skip-welcome and the like itself.
      launchArgs: [workspace, '--disable-extensions'],
    });
  } catch (error) {
    // A failed test makes run() reject, so VS Code exits non-zero: the results file tells which.
    problem = (error as Error)?.message ?? String(error);
  }
  if (!existsSync(resultsFile)) return { scenario, problem: problem ?? 'the suite wrote no results', seconds: seconds() };
  const summary = JSON.parse(readFileSync(resultsFile, 'utf8')) as EditorTestSummary;
  return { scenario, summary, problem: summary.failed > 0 ? undefined : problem, seconds: seconds() };
}

async function main(): Promise<number> {
  checkBuilt();
  const scenarios = selectedScenarios(process.argv.slice(2));
  const versions = [...new Set([process.env.VSCODE_TEST_VERSION ?? 'stable', minimumVersion()])];

  const started = Date.now();
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-electron-')));
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const version of versions) {
    const outcomes: ScenarioOutcome[] = [];
    for (const scenario of scenarios) {
      console.log(`editor tests: ${scenario} in VS Code ${version} …`);
      outcomes.push(await runScenario(version, scenario, root));
    }
    const these = report(outcomes, `[VS Code ${version}] `);
    totals.passed += these.passed;
    totals.failed += these.failed;
    totals.skipped += these.skipped;
  }
  if (totals.failed === 0) rmSync(root, { recursive: true, force: true });
  else console.log(`\nworkspaces and results kept in ${root}`);
  console.log(`\neditor tests in VS Code ${versions.join(' and ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(closingLine(totals));
  return totals.failed === 0 ? 0 : 1;
}

main().then(
  (code) => { process.exitCode = code; },
  (error) => {
    console.error((error as Error)?.stack ?? error);
    process.exitCode = 1;
  },
);
