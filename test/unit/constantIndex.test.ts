/**
 * The workspace index of code constants: its lookups, kept current file by file while requests
 * read them, answer as lookups built at once from the same files would, in the same order; and
 * what it keeps of a file is the file's constants, not its text.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ConstantIndex, factsOf } from '../../server/src/service/index/constantIndex';
import { Random } from '../fuzz/random';

const NAMES = ['NotFound', 'Conflict', 'Expired', 'Locked', 'Gone'];
const QUALIFIERS = ['ErrorCode', 'OrderError', 'Failure'];
const VALUES = ['ORDER_NOT_FOUND', 'ORDER_CONFLICT', 'ORDER_EXPIRED', 'ORDER_LOCKED'];

/** A TypeScript file of one or two enums whose members share names, values and enums with other files'. */
function definitionFile(random: Random): string {
  const lines: string[] = [];
  for (let e = 0; e <= random.below(2); e++) {
    lines.push('', `export enum ${QUALIFIERS[random.below(QUALIFIERS.length)]} {`);
    for (let m = 0; m <= random.below(3); m++) lines.push(`  ${NAMES[random.below(NAMES.length)]}${m} = '${VALUES[random.below(VALUES.length)]}',`);
    lines.push('}');
  }
  // Blank lines ahead move the same constants within the file.
  return `${'\n'.repeat(random.below(3))}${lines.join('\n')}\n`;
}

/** Every lookup's answer, each binding as where it is defined and how it is written. */
function answers(index: ConstantIndex): string[] {
  const show = (bindings: readonly { uri?: string; qualifiedName: string; range?: { start: { line: number } } }[]) =>
    bindings.map((b) => `${b.uri ?? 'catalog'}:${b.range?.start.line ?? '-'} ${b.qualifiedName}`).join(', ');
  return [
    ...NAMES.flatMap((name) => [0, 1, 2].map((m) => `named ${name}${m}: ${show(index.named(`${name}${m}`))}`)),
    ...VALUES.map((value) => `standing for ${value}: ${show(index.standingFor(value))}`),
    ...QUALIFIERS.map((qualifier) => `qualified by ${qualifier}: ${show(index.qualifiedBy(qualifier))}`),
  ];
}

/** An index built at once from what `index` holds now, in the order it holds it. */
function builtAtOnce(index: ConstantIndex, declared: ReadonlyMap<string, readonly string[]>): ConstantIndex {
  const fresh = new ConstantIndex();
  for (const uri of index.indexedFiles()) fresh.update(index.factsOf(uri)!);
  if (declared.size > 0) fresh.declare('file:///w/api.errors.yaml', declared);
  return fresh;
}

describe('constant index', () => {
  it('keeps its lookups current through files recorded, changed, moved and removed, as if built at once', () => {
    for (const seed of [1, 2, 3, 4]) {
      // Seeded, so that a failure can be replayed.
      const random = new Random(seed);
      const index = new ConstantIndex();
      // Without declarations the lookups are kept current file by file; with one that files' definitions
      // override now and then (`OrderError.Gone0`), they are built again after each change.
      const declared = new Map(seed > 2 ? [['ORDER_GONE', ['OrderError.Gone0']]] : []);
      if (declared.size > 0) index.declare('file:///w/api.errors.yaml', declared);
      for (let step = 0; step < 300; step++) {
        const uri = `file:///w/src/errors${random.below(12)}.ts`;
        if (random.below(5) === 0) index.remove(uri);
        else if (random.below(4) === 0 && index.factsOf(uri)) index.update({ ...index.factsOf(uri)! }); // read again, unchanged
        else index.update(factsOf(uri, definitionFile(random), 'typescript'));
        // Read between two files, as requests do while a workspace is indexed.
        if (step % 3 === 0) assert.deepEqual(answers(index), answers(builtAtOnce(index, declared)), `seed ${seed}, step ${step}`);
      }
    }
  });

  it('keeps the constants of a file, not its text', () => {
    // `gc` appears in contexts made after the flag is set.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const FILES = 40;
    const FILE_BYTES = 256 * 1024;
    const index = new ConstantIndex();
    collect();
    const before = process.memoryUsage().heapUsed;
    for (let f = 0; f < FILES; f++) {
      const body = Array.from({ length: FILE_BYTES / 64 }, (_, i) => `  return normalizeOrderReference(order${f}_${i}, 'ORDER_NOT_FOUND');`).join('\n');
      const text = `export enum ErrorCode${f} {\n  OrderNotFound = 'ORDER_NOT_FOUND_${f}',\n  OrderConflict = 'ORDER_CONFLICT_${f}',\n}\n\nfunction check${f}() {\n${body}\n}\n`;
      index.update(factsOf(`file:///w/src/orders${f}.ts`, text, 'typescript'));
    }
    assert.equal(index.standingFor('ORDER_CONFLICT_7').length, 1);
    collect();
    const heldMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    // The texts come to 10 MB; their constants and calls to a few hundred KB.
    assert.ok(heldMb < 3, `the index holds ${heldMb.toFixed(1)} MB for ${FILES} files of ${FILE_BYTES / 1024} KB`);
  });
});
