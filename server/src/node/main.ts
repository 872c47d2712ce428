/**
 * Node entry point of the language server: VS Code starts it over IPC, other editors run
 * `error-catalog-language-server --stdio`. It owns the runtime: the connection, the console, the
 * process's handlers and the file system. The server itself knows none of them.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { nodeFileSystem } from './fileSystem';
import { packageVersion } from './packageVersion';
import { FrameGuard } from './framing';
import { CatalogCache, cachingLoader } from './catalogCache';
import { isCatalogChecker, offThreadChecker, serveCatalogChecks } from './catalogWorker';

const USAGE = `error-catalog-language-server: the Error Catalog language server.

Usage: error-catalog-language-server --stdio
       (also --node-ipc, or --socket=PORT)
       error-catalog-language-server --version

It speaks the Language Server Protocol. Configure it from your editor's LSP client;
settings go under "errorCatalog" (see the README).`;

/** The bundle lives in dist/; the built-in catalogs ship beside it in catalog/builtin/. */
const BUILTIN_DIRECTORY = join(__dirname, '..', 'catalog', 'builtin');

// `errorCatalog.codePatterns` may come from a cloned repository's settings: a pattern that backtracks
// catastrophically falls back to V8's linear-time engine instead of freezing the server (patterns
// that engine cannot run are refused, see backtrackingProblem in session/settings.ts). The launcher
// (node/launcher.ts) sets it before this bundle is compiled, so that its code cache stays valid;
// this is for the bundle started on its own.
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--version')) {
    process.stdout.write(`error-catalog-language-server ${packageVersion()}\n`);
    return;
  }
  if (args.includes('--help') || args.includes('-h') || !args.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
  }
  // Over stdio, frames are kept in step by a guard (see framing.ts); over IPC, messages arrive whole.
  const stdio = args.includes('--stdio');
  let dropped = 0;
  const input = stdio ? process.stdin.pipe(new FrameGuard((bytes) => { dropped += bytes; })) : undefined;
  const connection = input ? createConnection(ProposedFeatures.all, input, process.stdout) : createConnection(ProposedFeatures.all);
  input?.on('data', () => {
    if (dropped === 0) return;
    connection.console.warn(`Skipped ${dropped} bytes of malformed input (a message header without a valid Content-Length).`);
    dropped = 0;
  });
  // Everything printed goes to the client's log, never to stdout (which carries the protocol under --stdio).
  console.log = connection.console.log.bind(connection.console);
  console.info = connection.console.info.bind(connection.console);
  console.warn = connection.console.warn.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`));
  const info = (message: string) => connection.console.info(message);
  const cache = new CatalogCache(__filename, info);
  startServer(connection, {
    fs: nodeFileSystem(BUILTIN_DIRECTORY),
    loadCatalog: cachingLoader(offThreadChecker(__filename, info), cache, info),
    useCacheFolder: (folder) => cache.useFolder(folder),
    flush: () => cache.flush(),
  });
}

if (isCatalogChecker) serveCatalogChecks();
else main();
