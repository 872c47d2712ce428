/**
 * Where a document uses error codes as values: members of an error body (`code: 'X'`,
 * `"error_code": "X"`, `error_code='X'`, `'code' => 'X'`), arguments of the functions the user
 * names (`new ApiError('X')`), and matches of the user's patterns. Never inside comments:
 * diagnostics, references and rename all read usages from here, so they agree.
 */
import { lexStatements, StatementWalk } from './statements';
import { escapeRegExp } from './textScan';

export interface CodeUsage {
  /** The code as written (the string's content). */
  readonly value: string;
  /** Offsets of the code's text (inside the quotes). */
  readonly start: number;
  readonly end: number;
  readonly kind: 'member' | 'call' | 'pattern';
  /** For members: the key and its offset. */
  readonly key?: string;
  readonly keyStart?: number;
}

export interface UsageOptions {
  /** Member names whose value is a code (`code`, `error_code`, `type`). */
  readonly codeKeys: readonly string[];
  /** Functions and constructors whose first argument is a code (`ApiError`, `errors.New`). */
  readonly functions: readonly string[];
  /** Regular expressions whose first capture group is a code. */
  readonly patterns: readonly RegExp[];
}

/** Languages of prose, where a code is mentioned, never used as a value. */
export const PROSE_LANGUAGES: ReadonlySet<string> = new Set(['markdown', 'plaintext']);

/**
 * The comment ranges of a document, found by a lexer that knows strings, so that `//` inside
 * `'http://…'` is not a comment. Sorted by start.
 */
export function commentRanges(text: string, languageId: string): [number, number][] {
  return lexStatements(text, languageId).comments;
}

/** The range of sorted, disjoint `[start, end)` ranges that holds `offset`, if any. */
export function rangeAt(ranges: readonly [number, number][], offset: number): [number, number] | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (ranges[mid][1] <= offset) low = mid + 1;
    else if (ranges[mid][0] > offset) high = mid - 1;
    else return ranges[mid];
  }
  return undefined;
}

export function insideRanges(ranges: readonly [number, number][], offset: number): boolean {
  return rangeAt(ranges, offset) !== undefined;
}

/** Part of a document to search: `[from, end)`, where no usage may cross a statement start. */
export interface UsageBounds {
  readonly from: number;
  readonly end: number;
  /** The statement starts in `[from, end)`, ascending, the first being `from`. */
  readonly starts: readonly number[];
}

/**
 * The matches of a global regular expression, within the bounds if given. A match that crosses
 * a statement start is not one: the search goes on from that start, as it would if each
 * statement were searched alone.
 */
function* matchesOf(regex: RegExp, text: string, bounds?: UsageBounds): Generator<RegExpExecArray> {
  const end = bounds?.end ?? text.length;
  const statements = bounds && new StatementWalk(bounds.starts, end);
  regex.lastIndex = bounds?.from ?? 0;
  for (let m = regex.exec(text); m && m.index < end; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex = m.index + 1;
    if (!statements) {
      yield m;
      continue;
    }
    const statementEnd = statements.at(m.index).end;
    if (m.index + m[0].length <= statementEnd) yield m;
    else regex.lastIndex = statementEnd;
  }
}

/** Every code usage in a document (or the bounded part of it), in order of position. */
export function findCodeUsages(text: string, languageId: string, options: UsageOptions, comments = commentRanges(text, languageId), bounds?: UsageBounds): CodeUsage[] {
  if (PROSE_LANGUAGES.has(languageId)) return [];
  const usages: CodeUsage[] = [];
  const seen = new Set<number>();
  const add = (usage: CodeUsage) => {
    if (seen.has(usage.start) || insideRanges(comments, usage.start)) return;
    seen.add(usage.start);
    usages.push(usage);
  };
  if (options.codeKeys.length > 0) {
    const keys = options.codeKeys.map(escapeRegExp).join('|');
    // Java's Map.of pairs a quoted key and its value with a comma, Kotlin's mapOf with `to`.
    const extra = languageId === 'java' ? '|(?<=["\'])\\s*,' : languageId === 'kotlin' ? '|\\s+to' : '';
    // key, optionally quoted; `:`, `=`, `=>` or `:=`; a quoted value on the same line.
    const member = new RegExp(`(?<![\\w$.])(["']?)(${keys})\\1\\s*(?::=|=>|:|=(?!=)${extra})\\s*(["'\`])((?:\\\\.|(?!\\3)[^\\n\\\\])*)\\3`, 'gi');
    for (const m of matchesOf(member, text, bounds)) {
      const valueStart = (m.index ?? 0) + m[0].length - m[4].length - 1;
      add({ value: m[4], start: valueStart, end: valueStart + m[4].length, kind: 'member', key: m[2], keyStart: (m.index ?? 0) + m[1].length });
    }
    if (languageId === 'yaml') {
      // YAML values need no quotes: `code: RATE_LIMITED`.
      const plain = new RegExp(`^([ \\t]*(?:- )?)(${keys}):[ \\t]+([^\\s"'#][^\\s#]*)[ \\t]*(?:#.*)?$`, 'gim');
      for (const m of matchesOf(plain, text, bounds)) {
        const valueStart = (m.index ?? 0) + m[0].indexOf(m[3], m[1].length + m[2].length + 1);
        add({ value: m[3], start: valueStart, end: valueStart + m[3].length, kind: 'member', key: m[2], keyStart: (m.index ?? 0) + m[1].length });
      }
    }
  }
  for (const name of options.functions) {
    const call = new RegExp(`(?<![\\w$])(?:new\\s+)?${escapeRegExp(name)}\\s*\\(\\s*(["'\`])((?:\\\\.|(?!\\1)[^\\n\\\\])*)\\1`, 'g');
    for (const m of matchesOf(call, text, bounds)) {
      const valueStart = (m.index ?? 0) + m[0].length - m[2].length - 1;
      add({ value: m[2], start: valueStart, end: valueStart + m[2].length, kind: 'call' });
    }
  }
  for (const pattern of options.patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of matchesOf(global, text, bounds)) {
      if (m[1] === undefined || m[1] === '') continue;
      const valueStart = (m.index ?? 0) + m[0].indexOf(m[1]);
      add({ value: m[1], start: valueStart, end: valueStart + m[1].length, kind: 'pattern' });
    }
  }
  return usages.sort((a, b) => a.start - b.start);
}
