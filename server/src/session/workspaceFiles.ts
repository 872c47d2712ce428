/**
 * The workspace's source files and their texts, for references, rename and reference counts:
 * the files each folder's scan found (kept current as files come and go), read as open buffers
 * when open and from disk otherwise, once, until they change.
 */
import { URI } from 'vscode-uri';
import type { DocumentContext, SourceQuery, WorkspaceSource, WorkspaceTexts } from '../service/languageService';
import type { Catalog } from '../service/catalog/model';
import { languageOfPath } from '../service/text/languages';
import { isInside, type WorkspaceReader } from './files';

/** Larger files are left out, as for diagnostics. */
const MAX_SOURCE_BYTES = 1024 * 1024;
/** Texts kept between walks, at most: a large workspace is read again rather than held whole in memory. */
const MAX_CACHED_CHARACTERS = 24 * 1024 * 1024;
/** Files read between two pauses of a walk, so that requests in between are answered. */
const FILES_PER_STEP = 200;

export interface OpenDocuments {
  /** The text of an open document, by uri. */
  textOf(uri: string): string | undefined;
}

export class WorkspaceFiles implements WorkspaceTexts {
  private readonly sourcesByFolder = new Map<string, string[]>();
  private readonly pagesByFolder = new Map<string, string[]>();
  /** Texts read from disk, oldest first (a Map keeps insertion order), and their total length. */
  private readonly cache = new Map<string, string | null>();
  private cachedCharacters = 0;

  constructor(
    private readonly reader: WorkspaceReader,
    private readonly open: OpenDocuments,
    /** The context a source file is read in (the catalogs that apply to it, the folder's settings). */
    private readonly contextFor: (uri: string) => Promise<DocumentContext>,
    /** The text of a catalog's file as the registry holds it. */
    private readonly catalogFileText: (catalog: Catalog) => string | undefined,
  ) {}

  /** The source files a folder's scan found. */
  setSources(folderPath: string, paths: readonly string[]): void {
    this.sourcesByFolder.set(folderPath, [...paths]);
    for (const path of [...this.cache.keys()]) if (isInside(folderPath, path)) this.forget(path);
  }

  /** The Markdown files a folder's scan found. */
  setPages(folderPath: string, paths: readonly string[]): void {
    this.pagesByFolder.set(folderPath, [...paths]);
  }

  removeFolder(folderPath: string): void {
    this.sourcesByFolder.delete(folderPath);
    this.pagesByFolder.delete(folderPath);
  }

  /** Every Markdown file of every folder, as the last scans found them. */
  pagePaths(): string[] {
    return [...this.pagesByFolder.values()].flat();
  }

  /** A source file was created, changed or deleted on disk (`excluded` tells whether its folder's scan leaves it out). */
  changed(path: string, exists: boolean, excluded: boolean): void {
    this.forget(path);
    const folder = [...this.sourcesByFolder.keys()].filter((f) => isInside(f, path)).sort((a, b) => b.length - a.length)[0];
    if (folder === undefined || languageOfPath(path) === undefined) return;
    const list = this.sourcesByFolder.get(folder)!;
    const known = list.includes(path);
    if (exists && !known && !excluded) list.push(path);
    if (!exists && known) this.sourcesByFolder.set(folder, list.filter((p) => p !== path));
  }

  /** Every source file of every folder. */
  paths(): string[] {
    return [...this.sourcesByFolder.values()].flat();
  }

  /** A source file's text: its open buffer, else what is on disk (undefined when it cannot be read, or is too large or binary). */
  async textOf(path: string, uri = URI.file(path).toString()): Promise<string | undefined> {
    const open = this.open.textOf(uri);
    if (open !== undefined) return open;
    if (this.cache.has(path)) return this.cache.get(path) ?? undefined;
    let text: string | null = null;
    try {
      const read = await this.reader.read(path, MAX_SOURCE_BYTES);
      text = read.includes('\0') ? null : read;
    } catch {
      text = null; // unreadable, gone, or too large: not a source the features read
    }
    this.remember(path, text);
    return text ?? undefined;
  }

  private remember(path: string, text: string | null): void {
    this.forget(path);
    this.cache.set(path, text);
    this.cachedCharacters += text?.length ?? 0;
    for (const [oldest] of this.cache) {
      if (this.cachedCharacters <= MAX_CACHED_CHARACTERS) break;
      this.forget(oldest);
    }
  }

  private forget(path: string): void {
    this.cachedCharacters -= this.cache.get(path)?.length ?? 0;
    this.cache.delete(path);
  }

  async *sources(query: SourceQuery = {}): AsyncGenerator<WorkspaceSource> {
    const paths = this.paths();
    for (let i = 0; i < paths.length; i++) {
      if (query.isCancelled?.()) return;
      if (i % FILES_PER_STEP === 0) {
        query.progress?.(i, paths.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const path = paths[i];
      const languageId = languageOfPath(path);
      if (!languageId) continue;
      const uri = URI.file(path).toString();
      const text = await this.textOf(path, uri);
      if (text === undefined) continue;
      if (query.mentioning && !query.mentioning.some((s) => text.includes(s))) continue;
      yield { uri, languageId, text, context: await this.contextFor(uri) };
    }
    query.progress?.(paths.length, paths.length);
  }

  catalogText(catalog: Catalog): string | undefined {
    return this.catalogFileText(catalog);
  }
}
