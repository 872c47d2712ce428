import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { editDistance } from '../../server/src/service/catalog/catalogSet';
import { Random } from '../fuzz/random';

/** The textbook dynamic programme, over the whole matrix. */
function reference(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return rows[a.length][b.length];
}

describe('edit distance within a bound', () => {
  it('equals the full computation when within the bound, and is bound + 1 beyond it', () => {
    const random = new Random(20261130);
    const word = () => Array.from({ length: random.int(0, 14) }, () => 'ABC_'[random.int(0, 4)]).join('');
    for (let n = 0; n < 3000; n++) {
      const a = word();
      const b = random.int(0, 3) === 0 ? a.slice(0, random.int(0, a.length)) + word().slice(0, 2) + a.slice(random.int(0, a.length)) : word();
      const bound = [0, 1, 2, 3, 5, Infinity][random.int(0, 6)];
      const exact = reference(a, b);
      assert.equal(editDistance(a, b, bound), exact <= bound ? exact : bound + 1, `${a} ${b} ${bound}`);
    }
  });
});
