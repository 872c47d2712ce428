/**
 * The error envelope of a page, from the example body it shows as "the error format": the code's
 * value becomes `${code}`, the message's `${message}`, other strings placeholders named by their
 * key, and constants (`success: false`, `status: "error"`) stay as they are. Also places other
 * example bodies in that envelope: which part of it they show, which code they carry and which
 * extra members come with it.
 */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Keys that hold the error code, most usual first. */
const CODE_KEYS = ['error_code', 'errorCode', 'code', 'err_code', 'errCode', 'error_type', 'errorType', 'error_id', 'errorId', 'error'];
/** Keys that hold the human-readable message, most usual first. */
const MESSAGE_KEYS = ['message', 'error_message', 'errorMessage', 'msg', 'error_description', 'errorDescription', 'detail', 'description', 'messages'];
/** Keys of a status number in a body. */
const STATUS_KEYS = /^(status|statusCode|status_code|httpStatus|http_status|httpCode|http_code)$/;
/** Keys of an object that maps field names to their messages. */
const FIELD_MAP_KEYS = /^(errors|fields|field_?errors|fieldErrors|validation_?errors|validationErrors|invalid_?params|invalidParams|params|violations|problems)$/i;
/** Words a page writes where a value goes: the type, or a sample that is no real value. */
const TYPE_WORDS = /^(string|str|text|number|integer|int|float|double|boolean|bool|object|array|null|any|uuid|date|datetime|date-time|timestamp|url|uri)$/i;
/** Values that mark a body as an error, the same in every error response. */
const CONSTANT_VALUES = /^(error|errors|fail|failed|failure|err|ko)$/i;

const MAX_DEPTH = 12;

/** Breadth first: the path to the shallowest member whose key is one of `keys` (earlier keys win at equal depth). */
function findKey(body: JsonObject, keys: readonly string[], accept: (value: unknown) => boolean): string[] | undefined {
  let level: { object: JsonObject; path: string[] }[] = [{ object: body, path: [] }];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    for (const key of keys) {
      for (const { object, path } of level) {
        if (Object.hasOwn(object, key) && accept(object[key])) return [...path, key];
      }
    }
    const next: { object: JsonObject; path: string[] }[] = [];
    for (const { object, path } of level) {
      for (const [key, value] of Object.entries(object)) if (isJsonObject(value)) next.push({ object: value, path: [...path, key] });
    }
    level = next.slice(0, 500);
  }
  return undefined;
}

export function valueAt(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path) {
    if (!isJsonObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** Whether a value written for a code is a stand-in (`string`, `ERROR_CODE`, `<code>`) rather than a code the API sends. */
function isStandInValue(key: string, value: unknown): boolean {
  if (typeof value !== 'string') return true;
  const text = value.trim();
  if (text === '' || /\s/.test(text) || TYPE_WORDS.test(text)) return true;
  if (/^[<{[(].*[>}\])]$|^\.{2,}$|^x{2,}$|^(your|some|my|example|sample)[_-]/i.test(text)) return true;
  const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (normalize(text) === normalize(key) || /(^|[_-])(error_?code|code|string|value)$/i.test(text) || /^(error|code|type)$/i.test(text)) return true;
  return false;
}

function isFieldMap(key: string, value: JsonObject): boolean {
  const entries = Object.entries(value);
  if (entries.length === 0 || entries.length > 50) return false;
  const stringValues = entries.every(([, member]) => typeof member === 'string' || (Array.isArray(member) && member.every((item) => typeof item === 'string')));
  if (!stringValues) return false;
  if (entries.some(([member]) => CODE_KEYS.includes(member) || MESSAGE_KEYS.includes(member))) return false;
  return FIELD_MAP_KEYS.test(key) || entries.some(([member]) => /field|param|attribute|property|name|<|\{/i.test(member));
}

function singular(word: string): string {
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function placeholderName(key: string): string {
  const camel = key.replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, char: string) => char.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
  return /^[A-Za-z]/.test(camel) ? camel : `value${camel}`;
}

/** What the page's error-format example says about the envelope. */
export interface EnvelopeReading {
  /** The body template. */
  readonly body: JsonObject;
  /** Where the code is, in the example and the template. */
  readonly codePath?: readonly string[];
  readonly messagePath?: readonly string[];
  /** The example as the page shows it. */
  readonly example: JsonObject;
}

/** The envelope an example body stands for. */
export function envelopeFromExample(example: JsonObject): EnvelopeReading {
  const codePath = findKey(example, CODE_KEYS, (value) => typeof value === 'string' || value === null);
  const messagePath = findKey(example, MESSAGE_KEYS, (value) => typeof value === 'string' || value === null);
  const used = new Set<string>(['code', 'message']);
  const samePath = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && a.every((key, i) => key === b[i]);

  const nameFor = (key: string, parent: string | undefined, siblings: readonly string[]): string => {
    let name = placeholderName(key);
    if (name === 'message' && siblings.includes('field')) name = 'fieldMessage';
    if (used.has(name) && parent) name = `${placeholderName(singular(parent))}${name[0].toUpperCase()}${name.slice(1)}`;
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name}${n}`;
    used.add(unique);
    return unique;
  };

  const template = (value: unknown, path: string[], parent: string | undefined, siblings: readonly string[], depth: number): unknown => {
    const key = path[path.length - 1] ?? '';
    if (samePath(codePath, path)) return '${code}';
    if (samePath(messagePath, path)) return '${message}';
    if (depth > MAX_DEPTH) return `\${${nameFor(key, parent, siblings)}}`;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return STATUS_KEYS.test(key) && value >= 100 && value <= 599 ? '${status}' : `\${${nameFor(key, parent, siblings)}}`;
    if (typeof value === 'string') return CONSTANT_VALUES.test(value) ? value : `\${${nameFor(key, parent, siblings)}}`;
    if (value === null) return `\${${nameFor(key, parent, siblings)}}`;
    if (Array.isArray(value)) {
      const items = value.slice(0, 20);
      if (items.length === 0) return [];
      if (items.every(isJsonObject)) {
        // The members of every item, as one item: a list of field failures is one shape.
        const merged: JsonObject = {};
        for (const item of items) for (const [member, memberValue] of Object.entries(item)) if (!(member in merged)) merged[member] = memberValue;
        const memberNames = Object.keys(merged);
        const out: JsonObject = {};
        for (const [member, memberValue] of Object.entries(merged)) out[member] = template(memberValue, [...path, '[]', member], key, memberNames, depth + 1);
        return [out];
      }
      return [template(items[0], [...path, '[]'], key, [], depth + 1)];
    }
    if (isJsonObject(value)) {
      if (path.length > 0 && isFieldMap(key, value)) {
        used.add('field');
        used.add('fieldMessage');
        return { '${field}': '${fieldMessage}' };
      }
      const out: JsonObject = {};
      const names = Object.keys(value).slice(0, 100);
      for (const member of names) out[member] = template(value[member], [...path, member], key, names, depth + 1);
      return out;
    }
    return `\${${nameFor(key, parent, siblings)}}`;
  };

  return { body: template(example, [], undefined, [], 0) as JsonObject, codePath, messagePath, example };
}

/** An example body placed in the envelope. */
export interface PlacedExample {
  /** The dotted path of the envelope part it shows, when it shows only a part (`error`). */
  readonly at?: string;
  readonly code?: string;
  readonly message?: string;
  /** Members beside the code that the envelope part does not always carry, or that vary per code. */
  readonly members: JsonObject;
}

function objectPaths(template: JsonObject, path: string[] = [], out: string[][] = [], depth = 0): string[][] {
  if (depth > MAX_DEPTH) return out;
  for (const [key, value] of Object.entries(template)) {
    if (isJsonObject(value)) {
      out.push([...path, key]);
      objectPaths(value, [...path, key], out, depth + 1);
    }
  }
  return out;
}

/** Where in the envelope an example body sits, and what it says about its code. */
export function placeExample(envelope: EnvelopeReading | undefined, body: JsonObject): PlacedExample {
  const keys = Object.keys(body);
  let at: string[] = [];
  if (envelope) {
    const overlap = (template: unknown) => (isJsonObject(template) ? keys.filter((key) => Object.hasOwn(template, key)).length : 0);
    let best = overlap(envelope.body);
    for (const path of objectPaths(envelope.body)) {
      const score = overlap(valueAt(envelope.body, path));
      if (score > best) {
        best = score;
        at = path;
      }
    }
  }
  const relative = (path: readonly string[] | undefined): string[] | undefined => {
    if (!path) return undefined;
    if (at.length === 0) return [...path];
    return at.every((key, i) => path[i] === key) ? path.slice(at.length) : undefined;
  };
  const codePath = relative(envelope?.codePath) ?? (findKey(body, CODE_KEYS, (value) => typeof value === 'string'));
  const messagePath = relative(envelope?.messagePath) ?? findKey(body, MESSAGE_KEYS, (value) => typeof value === 'string');
  const codeValue = codePath ? valueAt(body, codePath) : undefined;
  const messageValue = messagePath ? valueAt(body, messagePath) : undefined;
  const code = typeof codeValue === 'string' && !isStandInValue(codePath?.[codePath.length - 1] ?? 'code', codeValue) ? codeValue.trim() : undefined;
  const message = typeof messageValue === 'string' && !TYPE_WORDS.test(messageValue.trim()) && messageValue.trim() !== '' ? messageValue : undefined;
  const members: JsonObject = {};
  if (codePath && codeValue !== undefined) {
    const holder = valueAt(body, codePath.slice(0, -1));
    const codeKey = codePath[codePath.length - 1];
    const messageKey = messagePath && messagePath.length === codePath.length ? messagePath[messagePath.length - 1] : undefined;
    if (isJsonObject(holder)) {
      for (const [key, value] of Object.entries(holder)) {
        if (key === codeKey || key === messageKey) continue;
        if (typeof value === 'string' && TYPE_WORDS.test(value.trim())) continue;
        // The status number every body carries is the code's status, not a member of its own.
        if (STATUS_KEYS.test(key) && typeof value === 'number') continue;
        members[key] = value;
      }
    }
  }
  return { at: at.length > 0 ? at.join('.') : undefined, code, message, members };
}

/** Whether a JSON body looks like an error body at all: it has a code, a message or an error member. */
export function looksLikeErrorBody(body: JsonObject): boolean {
  return findKey(body, [...CODE_KEYS, ...MESSAGE_KEYS, 'error', 'errors'], () => true) !== undefined;
}

/** Member names in a template, anywhere (placeholders in keys aside). */
export function memberNames(template: unknown, into: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH) return into;
  if (Array.isArray(template)) for (const item of template) memberNames(item, into, depth + 1);
  else if (isJsonObject(template)) {
    for (const [key, value] of Object.entries(template)) {
      if (!key.startsWith('${')) into.add(key);
      memberNames(value, into, depth + 1);
    }
  }
  return into;
}
