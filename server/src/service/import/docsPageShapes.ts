/**
 * The shapes of single lines on an error reference page: a code presented as one (`UNAUTHORIZED
 * (401)`, `AUTH_001 - Invalid API Key`, `` ### `invalid_request` ``), a status definition
 * (`400 Bad Request - Invalid parameters`), a field label (`Causes:`, `Message: …`), and the
 * standard HTTP reason phrases they are checked against.
 */
import { OLDER_REASON_PHRASES, REASON_PHRASES } from './httpReasons';

function reasonWords(reason: string): string[] {
  return reason.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean);
}

/**
 * The standard reason for `status` when `written` is that reason, an alias, or a shortening of it
 * (`Server Error` for 500, `Too Many` for 429, `Service` for 503); otherwise undefined.
 */
export function standardReasonFor(status: number, written: string): string | undefined {
  const standard = REASON_PHRASES.get(status);
  if (!standard) return undefined;
  const words = reasonWords(written);
  if (words.length === 0) return undefined;
  for (const name of [standard, ...(OLDER_REASON_PHRASES.get(status) ?? [])]) {
    const standardWords = reasonWords(name);
    if (words.every((word) => standardWords.includes(word))) return standard;
  }
  return undefined;
}

// ---- codes ----

/** `AUTH_001`, `NOTFOUND-404`, `INVALID_API_KEY`, `card.declined`: parts joined by `_`, `-`, `.` or `:`. */
const JOINED_CAPS = /^[A-Z][A-Z0-9]*(?:[_.:-][A-Z0-9]+)+$/;
/** `E1001`, `AUTH001`: letters then digits. */
const LETTERS_DIGITS = /^[A-Z]{1,8}\d{2,6}$/;
/** `invalid_request`, `card.declined`. */
const SNAKE = /^[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+$/;
/** `UNAUTHORIZED`: one word in capitals; a code only where the page presents it as one. */
const CAPS_WORD = /^[A-Z]{3,}$/;
/** `InvalidParameterValue`, `invalid-request`: codes only in backticks or with a status. */
const CAMEL = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/;
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
/** Capitals-and-digits tokens that are names of standards, encodings or headers, never error codes. */
const NOT_CODES = /^(?:UTF|UCS|ISO|RFC|HTTP|HTTPS|TLS|SSL|SHA|MD|AES|RSA|IEEE|ECMA|ES|X)[-_.]|^[1-5]XX$/i;

/** How surely a token is an error code by its shape alone. */
export type CodeShape = 'strong' | 'weak';

/** Whether a token has the shape of an error code: `strong` anywhere it is presented, `weak` only with a status or in backticks. */
export function codeShapeOf(token: string): CodeShape | undefined {
  if (token.length < 2 || token.length > 80 || NOT_CODES.test(token)) return undefined;
  if (JOINED_CAPS.test(token) || LETTERS_DIGITS.test(token) || SNAKE.test(token)) return 'strong';
  if (CAPS_WORD.test(token) || CAMEL.test(token) || KEBAB.test(token)) return 'weak';
  return undefined;
}

/** A code presented by a heading or a line of its own. */
export interface CodeHeading {
  readonly code: string;
  readonly status?: number;
  readonly title?: string;
}

const TOKEN = '`?([A-Za-z][A-Za-z0-9_.:-]*[A-Za-z0-9])`?';
/** `UNAUTHORIZED (401)`, `` `invalid_request` (HTTP 400 Bad Request) ``. */
const CODE_WITH_STATUS = new RegExp(`^${TOKEN}\\s*\\(\\s*(?:HTTP\\s*)?([1-5]\\d\\d)(?:\\s+[A-Za-z][A-Za-z ']{0,40})?\\s*\\)$`);
/** `AUTH-401` alone on its line. */
const CODE_ALONE = new RegExp(`^${TOKEN}$`);
/** `AUTH_001 - Invalid API Key`. */
const CODE_AND_TITLE = new RegExp(`^${TOKEN}\\s+[-–—:|]\\s+(.{1,160})$`);
/** `404 - NOT_FOUND`, `400 invalid_request - The request is malformed`. */
const STATUS_AND_CODE = new RegExp(`^(?:HTTP\\s*)?([1-5]\\d\\d)\\s*[-–—:|]?\\s*${TOKEN}(?:\\s+[-–—:|]\\s+(.{1,160}))?$`);
/** `Error code: AUTH_001`, `Error 1001: INVALID_TOKEN`: a label before the code. */
const LABELLED_CODE = new RegExp(`^(?:error code|error|code)\\s*(?:#?\\d{1,8})?\\s*[:#–—-]\\s*${TOKEN}(?:\\s+[-–—:|]\\s+(.{1,160}))?$`, 'i');

/** A heading or line's text without heading marks, emphasis, emoji and a trailing colon. */
export function headingText(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*:$/, '');
}

function statusIn(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /^\(?\s*(?:HTTP\s*)?([1-5]\d\d)\b/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * The code a heading or line presents, if it presents one: `UNAUTHORIZED (401)`,
 * `AUTH_001 - Invalid API Key`, `AUTH-401` alone, `` `invalid_request` `` alone, `404 - NOT_FOUND`.
 * A word in capitals is a code only beside a status or in backticks, so `NOTE` or `JSON` never is.
 */
export function codeHeadingOf(text: string): CodeHeading | undefined {
  const line = headingText(text);
  if (line.length > 200) return undefined;
  const quoted = (token: string) => line.includes(`\`${token}\``);
  const accepts = (token: string, withStatus: boolean) => {
    const shape = codeShapeOf(token);
    return shape === 'strong' || (shape === 'weak' && (withStatus || quoted(token)));
  };
  let match = CODE_WITH_STATUS.exec(line);
  if (match && accepts(match[1], true)) return { code: match[1], status: Number(match[2]) };
  match = CODE_ALONE.exec(line);
  if (match && accepts(match[1], false)) return { code: match[1] };
  match = CODE_AND_TITLE.exec(line);
  if (match && accepts(match[1], false)) {
    let title = match[2].trim();
    let status = statusIn(title);
    if (status !== undefined) title = title.replace(/^\(?\s*(?:HTTP\s*)?[1-5]\d\d\s*\)?\s*[-–—:]?\s*/, '');
    const trailing = /\s*\(\s*(?:HTTP\s*)?([1-5]\d\d)\s*\)$/.exec(title);
    if (trailing) {
      status = Number(trailing[1]);
      title = title.slice(0, trailing.index);
    }
    return { code: match[1], status, title: title || undefined };
  }
  match = STATUS_AND_CODE.exec(line);
  if (match && accepts(match[2], false)) return { code: match[2], status: Number(match[1]), title: match[3]?.trim() || undefined };
  match = LABELLED_CODE.exec(line);
  if (match && codeShapeOf(match[1]) === 'strong') return { code: match[1], title: match[2]?.trim() || undefined };
  return undefined;
}

// ---- statuses ----

/** A status defined on one line: `400 Bad Request - Invalid parameters`, `**404 Not Found**`, `429 Too Many        - Rate limit exceeded`. */
export interface StatusLine {
  readonly status: number;
  /** The reason as written, when there is one. */
  readonly reason?: string;
  readonly description?: string;
}

export function statusLineOf(text: string): StatusLine | undefined {
  const line = text.replace(/\*\*|__|`/g, '').replace(/\s+$/, '');
  const head = /^\s*(?:HTTP\s+)?([1-5]\d\d)(?![\d.,])\s*(.*)$/.exec(line);
  if (!head) return undefined;
  const status = Number(head[1]);
  const rest = head[2].replace(/^[-–—:.)]\s*/, '');
  if (rest === '') return REASON_PHRASES.has(status) ? { status } : undefined;
  const separator = /\s+[-–—:|]\s+|\s{3,}|\s*[-–—]\s+(?=[A-Z])|:\s+/.exec(rest);
  const reason = (separator ? rest.slice(0, separator.index) : rest).trim();
  const description = separator ? rest.slice(separator.index + separator[0].length).trim() : undefined;
  // A reason is a few words of letters; `or 502 status codes:` and sentences are not.
  const reasonIsName = /^[A-Za-z][A-Za-z' -]{0,40}$/.test(reason) && reason.split(/\s+/).length <= 5 && !/\b(status|statuses|codes?|or|and|if|when)\b/i.test(reason);
  if (!reasonIsName) return undefined;
  // Without the standard reason, only a name written as one (`Validation Error`) makes the line a
  // definition: `100 requests per minute - the limit` is a sentence that starts with a number.
  const standard = standardReasonFor(status, reason) !== undefined;
  if (!standard && (!description || !reason.split(/[\s-]+/).every((word) => /^[A-Z]/.test(word)))) return undefined;
  return { status, reason, description: description || undefined };
}

/** Statuses named in a sentence about them (`When receiving a 422 status code:`, `transient errors (429, 500, 503)`). */
export function statusesMentioned(text: string): number[] {
  if (!/status|error|response|receiv|return|http|code|fail/i.test(text)) return [];
  const found: number[] = [];
  for (const match of text.matchAll(/(?<![\d.,:/-])([1-5]\d\d)(?![\d.,:/-]\d|\s*(?:ms|s|sec|secs|seconds|minutes|hours|%|px|kb|mb)\b)/gi)) {
    const status = Number(match[1]);
    if (REASON_PHRASES.has(status) && !found.includes(status)) found.push(status);
  }
  return found;
}

// ---- labels ----

/** The fields of a code (or a status) that a page introduces with a label. */
export type LabelName = 'message' | 'causes' | 'resolution' | 'status' | 'description' | 'title' | 'examples';

const LABELS: readonly (readonly [LabelName, RegExp])[] = [
  ['message', /^(?:default |error |response |sample )?message$/],
  ['causes', /^(?:(?:possible|common|typical|likely|probable|root) )?(?:causes?|reasons?)$|^why (?:it|this) happens$|^when (?:it|this) (?:happens|occurs)$/],
  ['resolution', /^(?:resolution|resolutions|solution|solutions|how to (?:fix|resolve|handle)(?: it| this)?|fix|fixes|remedy|remediation|what to do|suggested (?:fix|action)s?|recommended (?:fix|action)s?|to (?:fix|resolve)(?: it| this)?|troubleshooting|steps to resolve)$/],
  ['status', /^(?:http )?status(?: code)?$|^http code$/],
  ['description', /^(?:description|meaning|explanation|what it means)$/],
  ['title', /^(?:title|name)$/],
  ['examples', /^(?:example|examples|example (?:errors?|responses?|bodies|body|payloads?)|sample (?:responses?|errors?|bodies|body)|response(?: body| example)?|response includes|returns?|error object)$/],
];

/** A label line (`Causes:`, `**Resolution:**`, `Message: Missing or invalid API key`), or a heading that is one (`#### Resolution`). */
export function labelOf(text: string, isHeading = false): { name: LabelName; value: string } | undefined {
  const line = text.replace(/^#{1,6}\s+/, '').replace(/\*\*|__/g, '').trim();
  const colon = /^([A-Za-z][A-Za-z' ]{0,40}?)\s*:\s*(.*)$/.exec(line);
  const name = colon ? colon[1] : isHeading ? line : undefined;
  if (name === undefined) return undefined;
  const normalized = name.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [label, pattern] of LABELS) {
    if (pattern.test(normalized)) return { name: label, value: colon ? colon[2].trim() : '' };
  }
  return undefined;
}
