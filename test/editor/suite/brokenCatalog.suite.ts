/// <reference types="mocha" />
/**
 * A workspace whose catalog has errors (fixtures/broken-catalog): a quoted status and an
 * unregistered one are reported in the catalog file, where a user sees them in the Problems
 * view, at the value to fix; as the file is fixed on disk the errors go, and then the catalog
 * serves hovers. The tests run in order: each edits the file the next one starts from.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { catalogAt, catalogsChangeWhere, diagnosticsWhen, extensionApi, hoversAt, hoverWith, open, positionOf, scenario, uriOf } from './helpers';

const CATALOG = 'api.errors.yaml';

/** The 0-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `"${needle}" is in the catalog`);
  return line;
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/** The extension's diagnostics among all of a file's. */
function ours(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'error-catalog');
}

function rangeOf(diagnostic: vscode.Diagnostic): [number, number, number, number] {
  const { start, end } = diagnostic.range;
  return [start.line, start.character, end.line, end.character];
}

scenario('broken-catalog', () => {
  let text: string;

  suiteSetup(async () => {
    await extensionApi();
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(CATALOG)));
  });

  test('the quoted status is a catalog-schema error on that value, and the catalog counts it', async () => {
    const diagnostics = ours(await diagnosticsWhen(uriOf(CATALOG), (list) => ours(list).length > 0));
    const schema = diagnostics.find((d) => codeOf(d) === 'catalog-schema');
    assert.ok(schema, `a catalog-schema error among ${JSON.stringify(diagnostics)}`);
    assert.equal(schema.severity, vscode.DiagnosticSeverity.Error);
    const quoted = lineOf(text, 'status: "429"');
    assert.deepEqual(rangeOf(schema), [quoted, 12, quoted, 17], `${schema.message} at ${JSON.stringify(schema.range)}`);
    assert.ok(schema.message.includes('RATE_LIMITED'), schema.message);

    const summary = catalogAt((await extensionApi()).catalogs(), CATALOG);
    assert.ok(summary, 'the broken catalog is listed');
    assert.equal(summary.errorCount, diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, JSON.stringify(summary));
    assert.equal(summary.codeCount, 0, `a catalog that never loaded serves no codes: ${JSON.stringify(summary)}`);
  });

  test('the quoted status and the unregistered status are reported together', async () => {
    const diagnostics = ours(await diagnosticsWhen(uriOf(CATALOG), (list) => ours(list).length > 0));
    assert.deepEqual(diagnostics.map(codeOf).sort(), ['catalog-schema', 'unknown-status'], JSON.stringify(diagnostics));
  });

  test('the broken catalog is not served', async () => {
    const app = await open('src/app.ts');
    const hovers = await hoversAt(app, positionOf(app, 'NOT_FOUND', 2));
    assert.deepEqual(hovers.filter((h) => h.includes('Acme API')), [], 'no hover comes from the broken catalog');
    assert.deepEqual(hovers.filter((h) => h.includes('(built-in)')), [], 'nor from a built-in catalog standing in for it');
  });

  test('with the quoted status fixed on disk, the unregistered status is an unknown-status warning on its value', async () => {
    const catalogUri = uriOf(CATALOG);
    const unknownOnly = diagnosticsWhen(catalogUri, (list) => ours(list).length > 0 && ours(list).every((d) => codeOf(d) === 'unknown-status'));
    await vscode.workspace.fs.writeFile(catalogUri, new TextEncoder().encode(text.replace('status: "429"', 'status: 429')));
    const [unknown, ...others] = ours(await unknownOnly);
    assert.deepEqual(others, []);
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    const unregistered = lineOf(text, 'status: 430');
    assert.deepEqual(rangeOf(unknown), [unregistered, 12, unregistered, 15], `${unknown.message} at ${JSON.stringify(unknown.range)}`);
    assert.ok(unknown.message.includes('430'), unknown.message);
  });

  test('with both fixed on disk, the errors go and the catalog serves its codes', async () => {
    const extension = await extensionApi();
    const catalogUri = uriOf(CATALOG);
    const fixed = text.replace('status: "429"', 'status: 429').replace('status: 430', 'status: 429');
    const loaded = catalogsChangeWhere(extension, (catalogs) => catalogAt(catalogs, CATALOG)?.errorCount === 0);
    const cleared = diagnosticsWhen(catalogUri, (list) => ours(list).length === 0);
    await vscode.workspace.fs.writeFile(catalogUri, new TextEncoder().encode(fixed));
    const catalogs = await loaded;
    assert.equal(catalogAt(catalogs, CATALOG)?.codeCount, 3);
    await cleared;
    const app = await open('src/app.ts');
    const hover = await hoverWith(app, positionOf(app, 'NOT_FOUND', 2), 'NOT_FOUND');
    assert.ok(hover.includes('Acme API') && hover.includes('404 Not Found'), hover);
  });
});
