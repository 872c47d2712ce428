/// <reference types="mocha" />
/**
 * A monorepo (fixtures/monorepo): packages/a and packages/b each have their own catalog, and a
 * file in each package uses only its own package's catalog.
 */
import * as assert from 'node:assert/strict';
import { catalogAt, completionsAt, extensionApi, hoversAt, hoverWith, insideEmptyCode, labelOf, open, positionOf, scenario } from './helpers';

const CODES = ['A_ONLY', 'B_ONLY'];

scenario('monorepo', () => {
  suiteSetup(async () => {
    await extensionApi();
  });

  test('both package catalogs are loaded', async () => {
    const catalogs = (await extensionApi()).catalogs();
    assert.equal(catalogAt(catalogs, 'packages/a/a.errors.yaml')?.title, 'Service A API', JSON.stringify(catalogs));
    assert.equal(catalogAt(catalogs, 'packages/b/b.errors.yaml')?.title, 'Service B API', JSON.stringify(catalogs));
  });

  for (const [pkg, own, other, detail, title] of [
    ['a', 'A_ONLY', 'B_ONLY', '409 Conflict · Only in service A', 'Service A API'],
    ['b', 'B_ONLY', 'A_ONLY', '410 Gone · Only in service B', 'Service B API'],
  ] as const) {
    test(`packages/${pkg}: completion offers only package ${pkg}'s codes`, async () => {
      const document = await open(`packages/${pkg}/src/${pkg}.ts`);
      const items = await completionsAt(document, insideEmptyCode(document));
      const ours = items.filter((item) => CODES.includes(labelOf(item)));
      assert.deepEqual(ours.map(labelOf), [own], items.map(labelOf).join(', '));
      assert.equal(ours[0].detail, detail);
    });

    test(`packages/${pkg}: hover explains its own code, and not the other package's`, async () => {
      const document = await open(`packages/${pkg}/src/${pkg}.ts`);
      const hover = await hoverWith(document, positionOf(document, `known = '${own}'`, "known = '".length + 2), own);
      assert.ok(hover.includes(title), hover);
      const foreign = await hoversAt(document, positionOf(document, `foreign = '${other}'`, "foreign = '".length + 2));
      assert.deepEqual(foreign.filter((text) => text.includes(other)), [], `${other} is not explained in package ${pkg}`);
    });
  }
});
