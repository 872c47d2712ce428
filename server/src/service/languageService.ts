/**
 * The language service: every feature as a function over a document, a position and the
 * catalogs that apply. No connection, no file system: the server wires these to LSP.
 */
export { doHover, findCodeAt, type HoverOptions } from './features/hover';
export { doComplete, resolveCompletion, type CompletionData, type CompletionOptions } from './features/completion';
export { loadCatalog, type CatalogLoadResult, type LoadOptions } from './catalog/catalogLoader';
export { CatalogSet, type CodeHit, type StatusInfo } from './catalog/catalogSet';
export { catalogFilesFor } from './catalog/catalogScope';
export { renderBody, shapeSignature, valueAt } from './catalog/envelope';
export { codeDetail, explainCode, explainStatus } from './render/explain';
export { doCodeActions, errorResponseInsert, insertionPoint, type CodeActionOptions, type GeneratedInsert } from './features/codeActions';
export { errorResponse, errorBodyLiteral } from './render/errorResponse';
export { FRAMEWORKS, frameworkFor, type FrameworkId } from './render/frameworks';
export { renderLiteral, type OutputLanguage } from './render/literals';
export { toPlainText, toSnippet, Slot } from './render/code';
export * from './catalog/model';
export { errorHandlingEdit, handlingCodeActions, handlingVariantsFor } from './features/handlingActions';
export { HANDLING_VARIANTS, handlingCode, handlingPlan, type HandlingPlan, type HandlingVariant } from './render/handling';
export { findDefinition } from './features/definition';
export { codeKeysOf, doValidation, SourceChecker, DEFAULT_RULE_SEVERITY, SourceDiagnosticCode, suggestionsFor, type DiagnosticsOptions, type RuleSeverity } from './features/diagnostics';
export { diagnosticFixes } from './features/diagnosticFixes';
export { findCodeUsages, commentRanges } from './text/codeUsages';
export { catalogDocumentSymbols, codeWorkspaceSymbols } from './features/symbols';
export { countReferences, languageOfPath, referencesInCatalog, referencesInSource } from './features/references';
export { codeRunAt, lineAt } from './text/textScan';
