/**
 * The bundled language server over stdio, as an editor drives it: initialization, hover and
 * completion from built-in and workspace catalogs, reloads on file events, diagnostics in
 * broken catalog files, standalone configuration, monorepos and the command line.
 * Needs `node esbuild.mjs` first (`npm test` runs it). Every test has its own server and folder.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, before, describe, it } from 'node:test';
import type { CompletionList, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { cursor, fileUri, folderFiles, LspClient, positionOf, REPO_ROOT, runServer, SERVER_PATH, type InitializeOptions } from '../helpers/lspClient';

const TIMEOUT = { timeout: 15_000 };
const ERROR = 1; // DiagnosticSeverity.Error
const WARNING = 2;

// ---- catalogs ----

/** The Acme catalog; extra code entries go at the end (indented two spaces under `codes:`). */
function acmeYaml(extraCodes = ''): string {
  return [
    'id: acme',
    'title: Acme API',
    'envelope:',
    '  body:',
    '    error:',
    '      code: "${code}"',
    '      message: "${message}"',
    'codes:',
    '  RATE_LIMITED:',
    '    status: 429',
    '    title: Slow down',
    '    message: You are sending requests too quickly.',
    '    description: Acme allows 100 requests per minute for each API key.',
    '    causes:',
    '      - A client retries in a tight loop.',
    '    resolution:',
    '      - Wait for the time in Retry-After, then retry.',
    '  NOT_FOUND:',
    '    status: 404',
    '    title: No such resource',
    '    message: The resource does not exist.',
    '',
  ].join('\n') + extraCodes;
}

const NEW_CODE = ['  NEW_CODE:', '    status: 409', '    title: Brand new conflict', ''].join('\n');

/** Invalid YAML: line 8 has a plain scalar with `: ` in it, at column 11. */
const BROKEN_YAML = [
  'id: acme',
  'title: Acme API',
  'envelope:',
  '  body:',
  '    error: { code: "${code}" }',
  'codes:',
  '  RATE_LIMITED:',
  '    status: 429',
  '    title: Slow: down now',
  '',
].join('\n');

// ---- per-test server and folder ----

interface Workspace {
  readonly client: LspClient;
  readonly folder: string;
  path(relative: string): string;
  uri(relative: string): string;
  write(relative: string, text: string): string;
}

const running: { client: LspClient; folder: string }[] = [];

/** A temp folder with `files`, and a server initialized on it that has loaded its catalogs. */
async function start(files: Record<string, string>, options: InitializeOptions & { settings?: unknown; filesExclude?: Record<string, boolean> } = {}): Promise<Workspace> {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-')));
  const client = new LspClient();
  running.push({ client, folder });
  const { path, write } = folderFiles(folder);
  for (const [relative, text] of Object.entries(files)) write(relative, text);
  if (options.settings !== undefined) client.settings = options.settings;
  if (options.filesExclude !== undefined) client.filesExclude = options.filesExclude;
  await client.initialize(folder, options);
  if (options.initialized !== false) await client.ready();
  return { client, folder, path, uri: (relative) => fileUri(path(relative)), write };
}

afterEach(async () => {
  for (const { client, folder } of running.splice(0)) {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
});

function hasErrors(params: PublishDiagnosticsParams): boolean {
  return params.diagnostics.some((d) => d.severity === ERROR);
}

function only(diagnostics: readonly Diagnostic[], code: string, severity = ERROR): Diagnostic {
  const matching = diagnostics.filter((d) => d.code === code);
  assert.equal(matching.length, 1, `one ${code} diagnostic, got ${JSON.stringify(diagnostics, null, 2)}`);
  const [diagnostic] = matching;
  assert.equal(diagnostic.source, 'error-catalog');
  assert.equal(diagnostic.severity, severity);
  return diagnostic;
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function asList(result: unknown): CompletionList {
  assert.ok(result && typeof result === 'object' && !Array.isArray(result) && 'items' in result, `a CompletionList, got ${JSON.stringify(result)}`);
  return result as CompletionList;
}

describe('language server over stdio', () => {
  before(() => {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run \`node esbuild.mjs\` before the protocol tests`);
  });

  it('a. answers initialize with its capabilities and name, then announces the built-in catalogs', TIMEOUT, async () => {
    const { client, folder } = await start({}, { initialized: false });
    const result = client.initializeResult!;
    assert.equal(result.capabilities.hoverProvider, true);
    assert.equal(result.capabilities.completionProvider?.resolveProvider, true);
    assert.equal(result.serverInfo?.name, 'error-catalog-language-server');
    // Catalogs are loaded once the client says it is initialized.
    assert.equal(client.catalogsChanged.length, 0);
    await client.initialized();
    const first = await client.ready();
    const ids = first.catalogs.map((c) => c.id);
    assert.ok(ids.includes('http-status'), `ids: ${ids.join(', ')}`);
    assert.ok(ids.includes('connectify'), `ids: ${ids.join(', ')}`);
    assert.ok(first.catalogs.filter((c) => c.origin === 'builtin').every((c) => c.uri === `builtin:${c.id}` && c.errorCount === 0));
    assert.ok(first.catalogs.find((c) => c.id === 'connectify')!.codeCount >= 1);
    assert.equal(first.catalogs.filter((c) => c.origin === 'workspace').length, 0, `no catalog files in ${folder}`);
    // The client can watch files, so the server asks it to watch catalog files.
    const watch = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, `registrations: ${JSON.stringify(client.registrations)}`);
    assert.ok(JSON.stringify(watch.registerOptions).includes('**/*.errors.{yaml,yml,json}'));
    assert.deepEqual(await client.shutdown(), { code: 0, signal: null });
  });

  it('b. without a workspace catalog, hovers built-in codes and statuses used as statuses', TIMEOUT, async () => {
    const { client, uri } = await start({});
    const doc = uri('src/app.ts');
    const text = [
      "if (body.error.code === 'INVALID_API_KEY') refreshKey();",
      'res.status(429).send();',
      'const x = 429 + 1;',
      '',
    ].join('\n');
    await client.open(doc, 'typescript', text);

    const code = await client.hoverText(doc, positionOf(text, 'INVALID_API_KEY', 3));
    assert.ok(code, 'hover on INVALID_API_KEY');
    assert.ok(code.includes('INVALID_API_KEY'), code);
    assert.ok(code.includes('401'), code);
    const hover = await client.hover(doc, positionOf(text, 'INVALID_API_KEY', 3));
    assert.equal((hover?.contents as { kind: string }).kind, 'markdown');

    const status = await client.hoverText(doc, positionOf(text, '429)', 1));
    assert.ok(status, 'hover on res.status(429)');
    assert.ok(status.includes('Too Many Requests'), status);

    assert.equal(await client.hover(doc, positionOf(text, '429 + 1', 1)), null);
  });

  it('c. serves a workspace catalog: hover, ranked completion and resolve', TIMEOUT, async () => {
    const { client, uri } = await start({ 'api.errors.yaml': acmeYaml() });
    const catalogUri = uri('api.errors.yaml');
    const summary = client.catalogsChanged[0].catalogs.find((c) => c.uri === catalogUri);
    assert.deepEqual(summary && { id: summary.id, title: summary.title, codeCount: summary.codeCount, errorCount: summary.errorCount, origin: summary.origin },
      { id: 'acme', title: 'Acme API', codeCount: 2, errorCount: 0, origin: 'workspace' });

    // Hover
    const hoverDoc = uri('src/limits.ts');
    const hoverText = "if (err.code === 'RATE_LIMITED') backOff();\n";
    await client.open(hoverDoc, 'typescript', hoverText);
    const hover = await client.hoverText(hoverDoc, positionOf(hoverText, 'RATE_LIMITED', 4));
    assert.ok(hover, 'hover on RATE_LIMITED');
    assert.ok(hover.includes('RATE_LIMITED') && hover.includes('Acme API') && hover.includes('429'), hover);

    // Completion in a code position, no status nearby
    const plain = cursor('export const body = { error: { code: "|" } };\n');
    const plainDoc = uri('src/plain.ts');
    await client.open(plainDoc, 'typescript', plain.text);
    const list = asList(await client.completion(plainDoc, plain.position, { triggerKind: 2, triggerCharacter: '"' }));
    const labels = list.items.map((i) => i.label).sort();
    assert.deepEqual(labels, ['NOT_FOUND', 'RATE_LIMITED']);
    const limited = list.items.find((i) => i.label === 'RATE_LIMITED')!;
    assert.ok(limited.detail?.includes('429 Too Many Requests'), limited.detail);
    assert.ok(list.items.find((i) => i.label === 'NOT_FOUND')!.detail?.includes('404 Not Found'));
    assert.deepEqual(list.itemDefaults?.editRange, { start: plain.position, end: plain.position });
    assert.deepEqual(list.itemDefaults?.data, { uri: plainDoc });

    // A status mentioned on the line ranks its codes first, whichever it is.
    const rank = async (status: number) => {
      const site = cursor(`export function fail(res) { res.status(${status}).json({ error: { code: "|" } }); }\n`);
      const doc = uri(`src/status${status}.ts`);
      await client.open(doc, 'typescript', site.text);
      const ranked = asList(await client.completion(doc, site.position));
      const sortText = (label: string) => ranked.items.find((i) => i.label === label)?.sortText ?? '';
      return { notFound: sortText('NOT_FOUND'), rateLimited: sortText('RATE_LIMITED') };
    };
    const at404 = await rank(404);
    assert.ok(at404.notFound < at404.rateLimited, JSON.stringify(at404));
    const at429 = await rank(429);
    assert.ok(at429.rateLimited < at429.notFound, JSON.stringify(at429));

    // Resolve, with the data a client merges in from itemDefaults
    const resolved = await client.resolve({ ...limited, data: list.itemDefaults?.data });
    const documentation = resolved.documentation;
    assert.ok(documentation && typeof documentation === 'object' && documentation.kind === 'markdown', JSON.stringify(resolved));
    assert.ok(documentation.value.includes('Acme allows 100 requests per minute for each API key.'), documentation.value);
    assert.ok(documentation.value.includes('RATE_LIMITED'), documentation.value);
  });

  it('d. reloads a catalog changed on disk and adopts a new catalog file', TIMEOUT, async () => {
    const { client, uri, write } = await start({ 'api.errors.yaml': acmeYaml() });
    const doc = uri('src/app.ts');
    const text = "const a = 'NEW_CODE';\nconst b = 'OTHER_CODE';\n";
    await client.open(doc, 'typescript', text);
    assert.equal(await client.hover(doc, positionOf(text, 'NEW_CODE', 2)), null, 'NEW_CODE is not defined yet');

    const catalogUri = write('api.errors.yaml', acmeYaml(NEW_CODE));
    let changed = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: catalogUri, type: 2 }] });
    const afterChange = await changed;
    assert.equal(afterChange.catalogs.find((c) => c.uri === catalogUri)?.codeCount, 3);
    const newCode = await client.hoverText(doc, positionOf(text, 'NEW_CODE', 2));
    assert.ok(newCode?.includes('NEW_CODE') && newCode.includes('Brand new conflict') && newCode.includes('409'), String(newCode));

    assert.equal(await client.hover(doc, positionOf(text, 'OTHER_CODE', 2)), null, 'OTHER_CODE is not defined yet');
    const otherUri = write('other.errors.yaml', [
      'id: other',
      'title: Other API',
      'envelope:',
      '  body: { code: "${code}" }',
      'codes:',
      '  OTHER_CODE:',
      '    status: 400',
      '    title: From the other file',
      '',
    ].join('\n'));
    changed = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: otherUri, type: 1 }] });
    const afterCreate = await changed;
    assert.equal(afterCreate.catalogs.find((c) => c.uri === otherUri)?.id, 'other');
    const other = await client.hoverText(doc, positionOf(text, 'OTHER_CODE', 2));
    assert.ok(other?.includes('OTHER_CODE') && other.includes('Other API'), String(other));
    assert.ok((await client.hoverText(doc, positionOf(text, 'NEW_CODE', 2)))?.includes('Acme API'), 'the first catalog still applies');
  });

  describe('e. diagnostics in broken catalogs', () => {
    const diagnose = async (name: string, text: string) => {
      const { client, uri } = await start({ [name]: text });
      const published = await client.diagnosticsFor(uri(name), hasErrors);
      const summary = client.catalogsChanged[0].catalogs.find((c) => c.uri === uri(name));
      assert.ok(summary && summary.errorCount > 0, `the summary counts the errors: ${JSON.stringify(summary)}`);
      return published.diagnostics;
    };

    it('invalid YAML is catalog-syntax where the error is', TIMEOUT, async () => {
      const diagnostics = await diagnose('api.errors.yaml', BROKEN_YAML);
      const d = only(diagnostics, 'catalog-syntax');
      assert.deepEqual(d.range.start, { line: 8, character: 11 }, JSON.stringify(d));
    });

    it('a quoted status is catalog-schema on that value', TIMEOUT, async () => {
      const diagnostics = await diagnose('api.errors.yaml', [
        'id: acme',
        'title: Acme API',
        'envelope:',
        '  body:',
        '    error: { code: "${code}", message: "${message}" }',
        'codes:',
        '  NOT_FOUND:',
        '    status: 404',
        '  RATE_LIMITED:',
        '    status: "429"',
        '    title: Slow down',
        '',
      ].join('\n'));
      const d = only(diagnostics, 'catalog-schema');
      assert.deepEqual(d.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 17 } }, JSON.stringify(d));
      assert.ok(messageOf(d).includes('RATE_LIMITED'), messageOf(d));
    });

    it('a duplicate code is duplicate-code on the second one, naming the first line', TIMEOUT, async () => {
      const diagnostics = await diagnose('api.errors.yaml', [
        'id: acme',
        'title: Acme API',
        'envelope:',
        '  body:',
        '    error: { code: "${code}" }',
        'codes:',
        '  RATE_LIMITED:',
        '    status: 429',
        '  NOT_FOUND:',
        '    status: 404',
        '  RATE_LIMITED:',
        '    status: 503',
        '',
      ].join('\n'));
      const d = only(diagnostics, 'duplicate-code');
      assert.deepEqual(d.range, { start: { line: 10, character: 2 }, end: { line: 10, character: 14 } }, JSON.stringify(d));
      assert.match(messageOf(d), /RATE_LIMITED/);
      assert.match(messageOf(d), /\bline 7\b/, `the first definition is on line 7 (1-based): ${messageOf(d)}`);
    });

    it('an unregistered status is an unknown-status warning on the status value, and the catalog serves its codes', TIMEOUT, async () => {
      const text = [
        'id: acme',
        'title: Acme API',
        'envelope:',
        '  body:',
        '    error: { code: "${code}" }',
        'codes:',
        '  CLIENT_CLOSED_REQUEST:',
        '    status: 499',
        '',
      ].join('\n');
      const { client, uri } = await start({ 'api.errors.yaml': text });
      const published = await client.diagnosticsFor(uri('api.errors.yaml'), (p) => p.diagnostics.length > 0);
      const d = only(published.diagnostics, 'unknown-status', WARNING);
      assert.deepEqual(d.range, { start: { line: 7, character: 12 }, end: { line: 7, character: 15 } }, JSON.stringify(d));
      assert.match(messageOf(d), /499/);
      const summary = client.catalogsChanged[0].catalogs.find((c) => c.uri === uri('api.errors.yaml'));
      assert.deepEqual([summary?.codeCount, summary?.errorCount], [1, 0], JSON.stringify(summary));
    });

    it('an envelope without ${code} is missing-code-placeholder on `body`', TIMEOUT, async () => {
      const diagnostics = await diagnose('api.errors.yaml', [
        'id: acme',
        'title: Acme API',
        'envelope:',
        '  contentType: application/json',
        '  body:',
        '    error:',
        '      message: "${message}"',
        'codes:',
        '  RATE_LIMITED:',
        '    status: 429',
        '',
      ].join('\n'));
      const d = only(diagnostics, 'missing-code-placeholder');
      assert.deepEqual(d.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } }, JSON.stringify(d));
    });

    it('invalid JSON in a .errors.json file is catalog-syntax where the comma is missing', TIMEOUT, async () => {
      const diagnostics = await diagnose('api.errors.json', [
        '{',
        '  "id": "acme",',
        '  "title": "Acme API"',
        '  "envelope": { "body": { "error": { "code": "${code}" } } },',
        '  "codes": { "RATE_LIMITED": { "status": 429 } }',
        '}',
        '',
      ].join('\n'));
      const d = only(diagnostics, 'catalog-syntax');
      assert.deepEqual(d.range.start, { line: 3, character: 2 }, JSON.stringify(d));
    });
  });

  it('f. keeps serving the last good version of a catalog broken on disk, and logs the break once', TIMEOUT, async () => {
    const { client, uri, path, write } = await start({ 'api.errors.yaml': acmeYaml() });
    const catalogPath = path('api.errors.yaml');
    const catalogUri = uri('api.errors.yaml');
    const doc = uri('src/app.ts');
    const text = "if (err.code === 'RATE_LIMITED') backOff();\n";
    await client.open(doc, 'typescript', text);
    assert.ok((await client.hoverText(doc, positionOf(text, 'RATE_LIMITED', 2)))?.includes('Acme API'));

    const logsBefore = client.logs.length;
    write('api.errors.yaml', BROKEN_YAML);
    let changed = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: catalogUri, type: 2 }] });
    const published = await client.nextDiagnosticsFor(catalogUri);
    assert.ok(hasErrors(published), JSON.stringify(published));
    assert.deepEqual(only(published.diagnostics, 'catalog-syntax').range.start, { line: 8, character: 11 });
    const summary = (await changed).catalogs.find((c) => c.uri === catalogUri);
    assert.ok(summary && summary.errorCount > 0 && summary.codeCount === 2, `last good version counted: ${JSON.stringify(summary)}`);

    const hover = await client.hoverText(doc, positionOf(text, 'RATE_LIMITED', 2));
    assert.ok(hover?.includes('RATE_LIMITED') && hover.includes('Acme API'), `served from the last good version: ${hover}`);
    assert.ok(client.alive, 'the server is still running');

    const mentions = () => client.logs.slice(logsBefore).filter((line) => line.includes(catalogPath));
    assert.equal(mentions().length, 1, mentions().join('\n'));
    assert.ok(mentions()[0].startsWith('[warning]'), mentions()[0]);

    // The same broken file reported again: no second warning.
    changed = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: catalogUri, type: 2 }] });
    await changed;
    assert.equal(mentions().length, 1, mentions().join('\n'));
    assert.ok(client.alive);
  });

  it('g. validates an open catalog document as it is edited, and clears the diagnostics when fixed', TIMEOUT, async () => {
    const { client, uri } = await start({ 'api.errors.yaml': acmeYaml() });
    const catalogUri = uri('api.errors.yaml');
    await client.diagnosticsFor(catalogUri, (p) => p.diagnostics.length === 0); // the scan found it clean
    await client.open(catalogUri, 'yaml', acmeYaml());
    await client.change(catalogUri, BROKEN_YAML);
    const broken = await client.diagnosticsFor(catalogUri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(only(broken.diagnostics, 'catalog-syntax').range.start, { line: 8, character: 11 });

    await client.change(catalogUri, acmeYaml(NEW_CODE));
    const fixed = await client.diagnosticsFor(catalogUri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(fixed.diagnostics, []);

    // The buffer, not the file on disk, is what is served.
    const doc = uri('src/app.ts');
    const text = "const c = 'NEW_CODE';\n";
    await client.open(doc, 'typescript', text);
    assert.ok((await client.hoverText(doc, positionOf(text, 'NEW_CODE', 2)))?.includes('Acme API'));
  });

  it('h. takes settings from initialization options and pushed configuration when it cannot ask', TIMEOUT, async () => {
    const { client, uri } = await start({}, {
      capabilities: { workspace: { configuration: undefined } },
      initializationOptions: { settings: { errorCatalog: { builtins: ['dashed-codes'] } } },
    });
    const doc = uri('src/app.ts');
    const text = "const a = 'AUTH-401';\nconst b = 'INVALID_API_KEY';\n";
    await client.open(doc, 'typescript', text);
    const dashed = await client.hoverText(doc, positionOf(text, 'AUTH-401', 2));
    assert.ok(dashed?.includes('AUTH-401'), String(dashed));
    assert.equal(await client.hover(doc, positionOf(text, 'INVALID_API_KEY', 2)), null, 'connectify is not selected');

    const changed = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeConfiguration', { settings: { errorCatalog: { builtins: ['connectify'] } } });
    await changed;
    const connectify = await client.hoverText(doc, positionOf(text, 'INVALID_API_KEY', 2));
    assert.ok(connectify?.includes('INVALID_API_KEY') && connectify.includes('401'), String(connectify));
    assert.equal(await client.hover(doc, positionOf(text, 'AUTH-401', 2)), null, 'dashed-codes is no longer selected');
    assert.deepEqual(client.configurationRequests, [], 'a client without workspace.configuration is never asked');
  });

  it('h. pulls settings and files.exclude through workspace/configuration, and again after a change', TIMEOUT, async () => {
    const vendored = ['id: vendor', 'title: Vendored API', 'envelope:', '  body: { code: "${code}" }', 'codes:', '  VENDOR_CODE:', '    status: 400', ''].join('\n');
    const { client, uri } = await start({ 'vendor/v.errors.yaml': vendored }, {
      settings: { builtins: ['dashed-codes'] },
      filesExclude: { vendor: true, '**/tmp': false },
    });
    const first = client.catalogsChanged[0];
    assert.ok(!first.catalogs.some((c) => c.id === 'vendor'), 'files.exclude keeps vendor/ out');
    const sections = client.configurationRequests.flatMap((r) => r.items.map((i) => i.section));
    assert.ok(sections.includes('errorCatalog') && sections.includes('files.exclude'), sections.join(', '));

    const doc = uri('src/app.ts');
    const text = "const a = 'AUTH-401';\nconst b = 'INVALID_API_KEY';\nconst c = 'VENDOR_CODE';\n";
    await client.open(doc, 'typescript', text);
    assert.ok((await client.hoverText(doc, positionOf(text, 'AUTH-401', 2)))?.includes('AUTH-401'));
    assert.equal(await client.hover(doc, positionOf(text, 'INVALID_API_KEY', 2)), null);
    assert.equal(await client.hover(doc, positionOf(text, 'VENDOR_CODE', 2)), null);

    client.settings = { builtins: ['connectify'] };
    const changed = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await changed;
    assert.ok((await client.hoverText(doc, positionOf(text, 'INVALID_API_KEY', 2)))?.includes('INVALID_API_KEY'));
    assert.equal(await client.hover(doc, positionOf(text, 'AUTH-401', 2)), null);
  });

  it('i. in a monorepo, a document uses the catalog of its own package', TIMEOUT, async () => {
    const pkg = (id: string, title: string, code: string) => [
      `id: ${id}`,
      `title: ${title}`,
      'envelope:',
      '  body: { error: { code: "${code}" } }',
      'codes:',
      `  ${code}:`,
      '    status: 400',
      '',
    ].join('\n');
    const { client, uri } = await start({
      'packages/a/a.errors.yaml': pkg('pkg-a', 'Package A', 'A_ONLY'),
      'packages/b/b.errors.yaml': pkg('pkg-b', 'Package B', 'B_ONLY'),
    });
    const text = "const mine = 'A_ONLY';\nconst theirs = 'B_ONLY';\n";
    const inA = uri('packages/a/src/x.ts');
    const inB = uri('packages/b/x.ts');
    await client.open(inA, 'typescript', text);
    await client.open(inB, 'typescript', text);

    const aInA = await client.hoverText(inA, positionOf(text, 'A_ONLY', 2));
    assert.ok(aInA?.includes('A_ONLY') && aInA.includes('Package A'), String(aInA));
    assert.equal(await client.hover(inA, positionOf(text, 'B_ONLY', 2)), null);

    const bInB = await client.hoverText(inB, positionOf(text, 'B_ONLY', 2));
    assert.ok(bInB?.includes('B_ONLY') && bInB.includes('Package B'), String(bInB));
    assert.equal(await client.hover(inB, positionOf(text, 'A_ONLY', 2)), null);
  });

  it('i. in a multi-root workspace, each folder uses its own catalog', TIMEOUT, async () => {
    const catalog = (id: string, code: string) => [`id: ${id}`, `title: ${id} API`, 'envelope:', '  body: { code: "${code}" }', 'codes:', `  ${code}:`, '    status: 409', ''].join('\n');
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-')));
    for (const [name, code] of [['one', 'ONE_CODE'], ['two', 'TWO_CODE']]) {
      mkdirSync(join(folder, name));
      writeFileSync(join(folder, name, `${name}.errors.yaml`), catalog(name, code));
    }
    const multi = new LspClient();
    running.push({ client: multi, folder });
    await multi.initialize(null, { folders: [join(folder, 'one'), join(folder, 'two')] });
    await multi.ready();
    const uri = (relative: string) => fileUri(join(folder, relative));
    const text = "x('ONE_CODE', 'TWO_CODE')\n";
    const inOne = uri('one/src/a.ts');
    await multi.open(inOne, 'typescript', text);
    assert.ok((await multi.hoverText(inOne, positionOf(text, 'ONE_CODE', 2)))?.includes('one API'));
    assert.equal(await multi.hover(inOne, positionOf(text, 'TWO_CODE', 2)), null);
    const inTwo = uri('two/b.py');
    await multi.open(inTwo, 'python', text);
    assert.ok((await multi.hoverText(inTwo, positionOf(text, 'TWO_CODE', 2)))?.includes('two API'));
  });

  it('l. errorCatalog.catalogs adds files by path and glob, and built-ins, and refuses paths outside the folder', TIMEOUT, async () => {
    const catalog = (id: string, code: string) => [`id: ${id}`, `title: ${id} API`, 'envelope:', '  body: { code: "${code}" }', 'codes:', `  ${code}:`, '    status: 400', ''].join('\n');
    const { client, uri } = await start({
      'api.errors.yaml': acmeYaml(),
      'docs/api-errors.yaml': catalog('by-path', 'PATH_CODE'),
      'specs/v1/errors.json': JSON.stringify({ id: 'by-glob', title: 'by-glob API', envelope: { body: { code: '${code}' } }, codes: { GLOB_CODE: { status: 400 } } }),
    }, { settings: { catalogs: ['docs/api-errors.yaml', 'specs/**/errors.json', 'builtin:connectify', '../outside.errors.yaml'] } });
    const text = "f('PATH_CODE', 'GLOB_CODE', 'INVALID_API_KEY', 'RATE_LIMITED')\n";
    const doc = uri('src/app.ts');
    await client.open(doc, 'typescript', text);
    for (const [code, title] of [['PATH_CODE', 'by-path API'], ['GLOB_CODE', 'by-glob API'], ['INVALID_API_KEY', 'Connectify'], ['RATE_LIMITED', 'Acme API']]) {
      const hover = await client.hoverText(doc, positionOf(text, code, 2));
      assert.ok(hover?.includes(code) && hover.includes(title), `${code} comes from ${title}: ${hover}`);
    }
    assert.ok(client.logs.some((line) => line.startsWith('[warning]') && line.includes('../outside.errors.yaml') && line.includes('outside the workspace folder')), client.logs.join('\n'));
    const forDoc = await client.request('errorCatalog/catalogsForDocument', { uri: doc }) as { id: string }[];
    assert.deepEqual(forDoc.map((c) => c.id), ['acme', 'by-path', 'by-glob', 'connectify']);
  });

  it('j. prints usage and exits 2 without a transport, exits 0 for --help, and prints its version for --version', TIMEOUT, async () => {
    const bare = await runServer([]);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /Usage: error-catalog-language-server --stdio/);
    assert.equal(bare.stdout, '');
    const help = await runServer(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stderr, /Usage: error-catalog-language-server --stdio/);
    // `--version` prints the package's version on stdout (what an editor plugin shows or checks).
    const version = await runServer(['--version']);
    const { version: packageVersion } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual({ code: version.code, stdout: version.stdout }, { code: 0, stdout: `error-catalog-language-server ${packageVersion}\n` });
  });

  it('k. a catalog file created in an excluded folder (node_modules) is not adopted', TIMEOUT, async () => {
    const { client, uri, write } = await start({});
    const depUri = write('node_modules/dep/dep.errors.yaml', ['id: dep', 'title: Dependency API', 'envelope:', '  body: { code: "${code}" }', 'codes:', '  DEP_CODE:', '    status: 400', ''].join('\n'));
    const changed = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: depUri, type: 1 }] });
    const after = await changed;
    const doc = uri('src/app.ts');
    const text = "const c = 'DEP_CODE';\n";
    await client.open(doc, 'typescript', text);
    const hover = await client.hoverText(doc, positionOf(text, 'DEP_CODE', 2));
    assert.deepEqual({ listed: after.catalogs.some((c) => c.uri === depUri), hover }, { listed: false, hover: null });
  });

  it('k. catalogs in folders a .gitignore ignores are neither found by the scan nor adopted when created', TIMEOUT, async () => {
    const catalog = (id: string, code: string) => [`id: ${id}`, 'title: Copy', 'envelope:', '  body: { code: "${code}" }', 'codes:', `  ${code}:`, '    status: 400', ''].join('\n');
    const { client, uri, write } = await start({ '.gitignore': 'build/\n', 'build/old.errors.yaml': catalog('old', 'OLD_CODE') });
    const createdUri = write('build/new.errors.yaml', catalog('new', 'NEW_CODE'));
    const changed = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: createdUri, type: 1 }] });
    const after = await changed;
    const doc = uri('src/app.ts');
    const text = "const a = 'OLD_CODE';\nconst b = 'NEW_CODE';\n";
    await client.open(doc, 'typescript', text);
    const hovers = [await client.hoverText(doc, positionOf(text, 'OLD_CODE', 2)), await client.hoverText(doc, positionOf(text, 'NEW_CODE', 2))];
    assert.deepEqual({ listed: after.catalogs.filter((c) => c.uri.includes('/build/')).length, hovers }, { listed: 0, hovers: [null, null] });
  });

  it('k. removing a workspace folder drops its catalogs and clears their diagnostics', TIMEOUT, async () => {
    const { client, folder, uri } = await start({ 'api.errors.yaml': acmeYaml().replace('status: 404', 'status: "404"') });
    const catalogUri = uri('api.errors.yaml');
    await client.diagnosticsFor(catalogUri, hasErrors);
    const changed = client.nextCatalogsChanged();
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(folder), name: 'removed' }] } });
    const after = await changed;
    assert.deepEqual(
      { listed: after.catalogs.some((c) => c.uri === catalogUri), diagnostics: client.lastDiagnostics(catalogUri)?.diagnostics.length },
      { listed: false, diagnostics: 0 },
    );
  });
});
