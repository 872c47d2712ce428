/**
 * Where catalogs come from and which ones are in force: the built-ins shipped with the
 * server, the catalog files found in each workspace folder, and the files the settings name.
 * Keeps the last good version of every file, so a broken edit never takes codes away.
 */
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import { lineOf, loadCatalog } from '../service/catalog/catalogLoader';
import { languageOfPath } from '../service/features/references';
import { catalogFilesFor } from '../service/catalog/catalogScope';
import { CatalogSet } from '../service/catalog/catalogSet';
import { CatalogProblemCode, type Catalog, type CatalogProblem } from '../service/catalog/model';
import type { CatalogSummary } from '../protocol';
import type { Settings } from './settings';

/** The file system as the store needs it; the runtime entry point provides it. */
export interface CatalogFileSystem {
  readFile(path: string): Promise<string>;
  /** Entries of a folder; symbolic links are reported as neither file nor directory and are not followed. */
  readDirectory(path: string): Promise<{ name: string; isFile: boolean; isDirectory: boolean }[]>;
  /** The files in a folder of built-in catalogs, read synchronously once at start. */
  readBuiltins(): { path: string; text: string }[];
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const CATALOG_FILE = /\.errors\.(?:ya?ml|json)$/i;
const MAX_ENTRIES_PER_FOLDER = 200_000;
/** A catalog of 100,000 documented codes is about 10 MB of YAML. */
const MAX_CATALOG_BYTES = 64 * 1024 * 1024;

interface CatalogFile {
  readonly path: string;
  readonly uri: string;
  text: string;
  /** The last version without errors, served while the file is broken. */
  good?: Catalog;
  problems: readonly CatalogProblem[];
  /** What was last logged about this file, so each state is logged once. */
  logged?: string;
}

interface FolderState {
  readonly path: string;
  /** Whether a folder-relative path is excluded from the search (the same test for scans and for new files). */
  readonly excluded: (relativePath: string) => boolean;
  discovered: string[];
  configured: string[];
  configuredBuiltins: string[];
  /** Source files (by extension) found on the same walk, for references and rename. */
  sources: string[];
}

export class CatalogStore {
  private readonly files = new Map<string, CatalogFile>();
  private readonly folders = new Map<string, FolderState>();
  private builtinCatalogs?: Map<string, Catalog>;
  private readonly setCache = new Map<string, CatalogSet>();

  constructor(private readonly fs: CatalogFileSystem, private readonly log: Logger) {}

  /** Built-in catalogs by id, loaded on first use. They are validated by the test suite, not at run time. */
  builtins(): ReadonlyMap<string, Catalog> {
    if (!this.builtinCatalogs) {
      this.builtinCatalogs = new Map();
      for (const { path, text } of this.fs.readBuiltins()) {
        const id = path.slice(path.lastIndexOf('/') + 1).replace(/\.errors\.ya?ml$/, '');
        const result = loadCatalog(`builtin:${id}`, text, { origin: 'builtin', validate: false, sourceUri: URI.file(path).toString() });
        if (result.catalog) this.builtinCatalogs.set(result.catalog.id, result.catalog);
        else this.log.error(`Built-in catalog ${path} did not load: ${result.problems.map((p) => p.message).join(' ')}`);
      }
    }
    return this.builtinCatalogs;
  }

  /** The HTTP status catalog, consulted for every status. */
  standard(): Catalog | undefined {
    return this.builtins().get('http-status');
  }

  /** The HTTP status catalog's reason phrases, by status. */
  standardReasons(): Map<number, string> {
    return new Map([...(this.standard()?.statuses.values() ?? [])].flatMap((s) => (s.reason && !s.reason.startsWith('(') ? [[s.status, s.reason] as [number, string]] : [])));
  }

  knownStatuses(): Set<number> {
    return new Set(this.standard()?.statuses.keys() ?? []);
  }

  /** Finds the catalog files of a workspace folder and loads them. Returns the files whose problems may have changed. */
  async scanFolder(folderPath: string, settings: Settings, extraExcludes: readonly string[]): Promise<string[]> {
    const excluded = picomatch([...settings.exclude, ...extraExcludes], { dot: true });
    const configuredGlobs: string[] = [];
    const configured: string[] = [];
    const configuredBuiltins: string[] = [];
    for (const entry of settings.catalogs) {
      if (entry.startsWith('builtin:')) {
        configuredBuiltins.push(entry.slice('builtin:'.length));
      } else if (/[*?[\]{}]/.test(entry)) {
        configuredGlobs.push(entry.replace(/^\.\//, ''));
      } else {
        const path = resolveInside(folderPath, entry);
        if (path) configured.push(path);
        else this.log.warn(`Setting errorCatalog.catalogs: "${entry}" is outside the workspace folder ${folderPath}; only files inside it are read.`);
      }
    }
    const isConfigured = configuredGlobs.length > 0 ? picomatch(configuredGlobs, { dot: true }) : () => false;
    const discovered: string[] = [];
    const sources: string[] = [];
    let visited = 0;
    const walk = async (dir: string, relative: string): Promise<void> => {
      let entries: Awaited<ReturnType<CatalogFileSystem['readDirectory']>>;
      try {
        entries = await this.fs.readDirectory(dir);
      } catch {
        return; // unreadable folders are skipped, as editors do
      }
      for (const entry of entries) {
        if (++visited > MAX_ENTRIES_PER_FOLDER) return;
        const rel = relative ? `${relative}/${entry.name}` : entry.name;
        if (excluded(rel)) continue;
        const path = `${dir === '/' ? '' : dir}/${entry.name}`;
        if (entry.isDirectory) await walk(path, rel);
        else if (entry.isFile && CATALOG_FILE.test(entry.name)) discovered.push(path);
        else if (entry.isFile && isConfigured(rel)) configured.push(path);
        else if (entry.isFile && languageOfPath(entry.name) !== undefined) sources.push(path);
      }
    };
    await walk(folderPath, '');
    if (visited > MAX_ENTRIES_PER_FOLDER) {
      this.log.warn(`Stopped looking for catalogs in ${folderPath} after ${MAX_ENTRIES_PER_FOLDER} entries. Add large folders to errorCatalog.exclude, or name catalogs in errorCatalog.catalogs.`);
    }
    const previous = this.folders.get(folderPath);
    this.folders.set(folderPath, { path: folderPath, excluded, discovered, configured, configuredBuiltins, sources });
    const changed = new Set<string>([...(previous?.discovered ?? []), ...(previous?.configured ?? [])]);
    for (const path of [...discovered, ...configured]) {
      changed.add(path);
      await this.loadFromDisk(path);
    }
    for (const path of changed) if (!this.isCatalogPath(path)) this.files.delete(path);
    this.setCache.clear();
    return [...changed];
  }

  /** Forgets a workspace folder and its catalogs; returns the catalog files dropped, whose diagnostics must be cleared. */
  removeFolder(folderPath: string): string[] {
    const folder = this.folders.get(folderPath);
    this.folders.delete(folderPath);
    const dropped = folder ? [...folder.discovered, ...folder.configured].filter((path) => !this.isCatalogPath(path)) : [];
    for (const path of dropped) this.files.delete(path);
    this.setCache.clear();
    return dropped;
  }

  /** Whether a path is a catalog file: named like one, or named in settings. */
  isCatalogFile(path: string): boolean {
    return CATALOG_FILE.test(path) || this.isCatalogPath(path);
  }

  /** Whether a path is a catalog file of some folder (found by name or named in settings). */
  isCatalogPath(path: string): boolean {
    for (const folder of this.folders.values()) {
      if (folder.discovered.includes(path) || folder.configured.includes(path)) return true;
    }
    return false;
  }

  /** A new catalog file appeared: adopt it if it is inside a folder and named like a catalog. */
  addDiscovered(path: string): boolean {
    const folder = this.folderOf(path);
    if (!folder || !CATALOG_FILE.test(path) || folder.discovered.includes(path) || isExcluded(folder, path)) return false;
    folder.discovered.push(path);
    this.setCache.clear();
    return true;
  }

  /** Every source file of every workspace folder. */
  sourceFiles(): string[] {
    return [...this.folders.values()].flatMap((f) => f.sources);
  }

  /** Keeps the source file list current as files come and go. */
  trackSource(path: string, exists: boolean): void {
    const folder = this.folderOf(path);
    if (!folder || languageOfPath(path) === undefined || CATALOG_FILE.test(path) || isExcluded(folder, path)) return;
    const known = folder.sources.includes(path);
    if (exists && !known) folder.sources.push(path);
    if (!exists && known) folder.sources = folder.sources.filter((p) => p !== path);
  }

  /** The loaded catalog of a catalog file, if it has a good version. */
  catalogAt(path: string): Catalog | undefined {
    return this.files.get(path)?.good;
  }

  /** Every loaded catalog: the workspace's, then the built-ins. */
  allCatalogs(): Catalog[] {
    return [...[...this.files.values()].flatMap((f) => (f.good ? [f.good] : [])), ...this.builtins().values()];
  }

  removeFile(path: string): void {
    for (const folder of this.folders.values()) {
      folder.discovered = folder.discovered.filter((p) => p !== path);
    }
    this.files.delete(path);
    this.setCache.clear();
  }

  async loadFromDisk(path: string): Promise<void> {
    let text: string;
    try {
      text = await this.fs.readFile(path);
    } catch (error) {
      this.log.warn(`Cannot read catalog ${path}: ${(error as Error).message}`);
      return;
    }
    this.update(path, text);
  }

  /** Validates new text for a catalog file and keeps it if it has no errors. */
  update(path: string, text: string): CatalogFile {
    const uri = URI.file(path).toString();
    const file = this.files.get(path) ?? { path, uri, text, problems: [] };
    file.text = text;
    if (text.length > MAX_CATALOG_BYTES) {
      file.problems = [{ code: CatalogProblemCode.Syntax, severity: 'error', message: `This catalog is larger than ${MAX_CATALOG_BYTES / 1024 / 1024} MB and is not read. Split it into several catalog files.`, range: { start: 0, end: 1 } }];
    } else {
      const result = loadCatalog(uri, text, { knownStatuses: this.knownStatuses(), standardReasons: this.standardReasons() });
      file.problems = result.problems;
      if (result.catalog) file.good = result.catalog;
    }
    this.files.set(path, file);
    this.setCache.clear();
    this.logState(file);
    return file;
  }

  private logState(file: CatalogFile): void {
    const errors = file.problems.filter((p) => p.severity === 'error');
    const state = errors.length === 0
      ? `Loaded catalog ${file.path}: ${file.good?.codes.size ?? 0} codes, ${file.good?.statuses.size ?? 0} statuses.`
      : `Catalog ${file.path} has ${errors.length} error${errors.length === 1 ? '' : 's'} (first: line ${lineOf(file.text, errors[0].range.start)}: ${errors[0].message}) ${file.good ? `Still serving its last good version (${file.good.codes.size} codes).` : 'It is not used until it is fixed.'}`;
    if (state === file.logged) return;
    file.logged = state;
    if (errors.length === 0) this.log.info(state);
    else this.log.warn(state);
  }

  fileState(path: string): { uri: string; text: string; problems: readonly CatalogProblem[] } | undefined {
    return this.files.get(path);
  }

  private folderOf(path: string): FolderState | undefined {
    let best: FolderState | undefined;
    for (const folder of this.folders.values()) {
      if ((path === folder.path || path.startsWith(folder.path.endsWith('/') ? folder.path : `${folder.path}/`)) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }

  /** The catalogs a document uses, cached until a catalog or setting changes. */
  setFor(documentPath: string | undefined, settings: Settings): CatalogSet {
    const folder = documentPath ? this.folderOf(documentPath) : undefined;
    const key = `${folder?.path ?? ''}\n${documentPath ? documentPath.slice(0, documentPath.lastIndexOf('/')) : ''}\n${settings.builtins.join(',')}`;
    let set = this.setCache.get(key);
    if (!set) {
      const builtins = this.builtins();
      const paths = folder && documentPath
        ? catalogFilesFor({ documentPath, folderPath: folder.path, discovered: folder.discovered, configured: folder.configured })
        : [];
      const catalogs = paths.flatMap((p) => {
        const good = this.files.get(p)?.good;
        return good ? [good] : [];
      });
      for (const id of folder?.configuredBuiltins ?? []) {
        const builtin = builtins.get(id);
        if (builtin && !catalogs.includes(builtin)) catalogs.push(builtin);
      }
      // Built-ins only where no workspace catalog applies: a catalog that does apply but is broken
      // (with no good version yet) must not be replaced by an unrelated API's codes.
      if (catalogs.length === 0 && paths.length === 0) {
        for (const id of settings.builtins) {
          const builtin = builtins.get(id);
          if (builtin && id !== 'http-status') catalogs.push(builtin);
        }
      }
      set = new CatalogSet(catalogs, this.standard());
      this.setCache.set(key, set);
    }
    return set;
  }

  summaries(): CatalogSummary[] {
    const workspace = [...this.files.values()].map((file) => summarize(file.good, file.uri, 'workspace', file.problems.filter((p) => p.severity === 'error').length));
    const builtins = [...this.builtins().values()].map((c) => summarize(c, c.uri, 'builtin', 0));
    return [...workspace, ...builtins];
  }
}

export function summarize(catalog: Catalog | undefined, uri: string, origin: 'builtin' | 'workspace', errorCount: number): CatalogSummary {
  return {
    id: catalog?.id ?? uri.slice(uri.lastIndexOf('/') + 1),
    title: catalog?.title ?? uri.slice(uri.lastIndexOf('/') + 1),
    uri,
    origin,
    codeCount: catalog?.codes.size ?? 0,
    statusCount: catalog?.statuses.size ?? 0,
    errorCount,
  };
}

/** Whether the scan of a folder leaves a file out: the file or any folder above it is excluded (`node_modules/dep/x.errors.yaml`). */
function isExcluded(folder: FolderState, path: string): boolean {
  const parts = path.slice(folder.path.length).replace(/^\/+/, '').split('/');
  return parts.some((_, i) => folder.excluded(parts.slice(0, i + 1).join('/')));
}

/** A workspace-relative path resolved inside the folder, or undefined when it would leave it. */
export function resolveInside(folderPath: string, entry: string): string | undefined {
  const parts = folderPath.split('/').filter(Boolean);
  const base = parts.length;
  if (entry.startsWith('/')) {
    return entry.startsWith(`${folderPath.replace(/\/$/, '')}/`) ? entry : undefined;
  }
  for (const part of entry.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length <= base) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return `/${parts.join('/')}`;
}
