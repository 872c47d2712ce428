/**
 * HTTP statuses as the workspace's code writes them, for the import from code: a number
 * (`404`, `'404'`), a named constant (`http.StatusNotFound`, `HttpStatus.NOT_FOUND`,
 * `StatusCodes.Status404NotFound`, `status.HTTP_404_NOT_FOUND`, `Response::HTTP_NOT_FOUND`,
 * Rails' `:not_found`), a helper named by its status (`NewNotFoundError`, `ApiError.notFound`,
 * `raise Conflict(...)`, `new UnprocessableException(...)`), and, when code shows none, the status
 * a code's own name suggests.
 */
import { normalizeCode } from '../text/textScan';
import { OLDER_REASON_PHRASES, REASON_PHRASES } from './httpReasons';

/** Names constants go by besides the reason phrases old and new (`SERVER_ERROR`, `MOVED_TEMPORARILY`). */
const OTHER_REASONS: Readonly<Record<string, number>> = { 'Server Error': 500, 'Moved Temporarily': 302 };

/** Words helpers go by that are not reason phrases: `ApiError.unprocessable`, `ApiError.unavailable`, `raise_internal`. */
const HELPER_WORDS: Readonly<Record<string, number>> = {
  unprocessable: 422, unavailable: 503, internal: 500, servererror: 500, unauthenticated: 401, ratelimited: 429, throttled: 429,
};

let byName: Map<string, number> | undefined;

/** The status a reason phrase names, in any case and with any separators (`NOT_FOUND`, `notFound`, `not-found`). */
export function statusOfReason(name: string): number | undefined {
  if (!byName) {
    byName = new Map([...REASON_PHRASES].map(([status, reason]) => [normalizeCode(reason), status]));
    for (const [status, reasons] of OLDER_REASON_PHRASES) for (const reason of reasons) byName.set(normalizeCode(reason), status);
    for (const [reason, status] of Object.entries(OTHER_REASONS)) byName.set(normalizeCode(reason), status);
  }
  return byName.get(normalizeCode(name));
}

/** The reason phrase of a status. */
export function reasonOf(status: number): string | undefined {
  return REASON_PHRASES.get(status);
}

/** Whether a number is an HTTP status code. */
function isStatus(value: number): boolean {
  return Number.isInteger(value) && value >= 100 && value <= 599;
}

/** Whether a number is a status an error response is sent with. */
export function isErrorStatus(value: number): boolean {
  return Number.isInteger(value) && value >= 400 && value <= 599;
}

/** A status as an expression writes it, and whether it is written as a string (`'404'`, `"401"`). */
export interface WrittenStatus {
  readonly status: number;
  readonly quoted: boolean;
}

/** Qualifiers of enum-style status constants: `HttpStatus.NOT_FOUND`, `StatusCode::NOT_FOUND`, `HttpStatusCode.NotFound`. */
const STATUS_QUALIFIER = /^(?:HttpStatus|HTTPStatus|HttpStatusCode|HttpStatusCodes|StatusCode|StatusCodes|Status|status|HTTP|Response|JsonResponse|HttpResponse|HttpURLConnection|Http)$/;

/**
 * The status an expression stands for, when it is one a reader can tell without running the code:
 * a number of three digits, the same in quotes, or a named status constant.
 */
export function statusOfExpression(expression: string): WrittenStatus | undefined {
  let text = expression.trim();
  // Casts and accessors that keep the status: `(int)HttpStatusCode.NotFound`, `HttpStatus.NOT_FOUND.value()`.
  text = text.replace(/^\(\s*(?:int|long|short|HttpStatusCode|System\.Net\.HttpStatusCode)\s*\)\s*/, '').replace(/\s*\.\s*(?:value|code|getValue|intValue)\s*(?:\(\s*\))?$/, '');
  const number = /^(\d{3})$/.exec(text);
  if (number) return isStatus(Number(number[1])) ? { status: Number(number[1]), quoted: false } : undefined;
  const quoted = /^(["'])(\d{3})\1$/.exec(text);
  if (quoted) return isStatus(Number(quoted[2])) ? { status: Number(quoted[2]), quoted: true } : undefined;
  // Rails names statuses as symbols: `:not_found`, `status: :conflict`.
  const symbol = /^:([a-z_]+)$/.exec(text);
  if (symbol) {
    const status = statusOfReason(symbol[1]);
    return status === undefined ? undefined : { status, quoted: false };
  }
  const chain = /^(?:([A-Za-z_][\w]*)\s*(?:\.|::|->)\s*)*([A-Za-z_]\w*)$/.exec(text.replace(/\s+/g, ''));
  if (!chain) return undefined;
  const links = text.replace(/\s+/g, '').split(/\.|::|->/);
  const word = links[links.length - 1];
  const qualifier = links.length > 1 ? links[links.length - 2] : undefined;
  const status = statusOfConstantName(word, qualifier);
  return status === undefined ? undefined : { status, quoted: false };
}

/**
 * A named status constant: Go `StatusNotFound`, ASP.NET `Status404NotFound`, Python `HTTP_404_NOT_FOUND`,
 * Symfony `HTTP_NOT_FOUND`, Java `SC_NOT_FOUND`, and a reason phrase under a status qualifier
 * (`HttpStatus.NOT_FOUND`, `HttpStatusCode.NotFound`).
 */
function statusOfConstantName(word: string, qualifier?: string): number | undefined {
  const prefixed = /^(?:Status|HTTP_?|SC_|HTTP_STATUS_)(\d{3})?_?([A-Za-z_]\w*)?$/.exec(word);
  if (prefixed && (prefixed[1] || prefixed[2])) {
    const digits = prefixed[1] ? Number(prefixed[1]) : undefined;
    const named = prefixed[2] ? statusOfReason(prefixed[2]) : undefined;
    if (digits !== undefined && isStatus(digits) && (named === undefined || named === digits)) return digits;
    if (digits === undefined && named !== undefined) return named;
  }
  if (qualifier !== undefined && STATUS_QUALIFIER.test(qualifier)) return statusOfReason(word.replace(/^STATUS_(?:CODE_)?/, ''));
  return undefined;
}

/**
 * The status a helper's name says it sends: `NewNotFoundError`, `ApiError.notFound`,
 * `NotFoundException`, `raise Conflict(...)`, `ApiError.unavailable`; undefined for any other name.
 */
export function statusOfHelperName(name: string): number | undefined {
  const bare = name
    .replace(/^(?:[Nn]ew|raise_?|throw_?|make_?|create_?)(?=[A-Z_])/, '')
    .replace(/_?(?:Http)?(?:Error|Exception|Response|Problem|Fault|Result)$/i, '');
  if (!bare) return undefined;
  return statusOfReason(bare) ?? HELPER_WORDS[normalizeCode(bare)];
}

/** The words of an identifier or code, lower case, joined by `_`: `NoSuchInvoice` and `no-such-invoice` give `no_such_invoice`. */
export function wordsOf(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * What a code's name says of its status, first match wins: the more specific statuses first, the
 * catch-all client error last. Words that name two statuses as often (`expired` is 401 for a token
 * and 410 or 422 elsewhere, `quota` is 403 or 429, `mismatch` is 409, 412 or 422) decide nothing.
 */
const STATUS_BY_NAME: readonly (readonly [RegExp, number])[] = [
  [/(?:^|_)method_not_allowed(?:_|$)/, 405],
  [/(?:^|_)(?:not_found|no_such|does_not_exist|unknown_(?:route|resource|endpoint))(?:_|$)/, 404],
  [/(?:^|_)(?:unauthori[sz]ed|unauthenticated|not_authenticated|authentication_required|no_authorization|bad_jwt|invalid_(?:token|credentials|api_key|otp|password)|(?:token|session)_expired|missing_api_key|api_key_(?:invalid|revoked|missing))(?:_|$)/, 401],
  [/(?:^|_)(?:forbidden|access_denied|permission_denied|insufficient_scope|not_admin|not_permitted)(?:_|$)/, 403],
  [/(?:^|_)(?:rate_limit(?:ed)?|too_many_requests|throttled|slow_down)(?:_|$)/, 429],
  [/(?:^|_)(?:payment_required|payment_declined|card_declined)(?:_|$)/, 402],
  [/(?:^|_)(?:conflict|already_[a-z]+|already_exists|duplicate|in_use|reused|taken)(?:_|$)/, 409],
  [/(?:^|_)(?:too_large|payload_too_large|entity_too_large|body_too_large)(?:_|$)/, 413],
  [/(?:^|_)(?:unsupported_media_type|invalid_mime_type|unsupported_content_type)(?:_|$)/, 415],
  [/(?:^|_)(?:gone|archived|deleted|withdrawn)(?:_|$)/, 410],
  [/(?:^|_)(?:timeout|timed_out)(?:_|$)/, 504],
  [/(?:^|_)(?:unavailable|maintenance)(?:_|$)/, 503],
  [/(?:^|_)(?:internal|internal_error|unexpected|unexpected_failure|server_error|unknown)(?:_|$)/, 500],
  [/(?:^|_)(?:validation|validation_failed|invalid|missing|required|malformed|bad_request|unreadable|bad_json|parameter|argument)(?:_|$)/, 400],
];

/**
 * The status to write for a code no raise or response shows the status of, and why. The name is
 * read first (`*_NOT_FOUND` is 404, `*RATE_LIMIT*` 429); a name that says nothing gets 400: a code
 * a server defines for itself most often names a way the request was refused, and 400 is the
 * generic refusal, where 500 would claim a failure of the server that the name does not suggest.
 */
export function statusGuessedFromName(code: string, constantNames: readonly string[]): { status: number; reason: string } {
  for (const name of [code, ...constantNames]) {
    const words = wordsOf(name);
    for (const [pattern, status] of STATUS_BY_NAME) {
      const match = pattern.exec(words);
      if (match) return { status, reason: `${status} from "${match[0].replace(/^_|_$/g, '')}" in its name` };
    }
  }
  return { status: 400, reason: '400, the generic client error, as its name suggests no status' };
}
