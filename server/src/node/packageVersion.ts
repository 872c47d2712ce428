import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in the package's manifest, beside dist/ (where the bundles run from). */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
