/**
 * Which catalogs a document uses (monorepos, multi-root), settings parsing, and that the
 * settings VS Code shows are exactly the ones the server reads.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveInside } from '../../server/src/session/catalogRegistry';
import { catalogFilesFor } from '../../server/src/service/catalog/catalogScope';
import { BUILTIN_IDS, DEFAULT_SETTINGS, readSettings } from '../../server/src/session/settings';
import { REPO_ROOT, builtinFiles } from '../helpers/catalogs';

describe('catalog scope', () => {
  const discovered = ['/repo/api.errors.yaml', '/repo/packages/a/a.errors.yaml', '/repo/packages/b/b.errors.yaml', '/repo/packages/b/more.errors.json'];

  it('a document uses the nearest catalogs, walking up', () => {
    assert.deepEqual(catalogFilesFor({ documentPath: '/repo/packages/a/src/deep/x.ts', folderPath: '/repo', discovered, configured: [] }), ['/repo/packages/a/a.errors.yaml']);
    assert.deepEqual(catalogFilesFor({ documentPath: '/repo/packages/b/x.ts', folderPath: '/repo', discovered, configured: [] }), ['/repo/packages/b/b.errors.yaml', '/repo/packages/b/more.errors.json']);
    assert.deepEqual(catalogFilesFor({ documentPath: '/repo/tools/x.ts', folderPath: '/repo', discovered, configured: [] }), ['/repo/api.errors.yaml']);
  });

  it('with no catalog above it, a document uses every catalog of its folder, shallowest first', () => {
    const nested = discovered.slice(1);
    assert.deepEqual(catalogFilesFor({ documentPath: '/repo/tools/x.ts', folderPath: '/repo', discovered: nested, configured: [] }), ['/repo/packages/a/a.errors.yaml', '/repo/packages/b/b.errors.yaml', '/repo/packages/b/more.errors.json']);
  });

  it('configured catalogs always join, after the nearest', () => {
    assert.deepEqual(catalogFilesFor({ documentPath: '/repo/packages/a/x.ts', folderPath: '/repo', discovered, configured: ['/repo/docs/errors.yaml'] }), ['/repo/packages/a/a.errors.yaml', '/repo/docs/errors.yaml']);
  });

  it('nothing found means the built-ins', () => {
    assert.deepEqual(catalogFilesFor({ documentPath: '/x/y.ts', folderPath: '/x', discovered: [], configured: [] }), []);
  });

  it('configured paths never leave the workspace folder', () => {
    assert.equal(resolveInside('/repo', 'docs/errors.yaml'), '/repo/docs/errors.yaml');
    assert.equal(resolveInside('/repo', './a/../b.yaml'), '/repo/b.yaml');
    assert.equal(resolveInside('/repo', '../secrets.yaml'), undefined);
    assert.equal(resolveInside('/repo', 'a/../../etc/passwd'), undefined);
    assert.equal(resolveInside('/repo', '/etc/passwd'), undefined);
    assert.equal(resolveInside('/repo', '/repo/x.yaml'), '/repo/x.yaml');
  });
});

describe('settings', () => {
  it('defaults when nothing is given', () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
  });

  it('values of the wrong type fall back to the default and are reported', () => {
    const reports: string[] = [];
    const settings = readSettings({ catalogs: 'api.yaml', hover: { enabled: 'yes' }, completion: { maxItems: 20 } }, (m) => reports.push(m));
    assert.deepEqual(settings.catalogs, []);
    assert.equal(settings.hover.enabled, true);
    assert.equal(settings.completion.maxItems, 20);
    assert.deepEqual(reports, ['Setting errorCatalog.catalogs has the wrong type; using the default.', 'Setting errorCatalog.hover.enabled has the wrong type; using the default.']);
  });

  it('package.json contributes exactly the settings the server reads, with the same defaults', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; markdownDescription?: string }>;
    const flatten = (value: object, prefix: string): [string, unknown][] => Object.entries(value).flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? flatten(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]);
    const serverDefaults = Object.fromEntries(flatten({ ...DEFAULT_SETTINGS, exclude: [] }, 'errorCatalog.'));
    const contributed = Object.fromEntries(Object.entries(properties).filter(([k]) => k !== 'errorCatalog.trace.server').map(([k, v]) => [k, v.default]));
    assert.deepEqual(contributed, serverDefaults);
    for (const [key, value] of Object.entries(properties)) assert.ok(value.markdownDescription, `${key} has a markdownDescription`);
  });

  it('the built-in ids in settings are the built-in catalogs that ship', () => {
    const ids = builtinFiles().map((f) => f.path.slice(f.path.lastIndexOf('/') + 1).replace('.errors.yaml', ''));
    assert.deepEqual([...BUILTIN_IDS].sort(), ids.sort());
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties['errorCatalog.builtins'].items.enum, [...BUILTIN_IDS]);
  });

  it('activation covers every language the client serves', async () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const source = readFileSync(join(REPO_ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const languages = [...(/LANGUAGES = \[([^\]]+)\]/.exec(source)?.[1] ?? '').matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
    assert.ok(languages.length >= 17);
    assert.deepEqual(manifest.activationEvents.filter((e: string) => e.startsWith('onLanguage:')).map((e: string) => e.slice(11)), languages);
  });
});
