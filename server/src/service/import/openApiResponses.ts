/**
 * The error responses of an OpenAPI document, operation by operation: for each 4xx, 5xx, `4XX`
 * or `default` response, its description, headers, body schema and example bodies, read the same
 * way from Swagger 2.0 (`schema`, `examples: { application/json: … }`, `produces`) and OpenAPI 3
 * (`content`, `example`, named `examples`).
 */
import type { DraftLeftOut } from './catalogDraft';
import { isObject, own, type Located, type SpecDocuments, type SpecVersion, OPENAPI_LIMITS } from './openApiDocuments';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'];

/** A response's key: an error status, a class of them (`4XX`), or `default`. */
export type ResponseKey = number | '4XX' | '5XX' | 'default';

export interface ExampleBody {
  /** The body, where it is written. */
  readonly body: Located;
  /** The example's name (`rate_limited`), summary and description, as the spec gives them. */
  readonly name?: string;
  readonly summary?: string;
  readonly description?: string;
}

export interface ResponseHeader {
  readonly name: string;
  readonly description?: string;
}

export interface ErrorResponse {
  /** `POST /labels`. */
  readonly operation: string;
  readonly key: ResponseKey;
  /** The response object, after its `$ref`. */
  readonly at: Located;
  readonly description?: string;
  readonly headers: readonly ResponseHeader[];
  readonly contentType: string;
  readonly schema?: Located;
  readonly examples: readonly ExampleBody[];
  /** `x-error-codes` (and the like) on the response: codes sent with its status. */
  readonly extensions: readonly Located[];
}

/** `x-error-codes` (and the like) on an operation: codes it can return, whatever their status. */
export interface OperationExtension {
  readonly operation: string;
  readonly at: Located;
}

/** `x-error-codes`, `x-errors`, `x-error-catalog`, `x-api-errors`…: extensions that list an API's codes. */
export function isErrorCodesExtension(key: string): boolean {
  return /^x-(api-)?errors?(-?codes?|-?catalog|-?list|-?definitions)?$/i.test(key);
}

export function responseKey(key: string): ResponseKey | undefined {
  if (/^[45]\d\d$/.test(key)) return Number(key);
  if (/^[45]xx$/i.test(key)) return `${key[0]}XX` as '4XX' | '5XX';
  return key === 'default' ? 'default' : undefined;
}

/** How well a media type suits an error body: problem details first, then JSON of any kind; undefined for others (XML, text). */
function mediaRank(mediaType: string): number | undefined {
  const type = mediaType.toLowerCase().split(';')[0].trim();
  if (type === 'application/problem+json') return 0;
  if (type === 'application/json') return 1;
  if (/^application\/[\w.+-]*\+json$/.test(type)) return 2;
  if (type === '*/*' || type === 'application/*') return 3;
  if (/json/.test(type)) return 4;
  return undefined;
}

function mediaTypeOf(mediaType: string): string {
  const type = mediaType.toLowerCase().split(';')[0].trim();
  return type === '*/*' || type === 'application/*' || !/^[\w.+-]+\/[\w.+-]+$/.test(type) ? 'application/json' : type;
}

/** The media types a Swagger 2.0 operation produces (its own, else the document's). */
function producedTypes(operation: Located, root: Located): string[] {
  const produces = own(operation.value, 'produces') ?? own(root.value, 'produces');
  return Array.isArray(produces) ? produces.filter((type): type is string => typeof type === 'string') : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** Reads the error responses of every operation (up to {@link OPENAPI_LIMITS.maxOperations} operations). */
export function readErrorResponses(documents: SpecDocuments, version: SpecVersion, leftOut: DraftLeftOut[]): { responses: ErrorResponse[]; extensions: OperationExtension[]; operations: number } {
  const root = documents.root();
  const responses: ErrorResponse[] = [];
  const extensions: OperationExtension[] = [];
  let operations = 0;
  let skipped = 0;
  for (const [path, itemAt] of documents.entries(documents.child(root, 'paths'))) {
    const item = documents.deref(itemAt);
    for (const method of METHODS) {
      const operationAt = documents.child(item, method);
      if (!operationAt || !isObject(documents.deref(operationAt).value)) continue;
      if (operations >= OPENAPI_LIMITS.maxOperations) {
        skipped++;
        continue;
      }
      operations++;
      const operation = documents.deref(operationAt);
      const label = `${method.toUpperCase()} ${path}`;
      for (const [key, at] of documents.entries(operation)) if (isErrorCodesExtension(key)) extensions.push({ operation: label, at });
      for (const [key, responseAt] of documents.entries(documents.child(operation, 'responses'))) {
        const status = responseKey(key);
        if (status === undefined) continue;
        const response = documents.deref(responseAt);
        if (!isObject(response.value)) continue;
        responses.push(readResponse(documents, version, root, operation, label, status, responseAt, response));
      }
    }
  }
  if (skipped > 0) {
    leftOut.push({ where: '#/paths', what: `${skipped} operations past the first ${OPENAPI_LIMITS.maxOperations.toLocaleString('en-US')} were not read.` });
  }
  return { responses, extensions, operations };
}

function readResponse(documents: SpecDocuments, version: SpecVersion, root: Located, operation: Located, label: string, key: ResponseKey, written: Located, response: Located): ErrorResponse {
  // OpenAPI 3.1 lets a reference override the description of what it names.
  const description = text(own(written.value, 'description')) ?? text(own(response.value, 'description'));
  const headers: ResponseHeader[] = documents.entries(documents.child(response, 'headers')).map(([name, headerAt]) => {
    const header = documents.deref(headerAt);
    return { name, description: text(own(headerAt.value, 'description')) ?? text(own(header.value, 'description')) };
  });
  const extensions = documents.entries(response).filter(([name]) => isErrorCodesExtension(name)).map(([, at]) => at);
  const examples: ExampleBody[] = [];
  let schema: Located | undefined;
  let contentType = 'application/json';

  if (version === 'swagger2') {
    schema = documents.child(response, 'schema');
    const produced = producedTypes(operation, root);
    const jsonTypes = produced.filter((type) => mediaRank(type) !== undefined).sort((a, b) => mediaRank(a)! - mediaRank(b)!);
    if (jsonTypes.length > 0) contentType = mediaTypeOf(jsonTypes[0]);
    const byType = documents.entries(documents.child(response, 'examples')).filter(([type]) => mediaRank(type) !== undefined).sort(([a], [b]) => mediaRank(a)! - mediaRank(b)!);
    for (const [, body] of byType.slice(0, 1)) examples.push({ body: documents.deref(body) });
  } else {
    const media = documents.entries(documents.child(response, 'content'))
      .filter(([type]) => mediaRank(type) !== undefined)
      .sort(([a], [b]) => mediaRank(a)! - mediaRank(b)!)[0];
    if (media) {
      const [type, mediaAt] = media;
      contentType = mediaTypeOf(type);
      schema = documents.child(mediaAt, 'schema');
      const example = documents.child(mediaAt, 'example');
      if (example) examples.push({ body: documents.deref(example) });
      for (const [name, exampleAt] of documents.entries(documents.child(mediaAt, 'examples')).slice(0, 100)) {
        const object = documents.deref(exampleAt);
        const value = documents.child(object, 'value');
        const summary = text(own(exampleAt.value, 'summary')) ?? text(own(object.value, 'summary'));
        const about = text(own(exampleAt.value, 'description')) ?? text(own(object.value, 'description'));
        if (value) examples.push({ body: documents.deref(value), name, summary, description: about });
        else if (typeof own(object.value, 'externalValue') === 'string') documents.notFollowed.set(documents.where(object), `example \`${name}\` is in another file (\`externalValue\`), which is not read.`);
      }
    }
  }
  return { operation: label, key, at: response, description, headers, contentType, schema, examples, extensions };
}
