/**
 * The workspace's code constants, kept current: built in the background once the folders are
 * scanned (a file at a time, with progress, so that requests are answered meanwhile), then updated
 * as files change on disk or are edited. Features that need the whole workspace (references,
 * rename, reference counts) wait until the first build is done, never answering from half of it.
 */
import { URI } from 'vscode-uri';
import type { Catalog } from '../service/catalog/model';
import { ConstantIndex, factsOf } from '../service/index/constantIndex';
import { languageOfPath } from '../service/text/languages';
import type { ProgressReporter } from './client';
import type { Logger } from './catalogRegistry';

/** Files read between two pauses of a build. */
const FILES_PER_STEP = 25;
/** Source files read ahead of the one being indexed. */
const READ_AHEAD = 16;

export interface IndexDependencies {
  /** Every source file of the workspace. */
  readonly paths: () => readonly string[];
  /** A source file's text (its open buffer, else what is on disk), or undefined when it cannot be read. */
  readonly textOf: (path: string) => Promise<string | undefined>;
  readonly beginProgress: (title: string) => Promise<ProgressReporter | undefined>;
  /** Called when the constants changed (what depends on them must be computed again). */
  readonly changed: () => void;
  readonly log: Logger;
}

export class WorkspaceIndex {
  readonly constants = new ConstantIndex();
  private built: Promise<void> = Promise.resolve();
  /** Counts builds, so that a build overtaken by a newer one stops. */
  private generation = 0;
  /** The version of each workspace catalog whose `constants:` the index holds, by URI. */
  private readonly declaredBy = new Map<string, Catalog>();

  constructor(private readonly deps: IndexDependencies) {}

  /** Resolves once the latest build has read every file. */
  ready(): Promise<void> {
    return this.built;
  }

  /**
   * Reads every source file again once `scanned` resolves (the folders' scan that lists them):
   * from this call on, `ready()` waits for this build.
   */
  rebuild(scanned: Promise<unknown> = Promise.resolve()): Promise<void> {
    const generation = ++this.generation;
    this.built = scanned
      .then(() => this.build(generation))
      .catch((error) => this.deps.log.error(`Indexing the workspace's code constants failed: ${(error as Error)?.stack ?? String(error)}`));
    return this.built;
  }

  private async build(generation: number): Promise<void> {
    const paths = this.deps.paths();
    const started = Date.now();
    const progress = paths.length > 200 ? await this.deps.beginProgress('Indexing error code constants') : undefined;
    let changed = false;
    try {
      const seen = new Set<string>();
      // Files are read a few ahead of the one being indexed: each read waits on the disk several
      // times (open, stat, read, close), and one after the other those waits add up to most of a build.
      const texts: Promise<string | undefined>[] = [];
      const readAhead = (i: number) => {
        if (i < paths.length && languageOfPath(paths[i])) texts[i] = this.deps.textOf(paths[i]);
      };
      for (let i = 0; i < READ_AHEAD; i++) readAhead(i);
      for (let i = 0; i < paths.length; i++) {
        readAhead(i + READ_AHEAD);
        if (generation !== this.generation) return;
        if (i % FILES_PER_STEP === 0) {
          progress?.report(Math.round((i / paths.length) * 100), `${i} of ${paths.length} files`);
          await new Promise((resolve) => setImmediate(resolve));
        }
        const uri = URI.file(paths[i]).toString();
        seen.add(uri);
        const text = texts[i];
        delete texts[i];
        changed = (await this.read(paths[i], uri, text)) || changed;
      }
      for (const uri of this.constants.indexedFiles()) {
        if (!seen.has(uri)) changed = this.constants.remove(uri) || changed;
      }
      this.deps.log.info(`Indexed ${paths.length} source files in ${Date.now() - started} ms: ${this.constants.size} constants.`);
    } finally {
      progress?.done();
    }
    if (changed) this.deps.changed();
  }

  /** Indexes a file's constants; `reading` is its text already being read, if any. */
  private async read(path: string, uri: string, reading?: Promise<string | undefined>): Promise<boolean> {
    const languageId = languageOfPath(path);
    const text = languageId ? await (reading ?? this.deps.textOf(path)) : undefined;
    if (!languageId || text === undefined) return this.constants.remove(uri);
    return this.constants.update(factsOf(uri, text, languageId));
  }

  /**
   * The constants the workspace's catalogs declare, from the catalogs being served now: a catalog
   * read again declares its constants again, and one that is gone takes its declarations with it.
   * Built-in catalogs declare none. Returns the URIs of the catalogs whose declarations changed.
   */
  declareCatalogs(catalogs: readonly Catalog[]): string[] {
    const changed: string[] = [];
    const record = (uri: string, change: () => void) => {
      const version = this.constants.version;
      change();
      if (this.constants.version !== version) changed.push(uri);
    };
    const current = new Map(catalogs.filter((c) => c.origin === 'workspace').map((c) => [c.uri, c]));
    for (const uri of [...this.declaredBy.keys()]) {
      if (current.has(uri)) continue;
      this.declaredBy.delete(uri);
      record(uri, () => this.constants.forget(uri));
    }
    for (const [uri, catalog] of current) {
      if (this.declaredBy.get(uri) === catalog) continue;
      this.declaredBy.set(uri, catalog);
      const declared = new Map<string, readonly string[]>();
      for (const entry of catalog.codes.values()) if (entry.constants?.length) declared.set(entry.code, entry.constants);
      record(uri, () => this.constants.declare(uri, declared));
    }
    return changed;
  }

  /**
   * A file opened in the editor: its constants are read at once, ahead of a build that may still be
   * on its way to it, since hovers and completions in it need them first.
   */
  async fileOpened(path: string): Promise<void> {
    if (await this.read(path, URI.file(path).toString())) this.deps.changed();
  }

  /** A file was created, changed or deleted on disk, or edited in an open buffer: its constants are read again. */
  async fileChanged(path: string, exists: boolean): Promise<void> {
    await this.built;
    const uri = URI.file(path).toString();
    const changed = exists ? await this.read(path, uri) : this.constants.remove(uri);
    if (changed) this.deps.changed();
  }
}
