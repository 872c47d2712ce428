/**
 * The error reference page: a catalog as one Markdown document a team can publish beside its API
 * docs. It gives the response envelope, a table of statuses, and a section per code with an
 * example body built the same way hovers and quick fixes build theirs.
 *
 * The page is pure and deterministic (it has no dates and keeps catalog order): the same catalog
 * always gives the same text, so a check can use the generated header's hash to tell whether a
 * published page is stale.
 *
 * Catalogs come from cloned repositories, so their text is untrusted. Prose goes through
 * `escapeMarkdown`, names through `codeSpan`, URLs through `link` (http and https only), bodies
 * through `codeBlock`, and table cells also through `tableCell`. The page builds no other
 * Markdown or HTML from catalog text.
 */
import { renderBody } from '../catalog/envelope';
import { isRetryable, retryPolicyOf, type Catalog, type CodeEntry, type HeaderEntry, type RetryPolicy, type StatusEntry } from '../catalog/model';
import { isSlot } from './code';
import { slotValues } from './errorResponse';
import { describeRetry, docsUrlOf } from './explain';
import { catalogHash, generatedHeader } from './generatedHeader';
import { codeAnchor, codeBlock, codeSpan, escapeMarkdown, link } from './markdown';

export { codeAnchor };

export interface DocsPageOptions {
  /** The catalog's path as the command named it, for the generated header. */
  readonly catalogPath: string;
  /** The HTTP status catalog: reason phrases and retry policies for statuses the catalog leaves out. */
  readonly standard?: Catalog;
}


/**
 * The anchor of every code, unique on the page. A code whose own anchor no earlier code has taken
 * keeps it, so a link to `#auth-001-2` never lands on another code's section. Each later code
 * that collides gets the first free `-2`, `-3`… suffix, in catalog order.
 */
export function codeAnchors(codes: Iterable<string>): Map<string, string> {
  const ordered = [...codes];
  const anchors = new Map<string, string>();
  const taken = new Set<string>();
  for (const code of ordered) {
    const own = codeAnchor(code);
    if (!taken.has(own)) {
      taken.add(own);
      anchors.set(code, own);
    }
  }
  for (const code of ordered) {
    if (anchors.has(code)) continue;
    const own = codeAnchor(code);
    let suffix = 2;
    while (taken.has(`${own}-${suffix}`)) suffix++;
    taken.add(`${own}-${suffix}`);
    anchors.set(code, `${own}-${suffix}`);
  }
  return anchors;
}

/** The error reference page for `catalog`, as Markdown that ends with one newline. */
export function docsPage(catalog: Catalog, options: DocsPageOptions): string {
  const anchors = codeAnchors(catalog.codes.keys());
  const sections = [
    introSection(catalog),
    envelopeSection(catalog),
    statusSection(catalog, options.standard, anchors),
    codesSection(catalog, options.standard, anchors),
  ];
  const header = generatedHeader('markdown', { catalog: options.catalogPath, hash: catalogHash(catalog), kind: 'docs' });
  return `${header}\n${sections.join('\n\n')}\n`;
}

/**
 * Catalog prose as one line of escaped Markdown. `escapeMarkdown` joins lines that end in `\n`,
 * but some renderers also treat a lone `\r` as a line break, so a lone `\r` is changed to `\n`
 * first and joined as well.
 */
function prose(text: string): string {
  return escapeMarkdown(text.replace(/\r/g, '\n'));
}

/**
 * A table cell: one line, where every `|` is escaped. A GFM renderer splits a row into cells
 * before it reads code spans, so a `|` inside a catalog's `code span` would end the cell too.
 * Escaped pairs (`\|`, `\\`) are kept as they are, so that each pipe left in the cell follows an
 * odd run of backslashes.
 */
function tableCell(markdown: string): string {
  return markdown.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\\.|\|/g, (match) => (match === '|' ? '\\|' : match));
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(tableCell).join(' | ')} |`;
}

function table(headings: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [tableRow(headings), tableRow(headings.map(() => '---')), ...rows.map(tableRow)];
}

/**
 * The values quick fixes fill a code's body with, with each tab stop replaced by its default
 * value. A page has no tab stops. The slots are unwrapped before rendering, not after, because
 * `renderBody` turns a `${name:string}` placeholder into a string only when its value is a plain
 * number.
 */
function exampleValues(catalog: Catalog, entry: CodeEntry): Record<string, unknown> {
  return Object.fromEntries(Object.entries(slotValues(catalog, entry)).map(([name, value]) => [name, isSlot(value) ? value.value : value]));
}

function exampleJson(body: unknown): string {
  return JSON.stringify(body, null, 2);
}

function introSection(catalog: Catalog): string {
  const lines = [`# ${prose(catalog.title)}`];
  if (catalog.description) lines.push('', prose(catalog.description));
  const facts: string[] = [];
  if (catalog.version) facts.push(`Version ${codeSpan(catalog.version)}`);
  // A docs template with placeholders points at one code each, so each code section links it instead.
  if (catalog.docs && !catalog.docs.includes('${')) facts.push(link('Documentation', catalog.docs));
  if (facts.length > 0) lines.push('', facts.join(' · '));
  return lines.join('\n');
}

function headerStatuses(header: HeaderEntry): string {
  return header.statuses ? header.statuses.map(String).join(', ') : 'every error response';
}

function envelopeSection(catalog: Catalog): string {
  const { envelope } = catalog;
  const lines = ['## Response envelope', '', `Every error response is sent as ${codeSpan(envelope.contentType)}.`];

  lines.push('', '**Headers**', '');
  if (envelope.headers.length === 0) {
    lines.push('The catalog documents no response headers.');
  } else {
    const rows = envelope.headers.map((header) => [
      codeSpan(header.name),
      header.value === undefined ? '—' : codeSpan(String(header.value)),
      header.description ? prose(header.description) : '',
      headerStatuses(header),
    ]);
    lines.push(...table(['Header', 'Value', 'Description', 'Sent with'], rows));
  }

  lines.push('', '**Body template**', '', `Each ${codeSpan('${name}')} string is a placeholder that is filled in for each response. Everything else is sent as written.`);
  if (envelope.optional.length > 0) {
    lines.push('', `Members sent only when a code carries them: ${envelope.optional.map(codeSpan).join(', ')}.`);
  }
  lines.push('', codeBlock('json', JSON.stringify(envelope.body, null, 2)));

  // This example is the envelope's full shape, with every optional member and example values. It does not belong to any one code.
  lines.push('', '**Example body** (every member, with example values)', '', codeBlock('json', exampleJson(renderBody(catalog, undefined, { includeAllOptional: true }))));
  return lines.join('\n');
}

/** The catalog's own reason first. The standard's reason is used only for statuses that the catalog leaves without one. */
function reasonOf(status: number, catalog: Catalog, standard: Catalog | undefined): string | undefined {
  return catalog.statuses.get(status)?.reason ?? standard?.statuses.get(status)?.reason;
}

function statusLabel(status: number, catalog: Catalog, standard: Catalog | undefined): string {
  const reason = reasonOf(status, catalog, standard);
  return reason ? `${status} ${prose(reason)}` : String(status);
}

/** Retry advice for a status policy. The `Retry-After` code span in `describeRetry` comes from this code, not from the catalog. */
function statusRetryAdvice(policy: RetryPolicy | undefined): string {
  if (!policy) return '—';
  const how = describeRetry(policy);
  return how ? `Yes, ${how}` : 'No';
}

function statusMeaning(entry: StatusEntry | undefined): string {
  const parts = [entry?.meaning, entry?.description].filter((text): text is string => Boolean(text)).map(prose);
  return parts.join(' — ');
}

function codeLink(code: string, anchors: ReadonlyMap<string, string>): string {
  const anchor = anchors.get(code);
  // Anchors contain only [a-z0-9-], so they are safe in a link destination.
  return anchor ? `[${codeSpan(code)}](#${anchor})` : codeSpan(code);
}

function statusSection(catalog: Catalog, standard: Catalog | undefined, anchors: ReadonlyMap<string, string>): string {
  const codesByStatus = new Map<number, string[]>();
  for (const entry of catalog.codes.values()) {
    const codes = codesByStatus.get(entry.status) ?? [];
    codes.push(entry.code);
    codesByStatus.set(entry.status, codes);
  }
  const statuses = [...new Set([...catalog.statuses.keys(), ...codesByStatus.keys()])].sort((a, b) => a - b);
  const lines = ['## Status codes', ''];
  if (statuses.length === 0) {
    lines.push('The catalog documents no statuses.');
    return lines.join('\n');
  }
  const rows = statuses.map((status) => [
    String(status),
    prose(reasonOf(status, catalog, standard) ?? ''),
    statusMeaning(catalog.statuses.get(status)),
    (codesByStatus.get(status) ?? []).map((code) => codeLink(code, anchors)).join(', ') || '—',
    statusRetryAdvice(retryPolicyOf(status, catalog, standard)),
  ]);
  lines.push(...table(['Status', 'Reason', 'Meaning for this API', 'Codes', 'Retry'], rows));
  return lines.join('\n');
}

/** Retry advice for a code. The code's own `retryable` wins over its status's policy, as it does in hovers and quick fixes. */
function codeRetryAdvice(entry: CodeEntry, catalog: Catalog, standard: Catalog | undefined): string {
  if (!isRetryable(entry, catalog, standard)) return 'No.';
  const policy = retryPolicyOf(entry.status, catalog, standard);
  const how = describeRetry(policy);
  const note = policy?.note ? ` ${prose(policy.note)}` : '';
  return `${how ? `Yes, ${how}.` : 'Yes.'}${note}`;
}

/** A code's own docs link. A catalog base page with no placeholders is linked once, at the top of the page. */
function codeDocsUrl(entry: CodeEntry, catalog: Catalog): string | undefined {
  if (!entry.docs && !catalog.docs?.includes('${')) return undefined;
  return docsUrlOf(entry, catalog);
}

function codeSection(entry: CodeEntry, catalog: Catalog, standard: Catalog | undefined, anchors: ReadonlyMap<string, string>): string {
  const lines = [`<a id="${anchors.get(entry.code) ?? codeAnchor(entry.code)}"></a>`, `### ${codeSpan(entry.code)}`];
  if (entry.deprecated) {
    const reason = typeof entry.deprecated === 'string' ? ` ${prose(entry.deprecated)}` : '';
    const replacement = entry.replacedBy ? ` Use ${codeLink(entry.replacedBy, anchors)} instead.` : '';
    lines.push('', `**Deprecated.**${reason}${replacement}`);
  }
  lines.push('', `**Status:** ${statusLabel(entry.status, catalog, standard)}`);
  if (entry.title) lines.push('', `**Title:** ${prose(entry.title)}`);
  if (entry.message) lines.push('', `**Message:** ${prose(entry.message)}`);
  if (entry.description) lines.push('', prose(entry.description));
  if (entry.causes.length > 0) lines.push('', '**Causes**', '', ...entry.causes.map((cause) => `- ${prose(cause)}`));
  if (entry.resolution.length > 0) lines.push('', '**Resolution**', '', ...entry.resolution.map((step, i) => `${i + 1}. ${prose(step)}`));
  lines.push('', `**Retry:** ${codeRetryAdvice(entry, catalog, standard)}`);
  if (entry.tags.length > 0) lines.push('', `**Tags:** ${entry.tags.map(codeSpan).join(', ')}`);
  const docs = codeDocsUrl(entry, catalog);
  if (docs) lines.push('', `**Documentation:** ${link(docs, docs)}`);
  const body = renderBody(catalog, entry, { values: exampleValues(catalog, entry) });
  lines.push('', '**Example body**', '', codeBlock('json', exampleJson(body)));
  return lines.join('\n');
}

function codesSection(catalog: Catalog, standard: Catalog | undefined, anchors: ReadonlyMap<string, string>): string {
  if (catalog.codes.size === 0) return ['## Error codes', '', 'The catalog defines no error codes.'].join('\n');
  return ['## Error codes', ...[...catalog.codes.values()].map((entry) => `\n${codeSection(entry, catalog, standard, anchors)}`)].join('\n');
}
