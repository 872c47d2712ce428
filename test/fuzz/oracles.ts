/**
 * What counts as an escape: Markdown an editor would render into live HTML or a non-http(s)
 * link, a diagnostic link that is not a clean http(s) URL, a file outside the workspace that
 * gets diagnostics, and the canary's text (placed outside the workspace) appearing in output.
 */
import { resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { URI } from 'vscode-uri';

// CommonMark with raw HTML on, as an editor's hover renders it when HTML is supported.
const markdown = new MarkdownIt({ html: true, linkify: false });
// markdown-it drops `javascript:` and similar targets by default; the oracle must see every target the server wrote.
markdown.validateLink = () => true;

type Token = ReturnType<MarkdownIt['parse']>[number];

function clip(text: string, length = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > length ? `${oneLine.slice(0, length)}…` : oneLine;
}

function isWebUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

export interface MarkdownEscape {
  /** What kind of escape, the same for every payload: `holds raw HTML`, ``links to a `command:` target``. */
  readonly what: string;
  /** The tag or target itself. */
  readonly detail: string;
}

function schemeOf(target: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1];
  return scheme ? `a \`${scheme.toLowerCase()}:\`` : 'a relative';
}

/** Why Markdown from the server is unsafe to render: raw HTML, or a link or image whose target is not http(s). */
export function markdownEscapes(text: string): MarkdownEscape[] {
  const escapes: MarkdownEscape[] = [];
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'html_inline' || token.type === 'html_block') escapes.push({ what: 'holds raw HTML', detail: clip(token.content) });
      if (token.type === 'link_open') {
        const href = token.attrGet('href') ?? '';
        if (!isWebUrl(href)) escapes.push({ what: `has ${token.markup === 'autolink' ? 'an autolink' : 'a link'} to ${schemeOf(href)} target`, detail: clip(href) });
      }
      if (token.type === 'image') {
        const src = token.attrGet('src') ?? '';
        if (!isWebUrl(src)) escapes.push({ what: `has an image from ${schemeOf(src)} source`, detail: clip(src) });
      }
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(text, {}));
  return escapes;
}

/** Why a diagnostic's `codeDescription.href` is not a clean http(s) URL, or undefined. */
export function hrefProblem(href: string): string | undefined {
  if (!/^https?:\/\/[^\s<>"'`{}|\\^]+$/i.test(href)) return `codeDescription.href ${clip(href)} is not a clean http(s) URL`;
  try {
    const parsed = new URL(href);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `codeDescription.href ${clip(href)} is not http(s)`;
  } catch {
    return `codeDescription.href ${clip(href)} does not parse as a URL`;
  }
  return undefined;
}

/** Whether a `file:` URI names a file inside one of the folders (after `..` and `%2e%2e` are resolved). */
export function isInsideFolders(uri: string, folders: readonly string[]): boolean {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return true;
  const path = resolve(parsed.fsPath);
  return folders.some((folder) => path === folder || path.startsWith(`${folder}/`));
}

/**
 * Watches a byte stream for a marker, across chunk boundaries. The marker is ASCII, so a
 * byte-level search finds it in UTF-8 output whatever surrounds it.
 */
export class MarkerWatch {
  private tail = '';
  /** The first chunk of context in which the marker was seen, if it was. */
  seen: string | undefined;

  constructor(private readonly marker: string) {}

  feed(chunk: Buffer): void {
    const text = this.tail + chunk.toString('latin1');
    const at = text.indexOf(this.marker);
    if (at >= 0 && this.seen === undefined) this.seen = clip(text.slice(Math.max(0, at - 60), at + this.marker.length + 20), 160);
    this.tail = text.slice(-this.marker.length);
  }
}
