/**
 * Node entry point of the language server: VS Code starts it over IPC, other editors run
 * `error-catalog-language-server --stdio`. It creates the connection and the file system; the
 * server itself knows no runtime.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { CatalogFileSystem } from '../session/catalogRegistry';
import { startServer } from '../server';

const USAGE = `error-catalog-language-server: the Error Catalog language server.

Usage: error-catalog-language-server --stdio
       (also --node-ipc, or --socket=PORT)

It speaks the Language Server Protocol. Configure it from your editor's LSP client;
settings go under "errorCatalog" (see the README).`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || !args.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}

/** The bundle lives in dist/; the built-in catalogs ship beside it in catalog/builtin/. */
const builtinDirectory = join(__dirname, '..', 'catalog', 'builtin');

const fs: CatalogFileSystem = {
  readFile: (path) => readFile(path, 'utf8'),
  readDirectory: async (path) => (await readdir(path, { withFileTypes: true })).map((entry) => ({
    name: entry.name,
    isFile: entry.isFile(),
    isDirectory: entry.isDirectory(),
  })),
  readBuiltins: () => readdirSync(builtinDirectory)
    .filter((name) => /\.errors\.ya?ml$/.test(name))
    .map((name) => ({ path: join(builtinDirectory, name), text: readFileSync(join(builtinDirectory, name), 'utf8') })),
};

startServer(createConnection(ProposedFeatures.all), { fs });
