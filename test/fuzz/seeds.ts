/** The seven built-in catalogs as fuzzing seeds: their YAML, the same catalog as JSON, and what they define. */
import { basename } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { builtinFiles } from '../helpers/catalogs';

export interface SeedCatalog {
  /** `connectify`, `http-status`… */
  readonly name: string;
  readonly yaml: string;
  /** The same value as JSON, two-space indented. */
  readonly json: string;
  readonly codes: readonly string[];
  readonly statuses: readonly number[];
  /** Each code's status. */
  readonly statusOf: Readonly<Record<string, number>>;
}

let seeds: SeedCatalog[] | undefined;

export function seedCatalogs(): readonly SeedCatalog[] {
  seeds ??= builtinFiles().map(({ path, text }) => {
    const value = load(text, { schema: CORE_SCHEMA }) as { codes?: Record<string, { status: number }>; statuses?: Record<string, unknown> };
    return {
      name: basename(path).replace(/\.errors\.ya?ml$/, ''),
      yaml: text,
      json: `${JSON.stringify(value, null, 2)}\n`,
      codes: Object.keys(value.codes ?? {}),
      statuses: Object.keys(value.statuses ?? {}).map(Number),
      statusOf: Object.fromEntries(Object.entries(value.codes ?? {}).map(([code, entry]) => [code, entry.status])),
    };
  });
  return seeds;
}

/** The seeds that define codes (hover, completion and diagnostics need some). */
export function seedsWithCodes(): readonly SeedCatalog[] {
  return seedCatalogs().filter((seed) => seed.codes.length > 0);
}
