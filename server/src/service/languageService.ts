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
export { explainCode, explainStatus } from './explain';
export * from './model';
