/**
 * Completion of error codes, with the cursor marked `|`: where codes are offered, what each
 * item says without resolve, how context ranks them, and how big catalogs stay bounded.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CompletionItemTag, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { doComplete, resolveCompletion } from '../../server/src/service/features/completion';
import { acme } from '../helpers/acme';
import { builtin, setOf, withCursor } from '../helpers/catalogs';
import { generatedCode, generatedSet } from '../helpers/generate';

const set = setOf(acme());

function complete(fixture: string, languageId = 'typescript', options = { maxItems: 100, itemDefaults: true }, catalogs = set): CompletionList | null {
  const { document, position } = withCursor(fixture, languageId);
  return doComplete(document, position, catalogs, options);
}

const labels = (list: CompletionList | null) => (list?.items ?? []).map((i) => i.label);
const ranked = (list: CompletionList | null) => [...(list?.items ?? [])].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);

describe('completion sites', () => {
  const sites: [language: string, fixture: string][] = [
    ['typescript', "res.json({ error: { code: '|' } })"],
    ['typescript', 'const body = { code: "|" }'],
    ['typescript', "if (err.code === '|') {"],
    ['typescript', "switch (e.error_code) { case '|':"],
    ['javascript', 'throw new ApiError({ errorCode: "|" })'],
    ['json', '{ "error": { "code": "|" } }'],
    ['python', "raise ApiError(error_code='|')"],
    ['python', "body = {'code': '|'}"],
    ['go', 'Code: "|",'],
    ['ruby', "render json: { error_code: '|' }"],
    ['php', "['code' => '|']"],
    ['yaml', 'error:\n  code: |'],
  ];
  for (const [language, fixture] of sites) {
    it(`offers every code at ${language}: ${fixture.replace('|', '‸')}`, () => {
      const list = complete(fixture, language);
      assert.deepEqual(labels(list).sort(), [...acme().codes.keys()].sort());
    });
  }

  it('after an error-code qualifier, offers codes that are identifiers', () => {
    const list = complete('if (e.code === ErrorCode.|)');
    assert.ok(labels(list).includes('RATE_LIMITED'));
    assert.ok(!labels(list).includes('AUTH-401'), 'AUTH-401 is not an identifier');
  });

  it('at a bare value position, inserts a quoted code (bare in YAML)', () => {
    const ts = complete('const body = { code: | }');
    const item = ts!.items.find((i) => i.label === 'NOT_FOUND')!;
    assert.equal(item.textEditText, '"NOT_FOUND"');
    const yaml = complete('code: |', 'yaml');
    assert.equal(yaml!.items.find((i) => i.label === 'NOT_FOUND')!.textEditText, undefined);
  });

  it('in other strings, only once the typed text starts a code', () => {
    assert.equal(complete("import x from '|'"), null);
    assert.equal(complete("log('|')"), null);
    assert.equal(complete("log('hello|')"), null);
    assert.deepEqual(labels(complete("log('RATE|')")), ['RATE_LIMITED']);
  });

  it('nowhere else', () => {
    assert.equal(complete('const x = |'), null);
    assert.equal(complete('Some prose and |', 'markdown'), null);
    assert.equal(complete('return fetchUser(|)'), null);
  });

  it('replaces the whole code under the cursor', () => {
    const { document, position } = withCursor("x = { code: 'RATE|_LIM' }");
    const list = doComplete(document, position, set, { maxItems: 100, itemDefaults: true })!;
    assert.equal(document.getText(list.itemDefaults!.editRange as { start: { line: number; character: number }; end: { line: number; character: number } }), 'RATE_LIM');
  });
});

describe('completion items', () => {
  it('carry status, reason and title in detail, for clients that never resolve', () => {
    const item = complete("code: '|'")!.items.find((i) => i.label === 'RATE_LIMITED')!;
    assert.equal(item.detail, '429 Too Many Requests · Too many requests');
    assert.equal(item.documentation, undefined, 'the explanation waits for resolve');
  });

  it('mark deprecated codes', () => {
    const item = complete("code: '|'")!.items.find((i) => i.label === 'OLD_LIMIT')!;
    assert.deepEqual(item.tags, [CompletionItemTag.Deprecated]);
    assert.match(item.detail!, /deprecated, use RATE_LIMITED/);
  });

  it('use itemDefaults when the client supports them, and a text edit per item otherwise', () => {
    const withDefaults = complete("code: '|'")!;
    assert.ok(withDefaults.itemDefaults?.editRange && withDefaults.itemDefaults.data);
    assert.ok(withDefaults.items.every((i) => i.textEdit === undefined && i.data === undefined));
    const without = complete("code: '|'", 'typescript', { maxItems: 100, itemDefaults: false })!;
    assert.equal(without.itemDefaults, undefined);
    assert.ok(without.items.every((i) => i.textEdit && (i.data as { uri: string }).uri));
  });

  it('resolve adds the full explanation', () => {
    const item: CompletionItem = { label: 'RATE_LIMITED' };
    const resolved = resolveCompletion(item, set);
    const doc = resolved.documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'markdown');
    assert.ok(doc.value.includes('The key sent more requests than its plan allows.'));
    assert.ok(doc.value.includes('**Resolution**'));
  });

  it('codes work from every seed catalog, dashed and numbered alike', () => {
    const catalogs = setOf(builtin('dashed-codes'), builtin('error-code-map'));
    assert.deepEqual(labels(complete("code: 'AUTH|'", 'typescript', undefined, catalogs)).sort(), ['AUTH-401', 'AUTH-403', 'AUTH_001']);
  });
});

describe('ranking by context', () => {
  it('a 404 nearby ranks not-found codes first', () => {
    const list = complete("res.status(404).json({ error: { code: '|' } })");
    assert.deepEqual(ranked(list).slice(0, 2).sort(), ['NOT_FOUND', 'USER_NOT_FOUND']);
  });

  it('a status on an earlier line counts too', () => {
    const list = complete("if (missing) {\n  res.status(429)\n  return res.json({ code: '|' })\n}");
    assert.deepEqual(ranked(list).slice(0, 2).sort(), ['OLD_LIMIT', 'RATE_LIMITED']);
  });

  it('a NotFound name nearby ranks not-found codes first', () => {
    const list = complete("throw new NotFoundException({ code: '|' })");
    assert.deepEqual(ranked(list).slice(0, 2).sort(), ['NOT_FOUND', 'USER_NOT_FOUND']);
  });

  it('without context, the order is the catalog order by name', () => {
    assert.deepEqual(ranked(complete("x = { code: '|' }")).slice(0, 3), ['AUTH-401', 'AUTH_001', 'NOT_FOUND']);
  });
});

describe('large catalogs', () => {
  const big = generatedSet(10_000, builtin('http-status'));

  it('return a bounded list marked incomplete while the prefix is short', () => {
    const list = complete("x = { code: '|' }", 'typescript', { maxItems: 100, itemDefaults: true }, big)!;
    assert.equal(list.items.length, 100);
    assert.equal(list.isIncomplete, true);
  });

  it('narrow to the complete set once the prefix is specific', () => {
    const target = generatedCode(4242);
    const list = complete(`x = { code: '${target.slice(0, -1)}|' }`, 'typescript', { maxItems: 100, itemDefaults: true }, big)!;
    assert.equal(list.isIncomplete, false);
    assert.ok(labels(list).includes(target));
  });

  it('rank codes of a nearby status first even when the page is cut', () => {
    const list = complete("res.status(503).json({ code: '|' })", 'typescript', { maxItems: 50, itemDefaults: true }, big)!;
    const first = list.items.filter((i) => i.sortText!.startsWith('a'));
    assert.ok(first.length === 50 && first.every((i) => i.detail!.startsWith('503')));
  });

  it('keep each item small: label, kind, detail, sortText', () => {
    const list = complete("x = { code: '|' }", 'typescript', { maxItems: 100, itemDefaults: true }, big)!;
    const size = JSON.stringify(list).length;
    assert.ok(size < 100 * 140, `response is ${size} bytes`);
  });
});

describe('envelope completions', () => {
  it('where a body is written, each code completes to its whole body, the nearby status first', () => {
    const list = complete("import express from 'express';\nres.status(404).json(|)");
    assert.ok(list && list.items.length === acme().codes.size);
    const [first] = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.ok(['NOT_FOUND', 'USER_NOT_FOUND'].includes(first.label));
    const notFound = list.items.find((i) => i.label === 'NOT_FOUND')!;
    assert.equal(notFound.insertTextFormat, 2);
    assert.equal(notFound.insertText, "{\n  success: false,\n  error: {\n    code: 'NOT_FOUND',\n    message: '${1:Resource does not exist}'\n  \\},\n  meta: {\n    requestId: '${5:req_abc123}'\n  \\}\n\\}");
    assert.equal(notFound.labelDetails?.detail, ' error body');
  });

  it('in Python, a dict', () => {
    const list = complete('from fastapi import FastAPI\nreturn JSONResponse(status_code=429, content=|)', 'python');
    const item = list!.items.find((i) => i.label === 'RATE_LIMITED')!;
    assert.match(item.insertText!, /^\{\n {4}"success": False,\n {4}"error": \{\n {8}"code": "RATE_LIMITED",/);
  });

  it('inside the envelope\'s error object, only its members', () => {
    const list = complete('const body = {\n  success: false,\n  error: {|}\n}');
    const item = list!.items.find((i) => i.label === 'VALIDATION_ERROR')!;
    assert.equal(item.labelDetails?.detail, ' error object');
    assert.equal(item.insertText, "\n    code: 'VALIDATION_ERROR',\n    message: '${1:Validation failed}',\n    field: '${2:email}'\n  ");
  });

  it('not in other calls or objects', () => {
    assert.equal(complete('console.log(|)'), null);
    assert.equal(complete('const options = {|}'), null);
  });
});
