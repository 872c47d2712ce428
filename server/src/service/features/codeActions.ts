/**
 * Code actions that write a correctly shaped error response: on an error code, "Return CODE
 * (status) error response"; on a status, one action per code of that status. The response is
 * rendered for the document's framework from the catalog's envelope.
 */
import {
  CodeActionKind,
  TextEdit,
  type CodeAction,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet, CodeHit } from '../catalog/catalogSet';
import { findCodeAt } from './hover';
import { code, toPlainText, toSnippet, type Code } from '../render/code';
import { errorResponse } from '../render/errorResponse';
import { renderLiteral } from '../render/literals';
import { renderBody } from '../catalog/envelope';
import { lineAt, statusConstantAt, statusNumberAt } from '../text/textScan';

export interface CodeActionOptions {
  /** `errorCatalog.framework`: a framework id, or undefined to detect it from the document. */
  readonly framework?: string;
  /** The client applies snippet edits (tab stops) in workspace edits. */
  readonly snippetEdits: boolean;
  /** The client's own command that picks a code and inserts its response, when it has one. */
  readonly insertResponseCommand?: string;
}

/** The first line of a request handler, in the frameworks the renderers know. */
const HANDLER_START = new RegExp([
  String.raw`\(\s*req\b[^)]*,\s*res\b`, String.raw`\(\s*request\b[^)]*,\s*reply\b`, String.raw`\(\s*c\s*(?::\s*Context)?\s*\)\s*=>`, String.raw`\bctx\b.*=>`,
  String.raw`export\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE)\b`, String.raw`\basync\s+fetch\s*\(`,
  String.raw`@(?:app|router|bp|blueprint)\.(?:get|post|put|patch|delete|route|api_route)\b`, String.raw`^\s*def\s+\w+\s*\(\s*request\b`,
  String.raw`\bfunc\s+\w*\s*\(\s*w\s+http\.ResponseWriter`, String.raw`\bc\s+\*gin\.Context`,
  String.raw`@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b`, String.raw`\bapp\.Map(?:Get|Post|Put|Patch|Delete)\(`,
  String.raw`\bpublic\s+function\s+\w+\s*\(\s*Request\b`, String.raw`<\s*(?:ApplicationController|ActionController::\w+)`,
].join('|'));

/** Whether the cursor is inside a request handler: a handler's first line within the 40 lines above. */
export function insideRequestHandler(document: TextDocument, line: number): boolean {
  const start = Math.max(0, line - 40);
  const text = document.getText({ start: { line: start, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.split('\n').some((l) => HANDLER_START.test(l));
}

/** An edit that inserts generated code, as a snippet where the client takes one. */
export interface GeneratedInsert {
  readonly range: Range;
  /** Snippet syntax (`${1:message}`). */
  readonly snippet: string;
  /** The same code with every tab stop at its default. */
  readonly text: string;
}

const MAX_ACTIONS_PER_STATUS = 5;

/** The codes the cursor points at: the code under it, or the codes of the status under it. */
function codesAt(document: TextDocument, offset: number, set: CatalogSet): CodeHit[] {
  const text = document.getText();
  const code = findCodeAt(text, offset, set);
  if (code) return [code.hits[0]];
  const status = statusConstantAt(text, offset, (name) => set.statusOfName(name)) ?? statusNumberAt(text, offset, (s) => set.reasonOf(s));
  return status ? set.codesWithStatus(status.status, MAX_ACTIONS_PER_STATUS) : [];
}

/** One level of indentation as the document writes it: a tab, or the smallest indent of its first indented lines. */
export function indentUnit(document: TextDocument): string {
  const lines = document.getText().split('\n', 400);
  let smallest = Infinity;
  for (const line of lines) {
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.length === 0 || line.trim() === '') continue;
    if (indent.startsWith('\t')) return '\t';
    smallest = Math.min(smallest, indent.length);
  }
  if (smallest === Infinity) return document.languageId === 'python' ? '    ' : '  ';
  return ' '.repeat(Math.min(smallest, 8));
}

/**
 * Where generated statements go: a blank line is replaced; otherwise a new line after the
 * cursor's line, indented like it (one level deeper after a line that opens a block).
 */
export interface InsertionPoint {
  readonly range: Range;
  /** Text before the generated code: a line break and indentation, or the blank line's indentation. */
  readonly prefix: string;
  /** Indentation of the generated code's first line. */
  readonly indent: string;
  /** One level of indentation in the document. */
  readonly unit: string;
  /**
   * Whitespace before the insertion point on its line. Editors add it to every line of an inserted
   * snippet after the first, so snippets carry their indentation relative to it.
   */
  readonly snippetBase: string;
}

export function insertionPoint(document: TextDocument, offset: number): InsertionPoint {
  const line = lineAt(document.getText(), offset);
  const indent = /^\s*/.exec(line.text)?.[0] ?? '';
  const unit = indentUnit(document);
  const start = document.positionAt(line.start);
  const end = { line: start.line, character: line.text.length };
  if (line.text.trim() === '') return { range: { start, end }, prefix: indent, indent, unit, snippetBase: '' };
  // A trailing comment does not hide the `{` or `:` that opens a block.
  const code = line.text.replace(/\s(?:\/\/|#).*$/, '');
  const deeper = /[{(:[]\s*$/.test(code) ? indent + unit : indent;
  return { range: { start: end, end }, prefix: `\n${deeper}`, indent: deeper, unit, snippetBase: indent };
}

/** The error response for a code, ready to insert at the cursor; for languages with no renderer, the JSON body where that is valid text. */
export function errorResponseInsert(document: TextDocument, offset: number, hit: CodeHit, set: CatalogSet, framework?: string): GeneratedInsert | undefined {
  const point = insertionPoint(document, offset);
  let generated: Code | undefined = errorResponse(hit.catalog, hit.entry, {
    languageId: document.languageId, text: document.getText(), framework, indent: point.indent, unit: point.unit, standard: set.standard,
  })?.code;
  if (!generated) {
    // Prose can hold a JSON body; source code in a language without a renderer cannot.
    if (document.languageId === 'markdown') generated = code('```json\n', renderLiteral(renderBody(hit.catalog, hit.entry), 'json', '', { unit: point.unit }), '\n```');
    else if (document.languageId === 'plaintext') generated = renderLiteral(renderBody(hit.catalog, hit.entry), 'json', point.indent, { unit: point.unit });
    else return undefined;
  }
  const full = code(point.prefix, generated);
  const snippet = toSnippet(full);
  const relative = point.snippetBase ? snippet.split('\n').map((line, i) => (i > 0 && line.startsWith(point.snippetBase) ? line.slice(point.snippetBase.length) : line)).join('\n') : snippet;
  return { range: point.range, snippet: relative, text: toPlainText(full) };
}

export function doCodeActions(document: TextDocument, range: Range, set: CatalogSet, options: CodeActionOptions): CodeAction[] {
  const offset = document.offsetAt(range.start);
  const actions: CodeAction[] = [];
  for (const hit of codesAt(document, offset, set)) {
    const insert = errorResponseInsert(document, offset, hit, set, options.framework);
    if (!insert) continue;
    const edit: WorkspaceEdit = options.snippetEdits
      ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [{ range: insert.range, snippet: { kind: 'snippet', value: insert.snippet } }] }] }
      : { changes: { [document.uri]: [TextEdit.replace(insert.range, insert.text)] } };
    actions.push({
      title: `Return ${hit.entry.code} (${hit.entry.status}) error response`,
      kind: CodeActionKind.QuickFix,
      edit,
    });
  }
  // Inside a handler with no code or status at hand: pick the code from a list.
  if (actions.length === 0 && options.insertResponseCommand && set.codeCount > 0 && insideRequestHandler(document, range.start.line)) {
    actions.push({
      title: 'Return an error response…',
      kind: CodeActionKind.QuickFix,
      command: { title: 'Return an error response…', command: options.insertResponseCommand },
    });
  }
  return actions;
}
