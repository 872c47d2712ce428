/**
 * A fuzz case is data: the files of a workspace folder, its settings, and the steps an editor
 * takes against the server. Generators produce cases, one runner executes them, and a case
 * that finds something is written as JSON so that `--replay FILE` runs it again exactly.
 *
 * Paths and parameters may hold tokens the runner replaces with the real places:
 * `%WS%` (the case's workspace folder), `%WSURI%` (its file URI), `%OUTSIDE%` and `%OUTSIDEURI%`
 * (a folder beside the workspace holding canary files), `%TOROOT%` (the way up from the case
 * folder to the folder holding both, `../..`).
 */
import { readFileSync } from 'node:fs';
import type { Range } from 'vscode-languageserver/node';

/**
 * Part of a file's or a message's bytes. A string is UTF-8; `repeat` and `each` describe large
 * inputs compactly (`each` replaces `{i}` with the repetition's index); `base64` is raw bytes
 * (invalid UTF-8, UTF-16, NUL); `utf16le` is text encoded as UTF-16 little-endian.
 */
export type Piece =
  | string
  | { readonly repeat: string; readonly times: number }
  | { readonly each: string; readonly times: number }
  | { readonly base64: string }
  | { readonly utf16le: string };

export type Content = string | readonly Piece[];

export type FileSpec =
  | { readonly kind: 'file'; readonly path: string; readonly content: Content; readonly mode?: number }
  | { readonly kind: 'fifo'; readonly path: string }
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string }
  /** A file of `bytes` zero bytes that takes no room on disk (`truncate -s`). */
  | { readonly kind: 'sparse'; readonly path: string; readonly bytes: number };

/** What a request's answer must be, beyond not crashing, hanging or escaping. */
export type RequestExpectation = 'invalid-params';

export type Step =
  /** Opens a document in the case folder (the path is folder-relative); a catalog's is awaited until the server has read it. */
  | { readonly do: 'open'; readonly path: string; readonly languageId: string; readonly content: Content }
  /** A ranged change, as an editor sends for one keystroke or paste. */
  | { readonly do: 'edit'; readonly path: string; readonly range: Range; readonly text: string }
  | { readonly do: 'close'; readonly path: string }
  /**
   * A request written as it is (params however malformed). `cancel` sends `$/cancelRequest` for it
   * at once, or after the next request has been sent.
   */
  | { readonly do: 'request'; readonly method: string; readonly params?: unknown; readonly cancel?: 'at-once' | 'after-next'; readonly expect?: RequestExpectation }
  | { readonly do: 'notify'; readonly method: string; readonly params?: unknown }
  /** Bytes written to the server's input as they are. */
  | { readonly do: 'raw'; readonly content: Content }
  /** Changes the folder on disk, without telling the server (a `watch` step may follow). */
  | { readonly do: 'write'; readonly file: FileSpec }
  | { readonly do: 'remove'; readonly path: string }
  | { readonly do: 'chmod'; readonly path: string; readonly mode: number }
  /** `workspace/didChangeWatchedFiles` (type 1 created, 2 changed, 3 deleted); a `settle` step waits for what it starts. */
  | { readonly do: 'watch'; readonly changes: readonly { readonly uri: string; readonly type: 1 | 2 | 3 }[] }
  /** New settings for the case folder, announced with `workspace/didChangeConfiguration`; a `settle` step waits for the reload. */
  | { readonly do: 'settings'; readonly settings: unknown }
  /** Waits until the server has taken in every change sent so far (catalogs loaded). */
  | { readonly do: 'settle' }
  /** Waits for the diagnostics of an open document's last version. */
  | { readonly do: 'diagnostics'; readonly path: string }
  /** Hover, completion, resolve, explain, navigation and generation requests on the case's probe codes and statuses. */
  | { readonly do: 'exercise' }
  /** The health probe, timed, while whatever the previous steps started is still running. */
  | { readonly do: 'probe' }
  /**
   * Waits for the diagnostics of an open document's last version (source files) or for the
   * catalogs to settle (catalog files), then compares them, and the quick fixes they offer, with
   * what a fresh server publishes for the same text. `staleFix` then inserts a line above the
   * first fixable diagnostic and asks for its fix at once, as an editor does with the diagnostic
   * it has moved down, before new diagnostics arrive.
   */
  | { readonly do: 'compare'; readonly path: string; readonly staleFix?: boolean }
  /** A burst of edits must not ask for a code-lens refresh per keystroke. */
  | { readonly do: 'countRefreshes'; readonly path: string; readonly edits: readonly { readonly range: Range; readonly text: string }[] };

/** What the catalog in the case folder must turn into, when the case is built to know. */
export interface CatalogExpectation {
  /** The folder-relative catalog file. */
  readonly path: string;
  /** It loads with no errors and this many codes (an input equivalent to a valid catalog). */
  readonly codeCount?: number;
  /** Its diagnostics include one of this code (a problem a user must be told about). */
  readonly problem?: string;
  /** The user is told about it: a diagnostic on the file, or a message shown that names it. */
  readonly reported?: boolean;
  /** Why, in one line, for the report. */
  readonly because: string;
}

export interface FuzzCase {
  readonly family: string;
  /** What the case does, in a few words (`byte-flip connectify.errors.json`). */
  readonly name: string;
  readonly seed: number;
  /** Written into the case folder before the server sees the folder. */
  readonly files: readonly FileSpec[];
  /** `errorCatalog` settings for the case folder (merged over `diagnostics.delay: 0`). */
  readonly settings?: unknown;
  readonly steps: readonly Step[];
  /** Codes and statuses the `exercise` step asks about. */
  readonly probe?: { readonly codes: readonly string[]; readonly statuses: readonly number[] };
  readonly expect?: readonly CatalogExpectation[];
}

/** The bytes of a piece list. */
export function materialize(content: Content): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return Buffer.concat(content.map((piece) => {
    if (typeof piece === 'string') return Buffer.from(piece, 'utf8');
    if ('repeat' in piece) return Buffer.from(piece.repeat.repeat(piece.times), 'utf8');
    if ('each' in piece) {
      const parts: string[] = [];
      for (let i = 0; i < piece.times; i++) parts.push(piece.each.replace(/\{i\}/g, String(i)));
      return Buffer.from(parts.join(''), 'utf8');
    }
    if ('base64' in piece) return Buffer.from(piece.base64, 'base64');
    return Buffer.from(piece.utf16le, 'utf16le');
  }));
}

/** The text of a piece list as the server's document store would hold it (sent over JSON, so UTF-16). */
export function textOf(content: Content): string {
  if (typeof content === 'string') return content;
  return content.map((piece) => (typeof piece === 'string' ? piece : materialize([piece]).toString('utf8'))).join('');
}

export interface Places {
  readonly ws: string;
  readonly outside: string;
  readonly toRoot: string;
  readonly uri: (path: string) => string;
}

/** Replaces the place tokens in every string of a value (keys included). */
export function substitute<T>(value: T, places: Places): T {
  const replace = (text: string) => text
    .replace(/%WSURI%/g, places.uri(places.ws))
    .replace(/%OUTSIDEURI%/g, places.uri(places.outside))
    .replace(/%WS%/g, places.ws)
    .replace(/%OUTSIDE%/g, places.outside)
    .replace(/%TOROOT%/g, places.toRoot);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return replace(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      // Keys are copied with defineProperty, so that a `__proto__` key stays a key.
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(node)) Object.defineProperty(out, replace(key), { value: walk(inner), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return node;
  };
  return walk(value) as T;
}

export function readCase(path: string): FuzzCase {
  const value = JSON.parse(readFileSync(path, 'utf8')) as FuzzCase;
  if (!value || typeof value.family !== 'string' || !Array.isArray(value.steps) || !Array.isArray(value.files)) {
    throw new Error(`${path} is not a fuzz case (it needs family, files and steps)`);
  }
  return value;
}
