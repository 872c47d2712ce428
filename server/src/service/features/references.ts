/**
 * References to a code: every string literal that is exactly the code (outside comments), the
 * code-valued places codeUsages.ts finds (YAML plain values, configured calls and patterns), every
 * use of a workspace constant that stands for the code (`ApiException::TICKET_NOT_FOUND`), and in a
 * catalog file the code's own key and every whole-word mention (`replacedBy`, example bodies).
 * References, rename, the reference-count lenses and the unused-code hints all come from here.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog, OffsetRange } from '../catalog/model';
import { constantReferences, readingOf, type ReadingContext } from '../index/constantReferences';
import { commentRanges, findCodeUsages, insideRanges, PROSE_LANGUAGES, type UsageOptions } from '../text/codeUsages';
import { codeRunAt, escapeRegExp, lineAt } from '../text/textScan';
import type { DocumentContext, SourceQuery, WorkspaceSource, WorkspaceTexts } from '../workspace';
import { codeKeysOf } from './diagnostics';
import { findCodeAt } from './hover';

/** A code that workspace-wide features act on, and where the request named it. */
export interface CodeTarget {
  readonly code: string;
  readonly catalog: Catalog;
  /** The code's offsets in the document the request came from. */
  readonly range: OffsetRange;
  /** The names of the workspace's constants that stand for the code: files that mention neither them nor the code need not be read. */
  readonly constantNames: readonly string[];
}

/**
 * The code under the cursor: in a catalog file (`ownCatalog`, the catalog that file defines), a code
 * it names; elsewhere, a code of the document's catalogs written out in full, or a constant that stands for one.
 */
export function codeTargetAt(document: TextDocument, position: Position, context: DocumentContext, ownCatalog?: Catalog): CodeTarget | undefined {
  const offset = document.offsetAt(position);
  if (ownCatalog) {
    const run = codeRunAt(lineAt(document.getText(), offset));
    if (!run || !ownCatalog.codes.has(run.text)) return undefined;
    return { code: run.text, catalog: ownCatalog, range: { start: run.start, end: run.end }, constantNames: constantNamesOf(run.text, context) };
  }
  const found = findCodeAt(document.getText(), offset, context.set, readingOf(document, context));
  const hit = found?.hits[0];
  if (!hit || !found || (found.span.text !== hit.entry.code && !found.constant)) return undefined;
  return { code: hit.entry.code, catalog: hit.catalog, range: { start: found.span.start, end: found.span.end }, constantNames: constantNamesOf(hit.entry.code, context) };
}

function constantNamesOf(code: string, context: DocumentContext): string[] {
  return [...new Set(context.constants.standingFor(code).map((b) => b.name))];
}

/** How a source file's usages are read: the envelope's code keys of its catalogs, and the workspace's rules. */
export function usageOptionsOf(context: DocumentContext): UsageOptions {
  return { codeKeys: codeKeysOf(context.set), functions: context.usage.functions, patterns: [] };
}

/** A source file as references read it. */
function readingOfSource(source: { uri: string; languageId: string; text: string }, context: DocumentContext): ReadingContext {
  return readingOf({ uri: source.uri, languageId: source.languageId, getText: () => source.text } as TextDocument, context);
}

/**
 * Offsets of every reference to `code` in a source file: its string literals and code-valued places
 * (`literals`), and the uses of constants that stand for it (`constants`, the names, never renamed
 * with the code).
 */
export function referencesInSource(reading: ReadingContext, code: string, options: UsageOptions): { literals: OffsetRange[]; constants: OffsetRange[] } {
  const { text, languageId } = reading;
  if (PROSE_LANGUAGES.has(languageId)) return { literals: [], constants: [] };
  const found = new Map<number, OffsetRange>();
  if (text.includes(code)) {
    const comments = commentRanges(text, languageId);
    const quoted = new RegExp(`(["'\`])${escapeRegExp(code)}\\1`, 'g');
    for (const m of text.matchAll(quoted)) {
      const start = (m.index ?? 0) + 1;
      if (!insideRanges(comments, start)) found.set(start, { start, end: start + code.length });
    }
    for (const usage of findCodeUsages(text, languageId, options, comments)) {
      if (usage.value === code) found.set(usage.start, { start: usage.start, end: usage.end });
    }
  }
  const names = reading.index.standingFor(code).map((b) => b.name);
  const constants = names.length === 0 ? [] : constantReferences(reading, names).filter((r) => r.binding.value === code).map((r) => ({ start: r.start, end: r.end }));
  return { literals: [...found.values()].sort((a, b) => a.start - b.start), constants };
}

/** Every whole-word occurrence of `code` in a catalog file: its key, `replacedBy` values, example bodies. */
export function referencesInCatalog(text: string, code: string): OffsetRange[] {
  const word = new RegExp(`(?<![\\w-])${escapeRegExp(code)}(?![\\w-])`, 'g');
  return [...text.matchAll(word)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + code.length }));
}

/** Counts, per code, the references among `codes` in a source file, constants' uses included (one pass, for code lenses). */
export function countReferencesIn(reading: ReadingContext, codes: ReadonlySet<string>, options: UsageOptions, into: Map<string, number>): void {
  const { text, languageId } = reading;
  if (PROSE_LANGUAGES.has(languageId)) return;
  const comments = commentRanges(text, languageId);
  const seen = new Set<number>();
  const count = (value: string, start: number) => {
    if (!codes.has(value) || seen.has(start) || insideRanges(comments, start)) return;
    seen.add(start);
    into.set(value, (into.get(value) ?? 0) + 1);
  };
  for (const m of text.matchAll(/(["'`])([^"'`\n\\]{1,200})\1/g)) count(m[2], (m.index ?? 0) + 1);
  for (const usage of findCodeUsages(text, languageId, options, comments)) count(usage.value, usage.start);
  for (const reference of constantReferences(reading)) count(reference.binding.value, reference.start);
}

function locations(uri: string, text: string, languageId: string, ranges: readonly OffsetRange[]): Location[] {
  if (ranges.length === 0) return [];
  const document = TextDocument.create(uri, languageId, 0, text);
  return ranges.map((r) => ({ uri, range: { start: document.positionAt(r.start), end: document.positionAt(r.end) } }));
}

/**
 * Every reference to a catalog's code: in the catalog file, and in each source file whose catalogs
 * include that catalog. `constants: false` leaves out the uses of constants (what rename must not touch).
 */
/**
 * Whether a source's catalogs hold `catalog`: the same file, not only the same object, since a
 * catalog reloaded while a search runs (its buffer opened, its file saved) is a new object.
 */
function appliesTo(catalogs: readonly Catalog[], catalog: Catalog): boolean {
  return catalogs.some((c) => c === catalog || c.sourceUri === catalog.sourceUri);
}

export async function findReferences(workspace: WorkspaceTexts, target: CodeTarget, query: SourceQuery = {}, options: { constants: boolean } = { constants: true }): Promise<Location[]> {
  const { code, catalog } = target;
  const found: Location[] = [];
  const catalogText = workspace.catalogText(catalog);
  if (catalogText !== undefined) found.push(...locations(catalog.sourceUri, catalogText, 'yaml', referencesInCatalog(catalogText, code)));
  for await (const source of workspace.sources({ ...query, mentioning: [code, ...target.constantNames] })) {
    if (!appliesTo(source.context.set.catalogs, catalog)) continue;
    const { literals, constants } = referencesInSource(readingOfSource(source, source.context), code, usageOptionsOf(source.context));
    found.push(...locations(source.uri, source.text, source.languageId, options.constants ? [...literals, ...constants].sort((a, b) => a.start - b.start) : literals));
  }
  return found;
}

/** References per code of a catalog across the workspace's source files. */
export async function countReferences(workspace: WorkspaceTexts, catalog: Catalog, query: SourceQuery = {}): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const codes = new Set(catalog.codes.keys());
  for await (const source of workspace.sources(query)) {
    if (appliesTo(source.context.set.catalogs, catalog)) countReferencesIn(readingOfSource(source, source.context), codes, usageOptionsOf(source.context), counts);
  }
  return counts;
}

export type { WorkspaceSource };
