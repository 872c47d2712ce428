/** Test helpers: the built-in catalogs as the server loads them, and text with a cursor marker. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { CatalogSet } from '../../server/src/service/catalog/catalogSet';
import { type Catalog } from '../../server/src/service/catalog/model';
import { REPO_ROOT } from './paths';

export { REPO_ROOT };
export const BUILTIN_DIR = join(REPO_ROOT, 'catalog', 'builtin');

export function builtinFiles(): { path: string; text: string }[] {
  return readdirSync(BUILTIN_DIR)
    .filter((name) => name.endsWith('.errors.yaml'))
    .map((name) => ({ path: join(BUILTIN_DIR, name), text: readFileSync(join(BUILTIN_DIR, name), 'utf8') }));
}

let cache: Map<string, Catalog> | undefined;

/** Every built-in catalog by id, schema-validated. */
export function builtins(): Map<string, Catalog> {
  if (!cache) {
    cache = new Map();
    for (const { path, text } of builtinFiles()) {
      const result = loadCatalog(path, text, { origin: 'builtin' });
      if (!result.catalog) throw new Error(`${path}: ${JSON.stringify(result.problems)}`);
      cache.set(result.catalog.id, result.catalog);
    }
  }
  return cache;
}

export function builtin(id: string): Catalog {
  const catalog = builtins().get(id);
  if (!catalog) throw new Error(`no built-in catalog ${id}`);
  return catalog;
}

/** A set of the given catalogs with the HTTP status catalog as the standard. */
export function setOf(...catalogs: Catalog[]): CatalogSet {
  return new CatalogSet(catalogs, builtin('http-status'));
}

export function knownStatuses(): Set<number> {
  return new Set(builtin('http-status').statuses.keys());
}

/** The HTTP reason phrases, as the server passes them to the loader. */
export function standardReasons(): Map<number, string> {
  return new Map([...builtin('http-status').statuses.values()].flatMap((s) => (s.reason && !s.reason.startsWith('(') ? [[s.status, s.reason] as [number, string]] : [])));
}

/**
 * A document from fixture text whose cursor is marked with `|`
 * (the only `|` in the text; fixtures that need a pipe use another marker).
 */
export function withCursor(text: string, languageId = 'typescript', marker = '|'): { document: TextDocument; position: { line: number; character: number }; offset: number } {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error(`fixture has no cursor marker ${marker}`);
  const content = text.slice(0, offset) + text.slice(offset + marker.length);
  const document = TextDocument.create(`file:///work/src/file.${languageId}`, languageId, 1, content);
  return { document, position: document.positionAt(offset), offset };
}

/** A catalog loaded from YAML text, failing the test if it has errors. */
export function catalogFromYaml(yaml: string, uri = 'file:///work/api.errors.yaml'): Catalog {
  const result = loadCatalog(uri, yaml, { knownStatuses: knownStatuses(), standardReasons: standardReasons() });
  if (!result.catalog) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.catalog;
}
