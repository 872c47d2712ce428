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
/** The line holding `offset`: where it starts and ends, and its text (read in the same window around `offset` as `lineAt`). */
export function lineSpan(text: string, offset: number): { readonly start: number; readonly end: number; readonly text: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return { start, end, text: text.slice(Math.max(start, offset - LINE_WINDOW), Math.min(end, offset + LINE_WINDOW)) };
}

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

/**
 * How code names what holds a status (`status`, `statusCode`, `status_code`, `HTTPStatus`, `http_code`,
 * `responseCode`), with the prefixes tests and tables put on it (`wantStatus`, `ExpectedStatus`, `default_status`).
 */
const STATUS_NAME = String.raw`\b(?:(?:want(?:ed)?|expect(?:ed)?|exp|got|actual|default|error|err|response|resp|return(?:ed)?)_?)?(?:get_?)?(?:(?:http_?)?status(?:_?code)?(?:_?value)?|http_?code|response_?code)\b`;

/**
 * The end of an expression that reads a status: `res.status`, `(int)response.StatusCode`,
 * `$response->getStatusCode()`, `tc.wantStatus`, a recorder's `rec.Code`, `body.get("status").asInt()`,
 * `$response['headers']['status-code']`, `jsonPath("$.status")`.
 */
const STATUS_READ = String.raw`(?:${STATUS_NAME}(?:\(\))?|\b(?:rec|recorder|rr|w|rw|res|resp|response|reply)(?:[A-Z0-9]\w*)?\.[Cc]ode\b|["']\$?\.?(?:status|statusCode|status_code|status-code)["']\s*[\])](?:\.\w+\(\))*)\)*`;

/** Assertion calls that compare their arguments: `assertEquals(`, `Assert.Equal(`, `require.Equal(t, `, `assert.equal(`. */
const ASSERT_CALL = String.raw`\b(?:assert\w*|Assert\.\w+|require\.\w+|expect\w*|check\w*|\w*[Ee]qual\w*|[Ss]ame)\s*\(`;

/** What comes before a number that is an HTTP status (other statuses listed before it already taken away). */
const STATUS_BEFORE = new RegExp(
  [
    // a call whose first argument is the status
    String.raw`\b(?:status|sendStatus|writeHead|WriteHeader|abort|throw|createError|http_response_code|StatusCode|Status|code|noContent|HttpResponse|HttpError|HTTPError|HTTPException|HttpException|Problem|Results\.StatusCode|ResponseEntity\.status|setStatus|setStatusCode|withStatus|sendError|assertStatus|have_http_status|StatusText|HTTPStatus|redirect|ProducesResponseType|toHaveStatus(?:Code)?|(?:HttpStatus(?:Code)?|HTTPStatus)\.(?:valueOf|resolve)|status\(\)\s*\.\s*is)\s*\(\s*(?:typeof\s*\([^()]*\)\s*,\s*)?$`,
    // supertest: `.expect(404)`
    String.raw`\.expect\(\s*$`,
    // a key, an assignment or a comparison naming the status: `status: `, `wantStatus: `, `rec.Code != `, `status_code in (`
    String.raw`${STATUS_READ}["']?\s*(?:[:=]|:=|=>|[=!]==?|<>|<=?|>=?|\bis\s+(?:not\s+)?|\b(?:not\s+)?in\s*[\[({])\s*$`,
    // a default or a choice of statuses: `err.status || 500`, `$data['status'] ?? 503`, `$status = $failed ? 500 : `
    String.raw`${STATUS_READ}["']?\s*(?:\|\||\?\?|\?:|\bor\b)\s*$`,
    String.raw`${STATUS_READ}["']?\s*(?:[:=]|:=|=>)\s*[^;]{0,80}?\?(?:\s*[1-5]\d\d\s*:)?\s*$`,
    // a matcher on a status: `expect(res.status).toBe(`, `assertThat(response.getStatus()).isEqualTo(`, `.to eq `, `jsonPath("$.status").value(`
    String.raw`${STATUS_READ}\s*\)?\s*\.\s*(?:to(?:Be|Equal|StrictEqual)|isEqualTo|equals?|value|to\s*\(?\s*(?:eq|equal|be)|should\s*(?:==|eq|equal))\s*\(?\s*$`,
    String.raw`\bassertJsonPath\(\s*["'](?:[\w.]*\.)?(?:status|code)["']\s*,\s*$`,
    // a status named by a string before it: `body.put("status", 429)`, `Map.of("status", 400, `
    String.raw`["']${STATUS_NAME}["']\s*,\s*$`,
    // a cast to a status type: `(HttpStatusCode)429`
    String.raw`\(\s*(?:[\w.]*\.)?(?:HttpStatus(?:Code)?|HTTPStatus)\s*\)\s*$`,
    // a collection of statuses: `statuses: [`, `RETRYABLE_STATUS_CODES = frozenset({`
    String.raw`\b\w*(?:statuses|status_?codes)["']?\s*(?:[:=]|:=|=>)[^;=]{0,40}?[\[({]\s*$`,
    // prose and protocol text: "HTTP 429", "HTTP/1.1 429", "status 429"
    String.raw`\b(?:HTTP(?:\/\d(?:\.\d)?)?|status(?:\s+code)?(?:\s+(?:to|of|is|was|be|equals?))?)\s+$`,
  ].join('|'),
  'i',
);

/**
 * Helpers and classes named as errors whose first argument is the status (`new ApiError(404, `,
 * `HttpError(404)`, `raise ApiError(404`), and `new ProviderError(message, 502)`; not the language's own errors.
 */
const LANGUAGE_ERROR = String.raw`(?:Range|Type|Syntax|Reference|Eval|URI|Index|Key|Value|Attribute|Assertion|Runtime|IllegalArgument|IllegalState|Arithmetic|NumberFormat|Timeout|IO|OS)(?:Error|Exception)\b`;
const ERROR_CLASS_CALL = String.raw`\b(?!${LANGUAGE_ERROR})[A-Z]\w*(?:Error|Exception)\s*\(`;
/** Gin's and Echo's writers, whose first argument is the status: `c.JSON(404, `, `c.String(200, `, `c.AbortWithStatus(401)`. */
const CONTEXT_WRITER = String.raw`\.(?:JSON|IndentedJSON|SecureJSON|PureJSON|AsciiJSON|JSONP|JSONPretty|JSONBlob|XML|XMLPretty|YAML|TOML|ProtoBuf|String|HTML|Data|DataFromReader|Blob|Stream|Redirect|AbortWithStatus|AbortWithStatusJSON|AbortWithError)\s*\(`;
/** Calls named in a case that matters (`c.JSON(` but not `res.json(300)`, which sends 300 as the body). */
const CASED_BEFORE = new RegExp(String.raw`(?:${ERROR_CLASS_CALL}|${CONTEXT_WRITER})\s*$`);

/**
 * Calls whose later argument is the status (`res.json(body, 404)`, `JSONResponse(content, 422)`,
 * `new ProviderError(message, 502)`), read further back than the rest since the arguments before it may be long.
 */
const LATER_ARGUMENT = /\b(?:json|jsonify|JSONResponse|JsonResponse|HttpException|HTTPException|HttpError|Response|ResponseEntity|abort|render|make_response|http\.Error|new\s+\w*Exception)\s*\(.*,\s*$/i;
const LATER_ARGUMENT_CASED = new RegExp(String.raw`\bnew\s+${ERROR_CLASS_CALL}.*,\s*$`);

/** Whether the text before a number ends where a status is written: `res.status(`, `status: `, `case `... */
function statusBefore(before: string, longBefore: string): boolean {
  if (STATUS_BEFORE.test(before) || CASED_BEFORE.test(before)) return true;
  return /,\s*$/.test(before) && (LATER_ARGUMENT.test(longBefore) || LATER_ARGUMENT_CASED.test(longBefore));
}

/** A status listed before the number (`case 404, `, `in (429, `, `case 404 | `), taken away so the list reads as one status. */
const LISTED_BEFORE = /(?<![\w.])(?:[1-5]\d\d\s*[,|]\s*)+$/;
/** A status listed after the number. */
const LISTED_AFTER = /^(?:\s*[,|]\s*[1-5]\d\d(?![\w.]))+/;

/** Pieces of assertions and comparisons read on either side of a number. */
const ASSERT_CALL_OPEN = new RegExp(String.raw`${ASSERT_CALL}\s*(?:t\s*,\s*)?$`);
const ASSERT_CALL_ANYWHERE = new RegExp(ASSERT_CALL);
const STATUS_READ_THEN_COMMA = new RegExp(String.raw`${STATUS_READ}["']?\s*,\s*$`, 'i');
const STATUS_READ_LATER = new RegExp(String.raw`^\s*,\s*[^,;]{0,80}?${STATUS_READ}`, 'i');
const YODA_AFTER = new RegExp(String.raw`^\s*(?:[=!]==?|<=?|>=?)\s*[^,;&|)]{0,60}?${STATUS_READ}`, 'i');
const LIST_LOOKUP_AFTER = new RegExp(String.raw`^\s*[\])}]\s*\.\s*(?:includes|contains|Contains|has|include\?|indexOf)\s*\(\s*[^)]{0,60}?${STATUS_READ}`, 'i');

/** What comes after a number that is an HTTP status, with `before` (and `longBefore`, further back) saying where the number stands. */
function statusAfter(before: string, longBefore: string, after: string): boolean {
  // An assertion whose other side is a status: `assert.equal(res.statusCode, 404)`, `Assert.InRange(error.Status, 400, 599)`.
  if (STATUS_READ_THEN_COMMA.test(before) && ASSERT_CALL_ANYWHERE.test(longBefore)) return true;
  // The number first, then what it is compared with: `assertEquals(404, $response->getStatusCode())`, `500 <= res.status`.
  if (ASSERT_CALL_OPEN.test(before) && STATUS_READ_LATER.test(after)) return true;
  if (YODA_AFTER.test(after)) return true;
  const listed = after.replace(LISTED_AFTER, '');
  // A list of statuses that a status is looked up in: `[429, 503].includes(res.status)`.
  if (/[\[({]\s*$/.test(before) && LIST_LOOKUP_AFTER.test(listed)) return true;
  // A Rack response: `[429, { "Content-Type" => ...`.
  return /\[\s*$/.test(before) && /^\s*,\s*\{\s*["'][\w-]+["']\s*=>/.test(after);
}

/**
 * Prose that says a server answers with a status ("answers 404 for an unknown room", "returned 503, so",
 * "returns 404 NoSuchInvoice"), or names one as a noun ("a 500 that says nothing", "(a 500)").
 */
const PROSE_VERB_BEFORE = /\b(?:answer(?:s|ed)|return(?:s|ed)|respond(?:s|ed)?\s+with|repl(?:ies|ied)\s+with|fail(?:s|ed)\s+with|should)\s+$/i;
const PROSE_VERB_AFTER = /^(?:\s*$|\s*[,.;:)'"`]|\s+(?:with|without|for|when|if|and|or|on|instead|because|unless|after|before|from)\b|\s+(?:[A-Z][a-z0-9]+){2,}\b|\s+[A-Z][A-Z0-9]*_[A-Z0-9_]+\b)/;
const PROSE_NOUN_BEFORE = /(?:^|[\s(])an?\s+$/i;
const PROSE_NOUN_AFTER = /^(?:\s*[,.;:)'"`]|\s+(?:that|for|when|if|with|without|instead|because|response|error|status|code)\b)/i;

/** A key that names what holds a status in a map of statuses: `responses:` in OpenAPI, `statuses:` in a catalog. */
const STATUSES_PARENT = /^\s*(?:(?:export\s+)?(?:type|interface|const|let|var)\s+)?["']?\w*(?:responses|statuses|status_?codes)["']?\s*(?:[:=]|=>)?\s*(?:\{|\[|array\()?\s*(?:#.*|\/\/.*)?$/i;

/** Keys that describe an error, beside a `code` that then holds its status (`'code' => 404, 'description' => ...`). */
const ERROR_DESCRIPTION_KEY = String.raw`["']?(?:description|message|msg|detail|title|type|error|reason)["']?\s*(?::(?!:)|=>)`;
/** Such a key anywhere in a line, and such a key starting a line. */
const ERROR_DESCRIPTION_IN_LINE = new RegExp(String.raw`(?:^|[\s,{[(])${ERROR_DESCRIPTION_KEY}`, 'i');
const ERROR_DESCRIPTION_MEMBER = new RegExp(String.raw`^\s*${ERROR_DESCRIPTION_KEY}`, 'i');

/** A switch or match over a value, giving the value: `switch ((int)response.StatusCode) {`, `match exc.status_code:`, `case response.status`. */
const SWITCH_HEADERS: readonly RegExp[] = [
  /\b(?:switch|match|when)\s*\((.+)\)\s*\{?\s*$/,
  /\bswitch\s+(?:[^;{]*;\s*)?([^;{]+?)\s*\{\s*$/,
  /^\s*match\s+(.+?)\s*:\s*$/,
  /^\s*(?:[\w@$.]+\s*=\s*)?case\s+([^:\s'"\d][^:]*?)\s*$/,
  /^\s*(?:return\s+|[\w$.]+\s*=\s*)?(.+?)\s+switch\s*\{?\s*$/,
];

/** Lines inside a switch between its header and a label: other labels, the ends of their blocks. */
const SWITCH_LABEL = /^\s*(?:case\b|when\b|default\b|else\b|_\s*=>|[1-5]\d\d\b|[}\])]|break\b)/;

const STATUS_SUBJECT = new RegExp(String.raw`(?:${STATUS_READ}|^\$?code)\s*$`, 'i');

export function statusNumberAt(text: string, offset: number, reasonOf: (status: number) => string | undefined): StatusMention | undefined {
  const line = lineAt(text, offset);
  let start = line.column;
  let end = line.column;
  while (start > 0 && /\d/.test(line.text[start - 1])) start--;
  while (end < line.text.length && /\d/.test(line.text[end])) end++;
  if (end - start !== 3 || /[\w.]/.test(line.text[start - 1] ?? '') || /[\w.]/.test(line.text[end] ?? '')) return undefined;
  const status = Number(line.text.slice(start, end));
  if (status < 100 || status > 599) return undefined;
  if (!isStatusPosition(text, line, start, end, status, reasonOf)) return undefined;
  return { text: line.text.slice(start, end), start: line.start + start, end: line.start + end, status };
}

/** Whether the number at `[start, end)` of the line stands where code or prose writes an HTTP status. */
function isStatusPosition(text: string, line: LineView, start: number, end: number, status: number, reasonOf: (status: number) => string | undefined): boolean {
  // A status written as a string (`statusCode: '400'`, `'404':`) stands where the string does.
  const open = line.text[start - 1];
  const quoted = (open === '"' || open === "'") && line.text[end] === open ? 1 : 0;
  const head = line.text.slice(0, start - quoted);
  // Most forms end within a few dozen characters of the number; reading no further keeps each number's test to microseconds.
  const before = head.slice(-80);
  const after = line.text.slice(end + quoted, end + quoted + 80);
  const listedBefore = before.replace(LISTED_BEFORE, '');
  const longBefore = head.slice(-200);
  if (statusBefore(listedBefore, longBefore) || statusAfter(listedBefore, longBefore, after)) return true;

  const reason = reasonOf(status);
  if (reason === undefined) return false;
  // Its reason phrase right after it: `429 Too Many Requests`, `404: **Not Found**`.
  if (reasonAhead(reason).test(after) || /^\s*[-–:]?\s*\**(?:too many requests|not found|internal server error)/i.test(after)) return true;
  if (status >= 200 && ((PROSE_VERB_BEFORE.test(before) && PROSE_VERB_AFTER.test(after)) || (PROSE_NOUN_BEFORE.test(before) && PROSE_NOUN_AFTER.test(after)))) return true;

  // The rest reads the lines around, so only for a registered status at the start of a line or after a key.
  const lineStart = head.length <= 200 && /^\s*$/.test(head);
  const listedHead = head.length <= 200 ? head.replace(LISTED_BEFORE, '') : undefined;
  if (listedHead !== undefined && /^\s*(?:case|when)\s+$/.test(listedHead) && /^\s*(?:[,|]\s*[1-5]\d\d\s*)*(?::|->|=>|\bthen\b|$)/.test(after)) {
    return switchesOverStatus(text, line, listedHead);
  }
  if (listedHead !== undefined && /^\s*$/.test(listedHead) && /^\s*(?:[,|]\s*[1-5]\d\d\s*)*(?:->|=>)/.test(after)) {
    return switchesOverStatus(text, line, listedHead);
  }
  if (lineStart && /^\s*:(?!:)/.test(after)) return STATUSES_PARENT.test(parentLine(text, line, head) ?? '');
  if (/(?:^|[\s,{[(])["']?code["']?\s*(?::|=>)\s*$/i.test(before)) return describesError(text, line, head, start, end);
  // After an argument written over several lines: `], 503, ['Retry-After' => 300]);`, `}), 404`.
  const closer = listedHead !== undefined ? /^(\s*)[\])}]+\s*,\s*$/.exec(listedHead) : null;
  if (closer) {
    const opener = openerOf(text, line.start + closer[1].length);
    if (opener !== undefined) {
      const openerLine = lineAt(text, opener);
      const callBefore = `${openerLine.text.slice(Math.max(0, openerLine.column - 100), openerLine.column)}_, `;
      return statusBefore(callBefore, callBefore);
    }
  }
  return false;
}

/** How many lines above or below a line are read for its switch's header, its key's parent or its map's keys. */
const LINES_AROUND = 200;
/** How many characters above a line are read at most, whatever the lines' lengths. */
const TEXT_AROUND = 16_000;

function indentOf(lineText: string): number {
  return /^[ \t]*/.exec(lineText)![0].length;
}

/** A line of code near another, as offsets, with its indentation. */
interface NearbyLine {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
}

/** Whether the line's code starts at `first`: neither blank nor only a comment (`//`, `#`, `*`, `/*`). */
function holdsCode(text: string, first: number, end: number): boolean {
  if (first >= end) return false;
  const ch = text.charCodeAt(first);
  const next = text.charCodeAt(first + 1);
  return !(ch === 35 || (ch === 47 && (next === 47 || next === 42)) || (ch === 42 && (next === 32 || next === 47 || first + 1 === end)));
}

/**
 * The lines of code around the line that starts at `lineStart` (above it, nearest first; or below it),
 * without blank and comment-only lines. Lines are not copied: most are only looked at for their indentation.
 */
function* linesAround(text: string, lineStart: number, direction: 'above' | 'below', limit = LINES_AROUND): Generator<NearbyLine> {
  let start = direction === 'above' ? lineStart : text.indexOf('\n', lineStart) + 1;
  for (let n = 0; n < limit && Math.abs(start - lineStart) <= TEXT_AROUND; n++) {
    let end: number;
    if (direction === 'above') {
      if (start === 0) return;
      end = start - 1;
      start = text.lastIndexOf('\n', end - 1) + 1;
    } else {
      if (start === 0 || start >= text.length) return;
      const newline = text.indexOf('\n', start);
      end = newline < 0 ? text.length : newline;
    }
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    let first = start;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    if (holdsCode(text, first, end)) yield { start, end: Math.min(end, start + LINE_WINDOW), indent: first - start };
    if (direction === 'below') start = text.indexOf('\n', start) + 1;
  }
}

/**
 * Whether the `case`/`when` label (or `404 ->` arm) whose line starts with `head` is in a switch over
 * a status: walking up past the other labels and their bodies (indented deeper) to the header.
 */
function switchesOverStatus(text: string, line: LineView, head: string): boolean {
  const indent = indentOf(head);
  for (const above of linesAround(text, line.start, 'above')) {
    if (above.indent > indent) continue;
    const code = text.slice(above.start, above.end).replace(/\s(?:\/\/|#\s).*$/, '');
    for (const header of SWITCH_HEADERS) {
      const subject = header.exec(code)?.[1];
      if (subject !== undefined) return STATUS_SUBJECT.test(subject.trim());
    }
    // A brace on its own line under the header (C#), or another label of the same switch.
    if (/^\s*\{\s*$/.test(code) || (above.indent === indent && SWITCH_LABEL.test(code))) continue;
    return false;
  }
  return false;
}

/** The line a key on the line starting with `head` belongs to: the nearest line above that is indented less. */
function parentLine(text: string, line: LineView, head: string): string | undefined {
  const indent = indentOf(head);
  for (const above of linesAround(text, line.start, 'above')) {
    if (above.indent < indent) return text.slice(above.start, above.end);
  }
  return undefined;
}

/**
 * Whether the map holding `code` (on this line, or its members on the lines around at the same indentation)
 * also describes an error: then `code` is the error's status, as in `'code' => 404, 'description' => '...'`.
 */
function describesError(text: string, line: LineView, head: string, start: number, end: number): boolean {
  if (ERROR_DESCRIPTION_IN_LINE.test(line.text.slice(0, start)) || ERROR_DESCRIPTION_IN_LINE.test(line.text.slice(end))) return true;
  const indent = indentOf(head);
  for (const direction of ['above', 'below'] as const) {
    for (const member of linesAround(text, line.start, direction, 12)) {
      if (member.indent < indent) break;
      if (member.indent === indent && ERROR_DESCRIPTION_MEMBER.test(text.slice(member.start, member.end))) return true;
    }
  }
  return false;
}

const BRACKET_PAIRS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/**
 * The offset of the bracket that the one at `closer` closes, read forward from up to a few thousand
 * characters above it: strings on one line and line comments are skipped, and an unmatched
 * quote (an apostrophe in a comment) is just a character.
 */
function openerOf(text: string, closer: number): number | undefined {
  const from = closer > 4000 ? text.lastIndexOf('\n', closer - 4000) + 1 : 0;
  const open: number[] = [];
  for (let i = from; i < closer; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < closer && text[j] !== ch && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (j < closer && text[j] === ch) i = j;
    } else if ((ch === '/' && text[i + 1] === '/') || (ch === '#' && /\s/.test(text[i + 1] ?? '') && (i === 0 || /\s/.test(text[i - 1])))) {
      const lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0 || lineEnd >= closer) return undefined;
      i = lineEnd;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      open.push(i);
    } else if (ch === ')' || ch === ']' || ch === '}') {
      open.pop();
    }
  }
  const opener = open.pop();
  return opener !== undefined && text[opener] === BRACKET_PAIRS[text[closer]] ? opener : undefined;
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
  // `Response::STATUS_CODE_OK`, `HttpStatus.NOT_FOUND`, `HttpStatusCode.NotFound`; not a function
  // (`http.Redirect(`, `http.NotFound(w, r)`): Go's constants all start with `Status`, handled above.
  if (qualifier && qualifier !== 'http' && STATUS_QUALIFIER.test(qualifier) && !/^\s*\(/.test(line.text.slice(end))) {
    const named = statusOfName(normalizeCode(word.replace(/^STATUS_(?:CODE_)?/, '')));
    if (named !== undefined) return { ...span, status: named };
  }
  // Rails names statuses as symbols (`status: :not_found`, `head :not_found`, `have_http_status(:not_found)`);
  // MockMvc as matchers (`status().isNotFound()`); Laravel as assertions (`->assertNotFound()`).
  const matcher =
    /\bstatus:\s*:$|\bhead\s+:$|\bhave_http_status\(\s*:$/.test(before) ? word
    : /\bstatus\(\)\s*\.\s*$/.test(before) ? /^is([A-Z]\w+)$/.exec(word)?.[1]
    : /->\s*$/.test(before) ? /^assert([A-Z]\w+)$/.exec(word)?.[1]
    : undefined;
  if (matcher !== undefined) {
    const named = statusOfName(normalizeCode(matcher));
    if (named !== undefined) return { ...span, status: named };
  }
  return undefined;
}

/** Three digits that may be a status. */
const STATUS_DIGITS = /(?<![\w.])[1-5]\d\d(?![\w.])/g;
/** Identifiers that may name a status (`http.StatusConflict`, `StatusCodes.Status409Conflict`, `:not_found`, `HTTP_409_CONFLICT`). */
const STATUS_IDENTIFIER = /(?:\.|::|:|->)\s*([A-Za-z_]\w*)|\b((?:Status|HTTP_|SC_)\w+)/g;

/** Status mentions in `[from, to)`, in order: numbers where they are statuses, and named status constants. */
export function statusMentionsBetween(text: string, from: number, to: number, reasonOf: (status: number) => string | undefined, statusOfName: (normalizedName: string) => number | undefined): StatusMention[] {
  const found: StatusMention[] = [];
  STATUS_DIGITS.lastIndex = from;
  for (let m = STATUS_DIGITS.exec(text); m && m.index + 3 <= to; m = STATUS_DIGITS.exec(text)) {
    const mention = statusNumberAt(text, m.index + 1, reasonOf);
    if (mention) found.push(mention);
  }
  STATUS_IDENTIFIER.lastIndex = from;
  for (let m = STATUS_IDENTIFIER.exec(text); m && m.index < to; m = STATUS_IDENTIFIER.exec(text)) {
    const word = m[1] ?? m[2];
    const at = m.index + m[0].length - word.length;
    if (at + word.length > to) break;
    const mention = statusConstantAt(text, at + 1, statusOfName);
    if (mention) found.push(mention);
  }
  return found.sort((a, b) => a.start - b.start);
}
