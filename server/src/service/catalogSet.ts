/**
 * The catalogs that apply to one document, in priority order, with the lookups the
 * features need: a code by exact text or by its normalized form, a status, a prefix search.
 * Per-catalog indexes are built once per loaded catalog and shared by every set that uses it.
 */
import type { Catalog, CodeEntry, StatusEntry } from './model';
import { normalizeCode } from './textScan';

export interface CodeHit {
  readonly entry: CodeEntry;
  readonly catalog: Catalog;
}

interface CatalogIndex {
  /** Codes sorted by their lower-case form, for prefix search by binary search. */
  readonly sorted: readonly CodeEntry[];
  readonly sortedLower: readonly string[];
  readonly sortedNormalized: readonly string[];
  readonly byNormalized: ReadonlyMap<string, readonly CodeEntry[]>;
}

const indexes = new WeakMap<Catalog, CatalogIndex>();

function indexOf(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    const pairs = [...catalog.codes.values()].map((entry) => [entry.code.toLowerCase(), entry] as const);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const byNormalized = new Map<string, CodeEntry[]>();
    for (const entry of catalog.codes.values()) {
      const key = normalizeCode(entry.code);
      const list = byNormalized.get(key);
      if (list) list.push(entry);
      else byNormalized.set(key, [entry]);
    }
    const sorted = pairs.map((p) => p[1]);
    index = { sorted, sortedLower: pairs.map((p) => p[0]), sortedNormalized: sorted.map((e) => normalizeCode(e.code)), byNormalized };
    indexes.set(catalog, index);
  }
  return index;
}

function lowerBound(values: readonly string[], target: string): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Other names that status constants use for a status (`StatusRequestEntityTooLarge`, `UNPROCESSABLE_ENTITY`). */
const STATUS_ALIASES: Readonly<Record<number, readonly string[]>> = {
  203: ['Non-Authoritative Info'],
  300: ['Ambiguous'],
  301: ['Moved'],
  302: ['Moved Temporarily', 'Redirect'],
  303: ['Redirect Method'],
  307: ['Redirect Keep Verb'],
  413: ['Payload Too Large', 'Request Entity Too Large'],
  414: ['Request URI Too Long', 'Request-URI Too Long'],
  416: ['Requested Range Not Satisfiable', 'Request Range Not Satisfiable'],
  418: ["I'm a teapot", 'I Am A Teapot', 'Teapot'],
  422: ['Unprocessable Entity'],
  500: ['Server Error'],
  505: ['HTTP Version Not Supported'],
};

export interface StatusInfo {
  readonly status: number;
  readonly reason?: string;
  /** What the document's own catalogs say about the status, first the most specific. */
  readonly entries: readonly { readonly entry: StatusEntry; readonly catalog: Catalog }[];
  /** The standard (RFC) description, when the standard catalog is loaded. */
  readonly standard?: StatusEntry;
}

export class CatalogSet {
  private statusNames?: Map<string, number>;

  /**
   * @param catalogs the catalogs that apply, most specific first
   * @param standard the HTTP status catalog, consulted for statuses the others leave out
   */
  constructor(readonly catalogs: readonly Catalog[], readonly standard?: Catalog) {}

  get codeCount(): number {
    return this.catalogs.reduce((sum, c) => sum + c.codes.size, 0);
  }

  findCode(code: string): CodeHit[] {
    const hits: CodeHit[] = [];
    for (const catalog of this.catalogs) {
      const entry = catalog.codes.get(code);
      if (entry) hits.push({ entry, catalog });
    }
    return hits;
  }

  /** Codes whose normalized form matches (`RateLimited` finds `RATE_LIMITED`). */
  findNormalized(text: string): CodeHit[] {
    const key = normalizeCode(text);
    if (!key) return [];
    return this.catalogs.flatMap((catalog) => (indexOf(catalog).byNormalized.get(key) ?? []).map((entry) => ({ entry, catalog })));
  }

  reasonOf(status: number): string | undefined {
    const standardReason = this.standard?.statuses.get(status)?.reason;
    if (standardReason && !standardReason.startsWith('(')) return standardReason;
    for (const catalog of this.catalogs) {
      const reason = catalog.statuses.get(status)?.reason;
      if (reason) return reason;
    }
    return STATUS_ALIASES[status]?.[0];
  }

  statusInfo(status: number): StatusInfo | undefined {
    const entries = this.catalogs.flatMap((catalog) => {
      const entry = catalog.statuses.get(status);
      return entry ? [{ entry, catalog }] : [];
    });
    const standard = this.standard?.statuses.get(status);
    if (entries.length === 0 && !standard) return undefined;
    return { status, reason: this.reasonOf(status), entries, standard };
  }

  /** The status named by a normalized reason phrase (`toomanyrequests` is 429). */
  statusOfName(normalizedName: string): number | undefined {
    if (!this.statusNames) {
      const names = new Map<string, number>();
      const add = (name: string | undefined, status: number) => {
        const key = name ? normalizeCode(name) : '';
        if (key && !names.has(key)) names.set(key, status);
      };
      for (const catalog of [...(this.standard ? [this.standard] : []), ...this.catalogs]) {
        for (const entry of catalog.statuses.values()) add(entry.reason, entry.status);
      }
      for (const [status, aliases] of Object.entries(STATUS_ALIASES)) for (const alias of aliases) add(alias, Number(status));
      this.statusNames = names;
    }
    return this.statusNames.get(normalizedName);
  }

  /** Codes with this status across the set. */
  codesWithStatus(status: number, limit = 20): CodeHit[] {
    const hits: CodeHit[] = [];
    for (const catalog of this.catalogs) {
      for (const entry of catalog.codes.values()) {
        if (entry.status === status) hits.push({ entry, catalog });
        if (hits.length >= limit) return hits;
      }
    }
    return hits;
  }

  /**
   * Codes matching `prefix` (case-insensitive prefix first, then contains), the preferred
   * statuses ranked first. Returns at most `limit` hits and whether more matched.
   */
  search(prefix: string, limit: number, preferredStatuses: ReadonlySet<number> = new Set()): { hits: CodeHit[]; preferred: Set<CodeEntry>; complete: boolean } {
    const lower = prefix.toLowerCase();
    const preferredHits: CodeHit[] = [];
    const otherHits: CodeHit[] = [];
    const seen = new Set<CodeEntry>();
    let total = 0;
    const take = (hit: CodeHit) => {
      if (seen.has(hit.entry)) return;
      seen.add(hit.entry);
      total++;
      if (preferredStatuses.has(hit.entry.status)) preferredHits.push(hit);
      else if (otherHits.length < limit) otherHits.push(hit);
    };
    for (const catalog of this.catalogs) {
      const index = indexOf(catalog);
      for (let i = lowerBound(index.sortedLower, lower); i < index.sorted.length && index.sortedLower[i].startsWith(lower); i++) {
        take({ entry: index.sorted[i], catalog });
        // Without preferred statuses nothing further down can rank higher; stop once the page is full.
        if (preferredStatuses.size === 0 && total > limit) break;
      }
    }
    if (lower.length > 0 && total <= limit) {
      const needle = normalizeCode(prefix);
      for (const catalog of this.catalogs) {
        if (!needle) break;
        const index = indexOf(catalog);
        for (let i = 0; i < index.sorted.length && total <= limit; i++) {
          if (index.sortedLower[i].includes(lower) || index.sortedNormalized[i].includes(needle)) take({ entry: index.sorted[i], catalog });
        }
      }
    }
    const hits = [...preferredHits, ...otherHits].slice(0, limit);
    return { hits, preferred: new Set(preferredHits.map((h) => h.entry)), complete: total <= limit };
  }
}
