/**
 * The workspace's code constants: every name a source file binds to a string (an enum member, a
 * class constant, a `const` in a package), indexed by name and by value, so that a name written
 * anywhere (`ApiException::TICKET_NOT_FOUND`, `apierr.ErrorCodeOrderNotFound`, `ErrorCode.SlotTaken`)
 * can be read as the code it stands for. Built from each file's facts, which are computed alone
 * (so that a changed file is read again alone); the lookups are built on first use, then kept current.
 */
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet } from '../catalog/catalogSet';
import { argumentAt, calleeName } from '../text/calls';
import { insideRanges } from '../text/codeUsages';
import { findConstantDefinitions, isConstantLike, packageOf, type ConstantDefinition } from '../text/constants';
import { lexStatements } from '../text/statements';
import { raiseFactsOf, type RaiseFacts } from './raiseStatements';

/** A function the workspace passes codes to, at an argument position. */
export interface CodeFunction {
  readonly name: string;
  readonly index: number;
}

/** An argument of a call that may be a code: a string literal, or a name that may be a constant (`ErrorCode.X`). */
export interface CallArgument {
  /** The function, as its last link names it (`NewNotFoundError`, `ApiException`, `badRequest`). */
  readonly callee: string;
  readonly index: number;
  /** The literal's text, or the name (the last link of a chain) with what qualifies it. */
  readonly value: string;
  readonly qualifier?: string;
  readonly literal: boolean;
}

/** What the index keeps of one source file. */
export interface FileFacts {
  readonly uri: string;
  readonly languageId: string;
  /** Names other files qualify this file's top-level constants with: its package, its module (the file's name). */
  readonly qualifiers: readonly string[];
  readonly definitions: readonly ConstantDefinition[];
  /** Where each definition's name is, as a line and character (what go to definition answers). */
  readonly ranges: readonly Range[];
  /** Arguments of its calls that may be codes: what tells which functions the workspace passes codes to. */
  readonly calls: readonly CallArgument[];
  /** For each definition, whether a deprecation note stands right above it. */
  readonly deprecated: readonly boolean[];
  /** Its raising statements and what goes with them: what the workspace's way of raising a code is learned from. */
  readonly raises?: RaiseFacts;
}

/** A deprecation note in the lines right above an offset (`@deprecated`, `Deprecated:`, `[Obsolete`, `@Deprecated`). */
export function hasDeprecationNote(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lines = text.slice(Math.max(0, lineStart - 400), offset).split('\n').slice(-5);
  return lines.some((line) => /@deprecated|\bDeprecated\b|\[Obsolete|#\s*deprecated/i.test(line));
}

/**
 * A copy of a string cut from a file's text that does not hold on to the text. V8 keeps a long
 * enough substring as a view into the string it was cut from, so that the names and values the
 * index keeps of each file kept the whole file alive, for as long as the index lived: the facts of
 * 5,000 files of 4 KB took 28 MB, 13 MB without their texts. Joining makes a flat copy, and the
 * slice is then a view into that copy alone.
 */
function detached(cut: string): string {
  return ` ${cut}`.slice(1);
}

const CALL = /(?<![\w$])(?:new\s+)?([A-Za-z_$][\w$]*(?:\s*(?:\.|::|->)\s*[A-Za-z_$][\w$]*){0,4})\s*\(/g;
const CHAIN_ARGUMENT = /^\s*([A-Za-z_$][\w$]*(?:\s*(?:\.|::|->)\s*[A-Za-z_$][\w$]*){0,4})\s*$/;
const LITERAL_ARGUMENT = /^\s*(["'])([^"'\\\n]{1,200})\1\s*$/;
/** Enough to learn a file's helpers from; a generated file with thousands of calls adds nothing more. */
const MAX_CALL_ARGUMENTS = 500;
const NOT_CALLS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'typeof', 'sizeof', 'super', 'print', 'println', 'printf', 'log', 'debug', 'info', 'warn', 'error', 'require', 'import', 'assert', 'expect', 'describe', 'it', 'test']);

/** The arguments of a file's calls that are literals or names, outside comments (a few per call, near the call). */
function callArgumentsOf(text: string, comments: readonly [number, number][]): CallArgument[] {
  const found: CallArgument[] = [];
  const seen = new Set<string>();
  const keep = (argument: CallArgument) => {
    const key = `${argument.callee}\n${argument.index}\n${argument.qualifier ?? ''}\n${argument.value}`;
    if (seen.has(key) || found.length >= MAX_CALL_ARGUMENTS) return;
    seen.add(key);
    const { callee, index, value, qualifier, literal } = argument;
    // A literal of one shape (a spread copy made a new hidden class per argument: 6 MB for 5,000 files).
    found.push({ callee: detached(callee), index, value: detached(value), qualifier: qualifier === undefined ? undefined : detached(qualifier), literal });
  };
  for (const m of text.matchAll(CALL)) {
    const chain = m[1];
    const callee = calleeName(chain);
    if (NOT_CALLS.has(callee) || insideRanges(comments, m.index ?? 0)) continue;
    const open = (m.index ?? 0) + m[0].length - 1;
    const limit = Math.min(text.length, open + 400);
    for (let index = 0; index < 4; index++) {
      const argument = argumentAt(text, open, index, limit);
      if (!argument) break;
      const raw = text.slice(argument.start, argument.end);
      const literal = LITERAL_ARGUMENT.exec(raw);
      if (literal) {
        // Prose and paths are not codes: a code has no spaces and is not all lower-case letters.
        if (!/^[a-z]+$/.test(literal[2])) keep({ callee, index, value: literal[2], literal: true });
        continue;
      }
      const name = CHAIN_ARGUMENT.exec(raw)?.[1];
      if (!name) continue;
      const parts = name.split(/\s*(?:\.|::|->)\s*/);
      // Constants are named with a capital or in capitals; locals and parameters are not the codebase's code constants.
      if (/^[A-Z]/.test(parts[parts.length - 1])) keep({ callee, index, value: parts[parts.length - 1], qualifier: parts.length > 1 ? parts[parts.length - 2] : undefined, literal: false });
    }
  }
  return found;
}

/** The facts of one file: its constant definitions and the names that qualify them. */
export function factsOf(uri: string, text: string, languageId: string): FileFacts {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const stem = name.slice(0, name.indexOf('.') > 0 ? name.indexOf('.') : undefined);
  const packageName = packageOf(text, languageId);
  const definitions = findConstantDefinitions(text, languageId).filter(isConstantLike)
    .map((d) => ({ ...d, name: detached(d.name), value: detached(d.value), containers: d.containers.map(detached) }));
  const document = definitions.length > 0 ? TextDocument.create(uri, languageId, 0, text) : undefined;
  const lexed = lexStatements(text, languageId);
  const raises = raiseFactsOf(text, languageId, lexed);
  return {
    uri,
    languageId,
    qualifiers: [...new Set([packageName, stem].filter((q): q is string => !!q).map(detached))],
    definitions,
    ranges: definitions.map((d) => ({ start: document!.positionAt(d.nameStart), end: document!.positionAt(d.nameEnd) })),
    calls: callArgumentsOf(text, lexed.comments),
    deprecated: definitions.map((d) => hasDeprecationNote(text, d.nameStart)),
    ...(raises ? { raises } : {}),
  };
}

/** A constant as the index knows it. */
export interface ConstantBinding {
  readonly name: string;
  /** The code it stands for (the string it binds). */
  readonly value: string;
  /** The file it is defined in; undefined for a binding the catalog declares. */
  readonly uri?: string;
  readonly definition?: ConstantDefinition;
  /** Where the definition's name is in its file. */
  readonly range?: Range;
  /** Every name that may qualify a reference to it: its innermost container, else its file's package and module. */
  readonly qualifiers: ReadonlySet<string>;
  /** The names that enclose it, outermost first (`['ErrorCodes', 'Patients']`), as its definition or declaration writes them. */
  readonly containers: readonly string[];
  /** How code usually writes it: `ApiException::TICKET_NOT_FOUND`, `apierr.ErrorCodeOrderNotFound`, `ErrorCode.SlotTaken`. */
  readonly qualifiedName: string;
}

/** How a language joins a qualifier to a member. */
function separatorOf(languageId: string, kind: ConstantDefinition['kind']): string {
  if (languageId === 'php' || languageId === 'rust') return '::';
  if (languageId === 'ruby' && kind !== 'enum-member') return '::';
  return '.';
}

/** A constant a catalog declares that a definition in the workspace already binds to another value: the definition wins. */
export interface DeclarationClash {
  /** The code it is declared for, and the entry of its `constants` (as written and by position). */
  readonly code: string;
  readonly written: string;
  readonly index: number;
  /** The defining binding, with the value code reads. */
  readonly defined: ConstantBinding;
}

/** A binding a catalog declares, with where in its code's `constants` it is written. */
interface DeclaredBinding extends ConstantBinding {
  readonly index: number;
}

/** The bindings a file's definitions make. */
function bindingsOf(facts: FileFacts): ConstantBinding[] {
  return facts.definitions.map((definition, i) => {
    const inner = definition.containers[definition.containers.length - 1];
    const qualifier = inner ?? facts.qualifiers[0];
    return {
      name: definition.name,
      value: definition.value,
      uri: facts.uri,
      definition,
      range: facts.ranges[i],
      qualifiers: new Set(inner ? [inner] : facts.qualifiers),
      containers: definition.containers,
      qualifiedName: qualifier ? `${qualifier}${separatorOf(facts.languageId, definition.kind)}${definition.name}` : definition.name,
    };
  });
}

/** Bindings by name, by value, by qualifier and by outer container; and the catalogs' declarations a definition overrides. */
interface Lookups {
  readonly byName: Map<string, ConstantBinding[]>;
  readonly byValue: Map<string, ConstantBinding[]>;
  readonly byQualifier: Map<string, ConstantBinding[]>;
  /** By each container that is not the innermost one (`ErrorCodes` of `ErrorCodes.Patients.NotFound`). */
  readonly byOuterContainer: Map<string, ConstantBinding[]>;
  readonly clashes: Map<string, DeclarationClash[]>;
}

/** The lists of `lookups` a binding belongs in, by its keys. */
function* listsOf(lookups: Lookups, binding: ConstantBinding): Generator<[Map<string, ConstantBinding[]>, string]> {
  yield [lookups.byName, binding.name];
  yield [lookups.byValue, binding.value];
  for (const qualifier of binding.qualifiers) yield [lookups.byQualifier, qualifier];
  if (binding.containers.length > 1) for (const container of new Set(binding.containers.slice(0, -1))) yield [lookups.byOuterContainer, container];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Catalog combinations whose learned functions are kept at once (a workspace has a few). */
const MAX_LEARNED_SETS = 64;

export class ConstantIndex {
  private readonly files = new Map<string, FileFacts>();
  /**
   * Each file's place in the order it was first recorded in (the order of `files`): lookups list
   * bindings in that order, the catalogs' declared bindings last, whether they were built at once
   * or kept current file by file.
   */
  private readonly places = new Map<string, number>();
  private nextPlace = 0;
  /** Bindings the catalogs declare (`constants:` of a code), by catalog. */
  private readonly declared = new Map<string, readonly DeclaredBinding[]>();
  /**
   * Built on first use, then kept current as files are recorded and removed: while a workspace is
   * being indexed, requests read the index between two files, and rebuilding it whole for each
   * would cost as much as the files read so far. While catalogs declare constants, whether a
   * declaration stands depends on every file's definitions: a file's change then builds them again.
   */
  private lookups?: Lookups;
  /** Counts changes, so that what was computed from the index can tell it is stale. */
  version = 0;

  /** Records a file's facts; returns whether its constants changed (not merely moved in the file). */
  update(facts: FileFacts): boolean {
    const before = this.files.get(facts.uri);
    if (!before) this.places.set(facts.uri, this.nextPlace++);
    this.files.set(facts.uri, facts);
    if (this.lookups && this.declared.size > 0) this.lookups = undefined;
    if (this.lookups) {
      if (before) this.unlist(this.lookups, before);
      for (const binding of bindingsOf(facts)) this.list(this.lookups, binding);
    }
    // Unchanged when only the locations are new, not the meaning.
    if (before && sameDefinitions(before, facts)) return false;
    this.version++;
    return true;
  }

  remove(uri: string): boolean {
    const before = this.files.get(uri);
    if (!before) return false;
    this.files.delete(uri);
    this.places.delete(uri);
    if (this.lookups && this.declared.size > 0) this.lookups = undefined;
    if (this.lookups) this.unlist(this.lookups, before);
    this.version++;
    return true;
  }

  /**
   * The bindings a catalog declares, written as `Qualifier.Name`, `Outer::Inner::Name` or `Name`, per
   * code; they replace what the catalog declared before. Qualified by their innermost link, as code
   * qualifies a defined constant by its innermost container.
   */
  declare(catalogUri: string, constants: ReadonlyMap<string, readonly string[]>): void {
    const bindings: DeclaredBinding[] = [];
    for (const [code, names] of constants) {
      names.forEach((written, index) => {
        const parts = written.split(/::|\.|->/).filter(Boolean);
        const name = parts[parts.length - 1];
        if (!name) return;
        const containers = parts.slice(0, -1);
        bindings.push({ name, value: code, qualifiers: new Set(containers.slice(-1)), containers, qualifiedName: written, index });
      });
    }
    if (bindings.length === 0 && !this.declared.has(catalogUri)) return;
    if (bindings.length === 0) this.declared.delete(catalogUri);
    else this.declared.set(catalogUri, bindings);
    this.changed();
  }

  /** Drops what a catalog declared (the catalog is gone). */
  forget(catalogUri: string): void {
    if (this.declared.delete(catalogUri)) this.changed();
  }

  /** The catalogs that declare constants. */
  declaringCatalogs(): string[] {
    return [...this.declared.keys()];
  }

  private changed(): void {
    this.lookups = undefined;
    this.version++;
  }

  /** Puts a file's binding in its lists, after the bindings of files recorded before its file and before the others. */
  private list(lookups: Lookups, binding: ConstantBinding): void {
    const placeOf = (b: ConstantBinding) => (b.uri === undefined ? Infinity : this.places.get(b.uri) ?? Infinity);
    const place = placeOf(binding);
    for (const [map, key] of listsOf(lookups, binding)) {
      const list = map.get(key);
      if (!list) {
        map.set(key, [binding]);
        continue;
      }
      let at = list.length;
      while (at > 0 && placeOf(list[at - 1]) > place) at--;
      list.splice(at, 0, binding);
    }
  }

  /** Takes a file's bindings out of the lists they are in. */
  private unlist(lookups: Lookups, facts: FileFacts): void {
    const lists = new Map<Map<string, ConstantBinding[]>, Set<string>>();
    for (const binding of bindingsOf(facts)) {
      for (const [map, key] of listsOf(lookups, binding)) {
        const keys = lists.get(map) ?? new Set<string>();
        lists.set(map, keys.add(key));
      }
    }
    for (const [map, keys] of lists) {
      for (const key of keys) {
        const kept = map.get(key)?.filter((b) => b.uri !== facts.uri) ?? [];
        if (kept.length > 0) map.set(key, kept);
        else map.delete(key);
      }
    }
  }

  private build(): Lookups {
    if (this.lookups) return this.lookups;
    const lookups: Lookups = { byName: new Map(), byValue: new Map(), byQualifier: new Map(), byOuterContainer: new Map(), clashes: new Map() };
    const add = (binding: ConstantBinding) => {
      for (const [map, key] of listsOf(lookups, binding)) push(map, key, binding);
    };
    for (const facts of this.files.values()) bindingsOf(facts).forEach(add);
    for (const [catalogUri, bindings] of this.declared) {
      for (const binding of bindings) {
        // A definition the workspace shows is what code compiles against: a declaration of the same name is dropped.
        const defined = lookups.byName.get(binding.name)?.find((b) => b.uri !== undefined && sameQualification(b, binding));
        if (!defined) add(binding);
        else if (defined.value !== binding.value) push(lookups.clashes, catalogUri, { code: binding.value, written: binding.qualifiedName, index: binding.index, defined });
      }
    }
    this.lookups = lookups;
    return lookups;
  }

  /** Constants with this name, wherever they are defined. */
  named(name: string): readonly ConstantBinding[] {
    return this.build().byName.get(name) ?? [];
  }

  /** Constants that stand for this code. */
  standingFor(code: string): readonly ConstantBinding[] {
    return this.build().byValue.get(code) ?? [];
  }

  /** Constants a qualifier holds (`ErrorCode`, `ApiException`, `apierr`): what completion offers after `ErrorCode.`. */
  qualifiedBy(qualifier: string): readonly ConstantBinding[] {
    return this.build().byQualifier.get(qualifier) ?? [];
  }

  /** Constants in containers nested in this one (`ErrorCodes.Patients.NotFound` for `ErrorCodes`). */
  nestedIn(container: string): readonly ConstantBinding[] {
    return this.build().byOuterContainer.get(container) ?? [];
  }

  /** The constants a catalog declares that a workspace definition binds to another value. */
  clashesOf(catalogUri: string): readonly DeclarationClash[] {
    return this.build().clashes.get(catalogUri) ?? [];
  }

  /** Every constant name, for finding their uses in a file at once. */
  names(): IterableIterator<string> {
    return this.build().byName.keys();
  }

  /** Learned functions by the catalogs of the set they were learned with (folders' sets differ, their catalogs mostly do not). */
  private readonly learned = new Map<string, { version: number; functions: CodeFunction[] }>();
  private readonly catalogIds = new WeakMap<object, number>();
  private nextCatalogId = 0;

  /**
   * The functions the workspace passes codes to, and at which argument: a function called with a
   * code constant or a code string at the same position in two places, or once when its name says
   * it raises errors (`NewNotFoundError`, `ApiException`).
   */
  codeFunctions(set: CatalogSet): readonly CodeFunction[] {
    const key = set.catalogs.map((catalog) => {
      let id = this.catalogIds.get(catalog);
      if (id === undefined) this.catalogIds.set(catalog, (id = this.nextCatalogId++));
      return id;
    }).join(',');
    const cached = this.learned.get(key);
    if (cached?.version === this.version) return cached.functions;
    const isCode = (value: string) => set.findCode(value).length > 0;
    // Per function and argument: how many calls hand it a code, of all the calls whose argument there was kept.
    const uses = new Map<string, { codes: number; all: number }>();
    for (const facts of this.files.values()) {
      for (const call of facts.calls) {
        const key = `${call.callee}\n${call.index}`;
        const counts = uses.get(key) ?? { codes: 0, all: 0 };
        uses.set(key, counts);
        counts.all++;
        if (call.literal ? isCode(call.value) : this.named(call.value).some((b) => isCode(b.value) && (call.qualifier === undefined || b.qualifiers.has(call.qualifier)))) counts.codes++;
      }
    }
    // A function mostly handed codes there; not one handed anything, codes among the rest (a test's `toBe`, a logger).
    const functions = [...uses].filter(([key, { codes, all }]) => codes > 0 && codes * 2 >= all && (codes >= 2 || /error|exception|fail|raise|abort|problem|fault/i.test(key.split('\n')[0]))).map(([key]) => {
      const [name, index] = key.split('\n');
      return { name, index: Number(index) };
    });
    if (this.learned.size > MAX_LEARNED_SETS) this.learned.clear();
    this.learned.set(key, { version: this.version, functions });
    return functions;
  }

  /** Every recorded file's facts, in the order they were first recorded. */
  allFacts(): IterableIterator<FileFacts> {
    return this.files.values();
  }

  /** Whether a constant's definition has a deprecation note right above it (kept on purpose for old clients). */
  isMarkedDeprecated(binding: ConstantBinding): boolean {
    const facts = binding.uri ? this.files.get(binding.uri) : undefined;
    const index = facts && binding.definition ? facts.definitions.indexOf(binding.definition) : -1;
    return index >= 0 && facts!.deprecated[index];
  }

  /** The files that define constants. */
  indexedFiles(): string[] {
    return [...this.files.keys()];
  }

  /** The facts of a file, if it defines constants. */
  factsOf(uri: string): FileFacts | undefined {
    return this.files.get(uri);
  }

  get size(): number {
    return [...this.files.values()].reduce((n, f) => n + f.definitions.length, 0);
  }
}

/** Whether two bindings are written the same way in code: the same innermost qualifier, or none. */
function sameQualification(a: ConstantBinding, b: ConstantBinding): boolean {
  if (b.qualifiers.size === 0) return a.qualifiers.size === 0 || a.containers.length === 0;
  return [...b.qualifiers].some((q) => a.qualifiers.has(q));
}

function sameDefinitions(a: FileFacts, b: FileFacts): boolean {
  if (a.definitions.length !== b.definitions.length || a.qualifiers.join() !== b.qualifiers.join() || a.calls.length !== b.calls.length) return false;
  if (!a.calls.every((c, i) => c.callee === b.calls[i].callee && c.index === b.calls[i].index && c.value === b.calls[i].value)) return false;
  if (JSON.stringify(a.raises) !== JSON.stringify(b.raises)) return false;
  return a.definitions.every((d, i) => {
    const e = b.definitions[i];
    return d.name === e.name && d.value === e.value && d.containers.join() === e.containers.join();
  });
}
