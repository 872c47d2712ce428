/**
 * One lexer pass over a source document that knows strings and comments, giving its comment
 * ranges, the brackets of its code, and where its statements start. Diagnostics check a document
 * statement by statement (see sourceChecker.ts), so that after an edit only the statements the
 * edit touched are checked again: a statement's findings depend on its own text alone.
 */

type CommentStyle = 'c' | 'hash' | 'c-and-hash';

const COMMENT_STYLE: Readonly<Record<string, CommentStyle>> = {
  python: 'hash', ruby: 'hash', yaml: 'hash', elixir: 'hash', shellscript: 'hash', php: 'c-and-hash',
};

/**
 * Languages where a line break outside brackets ends a statement. Elsewhere a statement ends at a
 * line whose code ends with `;`; in every language but YAML, at a blank line (YAML's statements are
 * its top-level blocks).
 */
const NEWLINE_ENDS_STATEMENT: ReadonlySet<string> = new Set(['python', 'ruby', 'yaml', 'elixir', 'shellscript']);

export interface LexedText {
  /** Comment ranges, sorted by start. */
  readonly comments: [number, number][];
  /** String literal ranges (quotes included), sorted by start. */
  readonly strings: [number, number][];
  /** Offsets of `{`, `[`, `}` and `]` in code (not in strings or comments), ascending. */
  readonly brackets: number[];
  /** Offsets where statements start, ascending; always line starts, and the first is where lexing began. */
  readonly starts: number[];
  /** Where lexing stopped: the text's end, or the statement start at which `stopAt` said to stop (not in `starts`). */
  readonly end: number;
}

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const TAB = 9;
const SLASH = 47;
const STAR = 42;
const HASH = 35;
const BACKSLASH = 92;
const SEMICOLON = 59;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKTICK = 96;

/** A letter, digit or underscore, as a character code. */
export function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** A space, tab or line break, as a character code. */
export function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === NEWLINE || code === CARRIAGE_RETURN;
}

/**
 * Lexes `text` from `from`, which must be a statement start (or 0). `stopAt` is asked at each
 * statement start found after `from`; when it answers true, lexing stops there, since the caller
 * knows the rest.
 */
export function lexStatements(text: string, languageId: string, from = 0, stopAt?: (start: number) => boolean): LexedText {
  const style = COMMENT_STYLE[languageId] ?? 'c';
  const slashes = style !== 'hash';
  const hashes = style !== 'c';
  const python = languageId === 'python';
  const yaml = languageId === 'yaml';
  const newlineEnds = NEWLINE_ENDS_STATEMENT.has(languageId);
  const comments: [number, number][] = [];
  const strings: [number, number][] = [];
  const brackets: number[] = [];
  const starts = [from];
  const length = text.length;
  // Bracket depth, for the languages where a line break at depth 0 ends a statement.
  let depth = 0;
  // Whether the current line has anything but spaces, and the last character of its code.
  let lineUsed = false;
  let lastCode = 0;
  let i = from;
  const lineComment = (start: number) => {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? length : newline;
    comments.push([start, end]);
    lineUsed = true;
    return end;
  };
  while (i < length) {
    const ch = text.charCodeAt(i);
    if (ch === NEWLINE) {
      const next = i + 1;
      // YAML: a statement is a top-level block (a line at the margin starts one), so that a member and
      // the mappings around it are read together; elsewhere a blank line ends one too.
      const ends = yaml
        ? depth === 0 && next < length && !isSpace(text.charCodeAt(next)) && text.charCodeAt(next) !== HASH
        : !lineUsed || (newlineEnds ? depth === 0 && lastCode !== BACKSLASH : lastCode === SEMICOLON);
      lineUsed = false;
      lastCode = 0;
      if (ends && next < length) {
        if (stopAt?.(next)) return { comments, strings, brackets, starts, end: next };
        starts.push(next);
        // Every statement starts from the same state, whatever came before (a blank line inside
        // brackets ends one too): so lexing from any statement start gives what lexing from the
        // document's start does, and an edit's effects end at the first statement start after it.
        depth = 0;
      }
      i = next;
      continue;
    }
    if (ch === SPACE || ch === TAB || ch === CARRIAGE_RETURN) {
      i++;
      continue;
    }
    lineUsed = true;
    const next = text.charCodeAt(i + 1);
    if (slashes && ch === SLASH && next === SLASH) {
      i = lineComment(i);
    } else if (slashes && ch === SLASH && next === STAR) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? length : close + 2;
      comments.push([i, end]);
      // Code before a comment that spans lines is on another line than what follows it.
      if (text.lastIndexOf('\n', end - 1) > i) lastCode = 0;
      i = end;
    } else if (hashes && ch === HASH && !(yaml && i > 0 && !isSpace(text.charCodeAt(i - 1)))) {
      i = lineComment(i);
    } else if (python && (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) && next === ch && text.charCodeAt(i + 2) === ch) {
      const close = text.indexOf(text.slice(i, i + 3), i + 3);
      const end = close < 0 ? length : close + 3;
      strings.push([i, end]);
      i = end;
      lastCode = ch;
    } else if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE || ch === BACKTICK) {
      // YAML plain scalars may hold an apostrophe (`don't`): only quotes that open a value start strings there.
      if (yaml && ch === SINGLE_QUOTE && i > 0 && isWordChar(text.charCodeAt(i - 1))) {
        lastCode = ch;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < length) {
        const c = text.charCodeAt(j);
        if (c === ch) break;
        if (c === BACKSLASH) j++;
        else if (c === NEWLINE && ch !== BACKTICK) break;
        j++;
      }
      lastCode = ch;
      // An unclosed string ends with its line; the line break is still seen.
      const end = j < length && text.charCodeAt(j) === ch ? j + 1 : j;
      strings.push([i, end]);
      i = end;
    } else {
      if (ch === 123 || ch === 91) { // { [
        brackets.push(i);
        depth++;
      } else if (ch === 125 || ch === 93) { // } ]
        brackets.push(i);
        if (depth > 0) depth--;
      } else if (ch === 40) { // (
        depth++;
      } else if (ch === 41 && depth > 0) { // )
        depth--;
      }
      lastCode = ch;
      i++;
    }
  }
  return { comments, strings, brackets, starts, end: length };
}

/**
 * The statement holding each offset of a rising sequence, found by walking the statement starts
 * once (offsets must not decrease from one call to the next).
 */
export class StatementWalk {
  private index = 0;

  constructor(private readonly starts: readonly number[], private readonly end: number) {}

  /** `[start, end)` of the statement holding `offset`. */
  at(offset: number): { readonly start: number; readonly end: number } {
    while (this.index + 1 < this.starts.length && this.starts[this.index + 1] <= offset) this.index++;
    return { start: this.starts[this.index], end: this.index + 1 < this.starts.length ? this.starts[this.index + 1] : this.end };
  }
}
