/**
 * The diagnostics of a catalog file: its problems (syntax, schema, the checks beyond it), hints on
 * the codes no workspace file uses, and warnings on the constants it declares that a workspace
 * definition contradicts. Those two describe the version being served, so while the file has
 * errors they wait.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CatalogProblemCode, type Catalog, type CatalogProblem } from '../catalog/model';
import type { ConstantIndex } from '../index/constantIndex';

const SEVERITY: Record<CatalogProblem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A catalog file as it stands: its text and what loading it found. */
export interface CatalogFileState {
  readonly uri: string;
  readonly text: string;
  readonly problems: readonly CatalogProblem[];
}

export function catalogDiagnostics(file: CatalogFileState, workspaceFindings: readonly Diagnostic[] = []): Diagnostic[] {
  const document = TextDocument.create(file.uri, 'yaml', 0, file.text);
  const diagnostics: Diagnostic[] = file.problems.map((p) => ({
    range: { start: document.positionAt(p.range.start), end: document.positionAt(p.range.end) },
    severity: SEVERITY[p.severity],
    source: 'error-catalog',
    code: p.code,
    message: p.message,
  }));
  if (!file.problems.some((p) => p.severity === 'error')) diagnostics.push(...workspaceFindings);
  return diagnostics;
}

/**
 * Hints on the codes of a workspace catalog that no file uses. A catalog none of whose codes is
 * used (an API not called from this workspace) gets none: every code would be one.
 */
export function unusedCodeHints(catalog: Catalog, counts: ReadonlyMap<string, number>): Diagnostic[] {
  if (catalog.origin !== 'workspace' || ![...counts.values()].some((n) => n > 0)) return [];
  return [...catalog.codes.keys()].filter((code) => !counts.get(code)).map((code) => {
    const key = catalog.rangeOf(['codes', code], 'key');
    return {
      range: { start: catalog.positionAt(key.start), end: catalog.positionAt(key.end) },
      severity: DiagnosticSeverity.Hint,
      tags: [DiagnosticTag.Unnecessary],
      source: 'error-catalog',
      code: CatalogProblemCode.UnusedCode,
      message: `${code} is not used in any file of the workspace.`,
    };
  });
}

/**
 * Warnings on the constants a catalog declares that a definition in the workspace binds to another
 * value: code compiles against the definition, so it is the one read and the entry is ignored.
 */
export function declarationClashes(catalog: Catalog, constants: ConstantIndex): Diagnostic[] {
  return constants.clashesOf(catalog.uri).map((clash) => {
    const range = catalog.rangeOf(['codes', clash.code, 'constants', clash.index]);
    const file = clash.defined.uri ? ` in ${clash.defined.uri.slice(clash.defined.uri.lastIndexOf('/') + 1)}` : '';
    return {
      range: { start: catalog.positionAt(range.start), end: catalog.positionAt(range.end) },
      severity: DiagnosticSeverity.Warning,
      source: 'error-catalog',
      code: CatalogProblemCode.ConstantClash,
      message: `\`${clash.written}\` is defined${file} as \`${clash.defined.value}\`, not \`${clash.code}\`: code reads that definition, so this entry is ignored. Remove it, or correct the definition.`,
    };
  });
}
