/**
 * The built-in catalogs: each validates against the schema, carries what its reference
 * document gives, and renders every example body the document shows with exactly its
 * keys, nesting and literal members.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { renderBody, shapeSignature, valueAt } from '../../server/src/service/catalog/envelope';
import { type Catalog } from '../../server/src/service/catalog/model';
import { builtin, builtinFiles, knownStatuses, standardReasons } from '../helpers/catalogs';

describe('built-in catalogs', () => {
  for (const { path, text } of builtinFiles()) {
    it(`${path.slice(path.lastIndexOf('/') + 1)} validates against the schema with no problems`, () => {
      const result = loadCatalog(path, text, { origin: 'builtin', knownStatuses: knownStatuses(), standardReasons: standardReasons() });
      assert.deepEqual(result.problems, []);
      assert.ok(result.catalog);
    });
  }

  it('are the seven the product ships', () => {
    assert.deepEqual(
      builtinFiles().map((f) => f.path.slice(f.path.lastIndexOf('/') + 1)).sort(),
      ['connectify', 'dashed-codes', 'details-array', 'error-code-map', 'http-status', 'problem-details', 'success-meta'].map((id) => `${id}.errors.yaml`),
    );
  });
});

/** What each reference document gives, as the catalogs must carry it. */
const EXPECTED: Record<string, { codes: Record<string, number>; statuses: number[]; contentType?: string }> = {
  connectify: { codes: { INVALID_API_KEY: 401 }, statuses: [200, 201, 400, 401, 403, 404, 409, 429, 500, 503] },
  'details-array': { codes: {}, statuses: [200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 502] },
  'success-meta': {
    codes: { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION_ERROR: 400, RATE_LIMITED: 429, CONFLICT: 409, SERVER_ERROR: 500 },
    statuses: [200, 201, 204, 400, 401, 403, 404, 409, 429, 500],
  },
  'error-code-map': { codes: { AUTH_001: 401, VAL_001: 422 }, statuses: [200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504] },
  'dashed-codes': {
    codes: { 'AUTH-401': 401, 'AUTH-403': 403, 'NOTFOUND-404': 404, 'SERVER-500': 500, 'BADREQUEST-400': 400, 'CONFLICT-409': 409, 'TOOLIMITED-429': 429 },
    statuses: [400, 401, 403, 404, 409, 429, 500],
  },
  'problem-details': { codes: { 'about:blank': 500 }, statuses: [], contentType: 'application/problem+json' },
};

describe('what the reference documents give', () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`${id} has every documented code with its status, and every documented status`, () => {
      const catalog = builtin(id);
      assert.deepEqual(Object.fromEntries([...catalog.codes.values()].map((c) => [c.code, c.status])), expected.codes);
      assert.deepEqual([...catalog.statuses.keys()].sort(), expected.statuses);
      if (expected.contentType) assert.equal(catalog.envelope.contentType, expected.contentType);
      for (const code of catalog.codes.values()) {
        assert.ok(code.title && code.message && code.description, `${code.code} has title, message and description`);
        assert.ok(code.causes.length > 0 && code.resolution.length > 0, `${code.code} has causes and resolution`);
      }
    });
  }

  it('the HTTP status catalog covers RFC 9110 and RFC 6585 with reason phrases', () => {
    const http = builtin('http-status');
    const rfc9110 = [100, 101, 200, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 305, 307, 308,
      400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421, 422, 426,
      500, 501, 502, 503, 504, 505];
    for (const status of [...rfc9110, 428, 429, 431, 511]) {
      const entry = http.statuses.get(status);
      assert.ok(entry?.reason && entry.description, `status ${status} has a reason and a description`);
    }
    assert.equal(http.statuses.get(429)?.reason, 'Too Many Requests');
    assert.equal(http.statuses.get(429)?.retry?.strategy, 'retry-after');
  });

  it('statuses the documents say to retry are retryable', () => {
    for (const status of [429, 500, 503]) {
      assert.notEqual(builtin('connectify').statuses.get(status)?.retry?.strategy ?? 'none', 'none', `connectify ${status}`);
    }
    assert.equal(builtin('details-array').statuses.get(429)?.retry?.strategy, 'exponential');
    assert.equal(builtin('success-meta').codes.get('RATE_LIMITED')?.retryable, true);
    assert.equal(builtin('dashed-codes').codes.get('TOOLIMITED-429')?.retryable, true);
  });

  it('documented headers are in the envelope', () => {
    assert.deepEqual(builtin('success-meta').envelope.headers.map((h) => h.name), ['X-RateLimit-Remaining']);
  });
});

/** Renders a code (or, for envelope examples, the envelope with every member) and reads the part an example shows. */
function renderedPart(catalog: Catalog, code: string | undefined, at: string | undefined): unknown {
  const entry = code === undefined ? undefined : catalog.codes.get(code);
  const body = renderBody(catalog, entry, { includeAllOptional: code === undefined });
  return valueAt(body, at);
}

/** The catalogs written from the five reference documents. */
const SEED_CATALOGS = ['connectify', 'details-array', 'success-meta', 'error-code-map', 'dashed-codes'];

describe('example bodies render exactly through their envelope', () => {
  for (const id of SEED_CATALOGS) {
    const catalog = builtin(id);
    const cases: { name: string; code?: string; at?: string; body: unknown; note?: string }[] = [
      ...catalog.envelope.examples.map((e, i) => ({ name: `envelope example ${i + 1}`, at: e.at, body: e.body, note: e.note })),
      ...[...catalog.codes.values()].flatMap((c) => c.examples.map((e, i) => ({ name: `${c.code} example ${i + 1}`, code: c.code, at: e.at, body: e.body, note: e.note }))),
    ];
    for (const example of cases) {
      it(`${id}: ${example.name}`, () => {
        const template = valueAt(catalog.envelope.body, example.at);
        const rendered = renderedPart(catalog, example.code, example.at);
        if (id === 'error-code-map' && example.code === 'AUTH_001') {
          // The reference's AUTH_001 example leaves out `error_code`, which its own format and client
          // code rely on; the catalog keeps the code in the body and says so in the example's note.
          assert.match(example.note ?? '', /error_code/);
          const { error_code: code, ...rest } = rendered as Record<string, unknown>;
          assert.equal(code, 'AUTH_001');
          assert.equal(shapeSignature(rest, template), shapeSignature(example.body, template));
          return;
        }
        assert.equal(shapeSignature(rendered, template), shapeSignature(example.body, template));
      });
    }
  }

  it('RFC 9457 examples use the envelope\'s members, plus extension members', () => {
    const catalog = builtin('problem-details');
    assert.equal(catalog.envelope.examples.length, 2);
    for (const example of catalog.envelope.examples) {
      const body = example.body as Record<string, unknown>;
      assert.ok(typeof body.type === 'string' && typeof body.title === 'string');
      for (const member of ['status', 'detail', 'instance']) {
        if (member in body) assert.equal(typeof body[member], member === 'status' ? 'number' : 'string');
      }
    }
    const extensions = catalog.envelope.examples.flatMap((e) => Object.keys(e.body as object)).filter((k) => !(k in catalog.envelope.body));
    assert.deepEqual(extensions.sort(), ['accounts', 'balance', 'errors']);
  });

  it('the seeds show an example body for every catalog that has a documented format', () => {
    for (const id of ['connectify', 'details-array', 'success-meta', 'error-code-map']) {
      const catalog = builtin(id);
      const count = catalog.envelope.examples.length + [...catalog.codes.values()].reduce((n, c) => n + c.examples.length, 0);
      assert.ok(count > 0, `${id} carries its example bodies`);
    }
  });

  it('renders literal members and places extra members beside the code', () => {
    assert.deepEqual(renderBody(builtin('connectify'), builtin('connectify').codes.get('INVALID_API_KEY')), {
      status: 'error',
      error: { code: 'INVALID_API_KEY', message: 'Your API key is invalid or expired.', details: 'Please verify your credentials in the configuration file.' },
    });
    const rateLimited = renderBody(builtin('success-meta'), builtin('success-meta').codes.get('RATE_LIMITED')) as { success: boolean; error: Record<string, unknown> };
    assert.equal(rateLimited.success, false);
    assert.equal(rateLimited.error.retryAfter, 42);
    assert.equal('field' in rateLimited.error, false, 'optional field is left out when the code does not carry it');
    const problem = renderBody(builtin('problem-details'), builtin('problem-details').codes.get('about:blank'));
    assert.deepEqual(Object.keys(problem), ['type', 'title', 'status', 'detail']);
    assert.equal(problem.status, 500);
  });

  it('untrusted member names stay plain data', () => {
    const catalog = builtin('success-meta');
    const entry = { ...catalog.codes.get('NOT_FOUND')!, members: JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}') as Record<string, unknown> };
    const body = renderBody(catalog, entry) as { error: Record<string, unknown> };
    assert.ok(Object.hasOwn(body.error, '__proto__') && Object.hasOwn(body.error, 'constructor'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.match(JSON.stringify(body), /"__proto__":\{"polluted":true\}/);
  });

  it('a shape signature tells apart keys, nesting and literal values', () => {
    const template = { success: false, error: { code: '${code}' } };
    assert.equal(shapeSignature({ success: false, error: { code: 'A' } }, template), shapeSignature({ success: false, error: { code: 'B' } }, template));
    assert.notEqual(shapeSignature({ success: true, error: { code: 'A' } }, template), shapeSignature({ success: false, error: { code: 'A' } }, template));
    assert.notEqual(shapeSignature({ success: false, code: 'A' }, template), shapeSignature({ success: false, error: { code: 'A' } }, template));
    assert.notEqual(shapeSignature({ success: false, error: { code: 'A', x: 1 } }, template), shapeSignature({ success: false, error: { code: 'A' } }, template));
  });
});
