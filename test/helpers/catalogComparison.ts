/**
 * A field-by-field measure of an imported catalog against a hand-written one of the same API:
 * for each field, how much of the reference the import found (recall) and how much of the import
 * the reference has (precision; an imported code the reference lacks counts against it, and so
 * does each of its fields).
 *
 * The reference catalogs paraphrase their pages, so text fields cannot be compared verbatim. Two
 * texts match when their content words overlap: the Dice coefficient of their sets of lower-case,
 * lightly stemmed words, stop words left out, is at least {@link TEXT_MATCH_THRESHOLD}. Lists
 * (causes, steps) are matched item to item, one to one, best pairs first.
 *
 * This measure is written apart from the importer and shares none of its code, so that it cannot
 * agree with the importer's mistakes.
 */

/**
 * The Dice coefficient at or above which two texts may be taken for the same item. Short items
 * make the coefficient coarse: the reference's paraphrases of a page's step score from about 0.35
 * ("Rate limit exceeded" / "Too many requests were sent within the rate limit window." 0.44, "Use
 * idempotency keys where they are supported." / "Consider using idempotency keys if applicable."
 * 0.44) to 1, while two different short items that share a word ("The key was revoked." / "Key has
 * expired") already score 0.5. The threshold alone therefore cannot tell them apart; the one-to-one,
 * best-first matching does, as each item's true partner scores higher. 0.4 is where, on the pages
 * the built-in catalogs were written from, every pair the matching accepts is a paraphrase of the
 * same item (the import test prints the weakest accepted pairs so that this can be checked); the
 * test also reports recall at 0.5.
 */
export const TEXT_MATCH_THRESHOLD = 0.4;

/** English function words only: words of the error domain (`error`, `request`, `key`) count as content. */
const STOP_WORDS = new Set(
  ('a an the and or but if then else of to in on at by for with from as is are was were be been being has have had do does did not no this that these ' +
    'those it its you your yours we our us they their them i me my can could will would should may might must shall than so such any all some each every ' +
    'there here what which who whom when where why how also only just into out up down over about after before between e g eg ie etc more most very too ' +
    "don t s re ve ll d via per whether within while because due please").split(' '),
);

/**
 * Verbs that only say "do this": paraphrases swap them freely ("Ensure all required fields are
 * provided" / "Make sure every required field is present"), so they say nothing about which step it is.
 */
const INSTRUCTION_FILLERS = new Set(['make', 'sure', 'ensure', 'check', 'verify', 'confirm']);

function stemWord(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 3 && stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  const suffix = /(ations?|ating|ated|ingly|ing|edly|ed|ly|ment|ness|ions?)$/.exec(stem);
  if (suffix && stem.length - suffix[0].length >= 3) {
    stem = stem.slice(0, -suffix[0].length) + (suffix[0].startsWith('at') ? 'at' : '');
    if (/^(ed|ing)$/.test(suffix[0]) && /([b-df-hj-km-np-rtv-z])\1$/.test(stem)) stem = stem.slice(0, -1);
  }
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

/** The set of content words of a text. */
export function wordSet(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/)) {
    // Numbers (`429, 500, 503` in a step) say which statuses a text is for, which its place in the catalog already says.
    if (word && !STOP_WORDS.has(word) && !INSTRUCTION_FILLERS.has(word) && !/^\d+$/.test(word)) words.add(stemWord(word));
  }
  return words;
}

/** The Dice coefficient of two texts' content words: 2|A∩B| / (|A|+|B|). */
export function textSimilarity(a: string, b: string): number {
  const left = wordSet(a);
  const right = wordSet(b);
  if (left.size === 0 && right.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return (2 * shared) / (left.size + right.size);
}

export interface FieldScore {
  readonly field: string;
  readonly referenceItems: number;
  readonly importedItems: number;
  /** Reference items the import has. */
  readonly found: number;
  /** Imported items the reference has. */
  readonly correct: number;
  readonly recall: number;
  readonly precision: number;
}

/** A reference item the import lacks, or an imported item the reference lacks. */
export interface Mismatch {
  readonly field: string;
  readonly where: string;
  readonly missing?: string;
  readonly extra?: string;
}

/** Two texts the measure took for the same item, and how much their words overlap. */
export interface TextMatch {
  readonly field: string;
  readonly where: string;
  readonly reference: string;
  readonly imported: string;
  readonly score: number;
}

export interface CatalogComparison {
  readonly fields: readonly FieldScore[];
  /** All fields' items added up. */
  readonly overall: FieldScore;
  /** Codes the import has and the reference does not. */
  readonly inventedCodes: readonly string[];
  readonly mismatches: readonly Mismatch[];
  /** Every pair of texts matched, weakest first: the ones to read when judging the threshold. */
  readonly textMatches: readonly TextMatch[];
}

type Json = Record<string, unknown>;

function record(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

class Tally {
  referenceItems = 0;
  importedItems = 0;
  found = 0;
  correct = 0;
  constructor(readonly field: string) {}

  score(): FieldScore {
    return {
      field: this.field,
      referenceItems: this.referenceItems,
      importedItems: this.importedItems,
      found: this.found,
      correct: this.correct,
      // A field with nothing to find is fully recalled; one with nothing imported is fully precise.
      recall: this.referenceItems === 0 ? 1 : this.found / this.referenceItems,
      precision: this.importedItems === 0 ? 1 : this.correct / this.importedItems,
    };
  }
}

/** Matches two lists of texts one to one, best-scoring pairs first; returns the matched indices of each side. */
function matchTexts(reference: readonly string[], imported: readonly string[], threshold: number): { reference: Set<number>; imported: Set<number>; pairs: { r: number; i: number; score: number }[] } {
  const pairs: { score: number; r: number; i: number }[] = [];
  reference.forEach((r, ri) =>
    imported.forEach((i, ii) => {
      const score = textSimilarity(r, i);
      if (score >= threshold) pairs.push({ score, r: ri, i: ii });
    }),
  );
  pairs.sort((a, b) => b.score - a.score);
  const matched = { reference: new Set<number>(), imported: new Set<number>(), pairs: [] as { r: number; i: number; score: number }[] };
  for (const pair of pairs) {
    if (matched.reference.has(pair.r) || matched.imported.has(pair.i)) continue;
    matched.reference.add(pair.r);
    matched.imported.add(pair.i);
    matched.pairs.push(pair);
  }
  return matched;
}

/** Dotted paths of every member of an envelope body (`error.details[].field`) and `path=value` of its literal members. */
function envelopeShape(body: unknown): { keys: string[]; literals: string[] } {
  const keys: string[] = [];
  const literals: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 1)) walk(item, `${path}[]`);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, member] of Object.entries(value as Json)) {
        const memberPath = path ? `${path}.${key}` : key;
        keys.push(memberPath);
        walk(member, memberPath);
      }
    } else if (!(typeof value === 'string' && value.includes('${'))) {
      literals.push(`${path}=${JSON.stringify(value)}`);
    }
  };
  walk(body, '');
  return { keys, literals };
}

/**
 * Compares catalog content (the parsed draft, or a parsed catalog file) with the reference catalog's
 * on codes, each code's status, message, causes and resolution, the statuses, their reasons,
 * descriptions and troubleshooting, and the envelope's member paths and literal values.
 */
export function compareCatalogs(importedCatalog: unknown, referenceCatalog: unknown, threshold = TEXT_MATCH_THRESHOLD): CatalogComparison {
  const imported = record(importedCatalog);
  const reference = record(referenceCatalog);
  const mismatches: Mismatch[] = [];
  const textMatches: TextMatch[] = [];
  const tallies = new Map<string, Tally>();
  const tally = (field: string) => {
    let found = tallies.get(field);
    if (!found) {
      found = new Tally(field);
      tallies.set(field, found);
    }
    return found;
  };

  const compareSets = (field: string, where: string, referenceItems: readonly string[], importedItems: readonly string[]) => {
    const t = tally(field);
    const importedSet = new Set(importedItems);
    const referenceSet = new Set(referenceItems);
    t.referenceItems += referenceSet.size;
    t.importedItems += importedSet.size;
    for (const item of referenceSet) {
      if (importedSet.has(item)) t.found++;
      else mismatches.push({ field, where, missing: item });
    }
    for (const item of importedSet) {
      if (referenceSet.has(item)) t.correct++;
      else mismatches.push({ field, where, extra: item });
    }
  };
  const compareTexts = (field: string, where: string, referenceItems: readonly string[], importedItems: readonly string[]) => {
    const t = tally(field);
    t.referenceItems += referenceItems.length;
    t.importedItems += importedItems.length;
    const matched = matchTexts(referenceItems, importedItems, threshold);
    t.found += matched.reference.size;
    t.correct += matched.imported.size;
    for (const pair of matched.pairs) textMatches.push({ field, where, reference: referenceItems[pair.r], imported: importedItems[pair.i], score: pair.score });
    referenceItems.forEach((item, i) => matched.reference.has(i) || mismatches.push({ field, where, missing: item }));
    importedItems.forEach((item, i) => matched.imported.has(i) || mismatches.push({ field, where, extra: item }));
  };
  const optional = (value: string | undefined) => (value === undefined ? [] : [value]);

  const referenceCodes = record(reference.codes);
  const importedCodes = record(imported.codes);
  compareSets('codes', 'codes', Object.keys(referenceCodes), Object.keys(importedCodes));
  for (const code of new Set([...Object.keys(referenceCodes), ...Object.keys(importedCodes)])) {
    const r = Object.hasOwn(referenceCodes, code) ? record(referenceCodes[code]) : undefined;
    const i = Object.hasOwn(importedCodes, code) ? record(importedCodes[code]) : undefined;
    compareSets('code status', code, r && r.status !== undefined ? [String(r.status)] : [], i && i.status !== undefined ? [String(i.status)] : []);
    compareTexts('message', code, optional(text(r?.message)), optional(text(i?.message)));
    compareTexts('causes', code, texts(r?.causes), texts(i?.causes));
    compareTexts('resolution', code, texts(r?.resolution), texts(i?.resolution));
  }

  const referenceStatuses = record(reference.statuses);
  const importedStatuses = record(imported.statuses);
  compareSets('status numbers', 'statuses', Object.keys(referenceStatuses), Object.keys(importedStatuses));
  for (const status of new Set([...Object.keys(referenceStatuses), ...Object.keys(importedStatuses)])) {
    const r = Object.hasOwn(referenceStatuses, status) ? record(referenceStatuses[status]) : undefined;
    const i = Object.hasOwn(importedStatuses, status) ? record(importedStatuses[status]) : undefined;
    compareTexts('status reason', status, optional(text(r?.reason)), optional(text(i?.reason)));
    compareTexts('status description', status, optional(text(r?.description)), optional(text(i?.description)));
    compareTexts('troubleshooting', status, texts(r?.troubleshooting), texts(i?.troubleshooting));
  }

  const referenceShape = envelopeShape(record(reference.envelope).body);
  const importedShape = envelopeShape(record(imported.envelope).body);
  compareSets('envelope keys', 'envelope.body', referenceShape.keys, importedShape.keys);
  compareSets('envelope literals', 'envelope.body', referenceShape.literals, importedShape.literals);

  const fields = [...tallies.values()].map((t) => t.score());
  const total = new Tally('overall');
  for (const field of fields) {
    total.referenceItems += field.referenceItems;
    total.importedItems += field.importedItems;
    total.found += field.found;
    total.correct += field.correct;
  }
  return {
    fields,
    overall: total.score(),
    inventedCodes: Object.keys(importedCodes).filter((code) => !Object.hasOwn(referenceCodes, code)),
    mismatches,
    textMatches: textMatches.sort((a, b) => a.score - b.score),
  };
}

/** The comparison as a text table: one row per field, then the overall row. */
export function comparisonTable(title: string, comparison: CatalogComparison): string {
  const percent = (value: number) => `${(value * 100).toFixed(0)}%`.padStart(5);
  const rows = [...comparison.fields, comparison.overall].map(
    (field) => `${field.field.padEnd(20)} ${`${field.found}/${field.referenceItems}`.padStart(7)} ${percent(field.recall)}   ${`${field.correct}/${field.importedItems}`.padStart(7)} ${percent(field.precision)}`,
  );
  return [`${title}`, `${'field'.padEnd(20)} ${'found'.padStart(7)} recall   ${'correct'.padStart(7)} precision`, ...rows].join('\n');
}
