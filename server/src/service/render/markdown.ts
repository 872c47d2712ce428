/**
 * Markdown built from catalog text. Workspace catalogs are untrusted, so their text is
 * escaped: no raw HTML, no links except http(s) ones we build ourselves (never `command:`).
 * Inline code spans written with backticks survive, because they render as inert text.
 */

/** Characters that are Markdown (or HTML) anywhere in a line. */
const ALWAYS_SPECIAL = /[\\*[\]<>&|~]/g;

function escapePlain(text: string): string {
  return text
    .replace(ALWAYS_SPECIAL, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
    // `_` starts emphasis only at a word boundary; inside RATE_LIMITED it is plain text.
    .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (match) => match.replace('_', '\\_'))
    // Block syntax (headings, lists, quotes) only counts at the start of a line.
    .replace(/^(\s*)([#+=!-]|\d+[.)])/, '$1\\$2');
}

/** Escapes catalog prose for Markdown, keeping `code spans` and collapsing line breaks. */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ').trim();
  const parts = oneLine.split(/(`[^`\n]+`)/);
  return parts.map((part, i) => (i % 2 === 1 ? part : escapePlain(part))).join('');
}

/** Text for inside a code span: backticks cannot be escaped there, so they are replaced. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\s+/g, ' ')}\``;
}

/** A link, or plain escaped text when the URL is not http(s). */
export function link(label: string, url: string | undefined): string {
  if (!url || !/^https?:\/\/[^\s<>"'`]+$/i.test(url)) return escapeMarkdown(label);
  const safeUrl = url.replace(/[()]/g, (ch) => encodeURIComponent(ch));
  return `[${escapeMarkdown(label)}](${safeUrl})`;
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
