/**
 * An error response for one catalog code, in the document's framework: the envelope body with
 * tab stops on what a developer fills in, the code's status, the content type, and the headers
 * the catalog documents for that status (plus `Retry-After` where the code may be retried).
 */
import { collectPlaceholders, placeholderValues, renderBody, wholePlaceholder } from '../catalog/envelope';
import { isRetryable, type Catalog, type CodeEntry } from '../catalog/model';
import { code, Slot, toPlainText, type Code, type Piece } from './code';
import { frameworkFor, type FrameworkTemplate, type ResponseHeader, type ResponseParts, type ResponseSite } from './frameworks';
import { escapeString, renderLiteral, UnrenderableValue } from './literals';

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

/** The response as statements for a site in a document: what a quick fix places. */
export interface ResponsePlan {
  readonly framework: FrameworkTemplate;
  /** The statements that send the response, each continuing at the indentation it was rendered for. */
  readonly statements: readonly Code[];
  /** The statement that stops the function after a written response, when the form needs one. */
  readonly exit: string;
  /** Whether the exit is needed even as the function's last statement. */
  readonly exitRequired: boolean;
  /** Imports the statements need, as lines of the language. */
  readonly imports: readonly string[];
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

function partsFor(catalog: Catalog, entry: CodeEntry, options: ErrorResponseOptions): ResponseParts {
  const slots = slotValues(catalog, entry);
  const body = renderBody(catalog, entry, { values: slots });
  const headers = headersFor(catalog, entry, options.standard, slots);
  return { status: entry.status, contentType: catalog.envelope.contentType, headers, body, indent: options.indent, unit: options.unit ?? '  ' };
}

/**
 * The error response for `entry` written from `site` (the names and form the code around the
 * insertion point allows), or undefined when the form cannot send it from there, or the language
 * cannot express the body (Java's `Map.of` takes no null).
 */
export function errorResponsePlan(catalog: Catalog, entry: CodeEntry, framework: FrameworkTemplate, site: ResponseSite, options: ErrorResponseOptions): ResponsePlan | undefined {
  const parts = partsFor(catalog, entry, options);
  if (framework.accepts && !framework.accepts(parts, site)) return undefined;
  try {
    // Header values go into string literals of the body's language, in the same quotes.
    const headers = parts.headers.map((h) => ({ ...h, value: h.value.map((piece) => (typeof piece === 'string' ? escapeString(piece, framework.literal) : piece)) }));
    const statements = framework.render({ ...parts, headers }, site);
    const rendered = statements.map(toPlainText).join('\n');
    return { framework, statements, exit: site.exit, exitRequired: site.exitRequired, imports: framework.imports?.(rendered, site) ?? [] };
  } catch (error) {
    if (error instanceof UnrenderableValue) return undefined;
    throw error;
  }
}

/** Statements joined at an indentation: the first continues where it is put, the others start their own lines. */
export function joinStatements(statements: readonly Code[], indent: string): Piece[] {
  return code(...statements.flatMap((statement, i) => (i === 0 ? [statement] : [`\n${indent}`, statement])));
}

/** The error response for `entry` with the framework's usual names, or undefined when the document's language has no renderer. */
export function errorResponse(catalog: Catalog, entry: CodeEntry, options: ErrorResponseOptions): ErrorResponse | undefined {
  const framework = frameworkFor(options.languageId, options.text, options.framework);
  if (!framework) return undefined;
  const plan = errorResponsePlan(catalog, entry, framework, framework.defaultSite, options);
  if (!plan) {
    // A body this language cannot express (null in a Java Map.of): give the plain JSON body instead of broken code.
    return { framework: undefined, code: renderLiteral(renderBody(catalog, entry, { values: slotValues(catalog, entry) }), 'json', options.indent, { unit: options.unit }) };
  }
  const statements = plan.exit ? [...plan.statements, [plan.exit]] : plan.statements;
  return { framework, code: code(joinStatements(statements, options.indent), { tabStop: 0, text: '' }) };
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
