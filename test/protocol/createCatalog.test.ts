/**
 * The requests behind Create Error Catalog… and the status bar's offer, through a spawned server:
 * a folder whose code uses error codes and has no catalog is offered one (a folder without codes
 * is not, nor one with a catalog); each source gives a catalog that loads; bad input gets a
 * problem that names it, never a file outside the folder.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { fileUri, folderFiles, LspClient, REPO_ROOT } from '../helpers/lspClient';
import { readFileSync } from 'node:fs';

const TIMEOUT = { timeout: 60_000 };

type ImportResult = { text: string; codeCount: number; guessCount: number; leftOut: string[] } | { problem: string };

const ERROR_CODES = [
  '/** Codes sent in `error.code`. */',
  'export enum ErrorCode {',
  '  /** No invoice has this ID. */',
  "  InvoiceNotFound = 'INVOICE_NOT_FOUND',",
  "  InvoicePaid = 'INVOICE_ALREADY_PAID',",
  '}',
  '',
].join('\n');
const HANDLER = [
  "import { ErrorCode } from './errorCodes';",
  'export function pay(req: any, res: any) {',
  '  const invoice = invoices.get(req.params.id);',
  "  if (!invoice) return res.status(404).json({ error: { code: ErrorCode.InvoiceNotFound, message: 'No such invoice' } });",
  "  if (invoice.paid) return res.status(409).json({ error: { code: ErrorCode.InvoicePaid, message: 'Already paid' } });",
  '  res.json(invoice);',
  '}',
  '',
].join('\n');

describe('Create Error Catalog over the protocol', () => {
  let root: string;
  let billing: string;
  let plain: string;
  let client: LspClient;
  const importCatalog = (params: Record<string, unknown>) => client.request('errorCatalog/importCatalog', params) as Promise<ImportResult>;
  const loads = (text: string) => loadCatalog('new.errors.yaml', text).problems.filter((p) => p.severity === 'error');

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-create-')));
    billing = join(root, 'billing');
    plain = join(root, 'plain');
    const files = folderFiles(billing);
    files.write('src/errorCodes.ts', ERROR_CODES);
    files.write('src/pay.ts', HANDLER);
    files.write('docs/errors.txt', readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'pages', 'dashed-codes.txt'), 'utf8'));
    folderFiles(plain).write('src/sum.ts', 'export const sum = (a: number, b: number) => a + b;\n');
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'errors.md'), '## SECRET_OUTSIDE (400)\n\nMessage: outside\n');
    client = new LspClient();
    await client.initialize(null, { folders: [billing, plain] });
    await client.ready();
  });

  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('offers a catalog to the folder whose code uses error codes, and not to the other', TIMEOUT, async () => {
    const suggestions = await client.request('errorCatalog/catalogSuggestions', null) as { folder: string; sampleCodes: string[] }[];
    assert.deepEqual(suggestions, [{ folder: fileUri(billing), sampleCodes: ['INVOICE_NOT_FOUND', 'INVOICE_ALREADY_PAID'] }]);
  });

  it('imports the folder\'s code, a docs page, or a blank template, each a catalog that loads', TIMEOUT, async () => {
    const fromCode = await importCatalog({ source: 'code', folder: fileUri(billing) });
    assert.ok('text' in fromCode, JSON.stringify(fromCode));
    assert.deepEqual(loads(fromCode.text), []);
    assert.equal(fromCode.codeCount, 2);
    assert.match(fromCode.text, /INVOICE_ALREADY_PAID:\n\s+status: 409/);
    const fromPage = await importCatalog({ source: 'docs', folder: fileUri(billing), input: fileUri(join(billing, 'docs/errors.txt')) });
    assert.ok('text' in fromPage, JSON.stringify(fromPage));
    assert.deepEqual(loads(fromPage.text), []);
    assert.equal(fromPage.codeCount, 7);
    assert.ok(fromPage.guessCount > 0, 'the page shows no envelope: it is guessed');
    const blank = await importCatalog({ source: 'blank', folder: fileUri(billing) });
    assert.ok('text' in blank);
    assert.deepEqual(loads(blank.text), []);
  });

  it('bad input gets a problem that names it, and nothing outside the folder is read', TIMEOUT, async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ source: 'docs', folder: fileUri(billing), input: fileUri(join(root, 'outside', 'errors.md')) }, /outside the folder/],
      [{ source: 'docs', folder: fileUri(billing), input: fileUri(join(billing, 'docs', '../../outside/errors.md')) }, /outside the folder/],
      [{ source: 'openapi', folder: fileUri(billing) }, /Choose the OpenAPI document/],
      [{ source: 'openapi', folder: fileUri(billing), input: fileUri(join(billing, 'src/pay.ts')) }, /pay\.ts/],
      [{ source: 'code', folder: fileUri(plain) }, /.+/],
      [{ source: 'code', folder: fileUri(join(root, 'outside')) }, /is not a folder of this workspace/],
    ];
    for (const [params, message] of cases) {
      const result = await importCatalog(params);
      assert.ok('problem' in result, `${JSON.stringify(params)} gave ${JSON.stringify(result).slice(0, 200)}`);
      assert.match(result.problem, message);
      assert.doesNotMatch(result.problem, /SECRET_OUTSIDE/);
    }
  });

  it('once the folder has a catalog, the offer is gone', TIMEOUT, async () => {
    const catalog = join(billing, 'api.errors.yaml');
    const fromCode = await importCatalog({ source: 'code', folder: fileUri(billing) });
    assert.ok('text' in fromCode);
    writeFileSync(catalog, fromCode.text);
    const loaded = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(catalog), type: 1 }] });
    await loaded;
    assert.deepEqual(await client.request('errorCatalog/catalogSuggestions', null), []);
  });
});
