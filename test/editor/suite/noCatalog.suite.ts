/// <reference types="mocha" />
/**
 * A workspace without a catalog (fixtures/no-catalog): the built-in catalogs answer hover and
 * completion the minute the extension is installed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { catalogAt, catalogsChangeWhere, completionsAt, extensionApi, hoversAt, hoverWith, insideEmptyCode, labelOf, open, positionOf, scenario, uriOf } from './helpers';

scenario('no-catalog', () => {
  let app: vscode.TextDocument;

  suiteSetup(async () => {
    await extensionApi();
    app = await open('src/app.ts');
  });

  test('the document is TypeScript', () => {
    assert.equal(app.languageId, 'typescript');
  });

  test('the built-in catalogs are loaded', async () => {
    const catalogs = (await extensionApi()).catalogs();
    const ids = catalogs.map((c) => c.id);
    for (const id of ['connectify', 'success-meta', 'http-status']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    assert.ok(catalogs.every((c) => c.origin === 'builtin'), JSON.stringify(catalogs));
  });

  test('hover on a built-in code shows its status, reason and catalog', async () => {
    const hover = await hoverWith(app, positionOf(app, 'INVALID_API_KEY', 3), 'INVALID_API_KEY');
    assert.ok(hover.includes('401 Unauthorized'), hover);
    assert.ok(hover.includes('Connectify'), hover);
  });

  test('hover on 429 in res.status(429) explains the status', async () => {
    const hover = await hoverWith(app, positionOf(app, 'status(429)', 'status('.length + 1), '429');
    assert.ok(hover.includes('429 Too Many Requests'), hover);
  });

  test('no hover on a plain number', async () => {
    const hovers = await hoversAt(app, positionOf(app, '429 + 1', 1));
    assert.deepEqual(hovers.filter((text) => text.includes('429') || text.includes('Too Many Requests')), [], JSON.stringify(hovers));
  });

  test('completion in code: \'\' offers built-in codes, those of the status nearby first', async () => {
    const items = await completionsAt(app, insideEmptyCode(app));
    const limited = items.find((item) => labelOf(item) === 'RATE_LIMITED');
    assert.ok(limited, `RATE_LIMITED among ${items.map(labelOf).join(', ')}`);
    assert.ok(limited.detail?.startsWith('429 Too Many Requests'), limited.detail);
    assert.ok(items.some((item) => labelOf(item) === 'INVALID_API_KEY'), 'INVALID_API_KEY is offered too');
    // Codes of the status on this line (429) rank before codes of a status mentioned nowhere near (404).
    const sortTexts = (status: string) => items.filter((item) => item.detail?.startsWith(`${status} `)).map((item) => item.sortText ?? labelOf(item));
    const [at429, at404] = [sortTexts('429'), sortTexts('404')];
    assert.ok(at429.length > 0 && at404.length > 0, `codes of 429 (${at429.length}) and 404 (${at404.length}) are offered`);
    assert.ok(at429.every((a) => at404.every((b) => a < b)), `429 codes first: ${JSON.stringify({ at429, at404 })}`);
  });

  test('the status bar offers to create a catalog: the code uses error codes and the folder has none', async () => {
    await vscode.window.showTextDocument(app);
    const extension = await extensionApi();
    const status = await extension.statusBar();
    assert.equal(status?.text, '$(book) Create error catalog');
    assert.equal(status?.command, 'errorCatalog.createCatalog');
  });

  test('the walkthrough\'s first step creates the catalog, and each of its links runs a registered command', async () => {
    const walkthroughs = vscode.extensions.getExtension('error-catalog.error-catalog')?.packageJSON.contributes.walkthroughs as { steps: { title: string; description: string }[] }[];
    assert.equal(walkthroughs[0].steps[0].title, 'Create your error catalog');
    const commands = await vscode.commands.getCommands(true);
    const links = walkthroughs[0].steps.flatMap((step) => [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]));
    assert.ok(links.filter((c) => c === 'errorCatalog.createCatalog').length >= 4, links.join(', '));
    for (const command of links) assert.ok(commands.includes(command), `${command} is registered`);
  });

  // Last: the catalog it writes takes the place of the built-ins for the rest of the run.
  test('Create Error Catalog imports an OpenAPI document into api.errors.yaml, which then serves hover', async () => {
    const extension = await extensionApi();
    const target = uriOf('api.errors.yaml');
    const loaded = catalogsChangeWhere(extension, (catalogs) => (catalogAt(catalogs, 'api.errors.yaml')?.codeCount ?? 0) > 0);
    const written = await vscode.commands.executeCommand<vscode.Uri>('errorCatalog.createCatalog', { source: 'openapi', input: uriOf('api/openapi.yaml').toString(), target: target.toString() });
    assert.equal(written?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /KEY_NOT_FOUND:\n\s+status: 404/);
    assert.equal(catalogAt(await loaded, 'api.errors.yaml')?.codeCount, 2);
    const hover = await hoverWith(app, positionOf(app, 'INVALID_API_KEY', 3), 'INVALID_API_KEY');
    assert.ok(hover.includes('Returned by `GET /keys/{id}`'), hover);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
