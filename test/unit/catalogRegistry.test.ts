/**
 * The catalog registry over a file system that misbehaves: files that cannot be read, a loader that
 * throws, a queue task that fails. Each ends in a problem on the catalog file, the last good
 * version serving and the next task running, never in a stopped queue.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CatalogRegistry, resolveInside } from '../../server/src/session/catalogRegistry';
import { FileRefused, WorkspaceReader, type FileSystem } from '../../server/src/session/files';
import { SerialQueue } from '../../server/src/session/serialQueue';
import { DEFAULT_SETTINGS } from '../../server/src/session/settings';
import { builtinFiles } from '../helpers/catalogs';

const CATALOG = 'id: acme\ntitle: Acme API\nenvelope:\n  body:\n    code: ${code}\ncodes:\n  RATE_LIMITED:\n    status: 429\n';

/** An in-memory file system; `fail` makes reading a path throw what it returns. */
function memoryFileSystem(files: Map<string, string>, fail: (path: string) => Error | undefined = () => undefined): FileSystem {
  return {
    realpath: async (path) => {
      if (!files.has(path) && ![...files.keys()].some((f) => f.startsWith(`${path}/`))) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return path;
    },
    readRegularFile: async (path, maxBytes) => {
      const failure = fail(path);
      if (failure) throw failure;
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      if (text.length > maxBytes) throw new FileRefused('too-large', 'too large');
      return text;
    },
    readDirectory: async (path) => [...files.keys()].filter((f) => f.startsWith(`${path}/`) && !f.slice(path.length + 1).includes('/')).map((f) => ({ name: f.slice(path.length + 1), isFile: true, isDirectory: false })),
    readBuiltins: () => builtinFiles(),
  };
}

function registryOver(fs: FileSystem, loader?: ConstructorParameters<typeof CatalogRegistry>[3]) {
  const logs: string[] = [];
  const log = { info: (m: string) => logs.push(`info ${m}`), warn: (m: string) => logs.push(`warn ${m}`), error: (m: string) => logs.push(`error ${m}`) };
  const registry = new CatalogRegistry(fs, new WorkspaceReader(fs, () => ['/ws']), log, loader);
  registry.addFolder('/ws');
  return { registry, logs };
}

describe('catalog registry', () => {
  it('a catalog that cannot be read (no permission) gets a problem that says so, and its last good version serves', async () => {
    let denied = false;
    const files = new Map([['/ws/api.errors.yaml', CATALOG]]);
    const { registry } = registryOver(memoryFileSystem(files, () => (denied ? Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }) : undefined)));
    await registry.scanFolder('/ws', DEFAULT_SETTINGS, []);
    assert.equal(registry.catalogAt('/ws/api.errors.yaml')?.codes.size, 1);
    denied = true;
    await registry.loadFromDisk('/ws/api.errors.yaml', 1024);
    const state = registry.fileState('/ws/api.errors.yaml');
    assert.equal(state?.problems[0]?.code, 'catalog-unreadable');
    assert.match(state?.problems[0]?.message ?? '', /permission denied: give your user read access/);
    assert.equal(registry.catalogAt('/ws/api.errors.yaml')?.codes.size, 1, 'the last good version still serves');
  });

  it('a loader that throws is a problem of the file, and the catalogs after it still load', async () => {
    const files = new Map([['/ws/a.errors.yaml', CATALOG], ['/ws/b.errors.yaml', CATALOG.replace('acme', 'beta')]]);
    const { registry } = registryOver(memoryFileSystem(files), async ({ uri, text }) => {
      if (uri.endsWith('a.errors.yaml')) throw new RangeError('Maximum call stack size exceeded');
      const { loadCatalog } = await import('../../server/src/service/catalog/catalogLoader');
      return loadCatalog(uri, text);
    });
    await registry.scanFolder('/ws', DEFAULT_SETTINGS, []);
    assert.match(registry.fileState('/ws/a.errors.yaml')?.problems[0]?.message ?? '', /could not be read: Maximum call stack size exceeded/);
    assert.equal(registry.catalogAt('/ws/b.errors.yaml')?.id, 'beta');
  });

  it('a queue task that fails is logged, and the next one runs', async () => {
    const errors: unknown[] = [];
    const queue = new SerialQueue((error) => errors.push(error));
    const ran: string[] = [];
    await Promise.all([
      queue.run(() => { ran.push('first'); throw new Error('boom'); }),
      queue.run(async () => { ran.push('second'); }),
    ]);
    await queue.idle();
    assert.deepEqual(ran, ['first', 'second']);
    assert.equal((errors[0] as Error).message, 'boom');
  });

  it('paths from settings are resolved, and refused when they leave the folder', () => {
    assert.equal(resolveInside('/ws', 'docs/api.errors.yaml'), '/ws/docs/api.errors.yaml');
    assert.equal(resolveInside('/ws', '/ws/docs/../api.errors.yaml'), '/ws/api.errors.yaml');
    for (const escape of ['../outside/x.errors.yaml', '/ws/../outside/x.errors.yaml', '/ws/sub/../../etc/passwd', 'sub/../../x', '/wsx/a.errors.yaml', '/etc/passwd', '..']) {
      assert.equal(resolveInside('/ws', escape), undefined, escape);
    }
  });
});
