/** What untrusted catalog text could smuggle into rendered Markdown, as the most permissive renderer shows it. */
import MarkdownIt from 'markdown-it';

/** Raw HTML on and bare links turned into links, as a Markdown preview or a published page may render. */
const renderer = new MarkdownIt({ html: true, linkify: true });
const FORMATTING = ['p', 'code', 'pre', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote'];
const TABLES = ['table', 'thead', 'tbody', 'tr', 'th', 'td'];

/**
 * What in rendered Markdown could run or navigate: tags other than plain formatting (and tables
 * where allowed), links that are not http(s) (or an anchor of the page where allowed), handlers.
 */
export function markdownLeaks(markdown: string, allow: { readonly tables?: boolean; readonly pageAnchors?: boolean } = {}): string[] {
  const allowed = new Set([...FORMATTING, ...(allow.tables ? TABLES : [])]);
  const safeLink = allow.pageAnchors ? /^(https?:\/\/|#[a-z0-9-]+$)/ : /^https?:\/\//;
  const html = renderer.render(markdown);
  const found: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!allowed.has(m[1].toLowerCase())) found.push(`<${m[1]}>`);
    for (const attribute of m[2].matchAll(/\b(href|src)="([^"]*)"/g)) {
      if (!safeLink.test(attribute[2])) found.push(`${attribute[1]}=${attribute[2]}`);
    }
    if (/\bon\w+=/i.test(m[2])) found.push(`handler in <${m[1]}>`);
  }
  return found;
}
