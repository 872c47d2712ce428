/**
 * Reading source text around a position, for any language: the string literal or word under
 * the cursor, whether a number there is an HTTP status, and whether the cursor sits where an
 * error code is expected. Line-local and regex-based on purpose: the same rules serve
 * TypeScript, Python, Go, JSON, Markdown and the rest, and cost microseconds.
 */

export interface TextSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface LineView {
  readonly text: string;
  /** Offset of the line's first character in the document. */
  readonly start: number;
  /** Cursor column within the line. */
  readonly column: number;
}

/**
 * How far either side of the cursor a line is read. Longer lines (minified code, data on one line)
 * are read in this window only, so that every feature costs the same on a 1 MB line as on a short one.
 */
export const LINE_WINDOW = 2000;

/** The line around an offset, or the part of it within {@link LINE_WINDOW} characters of the offset. */
export function lineAt(text: string, offset: number): LineView {
  const floor = Math.max(0, offset - LINE_WINDOW);
  let start = offset;
  while (start > floor && text.charCodeAt(start - 1) !== 10) start--;
  const ceiling = Math.min(text.length, offset + LINE_WINDOW);
  let end = offset;
  while (end < ceiling && text.charCodeAt(end) !== 10) end++;
  const line = text.slice(start, end).replace(/\r$/, '');
  return { text: line, start, column: Math.min(offset - start, line.length) };
}

const QUOTES = new Set(['"', "'", '`']);

/** The quoted string literal on this line that contains the cursor (its content, without quotes). */
export function stringAt(line: LineView): (TextSpan & { quote: string; closed: boolean }) | undefined {
  const { text, column } = line;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (QUOTES.has(ch)) {
      const open = i;
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      const closed = j < text.length;
      if (column > open && column <= j) {
        return { text: text.slice(open + 1, Math.min(j, text.length)), start: line.start + open + 1, end: line.start + Math.min(j, text.length), quote: ch, closed };
      }
      if (!closed) return undefined;
      i = j + 1;
    } else {
      i++;
    }
  }
  return undefined;
}

const CODE_CHAR = /[A-Za-z0-9_\-.:/]/;

/** The run of code-like characters (`ErrorCode.RATE_LIMITED`, `AUTH-401`, `about:blank`) around the cursor. */
export function codeRunAt(line: LineView): TextSpan | undefined {
  const { text, column } = line;
  let start = column;
  let end = column;
  while (start > 0 && CODE_CHAR.test(text[start - 1])) start--;
  while (end < text.length && CODE_CHAR.test(text[end])) end++;
  // Punctuation that ends a sentence or a qualified name is not part of a code.
  while (start < end && /[-.:/]/.test(text[start])) start++;
  while (end > start && /[-.:/]/.test(text[end - 1])) end--;
  if (start >= end || column < start || column > end) return undefined;
  return { text: text.slice(start, end), start: line.start + start, end: line.start + end };
}

export interface CodeCandidate extends TextSpan {
  /** Set when the candidate is the member of a qualified name (`ErrorCode.RateLimited`). */
  readonly qualifier?: string;
}

/**
 * Texts under the cursor that may be an error code, most specific first:
 * the whole string literal, the whole code-like run, then the piece of a qualified name.
 */
export function codeCandidatesAt(text: string, offset: number): CodeCandidate[] {
  const line = lineAt(text, offset);
  const candidates: CodeCandidate[] = [];
  const literal = stringAt(line);
  if (literal && literal.text.length > 0 && literal.text.length <= 200) candidates.push(literal);
  const run = codeRunAt(line);
  if (run) {
    candidates.push(run);
    // Split qualified names on `.`, `::` and `/`, keeping the piece under the cursor and what qualifies it.
    const pieces = run.text.split(/(\.|::|\/)/);
    let position = run.start;
    let qualifier: string | undefined;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      const pieceStart = position;
      position += piece.length;
      if (i % 2 === 1 || piece.length === 0) continue;
      if (offset >= pieceStart && offset <= position && piece !== run.text) {
        candidates.push({ text: piece, start: pieceStart, end: position, qualifier });
      }
      qualifier = piece;
    }
  }
  return candidates;
}

/** Case- and separator-insensitive form: `RATE_LIMITED`, `rate-limited` and `RateLimited` agree. */
export function normalizeCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A qualifier that holds error codes (`ErrorCode`, `codes`, `Errors`), for matching enum-style members. */
export function isCodeQualifier(qualifier: string | undefined): boolean {
  return qualifier !== undefined && /(code|error|err)s?$/i.test(qualifier);
}

// ---- HTTP statuses in source ----

/** A status written as a number in a status position, or as a named constant. */
export interface StatusMention extends TextSpan {
  readonly status: number;
}

/** Calls and keys whose number is an HTTP status: `res.status(`, `status_code=`, `"status": `, `WriteHeader(`. */
const STATUS_BEFORE = new RegExp(
  [
    // a call whose first argument is the status
    String.raw`\b(?:status|sendStatus|writeHead|WriteHeader|abort|throw|createError|http_response_code|StatusCode|Status|JSON|code|HttpResponse|HttpError|HTTPError|HTTPException|HttpException|Problem|Results\.StatusCode|ResponseEntity\.status)\s*\(\s*$`,
    // a key or comparison naming the status
    String.raw`\b(?:status|statusCode|status_code|httpStatus|http_status|httpStatusCode|statusCodeValue|StatusCode|response_code|responseCode)["']?\s*(?:[:=]|=>|[=!]==?|<=?|>=?)\s*$`,
    // a status after another argument, in calls whose last argument is the status
    String.raw`\b(?:json|JSONResponse|HttpException|HTTPException|HttpError|Response|ResponseEntity|abort|render|new\s+\w*Exception)\s*\(.*,\s*$`,
    // prose and protocol text: "HTTP 429", "HTTP/1.1 429", "status 429"
    String.raw`\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?:\s+code)?)\s+$`,
  ].join('|'),
  'i',
);

export function statusNumberAt(text: string, offset: number, reasonOf: (status: number) => string | undefined): StatusMention | undefined {
  const line = lineAt(text, offset);
  let start = line.column;
  let end = line.column;
  while (start > 0 && /\d/.test(line.text[start - 1])) start--;
  while (end < line.text.length && /\d/.test(line.text[end])) end++;
  if (end - start !== 3 || /[\w.]/.test(line.text[start - 1] ?? '') || /[\w.]/.test(line.text[end] ?? '')) return undefined;
  const status = Number(line.text.slice(start, end));
  if (status < 100 || status > 599) return undefined;
  const before = line.text.slice(Math.max(0, start - 80), start);
  if (!STATUS_BEFORE.test(before)) {
    const after = line.text.slice(end, end + 60);
    const reason = reasonOf(status);
    if (!(reason !== undefined && reasonAhead(reason).test(after)) && !/^\s*[-–:]?\s*\**(?:too many requests|not found|internal server error)/i.test(after)) return undefined;
  }
  return { text: line.text.slice(start, end), start: line.start + start, end: line.start + end, status };
}

const reasonPatterns = new Map<string, RegExp>();

/** A status's reason phrase right after it (`429 Too Many Requests`, `404: **Not Found**`), compiled once per phrase. */
function reasonAhead(reason: string): RegExp {
  let pattern = reasonPatterns.get(reason);
  if (!pattern) {
    // Phrases come from catalogs that may be edited all day: the cache never outgrows a few statuses' worth.
    if (reasonPatterns.size >= 1000) reasonPatterns.clear();
    reasonPatterns.set(reason, (pattern = new RegExp(String.raw`^\s*[-–:]?\s*\**${escapeRegExp(reason)}`, 'i')));
  }
  return pattern;
}

/** The index of the last element of `sorted` that is at most `value` (-1 if none), by binary search. */
export function lastAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid - 1;
  }
  return high;
}

/** Text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Qualifiers of enum-style status constants: `HttpStatus.TOO_MANY_REQUESTS`, `StatusCode::NOT_FOUND`. */
const STATUS_QUALIFIER = /^(?:http|HttpStatus|HTTPStatus|HttpStatusCode|HttpStatusCodes|StatusCode|StatusCodes|Status|status|HTTP|Response|HttpResponse|HttpURLConnection)$/;

/**
 * A named status constant under the cursor: Go `http.StatusTooManyRequests`, ASP.NET
 * `Status429TooManyRequests`, Python `HTTP_429_TOO_MANY_REQUESTS` and `HTTPStatus.TOO_MANY_REQUESTS`,
 * Java `HttpStatus.TOO_MANY_REQUESTS`, Rust `StatusCode::TOO_MANY_REQUESTS`, Rails `status: :too_many_requests`.
 */
export function statusConstantAt(text: string, offset: number, statusOfName: (normalizedName: string) => number | undefined): StatusMention | undefined {
  const line = lineAt(text, offset);
  let start = line.column;
  let end = line.column;
  while (start > 0 && /\w/.test(line.text[start - 1])) start--;
  while (end < line.text.length && /\w/.test(line.text[end])) end++;
  if (start >= end) return undefined;
  const word = line.text.slice(start, end);
  const before = line.text.slice(0, start);
  const qualifier = /(\w+)\s*(?:\.|::)\s*$/.exec(before)?.[1];
  const span = { text: word, start: line.start + start, end: line.start + end };

  const prefixed = /^(?:Status|HTTP_?|SC_|HTTP_STATUS_)(\d{3})?_?([A-Za-z_]\w*)?$/.exec(word);
  if (prefixed && (prefixed[1] || prefixed[2])) {
    const digits = prefixed[1] ? Number(prefixed[1]) : undefined;
    const named = prefixed[2] ? statusOfName(normalizeCode(prefixed[2])) : undefined;
    if (digits !== undefined && digits >= 100 && digits <= 599 && (named === undefined || named === digits)) return { ...span, status: digits };
    if (digits === undefined && named !== undefined) return { ...span, status: named };
  }
  if (qualifier && STATUS_QUALIFIER.test(qualifier)) {
    const named = statusOfName(normalizeCode(word));
    if (named !== undefined) return { ...span, status: named };
  }
  // Ruby on Rails names statuses as symbols after `status:`.
  if (/\bstatus:\s*:$/.test(before) || /\bhead\s+:$/.test(before)) {
    const named = statusOfName(normalizeCode(word));
    if (named !== undefined) return { ...span, status: named };
  }
  return undefined;
}
