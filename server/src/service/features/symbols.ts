/**
 * The outline of a catalog file (document symbols: the envelope, each status, each code) and the
 * workspace symbols for codes. The outline is read from the file's current text, so it also
 * works while the catalog has errors.
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogFormatOf, parseCatalogSyntaxWithPositions, type CatalogSyntax } from '../catalog/catalogSyntax';
import type { Catalog } from '../catalog/model';

function symbol(document: TextDocument, syntax: CatalogSyntax, path: string[], name: string, kind: SymbolKind, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const key = syntax.locate(path, 'key');
  const value = syntax.locate(path, 'value');
  const range = { start: document.positionAt(Math.min(key.start, value.start)), end: document.positionAt(Math.max(key.end, value.end)) };
  return { name, kind, detail, range, selectionRange: { start: document.positionAt(key.start), end: document.positionAt(key.end) }, children };
}

/** A code's status and title, as far as they are written as they should be (the file may be mid-edit). */
function codeDetail(entry: { status?: unknown; title?: unknown } | null | undefined): string {
  const parts = [entry?.status, entry?.title].filter((part) => typeof part === 'number' || typeof part === 'string');
  return parts.join(' · ');
}

export function catalogDocumentSymbols(document: TextDocument): DocumentSymbol[] {
  const syntax = parseCatalogSyntaxWithPositions(document.getText(), catalogFormatOf(document.uri));
  const value = syntax.value as Record<string, unknown> | null | undefined;
  if (!value || typeof value !== 'object') return [];
  const symbols: DocumentSymbol[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (key === 'statuses' && member && typeof member === 'object') {
      const children = Object.entries(member as Record<string, { reason?: unknown }>).map(([status, entry]) =>
        symbol(document, syntax, ['statuses', status], status, SymbolKind.Number, typeof entry?.reason === 'string' ? entry.reason : undefined));
      symbols.push(symbol(document, syntax, [key], key, SymbolKind.Namespace, `${children.length} statuses`, children));
    } else if (key === 'codes' && member && typeof member === 'object') {
      const children = Object.entries(member as Record<string, { status?: unknown; title?: unknown }>).map(([code, entry]) =>
        symbol(document, syntax, ['codes', code], code, SymbolKind.EnumMember, codeDetail(entry)));
      symbols.push(symbol(document, syntax, [key], key, SymbolKind.Enum, `${children.length} codes`, children));
    } else {
      symbols.push(symbol(document, syntax, [key], key, key === 'envelope' ? SymbolKind.Struct : SymbolKind.Property, typeof member === 'string' ? member : undefined));
    }
  }
  return symbols;
}

/** Codes of the given catalogs whose name contains the query (case and separators ignored). */
export function codeWorkspaceSymbols(catalogs: readonly Catalog[], query: string, limit = 200): SymbolInformation[] {
  const needle = query.toLowerCase().replace(/[^a-z0-9]/g, '');
  const symbols: SymbolInformation[] = [];
  for (const catalog of catalogs) {
    for (const entry of catalog.codes.values()) {
      if (needle && !entry.code.toLowerCase().replace(/[^a-z0-9]/g, '').includes(needle)) continue;
      const range = catalog.rangeOf(['codes', entry.code], 'key');
      symbols.push({
        name: entry.code,
        kind: SymbolKind.EnumMember,
        containerName: `${catalog.title} · ${entry.status}`,
        location: { uri: catalog.sourceUri, range: { start: catalog.positionAt(range.start), end: catalog.positionAt(range.end) } },
      });
      if (symbols.length >= limit) return symbols;
    }
  }
  return symbols;
}
