/**
 * The workspace index: a file opened in the editor has its constants read at once, while the
 * build of the whole workspace has not reached it yet (or not even started).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Logger } from '../../server/src/session/catalogRegistry';
import { WorkspaceIndex } from '../../server/src/session/workspaceIndex';

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

describe('workspace index', () => {
  it('reads an opened file ahead of a build that has not reached it', async () => {
    const texts = new Map([
      ['/w/src/a.ts', "export enum Failure { Gone = 'ORDER_GONE' }\n"],
      ['/w/src/opened.ts', "export enum CheckoutFailure { Declined = 'CARD_DECLINED' }\nthrow new ApiError(CheckoutFailure.Declined);\n"],
    ]);
    let changes = 0;
    const index = new WorkspaceIndex({
      paths: () => [...texts.keys()],
      textOf: async (path) => texts.get(path),
      beginProgress: async () => undefined,
      changed: () => changes++,
      log: silent,
    });
    // The folder's scan has not listed the files yet: the build waits for it.
    let scanned!: () => void;
    void index.rebuild(new Promise<void>((resolve) => (scanned = resolve)));
    await index.fileOpened('/w/src/opened.ts');
    assert.deepEqual(index.constants.standingFor('CARD_DECLINED').map((b) => b.qualifiedName), ['CheckoutFailure.Declined']);
    assert.deepEqual(index.constants.standingFor('ORDER_GONE'), [], 'the rest waits for the build');
    assert.equal(changes, 1);
    scanned();
    await index.ready();
    assert.deepEqual(index.constants.standingFor('ORDER_GONE').map((b) => b.qualifiedName), ['Failure.Gone']);
    assert.deepEqual(index.constants.standingFor('CARD_DECLINED').map((b) => b.qualifiedName), ['CheckoutFailure.Declined']);
  });
});
