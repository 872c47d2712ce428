/**
 * Checked catalogs remembered between runs, so that a server starting on an unchanged catalog skips
 * parsing and validating it: the check is kept in a cache folder (the editor's storage folder, or
 * the user's cache folder) under a hash of everything it depends on, the catalog's text, the server
 * that checked it and the HTTP statuses it was checked against. The same text always has the same
 * check, so a hit is as fresh as a new load. A cache entry that cannot be read is ignored.
 */
import { statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { catalogFromCheck, type CatalogCheck, type LoadOptions } from '../service/catalog/catalogLoader';
import type { CatalogLoader } from '../session/catalogRegistry';
import type { CatalogChecker } from './catalogWorker';

/** Smaller catalogs are checked faster than a cache entry is read. */
const MIN_CACHED_CHARACTERS = 64 * 1024;
/** Entries kept; the least recently written go first. */
const MAX_ENTRIES = 32;
/** A half-written entry this old was left by a server that stopped while writing it (another's is younger). */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/** The user's cache folder for the server, when the editor gives none. */
export function defaultCacheFolder(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'error-catalog', 'catalogs');
}

export class CatalogCache {
  private folder: string | undefined = defaultCacheFolder();
  /** What identifies this server build: a change to any of it makes every entry another key. */
  private readonly fingerprint: string;

  constructor(serverScript: string, private readonly log: (message: string) => void) {
    let build = 'unknown';
    try {
      const { size, mtimeMs } = statSync(serverScript);
      build = `${size}:${mtimeMs}`;
    } catch {
      // No fingerprint of the build: entries are still keyed by everything else.
    }
    this.fingerprint = build;
  }

  /** Uses this folder from now on (the editor's storage folder); undefined turns the cache off. */
  useFolder(folder: string | undefined): void {
    this.folder = folder;
  }

  keyOf(uri: string, text: string, options: LoadOptions): string {
    // Loaded on first use: most starts hash nothing before the first hover.
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    const hash = createHash('sha256');
    hash.update(`${this.fingerprint}\0${/\.jsonc?$/i.test(uri) ? 'json' : 'yaml'}\0`);
    hash.update(JSON.stringify([[...(options.knownStatuses ?? [])], [...(options.standardReasons ?? [])]]));
    hash.update('\0');
    hash.update(text);
    return hash.digest('hex');
  }

  async read(key: string): Promise<CatalogCheck | undefined> {
    if (!this.folder) return undefined;
    try {
      const entry = JSON.parse(await readFile(join(this.folder, `${key}.json`), 'utf8')) as { check?: CatalogCheck };
      return entry.check && Array.isArray(entry.check.problems) ? entry.check : undefined;
    } catch {
      return undefined;
    }
  }

  private readonly writing = new Set<Promise<void>>();

  /** Keeps a check for next time, in the background. */
  write(key: string, check: CatalogCheck): void {
    const done = this.store(key, check).finally(() => this.writing.delete(done));
    this.writing.add(done);
  }

  /** Resolves once every entry being written is written (before the server exits). */
  async flush(): Promise<void> {
    await Promise.all([...this.writing]);
  }

  /** Written aside and renamed, so that a reader never sees half an entry. */
  private async store(key: string, check: CatalogCheck): Promise<void> {
    const folder = this.folder;
    if (!folder) return;
    try {
      await mkdir(folder, { recursive: true });
      const temporary = join(folder, `${key}.${process.pid}.tmp`);
      await writeFile(temporary, JSON.stringify({ check }));
      await rename(temporary, join(folder, `${key}.json`));
      await this.prune(folder);
    } catch (error) {
      this.log(`Could not keep a checked catalog in ${folder}: ${(error as Error).message}`);
    }
  }

  private async prune(folder: string): Promise<void> {
    const all = await readdir(folder);
    await Promise.all(all.filter((name) => name.endsWith('.tmp')).map(async (name) => {
      const time = (await stat(join(folder, name)).catch(() => undefined))?.mtimeMs;
      if (time !== undefined && Date.now() - time > STALE_TEMPORARY_MS) await unlink(join(folder, name)).catch(() => undefined);
    }));
    const names = all.filter((name) => name.endsWith('.json'));
    if (names.length <= MAX_ENTRIES) return;
    const dated = await Promise.all(names.map(async (name) => ({ name, time: (await stat(join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
    dated.sort((a, b) => b.time - a.time);
    await Promise.all(dated.slice(MAX_ENTRIES).map(({ name }) => unlink(join(folder, name)).catch(() => undefined)));
  }
}

/** A loader that checks catalogs with `checker`, and remembers the checks of saved files in `cache`. */
export function cachingLoader(checker: CatalogChecker, cache: CatalogCache, log: (message: string) => void): CatalogLoader {
  return async ({ uri, text, options, saved }) => {
    const key = saved && text.length >= MIN_CACHED_CHARACTERS ? cache.keyOf(uri, text, options) : undefined;
    let check = key ? await cache.read(key) : undefined;
    if (check) log(`Catalog ${uri} is unchanged since it was last checked: using that check.`);
    else {
      check = await checker(uri, text, options);
      if (key) cache.write(key, check);
    }
    return catalogFromCheck(uri, text, check, options);
  };
}
