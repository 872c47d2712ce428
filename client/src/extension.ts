/**
 * The VS Code side: starts the language server over IPC, shows the catalog in use in the
 * status bar, and offers the extension's commands. All language features live in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  ErrorCatalogMethods,
  type CatalogsChangedParams,
  type CatalogSummary,
  type CodeSummary,
  type ErrorResponseResult,
  type GenerateResult,
  type HandlingOptionsResult,
  type CatalogSuggestion,
  type ImportCatalogParams,
  type ImportCatalogResult,
} from '../../server/src/protocol';
import { readGeneratedHeader } from '../../server/src/service/render/generatedHeader';
import type { WorkspaceEdit } from 'vscode-languageclient/node';

/** The languages whose files get hover and completion. */
export const LANGUAGES = [
  'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'java', 'kotlin', 'csharp',
  'ruby', 'php', 'rust', 'json', 'jsonc', 'yaml', 'markdown', 'plaintext', 'vue', 'svelte', 'swift', 'dart', 'scala', 'elixir',
];

/** What the extension exports, for other extensions and for the editor tests. */
export interface ErrorCatalogApi {
  /** Resolves once the server has loaded the catalogs for the first time. */
  readonly ready: Promise<void>;
  /** The catalogs known after the latest (re)load. */
  catalogs(): readonly CatalogSummary[];
  /** Fires on every errorCatalog/catalogsChanged notification (each load, reload or catalog edit), with the catalogs it reports. */
  readonly onDidChangeCatalogs: vscode.Event<readonly CatalogSummary[]>;
  /** The status bar item for the active editor, brought up to date: its text and the command it runs (undefined when hidden). */
  statusBar(): Promise<{ readonly text: string; readonly command: string | undefined } | undefined>;
}

let client: LanguageClient | undefined;
/** The catalogs of the latest (re)load, as the server announced them. */
let latestCatalogs: readonly CatalogSummary[] = [];

export async function activate(context: vscode.ExtensionContext): Promise<ErrorCatalogApi | undefined> {
  const output = vscode.window.createOutputChannel('Error Catalog', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    outputChannel: output,
    // Commands the server may put in code actions: they need VS Code's quick picks.
    initializationOptions: {
      clientCommands: ['errorCatalog.insertErrorResponse', 'errorCatalog.insertErrorHandling', 'errorCatalog.showReferences'],
      // Checked catalogs are remembered here between runs, so that start-up skips re-reading unchanged ones.
      cacheFolder: vscode.Uri.joinPath(context.globalStorageUri, 'catalogs').fsPath,
    },
  };
  client = new LanguageClient('errorCatalog', 'Error Catalog', serverOptions, clientOptions);

  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  const catalogsChanged = new vscode.EventEmitter<readonly CatalogSummary[]>();
  context.subscriptions.push(catalogsChanged);

  const status = vscode.window.createStatusBarItem('errorCatalog.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Error Catalog';
  status.command = 'errorCatalog.pickCatalog';
  context.subscriptions.push(status);

  let statusShown = false;
  const showStatus = (shown: boolean) => {
    statusShown = shown;
    if (shown) status.show();
    else status.hide();
  };
  const updateStatus = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!client || !editor || !LANGUAGES.includes(editor.document.languageId)) {
      showStatus(false);
      return;
    }
    const catalogs = await client.sendRequest<CatalogSummary[]>(ErrorCatalogMethods.catalogsForDocument, { uri: editor.document.uri.toString() });
    const shown = catalogs.filter((c) => c.id !== 'http-status');
    const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
    if (folder && !shown.some((c) => c.origin === 'workspace')) {
      // A folder whose code uses error codes but has no catalog of its own: offer to create one.
      const suggestions = await client.sendRequest<CatalogSuggestion[]>(ErrorCatalogMethods.catalogSuggestions);
      const suggestion = suggestions.find((s) => s.folder === folder.uri.toString());
      if (suggestion) {
        status.text = '$(book) Create error catalog';
        status.command = { title: 'Create Error Catalog', command: 'errorCatalog.createCatalog', arguments: [{ folder: suggestion.folder }] };
        const tooltip = new vscode.MarkdownString(undefined, false);
        tooltip.appendText(`This folder's code uses error codes (${suggestion.sampleCodes.join(', ')}) but has no error catalog. Create one from an OpenAPI document, an error docs page or the code, for hover and checks on your own codes.`);
        status.tooltip = tooltip;
        showStatus(true);
        return;
      }
    }
    status.command = 'errorCatalog.pickCatalog';
    if (shown.length === 0) {
      showStatus(false);
      return;
    }
    const codes = shown.reduce((sum, c) => sum + c.codeCount, 0);
    const broken = shown.some((c) => c.errorCount > 0);
    status.text = `${broken ? '$(warning)' : '$(book)'} ${shown[0].title}${shown.length > 1 ? ` +${shown.length - 1}` : ''} · ${codes} code${codes === 1 ? '' : 's'}`;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendMarkdown('**Error catalogs for this file**\n\n');
    for (const c of shown) {
      tooltip.appendText(`${c.title}: ${c.codeCount} codes, ${c.statusCount} statuses${c.origin === 'builtin' ? ' (built-in)' : ''}${c.errorCount ? `, ${c.errorCount} errors` : ''}`);
      tooltip.appendMarkdown('\n\n');
    }
    status.tooltip = tooltip;
    showStatus(true);
  };
  const refreshStatus = () => updateStatus().catch((error) => output.warn(`Status bar update failed: ${String(error)}`));

  context.subscriptions.push(
    vscode.commands.registerCommand('errorCatalog.reload', async () => {
      await client?.sendRequest(ErrorCatalogMethods.reload);
      await refreshStatus();
    }),
    vscode.commands.registerCommand('errorCatalog.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('errorCatalog.insertErrorResponse', () => insertErrorResponse()),
    vscode.commands.registerCommand('errorCatalog.insertErrorHandling', () => insertErrorHandling()),
    vscode.commands.registerCommand('errorCatalog.explainErrorCode', (code?: string) => explainErrorCode(code)),
    vscode.commands.registerCommand('errorCatalog.pickCatalog', () => pickCatalog()),
    vscode.commands.registerCommand('errorCatalog.generateDocs', (options?: GenerateCommandOptions) => generateFile('docs', options)),
    vscode.commands.registerCommand('errorCatalog.generateConstants', (options?: GenerateCommandOptions) => generateFile('types', options)),
    vscode.commands.registerCommand('errorCatalog.createCatalog', async (options?: CreateCatalogOptions) => {
      const created = await createCatalog(options);
      await refreshStatus();
      return created;
    }),
    // The catalog's reference-count lenses open the references of their code.
    vscode.commands.registerCommand('errorCatalog.showReferences', (uri: string, position: { line: number; character: number }) =>
      vscode.commands.executeCommand('editor.action.findReferences', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character))),
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
  );

  // Registered before start, so the first load's notification (the ready signal) is never missed.
  context.subscriptions.push(
    client.onNotification(ErrorCatalogMethods.catalogsChanged, (params: CatalogsChangedParams) => {
      latestCatalogs = params.catalogs;
      markReady();
      catalogsChanged.fire(latestCatalogs);
      void refreshStatus();
    }),
  );
  try {
    await client.start();
  } catch (error) {
    const message = `Error Catalog: the language server could not start: ${(error as Error)?.message ?? String(error)}`;
    output.error(message);
    void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => choice && output.show());
    return undefined;
  }
  const statusBar = async () => {
    await updateStatus();
    return statusShown ? { text: status.text, command: typeof status.command === 'string' ? status.command : status.command?.command } : undefined;
  };
  return { ready, catalogs: () => latestCatalogs, onDidChangeCatalogs: catalogsChanged.event, statusBar };
}

/** Quick pick over every code of the active file's catalogs, then the error response at the cursor. */
async function insertErrorResponse(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) {
    void vscode.window.showInformationMessage('Error Catalog: open a file to insert an error response into.');
    return;
  }
  const uri = editor.document.uri.toString();
  const codes = await client.sendRequest<CodeSummary[]>(ErrorCatalogMethods.codes, { uri });
  if (codes.length === 0) {
    void vscode.window.showInformationMessage('Error Catalog: no error codes apply to this file. Add a *.errors.yaml catalog or choose built-in catalogs in settings.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    codes.map((c) => ({ label: c.code, description: c.detail, detail: c.catalog, code: c.code })),
    { placeHolder: 'Error code to return (search by code, title or status)', matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const position = editor.selection.active;
  const result = await client.sendRequest<ErrorResponseResult | null>(ErrorCatalogMethods.errorResponse, {
    uri, position: { line: position.line, character: position.character }, code: picked.code,
  });
  if (!result) {
    void vscode.window.showInformationMessage('Error Catalog: no error response can go here: put the cursor on an empty line or a statement inside a handler.');
    return;
  }
  // The imports first, in one undo step with the code: the code's range moves down by the lines they add above it.
  const imports = result.additionalEdits ?? [];
  if (imports.length > 0) {
    await editor.edit((builder) => {
      for (const edit of imports) builder.replace(new vscode.Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character), edit.newText);
    }, { undoStopBefore: true, undoStopAfter: false });
  }
  const range = new vscode.Range(shiftedBy(result.range.start, imports), shiftedBy(result.range.end, imports));
  // The snippet is indented relative to its line, as snippets are: VS Code adds the line's indentation.
  await editor.insertSnippet(new vscode.SnippetString(result.snippet), range, { undoStopBefore: imports.length === 0, undoStopAfter: true });
}

/** Where a position of the original document is once edits that end before it are applied. */
function shiftedBy(position: { line: number; character: number }, edits: ErrorResponseResult['additionalEdits']): vscode.Position {
  let { line, character } = position;
  for (const { range, newText } of edits ?? []) {
    const { start, end } = range;
    if (end.line > position.line || (end.line === position.line && end.character > position.character)) continue;
    const lines = newText.split('\n');
    if (end.line === position.line) character = (lines.length === 1 ? start.character + newText.length : lines[lines.length - 1].length) + (position.character - end.character);
    line += lines.length - 1 - (end.line - start.line);
  }
  return new vscode.Position(line, character);
}

/** Picks the client library and the catalog, then adds handling code (and its imports) to the active file. */
async function insertErrorHandling(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) {
    void vscode.window.showInformationMessage('Error Catalog: open a TypeScript, JavaScript, Python or Go file to add error handling to.');
    return;
  }
  const uri = editor.document.uri.toString();
  const options = await client.sendRequest<HandlingOptionsResult>(ErrorCatalogMethods.handlingOptions, { uri });
  if (options.variants.length === 0) {
    void vscode.window.showInformationMessage(`Error Catalog: error handling can be written in TypeScript, JavaScript, Python and Go, not ${editor.document.languageId}.`);
    return;
  }
  if (options.catalogs.length === 0) {
    void vscode.window.showInformationMessage('Error Catalog: no catalog with error codes applies to this file.');
    return;
  }
  const variant = options.variants.length === 1 ? options.variants[0]
    : (await vscode.window.showQuickPick(options.variants.map((v) => ({ label: v.label, id: v.id })), { placeHolder: 'HTTP client to write the handling for' }));
  if (!variant) return;
  const catalog = options.catalogs.length === 1 ? options.catalogs[0]
    : (await vscode.window.showQuickPick(options.catalogs.map((c) => ({ label: c.title, description: `${c.codeCount} codes`, uri: c.uri })), { placeHolder: 'Catalog to handle the errors of' }));
  if (!catalog) return;
  const edit = await client.sendRequest<WorkspaceEdit | null>(ErrorCatalogMethods.errorHandling, { uri, variant: variant.id, catalog: catalog.uri });
  if (edit) await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
}

/** The file whose catalogs the commands use: the active editor's, else the first workspace folder's. */
function currentUri(): string | undefined {
  return vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
}

/** Quick pick over every code (or the given one), then its full explanation in a Markdown preview. */
async function explainErrorCode(code?: string): Promise<void> {
  const uri = currentUri();
  if (!client || !uri) return;
  let chosen = typeof code === 'string' ? code : undefined;
  if (!chosen) {
    const codes = await client.sendRequest<CodeSummary[]>(ErrorCatalogMethods.codes, { uri });
    const picked = await vscode.window.showQuickPick(
      codes.map((c) => ({ label: c.code, description: c.detail, detail: c.catalog })),
      { placeHolder: 'Error code to explain (search by code, title or status)', matchOnDescription: true, matchOnDetail: true },
    );
    chosen = picked?.label;
  }
  if (!chosen) return;
  const markdown = await client.sendRequest<string | null>(ErrorCatalogMethods.explain, { uri, code: chosen });
  if (!markdown) {
    void vscode.window.showInformationMessage(`Error Catalog: ${chosen} is not in the catalogs this file uses.`);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}

/** The status bar's action: the catalogs this file uses and every other one; a file opens, a built-in joins the folder's catalogs. */
async function pickCatalog(): Promise<void> {
  const uri = currentUri();
  if (!client || !uri) return;
  const inUse = await client.sendRequest<CatalogSummary[]>(ErrorCatalogMethods.catalogsForDocument, { uri });
  const all = latestCatalogs;
  const used = new Set(inUse.map((c) => c.uri));
  const items = all.filter((c) => c.id !== 'http-status').map((c) => ({
    label: `${used.has(c.uri) ? '$(check) ' : ''}${c.title}`,
    description: `${c.codeCount} codes${c.origin === 'builtin' ? ' · built-in' : ''}${c.errorCount ? ` · ${c.errorCount} errors` : ''}`,
    detail: c.origin === 'workspace' ? vscode.workspace.asRelativePath(vscode.Uri.parse(c.uri)) : c.uri,
    catalog: c,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Open a catalog file, or use a built-in catalog in this folder' });
  if (!picked) return;
  if (picked.catalog.origin === 'workspace') {
    await vscode.window.showTextDocument(vscode.Uri.parse(picked.catalog.uri));
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri));
  const configuration = vscode.workspace.getConfiguration('errorCatalog', folder?.uri);
  const entries = configuration.get<string[]>('catalogs', []);
  if (!entries.includes(picked.catalog.uri)) {
    await configuration.update('catalogs', [...entries, picked.catalog.uri], folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
  }
}

/** What a generate command may be given instead of asking (for keybindings, tasks and tests). */
interface GenerateCommandOptions {
  /** The catalog's uri. */
  readonly catalog?: string;
  readonly language?: string;
  /** Where to write the file (a uri); it is opened once written. */
  readonly target?: string;
}

const TYPES_LANGUAGE_ITEMS = [
  { label: 'TypeScript', language: 'ts' }, { label: 'Python', language: 'python' }, { label: 'Go', language: 'go' },
  { label: 'Java', language: 'java' }, { label: 'C#', language: 'csharp' }, { label: 'PHP', language: 'php' }, { label: 'Rust', language: 'rust' },
];

/** Error Catalog: Generate Docs Page… / Generate Code Constants…: pick the catalog (and language), write the file, open it. */
async function generateFile(kind: 'docs' | 'types', options: GenerateCommandOptions = {}): Promise<vscode.Uri | undefined> {
  if (!client) return undefined;
  const catalogs = latestCatalogs.filter((c) => c.origin === 'workspace' && c.codeCount > 0);
  if (catalogs.length === 0) {
    void vscode.window.showInformationMessage('Error Catalog: there is no workspace catalog to generate from. Create an *.errors.yaml file first.');
    return undefined;
  }
  const catalog = options.catalog ?? (catalogs.length === 1 ? catalogs[0].uri : (await vscode.window.showQuickPick(
    catalogs.map((c) => ({ label: c.title, description: `${c.codeCount} codes`, detail: vscode.workspace.asRelativePath(vscode.Uri.parse(c.uri)), uri: c.uri })),
    { placeHolder: 'Generate from which catalog?' },
  ))?.uri);
  if (!catalog) return undefined;
  const language = kind === 'docs' ? undefined : options.language ?? (await vscode.window.showQuickPick(TYPES_LANGUAGE_ITEMS, { placeHolder: 'Constants for which language?' }))?.language;
  if (kind === 'types' && !language) return undefined;
  const result = await client.sendRequest<GenerateResult | null>(ErrorCatalogMethods.generate, { catalog, kind, language });
  if (!result || 'problem' in result) {
    void vscode.window.showErrorMessage(`Error Catalog: ${result ? result.problem : 'the catalog is not loaded (see its problems).'}`);
    return undefined;
  }
  const target = options.target ? vscode.Uri.parse(options.target) : await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(vscode.Uri.parse(catalog), '..', result.fileName),
    title: kind === 'docs' ? 'Save the error reference page' : 'Save the error code constants',
  });
  if (!target) return undefined;
  // A file error-catalog did not generate is replaced only when the user says so.
  const existing = await vscode.workspace.fs.readFile(target).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
  if (existing !== undefined && !readGeneratedHeader(existing)) {
    const replace = 'Replace';
    const answer = options.target ? undefined : await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} exists and was not generated by Error Catalog. Replace it?`, { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(target);
  return target;
}

/** What Create Error Catalog may be given instead of asking (for the walkthrough's links, the status bar and tests). */
interface CreateCatalogOptions {
  readonly source?: ImportCatalogParams['source'];
  /** The workspace folder's uri. */
  readonly folder?: string;
  /** The OpenAPI document or docs page (a uri). */
  readonly input?: string;
  /** Where to write the catalog (a uri); an existing file there is replaced without asking. */
  readonly target?: string;
}

const CATALOG_SOURCES: readonly { label: string; detail: string; source: ImportCatalogParams['source'] }[] = [
  { label: '$(file-code) From an OpenAPI document', detail: 'The error schema, codes, statuses and the operations that return them (OpenAPI 3.0, 3.1, Swagger 2.0)', source: 'openapi' },
  { label: '$(book) From an error docs page', detail: 'An error reference page in Markdown, HTML or text: codes, statuses, causes and resolutions', source: 'docs' },
  { label: '$(code) From the code', detail: 'The error codes your code defines as constants, with the statuses it raises them with', source: 'code' },
  { label: '$(new-file) Blank catalog', detail: 'A commented template to fill in by hand', source: 'blank' },
];

/** Error Catalog: Create Error Catalog…: pick a source, import it in the server, write `api.errors.yaml` and open it. */
async function createCatalog(options: CreateCatalogOptions = {}): Promise<vscode.Uri | undefined> {
  if (!client) return undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = options.folder ? vscode.Uri.parse(options.folder)
    : folders.length <= 1 ? folders[0]?.uri
      : (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the error catalog in which folder?' }))?.uri;
  if (!folder) {
    if (folders.length === 0) void vscode.window.showInformationMessage('Error Catalog: open a folder first; the catalog is a file in it.');
    return undefined;
  }
  const source = options.source ?? (await vscode.window.showQuickPick(CATALOG_SOURCES, { placeHolder: 'Start the error catalog from…' }))?.source;
  if (!source) return undefined;
  let input = options.input;
  if (!input && (source === 'openapi' || source === 'docs')) {
    const picked = await vscode.window.showOpenDialog({
      defaultUri: folder,
      canSelectMany: false,
      openLabel: 'Import',
      title: source === 'openapi' ? 'The OpenAPI document to import' : 'The error docs page to import',
      filters: source === 'openapi' ? { 'OpenAPI documents': ['yaml', 'yml', 'json'] } : { 'Docs pages': ['md', 'markdown', 'html', 'htm', 'txt'] },
    });
    input = picked?.[0]?.toString();
    if (!input) return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Error Catalog: importing…' },
    () => client!.sendRequest<ImportCatalogResult>(ErrorCatalogMethods.importCatalog, { source, folder: folder.toString(), input }),
  );
  if ('problem' in result) {
    void vscode.window.showErrorMessage(`Error Catalog: ${result.problem}`);
    return undefined;
  }
  const target = options.target ? vscode.Uri.parse(options.target) : vscode.Uri.joinPath(folder, 'api.errors.yaml');
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  if (exists && !options.target) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} exists. Replace it with the imported catalog?`, { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(target);
  if (source !== 'blank') {
    const parts = [`Imported ${result.codeCount} code${result.codeCount === 1 ? '' : 's'}.`];
    if (result.guessCount > 0) parts.push(`${result.guessCount} guessed value${result.guessCount === 1 ? ' is' : 's are'} marked "# guessed:".`);
    if (result.leftOut.length > 0) parts.push(`${result.leftOut.length} thing${result.leftOut.length === 1 ? ' was' : 's were'} not imported (listed at the top of the file).`);
    void vscode.window.showInformationMessage(`Error Catalog: ${parts.join(' ')}`);
  }
  return target;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
