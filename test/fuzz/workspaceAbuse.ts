/**
 * A cloned repository's files and settings trying to make the server read outside its folder
 * (settings entries climbing out with `..`, absolute paths, symlinks to outside files and folders,
 * watched-file events with `..` and `%2e%2e`), and files that are not what their name says
 * (FIFOs named like catalogs, unreadable catalogs, a folder named like one).
 *
 * The canary catalogs outside the workspace define codes no case ever names: a server that read
 * them shows them in workspace symbols, in the codes of a document, or in catalogsChanged.
 */
import { yamlCatalog, yamlCode } from './crafted';
import type { FileSpec, FuzzCase, Step } from './fuzzCase';
import { fixed, QUICK, QUICK_SLOW, SLOW, type Family } from './family';

const LOCAL = { kind: 'file' as const, path: 'api.errors.yaml', content: yamlCatalog(yamlCode('LOCAL_CODE', 400)) };

/** Steps after which a catalog read from outside shows: every request that lists codes or catalogs. */
const REVEAL: readonly Step[] = [{ do: 'settle' }, { do: 'exercise' }];

function pathCase(seed: number, name: string, files: readonly FileSpec[], steps: readonly Step[], settings?: unknown): FuzzCase {
  return { family: 'path', name, seed, files: [LOCAL, ...files], steps: [...steps, ...REVEAL], settings, probe: { codes: ['LOCAL_CODE'], statuses: [400] } };
}

const settingsCase = (seed: number, name: string, catalogs: readonly string[], files: readonly FileSpec[] = []) => pathCase(seed, name, files, [], { catalogs });

function createdCase(seed: number, name: string, uri: string, files: readonly FileSpec[] = []): FuzzCase {
  return pathCase(seed, name, files, [{ do: 'watch', changes: [{ uri, type: 1 }] }]);
}

const linkToCanary: FileSpec = { kind: 'symlink', path: 'link.errors.yaml', target: '%OUTSIDE%/canary.errors.yaml' };
const linkToFolder: FileSpec = { kind: 'symlink', path: 'linked', target: '%OUTSIDE%/dir' };

export const pathFamily: Family = {
  name: 'path',
  about: 'settings entries and watched-file events that climb out of the workspace (.., %2e%2e, absolute paths, symlinks to files and folders)',
  fixed: [
    fixed((seed) => settingsCase(seed, 'an absolute settings entry through ..', ['%WS%/%TOROOT%/outside/canary.errors.yaml']), QUICK),
    fixed((seed) => settingsCase(seed, 'a relative settings entry through ..', ['%TOROOT%/outside/canary.errors.yaml'])),
    fixed((seed) => settingsCase(seed, 'an absolute settings entry outside', ['%OUTSIDE%/canary.errors.yaml'])),
    fixed((seed) => settingsCase(seed, 'settings globs reaching up', ['%TOROOT%/outside/*.errors.yaml', '../**/*.errors.json', '/**/canary.errors.yaml'])),
    fixed((seed) => settingsCase(seed, 'a settings entry through a file symlink', ['link.errors.yaml'], [linkToCanary]), QUICK),
    fixed((seed) => settingsCase(seed, 'a settings entry through a folder symlink', ['linked/inner.errors.yaml'], [linkToFolder]), QUICK),
    fixed((seed) => settingsCase(seed, 'a settings glob through a folder symlink', ['linked/*.errors.yaml'], [linkToFolder])),
    fixed((seed) => createdCase(seed, 'a created event for a file symlink', '%WSURI%/link.errors.yaml', [linkToCanary]), QUICK),
    fixed((seed) => createdCase(seed, 'a created event inside a folder symlink', '%WSURI%/linked/inner.errors.yaml', [linkToFolder]), QUICK),
    fixed((seed) => createdCase(seed, 'a created event with ..', '%WSURI%/../../outside/canary.errors.yaml'), QUICK),
    fixed((seed) => createdCase(seed, 'a created event with %2e%2e', '%WSURI%/%2e%2e/%2e%2e/outside/canary.errors.yaml'), QUICK),
    fixed((seed) => createdCase(seed, 'a created event with %2E%2E and .%2e', '%WSURI%/%2E%2E/.%2e/outside/canary.errors.json')),
    fixed((seed) => createdCase(seed, 'a created event with an encoded slash', '%WSURI%/..%2f..%2foutside%2fcanary.errors.yaml')),
    fixed((seed) => pathCase(seed, 'changed and deleted events with ..', [], [{ do: 'watch', changes: [{ uri: '%WSURI%/../../outside/canary.errors.yaml', type: 2 }, { uri: '%WSURI%/../../outside/dir/inner.errors.yaml', type: 3 }] }])),
    fixed((seed) => pathCase(seed, 'a catalog opened under a URI with ..', [], [{ do: 'open', path: '%WS%/../../outside/opened.errors.yaml', languageId: 'yaml', content: 'id: opened\ntitle: [broken\n' }])),
    fixed((seed) => settingsCase(seed, 'built-in entries that look like paths', ['builtin:../../outside/canary', 'builtin:__proto__', 'builtin:'])),
  ],
};

const fifo = (path: string): FileSpec => ({ kind: 'fifo', path });

export const specialFileFamily: Family = {
  name: 'special-file',
  about: 'FIFOs named like catalogs and sources (found, named in settings, announced as created), unreadable catalogs, a folder named like a catalog',
  fixed: [
    fixed((seed) => ({ family: 'special-file', name: 'a FIFO named like a catalog is announced as created', seed, files: [fifo('pipe.errors.yaml')], steps: [{ do: 'watch', changes: [{ uri: '%WSURI%/pipe.errors.yaml', type: 1 }] }, { do: 'probe' }] }), QUICK_SLOW),
    fixed((seed) => ({ family: 'special-file', name: 'a FIFO named in settings', seed, files: [fifo('pipe.errors.yaml')], steps: [{ do: 'settings', settings: { catalogs: ['pipe.errors.yaml'] } }, { do: 'probe' }] }), SLOW),
    fixed((seed) => ({
      family: 'special-file',
      name: 'a FIFO named like a source file, then references',
      seed,
      files: [LOCAL, fifo('src/pipe.ts')],
      steps: [
        { do: 'watch', changes: [{ uri: '%WSURI%/src/pipe.ts', type: 1 }] },
        { do: 'open', path: 'src/app.ts', languageId: 'typescript', content: "res.status(400).json({ error: { code: 'LOCAL_CODE' } });\n" },
        { do: 'request', method: 'textDocument/references', params: { textDocument: { uri: '%WSURI%/src/app.ts' }, position: { line: 0, character: 40 }, context: { includeDeclaration: true } } },
        { do: 'probe' },
      ],
    }), SLOW),
    fixed((seed) => ({ family: 'special-file', name: 'FIFOs named like catalogs, found by the scan only', seed, files: [LOCAL, fifo('pipe.errors.yaml'), fifo('sub/pipe.errors.json')], steps: [{ do: 'exercise' }], probe: { codes: ['LOCAL_CODE'], statuses: [] } })),
    fixed((seed) => ({
      family: 'special-file',
      name: 'an unreadable catalog (chmod 000)',
      seed,
      files: [{ kind: 'file', path: 'locked.errors.yaml', content: yamlCatalog(yamlCode('LOCKED_CODE', 400)), mode: 0o000 }],
      steps: [{ do: 'settle' }, { do: 'exercise' }],
      probe: { codes: ['LOCKED_CODE'], statuses: [] },
      expect: [{ path: 'locked.errors.yaml', reported: true, because: 'a catalog the server cannot read is only logged, never shown' }],
    }), QUICK),
    fixed((seed) => ({
      family: 'special-file',
      name: 'a catalog made unreadable while the server runs',
      seed,
      files: [{ kind: 'file', path: 'api.errors.yaml', content: yamlCatalog(yamlCode('LOCKED_CODE', 400)) }],
      steps: [{ do: 'chmod', path: 'api.errors.yaml', mode: 0o000 }, { do: 'watch', changes: [{ uri: '%WSURI%/api.errors.yaml', type: 2 }] }, { do: 'settle' }, { do: 'exercise' }],
      probe: { codes: ['LOCKED_CODE'], statuses: [] },
      expect: [{ path: 'api.errors.yaml', reported: true, because: 'a catalog the server cannot read is only logged, never shown' }],
    })),
    fixed((seed) => ({
      family: 'special-file',
      name: 'a folder named like a catalog, named in settings',
      seed,
      files: [{ kind: 'file', path: 'folder.errors.yaml/inside.txt', content: 'not a catalog\n' }],
      settings: { catalogs: ['folder.errors.yaml'] },
      steps: [{ do: 'settle' }, { do: 'exercise' }],
      expect: [{ path: 'folder.errors.yaml', reported: true, because: 'a catalog the server cannot read is only logged, never shown' }],
    })),
  ],
};
