/**
 * Navigation across the workspace: references (with progress), rename, workspace and document
 * symbols, the reference-count lenses of catalog files, and the hints on codes no file uses.
 * The language features are the service's; this file reads the workspace and wires the requests.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  ResponseError,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type Range,
  type TextDocuments,
  type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogStore } from './session/catalogRegistry';
import { runSafe } from './runSafe';
import {
  catalogDocumentSymbols,
  codeKeysOf,
  codeRunAt,
  codeWorkspaceSymbols,
  countReferences,
  findCodeAt,
  lineAt,
  referencesInCatalog,
  referencesInSource,
  type CatalogSet,
} from './service/languageService';
import { CatalogProblemCode, type Catalog } from './service/catalog/model';
import type { Settings } from './session/settings';
import { pathOf } from './uris';
import type { WorkspaceSources } from './session/workspaceFiles';

export interface NavigationContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: CatalogStore;
  readonly sources: WorkspaceSources;
  readonly log: { error(message: string): void };
  /** Resolves once the catalogs being (re)loaded are in. */
  readonly whenReady: () => Promise<void>;
  readonly settingsFor: (uri: string) => Promise<Settings>;
  readonly setFor: (uri: string) => Promise<{ settings: Settings; set: CatalogSet }>;
  readonly clientCommands: () => readonly string[];
  readonly capabilities: () => ClientCapabilities;
  /** Hints on catalog codes no workspace file uses, by catalog file: filled here, published with the catalog's diagnostics. */
  readonly unusedHints: Map<string, Diagnostic[]>;
  readonly publishCatalogDiagnostics: (path: string) => void;
}

/** Registers the navigation requests; returns what drops the cached reference counts after a change. */
export function registerNavigation(context: NavigationContext): { forgetCounts: () => void } {
  const { connection, documents, store, sources, log, whenReady, settingsFor, setFor, clientCommands, capabilities, unusedHints, publishCatalogDiagnostics } = context;

  /** The code at a position: a code used in a source file, or a code named in a catalog file. */
  const codeAt = async (uri: string, position: { line: number; character: number }): Promise<{ code: string; catalog: Catalog; range: { start: number; end: number } } | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const offset = document.offsetAt(position);
    const path = pathOf(uri);
    const catalog = path ? store.catalogAt(path) : undefined;
    if (catalog) {
      const run = codeRunAt(lineAt(document.getText(), offset));
      return run && catalog.codes.has(run.text) ? { code: run.text, catalog, range: { start: run.start, end: run.end } } : undefined;
    }
    const { set } = await setFor(uri);
    const found = findCodeAt(document.getText(), offset, set);
    const hit = found?.hits[0];
    return hit && found && found.span.text === hit.entry.code ? { code: hit.entry.code, catalog: hit.catalog, range: { start: found.span.start, end: found.span.end } } : undefined;
  };

  /** Every reference to a catalog's code: in the catalog file, and in each source file that uses that catalog. */
  const referencesTo = async (code: string, catalog: Catalog, progress?: (done: number, total: number) => void, isCancelled?: () => boolean) => {
    const locations: { uri: string; range: Range }[] = [];
    const catalogPath = pathOf(catalog.sourceUri);
    const catalogState = catalogPath ? store.fileState(catalogPath) : undefined;
    if (catalogState) {
      const text = TextDocument.create(catalogState.uri, 'yaml', 0, catalogState.text);
      for (const r of referencesInCatalog(catalogState.text, code)) locations.push({ uri: catalogState.uri, range: { start: text.positionAt(r.start), end: text.positionAt(r.end) } });
    }
    for await (const source of sources.all(progress, isCancelled)) {
      if (!source.text.includes(code)) continue;
      const settings = await settingsFor(source.uri);
      const set = store.setFor(source.path, settings);
      if (!set.catalogs.includes(catalog)) continue;
      const found = referencesInSource(source.text, source.languageId, code, { codeKeys: codeKeysOf(set), functions: settings.codeFunctions, patterns: [] });
      if (found.length === 0) continue;
      const text = TextDocument.create(source.uri, source.languageId, 0, source.text);
      for (const r of found) locations.push({ uri: source.uri, range: { start: text.positionAt(r.start), end: text.positionAt(r.end) } });
    }
    return locations;
  };

  connection.onReferences(async (params, token) => runSafe(log, 'references', [], token, async () => {
    await whenReady();
    const target = await codeAt(params.textDocument.uri, params.position);
    if (!target) return [];
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin(`Finding references to ${target.code}`, 0, undefined, true);
    try {
      const locations = await referencesTo(target.code, target.catalog,
        (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done} of ${total} files`),
        () => token.isCancellationRequested || progress?.token.isCancellationRequested === true);
      return params.context.includeDeclaration ? locations : locations.filter((l) => {
        const key = target.catalog.rangeOf(['codes', target.code], 'key');
        return !(l.uri === target.catalog.sourceUri && l.range.start.line === target.catalog.positionAt(key.start).line);
      });
    } finally {
      progress?.done();
    }
  }));

  connection.onPrepareRename((params, token) => runSafe(log, 'prepareRename', null, token, async () => {
    await whenReady();
    const target = await codeAt(params.textDocument.uri, params.position);
    const document = documents.get(params.textDocument.uri);
    if (!target || !document) return null;
    if (target.catalog.origin === 'builtin') throw new ResponseError(0, `${target.code} comes from the built-in ${target.catalog.title} catalog, which cannot be renamed.`);
    return { range: { start: document.positionAt(target.range.start), end: document.positionAt(target.range.end) }, placeholder: target.code };
  }));

  connection.onRenameRequest((params, token) => runSafe(log, 'rename', null, token, async () => {
    await whenReady();
    const target = await codeAt(params.textDocument.uri, params.position);
    if (!target) return null;
    const newName = params.newName.trim();
    if (!/^[^\s"'`\\]{1,200}$/.test(newName)) throw new ResponseError(0, 'A code is 1 to 200 characters with no spaces, quotes or backslashes.');
    if (target.catalog.codes.has(newName)) throw new ResponseError(0, `${target.catalog.title} already has a code ${newName}: choose another name, or merge the two codes in the catalog.`);
    if (target.catalog.origin === 'builtin') throw new ResponseError(0, `${target.code} comes from the built-in ${target.catalog.title} catalog, which cannot be renamed.`);
    const changes: Record<string, TextEdit[]> = {};
    for (const location of await referencesTo(target.code, target.catalog)) {
      (changes[location.uri] ??= []).push({ range: location.range, newText: newName });
    }
    return { changes };
  }));

  connection.onWorkspaceSymbol((params, token) => runSafe(log, 'workspaceSymbol', [], token, async () => {
    await whenReady();
    return codeWorkspaceSymbols(store.allCatalogs(), params.query);
  }));

  connection.onDocumentSymbol((params, token) => runSafe(log, 'documentSymbol', [], token, async () => {
    const document = documents.get(params.textDocument.uri);
    const path = pathOf(params.textDocument.uri);
    if (!document || !path || !store.isCatalogFile(path)) return [];
    return catalogDocumentSymbols(document);
  }));

  /** Reference counts per code of a catalog, kept until a catalog or a source file changes. */
  const referenceCounts = new Map<Catalog, Promise<Map<string, number>>>();
  const countsFor = (catalog: Catalog): Promise<Map<string, number>> => {
    let counts = referenceCounts.get(catalog);
    if (!counts) {
      counts = (async () => {
        const result = new Map<string, number>();
        const codes = new Set(catalog.codes.keys());
        for await (const source of sources.all()) {
          const settings = await settingsFor(source.uri);
          const set = store.setFor(source.path, settings);
          if (!set.catalogs.includes(catalog)) continue;
          countReferences(source.text, source.languageId, codes, { codeKeys: codeKeysOf(set), functions: settings.codeFunctions, patterns: [] }, result);
        }
        return result;
      })();
      referenceCounts.set(catalog, counts);
    }
    return counts;
  };
  /**
   * Recounts references a second after the last change, and marks the codes of each workspace
   * catalog that no file uses. A catalog none of whose codes is used yet (an API not called from
   * this workspace) gets no hints: every code would be one.
   */
  let unusedTimer: NodeJS.Timeout | undefined;
  const refreshUnusedHints = () => {
    clearTimeout(unusedTimer);
    unusedTimer = setTimeout(() => {
      void (async () => {
        await whenReady();
        for (const catalog of store.allCatalogs().filter((c) => c.origin === 'workspace')) {
          const path = pathOf(catalog.sourceUri);
          if (!path) continue;
          const counts = await countsFor(catalog);
          const used = [...counts.values()].some((n) => n > 0);
          const hints: Diagnostic[] = !used ? [] : [...catalog.codes.keys()].filter((code) => !counts.get(code)).map((code) => {
            const key = catalog.rangeOf(['codes', code], 'key');
            return {
              range: { start: catalog.positionAt(key.start), end: catalog.positionAt(key.end) },
              severity: DiagnosticSeverity.Hint,
              tags: [DiagnosticTag.Unnecessary],
              source: 'error-catalog',
              code: CatalogProblemCode.UnusedCode,
              message: `${code} is not used in any file of the workspace.`,
            };
          });
          const before = unusedHints.get(path) ?? [];
          if (before.length === 0 && hints.length === 0) continue;
          unusedHints.set(path, hints);
          publishCatalogDiagnostics(path);
        }
      })().catch((error) => log.error(`Counting code references failed: ${(error as Error).stack}`));
    }, 1000);
  };

  const forgetCounts = () => {
    referenceCounts.clear();
    if (capabilities().workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh');
    refreshUnusedHints();
  };

  connection.onCodeLens((params, token) => runSafe(log, 'codeLens', [], token, async () => {
    await whenReady();
    const path = pathOf(params.textDocument.uri);
    const catalog = path ? store.catalogAt(path) : undefined;
    if (!catalog) return [];
    const counts = await countsFor(catalog);
    const command = clientCommands().includes('errorCatalog.showReferences') ? 'errorCatalog.showReferences' : '';
    return [...catalog.codes.keys()].map((code) => {
      const key = catalog.rangeOf(['codes', code], 'key');
      const range = { start: catalog.positionAt(key.start), end: catalog.positionAt(key.end) };
      const count = counts.get(code) ?? 0;
      return { range, command: { title: count === 1 ? '1 reference' : `${count} references`, command, arguments: [params.textDocument.uri, range.start] } };
    });
  }));


  return { forgetCounts };
}
