/**
 * The language server: one line per LSP message, from the connection to the session. Every
 * request goes through the same path: its params are checked (a malformed request is answered
 * with InvalidParams), cancellation is honoured, and a failure is logged and answered with a
 * fallback; a malformed notification is ignored with a warning. Requests are registered by their
 * type rather than through the connection's helpers (`onHover`, …), which read progress tokens out
 * of the params before any check could run. Knows no runtime; `node/main.ts` creates the
 * connection and the file system.
 */
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  WillSaveTextDocumentNotification,
  WillSaveTextDocumentWaitUntilRequest,
  WorkspaceSymbolRequest,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCatalogMethods } from './protocol';
import { runSafe } from './runSafe';
import * as params from './session/requestParams';
import type { ClientPort } from './session/client';
import { Session, type RuntimeEnvironment } from './session/session';

export type { RuntimeEnvironment } from './session/session';

const CAPABILITIES: InitializeResult['capabilities'] = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: { workDoneProgress: true },
  renameProvider: { prepareProvider: true },
  workspaceSymbolProvider: true,
  documentSymbolProvider: true,
  codeLensProvider: { resolveProvider: false },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
  completionProvider: { triggerCharacters: ['"', "'", '`', '.', ':', '='], resolveProvider: true, completionItem: { labelDetailsSupport: false } },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/** The client as the session sees it: the few things it sends and asks. */
function clientPort(connection: Connection): ClientPort {
  return {
    log: { info: (m) => connection.console.info(m), warn: (m) => connection.console.warn(m), error: (m) => connection.console.error(m) },
    // A notification after the connection closed (a check finishing as the client leaves) is dropped.
    publishDiagnostics: (p) => void connection.sendDiagnostics(p).catch(() => undefined),
    catalogsChanged: (p) => void connection.sendNotification(ErrorCatalogMethods.catalogsChanged, p).catch(() => undefined),
    refreshCodeLenses: () => void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined),
    configuration: async (scopeUri, section) => (await connection.workspace.getConfiguration([{ scopeUri, section }]))[0],
    registerWatchers: (globs) => void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) }),
    registerConfiguration: (section) => void connection.client.register(DidChangeConfigurationNotification.type, { section }),
    beginProgress: async (title) => {
      const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
      if (!progress) return undefined;
      progress.begin(title, 0, undefined, true);
      return {
        report: (percentage, message) => progress.report(percentage, message),
        done: () => progress.done(),
        get cancelled() { return progress.token.isCancellationRequested; },
      };
    },
  };
}

export function startServer(connection: Connection, runtime: RuntimeEnvironment): Session {
  const documents = new TextDocuments(TextDocument);
  const client = clientPort(connection);
  const session = new Session(client, documents, runtime);

  /** A request handler: params checked, then the work done safely. */
  const handle = <P, R>(name: string, fallback: R, valid: (p: unknown) => p is P, work: (p: P, token: CancellationToken) => R | Promise<R>) =>
    (p: unknown, token: CancellationToken) => (valid(p)
      ? runSafe(client.log, name, fallback, token, () => work(p, token))
      : new ResponseError<void>(ErrorCodes.InvalidParams, `${name}: ${params.problem(name)}`));

  /** A notification handler: params checked (a malformed one is logged and dropped), then the work done. */
  const notified = <P>(method: string, valid: (p: unknown) => p is P, work: (p: P) => void) => (p: unknown) => {
    if (valid(p)) work(p);
    else client.log.warn(`${method} ignored: ${params.problem(method)}`);
  };
  /** The document notifications, checked before the documents see them. */
  const documentEvents: Parameters<typeof documents.listen>[0] = {
    onDidOpenTextDocument: (h) => connection.onNotification(DidOpenTextDocumentNotification.type, notified('textDocument/didOpen', params.isDidOpenParams, h)),
    onDidChangeTextDocument: (h) => connection.onNotification(DidChangeTextDocumentNotification.type, notified('textDocument/didChange', params.isDidChangeParams, h)),
    onDidCloseTextDocument: (h) => connection.onNotification(DidCloseTextDocumentNotification.type, notified('textDocument/didClose', params.isDidCloseParams, h)),
    onWillSaveTextDocument: (h) => connection.onNotification(WillSaveTextDocumentNotification.type, notified('textDocument/willSave', params.isWillSaveParams, h)),
    onWillSaveTextDocumentWaitUntil: (h) => connection.onRequest(WillSaveTextDocumentWaitUntilRequest.type, h),
    onDidSaveTextDocument: (h) => connection.onNotification(DidSaveTextDocumentNotification.type, notified('textDocument/didSave', params.isDidSaveParams, h)),
  };

  connection.onInitialize((p): InitializeResult => {
    session.initialize(p);
    return { capabilities: CAPABILITIES, serverInfo: { name: 'error-catalog-language-server', version: '0.1.0' } };
  });
  connection.onInitialized(() => {
    // Replaces the connection's own handler, which reads `params.event` unchecked.
    if (session.followsWorkspaceFolders) {
      connection.onNotification(DidChangeWorkspaceFoldersNotification.type, notified('workspace/didChangeWorkspaceFolders',
        (p): p is { event: Parameters<Session['workspaceFoldersChanged']>[0] } => typeof p === 'object' && p !== null && params.isFoldersChangeEvent((p as { event?: unknown }).event),
        (p) => session.workspaceFoldersChanged(p.event)));
    }
    session.initialized();
  });
  connection.onShutdown(() => session.dispose());
  connection.onDidChangeConfiguration(notified('workspace/didChangeConfiguration', params.isConfigurationParams, (p) => session.configurationChanged(p.settings)));
  connection.onDidChangeWatchedFiles(notified('workspace/didChangeWatchedFiles', params.isWatchedFilesParams, (p) => session.watchedFilesChanged(p)));
  documents.onDidOpen(({ document }) => session.documentOpened(document));
  documents.onDidChangeContent(({ document }) => session.documentChanged(document));
  documents.onDidClose(({ document }) => session.documentClosed(document));

  connection.onRequest(HoverRequest.type, handle('hover', null, params.isPositionParams, (p) => session.hover(p)));
  connection.onRequest(DefinitionRequest.type, handle('definition', [], params.isPositionParams, (p) => session.definition(p)));
  connection.onRequest(CompletionRequest.type, handle('completion', null, params.isPositionParams, (p) => session.completion(p)));
  connection.onRequest(CompletionResolveRequest.type, (item, token) => handle('completion resolve', item, params.isCompletionItem, (p) => session.resolveCompletion(p))(item, token));
  connection.onRequest(CodeActionRequest.type, handle('code action', [], params.isCodeActionParams, (p) => session.codeActions(p)));
  connection.onRequest(ReferencesRequest.type, handle('references', [], params.isReferenceParams, (p, token) => session.references(p, token)));
  connection.onRequest(PrepareRenameRequest.type, handle('prepareRename', null, params.isPositionParams, (p) => session.prepareRename(p)));
  connection.onRequest(RenameRequest.type, handle('rename', null, params.isRenameParams, (p) => session.rename(p)));
  connection.onRequest(WorkspaceSymbolRequest.type, handle('workspaceSymbol', [], params.isWorkspaceSymbolParams, (p) => session.workspaceSymbols(p)));
  connection.onRequest(DocumentSymbolRequest.type, handle('documentSymbol', [], params.isDocumentParams, (p) => session.documentSymbols(p)));
  connection.onRequest(CodeLensRequest.type, handle('codeLens', [], params.isDocumentParams, (p) => session.codeLenses(p)));

  connection.onRequest(ErrorCatalogMethods.catalogsForDocument, handle('catalogsForDocument', [], params.isUriParams, (p) => session.catalogsForDocument(p)));
  connection.onRequest(ErrorCatalogMethods.reload, handle('reload', [], params.isAnything, () => session.reloadRequest()));
  connection.onRequest(ErrorCatalogMethods.codes, handle('codes', [], params.isUriParams, (p) => session.codes(p)));
  connection.onRequest(ErrorCatalogMethods.errorResponse, handle('errorResponse', null, params.isErrorResponseParams, (p) => session.errorResponse(p)));
  connection.onRequest(ErrorCatalogMethods.handlingOptions, handle('handlingOptions', { variants: [], catalogs: [] }, params.isUriParams, (p) => session.handlingOptions(p)));
  connection.onRequest(ErrorCatalogMethods.errorHandling, handle('errorHandling', null, params.isErrorHandlingParams, (p) => session.errorHandling(p)));
  connection.onRequest(ErrorCatalogMethods.explain, handle('explain', null, params.isExplainParams, (p) => session.explain(p)));
  connection.onRequest(ErrorCatalogMethods.generate, handle('generate', null, params.isGenerateParams, (p) => session.generate(p)));
  connection.onRequest(ErrorCatalogMethods.importCatalog, handle('importCatalog', { problem: 'The import failed; Error Catalog: Show Output has the details.' }, params.isImportCatalogParams, (p) => session.importCatalog(p)));
  connection.onRequest(ErrorCatalogMethods.catalogSuggestions, handle('catalogSuggestions', [], params.isAnything, () => session.catalogSuggestions()));

  documents.listen(documentEvents);
  connection.listen();
  return session;
}
