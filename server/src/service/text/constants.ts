/**
 * The constant definitions of a source file: names bound to string literals, with the names that
 * enclose them, so that a workspace index can tell that `ErrorCode.SlotTaken` stands for
 * `'SLOT_ALREADY_BOOKED'` and `ApiException::TICKET_NOT_FOUND` for `'ticket_not_found'`.
 *
 * One tokenizer per file (it knows each language's strings, takes comments from the statement
 * lexer, and pairs brackets), then one reader per kind of language: brace languages walk only
 * declaration scopes (top level, namespaces, types) and skip every other bracketed group whole,
 * Python follows indentation and Ruby follows `module`/`class`/`def`/`end`. So a local
 * `const x = 'y'` inside a function is never a definition, and each token is looked at a bounded
 * number of times: the cost is linear in the file's size. Tokens are kept column-wise and their
 * text is read only when a reader asks, since most of them lie in the bodies readers skip.
 */
import { insideRanges } from './codeUsages';
import { lexStatements } from './statements';
import { normalizeCode } from './textScan';

/** A name bound to a string literal in a source file: a candidate code constant. */
export interface ConstantDefinition {
  /** The constant's own name: `ORDER_NOT_FOUND`, `NoSuchInvoice`, `ErrorCodeValidationFailed`. */
  readonly name: string;
  /** The names that enclose it, outermost first, as code refers to it: `['ErrorCode']` for an enum member,
   *  `['ApiException']` for a class constant, `['ErrorCodes', 'Patients']` for a C# nested static class,
   *  `['Errors']` for a Ruby module, `[]` for a top-level constant. */
  readonly containers: readonly string[];
  /** The string it binds, unescaped. */
  readonly value: string;
  /** Offsets in the file of the name, and of the value's text between its quotes. */
  readonly nameStart: number; readonly nameEnd: number;
  readonly valueStart: number; readonly valueEnd: number;
  readonly kind: 'enum-member' | 'constant' | 'object-member' | 'class-constant' | 'enum-argument';
  /** An HTTP status written beside the value in the same definition (`ORDER_NOT_FOUND("SHP-001", HttpStatus.NOT_FOUND)`,
   *  `NotFound(404, "x")`), when there is one: the number, or undefined. */
  readonly status?: number;
}

type Family = 'js' | 'python' | 'go' | 'java' | 'kotlin' | 'csharp' | 'php' | 'ruby' | 'rust';

const FAMILY: Readonly<Record<string, Family>> = {
  typescript: 'js', typescriptreact: 'js', javascript: 'js', javascriptreact: 'js', python: 'python', go: 'go',
  java: 'java', kotlin: 'kotlin', csharp: 'csharp', php: 'php', ruby: 'ruby', rust: 'rust',
};

/** Every constant definition in a file whose value is a string literal, outside comments. */
export function findConstantDefinitions(text: string, languageId: string): ConstantDefinition[] {
  const family = FAMILY[languageId];
  if (!family) return [];
  const tokens = new Tokenizer(text, family, lexStatements(text, languageId).comments).run();
  const found: ConstantDefinition[] = [];
  if (family === 'python') readPython(tokens, found);
  else if (family === 'ruby') readRuby(tokens, found);
  else new BraceReader(tokens, family, found).read();
  if (family === 'rust') readRustMatchArms(tokens, found);
  return found.sort((a, b) => a.nameStart - b.nameStart);
}

/**
 * Rust's way of giving enum variants their code strings: a match arm `ErrorCode::RateLimited =>
 * "RATE_LIMITED",` (in an `as_str` or `code` method), read as the variant standing for the string.
 * Only a whole arm of one pattern: `A::X | A::Y => "x"` and longer paths bind nothing.
 */
function readRustMatchArms(s: Tokens, found: ConstantDefinition[]): void {
  for (let i = 0; i + 4 < s.length; i++) {
    if (!s.isWord(i) || !s.isPunct(i + 1, '::') || !s.isWord(i + 2) || !s.isPunct(i + 3, '=>') || !s.isPlainString(i + 4)) continue;
    if (s.isPunct(i - 1, '::') || s.isPunct(i - 1, '|') || s.isPunct(i + 5, '|')) continue;
    if (i + 5 < s.length && !s.isPunct(i + 5, ',') && !s.isPunct(i + 5, '}')) continue;
    const type = s.text(i);
    if (type === 'Self' || !/^[A-Z]/.test(type)) continue;
    found.push(s.definition(i + 2, [type], i + 4, 'enum-member'));
  }
}

const PACKAGE_CLAUSE: Readonly<Record<string, RegExp>> = {
  go: /^[ \t]*(package)[ \t]+([A-Za-z_]\w*)/gm,
  java: /^[ \t]*(package)[ \t]+([\w.]+)[ \t]*;/gm,
  kotlin: /^[ \t]*(package)[ \t]+([\w.`]+)/gm,
  php: /^[ \t]*(namespace)[ \t]+\\?([\w\\]+)[ \t]*[;{]/gm,
};

/** The name other files use to qualify this file's top-level constants, when the language has one in the text:
 *  Go's `package apierr`, a PHP `namespace App\Exceptions` (its last part), Kotlin/Java `package` (last part). */
export function packageOf(text: string, languageId: string): string | undefined {
  const clause = PACKAGE_CLAUSE[languageId];
  if (!clause) return undefined;
  const pattern = new RegExp(clause.source, clause.flags);
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const keyword = m.index + m[0].indexOf(m[1]);
    // The clause comes first in a file: only the comments before it need lexing.
    const { comments } = lexStatements(text, languageId, 0, (start) => start > keyword);
    if (insideRanges(comments, keyword)) continue;
    const name = m[2].replace(/`/g, '');
    return name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf('\\')) + 1) || undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tokens

const WORD = 1;
const STRING = 2;
const NUMBER = 3;
const PUNCT = 4;
/** Regexes, characters, symbols, bytes, heredocs, lifetimes: literals no reader binds. */
const LITERAL = 5;

const LINE_BREAK = 1;
const PLAIN = 2;

const CLOSER_OF: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
/** How far below the top of the bracket stack a closer looks for its opener before it is taken for a stray one. */
const MAX_UNCLOSED = 16;

/**
 * A file's tokens, column-wise, with their brackets paired, and the questions every reader asks of them.
 * `contentStart`/`contentEnd` are a string's text between its quotes (a token's own span otherwise).
 */
class Tokens {
  length = 0;
  kinds: Uint8Array;
  /** LINE_BREAK: a line break (or a comment spanning one) comes before the token; PLAIN: a string of the
   *  language's string type on one line, without interpolation. */
  flags: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  contentStarts: Int32Array;
  contentEnds: Int32Array;
  /** The token's column when it is the first on its line. */
  indents: Int32Array;
  /** Punctuation's text, a string's value when it had escapes; the rest is read from the source on demand. */
  private readonly texts: (string | undefined)[] = [];
  /** For an opener, where its group's content ends (its closer, or where an outer group closed it);
   *  for a closer, its opener; -1 for a stray closer. Set by `pair`. */
  match = new Int32Array(0);

  constructor(readonly source: string) {
    const capacity = Math.max(64, source.length >> 2);
    this.kinds = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.contentStarts = new Int32Array(capacity);
    this.contentEnds = new Int32Array(capacity);
    this.indents = new Int32Array(capacity);
  }

  push(kind: number, start: number, end: number, contentStart: number, contentEnd: number, flags: number, indent: number, text: string | undefined): void {
    if (this.length === this.kinds.length) this.grow();
    const i = this.length++;
    this.kinds[i] = kind;
    this.flags[i] = flags;
    this.starts[i] = start;
    this.ends[i] = end;
    this.contentStarts[i] = contentStart;
    this.contentEnds[i] = contentEnd;
    this.indents[i] = indent;
    this.texts.push(text);
  }

  private grow(): void {
    const capacity = this.kinds.length * 2;
    const widen = <T extends Uint8Array | Int32Array>(array: T, make: (size: number) => T): T => {
      const wider = make(capacity);
      wider.set(array);
      return wider;
    };
    this.kinds = widen(this.kinds, (size) => new Uint8Array(size));
    this.flags = widen(this.flags, (size) => new Uint8Array(size));
    this.starts = widen(this.starts, (size) => new Int32Array(size));
    this.ends = widen(this.ends, (size) => new Int32Array(size));
    this.contentStarts = widen(this.contentStarts, (size) => new Int32Array(size));
    this.contentEnds = widen(this.contentEnds, (size) => new Int32Array(size));
    this.indents = widen(this.indents, (size) => new Int32Array(size));
  }

  /** Pairs the brackets, tolerating unclosed and stray ones. */
  pair(): this {
    const match = new Int32Array(this.length + 1).fill(-1);
    const open = new Int32Array(this.length + 1);
    let top = 0;
    for (let i = 0; i < this.length; i++) {
      if (this.kinds[i] !== PUNCT || this.ends[i] - this.starts[i] !== 1) continue;
      const c = this.source.charCodeAt(this.starts[i]);
      if (c === 40 || c === 91 || c === 123) {
        open[top++] = i;
        continue;
      }
      if (c !== 41 && c !== 93 && c !== 125) continue;
      // `(` is 40 and `)` 41; `[` and `{` are two below `]` and `}`.
      const opener = c === 41 ? 40 : c - 2;
      let k = top - 1;
      while (k >= 0 && top - k <= MAX_UNCLOSED && this.source.charCodeAt(this.starts[open[k]]) !== opener) k--;
      if (k < 0 || this.source.charCodeAt(this.starts[open[k]]) !== opener) continue;
      for (let m = top - 1; m > k; m--) match[open[m]] = i;
      match[open[k]] = i;
      match[i] = open[k];
      top = k;
    }
    for (let k = 0; k < top; k++) match[open[k]] = this.length;
    this.match = match;
    return this;
  }

  /** A token's text: punctuation, a word, a number, or a string's value (unescaped). */
  text(i: number): string {
    const text = this.texts[i];
    return text !== undefined ? text : this.source.slice(this.contentStarts[i], this.contentEnds[i]);
  }

  lineBreak(i: number): boolean {
    return (this.flags[i] & LINE_BREAK) !== 0;
  }

  isPunct(i: number, text: string): boolean {
    return this.kinds[i] === PUNCT && this.texts[i] === text;
  }

  isWord(i: number, text?: string): boolean {
    if (this.kinds[i] !== WORD) return false;
    return text === undefined || (this.contentEnds[i] - this.contentStarts[i] === text.length && this.source.startsWith(text, this.contentStarts[i]));
  }

  isPlainString(i: number): boolean {
    return this.kinds[i] === STRING && (this.flags[i] & PLAIN) !== 0;
  }

  isOpener(i: number): boolean {
    if (this.kinds[i] !== PUNCT) return false;
    const text = this.texts[i];
    return text === '(' || text === '[' || text === '{';
  }

  /** Whether token `i` follows a `.` or `::` (a member, not a keyword). */
  isMember(i: number): boolean {
    if (this.kinds[i - 1] !== PUNCT) return false;
    const previous = this.texts[i - 1];
    return previous === '.' || previous === '?.' || previous === '::' || previous === '->' || previous === '&.';
  }

  /** Where the content of the group opening at `open` ends (exclusive). */
  contentEnd(open: number): number {
    return this.match[open];
  }

  /** The first token after the group opening at `open`. */
  after(open: number): number {
    const end = this.match[open];
    return end < this.length && this.match[end] === open ? end + 1 : end;
  }

  /** The index from `from`, skipping whole groups, of the first token `stop` accepts (or `to`). */
  seek(from: number, to: number, stop: (i: number) => boolean): number {
    let k = from;
    while (k < to && !stop(k)) k = this.isOpener(k) ? this.after(k) : k + 1;
    return Math.min(k, to);
  }

  /** The comma-separated parts of `[from, to)`, each `[start, end)`, groups kept whole. */
  split(from: number, to: number): [number, number][] {
    const parts: [number, number][] = [];
    let start = from;
    for (let k = from; k < to;) {
      if (this.isPunct(k, ',')) {
        parts.push([start, k]);
        start = ++k;
      } else {
        k = this.isOpener(k) ? this.after(k) : k + 1;
      }
    }
    if (start < to) parts.push([start, to]);
    return parts;
  }

  /** The first part that is one string that looks like a code (no spaces), and the first part that reads as an HTTP status. */
  codeArguments(parts: readonly [number, number][]): { value: number; status?: number } {
    let value = -1;
    let status: number | undefined;
    for (const [start, end] of parts) {
      if (value < 0 && end - start === 1 && this.isPlainString(start) && /^\S+$/.test(this.text(start))) value = start;
      else status ??= this.statusOf(start, end);
    }
    return { value, status };
  }

  /**
   * The HTTP status that the tokens `[start, end)` name: `404`, `HttpStatus.NOT_FOUND`,
   * `HttpStatusCode.valueOf(404)`, `StatusCodes.Status404NotFound`, `status.HTTP_404_NOT_FOUND`, `http.StatusNotFound`.
   */
  statusOf(start: number, end: number): number | undefined {
    if (end - start === 1 && this.kinds[start] === NUMBER) return asStatus(Number(this.text(start).replace(/[lLuU]+$/, '')));
    const path: string[] = [];
    let k = start;
    while (k < end && this.isWord(k)) {
      path.push(this.text(k));
      if (k + 1 < end && (this.isPunct(k + 1, '.') || this.isPunct(k + 1, '::'))) k += 2;
      else {
        k++;
        break;
      }
    }
    if (path.length === 0) return undefined;
    if (k < end) {
      const called = this.isPunct(k, '(') && this.after(k) === end && this.contentEnd(k) === k + 2 && this.kinds[k + 1] === NUMBER;
      return called && path.some((part) => /status/i.test(part)) ? asStatus(Number(this.text(k + 1))) : undefined;
    }
    const name = path[path.length - 1];
    const digits = /^(?:Status|HTTP_?|SC_|HTTP_STATUS_)(\d{3})(?!\d)/.exec(name);
    if (digits) return asStatus(Number(digits[1]));
    const qualifier = path[path.length - 2];
    return qualifier !== undefined && /status|^http$/i.test(qualifier) ? statusOfName(name.replace(/^(?:Status|SC_)(?=[A-Z])/, '')) : undefined;
  }

  /** A definition binding the name at `name` to the string at `value`. */
  definition(name: number, containers: readonly string[], value: number, kind: Kind, status?: number): ConstantDefinition {
    const found: ConstantDefinition = {
      name: this.text(name), containers, value: this.text(value),
      nameStart: this.contentStarts[name], nameEnd: this.contentEnds[name], valueStart: this.contentStarts[value], valueEnd: this.contentEnds[value], kind,
    };
    return status === undefined ? found : { ...found, status };
  }
}

type Kind = ConstantDefinition['kind'];

function asStatus(value: number): number | undefined {
  return Number.isInteger(value) && value >= 100 && value <= 599 ? value : undefined;
}

/** Reason phrases and the other names status constants go by (Spring, .NET, Ktor, Go). */
const STATUS_NAMES = [
  '100 Continue', '101 Switching Protocols', '102 Processing', '103 Early Hints', '103 Checkpoint', '200 OK', '201 Created', '202 Accepted',
  '203 Non-Authoritative Information', '204 No Content', '205 Reset Content', '206 Partial Content', '207 Multi-Status', '208 Already Reported',
  '226 IM Used', '300 Multiple Choices', '300 Ambiguous', '301 Moved Permanently', '301 Moved', '302 Found', '302 Moved Temporarily', '302 Redirect',
  '303 See Other', '303 Redirect Method', '304 Not Modified', '305 Use Proxy', '307 Temporary Redirect', '307 Redirect Keep Verb',
  '308 Permanent Redirect', '400 Bad Request', '401 Unauthorized', '402 Payment Required', '403 Forbidden', '404 Not Found',
  '405 Method Not Allowed', '406 Not Acceptable', '407 Proxy Authentication Required', '408 Request Timeout', '409 Conflict', '410 Gone',
  '411 Length Required', '412 Precondition Failed', '413 Content Too Large', '413 Payload Too Large', '413 Request Entity Too Large',
  '414 URI Too Long', '414 Request URI Too Long', '415 Unsupported Media Type', '416 Range Not Satisfiable', '416 Requested Range Not Satisfiable',
  '417 Expectation Failed', "418 I'm a teapot", '418 I Am A Teapot', '418 Teapot', '421 Misdirected Request', '422 Unprocessable Content',
  '422 Unprocessable Entity', '423 Locked', '424 Failed Dependency', '425 Too Early', '426 Upgrade Required', '428 Precondition Required',
  '429 Too Many Requests', '431 Request Header Fields Too Large', '451 Unavailable For Legal Reasons', '500 Internal Server Error',
  '501 Not Implemented', '502 Bad Gateway', '503 Service Unavailable', '504 Gateway Timeout', '505 HTTP Version Not Supported',
  '505 Version Not Supported', '506 Variant Also Negotiates', '507 Insufficient Storage', '508 Loop Detected', '510 Not Extended',
  '511 Network Authentication Required',
];

let statusByName: Map<string, number> | undefined;

function statusOfName(name: string): number | undefined {
  statusByName ??= new Map(STATUS_NAMES.map((entry) => [normalizeCode(entry.slice(4)), Number(entry.slice(0, 3))]));
  return statusByName.get(normalizeCode(name));
}

// ---------------------------------------------------------------------------------------------
// The tokenizer

/** How a quoted literal ends and what its backslashes and `$`/`#{`/`{` mean. */
interface Quote {
  readonly close: string;
  /** full: C-like escapes; quotes: only `\\` and the quote (Ruby, PHP single quotes); keep: a backslash
   *  shields the next character and both stay (Python raw); none: raw; doubled: `""` is a quote (C# verbatim). */
  readonly escapes: 'full' | 'quotes' | 'keep' | 'none' | 'doubled';
  readonly interpolation: 'none' | 'template' | 'kotlin' | 'ruby' | 'brace' | 'php';
  readonly multiline: boolean;
  /** Whether the literal is of the language's string type (not bytes, a character or a command). */
  readonly isString: boolean;
}

const quote = (close: string, escapes: Quote['escapes'], interpolation: Quote['interpolation'] = 'none', multiline = false, isString = true): Quote =>
  ({ close, escapes, interpolation, multiline, isString });

const DOUBLE_QUOTED = quote('"', 'full');
const SINGLE_QUOTED = quote("'", 'full');
const JS_TEMPLATE = quote('`', 'full', 'template', true);
const GO_RAW = quote('`', 'none', 'none', true);
const CHARACTER = quote("'", 'full', 'none', false, false);
const KOTLIN_STRING = quote('"', 'full', 'kotlin');
const KOTLIN_RAW = quote('"""', 'none', 'kotlin', true);
const JAVA_TEXT_BLOCK = quote('"""', 'full', 'none', true);
const CSHARP_RAW = quote('"""', 'none', 'none', true);
const RUBY_SINGLE = quote("'", 'quotes', 'none', true);
const RUBY_DOUBLE = quote('"', 'full', 'ruby', true);
const RUBY_COMMAND = quote('`', 'full', 'ruby', true, false);
const PHP_SINGLE = quote("'", 'quotes', 'none', true);
const PHP_DOUBLE = quote('"', 'full', 'php', true);
const PHP_COMMAND = quote('`', 'full', 'php', true, false);
const RUST_STRING = quote('"', 'full', 'none', true);
const RUST_BYTES = quote('"', 'full', 'none', true, false);

/** Beyond this depth, strings inside interpolations are no longer followed (input is hostile, not code). */
const MAX_NESTING = 32;

const NEWLINE = 10;
const BACKSLASH = 92;

/** Operators read as one token, so that `==` is never an assignment, `=>` never `=`, `::` never `:`. */
const OPERATORS = [
  '===', '!==', '...', '**=', '<<=', '<=>', '??=', '&&=', '||=',
  '=>', '==', '!=', '<=', '::', '->', '=~', '!~', '&&', '||', '??', '?.', '..', ':=', '+=', '-=', '*=', '/=', '%=', '|=', '&=', '^=', '**', '<<', '++', '--',
];
const OPERATOR_BY_CODES = new Map(OPERATORS.map((op) => [operatorKey(op.charCodeAt(0), op.charCodeAt(1), op.length === 3 ? op.charCodeAt(2) : 0), op]));
/** The characters an operator of two or three can start with. */
const STARTS_OPERATOR = new Uint8Array(128);
for (const op of OPERATORS) STARTS_OPERATOR[op.charCodeAt(0)] = 1;
/** Every ASCII character as a string, so that punctuation costs no allocation. */
const CHARACTERS = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

function operatorKey(first: number, second: number, third: number): number {
  return (first << 16) | (second << 8) | third;
}

const JS_REGEX_AFTER: ReadonlySet<string> = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
const RUBY_VALUE_AFTER: ReadonlySet<string> = new Set(['if', 'elsif', 'unless', 'when', 'and', 'or', 'not', 'return', 'then', 'else', 'while', 'until', 'in']);
const RUBY_PERCENT_CLOSE: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

interface Scanned {
  readonly end: number;
  readonly contentEnd: number;
  /** The unescaped value when it differs from the text between the quotes. */
  readonly value: string | undefined;
  readonly plain: boolean;
}

/** Turns a file into tokens, skipping the comments the statement lexer found (and any it missed inside what it took for a string). */
class Tokenizer {
  private readonly tokens: Tokens;
  private readonly n: number;
  private i = 0;
  private lineStart = 0;
  private pendingBreak = true;
  private commentIndex = 0;
  /** Where the next comment the lexer found starts. */
  private nextComment: number;
  /** Ruby heredocs opened on the current line, whose bodies start at the next line break. */
  private readonly heredocs: { id: string; indented: boolean }[] = [];
  private readonly slashComments: boolean;
  private readonly hashComments: boolean;
  private readonly dollarInNames: boolean;

  constructor(private readonly text: string, private readonly family: Family, private readonly comments: readonly [number, number][]) {
    this.tokens = new Tokens(text);
    this.n = text.length;
    this.slashComments = family !== 'python' && family !== 'ruby';
    this.hashComments = family === 'python' || family === 'ruby' || family === 'php';
    this.dollarInNames = family === 'js' || family === 'php' || family === 'java';
    this.nextComment = comments.length > 0 ? comments[0][0] : Infinity;
  }

  run(): Tokens {
    const { text, n, comments } = this;
    if (this.family === 'php') this.i = this.phpCodeStart(0, true);
    while (this.i < n) {
      let i = this.i;
      let c = text.charCodeAt(i);
      while (c === 32 || c === 9 || c === 13 || c === 12 || c === 0xfeff) c = text.charCodeAt(++i);
      this.i = i;
      if (i >= n) break;
      if (i >= this.nextComment) {
        // Comments that began inside a token read here were not comments.
        while (this.commentIndex < comments.length && comments[this.commentIndex][0] < i) this.commentIndex++;
        const comment = comments[this.commentIndex];
        this.nextComment = comment ? comment[0] : Infinity;
        if (comment && comment[0] === i) {
          this.commentIndex++;
          this.nextComment = this.commentIndex < comments.length ? comments[this.commentIndex][0] : Infinity;
          this.skipTo(Math.max(comment[1], i + 1));
          continue;
        }
      }
      if (c === NEWLINE) {
        this.newline();
        continue;
      }
      const next = text.charCodeAt(i + 1);
      if (this.slashComments && c === 47 && (next === 47 || next === 42)) {
        const end = next === 47 ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
        this.skipTo(end < 0 ? n : next === 47 ? end : end + 2);
      } else if (this.hashComments && c === 35) {
        const end = text.indexOf('\n', i);
        this.skipTo(end < 0 ? n : end);
      } else if (isLetter(c) || (c === 36 && this.dollarInNames)) {
        if (!this.special(c, next)) this.word();
      } else if (isDigit(c) || (c === 46 && isDigit(next))) {
        this.number();
      } else if (!this.special(c, next)) {
        if (c === 34 || c === 39 || c === 96) this.quoted(c);
        else this.punct(c, next);
      }
    }
    return this.tokens.pair();
  }

  private push(kind: number, start: number, end: number, contentStart = start, contentEnd = end, plain = false, text?: string): void {
    const lineBreak = this.pendingBreak;
    this.tokens.push(kind, start, end, contentStart, contentEnd, (lineBreak ? LINE_BREAK : 0) | (plain ? PLAIN : 0), lineBreak ? start - this.lineStart : -1, text);
    this.pendingBreak = false;
    this.i = end;
  }

  /** Moves past skipped text (a comment, a heredoc body), noting the line breaks in it. */
  private skipTo(end: number): void {
    const lastBreak = this.text.lastIndexOf('\n', end - 1);
    if (lastBreak >= this.i) {
      this.pendingBreak = true;
      this.lineStart = lastBreak + 1;
    }
    this.i = end;
  }

  private newline(): void {
    this.pendingBreak = true;
    this.i++;
    this.lineStart = this.i;
    if (this.heredocs.length > 0) this.heredocBodies();
  }

  /** Whether the previous token leaves room for a value (so `/` starts a regex, `%w` a word list, `<<ID` a heredoc). */
  private valueExpected(): boolean {
    const { tokens } = this;
    const last = tokens.length - 1;
    if (last < 0) return true;
    const kind = tokens.kinds[last];
    if (kind === PUNCT) return !(tokens.isPunct(last, ')') || tokens.isPunct(last, ']') || tokens.isPunct(last, '}'));
    if (kind !== WORD) return false;
    if ((this.family === 'js' ? JS_REGEX_AFTER : RUBY_VALUE_AFTER).has(tokens.text(last))) return true;
    // Ruby's own rule for `split /,/`: a space before the slash and none after it.
    return this.family === 'ruby' && tokens.ends[last] < this.i && !/[\s=]/.test(this.text[this.i + 1] ?? ' ');
  }

  /** Language-specific forms: regexes, heredocs, symbols, prefixed strings. True when one was read. */
  private special(c: number, next: number): boolean {
    const { text, i, family } = this;
    switch (family) {
      case 'js':
        return c === 47 && this.valueExpected() && this.regex();
      case 'ruby':
        if (i === this.lineStart && c === 61 && text.startsWith('=begin', i)) {
          const close = text.indexOf('\n=end', i);
          const lineEnd = close < 0 ? -1 : text.indexOf('\n', close + 1);
          this.skipTo(close < 0 || lineEnd < 0 ? this.n : lineEnd);
          return true;
        }
        if (i === this.lineStart && c === 95 && /^__END__\r?(?:\n|$)/.test(text.slice(i, i + 9))) {
          this.i = this.n;
          return true;
        }
        if (c === 64 || c === 36) return this.rubyVariable();
        if (c === 58 && next !== 58 && !(i > 0 && /[\w:]/.test(text[i - 1]))) return this.rubySymbol();
        if (c === 37) return this.valueExpected() && this.rubyPercent();
        if (c === 60 && next === 60) return this.rubyHeredoc();
        if (c === 47) return this.valueExpected() && this.regex();
        return false;
      case 'php':
        if (c === 63 && next === 62) {
          // `?>` ends a statement and the code; HTML runs to the next `<?php`.
          this.push(PUNCT, i, i + 2, i, i + 2, false, ';');
          this.i = this.phpCodeStart(i + 2, false);
          return true;
        }
        return c === 60 && text.startsWith('<<<', i) && this.phpHeredoc();
      case 'csharp':
        if (c === 64 && isLetter(next)) {
          // `@class`: a keyword used as a name.
          this.i = i + 1;
          this.word();
          return true;
        }
        if ((c === 64 || c === 36) && (next === 34 || ((next === 64 || next === 36) && next !== c && text.charCodeAt(i + 2) === 34))) {
          const prefix = text.slice(i, next === 34 ? i + 1 : i + 2);
          const interpolated = prefix.includes('$');
          const raw = text.startsWith('"""', i + prefix.length);
          const rule = raw ? CSHARP_RAW : prefix.includes('@') ? quote('"', 'doubled', interpolated ? 'brace' : 'none', true) : quote('"', 'full', interpolated ? 'brace' : 'none');
          this.pushQuoted(i, i + prefix.length + (raw ? 3 : 1), rule, interpolated);
          return true;
        }
        return false;
      case 'python':
        // String prefixes: r'', b"", f"""…""", rb'', …
        if (isLetter(c) && (next === 34 || next === 39 || ((text.charCodeAt(i + 2) === 34 || text.charCodeAt(i + 2) === 39) && isLetter(next)))) {
          const prefix = next === 34 || next === 39 ? text[i] : text.slice(i, i + 2);
          if (!/^(?:[rRuUbBfF]|[rR][bBfF]|[bBfF][rR])$/.test(prefix)) return false;
          this.pythonString(i, prefix.toLowerCase(), i + prefix.length);
          return true;
        }
        return false;
      case 'rust':
        return isLetter(c) && this.rustPrefixed(c, next);
      default:
        return false;
    }
  }

  private word(): void {
    const { text, n } = this;
    const start = this.i;
    let j = start + 1;
    while (j < n) {
      const code = text.charCodeAt(j);
      if (isLetter(code) || isDigit(code) || (code === 36 && this.dollarInNames)) j++;
      else break;
    }
    // Ruby method names may end in `?` or `!` (`empty?`, `save!`).
    if (this.family === 'ruby' && (text.charCodeAt(j) === 63 || text.charCodeAt(j) === 33) && text.charCodeAt(j + 1) !== 61) j++;
    this.push(WORD, start, j);
  }

  private number(): void {
    const { text, n } = this;
    let j = this.i + 1;
    while (j < n) {
      const code = text.charCodeAt(j);
      if (isLetter(code) || isDigit(code) || (code === 46 && isDigit(text.charCodeAt(j + 1)))) j++;
      else break;
    }
    this.push(NUMBER, this.i, j);
  }

  private punct(c: number, next: number): void {
    const i = this.i;
    const third = this.text.charCodeAt(i + 2);
    const op = c < 128 && next < 128 && STARTS_OPERATOR[c] === 1
      ? OPERATOR_BY_CODES.get(operatorKey(c, next, third < 128 ? third : 0)) ?? OPERATOR_BY_CODES.get(operatorKey(c, next, 0))
      : undefined;
    const text = op ?? (c < 128 ? CHARACTERS[c] : this.text[i]);
    this.push(PUNCT, i, i + text.length, i, i + text.length, false, text);
  }

  private quoted(c: number): void {
    const { text, i, family } = this;
    switch (family) {
      case 'js':
        // No string starts right after a name: that quote is an apostrophe in JSX text (`Don't`).
        if (c !== 96 && i > 0 && (isLetter(text.charCodeAt(i - 1)) || isDigit(text.charCodeAt(i - 1)))) this.push(PUNCT, i, i + 1, i, i + 1, false, CHARACTERS[c]);
        else this.pushQuoted(i, i + 1, c === 96 ? JS_TEMPLATE : c === 34 ? DOUBLE_QUOTED : SINGLE_QUOTED);
        return;
      case 'python':
        this.pythonString(i, '', i);
        return;
      case 'go':
        this.pushQuoted(i, i + 1, c === 96 ? GO_RAW : c === 39 ? CHARACTER : DOUBLE_QUOTED);
        return;
      case 'java':
      case 'kotlin':
      case 'csharp':
        if (c === 96) {
          // Kotlin names in backticks; elsewhere a stray character.
          const close = family === 'kotlin' ? text.indexOf('`', i + 1) : -1;
          const lineEnd = text.indexOf('\n', i);
          if (close > 0 && (lineEnd < 0 || close < lineEnd)) this.push(WORD, i, close + 1, i + 1, close);
          else this.push(PUNCT, i, i + 1, i, i + 1, false, '`');
        } else if (c === 39) {
          this.pushQuoted(i, i + 1, CHARACTER);
        } else if (text.startsWith('"""', i)) {
          this.pushQuoted(i, i + 3, family === 'java' ? JAVA_TEXT_BLOCK : family === 'kotlin' ? KOTLIN_RAW : CSHARP_RAW);
        } else {
          this.pushQuoted(i, i + 1, family === 'kotlin' ? KOTLIN_STRING : DOUBLE_QUOTED);
        }
        return;
      case 'php':
        this.pushQuoted(i, i + 1, c === 39 ? PHP_SINGLE : c === 34 ? PHP_DOUBLE : PHP_COMMAND);
        return;
      case 'ruby':
        this.pushQuoted(i, i + 1, c === 39 ? RUBY_SINGLE : c === 34 ? RUBY_DOUBLE : RUBY_COMMAND);
        return;
      case 'rust':
        if (c === 39) this.rustQuote();
        else if (c === 34) this.pushQuoted(i, i + 1, RUST_STRING);
        else this.push(PUNCT, i, i + 1, i, i + 1, false, '`');
        return;
    }
  }

  private pythonString(start: number, prefix: string, quoteAt: number): void {
    const q = this.text[quoteAt];
    const triple = this.text.startsWith(q + q + q, quoteAt);
    const rule = quote(triple ? q + q + q : q, prefix.includes('r') ? 'keep' : 'full', prefix.includes('f') ? 'brace' : 'none', triple, !prefix.includes('b'));
    this.pushQuoted(start, quoteAt + (triple ? 3 : 1), rule, prefix.includes('f'));
  }

  /** Rust's `r"…"`, `r#"…"#`, `b"…"`, `c"…"`, `b'x'`. */
  private rustPrefixed(c: number, next: number): boolean {
    const { text, i } = this;
    const two = c === 98 && next === 114 ? 2 : c === 99 && next === 114 ? 2 : 1;
    const raw = (two === 2) || c === 114;
    let k = i + two;
    if (raw) {
      while (text.charCodeAt(k) === 35) k++;
      if (text.charCodeAt(k) !== 34 || !(c === 114 || two === 2)) return false;
      this.pushQuoted(i, k + 1, quote(`"${'#'.repeat(k - i - two)}`, 'none', 'none', true, c === 114));
      return true;
    }
    if ((c === 98 || c === 99) && (next === 34 || next === 39)) {
      this.pushQuoted(i, i + 2, next === 34 ? RUST_BYTES : CHARACTER);
      return true;
    }
    return false;
  }

  /** A Rust `'`: a character literal (`'x'`, `'\n'`) or a lifetime (`'static`). */
  private rustQuote(): void {
    const { text, i } = this;
    const first = text.codePointAt(i + 1) ?? 0;
    if (text.charCodeAt(i + 1) === BACKSLASH || (text.charCodeAt(i + (first > 0xffff ? 3 : 2)) === 39 && first !== NEWLINE)) {
      this.pushQuoted(i, i + 1, CHARACTER);
      return;
    }
    let j = i + 1;
    while (j < this.n && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
    this.push(LITERAL, i, Math.max(j, i + 1));
  }

  private regex(): boolean {
    const { text } = this;
    let inClass = false;
    for (let j = this.i + 1; j < this.n; j++) {
      const c = text.charCodeAt(j);
      if (c === NEWLINE) return false;
      if (c === BACKSLASH) j++;
      else if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) {
        let end = j + 1;
        while (end < this.n && isLetter(text.charCodeAt(end))) end++;
        this.push(LITERAL, this.i, end);
        return true;
      }
    }
    return false;
  }

  /** Reads a quoted literal whose content starts at `contentStart`, and pushes it as a string (or a literal). */
  private pushQuoted(start: number, contentStart: number, rule: Quote, interpolated = false): void {
    const scanned = this.scanQuoted(contentStart, rule, 0);
    if (rule.isString) this.push(STRING, start, scanned.end, contentStart, scanned.contentEnd, scanned.plain && !interpolated, scanned.value);
    else this.push(LITERAL, start, scanned.end);
  }

  private scanQuoted(contentStart: number, rule: Quote, depth: number): Scanned {
    const { text, n } = this;
    const { close, escapes } = rule;
    const closeCode = close.charCodeAt(0);
    // Built only once an escape is met: most strings are their text.
    let value: string | undefined;
    let segment = contentStart;
    let plain = true;
    let j = contentStart;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === closeCode && (close.length === 1 || text.startsWith(close, j))) {
        if (escapes === 'doubled' && text.charCodeAt(j + 1) === closeCode) {
          value = (value ?? '') + text.slice(segment, j + 1);
          j += 2;
          segment = j;
          continue;
        }
        return { end: j + close.length, contentEnd: j, value: value === undefined ? undefined : value + text.slice(segment, j), plain };
      }
      if (c === NEWLINE) {
        if (!rule.multiline) break;
        plain = false;
        j++;
      } else if (c === BACKSLASH && escapes !== 'none' && escapes !== 'doubled') {
        const next = text.charCodeAt(j + 1);
        if (escapes === 'full') {
          const [decoded, length] = decodeEscape(text, j, this.family);
          if (decoded === undefined) plain = false;
          value = (value ?? '') + text.slice(segment, j) + (decoded ?? '');
          j += length;
          segment = j;
        } else if (escapes === 'quotes' && (next === BACKSLASH || next === closeCode)) {
          value = (value ?? '') + text.slice(segment, j) + text[j + 1];
          j += 2;
          segment = j;
        } else {
          j += escapes === 'keep' ? 2 : 1;
        }
      } else {
        const after = rule.interpolation === 'none' ? -1 : this.interpolation(j, rule, depth);
        if (after >= 0) {
          plain = false;
          j = after;
        } else {
          j++;
        }
      }
    }
    // Unclosed: the literal ends with its line (or the text).
    return { end: j, contentEnd: j, value: undefined, plain: false };
  }

  /** Where an interpolation starting at `j` ends, or -1 when none starts there. */
  private interpolation(j: number, rule: Quote, depth: number): number {
    const { text } = this;
    const c = text.charCodeAt(j);
    const next = text.charCodeAt(j + 1);
    switch (rule.interpolation) {
      case 'template':
        return c === 36 && next === 123 ? this.skipBraces(j + 1, rule, depth) : -1;
      case 'kotlin':
        if (c !== 36) return -1;
        return next === 123 ? this.skipBraces(j + 1, rule, depth) : isLetter(next) ? j + 1 : -1;
      case 'ruby':
        if (c !== 35) return -1;
        return next === 123 ? this.skipBraces(j + 1, rule, depth) : next === 64 || next === 36 ? j + 1 : -1;
      case 'brace':
        if (c !== 123) return -1;
        return next === 123 ? j + 2 : this.skipBraces(j, rule, depth);
      case 'php':
        if (c === 123 && next === 36) return this.skipBraces(j, rule, depth);
        return c === 36 && isLetter(next) ? j + 1 : -1;
      default:
        return -1;
    }
  }

  /** The end of the code in braces opening at `open`, with the strings inside it followed. */
  private skipBraces(open: number, rule: Quote, depth: number): number {
    const { text, n } = this;
    let braces = 0;
    for (let k = open; k < n;) {
      const c = text.charCodeAt(k);
      if (c === 123) braces++;
      else if (c === 125 && --braces === 0) return k + 1;
      else if (c === NEWLINE && !rule.multiline) return k;
      else if ((c === 34 || c === 39 || c === 96) && depth < MAX_NESTING) {
        const nested = this.nestedQuote(c);
        if (nested) {
          k = this.scanQuoted(k + 1, nested, depth + 1).end;
          continue;
        }
      }
      k++;
    }
    return n;
  }

  private nestedQuote(c: number): Quote | undefined {
    switch (this.family) {
      case 'js': return c === 96 ? JS_TEMPLATE : c === 34 ? DOUBLE_QUOTED : SINGLE_QUOTED;
      case 'ruby': return c === 39 ? RUBY_SINGLE : c === 34 ? RUBY_DOUBLE : undefined;
      case 'php': return c === 39 ? PHP_SINGLE : c === 34 ? PHP_DOUBLE : undefined;
      case 'kotlin': return c === 34 ? KOTLIN_STRING : undefined;
      case 'python':
      case 'csharp': return c === 96 ? undefined : c === 34 ? DOUBLE_QUOTED : SINGLE_QUOTED;
      default: return undefined;
    }
  }

  /** Where PHP code starts from `from`: after the next `<?php` or `<?=`; a file with no tag at all is taken as code. */
  private phpCodeStart(from: number, fileStart: boolean): number {
    const open = this.text.indexOf('<?', from);
    if (open < 0) return fileStart ? from : this.n;
    const tag = /^<\?(?:php\b|=)?/i.exec(this.text.slice(open, open + 6));
    return open + (tag ? tag[0].length : 2);
  }

  private phpHeredoc(): boolean {
    const { text, i } = this;
    const opener = /^<<<[ \t]*(["']?)([A-Za-z_]\w*)\1\r?\n/.exec(text.slice(i, i + 200));
    if (!opener) return false;
    const closing = new RegExp(`^[ \\t]*${opener[2]}(?!\\w)`, 'gm');
    closing.lastIndex = i + opener[0].length;
    const search = closing.exec(text);
    const end = search ? search.index + search[0].length : this.n;
    this.push(LITERAL, i, end);
    this.lineStart = text.lastIndexOf('\n', end - 1) + 1;
    return true;
  }

  private rubyVariable(): boolean {
    const { text, i } = this;
    let j = i + 1;
    if (text.charCodeAt(j) === 64) j++;
    if (text[i] === '$' && !isLetter(text.charCodeAt(j))) {
      // Special globals: `$!`, `$'`, `$1`.
      this.push(WORD, i, Math.min(j + 1, this.n));
      return true;
    }
    while (j < this.n && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
    if (j === i + 1) return false;
    this.push(WORD, i, j);
    return true;
  }

  private rubySymbol(): boolean {
    const { text, i } = this;
    const next = text.charCodeAt(i + 1);
    if (next === 34 || next === 39) {
      this.push(LITERAL, i, this.scanQuoted(i + 2, next === 34 ? RUBY_DOUBLE : RUBY_SINGLE, 0).end);
      return true;
    }
    if (!isLetter(next)) return false;
    let j = i + 2;
    while (j < this.n && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
    if (/[?!=]/.test(text[j] ?? '') && text[j + 1] !== '=' && text[j + 1] !== '>') j++;
    this.push(LITERAL, i, j);
    return true;
  }

  /** `%w[a b]`, `%q(x)`, `%(x)`, `%i{a}`: strings and lists with a delimiter of their choice. */
  private rubyPercent(): boolean {
    const { text, i } = this;
    let j = i + 1;
    let type = '';
    if (/[qQwWiIrsx]/.test(text[j] ?? '')) type = text[j++];
    const open = text[j] ?? '';
    if (!/[^\w\s]/.test(open) || (type === '' && open === '=')) return false;
    const close = RUBY_PERCENT_CLOSE[open] ?? open;
    let nesting = 1;
    let k = j + 1;
    for (; k < this.n; k++) {
      const c = text[k];
      if (c === '\\') k++;
      else if (c === close && --nesting === 0) break;
      else if (c === open && open !== close) nesting++;
    }
    const end = Math.min(k + 1, this.n);
    if (type === 'q' || type === 'Q' || type === '') {
      const content = text.slice(j + 1, k);
      this.push(STRING, i, end, j + 1, k, !/[\\\n]/.test(content) && (type === 'q' || !content.includes('#{')));
    } else {
      this.push(LITERAL, i, end);
    }
    return true;
  }

  private rubyHeredoc(): boolean {
    const { text, i } = this;
    const opener = /^<<([~-]?)(["'`]?)([A-Za-z_]\w*)\2/.exec(text.slice(i, i + 100));
    if (!opener) return false;
    // A bare `<<NAME` after a value is the shift (or append) operator.
    if (!opener[1] && (!/^[A-Z_]/.test(opener[3]) || !this.valueExpected())) return false;
    this.heredocs.push({ id: opener[3], indented: opener[1] !== '' });
    this.push(LITERAL, i, i + opener[0].length);
    return true;
  }

  /** Skips the bodies of the heredocs opened on the line just ended. */
  private heredocBodies(): void {
    const { text, n } = this;
    let position = this.i;
    for (const { id, indented } of this.heredocs) {
      while (position < n) {
        const lineEnd = text.indexOf('\n', position);
        const end = lineEnd < 0 ? n : lineEnd;
        const line = text.slice(position, end).replace(/\r$/, '');
        position = end;
        if ((indented ? line.trim() : line) === id) break;
        position = end + 1;
      }
    }
    this.heredocs.length = 0;
    this.skipTo(Math.min(position, n));
  }
}

/** The value of the escape sequence at `at` (a backslash) and its length; the value is undefined when it cannot be told. */
function decodeEscape(text: string, at: number, family: Family): [string | undefined, number] {
  const c = text[at + 1];
  switch (c) {
    case undefined: return ['\\', 1];
    case 'n': return ['\n', 2];
    case 't': return ['\t', 2];
    case 'r': return ['\r', 2];
    case 'b': return ['\b', 2];
    case 'f': return ['\f', 2];
    case 'v': return ['\v', 2];
    case '\r': return ['', text[at + 2] === '\n' ? 3 : 2];
    case '\n': {
      // A line continuation; Rust also drops the next line's indentation.
      let end = at + 2;
      if (family === 'rust') while (/[ \t\r\n]/.test(text[end] ?? '')) end++;
      return ['', end - at];
    }
    case 'x': {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(at + 2, at + 4))?.[0];
      return hex ? [String.fromCharCode(parseInt(hex, 16)), 2 + hex.length] : [undefined, 2];
    }
    case 'u':
    case 'U': {
      const braced = c === 'u' && text[at + 2] === '{' ? /^\{([0-9a-fA-F]{1,6})\}/.exec(text.slice(at + 2, at + 10)) : null;
      if (braced) return codePoint(parseInt(braced[1], 16), 2 + braced[0].length);
      const digits = c === 'u' ? 4 : 8;
      const hex = text.slice(at + 2, at + 2 + digits);
      return /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? codePoint(parseInt(hex, 16), 2 + digits) : [undefined, 2];
    }
    default: {
      const octal = /^[0-7]{1,3}/.exec(text.slice(at + 1, at + 4))?.[0];
      if (octal) return [String.fromCharCode(parseInt(octal, 8)), 1 + octal.length];
      // Python and PHP keep the backslash of an escape they do not know.
      return [family === 'python' || family === 'php' ? `\\${c}` : c, 2];
    }
  }
}

function codePoint(value: number, length: number): [string | undefined, number] {
  return value <= 0x10ffff ? [String.fromCodePoint(value), length] : [undefined, length];
}

// ---------------------------------------------------------------------------------------------
// Brace languages: TypeScript/JavaScript, Java, Kotlin, C#, PHP, Rust, Go

/** Deeper nesting of declaration scopes or object maps is not followed. */
const MAX_DEPTH = 64;
/** A type's header (`class X extends Y implements Z`) longer than this has no body to find. */
const MAX_HEADER = 256;

interface Scope {
  readonly kind: 'top' | 'namespace' | 'type';
  readonly containers: readonly string[];
  /** Interface fields are constants without saying so (Java). */
  readonly isInterface?: boolean;
  /** PHP backed enums, whose `case`s bind values. */
  readonly isEnum?: boolean;
}

/** Punctuation at the start of a line that continues the expression of the line before (no statement ends before it). */
const CONTINUES: ReadonlySet<string> = new Set([
  '.', '?.', '+', '-', '*', '/', '%', '**', '&', '|', '^', '&&', '||', '??', '?', ':', '=', '==', '===', '!=', '!==', '<=', ',', '(', '[', '=>',
]);
const CONTINUES_WORDS: ReadonlySet<string> = new Set(['as', 'satisfies', 'instanceof', 'in']);

const TS_FIELD_MODIFIERS: ReadonlySet<string> = new Set(['readonly', 'override', 'declare', 'public', 'private', 'protected', 'accessor']);
const JAVA_MODIFIERS: ReadonlySet<string> = new Set(['public', 'protected', 'private', 'static', 'final', 'transient', 'volatile']);
const CSHARP_MODIFIERS: ReadonlySet<string> = new Set(['public', 'protected', 'private', 'internal', 'static', 'readonly', 'const', 'new', 'volatile', 'unsafe', 'file', 'required']);
const CSHARP_ACCESSORS: ReadonlySet<string> = new Set(['get', 'init', 'private', 'protected', 'internal', ';']);
const NOT_A_TYPE_NAME: ReadonlySet<string> = new Set(['extends', 'implements', 'where', 'new', 'of', 'from']);

class BraceReader {
  /** Where a statement ends only at `;`, a line break never ends a declaration. */
  private readonly semicolons: boolean;

  constructor(private readonly s: Tokens, private readonly family: Family, private readonly found: ConstantDefinition[]) {
    this.semicolons = family === 'java' || family === 'csharp' || family === 'php' || family === 'rust';
  }

  read(): void {
    this.walk(0, this.s.length, { kind: 'top', containers: [] }, 0);
    if (this.family === 'php') this.phpDefines();
  }

  private add(name: number, containers: readonly string[], value: number, kind: Kind, status?: number): void {
    this.found.push(this.s.definition(name, containers, value, kind, status));
  }

  /** Walks the declarations of one scope in `[from, to)`; groups nothing claims (bodies, arguments) are skipped whole. */
  private walk(from: number, to: number, scope: Scope, depth: number): void {
    const { s } = this;
    let i = from;
    let statementStart = from;
    while (i < to) {
      const resumed = depth < MAX_DEPTH && s.kinds[i] === WORD && !s.isMember(i) ? this.declaration(i, statementStart, to, scope, depth) : -1;
      if (resumed > i) {
        i = resumed;
        statementStart = i;
      } else if (s.isOpener(i)) {
        i = s.after(i);
        statementStart = i;
      } else {
        if (s.isPunct(i, ';')) statementStart = i + 1;
        i++;
      }
    }
  }

  /** Reads the declaration starting at word `i`, if it is one this language binds strings with; returns where to go on, or -1. */
  private declaration(i: number, statementStart: number, to: number, scope: Scope, depth: number): number {
    switch (this.family) {
      case 'js': return this.typescript(i, to, scope, depth);
      case 'java': return this.java(i, statementStart, to, scope, depth);
      case 'kotlin': return this.kotlin(i, to, scope, depth);
      case 'csharp': return this.csharp(i, statementStart, to, scope, depth);
      case 'php': return this.php(i, to, scope, depth);
      case 'rust': return this.rust(i, to, scope, depth);
      case 'go': return scope.kind === 'top' ? this.go(i) : -1;
      default: return -1;
    }
  }

  // --- shared pieces

  private isName(i: number): boolean {
    return this.s.isWord(i) && !NOT_A_TYPE_NAME.has(this.s.text(i));
  }

  /** A name: a word, or a quoted key or member (`'bad-request': …`). */
  private isKey(i: number): boolean {
    return this.s.isWord(i) || this.s.isPlainString(i);
  }

  /**
   * The `{` that opens the body of the type or namespace whose header starts at `from`, or -1 when the
   * declaration has none (`record P(int x);`, `mod m;`). Angle brackets are counted, so a `{` inside generics is not it.
   */
  private bodyOf(from: number, to: number): number {
    const { s } = this;
    let angles = 0;
    const limit = Math.min(to, from + MAX_HEADER);
    for (let k = from; k < limit;) {
      if (s.kinds[k] === PUNCT) {
        if (s.isPunct(k, '{') && angles <= 0) return k;
        if (s.isPunct(k, ';') || s.isPunct(k, '=>') || s.isPunct(k, '}') || s.isPunct(k, ')') || s.isPunct(k, ']')) return -1;
        if (s.isPunct(k, '<')) angles++;
        else if (s.isPunct(k, '>')) angles--;
        if (s.isOpener(k)) {
          k = s.after(k);
          continue;
        }
      } else if (this.family === 'kotlin' && s.kinds[k] === WORD && s.lineBreak(k) && angles <= 0 && !s.isWord(k, 'where') && !s.isPunct(k - 1, ':') && !s.isPunct(k - 1, ',')) {
        // Kotlin statements end with their line: a class without a body is followed by the next declaration.
        return -1;
      }
      k++;
    }
    return -1;
  }

  /** Walks the body of a type or namespace that opens at `open` and returns where to go on. */
  private body(open: number, scope: Scope, depth: number): number {
    this.walk(open + 1, this.s.contentEnd(open), scope, depth + 1);
    return this.s.after(open);
  }

  private continuesLine(k: number): boolean {
    const { s } = this;
    return s.kinds[k] === PUNCT ? CONTINUES.has(s.text(k)) : s.kinds[k] === WORD && CONTINUES_WORDS.has(s.text(k));
  }

  /** Whether a declaration's value ends at token `k`: at `;` or `,`, or (where line breaks end statements) at a new line. */
  private endsValue(k: number, to: number): boolean {
    const { s } = this;
    if (k >= to) return true;
    if (s.isPunct(k, ';') || s.isPunct(k, ',') || s.isPunct(k, '}')) return true;
    return !this.semicolons && s.lineBreak(k) && !this.continuesLine(k);
  }

  /** The end of a type annotation starting at `from`: the `=` after it, or where the statement ends. */
  private skipType(from: number, to: number): number {
    const { s } = this;
    let angles = 0;
    return s.seek(from, to, (k) => {
      if (s.kinds[k] === PUNCT) {
        if (s.isPunct(k, '<')) angles++;
        else if (s.isPunct(k, '>')) angles--;
        else if (angles <= 0 && (s.isPunct(k, '=') || s.isPunct(k, ';') || s.isPunct(k, ',') || s.text(k) in CLOSER_OF)) return true;
      }
      return k > from && angles <= 0 && !this.semicolons && s.lineBreak(k) && !this.continuesLine(k) && !s.isPunct(k - 1, '|') && !s.isPunct(k - 1, '&');
    });
  }

  /** Past `as const`, `as Code`, `satisfies Record<string, string>` after a value. */
  private skipAssertions(from: number, to: number): number {
    const { s } = this;
    let k = from;
    while (s.isWord(k, 'as') || s.isWord(k, 'satisfies')) k = s.isWord(k + 1, 'const') ? k + 2 : this.skipType(k + 1, to);
    return k;
  }

  /** The modifiers before the type at `typeIndex` back to the statement's start, or undefined when anything else comes first. */
  private modifiersBefore(typeIndex: number, statementStart: number, modifiers: ReadonlySet<string>): Set<string> | undefined {
    const { s } = this;
    const seen = new Set<string>();
    for (let k = typeIndex - 1; k >= statementStart; k--) {
      if (s.kinds[k] === WORD && modifiers.has(s.text(k))) {
        seen.add(s.text(k));
        continue;
      }
      // Java annotations: `@Deprecated`, `@javax.annotation.Nonnull`.
      let name = k;
      while (s.isWord(name) && s.isPunct(name - 1, '.') && s.isWord(name - 2)) name -= 2;
      if (!s.isWord(name) || !s.isPunct(name - 1, '@')) return undefined;
      k = name - 1;
    }
    return seen;
  }

  /** `NAME = "x"` (`, NAME = "y"`)* ending at `;`; returns the index after it, or -1 when the first does not match. */
  private declarators(from: number, to: number, containers: readonly string[], kind: Kind): number {
    const { s } = this;
    let k = from;
    for (;;) {
      if (!(this.isName(k) && s.isPunct(k + 1, '=') && s.isPlainString(k + 2))) return k > from ? k : -1;
      const end = k + 3;
      if (!this.endsValue(end, to)) return k > from ? end : -1;
      this.add(k, containers, k + 2, kind);
      if (!s.isPunct(end, ',')) return end;
      k = end + 1;
    }
  }

  /** The constants of a Java or Kotlin enum, `NAME("code", HttpStatus.X, …)`, up to the `;` that ends them; returns where the members start. */
  private enumConstants(open: number, containers: readonly string[]): number {
    const { s } = this;
    const end = s.contentEnd(open);
    let k = open + 1;
    while (k < end) {
      while (s.isPunct(k, '@') && s.isWord(k + 1)) {
        k += 2;
        while (s.isPunct(k, '.') && s.isWord(k + 1)) k += 2;
        if (s.isPunct(k, '(')) k = s.after(k);
      }
      if (s.isPunct(k, ';')) return k + 1;
      if (!this.isName(k)) return k;
      const name = k++;
      if (s.isPunct(k, '(')) {
        const { value, status } = s.codeArguments(s.split(k + 1, s.contentEnd(k)));
        if (value >= 0) this.add(name, containers, value, 'enum-argument', status);
        k = s.after(k);
      }
      if (s.isPunct(k, '{')) k = s.after(k);
      if (s.isPunct(k, ',')) k++;
      else return s.isPunct(k, ';') ? k + 1 : k;
    }
    return end;
  }

  /** A type whose body holds enum constants first, then members. */
  private enumBody(open: number, containers: readonly string[], depth: number): number {
    this.walk(this.enumConstants(open, containers), this.s.contentEnd(open), { kind: 'type', containers }, depth + 1);
    return this.s.after(open);
  }

  // --- TypeScript and JavaScript

  private typescript(i: number, to: number, scope: Scope, depth: number): number {
    const { s } = this;
    if (scope.kind === 'type') return s.isWord(i, 'static') ? this.tsStatic(i, to, scope) : -1;
    switch (s.text(i)) {
      case 'const':
        if (s.isPunct(i - 1, '<') || s.isWord(i - 1, 'as')) return -1;
        return s.isWord(i + 1, 'enum') ? this.tsEnum(i + 1, scope) : this.tsConst(i, to, scope, depth);
      case 'enum':
        return this.tsEnum(i, scope);
      case 'class': {
        if (!this.isName(i + 1)) return -1;
        const open = this.bodyOf(i + 2, to);
        return open < 0 ? -1 : this.body(open, { kind: 'type', containers: [...scope.containers, s.text(i + 1)] }, depth);
      }
      case 'namespace':
      case 'module':
      case 'global': {
        // `namespace A.B { }`, `declare module 'x' { }`, `declare global { }`.
        const names: string[] = [];
        let k = i + 1;
        if (s.isWord(i, 'global')) {
          if (!s.isWord(i - 1, 'declare')) return -1;
        } else if (s.kinds[k] === STRING) {
          k++;
        } else {
          while (this.isName(k)) {
            names.push(s.text(k));
            k += s.isPunct(k + 1, '.') ? 2 : 1;
          }
          if (names.length === 0) return -1;
        }
        return s.isPunct(k, '{') ? this.body(k, { kind: 'namespace', containers: [...scope.containers, ...names] }, depth) : -1;
      }
      default:
        return -1;
    }
  }

  private tsConst(i: number, to: number, scope: Scope, depth: number): number {
    const { s } = this;
    let k = i + 1;
    for (;;) {
      if (!this.isName(k)) return k;
      const name = k++;
      if (s.isPunct(k, '!')) k++;
      if (s.isPunct(k, ':')) k = this.skipType(k + 1, to);
      if (!s.isPunct(k, '=')) return k;
      const value = k + 1;
      const frozen = s.isWord(value, 'Object') && s.isPunct(value + 1, '.') && s.isWord(value + 2, 'freeze') && s.isPunct(value + 3, '(') && s.isPunct(value + 4, '{');
      let end: number;
      if (s.isPlainString(value)) {
        end = this.skipAssertions(value + 1, to);
        if (this.endsValue(end, to)) this.add(name, scope.containers, value, 'constant');
      } else if (s.isPunct(value, '{') || frozen) {
        end = this.skipAssertions(s.after(frozen ? value + 3 : value), to);
        if (this.endsValue(end, to)) this.objectMembers(frozen ? value + 4 : value, [...scope.containers, s.text(name)], depth);
      } else {
        end = this.expressionEnd(value, to);
      }
      if (!s.isPunct(end, ',')) return end;
      k = end + 1;
    }
  }

  /** The end of an initializer: the `,` or `;` after it, or the line break that ends its statement. */
  private expressionEnd(from: number, to: number): number {
    const { s } = this;
    return s.seek(from, to, (k) => {
      if (s.kinds[k] === PUNCT && (s.isPunct(k, ',') || s.isPunct(k, ';') || s.text(k) in CLOSER_OF)) return true;
      return k > from && s.lineBreak(k) && !this.continuesLine(k - 1) && this.endsValue(k, to);
    });
  }

  /** `{ A: 'x', 'b-c': 'y', nested: { C: 'z' } }`: string members, and nested maps with their key as a container. */
  private objectMembers(open: number, containers: readonly string[], depth: number): void {
    const { s } = this;
    for (const [start, end] of s.split(open + 1, s.contentEnd(open))) {
      if (!this.isKey(start) || !s.isPunct(start + 1, ':')) continue;
      const value = start + 2;
      if (s.isPlainString(value) && this.skipAssertions(value + 1, end) === end) {
        this.add(start, containers, value, 'object-member');
      } else if (s.isPunct(value, '{') && depth < MAX_DEPTH && this.skipAssertions(s.after(value), end) === end) {
        this.objectMembers(value, [...containers, s.text(start)], depth + 1);
      }
    }
  }

  /** `enum E { A = 'x', 'b-c' = 'y', N = 1 }`: the string members. */
  private tsEnum(i: number, scope: Scope): number {
    const { s } = this;
    if (!this.isName(i + 1) || !s.isPunct(i + 2, '{')) return -1;
    const open = i + 2;
    const containers = [...scope.containers, s.text(i + 1)];
    for (const [start, end] of s.split(open + 1, s.contentEnd(open))) {
      if (this.isKey(start) && end === start + 3 && s.isPunct(start + 1, '=') && s.isPlainString(start + 2)) this.add(start, containers, start + 2, 'enum-member');
    }
    return s.after(open);
  }

  /** `static readonly A = 'x'`, `static A: string = 'x'` in a class body. */
  private tsStatic(i: number, to: number, scope: Scope): number {
    const { s } = this;
    let k = i + 1;
    while (s.isWord(k) && TS_FIELD_MODIFIERS.has(s.text(k)) && this.isKey(k + 1)) k++;
    if (!this.isKey(k)) return -1;
    const name = k++;
    if (s.isPunct(k, '?') || s.isPunct(k, '!')) k++;
    if (s.isPunct(k, ':')) k = this.skipType(k + 1, to);
    if (!s.isPunct(k, '=') || !s.isPlainString(k + 1)) return -1;
    const end = this.skipAssertions(k + 2, to);
    if (!this.endsValue(end, to)) return -1;
    this.add(name, scope.containers, k + 1, 'class-constant');
    return end;
  }

  // --- Java

  private java(i: number, statementStart: number, to: number, scope: Scope, depth: number): number {
    const { s } = this;
    const word = s.text(i);
    if (word === 'class' || word === 'interface' || word === 'enum' || (word === 'record' && s.isPunct(i + 2, '('))) {
      if (!this.isName(i + 1)) return -1;
      const open = this.bodyOf(i + 2, to);
      if (open < 0) return -1;
      const containers = [...scope.containers, s.text(i + 1)];
      return word === 'enum' ? this.enumBody(open, containers, depth) : this.body(open, { kind: 'type', containers, isInterface: word === 'interface' }, depth);
    }
    if (scope.kind !== 'type') return -1;
    const typeEnd = word === 'String' ? i + 1
      : word === 'java' && s.isPunct(i + 1, '.') && s.isWord(i + 2, 'lang') && s.isPunct(i + 3, '.') && s.isWord(i + 4, 'String') ? i + 5
      : -1;
    if (typeEnd < 0) return -1;
    const modifiers = this.modifiersBefore(i, statementStart, JAVA_MODIFIERS);
    if (!modifiers || !(scope.isInterface || (modifiers.has('static') && modifiers.has('final')))) return -1;
    return this.declarators(typeEnd, to, scope.containers, 'class-constant');
  }

  // --- Kotlin

  private kotlin(i: number, to: number, scope: Scope, depth: number): number {
    const { s } = this;
    const word = s.text(i);
    if (word === 'const' && s.isWord(i + 1, 'val')) {
      let k = i + 2;
      if (!this.isName(k)) return -1;
      const name = k++;
      if (s.isPunct(k, ':')) k = this.skipType(k + 1, to);
      if (!s.isPunct(k, '=') || !s.isPlainString(k + 1) || !this.endsValue(k + 2, to)) return -1;
      this.add(name, scope.containers, k + 1, scope.kind === 'top' ? 'constant' : 'class-constant');
      return k + 2;
    }
    if (word === 'companion' && s.isWord(i + 1, 'object')) {
      // Its constants are reached through the class: `Order.NOT_FOUND`.
      const open = this.bodyOf(i + 2, to);
      return open < 0 ? -1 : this.body(open, { kind: 'type', containers: scope.containers }, depth);
    }
    if ((word === 'class' || word === 'interface' || word === 'object') && !s.isPunct(i - 1, '::') && this.isName(i + 1)) {
      const open = this.bodyOf(i + 2, to);
      if (open < 0) return -1;
      const containers = [...scope.containers, s.text(i + 1)];
      return word === 'class' && s.isWord(i - 1, 'enum') ? this.enumBody(open, containers, depth) : this.body(open, { kind: 'type', containers }, depth);
    }
    return -1;
  }

  // --- C#

  private csharp(i: number, statementStart: number, to: number, scope: Scope, depth: number): number {
    const { s } = this;
    switch (s.text(i)) {
      case 'class':
      case 'struct':
      case 'interface':
      case 'record': {
        const nameAt = s.isWord(i, 'record') && (s.isWord(i + 1, 'class') || s.isWord(i + 1, 'struct')) ? i + 2 : i + 1;
        if (!this.isName(nameAt)) return -1;
        const open = this.bodyOf(nameAt + 1, to);
        return open < 0 ? -1 : this.body(open, { kind: 'type', containers: [...scope.containers, s.text(nameAt)] }, depth);
      }
      case 'namespace': {
        // Namespaces are imported, not written before a constant: they add no container.
        const open = this.bodyOf(i + 1, to);
        return open < 0 ? -1 : this.body(open, { kind: 'namespace', containers: scope.containers }, depth);
      }
      case 'string':
      case 'String':
      case 'System':
        return scope.kind === 'type' ? this.csharpMember(i, statementStart, to, scope) : -1;
      default:
        return -1;
    }
  }

  /** `const string A = "x";`, `static readonly string A = "x";`, `static string A => "x";`, `static string A { get; } = "x";`. */
  private csharpMember(i: number, statementStart: number, to: number, scope: Scope): number {
    const { s } = this;
    const typeEnd = !s.isWord(i, 'System') ? i + 1 : s.isPunct(i + 1, '.') && s.isWord(i + 2, 'String') ? i + 3 : -1;
    if (typeEnd < 0 || !this.isName(typeEnd)) return -1;
    const modifiers = this.modifiersBefore(i, statementStart, CSHARP_MODIFIERS);
    if (!modifiers) return -1;
    const isStatic = modifiers.has('static');
    const after = typeEnd + 1;
    if (s.isPunct(after, '=')) {
      return modifiers.has('const') || (isStatic && modifiers.has('readonly')) ? this.declarators(typeEnd, to, scope.containers, 'class-constant') : -1;
    }
    if (!isStatic) return -1;
    if (s.isPunct(after, '=>') && s.isPlainString(after + 1) && s.isPunct(after + 2, ';')) {
      this.add(typeEnd, scope.containers, after + 1, 'class-constant');
      return after + 3;
    }
    if (!s.isPunct(after, '{')) return -1;
    const accessorsEnd = s.contentEnd(after);
    if (s.isWord(after + 1, 'get') && s.isPunct(after + 2, '=>') && s.isPlainString(after + 3) && s.isPunct(after + 4, ';') && accessorsEnd === after + 5) {
      this.add(typeEnd, scope.containers, after + 3, 'class-constant');
      return s.after(after);
    }
    for (let k = after + 1; k < accessorsEnd; k++) if (!CSHARP_ACCESSORS.has(s.text(k))) return -1;
    const initializer = s.after(after);
    if (!s.isPunct(initializer, '=') || !s.isPlainString(initializer + 1) || !s.isPunct(initializer + 2, ';')) return -1;
    this.add(typeEnd, scope.containers, initializer + 1, 'class-constant');
    return initializer + 3;
  }

  // --- PHP

  private php(i: number, to: number, scope: Scope, depth: number): number {
    const { s } = this;
    const word = s.text(i);
    switch (word) {
      case 'class':
      case 'interface':
      case 'trait':
      case 'enum': {
        if (s.isWord(i - 1, 'new') || !this.isName(i + 1)) return -1;
        const open = this.bodyOf(i + 2, to);
        return open < 0 ? -1 : this.body(open, { kind: 'type', containers: [...scope.containers, s.text(i + 1)], isEnum: word === 'enum' }, depth);
      }
      case 'namespace': {
        const open = this.bodyOf(i + 1, to);
        return open < 0 ? -1 : this.body(open, { kind: 'namespace', containers: scope.containers }, depth);
      }
      case 'const': {
        // `const A = 'x', B = 'y';`, typed since PHP 8.3: `const string A = 'x';`.
        const first = this.isName(i + 1) && this.isName(i + 2) ? i + 2 : i + 1;
        return this.declarators(first, to, scope.containers, scope.kind === 'type' ? 'class-constant' : 'constant');
      }
      case 'case': {
        if (!scope.isEnum || !this.isName(i + 1) || !s.isPunct(i + 2, '=') || !s.isPlainString(i + 3) || !s.isPunct(i + 4, ';')) return -1;
        this.add(i + 1, scope.containers, i + 3, 'enum-member');
        return i + 5;
      }
      default:
        return -1;
    }
  }

  /** `define('A', 'x')` wherever it is called: the constant is global all the same. */
  private phpDefines(): void {
    const { s } = this;
    for (let i = 0; i < s.length; i++) {
      if (!s.isWord(i, 'define') || s.isMember(i) || s.isWord(i - 1, 'function') || !s.isPunct(i + 1, '(')) continue;
      if (s.isPlainString(i + 2) && s.isPunct(i + 3, ',') && s.isPlainString(i + 4) && (s.isPunct(i + 5, ')') || s.isPunct(i + 5, ','))) this.add(i + 2, [], i + 4, 'constant');
    }
  }

  // --- Rust

  private rust(i: number, to: number, scope: Scope, depth: number): number {
    const { s } = this;
    const word = s.text(i);
    switch (word) {
      case 'mod':
      case 'trait': {
        if (!this.isName(i + 1)) return -1;
        const open = word === 'mod' ? (s.isPunct(i + 2, '{') ? i + 2 : -1) : this.bodyOf(i + 2, to);
        return open < 0 ? -1 : this.body(open, { kind: word === 'mod' ? 'namespace' : 'type', containers: [...scope.containers, s.text(i + 1)] }, depth);
      }
      case 'impl': {
        const type = this.implType(i + 1, to);
        return type ? this.body(type.open, { kind: 'type', containers: [...scope.containers, type.name] }, depth) : -1;
      }
      case 'const':
      case 'static': {
        // `const A: &str = "x";`, `pub const A: &'static str = "x";`
        if (s.isPunct(i - 1, '*') || !this.isName(i + 1) || !s.isPunct(i + 2, ':') || !s.isPunct(i + 3, '&')) return -1;
        let k = i + 4;
        if (s.kinds[k] === LITERAL && s.source.charCodeAt(s.starts[k]) === 39) k++;
        if (!s.isWord(k, 'str') || !s.isPunct(k + 1, '=') || !s.isPlainString(k + 2) || !s.isPunct(k + 3, ';')) return -1;
        this.add(i + 1, scope.containers, k + 2, scope.kind === 'type' ? 'class-constant' : 'constant');
        return k + 4;
      }
      default:
        return -1;
    }
  }

  /** The type an `impl` block is for (`impl<T> Display for Code<T> where … {` is for `Code`) and its body. */
  private implType(from: number, to: number): { name: string; open: number } | undefined {
    const { s } = this;
    const open = this.bodyOf(from, to);
    if (open < 0) return undefined;
    let name: string | undefined;
    let angles = 0;
    for (let k = from; k < open; k++) {
      if (s.isPunct(k, '<')) angles++;
      else if (s.isPunct(k, '>')) angles--;
      else if (s.kinds[k] === WORD && angles === 0) {
        if (s.isWord(k, 'where')) break;
        if (s.isWord(k, 'for')) name = undefined;
        else if (!s.isWord(k, 'dyn') && !s.isWord(k, 'mut')) name = s.text(k);
      }
    }
    return name ? { name, open } : undefined;
  }

  // --- Go

  /** `const A = "x"`, `const A Code = "x"`, `const ( … )` and `var` alike, at the top level only. */
  private go(i: number): number {
    const { s } = this;
    const isConst = s.isWord(i, 'const');
    if ((!isConst && !s.isWord(i, 'var')) || !(s.lineBreak(i) || s.isPunct(i - 1, ';'))) return -1;
    const specEnd = (from: number, to: number) => s.seek(from, to, (m) => s.lineBreak(m) || s.isPunct(m, ';'));
    if (s.isPunct(i + 1, '(')) {
      const end = s.contentEnd(i + 1);
      for (let k = i + 2; k < end;) {
        const next = specEnd(k + 1, end);
        this.goSpec(k, next, isConst);
        k = s.isPunct(next, ';') ? next + 1 : next;
      }
      return s.after(i + 1);
    }
    const end = specEnd(i + 2, s.length);
    this.goSpec(i + 1, end, isConst);
    return end;
  }

  private goSpec(from: number, to: number, isConst: boolean): void {
    const { s } = this;
    const names: number[] = [];
    let k = from;
    while (this.isName(k)) {
      names.push(k++);
      if (!s.isPunct(k, ',')) break;
      k++;
    }
    if (names.length === 0) return;
    k = s.seek(k, to, (m) => s.isPunct(m, '='));
    if (k >= to) return;
    s.split(k + 1, to).forEach(([start, end], index) => {
      if (index >= names.length) return;
      if (end === start + 1 && s.isPlainString(start)) {
        this.add(names[index], [], start, 'constant');
        return;
      }
      // A typed constant written as a conversion: `Code("x")`, `apierr.Code("x")`.
      const call = s.isPunct(start + 1, '(') ? start + 1 : s.isPunct(start + 1, '.') && s.isPunct(start + 3, '(') ? start + 3 : -1;
      if (isConst && call > start && this.isName(call - 1) && s.isPlainString(call + 1) && s.contentEnd(call) === call + 2 && s.after(call) === end) {
        this.add(names[index], [], call + 1, 'constant');
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Python: module constants at column 0 and class attributes, by indentation

interface PythonBlock {
  readonly indent: number;
  readonly kind: 'class' | 'def' | 'other';
  readonly name: string;
  readonly isEnum: boolean;
}

function readPython(s: Tokens, found: ConstantDefinition[]): void {
  const blocks: PythonBlock[] = [];
  let lineIndent = 0;
  for (let i = 0; i < s.length;) {
    // One statement: to the next line break outside brackets (not after `\`), or to `;`.
    const end = s.seek(s.isOpener(i) ? s.after(i) : i + 1, s.length, (k) => (s.lineBreak(k) && !s.isPunct(k - 1, '\\')) || s.isPunct(k, ';'));
    if (s.lineBreak(i)) {
      lineIndent = s.indents[i];
      while (blocks.length > 0 && blocks[blocks.length - 1].indent >= lineIndent) blocks.pop();
    }
    if (s.isPunct(end - 1, ':') && s.kinds[i] === WORD) {
      blocks.push(pythonBlock(s, i, lineIndent));
    } else if (blocks.every((block) => block.kind === 'class') && (blocks.length > 0 || lineIndent === 0)) {
      pythonAssignment(s, i, end, blocks, found);
    }
    i = s.isPunct(end, ';') ? end + 1 : end;
  }
}

function pythonBlock(s: Tokens, i: number, indent: number): PythonBlock {
  if (s.isWord(i, 'class') && s.isWord(i + 1)) {
    let isEnum = false;
    if (s.isPunct(i + 2, '(')) {
      for (let k = i + 3; k < s.contentEnd(i + 2); k++) isEnum ||= s.kinds[k] === WORD && /(?:Enum|Choices)$/.test(s.text(k));
    }
    return { indent, kind: 'class', name: s.text(i + 1), isEnum };
  }
  return { indent, kind: s.isWord(i, 'def') || s.isWord(i, 'async') ? 'def' : 'other', name: '', isEnum: false };
}

/** `A = "x"`, `A: Final = "x"`, and in an enum `A = ("x", 404)`. */
function pythonAssignment(s: Tokens, i: number, end: number, blocks: readonly PythonBlock[], found: ConstantDefinition[]): void {
  // Dunder and sunder names (`__version__`, `_order_`) are the language's, not the code's.
  if (!s.isWord(i) || /^_.*_$/.test(s.text(i))) return;
  const inClass = blocks.length > 0;
  let k = i + 1;
  if (s.isPunct(k, ':')) {
    const equals = s.seek(k + 1, end, (m) => s.isPunct(m, '='));
    // In a class, an annotated name is a field (dataclass, pydantic) unless it says it is constant.
    let constant = !inClass;
    for (let m = k + 1; m < equals; m++) constant ||= s.isWord(m, 'Final') || s.isWord(m, 'ClassVar');
    if (!constant) return;
    k = equals;
  }
  if (!s.isPunct(k, '=')) return;
  const containers = blocks.map((block) => block.name);
  const enclosing = blocks[blocks.length - 1];
  const value = k + 1;
  if (s.isPlainString(value) && value + 1 === end) {
    found.push(s.definition(i, containers, value, !inClass ? 'constant' : enclosing.isEnum ? 'enum-member' : 'class-constant'));
    return;
  }
  if (!enclosing?.isEnum) return;
  const parts = s.isPunct(value, '(') && s.after(value) === end ? s.split(value + 1, s.contentEnd(value)) : s.split(value, end);
  if (parts.length < 2) return;
  const { value: code, status } = s.codeArguments(parts);
  if (code >= 0) found.push(s.definition(i, containers, code, 'enum-argument', status));
}

// ---------------------------------------------------------------------------------------------
// Ruby: constants in modules and classes, by `module`/`class`/`def`/`end`

interface RubyBlock {
  readonly kind: 'namespace' | 'def' | 'singleton' | 'block';
  readonly names: readonly string[];
}

/** Words after which `if`, `while` and the rest open a block rather than modify a statement. */
const RUBY_EXPRESSION_AFTER: ReadonlySet<string> = new Set(['and', 'or', 'not', 'then', 'do', 'else', 'begin', 'when', 'in', 'yield']);

function readRuby(s: Tokens, found: ConstantDefinition[]): void {
  const blocks: RubyBlock[] = [];
  const open = (kind: RubyBlock['kind'], names: readonly string[] = []) => blocks.push({ kind, names });
  // `while x do … end` has one `end`: its `do` opens nothing.
  let loopAwaitsDo = false;
  for (let i = 0; i < s.length;) {
    const statementStart = rubyStatementStart(s, i);
    if (statementStart) loopAwaitsDo = false;
    if (s.isOpener(i)) {
      i = s.after(i);
      continue;
    }
    const label = s.isPunct(i + 1, ':') && s.starts[i + 1] === s.ends[i];
    if (s.kinds[i] !== WORD || s.isMember(i) || label) {
      i++;
      continue;
    }
    const word = s.text(i);
    switch (word) {
      case 'module':
      case 'class': {
        if (s.isPunct(i + 1, '<<')) {
          open('singleton');
          i += 2;
          continue;
        }
        const path = rubyConstantPath(s, i + 1);
        open(path.names.length > 0 ? 'namespace' : 'block', path.names);
        i = path.end;
        continue;
      }
      case 'def': {
        const { end, endless } = rubyMethodHeader(s, i + 1);
        if (!endless) open('def');
        i = end;
        continue;
      }
      case 'begin':
      case 'case':
        open('block');
        break;
      case 'if':
      case 'unless':
      case 'while':
      case 'until':
        if (statementStart || rubyOpensExpression(s, i)) {
          open('block');
          loopAwaitsDo = word === 'while' || word === 'until';
        }
        break;
      case 'for':
        open('block');
        loopAwaitsDo = true;
        break;
      case 'do':
        if (loopAwaitsDo) loopAwaitsDo = false;
        else open('block');
        break;
      case 'end':
        blocks.pop();
        break;
      default:
        if (statementStart && /^[A-Z]/.test(word) && !blocks.some((block) => block.kind === 'def' || block.kind === 'singleton')) {
          const end = rubyConstant(s, i, blocks, found);
          if (end > i) {
            i = end;
            continue;
          }
        }
    }
    i++;
  }
}

function rubyStatementStart(s: Tokens, i: number): boolean {
  if (i === 0 || s.isPunct(i - 1, ';')) return true;
  if (!s.lineBreak(i)) return false;
  const previous = i - 1;
  if (s.kinds[previous] === WORD) return !(s.isWord(previous, 'and') || s.isWord(previous, 'or') || s.isWord(previous, 'not'));
  // A line ending in an operator or a comma goes on on the next.
  return s.kinds[previous] !== PUNCT || s.isPunct(previous, ')') || s.isPunct(previous, ']') || s.isPunct(previous, '}') || s.isPunct(previous, '|');
}

function rubyOpensExpression(s: Tokens, i: number): boolean {
  if (i === 0) return true;
  if (s.kinds[i - 1] === PUNCT) return !(s.isPunct(i - 1, ')') || s.isPunct(i - 1, ']') || s.isPunct(i - 1, '}'));
  return s.kinds[i - 1] === WORD && RUBY_EXPRESSION_AFTER.has(s.text(i - 1));
}

/** `Foo::Bar` (or `::Foo`) from `from`: its names and the index after it. */
function rubyConstantPath(s: Tokens, from: number): { names: string[]; end: number } {
  const names: string[] = [];
  let k = s.isPunct(from, '::') ? from + 1 : from;
  while (s.isWord(k) && /^[A-Z]/.test(s.text(k))) {
    names.push(s.text(k));
    if (!s.isPunct(k + 1, '::')) return { names, end: k + 1 };
    k += 2;
  }
  return { names, end: Math.max(k, from) };
}

/** Past a method's name and parameters; `def name(args) = expr` (endless) has no `end`. */
function rubyMethodHeader(s: Tokens, from: number): { end: number; endless: boolean } {
  let k = from;
  if ((s.isWord(k) || s.isPunct(k, '::')) && s.isPunct(k + 1, '.')) k += 2;
  if (k >= s.length) return { end: k, endless: false };
  const name = k++;
  // A setter, `def name=(value)`: the `=` belongs to the name.
  if (s.isPunct(k, '=') && s.starts[k] === s.ends[name] && s.isPunct(k + 1, '(')) k++;
  if (s.isPunct(k, '(') && s.starts[k] === s.ends[k - 1]) k = s.after(k);
  return { end: k, endless: s.isPunct(k, '=') && !s.lineBreak(k) };
}

/** `NAME = "x"`, `NAME = 'x'.freeze`, `Foo::NAME = -"x"`, at a statement's start; returns the index after it, or -1. */
function rubyConstant(s: Tokens, i: number, blocks: readonly RubyBlock[], found: ConstantDefinition[]): number {
  const path = rubyConstantPath(s, i);
  if (path.names.length === 0 || !s.isPunct(path.end, '=')) return -1;
  let value = path.end + 1;
  if (s.isPunct(value, '-') && s.isPlainString(value + 1) && s.starts[value + 1] === s.ends[value]) value++;
  if (!s.isPlainString(value)) return -1;
  let end = value + 1;
  if (s.isPunct(end, '.') && s.isWord(end + 1, 'freeze')) end += 2;
  if (end < s.length && !s.lineBreak(end) && !s.isPunct(end, ';')) return -1;
  const containers = [...blocks.flatMap((block) => block.names), ...path.names.slice(0, -1)];
  found.push(s.definition(path.end - 1, containers, value, containers.length > 0 ? 'class-constant' : 'constant'));
  return end;
}

/**
 * Whether a definition names a constant rather than a field: an object's member is one only when
 * it is named like a constant (`TokenExpired: 'TOKEN_EXPIRED'`, `NOT_FOUND: '…'`), never like data
 * (`{ error: { code: 'NOT_FOUND' } }` binds no constant named `code`).
 */
export function isConstantLike(definition: ConstantDefinition): boolean {
  return definition.kind !== 'object-member' || /^[A-Z]/.test(definition.name);
}
