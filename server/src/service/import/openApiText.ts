/**
 * Text read from an OpenAPI document, made fit for a catalog: descriptions lose their HTML and
 * any link that is not http(s) (specs are written for HTML renderers, catalogs are shown in
 * hovers), long texts are cut at a word, and statuses get their standard reason phrases.
 */
import { OLDER_REASON_PHRASES, REASON_PHRASES } from './httpReasons';

export function reasonPhrase(status: number): string | undefined {
  return REASON_PHRASES.get(status);
}

/** Whether a response description only repeats the status's reason phrase (`Not Found`, `not found.`). */
export function isReasonOnly(status: number, text: string): boolean {
  const words = (phrase: string) => phrase.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const said = words(text.replace(/^\d{3}\s*[:-]?\s*/, ''));
  return [REASON_PHRASES.get(status), ...(OLDER_REASON_PHRASES.get(status) ?? [])].some((reason) => reason !== undefined && words(reason) === said);
}

/** Whether a value is some status's reason phrase (`Unauthorized`, `Not Found`): a title, never a code. */
export function isSomeReasonPhrase(text: string): boolean {
  return [...REASON_PHRASES.keys()].some((status) => isReasonOnly(status, text));
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", nbsp: ' ', lt: '<', gt: '>', '#39': "'" };

/** Text without HTML comments and tags: block tags leave a space, inline ones (`<em>`, `<code>`) nothing. */
function withoutHtml(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?(?:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|hr|pre|blockquote|details|summary)\b[^<>]*>/gi, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '');
}

/**
 * A description as a catalog keeps it: one line of text with its Markdown, without HTML (tags are
 * dropped, entities read) and without links other than http(s) ones (their text stays), cut to
 * `max` characters at a word.
 */
export function cleanText(text: string, max: number): string {
  // An autolink (`<https://…>`) keeps its address; any other `<…>` is a tag.
  let clean = withoutHtml(text.replace(/<(https?:\/\/[^\s<>]+)>/gi, '$1')).replace(/&(#39|[a-z]+);/gi, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity);
  // Entities can spell tags (`&lt;script&gt;`): drop what they spelled too.
  clean = withoutHtml(clean);
  // `[text](target)`: keep the link only when it leads to an http(s) page.
  clean = clean.replace(/\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (link, label: string, target: string) => (/^https?:\/\//i.test(target) ? link : label));
  clean = clean.replace(/\s+/g, ' ').trim();
  return cut(clean, max);
}

/** Text cut to `max` characters at the last word that fits, marked with an ellipsis. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * The first paragraph of a document's description that is prose: headings, HTML blocks, images
 * and lists are passed over (a spec's description often starts with a title or a logo).
 */
export function firstParagraph(description: string, max: number): string | undefined {
  for (const paragraph of description.split(/\r?\n\s*\r?\n/)) {
    const trimmed = paragraph.trim();
    if (!trimmed || /^(#|<|!\[|[-*+] |\d+\. |```|\||>)/.test(trimmed)) continue;
    const clean = cleanText(trimmed, max);
    if (clean) return clean;
  }
  return undefined;
}

/**
 * Statuses that a code's name says it is sent with (`LABEL_NOT_FOUND`, `rate_limited`), most
 * specific first. Only ever a guess: the draft marks a status chosen this way.
 */
const STATUS_WORDS: readonly [RegExp, number][] = [
  [/not_?found|no_?such|unknown_?(resource|id)|does_?not_?exist|missing_?resource/, 404],
  [/rate_?limit|too_?many|throttl|quota/, 429],
  [/unauthori[sz]ed|unauthenticated|authentication|(invalid|expired|missing)_?(api_?)?(token|key|credentials?)|auth_?token/, 401],
  [/forbidden|permission|access_?denied|not_?allowed_?to|insufficient_?scope/, 403],
  [/already_?exists|duplicate|conflict|already_?(shipped|used|taken|processed)|version_?mismatch/, 409],
  [/payload_?too_?large|too_?large|entity_?too_?large/, 413],
  [/unsupported_?media|media_?type/, 415],
  [/precondition/, 412],
  [/method_?not_?allowed/, 405],
  [/(^|_)gone(_|$)|archived|expired_?resource/, 410],
  [/(^|_)locked(_|$)/, 423],
  [/request_?timeout/, 408],
  [/timeout|timed_?out/, 504],
  [/unavailable|maintenance|overloaded/, 503],
  [/bad_?gateway|upstream/, 502],
  [/not_?implemented/, 501],
  [/internal|unexpected|server_?error/, 500],
  [/unprocessable|validation|invalid|malformed|bad_?request|required|missing/, 400],
];

/** The status a code's name points to, if any (`LABEL_NOT_FOUND` → 404); `validation` words give 400 or 422 as `known` has them. */
export function statusFromName(code: string, known: ReadonlySet<number>): number | undefined {
  const name = code.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  for (const [words, status] of STATUS_WORDS) {
    if (!words.test(name)) continue;
    if (status === 400 && !known.has(400) && known.has(422)) return 422;
    return status;
  }
  return undefined;
}
