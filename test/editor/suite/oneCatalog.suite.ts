/// <reference types="mocha" />
/**
 * A workspace with one catalog (fixtures/one-catalog: api.errors.yaml, "Acme API"): hover and
 * completion from it, the extension's commands, and a reload when the catalog changes on disk.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  catalogAt, catalogsChangeWhere, codeActionTitled, completionsAt, diagnosticsWhen, extensionApi, hoversAt, hoverWith, insideEmptyCode, labelOf, open, positionOf, scenario, uriOf,
} from './helpers';

scenario('one-catalog', () => {
  let app: vscode.TextDocument;

  suiteSetup(async () => {
    await extensionApi();
    app = await open('src/app.ts');
  });

  test('the catalog is loaded with its two codes', async () => {
    const summary = catalogAt((await extensionApi()).catalogs(), 'api.errors.yaml');
    assert.deepEqual(summary && { id: summary.id, title: summary.title, codeCount: summary.codeCount, errorCount: summary.errorCount },
      { id: 'acme', title: 'Acme API', codeCount: 2, errorCount: 0 });
  });

  test('hover on a catalog code shows the code, its status and reason, and the catalog title', async () => {
    const hover = await hoverWith(app, positionOf(app, 'RATE_LIMITED', 4), 'RATE_LIMITED');
    assert.ok(hover.includes('429 Too Many Requests'), hover);
    assert.ok(hover.includes('Slow down'), hover);
    assert.ok(hover.includes('Acme API'), hover);
  });

  test('hover on 429 in res.status(429) explains the status', async () => {
    const hover = await hoverWith(app, positionOf(app, 'status(429)', 'status('.length + 1), '429');
    assert.ok(hover.includes('429 Too Many Requests'), hover);
  });

  test('completion in code: \'\' offers exactly the catalog\'s codes, with status and title', async () => {
    const items = await completionsAt(app, insideEmptyCode(app));
    const ours = items.filter((item) => ['RATE_LIMITED', 'NOT_FOUND'].includes(labelOf(item)));
    assert.deepEqual(ours.map(labelOf).sort(), ['NOT_FOUND', 'RATE_LIMITED'], items.map(labelOf).join(', '));
    const detail = (label: string) => ours.find((item) => labelOf(item) === label)?.detail;
    assert.equal(detail('RATE_LIMITED'), '429 Too Many Requests · Slow down');
    assert.equal(detail('NOT_FOUND'), '404 Not Found · No such resource');
    assert.ok(!items.some((item) => labelOf(item) === 'INVALID_API_KEY'), 'the built-in catalogs are not used beside a workspace catalog');
  });

  test('the commands exist and run', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['errorCatalog.reload', 'errorCatalog.showOutput', 'errorCatalog.insertErrorResponse', 'errorCatalog.insertErrorHandling', 'errorCatalog.explainErrorCode', 'errorCatalog.pickCatalog', 'errorCatalog.generateDocs', 'errorCatalog.generateConstants']) {
      assert.ok(commands.includes(command), `${command} is registered`);
    }
    const extension = await extensionApi();
    const reloaded = catalogsChangeWhere(extension, () => true);
    await vscode.commands.executeCommand('errorCatalog.reload');
    assert.equal(catalogAt(await reloaded, 'api.errors.yaml')?.codeCount, 2, 'the reload reports the catalog again');
    await vscode.commands.executeCommand('errorCatalog.showOutput');
  });

  test('the quick fix on a code in a response replaces that response, indented where it is', async () => {
    const editor = await vscode.window.showTextDocument(app);
    const at = positionOf(app, 'RATE_LIMITED', 4);
    const fix = await codeActionTitled(app.uri, new vscode.Range(at, at), 'Replace with RATE_LIMITED (429) error response');
    assert.ok(fix.edit, 'the fix is an edit');
    const before = app.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    try {
      const after = app.getText();
      const written = after.split('\n').slice(at.line, at.line + 7).join('\n');
      // The handler's `res`, the catalog's body, and nothing returned from a function declared `void`.
      assert.equal(written, [
        "  res.status(429).set('Retry-After', '60').json({",
        '    error: {',
        "      code: 'RATE_LIMITED',",
        "      message: 'You are sending requests too quickly.'",
        '    }',
        '  });',
        '}',
      ].join('\n'), written);
      assert.ok(!after.includes("res.status(429).json({ error: { code: 'RATE_LIMITED' } });"), 'the old response is gone');
    } finally {
      await vscode.commands.executeCommand('undo');
      if (editor.document.getText() !== before) await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(app.getText(), before, 'the fixture is back as it was');
  });

  test('go to definition on a code lands on its entry in the catalog file', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', app.uri, positionOf(app, 'RATE_LIMITED', 4));
    const ours = locations.map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetRange } : l)).filter((l) => l.uri.path.endsWith('/api.errors.yaml'));
    assert.equal(ours.length, 1, JSON.stringify(locations));
    const catalog = await vscode.workspace.openTextDocument(ours[0].uri);
    assert.equal(catalog.getText(ours[0].range), 'RATE_LIMITED');
    assert.equal(catalog.lineAt(ours[0].range.start.line).text, '  RATE_LIMITED:');
  });

  test('Generate Code Constants and Generate Docs Page write the files and open them; a stale one is reported with a Regenerate fix', async () => {
    const catalog = uriOf('api.errors.yaml').toString();
    const constants = await vscode.commands.executeCommand<vscode.Uri>('errorCatalog.generateConstants', { catalog, language: 'ts', target: uriOf('src/errorCodes.ts').toString() });
    assert.equal(constants?.toString(), uriOf('src/errorCodes.ts').toString());
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(constants));
    assert.match(written, /^\/\/ Generated by error-catalog \(types ts\) from api\.errors\.yaml/);
    assert.match(written, /RATE_LIMITED: 'RATE_LIMITED'/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), constants.toString(), 'the file is opened');
    const page = await vscode.commands.executeCommand<vscode.Uri>('errorCatalog.generateDocs', { catalog, target: uriOf('docs/errors.md').toString() });
    const docs = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
    assert.match(docs, /<a id="rate-limited"><\/a>\n### `RATE_LIMITED`/);
    // The page once generated from another version of the catalog: reported, and regenerated by its fix.
    const stale = await vscode.workspace.openTextDocument(page);
    const editor = await vscode.window.showTextDocument(stale);
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 0, stale.lineAt(0).text.length), stale.lineAt(0).text.replace(/catalog hash [0-9a-f]{16}/, 'catalog hash 0000000000000000')));
    const isStale = (d: vscode.Diagnostic) => d.code === 'stale-generated-file';
    const diagnostic = (await diagnosticsWhen(page, (found) => found.some(isStale))).find(isStale)!;
    const regenerate = await codeActionTitled(page, diagnostic.range, 'Regenerate from api.errors.yaml');
    assert.ok(regenerate.edit, 'the fix is an edit');
    assert.ok(await vscode.workspace.applyEdit(regenerate.edit));
    assert.equal(stale.getText(), docs);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const uri of [constants, page]) await vscode.workspace.fs.delete(uri);
  });

  test('Explain Error Code opens the full explanation as Markdown', async () => {
    await vscode.commands.executeCommand('errorCatalog.explainErrorCode', 'RATE_LIMITED');
    const explanation = vscode.workspace.textDocuments.find((document) => document.languageId === 'markdown' && document.getText().startsWith('**`RATE_LIMITED`**'));
    assert.ok(explanation, vscode.workspace.textDocuments.map((document) => document.uri.toString()).join(', '));
    assert.ok(explanation.getText().includes('429 Too Many Requests'));
  });

  test('a code added to the catalog on disk is hovered after the reload', async () => {
    assert.deepEqual((await hoversAt(app, positionOf(app, 'NEW_CODE', 2))).filter((text) => text.includes('NEW_CODE')), [], 'NEW_CODE is not in the catalog yet');
    const extension = await extensionApi();
    const catalogUri = uriOf('api.errors.yaml');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(catalogUri));
    const added = catalogsChangeWhere(extension, (catalogs) => catalogAt(catalogs, 'api.errors.yaml')?.codeCount === 3);
    await vscode.workspace.fs.writeFile(catalogUri, new TextEncoder().encode(`${original}  NEW_CODE:\n    status: 409\n    title: Brand new conflict\n`));
    await added;
    const hover = await hoverWith(app, positionOf(app, 'NEW_CODE', 2), 'NEW_CODE');
    assert.ok(hover.includes('409 Conflict'), hover);
    assert.ok(hover.includes('Brand new conflict'), hover);
    assert.ok(hover.includes('Acme API'), hover);
  });
});
