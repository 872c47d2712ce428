/**
 * Constants a catalog declares (`constants:` of a code), through the real server: read as the
 * workspace's own constants by hover, definition, completion and references as soon as the catalog
 * loads; a workspace definition of the same name with another value wins, with a warning on the
 * catalog entry that comes and goes with the definition; and edited out of the catalog, they are gone.
 */
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type CompletionItem, type CompletionList, type Location } from 'vscode-languageserver/node';
import { inProcessServer } from '../helpers/inProcessServer';
import { folderFiles, positionOf, startInWorkspace, type LspClient, type TestWorkspace } from '../helpers/lspClient';

const CATALOG = `id: billing
title: Billing API
envelope:
  body:
    code: \${code}
    message: \${message}
codes:
  invoice_not_found:
    status: 404
    title: Invoice not found
    constants: [ErrorCode.NoSuchInvoice, billing.CodeInvoiceMissing]
  invoice_locked:
    status: 409
    title: Invoice locked
    constants: [ErrorCode.InvoiceLocked]
  rate_limited:
    status: 429
`;

/** Code against a generated client whose definitions are not in the workspace. */
const APP = `import { ErrorCode } from '@acme/billing-client'

export function isMissing(e: { code: string }): boolean {
  return e.code === ErrorCode.NoSuchInvoice
}
`;

const TIMEOUT = { timeout: 20_000 };

describe('constants a catalog declares, over the protocol', () => {
  let workspace: TestWorkspace;
  let client: LspClient;
  const uri = (relative: string) => workspace.uri(relative);

  before(async () => {
    workspace = await startInWorkspace({ 'api.errors.yaml': CATALOG, 'src/app.ts': APP }, { endpoint: inProcessServer });
    client = workspace.client;
    await client.waitFor(() => client.logs.find((l) => l.includes('Indexed ')), 'the constants to be indexed');
    await client.open(uri('src/app.ts'), 'typescript', APP);
    await client.open(uri('api.errors.yaml'), 'yaml', CATALOG);
  });

  after(() => workspace.dispose());

  it('are hovered and lead to their code\'s entry', TIMEOUT, async () => {
    const position = positionOf(APP, 'NoSuchInvoice', 3);
    assert.match(await client.hoverText(uri('src/app.ts'), position) ?? 'no hover', /invoice_not_found.*404/);
    const [location, ...rest] = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uri('src/app.ts') }, position });
    assert.equal(rest.length, 0);
    assert.equal(location.uri, uri('api.errors.yaml'));
    assert.equal(location.range.start.line, CATALOG.split('\n').indexOf('  invoice_not_found:'));
  });

  it('are completed after their qualifier, and resolved to their code\'s explanation', TIMEOUT, async () => {
    const list = await client.completion(uri('src/app.ts'), positionOf(APP, 'NoSuchInvoice', 0)) as CompletionList;
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['InvoiceLocked', 'NoSuchInvoice']);
    const item = list.items.find((i) => i.label === 'InvoiceLocked')!;
    assert.equal(item.detail, '409 Conflict · Invoice locked');
    const resolved = await client.resolve({ ...item, data: item.data ?? list.itemDefaults?.data } as CompletionItem);
    assert.match((resolved.documentation as { value: string }).value, /invoice_locked/);
  });

  it('are found as references of their code', TIMEOUT, async () => {
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: uri('api.errors.yaml') }, position: positionOf(CATALOG, 'invoice_not_found', 2), context: { includeDeclaration: false },
    });
    const inApp = locations.filter((l) => l.uri === uri('src/app.ts')).map((l) => l.range.start);
    assert.deepEqual(inApp, [positionOf(APP, 'NoSuchInvoice', 0)]);
  });

  it('yield to a definition of the same name in the workspace, with a warning on the entry while it stands', TIMEOUT, async () => {
    const catalogUri = uri('api.errors.yaml');
    const isClash = (d: { code?: number | string }) => d.code === 'constant-clash';
    const { write, path } = folderFiles(workspace.folder);
    const warned = client.nextDiagnosticsFor(catalogUri, (p) => p.diagnostics.some(isClash));
    const codes = write('src/codes.ts', "export enum ErrorCode {\n  InvoiceLocked = 'invoice_not_found',\n}\n");
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: codes, type: FileChangeType.Created }] });
    const [warning] = (await warned).diagnostics.filter(isClash);
    assert.match(warning.message as string, /`ErrorCode\.InvoiceLocked` is defined in codes\.ts as `invoice_not_found`, not `invoice_locked`/);
    assert.deepEqual(warning.range.start, positionOf(CATALOG, 'ErrorCode.InvoiceLocked', 0));
    const list = await client.completion(uri('src/app.ts'), positionOf(APP, 'NoSuchInvoice', 0)) as CompletionList;
    assert.equal(list.items.find((i) => i.label === 'InvoiceLocked')?.detail, '404 Not Found · Invoice not found', 'the definition is what code reads');

    const cleared = client.nextDiagnosticsFor(catalogUri, (p) => !p.diagnostics.some(isClash));
    rmSync(path('src/codes.ts'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: codes, type: FileChangeType.Deleted }] });
    await cleared;
  });

  it('are gone once the catalog no longer declares them', TIMEOUT, async () => {
    const catalogUri = uri('api.errors.yaml');
    const reloaded = client.nextCatalogsChanged();
    await client.change(catalogUri, CATALOG.replace('    constants: [ErrorCode.NoSuchInvoice, billing.CodeInvoiceMissing]\n', ''));
    // A reload that earlier work started may announce itself first: the edit's own comes at most two later.
    const hover = () => client.hoverText(uri('src/app.ts'), positionOf(APP, 'NoSuchInvoice', 3));
    await reloaded;
    for (let announced = 1; announced < 3 && (await hover()) !== null; announced++) await client.nextCatalogsChanged();
    assert.equal(await hover(), null);
    const list = await client.completion(uri('src/app.ts'), positionOf(APP, 'NoSuchInvoice', 0)) as CompletionList;
    assert.deepEqual(list.items.map((i) => i.label), ['InvoiceLocked']);
  });
});
