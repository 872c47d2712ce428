/**
 * The catalogs that apply to one document, in priority order, with the lookups the
 * features need: a code by exact text or by its normalized form, a status, a prefix search.
 * Per-catalog indexes are built once per loaded catalog and shared by every set that uses it.
 */
import type { Catalog, CodeEntry, StatusEntry } from './model';
import { normalizeCode } from '../text/textScan';

/** Levenshtein distance, giving up (returning `bound + 1`) once every path exceeds `bound`. */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  // Only cells within `bound` of the diagonal can stay within the bound: with a small bound (a
  // mistyped code is a few edits away) a row costs a few cells instead of the whole of `b`.
  const band = Math.min(bound, Math.max(a.length, b.length));
  const outside = band + 1;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= band ? j : outside;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    current[0] = i <= band ? i : outside;
    if (from > 1) current[from - 1] = outside;
    let best = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, outside);
      current[j] = value;
      if (value < best) best = value;
    }
    if (to < b.length) current[to + 1] = outside;
    if (best > bound) return bound + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], outside) > bound ? bound + 1 : previous[b.length];
}

export interface CodeHit {
  readonly entry: CodeEntry;
  readonly catalog: Catalog;
}

/** A catalog's codes in its own order with their normalized forms: what finding a mistyped code needs. */
interface NameIndex {
  readonly entries: readonly CodeEntry[];
  readonly normalized: readonly string[];
  readonly byNormalized: ReadonlyMap<string, readonly CodeEntry[]>;
  /** Each normalized code's character counts, {@link HISTOGRAM_BINS} per code: a cheap lower bound of edit distances. */
  readonly histograms: Uint8Array;
}

/** Bins of a character histogram: the 26 letters, the 10 digits, and everything else. */
const HISTOGRAM_BINS = 37;

function histogramInto(text: string, into: Uint8Array, at: number): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bin = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + c - 48 : 36;
    if (into[at + bin] < 255) into[at + bin]++;
  }
}

/** A catalog's codes sorted, for prefix search and by status: what completion needs. */
interface CatalogIndex {
  /** Codes sorted by their lower-case form, for prefix search by binary search. */
  readonly sorted: readonly CodeEntry[];
  readonly sortedLower: readonly string[];
  readonly sortedNormalized: readonly string[];
  /** Positions in `sorted` of the codes of each status, in order. */
  readonly byStatus: ReadonlyMap<number, readonly number[]>;
}

const nameIndexes = new WeakMap<Catalog, NameIndex>();
/** Strings whose nearest codes a set remembers at most. */
const MAX_REMEMBERED_NEAREST = 20_000;
const indexes = new WeakMap<Catalog, CatalogIndex>();

// Both are built on first use, once per catalog version: large catalogs have 100,000 codes, and a
// file's diagnostics need only the first (to suggest what a mistyped code meant).
function namesOf(catalog: Catalog): NameIndex {
  let names = nameIndexes.get(catalog);
  if (!names) {
    const entries = Array.from(catalog.codes.values());
    const normalized = entries.map((entry) => normalizeCode(entry.code));
    const byNormalized = new Map<string, CodeEntry[]>();
    entries.forEach((entry, i) => {
      const list = byNormalized.get(normalized[i]);
      if (list) list.push(entry);
      else byNormalized.set(normalized[i], [entry]);
    });
    const histograms = new Uint8Array(entries.length * HISTOGRAM_BINS);
    normalized.forEach((text, i) => histogramInto(text, histograms, i * HISTOGRAM_BINS));
    names = { entries, normalized, byNormalized, histograms };
    nameIndexes.set(catalog, names);
  }
  return names;
}

function indexOf(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    const { entries, normalized } = namesOf(catalog);
    const rows = entries.map((entry, i) => ({ entry, lower: entry.code.toLowerCase(), normalized: normalized[i] }));
    rows.sort((a, b) => compareText(a.lower, b.lower));
    const sorted = rows.map((row) => row.entry);
    const byStatus = new Map<number, number[]>();
    sorted.forEach((entry, position) => {
      const list = byStatus.get(entry.status);
      if (list) list.push(position);
      else byStatus.set(entry.status, [position]);
    });
    index = { sorted, sortedLower: rows.map((row) => row.lower), sortedNormalized: rows.map((row) => row.normalized), byStatus };
    indexes.set(catalog, index);
  }
  return index;
}

/** Code-unit order, the order `lowerBound` searches in. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
/** The words of a reason phrase, lower case (`Request-URI Too Long` is request, uri, too, long). */
function wordsOf(phrase: string): string[] {
  return phrase.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

export const STATUS_ALIASES: Readonly<Record<number, readonly string[]>> = {
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
  private reasonWords?: { words: string[]; status: number }[];
  private readonly nearest = new Map<string, string[]>();

  /**
   * @param catalogs the catalogs that apply, most specific first
   * @param standard the HTTP status catalog, consulted for statuses the others leave out
   */
  constructor(readonly catalogs: readonly Catalog[], readonly standard?: Catalog) {}

  private names?: ReadonlySet<string>;

  /** Every code of the set's catalogs (computed once per set). */
  codeNames(): ReadonlySet<string> {
    this.names ??= new Set(this.catalogs.flatMap((c) => [...c.codes.keys()]));
    return this.names;
  }

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
    return this.catalogs.flatMap((catalog) => (namesOf(catalog).byNormalized.get(key) ?? []).map((entry) => ({ entry, catalog })));
  }

  /**
   * The codes nearest to a mistyped one by edit distance on the normalized form (a few edits
   * at most, fewer for short codes), nearest first.
   */
  nearestCodes(text: string, limit: number): string[] {
    const key = `${limit}\n${text}`;
    const known = this.nearest.get(key);
    if (known) return known;
    const target = normalizeCode(text);
    const allowed = Math.max(1, Math.min(3, Math.floor(target.length / 4)));
    const wanted = new Uint8Array(HISTOGRAM_BINS);
    histogramInto(target, wanted, 0);
    const scored: { code: string; distance: number; catalog: number; lower: string }[] = [];
    this.catalogs.forEach((catalog, c) => {
      const { entries, normalized, histograms } = namesOf(catalog);
      for (let i = 0; i < entries.length; i++) {
        const candidate = normalized[i];
        if (Math.abs(candidate.length - target.length) > allowed) continue;
        // An edit changes the character counts by two at most: counts further apart than twice the
        // allowed edits rule the candidate out without computing its distance.
        let apart = 0;
        for (let bin = 0, at = i * HISTOGRAM_BINS; bin < HISTOGRAM_BINS && apart <= 2 * allowed; bin++) apart += Math.abs(histograms[at + bin] - wanted[bin]);
        if (apart > 2 * allowed) continue;
        const distance = editDistance(target, candidate, allowed);
        if (distance <= allowed) scored.push({ code: entries[i].code, distance, catalog: c, lower: entries[i].code.toLowerCase() });
      }
    });
    // Nearest first; among equals, the most specific catalog's, then alphabetically.
    scored.sort((a, b) => a.distance - b.distance || a.catalog - b.catalog || compareText(a.lower, b.lower));
    const found = scored.slice(0, limit).map((s) => s.code);
    // A workspace repeats its strings from file to file: each is measured once per set.
    if (this.nearest.size >= MAX_REMEMBERED_NEAREST) this.nearest.clear();
    this.nearest.set(key, found);
    return found;
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

  /**
   * The one status whose reason phrase starts with these words (`TooMany` is 429), if just one does.
   * Whole words, two at least: `expect` (in `expectError`, a test helper) is not the start of
   * "Expectation Failed", and one common word (`service`, `payment`) says nothing of a status.
   */
  statusStartingWith(words: readonly string[]): number | undefined {
    const wanted = words.map((w) => w.toLowerCase()).filter((w) => w.length > 0);
    if (wanted.length < 2) return undefined;
    if (!this.reasonWords) {
      this.reasonWords = [];
      for (const catalog of [...(this.standard ? [this.standard] : []), ...this.catalogs]) {
        for (const entry of catalog.statuses.values()) if (entry.reason) this.reasonWords.push({ words: wordsOf(entry.reason), status: entry.status });
      }
      for (const [status, aliases] of Object.entries(STATUS_ALIASES)) for (const alias of aliases) this.reasonWords.push({ words: wordsOf(alias), status: Number(status) });
    }
    const matching = new Set<number>();
    for (const { words: reason, status } of this.reasonWords) if (wanted.every((w, i) => reason[i] === w)) matching.add(status);
    return matching.size === 1 ? [...matching][0] : undefined;
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
   * statuses ranked first. Returns at most `limit` hits and whether that is every match.
   * Costs O(log n + limit) for a prefix match: large catalogs are never walked whole.
   */
  search(prefix: string, limit: number, preferredStatuses: ReadonlySet<number> = new Set()): { hits: CodeHit[]; preferred: Set<CodeEntry>; complete: boolean } {
    const lower = prefix.toLowerCase();
    const hits: CodeHit[] = [];
    const preferred = new Set<CodeEntry>();
    const taken = new Set<CodeEntry>();
    const take = (entry: CodeEntry, catalog: Catalog) => {
      if (hits.length >= limit || taken.has(entry)) return;
      taken.add(entry);
      hits.push({ entry, catalog });
    };
    for (const status of preferredStatuses) {
      for (const catalog of this.catalogs) {
        const index = indexOf(catalog);
        for (const position of index.byStatus.get(status) ?? []) {
          if (hits.length >= limit) break;
          if (index.sortedLower[position].startsWith(lower)) {
            take(index.sorted[position], catalog);
            preferred.add(index.sorted[position]);
          }
        }
      }
    }
    let prefixMatches = 0;
    for (const catalog of this.catalogs) {
      const index = indexOf(catalog);
      const first = lowerBound(index.sortedLower, lower);
      const end = lower ? lowerBound(index.sortedLower, `${lower}\uffff`) : index.sorted.length;
      prefixMatches += end - first;
      for (let i = first; i < end && hits.length < limit; i++) take(index.sorted[i], catalog);
    }
    let complete = prefixMatches <= limit;
    // Few prefix matches: add codes that contain the text (`LIMITED` finds `RATE_LIMITED`).
    if (lower.length > 0 && complete) {
      const needle = normalizeCode(prefix);
      let containsMatches = 0;
      for (const catalog of this.catalogs) {
        if (!needle) break;
        const index = indexOf(catalog);
        for (let i = 0; i < index.sorted.length; i++) {
          if (index.sortedLower[i].startsWith(lower)) continue;
          if (index.sortedLower[i].includes(lower) || index.sortedNormalized[i].includes(needle)) {
            containsMatches++;
            take(index.sorted[i], catalog);
          }
        }
      }
      complete = prefixMatches + containsMatches <= limit;
    }
    return { hits, preferred, complete };
  }
}
