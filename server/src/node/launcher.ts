/**
 * `error-catalog-language-server` (dist/server.js): starts the server bundle (dist/server-main.js)
 * with V8's code cache. Compiling a bundle of a megabyte takes a good part of start-up; from the
 * second start on, V8 takes the compiled code from the cache instead (a cache made by another Node
 * or another build is refused by V8 or never found, and a new one is written).
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

const BUNDLE = join(__dirname, 'server-main.js');
/** Long enough for start-up's functions to be compiled, so that the cache holds them too. */
const WRITE_AFTER_MS = 5000;

/** The cache file for this bundle and this Node, or undefined when the bundle cannot be found. */
function cacheFile(): string | undefined {
  try {
    const { size, mtimeMs } = statSync(BUNDLE);
    const root = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    return join(root, 'error-catalog', 'code', `server-${process.version}-${size}-${Math.round(mtimeMs)}.v8`);
  } catch {
    return undefined;
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  try {
    return file ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, data);
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    // No cache this time: the next start compiles again.
  }
}

// V8 refuses a code cache made under other flags. The server sets this one as it starts (see
// node/main.ts); set here first, the cache is made and read under the same flags, else every start
// would refuse the last one's cache and compile the bundle again.
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

const file = cacheFile();
const cachedData = readCache(file);
const script = new Script(wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData });
const bundle = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(bundle.exports, bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE));
if (file && (!cachedData || script.cachedDataRejected)) {
  // Once start-up has compiled what it needs, or at exit if that comes first (a short-lived server).
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    writeCache(file, script.createCachedData());
  };
  setTimeout(write, WRITE_AFTER_MS).unref();
  process.once('exit', write);
}
