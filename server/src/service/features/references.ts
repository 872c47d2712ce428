/**
 * Where a code is referenced in a file: every string literal that is exactly the code (outside
 * comments), the code-valued places codeUsages.ts finds (YAML plain values, configured calls and
 * patterns), and in a catalog file the code's own key and every whole-word mention (`replacedBy`,
 * example bodies). References, rename and the code lens counts all come from here.
 */
import { commentRanges, findCodeUsages, insideRanges, PROSE_LANGUAGES, type UsageOptions } from '../text/codeUsages';
import type { OffsetRange } from '../catalog/model';
import { escapeRegExp } from '../text/textScan';

/** Offsets of every reference to `code` in a source file. */
export function referencesInSource(text: string, languageId: string, code: string, options: UsageOptions): OffsetRange[] {
  if (PROSE_LANGUAGES.has(languageId) || !text.includes(code)) return [];
  const comments = commentRanges(text, languageId);
  const found = new Map<number, OffsetRange>();
  const quoted = new RegExp(`(["'\`])${escapeRegExp(code)}\\1`, 'g');
  for (const m of text.matchAll(quoted)) {
    const start = (m.index ?? 0) + 1;
    if (!insideRanges(comments, start)) found.set(start, { start, end: start + code.length });
  }
  for (const usage of findCodeUsages(text, languageId, options, comments)) {
    if (usage.value === code) found.set(usage.start, { start: usage.start, end: usage.end });
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** Every whole-word occurrence of `code` in a catalog file: its key, `replacedBy` values, example bodies. */
export function referencesInCatalog(text: string, code: string): OffsetRange[] {
  const word = new RegExp(`(?<![\\w-])${escapeRegExp(code)}(?![\\w-])`, 'g');
  return [...text.matchAll(word)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + code.length }));
}

/** Counts, per code, the references among `codes` in a source file (one pass, for code lenses). */
export function countReferences(text: string, languageId: string, codes: ReadonlySet<string>, options: UsageOptions, into: Map<string, number>): void {
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
}

/** The LSP language id of a file, by its name; undefined for files no feature reads. */
export function languageOfPath(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const byExtension: Readonly<Record<string, string>> = {
    ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact', js: 'javascript', mjs: 'javascript', cjs: 'javascript',
    jsx: 'javascriptreact', py: 'python', go: 'go', java: 'java', kt: 'kotlin', kts: 'kotlin', cs: 'csharp', rb: 'ruby', php: 'php',
    rs: 'rust', json: 'json', jsonc: 'jsonc', yaml: 'yaml', yml: 'yaml', vue: 'vue', svelte: 'svelte', swift: 'swift', dart: 'dart',
    scala: 'scala', ex: 'elixir', exs: 'elixir',
  };
  if (name.endsWith('.d.ts') || name === 'package-lock.json') return undefined;
  return byExtension[extension];
}
