/**
 * A cloned repository is untrusted input. Through the spawned server: paths that climb out of the
 * workspace, symbolic links, FIFOs and oversized files are never read; a bad catalog or a malformed
 * message never stops the server; a large catalog loads without holding up other folders; code
 * lenses refresh only when code usages change. A canary file outside the workspace must never show
 * in anything the server sends.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { CompletionList, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { fileUri, folderFiles, LspClient, positionOf, type InitializeOptions } from '../helpers/lspClient';

const TIMEOUT = { timeout: 60_000 };
const CANARY = 'CANARY_SECRET_7f3a';
const CATALOG = 'id: acme\ntitle: Acme API\nenvelope:\n  body:\n    error:\n      code: ${code}\n      message: ${message}\ncodes:\n  RATE_LIMITED:\n    status: 429\n  NOT_FOUND:\n    status: 404\n';
const SOURCE = "res.status(429).json({ error: { code: 'RATE_LIMITED', message: 'slow down' } });\n";

interface Sandbox {
  readonly client: LspClient;
  /** The workspace folder. */
  readonly folder: string;
  /** A folder beside it, holding the canary catalog. */
  readonly outside: string;
  path(relative: string): string;
  uri(relative: string): string;
  write(relative: string, text: string): string;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/**
 * A workspace folder `ws` holding `files`, beside `outside` (the canary) and any `otherFolders`
 * (further workspace folders), and a spawned server initialized on them.
 */
async function sandbox(files: Record<string, string>, options: InitializeOptions & { settings?: unknown; otherFolders?: Record<string, Record<string, string>>; waitReady?: boolean } = {}): Promise<Sandbox> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-untrusted-')));
  const folder = join(root, 'ws');
  const outside = join(root, 'outside');
  mkdirSync(folder);
  mkdirSync(outside);
  writeFileSync(join(outside, 'x.errors.yaml'), CATALOG.replace('RATE_LIMITED:', `${CANARY}:`).replace('Acme API', `${CANARY} API`));
  const { path, write } = folderFiles(folder);
  for (const [relative, text] of Object.entries(files)) write(relative, text);
  for (const [name, inFolder] of Object.entries(options.otherFolders ?? {})) {
    const other = folderFiles(join(root, name));
    for (const [relative, text] of Object.entries(inFolder)) other.write(relative, text);
  }
  const client = new LspClient();
  if (options.settings !== undefined) client.settings = options.settings;
  cleanups.push(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });
  await client.initialize(folder, { ...options, folders: [folder, ...Object.keys(options.otherFolders ?? {}).map((name) => join(root, name))] });
  if (options.waitReady !== false) await client.ready();
  return { client, folder, outside, path, uri: (relative) => fileUri(path(relative)), write };
}

/** Everything the server has sent so far, as one text: what must never hold the canary. */
function everythingSent(client: LspClient): string {
  return JSON.stringify([client.logs, [...client.diagnostics.entries()], client.catalogsChanged]);
}

function assertNothingFromOutside(box: Sandbox): void {
  const sent = everythingSent(box.client);
  assert.ok(!sent.includes(CANARY), 'the canary outside the workspace shows in what the server sent');
  for (const summary of box.client.catalogsChanged.flatMap((c) => c.catalogs)) {
    assert.ok(!summary.uri.includes('/outside/'), `a catalog outside the workspace was loaded: ${summary.uri}`);
  }
  for (const uri of box.client.diagnostics.keys()) assert.ok(!uri.includes('/outside/'), `diagnostics published outside the workspace: ${uri}`);
}

const errorsOf = (params: PublishDiagnosticsParams) => params.diagnostics.filter((d) => d.severity === 1);

describe('untrusted workspaces over the protocol', () => {
  it('settings entries that climb out of the folder are never read', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG, 'src/app.ts': `const c = '${CANARY}';\n` }, { waitReady: false });
    // Absolute entries name the folder's own path, known once it exists: set them, then reload.
    box.client.settings = { catalogs: ['../outside/x.errors.yaml', 'sub/../../outside/x.errors.yaml', `${box.folder}/../outside/x.errors.yaml`, `${box.folder}/sub/../../outside/x.errors.yaml`] };
    await box.client.ready();
    await box.client.request('errorCatalog/reload');
    await box.client.open(box.uri('src/app.ts'), 'typescript', `const c = '${CANARY}';\n`);
    assert.equal(await box.client.hover(box.uri('src/app.ts'), positionOf(`const c = '${CANARY}';\n`, CANARY, 3)), null);
    assert.ok(box.client.logs.filter((l) => l.includes('is outside the workspace folder')).length >= 4, box.client.logs.join('\n'));
    assertNothingFromOutside(box);
  });

  it('symbolic links to files and folders outside are not followed, whether named in settings or announced by a watcher', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG }, { settings: { catalogs: ['linked.errors.yaml', 'linkdir/x.errors.yaml'] }, waitReady: false });
    symlinkSync(join(box.outside, 'x.errors.yaml'), box.path('linked.errors.yaml'));
    symlinkSync(box.outside, box.path('linkdir'));
    await box.client.ready();
    await box.client.request('errorCatalog/reload');
    const linked = await box.client.diagnosticsFor(box.uri('linked.errors.yaml'), (p) => errorsOf(p).length > 0);
    assert.equal(linked.diagnostics[0].code, 'catalog-unreadable');
    assert.match(String(linked.diagnostics[0].message), /outside the workspace folders/);
    // A link that a `git pull` creates, announced by the file watcher.
    symlinkSync(join(box.outside, 'x.errors.yaml'), box.path('pulled.errors.yaml'));
    const changed = box.client.nextCatalogsChanged();
    await box.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: box.uri('pulled.errors.yaml'), type: 1 }] });
    await changed;
    const pulled = await box.client.diagnosticsFor(box.uri('pulled.errors.yaml'), (p) => errorsOf(p).length > 0);
    assert.match(String(pulled.diagnostics[0].message), /outside the workspace folders/);
    assertNothingFromOutside(box);
  });

  it('watched-file events whose URIs climb out with .. or %2e%2e are not read', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG });
    const changed = box.client.nextCatalogsChanged();
    await box.client.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: `${fileUri(box.folder)}/../outside/x.errors.yaml`, type: 1 },
        { uri: `${fileUri(box.folder)}/%2e%2e/outside/x.errors.yaml`, type: 2 },
        { uri: `${fileUri(box.folder)}/sub/%2E%2E/%2e%2e/outside/x.errors.yaml`, type: 1 },
      ],
    });
    await changed;
    assertNothingFromOutside(box);
  });

  it('a FIFO named like a catalog is not read, and blocks nothing', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG }, { settings: { catalogs: ['pipe.errors.yaml'] }, waitReady: false });
    assert.equal(spawnSync('mkfifo', [box.path('pipe.errors.yaml')]).status, 0);
    await box.client.ready();
    await box.client.request('errorCatalog/reload');
    const pipe = await box.client.diagnosticsFor(box.uri('pipe.errors.yaml'), (p) => errorsOf(p).length > 0);
    assert.match(String(pipe.diagnostics[0].message), /not a regular file/);
    await box.client.open(box.uri('src/a.ts'), 'typescript', SOURCE);
    assert.match(String(await box.client.hoverText(box.uri('src/a.ts'), positionOf(SOURCE, 'RATE_LIMITED', 2))), /RATE_LIMITED/);
  });

  it('a catalog over the size limit is refused before it is read, and the limit is a setting', TIMEOUT, async () => {
    const big = `${CATALOG}${Array.from({ length: 40_000 }, (_, i) => `  CODE_${i}:\n    status: 400\n    title: ${'x'.repeat(20)}\n`).join('')}`;
    const box = await sandbox({ 'api.errors.yaml': big }, { settings: { maxCatalogSizeMB: 1 }, waitReady: false });
    // A sparse file of 150 MB: refused by its size, never read into memory.
    box.write('huge.errors.yaml', '');
    truncateSync(box.path('huge.errors.yaml'), 150 * 1024 * 1024);
    await box.client.ready();
    await box.client.request('errorCatalog/reload');
    const huge = await box.client.diagnosticsFor(box.uri('huge.errors.yaml'), (p) => errorsOf(p).length > 0);
    assert.match(String(huge.diagnostics[0].message), /150 MB, larger than the 1 MB/);
    const api = await box.client.diagnosticsFor(box.uri('api.errors.yaml'), (p) => errorsOf(p).length > 0);
    assert.match(String(api.diagnostics[0].message), /maxCatalogSizeMB/);
    box.client.settings = { maxCatalogSizeMB: 4 };
    const reloaded = box.client.nextCatalogsChanged();
    await box.client.notify('workspace/didChangeConfiguration', { settings: {} });
    const summary = (await reloaded).catalogs.find((c) => c.uri === box.uri('api.errors.yaml'));
    assert.equal(summary?.codeCount, 40_002);
  });

  it('stays in step after a header without Content-Length, and says what it skipped', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG });
    box.client.writeRaw('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":999,"method":"shutdown"}garbage\r\n\r\n');
    await box.client.open(box.uri('src/a.ts'), 'typescript', SOURCE);
    assert.match(String(await box.client.hoverText(box.uri('src/a.ts'), positionOf(SOURCE, 'RATE_LIMITED', 2))), /RATE_LIMITED/);
    assert.ok(box.client.logs.some((l) => /Skipped \d+ bytes of malformed input/.test(l)), box.client.logs.join('\n'));
    assert.ok(box.client.alive);
  });

  it('answers malformed params with InvalidParams, and carries on', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG });
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: 5 }],
      ['textDocument/completion', { textDocument: { uri: 'file:///x' }, position: { line: 'one', character: 0 } }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///x' }, range: null, context: {} }],
      ['errorCatalog/explain', {}],
      ['errorCatalog/errorResponse', { uri: 'file:///x', code: 7 }],
    ] as const) {
      await assert.rejects(box.client.request(method, params), (error: { code?: number; message?: string }) => {
        assert.equal(error.code, -32602, `${method}: ${error.message}`);
        return true;
      });
    }
    assert.ok(!box.client.logs.some((l) => l.startsWith('[error]')), box.client.logs.join('\n'));
    await box.client.open(box.uri('src/a.ts'), 'typescript', SOURCE);
    assert.match(String(await box.client.hoverText(box.uri('src/a.ts'), positionOf(SOURCE, 'RATE_LIMITED', 2))), /RATE_LIMITED/);
  });

  it('a deleted event for an open catalog keeps its codes until the buffer closes', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG, 'src/a.ts': SOURCE });
    await box.client.open(box.uri('api.errors.yaml'), 'yaml', CATALOG);
    await box.client.open(box.uri('src/a.ts'), 'typescript', SOURCE);
    rmSync(box.path('api.errors.yaml'));
    const changed = box.client.nextCatalogsChanged();
    await box.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: box.uri('api.errors.yaml'), type: 3 }] });
    await changed;
    assert.match(String(await box.client.hoverText(box.uri('src/a.ts'), positionOf(SOURCE, 'RATE_LIMITED', 2))), /Acme API/);
    const closed = box.client.nextCatalogsChanged();
    await box.client.close(box.uri('api.errors.yaml'));
    assert.equal((await closed).catalogs.some((c) => c.uri === box.uri('api.errors.yaml')), false);
    assert.doesNotMatch(String(await box.client.hoverText(box.uri('src/a.ts'), positionOf(SOURCE, 'RATE_LIMITED', 2))), /Acme API/);
  });

  it('one broken catalog never stops the server: other folders are served, and fixing the file is enough', TIMEOUT, async () => {
    const deep = `${CATALOG}  DEEP:\n    status: 400\n    members: { x: ${'['.repeat(10_000)} }\n`;
    const box = await sandbox({ 'api.errors.yaml': deep }, { otherFolders: { other: { 'api.errors.yaml': CATALOG } } });
    const other = join(dirname(box.folder), 'other');
    const broken = await box.client.diagnosticsFor(box.uri('api.errors.yaml'), (p) => errorsOf(p).length > 0);
    assert.match(String(broken.diagnostics[0].message), /nested deeper than 64 levels/);
    const otherSource = fileUri(join(other, 'src/a.ts'));
    await box.client.open(otherSource, 'typescript', SOURCE);
    assert.match(String(await box.client.hoverText(otherSource, positionOf(SOURCE, 'RATE_LIMITED', 2))), /Acme API/);
    // Fixed on disk: the watcher's event is all it takes.
    box.write('api.errors.yaml', CATALOG);
    const changed = box.client.nextCatalogsChanged();
    await box.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: box.uri('api.errors.yaml'), type: 2 }] });
    const summary = (await changed).catalogs.find((c) => c.uri === box.uri('api.errors.yaml'));
    assert.deepEqual([summary?.codeCount, summary?.errorCount], [2, 0]);
    assert.ok(!box.client.logs.some((l) => /Maximum call stack/.test(l)), box.client.logs.join('\n'));
  });

  it('a large catalog loads in the background while another folder is answered', TIMEOUT, async () => {
    const codes = Array.from({ length: 120_000 }, (_, i) => `  BIG_CODE_${i}:\n    status: 400\n    title: A documented code number ${i}\n    description: ${'Something about this code. '.repeat(3)}\n`).join('');
    const box = await sandbox({ 'big.errors.yaml': `${CATALOG}${codes}` }, { otherFolders: { small: { 'api.errors.yaml': CATALOG } }, waitReady: false });
    const smallSource = fileUri(join(dirname(box.folder), 'small', 'src/a.ts'));
    await box.client.waitFor(() => box.client.logs.find((l) => /Reading catalog .*big\.errors\.yaml .* in the background/.test(l)), 'the big catalog to start loading');
    await box.client.open(smallSource, 'typescript', SOURCE);
    const hover = await box.client.hoverText(smallSource, positionOf(SOURCE, 'RATE_LIMITED', 2));
    assert.match(String(hover), /Acme API/);
    assert.ok(!box.client.logs.some((l) => /Loaded catalog .*big\.errors\.yaml/.test(l)), 'the other folder was answered before the big catalog finished loading');
    await box.client.ready();
    assert.ok(box.client.logs.some((l) => /Loaded catalog .*big\.errors\.yaml: 120002 codes/.test(l)), box.client.logs.slice(-5).join('\n'));
  });

  it('code lenses refresh once edits pause, and only when a file\'s code usages changed', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG, 'src/a.ts': SOURCE, 'src/b.ts': SOURCE }, { capabilities: { workspace: { codeLens: { refreshSupport: true } } } });
    await box.client.open(box.uri('src/a.ts'), 'typescript', SOURCE);
    await box.client.open(box.uri('src/b.ts'), 'typescript', SOURCE);
    await box.client.waitFor(() => (box.client.lensRefreshes >= 1 ? true : undefined), 'the refresh after the first load');
    const before = box.client.lensRefreshes;
    // Twenty keystrokes in a comment of a.ts: the codes it uses stay the same.
    let text = `// note\n${SOURCE}`;
    await box.client.change(box.uri('src/a.ts'), text);
    for (let i = 0; i < 20; i++) {
      await box.client.edit(box.uri('src/a.ts'), { start: { line: 0, character: 7 + i }, end: { line: 0, character: 7 + i } }, 'x');
      text = text.slice(0, 7 + i) + 'x' + text.slice(7 + i);
    }
    // One edit in b.ts that uses another code.
    await box.client.change(box.uri('src/b.ts'), `${SOURCE}const e = { error: { code: 'NOT_FOUND' } };\n`);
    await box.client.waitFor(() => (box.client.lensRefreshes > before ? true : undefined), 'a lens refresh');
    assert.equal(box.client.lensRefreshes, before + 1);
    assert.ok(box.client.logs.some((l) => l.includes('Code usages changed in') && l.includes('src/b.ts')), box.client.logs.join('\n'));
    assert.ok(!box.client.logs.some((l) => l.includes('Code usages changed in') && l.includes('src/a.ts')), box.client.logs.join('\n'));
  });

  it('a code pattern that backtracks catastrophically runs in linear time; one that cannot is refused with a warning', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG }, { settings: { codePatterns: ['((?:[A-Z]+_?)+)$', '(\\w+)\\1$'] } });
    // 5,000 capitals and a lower-case letter: nested quantifiers that a backtracking engine would try 2^5000 ways.
    const text = `${SOURCE}const banner = "${'A'.repeat(5000)}a";\n`;
    await box.client.open(box.uri('src/a.ts'), 'typescript', text);
    await box.client.diagnosticsFor(box.uri('src/a.ts'));
    assert.match(String(await box.client.hoverText(box.uri('src/a.ts'), positionOf(text, 'RATE_LIMITED', 2))), /RATE_LIMITED/);
    assert.ok(box.client.logs.some((l) => l.startsWith('[warning]') && l.includes('cannot be used: backreferences')), box.client.logs.join('\n'));
  });

  it('completes and hovers on a line of a megabyte', TIMEOUT, async () => {
    const box = await sandbox({ 'api.errors.yaml': CATALOG });
    const line = `${'const x = [1, 200, 404, "a"]; '.repeat(35_000)}res.status(404).json({ error: { code: '' } });`;
    await box.client.open(box.uri('src/min.js'), 'javascript', line);
    const list = await box.client.completion(box.uri('src/min.js'), { line: 0, character: line.lastIndexOf("''") + 1 }) as CompletionList;
    assert.deepEqual(list.items.map((i) => i.label), ['NOT_FOUND', 'RATE_LIMITED'], 'the 404 nearby ranks NOT_FOUND first');
    assert.match(String(await box.client.hoverText(box.uri('src/min.js'), { line: 0, character: line.lastIndexOf('404') + 1 })), /404 Not Found/);
  });
});
