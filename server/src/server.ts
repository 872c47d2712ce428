/**
 * The language server: wires LSP messages to the catalog store and the language service.
 * Knows no runtime; `node/main.ts` creates the connection and the file system.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CatalogStore, type CatalogFileSystem } from './session/catalogRegistry';
import {
  ErrorCatalogMethods,
  type CatalogsForDocumentParams,
  type CatalogSummary,
  type CodeSummary,
  type ErrorHandlingParams,
  type ExplainParams,
  type ErrorResponseParams,
  type ErrorResponseResult,
  type HandlingOptionsResult,
} from './protocol';
import { runSafe } from './runSafe';
import { registerNavigation } from './navigation';
import { pathOf } from './uris';
import { WorkspaceSources } from './session/workspaceFiles';
import {
  codeDetail,
  diagnosticFixes,
  doCodeActions,
  SourceChecker,
  doComplete,
  doHover,
  errorHandlingEdit,
  explainCode,
  findDefinition,
  errorResponseInsert,
  HANDLING_VARIANTS,
  handlingCodeActions,
  handlingVariantsFor,
  resolveCompletion,
  SourceDiagnosticCode,
  type HandlingVariant,
  type CompletionData,
} from './service/languageService';
import type { CatalogProblem } from './service/catalog/model';
import { DEFAULT_SETTINGS, excludeGlobs, readSettings, type Settings } from './session/settings';

export interface RuntimeEnvironment {
  readonly fs: CatalogFileSystem;
}

const SEVERITY: Record<CatalogProblem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};


export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  // Everything printed goes to the client's log, never to stdout (which carries the protocol under --stdio).
  console.log = connection.console.log.bind(connection.console);
  console.info = connection.console.info.bind(connection.console);
  console.warn = connection.console.warn.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`));

  const log = {
    info: (m: string) => connection.console.info(m),
    warn: (m: string) => connection.console.warn(m),
    error: (m: string) => connection.console.error(m),
  };
  const documents = new TextDocuments(TextDocument);
  const store = new CatalogStore(runtime.fs, log);
  const sources = new WorkspaceSources(store, runtime.fs, documents);

  let capabilities: ClientCapabilities = {};
  let folders: WorkspaceFolder[] = [];
  /** Settings given by the client when it cannot be asked (initialization options, pushed configuration). */
  let pushedSettings: unknown;
  const settingsCache = new Map<string, Promise<Settings>>();
  let ready: Promise<void> = Promise.resolve();
  /** Drops cached reference counts (set once the navigation handlers exist). */
  let forgetCounts: () => void = () => {};
  /** Hints on catalog codes no workspace file uses, by catalog file. */
  const unusedHints = new Map<string, Diagnostic[]>();
  /** Commands the client itself implements (VS Code's quick picks); standalone clients have none. */
  let clientCommands: string[] = [];

  const canPullConfiguration = () => capabilities.workspace?.configuration === true;

  const folderOf = (uri: string): WorkspaceFolder | undefined => {
    let best: WorkspaceFolder | undefined;
    for (const folder of folders) {
      const prefix = folder.uri.endsWith('/') ? folder.uri : `${folder.uri}/`;
      if ((uri === folder.uri || uri.startsWith(prefix)) && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  };

  /** Settings for a resource, cached per workspace folder. */
  const settingsFor = (uri: string | undefined): Promise<Settings> => {
    const scope = (uri && folderOf(uri)?.uri) ?? '';
    let settings = settingsCache.get(scope);
    if (!settings) {
      settings = (async () => {
        if (!canPullConfiguration()) return readSettings(pushedSettings, log.warn);
        const [raw] = await connection.workspace.getConfiguration([{ scopeUri: scope || undefined, section: 'errorCatalog' }]);
        return readSettings(raw ?? pushedSettings, log.warn);
      })();
      settingsCache.set(scope, settings);
    }
    return settings;
  };

  const filesExcludeFor = async (folderUri: string): Promise<string[]> => {
    if (!canPullConfiguration()) return [];
    const [filesExclude] = await connection.workspace.getConfiguration([{ scopeUri: folderUri, section: 'files.exclude' }]);
    return excludeGlobs(filesExclude);
  };

  const publishCatalogDiagnostics = (path: string) => {
    const state = store.fileState(path);
    const uri = state?.uri ?? URI.file(path).toString();
    if (!state) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const text = TextDocument.create(uri, 'yaml', 0, state.text);
    const diagnostics: Diagnostic[] = state.problems.map((p) => ({
      range: { start: text.positionAt(p.range.start), end: text.positionAt(p.range.end) },
      severity: SEVERITY[p.severity],
      source: 'error-catalog',
      code: p.code,
      message: p.message,
    }));
    // Unused-code hints describe the version being served; while the file has errors they wait.
    if (!state.problems.some((p) => p.severity === 'error')) diagnostics.push(...(unusedHints.get(path) ?? []));
    void connection.sendDiagnostics({ uri, diagnostics });
  };

  const notifyCatalogsChanged = () => {
    void connection.sendNotification(ErrorCatalogMethods.catalogsChanged, { catalogs: store.summaries() });
    forgetCounts();
    // Codes, statuses and shapes may have changed under every open file.
    for (const document of documents.all()) scheduleValidation(document, 0);
  };

  // ---- diagnostics in source files: debounced per document, stale passes dropped ----
  const pendingValidation = new Map<string, NodeJS.Timeout>();
  // Each open document's checker keeps its last findings, so an edit re-checks only what it touched.
  const checkers = new Map<string, SourceChecker>();
  const loggedSkips = new Set<string>();
  const loggedPatterns = new Set<string>();
  const MAX_VALIDATED_LENGTH = 1024 * 1024;

  /** The lines of a text, counted without splitting it (checked on every edit of a large file). */
  const lineCount = (text: string): number => {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    return count;
  };

  /** Why a document is not checked (too large, minified, binary), or undefined to check it. */
  const skipReason = (text: string): string | undefined => {
    if (text.length > MAX_VALIDATED_LENGTH) return 'it is larger than 1 MB';
    if (text.includes('\0')) return 'it looks binary';
    const lines = text.split('\n', 50);
    if (lines.some((line) => line.length > 10_000) || (text.length > 50_000 && text.length / lineCount(text) > 500)) return 'it looks minified';
    return undefined;
  };

  const compilePatterns = (sources: readonly string[]): RegExp[] => sources.flatMap((source) => {
    try {
      return [new RegExp(source)];
    } catch (error) {
      if (!loggedPatterns.has(source)) {
        loggedPatterns.add(source);
        log.warn(`Setting errorCatalog.codePatterns: "${source}" is not a valid regular expression (${(error as Error).message}); it is ignored.`);
      }
      return [];
    }
  });

  const validate = async (uri: string) => {
    const document = documents.get(uri);
    const path = pathOf(uri);
    if (!document || (path && store.isCatalogFile(path))) return;
    const version = document.version;
    const text = document.getText();
    const reason = skipReason(text);
    if (reason) {
      if (!loggedSkips.has(uri)) {
        loggedSkips.add(uri);
        log.info(`Not checking ${uri} for error codes: ${reason}.`);
      }
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const { settings, set } = await setFor(uri);
    if (documents.get(uri)?.version !== version) return;
    const rules = settings.diagnostics;
    let checker = checkers.get(uri);
    if (!checker) checkers.set(uri, (checker = new SourceChecker()));
    const steps = checker.check(document, set, {
      severity: {
        [SourceDiagnosticCode.UnknownCode]: rules.unknownCode,
        [SourceDiagnosticCode.StatusMismatch]: rules.statusMismatch,
        [SourceDiagnosticCode.EnvelopeShape]: rules.envelopeShape,
        [SourceDiagnosticCode.DeprecatedCode]: rules.deprecatedCode,
      },
      functions: settings.codeFunctions,
      patterns: compilePatterns(settings.codePatterns),
    });
    // Between steps, requests waiting (hover, completion) are answered; a newer version makes this pass stale.
    let step = steps.next();
    while (!step.done) {
      await new Promise((resolve) => setImmediate(resolve));
      if (documents.get(uri)?.version !== version) return;
      step = steps.next();
    }
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: step.value });
  };

  /** Checks a document a little after the last change, so typing is never held up by it. */
  function scheduleValidation(document: TextDocument, delay?: number): void {
    clearTimeout(pendingValidation.get(document.uri));
    const run = (wait: number) => {
      clearTimeout(pendingValidation.get(document.uri));
      pendingValidation.set(document.uri, setTimeout(() => {
        pendingValidation.delete(document.uri);
        validate(document.uri).catch((error) => log.error(`Checking ${document.uri} failed: ${(error as Error).stack}`));
      }, wait));
    };
    if (delay !== undefined) run(delay);
    else settingsFor(document.uri).then((settings) => run(settings.diagnostics.delay), () => run(DEFAULT_SETTINGS.diagnostics.delay));
  }

  const scanFolder = async (folder: WorkspaceFolder) => {
    const path = pathOf(folder.uri);
    if (!path) return;
    const [settings, filesExclude] = await Promise.all([settingsFor(folder.uri), filesExcludeFor(folder.uri)]);
    const changed = await store.scanFolder(path, settings, filesExclude);
    for (const file of changed) publishCatalogDiagnostics(file);
  };

  const scanAll = async () => {
    await Promise.all(folders.map(scanFolder));
    // Open catalog documents are authoritative over what is on disk.
    for (const document of documents.all()) {
      const path = pathOf(document.uri);
      if (path && store.isCatalogPath(path)) {
        store.update(path, document.getText());
        publishCatalogDiagnostics(path);
      }
    }
    notifyCatalogsChanged();
  };

  const reload = () => {
    settingsCache.clear();
    ready = ready.then(scanAll, scanAll).catch((error) => log.error(`Loading catalogs failed: ${(error as Error).stack}`));
    return ready;
  };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    const options = params.initializationOptions as { settings?: { errorCatalog?: unknown }; clientCommands?: unknown } | undefined;
    pushedSettings = options?.settings?.errorCatalog;
    clientCommands = Array.isArray(options?.clientCommands) ? options.clientCommands.filter((c): c is string => typeof c === 'string') : [];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: { workDoneProgress: true },
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        completionProvider: {
          triggerCharacters: ['"', "'", '`', '.', ':', '='],
          resolveProvider: true,
          completionItem: { labelDetailsSupport: false },
        },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'error-catalog-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'errorCatalog' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.errors.{yaml,yml,json}' },
          // Source files, for references, rename and reference counts; also catalogs named in settings.
          { globPattern: '**/*.{ts,mts,cts,tsx,js,mjs,cjs,jsx,py,go,java,kt,kts,cs,rb,php,rs,json,jsonc,yaml,yml,vue,svelte,swift,dart,scala,ex,exs}' },
        ],
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) {
          const path = pathOf(removed.uri);
          if (path) for (const dropped of store.removeFolder(path)) publishCatalogDiagnostics(dropped);
        }
        folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)), ...event.added];
        void reload();
      });
    }
    void reload();
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { errorCatalog?: unknown } | undefined)?.errorCatalog;
    if (pushed !== undefined) pushedSettings = pushed;
    void reload();
  });

  connection.onDidChangeWatchedFiles((params) => {
    ready = ready.then(async () => {
      let catalogsTouched = false;
      for (const change of params.changes) {
        const path = pathOf(change.uri);
        if (!path) continue;
        if (!store.isCatalogFile(path)) {
          // A source file: references and counts must read it again.
          sources.invalidate(path);
          store.trackSource(path, change.type !== FileChangeType.Deleted);
          forgetCounts();
          continue;
        }
        catalogsTouched = true;
        if (change.type === FileChangeType.Deleted) {
          if (store.isCatalogPath(path)) {
            store.removeFile(path);
            publishCatalogDiagnostics(path);
          }
          continue;
        }
        if (documents.get(change.uri)) continue; // the open buffer wins until it is closed
        if (change.type === FileChangeType.Created) store.addDiscovered(path);
        if (store.isCatalogPath(path)) {
          await store.loadFromDisk(path);
          publishCatalogDiagnostics(path);
        }
      }
      if (catalogsTouched) notifyCatalogsChanged();
    });
  });

  // Catalog files open in the editor are re-validated as they are typed, a little after the last keystroke.
  const pendingCatalogEdits = new Map<string, NodeJS.Timeout>();
  documents.onDidChangeContent(({ document }) => {
    const path = pathOf(document.uri);
    if (!path || !store.isCatalogFile(path)) {
      scheduleValidation(document);
      forgetCounts();
      return;
    }
    clearTimeout(pendingCatalogEdits.get(path));
    pendingCatalogEdits.set(path, setTimeout(() => {
      pendingCatalogEdits.delete(path);
      ready = ready.then(() => {
        if (!store.isCatalogPath(path) && !store.addDiscovered(path)) return;
        store.update(path, document.getText());
        publishCatalogDiagnostics(path);
        notifyCatalogsChanged();
      });
    }, 150));
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(pendingValidation.get(document.uri));
    pendingValidation.delete(document.uri);
    checkers.delete(document.uri);
    loggedSkips.delete(document.uri);
    const path = pathOf(document.uri);
    if (!path || !store.isCatalogFile(path)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (!path) return;
    // A pending re-validation of the closed buffer must not land after the file is re-read from disk.
    clearTimeout(pendingCatalogEdits.get(path));
    pendingCatalogEdits.delete(path);
    if (!store.isCatalogPath(path)) return;
    ready = ready.then(async () => {
      await store.loadFromDisk(path);
      publishCatalogDiagnostics(path);
      notifyCatalogsChanged();
    });
  });

  const setFor = async (uri: string) => {
    await ready;
    const settings = await settingsFor(uri);
    return { settings, set: store.setFor(pathOf(uri), settings) };
  };

  connection.onHover((params, token) => runSafe(log, 'hover', null, token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { settings, set } = await setFor(document.uri);
    if (!settings.hover.enabled) return null;
    return doHover(document, params.position, set, { statuses: settings.hover.statuses });
  }));

  connection.onDefinition((params, token) => runSafe(log, 'definition', [], token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { set } = await setFor(document.uri);
    return findDefinition(document, params.position, set);
  }));

  const supportsItemDefaults = () => {
    const defaults = capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    return defaults.includes('editRange') && defaults.includes('data');
  };
  let lastCompletionUri: string | undefined;

  connection.onCompletion((params, token) => runSafe(log, 'completion', null, token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { settings, set } = await setFor(document.uri);
    if (!settings.completion.enabled) return null;
    lastCompletionUri = document.uri;
    return doComplete(document, params.position, set, { maxItems: settings.completion.maxItems, itemDefaults: supportsItemDefaults() });
  }));

  connection.onCompletionResolve((item, token) => runSafe<CompletionItem>(log, 'completion resolve', item, token, async () => {
    // Clients that do not merge `itemDefaults.data` into items send no data back: use the last completed document.
    const uri = (item.data as CompletionData | undefined)?.uri ?? lastCompletionUri;
    if (!uri) return item;
    const { set } = await setFor(uri);
    return resolveCompletion(item, set);
  }));

  connection.onCodeAction((params, token) => runSafe(log, 'code action', [], token, async () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { settings, set } = await setFor(document.uri);
    return [
      ...doCodeActions(document, params.range, set, {
        framework: settings.framework === 'auto' ? undefined : settings.framework,
        snippetEdits: capabilities.workspace?.workspaceEdit?.snippetEditSupport === true,
        insertResponseCommand: clientCommands.find((c) => c === 'errorCatalog.insertErrorResponse'),
      }),
      ...diagnosticFixes(document, params.context.diagnostics, set),
      ...handlingCodeActions(document, params.range, set),
    ];
  }));

  connection.onRequest(ErrorCatalogMethods.handlingOptions, (params: CatalogsForDocumentParams, token) =>
    runSafe<HandlingOptionsResult>(log, 'handlingOptions', { variants: [], catalogs: [] }, token, async () => {
      const document = documents.get(params.uri);
      if (!document) return { variants: [], catalogs: [] };
      const { set } = await setFor(document.uri);
      return {
        variants: handlingVariantsFor(document).map((id) => ({ id, label: HANDLING_VARIANTS.find((v) => v.id === id)!.label })),
        catalogs: set.catalogs.filter((c) => c.codes.size > 0).map((c) => ({ uri: c.uri, title: c.title, codeCount: c.codes.size })),
      };
    }));

  connection.onRequest(ErrorCatalogMethods.errorHandling, (params: ErrorHandlingParams, token) =>
    runSafe(log, 'errorHandling', null, token, async () => {
      const document = documents.get(params.uri);
      if (!document) return null;
      const { set } = await setFor(document.uri);
      const catalog = set.catalogs.find((c) => c.uri === params.catalog);
      if (!catalog || !HANDLING_VARIANTS.some((v) => v.id === params.variant)) return null;
      return errorHandlingEdit(document, catalog, set, params.variant as HandlingVariant) ?? null;
    }));

  connection.onRequest(ErrorCatalogMethods.codes, (params: CatalogsForDocumentParams, token) =>
    runSafe<CodeSummary[]>(log, 'codes', [], token, async () => {
      const { set } = await setFor(params.uri);
      return set.catalogs.flatMap((catalog) => [...catalog.codes.values()].map((entry) => ({
        code: entry.code, status: entry.status, title: entry.title, catalog: catalog.title, detail: codeDetail({ entry, catalog }, set),
      })));
    }));

  connection.onRequest(ErrorCatalogMethods.errorResponse, (params: ErrorResponseParams, token) =>
    runSafe<ErrorResponseResult | null>(log, 'errorResponse', null, token, async () => {
      const document = documents.get(params.uri);
      if (!document) return null;
      const { settings, set } = await setFor(document.uri);
      const hit = set.findCode(params.code)[0];
      if (!hit) return null;
      const insert = errorResponseInsert(document, document.offsetAt(params.position), hit, set, settings.framework === 'auto' ? undefined : settings.framework);
      return insert ?? null;
    }));

  forgetCounts = registerNavigation({
    connection, documents, store, sources, log, settingsFor, setFor, unusedHints, publishCatalogDiagnostics,
    whenReady: () => ready,
    clientCommands: () => clientCommands,
    capabilities: () => capabilities,
  }).forgetCounts;

  connection.onRequest(ErrorCatalogMethods.explain, (params: ExplainParams, token) =>
    runSafe<string | null>(log, 'explain', null, token, async () => {
      const { set } = await setFor(params.uri);
      const [hit, ...rest] = set.findCode(params.code);
      return hit ? explainCode(hit, set, rest.map((h) => h.catalog)) : null;
    }));

  connection.onRequest(ErrorCatalogMethods.catalogsForDocument, (params: CatalogsForDocumentParams, token) =>
    runSafe<CatalogSummary[]>(log, 'catalogsForDocument', [], token, async () => {
      const { set } = await setFor(params.uri);
      const summaries = store.summaries();
      return set.catalogs.map((catalog) => summaries.find((s) => s.uri === catalog.uri || s.uri === `builtin:${catalog.id}`) ?? {
        id: catalog.id, title: catalog.title, uri: catalog.uri, origin: catalog.origin, codeCount: catalog.codes.size, statusCount: catalog.statuses.size, errorCount: 0,
      });
    }));

  connection.onRequest(ErrorCatalogMethods.reload, async () => {
    await reload();
    return store.summaries();
  });

  documents.listen(connection);
  connection.listen();
}
