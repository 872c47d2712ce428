/**
 * Quick fixes for the source diagnostics, dispatched on each diagnostic's stable `code` and
 * built from the data it carries: nothing here reads a message.
 */
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet } from '../catalog/catalogSet';
import { indentUnit } from './codeActions';
import { SourceDiagnosticCode, type FixData } from './diagnostics';
import { toPlainText } from '../render/code';
import { errorBodyLiteral } from '../render/errorResponse';
import { lineAt } from '../text/textScan';

function fix(document: TextDocument, diagnostic: Diagnostic, title: string, edits: TextEdit[], isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [document.uri]: edits } } };
}

/** The fix data of one of our diagnostics, if the text it is about is still there unchanged. */
function currentData(document: TextDocument, diagnostic: Diagnostic): FixData | undefined {
  if (diagnostic.source !== 'error-catalog' || typeof diagnostic.data !== 'object' || diagnostic.data === null) return undefined;
  const data = diagnostic.data as FixData;
  return typeof data.value === 'string' && document.getText(diagnostic.range) === data.value ? data : undefined;
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
        if (!hit) break;
        const text = document.getText();
        const bodyStart = anchor + data.bodyOffset;
        const bodyEnd = bodyStart + data.bodyLength;
        // The body must still be the bracketed literal the diagnostic saw.
        if (bodyStart < 0 || !'{['.includes(text[bodyStart] ?? ' ') || !'}]'.includes(text[bodyEnd - 1] ?? ' ')) break;
        const indent = /^\s*/.exec(lineAt(text, bodyStart).text)?.[0] ?? '';
        const body = errorBodyLiteral(hit.catalog, hit.entry, document.languageId, text, indent, indentUnit(document));
        if (!body) break;
        const range = { start: document.positionAt(bodyStart), end: document.positionAt(bodyEnd) };
        actions.push(fix(document, diagnostic, `Rewrite the body in the ${hit.catalog.title} envelope`, [TextEdit.replace(range, toPlainText(body))], true));
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
