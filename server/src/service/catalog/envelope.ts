/**
 * The envelope template: which placeholders it uses, and how a code's body is rendered
 * through it. Every generated body (hover examples, completions, quick fixes) comes from here,
 * so a body always has the catalog's keys, nesting and literal members.
 */
import type { Catalog, CodeEntry } from './model';

/** `${name}`, or `${name:string}` for a value always sent as a string (a status as `"404"`). */
const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_-]*)(?::string)?\}/g;
const WHOLE_PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_-]*)(:string)?\}$/;

/** The placeholder a string stands for when it is exactly one placeholder (`"${status}"`). */
export function wholePlaceholder(value: unknown): string | undefined {
  return typeof value === 'string' ? WHOLE_PLACEHOLDER.exec(value)?.[1] : undefined;
}

/** Whether a whole placeholder is sent as a string whatever its value (`${status:string}`). */
export function isStringPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && WHOLE_PLACEHOLDER.exec(value)?.[2] !== undefined;
}

export function collectPlaceholders(template: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof template === 'string') {
    for (const match of template.matchAll(PLACEHOLDER)) into.add(match[1]);
  } else if (Array.isArray(template)) {
    for (const item of template) collectPlaceholders(item, into);
  } else if (template && typeof template === 'object') {
    for (const [key, value] of Object.entries(template)) {
      collectPlaceholders(key, into);
      collectPlaceholders(value, into);
    }
  }
  return into;
}

/** The path to the first member named `key` anywhere in the template (depth first). */
export function findMemberPath(template: unknown, key: string): string[] | undefined {
  if (!template || typeof template !== 'object') return undefined;
  if (Array.isArray(template)) {
    for (const item of template) {
      const path = findMemberPath(item, key);
      if (path) return path;
    }
    return undefined;
  }
  for (const [name, value] of Object.entries(template)) {
    if (name === key) return [name];
    const path = findMemberPath(value, key);
    if (path) return [name, ...path];
  }
  return undefined;
}

/** The path of the member whose value is exactly the placeholder `${name}` (`['error', 'code']`). */
export function placeholderPath(template: unknown, name: string): string[] | undefined {
  if (!template || typeof template !== 'object' || Array.isArray(template)) return undefined;
  for (const [key, value] of Object.entries(template)) {
    if (wholePlaceholder(value) === name) return [key];
    const inner = placeholderPath(value, name);
    if (inner) return [key, ...inner];
  }
  return undefined;
}

/** An array's element in a path through a template: `errors[].code` is `['errors', ARRAY_ITEM, 'code']`. */
export const ARRAY_ITEM = '[]';

/**
 * The path of the member whose value is exactly `${name}`, through arrays too (their first item,
 * marked {@link ARRAY_ITEM}): JSON:API bodies carry the code at `errors[].code`.
 */
export function placeholderPathThroughArrays(template: unknown, name: string): string[] | undefined {
  if (Array.isArray(template)) {
    const inner = template.length > 0 ? placeholderPathThroughArrays(template[0], name) : undefined;
    return inner ? [ARRAY_ITEM, ...inner] : undefined;
  }
  if (!template || typeof template !== 'object') return undefined;
  for (const [key, value] of Object.entries(template)) {
    if (wholePlaceholder(value) === name) return [key];
    const inner = placeholderPathThroughArrays(value, name);
    if (inner) return [key, ...inner];
  }
  return undefined;
}

/** The path of the object that holds the `${code}` placeholder (through arrays): where a code's extra members go. */
export function codeHolderPath(template: unknown): string[] | undefined {
  return placeholderPathThroughArrays(template, 'code')?.slice(0, -1);
}

/** The object at a path of a value (an array's first item for {@link ARRAY_ITEM}), if it is one. */
export function objectAt(value: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let node = value;
  for (const key of path) {
    if (key === ARRAY_ITEM) node = Array.isArray(node) ? node[0] : undefined;
    else node = node && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}

/** Example values for the standard placeholders, used when a code gives none. */
export const DEFAULT_VALUES: Readonly<Record<string, unknown>> = {
  requestId: 'req_abc123',
  timestamp: '2025-01-01T00:00:00Z',
  retryAfter: 60,
  field: 'field_name',
  fieldMessage: 'Describe what is wrong with this field',
  details: 'More about what went wrong',
  instance: '/requests/req_abc123',
};

export interface RenderOptions {
  /** Render every optional member (for showing the envelope's full shape) instead of only those the code carries. */
  readonly includeAllOptional?: boolean;
  /** Values that win over the code's own (a quick fix's tab stops, say). */
  readonly values?: Readonly<Record<string, unknown>>;
}

/** The values a code fills the envelope's placeholders with. */
export function placeholderValues(catalog: Catalog, code: CodeEntry | undefined, options: RenderOptions = {}): Record<string, unknown> {
  const reason = code ? catalog.statuses.get(code.status)?.reason : undefined;
  return {
    ...DEFAULT_VALUES,
    code: code?.code ?? 'ERROR_CODE',
    status: code?.status ?? 500,
    title: code?.title ?? reason ?? code?.code ?? 'Error',
    message: code?.message ?? code?.title ?? 'Something went wrong',
    ...(code?.members ?? {}),
    ...(options.values ?? {}),
  };
}

/** Sets an own member, even one named `__proto__`: catalog keys are untrusted text, never object internals. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Renders the response body for `code` through the catalog's envelope. */
export function renderBody(catalog: Catalog, code: CodeEntry | undefined, options: RenderOptions = {}): Record<string, unknown> {
  const values = placeholderValues(catalog, code, options);
  const carried = new Set(Object.keys(code?.members ?? {}));
  const optional = new Set(catalog.envelope.optional);
  const template = catalog.envelope.body;
  const used = new Set<string>();

  const isPresent = (key: string, value: unknown): boolean => {
    if (!optional.has(key) || options.includeAllOptional) return true;
    if (carried.has(key)) return true;
    for (const name of collectPlaceholders(value)) if (carried.has(name)) return true;
    return false;
  };

  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const whole = wholePlaceholder(node);
      if (whole !== undefined) {
        used.add(whole);
        const value = Object.hasOwn(values, whole) ? values[whole] : whole;
        return isStringPlaceholder(node) && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : value;
      }
      return node.replace(PLACEHOLDER, (_, name: string) => {
        used.add(name);
        return String(Object.hasOwn(values, name) ? values[name] : name);
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        if (!isPresent(key, value)) continue;
        used.add(key);
        // A code that gives a whole value for a structured member (a `details` array, an `errors` map) supplies it as is.
        const structured = wholePlaceholder(value) === undefined && value !== null && typeof value === 'object';
        setMember(out, fill(key) as string, structured && Object.hasOwn(values, key) && carried.has(key) ? values[key] : fill(value));
      }
      return out;
    }
    return node;
  };

  const body = fill(template) as Record<string, unknown>;
  // Members a code carries that the envelope does not name go beside the code (e.g. `retryAfter` in `error`).
  const holder = objectAt(body, codeHolderPath(template) ?? []) ?? body;
  for (const [name, value] of Object.entries(code?.members ?? {})) {
    if (!used.has(name)) setMember(holder, name, options.values && Object.hasOwn(options.values, name) ? options.values[name] : value);
  }
  return body;
}

/** The value at a dotted path (`error.details`), or undefined. */
export function valueAt(value: unknown, dotted: string | undefined): unknown {
  if (!dotted) return value;
  let node = value;
  for (const part of dotted.split('.')) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * A canonical description of a body's shape read against the envelope template: keys and
 * nesting, literal members by value, placeholder values by type, and placeholder keys as `<name>`.
 * Two bodies of the same envelope have equal signatures when their shapes agree.
 */
export function shapeSignature(value: unknown, template: unknown): string {
  if (Array.isArray(value)) {
    const itemTemplate = Array.isArray(template) ? template[0] : undefined;
    return value.length === 0 ? '[]' : `[${shapeSignature(value[0], itemTemplate)}]`;
  }
  if (value && typeof value === 'object') {
    const templateObject = template && typeof template === 'object' && !Array.isArray(template) ? (template as Record<string, unknown>) : {};
    const placeholderKey = Object.keys(templateObject).find((k) => wholePlaceholder(k) !== undefined);
    const members = Object.keys(value).sort().map((key) => {
      const known = key in templateObject;
      const childTemplate = known ? templateObject[key] : placeholderKey !== undefined ? templateObject[placeholderKey] : undefined;
      const label = known || placeholderKey === undefined ? key : `<${wholePlaceholder(placeholderKey)}>`;
      return `${JSON.stringify(label)}:${shapeSignature((value as Record<string, unknown>)[key], childTemplate)}`;
    });
    return `{${members.join(',')}}`;
  }
  const isLiteral = template !== undefined && collectPlaceholders(template).size === 0 && (template === null || typeof template !== 'object');
  return isLiteral ? JSON.stringify(value) : typeof value;
}
