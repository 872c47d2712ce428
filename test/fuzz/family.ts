/** What every family of cases offers the runner. */
import type { FuzzCase } from './fuzzCase';

export interface Family {
  readonly name: string;
  /** What it throws at the server, for the summary. */
  readonly about: string;
  /**
   * Its hand-made cases, run first and each once. The quick run takes only those marked `quick`
   * (one for each defect the family is known to find), so it stays within its minute.
   */
  readonly fixed: readonly FixedCase[];
  /** Random cases after the fixed ones, until the run's budget ends; absent when the family has none. */
  readonly random?: (seed: number) => FuzzCase;
}

export interface FixedCase {
  /** Part of the quick run: it finds a known defect. */
  readonly quick: boolean;
  /** It waits out a bound (a hang, a wedge, a large file): started first, so that it does not end a run late. */
  readonly slow: boolean;
  readonly make: (seed: number) => FuzzCase;
}

/** A fixed case from a function of its seed. */
export function fixed(make: (seed: number) => FuzzCase, { quick = false, slow = false } = {}): FixedCase {
  return { make, quick, slow };
}

export const QUICK = { quick: true };
export const QUICK_SLOW = { quick: true, slow: true };
export const SLOW = { slow: true };
