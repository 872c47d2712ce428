/**
 * The shapes of message params, checked before a message is handled: a client (or a fuzzer) that
 * sends a malformed request gets InvalidParams and a sentence naming what is wrong, and a
 * malformed notification is ignored with a warning, rather than an exception in a handler.
 */
import type {
  CodeActionParams,
  DidChangeTextDocumentParams,
  DidChangeWatchedFilesParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  DidSaveTextDocumentParams,
  WillSaveTextDocumentParams,
  WorkspaceFoldersChangeEvent,
  CompletionItem,
  ReferenceParams,
  RenameParams,
  TextDocumentIdentifier,
  TextDocumentPositionParams,
  WorkspaceSymbolParams,
} from 'vscode-languageserver';
import type { ErrorHandlingParams, ErrorResponseParams, ExplainParams, GenerateParams, ImportCatalogParams } from '../protocol';

type Shape = Record<string, unknown>;

const isObject = (value: unknown): value is Shape => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
/** An LSP `uinteger`. */
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0x7fffffff;
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isPosition = (value: unknown) => isObject(value) && isCount(value.line) && isCount(value.character);
const isRange = (value: unknown) => isObject(value) && isPosition(value.start) && isPosition(value.end);
const hasDocument = (value: unknown): value is { textDocument: TextDocumentIdentifier } => isObject(value) && isObject(value.textDocument) && isString(value.textDocument.uri);

export const isAnything = (_value: unknown): _value is unknown => true;
export const isDocumentParams = hasDocument;
export const isPositionParams = (value: unknown): value is TextDocumentPositionParams => hasDocument(value) && isPosition((value as Shape).position);
export const isReferenceParams = (value: unknown): value is ReferenceParams => isPositionParams(value) && isObject((value as unknown as Shape).context);
export const isRenameParams = (value: unknown): value is RenameParams => isPositionParams(value) && isString((value as unknown as Shape).newName);
export const isCodeActionParams = (value: unknown): value is CodeActionParams =>
  hasDocument(value) && isRange((value as Shape).range) && isObject((value as Shape).context) && Array.isArray(((value as Shape).context as Shape).diagnostics);
export const isWorkspaceSymbolParams = (value: unknown): value is WorkspaceSymbolParams => isObject(value) && isString(value.query);
export const isCompletionItem = (value: unknown): value is CompletionItem => isObject(value) && isString(value.label);
export const isUriParams = (value: unknown): value is { uri: string } => isObject(value) && isString(value.uri);
export const isErrorResponseParams = (value: unknown): value is ErrorResponseParams => isUriParams(value) && isPosition((value as Shape).position) && isString((value as Shape).code);
export const isErrorHandlingParams = (value: unknown): value is ErrorHandlingParams => isUriParams(value) && isString((value as Shape).variant) && isString((value as Shape).catalog);
export const isExplainParams = (value: unknown): value is ExplainParams => isUriParams(value) && isString((value as Shape).code);
export const isGenerateParams = (value: unknown): value is GenerateParams => isObject(value) && isString(value.catalog) && (value.kind === 'docs' || value.kind === 'types')
  && (value.language === undefined || isString(value.language)) && (value.name === undefined || isString(value.name));

export const isImportCatalogParams = (value: unknown): value is ImportCatalogParams => isObject(value) && isString(value.folder)
  && (value.source === 'openapi' || value.source === 'docs' || value.source === 'code' || value.source === 'blank')
  && (value.input === undefined || isString(value.input));

const isFolder = (value: unknown) => isObject(value) && isString(value.uri) && isString(value.name);
const isTextChange = (value: unknown) => isObject(value) && isString(value.text) && (value.range === undefined || isRange(value.range));

export const isDidOpenParams = (value: unknown): value is DidOpenTextDocumentParams =>
  isObject(value) && isObject(value.textDocument) && isString(value.textDocument.uri) && isString(value.textDocument.languageId)
  && isInteger(value.textDocument.version) && isString(value.textDocument.text);
export const isDidChangeParams = (value: unknown): value is DidChangeTextDocumentParams =>
  isObject(value) && isObject(value.textDocument) && isString(value.textDocument.uri) && isInteger(value.textDocument.version)
  && Array.isArray(value.contentChanges) && value.contentChanges.every(isTextChange);
export const isDidCloseParams = (value: unknown): value is DidCloseTextDocumentParams => hasDocument(value);
export const isDidSaveParams = (value: unknown): value is DidSaveTextDocumentParams => hasDocument(value);
export const isWillSaveParams = (value: unknown): value is WillSaveTextDocumentParams => hasDocument(value);
export const isWatchedFilesParams = (value: unknown): value is DidChangeWatchedFilesParams =>
  isObject(value) && Array.isArray(value.changes) && value.changes.every((change) => isObject(change) && isString(change.uri) && isInteger(change.type));
export const isFoldersChangeEvent = (value: unknown): value is WorkspaceFoldersChangeEvent =>
  isObject(value) && Array.isArray(value.added) && value.added.every(isFolder) && Array.isArray(value.removed) && value.removed.every(isFolder);
/** `workspace/didChangeConfiguration`: any settings, even none, are read; only the params object is needed. */
export const isConfigurationParams = (value: unknown): value is { settings: unknown } => isObject(value);

const EXPECTED: Readonly<Record<string, string>> = {
  hover: 'expected { textDocument: { uri }, position: { line, character } }',
  definition: 'expected { textDocument: { uri }, position: { line, character } }',
  completion: 'expected { textDocument: { uri }, position: { line, character } }',
  prepareRename: 'expected { textDocument: { uri }, position: { line, character } }',
  'completion resolve': 'expected a completion item with a string label',
  'code action': 'expected { textDocument: { uri }, range: { start, end }, context: { diagnostics: [] } }',
  references: 'expected { textDocument: { uri }, position: { line, character }, context: { includeDeclaration } }',
  rename: 'expected { textDocument: { uri }, position: { line, character }, newName }',
  workspaceSymbol: 'expected { query }',
  documentSymbol: 'expected { textDocument: { uri } }',
  codeLens: 'expected { textDocument: { uri } }',
  errorResponse: 'expected { uri, position: { line, character }, code }',
  errorHandling: 'expected { uri, variant, catalog }',
  explain: 'expected { uri, code }',
  'textDocument/didOpen': 'expected { textDocument: { uri, languageId, version, text } }',
  'textDocument/didChange': 'expected { textDocument: { uri, version }, contentChanges: [{ range?, text }] }',
  'textDocument/didClose': 'expected { textDocument: { uri } }',
  'textDocument/didSave': 'expected { textDocument: { uri } }',
  'textDocument/willSave': 'expected { textDocument: { uri } }',
  'workspace/didChangeWatchedFiles': 'expected { changes: [{ uri, type }] }',
  'workspace/didChangeWorkspaceFolders': 'expected { event: { added: [{ uri, name }], removed: [{ uri, name }] } }',
  'workspace/didChangeConfiguration': 'expected { settings }',
};

/** What a message's params should have been. */
export function problem(method: string): string {
  return EXPECTED[method] ?? 'expected { uri }';
}
