/**
 * Code actions that write a correctly shaped error response: on an error code, "Return CODE
 * (status) error response"; on a status, one action per code of that status. The response is
 * rendered for the document's framework from the catalog's envelope, through the names the
 * enclosing function has (its response parameter, whatever it is called), and placed where a
 * statement may go and is reached: after the statement holding the cursor when nothing follows
 * it in its block, on a blank line at a block's end, or in place of a statement that already
 * responds or exits. Where the workspace has its own way of raising a code (an idiom), that
 * statement comes first.
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
import { renderBody } from '../catalog/envelope';
import { findCodeAt } from './hover';
import { code, toPlainText, toSnippet, type Code, type Piece } from '../render/code';
import { errorResponsePlan, joinStatements, slotValues, type ResponsePlan } from '../render/errorResponse';
import { frameworkFor, FRAMEWORKS, goReturn, type FrameworkTemplate, type ResponseSite } from '../render/frameworks';
import { importEdits } from '../render/imports';
import { renderLiteral } from '../render/literals';
import { bodyNodeAt, innerKeysOf, templatePath } from '../text/dataNodes';
import { indentUnitOf, lineIndentAt, readsScopes, scopeAt, type ScopeAt, type Statement } from '../text/scopes';
import { lineAt, statusConstantAt, statusNumberAt } from '../text/textScan';

/** How the workspace raises a code: a statement with holes, learned from the workspace or given by the catalog. */
export interface RaiseIdiom {
  /** Text and holes; `code` is filled with `codeText` below, `message` with a tab stop holding the code's message. */
  readonly template: readonly (string | { readonly hole: 'code' | 'message' })[];
  /** How this code is written in the hole (its constant's qualified name, or a string literal). */
  readonly codeText: string;
  /** Imports the statement needs, as lines of the language (optional). */
  readonly imports?: readonly string[];
}

export interface CodeActionOptions {
  /** `errorCatalog.framework`: a framework id, or undefined to detect it from the document. */
  readonly framework?: string;
  /** The client applies snippet edits (tab stops) in workspace edits. */
  readonly snippetEdits: boolean;
  /** The client's own command that picks a code and inserts its response, when it has one. */
  readonly insertResponseCommand?: string;
  /** How the workspace raises a code, where it is known: that statement is offered first, the framework's response second. */
  readonly idiom?: (hit: CodeHit) => RaiseIdiom | undefined;
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

/** Generated code to put in a document, as a snippet where the client takes one. */
export interface GeneratedInsert {
  readonly range: Range;
  /** Snippet syntax (`${1:message}`). */
  readonly snippet: string;
  /** The same code with every tab stop at its default. */
  readonly text: string;
  /** It replaces a statement that already responded or raised. */
  readonly replaces: boolean;
  /** Edits that add the imports the code needs, elsewhere in the document. */
  readonly additionalEdits: readonly TextEdit[];
}

const MAX_ACTIONS_PER_STATUS = 5;

/** A status that is compared or matched (`getStatus() >= 500`, `case 404:`) is read, not sent: no response is written from it. */
function isReadStatus(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 4);
  return /(?:(?<![=-])[<>]=?|[=!]==?)\s*$|\bcase\s+$/.test(before) || /^\s*(?:[<>]=?|[=!]==?)(?!>)/.test(after);
}

/** A parameter that carries an error code (`code`, `errorCode: AnyErrorCode`, `$code`, `error_code`). */
const CODE_PARAMETER = /(?:^|_|\$)code$|Code$/i;

/**
 * The codes the cursor points at: the code under it, or the codes of the status under it. A status
 * inside a function that is handed its code (`static notFound(code, message) { return new
 * ApiError(404, code, message) }`) is a helper's: its caller picks the code, so none is offered.
 */
function codesAt(document: TextDocument, offset: number, set: CatalogSet): CodeHit[] {
  const text = document.getText();
  const code = findCodeAt(text, offset, set);
  if (code) return [code.hits[0]];
  const status = statusConstantAt(text, offset, (name) => set.statusOfName(name)) ?? statusNumberAt(text, offset, (s) => set.reasonOf(s));
  if (!status || isReadStatus(text, status.start, status.end)) return [];
  const handedItsCode = readsScopes(document.languageId) && scopeAt(text, document.languageId, offset)?.functions[0]?.params.some((p) => CODE_PARAMETER.test(p.name));
  return handedItsCode ? [] : set.codesWithStatus(status.status, MAX_ACTIONS_PER_STATUS);
}

/** One level of indentation as the document writes it: a tab, or the smallest indent of its first indented lines. */
export function indentUnit(document: TextDocument): string {
  return indentUnitOf(document.getText(), document.languageId);
}

// ---- Where the statement goes ----

/** Where generated statements go, and what they replace. */
interface Placement {
  readonly start: number;
  readonly end: number;
  /** Text before the code: a line break and indentation, or nothing where the code takes a statement's place. */
  readonly prefix: string;
  /** Text after the code (a line break before a `}` that shared its line). */
  readonly suffix: string;
  /** The indentation of the lines the statements start on. */
  readonly indent: string;
  /** What the code takes the place of: a statement that exited, one that wrote the response, or nothing. */
  readonly replaced?: 'exit' | 'write';
  /** Statements follow the replaced ones in their block (they stay reachable only if the code does not exit). */
  readonly followed: boolean;
  /** The code ends its function's own body, so a bare `return` is not needed. */
  readonly tail: boolean;
  /** Where several statements must become one (the body of a braceless `if`): the placement that wraps them, or undefined where they cannot be. */
  readonly wrapped?: Placement | 'never';
}

/** Statements that write a response through the handler's object: its status, its body, or all of it through a helper. */
const RESPONSE_WRITE = /^(?:await\s+)?(?:_\s*=\s*)?(?:[\w$]+\s*\.\s*(?:status|code|json|send|sendStatus|end|WriteHeader|JSON|AbortWithStatusJSON|AbortWithStatus|type|setStatus|sendError)\s*\(|[\w$]+\s*\.\s*(?:status|body)\s*=[^=]|[\w$]+\.Response\.(?:StatusCode\s*=|WriteAsync|WriteAsJsonAsync)|json\.NewEncoder\(\s*\w+\s*\)\.Encode\(|http\.Error\(|render(?:_\w+)?\b|respond_with\b|head\s+:|redirect_to\b)/;

/** Statements that set a response header through the handler's object. */
const HEADER_WRITE = /^(?:[\w$]+\s*\.\s*(?:Header\(\)\.(?:Set|Add)|set|header|setHeader|addHeader|setContentType)\s*\(|[\w$]+(?:\.Response)?\.(?:Headers\s*\[|ContentType\s*=)|response\.headers\s*\[|Response\.Headers\s*\[)/;

/** The same, for the statements of a response written over several (the status and the body, not the headers). */
const STATUS_OR_BODY = /\.(?:status|code|json|send|WriteHeader|JSON|Encode|body|WriteAsync|WriteAsJsonAsync|setStatus)\b|\bStatusCode\s*=|^render(?:_\w+)?\b/;

/** Parameters through which a response is written (`w`, `res`, `reply`, `ctx`, `context`). */
function responseParameters(scope: ScopeAt): Set<string> {
  return new Set(scope.functions.flatMap((fn) => fn.params)
    .filter((p) => /ResponseWriter|Response\b|Reply\b|Context\b|HttpServletResponse/.test(p.type ?? '') || /^(?:w|rw|res|resp|response|reply|ctx|c)$/.test(p.name))
    .map((p) => p.name));
}

function writesResponse(text: string, statement: Statement, scope: ScopeAt): boolean {
  const source = text.slice(statement.start, statement.end);
  if (RESPONSE_WRITE.test(source)) return true;
  // A helper given the response object first: `sendJSON(w, …)`, `writeError(res, …)`.
  const helper = /^(?:await\s+)?(?:_\s*=\s*)?[\w$.]+\(\s*([\w$]+)\s*[,)]/.exec(source);
  return helper !== null && responseParameters(scope).has(helper[1]);
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

function placementAt(text: string, offset: number, scope: ScopeAt): Placement | undefined {
  if (scope.functions.length === 0) return undefined;
  const { block } = scope;
  const statements = block.statements;
  /** Whether statements (not switch labels) come at or after `index`. */
  const followedFrom = (index: number) => index < statements.length && !statements[index].label;
  const braceless = block.kind === 'braceless';
  const replacing = (first: number, last: number, replaced: 'exit' | 'write'): Placement => {
    const start = statements[first].start;
    const end = statements[last].end;
    const placement: Placement = {
      start, end, prefix: '', suffix: '', indent: braceless ? block.outerIndent : lineIndentAt(text, start), replaced,
      followed: followedFrom(last + 1), tail: block.kind === 'function' && !followedFrom(last + 1),
    };
    if (!braceless) return placement;
    return { ...placement, wrapped: wrappedBraceless(text, scope, start, end) };
  };

  // Code after an exit is never reached: the exit before it is what the response takes the place of.
  if (scope.exitBefore) {
    const index = statements.indexOf(scope.exitBefore);
    return replacing(index, index, 'exit');
  }
  const statement = scope.statement;
  if (statement) {
    if (statement.label) return undefined;
    if (statement.exit) return replacing(scope.index, scope.index, 'exit');
    if (writesResponse(text, statement, scope)) {
      // A response written over several statements is replaced whole (its header lines stay).
      let first = scope.index;
      let last = scope.index;
      const isPart = (s: Statement | undefined) => {
        if (s === undefined || s.exit || s.label) return false;
        const source = text.slice(s.start, s.end);
        return HEADER_WRITE.test(source) || (writesResponse(text, s, scope) && STATUS_OR_BODY.test(source));
      };
      while (isPart(statements[first - 1])) first--;
      while (isPart(statements[last + 1])) last++;
      return replacing(first, last, 'write');
    }
    if (braceless || followedFrom(scope.index + 1)) return undefined;
    // After the statement: at the end of its last line when only a comment follows it there.
    const rest = text.slice(statement.end, lineEnd(text, statement.end));
    const onlyComment = /^\s*(?:(?:\/\/|#|\/\*).*)?$/.test(rest);
    const at = onlyComment ? lineEnd(text, statement.end) : statement.end;
    // A block closed on the statement's own line (`{ log(x) }`) gets its brace on a line of its own after the code.
    const suffix = !onlyComment && /^\s*[}\]]/.test(rest) ? `\n${block.outerIndent}` : '';
    return { start: at, end: at, prefix: `\n${block.indent}`, suffix, indent: block.indent, followed: false, tail: block.kind === 'function' };
  }
  if (followedFrom(scope.index)) return undefined;
  // Between statements, at the block's end: a blank line is replaced, otherwise the code starts a new line.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const hasClosingBrace = readsBraces(scope.languageId) && block.inner.end < text.length;
  let at = lineEnd(text, offset);
  let suffix = '';
  if (hasClosingBrace && block.inner.end <= at) {
    at = block.inner.end;
    suffix = `\n${block.outerIndent}`;
  }
  const before = text.slice(lineStart, at);
  if (before.trim() === '') return { start: lineStart, end: at, prefix: block.indent, suffix, indent: block.indent, followed: false, tail: block.kind === 'function' };
  return { start: at, end: at, prefix: `\n${block.indent}`, suffix, indent: block.indent, followed: false, tail: block.kind === 'function' };
}

const readsBraces = (languageId: string) => !['python', 'ruby'].includes(languageId);

/** The braceless body's statement as a block of its own: `{ … }`, Ruby's `if … end`, Python's body on its own indented lines. */
function wrappedBraceless(text: string, scope: ScopeAt, start: number, end: number): Placement | 'never' {
  const { block, languageId, unit } = scope;
  const inner = block.outerIndent + unit;
  // Python: the one-line body moves to its own indented lines.
  if (languageId === 'python') {
    const from = start - (/[ \t]*$/.exec(text.slice(0, start))?.[0].length ?? 0);
    return { start: from, end, prefix: `\n${inner}`, suffix: '', indent: inner, replaced: 'exit', followed: false, tail: false };
  }
  if (languageId === 'ruby') {
    if (!block.modifier) return 'never';
    const modifierEnd = text.indexOf(block.modifier, end) + block.modifier.length;
    const [keyword, ...condition] = block.modifier.split(/\s+/);
    return { start, end: modifierEnd, prefix: `${keyword} ${condition.join(' ')}\n${inner}`, suffix: `\n${block.outerIndent}end`, indent: inner, replaced: 'exit', followed: false, tail: false };
  }
  return { start, end, prefix: `{\n${inner}`, suffix: `\n${block.outerIndent}}`, indent: inner, replaced: 'exit', followed: false, tail: false };
}

/**
 * The statements placed: with the exit where the function must stop after a written response,
 * wrapped where several statements must stand as one. Undefined where they cannot be placed so.
 */
function placedCode(placement: Placement, render: (indent: string) => Code[], exit: string, exitRequired: boolean, exits: boolean): { placement: Placement; code: Piece[] } | undefined {
  // Replacing a statement that only wrote the response keeps the flow as it was: no exit added.
  const addExit = exit !== '' && placement.replaced !== 'write' && (exitRequired || !placement.tail);
  // Code that exits in place of a statement that did not would leave the statements after it unreached.
  if (placement.replaced === 'write' && placement.followed && exits) return undefined;
  const statementsAt = (indent: string) => {
    const rendered = render(indent);
    return addExit ? [...rendered, [exit]] : rendered;
  };
  let target = placement;
  let statements = statementsAt(placement.indent);
  // A braceless body becomes a block when the code is more than one statement, or more than one line.
  if (placement.wrapped && (statements.length > 1 || statements.some((s) => toPlainText(s).includes('\n')))) {
    if (placement.wrapped === 'never') {
      if (statements.length > 1) return undefined;
    } else {
      target = placement.wrapped;
      statements = statementsAt(target.indent);
    }
  }
  // The cursor ends after the statements, before anything that closes around them.
  return { placement: target, code: code(target.prefix, joinStatements(statements, target.indent), { tabStop: 0, text: '' }, target.suffix) };
}

// ---- What the statement says ----

/** The framework's form that fits the functions around the cursor (the framework's fallback where its own does not), with the names to use. */
function siteFor(framework: FrameworkTemplate, scope: ScopeAt, text: string): { framework: FrameworkTemplate; site: ResponseSite } | undefined {
  const context = { functions: scope.functions, text, semicolons: statementsEndWithSemicolons(text) };
  const site = framework.site(context);
  if (site) return { framework, site };
  const fallback = FRAMEWORKS.find((f) => f.id === framework.fallback);
  const fallbackSite = fallback?.site(context);
  return fallback && fallbackSite ? { framework: fallback, site: fallbackSite } : undefined;
}

/** The framework's response, placed: undefined where its form cannot be written at the cursor. */
function frameworkResponse(document: TextDocument, scope: ScopeAt, placement: Placement, hit: CodeHit, set: CatalogSet, template: FrameworkTemplate): { placement: Placement; code: Piece[]; imports: readonly string[] } | undefined {
  const text = document.getText();
  const chosen = siteFor(template, scope, text);
  if (!chosen) return undefined;
  const { framework, site } = chosen;
  let plan: ResponsePlan | undefined;
  const render = (indent: string) => {
    plan = errorResponsePlan(hit.catalog, hit.entry, framework, site, { languageId: document.languageId, text, indent, unit: scope.unit, standard: set.standard });
    return plan ? [...plan.statements] : [];
  };
  if (!render(placement.indent).length) return undefined;
  const exits = site.exit === '' && site.form !== 'write';
  const placed = placedCode(placement, render, site.exit, site.exitRequired, exits);
  return placed && plan ? { ...placed, imports: plan.imports } : undefined;
}

/** The message a code's raise carries: the catalog's, or its title. */
function messageOf(hit: CodeHit): string {
  return String(slotValues(hit.catalog, hit.entry).message);
}

/** The idiom's statement for a code, its message a tab stop, escaped for the quote around the hole. */
function idiomStatement(idiom: RaiseIdiom, hit: CodeHit): Piece[] {
  const pieces: Piece[] = [];
  idiom.template.forEach((part, i) => {
    if (typeof part === 'string') pieces.push(part);
    else if (part.hole === 'code') pieces.push(idiom.codeText);
    else {
      const before = idiom.template[i - 1];
      const quote = typeof before === 'string' ? before.slice(-1) : '"';
      const escaped = messageOf(hit).replace(/\\/g, '\\\\').replace(new RegExp(quote === "'" || quote === '"' || quote === '`' ? quote : '"', 'g'), `\\${quote}`).replace(/\n/g, '\\n');
      pieces.push({ tabStop: 1, text: escaped });
    }
  });
  return code(...pieces);
}

function idiomResponse(document: TextDocument, scope: ScopeAt, placement: Placement, hit: CodeHit, idiom: RaiseIdiom): { placement: Placement; code: Piece[]; imports: readonly string[] } | undefined {
  let statement = idiomStatement(idiom, hit);
  // Go returns the error beside the zero values of the function's other results; a function returning no error cannot.
  const first = typeof statement[0] === 'string' ? statement[0] : '';
  if (document.languageId === 'go' && /^return\s/.test(first)) {
    const stop = goReturn(scope.functions[0], document.getText(), 'ERR');
    if (!stop) return undefined;
    statement = code(stop.exit.replace(/ERR$/, ''), first.replace(/^return\s+/, ''), statement.slice(1));
  }
  const placed = placedCode(placement, () => [statement], '', false, true);
  return placed ? { ...placed, imports: idiom.imports ?? [] } : undefined;
}

/** Whether the JavaScript in `text` ends its statements with semicolons (most lines that could, do). */
export function statementsEndWithSemicolons(text: string): boolean {
  let withSemicolon = 0;
  let without = 0;
  for (const line of text.split('\n', 2000)) {
    if (/;\s*$/.test(line)) withSemicolon++;
    else if (/[\w)\]'"`]\s*$/.test(line) && !/^\s*(?:\/\/|\*|\/\*|import\b|export\s+(?:interface|type)\b)/.test(line)) without++;
  }
  return withSemicolon * 3 >= without;
}

// ---- Edits ----

/**
 * Go refuses to compile a file with an unused import: the imports only the replaced statements
 * used (`fmt` of a `fmt.Sprintf` message) go with them.
 */
function orphanedGoImports(document: TextDocument, placement: Placement, generated: string): TextEdit[] {
  const text = document.getText();
  const replaced = text.slice(placement.start, placement.end);
  const after = text.slice(0, placement.start) + generated + text.slice(placement.end);
  const edits: TextEdit[] = [];
  const lines = text.split('\n');
  let inBlock = false;
  lines.forEach((line, i) => {
    if (/^import\s*\($/.test(line)) { inBlock = true; return; }
    if (inBlock && /^\)/.test(line)) { inBlock = false; return; }
    const spec = inBlock ? /^\s*(?:([\w.]+)\s+)?"([^"]+)"\s*(?:\/\/.*)?$/.exec(line) : /^import\s+(?:([\w.]+)\s+)?"([^"]+)"\s*$/.exec(line);
    if (!spec) return;
    const name = spec[1] ?? spec[2].slice(spec[2].lastIndexOf('/') + 1);
    if (!/^[A-Za-z_]\w*$/.test(name) || name === '_') return;
    const use = new RegExp(`\\b${name}\\.`);
    const usedElsewhere = after.split('\n').some((l, j) => j !== i && !/^\s*(?:import\s+)?(?:[\w.]+\s+)?"[^"]+"\s*$/.test(l) && use.test(l));
    if (!use.test(replaced) || usedElsewhere) return;
    // The last import of a group takes the blank line that set the group apart with it.
    const alone = i > 0 && lines[i - 1].trim() === '' && (lines[i + 1] === undefined || /^\)|^\s*$/.test(lines[i + 1]));
    edits.push({ range: { start: { line: alone ? i - 1 : i, character: 0 }, end: { line: i + 1, character: 0 } }, newText: '' });
  });
  return edits;
}

/** Import edits as one list: an insertion where a removed line starts takes that line's place. */
function mergedImportEdits(added: readonly TextEdit[], removed: readonly TextEdit[]): TextEdit[] {
  const edits = [...removed];
  for (const edit of added) {
    const at = edits.findIndex((r) => r.range.start.line === edit.range.start.line && r.range.start.character === edit.range.start.character);
    if (at >= 0) edits[at] = { range: edits[at].range, newText: edit.newText };
    else edits.push(edit);
  }
  return edits;
}

function insertOf(document: TextDocument, placement: Placement, generated: Code, imports: readonly string[]): GeneratedInsert {
  const text = document.getText();
  const start = document.positionAt(placement.start);
  const lineText = text.slice(text.lastIndexOf('\n', placement.start - 1) + 1, placement.start);
  // Editors indent every line of a snippet after the first by the whitespace before it: snippets carry their lines relative to it.
  const snippetBase = /^[ \t]*/.exec(lineText)![0];
  const snippet = toSnippet(generated);
  const relative = snippetBase ? snippet.split('\n').map((line, i) => (i > 0 && line.startsWith(snippetBase) ? line.slice(snippetBase.length) : line)).join('\n') : snippet;
  return {
    range: { start, end: document.positionAt(placement.end) },
    snippet: relative,
    text: toPlainText(generated),
    replaces: placement.replaced !== undefined,
    additionalEdits: mergedImportEdits(importEdits(document, imports), document.languageId === 'go' && placement.replaced ? orphanedGoImports(document, placement, toPlainText(generated)) : []),
  };
}

/** JSON and YAML: the code's body node, replaced by the catalog's body for the code. */
function bodyInsert(document: TextDocument, offset: number, hit: CodeHit): GeneratedInsert | undefined {
  if (/\.errors\.(?:ya?ml|json)$/i.test(document.uri)) return undefined;
  const text = document.getText();
  const codePath = templatePath(hit.catalog.envelope.body, 'code') ?? ['code'];
  const node = bodyNodeAt(text, document.languageId, offset, codePath, innerKeysOf(hit.catalog.envelope.body));
  if (!node) return undefined;
  const unit = indentUnitOf(text, document.languageId);
  const value = renderBody(hit.catalog, hit.entry, { values: slotValues(hit.catalog, hit.entry) });
  // A YAML flow mapping becomes a JSON one (JSON is YAML), its lines deeper than the key it is under; one written on one line stays on one.
  let literal = document.languageId === 'yaml' && !node.flow
    ? renderLiteral(value, 'yaml', node.indent, { unit })
    : renderLiteral(value, 'json', document.languageId === 'yaml' ? node.indent + unit : node.indent, { unit });
  if (node.flow && !text.slice(node.start, node.end).includes('\n')) literal = onOneLine(literal);
  return insertOf(document, { start: node.start, end: node.end, prefix: '', suffix: '', indent: node.indent, replaced: 'exit', followed: false, tail: false }, code(literal, { tabStop: 0, text: '' }), []);
}

/** A JSON literal on one line: `{ "code": "X", "message": "…" }`. */
export function onOneLine(literal: Code): Piece[] {
  return code(...literal.map((piece) => (typeof piece === 'string' ? piece.replace(/([{[])\n\s*/g, '$1 ').replace(/\n\s*([}\]])/g, ' $1').replace(/\n\s*/g, ' ') : piece)));
}

/** Prose: the JSON body after the cursor's line (Markdown in a fence). */
function proseInsert(document: TextDocument, offset: number, hit: CodeHit): GeneratedInsert {
  const line = lineAt(document.getText(), offset);
  const at = line.start + line.text.length;
  const unit = indentUnit(document);
  const value = renderBody(hit.catalog, hit.entry);
  const body = document.languageId === 'markdown'
    ? code('```json\n', renderLiteral(value, 'json', '', { unit }), '\n```')
    : renderLiteral(value, 'json', '', { unit });
  return insertOf(document, { start: at, end: at, prefix: '\n', suffix: '', indent: '', followed: false, tail: false }, code('\n', body), []);
}

/**
 * The inserts for a code at the cursor: the workspace's idiom first where one is given, then the
 * framework's response. Empty where neither can be written there.
 */
function insertsAt(document: TextDocument, offset: number, hit: CodeHit, set: CatalogSet, framework?: string, idiom?: RaiseIdiom): { insert: GeneratedInsert; idiom: boolean }[] {
  const { languageId } = document;
  if (languageId === 'markdown' || languageId === 'plaintext') return [{ insert: proseInsert(document, offset, hit), idiom: false }];
  if (languageId === 'json' || languageId === 'jsonc' || languageId === 'yaml') {
    const insert = bodyInsert(document, offset, hit);
    return insert ? [{ insert, idiom: false }] : [];
  }
  if (!readsScopes(languageId)) return [];
  const text = document.getText();
  const scope = scopeAt(text, languageId, offset);
  const placement = scope && placementAt(text, offset, scope);
  if (!scope || !placement) return [];
  const inserts: { insert: GeneratedInsert; idiom: boolean }[] = [];
  const raise = idiom && idiomResponse(document, scope, placement, hit, idiom);
  if (raise) inserts.push({ insert: insertOf(document, raise.placement, raise.code, raise.imports), idiom: true });
  const template = frameworkFor(languageId, text, framework);
  const response = template && frameworkResponse(document, scope, placement, hit, set, template);
  if (response) inserts.push({ insert: insertOf(document, response.placement, response.code, response.imports), idiom: false });
  return inserts;
}

/**
 * The error response for a code at the cursor, placed by the rules above (the idiom's statement
 * when one is given and fits); undefined where nothing can be written there.
 */
export function errorResponseInsert(document: TextDocument, offset: number, hit: CodeHit, set: CatalogSet, framework?: string, idiom?: RaiseIdiom): GeneratedInsert | undefined {
  return insertsAt(document, offset, hit, set, framework, idiom)[0]?.insert;
}

function editOf(document: TextDocument, insert: GeneratedInsert, snippetEdits: boolean): WorkspaceEdit {
  if (!snippetEdits) return { changes: { [document.uri]: [TextEdit.replace(insert.range, insert.text), ...insert.additionalEdits] } };
  return {
    documentChanges: [{
      textDocument: { uri: document.uri, version: document.version },
      edits: [{ range: insert.range, snippet: { kind: 'snippet', value: insert.snippet } }, ...insert.additionalEdits],
    }],
  } as unknown as WorkspaceEdit;
}

function titleOf(hit: CodeHit, insert: GeneratedInsert, idiom: boolean, languageId: string): string {
  const code = `${hit.entry.code} (${hit.entry.status})`;
  if (idiom) return `Raise ${hit.entry.code} as this codebase does`;
  if (languageId === 'json' || languageId === 'jsonc' || languageId === 'yaml') return `Replace with ${code} error body`;
  return insert.replaces ? `Replace with ${code} error response` : `Return ${code} error response`;
}

export function doCodeActions(document: TextDocument, range: Range, set: CatalogSet, options: CodeActionOptions): CodeAction[] {
  const offset = document.offsetAt(range.start);
  const actions: CodeAction[] = [];
  const idiomActions: CodeAction[] = [];
  for (const hit of codesAt(document, offset, set)) {
    for (const { insert, idiom } of insertsAt(document, offset, hit, set, options.framework, options.idiom?.(hit))) {
      const action: CodeAction = { title: titleOf(hit, insert, idiom, document.languageId), kind: CodeActionKind.QuickFix, edit: editOf(document, insert, options.snippetEdits) };
      (idiom ? idiomActions : actions).push(action);
    }
  }
  // Inside a handler with no code or status at hand: pick the code from a list.
  if (actions.length === 0 && idiomActions.length === 0 && options.insertResponseCommand && set.codeCount > 0 && insideRequestHandler(document, range.start.line) && canRespondAt(document, offset, options.framework)) {
    actions.push({
      title: 'Return an error response…',
      kind: CodeActionKind.QuickFix,
      command: { title: 'Return an error response…', command: options.insertResponseCommand },
    });
  }
  return [...idiomActions, ...actions];
}

/** Whether a response could be written at the cursor (for offering to pick its code). */
function canRespondAt(document: TextDocument, offset: number, framework?: string): boolean {
  if (!readsScopes(document.languageId)) return false;
  const text = document.getText();
  const scope = scopeAt(text, document.languageId, offset);
  const template = frameworkFor(document.languageId, text, framework);
  return scope !== undefined && template !== undefined && placementAt(text, offset, scope) !== undefined && siteFor(template, scope, text) !== undefined;
}
