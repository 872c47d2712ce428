/**
 * The workspace's source files as text, for references, rename and reference counts: open
 * documents from their buffers, the rest read from disk once and kept until they change.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { CatalogFileSystem, CatalogStore } from './catalogRegistry';
import { languageOfPath } from '../service/features/references';

export interface SourceText {
  readonly path: string;
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

/** Larger files are left out, as for diagnostics. */
const MAX_SOURCE_LENGTH = 1024 * 1024;

export class WorkspaceSources {
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly store: CatalogStore, private readonly fs: CatalogFileSystem, private readonly documents: TextDocuments<TextDocument>) {}

  /** Drops what is known of a file, after it changed on disk. */
  invalidate(path: string): void {
    this.cache.delete(path);
  }

  private async read(path: string): Promise<string | undefined> {
    const uri = URI.file(path).toString();
    const open = this.documents.get(uri);
    if (open) return open.getText();
    if (!this.cache.has(path)) {
      let text: string | null = null;
      try {
        const read = await this.fs.readFile(path);
        text = read.length <= MAX_SOURCE_LENGTH && !read.includes('\0') ? read : null;
      } catch {
        text = null;
      }
      this.cache.set(path, text);
    }
    return this.cache.get(path) ?? undefined;
  }

  /** Every source file's text, in batches so that requests in between are answered; `progress` gets the share done. */
  async *all(progress?: (done: number, total: number) => void, isCancelled?: () => boolean): AsyncGenerator<SourceText> {
    const paths = this.store.sourceFiles();
    for (let i = 0; i < paths.length; i++) {
      if (isCancelled?.()) return;
      if (i % 200 === 0) {
        progress?.(i, paths.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const path = paths[i];
      const languageId = languageOfPath(path);
      const text = languageId ? await this.read(path) : undefined;
      if (languageId && text !== undefined) yield { path, uri: URI.file(path).toString(), languageId, text };
    }
    progress?.(paths.length, paths.length);
  }
}
