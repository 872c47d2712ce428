/**
 * The standalone server with a real third-party client: Neovim's built-in LSP client, headless.
 * CI installs Neovim; elsewhere the test is skipped when `nvim` is not on the PATH.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, SERVER_PATH } from '../helpers/lspClient';
import { runs, skipUnless } from '../helpers/toolchains';

const skip = skipUnless(runs('nvim', ['--version']), 'nvim');

const CATALOG = `id: acme
title: Acme API
envelope:
  body:
    error:
      code: \${code}
      message: \${message}
codes:
  RATE_LIMITED:
    status: 429
    title: Too many requests
    description: The key sent more requests than its plan allows.
  NOT_FOUND:
    status: 404
    title: Not found
`;

const SOURCE = [
  "res.status(429).json({ error: { code: 'RATE_LIMITED' } })",
  "const builtin = 'INVALID_API_KEY'",
  "res.json({ code: '' })",
  '',
].join('\n');

interface NeovimResults {
  initialized: boolean;
  error?: string;
  codeHover: { contents: { value: string } } | null;
  statusHover: { contents: { value: string } } | null;
  builtinHover: unknown;
  completion: { items: { label: string; detail: string }[] } | { label: string }[];
  log: string[];
}

describe('standalone server in Neovim', { skip }, () => {
  it('answers hover and completion to Neovim\'s LSP client', { timeout: 60_000 }, async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-nvim-')));
    try {
      mkdirSync(join(root, 'src'));
      writeFileSync(join(root, 'api.errors.yaml'), CATALOG);
      const file = join(root, 'src', 'app.ts');
      writeFileSync(file, SOURCE);
      const out = join(root, 'results.json');
      const nvim = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(REPO_ROOT, 'test', 'protocol', 'fixtures', 'neovim-client.lua')}`, file], {
        env: { ...process.env, EC_SERVER: SERVER_PATH, EC_ROOT: root, EC_OUT: out },
        stdio: ['ignore', 'ignore', 'pipe'],
        // A safety net: Neovim is killed if it is still running after 50 s, so a stuck run cannot hang the suite.
        timeout: 50_000,
      });
      let stderr = '';
      nvim.stderr.on('data', (chunk) => { stderr += chunk; });
      const code = await new Promise<number | null>((resolve) => nvim.on('exit', resolve));
      assert.equal(code, 0, stderr);
      const results = JSON.parse(readFileSync(out, 'utf8')) as NeovimResults;
      assert.equal(results.error, undefined);
      assert.equal(results.initialized, true);
      assert.match(results.codeHover!.contents.value, /^\*\*`RATE_LIMITED`\*\* · 429 Too Many Requests/);
      assert.match(results.codeHover!.contents.value, /\*Acme API\*/);
      assert.match(results.statusHover!.contents.value, /^\*\*429 Too Many Requests\*\*/);
      // vim.NIL: a workspace catalog applies here, so the built-in connectify codes do not.
      assert.equal(results.builtinHover, null);
      const items = Array.isArray(results.completion) ? results.completion : results.completion.items;
      assert.deepEqual(items.map((i) => i.label).sort(), ['NOT_FOUND', 'RATE_LIMITED']);
      assert.ok(results.log.some((line) => line.includes('Loaded catalog') && line.includes('api.errors.yaml')), results.log.join('\n'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
