/**
 * The explanation of a code or a status, as Markdown: what hover shows and what a
 * completion item resolves to. Short by design, with a link to the full docs.
 */
import type { CatalogSet, CodeHit, StatusInfo } from '../catalog/catalogSet';
import { renderBody } from '../catalog/envelope';
import { codeAnchor, codeBlock, codeSpan, compactJson, escapeMarkdown, link } from './markdown';
import { isRetryable, retryPolicyOf, type Catalog, type CodeEntry, type RetryPolicy } from '../catalog/model';

/** Hovers stay short: the first few causes and steps, the rest behind the docs link. */
const MAX_LIST_ITEMS = 3;

/** The most characters of one catalog text an explanation shows: a hover is a summary, and a catalog may hold megabytes in one field. */
const MAX_TEXT_LENGTH = 2000;

/** `text` escaped, cut at a word before the limit when longer, saying so. */
function brief(text: string, limit = MAX_TEXT_LENGTH): string {
  if (text.length <= limit) return escapeMarkdown(text);
  const space = text.lastIndexOf(' ', limit);
  return `${escapeMarkdown(text.slice(0, space > limit / 2 ? space : limit))} … (${(text.length - limit).toLocaleString('en')} more characters in the catalog)`;
}

function shortList(title: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, MAX_LIST_ITEMS).map((item) => `- ${brief(item, MAX_TEXT_LENGTH / 4)}`);
  if (items.length > MAX_LIST_ITEMS) shown.push(`- … and ${items.length - MAX_LIST_ITEMS} more`);
  return [`**${title}**`, '', ...shown];
}

/** The docs link of a code: its own, else the catalog's link template or base page. */
export function docsUrlOf(entry: CodeEntry, catalog: Catalog): string | undefined {
  // A code's own docs may use the same placeholders as the catalog's; `${anchor}` is the code's
  // section on the page `error-catalog docs` writes.
  const template = entry.docs ?? catalog.docs;
  if (!template) return undefined;
  return template.replace(/\$\{code\}/g, encodeURIComponent(entry.code)).replace(/\$\{status\}/g, String(entry.status)).replace(/\$\{anchor\}/g, codeAnchor(entry.code));
}

export function describeRetry(policy: RetryPolicy | undefined): string | undefined {
  if (!policy || policy.strategy === 'none') return undefined;
  const how = {
    exponential: 'with exponential backoff',
    fixed: policy.delaySeconds !== undefined ? `after a fixed ${policy.delaySeconds} s delay` : 'after a fixed delay',
    'retry-after': 'after the delay in `Retry-After`',
    none: '',
  }[policy.strategy];
  const attempts = policy.maxAttempts !== undefined ? `, at most ${policy.maxAttempts} attempts` : '';
  return `${how}${attempts}`;
}

function sourceLine(catalog: Catalog, docs: string | undefined): string {
  const file = catalog.origin === 'builtin' ? 'built-in' : codeSpan(catalog.uri.slice(catalog.uri.lastIndexOf('/') + 1));
  return `*${brief(catalog.title, 200)}* (${file})${docs ? ` · ${link('Docs', docs)}` : ''}`;
}

function statusLabel(set: CatalogSet, status: number): string {
  const reason = set.reasonOf(status);
  return reason ? `${status} ${reason}` : String(status);
}

/** One line for a completion item's `detail`: status, reason and title. */
export function codeDetail(hit: CodeHit, set: CatalogSet): string {
  const parts = [statusLabel(set, hit.entry.status)];
  if (hit.entry.title) parts.push(hit.entry.title);
  if (hit.entry.deprecated) parts.push(hit.entry.replacedBy ? `deprecated, use ${hit.entry.replacedBy}` : 'deprecated');
  return parts.join(' · ');
}

/** Operations listed in a code's hover, and the characters shown of each; a hover is read at a glance. */
const MAX_OPERATIONS_SHOWN = 6;
const MAX_OPERATION_LENGTH = 120;

export function explainCode(hit: CodeHit, set: CatalogSet, alsoIn: readonly Catalog[] = []): string {
  const { entry, catalog } = hit;
  const lines: string[] = [`**${codeSpan(entry.code)}** · ${escapeMarkdown(statusLabel(set, entry.status))}`];
  if (entry.title) lines.push('', `*${brief(entry.title, 200)}*`);
  if (entry.deprecated) {
    const reason = typeof entry.deprecated === 'string' ? ` ${brief(entry.deprecated, 500)}` : '';
    const replacement = entry.replacedBy ? ` Use ${codeSpan(entry.replacedBy)} instead.` : '';
    lines.push('', `**Deprecated.**${reason}${replacement}`);
  }
  if (entry.description) lines.push('', brief(entry.description));
  const causes = shortList('Causes', entry.causes);
  if (causes.length) lines.push('', ...causes);
  const resolution = shortList('Resolution', entry.resolution);
  if (resolution.length) lines.push('', ...resolution);
  if (entry.operations.length > 0) {
    // In a code span nothing is Markdown, so the operation is cut, never escaped (`/users/{user_id}` shows as written).
    const shown = entry.operations.slice(0, MAX_OPERATIONS_SHOWN).map((operation) => codeSpan(operation.length > MAX_OPERATION_LENGTH ? `${operation.slice(0, MAX_OPERATION_LENGTH)}…` : operation));
    const more = entry.operations.length > MAX_OPERATIONS_SHOWN ? ` and ${entry.operations.length - MAX_OPERATIONS_SHOWN} more` : '';
    lines.push('', `Returned by ${shown.join(', ')}${more}.`);
  }
  if (isRetryable(entry, catalog, set.standard)) {
    const policy = retryPolicyOf(entry.status, catalog, set.standard);
    lines.push('', `**Retryable**${policy ? ` ${describeRetry(policy) ?? ''}`.trimEnd() : ''}.`);
  }
  // The catalog and the docs link come before the example, so they show without scrolling.
  lines.push('', sourceLine(catalog, docsUrlOf(entry, catalog)));
  const example = compactJson(renderBody(catalog, entry), 72);
  lines.push('', codeBlock('json', example.length > MAX_TEXT_LENGTH * 2 ? `${example.slice(0, MAX_TEXT_LENGTH * 2)}\n…` : example));
  if (alsoIn.length > 0) lines.push('', `Also defined in: ${alsoIn.map((c) => `*${brief(c.title, 200)}*`).join(', ')}`);
  return lines.join('\n');
}

export function explainStatus(info: StatusInfo, set: CatalogSet): string {
  const lines: string[] = [`**${escapeMarkdown(statusLabel(set, info.status))}**`];
  const own = info.entries[0];
  const meaning = own?.entry.meaning ?? info.standard?.meaning;
  if (meaning) lines.push('', `*${brief(meaning, 500)}*`);
  const description = own?.entry.description ?? info.standard?.description;
  if (description) lines.push('', brief(description));
  if (own?.entry.description && info.standard?.description && own.entry.description !== info.standard.description) {
    lines.push('', `HTTP: ${brief(info.standard.description)}`);
  }
  const troubleshooting = own?.entry.troubleshooting.length ? own.entry.troubleshooting : info.standard?.troubleshooting ?? [];
  const steps = shortList('Troubleshooting', troubleshooting);
  if (steps.length) lines.push('', ...steps);
  const retry = describeRetry(own?.entry.retry ?? info.standard?.retry);
  if (retry) lines.push('', `**Retryable** ${retry}.`);
  const codes = set.codesWithStatus(info.status, 8);
  if (codes.length > 0) lines.push('', `Codes: ${codes.map((h) => codeSpan(h.entry.code)).join(', ')}`);
  const sources: string[] = [];
  if (own) sources.push(sourceLine(own.catalog, own.entry.docs ?? (own.catalog.docs?.includes('${') ? undefined : own.catalog.docs)));
  if (info.standard) {
    const spec = info.standard.spec ?? 'HTTP';
    sources.push(link(spec, info.standard.docs));
  }
  if (sources.length) lines.push('', sources.join(' · '));
  return lines.join('\n');
}
