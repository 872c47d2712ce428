/** The importers' reason phrases are the built-in HTTP status catalog's, so that every import names a status as hover does. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { OLDER_REASON_PHRASES, REASON_PHRASES } from '../../server/src/service/import/httpReasons';
import { builtin } from '../helpers/catalogs';

describe('reason phrases', () => {
  it('are the HTTP status catalog\'s, for every status it names', () => {
    const standard = builtin('http-status');
    for (const [status, reason] of REASON_PHRASES) {
      const entry = standard.statuses.get(status);
      assert.ok(entry, `${status} is in the HTTP status catalog`);
      // 418 is registered as unused; APIs still send it with its well-known name.
      if (status !== 418) assert.equal(reason, entry.reason, `${status}`);
    }
  });

  it('older names are not today\'s', () => {
    for (const [status, names] of OLDER_REASON_PHRASES) assert.ok(!names.includes(REASON_PHRASES.get(status)!), `${status}`);
  });
});
