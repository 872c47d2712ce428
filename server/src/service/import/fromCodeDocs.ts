/**
 * What a constant's own documentation says, for the import from code: the comment block right
 * above its definition (JSDoc, `///` XML docs, Go's `//` paragraphs, `#` lines), a comment at the end
 * of its line, or the docstring under a Python assignment; and whether it is deprecated
 * (`@deprecated`, Go's `Deprecated:` paragraph, `@Deprecated`, `[Obsolete("…")]`), with the note.
 */
import { rangeAt } from '../text/codeUsages';
import type { SourceFile } from './fromCodeText';

export interface ConstantDocs {
  /** The documentation as prose, without markup and without its deprecation note. */
  readonly description?: string;
  /** The deprecation note, or true when the constant is marked deprecated without one. */
  readonly deprecated?: string | true;
}

/** Lines read above a definition for its documentation. */
const MAX_LINES_ABOVE = 40;
/** Longer documentation is cut: a catalog description is a paragraph, not a manual. */
const MAX_DESCRIPTION = 600;

/** An annotation or attribute line between a doc comment and its definition (`@Deprecated`, `[Obsolete("…")]`, `#[Deprecated]`). */
const ANNOTATION_LINE = /^\s*(?:@[A-Za-z_][\w.]*(?:\(.*\))?|\[[A-Za-z_][\w.]*(?:\(.*\))?\]|#\[[A-Za-z_][\w\\]*(?:\(.*\))?\])\s*$/;

/** The documentation of the definition whose name starts at `nameStart` and whose value ends at `valueEnd`. */
export function docsOf(file: SourceFile, nameStart: number, valueEnd: number): ConstantDocs {
  const { text } = file;
  const comments: string[] = [];
  const annotations: string[] = [];
  let lineStart = text.lastIndexOf('\n', nameStart - 1) + 1;
  const seen = new Set<number>();
  for (let n = 0; n < MAX_LINES_ABOVE && lineStart > 0; n++) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(previousStart, lineStart - 1);
    const indent = line.length - line.trimStart().length;
    if (line.trim() === '') break;
    const first = previousStart + indent;
    if (file.inComment(first)) {
      const range = rangeAt(file.lexed.comments, first);
      if (range && !seen.has(range[0])) {
        seen.add(range[0]);
        comments.unshift(text.slice(range[0], range[1]));
      }
    } else if (ANNOTATION_LINE.test(line)) {
      annotations.unshift(line.trim());
    } else break;
    lineStart = previousStart;
  }
  // A block comment that starts on an earlier line and ends on this one is one comment, read once.
  let prose = cleanComment(comments.join('\n'));
  if (!prose) {
    const lineEnd = text.indexOf('\n', valueEnd);
    const end = lineEnd < 0 ? text.length : lineEnd;
    const trailing = file.lexed.comments.find(([start]) => start >= valueEnd && start < end);
    if (trailing) prose = cleanComment(text.slice(trailing[0], trailing[1]));
    else if (file.languageId === 'python') prose = pythonDocstring(file, end) ?? '';
  }
  const { description, deprecated } = splitDeprecation(prose, annotations);
  return {
    ...(description && !isHeading(description) ? { description: cut(description) } : {}),
    ...(deprecated !== undefined ? { deprecated } : {}),
  };
}

/** A docstring right under a Python assignment (an attribute docstring). */
function pythonDocstring(file: SourceFile, lineEnd: number): string | undefined {
  const rest = file.text.slice(lineEnd + 1, lineEnd + 2000);
  const m = /^[ \t]*(?:"""([\s\S]*?)"""|'''([\s\S]*?)'''|"([^"\n]*)"|'([^'\n]*)')[ \t]*(?:\n|$)/.exec(rest);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4])?.replace(/\s+/g, ' ').trim() : undefined;
}

/** A comment's prose: markers, leading stars, XML tags and doc tags other than `@deprecated` removed. */
function cleanComment(comment: string): string {
  const lines = comment
    .replace(/^\s*\/\*\*?/, '')
    .replace(/\*\/\s*$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:\/\/\/?|#+|\*+(?!\/))\s?/, '').replace(/\s*\*\/\s*$/, '').replace(/^\s*\/\*\*?\s*/, ''));
  const kept: string[] = [];
  let inTag = false;
  for (const line of lines) {
    const tag = /^\s*@([A-Za-z]+)/.exec(line);
    if (tag) inTag = tag[1].toLowerCase() !== 'deprecated';
    if (!inTag) kept.push(line);
  }
  return kept.join('\n')
    .replace(/<see\s+cref="([^"]+)"\s*\/>/g, '$1')
    .replace(/<\/?(?:summary|remarks|para|c|code|b|i|p)>/g, '')
    .replace(/\{@(?:link|linkplain|code)\s+([^}]+)\}/g, '$1')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** A comment that names the group of constants below it (`# Requests`, `/** General *\/`), not one of them. */
function isHeading(prose: string): boolean {
  return !/[.!?:;]$/.test(prose) && prose.split(/\s+/).length <= 4 && !prose.includes('\n');
}

/** The deprecation note out of the prose and the annotations, and the prose without it. */
function splitDeprecation(prose: string | undefined, annotations: readonly string[]): { description?: string; deprecated?: string | true } {
  let description = prose ?? '';
  let deprecated: string | true | undefined;
  // JSDoc and PHPDoc `@deprecated note`, Go's `Deprecated: note` paragraph, `# deprecated: note`.
  const tag = /(?:^|\n)\s*(?:@deprecated\b|Deprecated:|deprecated:)\s*([\s\S]*?)(?=\n\s*\n|\n\s*@[a-z]|$)/i.exec(description) ?? /@deprecated\b\s*([\s\S]*)$/i.exec(description);
  if (tag) {
    const text = tag[1].replace(/\s+/g, ' ').trim();
    deprecated = text ? text[0].toUpperCase() + text.slice(1) : true;
    description = (description.slice(0, tag.index) + description.slice(tag.index + tag[0].length)).trim();
  }
  for (const annotation of annotations) {
    const obsolete = /^\[Obsolete(?:\(\s*@?"([^"]*)"[^)]*\))?\]$/.exec(annotation);
    if (obsolete) deprecated = obsolete[1]?.trim() || (deprecated ?? true);
    else if (/^@Deprecated\b|^#\[\\?Deprecated\b/.test(annotation)) deprecated ??= true;
  }
  const flat = description.replace(/\s+/g, ' ').trim();
  return { ...(flat ? { description: flat } : {}), ...(deprecated !== undefined ? { deprecated } : {}) };
}

function cut(text: string): string {
  if (text.length <= MAX_DESCRIPTION) return text;
  const sentence = text.lastIndexOf('. ', MAX_DESCRIPTION);
  return sentence > 100 ? text.slice(0, sentence + 1) : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}
