/**
 * The workspace's code constants: every name a source file binds to a string (an enum member, a
 * class constant, a `const` in a package), indexed by name and by value, so that a name written
 * anywhere (`ApiException::TICKET_NOT_FOUND`, `apierr.ErrorCodeOrderNotFound`, `ErrorCode.SlotTaken`)
 * can be read as the code it stands for. Built from each file's facts, which are computed alone
 * (so that a changed file is read again alone); the lookups are rebuilt on first use after a change.
 */
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CatalogSet } from '../catalog/catalogSet';
import { argumentAt, calleeName } from '../text/calls';
import { insideRanges } from '../text/codeUsages';
import { findConstantDefinitions, isConstantLike, packageOf, type ConstantDefinition } from '../text/constants';
import { lexStatements } from '../text/statements';
import { learnRaiseForms, type LearnedRaises } from './raiseForms';
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
    found.push(argument);
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
  const definitions = findConstantDefinitions(text, languageId).filter(isConstantLike);
  const document = definitions.length > 0 ? TextDocument.create(uri, languageId, 0, text) : undefined;
  const lexed = lexStatements(text, languageId);
  const raises = raiseFactsOf(text, languageId, lexed);
  return {
    uri,
    languageId,
    qualifiers: [...new Set([packageName, stem].filter((q): q is string => !!q))],
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

interface Lookups {
  readonly byName: Map<string, ConstantBinding[]>;
  readonly byValue: Map<string, ConstantBinding[]>;
  readonly byQualifier: Map<string, ConstantBinding[]>;
  /** By each container that is not the innermost one (`ErrorCodes` of `ErrorCodes.Patients.NotFound`). */
  readonly byOuterContainer: Map<string, ConstantBinding[]>;
  readonly clashes: Map<string, DeclarationClash[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class ConstantIndex {
  private readonly files = new Map<string, FileFacts>();
  /** Bindings the catalogs declare (`constants:` of a code), by catalog. */
  private readonly declared = new Map<string, readonly DeclaredBinding[]>();
  private lookups?: Lookups;
  /** Counts changes, so that what was computed from the index can tell it is stale. */
  version = 0;

  /** Records a file's facts; returns whether its constants changed (not merely moved in the file). */
  update(facts: FileFacts): boolean {
    const before = this.files.get(facts.uri);
    if (before && sameDefinitions(before, facts)) {
      // Only where they are changed: the locations are new, the meaning is not.
      this.files.set(facts.uri, facts);
      this.lookups = undefined;
      return false;
    }
    this.files.set(facts.uri, facts);
    this.changed();
    return true;
  }

  remove(uri: string): boolean {
    if (!this.files.delete(uri)) return false;
    this.changed();
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

  private build(): Lookups {
    if (this.lookups) return this.lookups;
    const byName = new Map<string, ConstantBinding[]>();
    const byValue = new Map<string, ConstantBinding[]>();
    const byQualifier = new Map<string, ConstantBinding[]>();
    const byOuterContainer = new Map<string, ConstantBinding[]>();
    const clashes = new Map<string, DeclarationClash[]>();
    const add = (binding: ConstantBinding) => {
      push(byName, binding.name, binding);
      push(byValue, binding.value, binding);
      for (const qualifier of binding.qualifiers) push(byQualifier, qualifier, binding);
      if (binding.containers.length > 1) for (const container of new Set(binding.containers.slice(0, -1))) push(byOuterContainer, container, binding);
    };
    for (const facts of this.files.values()) {
      for (const [i, definition] of facts.definitions.entries()) {
        const inner = definition.containers[definition.containers.length - 1];
        const qualifiers = new Set(inner ? [inner] : facts.qualifiers);
        const qualifier = inner ?? facts.qualifiers[0];
        add({
          name: definition.name,
          value: definition.value,
          uri: facts.uri,
          definition,
          range: facts.ranges[i],
          qualifiers,
          containers: definition.containers,
          qualifiedName: qualifier ? `${qualifier}${separatorOf(facts.languageId, definition.kind)}${definition.name}` : definition.name,
        });
      }
    }
    for (const [catalogUri, bindings] of this.declared) {
      for (const binding of bindings) {
        // A definition the workspace shows is what code compiles against: a declaration of the same name is dropped.
        const defined = byName.get(binding.name)?.find((b) => b.uri !== undefined && sameQualification(b, binding));
        if (!defined) add(binding);
        else if (defined.value !== binding.value) push(clashes, catalogUri, { code: binding.value, written: binding.qualifiedName, index: binding.index, defined });
      }
    }
    this.lookups = { byName, byValue, byQualifier, byOuterContainer, clashes };
    return this.lookups;
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

  private readonly learned = new WeakMap<CatalogSet, { version: number; functions: CodeFunction[] }>();

  /**
   * The functions the workspace passes codes to, and at which argument: a function called with a
   * code constant or a code string at the same position in two places, or once when its name says
   * it raises errors (`NewNotFoundError`, `ApiException`).
   */
  codeFunctions(set: CatalogSet): readonly CodeFunction[] {
    const cached = this.learned.get(set);
    if (cached?.version === this.version) return cached.functions;
    const isCode = (value: string) => set.findCode(value).length > 0;
    const uses = new Map<string, number>();
    for (const facts of this.files.values()) {
      for (const call of facts.calls) {
        const code = call.literal ? isCode(call.value) : this.named(call.value).some((b) => isCode(b.value) && (call.qualifier === undefined || b.qualifiers.has(call.qualifier)));
        if (!code) continue;
        const key = `${call.callee}\n${call.index}`;
        uses.set(key, (uses.get(key) ?? 0) + 1);
      }
    }
    const functions = [...uses].filter(([key, count]) => count >= 2 || /error|exception|fail|raise|abort|problem|fault/i.test(key.split('\n')[0])).map(([key]) => {
      const [name, index] = key.split('\n');
      return { name, index: Number(index) };
    });
    this.learned.set(set, { version: this.version, functions });
    return functions;
  }

  private readonly raises = new WeakMap<CatalogSet, { version: number; learned: LearnedRaises }>();

  /** How the workspace raises the codes of a set of catalogs (see raiseForms.ts). */
  raiseForms(set: CatalogSet): LearnedRaises {
    const cached = this.raises.get(set);
    if (cached?.version === this.version) return cached.learned;
    const learned = learnRaiseForms(this.files.values(), set, this);
    this.raises.set(set, { version: this.version, learned });
    return learned;
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
