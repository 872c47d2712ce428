/**
 * The server's state, in one place: the client's capabilities and workspace folders, settings per
 * folder, the catalog registry with its load queues, the workspace's source files, the diagnostics
 * publisher and the reference counts. It answers each request by finding the document and the
 * context it is read in, and handing both to the language service.
 */
import {
  FileChangeType,
  ResponseError,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Diagnostic,
  type DidChangeWatchedFilesParams,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type SymbolInformation,
  type TextDocumentPositionParams,
  type WorkspaceEdit,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type {
  CatalogsForDocumentParams,
  CatalogSummary,
  CodeSummary,
  ErrorHandlingParams,
  ErrorResponseParams,
  ErrorResponseResult,
  ExplainParams,
  GenerateParams,
  GenerateResult,
  HandlingOptionsResult,
  CatalogSuggestion,
  ImportCatalogParams,
  ImportCatalogResult,
} from '../protocol';
import { importCatalog } from './catalogImport';
import type { CatalogSet } from '../service/catalog/catalogSet';
import type { Catalog } from '../service/catalog/model';
import { ImportError, type CatalogDraft } from '../service/import/catalogDraft';
import { importFromCode, type SourceText } from '../service/import/fromCode';
import { languageOfPath } from '../service/text/languages';
import { getLanguageService, isRefusal, STALE_GENERATED_FILE, type CodeTarget, type CompletionData, type DocumentContext, type LanguageService, type StaleFileData, type UnambiguousFix } from '../service/languageService';
import { CatalogRegistry, type CatalogLoader } from './catalogRegistry';
import type { ClientPort } from './client';
import { checkSource, DiagnosticsPublisher, skipReason } from './diagnosticsPublisher';
import { isInside, normalizePath, pathOf, WorkspaceReader, type FileSystem } from './files';
import { ReferenceCounts } from './referenceCounts';
import { backtrackingProblem, SettingsCache, type Settings } from './settings';
import { WorkspaceFiles } from './workspaceFiles';
import { WorkspaceIndex } from './workspaceIndex';

export interface RuntimeEnvironment {
  readonly fs: FileSystem;
  /** Loads a catalog's text, off the main thread or from a cache where the runtime can. */
  readonly loadCatalog?: CatalogLoader;
  /** Where the runtime keeps what it remembers between runs (the client's storage folder, from the initialization options). */
  readonly useCacheFolder?: (folder: string) => void;
  /** Finishes what the runtime writes in the background (before the server exits). */
  readonly flush?: () => Promise<void>;
  /** Whether unused-code hints are counted in the background (an editor's; a one-shot check has no use for them). Default true. */
  readonly countsReferences?: boolean;
}

/** The documents the editor has open, as the session reads them. */
export interface OpenDocumentSet {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

const MEGABYTE = 1024 * 1024;
/** How long after the last keystroke an open catalog's text is loaded. */
const CATALOG_EDIT_DELAY_MS = 150;
/** How long edits to source files must pause before their code usages are recounted. */
const USAGE_SETTLE_MS = 1000;
export const WATCHED_FILES = [
  '**/*.errors.{yaml,yml,json}',
  // Source files, for references, rename and reference counts; also catalogs named in settings.
  '**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx,py,go,java,kt,kts,cs,rb,php,rs,json,jsonc,yaml,yml,vue,svelte,swift,dart,scala,ex,exs}',
];

/** Source files read to decide whether a folder without a catalog uses error codes. */
const SUGGESTION_SAMPLE_FILES = 400;

export class Session {
  private capabilities: ClientCapabilities = {};
  /** Per folder without a catalog: whether its code uses error codes (null: it does not), until catalogs change. */
  private readonly suggestions = new Map<string, Promise<CatalogSuggestion | null>>();
  private folders: WorkspaceFolder[] = [];
  /** Commands the client itself implements (VS Code's quick picks); standalone clients have none. */
  private clientCommands: string[] = [];
  /** The document of the last completion, for clients that send no data back on resolve. */
  private lastCompletionUri: string | undefined;
  private readonly patterns = new Map<string, RegExp | null>();
  private readonly pendingCatalogEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pendingUsages = new Set<string>();
  private usageTimer: ReturnType<typeof setTimeout> | undefined;

  readonly settings: SettingsCache;
  readonly registry: CatalogRegistry;
  readonly files: WorkspaceFiles;
  readonly service: LanguageService;
  private readonly reader: WorkspaceReader;
  private readonly diagnostics: DiagnosticsPublisher;
  private readonly counts: ReferenceCounts;
  private readonly index: WorkspaceIndex;

  constructor(private readonly client: ClientPort, private readonly documents: OpenDocumentSet, private readonly runtime: RuntimeEnvironment) {
    const log = client.log;
    this.settings = new SettingsCache(
      { pull: (scope, section) => (this.capabilities.workspace?.configuration ? client.configuration(scope, section) : Promise.resolve(undefined)) },
      (uri) => this.folderOf(uri)?.uri,
      log.warn,
    );
    this.reader = new WorkspaceReader(runtime.fs, () => this.registry.folderPaths());
    this.registry = new CatalogRegistry(runtime.fs, this.reader, log, runtime.loadCatalog);
    this.files = new WorkspaceFiles(
      this.reader,
      { textOf: (uri) => documents.get(uri)?.getText() },
      async (uri) => (await this.contextFor(uri)).context,
      (catalog) => {
        const path = pathOf(catalog.sourceUri);
        return path ? this.registry.fileState(path)?.text : undefined;
      },
    );
    this.service = getLanguageService({ workspace: this.files });
    this.index = new WorkspaceIndex({
      paths: () => this.files.paths(),
      textOf: (path) => this.files.textOf(path),
      beginProgress: (title) => client.beginProgress(title),
      changed: () => this.constantsChanged(),
      log,
    });
    this.diagnostics = new DiagnosticsPublisher({
      service: this.service,
      document: (uri) => documents.get(uri),
      contextFor: (uri) => this.contextFor(uri),
      settingsFor: (uri) => this.settings.get(uri),
      publish: (params) => client.publishDiagnostics(params),
      generated: (document) => this.generatedDiagnostics(document.uri, document.getText()),
      log,
    });
    this.counts = new ReferenceCounts({
      service: this.service,
      settled: () => this.settled(),
      workspaceCatalogs: () => this.registry.allCatalogs().flatMap((catalog) => {
        const path = catalog.origin === 'workspace' ? pathOf(catalog.sourceUri) : undefined;
        return path ? [{ catalog, path }] : [];
      }),
      hintsChanged: (path) => this.publishCatalogDiagnostics(path),
      refreshLenses: () => {
        if (this.capabilities.workspace?.codeLens?.refreshSupport) client.refreshCodeLenses();
      },
      refreshes: runtime.countsReferences !== false,
      log,
    });
  }

  // ---- lifecycle ----

  initialize(params: InitializeParams): void {
    this.capabilities = params.capabilities;
    this.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    this.syncFolders();
    const options = params.initializationOptions as { settings?: { errorCatalog?: unknown }; clientCommands?: unknown; cacheFolder?: unknown } | undefined;
    this.settings.push(options?.settings?.errorCatalog);
    if (typeof options?.cacheFolder === 'string') this.runtime.useCacheFolder?.(options.cacheFolder);
    this.clientCommands = Array.isArray(options?.clientCommands) ? options.clientCommands.filter((c): c is string => typeof c === 'string') : [];
  }

  initialized(): void {
    if (this.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) this.client.registerConfiguration('errorCatalog');
    if (this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) this.client.registerWatchers(WATCHED_FILES);
    void this.reload();
  }

  /** Whether the client tells the server when workspace folders change. */
  get followsWorkspaceFolders(): boolean {
    return this.capabilities.workspace?.workspaceFolders === true;
  }

  workspaceFoldersChanged(event: WorkspaceFoldersChangeEvent): void {
    for (const removed of event.removed) {
      const path = pathOf(removed.uri);
      if (!path) continue;
      for (const dropped of this.registry.removeFolder(path)) this.publishCatalogDiagnostics(dropped);
      this.files.removeFolder(path);
    }
    this.folders = [...this.folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added];
    this.syncFolders();
    void this.reload();
  }

  private syncFolders(): void {
    for (const folder of this.folders) {
      const path = pathOf(folder.uri);
      if (path) this.registry.addFolder(path);
    }
    this.reader.foldersChanged();
  }

  configurationChanged(settings: unknown): void {
    this.settings.push((settings as { errorCatalog?: unknown } | undefined)?.errorCatalog);
    void this.reload();
  }

  /** Rescans every folder and reloads every catalog; resolves once all are loaded and announced. */
  async reload(): Promise<void> {
    this.settings.clear();
    this.patterns.clear();
    const scanned = Promise.all(this.registry.folderPaths().map((folder) => this.registry.enqueue(folder, () => this.scanFolder(folder))));
    // The constants are indexed once the scan has listed the files: what waits for the index waits for this.
    void this.index.rebuild(scanned);
    await scanned;
    this.catalogsChanged();
  }

  /** The workspace's constants changed: counts and diagnostics that read them are computed again. */
  private constantsChanged(): void {
    this.publishDeclaringCatalogs(this.index.constants.declaringCatalogs());
    this.counts.invalidate();
    for (const document of this.documents.all()) {
      const path = pathOf(document.uri);
      if (!path || !this.registry.isCatalogFile(path)) this.diagnostics.schedule(document.uri, 0);
    }
  }

  private async scanFolder(folderPath: string): Promise<void> {
    const uri = URI.file(folderPath).toString();
    const [settings, filesExclude] = await Promise.all([this.settings.get(uri), this.settings.filesExclude(uri)]);
    const scan = await this.registry.scanFolder(folderPath, settings, filesExclude);
    this.files.setSources(folderPath, scan.sources);
    this.files.setPages(folderPath, scan.pages);
    const changed = new Set(scan.changed);
    // Open catalog documents are authoritative over what is on disk.
    for (const document of this.documents.all()) {
      const path = pathOf(document.uri);
      if (path && isInside(folderPath, path) && (this.registry.isCatalogPath(path) || this.registry.addDiscovered(path))) {
        await this.registry.update(path, document.getText(), settings.maxCatalogSizeMB * MEGABYTE);
        changed.add(path);
      }
    }
    for (const path of changed) this.publishCatalogDiagnostics(path);
  }

  /** After catalogs changed: takes the constants they declare, tells the client, and checks every open file again (codes, statuses and shapes may have changed under it). */
  private catalogsChanged(): void {
    this.suggestions.clear();
    this.publishDeclaringCatalogs(this.index.declareCatalogs(this.registry.allCatalogs()));
    this.client.catalogsChanged({ catalogs: this.registry.summaries() });
    this.counts.invalidate();
    for (const document of this.documents.all()) {
      const path = pathOf(document.uri);
      if (!path || !this.registry.isCatalogFile(path)) this.diagnostics.schedule(document.uri, 0);
    }
  }

  private publishCatalogDiagnostics(path: string): void {
    this.client.publishDiagnostics(this.catalogFileDiagnostics(path, this.counts.hintsFor(path)));
  }

  /** A catalog file's diagnostics: its problems, the constants that clash with its codes, and `hints` (unused codes). */
  private catalogFileDiagnostics(path: string, hints: readonly Diagnostic[] = []): { uri: string; diagnostics: Diagnostic[] } {
    const state = this.registry.fileState(path);
    const uri = state?.uri ?? URI.file(path).toString();
    const catalog = this.registry.catalogAt(path);
    const clashes = catalog ? this.service.declarationClashes(catalog, this.index.constants) : [];
    return { uri, diagnostics: state ? this.service.catalogDiagnostics(state, [...hints, ...clashes]) : [] };
  }

  /** The catalogs that declare constants are checked against the workspace's definitions again. */
  private publishDeclaringCatalogs(uris: readonly string[]): void {
    for (const uri of uris) {
      const path = pathOf(uri);
      if (path) this.publishCatalogDiagnostics(path);
    }
  }

  private async maxCatalogBytes(path: string): Promise<number> {
    return (await this.settings.get(URI.file(path).toString())).maxCatalogSizeMB * MEGABYTE;
  }

  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    let sourcesTouched = false;
    const catalogWork: Promise<void>[] = [];
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (!path) continue;
      if (!this.registry.isCatalogFile(path)) {
        // A source file: references and counts must read it again, and its constants too.
        this.files.changed(path, change.type !== FileChangeType.Deleted, this.registry.isExcluded(path));
        if (!this.documents.get(URI.file(path).toString())) void this.index.fileChanged(path, change.type !== FileChangeType.Deleted);
        sourcesTouched = true;
        // A file an OpenAPI document's `$ref`s read: the document's catalog is imported again.
        for (const spec of this.registry.specsReferencing(path)) {
          catalogWork.push(this.registry.enqueue(spec, async () => {
            const open = this.documents.get(URI.file(spec).toString());
            if (open) await this.registry.update(spec, open.getText(), await this.maxCatalogBytes(spec));
            else await this.registry.loadFromDisk(spec, await this.maxCatalogBytes(spec));
            this.publishCatalogDiagnostics(spec);
          }));
        }
        continue;
      }
      const uri = URI.file(path).toString();
      catalogWork.push(this.registry.enqueue(path, async () => {
        if (this.documents.get(uri)) return; // the open buffer wins until it is closed
        if (change.type === FileChangeType.Deleted) {
          if (!this.registry.isCatalogPath(path)) return;
          this.registry.removeFile(path);
        } else {
          if (change.type === FileChangeType.Created) this.registry.addDiscovered(path);
          if (!this.registry.isCatalogPath(path)) return;
          await this.registry.loadFromDisk(path, await this.maxCatalogBytes(path));
        }
        this.publishCatalogDiagnostics(path);
      }));
    }
    if (sourcesTouched) this.counts.invalidate();
    if (catalogWork.length > 0) void Promise.all(catalogWork).then(() => this.catalogsChanged());
  }

  documentOpened(document: TextDocument): void {
    const path = pathOf(document.uri);
    if (path && !this.registry.isCatalogFile(path) && this.registry.folderPaths().some((folder) => isInside(folder, path))) void this.index.fileOpened(path);
    if (!path || !this.registry.isCatalogFile(path)) void this.recordUsages(document.uri);
    // A buffer of a catalog the folder scan has not seen (one not on disk) is adopted as it opens.
    else if (!this.registry.isCatalogPath(path)) this.loadCatalogBuffer(document.uri, path);
  }

  documentChanged(document: TextDocument): void {
    const path = pathOf(document.uri);
    if (!path || !this.registry.isCatalogFile(path)) {
      this.diagnostics.schedule(document.uri);
      this.usagesMayHaveChanged(document.uri);
      return;
    }
    // Catalog files open in the editor are loaded as they are typed, a little after the last keystroke.
    clearTimeout(this.pendingCatalogEdits.get(path));
    this.pendingCatalogEdits.set(path, setTimeout(() => {
      this.pendingCatalogEdits.delete(path);
      this.loadCatalogBuffer(document.uri, path);
    }, CATALOG_EDIT_DELAY_MS));
  }

  /**
   * Loads an open catalog buffer in place of its file. A buffer named like a catalog inside a
   * folder is one even when its file is not on disk (not saved yet, or deleted while open).
   */
  private loadCatalogBuffer(uri: string, path: string): void {
    let loaded = false;
    void this.registry.enqueue(path, async () => {
      const current = this.documents.get(uri);
      if (!current || (!this.registry.isCatalogPath(path) && !this.registry.addDiscovered(path))) return;
      await this.registry.update(path, current.getText(), await this.maxCatalogBytes(path));
      this.publishCatalogDiagnostics(path);
      loaded = true;
    }).then(() => loaded && this.catalogsChanged());
  }

  documentClosed(document: TextDocument): void {
    const path = pathOf(document.uri);
    const isCatalog = path !== undefined && this.registry.isCatalogFile(path);
    this.diagnostics.closed(document.uri, !isCatalog);
    if (!path) return;
    if (!isCatalog) {
      // Its text is what is on disk again.
      this.counts.documentUsagesAre(document.uri, undefined);
      this.counts.invalidate();
      void this.index.fileChanged(path, true);
      return;
    }
    // A pending load of the closed buffer must not land after the file is read from disk again.
    clearTimeout(this.pendingCatalogEdits.get(path));
    this.pendingCatalogEdits.delete(path);
    if (!this.registry.isCatalogPath(path)) return;
    void this.registry.enqueue(path, async () => {
      await this.registry.loadFromDisk(path, await this.maxCatalogBytes(path));
      this.publishCatalogDiagnostics(path);
    }).then(() => this.catalogsChanged());
  }

  /** Recounts the codes edited documents use once edits pause; lenses refresh only if that changed. */
  private usagesMayHaveChanged(uri: string): void {
    this.pendingUsages.add(uri);
    clearTimeout(this.usageTimer);
    this.usageTimer = setTimeout(() => {
      const uris = [...this.pendingUsages];
      this.pendingUsages.clear();
      for (const edited of uris) {
        void this.recordUsages(edited);
        // An edited file may define constants: they are read from its buffer.
        const path = pathOf(edited);
        if (path) void this.index.fileChanged(path, true);
      }
    }, USAGE_SETTLE_MS);
  }

  private async recordUsages(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const { context } = await this.contextFor(uri);
    const counts = this.service.countDocumentReferences(document, context);
    if (this.counts.documentUsagesAre(uri, JSON.stringify([...counts].sort(([a], [b]) => (a < b ? -1 : 1))))) {
      this.client.log.info(`Code usages changed in ${uri}: reference counts will be refreshed.`);
    }
  }

  /** Stops every timer, and resolves once what the runtime writes in the background is written. */
  async dispose(): Promise<void> {
    clearTimeout(this.usageTimer);
    for (const timer of this.pendingCatalogEdits.values()) clearTimeout(timer);
    this.counts.dispose();
    this.diagnostics.dispose();
    await this.runtime.flush?.();
  }

  // ---- the whole workspace at once (the command-line check) ----

  /** The source files the folders' scans found. */
  sourcePaths(): string[] {
    return this.files.paths();
  }

  /** Every catalog file, with the diagnostics the editor shows on it (unused-code hints aside: they need every reference counted). */
  catalogReports(): { path: string; uri: string; text: string; diagnostics: Diagnostic[] }[] {
    return this.registry.catalogPaths().map((path) => ({ path, text: this.registry.fileState(path)?.text ?? '', ...this.catalogFileDiagnostics(path) }));
  }

  /**
   * A source file's diagnostics, as the editor publishes them once the file is opened; or why it is
   * not checked (unreadable, too large, minified or binary).
   */
  async sourceReport(path: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] } | { uri: string; skipped: string }> {
    const uri = URI.file(path).toString();
    const text = await this.files.textOf(path, uri);
    const languageId = languageOfPath(path);
    if (text === undefined || !languageId) return { uri, skipped: 'it cannot be read, is larger than 1 MB or looks binary' };
    const reason = skipReason(text);
    if (reason) return { uri, skipped: reason };
    const { context, settings } = await this.contextFor(uri);
    const steps = checkSource(this.service.createSourceChecker(), TextDocument.create(uri, languageId, 0, text), context, settings);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return { uri, text, diagnostics: [...step.value, ...this.generatedDiagnostics(uri, text)] };
  }

  /** The Markdown files the folders' scans found (docs pages may have been generated from a catalog). */
  pagePaths(): string[] {
    return this.files.pagePaths();
  }

  /** A Markdown file's diagnostics: whether it is a docs page generated from a catalog that has changed since. */
  async pageReport(path: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] } | undefined> {
    const uri = URI.file(path).toString();
    const text = await this.files.textOf(path, uri);
    return text === undefined ? undefined : { uri, text, diagnostics: this.generatedDiagnostics(uri, text) };
  }

  /** A generated file's diagnostic when the catalog its header names (relative to its folder) has changed since. */
  private generatedDiagnostics(uri: string, text: string): Diagnostic[] {
    return this.service.generatedFileDiagnostics(text, (catalogPath) => this.catalogNamedFrom(uri, catalogPath));
  }

  /** The fixes of a source file's diagnostics that need no choice, on the text the diagnostics were found in. */
  async sourceFixes(uri: string, text: string, diagnostics: readonly Diagnostic[]): Promise<UnambiguousFix[]> {
    const languageId = languageOfPath(pathOf(uri) ?? '');
    if (!languageId) return [];
    const { context } = await this.contextFor(uri);
    return this.service.unambiguousFixes(TextDocument.create(uri, languageId, 0, text), diagnostics, context);
  }

  /**
   * A catalog draft from the workspace's code (`import code`), read from the source files the
   * folders' scans found (settings, excludes and `.gitignore` applied), or only those inside `paths`.
   */
  async importFromCode(paths?: readonly string[]): Promise<CatalogDraft> {
    await this.registry.allSettled();
    const inside = paths?.map(normalizePath);
    return this.importFromFiles(this.files.paths().filter((path) => !inside || inside.some((p) => isInside(p, path))), inside);
  }

  /** A catalog draft from exactly these source files; the folder holding `inside` (files or folders) names the catalog. */
  private async importFromFiles(files: readonly string[], inside?: readonly string[]): Promise<CatalogDraft> {
    const sources: SourceText[] = [];
    for (const path of files) {
      const languageId = languageOfPath(path);
      const text = languageId ? await this.files.textOf(path) : undefined;
      if (languageId && text !== undefined) sources.push({ uri: URI.file(path).toString(), languageId, text });
    }
    // The folder of the paths asked for names the catalog.
    const folders = this.registry.folderPaths();
    const named = folders.find((folder) => inside?.some((p) => isInside(folder, p)));
    const roots = named ? [named, ...folders.filter((folder) => folder !== named)] : folders;
    return importFromCode(sources, { roots: roots.map((folder) => URI.file(folder).toString()) });
  }

  // ---- the context a document is read in ----

  /** Resolves once every folder's catalogs are loaded and the workspace's constants are indexed. */
  async settled(): Promise<void> {
    await this.registry.allSettled();
    await this.index.ready();
  }

  /** The loaded catalog a generated file's header names, by its path from the file's workspace folder (never outside it). */
  private catalogNamedFrom(uri: string, catalogPath: string): Catalog | undefined {
    const folder = pathOf(this.folderOf(uri)?.uri ?? '');
    const path = folder && normalizePath(`${folder}/${catalogPath}`);
    return folder && path && isInside(folder, path) ? this.registry.catalogAt(path) : undefined;
  }

  private folderOf(uri: string): WorkspaceFolder | undefined {
    const path = pathOf(uri);
    let best: { folder: WorkspaceFolder; path: string } | undefined;
    for (const folder of this.folders) {
      const folderPath = pathOf(folder.uri);
      if (path && folderPath && isInside(folderPath, path) && (!best || folderPath.length > best.path.length)) best = { folder, path: folderPath };
    }
    return best?.folder;
  }

  private compiledPatterns(sources: readonly string[]): RegExp[] {
    return sources.flatMap((source) => {
      let pattern = this.patterns.get(source);
      if (pattern === undefined) {
        const unsafe = backtrackingProblem(source);
        try {
          if (unsafe) throw new Error(unsafe);
          pattern = new RegExp(source);
        } catch (error) {
          pattern = null;
          this.client.log.warn(`Setting errorCatalog.codePatterns: "${source.slice(0, 200)}" ${unsafe ? `cannot be used: ${unsafe}` : `is not a valid regular expression (${(error as Error).message})`}; it is ignored.`);
        }
        this.patterns.set(source, pattern);
      }
      return pattern ? [pattern] : [];
    });
  }

  /** The context and settings of a document, once its folder's catalogs are loaded. */
  async contextFor(uri: string): Promise<{ context: DocumentContext; settings: Settings }> {
    const path = pathOf(uri);
    await this.registry.settled(path);
    const settings = await this.settings.get(uri);
    const set: CatalogSet = this.registry.setFor(path, settings);
    return { settings, context: { set, usage: { functions: settings.codeFunctions, patterns: this.compiledPatterns(settings.codePatterns) }, constants: this.index.constants } };
  }

  /** The open document and its context, or undefined when the document is not open. */
  private async open(uri: string): Promise<{ document: TextDocument; context: DocumentContext; settings: Settings } | undefined> {
    const document = this.documents.get(uri);
    return document ? { document, ...(await this.contextFor(uri)) } : undefined;
  }

  // ---- requests ----

  async hover(params: HoverParams): Promise<Hover | null> {
    const at = await this.open(params.textDocument.uri);
    if (!at?.settings.hover.enabled) return null;
    return this.service.doHover(at.document, params.position, at.context, { statuses: at.settings.hover.statuses });
  }

  async definition(params: TextDocumentPositionParams): Promise<Location[]> {
    const at = await this.open(params.textDocument.uri);
    return at ? this.service.findDefinition(at.document, params.position, at.context) : [];
  }

  async completion(params: CompletionParams): Promise<CompletionList | null> {
    const at = await this.open(params.textDocument.uri);
    if (!at?.settings.completion.enabled) return null;
    this.lastCompletionUri = at.document.uri;
    const defaults = this.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    return this.service.doComplete(at.document, params.position, at.context, {
      maxItems: at.settings.completion.maxItems,
      itemDefaults: defaults.includes('editRange') && defaults.includes('data'),
    });
  }

  async resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    // Clients that do not merge `itemDefaults.data` into items send no data back: use the last completed document.
    const data = item.data as CompletionData | undefined;
    const uri = typeof data?.uri === 'string' ? data.uri : this.lastCompletionUri;
    if (!uri) return item;
    return this.service.doResolve(item, (await this.contextFor(uri)).context);
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const at = await this.open(params.textDocument.uri);
    if (!at) return [];
    return [...this.regenerateActions(at.document, params.context.diagnostics), ...this.service.doCodeActions(at.document, params.range, params.context.diagnostics, at.context, {
      framework: at.settings.framework === 'auto' ? undefined : at.settings.framework,
      snippetEdits: this.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true,
      insertResponseCommand: this.clientCommands.find((c) => c === 'errorCatalog.insertErrorResponse'),
    })];
  }

  /** "Regenerate" for a generated file that no longer matches its catalog: the whole file written again. */
  private regenerateActions(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
    const stale = diagnostics.find((d) => d.code === STALE_GENERATED_FILE);
    const data = stale?.data as StaleFileData | undefined;
    const catalog = data && this.catalogNamedFrom(document.uri, data.catalog);
    const text = catalog && this.service.regeneratedText(document.getText(), catalog, this.registry.standard());
    if (!stale || !text) return [];
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
    return [{ title: `Regenerate from ${data.catalog}`, kind: 'quickfix', diagnostics: [stale], isPreferred: true, edit: { changes: { [document.uri]: [{ range: whole, newText: text }] } } }];
  }

  /** The code under the cursor, once every catalog is loaded and every constant indexed (never from half the workspace). */
  private async codeTarget(uri: string, position: TextDocumentPositionParams['position']): Promise<{ document: TextDocument; target: CodeTarget } | undefined> {
    await this.settled();
    const at = await this.open(uri);
    const path = pathOf(uri);
    const target = at && this.service.findCodeTarget(at.document, position, at.context, path ? this.registry.catalogAt(path) : undefined);
    return at && target ? { document: at.document, target } : undefined;
  }

  async references(params: ReferenceParams, token: CancellationToken): Promise<Location[]> {
    const found = await this.codeTarget(params.textDocument.uri, params.position);
    if (!found) return [];
    const { target } = found;
    const progress = await this.client.beginProgress(`Finding references to ${target.code}`);
    try {
      const locations = await this.service.findReferences(target, {
        progress: (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done} of ${total} files`),
        isCancelled: () => token.isCancellationRequested || progress?.cancelled === true,
      });
      if (params.context.includeDeclaration) return locations;
      const key = target.catalog.rangeOf(['codes', target.code], 'key');
      const declarationLine = target.catalog.positionAt(key.start).line;
      return locations.filter((l) => !(l.uri === target.catalog.sourceUri && l.range.start.line === declarationLine));
    } finally {
      progress?.done();
    }
  }

  async prepareRename(params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
    const found = await this.codeTarget(params.textDocument.uri, params.position);
    if (!found) return null;
    const prepared = this.service.prepareRename(found.document, found.target);
    if (isRefusal(prepared)) throw new ResponseError(0, prepared.refused);
    return prepared;
  }

  async rename(params: RenameParams): Promise<WorkspaceEdit | null> {
    const found = await this.codeTarget(params.textDocument.uri, params.position);
    if (!found) return null;
    const edit = await this.service.doRename(found.target, params.newName);
    if (isRefusal(edit)) throw new ResponseError(0, edit.refused);
    return edit;
  }

  async workspaceSymbols(params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
    await this.registry.allSettled();
    return this.service.findWorkspaceSymbols(this.registry.allCatalogs(), params.query);
  }

  documentSymbols(params: DocumentSymbolParams): DocumentSymbol[] {
    const document = this.documents.get(params.textDocument.uri);
    const path = pathOf(params.textDocument.uri);
    return document && path && this.registry.isCatalogFile(path) ? this.service.findDocumentSymbols(document) : [];
  }

  async codeLenses(params: CodeLensParams): Promise<CodeLens[]> {
    await this.settled();
    const path = pathOf(params.textDocument.uri);
    const catalog = path ? this.registry.catalogAt(path) : undefined;
    if (!catalog) return [];
    const command = this.clientCommands.includes('errorCatalog.showReferences') ? 'errorCatalog.showReferences' : '';
    return this.service.findReferenceLenses(catalog, params.textDocument.uri, await this.counts.of(catalog), command);
  }

  // ---- the errorCatalog/* requests ----

  async catalogsForDocument(params: CatalogsForDocumentParams): Promise<CatalogSummary[]> {
    const { context } = await this.contextFor(params.uri);
    const summaries = this.registry.summaries();
    return context.set.catalogs.map((catalog) => summaries.find((s) => s.uri === catalog.uri || s.uri === `builtin:${catalog.id}`) ?? {
      id: catalog.id, title: catalog.title, uri: catalog.uri, origin: catalog.origin, codeCount: catalog.codes.size, statusCount: catalog.statuses.size, errorCount: 0,
    });
  }

  async reloadRequest(): Promise<CatalogSummary[]> {
    await this.reload();
    return this.registry.summaries();
  }

  async codes(params: CatalogsForDocumentParams): Promise<CodeSummary[]> {
    return this.service.codeSummaries((await this.contextFor(params.uri)).context);
  }

  async errorResponse(params: ErrorResponseParams): Promise<ErrorResponseResult | null> {
    const at = await this.open(params.uri);
    if (!at) return null;
    const framework = at.settings.framework === 'auto' ? undefined : at.settings.framework;
    return this.service.errorResponse(at.document, at.document.offsetAt(params.position), params.code, at.context, framework) ?? null;
  }

  async handlingOptions(params: CatalogsForDocumentParams): Promise<HandlingOptionsResult> {
    const at = await this.open(params.uri);
    return at ? this.service.handlingOptions(at.document, at.context) : { variants: [], catalogs: [] };
  }

  async errorHandling(params: ErrorHandlingParams): Promise<WorkspaceEdit | null> {
    const at = await this.open(params.uri);
    return (at && this.service.errorHandlingEdit(at.document, params.catalog, params.variant, at.context)) ?? null;
  }

  async explain(params: ExplainParams): Promise<string | null> {
    return this.service.explainCode(params.code, (await this.contextFor(params.uri)).context);
  }

  /** A docs page or typed constants generated from a workspace catalog, as `error-catalog docs` and `types` write them. */
  async generate(params: GenerateParams): Promise<GenerateResult | null> {
    await this.registry.allSettled();
    const path = pathOf(params.catalog);
    const folder = path && pathOf(this.folderOf(params.catalog)?.uri ?? '');
    const catalog = path ? this.registry.catalogAt(path) : undefined;
    if (!path || !folder || !catalog) return null;
    const catalogPath = path.slice(folder.length).replace(/^\/+/, '');
    const text = this.service.generatedFile(catalog, { catalogPath, kind: params.kind, language: params.language, name: params.name, standard: this.registry.standard() });
    return typeof text === 'string' ? { text, fileName: generatedFileName(catalogPath, params) } : text;
  }

  /** Create Error Catalog: a new catalog's text from an OpenAPI document, a docs page, a folder's code or a blank template. */
  async importCatalog(params: ImportCatalogParams): Promise<ImportCatalogResult> {
    await this.registry.allSettled();
    return importCatalog(params, { reader: this.reader, folders: () => this.registry.folderPaths(), importFromCode: (paths) => this.importFromCode(paths) });
  }

  /** Codes of the catalogs in use (the built-ins, in a folder without its own) that the folder's open documents send or check. */
  private async codesInOpenDocuments(folder: string): Promise<CatalogSuggestion | null> {
    const codes = new Set<string>();
    for (const document of this.documents.all()) {
      const path = pathOf(document.uri);
      if (!path || !isInside(folder, path) || this.registry.isCatalogFile(path) || languageOfPath(path) === undefined) continue;
      const { context } = await this.contextFor(document.uri);
      for (const [code, count] of this.service.countDocumentReferences(document, context)) if (count > 0) codes.add(code);
    }
    return codes.size > 0 ? { folder: URI.file(folder).toString(), sampleCodes: [...codes].slice(0, 3) } : null;
  }

  /** The folders with no catalog of their own whose code uses error codes: the client offers to create one. */
  async catalogSuggestions(): Promise<CatalogSuggestion[]> {
    await this.settled();
    const found: CatalogSuggestion[] = [];
    for (const folder of this.registry.folderPaths()) {
      const hasCatalog = this.registry.allCatalogs().some((catalog) => catalog.origin === 'workspace' && isInside(folder, pathOf(catalog.uri) ?? ''));
      if (hasCatalog) continue;
      let suggestion = this.suggestions.get(folder);
      if (!suggestion) {
        // A sample of the folder's files answers whether its code uses codes, without reading a large repository whole.
        const sample = this.files.paths().filter((path) => isInside(folder, path)).slice(0, SUGGESTION_SAMPLE_FILES);
        suggestion = sample.length === 0 ? Promise.resolve(null) : this.importFromFiles(sample, [folder]).then(
          (draft) => {
            const codes = Object.keys(draft.catalog.codes);
            return codes.length > 0 ? { folder: URI.file(folder).toString(), sampleCodes: codes.slice(0, 3) } : null;
          },
          (error: unknown) => {
            // No codes found is an answer; anything else is a defect to see in the log, and no offer.
            if (!(error instanceof ImportError)) this.client.log.error(`Looking for error codes in ${folder} failed: ${(error as Error)?.stack ?? String(error)}`);
            return null;
          },
        );
        this.suggestions.set(folder, suggestion);
      }
      const answer = (await suggestion) ?? (await this.codesInOpenDocuments(folder));
      if (answer) found.push(answer);
    }
    return found;
  }
}

/** Where a generated file goes by default, beside its catalog. */
function generatedFileName(catalogPath: string, params: GenerateParams): string {
  const base = catalogPath.slice(catalogPath.lastIndexOf('/') + 1).replace(/\.errors\.(?:ya?ml|json)$|\.(?:ya?ml|json)$/, '');
  if (params.kind === 'docs') return `${base}.errors.md`;
  const holder = params.name?.split(/[.\\]/).pop();
  const names: Readonly<Record<string, string>> = { ts: 'errorCodes.ts', python: 'error_codes.py', go: 'errors.go', java: `${holder ?? 'ApiErrors'}.java`, csharp: 'ApiErrors.cs', php: 'ErrorCode.php', rust: 'error_codes.rs' };
  return names[params.language ?? 'ts'] ?? 'errorCodes.ts';
}
