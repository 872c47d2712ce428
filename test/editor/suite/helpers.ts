/// <reference types="mocha" />
/**
 * What the editor suites share: the workspace they run in, the activated extension, documents
 * opened as a user opens them, and the results of the editor's own hover and completion commands
 * (every provider's answer, as a user would see them). Waiting is always on an event (the
 * extension's catalog notifications, diagnostics changes), never on a delay.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ErrorCatalogApi } from '../../../client/src/extension';
import type { CatalogSummary } from '../../../server/src/protocol';

export const EXTENSION_ID = 'error-catalog.error-catalog';

/** The one workspace folder the launcher opened (a copy of test/editor/fixtures/<scenario>). */
export function workspaceFolder(): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.[0];
}

/**
 * Declares the suite of one fixture scenario. It is registered only when the opened workspace
 * folder is that scenario's copy (the folder keeps the fixture's name), so every scenario file
 * can be loaded into every run.
 */
export function scenario(name: string, body: (this: Mocha.Suite) => void): void {
  if (workspaceFolder()?.name !== name) return;
  suite(name, body);
}

let api: Promise<ErrorCatalogApi> | undefined;

/** The extension, activated, once its server has loaded the catalogs (`api.ready`). */
export function extensionApi(): Promise<ErrorCatalogApi> {
  api ??= (async () => {
    const extension = vscode.extensions.getExtension<ErrorCatalogApi | undefined>(EXTENSION_ID);
    assert.ok(extension, `the extension ${EXTENSION_ID} is installed in the editor`);
    const exported = await extension.activate();
    assert.ok(exported, 'the extension activated and its language server started (activate() returned its API)');
    await exported.ready;
    return exported;
  })();
  return api;
}

export function uriOf(relative: string): vscode.Uri {
  const folder = workspaceFolder();
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Opens a workspace file in an editor, as a user does, and returns its document. */
export async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uriOf(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * The position of the `occurrence`-th (1-based) match of `needle` in the document, `offset`
 * characters into the match.
 */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 1): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${i + 1}) is in ${document.uri.path}`);
  }
  return document.positionAt(at + offset);
}

function markdownOf(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return content.value;
}

/** Every hover the editor would show at `position` (from all providers), as text. */
export async function hoversAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return (hovers ?? []).map((hover) => hover.contents.map(markdownOf).join('\n'));
}

/** The hover text at `position` that mentions `marker` (the error-catalog hover), or a failed assertion. */
export async function hoverWith(document: vscode.TextDocument, position: vscode.Position, marker: string): Promise<string> {
  const hovers = await hoversAt(document, position);
  const hover = hovers.find((text) => text.includes(marker));
  assert.ok(hover, `a hover at ${position.line + 1}:${position.character + 1} mentions ${marker}; the hovers were: ${JSON.stringify(hovers)}`);
  return hover;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The completion items the editor would list at `position` (from all providers). */
export async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list?.items ?? [];
}

/**
 * The code action titled `title` at `range`, or a failed assertion listing what was offered.
 * VS Code cancels a code-action request whenever the set of code-action providers for the document
 * changes while it runs (another extension's language server registering as the first Markdown or
 * TypeScript file opens): it then answers "Canceled", or leaves out the providers that answered
 * late. Such an answer is asked again, at most three times in all; a missing action fails every time.
 */
export async function codeActionTitled(uri: vscode.Uri, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  let offered: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range).then(
      (answer) => answer,
      (error: unknown) => {
        if ((error as Error)?.name === 'Canceled' || (error as Error)?.message === 'Canceled') return undefined;
        throw error;
      },
    );
    offered = (actions ?? []).map((action) => action.title);
    const found = actions?.find((action) => action.title === title);
    if (found) return found;
  }
  assert.fail(`no code action "${title}" at ${range.start.line + 1}:${range.start.character + 1}; offered: ${offered.join(', ')}`);
}

/** The position just inside the quotes of the `occurrence`-th `code: ''` in the document. */
export function insideEmptyCode(document: vscode.TextDocument, occurrence = 1): vscode.Position {
  return positionOf(document, "code: ''", "code: '".length, occurrence);
}

/**
 * The diagnostics of `uri` once they satisfy `predicate`: now if they already do, else at the
 * first diagnostics change that makes them (vscode.languages.onDidChangeDiagnostics).
 */
export function diagnosticsWhen(uri: vscode.Uri, predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      resolve(diagnostics);
      return true;
    };
    if (check()) return;
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && check()) listener.dispose();
    });
  });
}

/**
 * The catalogs of the first errorCatalog/catalogsChanged notification, from now on, whose
 * catalogs satisfy `predicate` (the extension API's onDidChangeCatalogs).
 */
export function catalogsChangeWhere(extension: ErrorCatalogApi, predicate: (catalogs: readonly CatalogSummary[]) => boolean): Promise<readonly CatalogSummary[]> {
  return new Promise((resolve) => {
    const listener = extension.onDidChangeCatalogs((catalogs) => {
      if (!predicate(catalogs)) return;
      listener.dispose();
      resolve(catalogs);
    });
  });
}

/** The summary of the workspace catalog file at `relative` among `catalogs`. */
export function catalogAt(catalogs: readonly CatalogSummary[], relative: string): CatalogSummary | undefined {
  const uri = uriOf(relative).toString();
  return catalogs.find((catalog) => catalog.origin === 'workspace' && vscode.Uri.parse(catalog.uri).toString() === uri);
}
