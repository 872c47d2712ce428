/**
 * Navigation through the real server: references across the workspace (with progress), rename
 * in the catalog and every usage, workspace symbols, the catalog outline, reference-count lenses.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, DocumentSymbol, Location, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver/node';
import { inProcessServer } from '../helpers/inProcessServer';
import { fileUri, positionOf, startInWorkspace, type LspClient, type TestWorkspace } from '../helpers/lspClient';

const CATALOG = `id: acme
title: Acme API
envelope:
  body:
    error:
      code: \${code}
      message: \${message}
statuses:
  429:
    reason: Too Many Requests
codes:
  RATE_LIMITED:
    status: 429
    title: Too many requests
  NOT_FOUND:
    status: 404
  OLD_LIMIT:
    status: 429
    deprecated: true
    replacedBy: RATE_LIMITED
`;

const FILES: Record<string, string> = {
  'api.errors.yaml': CATALOG,
  'src/a.ts': "res.status(429).json({ error: { code: 'RATE_LIMITED' } });\nif (e.code === 'RATE_LIMITED') retry();\n// RATE_LIMITED in a comment is not a reference\n",
  'src/b.py': "return JSONResponse(status_code=429, content={'error': {'code': 'RATE_LIMITED'}})\n",
  'src/c.go': 'c.JSON(429, gin.H{"error": gin.H{"code": "RATE_LIMITED"}})\n',
  'src/d.ts': "const missing = { error: { code: 'NOT_FOUND' } };\n",
  'node_modules/dep/index.js': "module.exports = { code: 'RATE_LIMITED' };\n",
};

// The same requests against the spawned bundle and against the server running in this process.
for (const [transport, endpoint] of [['spawned', undefined], ['in-process', inProcessServer]] as const) describe(`navigation over the protocol (${transport})`, () => {
  let workspace: TestWorkspace;
  let client: LspClient;
  let folder: string;
  const uri = (relative: string) => workspace.uri(relative);

  before(async () => {
    workspace = await startInWorkspace(FILES, { capabilities: { window: { workDoneProgress: true } }, endpoint });
    ({ client, folder } = workspace);
    await client.open(uri('src/a.ts'), 'typescript', FILES['src/a.ts']);
    await client.open(uri('api.errors.yaml'), 'yaml', CATALOG);
  });

  after(() => workspace.dispose());

  const summary = (locations: Location[]) => locations.map((l) => `${l.uri.slice(fileUri(folder).length + 1)}:${l.range.start.line}:${l.range.start.character}`).sort();

  it('finds every reference to a code across the workspace, never in comments or node_modules', { timeout: 15_000 }, async () => {
    const locations = await client.request('textDocument/references', {
      textDocument: { uri: uri('src/a.ts') }, position: positionOf(FILES['src/a.ts'], 'RATE_LIMITED', 3), context: { includeDeclaration: true },
    }) as Location[];
    assert.deepEqual(summary(locations), ['api.errors.yaml:11:2', 'api.errors.yaml:19:16', 'src/a.ts:0:39', 'src/a.ts:1:16', 'src/b.py:0:65', 'src/c.go:0:42']);
  });

  it('from the catalog too, and without the declaration when asked', { timeout: 15_000 }, async () => {
    const locations = await client.request('textDocument/references', {
      textDocument: { uri: uri('api.errors.yaml') }, position: positionOf(CATALOG, 'NOT_FOUND', 2), context: { includeDeclaration: false },
    }) as Location[];
    assert.deepEqual(summary(locations), ['src/d.ts:0:34']);
  });

  it('renames a code in the catalog and in every usage, in one workspace edit', { timeout: 15_000 }, async () => {
    const prepared = await client.request('textDocument/prepareRename', { textDocument: { uri: uri('src/a.ts') }, position: positionOf(FILES['src/a.ts'], 'RATE_LIMITED', 3) }) as { placeholder: string };
    assert.equal(prepared.placeholder, 'RATE_LIMITED');
    const edit = await client.request('textDocument/rename', { textDocument: { uri: uri('src/a.ts') }, position: positionOf(FILES['src/a.ts'], 'RATE_LIMITED', 3), newName: 'TOO_MANY_REQUESTS' }) as WorkspaceEdit;
    const files = Object.fromEntries(Object.entries(edit.changes ?? {}).map(([u, edits]) => [u.slice(fileUri(folder).length + 1), edits.length]));
    assert.deepEqual(files, { 'api.errors.yaml': 2, 'src/a.ts': 2, 'src/b.py': 1, 'src/c.go': 1 });
    assert.ok(Object.values(edit.changes ?? {}).flat().every((e) => e.newText === 'TOO_MANY_REQUESTS'));
  });

  it('refuses a rename to a code that exists, saying what to do', { timeout: 15_000 }, async () => {
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: uri('src/a.ts') }, position: positionOf(FILES['src/a.ts'], 'RATE_LIMITED', 3), newName: 'NOT_FOUND' }),
      /already has a code NOT_FOUND/,
    );
  });

  it('lists codes as workspace symbols', { timeout: 15_000 }, async () => {
    const symbols = await client.request('workspace/symbol', { query: 'ratelim' }) as SymbolInformation[];
    const ours = symbols.filter((s) => s.location.uri === uri('api.errors.yaml'));
    assert.deepEqual(ours.map((s) => [s.name, s.containerName, s.location.range.start.line]), [['RATE_LIMITED', 'Acme API · 429', 11]]);
  });

  it('outlines a catalog file', { timeout: 15_000 }, async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: uri('api.errors.yaml') } }) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['id', 'title', 'envelope', 'statuses', 'codes']);
    const codes = symbols.find((s) => s.name === 'codes')!;
    assert.deepEqual(codes.children?.map((c) => [c.name, c.detail]), [['RATE_LIMITED', '429 · Too many requests'], ['NOT_FOUND', '404'], ['OLD_LIMIT', '429']]);
  });

  it('hints at catalog codes no file uses', { timeout: 15_000 }, async () => {
    const published = await client.diagnosticsFor(uri('api.errors.yaml'), (p) => p.diagnostics.some((d) => d.code === 'unused-code'));
    const unused = published.diagnostics.filter((d) => d.code === 'unused-code');
    assert.deepEqual(unused.map((d) => [d.range.start.line, d.severity, d.tags, d.message]), [[16, 4, [1], 'OLD_LIMIT is not used in any file of the workspace.']]);
  });

  it('shows each code\'s reference count on a lens in the catalog', { timeout: 15_000 }, async () => {
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri: uri('api.errors.yaml') } }) as CodeLens[];
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[11, '4 references'], [14, '1 reference'], [16, '0 references']]);
  });
});
