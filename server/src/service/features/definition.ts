/**
 * Go to definition: from an error code in any file to its entry in the catalog file (the key's
 * exact line and column), and from an HTTP status to the catalog's entry for it, else the
 * HTTP status catalog's.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet } from '../catalog/catalogSet';
import type { ReadingContext } from '../index/constantReferences';
import { findCodeAt } from './hover';
import type { Catalog } from '../catalog/model';
import { statusConstantAt, statusNumberAt } from '../text/textScan';

function locationOf(catalog: Catalog, path: readonly string[]): Location {
  const range = catalog.rangeOf(path, 'key');
  return { uri: catalog.sourceUri, range: { start: catalog.positionAt(range.start), end: catalog.positionAt(range.end) } };
}

/**
 * Where a code is defined: its entry in each catalog that has it and, when the code is written as a
 * constant, the constant's definition in the workspace.
 */
export function findDefinition(document: TextDocument, position: Position, set: CatalogSet, reading?: ReadingContext): Location[] {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const status = statusConstantAt(text, offset, (name) => set.statusOfName(name));
  const code = status ? undefined : findCodeAt(text, offset, set, reading);
  if (code) {
    const locations = code.hits.map((hit) => locationOf(hit.catalog, ['codes', hit.entry.code]));
    const binding = code.constant?.binding;
    if (binding?.uri && binding.range) locations.push({ uri: binding.uri, range: binding.range });
    return locations;
  }
  const mention = status ?? statusNumberAt(text, offset, (s) => set.reasonOf(s));
  if (!mention) return [];
  const documenting = [...set.catalogs, ...(set.standard ? [set.standard] : [])].filter((c) => c.statuses.has(mention.status));
  return documenting.slice(0, 1).map((catalog) => locationOf(catalog, ['statuses', String(mention.status)]));
}
