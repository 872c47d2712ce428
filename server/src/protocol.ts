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

export interface CodeSummary {
  readonly code: string;
  readonly status: number;
  readonly title?: string;
  /** The catalog's title. */
  readonly catalog: string;
  /** One line: status, reason, title. */
  readonly detail: string;
}

export interface ErrorResponseParams {
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
  readonly code: string;
}

export interface ErrorResponseResult {
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  /** Snippet syntax, with tab stops. */
  readonly snippet: string;
  readonly text: string;
  /** Edits elsewhere in the document that go with it (the imports it needs), at positions of the document as it was. */
  readonly additionalEdits?: readonly { readonly range: ErrorResponseResult['range']; readonly newText: string }[];
}

export interface HandlingOptionsResult {
  /** Client libraries the handling code can be written for, the likeliest first (`fetch`, `axios`, `requests`…). */
  readonly variants: readonly { readonly id: string; readonly label: string }[];
  /** Catalogs with codes that apply to the document. */
  readonly catalogs: readonly { readonly uri: string; readonly title: string; readonly codeCount: number }[];
}

export interface ErrorHandlingParams {
  readonly uri: string;
  readonly variant: string;
  /** The catalog's uri (as in `HandlingOptionsResult.catalogs`). */
  readonly catalog: string;
}

export interface ExplainParams {
  readonly uri: string;
  readonly code: string;
}

export interface GenerateParams {
  /** A workspace catalog's uri (as in `CatalogSummary.uri`). */
  readonly catalog: string;
  readonly kind: 'docs' | 'types';
  /** For `types`: ts, python, go, java, csharp, php or rust. */
  readonly language?: string;
  /** For `types`: the Go package, Java class, C# or PHP namespace the file declares. */
  readonly name?: string;
}

export type GenerateResult =
  | {
    /** The file's text, starting with the header that names the catalog (see render/generatedHeader.ts). */
    readonly text: string;
    /** A file name for it, beside the catalog: `api.errors.md`, `error_codes.py`… */
    readonly fileName: string;
  }
  /** What is wrong with the request (an unknown language, a name the language cannot declare). */
  | { readonly problem: string };

export interface ImportCatalogParams {
  /** What to start the catalog from: an OpenAPI document, an error docs page, the folder's code, or a blank template. */
  readonly source: 'openapi' | 'docs' | 'code' | 'blank';
  /** The workspace folder the catalog is for. */
  readonly folder: string;
  /** The spec or page (`openapi`, `docs`), a file inside the folder. */
  readonly input?: string;
}

export type ImportCatalogResult =
  | {
    /** The catalog file's text (YAML), `# guessed:` comments on what the import guessed. */
    readonly text: string;
    readonly codeCount: number;
    readonly guessCount: number;
    /** What the source had that the catalog leaves out, a line each. */
    readonly leftOut: readonly string[];
  }
  /** Why nothing could be imported, naming the problem and its place. */
  | { readonly problem: string };

/** A workspace folder with no catalog whose code uses error codes: the status bar offers to create one. */
export interface CatalogSuggestion {
  /** The folder's URI. */
  readonly folder: string;
  /** Error codes its code defines or sends, a few of them, for the offer's tooltip. */
  readonly sampleCodes: readonly string[];
}

export const ErrorCatalogMethods = {
  /** Server → client notification, sent after every (re)load: the client's ready signal and status bar source. */
  catalogsChanged: 'errorCatalog/catalogsChanged',
  /** Client → server request: the catalogs a document uses, most specific first. */
  catalogsForDocument: 'errorCatalog/catalogsForDocument',
  /** Client → server request: rescan the workspace and reload every catalog. */
  reload: 'errorCatalog/reload',
  /** Client → server request: every code a document's catalogs define (for a quick pick). */
  codes: 'errorCatalog/codes',
  /** Client → server request: the error response for a code, rendered for the document at a position. */
  errorResponse: 'errorCatalog/errorResponse',
  /** Client → server request: the variants and catalogs handling code can be written for, in a document. */
  handlingOptions: 'errorCatalog/handlingOptions',
  /** Client → server request: a workspace edit that adds error handling code for a catalog (or null). */
  errorHandling: 'errorCatalog/errorHandling',
  /** Client → server request: the full explanation of a code, as Markdown (or null). */
  explain: 'errorCatalog/explain',
  /** Client → server request: a docs page or typed constants generated from a workspace catalog (or null). */
  generate: 'errorCatalog/generate',
  /** Client → server request: a new catalog's text, imported from an OpenAPI document, a docs page or the code. */
  importCatalog: 'errorCatalog/importCatalog',
  /** Client → server request: the folders without a catalog whose code uses error codes (CatalogSuggestion[]). */
  catalogSuggestions: 'errorCatalog/catalogSuggestions',
} as const;
