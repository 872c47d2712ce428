/**
 * The files of an OpenAPI document, read through the caller's callback and parsed leniently, and
 * values in them located exactly: every value the importer reads carries its file and the keys
 * from that file's root, across `$ref`s into other files, so that the draft can point back into
 * the spec. Swagger Parser finds and reads the referenced files (with our resolver only: no
 * network, no file system of its own); references are followed here, one at a time, so that a
 * circular schema is never expanded and a broken reference is reported where it is written.
 */
import type SwaggerParser from '@apidevtools/swagger-parser';
import { MAX_DEPTH, nestingProblem } from '../catalog/bounds';
import { ImportError } from './catalogDraft';

/** Bounds on what one import may read and do: specs come from cloned repositories. */
export const OPENAPI_LIMITS = {
  /** Characters in one file (GitHub's REST description, one of the largest, is about 10 MB). */
  maxFileChars: 64 * 1024 * 1024,
  /** Characters in all files together. */
  maxTotalChars: 128 * 1024 * 1024,
  /** Files reached through `$ref`s, the document included (DigitalOcean's public spec is split into about 3,000). */
  maxFiles: 10_000,
  /** `$ref`s followed one after another to reach a value. */
  maxRefHops: 64,
  /** Steps of work in all (values visited while reading schemas, examples and responses). */
  maxSteps: 5_000_000,
  /** Operations read; those past it are left out of the draft. */
  maxOperations: 20_000,
  /** Codes kept; those past it are left out of the draft. */
  maxCodes: 10_000,
} as const;

let jsYamlModule: typeof import('js-yaml') | undefined;
let swaggerParserModule: typeof SwaggerParser | undefined;

/** The YAML parser, loaded on first use: a server that never imports a spec never needs it. */
function jsYaml(): typeof import('js-yaml') {
  jsYamlModule ??= require('js-yaml') as typeof import('js-yaml');
  return jsYamlModule;
}

/** Swagger Parser, loaded on first use: it brings ajv and the OpenAPI schemas, which a starting server should not load. */
function swaggerParser(): typeof SwaggerParser {
  swaggerParserModule ??= require('@apidevtools/swagger-parser') as typeof SwaggerParser;
  return swaggerParserModule;
}

export type Pointer = readonly (string | number)[];

/** A value of one of the spec's files, and where it is: the file's absolute path and the keys from its root. */
export interface Located<T = unknown> {
  readonly value: T;
  readonly file: string;
  readonly pointer: Pointer;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A member of a parsed object, never one of its prototype's (`constructor`, `__proto__`). */
export function own(value: unknown, key: string): unknown {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** A JSON pointer's text: `#/paths/~1labels/post`. */
export function pointerText(pointer: Pointer): string {
  return `#${pointer.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

/** Counts the work of one import and stops it past {@link OPENAPI_LIMITS.maxSteps}, whatever the spec repeats. */
export class WorkBudget {
  private steps = 0;

  constructor(private readonly limit: number = OPENAPI_LIMITS.maxSteps) {}

  spend(steps = 1): void {
    this.steps += steps;
    if (this.steps > this.limit) {
      throw new ImportError(`the document is too large to import: reading it takes more than ${this.limit.toLocaleString('en-US')} steps. Import a smaller part of it (one file of its paths, say).`);
    }
  }
}

const URL_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]+):/;
const WINDOWS_DRIVE = /^[A-Za-z]:\//;

/** Whether a reference or URL leads off this machine (`https://…`); a drive letter (`C:/`) is not a scheme. */
export function isRemote(reference: string): boolean {
  const scheme = URL_SCHEME.exec(reference)?.[1].toLowerCase();
  return scheme !== undefined && scheme !== 'file';
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `a/./b/../c` as `a/c`, keeping a leading `/` or drive. */
function normalizePath(path: string): string {
  const root = WINDOWS_DRIVE.test(path) ? path.slice(0, 3) : path.startsWith('/') ? '/' : '';
  const parts: string[] = [];
  for (const part of path.slice(root.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return root + parts.join('/');
}

/** The absolute path a reference's file part names, read from the file `from`; undefined for a remote one. */
export function referencedFile(from: string, reference: string): string | undefined {
  if (isRemote(reference)) return undefined;
  let path = decoded(reference.replace(/\\/g, '/'));
  if (/^file:/i.test(path)) path = path.replace(/^file:(\/\/[^/]*)?/i, '').replace(/^\/([A-Za-z]:\/)/, '$1');
  if (!path.startsWith('/') && !WINDOWS_DRIVE.test(path)) path = `${from.slice(0, from.lastIndexOf('/') + 1)}${path}`;
  return normalizePath(path);
}

/** The absolute path of a file Swagger Parser asks for: its URL is the path, percent-encoded (or a `file:` URL). */
function pathOfParserUrl(url: string): string {
  let path = decoded(url.replace(/^file:\/\/[^/]*/i, ''));
  if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1);
  return normalizePath(path);
}

function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * One file's text as a value: JSON for `.json` files (YAML when that fails, for JSON with comments),
 * YAML otherwise. Fails with the line of the mistake, before any parser recurses into nesting
 * deeper than {@link MAX_DEPTH} levels.
 */
export function parseSpecText(text: string, displayName: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const json = /\.json$/i.test(displayName) || /^\s*[{[]/.test(source);
  const tooDeep = nestingProblem(source, json ? 'json' : 'yaml');
  if (tooDeep) {
    throw new ImportError(`nested deeper than ${MAX_DEPTH} levels; an OpenAPI document needs far fewer, so this file is not read.`, `${displayName} ${lineAndColumn(source, tooDeep.offset)}`);
  }
  let jsonError: Error | undefined;
  if (json) {
    try {
      return JSON.parse(source);
    } catch (error) {
      jsonError = error as Error;
    }
  }
  try {
    // Duplicate keys are kept (the last wins) as most OpenAPI tools do; dates stay strings.
    const { CORE_SCHEMA, load } = jsYaml();
    return load(source, { schema: CORE_SCHEMA, json: true, filename: displayName });
  } catch (error) {
    if (jsonError) {
      const position = /at position (\d+)/.exec(jsonError.message);
      const reason = jsonError.message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
      throw new ImportError(`not valid JSON: ${reason}.`, position ? `${displayName} ${lineAndColumn(source, Number(position[1]))}` : displayName);
    }
    if (error instanceof jsYaml().YAMLException) {
      const mark = (error as { mark?: { line?: number; column?: number } }).mark;
      const where = mark?.line !== undefined ? `${displayName} line ${mark.line + 1}, column ${(mark.column ?? 0) + 1}` : displayName;
      throw new ImportError(`not valid YAML: ${(error as { reason?: string }).reason ?? error.message}.`, where);
    }
    if (error instanceof RangeError) throw new ImportError('too deeply nested to read.', displayName);
    throw error;
  }
}

/** The files of a spec, parsed, and the way from a `$ref` to the value it names. */
export class SpecDocuments {
  /** `$ref`s that lead off the machine or use a form not followed here, by where they are written: noted, never fatal. */
  readonly notFollowed = new Map<string, string>();

  /**
   * @param documents each file's value, by absolute path
   * @param unusable why a file that a `$ref` names could not be read or parsed: reported when a
   *   reference into it is followed, so that a broken file no error response needs does not stop the import
   */
  constructor(
    readonly rootFile: string,
    private readonly documents: ReadonlyMap<string, unknown>,
    private readonly unusable: ReadonlyMap<string, ImportError>,
    readonly budget: WorkBudget,
  ) {}

  root(): Located {
    return { value: this.documents.get(this.rootFile), file: this.rootFile, pointer: [] };
  }

  /** A file as messages name it: relative to the document's folder (`schemas/errors.yaml`). */
  display(file: string): string {
    const base = this.rootFile.slice(0, this.rootFile.lastIndexOf('/') + 1);
    if (file.startsWith(base)) return file.slice(base.length);
    const up = base.split('/').filter(Boolean);
    const target = file.split('/').filter(Boolean);
    let common = 0;
    while (common < up.length && common < target.length && up[common] === target[common]) common++;
    return common === 0 ? file : `${'../'.repeat(up.length - common)}${target.slice(common).join('/')}`;
  }

  /** Where a located value is, as notes name it: `schemas/errors.yaml#/Error`, or `#/paths/…` in the document itself. */
  where(at: { readonly file: string; readonly pointer: Pointer }): string {
    return `${at.file === this.rootFile ? '' : this.display(at.file)}${pointerText(at.pointer)}`;
  }

  /** Where a located value is, as errors name it: always with its file (`openapi.yaml#/paths/…`). */
  place(at: { readonly file: string; readonly pointer: Pointer }): string {
    return `${this.display(at.file)}${pointerText(at.pointer)}`;
  }

  /** A member of a located value (a `$ref` in place of the value is followed first). */
  child(at: Located, key: string | number): Located | undefined {
    const container = this.deref(at);
    const value = typeof key === 'number' ? (Array.isArray(container.value) ? container.value[key] : undefined) : own(container.value, key);
    return value === undefined ? undefined : { value, file: container.file, pointer: [...container.pointer, key] };
  }

  /** The entries of a located object, each located. */
  entries(at: Located | undefined): [string, Located][] {
    if (!at) return [];
    const container = this.deref(at);
    if (!isObject(container.value)) return [];
    this.budget.spend(Object.keys(container.value).length);
    return Object.keys(container.value).map((key) => [key, { value: (container.value as JsonObject)[key], file: container.file, pointer: [...container.pointer, key] }]);
  }

  /** The items of a located array, each located. */
  items(at: Located | undefined): Located[] {
    if (!at) return [];
    const container = this.deref(at);
    if (!Array.isArray(container.value)) return [];
    this.budget.spend(container.value.length);
    return container.value.map((value, index) => ({ value, file: container.file, pointer: [...container.pointer, index] }));
  }

  /**
   * The value a `$ref` names, followed until it is not a reference. A reference off the machine,
   * to an anchor, or in a loop gives an undefined value (and a note); one whose target does not
   * exist fails the import, naming the reference and where it is written.
   */
  deref(at: Located): Located {
    let current = at;
    const seen = new Set<string>();
    for (let hop = 0; hop < OPENAPI_LIMITS.maxRefHops; hop++) {
      const reference = own(current.value, '$ref');
      if (typeof reference !== 'string') return current;
      this.budget.spend();
      const key = `${current.file}${pointerText(current.pointer)}`;
      if (seen.has(key)) return this.notFollowing(current, reference, 'it refers back to itself through other references');
      seen.add(key);
      const next = this.target(current, reference);
      if (!next) return { value: undefined, file: current.file, pointer: current.pointer };
      current = next;
    }
    return this.notFollowing(current, String(own(current.value, '$ref')), `it goes through more than ${OPENAPI_LIMITS.maxRefHops} references`);
  }

  /** Where a `$ref` written at `at` leads, or undefined (with a note) when it is not followed. */
  private target(at: Located, reference: string): Located | undefined {
    const hash = reference.indexOf('#');
    const filePart = hash < 0 ? reference : reference.slice(0, hash);
    const fragment = hash < 0 ? '' : decoded(reference.slice(hash + 1));
    if (filePart && isRemote(filePart)) {
      this.notFollowing(at, reference, 'it points to a URL, and references are only followed into files of the workspace');
      return undefined;
    }
    const file = filePart ? referencedFile(at.file, filePart) : at.file;
    const unusable = file === undefined ? undefined : this.unusable.get(file);
    if (unusable) throw new ImportError(`$ref '${reference}' cannot be followed: ${unusable.message}`, this.place(at));
    if (file === undefined || !this.documents.has(file)) {
      throw new ImportError(`$ref '${reference}' does not resolve: ${file ? `${this.display(file)} was not read` : 'its file cannot be named'}.`, this.place(at));
    }
    if (fragment !== '' && !fragment.startsWith('/')) {
      this.notFollowing(at, reference, 'it names an anchor, and only JSON pointers (`#/…`) are followed');
      return undefined;
    }
    const tokens = fragment === '' ? [] : fragment.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    let current: Located = { value: this.documents.get(file), file, pointer: [] };
    for (const token of tokens) {
      // A pointer may pass through a reference (`#/components/schemas/Error/properties/code` where Error is a `$ref`).
      current = this.deref(current);
      const value = current.value;
      const index = Array.isArray(value) && /^(0|[1-9]\d*)$/.test(token) ? Number(token) : undefined;
      const next = index !== undefined ? (value as unknown[])[index] : own(value, token);
      if (next === undefined) {
        const missing = pointerText([...current.pointer, index ?? token]);
        throw new ImportError(`$ref '${reference}' does not resolve: ${this.display(file)} has nothing at ${missing}.`, this.place(at));
      }
      current = { value: next, file: current.file, pointer: [...current.pointer, index ?? token] };
    }
    return current;
  }

  private notFollowing(at: Located, reference: string, why: string): Located {
    this.notFollowed.set(this.where(at), `$ref '${reference}' is not followed: ${why}.`);
    return { value: undefined, file: at.file, pointer: at.pointer };
  }
}

/**
 * Reads the spec at `specPath` and every file its `$ref`s name, through `readFile` only.
 * Fails with an {@link ImportError} naming the file and place of a syntax error in the document,
 * or of a document that is neither OpenAPI 3 nor Swagger 2. A referenced file that cannot be read
 * (the callback's own message is kept) or parsed fails the import only when a reference into it
 * is followed.
 */
export async function readSpec(specPath: string, readFile: (absolutePath: string) => Promise<string>, budget: WorkBudget): Promise<{ documents: SpecDocuments; version: SpecVersion }> {
  const rootFile = normalizePath(specPath.replace(/\\/g, '/'));
  // Swagger Parser may spell a Windows drive in lower case (`c:/…`): paths keep the document's spelling.
  const pathOf = (url: string) => {
    const path = pathOfParserUrl(url);
    return WINDOWS_DRIVE.test(path) && path[0].toLowerCase() === rootFile[0].toLowerCase() ? `${rootFile[0]}${path.slice(1)}` : path;
  };
  const parsed = new Map<string, unknown>();
  const unusable = new Map<string, ImportError>();
  const names = new SpecDocuments(rootFile, parsed, unusable, budget);
  let totalChars = 0;
  let files = 0;
  /** A failure of the whole import inside Swagger Parser's plugins: it wraps errors in its own, so ours is kept aside and thrown instead. */
  let failure: ImportError | undefined;

  /** A file's text; a bound on all files together fails the import (`failure`), one on this file only makes it unusable. */
  const read = async (path: string): Promise<string> => {
    if (++files > OPENAPI_LIMITS.maxFiles) {
      failure ??= new ImportError(`the document refers to more than ${OPENAPI_LIMITS.maxFiles} files; only that many are read.`, names.display(path));
      throw failure;
    }
    let text: string;
    try {
      text = await readFile(path);
    } catch (error) {
      throw new ImportError(`${names.display(path)} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof text !== 'string') throw new ImportError(`${names.display(path)} cannot be read: it is not text.`);
    if (text.length > OPENAPI_LIMITS.maxFileChars) {
      throw new ImportError(`${names.display(path)} is larger than ${OPENAPI_LIMITS.maxFileChars / 1024 / 1024} MB, the most one file of a spec may be.`);
    }
    totalChars += text.length;
    if (totalChars > OPENAPI_LIMITS.maxTotalChars) {
      failure ??= new ImportError(`the document and the files it refers to are larger than ${OPENAPI_LIMITS.maxTotalChars / 1024 / 1024} MB together.`, names.display(path));
      throw failure;
    }
    return text;
  };

  const rootValue = parseSpecText(await read(rootFile), names.display(rootFile));
  const version = specVersion(rootValue, names.display(rootFile));
  parsed.set(rootFile, rootValue);

  const Parser = swaggerParser();
  const parser = new Parser();
  const options: SwaggerParser.Options = {
    // Only our plugins: files come through the callback (which keeps reads inside the workspace) and URLs are never fetched.
    resolve: {
      file: false,
      http: false,
      external: true,
      workspace: {
        order: 1,
        canRead: true,
        read: async (file: SwaggerParser.FileInfo) => {
          // A URL is answered with nothing at all: it is noted where the importer meets it, never fetched.
          if (isRemote(file.url)) return '';
          const path = pathOf(file.url);
          try {
            return await read(path);
          } catch (error) {
            if (failure) throw failure;
            unusable.set(path, error instanceof ImportError ? error : new ImportError(String(error)));
            return '';
          }
        },
      },
    },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      spec: {
        order: 1,
        allowEmpty: true,
        canParse: true,
        parse: (file: SwaggerParser.FileInfo) => {
          const path = pathOf(file.url);
          if (isRemote(file.url) || unusable.has(path)) return {};
          try {
            const value = parseSpecText(typeof file.data === 'string' ? file.data : file.data.toString('utf8'), names.display(path));
            parsed.set(path, value);
            return value ?? {};
          } catch (error) {
            if (!(error instanceof ImportError)) throw error;
            unusable.set(path, error);
            return {};
          }
        },
      },
    },
    continueOnError: false,
  };
  try {
    // The parser checks the version itself, strictly (3.0.0 to 3.1.2 only, `paths` required); it was
    // checked above, leniently, so it is given a copy whose version keys it accepts.
    await parser.resolve(rootFile, versionAccepted(rootValue as JsonObject, version) as never, options);
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof ImportError) throw error;
    throw new ImportError(`its references cannot be resolved: ${error instanceof Error ? error.message : String(error)}`, names.display(rootFile));
  }
  return { documents: names, version };
}

export type SpecVersion = 'swagger2' | 'openapi30' | 'openapi31';

/** Which specification a document follows, from its `openapi` or `swagger` key; fails for any other document. */
function specVersion(value: unknown, displayName: string): SpecVersion {
  if (!isObject(value)) {
    throw new ImportError('not an OpenAPI or Swagger document: it does not hold an object with an `openapi` or `swagger` key.', displayName);
  }
  const openapi = own(value, 'openapi');
  const swagger = own(value, 'swagger');
  if (openapi !== undefined) {
    // `openapi: 3.0` unquoted is the number 3 in YAML.
    const written = openapi === 3 ? '3.0' : String(openapi);
    if (/^3\.0(\.|$)/.test(written)) return 'openapi30';
    if (/^3\.[1-9]\d*(\.|$)/.test(written)) return 'openapi31';
    throw new ImportError(`\`openapi: ${written}\` is not a version this importer reads: it reads OpenAPI 3.0 and 3.1 (and later 3.x), and Swagger 2.0.`, `${displayName}#/openapi`);
  }
  if (swagger !== undefined) {
    if (String(swagger) === '2.0' || swagger === 2) return 'swagger2';
    throw new ImportError(`\`swagger: ${String(swagger)}\` is not a version this importer reads: it reads Swagger 2.0, and OpenAPI 3.0 and 3.1.`, `${displayName}#/swagger`);
  }
  const keys = Object.keys(value).slice(0, 3).map((key) => `\`${key}\``).join(', ');
  const asyncApi = own(value, 'asyncapi') !== undefined ? ' (it is an AsyncAPI document)' : '';
  throw new ImportError(`not an OpenAPI or Swagger document${asyncApi}: it has no top-level \`openapi: 3.x\` or \`swagger: "2.0"\` key${keys ? ` (it starts with ${keys})` : ''}.`, displayName);
}

/** A shallow copy of the root with version keys Swagger Parser accepts. */
function versionAccepted(root: JsonObject, version: SpecVersion): JsonObject {
  const info = isObject(own(root, 'info')) ? { ...(root.info as JsonObject), version: String(own(root.info, 'version') ?? '') } : { title: '', version: '' };
  const copy: JsonObject = { ...root, info, paths: isObject(own(root, 'paths')) ? root.paths : {} };
  if (version === 'swagger2') copy.swagger = '2.0';
  else copy.openapi = version === 'openapi30' ? '3.0.3' : '3.1.0';
  return copy;
}
