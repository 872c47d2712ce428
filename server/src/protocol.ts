/**
 * The custom messages between the extension client and the server, declared once for both.
 * All live under the `errorCatalog/` namespace.
 */

export interface CatalogSummary {
  readonly id: string;
  readonly title: string;
  /** The catalog file, or `builtin:<id>` for a built-in catalog. */
  readonly uri: string;
  readonly origin: 'builtin' | 'workspace';
  readonly codeCount: number;
  readonly statusCount: number;
  /** Errors in the file; when above zero the last good version (if any) is being served. */
  readonly errorCount: number;
}

export interface CatalogsChangedParams {
  readonly catalogs: readonly CatalogSummary[];
}

export interface CatalogsForDocumentParams {
  readonly uri: string;
}

export const ErrorCatalogMethods = {
  /** Server → client notification, sent after every (re)load: the client's ready signal and status bar source. */
  catalogsChanged: 'errorCatalog/catalogsChanged',
  /** Client → server request: the catalogs a document uses, most specific first. */
  catalogsForDocument: 'errorCatalog/catalogsForDocument',
  /** Client → server request: rescan the workspace and reload every catalog. */
  reload: 'errorCatalog/reload',
} as const;
