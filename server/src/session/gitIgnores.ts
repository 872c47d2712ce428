/**
 * The `.gitignore` files met on a folder's walk: what they ignore is left out of the search for
 * catalogs and source files, as editors leave it out of search (generated code, vendored copies,
 * build output). Each file applies to its own folder and below.
 */
import ignore, { type Ignore } from 'ignore';

/** Larger files are not read as ignore rules. */
export const MAX_GITIGNORE_BYTES = 64 * 1024;

export class GitIgnores {
  /** Rules by the folder-relative path of the folder holding them ('' for the workspace folder). */
  private readonly rules = new Map<string, Ignore>();

  add(folder: string, text: string): void {
    this.rules.set(folder, ignore({ allowRelativePaths: true }).add(text));
  }

  /** Whether a folder-relative path (a folder when `isDirectory`) is ignored by a `.gitignore` above it. */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    for (const [folder, matcher] of this.rules) {
      if (folder !== '' && !relativePath.startsWith(`${folder}/`)) continue;
      const inner = folder === '' ? relativePath : relativePath.slice(folder.length + 1);
      if (inner && matcher.ignores(isDirectory ? `${inner}/` : inner)) return true;
    }
    return false;
  }
}
