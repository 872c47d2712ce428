/**
 * A seeded random source: every case is generated from one 32-bit seed, so the seed alone
 * generates it again. Math.random is never used by the harness.
 */

/** mulberry32: small, fast, and good enough to pick mutations (not for anything secret). */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * Math.max(0, max - min));
  }

  below(n: number): number {
    return this.int(0, n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('nothing to pick from');
    return items[this.below(items.length)];
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }

  /** A string of `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.below(alphabet.length)];
    return out;
  }
}

/** The seed of the `index`-th case of a family in a run: independent of how many cases other families ran. */
export function caseSeed(runSeed: number, family: string, index: number): number {
  // FNV-1a over the three parts, then one mulberry32 step to spread the bits.
  let hash = 0x811c9dc5;
  for (const ch of `${runSeed}/${family}/${index}`) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return Math.floor(new Random(hash).next() * 4294967296) >>> 0;
}
