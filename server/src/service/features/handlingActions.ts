/**
 * Inserting client-side error handling for a catalog: the declarations at the end of the file
 * and the imports they need at the top, as one workspace edit. Offered as a code action on a
 * line that calls an HTTP API, and through the Insert Error Handling command.
 */
import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet } from '../catalog/catalogSet';
import type { Catalog } from '../catalog/model';
import { HANDLING_VARIANTS, handlingCode, handlingPlan, type HandlingVariant } from '../render/handling';
import { importEdits } from '../render/imports';

/** The handling variants for a document's language, the one its imports suggest first. */
export function handlingVariantsFor(document: TextDocument): HandlingVariant[] {
  const variants = HANDLING_VARIANTS.filter((v) => v.languages.includes(document.languageId)).map((v) => v.id);
  const text = document.getText();
  const preferred = variants.find((v) => (v === 'axios' && /['"]axios['"]/.test(text)) || (v === 'httpx' && /^\s*(?:import|from)\s+httpx\b/m.test(text)));
  return preferred ? [preferred, ...variants.filter((v) => v !== preferred)] : variants;
}

/** The edit that inserts handling code for `catalog` into the document, or undefined when no variant fits. */
export function errorHandlingEdit(document: TextDocument, catalog: Catalog, set: CatalogSet, variant?: HandlingVariant): WorkspaceEdit | undefined {
  const chosen = variant ?? handlingVariantsFor(document)[0];
  if (!chosen || !HANDLING_VARIANTS.find((v) => v.id === chosen)?.languages.includes(document.languageId)) return undefined;
  const plan = handlingPlan(catalog, set.standard);
  if (!plan) return undefined;
  const generated = handlingCode(plan, chosen, document.languageId.startsWith('typescript'));
  const end = document.positionAt(document.getText().length);
  const separator = document.getText().endsWith('\n') ? '\n' : '\n\n';
  const edits: TextEdit[] = [
    ...importEdits(document, generated.imports),
    { range: { start: end, end }, newText: `${separator}${generated.code}` },
  ];
  return { changes: { [document.uri]: edits } };
}

/** A line that calls an HTTP API: where handling code is worth offering. */
const HTTP_CALL = /\bfetch\(|\baxios[.(]|\brequests\.(?:get|post|put|patch|delete|request)\(|\bhttpx\.|\bhttp\.(?:Get|Post|NewRequest)|\bclient\.Do\(/;

export function handlingCodeActions(document: TextDocument, range: Range, set: CatalogSet): CodeAction[] {
  const line = document.getText({ start: { line: range.start.line, character: 0 }, end: { line: range.start.line + 1, character: 0 } });
  if (!HTTP_CALL.test(line)) return [];
  const variant = handlingVariantsFor(document)[0];
  if (!variant) return [];
  return set.catalogs.filter((c) => c.codes.size > 0 && c.id !== 'http-status').slice(0, 3).flatMap((catalog) => {
    const edit = errorHandlingEdit(document, catalog, set, variant);
    return edit ? [{ title: `Add error handling for ${catalog.title} (${HANDLING_VARIANTS.find((v) => v.id === variant)!.label})`, kind: CodeActionKind.RefactorRewrite, edit }] : [];
  });
}
