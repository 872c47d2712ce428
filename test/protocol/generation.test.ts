/**
 * The requests behind the Insert Error Response… and Insert Error Handling… commands: the codes
 * for the quick pick, the response rendered at the cursor, and the handling code's edit.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { startInWorkspace, type LspClient, type TestWorkspace } from '../helpers/lspClient';
import { inProcessServer } from '../helpers/inProcessServer';

const CATALOG = `id: acme
title: Acme API
envelope:
  body:
    error:
      code: \${code}
      message: \${message}
codes:
  RATE_LIMITED:
    status: 429
    title: Too many requests
    message: Slow down
    resolution: [Wait for Retry-After]
  NOT_FOUND:
    status: 404
    title: Not found
`;

describe('response and handling generation over the protocol', () => {
  let workspace: TestWorkspace;
  let client: LspClient;
  let uri: string;
  const text = "import express from 'express';\napp.get('/', (req, res) => {\n  \n});\n";

  before(async () => {
    workspace = await startInWorkspace({ 'api.errors.yaml': CATALOG }, { endpoint: inProcessServer });
    client = workspace.client;
    uri = workspace.uri('app.ts');
    await client.open(uri, 'typescript', text);
  });

  after(() => workspace.dispose());

  it('lists the codes for the quick pick, with status and title', async () => {
    const codes = await client.request('errorCatalog/codes', { uri }) as { code: string; detail: string; catalog: string }[];
    assert.deepEqual(codes.map((c) => [c.code, c.detail, c.catalog]), [['RATE_LIMITED', '429 Too Many Requests · Too many requests', 'Acme API'], ['NOT_FOUND', '404 Not Found · Not found', 'Acme API']]);
  });

  it('renders the picked code\'s response at the cursor, as a snippet and as text', async () => {
    const result = await client.request('errorCatalog/errorResponse', { uri, position: { line: 2, character: 2 }, code: 'RATE_LIMITED' }) as { range: unknown; snippet: string; text: string };
    assert.deepEqual(result.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    assert.match(result.text, /^ {2}res\.status\(429\)\.set\('Retry-After', '60'\)\.json\(\{\n {4}error: \{\n {6}code: 'RATE_LIMITED',\n {6}message: 'Slow down'/);
    assert.match(result.snippet, /message: '\$\{1:Slow down\}'/);
    assert.equal(await client.request('errorCatalog/errorResponse', { uri, position: { line: 2, character: 2 }, code: 'NO_SUCH_CODE' }), null);
  });

  it('offers the handling variants and catalogs, and returns the handling edit with its imports', async () => {
    const options = await client.request('errorCatalog/handlingOptions', { uri }) as { variants: { id: string }[]; catalogs: { uri: string; title: string }[] };
    assert.deepEqual(options.variants.map((v) => v.id), ['fetch', 'axios']);
    assert.deepEqual(options.catalogs.map((c) => c.title), ['Acme API']);
    const edit = await client.request('errorCatalog/errorHandling', { uri, variant: 'axios', catalog: options.catalogs[0].uri }) as WorkspaceEdit;
    const edits = edit.changes![uri];
    assert.equal(edits[0].newText, "import axios, { type AxiosRequestConfig, type AxiosResponse } from 'axios';\n");
    assert.match(edits[1].newText, /export type AcmeErrorCode =\n {2}\| 'RATE_LIMITED'\n {2}\| 'NOT_FOUND';/);
    assert.match(edits[1].newText, /case 'RATE_LIMITED':\n {6}\/\/ Wait for Retry-After\n {6}break;/);
  });
});
