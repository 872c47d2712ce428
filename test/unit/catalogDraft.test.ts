/**
 * The draft writer: what an importer found, written as a catalog file that loads, with its
 * guesses as comments, and keys that are untrusted text kept as the keys they are.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { draftContent, draftToYaml, emptyDraft } from '../../server/src/service/import/catalogDraft';

describe('catalog drafts', () => {
  it('a code or member named __proto__ stays a code and a member, in the content and in the YAML', () => {
    const draft = emptyDraft('api', 'API');
    draft.catalog.envelope.body = { code: '${code}' };
    Object.defineProperty(draft.catalog.codes, '__proto__', { value: { status: 400, members: JSON.parse('{"__proto__": "x"}') }, enumerable: true, writable: true, configurable: true });
    const content = draftContent(draft) as { codes: Record<string, { members: Record<string, unknown> }> };
    assert.deepEqual(Object.keys(content.codes), ['__proto__']);
    assert.deepEqual(Object.keys(content.codes.__proto__.members), ['__proto__']);
    const loaded = loadCatalog('api.errors.yaml', draftToYaml(draft, 'test'));
    assert.deepEqual(loaded.problems.filter((p) => p.severity === 'error'), []);
    assert.deepEqual([...loaded.catalog!.codes.keys()], ['__proto__']);
  });

  it('writes each guess as a comment above what it guessed, and what was left out at the top', () => {
    const draft = emptyDraft('api', 'API');
    draft.catalog.envelope.body = { code: '${code}' };
    draft.catalog.codes.A_CODE = { status: 404 };
    draft.guesses.push({ path: ['codes', 'A_CODE', 'status'], note: 'from its name\nsecond line' });
    draft.leftOut.push({ where: 'line 3', what: 'a table' });
    const text = draftToYaml(draft, 'page.md');
    assert.match(text, /^# Imported from page\.md\./);
    assert.match(text, /# - line 3: a table/);
    assert.match(text, / {4}# guessed: from its name second line\n {4}status: 404/);
  });
});
