/**
 * An error response for one catalog code, in the document's framework: the envelope body with
 * tab stops on what a developer fills in, the code's status, the content type, and the headers
 * the catalog documents for that status (plus `Retry-After` where the code may be retried).
 */
import { collectPlaceholders, placeholderValues, renderBody, wholePlaceholder } from '../catalog/envelope';
import { isRetryable, type Catalog, type CodeEntry } from '../catalog/model';
import { code, Slot, type Code } from './code';
import { frameworkFor, type FrameworkTemplate, type ResponseHeader } from './frameworks';
import { renderLiteral, UnrenderableValue } from './literals';

/** Tab stop numbers, shared by the body and the headers so that one edit fills both (`retryAfter`). */
const TAB = { message: 1, field: 2, details: 3, retryAfter: 4, requestId: 5, timestamp: 6, header: 7, unknown: 10 } as const;

export interface ErrorResponse {
  readonly framework: FrameworkTemplate | undefined;
  /** The statement(s) to insert; the first line continues at the insertion point. */
  readonly code: Code;
}

export interface ErrorResponseOptions {
  readonly languageId: string;
  /** The document text, to detect the framework. */
  readonly text: string;
  /** `errorCatalog.framework`, when set. */
  readonly framework?: string;
  /** The indentation of the line the statement starts on. */
  readonly indent: string;
  /** One level of indentation in the document. */
  readonly unit?: string;
  /** The HTTP status catalog, for the retry policy of statuses the catalog leaves out. */
  readonly standard?: Catalog;
}

/** The body values for a code, with tab stops on the parts a developer fills in. */
export function slotValues(catalog: Catalog, entry: CodeEntry): Record<string, unknown> {
  const values = placeholderValues(catalog, entry);
  const slots: Record<string, unknown> = { message: new Slot(TAB.message, String(values.message)) };
  if (typeof values.field === 'string') slots.field = new Slot(TAB.field, values.field);
  if (typeof values.details === 'string') slots.details = new Slot(TAB.details, values.details);
  if (typeof values.retryAfter === 'number') slots.retryAfter = new Slot(TAB.retryAfter, values.retryAfter);
  // Example request ids and times must not ship as constants: they are tab stops to replace.
  if (typeof values.requestId === 'string') slots.requestId = new Slot(TAB.requestId, values.requestId);
  if (typeof values.timestamp === 'string') slots.timestamp = new Slot(TAB.timestamp, values.timestamp);
  // A placeholder neither the code nor the defaults fill (`${tenant}`) becomes a tab stop named after it.
  let next: number = TAB.unknown;
  for (const name of collectPlaceholders(catalog.envelope.body)) {
    if (!Object.hasOwn(values, name)) slots[name] = new Slot(next++, name);
  }
  return slots;
}

function headersFor(catalog: Catalog, entry: CodeEntry, standard: Catalog | undefined, slots: Record<string, unknown>): ResponseHeader[] {
  const values = { ...placeholderValues(catalog, entry), ...slots };
  const retryAfter = () => [{ tabStop: TAB.retryAfter, text: String((slots.retryAfter as Slot | undefined)?.value ?? values.retryAfter ?? 60) }];
  const headers: ResponseHeader[] = [];
  let nextTab: number = TAB.header;
  for (const header of catalog.envelope.headers) {
    if (header.statuses && !header.statuses.includes(entry.status)) continue;
    const template = header.value === undefined ? undefined : String(header.value);
    const placeholder = wholePlaceholder(template);
    let value: Code;
    if (/^retry-after$/i.test(header.name) || placeholder === 'retryAfter') value = retryAfter();
    else if (template !== undefined) value = [template.replace(/\$\{([A-Za-z_][\w-]*)\}/g, (_, name: string) => String(Object.hasOwn(values, name) ? values[name] : name))];
    else value = [{ tabStop: nextTab++, text: /remaining/i.test(header.name) ? '0' : 'value' }];
    headers.push({ name: header.name, value });
  }
  // A client can only honour Retry-After if it is sent: add it where the code may be retried after a wait.
  if ((entry.status === 429 || entry.status === 503) && isRetryable(entry, catalog, standard) && !headers.some((h) => /^retry-after$/i.test(h.name))) {
    headers.unshift({ name: 'Retry-After', value: retryAfter() });
  }
  return headers;
}

/** The error response for `entry`, or undefined when the document's language has no renderer. */
export function errorResponse(catalog: Catalog, entry: CodeEntry, options: ErrorResponseOptions): ErrorResponse | undefined {
  const framework = frameworkFor(options.languageId, options.text, options.framework);
  const slots = slotValues(catalog, entry);
  const body = renderBody(catalog, entry, { values: slots });
  if (!framework) return undefined;
  try {
    const headers = headersFor(catalog, entry, options.standard, slots);
    const parts = { status: entry.status, contentType: catalog.envelope.contentType, headers, body, indent: options.indent, unit: options.unit ?? '  ' };
    return { framework, code: code(framework.render(parts), { tabStop: 0, text: '' }) };
  } catch (error) {
    // A body this language cannot express (null in a Java Map.of): give the plain JSON body instead of broken code.
    if (error instanceof UnrenderableValue) return { framework: undefined, code: renderLiteral(body, 'json', options.indent, { unit: options.unit }) };
    throw error;
  }
}

/** The body alone, as a literal of the document's language (for envelope completions). */
export function errorBodyLiteral(catalog: Catalog, entry: CodeEntry, languageId: string, text: string, indent: string, unit: string, at?: readonly string[]): Code | undefined {
  const framework = frameworkFor(languageId, text);
  if (!framework) return undefined;
  let body: unknown = renderBody(catalog, entry, { values: slotValues(catalog, entry) });
  for (const key of at ?? []) body = (body as Record<string, unknown>)[key];
  try {
    return renderLiteral(body, framework.literal, indent, { unit, goMapType: framework.id === 'gin' ? 'gin.H' : undefined });
  } catch (error) {
    if (error instanceof UnrenderableValue) return undefined;
    throw error;
  }
}
