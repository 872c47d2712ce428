/**
 * The language service: every feature of the product as one interface over documents, positions
 * and the context they are read in. No connection and no file system: the language server, the
 * command line and the tests all call this facade, and it reaches the workspace only through the
 * {@link WorkspaceTexts} it is given.
 */
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  SymbolInformation,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeSummary, HandlingOptionsResult } from '../protocol';
import type { Catalog } from './catalog/model';
import { catalogDiagnostics, declarationClashes, unusedCodeHints, type CatalogFileState } from './features/catalogDiagnostics';
import { doCodeActions, errorResponseInsert, type CodeActionOptions, type GeneratedInsert } from './features/codeActions';
import { doComplete, resolveCompletion, type CompletionOptions } from './features/completion';
import { findDefinition } from './features/definition';
import { diagnosticFixes, unambiguousFixes, type UnambiguousFix } from './features/diagnosticFixes';
import { generatedFile, generatedFileDiagnostics, regeneratedText, STALE_GENERATED_FILE, type GeneratedFileOptions, type StaleFileData } from './features/generatedFiles';
import { SourceChecker } from './features/diagnostics';
import { errorHandlingEdit, handlingCodeActions, handlingVariantsFor } from './features/handlingActions';
import { doHover, type HoverOptions } from './features/hover';
import { raiseIdioms } from './features/raiseIdioms';
import { referenceLenses } from './features/lenses';
import { codeTargetAt, countReferences, countReferencesIn, findReferences, usageOptionsOf, type CodeTarget } from './features/references';
import { doRename, prepareRename, type RenameRefusal } from './features/rename';
import { catalogDocumentSymbols, codeWorkspaceSymbols } from './features/symbols';
import { codeDetail, explainCode } from './render/explain';
import { HANDLING_VARIANTS, type HandlingVariant } from './render/handling';
import type { ConstantIndex } from './index/constantIndex';
import { readingOf } from './index/constantReferences';
import type { DocumentContext, SourceQuery, WorkspaceTexts } from './workspace';

export interface LanguageService {
  doHover(document: TextDocument, position: Position, context: DocumentContext, options: HoverOptions): Hover | null;
  doComplete(document: TextDocument, position: Position, context: DocumentContext, options: CompletionOptions): CompletionList | null;
  /** The full explanation of a completed code. */
  doResolve(item: CompletionItem, context: DocumentContext): CompletionItem;
  /** Error responses to write (first, where it is known, the statement that raises the code as this codebase does), fixes for the given diagnostics, error handling to add. */
  doCodeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], context: DocumentContext, options: CodeActionOptions): CodeAction[];
  /** A generated file's diagnostic when its catalog (named by path in its header) has changed since it was generated. */
  generatedFileDiagnostics(text: string, catalogNamed: (catalogPath: string) => Catalog | undefined): Diagnostic[];
  /** A docs page (`docs`) or typed constants in a language (`types`) generated from a catalog; a string saying what is wrong otherwise. */
  generatedFile(catalog: Catalog, options: GeneratedFileOptions): string | { readonly problem: string };
  /** A generated file written again from its catalog as it is now. */
  regeneratedText(text: string, catalog: Catalog, standard: Catalog | undefined): string | undefined;
  /** The fixes of these diagnostics that need no choice (what `error-catalog check --fix` applies). */
  unambiguousFixes(document: TextDocument, diagnostics: readonly Diagnostic[], context: DocumentContext): UnambiguousFix[];
  /** A document's source diagnostics, kept between versions so that an edit re-checks only what it touched. */
  createSourceChecker(): SourceChecker;
  findDefinition(document: TextDocument, position: Position, context: DocumentContext): Location[];

  /** The code under the cursor for workspace-wide features; `ownCatalog` when the document is that catalog's file. */
  findCodeTarget(document: TextDocument, position: Position, context: DocumentContext, ownCatalog?: Catalog): CodeTarget | undefined;
  findReferences(target: CodeTarget, query?: SourceQuery): Promise<Location[]>;
  prepareRename(document: TextDocument, target: CodeTarget): { range: Range; placeholder: string } | RenameRefusal;
  doRename(target: CodeTarget, newName: string, query?: SourceQuery): Promise<WorkspaceEdit | RenameRefusal>;
  countReferences(catalog: Catalog, query?: SourceQuery): Promise<Map<string, number>>;
  /** References per code in one document, to the codes of its own catalogs (what an edit may change in the counts). */
  countDocumentReferences(document: TextDocument, context: DocumentContext): Map<string, number>;
  /** Reference counts above each code; `command` is the client's command that shows references, or ''. */
  findReferenceLenses(catalog: Catalog, documentUri: string, counts: ReadonlyMap<string, number>, command: string): CodeLens[];

  /** A catalog file's problems, and what the workspace says of the version served (unused codes, clashing constants) while it has no errors. */
  catalogDiagnostics(file: CatalogFileState, workspaceFindings?: readonly Diagnostic[]): Diagnostic[];
  unusedCodeHints(catalog: Catalog, counts: ReadonlyMap<string, number>): Diagnostic[];
  /** Warnings on the constants a catalog declares that a workspace definition binds to another code. */
  declarationClashes(catalog: Catalog, constants: ConstantIndex): Diagnostic[];
  findDocumentSymbols(document: TextDocument): DocumentSymbol[];
  findWorkspaceSymbols(catalogs: readonly Catalog[], query: string): SymbolInformation[];

  /** The full explanation of a code as Markdown, or null when no catalog of the context has it. */
  explainCode(code: string, context: DocumentContext): string | null;
  /** Every code of the context's catalogs, one line each (for a quick pick). */
  codeSummaries(context: DocumentContext): CodeSummary[];
  /** The error response for a code at an offset: the statement that raises it as this codebase does where that is known, else the framework's response. */
  errorResponse(document: TextDocument, offset: number, code: string, context: DocumentContext, framework?: string): GeneratedInsert | undefined;
  handlingOptions(document: TextDocument, context: DocumentContext): HandlingOptionsResult;
  /** Handling code for one of the context's catalogs (by uri), or undefined when the variant does not fit. */
  errorHandlingEdit(document: TextDocument, catalogUri: string, variant: string, context: DocumentContext): WorkspaceEdit | undefined;
}

export interface LanguageServiceParams {
  /** How workspace-wide features (references, rename, counts) read the workspace. */
  readonly workspace: WorkspaceTexts;
}

export function getLanguageService(params: LanguageServiceParams): LanguageService {
  const { workspace } = params;
  return {
    doHover: (document, position, context, options) => doHover(document, position, context.set, options, readingOf(document, context)),
    doComplete: (document, position, context, options) => doComplete(document, position, context.set, options, readingOf(document, context)),
    doResolve: (item, context) => resolveCompletion(item, context.set),
    unambiguousFixes: (document, diagnostics, context) => unambiguousFixes(document, diagnostics, context.set),
    generatedFileDiagnostics,
    regeneratedText,
    generatedFile,
    doCodeActions: (document, range, diagnostics, context, options) => [
      ...doCodeActions(document, range, context.set, { ...options, idiom: options.idiom ?? raiseIdioms(document, context) }),
      ...diagnosticFixes(document, diagnostics, context.set),
      ...handlingCodeActions(document, range, context.set),
    ],
    createSourceChecker: () => new SourceChecker(),
    findDefinition: (document, position, context) => findDefinition(document, position, context.set, readingOf(document, context)),

    findCodeTarget: codeTargetAt,
    findReferences: (target, query) => findReferences(workspace, target, query),
    prepareRename,
    doRename: (target, newName, query) => doRename(workspace, target, newName, query),
    countReferences: (catalog, query) => countReferences(workspace, catalog, query),
    countDocumentReferences: (document, context) => {
      const counts = new Map<string, number>();
      countReferencesIn(readingOf(document, context), context.set.codeNames(), usageOptionsOf(context), counts);
      return counts;
    },
    findReferenceLenses: referenceLenses,

    catalogDiagnostics,
    unusedCodeHints,
    declarationClashes,
    findDocumentSymbols: catalogDocumentSymbols,
    findWorkspaceSymbols: codeWorkspaceSymbols,

    explainCode: (code, context) => {
      const [hit, ...rest] = context.set.findCode(code);
      return hit ? explainCode(hit, context.set, rest.map((h) => h.catalog)) : null;
    },
    codeSummaries: ({ set }) => set.catalogs.flatMap((catalog) => [...catalog.codes.values()].map((entry) => ({
      code: entry.code, status: entry.status, title: entry.title, catalog: catalog.title, detail: codeDetail({ entry, catalog }, set),
    }))),
    errorResponse: (document, offset, code, context, framework) => {
      const hit = context.set.findCode(code)[0];
      return hit ? errorResponseInsert(document, offset, hit, context.set, framework, raiseIdioms(document, context)(hit)) : undefined;
    },
    handlingOptions: (document, { set }) => ({
      variants: handlingVariantsFor(document).map((id) => ({ id, label: HANDLING_VARIANTS.find((v) => v.id === id)!.label })),
      catalogs: set.catalogs.filter((c) => c.codes.size > 0).map((c) => ({ uri: c.uri, title: c.title, codeCount: c.codes.size })),
    }),
    errorHandlingEdit: (document, catalogUri, variant, { set }) => {
      const catalog = set.catalogs.find((c) => c.uri === catalogUri);
      if (!catalog || !HANDLING_VARIANTS.some((v) => v.id === variant)) return undefined;
      return errorHandlingEdit(document, catalog, set, variant as HandlingVariant);
    },
  };
}

export type { CodeTarget } from './features/references';
export type { UnambiguousFix } from './features/diagnosticFixes';
export { STALE_GENERATED_FILE, type GeneratedFileOptions, type StaleFileData };
export type { RenameRefusal } from './features/rename';
export { isRefusal } from './features/rename';
export type { CatalogFileState } from './features/catalogDiagnostics';
export type { CodeActionOptions, GeneratedInsert } from './features/codeActions';
export type { CompletionData, CompletionOptions } from './features/completion';
export type { HoverOptions } from './features/hover';
export type { SourceChecker } from './features/diagnostics';
export { SourceDiagnosticCode, type RuleSeverity, type DiagnosticsOptions } from './features/diagnostics';
export type { DocumentContext, SourceQuery, UsageRules, WorkspaceSource, WorkspaceTexts } from './workspace';
