/**
 * Bad catalogs: every problem lands at the right place in the catalog file, with a stable
 * code and a message that says what to write instead.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { CatalogProblemCode } from '../../server/src/service/catalog/model';
import { lazyLocator, mayHaveDuplicateKeys, parseCatalogSyntax, parseCatalogSyntaxWithPositions, type CatalogSyntax } from '../../server/src/service/catalog/catalogSyntax';
import { builtinFiles, knownStatuses, standardReasons } from '../helpers/catalogs';
import { generatedCatalogYaml } from '../helpers/generate';

const GOOD = `id: acme
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
  NOT_FOUND:
    status: 404
`;

/** Loads text and returns its problems with one-based line and column, as an editor shows them. */
function problemsOf(text: string, uri = 'file:///w/acme.errors.yaml') {
  const document = TextDocument.create(uri, 'yaml', 1, text);
  const result = loadCatalog(uri, text, { knownStatuses: knownStatuses(), standardReasons: standardReasons() });
  return {
    result,
    problems: result.problems.map((p) => {
      const start = document.positionAt(p.range.start);
      return { code: p.code, severity: p.severity, line: start.line + 1, column: start.character + 1, text: text.slice(p.range.start, p.range.end), message: p.message };
    }),
  };
}

describe('catalog loader', () => {
  it('loads a good catalog with its codes, statuses and definition locations', () => {
    const { result, problems } = problemsOf(GOOD);
    assert.deepEqual(problems, []);
    const catalog = result.catalog!;
    assert.equal(catalog.id, 'acme');
    assert.deepEqual([...catalog.codes.keys()], ['RATE_LIMITED', 'NOT_FOUND']);
    const key = catalog.rangeOf(['codes', 'RATE_LIMITED'], 'key');
    assert.equal(GOOD.slice(key.start, key.end), 'RATE_LIMITED');
    const status = catalog.rangeOf(['codes', 'NOT_FOUND', 'status']);
    assert.equal(GOOD.slice(status.start, status.end), '404');
    assert.equal(catalog.envelope.contentType, 'application/json');
  });

  it('accepts any string as a code', () => {
    const text = GOOD.replace('NOT_FOUND:', '"NOTFOUND-404":').replace('RATE_LIMITED:', 'AUTH_001:');
    const { result, problems } = problemsOf(text);
    assert.deepEqual(problems, []);
    assert.ok(result.catalog!.codes.has('NOTFOUND-404') && result.catalog!.codes.has('AUTH_001'));
  });

  it('reports invalid YAML where it is, with advice', () => {
    const { result, problems } = problemsOf(GOOD.replace('    title: Too many requests', '    title: "Too many requests'));
    assert.equal(result.catalog, undefined);
    assert.ok(problems.length >= 1);
    assert.equal(problems[0].code, CatalogProblemCode.Syntax);
    assert.ok(problems[0].line >= 11, `reported on line ${problems[0].line}`);
    assert.match(problems[0].message, /quot/i);
  });

  it('reports invalid JSON at the offending token', () => {
    const json = '{\n  "id": "acme",\n  "title": "Acme"\n  "envelope": {}\n}\n';
    const { problems } = problemsOf(json, 'file:///w/acme.errors.json');
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.column]), [[CatalogProblemCode.Syntax, 4, 3]]);
    assert.match(problems[0].message, /comma/);
  });

  it('a status written as a string is flagged on that value, saying to write a number', () => {
    const { result, problems } = problemsOf(GOOD.replace('status: 429', 'status: "429"'));
    assert.equal(result.catalog, undefined);
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.text]), [[CatalogProblemCode.Schema, 10, '"429"']]);
    assert.match(problems[0].message, /must be a number, e\.g\. `status: 429`/);
  });

  it('a missing required member is flagged on the entry that lacks it', () => {
    const { problems } = problemsOf(GOOD.replace('    status: 404\n', '    title: Not found\n'));
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.text]), [[CatalogProblemCode.Schema, 12, 'NOT_FOUND']]);
    assert.match(problems[0].message, /Code `NOT_FOUND` is missing `status`\. Add `status: 429`/);
  });

  it('an unknown member suggests the member meant', () => {
    const { problems } = problemsOf(GOOD.replace('    title: Too many requests', '    titel: Too many requests'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0].text, 'titel');
    assert.match(problems[0].message, /Did you mean `title`\?/);
  });

  it('a bad retry strategy lists the allowed ones', () => {
    const text = `${GOOD}statuses:\n  429:\n    retry: { strategy: backoff }\n`;
    const { problems } = problemsOf(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 16);
    assert.match(problems[0].message, /`exponential`, `fixed`, `retry-after`, `none`/);
  });

  it('a duplicate code is flagged on the second definition and names the first', () => {
    const text = `${GOOD}  RATE_LIMITED:\n    status: 429\n`;
    const { result, problems } = problemsOf(text);
    assert.equal(result.catalog, undefined);
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.column]), [[CatalogProblemCode.DuplicateCode, 14, 3]]);
    assert.match(problems[0].message, /already defined on line 9/);
  });

  it('a duplicate code in JSON is flagged too', () => {
    const json = '{"id":"a","title":"A","envelope":{"body":{"code":"${code}"}},\n"codes":{\n"X":{"status":400},\n"X":{"status":401}}}';
    const { problems } = problemsOf(json, 'file:///w/a.errors.json');
    assert.deepEqual(problems.map((p) => [p.code, p.line]), [[CatalogProblemCode.DuplicateCode, 4]]);
  });

  it('JSON keys are counted right whatever quotes, colons and backslashes their strings hold', () => {
    const head = '{"id":"a","title":"A","envelope":{"body":{"code":"${code}"}},"codes":{';
    // Values with `":` inside, keys ending in an escaped quote or an escaped backslash: no duplicates.
    const tricky = `${head}"Q\\"":{"status":400,"title":"say \\": hi"},"B\\\\":{"status":401,"description":"a\\\\" },"C":{"status":402,"title":"\\\\\\": x"}}}`;
    assert.equal(mayHaveDuplicateKeys(tricky, JSON.parse(tricky)), false, 'the fast path takes it');
    assert.equal(loadCatalog('file:///w/a.errors.json', tricky).catalog?.codes.size, 3);
    // The same with one key given twice, far from the first.
    const twice = tricky.replace('"C":', '"Q\\"":');
    assert.equal(mayHaveDuplicateKeys(twice, JSON.parse(twice)), true);
    assert.deepEqual(problemsOf(twice, 'file:///w/a.errors.json').problems.map((p) => p.code), [CatalogProblemCode.DuplicateCode]);
  });

  it('an unregistered status is a warning on that code that names real ones, and the catalog still serves', () => {
    const { result, problems } = problemsOf(GOOD.replace('status: 404', 'status: 499'));
    assert.equal(result.catalog?.codes.get('NOT_FOUND')?.status, 499);
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line, p.text]), [[CatalogProblemCode.UnknownStatus, 'warning', 13, '499']]);
    assert.match(problems[0].message, /not a registered HTTP status. If `NOT_FOUND` is really sent with it, document 499 under `statuses:`/);
  });

  it('a schema error does not hide the other errors', () => {
    const { problems } = problemsOf(GOOD.replace('status: 429', 'status: "429"').replace('status: 404', 'status: 430'));
    assert.deepEqual(problems.map((p) => [p.code, p.line]), [[CatalogProblemCode.Schema, 10], [CatalogProblemCode.UnknownStatus, 13]]);
  });

  it('a status the catalog itself documents is accepted even if unregistered', () => {
    const { problems } = problemsOf(`${GOOD.replace('status: 404', 'status: 499')}statuses:\n  499:\n    reason: Client Closed Request\n`);
    assert.deepEqual(problems, []);
  });

  it('an envelope without a ${code} placeholder is flagged on the body, with an example', () => {
    const { result, problems } = problemsOf(GOOD.replace('      code: ${code}', '      kind: ${code_name}'));
    assert.equal(result.catalog, undefined);
    assert.deepEqual(problems.map((p) => [p.code, p.line, p.text]), [[CatalogProblemCode.MissingCodePlaceholder, 4, 'body']]);
    assert.match(problems[0].message, /Put `"\$\{code\}"` where the code goes/);
  });

  it('warnings (an optional member the body lacks) keep the catalog usable', () => {
    const { result, problems } = problemsOf(GOOD.replace('      message: ${message}', '      message: ${message}\n  optional: [field]'));
    assert.ok(result.catalog);
    assert.deepEqual(problems.map((p) => [p.code, p.severity]), [[CatalogProblemCode.UnusedOptional, 'warning']]);
  });

  it('a status whose reason contradicts HTTP, and a code with a success status, are warnings', () => {
    const { result, problems } = problemsOf(`${GOOD.replace('status: 404', 'status: 200')}statuses:\n  429:\n    reason: Rate Limited\n  422:\n    reason: Unprocessable Entity\n`);
    assert.ok(result.catalog, 'warnings keep the catalog');
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.line, p.text]), [
      [CatalogProblemCode.StatusContradiction, 'warning', 16, 'Rate Limited'],
      [CatalogProblemCode.StatusContradiction, 'warning', 13, '200'],
    ]);
    assert.match(problems[0].message, /HTTP calls 429 `Too Many Requests`, not `Rate Limited`\. Write `reason: Too Many Requests`/);
  });

  it('an empty file says how to start', () => {
    const { problems } = problemsOf('');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /Start it with `id:`/);
  });

  it('alias bombs are refused without expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    const { result, problems } = problemsOf(bomb);
    assert.equal(result.catalog, undefined);
    assert.match(problems[0].message, /Remove the anchors and aliases/);
    // The same bomb in block style, its aliases after `- ` and `key: `.
    const block = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)}\n${Array(10).fill(`  - *${String.fromCharCode(97 + i)}`).join('\n')}`), 'y: *i'].join('\n');
    const blockResult = problemsOf(block);
    assert.equal(blockResult.result.catalog, undefined);
    assert.match(blockResult.problems[0].message, /Remove the anchors and aliases/);
  });
});

describe('fast and position-keeping parses agree', () => {
  for (const { path, text } of builtinFiles()) {
    it(`on ${path.slice(path.lastIndexOf('/') + 1)}`, () => {
      assert.deepEqual(parseCatalogSyntax(text, 'yaml').value, parseCatalogSyntaxWithPositions(text, 'yaml').value);
    });
  }

  it('on a generated catalog, as YAML and as JSON', () => {
    const yaml = generatedCatalogYaml(300);
    const value = parseCatalogSyntaxWithPositions(yaml, 'yaml').value;
    assert.deepEqual(parseCatalogSyntax(yaml, 'yaml').value, value);
    const json = JSON.stringify(value, null, 2);
    // The position-keeping JSON parser builds objects without a prototype; compare the data.
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
    assert.deepEqual(parseCatalogSyntax(json, 'json').value, plain(parseCatalogSyntaxWithPositions(json, 'json').value));
  });

  it('on scalars the two YAML readers could read differently: timestamps, yes/no, octal-looking numbers', () => {
    const yaml = 'a: 2025-12-14T10:30:00Z\nb: yes\nc: no\nd: 0777\ne: ~\nf: 1e3\ng: "429"\nh: .inf\n';
    assert.deepEqual(parseCatalogSyntax(yaml, 'yaml').value, parseCatalogSyntaxWithPositions(yaml, 'yaml').value);
  });

  it('JSON with comments and trailing commas, and YAML with anchors, load through the full parse', () => {
    const jsonc = '{\n  // the id\n  "id": "a", "title": "A",\n  "envelope": { "body": { "code": "${code}" } },\n  "codes": { "X": { "status": 400, }, },\n}';
    const json = loadCatalog('file:///w/a.errors.json', jsonc, { knownStatuses: knownStatuses() });
    assert.deepEqual(json.problems, []);
    assert.equal(json.catalog?.codes.get('X')?.status, 400);
    const anchored = 'id: a\ntitle: A\nenvelope:\n  body: { code: "${code}" }\ncodes:\n  X: &base\n    status: 409\n    title: Conflict\n  Y: *base\n';
    const yaml = loadCatalog('file:///w/a.errors.yaml', anchored, { knownStatuses: knownStatuses() });
    assert.deepEqual(yaml.problems, []);
    assert.equal(yaml.catalog?.codes.get('Y')?.title, 'Conflict');
  });
});

describe('keys of codes and statuses, located without the position-keeping parse', () => {
  /** Both locators over a text, and whether the fast one needed the parse. */
  function locators(text: string) {
    const full = parseCatalogSyntaxWithPositions(text, 'yaml');
    let parsed = false;
    const fast = lazyLocator(text, 'yaml', full.value, (): CatalogSyntax => { parsed = true; return full; });
    return { full, fast, parsed: () => parsed };
  }

  it('where the parse puts them, in every built-in catalog and a generated one, without parsing', () => {
    for (const text of [...builtinFiles().map((f) => f.text), generatedCatalogYaml(300)]) {
      const { full, fast, parsed } = locators(text);
      const value = full.value as Record<string, Record<string, unknown>>;
      for (const section of ['codes', 'statuses']) {
        for (const key of Object.keys(value[section] ?? {})) assert.deepEqual(fast([section, key], 'key'), full.locate([section, key], 'key'), `${section}.${key}`);
      }
      assert.equal(parsed(), false);
    }
  });

  it('quoted keys, comments and block scalars; files the scan cannot vouch for go to the parse', () => {
    const text = 'id: a\ntitle: A\nenvelope:\n  body: { code: "${code}" }\ncodes:\n  # a comment\n  "QUOTED: KEY":\n    status: 400\n    description: |\n      a block scalar\n\n      with a blank line\n  \'single\':\n    status: 404\n  PLAIN   :\n    status: 409\n';
    const { full, fast, parsed } = locators(text);
    for (const key of ['QUOTED: KEY', 'single', 'PLAIN']) assert.deepEqual(fast(['codes', key], 'key'), full.locate(['codes', key], 'key'), key);
    assert.equal(parsed(), false);
    const flow = locators('id: a\ntitle: A\nenvelope:\n  body: { code: "${code}" }\ncodes: { X: { status: 400 } }\n');
    assert.deepEqual(flow.fast(['codes', 'X'], 'key'), flow.full.locate(['codes', 'X'], 'key'));
    assert.equal(flow.parsed(), true);
    const colon = locators('id: a\ntitle: A\nenvelope:\n  body: { code: "${code}" }\ncodes:\n  AUTH:001:\n    status: 401\n');
    assert.deepEqual(colon.fast(['codes', 'AUTH:001'], 'key'), colon.full.locate(['codes', 'AUTH:001'], 'key'));
    assert.equal(colon.parsed(), true);
  });
});
