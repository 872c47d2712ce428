/**
 * `--fix` never writes over a file that changed on disk while the check ran: the check is run in
 * this process with a file system that edits the file between the read and the write.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseArguments, type CheckOptions } from '../../server/src/cli/arguments';
import { runCheck } from '../../server/src/cli/check';
import { nodeFileSystem, replaceFileIfUnchanged } from '../../server/src/node/fileSystem';
import { REPO_ROOT } from '../helpers/paths';

const CATALOG = 'id: shop\ntitle: Shop API\nenvelope:\n  body:\n    error:\n      code: ${code}\ncodes:\n  ORDER_NOT_FOUND:\n    status: 404\n';
const SOURCE = "res.status(404).json({ error: { code: 'ORDER_NOT_FUOND' } });\n";

describe('error-catalog check --fix and files that change meanwhile', () => {
  it('a file edited between the read and the write keeps the edit; the run says so', async () => {
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-fix-race-')));
    try {
      writeFileSync(join(folder, 'api.errors.yaml'), CATALOG);
      mkdirSync(join(folder, 'src'));
      const source = join(folder, 'src', 'app.ts');
      writeFileSync(source, SOURCE);
      const edited = `${SOURCE}// edited in the editor meanwhile\n`;
      const options = parseArguments(['check', '--fix']) as CheckOptions;
      const result = await runCheck(options, folder, {
        fs: nodeFileSystem(join(REPO_ROOT, 'catalog', 'builtin')),
        readSettingsFile: () => undefined,
        exists: (path) => existsSync(path),
        warn: () => undefined,
        replaceFile: (path, expected, text) => {
          writeFileSync(path, edited);
          return replaceFileIfUnchanged(path, expected, text);
        },
      });
      assert.equal(readFileSync(source, 'utf8'), edited);
      assert.deepEqual({ fixed: result.fixed, changed: result.changedWhileFixing, remaining: result.findings.map((f) => f.rule) }, { fixed: [], changed: ['src/app.ts'], remaining: ['unknown-code'] });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a file with a byte-order mark is fixed and keeps its mark', () => {
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-fix-bom-')));
    try {
      const path = join(folder, 'a.ts');
      writeFileSync(path, `\uFEFF${SOURCE}`);
      assert.equal(replaceFileIfUnchanged(path, SOURCE, 'fixed\n'), true);
      assert.equal(readFileSync(path, 'utf8'), '\uFEFFfixed\n');
      assert.equal(replaceFileIfUnchanged(path, SOURCE, 'again\n'), false);
      assert.equal(statSync(path).size, Buffer.byteLength('\uFEFFfixed\n'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
