/**
 * Quick fixes for the source diagnostics, dispatched on each diagnostic's stable `code` and
 * built from the data it carries: nothing here reads a message.
 */
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet, CodeHit } from '../catalog/catalogSet';
import { renderBody } from '../catalog/envelope';
import { indentUnit, onOneLine } from './codeActions';
import { SourceDiagnosticCode, type FixData } from './diagnostics';
import { toPlainText, type Code } from '../render/code';
import { errorBodyLiteral, slotValues } from '../render/errorResponse';
import { renderLiteral } from '../render/literals';
import { lineIndentAt } from '../text/scopes';

function fix(document: TextDocument, diagnostic: Diagnostic, title: string, edits: TextEdit[], isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [document.uri]: edits } } };
}

/** The fix data of one of our diagnostics, if the text it is about is still there unchanged. */
function currentData(document: TextDocument, diagnostic: Diagnostic): FixData | undefined {
  if (diagnostic.source !== 'error-catalog' || typeof diagnostic.data !== 'object' || diagnostic.data === null) return undefined;
  const data = diagnostic.data as FixData;
  return typeof data.value === 'string' && document.getText(diagnostic.range) === data.value ? data : undefined;
}

/**
 * Type names written before a literal's bracket, which the rendered literal writes itself: Go's
 * `map[string]any{` and `gin.H{`, C#'s `new {` and `new Dictionary<string, object> {`.
 */
const LITERAL_TYPE_BEFORE: Readonly<Record<string, RegExp>> = {
  go: /(?:map\[string\](?:any|string|interface\{\})|gin\.H)\s*$/,
  csharp: /\bnew(?:\s+Dictionary<\s*string\s*,\s*object\??\s*>)?\s*$/,
};

/** The edit that puts the catalog's body in place of the bracketed literal at `[start, start + length)`, as a literal of the same language. */
function bodyRewrite(document: TextDocument, bodyStart: number, length: number, hit: CodeHit): TextEdit | undefined {
  const text = document.getText();
  const bodyEnd = bodyStart + length;
  // The body must still be the bracketed literal the diagnostic saw.
  if (bodyStart < 0 || !'{['.includes(text[bodyStart] ?? ' ') || !'}]'.includes(text[bodyEnd - 1] ?? ' ')) return undefined;
  const typed = LITERAL_TYPE_BEFORE[document.languageId]?.exec(text.slice(Math.max(0, bodyStart - 60), bodyStart));
  const start = typed ? bodyStart - typed[0].length : bodyStart;
  const indent = lineIndentAt(text, start);
  const unit = indentUnit(document);
  let body: Code | undefined;
  if (document.languageId === 'yaml') {
    // A YAML flow mapping becomes a JSON one (JSON is YAML), its lines deeper than the key it is under.
    body = renderLiteral(renderBody(hit.catalog, hit.entry, { values: slotValues(hit.catalog, hit.entry) }), 'json', indent + unit, { unit });
  } else {
    body = errorBodyLiteral(hit.catalog, hit.entry, document.languageId, text, indent, unit);
  }
  if (!body) return undefined;
  if ((document.languageId === 'yaml' || document.languageId === 'json') && !text.slice(bodyStart, bodyEnd).includes('\n')) body = onOneLine(body);
  return TextEdit.replace({ start: document.positionAt(start), end: document.positionAt(bodyEnd) }, toPlainText(body));
}

export function diagnosticFixes(document: TextDocument, diagnostics: readonly Diagnostic[], set: CatalogSet): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = currentData(document, diagnostic);
    if (!data) continue;
    const anchor = document.offsetAt(diagnostic.range.start);
    switch (diagnostic.code) {
      case SourceDiagnosticCode.UnknownCode:
        if (data.rule !== SourceDiagnosticCode.UnknownCode) break;
        data.suggestions.forEach((suggestion, i) => actions.push(fix(document, diagnostic, `Change to ${suggestion}`, [TextEdit.replace(diagnostic.range, suggestion)], i === 0)));
        break;
      case SourceDiagnosticCode.StatusMismatch: {
        if (data.rule !== SourceDiagnosticCode.StatusMismatch) break;
        const sent = String(data.sentStatus);
        // Only a status written as a number is edited: a named one (`http.StatusConflict`) would need its name in that language.
        const statusRange = data.statusOffset === undefined ? undefined : { start: document.positionAt(anchor + data.statusOffset), end: document.positionAt(anchor + data.statusOffset + sent.length) };
        if (statusRange && document.getText(statusRange) === sent) {
          actions.push(fix(document, diagnostic, `Send ${data.codeStatus} ${set.reasonOf(data.codeStatus) ?? ''}`.trimEnd() + `, the status of ${data.value}`, [TextEdit.replace(statusRange, String(data.codeStatus))], true));
        }
        data.alternatives.forEach((alternative, i) => {
          // A constant is replaced by the constant of the other code, never by a string where code expects a name.
          const replacement = data.alternativeTexts?.[i] ?? alternative;
          actions.push(fix(document, diagnostic, `Use ${alternative}, a ${data.sentStatus} code`, [TextEdit.replace(diagnostic.range, replacement)]));
        });
        break;
      }
      case SourceDiagnosticCode.EnvelopeShape: {
        if (data.rule !== SourceDiagnosticCode.EnvelopeShape) break;
        const hit = set.findCode(data.value)[0];
        if (!hit || data.built) break;
        const rewrite = bodyRewrite(document, anchor + data.bodyOffset, data.bodyLength, hit);
        if (rewrite) actions.push(fix(document, diagnostic, `Rewrite the body in the ${hit.catalog.title} envelope`, [rewrite], true));
        break;
      }
      case SourceDiagnosticCode.DeprecatedCode:
        if (data.rule === SourceDiagnosticCode.DeprecatedCode && data.replacement) {
          actions.push(fix(document, diagnostic, `Replace with ${data.replacement}`, [TextEdit.replace(diagnostic.range, data.replacementText ?? data.replacement)], true));
        }
        break;
    }
  }
  return actions;
}

/** A fix that needs no choice, with the diagnostic it fixes. */
export interface UnambiguousFix {
  readonly diagnostic: Diagnostic;
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * The fixes a tool may apply without asking (`error-catalog check --fix`): an unknown code with
 * exactly one close code, a deprecated code with its replacement, and a numeric status where the
 * code's catalog gives another. Everything else (several suggestions, other codes of the sent
 * status, a body rewrite) is a choice left to a person.
 */
export function unambiguousFixes(document: TextDocument, diagnostics: readonly Diagnostic[], set: CatalogSet): UnambiguousFix[] {
  const fixes: UnambiguousFix[] = [];
  for (const diagnostic of diagnostics) {
    const data = currentData(document, diagnostic);
    if (!data) continue;
    const oneSuggestion = data.rule === SourceDiagnosticCode.UnknownCode && data.suggestions.length === 1;
    const unambiguous = oneSuggestion || data.rule === SourceDiagnosticCode.DeprecatedCode || data.rule === SourceDiagnosticCode.StatusMismatch;
    if (!unambiguous || data.rule !== diagnostic.code) continue;
    // The preferred fix of each of these is the one (a status mismatch's alternatives are never preferred).
    const preferred = diagnosticFixes(document, [diagnostic], set).find((action) => action.isPreferred);
    const edits = preferred?.edit?.changes?.[document.uri];
    if (preferred && edits) fixes.push({ diagnostic, title: preferred.title, edits });
  }
  return fixes;
}
