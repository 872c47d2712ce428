/**
 * Where catalogs come from and which ones are in force: the built-ins shipped with the server,
 * the catalog files found in each workspace folder, and the files the settings name. Keeps the
 * last good version of every file, so a broken edit never takes codes away. Each workspace folder
 * loads its catalogs on its own queue: a slow catalog in one folder never holds up another.
 */
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import { CatalogSet } from '../service/catalog/catalogSet';
import { catalogFilesFor } from '../service/catalog/catalogScope';
import BUILTIN_CATALOGS from 'builtin-catalogs';
import { catalogFromCheck, lineOf, loadCatalog, type CatalogLoadResult, type LoadOptions } from '../service/catalog/catalogLoader';
import { CatalogProblemCode, type Catalog, type CatalogProblem } from '../service/catalog/model';
import { draftContent, ImportError } from '../service/import/catalogDraft';
import { importOpenApi } from '../service/import/openApi';
import { looksLikeOpenApi, servedFromSpec } from '../service/import/specSource';
import type { CatalogFileState } from '../service/languageService';
import { languageOfPath } from '../service/text/languages';
import type { CatalogSummary } from '../protocol';
import { FileRefused, isInside, normalizePath, type FileSystem, type WorkspaceReader } from './files';
import { GitIgnores, MAX_GITIGNORE_BYTES } from './gitIgnores';
import { SerialQueue } from './serialQueue';
import type { Settings } from './settings';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What the registry asks a loader to load. */
export interface CatalogLoadRequest {
  readonly uri: string;
  readonly text: string;
  readonly options: LoadOptions;
  /** The file's saved content (worth remembering between runs), rather than a buffer being typed. */
  readonly saved: boolean;
}

/** Loads a catalog's text; the runtime may do it off the main thread, or remember results between runs. */
export type CatalogLoader = (request: CatalogLoadRequest) => Promise<CatalogLoadResult>;

export const CATALOG_FILE = /\.errors\.(?:ya?ml|json)$/i;
const MAX_ENTRIES_PER_FOLDER = 200_000;
const MEGABYTE = 1024 * 1024;

interface CatalogFile extends CatalogFileState {
  readonly path: string;
  text: string;
  problems: readonly CatalogProblem[];
  /** The last version without errors, served while the file is broken. */
  good?: Catalog;
  /** What was last logged about this file, so each state is logged once. */
  logged?: string;
  /** For an OpenAPI document: the other files its `$ref`s read, whose changes reload it. */
  referenced?: readonly string[];
}

interface FolderState {
  readonly path: string;
  /** Whether a folder-relative path is excluded from the search (the same test for scans and for new files). */
  excluded: (relativePath: string, isDirectory?: boolean) => boolean;
  discovered: string[];
  configured: string[];
  configuredBuiltins: string[];
  /** Configured files named with `openapi:`: OpenAPI documents served as catalogs, whatever their text looks like. */
  openApiSources: string[];
  readonly queue: SerialQueue;
}

/** What a folder's scan found. */
export interface FolderScan {
  /** Catalog files whose problems may have changed (their diagnostics are published again). */
  readonly changed: readonly string[];
  /** Markdown files found on the same walk: docs pages generated from a catalog are checked against it. */
  readonly pages: readonly string[];
  /** Source files (by extension) found on the same walk, for references and rename. */
  readonly sources: readonly string[];
}

export class CatalogRegistry {
  private readonly files = new Map<string, CatalogFile>();
  private readonly folders = new Map<string, FolderState>();
  private builtinCatalogs?: Map<string, Catalog>;
  private readonly setCache = new Map<string, CatalogSet>();
  /** For files outside every folder (none are read) and documents with no folder. */
  private readonly looseQueue: SerialQueue;

  constructor(
    private readonly fs: FileSystem,
    private readonly reader: WorkspaceReader,
    private readonly log: Logger,
    private readonly loader: CatalogLoader = async ({ uri, text, options }) => loadCatalog(uri, text, options),
  ) {
    this.looseQueue = this.newQueue('');
  }

  private newQueue(folderPath: string): SerialQueue {
    // A task that fails is logged and the last good catalogs keep serving; the next task runs.
    return new SerialQueue((error) => this.log.error(`Loading catalogs${folderPath ? ` in ${folderPath}` : ''} failed: ${(error as Error)?.stack ?? String(error)}`));
  }

  /** Built-in catalogs by id, loaded on first use. They are validated by the test suite, not at run time. */
  builtins(): ReadonlyMap<string, Catalog> {
    if (!this.builtinCatalogs) {
      this.builtinCatalogs = new Map();
      for (const { path, text } of this.fs.readBuiltins()) {
        const name = path.slice(path.lastIndexOf('/') + 1);
        const id = name.replace(/\.errors\.ya?ml$/, '');
        const options = { origin: 'builtin', validate: false, sourceUri: URI.file(path).toString() } as const;
        // Parsed when the server was built, unless the file has changed since.
        const prebuilt = BUILTIN_CATALOGS.get(name);
        const result = prebuilt?.text === text
          ? catalogFromCheck(`builtin:${id}`, text, { value: prebuilt.value, problems: [] }, options)
          : loadCatalog(`builtin:${id}`, text, options);
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

  private standardOptions?: LoadOptions;

  /** What every workspace catalog is checked against: the registered HTTP statuses and their reason phrases. */
  private loadOptions(): LoadOptions {
    if (!this.standardOptions) {
      const statuses = [...(this.standard()?.statuses.values() ?? [])];
      this.standardOptions = {
        knownStatuses: new Set(statuses.map((s) => s.status)),
        standardReasons: new Map(statuses.flatMap((s) => (s.reason && !s.reason.startsWith('(') ? [[s.status, s.reason] as [number, string]] : []))),
      };
    }
    return this.standardOptions;
  }

  /** The workspace folders' paths. */
  folderPaths(): string[] {
    return [...this.folders.keys()];
  }

  /** The catalog files every folder's scan found or its settings name, each once. */
  catalogPaths(): string[] {
    return [...new Set([...this.folders.values()].flatMap((folder) => [...folder.discovered, ...folder.configured]))];
  }

  /** Adds a workspace folder (its catalogs are found by the next scan). */
  addFolder(folderPath: string): void {
    if (!this.folders.has(folderPath)) {
      this.folders.set(folderPath, { path: folderPath, excluded: () => false, discovered: [], configured: [], configuredBuiltins: [], openApiSources: [], queue: this.newQueue(folderPath) });
    }
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

  /** Runs a task on the queue of the folder holding `path` (one task at a time per folder). */
  enqueue(path: string | undefined, task: () => unknown): Promise<void> {
    return (this.folderOf(path)?.queue ?? this.looseQueue).run(task);
  }

  /** Resolves once the catalogs of the folder holding `path` are loaded as far as anything asked. */
  settled(path: string | undefined): Promise<void> {
    return (this.folderOf(path)?.queue ?? this.looseQueue).idle();
  }

  /** Resolves once every folder's catalogs are loaded. */
  async allSettled(): Promise<void> {
    await Promise.all([...this.folders.values()].map((f) => f.queue.idle()));
  }

  /** Finds the catalog files of a workspace folder and loads them (run it on the folder's queue). */
  async scanFolder(folderPath: string, settings: Settings, extraExcludes: readonly string[]): Promise<FolderScan> {
    const folder = this.folders.get(folderPath);
    if (!folder) return { changed: [], sources: [], pages: [] };
    const globExcluded = picomatch([...settings.exclude, ...extraExcludes], { dot: true });
    const gitIgnores = new GitIgnores();
    const excluded = (relativePath: string, isDirectory = false) => globExcluded(relativePath) || gitIgnores.ignores(relativePath, isDirectory);
    const configuredGlobs: string[] = [];
    const configured: string[] = [];
    const configuredBuiltins: string[] = [];
    const openApiSources: string[] = [];
    for (const setting of settings.catalogs) {
      const isOpenApi = setting.startsWith('openapi:');
      const entry = isOpenApi ? setting.slice('openapi:'.length) : setting;
      if (entry.startsWith('builtin:')) {
        configuredBuiltins.push(entry.slice('builtin:'.length));
      } else if (isOpenApi && /[*?[\]{}]/.test(entry)) {
        this.log.warn(`Setting errorCatalog.catalogs: "${setting}": name one OpenAPI document after openapi:, not a pattern.`);
      } else if (/[*?[\]{}]/.test(entry)) {
        configuredGlobs.push(entry.replace(/^\.\//, ''));
      } else {
        const path = resolveInside(folderPath, entry);
        if (path) {
          configured.push(path);
          if (isOpenApi) openApiSources.push(path);
        } else this.log.warn(`Setting errorCatalog.catalogs: "${entry}" is outside the workspace folder ${folderPath}; only files inside it are read.`);
      }
    }
    const isConfigured = configuredGlobs.length > 0 ? picomatch(configuredGlobs, { dot: true }) : () => false;
    const discovered: string[] = [];
    const sources: string[] = [];
    const pages: string[] = [];
    let visited = 0;
    const walk = async (dir: string, relative: string): Promise<void> => {
      let entries: Awaited<ReturnType<FileSystem['readDirectory']>>;
      try {
        entries = await this.fs.readDirectory(dir);
      } catch {
        return; // unreadable folders are skipped, as editors do
      }
      if (entries.some((entry) => entry.isFile && entry.name === '.gitignore')) {
        try {
          gitIgnores.add(relative, await this.fs.readRegularFile(`${dir === '/' ? '' : dir}/.gitignore`, MAX_GITIGNORE_BYTES));
        } catch {
          // Unreadable or too large: its rules do not apply.
        }
      }
      for (const entry of entries) {
        if (++visited > MAX_ENTRIES_PER_FOLDER) return;
        const rel = relative ? `${relative}/${entry.name}` : entry.name;
        if (excluded(rel, entry.isDirectory)) continue;
        const path = `${dir === '/' ? '' : dir}/${entry.name}`;
        if (entry.isDirectory) await walk(path, rel);
        else if (entry.isFile && CATALOG_FILE.test(entry.name)) discovered.push(path);
        else if (entry.isFile && isConfigured(rel)) configured.push(path);
        else if (entry.isFile && languageOfPath(entry.name) !== undefined) sources.push(path);
        else if (entry.isFile && /\.md$/i.test(entry.name)) pages.push(path);
      }
    };
    await walk(folderPath, '');
    if (visited > MAX_ENTRIES_PER_FOLDER) {
      this.log.warn(`Stopped looking for catalogs in ${folderPath} after ${MAX_ENTRIES_PER_FOLDER} entries. Add large folders to errorCatalog.exclude, or name catalogs in errorCatalog.catalogs.`);
    }
    const changed = new Set<string>([...folder.discovered, ...folder.configured]);
    Object.assign(folder, { excluded, discovered, configured, configuredBuiltins, openApiSources });
    const maxBytes = settings.maxCatalogSizeMB * MEGABYTE;
    for (const path of [...discovered, ...configured]) {
      changed.add(path);
      await this.loadFromDisk(path, maxBytes);
    }
    for (const path of changed) if (!this.isCatalogPath(path)) this.files.delete(path);
    this.setCache.clear();
    return { changed: [...changed], sources, pages };
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

  /** A new catalog file appeared: adopt it if it is inside a folder, named like a catalog and not excluded. */
  addDiscovered(path: string): boolean {
    const folder = this.folderOf(path);
    if (!folder || !CATALOG_FILE.test(path) || folder.discovered.includes(path) || this.isExcluded(path)) return false;
    folder.discovered.push(path);
    this.setCache.clear();
    return true;
  }

  /** Whether the scan of its folder leaves a file out: the file or any folder above it is excluded (`node_modules/dep/x.errors.yaml`). */
  isExcluded(path: string): boolean {
    const folder = this.folderOf(path);
    if (!folder) return true;
    const parts = path.slice(folder.path.length).replace(/^\/+/, '').split('/');
    return parts.some((_, i) => folder.excluded(parts.slice(0, i + 1).join('/'), i < parts.length - 1));
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

  /**
   * Reads a catalog file through the workspace guard and loads it. A file that cannot be read
   * (outside the workspace, not a regular file, too large, no permission) gets a problem that says
   * so, and its last good version keeps serving; a file that is gone is dropped.
   */
  async loadFromDisk(path: string, maxBytes: number): Promise<void> {
    let text: string;
    try {
      text = await this.reader.read(path, maxBytes);
    } catch (error) {
      const refusal = error instanceof FileRefused ? error : new FileRefused('unreadable', `${path} cannot be read (${(error as Error)?.message}).`);
      if (refusal.reason === 'missing') {
        this.log.warn(`Catalog ${path} does not exist.`);
        this.files.delete(path);
        this.setCache.clear();
        return;
      }
      this.refuse(path, refusal.message);
      return;
    }
    await this.update(path, text, maxBytes, true);
  }

  private refuse(path: string, message: string): void {
    const file = this.fileFor(path, '');
    file.problems = [{ code: CatalogProblemCode.Unreadable, severity: 'error', message, range: { start: 0, end: Math.min(1, file.text.length) } }];
    this.setCache.clear();
    this.logState(file);
  }

  private fileFor(path: string, text: string): CatalogFile {
    let file = this.files.get(path);
    if (!file) {
      file = { path, uri: URI.file(path).toString(), text, problems: [] };
      this.files.set(path, file);
    }
    return file;
  }

  /** Validates new text for a catalog file and keeps it if it has no errors; a loader failure is a problem of the file, never of the queue. */
  async update(path: string, text: string, maxBytes: number, saved = false): Promise<void> {
    // A character is at least one byte: text this long is over the limit whatever its encoding.
    if (text.length > maxBytes) {
      this.fileFor(path, '').text = '';
      this.refuse(path, `This catalog is larger than ${Math.round(maxBytes / MEGABYTE)} MB and is not read. Split it into several catalog files, or raise errorCatalog.maxCatalogSizeMB.`);
      return;
    }
    const file = this.fileFor(path, text);
    file.text = text;
    let result: CatalogLoadResult;
    try {
      result = this.isOpenApiSource(path, text) ? await this.loadOpenApi(file, text, maxBytes, saved) : await this.loader({ uri: file.uri, text, options: this.loadOptions(), saved });
    } catch (error) {
      result = { problems: [{ code: CatalogProblemCode.Syntax, severity: 'error', message: `This catalog could not be read: ${(error as Error)?.message ?? String(error)}. Simplify the file (deeply nested values, anchors and aliases) and save it again.`, range: { start: 0, end: Math.min(1, text.length) } }] };
    }
    file.problems = result.problems;
    if (result.catalog) file.good = result.catalog;
    this.setCache.clear();
    this.logState(file);
  }

  /** The OpenAPI documents served as catalogs whose `$ref`s read a file: a change to it reloads them. */
  specsReferencing(path: string): string[] {
    return [...this.files.values()].filter((file) => file.referenced?.includes(path)).map((file) => file.path);
  }

  /** Whether a catalog file is an OpenAPI document: named with `openapi:` in the settings, or configured and starting like one. */
  private isOpenApiSource(path: string, text: string): boolean {
    if (CATALOG_FILE.test(path)) return false;
    const folder = this.folderOf(path);
    return folder !== undefined && (folder.openApiSources.includes(path) || (folder.configured.includes(path) && looksLikeOpenApi(text)));
  }

  /**
   * An OpenAPI document's catalog: imported in memory, then loaded and checked like a catalog
   * file, with its positions moved back onto the document. The files its `$ref`s name are read
   * through the workspace guard; an import that fails is a problem of the document.
   */
  private async loadOpenApi(file: CatalogFile, text: string, maxBytes: number, saved: boolean): Promise<CatalogLoadResult> {
    let draft;
    const referenced = new Set<string>();
    try {
      draft = await importOpenApi(file.path, (path) => {
        if (path === file.path) return Promise.resolve(text);
        referenced.add(path);
        return this.reader.read(path, maxBytes);
      });
    } catch (error) {
      file.referenced = [...referenced];
      if (!(error instanceof ImportError) && !(error instanceof FileRefused)) throw error;
      return { problems: [{ code: CatalogProblemCode.OpenApiImport, severity: 'error', message: `This OpenAPI document cannot be served as a catalog: ${error.message}`, range: { start: 0, end: Math.min(1, text.length) } }] };
    }
    file.referenced = [...referenced];
    // The draft's content is loaded as a JSON catalog: no one reads the text, so it need not be the commented YAML an import writes.
    const loaded = await this.loader({ uri: `${file.uri}.errors.json`, text: JSON.stringify(draftContent(draft)), options: this.loadOptions(), saved });
    return servedFromSpec(loaded, { uri: file.uri, path: file.path, text }, draft);
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

  fileState(path: string): CatalogFileState | undefined {
    return this.files.get(path);
  }

  /** The folder holding a path: the deepest workspace folder whose path contains it. */
  private folderOf(path: string | undefined): FolderState | undefined {
    if (path === undefined) return undefined;
    let best: FolderState | undefined;
    for (const folder of this.folders.values()) {
      if (isInside(folder.path, path) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }

  /** The catalogs a document uses, cached until a catalog or setting changes. */
  setFor(documentPath: string | undefined, settings: Settings): CatalogSet {
    const folder = this.folderOf(documentPath);
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
      // Folders that see the same catalogs share one set, and with it every lookup built on it (the
      // cache is cleared whenever a catalog changes, so a file's uri names one catalog within it).
      const sharedKey = `catalogs\n${catalogs.map((c) => c.uri).join('\n')}`;
      set = this.setCache.get(sharedKey) ?? new CatalogSet(catalogs, this.standard());
      this.setCache.set(sharedKey, set);
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

/**
 * A path from settings resolved inside the folder, or undefined when it would leave it: relative
 * paths and absolute ones alike, with `.` and `..` resolved before the comparison. Symbolic links
 * are checked when the file is read.
 */
export function resolveInside(folderPath: string, entry: string): string | undefined {
  const folder = normalizePath(folderPath);
  const path = normalizePath(entry.startsWith('/') ? entry : `${folder}/${entry}`);
  return path !== folder && isInside(folder, path) ? path : undefined;
}
