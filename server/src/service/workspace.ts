/**
 * What the language service asks of whoever runs it (the language server, the command line, a
 * test): the context a document is read in, and a way to read the workspace's texts. The service
 * never reads files or talks to a client itself.
 */
import type { CatalogSet } from './catalog/catalogSet';
import type { Catalog } from './catalog/model';
import type { ConstantIndex } from './index/constantIndex';

/** Where a workspace writes codes outside the envelope's own keys, from its settings. */
export interface UsageRules {
  /** Functions and constructors whose first argument is an error code (`ApiError`, `errors.New`). */
  readonly functions: readonly string[];
  /** Regular expressions whose first capture group is an error code. */
  readonly patterns: readonly RegExp[];
}

/** What a feature needs beyond a document's text: the catalogs that apply to it, and how its workspace writes codes. */
export interface DocumentContext {
  /** The catalogs that apply, most specific first, with the HTTP status catalog as the standard. */
  readonly set: CatalogSet;
  readonly usage: UsageRules;
  /** The workspace's code constants (`ErrorCode.SlotTaken`, `ApiException::TICKET_NOT_FOUND`). */
  readonly constants: ConstantIndex;
}

/** A source file of the workspace, as workspace-wide features read it. */
export interface WorkspaceSource {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
  readonly context: DocumentContext;
}

export interface SourceQuery {
  /** Only files whose text contains one of these strings are needed (the others may be skipped unread). */
  readonly mentioning?: readonly string[];
  /** Told the share of files read so far. */
  readonly progress?: (done: number, total: number) => void;
  /** Asked between files; the walk stops when it answers true. */
  readonly isCancelled?: () => boolean;
}

/** The workspace's texts: its source files (open buffers first, the rest from disk) and its catalog files. */
export interface WorkspaceTexts {
  sources(query?: SourceQuery): AsyncIterable<WorkspaceSource>;
  /** The current text of a workspace catalog's file (its open buffer, or what was last read), if known. */
  catalogText(catalog: Catalog): string | undefined;
}
