/**
 * Quick fixes in the workspace's own idiom, over the protocol: on the PHP sample workspace, which
 * raises every code through `throw new ApiException(ApiException::X, '…')`, the first code action
 * on a code in a handler raises it that way, with the `use` line it needs, and the framework's
 * response comes second; the Insert Error Response request writes the same, with its import.
 */
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { inProcessServer } from '../helpers/inProcessServer';
import { fileUri, LspClient, positionOf } from '../helpers/lspClient';
import { copyOf, sampleWorkspaces } from '../helpers/workspaces';

const CONTROLLER = `<?php

namespace App\\Http\\Controllers\\Api;

use App\\Http\\Controllers\\Controller;
use Illuminate\\Http\\Request;

class ExportController extends Controller
{
    public function show(Request $request, string $ticketId)
    {
        if ($ticketId === '') {
            report('ticket_not_found');
        }
    }
}
`;

describe('quick fixes in the idiom of the php-api sample workspace', () => {
  let folder: string;
  let client: LspClient;
  let uri: string;
  const position = positionOf(CONTROLLER, "'ticket_not_found'", 2);

  before(async () => {
    folder = copyOf(sampleWorkspaces().find((w) => w.name === 'php-api')!);
    const path = join(folder, 'app/Http/Controllers/Api/ExportController.php');
    writeFileSync(path, CONTROLLER);
    client = new LspClient(undefined, undefined, undefined, { endpoint: inProcessServer() });
    await client.initialize(folder, { capabilities: { window: { workDoneProgress: true } } });
    await client.ready();
    await client.waitFor(() => client.logs.find((l) => l.includes('Indexed ')), 'the constants to be indexed');
    uri = fileUri(path);
    await client.open(uri, 'php', CONTROLLER);
  });

  after(async () => {
    await client.shutdown().catch(() => undefined);
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const applied = (edits: readonly TextEdit[]) => TextDocument.applyEdits(TextDocument.create(uri, 'php', 1, CONTROLLER), [...edits]);
  const expected = CONTROLLER
    .replace('use Illuminate\\Http\\Request;\n', 'use Illuminate\\Http\\Request;\nuse App\\Exceptions\\ApiException;\n')
    .replace("            report('ticket_not_found');\n", "            report('ticket_not_found');\n            throw new ApiException(ApiException::TICKET_NOT_FOUND, 'Ticket was not found.');\n");

  it('offers first "Raise ticket_not_found as this codebase does", written with the learned form and its import', { timeout: 60_000 }, async () => {
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }) as CodeAction[];
    assert.deepEqual(actions.slice(0, 2).map((a) => a.title), ['Raise ticket_not_found as this codebase does', 'Return ticket_not_found (404) error response']);
    const edit = actions[0].edit!;
    const edits = edit.changes?.[uri] ?? (edit.documentChanges?.[0] as { edits: TextEdit[] } | undefined)?.edits ?? [];
    assert.equal(applied(edits), expected);
  });

  it('writes the same from the Insert Error Response request, its import as an additional edit', { timeout: 60_000 }, async () => {
    const result = await client.request('errorCatalog/errorResponse', { uri, position, code: 'ticket_not_found' }) as { range: TextEdit['range']; text: string; additionalEdits: TextEdit[] };
    assert.equal(applied([{ range: result.range, newText: result.text }, ...result.additionalEdits]), expected);
  });
});
