/**
 * An OpenAPI document named in `errorCatalog.catalogs` is the catalog: through a spawned server,
 * hover explains its codes with the operations that return them, definition lands in the spec,
 * source checks use it, a change to the spec reloads it, a broken spec is reported on the spec
 * while its last good version keeps serving, and a `$ref` never reads outside the workspace.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, Location, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fileUri, folderFiles, LspClient, positionOf } from '../helpers/lspClient';

const TIMEOUT = { timeout: 60_000 };

const SPEC = `openapi: 3.0.3
info:
  title: Labels API
  version: 1.4.0
paths:
  /labels:
    post:
      operationId: createLabel
      responses:
        '201':
          description: Created
        '429':
          $ref: '#/components/responses/RateLimited'
  /labels/{id}:
    get:
      operationId: getLabel
      parameters:
        - name: id
          in: path
          required: true
          schema: { type: string }
      responses:
        '200':
          description: The label
        '404':
          description: No label has this ID.
          content:
            application/json:
              schema:
                $ref: './schemas/error.yaml#/Error'
              example:
                error:
                  code: LABEL_NOT_FOUND
                  message: No label has the ID lbl_123.
components:
  responses:
    RateLimited:
      description: Too many requests.
      headers:
        Retry-After:
          description: Seconds to wait before retrying.
          schema: { type: integer }
      content:
        application/json:
          schema:
            $ref: './schemas/error.yaml#/Error'
          example:
            error:
              code: RATE_LIMITED
              message: Slow down.
`;

const ERROR_SCHEMA = `Error:
  type: object
  required: [error]
  properties:
    error:
      type: object
      required: [code, message]
      properties:
        code:
          type: string
        message:
          type: string
`;

const SOURCE = "res.status(404).json({ error: { code: 'LABEL_NOT_FOUND', message: 'gone' } });\nres.status(404).json({ error: { code: 'LABEL_MISSING', message: 'gone' } });\n";

describe('an OpenAPI document served as a catalog', () => {
  let root: string;
  let folder: string;
  let client: LspClient;
  const diagnosticsOf = (published: PublishDiagnosticsParams, rule: string) => published.diagnostics.filter((d) => d.code === rule);

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-openapi-')));
    folder = join(root, 'ws');
    mkdirSync(folder);
    const { write } = folderFiles(folder);
    write('api/openapi.yaml', SPEC);
    write('api/schemas/error.yaml', ERROR_SCHEMA);
    write('src/app.ts', SOURCE);
    writeFileSync(join(root, 'secret.yaml'), 'Error:\n  type: object\n  properties:\n    code:\n      type: string\n      enum: [CANARY_OUTSIDE_7f3a]\n');
    client = new LspClient();
    client.settings = { catalogs: ['openapi:api/openapi.yaml'] };
    await client.initialize(folder);
    await client.ready();
  });

  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('hover explains a code from the spec, with its status and the operations that return it', TIMEOUT, async () => {
    const uri = fileUri(join(folder, 'src/app.ts'));
    await client.open(uri, 'typescript', SOURCE);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(SOURCE, 'LABEL_NOT_FOUND', 2) }) as Hover;
    const markdown = (hover.contents as { value: string }).value;
    assert.match(markdown, /LABEL_NOT_FOUND/);
    assert.match(markdown, /404 Not Found/);
    assert.match(markdown, /Returned by `GET \/labels\/\{id\}`/);
    assert.match(markdown, /`openapi\.yaml`/);
  });

  it('source checks use the spec\'s codes: an unknown code is reported, a known one is not', TIMEOUT, async () => {
    const uri = fileUri(join(folder, 'src/app.ts'));
    const published = await client.diagnosticsFor(uri, (p) => diagnosticsOf(p, 'unknown-code').length > 0);
    const unknown = diagnosticsOf(published, 'unknown-code');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].range.start.line, 1);
  });

  it('definition of a code lands where the spec names it', TIMEOUT, async () => {
    const uri = fileUri(join(folder, 'src/app.ts'));
    const result = await client.request('textDocument/definition', { textDocument: { uri }, position: positionOf(SOURCE, 'LABEL_NOT_FOUND', 2) }) as Location | Location[];
    const location = Array.isArray(result) ? result[0] : result;
    assert.equal(location.uri, fileUri(join(folder, 'api/openapi.yaml')));
    const line = SPEC.split('\n')[location.range.start.line];
    assert.match(line, /LABEL_NOT_FOUND/, `definition landed on "${line}"`);
  });

  it('a change to the spec reloads the catalog', TIMEOUT, async () => {
    const specPath = join(folder, 'api/openapi.yaml');
    const withNewCode = SPEC.replace('code: LABEL_NOT_FOUND', 'code: LABEL_MISSING');
    writeFileSync(specPath, withNewCode);
    const uri = fileUri(join(folder, 'src/app.ts'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(specPath), type: 2 }] });
    const published = await client.nextDiagnosticsFor(uri, (p) => diagnosticsOf(p, 'unknown-code').some((d) => d.range.start.line === 0));
    assert.deepEqual(diagnosticsOf(published, 'unknown-code').map((d) => d.range.start.line), [0]);
    writeFileSync(specPath, SPEC);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(specPath), type: 2 }] });
    await client.nextDiagnosticsFor(uri, (p) => diagnosticsOf(p, 'unknown-code').some((d) => d.range.start.line === 1));
  });

  it('a change to a file the spec\'s $refs read reloads the catalog too', TIMEOUT, async () => {
    const schemaPath = join(folder, 'api/schemas/error.yaml');
    const uri = fileUri(join(folder, 'src/app.ts'));
    const reloaded = client.nextCatalogsChanged();
    writeFileSync(schemaPath, ERROR_SCHEMA.replace('        code:\n          type: string\n', '        code:\n          type: string\n          enum: [LABEL_NOT_FOUND, RATE_LIMITED, LABEL_LOCKED]\n'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(schemaPath), type: 2 }] });
    await reloaded;
    const codes = await client.request('errorCatalog/codes', { uri }) as { code: string }[];
    assert.deepEqual(codes.map((c) => c.code).sort(), ['LABEL_LOCKED', 'LABEL_NOT_FOUND', 'RATE_LIMITED']);
    const restored = client.nextCatalogsChanged();
    writeFileSync(schemaPath, ERROR_SCHEMA);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(schemaPath), type: 2 }] });
    await restored;
  });

  it('a broken spec is reported on the spec, and its last good version keeps serving', TIMEOUT, async () => {
    const specPath = join(folder, 'api/openapi.yaml');
    const specUri = fileUri(specPath);
    writeFileSync(specPath, SPEC.replace('./schemas/error.yaml#/Error', './schemas/missing.yaml#/Error'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: specUri, type: 2 }] });
    const published = await client.diagnosticsFor(specUri, (p) => diagnosticsOf(p, 'openapi-import').length > 0);
    assert.match(String(diagnosticsOf(published, 'openapi-import')[0].message), /missing\.yaml/);
    const uri = fileUri(join(folder, 'src/app.ts'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(SOURCE, 'LABEL_NOT_FOUND', 2) }) as Hover;
    assert.match((hover.contents as { value: string }).value, /404 Not Found/);
    writeFileSync(specPath, SPEC);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: specUri, type: 2 }] });
    await client.nextDiagnosticsFor(specUri, (p) => diagnosticsOf(p, 'openapi-import').length === 0);
  });

  it('a $ref that climbs out of the workspace is refused, and nothing of the file outside is read', TIMEOUT, async () => {
    const specPath = join(folder, 'api/openapi.yaml');
    const specUri = fileUri(specPath);
    writeFileSync(specPath, SPEC.replace('./schemas/error.yaml#/Error', '../../secret.yaml#/Error'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: specUri, type: 2 }] });
    const published = await client.diagnosticsFor(specUri, (p) => diagnosticsOf(p, 'openapi-import').length > 0);
    assert.match(String(diagnosticsOf(published, 'openapi-import')[0].message), /outside the workspace/);
    const codes = await client.request('errorCatalog/codes', { uri: fileUri(join(folder, 'src/app.ts')) }) as { code: string }[];
    assert.ok(!codes.some((c) => c.code.includes('CANARY')), 'a code from outside the workspace was served');
    assert.ok(!JSON.stringify([...client.diagnostics.values()]).includes('CANARY_OUTSIDE'));
    writeFileSync(specPath, SPEC);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: specUri, type: 2 }] });
    await client.nextDiagnosticsFor(specUri, (p) => diagnosticsOf(p, 'openapi-import').length === 0);
  });
});

describe('a listed file that starts like an OpenAPI document is read as one', () => {
  it('without the openapi: prefix', TIMEOUT, async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-openapi-')));
    const client = new LspClient();
    try {
      const { write } = folderFiles(root);
      const json = JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Orders API', version: '1' },
        paths: { '/orders/{id}': { get: { responses: { '404': { description: 'Not found', content: { 'application/problem+json': { schema: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string', enum: ['ORDER_NOT_FOUND'] } } } } } } } } } },
      }, null, 2);
      write('openapi.json', json);
      const source = "const body = { code: 'ORDER_NOT_FOUND' };\n";
      const uri = write('src/orders.ts', source);
      client.settings = { catalogs: ['openapi.json'] };
      await client.initialize(root);
      await client.ready();
      await client.open(uri, 'typescript', source);
      const codes = await client.request('errorCatalog/codes', { uri }) as { code: string; detail: string }[];
      assert.deepEqual(codes.map((c) => c.code), ['ORDER_NOT_FOUND']);
      assert.match(codes[0].detail, /^404 /);
    } finally {
      await client.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
