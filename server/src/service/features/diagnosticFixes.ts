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

export function diagnosticFixes(document: TextDocument, diagnostics: readonly Diagnostic[], set: CatalogSet): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'error-catalog' || !diagnostic.data) continue;
    const data = diagnostic.data as FixData;
    switch (diagnostic.code) {
      case SourceDiagnosticCode.UnknownCode:
        if (data.rule !== SourceDiagnosticCode.UnknownCode) break;
        data.suggestions.forEach((suggestion, i) => actions.push(fix(document, diagnostic, `Change to ${suggestion}`, [TextEdit.replace(diagnostic.range, suggestion)], i === 0)));
        break;
      case SourceDiagnosticCode.StatusMismatch: {
        if (data.rule !== SourceDiagnosticCode.StatusMismatch) break;
        const statusRange = { start: document.positionAt(data.statusStart), end: document.positionAt(data.statusEnd) };
        actions.push(fix(document, diagnostic, `Send ${data.codeStatus} ${set.reasonOf(data.codeStatus) ?? ''}`.trimEnd() + `, the status of ${data.code}`, [TextEdit.replace(statusRange, String(data.codeStatus))], true));
        for (const alternative of data.alternatives) {
          actions.push(fix(document, diagnostic, `Use ${alternative}, a ${data.sentStatus} code`, [TextEdit.replace(diagnostic.range, alternative)]));
        }
        break;
      }
      case SourceDiagnosticCode.EnvelopeShape: {
        if (data.rule !== SourceDiagnosticCode.EnvelopeShape) break;
        const hit = set.findCode(data.code)[0];
        if (!hit) break;
        const text = document.getText();
        const indent = /^\s*/.exec(lineAt(text, data.bodyStart).text)?.[0] ?? '';
        const body = errorBodyLiteral(hit.catalog, hit.entry, document.languageId, text, indent, indentUnit(document));
        if (!body) break;
        const range = { start: document.positionAt(data.bodyStart), end: document.positionAt(data.bodyEnd) };
        actions.push(fix(document, diagnostic, `Rewrite the body in the ${hit.catalog.title} envelope`, [TextEdit.replace(range, toPlainText(body))], true));
        break;
      }
      case SourceDiagnosticCode.DeprecatedCode:
        if (data.rule === SourceDiagnosticCode.DeprecatedCode && data.replacement) {
          actions.push(fix(document, diagnostic, `Replace with ${data.replacement}`, [TextEdit.replace(diagnostic.range, data.replacement)], true));
        }
        break;
    }
  }
  return actions;
}
