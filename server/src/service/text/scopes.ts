/**
 * The code around a cursor as the language reads it: the statement holding the cursor, the block
 * that statement is in (braces, or indentation in Python and Ruby), the functions enclosing it
 * with their parameters and return types, and whether an exit (`return`, `throw`, `raise`,
 * `panic`) comes before it in its block. Generated statements go only where this says a
 * statement may go.
 *
 * It is built on the lexer of statements.ts, whose comment ranges it takes, and adds a token pass
 * that knows each language's strings (template literals, raw and verbatim strings, regular
 * expression literals) and matches brackets. It is a reader of well-formed code, not a parser:
 * where the text is unusual it answers less, never something wrong on purpose.
 */
import { isSpace, isWordChar, lexStatements } from './statements';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Parameter {
  /** The name as code uses it (`res`, `$request`, `w`); empty for a destructured parameter. */
  readonly name: string;
  /** The type as written (`Response`, `http.ResponseWriter`, `*gin.Context`), when it is. */
  readonly type?: string;
}

export interface FunctionScope {
  readonly name?: string;
  readonly params: readonly Parameter[];
  /** The declared return type as written; Go: the result list without its parentheses. */
  readonly returnType?: string;
  readonly isAsync: boolean;
  /** The header's text, decorators, annotations and attributes above it included. */
  readonly header: string;
  /** Inside the body's delimiters (or, in Python and Ruby, its indented lines). */
  readonly body: Span;
  /** The header of the class, module or namespace that declares the function, when one does. */
  readonly owner?: string;
  /** For a function passed as an argument, the name of the call (`router.post`, `app.MapGet`, `it`). */
  readonly calledBy?: string;
}

export interface Statement extends Span {
  /** It ends the function or the program: `return`, `throw`, `raise`, `panic(…)`, `exit`. */
  readonly exit: boolean;
  /** A `case …:` or `default:` label, after which statements are reached again. */
  readonly label: boolean;
}

export type BlockKind = 'function' | 'block' | 'braceless' | 'module';

export interface Block {
  /** `function`: a function's own body; `braceless`: the one statement an `if (…)` or a modifier governs. */
  readonly kind: BlockKind;
  /** Inside its delimiters. */
  readonly inner: Span;
  /** The indentation of its statements. */
  readonly indent: string;
  /** The indentation of the line that opens it. */
  readonly outerIndent: string;
  readonly statements: readonly Statement[];
  /** Ruby's statement modifier (`unless member`) governing a braceless block. */
  readonly modifier?: string;
}

export interface ScopeAt {
  readonly languageId: string;
  readonly block: Block;
  /** The statement holding the cursor; undefined where the cursor is between statements. */
  readonly statement?: Statement;
  /** The index of that statement in the block, or where the cursor is between statements the index of the next one. */
  readonly index: number;
  /** The functions around the block, innermost first: empty at a file's top level. */
  readonly functions: readonly FunctionScope[];
  /** An exit before the cursor in the same block, with no label between: code at the cursor is never reached. */
  readonly exitBefore?: Statement;
  /** One level of indentation in the document. */
  readonly unit: string;
}

// ---- Tokens ----

type TokenKind = 'word' | 'number' | 'string' | 'punct';

interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** A line break comes between the token before and this one. */
  readonly newline: boolean;
  /** For brackets, the index of the matching one; -1 when unmatched. */
  match: number;
}

interface Dialect {
  readonly braces: boolean;
  /** How a line break ends a statement: never, by JavaScript's or by Go's rules. */
  readonly lineEnds: 'no' | 'js' | 'go';
  readonly regexLiterals: boolean;
  readonly backtick: 'template' | 'raw' | 'none';
  /** `#{…}` interpolation in double-quoted strings (Ruby). */
  readonly hashInterpolation: boolean;
  /** `@"…"` strings where `""` is a quote (C#). */
  readonly verbatim: boolean;
  readonly tripleQuotes: boolean;
}

const JS: Dialect = { braces: true, lineEnds: 'js', regexLiterals: true, backtick: 'template', hashInterpolation: false, verbatim: false, tripleQuotes: false };

const DIALECTS: Readonly<Record<string, Dialect>> = {
  typescript: JS, typescriptreact: JS, javascript: JS, javascriptreact: JS,
  go: { braces: true, lineEnds: 'go', regexLiterals: false, backtick: 'raw', hashInterpolation: false, verbatim: false, tripleQuotes: false },
  java: { braces: true, lineEnds: 'no', regexLiterals: false, backtick: 'none', hashInterpolation: false, verbatim: false, tripleQuotes: true },
  csharp: { braces: true, lineEnds: 'no', regexLiterals: false, backtick: 'none', hashInterpolation: false, verbatim: true, tripleQuotes: true },
  php: { braces: true, lineEnds: 'no', regexLiterals: false, backtick: 'none', hashInterpolation: false, verbatim: false, tripleQuotes: false },
  python: { braces: false, lineEnds: 'no', regexLiterals: false, backtick: 'none', hashInterpolation: false, verbatim: false, tripleQuotes: true },
  ruby: { braces: false, lineEnds: 'no', regexLiterals: true, backtick: 'raw', hashInterpolation: true, verbatim: false, tripleQuotes: false },
};

/** Whether statements of this language can be read here. */
export function readsScopes(languageId: string): boolean {
  return Object.hasOwn(DIALECTS, languageId);
}

/** Punctuation read as one token. */
const COMPOUND_PUNCTUATION = ['===', '!==', '...', '=>', '->', '::', '?.', '++', '--', '&&', '||', '??', ':=', '==', '!=', '<=', '>=', '<-'];
const COMPOUND_STARTS = '=!.-:?+&|<>';

/** Words after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX_WORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'when', 'if', 'unless', 'and', 'or', 'not']);

const DOLLAR = 36;
const OPENERS = '([{';
const CLOSERS = ')]}';

function tokenize(text: string, languageId: string, dialect: Dialect): Token[] {
  const comments = lexStatements(text, languageId).comments;
  const tokens: Token[] = [];
  const length = text.length;
  let commentIndex = 0;
  let newline = false;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number) => {
    tokens.push({ kind, start, end, text: kind === 'string' ? '' : text.slice(start, end), newline, match: -1 });
    newline = false;
  };
  /** The end of a string opened at `start` by `quote`, reading interpolations as code. */
  const stringEnd = (start: number, quote: string, escapes: boolean, multiline: boolean, interpolation: '' | '$' | '#'): number => {
    let j = start;
    while (j < length) {
      const c = text[j];
      if (escapes && c === '\\') { j += 2; continue; }
      if (text.startsWith(quote, j)) {
        // In verbatim strings a doubled quote is a quote.
        if (dialect.verbatim && !escapes && text[j + 1] === '"' && quote === '"') { j += 2; continue; }
        return j + quote.length;
      }
      if (c === '\n' && !multiline) return j;
      if (interpolation && c === interpolation && text[j + 1] === '{') {
        j = codeEnd(j + 2);
        continue;
      }
      j++;
    }
    return length;
  };
  /** The end of interpolated code opened before `start`, after its closing brace. */
  const codeEnd = (start: number): number => {
    let depth = 1;
    let j = start;
    while (j < length && depth > 0) {
      const c = text[j];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' || c === "'" || c === '`') { j = stringEnd(j + 1, c, true, c === '`', c === '`' ? '$' : ''); continue; }
      j++;
    }
    return j;
  };
  const regexAllowed = () => {
    const last = tokens[tokens.length - 1];
    if (!last) return true;
    if (last.kind === 'punct') return !CLOSERS.includes(last.text) && last.text !== '++' && last.text !== '--';
    return last.kind === 'word' && BEFORE_REGEX_WORDS.has(last.text);
  };
  while (i < length) {
    while (commentIndex < comments.length && comments[commentIndex][1] <= i) commentIndex++;
    if (commentIndex < comments.length && comments[commentIndex][0] === i) {
      const end = comments[commentIndex][1];
      if (text.lastIndexOf('\n', end - 1) >= i) newline = true;
      i = end;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === 10) { newline = true; i++; continue; }
    if (isSpace(code)) { i++; continue; }
    const c = text[i];
    const start = i;
    if (isWordChar(code) || code === DOLLAR || code > 127) {
      if (code >= 48 && code <= 57) {
        while (i < length && (isWordChar(text.charCodeAt(i)) || (text[i] === '.' && /\d/.test(text[i + 1] ?? '')))) i++;
        push('number', start, i);
        continue;
      }
      while (i < length && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === DOLLAR || text.charCodeAt(i) > 127)) i++;
      // Ruby's `?` and `!` end method names (`empty?`, `save!`).
      if (languageId === 'ruby' && (text[i] === '?' || text[i] === '!') && text[i + 1] !== '=') i++;
      push('word', start, i);
      continue;
    }
    if (dialect.tripleQuotes && (c === '"' || c === "'") && text.startsWith(c.repeat(3), i)) {
      i = stringEnd(i + 3, c.repeat(3), true, true, '');
      push('string', start, i);
      continue;
    }
    if (dialect.verbatim && (c === '@' || c === '$') && (text[i + 1] === '"' || ((text[i + 1] === '@' || text[i + 1] === '$') && text[i + 2] === '"'))) {
      const quoteAt = text[i + 1] === '"' ? i + 1 : i + 2;
      const verbatim = text.slice(i, quoteAt).includes('@');
      i = stringEnd(quoteAt + 1, '"', !verbatim, verbatim, '');
      push('string', start, i);
      continue;
    }
    if (c === '"' || c === "'") {
      i = stringEnd(i + 1, c, true, false, dialect.hashInterpolation && c === '"' ? '#' : '');
      push('string', start, i);
      continue;
    }
    if (c === '`' && dialect.backtick !== 'none') {
      i = stringEnd(i + 1, '`', dialect.backtick === 'template', true, dialect.backtick === 'template' ? '$' : '');
      push('string', start, i);
      continue;
    }
    if (c === '/' && dialect.regexLiterals && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < length && text[j] !== '\n') {
        if (text[j] === '\\') { j += 2; continue; }
        if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        else if (text[j] === '/' && !inClass) break;
        j++;
      }
      if (text[j] === '/') {
        i = j + 1;
        while (i < length && isWordChar(text.charCodeAt(i))) i++;
        push('string', start, i);
        continue;
      }
    }
    const compound = COMPOUND_STARTS.includes(c) ? COMPOUND_PUNCTUATION.find((p) => text.startsWith(p, i)) : undefined;
    i += compound ? compound.length : 1;
    push('punct', start, i);
  }
  matchBrackets(tokens);
  return tokens;
}

/** Pairs brackets; a closer without its opener is skipped, openers left open stay unmatched. */
function matchBrackets(tokens: Token[]): void {
  const stack: number[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'punct' || token.text.length !== 1) return;
    const opener = OPENERS.indexOf(token.text);
    if (opener >= 0) { stack.push(index); return; }
    const closer = CLOSERS.indexOf(token.text);
    if (closer < 0) return;
    const at = stack.map((i) => tokens[i].text).lastIndexOf(OPENERS[closer]);
    if (at < 0) return;
    const open = stack[at];
    stack.length = at;
    tokens[open].match = index;
    token.match = open;
  });
}

const isPunct = (token: Token | undefined, text: string) => token?.kind === 'punct' && token.text === text;
const isWord = (token: Token | undefined, ...words: string[]) => token?.kind === 'word' && words.includes(token.text);

// ---- Shared helpers ----

/** The whitespace at the start of the line holding `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, start + 200))![0];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** One level of indentation as the document writes it: a tab, or the smallest indent of its first indented lines. */
export function indentUnitOf(text: string, languageId: string): string {
  if (languageId === 'go') return '\t';
  let smallest = Infinity;
  for (const line of text.split('\n', 400)) {
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.length === 0 || line.trim() === '' || /^\s*\*/.test(line)) continue;
    if (indent.startsWith('\t')) return '\t';
    smallest = Math.min(smallest, indent.length);
  }
  if (smallest === Infinity) return languageId === 'python' || languageId === 'php' || languageId === 'java' || languageId === 'csharp' ? '    ' : '  ';
  return ' '.repeat(Math.min(smallest, 8));
}

/** Words that start a statement after which nothing in its block runs: exits, jumps, and calls that always raise. */
const EXIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  python: ['return', 'raise', 'break', 'continue', 'abort'],
  ruby: ['return', 'raise', 'fail', 'break', 'next', 'redo', 'retry'],
  go: ['return', 'panic', 'goto', 'break', 'continue', 'fallthrough'],
  php: ['return', 'throw', 'exit', 'die', 'break', 'continue', 'abort'],
};

/** Exit words that exit only as calls: a variable named `panic` or `abort` does not. */
const EXIT_CALLS = new Set(['panic', 'exit', 'die', 'abort']);

function startsWithExit(tokens: readonly Token[], first: number, languageId: string): boolean {
  const words = EXIT_WORDS[languageId] ?? ['return', 'throw', 'break', 'continue'];
  const token = tokens[first];
  if (!token || token.kind !== 'word' || !words.includes(token.text)) return false;
  return !EXIT_CALLS.has(token.text) || isPunct(tokens[first + 1], '(') || (token.text !== 'abort' && tokens[first + 1]?.newline !== false);
}

// ---- Brace languages ----

type BraceKind = 'function' | 'block' | 'class' | 'object';

const CONTROL_BEFORE_PARENS: Readonly<Record<string, readonly string[]>> = {
  js: ['if', 'for', 'while', 'switch', 'catch', 'with'],
  java: ['if', 'for', 'while', 'switch', 'catch', 'synchronized', 'try'],
  csharp: ['if', 'for', 'foreach', 'while', 'switch', 'catch', 'using', 'lock', 'fixed'],
  php: ['if', 'elseif', 'for', 'foreach', 'while', 'switch', 'catch', 'declare'],
  go: [],
};

const TYPE_DECLARATION_WORDS = new Set(['class', 'interface', 'enum', 'namespace', 'module', 'record', 'struct', 'trait']);

function familyOf(languageId: string): 'js' | 'java' | 'csharp' | 'php' | 'go' {
  if (languageId === 'java' || languageId === 'csharp' || languageId === 'php' || languageId === 'go') return languageId;
  return 'js';
}

class BraceReader {
  private readonly kinds = new Map<number, BraceKind>();
  private readonly family: ReturnType<typeof familyOf>;

  constructor(readonly text: string, readonly languageId: string, readonly tokens: readonly Token[], readonly dialect: Dialect) {
    this.family = familyOf(languageId);
  }

  /** The tokens before the brace at `open` that belong to the same header, first to last (bracket groups kept whole). */
  header(open: number): { first: number; words: Set<string> } {
    const words = new Set<string>();
    let i = open - 1;
    let first = open;
    for (let count = 0; i >= 0 && count < 80; count++) {
      const token = this.tokens[i];
      // A line break after a finished statement ends the header (after an arrow or an operator it continues).
      if (this.dialect.lineEnds !== 'no' && i + 1 < open && this.tokens[i + 1].newline && this.endsLine(i, i + 1)) break;
      if (token.kind === 'punct') {
        // A return type written as an object type: `): { id: string } {`.
        if (token.text === '}' && this.isTypeLiteral(i)) {
          first = token.match;
          i = token.match - 1;
          continue;
        }
        if (token.text === ';' || token.text === '{' || token.text === '}' || token.text === '(' || token.text === '[') break;
        if ((token.text === ')' || token.text === ']') && token.match >= 0) {
          first = token.match;
          i = token.match - 1;
          continue;
        }
      }
      if (token.kind === 'word') words.add(token.text);
      first = i;
      i--;
    }
    return { first, words };
  }

  /** Whether the `}` at `close` ends an object type annotating a function's return (`(…): { … }`). */
  isTypeLiteral(close: number): boolean {
    const open = this.tokens[close].match;
    return this.family === 'js' && open > 1 && isPunct(this.tokens[open - 1], ':') && isPunct(this.tokens[open - 2], ')');
  }

  kind(open: number): BraceKind {
    let kind = this.kinds.get(open);
    if (!kind) this.kinds.set(open, (kind = this.classify(open)));
    return kind;
  }

  private classify(open: number): BraceKind {
    const { tokens } = this;
    const before = tokens[open - 1];
    if (!before) return 'block';
    const { first, words } = this.header(open);
    const startsWithLabel = isWord(tokens[first], 'case', 'default') && first < open;
    if (this.family === 'go') return this.classifyGo(open, first, words);
    if (before.kind === 'punct') {
      if (before.text === '}' && this.isTypeLiteral(open - 1)) return 'function';
      if (before.text === '=>') return this.family === 'php' ? 'object' : 'function';
      if (before.text === '->') return startsWithLabel ? 'block' : this.family === 'java' ? 'function' : 'object';
      if (before.text === ';' || before.text === '{' || before.text === '}') return 'block';
      if (before.text === ':' ) return startsWithLabel ? 'block' : 'object';
      if (before.text === ')' && before.match >= 0) return this.afterParens(before.match, words);
    }
    if (before.kind === 'word') {
      if (['else', 'try', 'finally', 'do'].includes(before.text)) return 'block';
      if (this.family === 'csharp' && ['checked', 'unchecked', 'unsafe'].includes(before.text)) return 'block';
      if (this.family === 'csharp' && ['get', 'set', 'init', 'add', 'remove'].includes(before.text)) return 'function';
      if (before.text === 'static' && first === open - 1) return 'block';
      if (this.family === 'csharp' && before.text === 'switch') return 'object';
    }
    if (this.family === 'csharp' && words.has('new')) return 'object';
    if ([...words].some((w) => TYPE_DECLARATION_WORDS.has(w)) && !this.hasAssignment(first, open)) return 'class';
    // A return type between the parameters and the body: `): Promise<void> {`, `): JsonResponse {`, `throws IOException {`.
    if (this.family === 'java' && words.has('throws')) return 'function';
    if (this.family === 'csharp' && words.has('where') && this.parensIn(first, open)) return 'function';
    if (this.family === 'php' && words.has('function')) return 'function';
    if (this.family === 'js' && this.returnTypeParens(first, open) >= 0) return 'function';
    return 'object';
  }

  private hasAssignment(first: number, open: number): boolean {
    for (let i = first; i < open; i++) if (isPunct(this.tokens[i], '=')) return true;
    return false;
  }

  private parensIn(first: number, open: number): boolean {
    for (let i = first; i < open; i++) if (isPunct(this.tokens[i], ')')) return true;
    return false;
  }

  /** The `)` of the parameters before a return type annotation (`(…): Type {`), or -1. */
  returnTypeParens(first: number, open: number): number {
    for (let i = first; i < open; i++) {
      const token = this.tokens[i];
      if (isPunct(token, ')') && isPunct(this.tokens[i + 1], ':')) return i;
    }
    return -1;
  }

  private afterParens(paren: number, words: Set<string>): BraceKind {
    const { tokens } = this;
    const name = tokens[paren - 1];
    const beforeName = tokens[paren - 2];
    const control = CONTROL_BEFORE_PARENS[this.family];
    if (isWord(name, ...control) || (isWord(name, 'await') && isWord(beforeName, 'for'))) return 'block';
    if (this.family === 'php') {
      if (isWord(name, 'match')) return 'object';
      if (isWord(name, 'class') && isWord(beforeName, 'new')) return 'class';
      return 'function';
    }
    if (this.family === 'java' && (isWord(beforeName, 'new') || isPunct(name, '>'))) return words.has('new') ? 'class' : 'function';
    if (this.family === 'java' && isWord(beforeName, 'record')) return 'class';
    if (this.family === 'csharp' && (isWord(beforeName, 'new') || (isPunct(name, '>') && words.has('new')))) return 'object';
    return 'function';
  }

  private classifyGo(open: number, first: number, words: Set<string>): BraceKind {
    const { tokens } = this;
    const before = tokens[open - 1];
    if (isWord(before, 'struct', 'interface')) return 'class';
    if (isPunct(before, ';') || isPunct(before, '{') || isPunct(before, '}') || isPunct(before, ':')) return 'block';
    if (isWord(before, 'else', 'for', 'select')) return 'block';
    // A function's signature: `func`, then only parameter lists, names and types up to the brace.
    for (let i = open - 1; i >= 0; i--) {
      const token = tokens[i];
      if (isWord(token, 'func')) return 'function';
      if ((isPunct(token, ')') || isPunct(token, ']')) && token.match >= 0) { i = token.match; continue; }
      if (token.kind === 'word' || ['.', '*', ',', '...', '<-'].includes(token.text)) continue;
      break;
    }
    // `if err := f(); err != nil {`: the header goes on before its init statement.
    let start = first;
    while (isPunct(tokens[start - 1], ';') && start - 1 > 0) start = this.header(start - 1).first;
    const head = tokens[start];
    const control = isWord(head, 'if', 'for', 'switch', 'select') || (isPunct(head, '}') && isWord(tokens[start + 1], 'else'));
    // `range []string{…} {`: a slice type before the brace makes a composite literal.
    if (control && !(before.kind === 'word' && isPunct(tokens[open - 2], ']'))) return 'block';
    if (words.has('else')) return 'block';
    return 'object';
  }

  /** Whether a line break between tokens `last` and `next` ends a statement. */
  endsLine(last: number, next: number): boolean {
    const a = this.tokens[last];
    const b = this.tokens[next];
    if (this.dialect.lineEnds === 'go') {
      if (a.kind === 'word') return !GO_KEYWORDS_CONTINUING.has(a.text);
      return a.kind !== 'punct' || [')', ']', '}', '++', '--'].includes(a.text);
    }
    if (this.dialect.lineEnds !== 'js') return false;
    const ends = a.kind === 'string' || a.kind === 'number' || (a.kind === 'word' && !JS_WORDS_CONTINUING.has(a.text))
      || (a.kind === 'punct' && [')', ']', '}', '++', '--', '!'].includes(a.text));
    if (!ends) return false;
    if (b.kind === 'punct') return !JS_CONTINUING_STARTS.has(b.text);
    return !(b.kind === 'word' && ['as', 'satisfies', 'instanceof', 'in', 'of', 'extends', 'implements'].includes(b.text));
  }

  /** The last token index of the statement starting at `first`, reading no further than `limit` (exclusive). */
  statementEnd(first: number, limit: number): number {
    const { tokens } = this;
    const head = tokens[first];
    const compound = this.startsCompound(first);
    const label = isWord(head, 'case') || (isWord(head, 'default') && isPunct(tokens[first + 1], ':'));
    for (let i = first; i < limit; i++) {
      const token = tokens[i];
      if (token.kind === 'punct') {
        if (token.text === ';') return i;
        if (token.text === ':' && label) return i;
        if (token.text === '->' && label) return this.statementEnd(i + 1, limit);
        if (token.text === '}') return i - 1;
        if (OPENERS.includes(token.text)) {
          if (token.match < 0 || token.match >= limit) return limit - 1;
          const body = token.text === '{' && this.kind(i) !== 'object';
          i = token.match;
          if (body) {
            const next = tokens[i + 1];
            if (isWord(next, 'else', 'catch', 'finally') || (isWord(next, 'while') && isWord(head, 'do'))) continue;
            // A compound statement (`if`, `function`, `class`) ends with its last block; a function
            // passed to a call (`app.get('/', (req, res) => { … })`) goes on to the call's end.
            if (compound && !isPunct(next, ')') && !isPunct(next, '.') && !isPunct(next, ',')) return i;
          }
        }
      }
      const next = tokens[i + 1];
      if (next && i + 1 < limit && next.newline && this.endsLine(i, i + 1)) return i;
    }
    return limit - 1;
  }

  private startsCompound(first: number): boolean {
    let i = first;
    while (isWord(this.tokens[i], 'export', 'default', 'async', 'public', 'private', 'protected', 'static', 'final', 'abstract', 'declare')) i++;
    const head = this.tokens[i];
    if (isPunct(head, '{')) return true;
    return isWord(head, 'if', 'for', 'foreach', 'while', 'do', 'switch', 'try', 'with', 'function', 'class', 'interface', 'enum', 'namespace',
      'module', 'select', 'lock', 'unsafe', 'fixed', 'checked', 'unchecked', 'synchronized', 'using', 'trait', 'record', 'struct')
      && !(isWord(head, 'using') && !isPunct(this.tokens[i + 1], '('));
  }
}

const GO_KEYWORDS_CONTINUING = new Set(['if', 'else', 'for', 'switch', 'case', 'default', 'func', 'go', 'defer', 'select', 'chan', 'map', 'struct', 'interface', 'type', 'var', 'const', 'package', 'import', 'range', 'goto']);
const JS_WORDS_CONTINUING = new Set(['new', 'typeof', 'instanceof', 'in', 'of', 'extends', 'implements', 'void', 'delete', 'case', 'as', 'satisfies', 'keyof', 'export', 'import', 'async', 'function', 'class', 'const', 'let', 'var', 'if', 'for', 'while', 'else', 'await', 'yield', 'from', 'is', 'readonly', 'type', 'interface']);
const JS_CONTINUING_STARTS = new Set(['.', '?.', ',', ')', ']', '}', '=>', '?', ':', '=', '&&', '||', '??', '+', '-', '*', '/', '%', '|', '&', '^', '==', '!=', '===', '!==', '<', '>', '<=', '>=', '{']);

function braceScope(text: string, languageId: string, offset: number, unit: string): ScopeAt | undefined {
  const dialect = DIALECTS[languageId];
  const tokens = tokenize(text, languageId, dialect);
  const reader = new BraceReader(text, languageId, tokens, dialect);
  // The braces around the cursor, innermost first.
  const around: number[] = [];
  tokens.forEach((token, i) => {
    if (isPunct(token, '{') && token.start < offset && (token.match < 0 || tokens[token.match].start >= offset)) around.push(i);
  });
  around.reverse();
  let blockOpen: number | undefined;
  for (const open of around) {
    const kind = reader.kind(open);
    if (kind === 'function' || kind === 'block') { blockOpen = open; break; }
    if (kind === 'class') return undefined;
  }
  const functions: FunctionScope[] = blockOpen === undefined ? [] : around
    .slice(around.indexOf(blockOpen))
    .filter((open) => reader.kind(open) === 'function')
    .map((open) => functionOf(reader, open, around));
  const first = blockOpen === undefined ? 0 : blockOpen + 1;
  const close = blockOpen === undefined ? tokens.length : tokens[blockOpen].match < 0 ? tokens.length : tokens[blockOpen].match;
  const statements: { first: number; last: number }[] = [];
  for (let i = first; i < close;) {
    const last = Math.max(i, reader.statementEnd(i, close));
    statements.push({ first: i, last });
    i = last + 1;
  }
  const innerStart = blockOpen === undefined ? 0 : tokens[blockOpen].end;
  const innerEnd = close < tokens.length ? tokens[close].start : text.length;
  const openIndent = blockOpen === undefined ? '' : lineIndentAt(text, tokens[blockOpen].start);
  const kind: BlockKind = blockOpen === undefined ? 'module' : reader.kind(blockOpen) === 'function' ? 'function' : 'block';
  const asStatement = (s: { first: number; last: number }): Statement => ({
    start: tokens[s.first].start,
    end: tokens[s.last].end,
    exit: startsWithExit(tokens, s.first, languageId),
    label: isWord(tokens[s.first], 'case', 'default') && isPunct(tokens[s.last], ':'),
  });
  const list = statements.map(asStatement);
  const startsLine = (s: Statement) => lineStart(text, s.start) >= innerStart && text.slice(lineStart(text, s.start), s.start).trim() === '';
  const indent = list.length > 0 && startsLine(list[0]) ? lineIndentAt(text, list[0].start) : openIndent + unit;
  let block: Block = { kind, inner: { start: innerStart, end: innerEnd }, indent, outerIndent: openIndent, statements: list };
  // The statement whose lines hold the cursor: the indentation before it and a comment after it are part of it.
  let index = list.findIndex((s) => offset >= (startsLine(s) ? lineStart(text, s.start) : s.start) && offset <= lineEndAfter(text, s.end));
  let statement = index >= 0 ? list[index] : undefined;
  if (statement) {
    const inner = bracelessBody(reader, statements[index].first, statements[index].last, offset);
    if (inner) {
      const innerStatement: Statement = { start: tokens[inner.first].start, end: tokens[inner.last].end, exit: startsWithExit(tokens, inner.first, languageId), label: false };
      block = { kind: 'braceless', inner: innerStatement, indent: lineIndentAt(text, statement.start) + unit, outerIndent: lineIndentAt(text, statement.start), statements: [innerStatement] };
      return { languageId, block, statement: innerStatement, index: 0, functions, unit };
    }
  }
  if (!statement) index = list.findIndex((s) => s.start >= offset);
  if (index < 0) index = list.length;
  return { languageId, block, statement, index, functions, exitBefore: exitBefore(list, index), unit };
}

/** The end of the line holding `offset`, when only a comment or nothing follows `offset` on it. */
function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  const rest = text.slice(offset, end).trim();
  return rest === '' || rest.startsWith('//') || rest.startsWith('#') || rest.startsWith('/*') ? end : offset;
}

function exitBefore(statements: readonly Statement[], index: number): Statement | undefined {
  for (let i = index - 1; i >= 0; i--) {
    if (statements[i].label) return undefined;
    if (statements[i].exit) return statements[i];
  }
  return undefined;
}

/**
 * The statement an `if (…)`, `else`, `for (…)` or `while (…)` governs without braces, when the
 * cursor is in it: `throw` in `if (tooMany) throw new ApiError(…)`.
 */
function bracelessBody(reader: BraceReader, first: number, last: number, offset: number): { first: number; last: number } | undefined {
  const { tokens } = reader;
  let i = first;
  for (let guard = 0; guard < 20 && i <= last; guard++) {
    if (isPunct(tokens[i], '}') && isWord(tokens[i + 1], 'else')) i++;
    const head = tokens[i];
    let bodyStart: number;
    if (isWord(head, 'else', 'do') && !isWord(tokens[i + 1], 'if')) bodyStart = i + 1;
    else if (isWord(head, 'else') && isWord(tokens[i + 1], 'if')) { i++; continue; }
    else if (isWord(head, 'if', 'for', 'foreach', 'while', 'elseif') && isPunct(tokens[i + 1], '(') && tokens[i + 1].match > 0) bodyStart = tokens[i + 1].match + 1;
    else return undefined;
    if (bodyStart > last) return undefined;
    if (isPunct(tokens[bodyStart], '{')) {
      // A braced body: go past it to an `else` that may hold the cursor.
      const close = tokens[bodyStart].match;
      if (close < 0 || tokens[close].end >= offset) return undefined;
      i = close + 1;
      if (!isWord(tokens[i], 'else')) return undefined;
      continue;
    }
    if (tokens[bodyStart].start > offset) return undefined;
    const end = reader.statementEnd(bodyStart, last + 1);
    if (tokens[end].end >= offset) {
      const nested = bracelessBody(reader, bodyStart, end, offset);
      return nested ?? { first: bodyStart, last: end };
    }
    i = end + 1;
    if (!isWord(tokens[i], 'else')) return undefined;
  }
  return undefined;
}

// ---- Function headers ----

function functionOf(reader: BraceReader, open: number, around: readonly number[]): FunctionScope {
  const { tokens, text } = reader;
  const { first } = reader.header(open);
  const headerStart = tokens[first]?.start ?? tokens[open].start;
  const body: Span = { start: tokens[open].end, end: tokens[open].match >= 0 ? tokens[tokens[open].match].start : text.length };
  const header = text.slice(headerStart, tokens[open].start);
  const owners = around.filter((o) => o !== open && tokens[o].start < tokens[open].start && reader.kind(o) === 'class');
  const ownerOpen = owners[0];
  const owner = ownerOpen === undefined ? undefined : text.slice(tokens[reader.header(ownerOpen).first]?.start ?? 0, tokens[ownerOpen].start).replace(/^<\?php\b/, '').trim();
  const words = new Set(tokens.slice(first, open).filter((t) => t.kind === 'word').map((t) => t.text));
  const isAsync = words.has('async');
  const signature = reader.languageId === 'go' ? goSignature(reader, first, open) : cLikeSignature(reader, first, open);
  return { ...signature, isAsync, header: header.trim(), body, owner, calledBy: calleeOf(reader, first) };
}

/** The dotted name of the call whose argument list holds the token at `index`, if it is in one. */
function calleeOf(reader: BraceReader, index: number): string | undefined {
  const { tokens } = reader;
  let open = index - 1;
  while (open >= 0 && !(isPunct(tokens[open], '(') && (tokens[open].match < 0 || tokens[open].match > index))) {
    if (isPunct(tokens[open], ';') || isPunct(tokens[open], '{') || isPunct(tokens[open], '}')) return undefined;
    if ((isPunct(tokens[open], ')') || isPunct(tokens[open], ']')) && tokens[open].match >= 0) open = tokens[open].match;
    open--;
  }
  let start = open - 1;
  while (start >= 1 && tokens[start].kind === 'word' && isPunct(tokens[start - 1], '.') && tokens[start - 2]?.kind === 'word') start -= 2;
  return tokens[start]?.kind === 'word' ? textOf(reader, start, open - 1) : undefined;
}

function textOf(reader: BraceReader, from: number, to: number): string {
  if (from > to) return '';
  return reader.text.slice(reader.tokens[from].start, reader.tokens[to].end).replace(/\s+/g, ' ').trim();
}

/** Splits the tokens in `(from, to)` at commas outside brackets and angle brackets. */
function splitList(reader: BraceReader, from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let depth = 0;
  let start = from + 1;
  for (let i = from + 1; i < to; i++) {
    const token = reader.tokens[i];
    if (token.kind !== 'punct') continue;
    if (OPENERS.includes(token.text) || token.text === '<') depth++;
    else if (CLOSERS.includes(token.text) || token.text === '>') depth = Math.max(0, depth - 1);
    else if (token.text === ',' && depth === 0) { parts.push([start, i - 1]); start = i + 1; }
  }
  if (start <= to - 1) parts.push([start, to - 1]);
  return parts;
}

const PARAMETER_MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'override', 'final', 'this', 'ref', 'out', 'in', 'params', 'scoped', 'const']);

/** A parameter of TypeScript, Java, C# or PHP: `res: Response`, `@Valid Address to`, `[FromBody] Request r`, `?Request $request = null`. */
function cLikeParameter(reader: BraceReader, from: number, to: number): Parameter {
  const { tokens } = reader;
  let i = from;
  // Decorators, annotations and attributes: `@Res()`, `@PathVariable("id")`, `[FromBody]`, `#[Attr]`.
  for (;;) {
    if (isPunct(tokens[i], '@') && tokens[i + 1]?.kind === 'word') {
      i += 2;
      while (isPunct(tokens[i], '.') && tokens[i + 1]?.kind === 'word') i += 2;
      if (isPunct(tokens[i], '(') && tokens[i].match > 0) i = tokens[i].match + 1;
    } else if (isPunct(tokens[i], '[') && tokens[i].match > 0 && tokens[i].match < to) {
      i = tokens[i].match + 1;
    } else if (isWord(tokens[i], ...PARAMETER_MODIFIERS) && i < to && tokens[i + 1]?.kind === 'word') {
      i++;
    } else break;
  }
  let end = to;
  for (let j = i; j <= to; j++) if (isPunct(tokens[j], '=') ) { end = j - 1; break; }
  if (reader.languageId === 'php') {
    const name = tokens.slice(i, end + 1).reverse().find((t) => t.kind === 'word' && t.text.startsWith('$'));
    const nameIndex = name ? tokens.indexOf(name) : -1;
    return { name: name?.text ?? '', type: nameIndex > i ? textOf(reader, i, nameIndex - 1).replace(/[&\s]*(?:\.\.\.)?$/, '') || undefined : undefined };
  }
  if (familyOf(reader.languageId) === 'js') {
    if (isPunct(tokens[i], '...')) i++;
    const name = tokens[i]?.kind === 'word' ? tokens[i].text : '';
    let colon = -1;
    for (let j = i; j <= end; j++) if (isPunct(tokens[j], ':')) { colon = j; break; }
    if (OPENERS.includes(tokens[i]?.text ?? '') && tokens[i].match > 0) {
      const after = tokens[i].match + 1;
      return { name: '', type: isPunct(tokens[after], ':') ? textOf(reader, after + 1, end) : undefined };
    }
    return { name, type: colon >= 0 ? textOf(reader, colon + 1, end) : undefined };
  }
  // Java and C#: the name is the last word, the type is what comes before it.
  const last = tokens[end];
  if (last?.kind !== 'word') return { name: '' };
  return { name: last.text, type: end > i ? textOf(reader, i, end - 1).replace(/\s*\.\.\.$/, '') || undefined : undefined };
}

function cLikeSignature(reader: BraceReader, first: number, open: number): Pick<FunctionScope, 'name' | 'params' | 'returnType'> {
  const { tokens } = reader;
  const before = tokens[open - 1];
  // Arrow functions and lambdas: `(req, res) => {`, `async ctx => {`, `(a, b) -> {`, `(): Promise<void> => {`.
  if (isPunct(before, '=>') || isPunct(before, '->')) {
    const arrow = open - 1;
    const previous = tokens[arrow - 1];
    if (previous?.kind === 'word') return { params: [{ name: previous.text }] };
    let close = -1;
    for (let i = arrow - 1; i >= first; i--) {
      if (isPunct(tokens[i], ')') && tokens[i].match >= first) {
        close = i;
        if (i === arrow - 1 || isPunct(tokens[i + 1], ':')) break;
      }
    }
    if (close < 0) return { params: [] };
    const params = splitList(reader, tokens[close].match, close).map(([a, b]) => cLikeParameter(reader, a, b));
    const returnType = isPunct(tokens[close + 1], ':') ? textOf(reader, close + 2, arrow - 1) : undefined;
    return { params, returnType };
  }
  let close: number;
  let returnType: string | undefined;
  if (isPunct(before, ')') && before.match >= 0) {
    close = open - 1;
  } else {
    close = reader.returnTypeParens(first, open);
    if (close >= 0) {
      returnType = textOf(reader, close + 2, open - 1);
    } else {
      // Java and C#: `Type name(…) throws X {`, `name(…) where T : U {`, `name(…) : base(…) {`.
      for (let i = open - 1; i >= first; i--) {
        if (isPunct(tokens[i], ')') && tokens[i].match >= first) {
          const previous = tokens[tokens[i].match - 1];
          if (isWord(previous, 'base', 'this') && isPunct(tokens[tokens[i].match - 2], ':')) continue;
          close = i;
          break;
        }
      }
      if (close < 0) return { params: [] };
    }
  }
  const openParen = tokens[close].match;
  const params = splitList(reader, openParen, close).map(([a, b]) => cLikeParameter(reader, a, b));
  const nameToken = tokens[openParen - 1];
  const name = nameToken?.kind === 'word' && nameToken.text !== 'function' ? nameToken.text : undefined;
  const family = familyOf(reader.languageId);
  if ((family === 'java' || family === 'csharp') && name) returnType = declaredType(reader, first, openParen - 2);
  if (family === 'php') {
    const colon = close + 1;
    if (isPunct(tokens[colon], ':')) returnType = textOf(reader, colon + 1, open - 1);
    else if (isWord(tokens[colon], 'use') && isPunct(tokens[colon + 1], '(') && isPunct(tokens[tokens[colon + 1].match + 1], ':')) returnType = textOf(reader, tokens[colon + 1].match + 2, open - 1);
  }
  return { name, params, returnType };
}

/**
 * Java and C#: the return type written before a method's name, after its annotations, attributes,
 * modifiers and type parameters; undefined for constructors.
 */
function declaredType(reader: BraceReader, first: number, last: number): string | undefined {
  const { tokens } = reader;
  let i = first;
  while (i <= last) {
    if (isPunct(tokens[i], '@') && tokens[i + 1]?.kind === 'word') {
      i += 2;
      while (isPunct(tokens[i], '.') && tokens[i + 1]?.kind === 'word') i += 2;
      if (isPunct(tokens[i], '(') && tokens[i].match > i) i = tokens[i].match + 1;
    } else if (isPunct(tokens[i], '[') && tokens[i].match > i) {
      i = tokens[i].match + 1;
    } else if (isWord(tokens[i], ...METHOD_MODIFIERS)) {
      i++;
    } else if (isPunct(tokens[i], '<')) {
      // A generic method's type parameters: `public <T> T read()`.
      let depth = 0;
      do {
        if (isPunct(tokens[i], '<')) depth++;
        else if (isPunct(tokens[i], '>')) depth--;
        i++;
      } while (i <= last && depth > 0);
    } else break;
  }
  return i <= last ? textOf(reader, i, last) : undefined;
}

const METHOD_MODIFIERS = new Set(['public', 'private', 'protected', 'internal', 'static', 'final', 'abstract', 'synchronized', 'native', 'virtual', 'override', 'sealed', 'async', 'extern', 'unsafe', 'new', 'partial', 'default', 'strictfp', 'readonly']);

/** Go: `func (recv) Name(params) results {` or `func(params) results {`. */
function goSignature(reader: BraceReader, first: number, open: number): Pick<FunctionScope, 'name' | 'params' | 'returnType'> {
  const { tokens } = reader;
  let func = -1;
  for (let i = open - 1; i >= first; i--) {
    if (isWord(tokens[i], 'func')) { func = i; break; }
    if ((isPunct(tokens[i], ')') || isPunct(tokens[i], ']')) && tokens[i].match >= 0) i = tokens[i].match;
  }
  if (func < 0) return { params: [] };
  let i = func + 1;
  let name: string | undefined;
  if (isPunct(tokens[i], '(') && tokens[i].match > 0 && tokens[tokens[i].match + 1]?.kind === 'word') i = tokens[i].match + 1;
  if (tokens[i]?.kind === 'word') name = tokens[i++].text;
  if (isPunct(tokens[i], '[') && tokens[i].match > 0) i = tokens[i].match + 1;
  if (!isPunct(tokens[i], '(') || tokens[i].match < 0) return { name, params: [] };
  const paramsClose = tokens[i].match;
  const params = goFields(reader, i, paramsClose);
  const resultsText = textOf(reader, paramsClose + 1, open - 1);
  const returnType = resultsText === '' ? undefined : resultsText.replace(/^\((.*)\)$/, '$1').trim();
  return { name, params, returnType };
}

/** Go's parameter lists: `w http.ResponseWriter, r *http.Request`, `a, b string`. */
function goFields(reader: BraceReader, open: number, close: number): Parameter[] {
  const parts = splitList(reader, open, close).map(([a, b]) => reader.tokens.slice(a, b + 1));
  const named = parts.some((part) => part.length >= 2 && part[0].kind === 'word' && !isPunct(part[1], '.'));
  if (!named) return parts.map((part) => ({ name: '', type: part.map((t) => t.text || reader.text.slice(t.start, t.end)).join('') }));
  const fields: Parameter[] = [];
  let pending: string[] = [];
  for (const part of parts) {
    if (part.length === 1 && part[0].kind === 'word') { pending.push(part[0].text); continue; }
    const type = reader.text.slice(part[1].start, part[part.length - 1].end);
    for (const name of [...pending, part[0].text]) fields.push({ name, type });
    pending = [];
  }
  for (const name of pending) fields.push({ name });
  return fields;
}

// ---- Indentation languages (Python, Ruby) ----

interface LogicalLine {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly indent: string;
}

/** Words that continue the statement of the line before at the same indentation. */
const CONTINUATION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  python: new Set(['else', 'elif', 'except', 'finally']),
  ruby: new Set(['end', 'else', 'elsif', 'when', 'in', 'rescue', 'ensure', 'then']),
};

function logicalLines(text: string, languageId: string, tokens: readonly Token[]): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let depth = 0;
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'punct' && token.text.length === 1) {
      if (OPENERS.includes(token.text)) depth++;
      else if (CLOSERS.includes(token.text)) depth = Math.max(0, depth - 1);
    }
    const next = tokens[i + 1];
    const breaks = !next || (next.newline && depth === 0 && !continues(text, languageId, token, next));
    if (breaks) {
      lines.push({ first, last: i, start: tokens[first].start, end: token.end, indent: lineIndentAt(text, tokens[first].start) });
      first = i + 1;
      depth = 0;
    }
  }
  return lines;
}

function continues(text: string, languageId: string, last: Token, next: Token): boolean {
  const between = text.slice(last.end, next.start);
  if (/\\\s*\n/.test(between.split('\n')[0] + '\n') && between.trimStart().startsWith('\\')) return true;
  if (languageId !== 'ruby') return false;
  if (last.kind === 'punct' && [',', '.', '&&', '||', '+', '-', '*', '/', '=', '==', '<', '>', '?', ':', '=>', '('].includes(last.text)) return true;
  if (isWord(last, 'and', 'or', 'not')) return true;
  return next.kind === 'punct' && (next.text === '.' || next.text === '&' || next.text === '&&' || next.text === '||');
}

function indentScope(text: string, languageId: string, offset: number, unit: string): ScopeAt | undefined {
  const dialect = DIALECTS[languageId];
  const tokens = tokenize(text, languageId, dialect);
  const lines = logicalLines(text, languageId, tokens);
  const continuation = CONTINUATION_WORDS[languageId];
  const isContinuation = (line: LogicalLine) => tokens[line.first].kind === 'word' && continuation.has(tokens[line.first].text);
  const holding = lines.findIndex((line) => offset >= line.start && offset <= lineEndAfter(text, line.end));
  // The indentation the cursor is at: its statement's, or on a line between statements what that line (or the one before) says.
  let indent: string;
  if (holding >= 0) indent = lines[holding].indent;
  else {
    const cursorLine = text.slice(lineStart(text, offset), offset);
    const previous = [...lines].reverse().find((line) => line.end <= offset);
    if (/\S/.test(cursorLine)) {
      // A comment line: its own indentation.
      indent = /^[ \t]*/.exec(cursorLine)![0];
    } else if (cursorLine.length > 0 || !previous) {
      indent = cursorLine;
    } else {
      indent = opensBlock(languageId, tokens, previous) ? previous.indent + unit : previous.indent;
    }
  }
  const before = holding >= 0 ? holding : lines.filter((line) => line.end <= offset).length;
  // The block's header: the nearest line before with less indentation (a continuation line stands for the statement it continues).
  let headerIndex = -1;
  for (let i = before - 1; i >= 0; i--) {
    if (lines[i].indent.length < indent.length) { headerIndex = i; break; }
  }
  const ancestors: number[] = [];
  for (let i = headerIndex, level = indent.length; i >= 0; i--) {
    if (lines[i].indent.length >= level) continue;
    if (isContinuation(lines[i])) {
      // `else:`, `rescue`: the statement they belong to starts above, at the same indentation.
      let j = i - 1;
      while (j >= 0 && !(lines[j].indent.length === lines[i].indent.length && !isContinuation(lines[j]))) j--;
      ancestors.push(i);
      if (j >= 0) { ancestors.push(j); i = j; }
      level = lines[i].indent.length;
      continue;
    }
    ancestors.push(i);
    level = lines[i].indent.length;
  }
  const headerWord = (i: number) => tokens[lines[i].first].text === 'async' ? tokens[lines[i].first + 1]?.text : tokens[lines[i].first].text;
  const functions: FunctionScope[] = [];
  for (const i of ancestors) {
    if (headerWord(i) !== 'def') continue;
    const owner = ancestors.find((j) => j < i && lines[j].indent.length < lines[i].indent.length && ['class', 'module'].includes(headerWord(j)));
    functions.push(indentedFunction(text, languageId, tokens, lines, i, owner === undefined ? undefined : text.slice(lines[owner].start, lines[owner].end)));
  }
  // The block: lines after the header indented at least as deep as the cursor's statement.
  const blockFirst = headerIndex + 1;
  let blockEnd = blockFirst;
  while (blockEnd < lines.length && lines[blockEnd].indent.length >= indent.length) blockEnd++;
  const members = lines.slice(blockFirst, blockEnd);
  const statements: Statement[] = [];
  for (const line of members) {
    const isOwn = line.indent.length === indent.length && !isContinuation(line);
    if (isOwn || statements.length === 0) {
      // Ruby's `raise error if …` exits only sometimes.
      const exit = startsWithExit(tokens, line.first, languageId) && !(languageId === 'ruby' && modifierAt(tokens, line) >= 0);
      statements.push({ start: line.start, end: line.end, exit, label: false });
    } else {
      const last = statements[statements.length - 1];
      statements[statements.length - 1] = { ...last, end: line.end };
    }
  }
  const header = headerIndex >= 0 ? lines[headerIndex] : undefined;
  const innerFirst = members[0]?.start ?? (header ? header.end : 0);
  const kind: BlockKind = header === undefined ? 'module' : headerWord(headerIndex) === 'def' ? 'function' : 'block';
  const block: Block = {
    kind,
    inner: { start: innerFirst, end: members.length > 0 ? members[members.length - 1].end : innerFirst },
    indent,
    outerIndent: header?.indent ?? '',
    statements,
  };
  let index = statements.findIndex((s) => offset >= s.start && offset <= lineEndAfter(text, s.end));
  let statement = index >= 0 ? statements[index] : undefined;
  if (statement && holding >= 0 && lines[holding].indent.length > indent.length) statement = undefined;
  // A statement found by a continuation line's end (no logical line holds the cursor) has no modifier of its own.
  if (statement && holding >= 0) {
    const inner = indentedBraceless(text, languageId, tokens, lines[holding], offset);
    if (inner) return { languageId, block: { ...inner, outerIndent: indent, indent: indent + unit }, statement: inner.statements[0], index: 0, functions, unit };
  }
  if (!statement) index = statements.findIndex((s) => s.start >= offset);
  if (index < 0) index = statements.length;
  return { languageId, block, statement, index, functions, exitBefore: exitBefore(statements, index), unit };
}

function opensBlock(languageId: string, tokens: readonly Token[], line: LogicalLine): boolean {
  if (languageId === 'python') return isPunct(tokens[line.last], ':');
  const head = tokens[line.first];
  if (isWord(head, 'def', 'class', 'module', 'if', 'unless', 'while', 'until', 'case', 'begin', 'else', 'elsif', 'when', 'rescue', 'ensure', 'for')) return true;
  return isWord(tokens[line.last], 'do') || isPunct(tokens[line.last], '|');
}

/** Python's `if x: raise Y` and Ruby's `raise Y unless x`: the statement the cursor is in, as a block of its own. */
function indentedBraceless(text: string, languageId: string, tokens: readonly Token[], line: LogicalLine, offset: number): Block | undefined {
  if (languageId === 'python') {
    if (!isWord(tokens[line.first], 'if', 'elif', 'else', 'for', 'while', 'with', 'try', 'except', 'finally')) return undefined;
    let depth = 0;
    for (let i = line.first; i < line.last; i++) {
      const token = tokens[i];
      if (token.kind === 'punct' && OPENERS.includes(token.text)) depth++;
      else if (token.kind === 'punct' && CLOSERS.includes(token.text)) depth--;
      else if (depth === 0 && isPunct(token, ':') && tokens[i + 1] && !tokens[i + 1].newline) {
        const inner: Statement = { start: tokens[i + 1].start, end: line.end, exit: startsWithExit(tokens, i + 1, languageId), label: false };
        return offset >= inner.start ? { kind: 'braceless', inner, indent: '', outerIndent: '', statements: [inner] } : undefined;
      }
    }
    return undefined;
  }
  const modifier = modifierAt(tokens, line);
  if (modifier < 0) return undefined;
  const inner: Statement = { start: line.start, end: tokens[modifier - 1].end, exit: startsWithExit(tokens, line.first, languageId), label: false };
  if (offset > inner.end + 1) return undefined;
  return { kind: 'braceless', inner, indent: '', outerIndent: '', statements: [inner], modifier: text.slice(tokens[modifier].start, line.end) };
}

/** Ruby: the index of a statement modifier (`if`, `unless`, `while`, `until` after the statement), or -1. */
function modifierAt(tokens: readonly Token[], line: LogicalLine): number {
  let depth = 0;
  for (let i = line.first + 1; i <= line.last; i++) {
    const token = tokens[i];
    if (token.kind === 'punct' && OPENERS.includes(token.text)) depth++;
    else if (token.kind === 'punct' && CLOSERS.includes(token.text)) depth--;
    else if (depth === 0 && isWord(token, 'if', 'unless', 'while', 'until') && !isPunct(tokens[i - 1], '=')) return i;
  }
  return -1;
}

function indentedFunction(text: string, languageId: string, tokens: readonly Token[], lines: readonly LogicalLine[], index: number, owner: string | undefined): FunctionScope {
  const line = lines[index];
  let i = line.first;
  const isAsync = isWord(tokens[i], 'async');
  if (isAsync) i++;
  const name = tokens[i + 1]?.kind === 'word' ? tokens[i + 1].text : undefined;
  const params: Parameter[] = [];
  let returnType: string | undefined;
  let paren = -1;
  for (let j = i + 1; j <= line.last && paren < 0; j++) if (isPunct(tokens[j], '(')) paren = j;
  if (paren >= 0 && tokens[paren].match > 0) {
    let depth = 0;
    let start = paren + 1;
    const close = tokens[paren].match;
    const addParameter = (from: number, to: number) => {
      let k = from;
      while (isPunct(tokens[k], '*') || isPunct(tokens[k], '**') || isPunct(tokens[k], '&')) k++;
      if (tokens[k]?.kind !== 'word' || k > to) return;
      const find = (punct: string) => {
        for (let j = k + 1; j <= to; j++) if (isPunct(tokens[j], punct)) return j;
        return -1;
      };
      const colon = find(':');
      const equals = find('=');
      const typeEnd = equals >= 0 ? equals - 1 : to;
      const type = languageId === 'python' && colon >= 0 && colon < typeEnd + 1 ? text.slice(tokens[colon + 1].start, tokens[typeEnd].end).trim() : undefined;
      params.push({ name: tokens[k].text, type });
    };
    for (let j = paren + 1; j < close; j++) {
      const token = tokens[j];
      if (token.kind === 'punct' && (OPENERS.includes(token.text))) depth++;
      else if (token.kind === 'punct' && CLOSERS.includes(token.text)) depth--;
      else if (depth === 0 && isPunct(token, ',')) { addParameter(start, j - 1); start = j + 1; }
    }
    if (start < close) addParameter(start, close - 1);
    if (isPunct(tokens[close + 1], '->')) returnType = text.slice(tokens[close + 2].start, tokens[line.last - 1].end).trim();
  } else if (languageId === 'ruby') {
    // `def name a, b` without parentheses.
    for (let j = i + 2; j <= line.last; j++) if (tokens[j].kind === 'word') params.push({ name: tokens[j].text });
  }
  // Decorators: the lines right above at the same indentation that start with `@`.
  let headerStart = line.start;
  for (let j = index - 1; j >= 0 && lines[j].indent === line.indent && isPunct(tokens[lines[j].first], '@'); j--) headerStart = lines[j].start;
  const bodyLines = lines.slice(index + 1);
  const bodyEndIndex = bodyLines.findIndex((l) => l.indent.length <= line.indent.length);
  const lastBody = bodyEndIndex < 0 ? bodyLines[bodyLines.length - 1] : bodyLines[bodyEndIndex - 1];
  return {
    name,
    params,
    returnType,
    isAsync,
    header: text.slice(headerStart, line.end),
    body: { start: bodyLines[0]?.start ?? line.end, end: lastBody?.end ?? line.end },
    owner,
  };
}

/** The scope at `offset`, or undefined where the language is not read or the cursor is in no statement list (a class body, an object literal at top level). */
export function scopeAt(text: string, languageId: string, offset: number): ScopeAt | undefined {
  const dialect = DIALECTS[languageId];
  if (!dialect) return undefined;
  const unit = indentUnitOf(text, languageId);
  return dialect.braces ? braceScope(text, languageId, offset, unit) : indentScope(text, languageId, offset, unit);
}
