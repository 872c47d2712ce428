/**
 * A catalog draft: what an importer (OpenAPI document, error docs page, the workspace's code)
 * makes of its source before it becomes a catalog file. The draft is the catalog file's own
 * shape, so one writer turns any importer's result into YAML, with a comment on each value the
 * importer guessed and a list of what it could not place; the same draft can also be loaded in
 * memory as a catalog (an OpenAPI document served as a catalog).
 */
import type { Document, Node as YamlNode, Scalar } from 'yaml';
import { yamlLibrary } from '../catalog/catalogSyntax';
import { setMember } from '../catalog/envelope';

/** A path in the catalog file: `['codes', 'RATE_LIMITED', 'status']`. */
export type DraftPath = readonly (string | number)[];

export interface DraftHeader {
  name: string;
  value?: string | number;
  description?: string;
  statuses?: number[];
}

export interface DraftExample {
  description?: string;
  at?: string;
  body: unknown;
  note?: string;
}

export interface DraftEnvelope {
  contentType?: string;
  body: Record<string, unknown>;
  optional?: string[];
  headers?: DraftHeader[];
  examples?: DraftExample[];
}

export interface DraftStatus {
  reason?: string;
  meaning?: string;
  description?: string;
  troubleshooting?: string[];
  retry?: { strategy: 'exponential' | 'fixed' | 'retry-after' | 'none'; delaySeconds?: number; maxAttempts?: number; note?: string };
}

export interface DraftCode {
  status: number;
  title?: string;
  message?: string;
  description?: string;
  causes?: string[];
  resolution?: string[];
  members?: Record<string, unknown>;
  examples?: DraftExample[];
  retryable?: boolean;
  deprecated?: boolean | string;
  replacedBy?: string;
  tags?: string[];
  constants?: string[];
  /** The operations that can return the code, as `POST /labels`. */
  operations?: string[];
}

/** The catalog file's content, keys in the order they are written. */
export interface DraftCatalog {
  id: string;
  title: string;
  description?: string;
  version?: string;
  envelope: DraftEnvelope;
  statuses: Record<string, DraftStatus>;
  codes: Record<string, DraftCode>;
}

/** A value the importer guessed rather than read: written as a comment above it. */
export interface DraftGuess {
  readonly path: DraftPath;
  readonly note: string;
}

/** Something in the source the importer saw but could not place in the catalog. */
export interface DraftLeftOut {
  /** Where in the source: `line 12`, `#/paths/~1labels/post/responses/400`. */
  readonly where: string;
  readonly what: string;
}

/** Where a part of the draft was read from: a file and a path of keys in it (JSON/YAML sources). */
export interface DraftOrigin {
  readonly path: DraftPath;
  /** The absolute path of the source file. */
  readonly file: string;
  /** Keys from the root of that file's document to the value the part was read from. */
  readonly pointer: readonly (string | number)[];
}

export interface CatalogDraft {
  readonly catalog: DraftCatalog;
  readonly guesses: DraftGuess[];
  readonly leftOut: DraftLeftOut[];
  readonly origins: DraftOrigin[];
}

export function emptyDraft(id: string, title: string): CatalogDraft {
  return { catalog: { id, title, envelope: { body: {} }, statuses: {}, codes: {} }, guesses: [], leftOut: [], origins: [] };
}

/** A catalog id from a title or file name: lower-case words joined by `-`. */
export function catalogIdFrom(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.(errors\.)?(ya?ml|json|md|markdown|html?|txt)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return id || 'api';
}

/** Drops keys whose value is undefined or an empty list/object, so the written file holds only what was found. */
function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruned);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) continue;
    if (Array.isArray(member) && member.length === 0) continue;
    if (member !== null && typeof member === 'object' && !Array.isArray(member) && Object.keys(member).length === 0 && key !== 'body') continue;
    // Keys are untrusted text: a code or member named `__proto__` stays an own member.
    setMember(out, key, pruned(member));
  }
  return out;
}

/** The catalog content without empty parts, as it is written and loaded. */
export function draftContent(draft: CatalogDraft): Record<string, unknown> {
  return pruned(draft.catalog) as Record<string, unknown>;
}

function nodeAt(document: Document, path: DraftPath): YamlNode | undefined {
  const { isMap, isSeq } = yamlLibrary();
  let node: unknown = document.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as Scalar | undefined)?.value ?? item.key) === String(key));
      if (!pair) return undefined;
      // A comment belongs above the key of a mapping entry, where a reader looks for it.
      if (key === path[path.length - 1]) return pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else {
      return undefined;
    }
  }
  return node as YamlNode | undefined;
}

/** One line of comment text: no line breaks can end the comment and start YAML. */
function commentLine(text: string): string {
  return ` ${text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()}`;
}

/**
 * The draft as a catalog file: YAML with `# guessed:` comments above guessed values and, at the
 * top, where it came from and what it left out.
 */
export function draftToYaml(draft: CatalogDraft, source: string): string {
  const { Document } = yamlLibrary();
  const document = new Document(draftContent(draft), { keepUndefined: false });
  const header = [commentLine(`Imported from ${source}. Review it, then keep it next to the code.`)];
  if (draft.leftOut.length > 0) {
    header.push(commentLine('Not imported (add these by hand if they matter):'));
    for (const item of draft.leftOut.slice(0, 50)) header.push(commentLine(`- ${item.where}: ${item.what}`));
    if (draft.leftOut.length > 50) header.push(commentLine(`- and ${draft.leftOut.length - 50} more`));
  }
  document.commentBefore = header.join('\n');
  for (const guess of draft.guesses) {
    const node = nodeAt(document, guess.path);
    if (!node) continue;
    const line = commentLine(`guessed: ${guess.note}`);
    node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${line}` : line;
  }
  return document.toString({ lineWidth: 100 });
}

/** An import that cannot produce a catalog: the message names the problem and, where known, its place. */
export class ImportError extends Error {
  constructor(message: string, readonly where?: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'ImportError';
  }
}
