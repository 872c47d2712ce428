/**
 * Start-up caches, through the spawned server: a checked catalog is remembered in the cache folder
 * the client names and used by the next start while the catalog is unchanged; a changed catalog or
 * a damaged entry is checked afresh. The launcher keeps V8's code cache for the bundle, and a
 * damaged code cache never stops the server.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generatedCatalogYaml, generatedCode } from '../helpers/generate';
import { fileUri, folderFiles, LspClient, positionOf } from '../helpers/lspClient';

const TIMEOUT = { timeout: 60_000 };

describe('start-up caches', () => {
  let root: string;
  let folder: string;
  let cacheFolder: string;
  let codeCache: string;
  const code = generatedCode(7);
  const source = `res.status(400).json({ error: { code: '${code}' } });\n`;

  before(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-startup-')));
    folder = join(root, 'ws');
    cacheFolder = join(root, 'catalog-cache');
    codeCache = join(root, 'xdg');
    folderFiles(folder).write('api.errors.yaml', generatedCatalogYaml(2_000));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  /** Starts a server on the folder, hovers the code once the catalogs are in, stops it; returns its log. */
  async function startAndHover(): Promise<string[]> {
    const client = new LspClient(['--stdio'], root, undefined, { env: { XDG_CACHE_HOME: codeCache } });
    try {
      await client.initialize(folder, { initializationOptions: { cacheFolder } });
      const uri = fileUri(join(folder, 'src/a.ts'));
      await client.open(uri, 'typescript', source);
      assert.match(String(await client.hoverText(uri, positionOf(source, code, 2))), new RegExp(code));
      await client.shutdown();
      return client.logs;
    } finally {
      await client.dispose();
    }
  }

  const usedTheCache = (logs: string[]) => logs.some((l) => l.includes('is unchanged since it was last checked'));

  it('the first start checks the catalog and keeps the check; the next uses it', TIMEOUT, async () => {
    assert.equal(usedTheCache(await startAndHover()), false);
    assert.equal(readdirSync(cacheFolder).filter((f) => f.endsWith('.json')).length, 1);
    assert.equal(usedTheCache(await startAndHover()), true);
  });

  it('a changed catalog is checked afresh, and then kept too', TIMEOUT, async () => {
    folderFiles(folder).write('api.errors.yaml', `${generatedCatalogYaml(2_000)}  ADDED_LATER:\n    status: 409\n`);
    assert.equal(usedTheCache(await startAndHover()), false);
    assert.equal(usedTheCache(await startAndHover()), true);
  });

  it('half-written entries left by a server that stopped while writing are removed; a young one (being written) stays', TIMEOUT, async () => {
    const left = join(cacheFolder, 'left.123.tmp');
    const young = join(cacheFolder, 'young.456.tmp');
    writeFileSync(left, '{"check": ');
    writeFileSync(young, '{"check": ');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(left, hourAgo, hourAgo);
    // A changed catalog makes a new entry, and keeping it tidies the folder.
    folderFiles(folder).write('api.errors.yaml', `${generatedCatalogYaml(2_000)}  ADDED_AGAIN:\n    status: 409\n`);
    await startAndHover();
    assert.deepEqual({ left: existsSync(left), young: existsSync(young) }, { left: false, young: true });
    rmSync(young);
  });

  it('a damaged cache entry is ignored and the catalog checked afresh', TIMEOUT, async () => {
    for (const name of readdirSync(cacheFolder)) writeFileSync(join(cacheFolder, name), '{"check": {"value": ');
    const logs = await startAndHover();
    assert.equal(usedTheCache(logs), false);
    assert.ok(!logs.some((l) => l.startsWith('[error]')), logs.join('\n'));
  });

  it('the launcher writes the code cache, the next start takes it as it is, and a damaged one never stops the server', TIMEOUT, async () => {
    const files = () => readdirSync(join(codeCache, 'error-catalog', 'code')).filter((f) => f.endsWith('.v8'));
    assert.equal(files().length, 1, 'a code cache for this bundle and this Node');
    // A cache V8 refuses (one made under other flags than it is read with) would be written anew by every start.
    const written = statSync(join(codeCache, 'error-catalog', 'code', files()[0])).ino;
    await startAndHover();
    assert.equal(statSync(join(codeCache, 'error-catalog', 'code', files()[0])).ino, written, 'the cache was taken, not written again');
    for (const name of files()) writeFileSync(join(codeCache, 'error-catalog', 'code', name), 'not a code cache');
    await startAndHover();
    assert.equal(files().length, 1);
  });
});
