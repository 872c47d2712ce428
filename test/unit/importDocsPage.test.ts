/**
 * `import docs`: error reference pages made into catalog drafts. The five pages the built-in
 * catalogs were written from are imported and measured field by field against those catalogs
 * (recall ≥ 0.90 and no invented code on each); two pages in other common layouts (an HTML docs
 * page with a code table, a Markdown page with a heading per code) show the importer is not
 * fitted to the five; and bad input (empty, no errors, huge, hostile markup) fails clearly or is
 * bounded and kept inert.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
// The built-in catalog files as the build read them, so the test needs no path to catalog/builtin.
import BUILTIN_CATALOGS from 'builtin-catalogs';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { draftContent, draftToYaml, ImportError, type CatalogDraft } from '../../server/src/service/import/catalogDraft';
import { importDocsPage } from '../../server/src/service/import/docsPage';
import { compareCatalogs, comparisonTable, TEXT_MATCH_THRESHOLD } from '../helpers/catalogComparison';

/** The fixture pages: above the built test if it was built inside the checkout, else above the working folder. */
const PAGES_DIR = (() => {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const pages = join(dir, 'test', 'fixtures', 'pages');
      if (existsSync(join(pages, 'connectify.md'))) return pages;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error('cannot find test/fixtures/pages above the test or the working folder');
})();

function builtinValue(fileName: string): unknown {
  const builtin = BUILTIN_CATALOGS.get(fileName);
  if (!builtin) throw new Error(`no built-in catalog ${fileName}`);
  return builtin.value;
}

/** The HTTP statuses and their reasons, from the built-in HTTP status catalog, as the server passes them to the loader. */
const HTTP_STATUSES = Object.entries((builtinValue('http-status.errors.yaml') as { statuses: Record<string, { reason?: string }> }).statuses);
const knownStatuses = () => new Set(HTTP_STATUSES.map(([status]) => Number(status)));
const standardReasons = () => new Map(HTTP_STATUSES.flatMap(([status, entry]) => (entry.reason && !entry.reason.startsWith('(') ? [[Number(status), entry.reason] as [number, string]] : [])));

const REFERENCE_PAGES = ['connectify.md', 'details-array.txt', 'success-meta.txt', 'error-code-map.txt', 'dashed-codes.txt'];

function page(name: string): string {
  return readFileSync(join(PAGES_DIR, name), 'utf8');
}

function catalogNameOf(pageName: string): string {
  return pageName.replace(/\.[^.]+$/, '');
}

/** The draft as a catalog file, loaded as the server loads workspace catalogs. */
function loadDraft(draft: CatalogDraft, name: string) {
  const yaml = draftToYaml(draft, name);
  const result = loadCatalog(`file:///workspace/${draft.catalog.id}.errors.yaml`, yaml, { knownStatuses: knownStatuses(), standardReasons: standardReasons() });
  return { yaml, result };
}

function assertLoads(draft: CatalogDraft, name: string): string {
  const { yaml, result } = loadDraft(draft, name);
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  assert.deepEqual(errors, [], `${name}: the draft does not load:\n${yaml}`);
  assert.ok(result.catalog, `${name}: no catalog`);
  return yaml;
}

/** The lines of YAML right above a key, where draftToYaml writes its `# guessed:` comments. */
function commentsAbove(yaml: string, keyLine: RegExp): string {
  const lines = yaml.split('\n');
  const index = lines.findIndex((line) => keyLine.test(line));
  assert.ok(index >= 0, `no line ${keyLine} in\n${yaml}`);
  const comments: string[] = [];
  for (let i = index - 1; i >= 0 && /^\s*#/.test(lines[i]); i--) comments.unshift(lines[i]);
  return comments.join('\n');
}

describe('importDocsPage: the pages the built-in catalogs were written from', () => {
  for (const name of REFERENCE_PAGES) {
    it(`${catalogNameOf(name)}: recall ≥ 0.90 against the built-in catalog, no invented code, a valid catalog`, () => {
      const draft = importDocsPage(page(name), name);
      const reference = builtinValue(`${catalogNameOf(name)}.errors.yaml`);
      const comparison = compareCatalogs(draftContent(draft), reference);
      const strict = compareCatalogs(draftContent(draft), reference, 0.5);
      console.log(`\n${comparisonTable(`${catalogNameOf(name)} (texts match at Dice ≥ ${TEXT_MATCH_THRESHOLD})`, comparison)}`);
      console.log(`overall recall at Dice ≥ 0.5: ${strict.overall.found}/${strict.overall.referenceItems} (${(strict.overall.recall * 100).toFixed(0)}%)`);
      console.log('weakest accepted text matches:');
      for (const match of comparison.textMatches.slice(0, 3)) console.log(`  ${match.score.toFixed(2)} ${match.field} ${match.where}: "${match.reference}" ~ "${match.imported}"`);

      assert.deepEqual(comparison.inventedCodes, [], 'codes the page does not present');
      assert.ok(comparison.overall.recall >= 0.9, `${catalogNameOf(name)}: overall recall ${comparison.overall.recall.toFixed(3)} < 0.90\n${comparison.mismatches.map((m) => `${m.field} ${m.where}: ${m.missing ? `missing "${m.missing}"` : `extra "${m.extra}"`}`).join('\n')}`);
      assertLoads(draft, name);
    });
  }

  it('marks what it guessed: the assumed envelope of a page without one, inferred statuses', () => {
    const dashed = draftToYaml(importDocsPage(page('dashed-codes.txt'), 'dashed-codes.txt'), 'dashed-codes.txt');
    assert.match(commentsAbove(dashed, /^  body:/), /# guessed: the page shows no error body/);
    assert.match(commentsAbove(dashed.slice(dashed.indexOf('  AUTH-401:')), /^    status: 401/), /# guessed: read from the code's name/);

    const codeMap = importDocsPage(page('error-code-map.txt'), 'error-code-map.txt');
    assert.equal(codeMap.catalog.codes.VAL_001.status, 422);
    assert.ok(codeMap.guesses.some((guess) => guess.path.join('.') === 'codes.VAL_001.status' && /inferred/.test(guess.note)), JSON.stringify(codeMap.guesses));
    const codeMapYaml = draftToYaml(codeMap, 'error-code-map.txt');
    assert.match(commentsAbove(codeMapYaml.slice(codeMapYaml.indexOf('  VAL_001:')), /^    status: 422/), /# guessed: inferred from its title "Validation errors", which matches 422/);
    // AUTH_001 is presented by a line of its own; VAL_001 only by the client example's `case 'VAL_001':`.
    assert.deepEqual(Object.keys(codeMap.catalog.codes).sort(), ['AUTH_001', 'VAL_001']);

    const connectify = importDocsPage(page('connectify.md'), 'connectify.md');
    assert.ok(connectify.guesses.some((guess) => guess.path.join('.') === 'codes.INVALID_API_KEY.status'), 'a status read from no status line is marked');
  });

  it('repairs what copying did to the text: mojibake, inline code that lost its spaces, items run together', () => {
    const connectify = importDocsPage(page('connectify.md'), 'connectify.md');
    assert.match(connectify.catalog.description ?? '', /Connectify Developer's Kit \(CDK\)/);
    assert.doesNotMatch(JSON.stringify(draftContent(connectify)), /[âğ]|â€|ï¸/);

    const successMeta = importDocsPage(page('success-meta.txt'), 'success-meta.txt');
    const unauthorized = successMeta.catalog.codes.UNAUTHORIZED;
    assert.deepEqual(unauthorized.causes, ['No Authorization header', 'Invalid key format', 'Key has been revoked', 'Key has expired']);
    assert.deepEqual(unauthorized.resolution, [
      "Verify you're sending the Authorization header",
      'Check the key format: Bearer sk_live_xxx or Bearer pk_live_xxx',
      "Confirm the key hasn't been revoked in Settings",
      'Create a new key if needed',
    ]);
    assert.equal(successMeta.catalog.codes.FORBIDDEN.resolution?.[0], 'Use a secret key (sk_live_*) for create/update/delete');
    assert.equal(successMeta.catalog.codes.VALIDATION_ERROR.resolution?.[0], 'Check the error field property for which field failed');
    assert.equal(successMeta.catalog.codes.RATE_LIMITED.resolution?.[0], 'Check X-RateLimit-Remaining header');
  });

  it('reads the envelope template, its optional members and the examples of each code', () => {
    const successMeta = importDocsPage(page('success-meta.txt'), 'success-meta.txt').catalog;
    assert.deepEqual(successMeta.envelope.body, {
      success: false,
      error: { code: '${code}', message: '${message}', field: '${field}' },
      meta: { requestId: '${requestId}', timestamp: '${timestamp}' },
    });
    assert.deepEqual(successMeta.envelope.optional, ['field']);
    assert.deepEqual(successMeta.codes.RATE_LIMITED.members, { retryAfter: 42 });
    assert.deepEqual(successMeta.codes.VALIDATION_ERROR.members, { field: 'priority' });
    assert.equal(successMeta.codes.VALIDATION_ERROR.examples?.filter((example) => example.at === 'error').length, 3);

    const detailsArray = importDocsPage(page('details-array.txt'), 'details-array.txt').catalog;
    assert.deepEqual(detailsArray.envelope.body, { error: { code: '${code}', message: '${message}', details: [{ field: '${field}', message: '${fieldMessage}' }] } });
    assert.deepEqual(detailsArray.envelope.optional, ['details']);
    assert.deepEqual(detailsArray.codes, {}, '"string" in the format is a type, not a code');

    const codeMap = importDocsPage(page('error-code-map.txt'), 'error-code-map.txt').catalog;
    assert.deepEqual(codeMap.envelope.body, { success: false, errors: { '${field}': '${fieldMessage}' }, message: '${message}', error_code: '${code}' });
  });
});

describe('importDocsPage: pages in other layouts', () => {
  it('an HTML docs page with a code | status | description table', () => {
    const name = 'payments-reference.html';
    const draft = importDocsPage(page(name), name);
    const catalog = draft.catalog;
    assert.deepEqual(
      Object.fromEntries(Object.entries(catalog.codes).map(([code, entry]) => [code, entry.status])),
      {
        parameter_missing: 400,
        parameter_invalid: 400,
        authentication_failed: 401,
        card_declined: 402,
        insufficient_permissions: 403,
        resource_missing: 404,
        idempotency_key_reused: 409,
        rate_limit_exceeded: 429,
        api_error: 500,
      },
    );
    assert.deepEqual(catalog.envelope.body, { error: { code: '${code}', message: '${message}', param: '${param}', request_id: '${requestId}' } });
    assert.deepEqual(catalog.envelope.optional, ['param'], '"The `param` member is only present when …"');
    assert.equal(catalog.codes.authentication_failed.description, 'No valid API key was provided & the request was rejected.');
    assert.deepEqual(catalog.statuses['429'].troubleshooting?.includes('Retry `429` and `500` responses with exponential backoff.'), true);
    const yaml = assertLoads(draft, name);
    for (const markup of [/<script/i, /<a\b/i, /onclick/i, /javascript:/i, /evil\.example/, /document\.cookie/, /dataLayer/, /Was this page helpful/, /Overview/]) assert.doesNotMatch(yaml, markup);
  });

  it('a Markdown page with a "### `invalid_request`" heading per code', () => {
    const name = 'oauth-errors.md';
    const draft = importDocsPage(page(name), name);
    const catalog = draft.catalog;
    assert.deepEqual(Object.keys(catalog.codes), ['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'slow_down']);
    assert.deepEqual(catalog.envelope.body, { error: '${code}', error_description: '${message}', error_uri: '${errorUri}' });
    assert.deepEqual(new Set(catalog.envelope.optional), new Set(['error_description', 'error_uri']));
    const invalidRequest = catalog.codes.invalid_request;
    assert.equal(invalidRequest.status, 400);
    assert.deepEqual(invalidRequest.causes, ['The `grant_type` parameter is missing.', 'The body was sent as JSON instead of `application/x-www-form-urlencoded`.']);
    assert.deepEqual(invalidRequest.resolution, ['Send every required parameter for the grant type you use.', 'Encode the body as a form, not as JSON.']);
    assert.match(invalidRequest.description ?? '', /^The request is missing a required parameter/);
    assert.equal(catalog.codes.invalid_grant.examples?.length, 1);
    // No status line for slow_down: inferred from its words, and marked so.
    assert.equal(catalog.codes.slow_down.status, 429);
    assert.ok(draft.guesses.some((guess) => guess.path.join('.') === 'codes.slow_down.status'));
    assert.deepEqual(catalog.statuses['401'].troubleshooting, ['Make sure the client credentials are sent with HTTP Basic authentication.', 'Confirm that the client has not been disabled.']);
    const yaml = assertLoads(draft, name);
    assert.doesNotMatch(yaml, /<script|document\.location|evil\.example/);
  });

  it('never takes a word in capitals for a code unless the page presents it as one', () => {
    const text = [
      '# Errors',
      '',
      'NOTE: send JSON. The API returns HTTP 4XX codes; see RFC-9110 and use UTF-8.',
      'WARNING and IMPORTANT are not codes, nor is ERROR_CODE in this sentence.',
      '',
      '## `QUOTA_EXCEEDED` (429)',
      '',
      'You used up the monthly quota.',
    ].join('\n');
    const draft = importDocsPage(text, 'errors.md');
    assert.deepEqual(Object.keys(draft.catalog.codes), ['QUOTA_EXCEEDED']);
    assert.ok(draft.leftOut.some((item) => /ERROR_CODE looks like a code/.test(item.what)), 'left out for the reader to check');
  });

  it('a heading per status, with the only body shown under one of them in a plain fence', () => {
    const text = [
      '### 400 Bad request', '', 'The request is malformed.', '',
      '### 401 Unauthorized', '', 'The authorization token is missing, invalid or revoked.', '',
      '### 422 Unprocessable Entity', '', 'Check the response body for more information.', '```', '{', '    "messages": "apartment_number is required"', '}', '```', '',
    ].join('\n');
    const draft = importDocsPage(text, 'errors.md');
    assert.deepEqual(Object.keys(draft.catalog.statuses), ['400', '401', '422']);
    assert.deepEqual(draft.catalog.envelope.body, { messages: '${message}', code: '${code}' });
    assert.ok(draft.guesses.some((guess) => guess.path.join('.') === 'envelope.body.code'), 'the code member is a guess');
    assert.deepEqual(draft.catalog.codes, {});
  });
});

describe('importDocsPage: bad input', () => {
  it('an empty page, or one of white space, is an ImportError that says what the importer looks for', () => {
    for (const text of ['', '   \n\n\t\n']) {
      assert.throws(() => importDocsPage(text, 'empty.md'), (error: unknown) => error instanceof ImportError && /empty\.md: no recognisable errors/.test(error.message) && /error codes/.test(error.message) && /HTTP statuses/.test(error.message));
    }
  });

  it('a page about something else is an ImportError', () => {
    const readme = [
      '# Installing the SDK',
      '',
      'Run `npm install @example/sdk` and create a client:',
      '',
      '```js',
      "const client = new Client({ apiKey: process.env.API_KEY });",
      '```',
      '',
      'The configuration file looks like this:',
      '',
      '```json',
      '{ "region": "eu-west-1", "timeoutSeconds": 30 }',
      '```',
      '',
      '- Supports Node 18 and later',
      '- 100 requests per minute on the free plan - upgrade for more',
    ].join('\n');
    assert.throws(() => importDocsPage(readme, 'README.md'), (error: unknown) => error instanceof ImportError && /no recognisable errors/.test(error.message));
  });

  it('a huge page is read within bounds and says so', () => {
    const section = (n: number) => `ERR_${String(n).padStart(5, '0')} (400)\nMessage: Failure number ${n}\nCauses:\n- Cause ${n}\nResolution:\n- Fix ${n}\n`;
    const sections: string[] = [];
    for (let n = 0, length = 0; length < 3_000_000; n++) {
      sections.push(section(n));
      length += sections[n].length;
    }
    const started = Date.now();
    const draft = importDocsPage(sections.join(''), 'huge.txt');
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 20_000, `took ${elapsed} ms`);
    assert.ok(Object.keys(draft.catalog.codes).length <= 2000, `${Object.keys(draft.catalog.codes).length} codes`);
    assert.ok(draft.leftOut.some((item) => /longer than/.test(item.what)));
    assert.ok(draft.leftOut.some((item) => /more than 2000 codes/.test(item.what)));
  });

  it('pathological pages end quickly: one long line, deep brackets, unclosed blocks and tags', () => {
    const pages = [
      'x'.repeat(900_000),
      `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
      `{\n${'"a": {\n'.repeat(20_000)}`,
      `\`\`\`json\n${'{"code": "X_1",\n'.repeat(10_000)}`,
      `<html><body>${'<div><table><tr><td>'.repeat(20_000)}`,
      `<script>${'a'.repeat(100_000)}`,
      `- item\n${'word '.repeat(200_000)}`,
      `${'AUTH_001 - Title\n'.repeat(50_000)}`,
    ];
    for (const text of pages) {
      const started = Date.now();
      try {
        const draft = importDocsPage(text, 'odd.txt');
        if (text.startsWith('<html>')) assert.ok(draft.leftOut.some((item) => /nests its HTML elements too deep/.test(item.what)));
      } catch (error) {
        assert.ok(error instanceof ImportError, String(error));
      }
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms on a page starting ${JSON.stringify(text.slice(0, 30))}`);
    }
  });

  it('markup in a page never reaches the catalog: scripts, handlers, links, tags in text and in example bodies', () => {
    const text = [
      '# Errors <script>alert(1)</script>',
      '',
      'All errors look like this:',
      '',
      '```json',
      '{ "error": { "code": "BAD_THING", "message": "<img src=x onerror=alert(1)> went wrong" } }',
      '```',
      '',
      '## `BAD_THING` (400)',
      '',
      'Something <b onclick="steal()">bad</b> happened. See [the guide](command:workbench.action.openSettings) or <a href="javascript:alert(2)">this</a>.',
      '',
      '**Resolution:**',
      '',
      '- Fix it <iframe src="https://evil.example"></iframe>',
      '- Read [more](javascript:alert(3))',
      '',
      '<style>body { display: none }</style>',
    ].join('\n');
    const draft = importDocsPage(text, 'hostile.md');
    const yaml = assertLoads(draft, 'hostile.md');
    for (const markup of [/<script/i, /<img/i, /onerror/i, /onclick/i, /<b\b/i, /<a\b/i, /<iframe/i, /<style/i, /javascript:/i, /command:/i, /evil\.example/, /alert\(/, /display: none/]) {
      assert.doesNotMatch(yaml, markup, `${markup} in\n${yaml}`);
    }
    assert.equal(draft.catalog.codes.BAD_THING.description, 'Something bad happened. See the guide or this.');
    assert.deepEqual(draft.catalog.codes.BAD_THING.resolution, ['Fix it', 'Read more']);
  });
});
