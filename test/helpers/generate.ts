/** Deterministic large catalogs, for tests of bounded lists (and for the benchmark). */
import { CatalogSet } from '../../server/src/service/catalog/catalogSet';
import { type Catalog, type CodeEntry } from '../../server/src/service/catalog/model';

const STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];
const WORDS = ['ACCOUNT', 'ORDER', 'PAYMENT', 'USER', 'TOKEN', 'INVOICE', 'PLAN', 'QUOTA', 'FILE', 'REGION'];
const FAULTS = ['NOT_FOUND', 'INVALID', 'EXPIRED', 'LOCKED', 'CONFLICT', 'LIMITED', 'DENIED', 'UNAVAILABLE', 'MISSING', 'TIMEOUT'];

/** The n-th generated code name: `ORDER_EXPIRED_0042`. */
export function generatedCode(i: number): string {
  return `${WORDS[i % WORDS.length]}_${FAULTS[Math.floor(i / WORDS.length) % FAULTS.length]}_${String(i).padStart(5, '0')}`;
}

/** The status of the n-th generated code in the generated catalogs. */
export function generatedStatus(i: number): number {
  return STATUSES[i % STATUSES.length];
}

export function generatedCatalogYaml(count: number): string {
  const lines = ['id: generated', 'title: Generated API', 'envelope:', '  body:', '    error:', '      code: ${code}', '      message: ${message}', 'codes:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  ${generatedCode(i)}:`, `    status: ${generatedStatus(i)}`, `    title: Generated error ${i}`, `    description: Error number ${i} of the generated catalog.`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same catalog as {@link generatedCatalogYaml}, as JSON. */
export function generatedCatalogJson(count: number): string {
  const codes: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    codes[generatedCode(i)] = { status: generatedStatus(i), title: `Generated error ${i}`, description: `Error number ${i} of the generated catalog.` };
  }
  return `${JSON.stringify({ id: 'generated', title: 'Generated API', envelope: { body: { error: { code: '${code}', message: '${message}' } } }, codes }, null, 2)}\n`;
}

export function generatedCatalog(count: number): Catalog {
  const codes = new Map<string, CodeEntry>();
  for (let i = 0; i < count; i++) {
    const code = generatedCode(i);
    codes.set(code, { code, status: generatedStatus(i), title: `Generated error ${i}`, causes: [], resolution: [], members: {}, examples: [], tags: [], operations: [] });
  }
  return {
    id: 'generated', title: 'Generated API', origin: 'workspace', uri: 'file:///w/generated.errors.yaml',
    envelope: { contentType: 'application/json', body: { error: { code: '${code}', message: '${message}' } }, optional: [], headers: [], examples: [] },
    statuses: new Map(), codes, rangeOf: () => ({ start: 0, end: 0 }), positionAt: () => ({ line: 0, character: 0 }), sourceUri: 'file:///w/generated.errors.yaml',
  };
}

export function generatedSet(count: number, standard?: Catalog): CatalogSet {
  return new CatalogSet([generatedCatalog(count)], standard);
}
