/**
 * The shape of an error body, read from its schema (or, without one, from an example): the
 * catalog's envelope template with `${code}`, `${message}` and the other placeholders put where
 * the members that carry them are, literal members (`success: false`) kept, members the schema
 * does not require listed as optional, and the codes an `enum` on the code member lists.
 * `$ref`s are followed one at a time and a schema that contains itself is cut where it recurs.
 */
import { ARRAY_ITEM } from '../catalog/envelope';
import { isObject, own, type JsonObject, type Located, type SpecDocuments, pointerText } from './openApiDocuments';
import { cleanText, isSomeReasonPhrase } from './openApiText';

/** Object levels read into a template: error bodies have a few; deeper members become one placeholder. */
const MAX_BODY_DEPTH = 8;
/** Members read per object. */
const MAX_MEMBERS = 100;
/** Values read from one `enum`. */
const MAX_ENUM_VALUES = 5000;
/** Members read into one body's template, at all levels: past it, members become one placeholder each. */
const MAX_BODY_MEMBERS = 500;

/** What reading one body's members carries along: the schemas being read (to cut a schema that contains itself) and a count. */
interface Reading {
  readonly schemas: Set<string>;
  members: number;
}

/** A value an `enum` or `const` allows, where it is written and what the spec says it means. */
export interface AllowedValue {
  readonly value: unknown;
  readonly at: Located;
  description?: string;
}

/** A schema with its `$ref`s followed and its `allOf`, `oneOf` and `anyOf` parts merged: what a value of it can be. */
interface SchemaView {
  readonly at: Located;
  readonly types: Set<string>;
  /** Each member's schemas, from every part that names it. */
  readonly properties: Map<string, Located[]>;
  readonly required: Set<string>;
  /** Whether any part lists `required`: without a list, the schema says nothing about which members are optional. */
  requiredKnown: boolean;
  readonly items: Located[];
  readonly additional: Located[];
  readonly allowed: AllowedValue[];
  readonly descriptions: string[];
  readonly titles: string[];
  readonly examples: Located[];
  /** A part leads back into a schema being read (a schema that contains itself). */
  circular: boolean;
}

function emptyView(at: Located): SchemaView {
  return { at, types: new Set(), properties: new Map(), required: new Set(), requiredKnown: false, items: [], additional: [], allowed: [], descriptions: [], titles: [], examples: [], circular: false };
}

const keyOf = (at: Located) => `${at.file}${pointerText(at.pointer)}`;

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The view of the schemas at `parts`, merged (a member named by several `allOf` parts, say). */
function viewOf(documents: SpecDocuments, parts: readonly Located[]): SchemaView {
  const view = emptyView(parts[0] ?? { value: undefined, file: documents.rootFile, pointer: [] });
  for (const part of parts) addSchema(documents, view, part, new Set());
  describeFromText(view);
  return view;
}

function addSchema(documents: SpecDocuments, view: SchemaView, at: Located, reading: Set<string>): void {
  documents.budget.spend();
  if (!isObject(at.value)) return;
  if (typeof own(at.value, '$ref') !== 'string') {
    addKeywords(documents, view, at, reading);
    return;
  }
  const target = documents.deref(at);
  const key = keyOf(target);
  if (reading.has(key)) {
    view.circular = true;
  } else if (target.value !== undefined) {
    reading.add(key);
    addSchema(documents, view, target, reading);
    reading.delete(key);
  }
  // Keywords beside a `$ref` add to its target, as OpenAPI 3.1 reads them (and many 3.0 documents write them).
  const { $ref: _reference, ...siblings } = at.value;
  if (Object.keys(siblings).length > 0) addKeywords(documents, view, { value: siblings, file: at.file, pointer: at.pointer }, reading);
}

/** The keywords of one schema object. */
function addKeywords(documents: SpecDocuments, view: SchemaView, at: Located, reading: Set<string>): void {
  const schema = at.value as JsonObject;
  const type = own(schema, 'type');
  for (const name of Array.isArray(type) ? type : [type]) if (typeof name === 'string') view.types.add(name);
  if (own(schema, 'nullable') === true || own(schema, 'x-nullable') === true) view.types.add('null');
  const description = own(schema, 'description');
  if (typeof description === 'string') view.descriptions.push(description);
  // Generated specs often say what a member is in its title only (FastAPI: `title: Error Type`).
  const title = own(schema, 'title');
  if (typeof title === 'string') view.titles.push(title);

  for (const [name, member] of documents.entries(documents.child(at, 'properties'))) {
    if (!view.properties.has(name) && view.properties.size >= MAX_MEMBERS) continue;
    view.properties.set(name, [...(view.properties.get(name) ?? []), member]);
  }
  const required = own(schema, 'required');
  if (Array.isArray(required)) {
    view.requiredKnown = true;
    for (const name of required) if (typeof name === 'string') view.required.add(name);
  }
  const items = documents.child(at, 'items');
  if (items) {
    if (Array.isArray(items.value)) view.items.push(...documents.items(items));
    else view.items.push(items);
  }
  const additional = documents.child(at, 'additionalProperties');
  if (additional && isObject(documents.deref(additional).value)) view.additional.push(additional);

  const allowed: AllowedValue[] = [];
  const enumAt = documents.child(at, 'enum');
  for (const item of documents.items(enumAt).slice(0, MAX_ENUM_VALUES)) if (isScalar(item.value)) allowed.push({ value: item.value, at: item });
  const constAt = documents.child(at, 'const');
  if (constAt && isScalar(constAt.value)) allowed.push({ value: constAt.value, at: constAt });
  describeFromExtension(schema, allowed);
  view.allowed.push(...allowed);

  const example = documents.child(at, 'example');
  if (example) view.examples.push(example);
  const examples = documents.child(at, 'examples');
  if (examples && Array.isArray(examples.value)) view.examples.push(...documents.items(examples));

  for (const part of documents.items(documents.child(at, 'allOf'))) addSchema(documents, view, part, reading);
  for (const keyword of ['oneOf', 'anyOf']) {
    const variants = documents.items(documents.child(at, keyword));
    if (variants.length > 0) addVariants(documents, view, variants, reading);
  }
}

/**
 * `oneOf`/`anyOf`: a body may be any variant, so members of any variant can appear and a member is
 * required only where every variant requires it; variants that are single values (`const` with a
 * description, the 3.1 way to document an enum) add their values.
 */
function addVariants(documents: SpecDocuments, view: SchemaView, variants: readonly Located[], reading: Set<string>): void {
  const views = variants.map((variant) => {
    const part = emptyView(variant);
    addSchema(documents, part, variant, reading);
    return part;
  });
  const objects = views.filter((part) => part.properties.size > 0);
  for (const part of views) {
    for (const type of part.types) view.types.add(type);
    for (const [name, members] of part.properties) {
      if (!view.properties.has(name) && view.properties.size >= MAX_MEMBERS) continue;
      view.properties.set(name, [...(view.properties.get(name) ?? []), ...members]);
    }
    view.items.push(...part.items);
    view.additional.push(...part.additional);
    view.examples.push(...part.examples);
    view.circular ||= part.circular;
    if (part.properties.size === 0) {
      // A single value documented by its own variant: its description (or title) is what the value means.
      const meaning = typeof own(part.at.value, 'description') === 'string' ? own(part.at.value, 'description') : own(documents.deref(part.at).value, 'title');
      for (const value of part.allowed) {
        if (part.allowed.length === 1 && !value.description && typeof meaning === 'string') value.description = meaning;
        view.allowed.push(value);
      }
    }
  }
  if (objects.length > 0) {
    const requiredByAll = [...objects[0].required].filter((name) => objects.every((part) => part.required.has(name)));
    for (const name of requiredByAll) view.required.add(name);
    view.requiredKnown ||= objects.some((part) => part.requiredKnown);
  }
}

/** `x-enum-descriptions` (a list beside `enum`, or a map from value to text), as generators write it. */
function describeFromExtension(schema: JsonObject, allowed: AllowedValue[]): void {
  for (const key of ['x-enum-descriptions', 'x-enumDescriptions', 'x-enum-description', 'x-enumDescription']) {
    const descriptions = own(schema, key);
    if (Array.isArray(descriptions)) {
      descriptions.forEach((text, index) => {
        if (typeof text === 'string' && allowed[index]) allowed[index].description ??= text;
      });
    } else if (isObject(descriptions)) {
      for (const value of allowed) {
        const text = own(descriptions, String(value.value));
        if (typeof text === 'string') value.description ??= text;
      }
    }
  }
}

/**
 * Descriptions that list the values in prose (`- \`RATE_LIMITED\`: Too many requests`, or a
 * Markdown table): each line that starts with an allowed value describes it. Never adds a value.
 */
function describeFromText(view: SchemaView): void {
  const undescribed = new Map(view.allowed.filter((value) => !value.description && isScalar(value.value)).map((value) => [String(value.value), value]));
  if (undescribed.size === 0) return;
  for (const text of view.descriptions) {
    for (const line of text.split(/\r?\n/)) {
      const match = /^\s*(?:[-*+]|\d+[.)])?\s*[`'"*]*([^\s`'"*:|]+)[`'"*]*\s*(?:[:=–—]|\s-\s|-)\s*(.+)$/.exec(line) ?? /^\s*\|\s*[`'"*]*([^`'"*|\s]+)[`'"*]*\s*\|\s*([^|]+?)\s*\|/.exec(line);
      const value = match ? undescribed.get(match[1]) : undefined;
      if (value && match) value.description = match[2].trim();
    }
  }
}

// ---- the members of a body and the placeholders they carry ----

type MemberKind = 'object' | 'array' | 'map' | 'scalar';

interface MemberNode {
  readonly name: string;
  /** Keys from the body's root, with {@link ARRAY_ITEM} for an array's items. */
  readonly path: readonly string[];
  /** Whether the enclosing object requires it; undefined when it says nothing. */
  readonly required: boolean | undefined;
  readonly kind: MemberKind;
  readonly types: ReadonlySet<string>;
  /** The member's only allowed value (`enum: [false]`, `const: error`). */
  readonly literal?: { readonly value: unknown };
  readonly allowed: readonly AllowedValue[];
  /** Its titles and descriptions, which say what it carries. */
  readonly description: string;
  readonly children: MemberNode[];
  /** A map whose values are text (`errors: { email: "is taken" }`). */
  readonly textMap: boolean;
  readonly examples: readonly Located[];
}

function schemaMembers(documents: SpecDocuments, view: SchemaView, path: readonly string[], depth: number, reading: Reading): MemberNode[] {
  const members: MemberNode[] = [];
  for (const [name, parts] of view.properties) {
    if (++reading.members > MAX_BODY_MEMBERS) break;
    const required = view.requiredKnown ? view.required.has(name) : undefined;
    members.push(schemaMember(documents, name, viewOf(documents, parts), [...path, name], required, depth + 1, reading));
  }
  return members;
}

function schemaMember(documents: SpecDocuments, name: string, view: SchemaView, path: readonly string[], required: boolean | undefined, depth: number, reading: Reading): MemberNode {
  const key = keyOf(documents.deref(view.at));
  const canNest = depth < MAX_BODY_DEPTH && !view.circular && !reading.schemas.has(key) && reading.members < MAX_BODY_MEMBERS;
  const values = new Set(view.allowed.map((value) => value.value));
  const literal = values.size === 1 && !values.has(null) ? { value: view.allowed[0].value } : undefined;
  const base = { name, path, required, types: view.types, literal, allowed: view.allowed, description: [...view.titles, ...view.descriptions].join('\n'), examples: view.examples, textMap: false };
  const nested = (inner: SchemaView, innerPath: readonly string[]): MemberNode[] => {
    reading.schemas.add(key);
    try {
      return schemaMembers(documents, inner, innerPath, depth, reading);
    } finally {
      reading.schemas.delete(key);
    }
  };
  if (view.properties.size > 0) {
    return canNest ? { ...base, kind: 'object', children: nested(view, path) } : { ...base, kind: 'scalar', types: new Set(['object']), children: [] };
  }
  if (view.types.has('array') || view.items.length > 0) {
    const item = viewOf(documents, view.items);
    // Items that are the schema being read (`details: [Error]` inside Error) end the nesting there.
    const itemKey = keyOf(documents.deref(item.at));
    if (item.properties.size > 0 && canNest && !item.circular && !reading.schemas.has(itemKey)) {
      reading.schemas.add(itemKey);
      try {
        return { ...base, kind: 'array', children: nested(item, [...path, ARRAY_ITEM]) };
      } finally {
        reading.schemas.delete(itemKey);
      }
    }
    return { ...base, kind: 'scalar', types: new Set(['array']), children: [] };
  }
  if (view.additional.length > 0) {
    const values = viewOf(documents, view.additional);
    const itemTypes = values.types.has('array') ? viewOf(documents, values.items).types : values.types;
    const textMap = values.properties.size === 0 && [...itemTypes].every((type) => type === 'string' || type === 'null') && itemTypes.size > 0;
    return { ...base, kind: 'map', children: [], textMap };
  }
  return { ...base, kind: 'scalar', children: [] };
}

function exampleMembers(value: JsonObject, path: readonly string[], depth: number, reading: Reading): MemberNode[] {
  const members: MemberNode[] = [];
  for (const name of Object.keys(value).slice(0, MAX_MEMBERS)) {
    if (++reading.members > MAX_BODY_MEMBERS) break;
    members.push(exampleMember(name, value[name], [...path, name], depth + 1, reading));
  }
  return members;
}

function exampleMember(name: string, value: unknown, path: readonly string[], depth: number, reading: Reading): MemberNode {
  const base = { name, path, required: undefined, allowed: [], description: '', examples: [], textMap: false, children: [] as MemberNode[] };
  const canNest = depth < MAX_BODY_DEPTH && reading.members < MAX_BODY_MEMBERS;
  if (isObject(value) && canNest) {
    const texts = Object.values(value);
    // Only a member named as a map of field errors is read as one: `error: { code, message }` is all text too.
    const fieldErrors = /^(errors|fields|field_?errors|validation_?errors|invalid_?params|violations)$/i.test(name);
    if (fieldErrors && texts.length > 0 && texts.every((text) => typeof text === 'string' || (Array.isArray(text) && text.every((item) => typeof item === 'string')))) {
      return { ...base, kind: 'map', types: new Set(['object']), textMap: true };
    }
    return { ...base, kind: 'object', types: new Set(['object']), children: exampleMembers(value, path, depth, reading) };
  }
  if (isObject(value)) return { ...base, kind: 'scalar', types: new Set(['object']) };
  if (Array.isArray(value)) {
    return isObject(value[0]) && canNest
      ? { ...base, kind: 'array', types: new Set(['array']), children: exampleMembers(value[0], [...path, ARRAY_ITEM], depth, reading) }
      : { ...base, kind: 'scalar', types: new Set(['array']) };
  }
  const type = value === null ? 'null' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
  // An example shows one body: only its true/false members are read as fixed (`success: false`).
  return { ...base, kind: 'scalar', types: new Set([type]), literal: typeof value === 'boolean' ? { value } : undefined };
}

// ---- roles: which member carries the code, the message, the status ----

const normalized = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Placeholders every code fills in its own way: a member gets one only when it carries that value (a nested `code` gets `detailsCode`). */
const CODE_VALUES = new Set(['code', 'message', 'status', 'title']);

const NAMED_ROLES: readonly [role: string, names: readonly string[]][] = [
  ['requestId', ['requestid', 'reqid']],
  ['timestamp', ['timestamp', 'time', 'datetime', 'occurredat']],
  ['retryAfter', ['retryafter', 'retryafterseconds']],
  ['instance', ['instance']],
  ['details', ['details', 'detail']],
];
const FIELD_NAMES = ['field', 'param', 'parameter', 'pointer', 'property', 'fieldname'];

function flatten(members: readonly MemberNode[]): MemberNode[] {
  // Breadth first: at equal rank, the member nearer the top of the body wins.
  const out: MemberNode[] = [];
  let level = [...members];
  while (level.length > 0) {
    out.push(...level);
    level = level.flatMap((member) => member.children);
  }
  return out;
}

const parentOf = (member: MemberNode) => member.path.slice(0, -1).join('\u0000');
const isNumeric = (member: MemberNode) => member.types.has('integer') || member.types.has('number') || typeof member.literal?.value === 'number';
const isStructure = (member: MemberNode) => member.kind !== 'scalar' || member.types.has('object') || member.types.has('array');
const mentionsHttp = (member: MemberNode) => /\bhttp\b|status code/i.test(member.description);
const isText = (member: MemberNode) => !isStructure(member) && (member.types.size === 0 || member.types.has('string'));

function statusRank(member: MemberNode): number | undefined {
  if (isStructure(member)) return undefined;
  const name = normalized(member.name);
  if (['status', 'statuscode', 'httpstatus', 'httpstatuscode', 'httpcode'].includes(name)) {
    if (isNumeric(member) || member.types.size === 0) return 0;
    const threeDigits = member.allowed.length > 0 && member.allowed.every((value) => /^[1-5]\d\d$/.test(String(value.value)));
    return mentionsHttp(member) || threeDigits ? 1 : undefined;
  }
  // Kubernetes' `code` is "Suggested HTTP return code", beside a machine-readable `reason`; Ory's
  // `code` is "the error status code (404, 403, 401, ...)", Gotify's `errorCode` "The http error
  // code." (example 401): a number named code that the spec says, or shows, is an HTTP status.
  if (['code', 'errorcode'].includes(name) && isNumeric(member) && (/\bhttp\b|\bstatus\b/i.test(member.description) || showsOnlyStatuses(member))) return 0;
  return undefined;
}

/** Whether every value a member's schema allows or shows is an HTTP status (100 to 599). */
function showsOnlyStatuses(member: MemberNode): boolean {
  const values = [...member.allowed.map((allowed) => allowed.value), ...member.examples.map((example) => example.value)];
  return values.length > 0 && values.every((value) => typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599);
}

/** A description that says its member is a code: "Machine-readable error code", "A short identifier corresponding to the HTTP status". */
const SAYS_CODE = /machine[- ]readable|\berror[ _-]?(code|type|identifier)\b|short identifier/i;

function codeRank(member: MemberNode, siblings: readonly MemberNode[], problem: boolean): number | undefined {
  if (isStructure(member)) return undefined;
  const name = normalized(member.name);
  if (['code', 'errorcode', 'errcode'].includes(name)) return 0;
  // RFC 9457: the problem type URI is what identifies the problem, when no code extension does.
  if (problem && name === 'type') return 1;
  // Past these names, a member with one allowed value (`type: { enum: [error] }`) tells bodies apart; it is no code.
  if (member.literal) return undefined;
  // Nor is a member whose examples are sentences, whatever its description says (Gotify's
  // `errorDescription` is described as "The http error code." and shows a sentence).
  if (member.examples.some((example) => typeof example.value === 'string' && /\s/.test(example.value.trim()))) return undefined;
  const listed = member.allowed.filter((value) => value.value !== null).length > 1;
  // OAuth 2.0 (RFC 6749, section 5.2): `error` is the code, beside `error_description`.
  const oauth = siblings.some((sibling) => ['errordescription', 'erroruri'].includes(normalized(sibling.name)));
  // Beside `errorDescription`, an `error` shown as a reason phrase (Gotify's `error: Unauthorized`) is the status's title.
  const showsReasons = member.examples.length > 0 && member.examples.every((example) => typeof example.value === 'string' && isSomeReasonPhrase(example.value));
  if (name === 'error' && isText(member) && (listed || (oauth && !showsReasons))) return 2;
  if (['type', 'reason', 'kind', 'name', 'errortype'].includes(name) && listed) return 3;
  if (isText(member) && !['message', 'msg', 'detail', 'description', 'title'].includes(name) && SAYS_CODE.test(member.description)) return 3;
  // Kubernetes' Status: `reason` is the machine-readable cause.
  if (name === 'reason' && isText(member)) return 4;
  return undefined;
}

function messageRank(member: MemberNode, siblings: readonly MemberNode[], problem: boolean): number | undefined {
  if (!isText(member)) return undefined;
  const name = normalized(member.name);
  if (['message', 'errormessage', 'msg', 'errmsg'].includes(name)) return 0;
  if (name === 'detail') return problem ? 0 : 1;
  if (name === 'errordescription') return 1;
  if (name === 'error' && !siblings.some((sibling) => normalized(sibling.name) === 'message')) return 2;
  if (['description', 'details'].includes(name)) return 3;
  return undefined;
}

function best<T>(candidates: readonly T[], rank: (candidate: T) => number | undefined): T | undefined {
  let chosen: T | undefined;
  let chosenRank = Infinity;
  for (const candidate of candidates) {
    const r = rank(candidate);
    if (r !== undefined && r < chosenRank) {
      chosen = candidate;
      chosenRank = r;
    }
  }
  return chosen;
}

/** The shape of an error body, as the catalog's envelope writes it. */
export interface ErrorShape {
  /** Equal for two bodies of the same shape. */
  readonly signature: string;
  readonly contentType: string;
  readonly body: JsonObject;
  readonly optional: readonly string[];
  /** The path of the code member through the body ({@link ARRAY_ITEM} for array items). */
  readonly codePath: readonly string[];
  /** Whether the schema has no code member and one was put in (`codePath` says where). */
  readonly codeAdded: boolean;
  /** Whether the code member was taken for one by its name or description (`reason`, "machine-readable …"), not named as one. */
  readonly codeGuessed: boolean;
  readonly messagePath?: readonly string[];
  readonly statusPath?: readonly string[];
  readonly titlePath?: readonly string[];
  /** Optional members by name, with their paths: the members a code's example may show. */
  readonly optionalPaths: ReadonlyMap<string, readonly string[]>;
  /** Values an `enum` (or `const`) on the code member allows: the codes the schema lists. */
  readonly listedCodes: readonly AllowedValue[];
  /** Example values of the code member, where the schema lists none. */
  readonly exampleCodes: readonly Located[];
  /** Examples of the whole body written in the schema. */
  readonly bodyExamples: readonly Located[];
  /** Where the shape was read: the schema, or the example. */
  readonly at: Located;
  /** What the shape was read from: a schema, an example body, or (for problem details whose schema is not in reach) RFC 9457. */
  readonly source: 'schema' | 'example' | 'rfc9457';
}

function sanitizedName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z_]/, (first) => `_${first}`);
  return clean || 'value';
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The envelope template of a body's members: placeholders by role, literals kept, optional members listed. */
function shapeOf(members: readonly MemberNode[], contentType: string, at: Located, source: ErrorShape['source'], bodyExamples: readonly Located[]): ErrorShape | undefined {
  if (members.length === 0) return undefined;
  const problem = /problem\+json/i.test(contentType);
  const all = flatten(members);
  const siblingsOf = (member: MemberNode) => all.filter((other) => other !== member && parentOf(other) === parentOf(member));

  const status = best(all, statusRank);
  const code = best(all.filter((member) => member !== status), (member) => codeRank(member, siblingsOf(member), problem));
  // Past the members named like codes (`code`, `error_code`, a problem's `type`, OAuth's `error`), the choice is a reading of names and descriptions.
  const codeGuessed = code !== undefined && (codeRank(code, siblingsOf(code), problem) ?? 0) >= 3;
  const messageCandidates = all.filter((member) => member !== code && member !== status);
  // The message nearest the code: `error.message` beside `error.code`, rather than a top-level `message`.
  const message = best(messageCandidates, (member) => {
    const rank = messageRank(member, siblingsOf(member), problem);
    return rank === undefined ? undefined : rank + (code && parentOf(member) === parentOf(code) ? 0 : 10);
  });
  const roles = new Map<MemberNode, string>();
  if (status) roles.set(status, isNumeric(status) || status.types.size === 0 ? '${status}' : '${status:string}');
  if (code) roles.set(code, '${code}');
  if (message) roles.set(message, '${message}');
  const title = all.find((member) => !roles.has(member) && isText(member) && (normalized(member.name) === 'title' || (normalized(member.name) === 'error' && siblingsOf(member).some((sibling) => sibling === message))));
  if (title) roles.set(title, '${title}');
  const named = (role: string, names: readonly string[]) => {
    const holder = all.find((member) => !roles.has(member) && names.includes(normalized(member.name)) && (role === 'details' ? !isStructure(member) : isText(member) || (role === 'retryAfter' && isNumeric(member))));
    if (holder) roles.set(holder, `\${${role}}`);
    return holder;
  };
  // The field first, so that the message beside it (`errors[].detail`) is the field's message.
  const field = named('field', FIELD_NAMES);
  const fieldMessage = field && all.find((member) => !roles.has(member) && parentOf(member) === parentOf(field) && messageRank(member, [], problem) !== undefined);
  if (fieldMessage) roles.set(fieldMessage, '${fieldMessage}');
  for (const [role, names] of NAMED_ROLES) named(role, names);
  const textMap = !field && all.find((member) => member.kind === 'map' && member.textMap);

  const taken = new Set([...roles.values()].map((role) => role.slice(2, -1).replace(/:string$/, '')));
  const ownPlaceholder = (member: MemberNode): string => {
    let name = sanitizedName(member.name);
    if (CODE_VALUES.has(name) || taken.has(name)) {
      const parent = [...member.path.slice(0, -1)].reverse().find((key) => key !== ARRAY_ITEM);
      name = parent ? `${sanitizedName(parent)}${capitalized(name)}` : `${name}Value`;
    }
    let unique = name;
    for (let n = 2; taken.has(unique) || CODE_VALUES.has(unique); n++) unique = `${name}${n}`;
    taken.add(unique);
    return `\${${unique}}`;
  };

  const isPlaceholder = (member: MemberNode) => !roles.has(member) && !member.literal && member.kind !== 'object' && member.kind !== 'array' && member !== textMap;
  // Named breadth first, so that a top-level member keeps its own name and a nested one is qualified (`detailsCode`).
  const placeholders = new Map(all.filter(isPlaceholder).map((member) => [member, ownPlaceholder(member)]));

  // No code member: one is put first beside the message (or at the top), and the draft says it was guessed.
  const codeHolder = code ? undefined : (message?.path.slice(0, -1) ?? []);
  const holderKey = codeHolder?.join('\u0000');
  const addedName = codeHolder && all.some((member) => member.name === 'code' && member.path.length === codeHolder.length + 1) ? 'error_code' : 'code';

  const emit = (member: MemberNode): unknown => {
    const role = roles.get(member);
    if (role) return role;
    if (member.literal) return member.literal.value;
    if (member.kind === 'object') return emitObject(member.children, member.path);
    if (member.kind === 'array') return [emitObject(member.children, [...member.path, ARRAY_ITEM])];
    if (member === textMap) return { '${field}': '${fieldMessage}' };
    return placeholders.get(member);
  };
  const emitObject = (children: readonly MemberNode[], path: readonly string[]): JsonObject => {
    const out: JsonObject = {};
    // Keys are untrusted text: defined as own members, even one named `__proto__`.
    const set = (key: string, value: unknown) => Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    if (path.join('\u0000') === holderKey) set(addedName, '${code}');
    for (const child of children) set(child.name, emit(child));
    return out;
  };
  const body = emitObject(members, []);
  const codePath = code?.path ?? [...(codeHolder ?? []), addedName];

  // A member is optional only where the schema lists what is required, and never on the way to the code.
  const onCodePath = (member: MemberNode) => codePath.length >= member.path.length && member.path.every((key, i) => codePath[i] === key);
  const byName = new Map<string, MemberNode[]>();
  for (const member of all) byName.set(member.name, [...(byName.get(member.name) ?? []), member]);
  const optionalPaths = new Map<string, readonly string[]>();
  for (const member of all) {
    if (member.required !== false || onCodePath(member) || optionalPaths.has(member.name)) continue;
    // `optional` names members, wherever they are: a name also used by a required member cannot be listed.
    if (byName.get(member.name)!.some((other) => other.required !== false || onCodePath(other))) continue;
    optionalPaths.set(member.name, member.path);
  }
  const optional = [...optionalPaths.keys()];
  const listedCodes = code ? code.allowed.filter((value) => typeof value.value === 'string' ? value.value.length > 0 : typeof value.value === 'number') : [];
  return {
    signature: JSON.stringify([contentType, body, optional]),
    contentType,
    body,
    optional,
    codePath,
    codeAdded: !code,
    codeGuessed,
    messagePath: message?.path,
    statusPath: status?.path,
    titlePath: title?.path,
    optionalPaths,
    listedCodes,
    exampleCodes: code && listedCodes.length === 0 ? code.examples : [],
    bodyExamples,
    at,
    source,
  };
}

/** The shape of the bodies a schema describes; undefined when it does not describe an object with members. */
export function shapeFromSchema(documents: SpecDocuments, schema: Located, contentType: string): ErrorShape | undefined {
  const view = viewOf(documents, [schema]);
  if (view.properties.size === 0) return undefined;
  const at = documents.deref(schema);
  const members = schemaMembers(documents, view, [], 0, { schemas: new Set([keyOf(at)]), members: 0 });
  return shapeOf(members, contentType, at, 'schema', view.examples);
}

/** The shape an example body shows, for a response that has no schema. */
export function shapeFromExample(example: Located, contentType: string): ErrorShape | undefined {
  if (!isObject(example.value)) return undefined;
  return shapeOf(exampleMembers(example.value, [], 0, { schemas: new Set(), members: 0 }), contentType, example, 'example', []);
}

/** RFC 9457's members, for `application/problem+json` responses whose schema is not in the workspace. */
export function problemDetailsShape(at: Located): ErrorShape {
  const body = { type: '${code}', title: '${title}', status: '${status}', detail: '${message}', instance: '${instance}' };
  return {
    signature: JSON.stringify(['application/problem+json', body, ['instance']]),
    contentType: 'application/problem+json',
    body,
    optional: ['instance'],
    codePath: ['type'],
    codeAdded: false,
    codeGuessed: false,
    messagePath: ['detail'],
    statusPath: ['status'],
    titlePath: ['title'],
    optionalPaths: new Map([['instance', ['instance']]]),
    listedCodes: [],
    exampleCodes: [],
    bodyExamples: [],
    at,
    source: 'rfc9457',
  };
}

/** Values read at one path of an example body (the items of its arrays). */
const MAX_VALUES_AT = 1000;

/** The values at a path through a body (every item of the arrays on the way), each with the object that holds it. */
export function valuesAt(body: unknown, path: readonly string[], at: Located): { value: unknown; holder: unknown; at: Located }[] {
  let current: { value: unknown; holder: unknown; at: Located }[] = [{ value: body, holder: undefined, at }];
  for (const key of path) {
    const next: typeof current = [];
    for (const item of current.slice(0, MAX_VALUES_AT)) {
      if (key === ARRAY_ITEM) {
        if (Array.isArray(item.value)) item.value.slice(0, MAX_VALUES_AT).forEach((value, index) => next.push({ value, holder: item.holder, at: { value, file: item.at.file, pointer: [...item.at.pointer, index] } }));
      } else if (isObject(item.value) && Object.hasOwn(item.value, key)) {
        const value = item.value[key];
        next.push({ value, holder: item.value, at: { value, file: item.at.file, pointer: [...item.at.pointer, key] } });
      }
    }
    current = next;
  }
  return current;
}

/** A description of a listed code, fit for the catalog. */
export function describedValue(value: AllowedValue, max = 500): string | undefined {
  return value.description ? cleanText(value.description, max) || undefined : undefined;
}
