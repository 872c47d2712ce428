/** Go to definition, from a code or a status in source to its entry in the catalog file. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findDefinition } from '../../server/src/service/features/definition';
import { ACME_YAML, acme } from '../helpers/acme';
import { builtin, setOf, withCursor } from '../helpers/catalogs';

const set = setOf(acme());

function targetText(fixture: string, languageId = 'typescript'): { uri: string; line: number; character: number; text: string }[] {
  const { document, position } = withCursor(fixture, languageId);
  return findDefinition(document, position, set).map((location) => {
    const lines = (location.uri === acme().sourceUri ? ACME_YAML : '').split('\n');
    const { start, end } = location.range;
    return { uri: location.uri, line: start.line, character: start.character, text: lines[start.line]?.slice(start.character, end.character) ?? '' };
  });
}

describe('go to definition', () => {
  it('from a code in a string to its key in the catalog file', () => {
    const [target] = targetText("throw new ApiError('RATE_LI|MITED')");
    assert.deepEqual(target, { uri: 'file:///work/api.errors.yaml', line: 22, character: 2, text: 'RATE_LIMITED' });
  });

  it('from an enum-style identifier and from a comment', () => {
    assert.equal(targetText('if (e.code === ErrorCode.NotFo|und) {}')[0].text, 'NOT_FOUND');
    assert.equal(targetText('# AUTH-4|01 when the token expired', 'python')[0].text, 'AUTH-401');
  });

  it('from a status to the catalog\'s own entry for it, else the HTTP status catalog\'s', () => {
    const [documented] = targetText('res.status(4|29)');
    assert.deepEqual({ line: documented.line, text: documented.text }, { line: 15, text: '429' });
    const { document, position } = withCursor('res.status(5|03)');
    const [standard] = findDefinition(document, position, set);
    assert.equal(standard.uri, builtin('http-status').sourceUri);
  });

  it('nothing elsewhere', () => {
    assert.deepEqual(targetText('const x = 4|2'), []);
    assert.deepEqual(targetText("log('hel|lo')"), []);
  });
});
