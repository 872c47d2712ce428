/**
 * Files generated from a catalog (a docs page, typed constants) that no longer match it: the header
 * the generator wrote names the catalog and a hash of it, and a catalog that has changed since has
 * another hash. Reported on the header, with a fix that writes the file again.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/model';
import { docsPage } from '../render/docsPage';
import { catalogHash, headerRange, readGeneratedHeader, regenerateCommand, typesLanguageOf } from '../render/generatedHeader';
import { TYPES_LANGUAGES, typesFile, type TypesLanguage } from '../render/typesFile';

export const STALE_GENERATED_FILE = 'stale-generated-file';

/** What a stale file's diagnostic carries to its fix. */
export interface StaleFileData {
  readonly rule: typeof STALE_GENERATED_FILE;
  readonly catalog: string;
  readonly kind: string;
}

/**
 * The diagnostic of a generated file whose catalog has changed since it was generated; none for a
 * file without the header, or whose catalog is not loaded (missing or broken: nothing to compare).
 */
export function generatedFileDiagnostics(text: string, catalogNamed: (catalogPath: string) => Catalog | undefined): Diagnostic[] {
  const from = readGeneratedHeader(text);
  const range = from && headerRange(text);
  const catalog = from && catalogNamed(from.catalog);
  if (!from || !range || !catalog || catalogHash(catalog) === from.hash) return [];
  const data: StaleFileData = { rule: STALE_GENERATED_FILE, catalog: from.catalog, kind: from.kind };
  return [{
    range: { start: { line: range.line, character: range.start }, end: { line: range.line, character: range.end } },
    severity: DiagnosticSeverity.Warning,
    source: 'error-catalog',
    code: STALE_GENERATED_FILE,
    message: `This file was generated from an older version of ${from.catalog}: its codes or their descriptions have changed since. Regenerate it (${regenerateCommand(from)}).`,
    data,
  }];
}

/** The name the file declares (Go package, Java class, C# or PHP namespace), so that a regenerated file keeps it. */
function declaredName(text: string, language: TypesLanguage): string | undefined {
  switch (language) {
    case 'go': return /^package (\w+)/m.exec(text)?.[1];
    case 'csharp': return /^namespace ([\w.]+)/m.exec(text)?.[1];
    case 'php': return /^namespace ([\w\\]+);/m.exec(text)?.[1];
    case 'java': {
      const className = /^public final class (\w+)/m.exec(text)?.[1];
      const packageName = /^package ([\w.]+);/m.exec(text)?.[1];
      return className && (packageName ? `${packageName}.${className}` : className);
    }
    default: return undefined;
  }
}

/** The file generated again from the catalog as it is now, as the same kind of file; undefined when it cannot be. */
export function regeneratedText(text: string, catalog: Catalog, standard: Catalog | undefined): string | undefined {
  const from = readGeneratedHeader(text);
  if (!from) return undefined;
  if (from.kind === 'docs') return docsPage(catalog, { catalogPath: from.catalog, standard });
  const language = typesLanguageOf(from) as TypesLanguage;
  if (!TYPES_LANGUAGES.includes(language)) return undefined;
  try {
    return typesFile(catalog, language, { catalogPath: from.catalog, name: declaredName(text, language) });
  } catch {
    return undefined;
  }
}

export interface GeneratedFileOptions {
  /** The catalog's path relative to the workspace folder, for the header. */
  readonly catalogPath: string;
  readonly kind: 'docs' | 'types';
  /** For `types`: one of TYPES_LANGUAGES. */
  readonly language?: string;
  /** For `types`: the package, class or namespace the file declares. */
  readonly name?: string;
  /** The HTTP status catalog, for a docs page's reason phrases. */
  readonly standard?: Catalog;
}

/** A new generated file; `problem` says what is wrong with the options (an unknown language, a name the language cannot declare). */
export function generatedFile(catalog: Catalog, options: GeneratedFileOptions): string | { readonly problem: string } {
  if (options.kind === 'docs') return docsPage(catalog, { catalogPath: options.catalogPath, standard: options.standard });
  const language = (options.language ?? 'ts') as TypesLanguage;
  if (!TYPES_LANGUAGES.includes(language)) return { problem: `Unknown language "${options.language}". Use one of: ${TYPES_LANGUAGES.join(', ')}.` };
  try {
    return typesFile(catalog, language, { catalogPath: options.catalogPath, name: options.name });
  } catch (error) {
    if (error instanceof RangeError) return { problem: `${error.message}.` };
    throw error;
  }
}
