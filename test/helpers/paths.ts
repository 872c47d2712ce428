import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above the running test that has the catalog schema. */
export const REPO_ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'catalog', 'error-catalog.schema.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root (no catalog/error-catalog.schema.json above the tests)');
    dir = parent;
  }
  return dir;
})();
