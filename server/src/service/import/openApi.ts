/**
 * The OpenAPI importer: an OpenAPI 3.0/3.1 or Swagger 2.0 document (YAML or JSON, `$ref`s across
 * files) as a catalog draft. The envelope is the error body most operations share; codes come
 * from an `enum` on its code member, from example bodies under error responses and from
 * `x-error-codes`-style extensions, never from anywhere else; statuses, rate-limit headers and the
 * operations that return each code come from the responses. Every code, status and the envelope
 * records where in which file it was read, and every guess is marked.
 */
import { ARRAY_ITEM } from '../catalog/envelope';
import {
  catalogIdFrom,
  type CatalogDraft,
  type DraftCode,
  type DraftExample,
  type DraftGuess,
  type DraftHeader,
  type DraftLeftOut,
  type DraftOrigin,
  type DraftStatus,
} from './catalogDraft';
import { isObject, own, readSpec, WorkBudget, OPENAPI_LIMITS, type JsonObject, type Located, type SpecDocuments, type SpecVersion } from './openApiDocuments';
import { isErrorCodesExtension, readErrorResponses, type ErrorResponse, type ExampleBody, type ResponseKey } from './openApiResponses';
import { describedValue, problemDetailsShape, shapeFromExample, shapeFromSchema, valuesAt, type ErrorShape } from './openApiShapes';
import { cleanText, cut, firstParagraph, isReasonOnly, reasonPhrase, statusFromName } from './openApiText';

export { OPENAPI_LIMITS } from './openApiDocuments';

/**
 * Reads the OpenAPI or Swagger document at `specPath` (absolute, with forward slashes), and every
 * file its `$ref`s name, through `readFile` only (the caller keeps reads inside the workspace;
 * URLs are never fetched), and makes a catalog draft of its error responses.
 *
 * @throws ImportError naming the problem and its place (file and line, or file and JSON pointer):
 * a file that does not parse, a document that is neither OpenAPI 3 nor Swagger 2, a `$ref` that
 * does not resolve, a file `readFile` refuses (with its message), a document past the size bounds.
 */
export async function importOpenApi(specPath: string, readFile: (absolutePath: string) => Promise<string>): Promise<CatalogDraft> {
  const budget = new WorkBudget();
  const { documents, version } = await readSpec(specPath, readFile, budget);
  return new OpenApiImport(documents, version, specPath).draft();
}

/** Text members of a code, at most this long. */
const MAX_TITLE = 120;
const MAX_MESSAGE = 300;
const MAX_DESCRIPTION = 600;
/** Example bodies kept in the draft, at most this long as JSON. */
const MAX_EXAMPLE_JSON = 2000;
/** Operations listed for one code (the catalog schema's bound). */
const MAX_CODE_OPERATIONS = 500;
const MAX_OPERATION_LENGTH = 300;
/** An operation as the catalog lists it: a method and a path without spaces or control characters. */
const OPERATION = /^[A-Z]+ [^\s\u0000-\u001f\u007f]+$/;

/** Headers that tell a client when to try again: `Retry-After`, `X-RateLimit-*`, `RateLimit-*`. */
const RATE_LIMIT_HEADER = /^(retry-after|x-rate-?limit(-[\w-]+)?|ratelimit(-[\w-]+)?)$/i;

/** Example values that stand for a type or a placeholder rather than a code (`code: string`). */
const NOT_A_CODE = /^(string|integer|number|boolean|object|array|null|code|error_?code|<[^>]*>|\{[^}]*\}|\$\{[^}]*\}|\.\.\.|…)$/i;

/** An error body shape and the responses that use it. */
interface ShapeUse {
  readonly shape: ErrorShape;
  readonly responses: ErrorResponse[];
  readonly operations: Set<string>;
  /** The operations using it, by response key (`404`, `4XX`, `default`). */
  readonly byKey: Map<ResponseKey, Set<string>>;
}

/** What the spec says about one code, gathered from all the places it appears. */
interface CodeFacts {
  readonly code: string;
  /** Where it was first found. */
  readonly at: Located;
  /** Statuses the spec gives it (an example under a response, an extension's `status`), by how often, in the order found. */
  readonly statuses: Map<number, string[]>;
  title?: string;
  message?: string;
  description?: string;
  readonly operations: Set<string>;
  /** The shapes whose code member lists it (their responses can return it). */
  readonly listedIn: Set<ShapeUse>;
  example?: DraftExample;
  readonly members: Record<string, unknown>;
}

class OpenApiImport {
  private readonly leftOut: DraftLeftOut[] = [];
  private readonly guesses: DraftGuess[] = [];
  private readonly origins: DraftOrigin[] = [];
  private readonly codes = new Map<string, CodeFacts>();
  private readonly shapesBySchema = new Map<string, ErrorShape | undefined>();
  private readonly useOfResponse = new Map<ErrorResponse, ShapeUse>();
  private codesDropped = 0;

  /** @param specPath the document's path as the caller gave it: origins in the document name it so, for the caller to match. */
  constructor(private readonly documents: SpecDocuments, private readonly version: SpecVersion, private readonly specPath: string) {}

  private addOrigin(path: DraftOrigin['path'], at: Located): void {
    this.origins.push({ path, file: at.file === this.documents.rootFile ? this.specPath : at.file, pointer: at.pointer });
  }

  private get budget(): WorkBudget {
    return this.documents.budget;
  }

  draft(): CatalogDraft {
    const root = this.documents.root();
    const info = this.documents.child(root, 'info');
    const fileName = this.documents.rootFile.slice(this.documents.rootFile.lastIndexOf('/') + 1);
    const written = own(info?.value, 'title');
    const title = (typeof written === 'string' ? cleanText(written, 100) : '') || fileName;
    const about = own(info?.value, 'description');
    const version = own(info?.value, 'version');

    const { responses, extensions, operations } = readErrorResponses(this.documents, this.version, this.leftOut);
    const uses = this.shapeUses(responses);
    const envelopeUse = this.chooseEnvelope(uses);

    this.readRootExtensions(root);
    for (const use of envelopeUse ? [envelopeUse, ...uses.filter((use) => use !== envelopeUse)] : uses) this.readListedCodes(use);
    for (const response of responses) this.readResponseCodes(response);
    for (const { at, operation } of extensions) this.readExtension(at, undefined, operation);
    for (const use of uses) this.readSchemaExampleCodes(use);

    const envelope = this.envelope(envelopeUse, responses, operations);
    const statuses = this.statuses(responses);
    const codes = this.codeEntries(statuses);

    for (const [where, what] of this.documents.notFollowed) this.leftOut.push({ where, what });
    if (this.codesDropped > 0) this.leftOut.push({ where: '#/', what: `${this.codesDropped} codes past the first ${OPENAPI_LIMITS.maxCodes.toLocaleString('en-US')} were not imported.` });
    if (Object.keys(codes).length === 0) {
      this.leftOut.push({
        where: '#/',
        what: 'no error codes: the error responses have no `enum` on a code member, no example bodies with a code, and no `x-error-codes` extension. Add the codes by hand under `codes:`.',
      });
    }
    return {
      catalog: {
        id: catalogIdFrom(title),
        title,
        description: typeof about === 'string' ? firstParagraph(about, 500) : undefined,
        version: typeof version === 'string' || typeof version === 'number' ? cleanText(String(version), 60) || undefined : undefined,
        envelope,
        statuses,
        codes,
      },
      guesses: this.guesses,
      leftOut: this.leftOut,
      origins: this.origins,
    };
  }

  // ---- the envelope: the body shape most operations share ----

  private shapeOf(response: ErrorResponse): ErrorShape | undefined {
    if (response.schema) {
      const schema = this.documents.deref(response.schema);
      const key = `${response.contentType} ${schema.file}#${schema.pointer.join('/')}`;
      if (!this.shapesBySchema.has(key)) this.shapesBySchema.set(key, schema.value === undefined ? undefined : shapeFromSchema(this.documents, response.schema, response.contentType));
      const shape = this.shapesBySchema.get(key);
      if (shape) return shape;
    }
    for (const example of response.examples) {
      const shape = shapeFromExample(example.body, response.contentType);
      if (shape) return shape;
    }
    if (response.contentType === 'application/problem+json') return problemDetailsShape(response.schema ?? response.at);
    return undefined;
  }

  private shapeUses(responses: readonly ErrorResponse[]): ShapeUse[] {
    const uses = new Map<string, ShapeUse>();
    for (const response of responses) {
      const shape = this.shapeOf(response);
      if (!shape) continue;
      let use = uses.get(shape.signature);
      if (!use) uses.set(shape.signature, (use = { shape, responses: [], operations: new Set(), byKey: new Map() }));
      use.responses.push(response);
      use.operations.add(response.operation);
      use.byKey.set(response.key, (use.byKey.get(response.key) ?? new Set()).add(response.operation));
      this.useOfResponse.set(response, use);
    }
    return [...uses.values()];
  }

  /** The shape most operations return (then the one most responses use, then one read from a schema). */
  private chooseEnvelope(uses: readonly ShapeUse[]): ShapeUse | undefined {
    let chosen: ShapeUse | undefined;
    for (const use of uses) {
      if (!chosen) {
        chosen = use;
        continue;
      }
      const score = (candidate: ShapeUse) => [candidate.operations.size, candidate.responses.length, candidate.shape.source === 'schema' ? 1 : 0];
      const [a, b] = [score(use), score(chosen)];
      const better = a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];
      if (better) chosen = use;
    }
    for (const use of uses) {
      if (use === chosen) continue;
      const operations = [...use.operations];
      this.leftOut.push({
        where: this.documents.where(use.shape.at),
        what: `another error body shape, used by ${operations.length} operation${operations.length === 1 ? '' : 's'} (${operations.slice(0, 3).join(', ')}${operations.length > 3 ? ', …' : ''}): ${cut(JSON.stringify(use.shape.body), 160)}. The envelope is the shape most operations share.`,
      });
    }
    return chosen;
  }

  private envelope(use: ShapeUse | undefined, responses: readonly ErrorResponse[], operations: number): CatalogDraft['catalog']['envelope'] {
    const headers = this.headers(responses);
    if (!use) {
      this.leftOut.push({
        where: '#/paths',
        what: operations === 0
          ? 'no operations: the document has no paths, so no error responses.'
          : 'no error responses with a JSON body: no operation documents a 4xx, 5xx or `default` response with a JSON schema or example.',
      });
      this.guesses.push({ path: ['envelope', 'body'], note: 'the spec documents no error body; this is a common shape. Write the real one.' });
      return { contentType: 'application/json', body: { code: '${code}', message: '${message}' }, headers };
    }
    const { shape } = use;
    this.addOrigin(['envelope'], shape.at);
    if (shape.codeAdded) {
      this.guesses.push({
        path: ['envelope', 'body', ...shape.codePath.map((key) => (key === ARRAY_ITEM ? 0 : key))],
        note: 'the error body in the spec has no member for an error code; this one was added, since a catalog names its errors by code. Rename it to what the API sends, if it sends one.',
      });
    } else if (shape.codeGuessed) {
      this.guesses.push({
        path: ['envelope', 'body', ...shape.codePath.map((key) => (key === ARRAY_ITEM ? 0 : key))],
        note: `no member of the error body is named as the error code; \`${shape.codePath[shape.codePath.length - 1]}\` was taken for it from its name or description. Check it.`,
      });
    } else if (shape.source === 'rfc9457') {
      this.guesses.push({ path: ['envelope', 'body'], note: 'the spec gives no problem details schema that can be read here; these are the members RFC 9457 defines.' });
    } else if (shape.source === 'example') {
      this.guesses.push({ path: ['envelope', 'body'], note: 'read from an example: the spec gives no schema for its error bodies.' });
    }
    const examples: DraftExample[] = [];
    for (const response of use.responses) {
      const example = response.examples.find((candidate) => isObject(candidate.body.value));
      if (example && fits(example.body.value)) {
        examples.push({ description: cleanText(example.summary ?? example.description ?? `The ${String(response.key)} response of ${response.operation}.`, MAX_DESCRIPTION), body: example.body.value });
        break;
      }
    }
    return { contentType: shape.contentType, body: shape.body, optional: [...shape.optional], headers, examples };
  }

  private headers(responses: readonly ErrorResponse[]): DraftHeader[] {
    const byName = new Map<string, { header: DraftHeader; statuses: Set<number>; anyError: boolean }>();
    for (const response of responses) {
      for (const header of response.headers) {
        if (!RATE_LIMIT_HEADER.test(header.name)) continue;
        const key = header.name.toLowerCase();
        let entry = byName.get(key);
        if (!entry) byName.set(key, (entry = { header: { name: header.name }, statuses: new Set(), anyError: false }));
        if (!entry.header.description && header.description) entry.header.description = cleanText(header.description, MAX_DESCRIPTION) || undefined;
        if (typeof response.key === 'number') entry.statuses.add(response.key);
        else entry.anyError = true;
      }
    }
    // A header documented on `default` (or `4XX`) responses comes with any error: the catalog writes that as no statuses.
    return [...byName.values()].map(({ header, statuses, anyError }) => ({ ...header, statuses: anyError ? undefined : [...statuses].sort((a, b) => a - b) }));
  }

  // ---- statuses ----

  private statuses(responses: readonly ErrorResponse[]): Record<string, DraftStatus> {
    const found = new Map<number, { at: Located; descriptions: Map<string, number>; retryAfter: boolean }>();
    for (const response of responses) {
      if (typeof response.key !== 'number') continue;
      let entry = found.get(response.key);
      if (!entry) found.set(response.key, (entry = { at: response.at, descriptions: new Map(), retryAfter: false }));
      const description = response.description ? cleanText(response.description, MAX_DESCRIPTION) : '';
      if (description && !isReasonOnly(response.key, description)) entry.descriptions.set(description, (entry.descriptions.get(description) ?? 0) + 1);
      entry.retryAfter ||= response.headers.some((header) => /^retry-after$/i.test(header.name));
    }
    const statuses: Record<string, DraftStatus> = {};
    for (const status of [...found.keys()].sort((a, b) => a - b)) {
      const entry = found.get(status)!;
      // The description most responses with this status give (operations often repeat one shared response).
      let description: string | undefined;
      let count = 0;
      for (const [text, times] of entry.descriptions) if (times > count) [description, count] = [text, times];
      statuses[String(status)] = {
        reason: reasonPhrase(status),
        description,
        retry: entry.retryAfter ? { strategy: 'retry-after' } : undefined,
      };
      this.addOrigin(['statuses', String(status)], entry.at);
    }
    return statuses;
  }

  // ---- codes ----

  private fact(code: string, at: Located): CodeFacts | undefined {
    let facts = this.codes.get(code);
    if (facts) return facts;
    // A code identifies an error; a value with spaces in it is a sentence (a `reason` shown as "User not found").
    if (code.length === 0 || code.length > 200 || NOT_A_CODE.test(code.trim()) || /\s/.test(code.trim())) return undefined;
    if (this.codes.size >= OPENAPI_LIMITS.maxCodes) {
      this.codesDropped++;
      return undefined;
    }
    this.budget.spend();
    facts = { code, at, statuses: new Map(), operations: new Set(), listedIn: new Set(), members: {} };
    this.codes.set(code, facts);
    return facts;
  }

  private addStatus(facts: CodeFacts, status: number, operation: string): void {
    if (!Number.isInteger(status) || status < 100 || status > 599) return;
    facts.statuses.set(status, [...(facts.statuses.get(status) ?? []), operation]);
  }

  /** `x-error-codes` (and the like) at the top of the document, in `info` or in `components`: the API's list of codes. */
  private readRootExtensions(root: Located): void {
    const holders = [root, this.documents.child(root, 'info'), this.documents.child(root, 'components')];
    for (const holder of holders) {
      for (const [key, at] of this.documents.entries(holder)) if (isErrorCodesExtension(key)) this.readExtension(at);
    }
  }

  /**
   * One `x-error-codes` value: a list of codes (`[LABEL_NOT_FOUND]`), a list of entries
   * (`[{ code, status, message }]`), or a map from code to entry, to message, or to status.
   */
  private readExtension(at: Located, status?: number, operation?: string): void {
    const value = this.documents.deref(at).value;
    const entries: [unknown, Located][] = Array.isArray(value)
      ? this.documents.items(at).map((item) => [undefined, item])
      : this.documents.entries(at).map(([key, item]) => [key, item]);
    for (const [key, item] of entries) {
      const entry = this.documents.deref(item);
      const object = isObject(entry.value) ? entry.value : undefined;
      const pick = (...names: string[]) => names.map((name) => own(object, name)).find((candidate) => typeof candidate === 'string' || typeof candidate === 'number');
      const code = key ?? (object ? pick('code', 'error_code', 'errorCode', 'id', 'name', 'type') : entry.value);
      if (typeof code !== 'string' && typeof code !== 'number') continue;
      const facts = this.fact(String(code), entry);
      if (!facts) continue;
      const written = object ? pick('status', 'httpStatus', 'http_status', 'statusCode', 'status_code', 'httpStatusCode', 'http') : typeof entry.value === 'number' ? entry.value : undefined;
      const entryStatus = typeof written === 'number' ? written : typeof written === 'string' && /^[1-5]\d\d$/.test(written) ? Number(written) : status;
      if (entryStatus !== undefined) this.addStatus(facts, entryStatus, operation ?? '');
      if (operation) facts.operations.add(operation);
      const texts = object
        ? { message: pick('message', 'msg', 'defaultMessage'), title: pick('title', 'summary', ...(key === undefined && own(object, 'code') !== undefined ? ['name'] : [])), description: pick('description', 'detail', 'details') }
        : { description: typeof entry.value === 'string' && key !== undefined ? entry.value : undefined };
      this.describe(facts, texts);
    }
  }

  private describe(facts: CodeFacts, texts: { message?: unknown; title?: unknown; description?: unknown }): void {
    const clean = (text: unknown, max: number) => (typeof text === 'string' ? cleanText(text, max) || undefined : undefined);
    facts.message ??= clean(texts.message, MAX_MESSAGE);
    facts.title ??= clean(texts.title, MAX_TITLE);
    facts.description ??= clean(texts.description, MAX_DESCRIPTION);
  }

  /** The codes an `enum` (or `const`) on a shape's code member lists. */
  private readListedCodes(use: ShapeUse): void {
    for (const listed of use.shape.listedCodes) {
      const facts = this.fact(String(listed.value), listed.at);
      if (!facts) continue;
      facts.listedIn.add(use);
      facts.description ??= describedValue(listed, MAX_DESCRIPTION);
    }
  }

  /** Codes in the example bodies of one response, and its `x-error-codes`; the response's status is theirs. */
  private readResponseCodes(response: ErrorResponse): void {
    const status = typeof response.key === 'number' ? response.key : undefined;
    for (const extension of response.extensions) this.readExtension(extension, status, response.operation);
    const use = this.useOfResponse.get(response);
    for (const example of response.examples) this.readExample(example, use?.shape, response.contentType, status, response.operation);
  }

  /** Examples written in the schemas themselves: a whole body, or a value of the code member. Their status is the schema's, when it has one. */
  private readSchemaExampleCodes(use: ShapeUse): void {
    for (const example of use.shape.bodyExamples) this.readExample({ body: example }, use.shape, use.shape.contentType, undefined, undefined, use);
    for (const example of use.shape.exampleCodes) {
      if (typeof example.value !== 'string' && typeof example.value !== 'number') continue;
      const facts = this.fact(String(example.value), example);
      facts?.listedIn.add(use);
    }
  }

  private readExample(example: ExampleBody, shape: ErrorShape | undefined, contentType: string, status: number | undefined, operation: string | undefined, listedIn?: ShapeUse): void {
    const body = example.body.value;
    if (!isObject(body)) return;
    this.budget.spend();
    // The example may not follow the schema (or there is none): then its own members say where the code is.
    let reading = shape && !shape.codeAdded ? shape : undefined;
    let found = reading ? valuesAt(body, reading.codePath, example.body) : [];
    if (found.length === 0) {
      reading = shapeFromExample(example.body, contentType);
      found = reading && !reading.codeAdded ? valuesAt(body, reading.codePath, example.body) : [];
    }
    if (!reading) return;
    const codes = found.filter((item) => typeof item.value === 'string' || typeof item.value === 'number');
    for (const item of codes) {
      const facts = this.fact(String(item.value), item.at);
      if (!facts) continue;
      if (listedIn) facts.listedIn.add(listedIn);
      const bodyStatus = reading.statusPath ? valuesAt(body, reading.statusPath, example.body).map((value) => Number(value.value)).find((value) => Number.isInteger(value) && value >= 100 && value <= 599) : undefined;
      const known = status ?? bodyStatus;
      if (known !== undefined) this.addStatus(facts, known, operation ?? '');
      if (operation) facts.operations.add(operation);
      this.describe(facts, {
        message: this.sibling(body, item.holder, reading.codePath, reading.messagePath),
        // RFC 9457's `title` is the problem type's summary: the code's title, before the example's own summary.
        title: codes.length === 1 ? this.sibling(body, item.holder, reading.codePath, reading.titlePath) ?? example.summary : undefined,
        description: codes.length === 1 ? example.description : undefined,
      });
      if (!facts.example && codes.length === 1 && fits(body)) {
        facts.example = { description: cleanText(example.summary ?? example.description ?? (operation ? `Returned by ${operation}.` : 'The example in the schema.'), MAX_DESCRIPTION), body };
      }
      for (const [name, path] of reading.optionalPaths) {
        const value = this.sibling(body, item.holder, reading.codePath, path);
        if (value !== undefined && !Object.hasOwn(facts.members, name)) facts.members[name] = value;
      }
    }
  }

  /** The value at `path` next to the code (in the same array item), else the first one in the body; scalars only. */
  private sibling(body: JsonObject, holder: unknown, codePath: readonly string[], path: readonly string[] | undefined): string | number | boolean | undefined {
    if (!path) return undefined;
    const sameHolder = path.length === codePath.length && path.slice(0, -1).every((key, i) => key === codePath[i]);
    const value = sameHolder ? own(holder, path[path.length - 1]) : valuesAt(body, path, { value: body, file: '', pointer: [] })[0]?.value;
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
  }

  // ---- from facts to catalog entries ----

  private codeEntries(statuses: Record<string, DraftStatus>): Record<string, DraftCode> {
    const codes: Record<string, DraftCode> = {};
    const errorStatuses = new Set(Object.keys(statuses).map(Number));
    for (const facts of this.codes.values()) {
      this.budget.spend();
      const status = this.statusOf(facts, errorStatuses);
      // Where the spec shows the code (an example, an extension), those operations; else every one whose responses of its status use a schema that lists it.
      const operations = new Set([...facts.operations].filter(Boolean));
      if (operations.size === 0) for (const use of facts.listedIn) for (const operation of this.operationsReturning(use, status)) operations.add(operation);
      const listed = [...operations].filter((operation) => operation.length <= MAX_OPERATION_LENGTH && OPERATION.test(operation));
      if (listed.length > MAX_CODE_OPERATIONS) {
        this.leftOut.push({ where: this.documents.where(facts.at), what: `\`${facts.code}\` is returned by ${listed.length} operations; only the first ${MAX_CODE_OPERATIONS} are listed.` });
      }
      const entry: DraftCode = {
        status,
        title: facts.title,
        message: facts.message,
        description: facts.description,
        members: Object.keys(facts.members).length > 0 ? facts.members : undefined,
        examples: facts.example ? [facts.example] : undefined,
        operations: listed.length > 0 ? listed.slice(0, MAX_CODE_OPERATIONS) : undefined,
      };
      Object.defineProperty(codes, facts.code, { value: entry, enumerable: true, writable: true, configurable: true });
      this.addOrigin(['codes', facts.code], facts.at);
    }
    return codes;
  }

  /**
   * A code's status: the one the spec gives it most often; else the one status at which the
   * schemas that list it are used; else a guess, marked, from its name or the statuses those schemas come with.
   */
  private statusOf(facts: CodeFacts, errorStatuses: ReadonlySet<number>): number {
    if (facts.statuses.size > 0) {
      // Sorting is stable: among statuses shown as often, the first one found wins.
      const ranked = [...facts.statuses].sort((a, b) => b[1].length - a[1].length);
      const [status, shown] = ranked[0];
      for (const [other, operations] of ranked.slice(1)) {
        const named = operations.filter(Boolean);
        this.leftOut.push({
          where: this.documents.where(facts.at),
          what: `\`${facts.code}\` is also documented with status ${other}${named.length > 0 ? ` (${[...new Set(named)].slice(0, 3).join(', ')})` : ''}; the catalog gives it ${status}, the status ${shown.length > operations.length ? 'the spec shows it with most' : 'it is shown with first'}.`,
        });
      }
      return status;
    }
    const keys = new Set<ResponseKey>();
    for (const use of facts.listedIn) for (const key of use.byKey.keys()) keys.add(key);
    const numeric = [...keys].filter((key): key is number => typeof key === 'number').sort((a, b) => a - b);
    if (keys.size === 1 && numeric.length === 1) return numeric[0];

    const known = new Set(numeric.length > 0 ? numeric : errorStatuses);
    const byName = statusFromName(facts.code, known);
    const usedWith = [...numeric.map(String), ...['4XX', '5XX', 'default'].filter((key) => keys.has(key as ResponseKey)).map((key) => `\`${key}\``)];
    const among = usedWith.length > 0 ? ` (the schema that lists it is used with ${usedWith.join(', ')})` : '';
    let status: number;
    let why: string;
    if (byName !== undefined) {
      status = byName;
      why = `${status} is what its name suggests${among}`;
    } else {
      // A code that names no status is most often a request the API refuses: 400 or 422, as the spec uses them.
      const clientErrors = [...known].filter((candidate) => candidate >= 400 && candidate < 500).sort((a, b) => a - b);
      const refused = [400, 422].find((candidate) => known.has(candidate));
      status = refused ?? clientErrors[0] ?? 400;
      why = refused !== undefined
        ? `${status} is the status the spec uses for requests it refuses${among}`
        : clientErrors.length > 0 ? `${status} is the first client-error status it uses${among}` : `${status} is the usual status of a refused request${among}`;
    }
    this.guesses.push({ path: ['codes', facts.code, 'status'], note: `the spec does not say which status \`${facts.code}\` is sent with; ${why}.` });
    return status;
  }

  /** The operations whose responses of this status use the shape (or, where none does, its class or `default` responses). */
  private operationsReturning(use: ShapeUse, status: number): string[] {
    const exact = use.byKey.get(status);
    if (exact) return [...exact];
    return [...(use.byKey.get(`${String(status)[0]}XX` as ResponseKey) ?? []), ...(use.byKey.get('default') ?? [])];
  }
}

/**
 * Whether a value is small enough to keep as an example in the draft: its JSON is measured
 * without writing it, and never past the bound (YAML aliases can make a small file a huge value).
 */
function fits(value: unknown): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      size += 2 + item.length;
      stack.push(...item.slice(0, MAX_EXAMPLE_JSON));
    } else if (isObject(item)) {
      const keys = Object.keys(item).slice(0, MAX_EXAMPLE_JSON);
      size += 2;
      for (const key of keys) {
        size += key.length + 4;
        stack.push(item[key]);
      }
    } else {
      size += typeof item === 'string' ? item.length + 2 : String(item).length;
    }
    if (size > MAX_EXAMPLE_JSON) return false;
  }
  return true;
}
