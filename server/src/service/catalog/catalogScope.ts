/**
 * Which catalogs a document uses. Pure path logic so that monorepo rules are easy to test:
 * the nearest folder (walking up) with catalog files wins, else every catalog in the
 * workspace folder; configured catalogs always join; with none of these, the built-ins.
 */

export interface ScopeInput {
  /** The document's file path (posix or native; only `/`-separated comparison is used). */
  readonly documentPath: string;
  /** The workspace folder root that contains the document, if any. */
  readonly folderPath?: string;
  /** Catalog files found by name (`*.errors.yaml`) in that folder. */
  readonly discovered: readonly string[];
  /** Catalog files the settings name for that folder (paths and globs already resolved). */
  readonly configured: readonly string[];
}

function dirname(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

function depth(path: string): number {
  return path.split('/').length;
}

/** The catalog files that apply to the document, most specific first. Empty means: use the built-ins. */
export function catalogFilesFor(input: ScopeInput): string[] {
  const byDirectory = new Map<string, string[]>();
  for (const file of input.discovered) {
    const dir = dirname(file);
    byDirectory.set(dir, [...(byDirectory.get(dir) ?? []), file]);
  }
  let nearest: string[] = [];
  if (input.folderPath !== undefined) {
    const root = input.folderPath.replace(/\/+$/, '') || '/';
    for (let dir = dirname(input.documentPath); ; dir = dirname(dir)) {
      const files = byDirectory.get(dir);
      if (files) { nearest = [...files].sort(); break; }
      if (dir === root || dir === '/' || !dir.startsWith(root)) break;
    }
  }
  if (nearest.length === 0) nearest = [...input.discovered].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
  const result = [...nearest];
  for (const file of input.configured) if (!result.includes(file)) result.push(file);
  return result;
}
