/**
 * The OpenAPI importer on specs written the way public APIs write them (test/fixtures/openapi):
 * an OpenAPI 3.0 YAML spec whose Error schema lives in another file, a 3.1 JSON spec of problem
 * details, a Swagger 2.0 spec, a generated spec with one generic error body. Each draft is held
 * to its exact envelope, codes, statuses, operations, origins, guesses and left-out notes, and
 * must load as a catalog without problems. Broken specs fail with a message that names the
 * problem and its place; hostile ones (circular, deeply nested, alias bombs, oversized) neither
 * hang nor crash.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import type { Catalog } from '../../server/src/service/catalog/model';
import { draftToYaml, ImportError, type CatalogDraft, type DraftCode } from '../../server/src/service/import/catalogDraft';
import { importOpenApi, OPENAPI_LIMITS } from '../../server/src/service/import/openApi';

/** The repository: above the compiled test when it is built inside it, else the folder the tests run from (a build elsewhere, `TESTS_OUTDIR`). */
const ROOT = [__dirname, process.cwd()].map((start) => {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'catalog', 'error-catalog.schema.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}).find((dir) => dir !== undefined);
if (!ROOT) throw new Error('run the tests from the repository: no catalog/error-catalog.schema.json above them or the working folder');

const FIXTURES = join(ROOT, 'test', 'fixtures', 'openapi').replace(/\\/g, '/');

/** The HTTP status catalog, for the statuses and reason phrases the server checks catalogs against. */
const HTTP_STATUS = (() => {
  const path = join(ROOT, 'catalog', 'builtin', 'http-status.errors.yaml');
  const catalog = loadCatalog(path, readFileSync(path, 'utf8'), { origin: 'builtin' }).catalog;
  if (!catalog) throw new Error('the http-status catalog does not load');
  return catalog;
})();
const knownStatuses = () => new Set(HTTP_STATUS.statuses.keys());
const standardReasons = () => new Map([...HTTP_STATUS.statuses.values()].flatMap((status) => (status.reason && !status.reason.startsWith('(') ? [[status.status, status.reason] as [number, string]] : [])));

const fromDisk = (path: string): Promise<string> => readFile(path, 'utf8');

function importFixture(relative: string, read: (path: string) => Promise<string> = fromDisk): Promise<CatalogDraft> {
  return importOpenApi(`${FIXTURES}/${relative}`, read);
}

/** A readFile over files held in memory by absolute path; any other path is refused, as the editor refuses paths outside the workspace. */
function inMemory(files: Record<string, string>): (path: string) => Promise<string> {
  return async (path) => {
    if (!Object.hasOwn(files, path)) throw new Error(`${path} is outside the workspace`);
    return files[path];
  };
}

/** Imports one in-memory spec, `/ws/openapi.yaml` (JSON text is YAML too). */
function importText(text: string, others: Record<string, string> = {}): Promise<CatalogDraft> {
  return importOpenApi('/ws/openapi.yaml', inMemory({ '/ws/openapi.yaml': text, ...others }));
}

/** The draft written as YAML and loaded as the server loads a workspace catalog: it must have no problems at all. */
function loadsCleanly(draft: CatalogDraft): Catalog {
  const yaml = draftToYaml(draft, 'openapi.yaml');
  const result = loadCatalog(`file:///w/${draft.catalog.id}.errors.yaml`, yaml, { knownStatuses: knownStatuses(), standardReasons: standardReasons() });
  assert.deepEqual(result.problems.map((problem) => `${problem.severity}: ${problem.message}`), [], yaml);
  assert.ok(result.catalog, yaml);
  return result.catalog;
}

const statusesOf = (draft: CatalogDraft) => Object.fromEntries(Object.entries(draft.catalog.codes).map(([code, entry]) => [code, entry.status]));
const operationsOf = (draft: CatalogDraft) => Object.fromEntries(Object.entries(draft.catalog.codes).map(([code, entry]) => [code, entry.operations ?? []]));
const code = (draft: CatalogDraft, name: string): DraftCode => {
  const entry = draft.catalog.codes[name];
  assert.ok(entry, `no code ${name}; the draft has ${Object.keys(draft.catalog.codes).join(', ')}`);
  return entry;
};

/** Each origin as `path → file#pointer`, the file relative to the fixtures folder. */
function originsOf(draft: CatalogDraft): Record<string, string> {
  return Object.fromEntries(draft.origins.map((origin) => [origin.path.join(' '), `${origin.file.slice(FIXTURES.length + 1)}#${JSON.stringify(origin.pointer)}`]));
}

/** The message an import fails with, asserting that it is an {@link ImportError}. */
async function failure(importing: Promise<unknown>): Promise<string> {
  try {
    await importing;
  } catch (error) {
    assert.ok(error instanceof ImportError, `expected an ImportError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('the import did not fail');
}

describe('OpenAPI 3.0 YAML whose Error schema is in another file (parcel-labels)', async () => {
  const draft = await importFixture('parcel-labels/openapi.yaml');

  it('names the catalog from info and keeps the first paragraph of prose, without its command link', () => {
    assert.equal(draft.catalog.id, 'parcel-labels-api');
    assert.equal(draft.catalog.title, 'Parcel Labels API');
    assert.equal(draft.catalog.version, '2024-06-01');
    assert.equal(
      draft.catalog.description,
      'The Parcel Labels API buys shipping labels from carriers and tracks the parcels they are stuck on. See [the guide](https://docs.parcel.example/guide) or run it in your editor.',
    );
  });

  it('takes the envelope from the schema every operation shares: the literal `success: false`, `field` optional', () => {
    const { envelope } = draft.catalog;
    assert.equal(envelope.contentType, 'application/json');
    assert.deepEqual(envelope.body, {
      success: false,
      error: { code: '${code}', message: '${message}', field: '${field}' },
      request_id: '${requestId}',
    });
    assert.deepEqual(envelope.optional, ['field']);
    assert.deepEqual(envelope.examples, [{
      description: 'The 401 response of GET /labels.',
      body: { success: false, error: { code: 'AUTH_TOKEN_INVALID', message: 'The bearer token is missing, expired or revoked.' }, request_id: 'req_1a2b3c' },
    }]);
  });

  it('documents Retry-After and X-RateLimit-* with the statuses whose responses carry them', () => {
    assert.deepEqual(draft.catalog.envelope.headers, [
      { name: 'Retry-After', description: 'Seconds to wait before trying again.', statuses: [429, 503] },
      { name: 'X-RateLimit-Limit', description: 'Requests allowed per minute.', statuses: [429] },
      { name: 'X-RateLimit-Remaining', description: 'Requests left in the current minute.', statuses: [429] },
    ]);
  });

  it('reads every code of the enum in the other file, each with the status of the response its example is under', () => {
    assert.deepEqual(statusesOf(draft), {
      ADDRESS_INVALID: 400,
      WEIGHT_LIMIT_EXCEEDED: 400,
      AUTH_TOKEN_INVALID: 401,
      LABEL_NOT_FOUND: 404,
      LABEL_ALREADY_EXISTS: 409,
      LABEL_ALREADY_SHIPPED: 409,
      RATE_LIMITED: 429,
      CARRIER_UNAVAILABLE: 503,
      PARCEL_DIMENSIONS_INVALID: 400,
    });
  });

  it('describes codes from x-enum-descriptions (without their HTML) and from their examples', () => {
    assert.deepEqual(code(draft, 'ADDRESS_INVALID'), {
      status: 400,
      title: 'The address could not be validated',
      message: 'The recipient address could not be validated.',
      description: 'The recipient address failed validation with the carrier.',
      members: { field: 'to.postal_code' },
      examples: [{
        description: 'The address could not be validated',
        body: { success: false, error: { code: 'ADDRESS_INVALID', message: 'The recipient address could not be validated.', field: 'to.postal_code' }, request_id: 'req_8f2a61' },
      }],
      operations: ['POST /labels', 'POST /labels/batch'],
    });
    assert.equal(code(draft, 'LABEL_ALREADY_EXISTS').description, 'A label was already bought with this Idempotency-Key.');
    assert.equal(code(draft, 'LABEL_NOT_FOUND').message, 'No label has this ID.');
    assert.equal(code(draft, 'CARRIER_UNAVAILABLE').description, "The carrier's systems did not answer in time.");
  });

  it('guesses the status of listed codes no example shows, and says why', () => {
    assert.deepEqual(draft.guesses, [
      {
        path: ['codes', 'CARRIER_UNAVAILABLE', 'status'],
        note: 'the spec does not say which status `CARRIER_UNAVAILABLE` is sent with; 503 is what its name suggests (the schema that lists it is used with 400, 401, 404, 409, 422, 429, 503).',
      },
      {
        path: ['codes', 'PARCEL_DIMENSIONS_INVALID', 'status'],
        note: 'the spec does not say which status `PARCEL_DIMENSIONS_INVALID` is sent with; 400 is what its name suggests (the schema that lists it is used with 400, 401, 404, 409, 422, 429, 503).',
      },
    ]);
  });

  it('lists the operations each code comes from: where its example is, else where its schema is used with its status', () => {
    assert.deepEqual(operationsOf(draft), {
      ADDRESS_INVALID: ['POST /labels', 'POST /labels/batch'],
      WEIGHT_LIMIT_EXCEEDED: ['POST /labels'],
      AUTH_TOKEN_INVALID: ['GET /labels', 'POST /labels', 'GET /labels/{labelId}', 'DELETE /labels/{labelId}', 'POST /labels/batch'],
      LABEL_NOT_FOUND: ['GET /labels/{labelId}', 'DELETE /labels/{labelId}'],
      LABEL_ALREADY_EXISTS: ['POST /labels'],
      LABEL_ALREADY_SHIPPED: ['DELETE /labels/{labelId}'],
      RATE_LIMITED: ['GET /labels', 'POST /labels'],
      CARRIER_UNAVAILABLE: ['POST /labels'],
      PARCEL_DIMENSIONS_INVALID: ['POST /labels'],
    });
  });

  it('documents each error status with its reason phrase and the description its responses give', () => {
    assert.deepEqual(draft.catalog.statuses, {
      400: { reason: 'Bad Request', description: 'The request body is not valid.', retry: undefined },
      401: { reason: 'Unauthorized', description: 'The bearer token is missing, expired or revoked.', retry: undefined },
      // `description: Not Found` only repeats the reason phrase.
      404: { reason: 'Not Found', description: undefined, retry: undefined },
      409: { reason: 'Conflict', description: 'A label was already bought with this idempotency key.', retry: undefined },
      422: { reason: 'Unprocessable Content', description: 'Some labels in the batch are not valid; none was bought.', retry: undefined },
      429: { reason: 'Too Many Requests', description: 'Too many requests in the current window.', retry: { strategy: 'retry-after' } },
      503: { reason: 'Service Unavailable', description: 'The carrier did not answer.', retry: { strategy: 'retry-after' } },
    });
  });

  it('records where the envelope, each status and each code were read, in the file they are in', () => {
    assert.deepEqual(originsOf(draft), {
      envelope: 'parcel-labels/schemas/errors.yaml#["Error"]',
      'statuses 400': 'parcel-labels/openapi.yaml#["paths","/labels","post","responses","400"]',
      'statuses 401': 'parcel-labels/openapi.yaml#["components","responses","Unauthorized"]',
      'statuses 404': 'parcel-labels/openapi.yaml#["components","responses","NotFound"]',
      'statuses 409': 'parcel-labels/openapi.yaml#["paths","/labels","post","responses","409"]',
      'statuses 422': 'parcel-labels/openapi.yaml#["paths","/labels/batch","post","responses","422"]',
      'statuses 429': 'parcel-labels/openapi.yaml#["components","responses","RateLimited"]',
      'statuses 503': 'parcel-labels/openapi.yaml#["paths","/labels","post","responses","503"]',
      'codes ADDRESS_INVALID': 'parcel-labels/schemas/errors.yaml#["ErrorCode","enum",0]',
      'codes WEIGHT_LIMIT_EXCEEDED': 'parcel-labels/schemas/errors.yaml#["ErrorCode","enum",1]',
      'codes AUTH_TOKEN_INVALID': 'parcel-labels/schemas/errors.yaml#["ErrorCode","enum",2]',
      'codes LABEL_NOT_FOUND': 'parcel-labels/schemas/errors.yaml#["ErrorCode","enum",3]',
      'codes LABEL_ALREADY_EXISTS': 'parcel-labels/schemas/errors.yaml#["ErrorCode","enum",4]',
      'codes LABEL_ALREADY_SHIPPED': 'parcel-labels/schemas/errors.yaml#["ErrorCode","enum",5]',
      'codes RATE_LIMITED': 'parcel-labels/schemas/errors.yaml#["ErrorCode","enum",6]',
      'codes CARRIER_UNAVAILABLE': 'parcel-labels/schemas/errors.yaml#["ErrorCode","enum",7]',
      'codes PARCEL_DIMENSIONS_INVALID': 'parcel-labels/schemas/errors.yaml#["ErrorCode","enum",8]',
    });
  });

  it('leaves out the batch error shape and the second status of ADDRESS_INVALID, saying where they are', () => {
    assert.deepEqual(draft.leftOut, [
      {
        where: '#/components/schemas/BatchErrors',
        what: 'another error body shape, used by 1 operation (POST /labels/batch): {"errors":[{"index":"${index}","code":"${code}","message":"${message}"}]}. The envelope is the shape most operations share.',
      },
      {
        where: 'schemas/errors.yaml#/ErrorCode/enum/0',
        what: '`ADDRESS_INVALID` is also documented with status 422 (POST /labels/batch); the catalog gives it 400, the status it is shown with first.',
      },
    ]);
  });

  it('keeps no HTML and no command link in any text', () => {
    const yaml = draftToYaml(draft, 'openapi.yaml');
    assert.doesNotMatch(yaml, /<\/?(b|em|code)>|command:/);
  });

  it('loads as a catalog without problems, the operations reaching the model', () => {
    const catalog = loadsCleanly(draft);
    assert.deepEqual(catalog.codes.get('LABEL_NOT_FOUND')?.operations, ['GET /labels/{labelId}', 'DELETE /labels/{labelId}']);
    assert.equal(catalog.codes.size, 9);
  });
});

describe('OpenAPI 3.1 JSON with problem details, x-error-codes and const (payouts)', async () => {
  const draft = await importFixture('payouts/openapi.json');
  const P = 'https://problems.acme.example';

  it('takes RFC 9457 members as the envelope: type is the code, detail the message, nullable instance optional', () => {
    assert.equal(draft.catalog.envelope.contentType, 'application/problem+json');
    assert.deepEqual(draft.catalog.envelope.body, {
      type: '${code}',
      title: '${title}',
      status: '${status}',
      detail: '${message}',
      instance: '${instance}',
      errors: [{ pointer: '${field}', detail: '${fieldMessage}' }],
    });
    assert.deepEqual(draft.catalog.envelope.optional, ['instance', 'errors']);
    assert.deepEqual(draft.catalog.envelope.headers, [
      { name: 'RateLimit-Policy', description: 'The quota policy, e.g. `100;w=60`.', statuses: [429] },
      { name: 'RateLimit', description: 'What is left of the quota.', statuses: [429] },
    ]);
  });

  it('reads codes from x-error-codes, from named and referenced examples, from const, and from schema examples', () => {
    assert.deepEqual(statusesOf(draft), {
      [`${P}/payouts/insufficient-funds`]: 422,
      [`${P}/payouts/account-closed`]: 422,
      [`${P}/payouts/duplicate`]: 409,
      [`${P}/auth/invalid-key`]: 401,
      [`${P}/payouts/not-cancellable`]: 409,
      [`${P}/payouts/daily-limit`]: 422,
      [`${P}/rate-limited`]: 429,
      [`${P}/payouts/not-found`]: 404,
      [`${P}/payouts/currency-unsupported`]: 422,
    });
    // Statuses come from the extension, the response an example is under, the status member of a schema's example, or the one status a schema is used with: nothing is guessed.
    assert.deepEqual(draft.guesses, []);
  });

  it('takes titles and messages from the extension and from the examples', () => {
    assert.deepEqual(code(draft, `${P}/payouts/duplicate`), {
      status: 409,
      title: 'Duplicate payout',
      message: 'A payout with this Idempotency-Key was already made.',
      description: undefined,
      members: { instance: '/payouts/po_61Lk2' },
      examples: [{
        description: 'The same Idempotency-Key was sent twice',
        body: { type: `${P}/payouts/duplicate`, title: 'Duplicate payout', status: 409, detail: 'Payout po_61Lk2 was already made with this Idempotency-Key.', instance: '/payouts/po_61Lk2' },
      }],
      operations: ['POST /payouts'],
    });
    const funds = code(draft, `${P}/payouts/insufficient-funds`);
    assert.equal(funds.description, 'The available balance does not cover the payout and its fee.');
    assert.equal(funds.message, 'The balance is 120.00 EUR; the payout and its fee need 250.40 EUR.');
    assert.equal(code(draft, `${P}/payouts/not-found`).title, 'Payout not found');
    assert.equal(code(draft, `${P}/payouts/account-closed`).title, 'Destination account closed');
  });

  it('lists operations from x-error-codes on operations, from examples, and from where a const schema is used', () => {
    assert.deepEqual(operationsOf(draft), {
      [`${P}/payouts/insufficient-funds`]: ['POST /payouts'],
      [`${P}/payouts/account-closed`]: ['POST /payouts'],
      [`${P}/payouts/duplicate`]: ['POST /payouts'],
      [`${P}/auth/invalid-key`]: ['POST /payouts', 'GET /payouts/{payoutId}', 'POST /payouts/{payoutId}/cancel'],
      [`${P}/payouts/not-cancellable`]: ['POST /payouts/{payoutId}/cancel'],
      [`${P}/payouts/daily-limit`]: ['POST /payouts'],
      [`${P}/rate-limited`]: ['POST /payouts'],
      [`${P}/payouts/not-found`]: ['GET /payouts/{payoutId}'],
      [`${P}/payouts/currency-unsupported`]: ['POST /payouts'],
    });
  });

  it('documents statuses of every error response, the HTML-only 502 included; `default` is no status', () => {
    assert.deepEqual(Object.keys(draft.catalog.statuses), ['401', '404', '409', '422', '429', '502']);
    assert.equal(draft.catalog.statuses['502'].description, 'The bank did not answer.');
  });

  it('records origins in the extension, in examples (a referenced one where it is defined) and in the const', () => {
    const origins = originsOf(draft);
    assert.equal(origins.envelope, 'payouts/openapi.json#["components","schemas","Problem"]');
    assert.equal(origins[`codes ${P}/payouts/insufficient-funds`], 'payouts/openapi.json#["x-error-codes",0]');
    assert.equal(origins[`codes ${P}/payouts/daily-limit`], 'payouts/openapi.json#["paths","/payouts","post","responses","422","content","application/problem+json","examples","daily-limit","value","type"]');
    assert.equal(origins[`codes ${P}/payouts/not-cancellable`], 'payouts/openapi.json#["components","schemas","NotCancellableProblem","allOf",1,"properties","type","const"]');
    assert.equal(origins[`codes ${P}/payouts/currency-unsupported`], 'payouts/openapi.json#["components","schemas","Problem","examples",0,"type"]');
    assert.equal(origins['statuses 401'], 'payouts/openapi.json#["components","responses","Unauthorized"]');
  });

  it('leaves out the specialised problem shape of one operation', () => {
    assert.equal(draft.leftOut.length, 1);
    assert.equal(draft.leftOut[0].where, '#/components/schemas/NotCancellableProblem');
    assert.equal(
      draft.leftOut[0].what,
      'another error body shape, used by 1 operation (POST /payouts/{payoutId}/cancel): {"type":"${code}","title":"${title}","status":"${status}","detail":"${message}","instance":"${instance}","errors":[{"pointer":"${field}","detail":"${fieldMessa…. The envelope is the shape most operations share.',
    );
  });

  it('loads as a catalog without problems', () => {
    loadsCleanly(draft);
  });
});

describe('Swagger 2.0 with definitions, top-level responses and basePath (warehouse)', async () => {
  const draft = await importFixture('warehouse/swagger.yaml');

  it('reads the envelope from definitions: a numeric code, the HTTP status member, an optional link', () => {
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}', message: '${message}', more_info: '${more_info}', status: '${status}' });
    assert.deepEqual(draft.catalog.envelope.optional, ['more_info']);
    assert.equal(draft.catalog.envelope.contentType, 'application/json');
    assert.deepEqual(draft.catalog.envelope.headers, [
      { name: 'Retry-After', description: 'Seconds until the next update is accepted.', statuses: [429] },
      { name: 'X-RateLimit-Reset', description: 'When the window resets, in Unix seconds.', statuses: [429] },
    ]);
  });

  it('reads numeric codes from `examples: application/json:`, in operations and in top-level responses', () => {
    assert.deepEqual(statusesOf(draft), { 20003: 401, 20404: 404, 20429: 429, 21001: 400, 21009: 409, 21423: 423 });
    assert.deepEqual(code(draft, '21009'), {
      status: 409,
      title: undefined,
      message: 'An item with SKU WH-0042-B already exists.',
      description: undefined,
      members: { more_info: 'https://docs.warehouse.example/errors/21009' },
      examples: [{
        description: 'Returned by POST /items.',
        body: { code: 21009, message: 'An item with SKU WH-0042-B already exists.', more_info: 'https://docs.warehouse.example/errors/21009', status: 409 },
      }],
      operations: ['POST /items'],
    });
    assert.deepEqual(draft.guesses, []);
  });

  it('names operations by their path as the spec writes it, without basePath', () => {
    assert.deepEqual(operationsOf(draft), {
      20003: ['GET /items', 'POST /items', 'GET /items/{sku}'],
      20404: ['GET /items/{sku}', 'DELETE /items/{sku}', 'PUT /items/{sku}/stock'],
      20429: ['PUT /items/{sku}/stock'],
      21001: ['POST /items'],
      21009: ['POST /items'],
      21423: ['DELETE /items/{sku}'],
    });
  });

  it('documents statuses, `default` aside, with Retry-After on 429', () => {
    assert.deepEqual(draft.catalog.statuses, {
      400: { reason: 'Bad Request', description: 'The item is not valid.', retry: undefined },
      401: { reason: 'Unauthorized', description: 'The API key is missing or was revoked.', retry: undefined },
      404: { reason: 'Not Found', description: 'No item has this SKU.', retry: undefined },
      409: { reason: 'Conflict', description: 'An item with this SKU exists.', retry: undefined },
      423: { reason: 'Locked', description: 'Stock of this item is reserved by open orders.', retry: undefined },
      429: { reason: 'Too Many Requests', description: 'Stock updates are limited to 10 per second per item.', retry: { strategy: 'retry-after' } },
    });
  });

  it('records origins in definitions and in the top-level responses', () => {
    const origins = originsOf(draft);
    assert.equal(origins.envelope, 'warehouse/swagger.yaml#["definitions","Error"]');
    assert.equal(origins['codes 20003'], 'warehouse/swagger.yaml#["responses","Unauthorized","examples","application/json","code"]');
    assert.equal(origins['codes 21423'], 'warehouse/swagger.yaml#["paths","/items/{sku}","delete","responses","423","examples","application/json","code"]');
    assert.equal(origins['statuses 404'], 'warehouse/swagger.yaml#["responses","NotFound"]');
  });

  it('leaves nothing out, and loads as a catalog without problems', () => {
    assert.deepEqual(draft.leftOut, []);
    loadsCleanly(draft);
  });
});

describe('one generic error schema and no codes (a NestJS-style spec)', async () => {
  const draft = await importFixture('notes/openapi.yaml');

  it('keeps the envelope and adds the code member it lacks, marked as a guess', () => {
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}', statusCode: '${status}', message: '${message}', error: '${title}' });
    assert.deepEqual(draft.catalog.envelope.optional, ['error']);
    assert.deepEqual(draft.guesses, [{
      path: ['envelope', 'body', 'code'],
      note: 'the error body in the spec has no member for an error code; this one was added, since a catalog names its errors by code. Rename it to what the API sends, if it sends one.',
    }]);
  });

  it('documents the statuses, and says that no codes were found', () => {
    assert.deepEqual(Object.keys(draft.catalog.statuses), ['400', '401', '403', '404', '500']);
    assert.equal(draft.catalog.statuses['404'].description, 'No note has this ID, or it belongs to someone else.');
    assert.deepEqual(draft.catalog.codes, {});
    assert.deepEqual(draft.leftOut, [{
      where: '#/',
      what: 'no error codes: the error responses have no `enum` on a code member, no example bodies with a code, and no `x-error-codes` extension. Add the codes by hand under `codes:`.',
    }]);
  });

  it('loads as a catalog without problems, the guess written above the added member', () => {
    loadsCleanly(draft);
    assert.match(draftToYaml(draft, 'openapi.yaml'), /# guessed: the error body in the spec has no member for an error code.*\n\s+code: \$\{code\}/);
  });
});

describe('circular schemas', async () => {
  it('import without expanding the recursion, codes described by a list in the description', async () => {
    const draft = await importFixture('circular/openapi.yaml');
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}', message: '${message}', cause: '${cause}', details: '${details}', node: '${node}' });
    assert.deepEqual(draft.catalog.envelope.optional, ['cause', 'details', 'node']);
    assert.deepEqual(statusesOf(draft), { TREE_NOT_FOUND: 404, NODE_CYCLE: 400, NODE_INVALID: 400 });
    assert.deepEqual(
      Object.fromEntries(Object.entries(draft.catalog.codes).map(([name, entry]) => [name, entry.description])),
      { TREE_NOT_FOUND: 'no tree has this ID.', NODE_CYCLE: 'the new parent is a descendant of the node.', NODE_INVALID: 'the node is not valid.' },
    );
    assert.deepEqual(draft.guesses.map((guess) => guess.path.join(' ')), ['codes NODE_CYCLE status', 'codes NODE_INVALID status']);
    assert.match(draft.guesses[0].note, /400 is the status the spec uses for requests it refuses \(the schema that lists it is used with 400, 404, 409\)/);
    loadsCleanly(draft);
  });
});

describe('specs that cannot be imported', () => {
  it('a syntax error: the file and line', async () => {
    assert.equal(await failure(importFixture('bad/syntax-error.yaml')), 'syntax-error.yaml line 11, column 10: not valid YAML: bad indentation of a mapping entry.');
  });

  it('a JSON syntax error: the file and line', async () => {
    const message = await failure(importOpenApi('/ws/api.json', inMemory({ '/ws/api.json': '{\n  "openapi": "3.0.3",\n  "paths": {\n    "/x": {,\n  }\n}\n' })));
    assert.match(message, /^api\.json line 4, column 12: not valid JSON: /);
  });

  it('a $ref that names nothing: the reference and where it is written', async () => {
    assert.equal(
      await failure(importFixture('bad/unresolved-ref.yaml')),
      "unresolved-ref.yaml#/paths/~1orders~1{orderId}/get/responses/404/content/application~1json/schema: $ref '#/components/schemas/ErrorBody' does not resolve: unresolved-ref.yaml has nothing at #/components/schemas/ErrorBody.",
    );
  });

  it('a $ref to a file that does not exist: the reference, where it is, and the reader\'s message', async () => {
    const message = await failure(importFixture('bad/missing-file.yaml'));
    assert.match(message, /^missing-file\.yaml#\/paths\/~1orders\/post\/responses\/400\/content\/application~1json\/schema: \$ref '\.\/shared\/problem\.yaml#\/Problem' cannot be followed: shared\/problem\.yaml cannot be read: ENOENT/);
  });

  it('a file the reader refuses: its message, passed through', async () => {
    const refusing = async (path: string) => {
      if (path.endsWith('/schemas/errors.yaml')) throw new Error('the path is outside the workspace folder');
      return fromDisk(path);
    };
    assert.equal(
      await failure(importFixture('parcel-labels/openapi.yaml', refusing)),
      // The first reference into the file the importer follows: GET /labels' 401 response.
      "openapi.yaml#/components/responses/Unauthorized/content/application~1json/schema: $ref './schemas/errors.yaml#/Error' cannot be followed: schemas/errors.yaml cannot be read: the path is outside the workspace folder",
    );
  });

  it('the document itself refused: the reader\'s message', async () => {
    assert.equal(await failure(importOpenApi('/elsewhere/openapi.yaml', inMemory({}))), 'openapi.yaml cannot be read: /elsewhere/openapi.yaml is outside the workspace');
  });

  it('a document that is not OpenAPI: what it is instead', async () => {
    assert.equal(
      await failure(importFixture('bad/not-openapi.yaml')),
      'not-openapi.yaml: not an OpenAPI or Swagger document (it is an AsyncAPI document): it has no top-level `openapi: 3.x` or `swagger: "2.0"` key (it starts with `asyncapi`, `info`, `channels`).',
    );
    assert.equal(await failure(importText('- just\n- a list\n')), 'openapi.yaml: not an OpenAPI or Swagger document: it does not hold an object with an `openapi` or `swagger` key.');
  });

  it('a version it does not read: the key and its value', async () => {
    assert.equal(await failure(importText('openapi: 2.0.0\npaths: {}\n')), 'openapi.yaml#/openapi: `openapi: 2.0.0` is not a version this importer reads: it reads OpenAPI 3.0 and 3.1 (and later 3.x), and Swagger 2.0.');
    assert.equal(await failure(importText('swagger: "1.2"\n')), 'openapi.yaml#/swagger: `swagger: 1.2` is not a version this importer reads: it reads Swagger 2.0, and OpenAPI 3.0 and 3.1.');
  });

  it('nesting deeper than any spec needs: refused at its line before a parser recurses', async () => {
    assert.equal(await failure(importFixture('bad/deep.json')), 'deep.json line 22, column 351: nested deeper than 64 levels; an OpenAPI document needs far fewer, so this file is not read.');
  });

  it('a file larger than the bound: refused with the bound', async () => {
    const huge = `openapi: 3.0.3\ndescription: "${'x'.repeat(OPENAPI_LIMITS.maxFileChars)}"\n`;
    assert.equal(await failure(importText(huge)), `openapi.yaml is larger than ${OPENAPI_LIMITS.maxFileChars / 1024 / 1024} MB, the most one file of a spec may be.`);
  });
});

describe('specs that must import without hanging', () => {
  it('an example made of nine levels of nine YAML aliases: read along the code path only, and not kept', async () => {
    const started = Date.now();
    const draft = await importFixture('bad/aliases.yaml');
    assert.ok(Date.now() - started < 5000, 'the import is quick');
    assert.deepEqual(statusesOf(draft), { ALIASES_EXPANDED: 400 });
    assert.equal(code(draft, 'ALIASES_EXPANDED').examples, undefined, 'the expanded example is too large to keep');
    assert.deepEqual(draft.catalog.envelope.examples, []);
    loadsCleanly(draft);
  });

  it('a schema that is its own allOf part', async () => {
    const draft = await importText(`
openapi: 3.0.3
info: { title: Loop, version: '1' }
paths:
  /loop:
    get:
      responses:
        '400':
          description: Bad request.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Error' }
components:
  schemas:
    Error:
      allOf:
        - $ref: '#/components/schemas/Error'
        - type: object
          properties:
            code: { type: string, enum: [LOOPED] }
            message: { type: string }
`);
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}', message: '${message}' });
    assert.deepEqual(statusesOf(draft), { LOOPED: 400 });
  });

  it('a chain of references that comes back to itself: noted, not followed', async () => {
    const draft = await importText(`
openapi: 3.0.3
info: { title: Loop, version: '1' }
paths:
  /loop:
    get:
      responses:
        '404': { $ref: '#/components/responses/A' }
components:
  responses:
    A: { $ref: '#/components/responses/B' }
    B: { $ref: '#/components/responses/A' }
`);
    assert.deepEqual(draft.catalog.statuses, {});
    assert.deepEqual(draft.leftOut.map((item) => item.where), ['#/paths', '#/components/responses/A', '#/']);
    assert.match(draft.leftOut[1].what, /refers back to itself/);
  });
});

describe('error bodies as APIs write them', () => {
  const spec = (responses: string, components = '') => `
openapi: 3.0.3
info: { title: Bodies, version: '1' }
paths:
  /things:
    post:
      responses:
${responses}
${components}`;

  it('a number named code that holds the HTTP status (Ory, Gotify) is the status member: no status is taken for a code', async () => {
    const draft = await importText(spec(`
        '401':
          description: Unauthorized
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Error' }
        '404':
          description: Not found
          content:
            application/json:
              schema: { $ref: '#/components/schemas/GenericError' }`, `
components:
  schemas:
    Error:
      type: object
      required: [error, errorCode, errorDescription]
      properties:
        error: { type: string, description: The general error message, example: Unauthorized }
        errorCode: { type: integer, format: int64, example: 401 }
        errorDescription: { type: string, description: The http error code., example: you need to provide a valid access token }
    GenericError:
      type: object
      properties:
        error:
          type: object
          properties:
            code: { type: integer, format: int64, description: 'Code represents the error status code (404, 403, 401, ...).', example: 404 }
            reason: { type: string, example: The requested resource could not be found }
            message: { type: string }`));
    assert.deepEqual(draft.catalog.codes, {});
    assert.ok(draft.leftOut.some((item) => /no error codes/i.test(item.what)), JSON.stringify(draft.leftOut));
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}', error: '${title}', errorCode: '${status}', errorDescription: '${message}' });
  });

  it('OAuth 2.0: `error` is the code, beside `error_description`', async () => {
    const draft = await importText(spec(`
        '400':
          description: The grant is not valid.
          content:
            application/json:
              schema:
                type: object
                required: [error]
                properties:
                  error: { type: string }
                  error_description: { type: string }
                  error_uri: { type: string }
              example: { error: invalid_grant, error_description: The refresh token has expired. }`));
    assert.deepEqual(draft.catalog.envelope.body, { error: '${code}', error_description: '${message}', error_uri: '${error_uri}' });
    assert.deepEqual(draft.catalog.envelope.optional, ['error_description', 'error_uri']);
    assert.deepEqual(code(draft, 'invalid_grant'), {
      status: 400, title: undefined, message: 'The refresh token has expired.', description: undefined, members: { error_description: 'The refresh token has expired.' },
      examples: [{ description: 'Returned by POST /things.', body: { error: 'invalid_grant', error_description: 'The refresh token has expired.' } }],
      operations: ['POST /things'],
    });
  });

  it('JSON:API: the code is in the items of `errors`, and several codes share one example', async () => {
    const draft = await importText(spec(`
        '422':
          description: Some attributes are not valid.
          content:
            application/vnd.api+json:
              schema:
                type: object
                properties:
                  errors:
                    type: array
                    items:
                      type: object
                      properties:
                        status: { type: string, description: The HTTP status code, as a string. }
                        code: { type: string }
                        title: { type: string }
                        detail: { type: string }
                        source:
                          type: object
                          properties:
                            pointer: { type: string }
              example:
                errors:
                  - { status: '422', code: TITLE_BLANK, title: Title is blank, detail: A title is required., source: { pointer: /data/attributes/title } }
                  - { status: '422', code: PRICE_NEGATIVE, title: Price is negative, detail: Prices start at 0., source: { pointer: /data/attributes/price } }`));
    assert.equal(draft.catalog.envelope.contentType, 'application/vnd.api+json');
    assert.deepEqual(draft.catalog.envelope.body, {
      errors: [{ status: '${status:string}', code: '${code}', title: '${title}', detail: '${message}', source: { pointer: '${field}' } }],
    });
    assert.deepEqual(statusesOf(draft), { TITLE_BLANK: 422, PRICE_NEGATIVE: 422 });
    // One example shows both codes: each gets its own message and title, and neither keeps the shared example.
    assert.equal(code(draft, 'PRICE_NEGATIVE').message, 'Prices start at 0.');
    assert.equal(code(draft, 'PRICE_NEGATIVE').title, undefined);
    assert.equal(code(draft, 'PRICE_NEGATIVE').examples, undefined);
    loadsCleanly(draft);
  });

  it('Kubernetes Status: `code` is the HTTP status, `reason` the code, `status` a word', async () => {
    const draft = await importText(spec(`
        '409':
          description: Conflict.
          content:
            application/json:
              schema:
                type: object
                properties:
                  kind: { type: string }
                  apiVersion: { type: string }
                  status: { type: string, description: 'Status of the operation: Success or Failure.' }
                  message: { type: string }
                  reason: { type: string, description: A machine-readable description of why this operation is in the Failure status. }
                  code: { type: integer, format: int32, description: Suggested HTTP return code for this status, 0 if not set. }
              example: { kind: Status, apiVersion: v1, status: Failure, message: 'pods "web" already exists', reason: AlreadyExists, code: 409 }`));
    assert.deepEqual(draft.catalog.envelope.body, {
      kind: '${kind}', apiVersion: '${apiVersion}', status: '${statusValue}', message: '${message}', reason: '${code}', code: '${status}',
    });
    assert.deepEqual(statusesOf(draft), { AlreadyExists: 409 });
    loadsCleanly(draft);
  });

  it('FastAPI: the code is the `type` of each validation error, as its title says', async () => {
    const draft = await importText(spec(`
        '422':
          description: Validation Error
          content:
            application/json:
              schema: { $ref: '#/components/schemas/HTTPValidationError' }`, `
components:
  schemas:
    HTTPValidationError:
      properties:
        detail:
          items: { $ref: '#/components/schemas/ValidationError' }
          type: array
          title: Detail
      type: object
      title: HTTPValidationError
    ValidationError:
      properties:
        loc:
          items: { anyOf: [{ type: string }, { type: integer }] }
          type: array
          title: Location
        msg: { type: string, title: Message }
        type: { type: string, title: Error Type }
      type: object
      required: [loc, msg, type]
      title: ValidationError`));
    assert.deepEqual(draft.catalog.envelope.body, { detail: [{ loc: '${loc}', msg: '${message}', type: '${code}' }] });
    // Without a `required` list the spec says nothing about which members are optional.
    assert.deepEqual(draft.catalog.envelope.optional, []);
    // `type` is taken for the code by its title, not named as one: the draft says so.
    assert.deepEqual(draft.guesses.map((guess) => guess.path), [['envelope', 'body', 'detail', 0, 'type']]);
    assert.match(draft.guesses[0].note, /`type` was taken for it from its name or description/);
    assert.deepEqual(draft.catalog.codes, {});
    loadsCleanly(draft);
  });

  it('DigitalOcean: `id` is the code where its description says it is a short identifier of the error', async () => {
    const draft = await importText(spec(`
        '404':
          description: The resource was not found.
          content:
            application/json:
              schema:
                type: object
                required: [id, message]
                properties:
                  id: { type: string, description: 'A short identifier corresponding to the HTTP status code returned, e.g. "not_found".' }
                  message: { type: string }
                  request_id: { type: string, description: Quote it when you open a support ticket. }
              example: { id: not_found, message: The resource you were accessing could not be found. }`));
    assert.deepEqual(draft.catalog.envelope.body, { id: '${code}', message: '${message}', request_id: '${requestId}' });
    assert.deepEqual(draft.catalog.envelope.optional, ['request_id']);
    assert.deepEqual(statusesOf(draft), { not_found: 404 });
    loadsCleanly(draft);
  });

  it('a discriminator with one value (`type: { enum: [error] }`) is kept as it is, and the code found by its description', async () => {
    const draft = await importText(spec(`
        '400':
          description: The request is not valid.
          content:
            application/json:
              schema:
                type: object
                required: [type, error]
                properties:
                  type: { type: string, enum: [error] }
                  error:
                    type: object
                    required: [type, message]
                    properties:
                      type: { type: string, description: Machine-readable error code. }
                      message: { type: string }
              example: { type: error, error: { type: invalid_request_error, message: max_tokens must be positive } }`));
    assert.deepEqual(draft.catalog.envelope.body, { type: 'error', error: { type: '${code}', message: '${message}' } });
    assert.deepEqual(statusesOf(draft), { invalid_request_error: 400 });
    loadsCleanly(draft);
  });

  it('a map of field errors (`errors: { email: "…" }`) becomes `${field}: ${fieldMessage}`', async () => {
    const draft = await importText(spec(`
        '422':
          description: The form is not valid.
          content:
            application/json:
              schema:
                type: object
                required: [error_code, message]
                properties:
                  success: { const: false }
                  error_code: { type: string, enum: [VALIDATION_FAILED] }
                  message: { type: string }
                  errors:
                    type: object
                    additionalProperties: { type: array, items: { type: string } }`));
    assert.deepEqual(draft.catalog.envelope.body, { success: false, error_code: '${code}', message: '${message}', errors: { '${field}': '${fieldMessage}' } });
    assert.deepEqual(draft.catalog.envelope.optional, ['success', 'errors']);
    // The one schema is used with one status only: that is the code's status, not a guess.
    assert.deepEqual(statusesOf(draft), { VALIDATION_FAILED: 422 });
    assert.deepEqual(draft.guesses, []);
    loadsCleanly(draft);
  });

  it('codes listed as `oneOf` consts with descriptions, under `default` only: statuses guessed', async () => {
    const draft = await importText(spec(`
        default:
          description: An error.
          content:
            application/json:
              schema:
                type: object
                required: [code]
                properties:
                  code:
                    oneOf:
                      - { const: quota_exceeded, description: The monthly quota is used up. }
                      - { const: thing_frozen, description: The thing is frozen while it is audited. }
                      - { const: upstream_timeout, title: The upstream service did not answer. }
                  message: { type: string }`));
    assert.deepEqual(statusesOf(draft), { quota_exceeded: 429, thing_frozen: 400, upstream_timeout: 504 });
    assert.equal(code(draft, 'thing_frozen').description, 'The thing is frozen while it is audited.');
    assert.equal(code(draft, 'upstream_timeout').description, 'The upstream service did not answer.');
    assert.deepEqual(draft.guesses.map((guess) => guess.path.join(' ')), ['codes quota_exceeded status', 'codes thing_frozen status', 'codes upstream_timeout status']);
    assert.equal(draft.guesses[1].note, 'the spec does not say which status `thing_frozen` is sent with; 400 is the usual status of a refused request (the schema that lists it is used with `default`).');
    // Responses under `default` can be any status: every operation using the schema that way is listed.
    assert.deepEqual(code(draft, 'thing_frozen').operations, ['POST /things']);
    loadsCleanly(draft);
  });

  it('x-error-codes as a map, on a response and at the top, and codes that only name themselves', async () => {
    const draft = await importText(`
openapi: 3.0.3
info: { title: Extensions, version: '1' }
x-errors:
  ORDER_LOCKED: { status: 423, message: The order is being changed by another request. }
  ORDER_GONE: 'The order was archived.'
paths:
  /orders:
    post:
      x-error-codes: [ORDER_LOCKED]
      responses:
        '400':
          description: The order is not valid.
          x-error-codes:
            - ORDER_INVALID
            - { code: ORDER_TOO_LARGE, description: More than 500 lines. }
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Error' }
components:
  schemas:
    Error:
      type: object
      properties:
        code: { type: string }
        message: { type: string }
`);
    assert.deepEqual(statusesOf(draft), { ORDER_LOCKED: 423, ORDER_GONE: 410, ORDER_INVALID: 400, ORDER_TOO_LARGE: 400 });
    assert.match(draft.guesses[0].note, /410 is what its name suggests\.$/);
    assert.equal(code(draft, 'ORDER_LOCKED').message, 'The order is being changed by another request.');
    assert.equal(code(draft, 'ORDER_GONE').description, 'The order was archived.');
    assert.equal(code(draft, 'ORDER_TOO_LARGE').description, 'More than 500 lines.');
    assert.deepEqual(operationsOf(draft), { ORDER_LOCKED: ['POST /orders'], ORDER_GONE: [], ORDER_INVALID: ['POST /orders'], ORDER_TOO_LARGE: ['POST /orders'] });
    assert.deepEqual(draft.guesses.map((guess) => guess.path.join(' ')), ['codes ORDER_GONE status']);
    assert.deepEqual(draft.origins.find((origin) => origin.path[1] === 'ORDER_TOO_LARGE')?.pointer, ['paths', '/orders', 'post', 'responses', '400', 'x-error-codes', 1]);
    loadsCleanly(draft);
  });

  it('a problem details schema behind a URL: not fetched, noted, and RFC 9457 members used', async () => {
    const draft = await importText(spec(`
        '400':
          description: The request is not valid.
          content:
            application/problem+json:
              schema:
                $ref: 'https://opensource.example.org/problem-1.0.1.yaml#/Problem'`));
    assert.deepEqual(draft.catalog.envelope.body, { type: '${code}', title: '${title}', status: '${status}', detail: '${message}', instance: '${instance}' });
    assert.deepEqual(draft.guesses, [{ path: ['envelope', 'body'], note: 'the spec gives no problem details schema that can be read here; these are the members RFC 9457 defines.' }]);
    assert.deepEqual(draft.leftOut.map((item) => `${item.where}: ${item.what.split(':')[0]}`), [
      "#/paths/~1things/post/responses/400/content/application~1problem+json/schema: $ref 'https",
      '#/: no error codes',
    ]);
    loadsCleanly(draft);
  });

  it('references into files read through the callback only, and only inside the paths it allows', async () => {
    const reads: string[] = [];
    const files = {
      '/ws/openapi.yaml': "openapi: 3.1.0\ninfo: { title: Split, version: '1' }\npaths:\n  /a:\n    $ref: 'paths/a.yaml'\n",
      '/ws/paths/a.yaml': "get:\n  responses:\n    '404':\n      description: No A.\n      content:\n        application/json:\n          schema: { $ref: '../schemas/error.yaml' }\n          example: { code: A_NOT_FOUND }\n",
      '/ws/schemas/error.yaml': 'type: object\nproperties:\n  code: { type: string }\n',
    };
    const read = inMemory(files);
    const draft = await importOpenApi('/ws/openapi.yaml', async (path) => {
      reads.push(path);
      return read(path);
    });
    assert.deepEqual(reads.sort(), ['/ws/openapi.yaml', '/ws/paths/a.yaml', '/ws/schemas/error.yaml']);
    assert.deepEqual(statusesOf(draft), { A_NOT_FOUND: 404 });
    assert.deepEqual(draft.origins.find((origin) => origin.path[0] === 'codes'), { path: ['codes', 'A_NOT_FOUND'], file: '/ws/paths/a.yaml', pointer: ['get', 'responses', '404', 'content', 'application/json', 'example', 'code'] });
    assert.deepEqual(draft.origins.find((origin) => origin.path[0] === 'envelope'), { path: ['envelope'], file: '/ws/schemas/error.yaml', pointer: [] });
  });

  it('OpenAPI 3.2 is read as 3.x; an example value that is a type name is not a code', async () => {
    const draft = await importText(`
openapi: 3.2.0
info: { title: Newer, version: '1' }
paths:
  /x:
    get:
      responses:
        '404':
          description: Missing.
          content:
            application/json:
              schema:
                type: object
                properties:
                  code: { type: string, example: string }
              example: { code: string }
`);
    assert.deepEqual(draft.catalog.codes, {});
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}' });
  });
});
