/** The reference count above each code of a catalog file, which opens the references when the client can. */
import type { CodeLens } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/model';

/** @param command the client's command that shows references at a position, or '' for a count alone */
export function referenceLenses(catalog: Catalog, documentUri: string, counts: ReadonlyMap<string, number>, command: string): CodeLens[] {
  return [...catalog.codes.keys()].map((code) => {
    const key = catalog.rangeOf(['codes', code], 'key');
    const range = { start: catalog.positionAt(key.start), end: catalog.positionAt(key.end) };
    const count = counts.get(code) ?? 0;
    return { range, command: { title: count === 1 ? '1 reference' : `${count} references`, command, arguments: [documentUri, range.start] } };
  });
}
