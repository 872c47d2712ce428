/**
 * The packaged extension: `npm test` builds error-catalog.vsix first (`npm run package`); this
 * checks that it holds exactly the files a user needs, that its manifest is complete for the
 * Marketplace, and that the server inside it starts and answers.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, REPO_ROOT } from '../helpers/lspClient';
import { skipUnless } from '../helpers/toolchains';

const VSIX = join(REPO_ROOT, 'error-catalog.vsix');
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

describe('the packaged extension', { skip: skipUnless(hasUnzip, 'unzip') }, () => {
  let dir: string;

  before(() => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: \`npm test\` builds it with \`npm run package\` first`);
    dir = mkdtempSync(join(tmpdir(), 'error-catalog-vsix-'));
    const unzipped = spawnSync('unzip', ['-q', VSIX, '-d', dir], { encoding: 'utf8' });
    assert.equal(unzipped.status, 0, unzipped.stderr);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds only the bundles, the catalogs and schema, the docs and the icon', () => {
    const listing = spawnSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
    const builtins = ['connectify', 'dashed-codes', 'details-array', 'error-code-map', 'http-status', 'problem-details', 'success-meta'];
    assert.deepEqual(listing, [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      ...builtins.map((id) => `extension/catalog/builtin/${id}.errors.yaml`),
      'extension/catalog/error-catalog.schema.json',
      'extension/changelog.md',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/server-main.js',
      'extension/images/icon.png',
      'extension/images/walkthrough/check.md',
      'extension/images/walkthrough/create.md',
      'extension/images/walkthrough/hover.md',
      'extension/LICENSE.txt',
      'extension/package.json',
      'extension/readme.md',
    ].sort());
  });

  it('has a manifest complete for the Marketplace, runnable in VS Code 1.100 and code-server 4.100', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'extension', 'package.json'), 'utf8'));
    for (const field of ['publisher', 'displayName', 'description', 'categories', 'keywords', 'repository', 'license', 'icon', 'main', 'activationEvents']) {
      assert.ok(manifest[field], `package.json has ${field}`);
    }
    assert.equal(manifest.engines.vscode, '^1.100.0');
    const typesVscode = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies['@types/vscode'];
    assert.equal(typesVscode, '1.100.0', '@types/vscode matches the oldest VS Code the extension claims to run in');
    for (const part of ['configuration', 'commands', 'menus', 'jsonValidation', 'yamlValidation']) assert.ok(manifest.contributes[part], `contributes.${part}`);
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: ['*.errors.json'], url: './catalog/error-catalog.schema.json' }]);
    const commands = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(commands, ['errorCatalog.createCatalog', 'errorCatalog.explainErrorCode', 'errorCatalog.generateConstants', 'errorCatalog.generateDocs', 'errorCatalog.insertErrorHandling', 'errorCatalog.insertErrorResponse', 'errorCatalog.pickCatalog', 'errorCatalog.reload', 'errorCatalog.showOutput']);
    const client = readFileSync(join(dir, 'extension', 'dist', 'client.js'), 'utf8');
    for (const command of commands) assert.ok(client.includes(command), `the client registers ${command}`);
    // The walkthrough's pages are in the package, and its links run the extension's own commands.
    for (const walkthrough of manifest.contributes.walkthroughs as { steps: { description: string; media: { markdown?: string } }[] }[]) {
      for (const step of walkthrough.steps) {
        if (step.media.markdown) assert.ok(existsSync(join(dir, 'extension', step.media.markdown)), `${step.media.markdown} is packaged`);
        for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.includes(command), `${command} is contributed`);
      }
    }
  });

  it('starts the server it carries, which finds its built-in catalogs and answers a hover', async () => {
    const server = new LspClient(['--stdio'], dir, join(dir, 'extension', 'dist', 'server.js'));
    try {
      const folder = mkdtempSync(join(tmpdir(), 'error-catalog-vsix-ws-'));
      await server.initialize(folder);
      const first = await server.ready();
      assert.ok(first.catalogs.some((c) => c.id === 'connectify'));
      const uri = `file://${folder}/app.ts`;
      await server.open(uri, 'typescript', "const code = 'INVALID_API_KEY';\n");
      const hover = await server.hoverText(uri, { line: 0, character: 16 });
      assert.match(hover ?? '', /INVALID_API_KEY/);
      await server.shutdown();
      rmSync(folder, { recursive: true, force: true });
    } finally {
      await server.dispose();
    }
  });
});
