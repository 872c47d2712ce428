/**
 * How often the workspace uses each code of each catalog: the counts behind the lenses of catalog
 * files and the hints on unused codes. Counts are kept until a catalog or a source file's code
 * usages change; the lens refresh and the recount wait until edits pause, and an edit that does
 * not change which codes a file uses (most typing) changes nothing here.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../service/languageService';
import type { Catalog } from '../service/catalog/model';
import type { Logger } from './catalogRegistry';

/** How long edits must pause before the counts are refreshed. */
const SETTLE_MS = 1000;

export interface CountDependencies {
  readonly service: LanguageService;
  /** Resolves once every folder's catalogs are loaded. */
  readonly settled: () => Promise<void>;
  /** The workspace catalogs that may get hints, with their file paths. */
  readonly workspaceCatalogs: () => readonly { catalog: Catalog; path: string }[];
  /** Called when a catalog file's unused-code hints changed (publish its diagnostics again). */
  readonly hintsChanged: (path: string) => void;
  /** Asks the client to re-request lenses; undefined when it cannot. */
  readonly refreshLenses?: () => void;
  /** Whether hints and lenses are refreshed after changes (false: counts are made only when asked for). */
  readonly refreshes: boolean;
  readonly log: Logger;
}

export class ReferenceCounts {
  private readonly counts = new Map<Catalog, Promise<Map<string, number>>>();
  private readonly hints = new Map<string, Diagnostic[]>();
  /** Per source document, the codes its text mentions, as last counted. */
  private readonly usageSignatures = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: CountDependencies) {}

  /** The counts for a catalog, computed once until something they depend on changes. */
  of(catalog: Catalog): Promise<Map<string, number>> {
    let counts = this.counts.get(catalog);
    if (!counts) {
      counts = this.deps.service.countReferences(catalog);
      this.counts.set(catalog, counts);
      counts.catch(() => this.counts.delete(catalog));
    }
    return counts;
  }

  /** The unused-code hints last computed for a catalog file. */
  hintsFor(path: string): readonly Diagnostic[] {
    return this.hints.get(path) ?? [];
  }

  /** Catalogs were (re)loaded or files changed on disk: every count may be stale. */
  invalidate(): void {
    this.counts.clear();
    this.scheduleRefresh();
  }

  /**
   * An open source document changed. The counts change only when the set of codes it uses does;
   * `signature` is that set as a string (computed by the caller after edits pause).
   */
  documentUsagesAre(uri: string, signature: string | undefined): boolean {
    const before = this.usageSignatures.get(uri);
    if (signature === undefined) this.usageSignatures.delete(uri);
    else this.usageSignatures.set(uri, signature);
    const changed = before !== undefined && signature !== undefined && before !== signature;
    if (changed) this.invalidate();
    return changed;
  }

  private scheduleRefresh(): void {
    if (!this.deps.refreshes) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.deps.refreshLenses?.();
      this.refreshHints().catch((error) => this.deps.log.error(`Counting code references failed: ${(error as Error)?.stack ?? String(error)}`));
    }, SETTLE_MS);
  }

  private async refreshHints(): Promise<void> {
    await this.deps.settled();
    for (const { catalog, path } of this.deps.workspaceCatalogs()) {
      const hints = this.deps.service.unusedCodeHints(catalog, await this.of(catalog));
      const before = this.hints.get(path) ?? [];
      if (before.length === 0 && hints.length === 0) continue;
      this.hints.set(path, hints);
      this.deps.hintsChanged(path);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
