/**
 * Markdown built from catalog text. Workspace catalogs are untrusted, so their text is
 * escaped: no raw HTML, no links except http(s) ones we build ourselves (never `command:`).
 * Inline code spans written with backticks survive, because they render as inert text.
 */

/** Characters that are Markdown (or HTML) anywhere in a line; backticks too, outside the code spans kept. */
const ALWAYS_SPECIAL = /[\\*[\]<>&|~`]/g;

function escapePlain(text: string): string {
  return text
    .replace(ALWAYS_SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
    // `_` starts emphasis only at a word boundary; inside RATE_LIMITED it is plain text.
    .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (match) => match.replace('_', '\\_'))
    // Block syntax (headings, lists, quotes) only counts at the start of a line.
    .replace(/^(\s*)([#+=!-]|\d+[.)])/, '$1\\$2');
}

/**
 * A code span as catalog prose writes one: a single backtick on each side, not touching another
 * backtick. Anything else with backticks (mismatched runs, ``` ``a` ```) is escaped, so that no
 * renderer can pair backticks across the text and leave what lies between them raw.
 */
const CODE_SPAN = /(?<!`)`([^`\n]+)`(?!`)/g;

/** Escapes catalog prose for Markdown, keeping `code spans` and collapsing line breaks. */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ').trim();
  let out = '';
  let last = 0;
  for (const match of oneLine.matchAll(CODE_SPAN)) {
    out += escapePlain(oneLine.slice(last, match.index)) + codeSpan(match[1]);
    last = (match.index ?? 0) + match[0].length;
  }
  return out + escapePlain(oneLine.slice(last));
}

/** Text for inside a code span: backticks cannot be escaped there, so they are replaced. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\s+/g, ' ')}\``;
}

/**
 * An http(s) URL as a link destination can hold it: parsed and written out again (which
 * percent-encodes spaces, quotes, `<`, `>` and backticks), with the parentheses that would end a
 * Markdown destination encoded too; undefined for anything else (`command:`, `javascript:`, text).
 */
export function safeHttpUrl(raw: string | undefined): string | undefined {
  if (!raw || raw.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // The serialiser leaves these as they are in some parts (a fragment keeps `{`, `}`, `|`, `^`, a backtick): none may reach a Markdown link or an editor.
  return url.href.replace(/[()'\\{}|^`]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link, or plain escaped text when the URL is not http(s). */
export function link(label: string, url: string | undefined): string {
  const safe = safeHttpUrl(url);
  return safe ? `[${escapeMarkdown(label)}](${safe})` : escapeMarkdown(label);
}

/** A fenced code block whose fence cannot be closed by the content. */
export function codeBlock(language: string, content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${content}\n${fence}`;
}

function oneLineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLineJson).join(', ')}]`;
  if (value && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLineJson(v)}`);
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** JSON that puts short objects and arrays on one line, so example bodies stay compact in a hover. */
export function compactJson(value: unknown, width = 60, indent = ''): string {
  const flat = oneLineJson(value);
  if (flat.length + indent.length <= width || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + compactJson(v, width, inner)).join(',\n')}\n${indent}]`;
  }
  const members = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, width, inner)}`);
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/**
 * The anchor id of a code's section: the code in lower case, with each run of characters other
 * than `[a-z0-9]` replaced by `-` (`NOTFOUND-404` → `notfound-404`, `AUTH_001` → `auth-001`).
 *
 * The page writes this id as an explicit `<a id="…"></a>` before the code's heading. Heading
 * slugs differ from one renderer to the next, but this id does not, so a catalog's `docs`
 * template can point at the published page: `https://…/errors.md#${anchor}` (see docsUrlOf in
 * explain.ts). If two codes share an id, see `codeAnchors` in docsPage.ts.
 */
export function codeAnchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
