/**
 * Text clean-up for error reference pages: the page as it comes (copied from a browser, saved
 * from a docs site, written in Markdown) turned into lines a reader of the page would see, and
 * the plain text that may go into a catalog.
 *
 * Pages copied from a browser are damaged in typical ways: UTF-8 read as Windows-1252
 * (`Developerâ€™s`), emoji, and inline code that lost its spaces and took a line break instead
 * (`- No\nAuthorizationheader - Invalid key format` for "No `Authorization` header" followed by
 * the next list item). Each repair here undoes one of those, and does nothing to text without it.
 */

/** Pages longer than this are read up to here: a reference page is far shorter, a longer file is not one. */
export const MAX_PAGE_CHARS = 1_000_000;
/** Lines longer than this are cut: no heading, item or row of a real page is this long. */
const MAX_LINE_CHARS = 4_000;
/** Longest text kept for one catalog value (a description, a step). */
const MAX_TEXT_CHARS = 2_000;

// ---- mojibake ----

/** Windows-1252's characters for the bytes 0x80-0x9F, which UTF-8 text read as that encoding turns into. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** Windows-1254 (Turkish) differs from 1252 in six letters; pages read as it show `ğŸš«` for an emoji. */
const CP1254_LETTERS: Record<string, number> = { 'Ğ': 0xd0, 'İ': 0xdd, 'Ş': 0xde, 'ğ': 0xf0, 'ı': 0xfd, 'ş': 0xfe };

function byteOfMisreadChar(char: string): number | undefined {
  const code = char.charCodeAt(0);
  if (code >= 0xa0 && code <= 0xff) return code;
  if (code >= 0x80 && code <= 0x9f) return code;
  const high = CP1252_HIGH.indexOf(char);
  if (high >= 0) return 0x80 + high;
  return CP1254_LETTERS[char];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The length of the UTF-8 sequence a lead byte starts, or 0 when it starts none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * UTF-8 that was read as Windows-1252 (or 1254) and saved again, decoded back: `â€™` → `’`.
 * Each run is decoded on its own and only when it forms a whole UTF-8 sequence, so real accented
 * text (`Señor`, `café`) is left alone. Runs that lost a byte on the way (an emoji whose last byte
 * has no Windows-1252 character) cannot be decoded; they are dropped, as no reader wants them.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4\u011e\u011f]/.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const lead = byteOfMisreadChar(text[i]);
    const length = lead === undefined ? 0 : sequenceLength(lead);
    if (length > 0) {
      const bytes = [lead as number];
      let j = i + 1;
      while (j < text.length && bytes.length < length) {
        const byte = byteOfMisreadChar(text[j]);
        if (byte === undefined || byte < 0x80 || byte > 0xbf) break;
        bytes.push(byte);
        j++;
      }
      if (bytes.length === length) {
        try {
          out += utf8.decode(new Uint8Array(bytes));
          i = j;
          continue;
        } catch {
          // Not UTF-8 after all: keep the characters as they are.
        }
      } else if (bytes.length >= 2) {
        // A lead byte and continuation bytes but too few of them: the remains of a character
        // that lost a byte; no language writes these pairs.
        i = j;
        continue;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}

// ---- active content ----

/** Opening tags of elements whose content is code, styling or embedded documents, never page text. */
const INERT_ELEMENT = /<(script|style|iframe|object|embed|template|noscript|svg|math|textarea|select)(?![\w-])/gi;

/**
 * The page without `<script>`, `<style>` and similar elements (tags and content), for Markdown and
 * text pages that carry some raw HTML. One pass from each element to its end tag, so the cost stays
 * linear however many there are; an unclosed `<script` removes the rest of the page, which a
 * browser would not show either.
 */
export function withoutInertElements(text: string): string {
  INERT_ELEMENT.lastIndex = 0;
  if (!INERT_ELEMENT.test(text)) return text;
  const lower = text.toLowerCase();
  let out = '';
  let at = 0;
  for (;;) {
    INERT_ELEMENT.lastIndex = at;
    const open = INERT_ELEMENT.exec(text);
    if (!open) break;
    out += text.slice(at, open.index);
    const close = lower.indexOf(`</${open[1].toLowerCase()}`, open.index);
    if (close < 0) return out;
    const end = lower.indexOf('>', close);
    at = end < 0 ? text.length : end + 1;
  }
  return out + text.slice(at);
}

/** Whether the page is an HTML document rather than Markdown or text with a tag here and there. */
export function isHtmlPage(text: string): boolean {
  const head = text.slice(0, 5000);
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html\b|head\b|body\b)/i.test(head)) return true;
  const blockTags = text.slice(0, 200_000).match(/<(?:p|div|h[1-6]|table|tr|td|ul|ol|li|pre|section|article|dl|dt|dd)\b[^>]*>/gi);
  return (blockTags?.length ?? 0) >= 5;
}

// ---- lines ----

/** List markers: `-`, `*`, `+`, bullets, `1.` and `1)`. */
export const LIST_ITEM = /^\s*(?:[-*+•●▪◦‣]|\d{1,3}[.)])\s+(.*)$/;

/** Words after which a sentence cannot end: a line ending with one was cut before inline code. */
const OPEN_ENDINGS = new Set(['a', 'an', 'the', 'no', 'your', 'our', 'its', 'their', 'with', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'into', 'via', 'and', 'or', 'check', 'see', 'use', 'set', 'send', 'include', 'pass', 'call', 'add']);

/** Words that follow inline code in a sentence and were glued to it when the code's spacing was lost. */
const GLUED_SUFFIXES = ['headers', 'header', 'properties', 'property', 'parameters', 'parameter', 'params', 'param', 'fields', 'field', 'values', 'value', 'object', 'array', 'attribute', 'member', 'column', 'method', 'endpoint', 'variable', 'setting', 'option', 'flag', 'keys', 'key', 'argument', 'query', 'cookie'];

/** `X-RateLimit-Remainingheader` → `X-RateLimit-Remaining header`, `sk_live_xxxorBearer` → `sk_live_xxx or Bearer`. */
function unglueInlineCode(text: string): string {
  const words = text.split(' ');
  const first = words[0] ?? '';
  for (const suffix of GLUED_SUFFIXES) {
    if (first.length >= suffix.length + 2 && first.endsWith(suffix) && /[A-Za-z0-9_*)]$/.test(first.slice(0, -suffix.length))) {
      words[0] = `${first.slice(0, -suffix.length)} ${suffix}`;
      break;
    }
  }
  // `or`/`and` glued between two code spans: only inside tokens that are code (an `_`, a digit or
  // a `*`), so an English word that happens to contain `or` is never split.
  return words.map((word) => (/[_*\d]/.test(word) ? word.replace(/([a-z0-9_*])(or|and)([A-Z])/, '$1 $2 $3') : word)).join(' ');
}

/** Joins a continuation to the line it continues, with a space unless punctuation makes one wrong. */
function joinContinuation(line: string, continuation: string): string {
  if (/[(\[/]$/.test(line) || /^[)\].,;:!?]/.test(continuation)) return line + continuation;
  return `${line} ${continuation}`;
}

function endsOpen(line: string): boolean {
  if (/[(:]$/.test(line)) return true;
  const last = line.split(/\s+/).pop()?.toLowerCase() ?? '';
  return OPEN_ENDINGS.has(last);
}

/**
 * Lines of a page with lost inline-code spacing repaired. A list item that does not end a
 * sentence and is followed by a line that is not an item but holds ` - Next item` was cut by
 * inline code: the line's start (the code, glued to the word after it) belongs to the item, and
 * what follows ` - ` is the next item. Also splits `200 OK- Description` (a definition list whose
 * labels lost their line break) when the line before is such a label.
 */
export function repairLines(lines: readonly string[], isStructural: (line: string) => boolean): string[] {
  const out: string[] = [];
  let lastItem = -1;
  for (const raw of lines) {
    const line = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw;
    const trimmed = line.trim();
    const previous = out.length > 0 ? out[out.length - 1] : undefined;
    if (trimmed === '') {
      out.push('');
      lastItem = -1;
      continue;
    }
    const labelSplit = /^(.*\S)-\s*(Name|Description|Type|Status|Code|Message|Details|Meaning)$/.exec(trimmed);
    if (labelSplit && previous !== undefined && /^\s*[-*•]\s*(Name|Description|Type|Status|Code|Message|Details|Meaning)\s*$/.test(previous)) {
      out.push(labelSplit[1], `- ${labelSplit[2]}`);
      lastItem = -1;
      continue;
    }
    if (LIST_ITEM.test(line)) {
      out.push(line);
      lastItem = out.length - 1;
      continue;
    }
    if (lastItem === out.length - 1 && lastItem >= 0 && !/[.!?]$/.test(out[lastItem].trim()) && !/^[{\[`|#>]/.test(trimmed) && !isStructural(trimmed)) {
      const nextItem = /\s[-–—]\s+(?=[A-Z])/.exec(trimmed);
      if (nextItem) {
        const head = trimmed.slice(0, nextItem.index).trim();
        out[lastItem] = joinContinuation(out[lastItem].trimEnd(), unglueInlineCode(head));
        out.push(`- ${trimmed.slice(nextItem.index + nextItem[0].length)}`);
        lastItem = out.length - 1;
        continue;
      }
      if (endsOpen(out[lastItem].trim()) && !/:$/.test(trimmed)) {
        out[lastItem] = joinContinuation(out[lastItem].trimEnd(), unglueInlineCode(trimmed));
        continue;
      }
    }
    out.push(line);
    lastItem = -1;
  }
  return out;
}

// ---- plain text ----

/** Tags of HTML elements. `<key>` in `Bearer <key>` is a placeholder a page shows, not a tag, and stays. */
const HTML_TAG = /<\/?(?:a|abbr|applet|article|aside|audio|b|base|blockquote|body|br|button|canvas|code|dd|details|dialog|div|dl|dt|em|embed|font|form|frame|frameset|h[1-6]|head|header|footer|hr|html|i|iframe|img|input|kbd|label|li|link|main|mark|marquee|math|meta|nav|noscript|object|ol|option|p|picture|plaintext|pre|samp|script|section|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|title|tr|u|ul|var|video|xmp)\b[^<>]{0,2000}>?/gi;
/** Any tag with attributes (`<x onclick=…>`): whatever its name, it is markup. */
const TAG_WITH_ATTRIBUTES = /<\/?[A-Za-z][\w:-]{0,40}\s[^<>]{0,2000}=[^<>]{0,2000}>?/g;

const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u200D\u20E3]/gu;

/**
 * Text as a catalog may hold it: no HTML, no Markdown emphasis, links or images (their text kept),
 * no `command:`/`javascript:` links, no emoji, straight quotes, one line, bounded. Inline code
 * keeps its backticks, as catalog texts write code that way.
 */
export function plainText(text: string, maxChars = MAX_TEXT_CHARS): string {
  let out = withoutInertElements(text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text)
    // Link targets may hold one level of parentheses (`javascript:alert(1)`, wiki URLs).
    .replace(/!\[([^\]\n]{0,300})\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)/g, '$1')
    .replace(/\[([^\]\n]{0,300})\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)/g, '$1')
    .replace(/<!--[\s\S]{0,2000}?-->/g, ' ')
    .replace(HTML_TAG, ' ')
    .replace(TAG_WITH_ATTRIBUTES, ' ')
    .replace(/\b(?:command|javascript|vbscript|data):[^\s)]*/gi, '')
    .replace(/(\*\*|__)(?=\S)([^\n]{0,500}?\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]{0,300}?\S)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/\*\*/g, '')
    .replace(PICTOGRAPHS, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\u00a0/g, ' ')
    .replace(/\\([\\`*_{}\[\]()#+\-.!|>~])/g, '$1')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+/g, ' ')
    // A removed tag leaves a space before the punctuation that followed it.
    .replace(/ ([.,;:!?])(?=\s|$)/g, '$1')
    .trim();
  // A leading bullet or arrow left behind by a list the page drew by hand.
  out = out.replace(/^[-–—•·>→»|]+\s+/, '').replace(/\s*\\$/, '').trim();
  if (out.length > maxChars) out = `${out.slice(0, maxChars - 1).replace(/\s+\S*$/, '')}…`;
  return out;
}

/** A paragraph split into sentences; abbreviations such as `e.g.` and `i.e.` do not end one. */
export function sentencesOf(paragraph: string): string[] {
  const guarded = paragraph.replace(/\b(e\.g|i\.e|etc|vs|approx|incl)\./gi, (match) => match.replace(/\./g, '\u0000'));
  return guarded
    .split(/(?<=[.!?])\s+(?=["'(]?[A-Z0-9`])/)
    .map((sentence) => sentence.replace(/\u0000/g, '.').trim())
    .filter((sentence) => sentence.length > 0);
}

/** The first sentence without its parenthetical asides: what a message or a one-line description says. */
export function firstSentence(paragraph: string): string {
  const sentence = sentencesOf(paragraph)[0] ?? '';
  return sentence.replace(/\s*\([^()]{0,300}\)/g, '').replace(/\s+([.,;:])/g, '$1').trim();
}
