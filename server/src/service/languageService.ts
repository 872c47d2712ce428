/**
 * The language service: every feature as a function over a document, a position and the
 * catalogs that apply. No connection, no file system: the server wires these to LSP.
 */
export { doHover, findCodeAt, type HoverOptions } from './hover';
export { doComplete, resolveCompletion, type CompletionData, type CompletionOptions } from './completion';
export { loadCatalog, type CatalogLoadResult, type LoadOptions } from './catalogLoader';
export { CatalogSet, type CodeHit, type StatusInfo } from './catalogSet';
export { catalogFilesFor } from './catalogScope';
export { renderBody, shapeSignature, valueAt } from './envelope';
export { codeDetail, explainCode, explainStatus } from './explain';
export { doCodeActions, errorResponseInsert, insertionPoint, type CodeActionOptions, type GeneratedInsert } from './codeActions';
export { errorResponse, errorBodyLiteral } from './render/errorResponse';
export { FRAMEWORKS, frameworkFor, type FrameworkId } from './render/frameworks';
export { renderLiteral, type OutputLanguage } from './render/literals';
export { toPlainText, toSnippet, Slot } from './render/code';
export * from './model';
export { errorHandlingEdit, handlingCodeActions, handlingVariantsFor } from './handlingActions';
export { HANDLING_VARIANTS, handlingCode, handlingPlan, type HandlingPlan, type HandlingVariant } from './render/handling';
export { findDefinition } from './definition';
export { codeKeysOf, doValidation, SourceChecker, DEFAULT_RULE_SEVERITY, SourceDiagnosticCode, suggestionsFor, type DiagnosticsOptions, type RuleSeverity } from './diagnostics';
export { diagnosticFixes } from './diagnosticFixes';
export { findCodeUsages, commentRanges } from './codeUsages';
export { catalogDocumentSymbols, codeWorkspaceSymbols } from './catalogSymbols';
export { countReferences, languageOfPath, referencesInCatalog, referencesInSource } from './references';
export { codeRunAt, lineAt } from './textScan';
