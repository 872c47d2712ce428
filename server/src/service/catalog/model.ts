/**
 * The catalog model: what a catalog file means once it has been parsed and validated.
 * Every language feature reads these types; none of them knows about files or connections.
 */

/** A zero-based offset range in a catalog file's text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export type RetryStrategy = 'exponential' | 'fixed' | 'retry-after' | 'none';

export interface RetryPolicy {
  readonly strategy: RetryStrategy;
  readonly delaySeconds?: number;
  readonly maxAttempts?: number;
  readonly note?: string;
}

export interface HeaderEntry {
  readonly name: string;
  readonly value?: string | number;
  readonly description?: string;
  /** Statuses whose responses carry the header; undefined means every error response. */
  readonly statuses?: readonly number[];
}

export interface ExampleBody {
  readonly description?: string;
  /** Dotted path in the envelope body where a partial example sits (`error`); undefined for a whole body. */
  readonly at?: string;
  readonly body: unknown;
  readonly note?: string;
}

export interface Envelope {
  readonly contentType: string;
  /** The body template: `${name}` strings are placeholders, everything else is literal. */
  readonly body: Readonly<Record<string, unknown>>;
  /** Member keys that are rendered only when a code carries them. */
  readonly optional: readonly string[];
  readonly headers: readonly HeaderEntry[];
  readonly examples: readonly ExampleBody[];
}

export interface StatusEntry {
  readonly status: number;
  readonly reason?: string;
  readonly meaning?: string;
  readonly description?: string;
  readonly troubleshooting: readonly string[];
  readonly retry?: RetryPolicy;
  readonly docs?: string;
  readonly spec?: string;
}

export interface CodeEntry {
  readonly code: string;
  readonly status: number;
  readonly title?: string;
  readonly message?: string;
  readonly description?: string;
  readonly causes: readonly string[];
  readonly resolution: readonly string[];
  /** Extra body members this code carries, with example values. */
  readonly members: Readonly<Record<string, unknown>>;
  readonly examples: readonly ExampleBody[];
  readonly retryable?: boolean;
  readonly deprecated?: boolean | string;
  readonly replacedBy?: string;
  readonly docs?: string;
  readonly tags: readonly string[];
  /** Constants that stand for the code where no workspace file defines them, as code writes them (`ErrorCode.NoSuchInvoice`). */
  readonly constants?: readonly string[];
  /** The API operations that can return the code, as `POST /labels` (read from an OpenAPI document). */
  readonly operations: readonly string[];
}

/**
 * How code raises one of the catalog's codes in one language, for codebases whose own way the
 * server cannot learn: a statement with `${constant}` (the code's constant, or its string where no
 * constant stands for it), `${code}`, `${message}` (inside quotes) and `${status}`.
 */
export interface RaiseTemplate {
  readonly template: string;
  /** Import lines the statement needs, as the language writes them. */
  readonly imports: readonly string[];
}

export type CatalogOrigin = 'builtin' | 'workspace';

export interface Catalog {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly version?: string;
  readonly docs?: string;
  readonly envelope: Envelope;
  readonly statuses: ReadonlyMap<number, StatusEntry>;
  readonly codes: ReadonlyMap<string, CodeEntry>;
  /** How code raises a code, by language id (`typescript`, `go`, `php`…): only the templates that passed their checks. */
  readonly raise?: ReadonlyMap<string, RaiseTemplate>;
  readonly origin: CatalogOrigin;
  /** The file the catalog was read from. */
  readonly uri: string;
  /**
   * Where a member of the catalog file is (`['codes', 'RATE_LIMITED']`), its key or its value.
   * Computed on first use: positions need a second, slower parse that valid files never pay for otherwise.
   */
  readonly rangeOf: (path: readonly (string | number)[], part?: 'key' | 'value') => OffsetRange;
  /** The line and character of an offset in the catalog file. */
  readonly positionAt: (offset: number) => { line: number; character: number };
  /** The file the catalog was read from, as a URI (for a built-in, its file in the extension). */
  readonly sourceUri: string;
}

/** Problems found in a catalog file, by stable code: quick fixes and tests match on these, never on messages. */
export enum CatalogProblemCode {
  Syntax = 'catalog-syntax',
  Schema = 'catalog-schema',
  DuplicateCode = 'duplicate-code',
  DuplicateKey = 'duplicate-key',
  UnknownStatus = 'unknown-status',
  MissingCodePlaceholder = 'missing-code-placeholder',
  UnknownReplacement = 'unknown-replacement',
  UnusedOptional = 'unused-optional',
  BadExamplePath = 'bad-example-path',
  UnsafeText = 'unsafe-text',
  StatusContradiction = 'status-contradiction',
  UnusedCode = 'unused-code',
  DuplicateConstant = 'duplicate-constant',
  ConstantClash = 'constant-clash',
  RaiseTemplate = 'raise-template',
  Unreadable = 'catalog-unreadable',
  OpenApiImport = 'openapi-import',
}

export type ProblemSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface CatalogProblem {
  readonly code: CatalogProblemCode;
  readonly severity: ProblemSeverity;
  readonly message: string;
  readonly range: OffsetRange;
}

/** Whether a code may be retried: its own flag, else what its status's retry policy says. */
export function isRetryable(code: CodeEntry, catalog: Catalog, standard?: Catalog): boolean {
  if (code.retryable !== undefined) return code.retryable;
  const policy = retryPolicyOf(code.status, catalog, standard);
  return policy !== undefined && policy.strategy !== 'none';
}

/** The retry policy of a status: the catalog's own, else the HTTP standard's. */
export function retryPolicyOf(status: number, catalog: Catalog, standard?: Catalog): RetryPolicy | undefined {
  return catalog.statuses.get(status)?.retry ?? standard?.statuses.get(status)?.retry;
}
