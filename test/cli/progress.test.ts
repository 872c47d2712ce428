import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { progressLines } from '../../server/src/cli/progress';

describe('progress of a long check', () => {
  it('says nothing during the first second, then a line at most every second, and nothing at the end', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = progressLines(() => clock, (line) => lines.push(line));
    for (const [time, done] of [[100, 10], [900, 90], [1000, 100], [1500, 150], [2100, 210], [2200, 220], [3300, 330], [3400, 500]] as const) {
      clock = time;
      progress(done, 500);
    }
    assert.deepEqual(lines, ['error-catalog: checked 100 of 500 files…\n', 'error-catalog: checked 210 of 500 files…\n', 'error-catalog: checked 330 of 500 files…\n']);
  });
});
