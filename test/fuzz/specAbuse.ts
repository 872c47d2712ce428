/**
 * OpenAPI documents served as catalogs (`openapi:` in `errorCatalog.catalogs`), as a cloned
 * repository may hold them: the test specs mutated at random, `$ref`s that climb out of the
 * workspace to the canary (through `..`, an absolute path, a symbolic link) or to the network,
 * reference cycles across files, a chain of thousands of files, alias bombs and deep nesting.
 * The server must stay up and answer, never read outside, and report what it cannot import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';
import type { FileSpec, FuzzCase } from './fuzzCase';
import { fixed, QUICK, SLOW, type Family } from './family';
import { contentOf, MUTATIONS } from './mutations';
import { Random } from './random';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'openapi');

interface SeedSpec {
  readonly name: string;
  /** The document, then the files its `$ref`s name, folder-relative. */
  readonly files: readonly { readonly path: string; readonly text: string }[];
  readonly codes: readonly string[];
}

let seeds: SeedSpec[] | undefined;

/** The test specs in the three versions, with the codes each is known to give. */
function seedSpecs(): SeedSpec[] {
  const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
  seeds ??= [
    { name: 'OpenAPI 3.0 with a second file', files: [{ path: 'api/openapi.yaml', text: read('parcel-labels/openapi.yaml') }, { path: 'api/schemas/errors.yaml', text: read('parcel-labels/schemas/errors.yaml') }], codes: ['ADDRESS_INVALID', 'LABEL_NOT_FOUND'] },
    { name: 'OpenAPI 3.1 JSON', files: [{ path: 'api/openapi.json', text: read('payouts/openapi.json') }], codes: [] },
    { name: 'Swagger 2.0', files: [{ path: 'api/swagger.yaml', text: read('warehouse/swagger.yaml') }], codes: [] },
  ];
  return seeds;
}

function specCase(name: string, seed: number, files: readonly FileSpec[], spec: string, codes: readonly string[], expect: FuzzCase['expect'] = undefined): FuzzCase {
  return { family: 'openapi', name, seed, files, settings: { catalogs: [`openapi:${spec}`] }, steps: [{ do: 'exercise' }], probe: { codes, statuses: [404, 429] }, expect };
}

const SPEC_HEAD = "openapi: 3.0.3\ninfo: { title: Refs, version: '1' }\npaths:\n  /things:\n    get:\n      responses:\n        '404':\n          description: Not found\n          content:\n            application/json:\n              schema:\n";

/** A spec whose error schema is `$ref`, and a case that must report the document rather than read the target. */
function refCase(seed: number, name: string, ref: string, extra: readonly FileSpec[] = []): FuzzCase {
  const spec = `${SPEC_HEAD}                $ref: '${ref}'\n`;
  return specCase(`a $ref ${name}`, seed, [{ kind: 'file', path: 'openapi.yaml', content: spec }, ...extra], 'openapi.yaml', [], [{ path: 'openapi.yaml', problem: 'openapi-import', because: `a $ref ${name} must be reported on the spec, not followed` }]);
}

/** A chain of files, each `$ref`ing the next, the last back to the first. */
function chainCase(seed: number, length: number, closed: boolean): FuzzCase {
  const files: FileSpec[] = [{ kind: 'file', path: 'openapi.yaml', content: `${SPEC_HEAD}                $ref: './refs/r0.yaml#/Error'\n` }];
  for (let i = 0; i < length; i++) {
    const next = i + 1 < length ? `./r${i + 1}.yaml#/Error` : closed ? './r0.yaml#/Error' : undefined;
    const content = next ? `Error:\n  $ref: '${next}'\n` : 'Error:\n  type: object\n  properties:\n    code: { type: string, enum: [CHAIN_END] }\n    message: { type: string }\n';
    files.push({ kind: 'file', path: `refs/r${i}.yaml`, content });
  }
  return specCase(`a chain of ${length} files of $refs${closed ? ' that closes on itself' : ''}`, seed, files, 'openapi.yaml', closed ? [] : ['CHAIN_END']);
}

function fixtureCase(seed: number, path: string, name: string): FuzzCase {
  return specCase(name, seed, [{ kind: 'file', path: 'openapi.yaml', content: readFileSync(join(FIXTURES, path), 'utf8') }], 'openapi.yaml', []);
}

/** One of the test specs with one to four random mutations to one of its files. */
function mutatedSpecCase(seed: number): FuzzCase {
  const random = new Random(seed);
  const spec = random.pick(seedSpecs());
  const target = random.below(spec.files.length);
  const names = random.sample(Object.keys(MUTATIONS), random.int(1, 4));
  const files: FileSpec[] = spec.files.map((file, i) => {
    if (i !== target) return { kind: 'file', path: file.path, content: file.text };
    let bytes: Buffer = Buffer.from(file.text, 'utf8');
    for (const mutation of names) bytes = MUTATIONS[mutation](bytes, random);
    return { kind: 'file', path: file.path, content: contentOf(bytes) };
  });
  return specCase(`${names.join(' + ')} of ${spec.files[target].path} (${spec.name})`, seed, files, spec.files[0].path, spec.codes);
}

export const specFamily: Family = {
  name: 'openapi',
  about: 'OpenAPI documents served as catalogs: mutated test specs, $refs out of the workspace or to the network, reference cycles and long chains across files, alias bombs, deep nesting',
  fixed: [
    fixed((seed) => specCase('the OpenAPI 3.0 test spec, unmutated', seed, seedSpecs()[0].files.map((f) => ({ kind: 'file' as const, path: f.path, content: f.text })), 'api/openapi.yaml', seedSpecs()[0].codes, [{ path: 'api/openapi.yaml', codeCount: 9, because: 'the unmutated test spec gives its nine codes' }]), QUICK),
    fixed((seed) => refCase(seed, 'through .. to the canary', '%TOROOT%/outside/canary.errors.yaml#/codes'), QUICK),
    fixed((seed) => refCase(seed, 'to the canary by absolute path', '%OUTSIDE%/canary.errors.yaml#/codes'), QUICK),
    fixed((seed) => refCase(seed, 'through a symbolic link to the canary', './linked.yaml#/codes', [{ kind: 'symlink', path: 'linked.yaml', target: '%OUTSIDE%/canary.errors.yaml' }]), QUICK),
    fixed((seed) => refCase(seed, 'to the network', 'http://127.0.0.1:9/errors.yaml#/Error')),
    fixed((seed) => refCase(seed, 'to a file URI outside', 'file://%OUTSIDE%/canary.errors.yaml#/codes')),
    fixed((seed) => chainCase(seed, 3, true), QUICK),
    fixed((seed) => chainCase(seed, 40, false)),
    fixed((seed) => chainCase(seed, 3000, false), SLOW),
    fixed((seed) => fixtureCase(seed, 'bad/aliases.yaml', 'an alias bomb'), QUICK),
    fixed((seed) => fixtureCase(seed, 'bad/deep.json', 'nesting past every bound')),
    fixed((seed) => fixtureCase(seed, 'circular/openapi.yaml', 'circular schemas')),
  ],
  random: mutatedSpecCase,
};
