/// <reference types="mocha" />
/**
 * The extension-tests entry point (`extensionTestsPath`): the editor loads this module in its
 * extension host and calls `run()`, in VS Code (@vscode/test-electron) and in code-server alike.
 *
 * It runs every `*.suite.js` beside it with mocha (tdd); each suite registers itself only for its
 * own fixture workspace (see helpers.ts `scenario`). The summary goes where the launcher reads it:
 *   EDITOR_TEST_RESULTS_URL   POSTed there as JSON (code-server: no exit code comes back through
 *                             the browser, and the extension host inherits code-server's environment)
 *   EDITOR_TEST_RESULTS_FILE  written there as JSON
 * and `run()` rejects when a test failed, which is what @vscode/test-electron turns into an exit code.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface EditorTestSummary {
  /** The workspace folder's name: the fixture scenario. */
  scenario: string;
  vscodeVersion: string;
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string; stack?: string }[];
  tests: { title: string; state: 'passed' | 'failed'; durationMs: number }[];
}

function post(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`the results URL answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function run(): Promise<void> {
  const scenario = vscode.workspace.workspaceFolders?.[0]?.name ?? '(no folder)';
  const summary: EditorTestSummary = { scenario, vscodeVersion: vscode.version, passed: 0, failed: 0, pending: 0, failures: [], tests: [] };

  try {
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
    for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.suite.js')).sort()) mocha.addFile(join(__dirname, file));
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => {
        summary.passed++;
        summary.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
      });
      runner.on('fail', (test, error: Error) => {
        summary.failed++;
        summary.failures.push({ title: test.fullTitle(), error: error?.message ?? String(error), stack: error?.stack });
        if (test.type === 'test') summary.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0 });
      });
      runner.on('pending', () => { summary.pending++; });
    });
    if (summary.passed + summary.failed === 0) {
      summary.failed++;
      summary.failures.push({ title: scenario, error: `no editor test suite is registered for the workspace folder "${scenario}"` });
    }
  } catch (error) {
    summary.failed++;
    summary.failures.push({ title: 'loading the editor test suites', error: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack });
  }

  const json = JSON.stringify(summary);
  if (process.env.EDITOR_TEST_RESULTS_URL) await post(process.env.EDITOR_TEST_RESULTS_URL, json);
  if (process.env.EDITOR_TEST_RESULTS_FILE) writeFileSync(process.env.EDITOR_TEST_RESULTS_FILE, json);
  if (summary.failed > 0) throw new Error(`${summary.failed} editor test${summary.failed === 1 ? '' : 's'} failed in ${scenario}: ${summary.failures.map((f) => f.title).join('; ')}`);
}
