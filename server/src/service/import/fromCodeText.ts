/**
 * Reading a source file around an offset, for the import from code: the brackets that enclose a
 * code (a call, an object literal, a list), the members of an object literal (`code: X`,
 * `"code": X`, `'code' => X`, `code = X`, `["code"] = X`), the arguments of a call, and what a
 * value is (a string, a number, a name, a nested literal). One reader for every language: the
 * statement lexer says where comments and strings are, and the rest is brackets and separators.
 */
import { rangeAt } from '../text/codeUsages';
import { lexStatements, type LexedText } from '../text/statements';
import { lastAtMost } from '../text/textScan';

/** How a language writes literals and named arguments. */
export type SyntaxFamily = 'script' | 'python' | 'go' | 'java' | 'kotlin' | 'csharp' | 'php' | 'ruby' | 'rust';

const FAMILIES: Readonly<Record<string, SyntaxFamily>> = {
  typescript: 'script', typescriptreact: 'script', javascript: 'script', javascriptreact: 'script', python: 'python', go: 'go',
  java: 'java', kotlin: 'kotlin', csharp: 'csharp', php: 'php', ruby: 'ruby', rust: 'rust',
};

/** The family of a language the importer reads, or undefined. */
export function syntaxFamilyOf(languageId: string): SyntaxFamily | undefined {
  return FAMILIES[languageId];
}

const COMMENT = 1;
const STRING = 2;

/** How far back an enclosing bracket is looked for, and how far ahead its closer. */
const MAX_BACKWARD = 6000;
const MAX_FORWARD = 20000;

/** One source file, lexed once, with what the readers below ask of it. */
export class SourceFile {
  readonly family: SyntaxFamily;
  readonly lexed: LexedText;
  /** Per character: inside a comment, inside a string literal (quotes included), or code. */
  private readonly masks: Uint8Array;
  private lineStarts: number[] | undefined;
  /** Closers found, by opener: the brackets around a file's codes are asked for again and again. */
  private readonly closers = new Map<number, number>();

  constructor(readonly uri: string, readonly languageId: string, readonly text: string, family: SyntaxFamily) {
    this.family = family;
    this.lexed = lexStatements(text, languageId);
    this.masks = new Uint8Array(text.length);
    for (const [start, end] of this.lexed.comments) this.masks.fill(COMMENT, start, end);
    for (const [start, end] of this.lexed.strings) this.masks.fill(STRING, start, end);
  }

  /** Whether the character at `offset` is code (not in a comment or a string). */
  isCode(offset: number): boolean {
    return this.masks[offset] === 0;
  }

  inComment(offset: number): boolean {
    return this.masks[offset] === COMMENT;
  }

  inString(offset: number): boolean {
    return this.masks[offset] === STRING;
  }

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    return lastAtMost(this.lineStarts, offset) + 1;
  }

  /** The string literal range `[start, end)` that holds `offset`, if any. */
  stringAt(offset: number): [number, number] | undefined {
    return rangeAt(this.lexed.strings, offset);
  }

  /** The offset of the bracket closing the one at `open`, or -1 when it does not close nearby. */
  closeOf(open: number): number {
    let close = this.closers.get(open);
    if (close === undefined) this.closers.set(open, (close = this.findClose(open)));
    return close;
  }

  private findClose(open: number): number {
    let depth = 0;
    const limit = Math.min(this.text.length, open + MAX_FORWARD);
    for (let i = open; i < limit; i++) {
      if (this.masks[i] !== 0) continue;
      const c = this.text.charCodeAt(i);
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) {
        depth--;
        if (depth === 0) return i;
        if (depth < 0) return -1;
      }
    }
    return -1;
  }

  /** The offset of the bracket opening the one that closes at `close`, or -1. */
  openOf(close: number, limit = MAX_BACKWARD): number {
    let depth = 0;
    for (let i = close; i >= Math.max(0, close - limit); i--) {
      if (this.masks[i] !== 0) continue;
      const c = this.text.charCodeAt(i);
      if (c === 41 || c === 93 || c === 125) depth++;
      else if (c === 40 || c === 91 || c === 123) {
        depth--;
        if (depth === 0) return i;
        if (depth < 0) return -1;
      }
    }
    return -1;
  }

  /** The brackets that enclose `offset`, innermost first, at most `levels` of them. */
  enclosingBrackets(offset: number, levels: number): Bracket[] {
    const found: Bracket[] = [];
    let depth = 0;
    for (let i = offset - 1; i >= Math.max(0, offset - MAX_BACKWARD) && found.length < levels; i--) {
      if (this.masks[i] !== 0) continue;
      const c = this.text.charCodeAt(i);
      if (c === 41 || c === 93 || c === 125) depth++;
      else if (c === 40 || c === 91 || c === 123) {
        if (depth > 0) {
          depth--;
          continue;
        }
        const close = this.closeOf(i);
        if (close >= 0 && close < offset) continue; // closed before the offset: a stray bracket
        found.push({ open: i, close, char: this.text[i] as Bracket['char'] });
      }
    }
    return found;
  }

  /** The last code character before `offset` that is not a space, and its offset. */
  previousCode(offset: number): { char: string; at: number } | undefined {
    for (let i = offset - 1; i >= 0; i--) {
      if (this.masks[i] === COMMENT) continue;
      const c = this.text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
      return { char: c, at: i };
    }
    return undefined;
  }

  /** The spans between top-level separators in `[from, to)`, trimmed, empty ones dropped. */
  splitTopLevel(from: number, to: number, semicolons = false): Span[] {
    const spans: Span[] = [];
    let depth = 0;
    let start = from;
    const push = (end: number) => {
      const span = this.trimmed(start, end);
      if (span.end > span.start) spans.push(span);
    };
    for (let i = from; i < to; i++) {
      if (this.masks[i] !== 0) continue;
      const c = this.text.charCodeAt(i);
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) depth--;
      else if (depth === 0 && (c === 44 || (semicolons && c === 59) || (semicolons && c === 10))) {
        push(i);
        start = i + 1;
      }
    }
    push(to);
    return spans;
  }

  /** `[start, end)` without the spaces and comments around it. */
  trimmed(start: number, end: number): Span {
    let s = start;
    let e = end;
    while (s < e && (/\s/.test(this.text[s]) || this.masks[s] === COMMENT)) s++;
    while (e > s && (/\s/.test(this.text[e - 1]) || this.masks[e - 1] === COMMENT)) e--;
    return { start: s, end: e };
  }

  /** The first top-level occurrence of a separator in `[from, to)`, with its length. */
  separatorIn(from: number, to: number, separators: readonly string[]): { at: number; separator: string } | undefined {
    let depth = 0;
    for (let i = from; i < to; i++) {
      if (this.masks[i] !== 0) continue;
      const c = this.text.charCodeAt(i);
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) depth--;
      else if (depth === 0) {
        for (const separator of separators) {
          if (this.text.startsWith(separator, i) && isSeparatorAt(this.text, i, separator)) return { at: i, separator };
        }
        // A ternary or a type annotation before any separator: not a key.
        if (c === 63 && !this.text.startsWith('?.', i) && !this.text.startsWith('??', i) && !/[\w$]/.test(this.text[i - 1] ?? '')) return undefined;
      }
    }
    return undefined;
  }
}

/** Whether `separator` at `i` is that separator and not part of a longer operator. */
function isSeparatorAt(text: string, i: number, separator: string): boolean {
  const before = text[i - 1] ?? '';
  const after = text[i + separator.length] ?? '';
  if (separator === ':') return before !== ':' && after !== ':' && after !== '=';
  if (separator === '=') return !/[=!<>+\-*/%&|^:?.]/.test(before) && after !== '=' && after !== '>' && after !== '~';
  return true;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Bracket {
  readonly open: number;
  /** Its closer, or -1 when it does not close nearby. */
  readonly close: number;
  readonly char: '(' | '[' | '{';
}


// ---- members and values ----

/** How a member's key is written. */
export type KeyKind = 'name' | 'string' | 'symbol' | 'expression' | 'shorthand' | 'spread' | 'positional';

/** A member of an object literal or an argument of a call: its key (for named ones) and its value. */
export interface Member {
  readonly kind: KeyKind;
  /** The key as a name: `code` of `code:`, `"code":`, `:code =>`, `code =`, `["code"] =`. */
  readonly key?: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** A member a type declares optional (`resource?: string`). */
  readonly optional?: boolean;
}

/** Where members are read: a literal's braces, a call's parentheses, or a type's braces. */
export type MemberMode = 'literal' | 'call' | 'type';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const QUOTED = /^(["'])([^"'\\\n]*)\1$/;
const CHAIN = /^[A-Za-z_$\\@][\w$\\]*(?:\s*(?:\.|::|->|\?\.)\s*[A-Za-z_$][\w$]*)+$/;

/** The separators between a key and its value, by family and mode. */
function separatorsOf(family: SyntaxFamily, mode: MemberMode): readonly string[] {
  if (mode === 'type') return [':'];
  if (mode === 'call') {
    switch (family) {
      case 'python': case 'kotlin': return ['='];
      case 'ruby': return ['=>', ':'];
      case 'php': case 'csharp': return [':'];
      default: return [];
    }
  }
  switch (family) {
    case 'script': case 'python': case 'go': case 'rust': return [':'];
    case 'ruby': return ['=>', ':'];
    case 'php': return ['=>'];
    case 'csharp': case 'kotlin': return ['='];
    default: return [];
  }
}

/** A member read from a span of a literal or a call, or undefined when the span is not one. */
export function memberOf(file: SourceFile, span: Span, mode: MemberMode): Member | undefined {
  const { text, family } = file;
  const raw = text.slice(span.start, span.end);
  if (/^(?:\.\.\.|\*\*)/.test(raw)) return { kind: 'spread', keyStart: span.start, keyEnd: span.start, valueStart: span.start, valueEnd: span.end };
  const found = file.separatorIn(span.start, span.end, separatorsOf(family, mode));
  if (found) {
    const keyText = text.slice(span.start, found.at).trim();
    const value = file.trimmed(found.at + found.separator.length, span.end);
    const keyEnd = span.start + text.slice(span.start, found.at).trimEnd().length;
    const base = { keyStart: span.start, keyEnd, valueStart: value.start, valueEnd: value.end };
    // Ruby's `code:` is a symbol key only written against the colon.
    if (family === 'ruby' && found.separator === ':' && /\s$/.test(text.slice(span.start, found.at))) return undefined;
    const quoted = QUOTED.exec(keyText);
    if (quoted) return { kind: 'string', key: quoted[2], ...base };
    const symbol = /^:([A-Za-z_]\w*)$/.exec(keyText);
    if (symbol && family === 'ruby') return { kind: 'symbol', key: symbol[1], ...base };
    const indexer = /^\[\s*(["'])([^"'\\\n]*)\1\s*\]$/.exec(keyText);
    if (indexer && family === 'csharp') return { kind: 'string', key: indexer[2], ...base };
    if (mode === 'type' && /^[A-Za-z_$][\w$]*\?$/.test(keyText)) return { kind: 'name', key: keyText.slice(0, -1), optional: true, ...base };
    if (IDENTIFIER.test(keyText)) {
      // A bare name before `:` in a Python dict is a variable, not a key.
      if (family === 'python' && mode === 'literal') return { kind: 'expression', ...base };
      return { kind: 'name', key: keyText, ...base };
    }
    if (CHAIN.test(keyText) || /^\[[^\]]+\]$/.test(keyText) || /^\$\w+$/.test(keyText)) return { kind: 'expression', ...base };
    return undefined;
  }
  if (mode === 'call' || (mode === 'literal' && family === 'script' && IDENTIFIER.test(raw))) {
    return { kind: mode === 'call' ? 'positional' : 'shorthand', key: mode === 'call' ? undefined : raw, keyStart: span.start, keyEnd: span.start, valueStart: span.start, valueEnd: span.end };
  }
  return undefined;
}

/** Words after which `{` opens a block, a type or a class body, never a literal. */
const BLOCK_WORDS = new Set(['else', 'try', 'finally', 'do', 'class', 'struct', 'interface', 'enum', 'namespace', 'object', 'module', 'impl', 'trait', 'record', 'get', 'set', 'init', 'switch', 'select', 'match', 'loop', 'unsafe', 'func', 'fn', 'where', 'static', 'synchronized', 'checked', 'unchecked', 'default', 'then', 'begin', 'lock', 'using', 'fixed']);

/** An object literal: its opener and members (a list's elements are positional members). */
export interface Literal {
  readonly open: number;
  readonly close: number;
  readonly members: readonly Member[];
  /** A list (`[...]`, PHP's `[...]` without keys), rather than a map. */
  readonly list: boolean;
}

/** The object literal or list whose bracket is `bracket`, or undefined when the bracket opens a block, a call or a subscript. */
export function literalAt(file: SourceFile, bracket: Bracket): Literal | undefined {
  const { text, family } = file;
  if (bracket.close < 0 || bracket.char === '(') return undefined;
  const previous = file.previousCode(bracket.open);
  if (bracket.char === '[' && text[bracket.open] === '[') {
    // A subscript (`a[0]`, `DEFAULT_MESSAGES[code]`) follows a name or a closer; a list follows anything else.
    if (previous && /[\w$)\]"'`]/.test(previous.char) && !isKeywordBefore(text, previous.at, ['return', 'in', 'of', 'yield', 'await', 'and', 'or', 'not', 'else', 'then', 'when', 'case', 'print', 'echo'])) return undefined;
  } else if (family !== 'python' && previous) {
    // A brace after `)` opens a function's or a condition's block (C#'s `new T() { … }` and Ruby's `f(x) { … }` aside),
    // after `=>` an arrow function's body; after a keyword a block, a type or a class body. What remains
    // (`= {`, `({`, `new {`, Go's `map[K]V{`) is told apart from a block by its members below.
    if (previous.char === ')' && family !== 'csharp' && family !== 'ruby') return undefined;
    if (previous.char === '>' && text[previous.at - 1] === '=' && (family === 'script' || family === 'csharp')) return undefined;
    const word = /[A-Za-z_]\w*$/.exec(text.slice(Math.max(0, previous.at - 40), previous.at + 1))?.[0];
    if (word && BLOCK_WORDS.has(word)) return undefined;
  }
  const spans = file.splitTopLevel(bracket.open + 1, bracket.close);
  const members: Member[] = [];
  let keyed = 0;
  for (const span of spans) {
    const member = memberOf(file, span, 'literal');
    if (member && member.kind !== 'spread' && member.kind !== 'positional') keyed++;
    if (member) members.push(member);
    else if (bracket.char === '[') members.push({ kind: 'positional', keyStart: span.start, keyEnd: span.start, valueStart: span.start, valueEnd: span.end });
    else return undefined;
  }
  if (bracket.char === '{') {
    // A block's statements are not members; a literal's are, every one of them.
    if (hasTopLevelStatementEnd(file, bracket.open + 1, bracket.close)) return undefined;
    if (members.length > 0 && keyed === 0) return undefined;
  }
  return { open: bracket.open, close: bracket.close, members, list: bracket.char === '[' && keyed === 0 };
}

function isKeywordBefore(text: string, end: number, words: readonly string[]): boolean {
  const word = /[A-Za-z_]\w*$/.exec(text.slice(Math.max(0, end - 20), end + 1))?.[0];
  return word !== undefined && words.includes(word);
}

/** A `;` at the top level of `[from, to)`: statements, not members. */
function hasTopLevelStatementEnd(file: SourceFile, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (!file.isCode(i)) continue;
    const c = file.text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 59 && depth === 0) return true;
  }
  return false;
}

/** A call: the function as written, and its arguments. */
export interface Call {
  readonly open: number;
  readonly close: number;
  /** The function as written without spaces: `ApiError.notFound`, `apierr.NewNotFoundError`, `ApiError::NotFound.new`. */
  readonly callee: string;
  readonly calleeStart: number;
  /** Whether it constructs (`new X(`). */
  readonly construct: boolean;
  readonly args: readonly Member[];
}

const CALLEE_BEFORE = /(?:\bnew\s+)?([A-Za-z_$\\@][\w$\\]*(?:\s*(?:\.|::|->|\?\.)\s*[A-Za-z_$][\w$]*)*[!?]?)\s*$/;
/** Words followed by `(` that are not calls. */
const NOT_CALLEES = new Set(['if', 'elif', 'while', 'for', 'foreach', 'switch', 'catch', 'return', 'and', 'or', 'not', 'in', 'is', 'when', 'case', 'match', 'unless', 'until', 'typeof', 'sizeof', 'nameof', 'await', 'yield', 'throw', 'raise', 'lambda', 'function', 'fn', 'func', 'def', 'else', 'using', 'lock', 'with', 'assert', 'print', 'echo', 'let', 'var', 'const']);

/** The call whose parenthesis is `bracket`, or undefined when it groups an expression or a condition. */
export function callAt(file: SourceFile, bracket: Bracket): Call | undefined {
  if (bracket.char !== '(' || bracket.close < 0) return undefined;
  const { text } = file;
  const before = text.slice(Math.max(0, bracket.open - 200), bracket.open);
  const m = CALLEE_BEFORE.exec(before);
  if (!m) return undefined;
  const callee = m[1].replace(/\s+/g, '');
  const firstWord = callee.split(/\.|::|->|\?\./)[0];
  if (NOT_CALLEES.has(callee) || (callee === firstWord && NOT_CALLEES.has(firstWord))) return undefined;
  const calleeStart = bracket.open - m[0].length + m[0].indexOf(m[1]);
  if (!file.isCode(calleeStart)) return undefined;
  const args = file.splitTopLevel(bracket.open + 1, bracket.close).map((span) => memberOf(file, span, 'call') ?? { kind: 'positional' as const, keyStart: span.start, keyEnd: span.start, valueStart: span.start, valueEnd: span.end });
  return { open: bracket.open, close: bracket.close, callee, calleeStart, construct: /^new\s/.test(m[0].trimStart()), args };
}

/** The last link of a callee, or the class of `X.new` (Ruby) and `X::new` (Rust). */
export function calleeName(callee: string): string {
  const links = callee.split(/\.|::|->|\?\./).filter(Boolean);
  const last = links[links.length - 1] ?? callee;
  return (last === 'new' || last === 'call') && links.length > 1 ? links[links.length - 2] : last.replace(/[!?]$/, '');
}

/** What a value is, as far as a reader can tell without running the code. */
export type Value =
  | { readonly kind: 'string'; readonly content: string; readonly quote: string; readonly interpolated: boolean }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'boolean'; readonly text: string }
  | { readonly kind: 'literal'; readonly bracket: Bracket }
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'other'; readonly text: string };

/** What the text of a value in `[start, end)` is. */
export function valueAt(file: SourceFile, start: number, end: number): Value {
  const { text, family } = file;
  const raw = text.slice(start, end);
  const string = stringValue(file, start, end);
  if (string) return string;
  if (/^-?\d+(?:\.\d+)?$/.test(raw)) return { kind: 'number', text: raw };
  if (/^(?:true|false|True|False)$/.test(raw)) return { kind: 'boolean', text: raw };
  // A nested literal, after what builds it: `new {`, `new Dictionary<string, object> {`, `map[string]any{`, `&T{`, `array(`.
  const opener = /^(?:new\s*(?:[\w.<>, \[\]]*)?\s*(?:\(\s*\))?\s*|map\[[^\]]*\][\w.{}]*|&?[A-Za-z_][\w.]*(?=\{)|array(?=\())?([{[(])/.exec(raw);
  if (opener && (opener[1] !== '(' || /^array\(/.test(raw))) {
    const open = start + opener[0].length - 1;
    const close = file.closeOf(open);
    if (close === end - 1 || (family === 'ruby' && close >= 0 && /^\s*\.\s*compact\b/.test(text.slice(close + 1, end)))) {
      return { kind: 'literal', bracket: { open, close, char: opener[1] === '(' ? '[' : (opener[1] as '{' | '[') } };
    }
  }
  if (/^[A-Za-z_$@][\w$]*(?:\s*(?:\.|::|->|\?\.)\s*[A-Za-z_$][\w$]*)*$/.test(raw) || /^\$[\w]+(?:->\w+)*$/.test(raw)) return { kind: 'name', text: raw.replace(/\s+/g, '') };
  return { kind: 'other', text: raw };
}

/** A string literal filling `[start, end)` (with its language's prefixes), if the value is exactly one. */
function stringValue(file: SourceFile, start: number, end: number): Value | undefined {
  const { text, family } = file;
  const prefix = /^(?:[fFrRbBuU]{1,2}|\$@?|@\$?)?(?=["'`])/.exec(text.slice(start, Math.min(end, start + 3)))?.[0] ?? '';
  const quoteAt = start + prefix.length;
  const range = file.stringAt(quoteAt);
  if (!range || range[0] !== quoteAt) return undefined;
  // Ruby's `"x".freeze`: the string is the value.
  const rest = text.slice(range[1], end);
  if (rest.trim() !== '' && !(family === 'ruby' && /^\s*\.\s*freeze\s*$/.test(rest))) return undefined;
  const quote = text[quoteAt];
  const content = text.slice(quoteAt + 1, range[1] - 1);
  const interpolated = (quote === '`' && content.includes('${'))
    || /[fF]/.test(prefix) || prefix.includes('$')
    || (quote === '"' && family === 'ruby' && content.includes('#{'))
    || (quote === '"' && (family === 'php' || family === 'kotlin') && /\$[A-Za-z_{]/.test(content))
    || (quote === '"' && family === 'csharp' && prefix.includes('$'));
  return { kind: 'string', content, quote, interpolated };
}

/**
 * The statuses a call chain sets before the call at `calleeStart`: `res.status(404).json(`,
 * `reply.code(429).header(…).send(`, `c.Status(http.StatusConflict).JSON(`; the expressions inside.
 */
export function chainedStatusArguments(file: SourceFile, calleeStart: number): string[] {
  const { text } = file;
  const found: string[] = [];
  let at = calleeStart;
  for (let links = 0; links < 12; links++) {
    const previous = file.previousCode(at);
    if (!previous || previous.char !== '.') break;
    const closer = file.previousCode(previous.at);
    if (!closer) break;
    if (closer.char === ')') {
      const open = file.openOf(closer.at, 2000);
      if (open < 0) break;
      const name = /([A-Za-z_$][\w$]*)\s*$/.exec(text.slice(Math.max(0, open - 60), open));
      if (!name) break;
      if (/^(?:status|code|statusCode|status_code|withStatus|WithStatus|Status|sendStatus|setStatus|setStatusCode|response_code)$/.test(name[1])) {
        found.push(text.slice(open + 1, closer.at));
      }
      at = open - name[0].length + (name[0].length - name[0].trimStart().length);
    } else if (/[\w$]/.test(closer.char)) {
      // A plain link (`res.json`), then the links before it.
      let start = closer.at;
      while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
      at = start;
    } else break;
  }
  return found;
}

/** The qualified name written at `[start, end)` with every link before it: `ErrorCodes.Appointments.SlotTaken`, `apierr.X`, `ApiException::X`. */
export function writtenName(file: SourceFile, start: number, end: number): string {
  const { text } = file;
  let from = start;
  for (let links = 0; links < 6; links++) {
    const m = /([A-Za-z_$\\][\w$\\]*)\s*(\.|::|->)\s*$/.exec(text.slice(Math.max(0, from - 80), from));
    if (!m) break;
    from -= m[0].length;
  }
  return text.slice(from, end).replace(/\s+/g, '');
}
