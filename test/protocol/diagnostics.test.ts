/**
 * Source diagnostics through the real server: a file in each language the product supports,
 * each with a mistyped code, gets an unknown-code diagnostic with a fix; settings change the
 * severity; catalog changes re-run the checks; large files are skipped with one log line.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fileUri, startInWorkspace, type LspClient, type TestWorkspace } from '../helpers/lspClient';
import { inProcessServer } from '../helpers/inProcessServer';

const CATALOG = `id: acme
title: Acme API
docs: https://docs.acme.test/errors/\${code}
envelope:
  body:
    error:
      code: \${code}
      message: \${message}
codes:
  VALIDATION_ERROR:
    status: 422
    title: Validation failed
  RATE_LIMITED:
    status: 429
    title: Too many requests
`;

/** One file per language, each using the mistyped VALIDATON_ERROR where a code goes. */
const FILES: Record<string, [languageId: string, text: string]> = {
  'app.ts': ['typescript', "res.status(422).json({ error: { code: 'VALIDATON_ERROR' } });\n"],
  'app.js': ['javascript', "res.status(422).json({ error: { code: 'VALIDATON_ERROR' } });\n"],
  'view.tsx': ['typescriptreact', "const body = { error: { code: 'VALIDATON_ERROR' } };\n"],
  'view.jsx': ['javascriptreact', "const body = { error: { code: 'VALIDATON_ERROR' } };\n"],
  'app.py': ['python', "return JSONResponse(status_code=422, content={'error': {'code': 'VALIDATON_ERROR'}})\n"],
  'main.go': ['go', 'c.JSON(422, gin.H{"error": gin.H{"code": "VALIDATON_ERROR"}})\n'],
  'Api.java': ['java', 'return ResponseEntity.status(422).body(Map.of("error", Map.of("code", "VALIDATON_ERROR")));\n'],
  'Api.kt': ['kotlin', 'val body = mapOf("error" to mapOf("code" to "VALIDATON_ERROR"))\n'],
  'Api.cs': ['csharp', 'return Results.Json(new { error = new { code = "VALIDATON_ERROR" } }, statusCode: 422);\n'],
  'api.rb': ['ruby', "render json: { error: { code: 'VALIDATON_ERROR' } }, status: 422\n"],
  'api.php': ['php', "<?php return response()->json(['error' => ['code' => 'VALIDATON_ERROR']], 422);\n"],
  'lib.rs': ['rust', 'return (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "error": { "code": "VALIDATON_ERROR" } })));\n'],
  'fixture.json': ['json', '{ "error": { "code": "VALIDATON_ERROR" } }\n'],
  'fixture.jsonc': ['jsonc', '// a fixture\n{ "error": { "code": "VALIDATON_ERROR" } }\n'],
  'fixture.yaml': ['yaml', 'error:\n  code: VALIDATON_ERROR\n'],
};

const unknownIn = (params: PublishDiagnosticsParams) => params.diagnostics.filter((d) => d.code === 'unknown-code');

describe('source diagnostics over the protocol', () => {
  let workspace: TestWorkspace;
  let client: LspClient;
  let folder: string;
  const uri = (name: string) => workspace.uri(`src/${name}`);

  before(async () => {
    workspace = await startInWorkspace({ 'api.errors.yaml': CATALOG }, { endpoint: inProcessServer });
    ({ client, folder } = workspace);
  });

  after(() => workspace.dispose());

  for (const [name, [languageId, text]] of Object.entries(FILES)) {
    it(`${languageId}: the mistyped code is flagged where it is, with a fix`, { timeout: 15_000 }, async () => {
      await client.open(uri(name), languageId, text);
      const published = await client.diagnosticsFor(uri(name), (p) => unknownIn(p).length > 0);
      const [diagnostic] = unknownIn(published);
      assert.equal(diagnostic.source, 'error-catalog');
      assert.equal(text.split('\n')[diagnostic.range.start.line].slice(diagnostic.range.start.character, diagnostic.range.end.character), 'VALIDATON_ERROR');
      assert.match(String(diagnostic.message), /Did you mean VALIDATION_ERROR\?/);
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri: uri(name) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
      const fix = actions.find((a) => a.title === 'Change to VALIDATION_ERROR');
      assert.ok(fix?.edit?.changes?.[uri(name)], actions.map((a) => a.title).join(' | '));
      assert.equal(fix.edit.changes[uri(name)][0].newText, 'VALIDATION_ERROR');
    });
  }

  it('no diagnostics in prose or comments', { timeout: 15_000 }, async () => {
    const markdown = uri('README.md');
    await client.open(markdown, 'markdown', "Send `{ code: 'VALIDATON_ERROR' }`.\n");
    const commented = uri('commented.ts');
    await client.open(commented, 'typescript', "// { code: 'VALIDATON_ERROR' }\nconst ok = { error: { code: 'RATE_LIMITED' } };\n");
    const published = await client.diagnosticsFor(commented);
    assert.deepEqual(published.diagnostics, []);
    assert.deepEqual(client.lastDiagnostics(markdown)?.diagnostics ?? [], []);
  });

  it('a status mismatch has fixes for both sides, and a docs link', { timeout: 15_000 }, async () => {
    const file = uri('mismatch.ts');
    const text = "res.status(400).json({ error: { code: 'RATE_LIMITED', message: 'x' } });\n";
    await client.open(file, 'typescript', text);
    const published = await client.diagnosticsFor(file, (p) => p.diagnostics.some((d) => d.code === 'status-mismatch'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'status-mismatch') as Diagnostic;
    assert.deepEqual(diagnostic.codeDescription, { href: 'https://docs.acme.test/errors/RATE_LIMITED' });
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri: file }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
    assert.deepEqual(actions.filter((a) => a.diagnostics?.length).map((a) => a.title), ['Send 429 Too Many Requests, the status of RATE_LIMITED']);
  });

  it('re-runs when the catalog changes: adding the code clears the diagnostic', { timeout: 15_000 }, async () => {
    const file = uri('later.ts');
    await client.open(file, 'typescript', "res.json({ error: { code: 'BRAND_NEW' } });\n");
    await client.diagnosticsFor(file, (p) => unknownIn(p).length === 1);
    writeFileSync(join(folder, 'api.errors.yaml'), `${CATALOG}  BRAND_NEW:\n    status: 400\n`);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, 'api.errors.yaml')), type: 2 }] });
    await client.nextDiagnosticsFor(file, (p) => unknownIn(p).length === 0);
  });

  it('the severity of each rule follows the settings, and `off` silences it', { timeout: 15_000 }, async () => {
    const file = uri('severity.ts');
    client.settings = { diagnostics: { unknownCode: 'error' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.open(file, 'typescript', "const b = { error: { code: 'VALIDATON_ERROR' } };\n");
    const asError = await client.diagnosticsFor(file, (p) => unknownIn(p).length === 1);
    assert.equal(unknownIn(asError)[0].severity, 1);
    client.settings = { diagnostics: { unknownCode: 'off' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.nextDiagnosticsFor(file, (p) => p.diagnostics.length === 0);
    client.settings = null;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  it('a file over 1 MB is skipped, with one log line', { timeout: 15_000 }, async () => {
    const file = uri('huge.ts');
    const text = `${"const b = { code: 'VALIDATON_ERROR' };\n".repeat(30_000)}`;
    await client.open(file, 'typescript', text);
    const published = await client.diagnosticsFor(file);
    assert.deepEqual(published.diagnostics, []);
    await client.change(file, `${text}// more\n`);
    await client.nextDiagnosticsFor(file);
    assert.equal(client.logs.filter((line) => line.includes('huge.ts') && line.includes('larger than 1 MB')).length, 1, client.logs.join('\n'));
  });
});

describe('files that are not checked', () => {
  let workspace: TestWorkspace;

  before(async () => { workspace = await startInWorkspace({ 'api.errors.yaml': CATALOG }, { endpoint: inProcessServer }); });
  after(() => workspace.dispose());

  it('minified and binary files are skipped, each with one log line', { timeout: 15_000 }, async () => {
    const { client, uri } = workspace;
    const minified = uri('bundle.min.js');
    await client.open(minified, 'javascript', `var a={code:'VALIDATON_ERROR'};${'var x=1;'.repeat(3_000)}\n`);
    assert.deepEqual((await client.diagnosticsFor(minified)).diagnostics, []);
    const binary = uri('blob.json');
    await client.open(binary, 'json', `{ "code": "VALIDATON_ERROR" }\u0000\n`);
    assert.deepEqual((await client.diagnosticsFor(binary)).diagnostics, []);
    assert.equal(client.logs.filter((l) => l.includes('bundle.min.js') && l.includes('minified')).length, 1, client.logs.join('\n'));
    assert.equal(client.logs.filter((l) => l.includes('blob.json') && l.includes('binary')).length, 1, client.logs.join('\n'));
  });
});
