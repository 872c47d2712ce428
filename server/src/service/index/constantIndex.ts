/**
 * The workspace's code constants: every name a source file binds to a string (an enum member, a
 * class constant, a `const` in a package), indexed by name and by value, so that a name written
 * anywhere (`ApiException::TICKET_NOT_FOUND`, `apierr.ErrorCodeOrderNotFound`, `ErrorCode.SlotTaken`)
 * can be read as the code it stands for. Built from each file's facts, which are computed alone
 * (so that a changed file is read again alone); the lookups are rebuilt on first use after a change.
 */
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findConstantDefinitions, packageOf, type ConstantDefinition } from '../text/constants';

/** What the index keeps of one source file. */
export interface FileFacts {
  readonly uri: string;
  readonly languageId: string;
  /** Names other files qualify this file's top-level constants with: its package, its module (the file's name). */
  readonly qualifiers: readonly string[];
  readonly definitions: readonly ConstantDefinition[];
  /** Where each definition's name is, as a line and character (what go to definition answers). */
  readonly ranges: readonly Range[];
}

/** The facts of one file: its constant definitions and the names that qualify them. */
export function factsOf(uri: string, text: string, languageId: string): FileFacts {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const stem = name.slice(0, name.indexOf('.') > 0 ? name.indexOf('.') : undefined);
  const packageName = packageOf(text, languageId);
  const definitions = findConstantDefinitions(text, languageId);
  const document = definitions.length > 0 ? TextDocument.create(uri, languageId, 0, text) : undefined;
  return {
    uri,
    languageId,
    qualifiers: [...new Set([packageName, stem].filter((q): q is string => !!q))],
    definitions,
    ranges: definitions.map((d) => ({ start: document!.positionAt(d.nameStart), end: document!.positionAt(d.nameEnd) })),
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
  /** How code usually writes it: `ApiException::TICKET_NOT_FOUND`, `apierr.ErrorCodeOrderNotFound`, `ErrorCode.SlotTaken`. */
  readonly qualifiedName: string;
}

/** How a language joins a qualifier to a member. */
function separatorOf(languageId: string, kind: ConstantDefinition['kind']): string {
  if (languageId === 'php' || languageId === 'rust') return '::';
  if (languageId === 'ruby' && kind !== 'enum-member') return '::';
  return '.';
}

export class ConstantIndex {
  private readonly files = new Map<string, FileFacts>();
  /** Bindings the catalogs declare (`constants:` of a code), by catalog. */
  private readonly declared = new Map<string, readonly ConstantBinding[]>();
  private lookups?: { byName: Map<string, ConstantBinding[]>; byValue: Map<string, ConstantBinding[]>; byQualifier: Map<string, ConstantBinding[]> };
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
    if (!before && facts.definitions.length === 0) return false;
    if (facts.definitions.length === 0) this.files.delete(facts.uri);
    else this.files.set(facts.uri, facts);
    this.changed();
    return true;
  }

  remove(uri: string): boolean {
    if (!this.files.delete(uri)) return false;
    this.changed();
    return true;
  }

  /** The bindings a catalog declares, written as `Qualifier.Name`, `Qualifier::Name` or `Name`, per code. */
  declare(catalogUri: string, constants: ReadonlyMap<string, readonly string[]>): void {
    const bindings: ConstantBinding[] = [];
    for (const [code, names] of constants) {
      for (const written of names) {
        const parts = written.split(/::|\.|->/).filter(Boolean);
        const name = parts[parts.length - 1];
        if (!name) continue;
        bindings.push({ name, value: code, qualifiers: new Set(parts.slice(0, -1)), qualifiedName: written });
      }
    }
    this.declared.set(catalogUri, bindings);
    this.changed();
  }

  private changed(): void {
    this.lookups = undefined;
    this.version++;
  }

  private build() {
    if (this.lookups) return this.lookups;
    const byName = new Map<string, ConstantBinding[]>();
    const byValue = new Map<string, ConstantBinding[]>();
    const byQualifier = new Map<string, ConstantBinding[]>();
    const add = (binding: ConstantBinding) => {
      for (const [map, key] of [[byName, binding.name], [byValue, binding.value]] as const) {
        const list = map.get(key);
        if (list) list.push(binding);
        else map.set(key, [binding]);
      }
      for (const qualifier of binding.qualifiers) {
        const list = byQualifier.get(qualifier);
        if (list) list.push(binding);
        else byQualifier.set(qualifier, [binding]);
      }
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
          qualifiedName: qualifier ? `${qualifier}${separatorOf(facts.languageId, definition.kind)}${definition.name}` : definition.name,
        });
      }
    }
    for (const bindings of this.declared.values()) bindings.forEach(add);
    this.lookups = { byName, byValue, byQualifier };
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

  /** Every constant name, for finding their uses in a file at once. */
  names(): IterableIterator<string> {
    return this.build().byName.keys();
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

function sameDefinitions(a: FileFacts, b: FileFacts): boolean {
  if (a.definitions.length !== b.definitions.length || a.qualifiers.join() !== b.qualifiers.join()) return false;
  return a.definitions.every((d, i) => {
    const e = b.definitions[i];
    return d.name === e.name && d.value === e.value && d.containers.join() === e.containers.join();
  });
}
