/**
 * `error-catalog import openapi|docs|code` run as real processes: the catalog each writes loads and
 * is then used by `check`, nothing is written over an existing file without --force, and bad input
 * (a spec that does not parse, a `$ref` that does not resolve or leaves the workspace, a page with
 * no errors, a path outside the workspace) ends with exit code 2 and a message naming the place.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { folderFiles, REPO_ROOT, runNode } from '../helpers/lspClient';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const TIMEOUT = { timeout: 120_000 };

const SPEC = `openapi: 3.0.3
info:
  title: Labels API
  version: 1.0.0
paths:
  /labels/{id}:
    get:
      responses:
        '200':
          description: The label.
        '404':
          description: No label has this ID.
          content:
            application/json:
              schema:
                $ref: './schemas/error.yaml#/Error'
              example:
                code: LABEL_NOT_FOUND
                message: No label has the ID lbl_1.
`;
const ERROR_SCHEMA = 'Error:\n  type: object\n  required: [code, message]\n  properties:\n    code:\n      type: string\n    message:\n      type: string\n';

describe('error-catalog import', () => {
  let root: string;
  let outside: string;
  const cli = (...args: string[]) => runNode(CLI, args, root);
  const read = (relative: string) => readFileSync(join(root, relative), 'utf8');

  before(() => {
    const parent = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-import-')));
    root = join(parent, 'ws');
    outside = join(parent, 'outside');
    mkdirSync(outside);
    const { write } = folderFiles(root);
    write('api/openapi.yaml', SPEC);
    write('api/schemas/error.yaml', ERROR_SCHEMA);
    writeFileSync(join(outside, 'error.yaml'), ERROR_SCHEMA.replace('type: string\n    message', 'type: string\n      enum: [CANARY_OUTSIDE]\n    message'));
    mkdirSync(join(root, 'docs'));
    copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'pages', 'success-meta.txt'), join(root, 'docs', 'errors.txt'));
  });
  after(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it('import openapi writes a catalog that loads, and check then uses it', TIMEOUT, async () => {
    const imported = await cli('import', 'openapi', 'api/openapi.yaml', '-o', 'api.errors.yaml');
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stderr, /Imported 1 code and \d+ status(es)? from api\/openapi\.yaml into api\.errors\.yaml\./);
    const text = read('api.errors.yaml');
    assert.match(text, /^# Imported from api\/openapi\.yaml\./);
    const loaded = loadCatalog('api.errors.yaml', text);
    assert.deepEqual(loaded.problems.filter((p) => p.severity === 'error'), []);
    assert.deepEqual([...loaded.catalog!.codes.values()].map((c) => [c.code, c.status, c.operations]), [['LABEL_NOT_FOUND', 404, ['GET /labels/{id}']]]);
    folderFiles(root).write('src/labels.ts', "res.status(404).json({ code: 'LABEL_NOT_FOUND', message: 'x' });\nres.status(404).json({ code: 'LABEL_NOT_FUOND', message: 'x' });\n");
    const checked = await cli('check', 'src', '--format', 'json');
    const findings = (JSON.parse(checked.stdout) as { findings: { rule: string; line: number }[] }).findings;
    assert.deepEqual(findings.map((f) => [f.rule, f.line]), [['unknown-code', 2]]);
  });

  it('never writes over an existing file without --force', TIMEOUT, async () => {
    writeFileSync(join(root, 'ours.errors.yaml'), '# our own\n');
    const refused = await cli('import', 'openapi', 'api/openapi.yaml', '-o', 'ours.errors.yaml');
    assert.deepEqual({ code: refused.code, kept: read('ours.errors.yaml') }, { code: 2, kept: '# our own\n' });
    assert.match(refused.stderr, /ours\.errors\.yaml exists: it is left as it is\. Choose another --output, or add --force to replace it\./);
    const forced = await cli('import', 'openapi', 'api/openapi.yaml', '-o', 'ours.errors.yaml', '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(read('ours.errors.yaml'), /LABEL_NOT_FOUND/);
  });

  it('import docs turns an error reference page into a catalog, to standard output without -o', TIMEOUT, async () => {
    const imported = await cli('import', 'docs', 'docs/errors.txt');
    assert.equal(imported.code, 0, imported.stderr);
    const loaded = loadCatalog('page.errors.yaml', imported.stdout);
    assert.deepEqual(loaded.problems.filter((p) => p.severity === 'error'), []);
    assert.deepEqual([...loaded.catalog!.codes.keys()].sort(), ['CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED', 'SERVER_ERROR', 'UNAUTHORIZED', 'VALIDATION_ERROR']);
    assert.equal(loaded.catalog!.codes.get('RATE_LIMITED')?.status, 429);
  });

  it('import code reads the codes a folder defines and the statuses it sends them with', TIMEOUT, async () => {
    const { write } = folderFiles(root);
    write('src/shop/errorCodes.ts', [
      '/** Error codes the shop API sends in `error.code`. */',
      'export enum ErrorCode {',
      '  /** No order has the ID in the path. */',
      "  OrderNotFound = 'ORDER_NOT_FOUND',",
      '  /** The cart has no items. */',
      "  CartEmpty = 'CART_EMPTY',",
      '}',
      'export const DEFAULT_PAGE_SIZE = 20;',
      "export enum LogLevel { Info = 'info', Warn = 'warn' }",
      '',
    ].join('\n'));
    write('src/shop/orders.ts', [
      "import { ErrorCode, LogLevel } from './errorCodes';",
      'export function getOrder(req: any, res: any) {',
      '  const order = find(req.params.id);',
      "  log(LogLevel.Info, 'order lookup');",
      "  if (!order) return res.status(404).json({ error: { code: ErrorCode.OrderNotFound, message: 'No such order' } });",
      "  if (order.items.length === 0) return res.status(422).json({ error: { code: ErrorCode.CartEmpty, message: 'The cart is empty' } });",
      '  res.json(order);',
      '}',
      '',
    ].join('\n'));
    const imported = await cli('import', 'code', 'src/shop', '-o', 'shop.errors.yaml');
    assert.equal(imported.code, 0, imported.stderr);
    const loaded = loadCatalog('shop.errors.yaml', read('shop.errors.yaml'));
    assert.deepEqual(loaded.problems.filter((p) => p.severity === 'error'), []);
    assert.deepEqual([...loaded.catalog!.codes.values()].map((c) => [c.code, c.status, c.description, c.constants]), [
      ['ORDER_NOT_FOUND', 404, 'No order has the ID in the path.', ['ErrorCode.OrderNotFound']],
      ['CART_EMPTY', 422, 'The cart has no items.', ['ErrorCode.CartEmpty']],
    ]);
    assert.deepEqual(loaded.catalog!.envelope.body, { error: { code: '${code}', message: '${message}' } });
    const outside = await cli('import', 'code', '../outside');
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /\.\.\/outside is outside the workspace folder/);
  });

  it('bad input: exit code 2 and a message that names the problem and its place', TIMEOUT, async () => {
    const { write } = folderFiles(root);
    write('bad/syntax.yaml', 'openapi: 3.0.3\ninfo:\n  title: [unclosed\npaths: {}\n');
    write('bad/unresolved.yaml', SPEC.replace('./schemas/error.yaml', './schemas/nowhere.yaml'));
    write('bad/climbs.yaml', SPEC.replace('./schemas/error.yaml', '../../outside/error.yaml'));
    write('bad/not-openapi.yaml', 'name: my-service\nversion: 2\n');
    write('bad/empty.md', '# Release notes\n\nNothing about errors here.\n');
    const cases: [string[], RegExp][] = [
      [['import'], /error-catalog import takes what to import from first: openapi, docs, code/],
      [['import', 'pdf', 'x.pdf'], /error-catalog import takes what to import from first/],
      [['import', 'openapi'], /error-catalog import openapi takes one file/],
      [['import', 'openapi', 'missing.yaml'], /missing\.yaml does not exist\./],
      [['import', 'openapi', '../outside/error.yaml'], /is outside the workspace folder .*: only files inside it are imported/],
      [['import', 'openapi', 'bad/syntax.yaml'], /syntax\.yaml line \d+, column \d+: not valid YAML/],
      [['import', 'openapi', 'bad/unresolved.yaml'], /nowhere\.yaml/],
      [['import', 'openapi', 'bad/climbs.yaml'], /outside the workspace/],
      [['import', 'openapi', 'bad/not-openapi.yaml'], /not an OpenAPI/i],
      [['import', 'docs', 'bad/empty.md'], /empty\.md.*no recognisable errors/i],
      [['import', 'docs', 'docs/errors.txt', '--lang', 'ts'], /Unknown option "--lang" for import/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.doesNotMatch(run.stderr, /CANARY_OUTSIDE|\n\s+at /, `${args.join(' ')} shows nothing from outside and no stack`);
      assert.equal(run.stdout, '', `${args.join(' ')} writes nothing`);
    }
  });
});
