/**
 * The typed-constants file of every built-in catalog (but the status catalog, which has no codes)
 * and of a hostile catalog, in every language, checked with that language's own toolchain. Each
 * language's program names every code by the constant the file declares and prints its value and
 * status: they must be the catalog's codes and statuses, in the catalog's order. Where the
 * toolchain can decode JSON (TypeScript by its type checker, Go, PHP, Rust), each code's example
 * body must fit the body types: decoded and encoded again, it is the same body.
 *
 * The language server's constant index must then read the generated constants as the codes they
 * stand for: a hover on a use of one explains the code.
 */
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { renderBody } from '../../server/src/service/catalog/envelope';
import { factsOf } from '../../server/src/service/index/constantIndex';
import type { Catalog } from '../../server/src/service/catalog/model';
import { catalogHash, readGeneratedHeader } from '../../server/src/service/render/generatedHeader';
import { codeConstantNames, typesFile, TYPES_LANGUAGES, type TypesLanguage } from '../../server/src/service/render/typesFile';
import { builtins, catalogFromYaml } from '../helpers/catalogs';
import { inProcessServer } from '../helpers/inProcessServer';
import { positionAt, startInWorkspace } from '../helpers/lspClient';
import { pythonWith, runs, skipUnless, toolchains } from '../helpers/toolchains';

/**
 * Codes that are not identifiers in any language (`NOTFOUND-404`, `42_BAD`, `auth.invalid_token`),
 * a keyword (`class`, and `self`, which Rust's PascalCase makes `Self`), two codes that name the
 * same constant (`a-b`, `a_b`), codes that name what the files already declare (`error-status`,
 * `error-codes`, `error-body`), quotes, backslashes and `$`. Also text that would close a comment or
 * a string (`*\/`, `"""`, `?>`, a line break, `${`, a `\u002a/` that javac reads before it lexes),
 * and an envelope with keys that are not identifiers, keywords, literals of each JSON type,
 * nested objects, arrays, a map and optional members. (`@{` stands for `${`, which a template
 * literal would read.)
 */
const HOSTILE_YAML = String.raw`id: hostile
title: "Hostile */ catalog \"\"\" ?> @{x} \\u002a/"
envelope:
  contentType: application/json
  body:
    ok: false
    version: 2
    ratio: 0.5
    nothing: null
    type: "@{code}"
    status: "@{status}"
    statusText: "@{status:string}"
    request-id: "@{requestId}"
    class: "@{title}"
    error:
      message: "Error: @{message}"
      details:
        - field: "@{field}"
          reason: "@{fieldMessage}"
      errors:
        "@{field}": "@{fieldMessage}"
      tags: []
      mixed: [1, "two"]
      a-b: dash
      a_b: underscore
  optional: [details, request-id, ratio]
codes:
  NOTFOUND-404:
    status: 404
    title: "Not */ found \"\"\" ?> @{x} \\u002a/ end\nsecond */ line\r\u2028third \u202Eline"
    message: "A message with */ and \"\"\" and ?> and @{x}"
  class:
    status: 400
    title: "class */"
  42_BAD:
    status: 400
    title: "Starts with a digit"
  auth.invalid_token:
    status: 401
    title: "Dotted \\ backslash"
    members:
      retryAfter: 30
  a-b:
    status: 409
    title: "Dash"
  a_b:
    status: 409
    title: "Underscore"
    members:
      hint: "try again */ later"
  old_code:
    status: 410
    title: "Old"
    deprecated: "Gone */ since \"\"\" v2 ?>\nfor good"
    replacedBy: a-b
  "quote\"back\\slash'dollar$":
    status: 400
    title: "Quotes"
  self:
    status: 500
    title: "Rust's Self"
  error-status:
    status: 500
    title: "Go's ErrorStatus"
  error-codes:
    status: 500
    title: "C#'s ErrorCodes"
  error-body:
    status: 500
    title: "The body type's name"
  "tmpl@{x}":
    status: 400
    title: "A placeholder in the code"
`.replace(/@\{/g, '${');

const hostile = catalogFromYaml(HOSTILE_YAML, 'file:///work/hostile.errors.yaml');
const catalogs: Catalog[] = [...[...builtins().values()].filter((catalog) => catalog.id !== 'http-status'), hostile];
const CATALOG_PATH = 'api/errors.yaml';

/** What every program must print for a catalog: each code with its status, in the catalog's order. */
const expectedCodes = (catalog: Catalog) => [...catalog.codes.values()].map((entry) => [entry.code, entry.status] as [string, number]);

/** Each code's body with every optional member, as JSON: what the body types must decode and encode unchanged. */
const samplesOf = (catalog: Catalog) => [...catalog.codes.values()].map((entry) => JSON.stringify(renderBody(catalog, entry, { includeAllOptional: true })));

/** The keys the body type has at its root: the envelope's, and those of members codes carry beside a root-level code. */
const rootKeysOf = (catalog: Catalog) => new Set([...Object.keys(catalog.envelope.body), ...samplesOf(catalog).flatMap((sample) => Object.keys(JSON.parse(sample) as object))]);

/** The name of the i-th catalog's module, namespace or package in the programs. */
const moduleOf = (i: number) => `c${i}`;

function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `error-catalog-types-${name}-`));
}

function write(dir: string, relative: string, text: string): void {
  mkdirSync(dirname(join(dir, relative)), { recursive: true });
  writeFileSync(join(dir, relative), text);
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
}

function succeeded(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} failed:\n${result.stdout}\n${result.stderr}${result.error ? `\n${result.error.message}` : ''}`);
  return result.stdout;
}

/** What a program printed for each catalog: each code's value and status as its constants give them. */
function assertCodes(printed: unknown, language: string): void {
  assert.deepEqual(printed, catalogs.map(expectedCodes), `${language}: the constants' codes and statuses`);
}

/** Bodies decoded into the types and encoded again, per catalog: each must be the body it came from. */
function assertBodies(printed: string[][], language: string): void {
  catalogs.forEach((catalog, i) => {
    const samples = samplesOf(catalog);
    assert.equal(printed[i].length, samples.length, `${language} ${catalog.id}: one body per code`);
    samples.forEach((sample, k) => assert.deepEqual(JSON.parse(printed[i][k]), JSON.parse(sample), `${language} ${catalog.id}: the body of ${[...catalog.codes.keys()][k]} through the types`));
  });
}

describe('typesFile', () => {
  it('starts with the generated header, is deterministic, and ends with one newline (LF only)', () => {
    for (const catalog of catalogs) {
      for (const language of TYPES_LANGUAGES) {
        const text = typesFile(catalog, language, { catalogPath: CATALOG_PATH });
        assert.deepEqual(readGeneratedHeader(text), { kind: `types ${language}`, catalog: CATALOG_PATH, hash: catalogHash(catalog) }, `${catalog.id} ${language}`);
        assert.equal(typesFile(catalog, language, { catalogPath: CATALOG_PATH }), text, `${catalog.id} ${language}: the same text twice`);
        assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), `${catalog.id} ${language}: one trailing newline`);
        assert.ok(!text.includes('\r'), `${catalog.id} ${language}: LF line ends`);
        assert.ok(!/[ \t]$/m.test(text), `${catalog.id} ${language}: no trailing white space`);
      }
    }
    assert.ok(typesFile(hostile, 'php', { catalogPath: CATALOG_PATH }).startsWith('<?php\n'));
  });

  it('names the hostile catalog\'s codes with valid, distinct identifiers in each language\'s convention', () => {
    const names = (language: TypesLanguage) => codeConstantNames(hostile, language);
    assert.equal(names('ts').get('NOTFOUND-404'), 'NOTFOUND_404');
    assert.equal(names('ts').get('42_BAD'), 'CODE_42_BAD');
    assert.equal(names('ts').get('auth.invalid_token'), 'AUTH_INVALID_TOKEN');
    assert.equal(names('ts').get('a-b'), 'A_B');
    assert.equal(names('ts').get('a_b'), 'A_B_2');
    assert.equal(names('python').get('class'), 'CLASS');
    assert.equal(names('java').get('quote"back\\slash\'dollar$'), 'QUOTE_BACK_SLASH_DOLLAR');
    assert.equal(names('go').get('NOTFOUND-404'), 'Notfound404');
    assert.equal(names('go').get('error-status'), 'ErrorStatus2');
    assert.equal(names('go').get('error-body'), 'ErrorBody2');
    assert.equal(names('csharp').get('error-codes'), 'ErrorCodes2');
    assert.equal(names('csharp').get('42_BAD'), 'Code42Bad');
    assert.equal(names('php').get('class'), 'CodeClass');
    assert.equal(names('rust').get('self'), 'CodeSelf');
    assert.equal(names('rust').get('a_b'), 'AB2');
    for (const language of TYPES_LANGUAGES) {
      const all = [...names(language).values()];
      assert.equal(new Set(all).size, all.length, `${language}: distinct names`);
      for (const name of all) assert.match(name, /^[A-Za-z][A-Za-z0-9_]*$/, `${language}: ${name}`);
    }
  });

  it('reads, through the constant index, as the catalog\'s codes, deprecated exactly where the catalog says (and, in Java, with their statuses)', () => {
    const LANGUAGE_IDS: Partial<Record<TypesLanguage, string>> = { ts: 'typescript', python: 'python', go: 'go', java: 'java', csharp: 'csharp', php: 'php' };
    for (const catalog of catalogs) {
      for (const [language, languageId] of Object.entries(LANGUAGE_IDS) as [TypesLanguage, string][]) {
        const facts = factsOf(`file:///work/errors.${language}`, typesFile(catalog, language, { catalogPath: CATALOG_PATH }), languageId);
        const entries = [...catalog.codes.values()];
        const where = `${catalog.id} ${language}`;
        assert.deepEqual(facts.definitions.map((d) => d.value), entries.map((entry) => entry.code), `${where}: the constants' values`);
        assert.deepEqual(facts.definitions.map((d) => d.name), entries.map((entry) => codeConstantNames(catalog, language).get(entry.code)), `${where}: the constants' names`);
        assert.deepEqual(facts.deprecated, entries.map((entry) => Boolean(entry.deprecated)), `${where}: deprecation notes`);
        if (language === 'java') assert.deepEqual(facts.definitions.map((d) => d.status), entries.map((entry) => entry.status), `${where}: statuses`);
      }
    }
  });

  it('rejects a name option that is not a package, class or namespace of the language', () => {
    assert.throws(() => typesFile(hostile, 'go', { catalogPath: CATALOG_PATH, name: 'api-errors' }), RangeError);
    assert.throws(() => typesFile(hostile, 'java', { catalogPath: CATALOG_PATH, name: 'com.example.class' }), RangeError);
    assert.throws(() => typesFile(hostile, 'csharp', { catalogPath: CATALOG_PATH, name: 'Api Errors' }), RangeError);
    assert.throws(() => typesFile(hostile, 'php', { catalogPath: CATALOG_PATH, name: 'App\\Err-ors' }), RangeError);
  });
});

describe('TypeScript types', () => {
  it('type-check in strict mode with code that uses them, and the constants are the catalog\'s codes and statuses', { timeout: 120_000 }, () => {
    const dir = scratch('ts');
    try {
      const files: string[] = [];
      catalogs.forEach((catalog, i) => {
        const names = codeConstantNames(catalog, 'ts');
        const constant = (code: string) => `ErrorCode.${names.get(code)}`;
        write(dir, `${moduleOf(i)}.ts`, typesFile(catalog, 'ts', { catalogPath: CATALOG_PATH }));
        // The union of the constants' types must be exactly the catalog's codes, and every example body must be an ErrorBody.
        write(dir, `use${i}.ts`, [
          `import { ErrorCode, ERROR_STATUS, type ErrorBody } from './${moduleOf(i)}';`,
          '',
          'type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;',
          `type CatalogCodes = ${catalog.codes.size === 0 ? 'never' : [...catalog.codes.keys()].map((code) => JSON.stringify(code)).join(' | ')};`,
          'export const sameCodes: Same<ErrorCode, CatalogCodes> = true;',
          `export const constants: [ErrorCode, number][] = [${[...catalog.codes.keys()].map((code) => `[${constant(code)}, ERROR_STATUS[${constant(code)}]]`).join(', ')}];`,
          `export const bodies: ErrorBody[] = [${samplesOf(catalog).join(', ')}];`,
          'export function statusOf(code: ErrorCode): number {',
          '  return ERROR_STATUS[code];',
          '}',
          '',
        ].join('\n'));
        files.push(join(dir, `${moduleOf(i)}.ts`), join(dir, `use${i}.ts`));
      });
      const program = ts.createProgram(files, {
        strict: true, noEmit: true, noUnusedLocals: true, noImplicitReturns: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true,
        target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts'], types: [],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      assert.deepEqual(diagnostics, []);

      // Run them: each module transpiled to CommonJS, required from the next.
      const modules = new Map<string, Record<string, unknown>>();
      const load = (name: string): Record<string, unknown> => {
        const cached = modules.get(name);
        if (cached) return cached;
        const exports: Record<string, unknown> = {};
        modules.set(name, exports);
        const js = ts.transpileModule(readFileSync(join(dir, `${name}.ts`), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
        runInNewContext(`(function (exports, require) {\n${js}\n})`, {})(exports, (path: string) => load(path.replace(/^\.\//, '')));
        return exports;
      };
      // Values made in the VM's realm, copied into this one for deepEqual.
      const copied = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
      assertCodes(catalogs.map((_, i) => copied(load(`use${i}`).constants)), 'TypeScript');
      catalogs.forEach((catalog, i) => assert.deepEqual(copied(Object.values(load(moduleOf(i)).ErrorCode as object)), [...catalog.codes.keys()], `${catalog.id}: ErrorCode's values in order`));
      catalogs.forEach((catalog, i) => assert.deepEqual(copied(load(moduleOf(i)).ERROR_STATUS), Object.fromEntries(expectedCodes(catalog)), `${catalog.id}: ERROR_STATUS`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const python = pythonWith();
/** mypy, from Debian's `mypy` package (for /usr/bin/python3). */
const mypy = ['python3', '/usr/bin/python3'].find((interpreter) => runs(interpreter, ['-m', 'mypy', '--version']));

describe('Python types', { skip: skipUnless(python !== undefined, 'python3') }, () => {
  it('compile with py_compile, import, and give the catalog\'s codes and statuses; the body TypedDicts have its keys', { timeout: 120_000 }, () => {
    const dir = scratch('python');
    try {
      catalogs.forEach((catalog, i) => write(dir, `${moduleOf(i)}.py`, typesFile(catalog, 'python', { catalogPath: CATALOG_PATH })));
      succeeded(run(python!, ['-m', 'py_compile', ...catalogs.map((_, i) => `${moduleOf(i)}.py`)], dir), 'py_compile');
      const rows = catalogs.map((catalog, i) => {
        const names = codeConstantNames(catalog, 'python');
        return `    [${[...catalog.codes.keys()].map((code) => {
          const member = `${moduleOf(i)}.ErrorCode.${names.get(code)}`;
          return `[${member}.value, ${moduleOf(i)}.ERROR_STATUS[${member}], str(${member}) == ${member}.value, ${member} == ${member}.value]`;
        }).join(', ')}],`;
      });
      write(dir, 'main.py', [
        'import json',
        ...catalogs.map((_, i) => `import ${moduleOf(i)}`),
        '',
        'codes = [',
        ...rows,
        ']',
        `order = [[member.value for member in module.ErrorCode] for module in [${catalogs.map((_, i) => moduleOf(i)).join(', ')}]]`,
        `keys = [[sorted(module.ErrorBody.__required_keys__), sorted(module.ErrorBody.__optional_keys__)] for module in [${catalogs.map((_, i) => moduleOf(i)).join(', ')}]]`,
        'print(json.dumps({"codes": codes, "order": order, "keys": keys}))',
        '',
      ].join('\n'));
      const printed = JSON.parse(succeeded(run(python!, ['main.py'], dir), 'python main.py')) as { codes: [string, number, boolean, boolean][][]; order: string[][]; keys: [string[], string[]][] };
      assertCodes(printed.codes.map((rows) => rows.map(([code, status]) => [code, status])), 'Python');
      assert.ok(printed.codes.flat().every(([, , str, equal]) => str && equal), 'Python: str() of a member is its code, and a member equals its code');
      assert.deepEqual(printed.order, catalogs.map((catalog) => [...catalog.codes.keys()]));
      catalogs.forEach((catalog, i) => {
        // The root's keys: the envelope's, required unless optional, and what codes carry beside a root-level code.
        const rootKeys = rootKeysOf(catalog);
        const required = Object.keys(catalog.envelope.body).filter((key) => !catalog.envelope.optional.includes(key)).sort();
        assert.deepEqual(printed.keys[i][0], required, `${catalog.id}: the body's required keys`);
        assert.deepEqual([...printed.keys[i][0], ...printed.keys[i][1]].sort(), [...rootKeys].sort(), `${catalog.id}: the body's keys`);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('type-check with mypy --strict', { skip: skipUnless(mypy !== undefined, 'mypy'), timeout: 300_000 }, () => {
    const dir = scratch('mypy');
    try {
      catalogs.forEach((catalog, i) => write(dir, `${moduleOf(i)}.py`, typesFile(catalog, 'python', { catalogPath: CATALOG_PATH })));
      succeeded(run(mypy!, ['-m', 'mypy', '--strict', '--no-incremental', '--python-version', '3.8', ...catalogs.map((_, i) => `${moduleOf(i)}.py`)], dir), 'mypy --strict');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Go types', { skip: skipUnless(toolchains.go, 'go') }, () => {
  it('are gofmt-clean, pass go vet, and a program gets the catalog\'s codes and statuses and round-trips every body through them', { timeout: 300_000 }, () => {
    const dir = scratch('go');
    try {
      write(dir, 'go.mod', 'module generated\n\ngo 1.19\n');
      catalogs.forEach((catalog, i) => write(dir, `${moduleOf(i)}/types.go`, typesFile(catalog, 'go', { catalogPath: CATALOG_PATH })));
      write(dir, 'samples.json', JSON.stringify(catalogs.map(samplesOf)));
      const codes = catalogs.map((catalog, i) => {
        const names = codeConstantNames(catalog, 'go');
        return `\t\t{${[...catalog.codes.keys()].map((code) => `{${moduleOf(i)}.${names.get(code)}, ${moduleOf(i)}.ErrorStatus[${moduleOf(i)}.${names.get(code)}], ${moduleOf(i)}.${names.get(code)}.Status()}`).join(', ')}},`;
      });
      write(dir, 'main.go', `package main

import (
\t"encoding/json"
\t"os"
\t"strings"

${catalogs.map((_, i) => `\t${moduleOf(i)} "generated/${moduleOf(i)}"`).join('\n')}
)

// roundTrip decodes a body into T, refusing members T does not have, and encodes it again.
func roundTrip[T any](samples []string) []string {
\tout := []string{}
\tfor _, sample := range samples {
\t\tvar value T
\t\tdecoder := json.NewDecoder(strings.NewReader(sample))
\t\tdecoder.DisallowUnknownFields()
\t\tif err := decoder.Decode(&value); err != nil {
\t\t\tpanic(err)
\t\t}
\t\tencoded, err := json.Marshal(value)
\t\tif err != nil {
\t\t\tpanic(err)
\t\t}
\t\tout = append(out, string(encoded))
\t}
\treturn out
}

func main() {
\tdata, err := os.ReadFile("samples.json")
\tif err != nil {
\t\tpanic(err)
\t}
\tvar samples [][]string
\tif err := json.Unmarshal(data, &samples); err != nil {
\t\tpanic(err)
\t}
\tcodes := [][][]any{
${codes.join('\n')}
\t}
\tbodies := [][]string{
${catalogs.map((_, i) => `\t\troundTrip[${moduleOf(i)}.ErrorBody](samples[${i}]),`).join('\n')}
\t}
\tif err := json.NewEncoder(os.Stdout).Encode(map[string]any{"codes": codes, "bodies": bodies}); err != nil {
\t\tpanic(err)
\t}
}
`);
      const unformatted = run('gofmt', ['-l', '.'], dir).stdout.trim();
      assert.equal(unformatted, '', `not gofmt-clean: ${unformatted}\n${run('gofmt', ['-d', '.'], dir).stdout}`);
      const env = { ...process.env, GOPROXY: 'off', GOFLAGS: '', GOCACHE: join(tmpdir(), 'error-catalog-gocache') };
      succeeded(run('go', ['vet', './...'], dir, env), 'go vet');
      const printed = JSON.parse(succeeded(run('go', ['run', '.'], dir, env), 'go run')) as { codes: [string, number, number][][]; bodies: string[][] };
      assertCodes(printed.codes.map((rows) => rows.map(([code, status]) => [code, status])), 'Go');
      assert.ok(printed.codes.flat().every(([, status, method]) => status === method), 'Go: ErrorCode.Status() is ErrorStatus');
      assertBodies(printed.bodies, 'Go');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** JSON string writers for the Java and C# programs: ASCII only, since their console writes in the locale's encoding. */
const JAVA_JSON_STRING = String.raw`static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }`;

const CSHARP_JSON_STRING = String.raw`static string Json(string s)
    {
        var result = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c == '"' || c == '\\') result.Append('\\').Append(c);
            else if (c < 0x20 || c > 0x7e) result.Append("\\u").Append(((int) c).ToString("x4"));
            else result.Append(c);
        }
        return result.Append('"').ToString();
    }`;

describe('Java types', { skip: skipUnless(toolchains.java, 'javac') }, () => {
  it('compile with javac -Xlint:all -Werror, and a program gets the catalog\'s codes and statuses', { timeout: 120_000 }, () => {
    const dir = scratch('java');
    try {
      const sources = catalogs.map((catalog, i) => {
        const file = `${moduleOf(i)}/ApiErrors.java`;
        write(dir, file, typesFile(catalog, 'java', { catalogPath: CATALOG_PATH, name: `${moduleOf(i)}.ApiErrors` }));
        return file;
      });
      const rows = catalogs.map((catalog, i) => {
        const names = codeConstantNames(catalog, 'java');
        const lines = [...catalog.codes.keys()].map((code) => {
          const constant = `${moduleOf(i)}.ApiErrors.ErrorCode.${names.get(code)}`;
          return `            row.add("[" + json(${constant}.code()) + "," + ${constant}.status() + "," + (${moduleOf(i)}.ApiErrors.ErrorCode.fromCode(${constant}.code()).get() == ${constant}) + "]");`;
        });
        return `        {\n            StringJoiner row = new StringJoiner(",", "[", "]");\n${lines.join('\n')}\n            all.add(row.toString());\n        }`;
      });
      write(dir, 'Main.java', `import java.util.StringJoiner;

public class Main {
    ${JAVA_JSON_STRING}

    @SuppressWarnings("deprecation")
    public static void main(String[] args) {
        StringJoiner all = new StringJoiner(",", "[", "]");
${rows.join('\n')}
        System.out.println(all);
    }
}
`);
      succeeded(run('javac', ['-Xlint:all', '-Werror', '-encoding', 'UTF-8', '-d', 'classes', 'Main.java', ...sources], dir), 'javac');
      const printed = JSON.parse(succeeded(run('java', ['-cp', 'classes', 'Main'], dir), 'java Main')) as [string, number, boolean][][];
      assertCodes(printed.map((rows) => rows.map(([code, status]) => [code, status])), 'Java');
      assert.ok(printed.flat().every(([, , found]) => found), 'Java: ErrorCode.fromCode finds each constant by its code');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** System.Text.Json's attributes, which Mono does not have: the generated classes compile against these, and against .NET's own. */
const SYSTEM_TEXT_JSON_STAND_IN = `namespace System.Text.Json.Serialization
{
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class JsonPropertyNameAttribute : Attribute
    {
        public JsonPropertyNameAttribute(string name) { Name = name; }
        public string Name { get; private set; }
    }

    public enum JsonIgnoreCondition { Never, Always, WhenWritingDefault, WhenWritingNull }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class JsonIgnoreAttribute : Attribute
    {
        public JsonIgnoreCondition Condition { get; set; }
    }
}
`;

const mono = runs('mono', ['--version']);

describe('C# types', { skip: skipUnless(toolchains.csharp, 'mcs') }, () => {
  it('compile with mcs without warnings, and a program gets the catalog\'s codes and statuses and the body\'s JSON names', { timeout: 120_000 }, () => {
    const dir = scratch('csharp');
    try {
      const sources = catalogs.map((catalog, i) => {
        const file = `${moduleOf(i)}.cs`;
        write(dir, file, typesFile(catalog, 'csharp', { catalogPath: CATALOG_PATH, name: moduleOf(i).toUpperCase() }));
        return file;
      });
      write(dir, 'SystemTextJson.cs', SYSTEM_TEXT_JSON_STAND_IN);
      const rows = catalogs.map((catalog, i) => {
        const names = codeConstantNames(catalog, 'csharp');
        const lines = [...catalog.codes.keys()].map((code) => {
          const constant = `${moduleOf(i).toUpperCase()}.ErrorCodes.${names.get(code)}`;
          return `            row.Add("[" + Json(${constant}) + "," + ${moduleOf(i).toUpperCase()}.ErrorCodes.Statuses[${constant}] + "]");`;
        });
        return [
          '        {',
          '            var row = new List<string>();',
          ...lines,
          '            codes.Add("[" + string.Join(",", row) + "]");',
          `            names.Add("[" + string.Join(",", typeof(${moduleOf(i).toUpperCase()}.ErrorBody).GetProperties().Select(p => Json(((JsonPropertyNameAttribute) p.GetCustomAttributes(typeof(JsonPropertyNameAttribute), false)[0]).Name))) + "]");`,
          '        }',
        ].join('\n');
      });
      write(dir, 'Program.cs', `using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;

public static class Program
{
    ${CSHARP_JSON_STRING}

    public static void Main()
    {
        var codes = new List<string>();
        var names = new List<string>();
#pragma warning disable 618
${rows.join('\n')}
#pragma warning restore 618
        Console.WriteLine("{\\"codes\\":[" + string.Join(",", codes) + "],\\"names\\":[" + string.Join(",", names) + "]}");
    }
}
`);
      const compiled = run('mcs', ['-nologo', '-warn:4', '-warnaserror+', '-out:types.exe', 'Program.cs', 'SystemTextJson.cs', ...sources], dir);
      succeeded(compiled, 'mcs');
      assert.equal(`${compiled.stdout}${compiled.stderr}`.trim(), '', 'mcs: no warnings');
      if (!mono) return;
      const printed = JSON.parse(succeeded(run('mono', ['types.exe'], dir), 'mono types.exe')) as { codes: [string, number][][]; names: string[][] };
      assertCodes(printed.codes, 'C#');
      catalogs.forEach((catalog, i) => {
        const rootKeys = rootKeysOf(catalog);
        assert.deepEqual([...printed.names[i]].sort(), [...rootKeys].sort(), `C# ${catalog.id}: the body's JSON names`);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PHP types', { skip: skipUnless(toolchains.php, 'php') }, () => {
  it('pass php -l, and a program gets the catalog\'s codes and statuses and round-trips every body through them', { timeout: 120_000 }, () => {
    const dir = scratch('php');
    try {
      const files = catalogs.map((catalog, i) => {
        const file = `${moduleOf(i)}.php`;
        write(dir, file, typesFile(catalog, 'php', { catalogPath: CATALOG_PATH, name: `Generated\\${moduleOf(i).toUpperCase()}` }));
        succeeded(run('php', ['-l', file], dir), `php -l ${file}`);
        return file;
      });
      write(dir, 'samples.json', JSON.stringify(catalogs.map(samplesOf)));
      const rows = catalogs.map((catalog, i) => {
        const names = codeConstantNames(catalog, 'php');
        return `    [${[...catalog.codes.keys()].map((code) => {
          const constant = `\\Generated\\${moduleOf(i).toUpperCase()}\\ErrorCode::${names.get(code)}`;
          return `[${constant}->value, ${constant}->status(), \\Generated\\${moduleOf(i).toUpperCase()}\\ErrorCode::from(${constant}->value) === ${constant}]`;
        }).join(', ')}],`;
      });
      write(dir, 'main.php', `<?php
declare(strict_types=1);

${files.map((file) => `require __DIR__ . '/${file}';`).join('\n')}

$samples = json_decode(file_get_contents(__DIR__ . '/samples.json'), true, 512, JSON_THROW_ON_ERROR);
$codes = [
${rows.join('\n')}
];
$bodies = [
${catalogs.map((_, i) => `    array_map(static fn (string $sample): string => json_encode(\\Generated\\${moduleOf(i).toUpperCase()}\\ErrorBody::fromArray(json_decode($sample, true, 512, JSON_THROW_ON_ERROR)), JSON_THROW_ON_ERROR), $samples[${i}]),`).join('\n')}
];
echo json_encode(['codes' => $codes, 'bodies' => $bodies], JSON_THROW_ON_ERROR);
`);
      const ran = run('php', ['-d', 'error_reporting=-1', '-d', 'display_errors=stderr', 'main.php'], dir);
      const printed = JSON.parse(succeeded(ran, 'php main.php')) as { codes: [string, number, boolean][][]; bodies: string[][] };
      assert.equal(ran.stderr, '', 'php: no notices, warnings or deprecations');
      assertCodes(printed.codes.map((rows) => rows.map(([code, status]) => [code, status])), 'PHP');
      assert.ok(printed.codes.flat().every(([, , found]) => found), 'PHP: ErrorCode::from finds each case by its value');
      assertBodies(printed.bodies, 'PHP');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Cargo with serde offline: crates.io cannot be reached here, but Debian packages the crates
 * (librust-serde-dev, librust-serde-derive-dev, librust-serde-json-dev) as a directory registry in
 * /usr/share/cargo/registry, which a `[source]` replacement points cargo at.
 */
const DEBIAN_CRATES = '/usr/share/cargo/registry';
const crateInstalled = (name: string) => existsSync(DEBIAN_CRATES) && readdirSync(DEBIAN_CRATES).some((dir) => dir.startsWith(`${name}-1.`));
const rustReady = runs('cargo', ['--version']) && ['serde', 'serde_derive', 'serde_json'].every(crateInstalled);
const RUST_SKIP = 'cargo, or the serde crates from Debian,';

describe('Rust types', { skip: skipUnless(rustReady, RUST_SKIP) }, () => {
  it('build with cargo (serde from Debian\'s registry) without warnings, and a program gets the catalog\'s codes and statuses and round-trips every body', { timeout: 600_000 }, () => {
    const dir = scratch('rust');
    try {
      write(dir, 'Cargo.toml', '[package]\nname = "generated"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nserde = { version = "1", features = ["derive"] }\nserde_json = "1"\n');
      write(dir, '.cargo/config.toml', `[source.crates-io]\nreplace-with = "debian"\n\n[source.debian]\ndirectory = "${DEBIAN_CRATES}"\n\n[net]\noffline = true\n`);
      catalogs.forEach((catalog, i) => write(dir, `src/${moduleOf(i)}.rs`, typesFile(catalog, 'rust', { catalogPath: CATALOG_PATH })));
      write(dir, 'samples.json', JSON.stringify(catalogs.map(samplesOf)));
      const codes = catalogs.map((catalog, i) => {
        const names = codeConstantNames(catalog, 'rust');
        return `        vec![${[...catalog.codes.keys()].map((code) => {
          const variant = `${moduleOf(i)}::ErrorCode::${names.get(code)}`;
          return `(${variant}.as_str(), ${variant}.status(), ${moduleOf(i)}::ErrorCode::from_code(${variant}.as_str()) == Some(${variant}), serde_json::to_value(${variant}).unwrap(), ${variant}.to_string())`;
        }).join(', ')}],`;
      });
      write(dir, 'src/main.rs', `${catalogs.map((_, i) => `#[allow(dead_code)]\nmod ${moduleOf(i)};`).join('\n')}

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Decodes each body into T and encodes it again.
fn round_trip<T: DeserializeOwned + Serialize>(samples: &[String]) -> Vec<String> {
    samples.iter().map(|sample| serde_json::to_string(&serde_json::from_str::<T>(sample).unwrap()).unwrap()).collect()
}

#[allow(deprecated)]
fn main() {
    let samples: Vec<Vec<String>> = serde_json::from_str(&std::fs::read_to_string("samples.json").unwrap()).unwrap();
    let codes = vec![
${codes.join('\n')}
    ];
    let all: Vec<Vec<&str>> = vec![${catalogs.map((_, i) => `${moduleOf(i)}::ErrorCode::ALL.iter().map(|c| c.as_str()).collect()`).join(', ')}];
    let bodies: Vec<Vec<String>> = vec![${catalogs.map((_, i) => `round_trip::<${moduleOf(i)}::ErrorBody>(&samples[${i}])`).join(', ')}];
    println!("{}", serde_json::json!({ "codes": codes, "all": all, "bodies": bodies }));
}
`);
      const env = { ...process.env, CARGO_TARGET_DIR: join(tmpdir(), 'error-catalog-cargo-target'), CARGO_TERM_COLOR: 'never' };
      const built = run('cargo', ['build', '--offline', '--message-format', 'short'], dir, env);
      succeeded(built, 'cargo build');
      const warnings = built.stderr.split('\n').filter((line) => /warning/.test(line));
      assert.deepEqual(warnings, [], 'cargo build: no warnings');
      const printed = JSON.parse(succeeded(run('cargo', ['run', '--offline', '-q'], dir, env), 'cargo run')) as { codes: [string, number, boolean, string, string][][]; all: string[][]; bodies: string[][] };
      assertCodes(printed.codes.map((rows) => rows.map(([code, status]) => [code, status])), 'Rust');
      assert.ok(printed.codes.flat().every(([code, , found, serialized, displayed]) => found && serialized === code && displayed === code), 'Rust: from_code, Serialize and Display agree with as_str');
      assert.deepEqual(printed.all, catalogs.map((catalog) => [...catalog.codes.keys()]), 'Rust: ErrorCode::ALL in catalog order');
      assertBodies(printed.bodies, 'Rust');
      if (runs('rustfmt', ['--version'])) {
        const formatted = run('rustfmt', ['--check', '--edition', '2021', ...catalogs.map((_, i) => `src/${moduleOf(i)}.rs`)], dir);
        assert.equal(formatted.status, 0, `not rustfmt-clean:\n${formatted.stdout}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The server on a workspace that holds a catalog, the files generated from it in each language,
 * and a source file per language that uses three of the constants: one named as its code
 * (`RATE_LIMITED`), one renamed to stay distinct (`a_b`, whose natural name `a-b` has), and one
 * renamed to be an identifier (`42_BAD`). The constant index must read each generated form, so that
 * a hover on each use explains the code it stands for, with its status.
 */
describe('generated constants in a workspace', () => {
  const CATALOG = `id: shop
title: Shop API
envelope:
  body:
    error:
      code: "\${code}"
      message: "\${message}"
codes:
  RATE_LIMITED:
    status: 429
    title: Too many requests
  ORDER_NOT_FOUND:
    status: 404
    title: No such order
  a-b:
    status: 409
    title: Dashed
  a_b:
    status: 422
    title: Underscored
  42_BAD:
    status: 400
    title: Starts with a digit
`;
  const catalog = catalogFromYaml(CATALOG, 'file:///work/api.errors.yaml');
  const USED = ['RATE_LIMITED', 'a_b', '42_BAD'];
  const generated = (language: TypesLanguage, name?: string) => typesFile(catalog, language, { catalogPath: 'api.errors.yaml', ...(name ? { name } : {}) });
  /** How a use names each code's constant: `ErrorCode.A_B_2`, `apierrors.AB2`. */
  const written = (language: TypesLanguage, qualifier: string, separator = '.') => USED.map((code) => `${qualifier}${separator}${codeConstantNames(catalog, language).get(code)}`);
  interface Case { language: string; generated: string; files: Record<string, string>; use: string; written: string[] }
  const cases: Case[] = [
    (() => {
      const uses = written('ts', 'ErrorCode');
      return { language: 'typescript', generated: 'web/errors.ts', use: 'web/use.ts', written: uses, files: { 'web/errors.ts': generated('ts'), 'web/use.ts': `import { ErrorCode } from './errors';\n\nexport const uses = [${uses.join(', ')}];\n` } };
    })(),
    (() => {
      const uses = written('python', 'ErrorCode');
      return { language: 'python', generated: 'py/errors.py', use: 'py/use.py', written: uses, files: { 'py/errors.py': generated('python'), 'py/use.py': `from errors import ErrorCode\n\nuses = [${uses.join(', ')}]\n` } };
    })(),
    (() => {
      const uses = written('go', 'apierrors');
      return {
        language: 'go', generated: 'apierrors/errors.go', use: 'cmd/use.go', written: uses,
        files: { 'go.mod': 'module example.com/shop\n\ngo 1.19\n', 'apierrors/errors.go': generated('go'), 'cmd/use.go': `package main\n\nimport "example.com/shop/apierrors"\n\nvar uses = []apierrors.ErrorCode{${uses.join(', ')}}\n` },
      };
    })(),
    (() => {
      const uses = written('java', 'ErrorCode');
      return {
        language: 'java', generated: 'java/com/shop/ApiErrors.java', use: 'java/com/shop/Use.java', written: uses,
        files: { 'java/com/shop/ApiErrors.java': generated('java', 'com.shop.ApiErrors'), 'java/com/shop/Use.java': `package com.shop;\n\nclass Use {\n    static final ApiErrors.ErrorCode[] USES = {${uses.map((use) => `ApiErrors.${use}`).join(', ')}};\n}\n` },
      };
    })(),
    (() => {
      const uses = written('csharp', 'ErrorCodes');
      return {
        language: 'csharp', generated: 'cs/Errors.cs', use: 'cs/Use.cs', written: uses,
        files: { 'cs/Errors.cs': generated('csharp', 'Shop'), 'cs/Use.cs': `namespace Shop\n{\n    public static class Use\n    {\n        public static readonly string[] Uses = { ${uses.join(', ')} };\n    }\n}\n` },
      };
    })(),
    (() => {
      const uses = written('php', 'ErrorCode', '::');
      return { language: 'php', generated: 'php/Errors.php', use: 'php/Use.php', written: uses, files: { 'php/Errors.php': generated('php', 'Shop'), 'php/Use.php': `<?php\n\nnamespace Shop;\n\n$uses = [${uses.join(', ')}];\n` } };
    })(),
    (() => {
      const uses = written('rust', 'ErrorCode', '::');
      return { language: 'rust', generated: 'rs/errors.rs', use: 'rs/use.rs', written: uses, files: { 'rs/errors.rs': generated('rust'), 'rs/use.rs': `mod errors;\n\nuse errors::ErrorCode;\n\npub const USES: [ErrorCode; 3] = [${uses.join(', ')}];\n` } };
    })(),
  ];
  /** The languages whose generated constants the index must read: all of them (Rust's through `as_str`'s match arms). */
  const MUST_HOVER = new Set(['typescript', 'python', 'go', 'java', 'csharp', 'php', 'rust']);
  const hovers = new Map<string, (string | null)[]>();
  const generatedDiagnostics = new Map<string, string[]>();

  // One workspace per language: the index answers a name with a constant of any language, so
  // another language's file would answer for one whose own form is not read.
  before(async () => {
    for (const c of cases) {
      const workspace = await startInWorkspace({ 'api.errors.yaml': CATALOG, ...c.files }, { endpoint: inProcessServer });
      try {
        const { client } = workspace;
        await client.waitFor(() => client.logs.find((line) => line.includes('Indexed ')), 'the constants to be indexed');
        const text = c.files[c.use];
        await client.open(workspace.uri(c.use), c.language, text);
        const found: (string | null)[] = [];
        // On each constant's own name, after its qualifier.
        for (const use of c.written) found.push(await client.hoverText(workspace.uri(c.use), positionAt(text, text.indexOf(use) + use.length - 1)));
        hovers.set(c.language, found);
        await client.open(workspace.uri(c.generated), c.language, c.files[c.generated]);
        const published = await client.diagnosticsFor(workspace.uri(c.generated));
        generatedDiagnostics.set(c.language, published.diagnostics.filter((d) => d.source === 'error-catalog').map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${typeof d.message === 'string' ? d.message : ''}`));
        await client.shutdown().catch(() => undefined);
      } finally {
        await workspace.dispose();
      }
    }
  });

  for (const c of cases) {
    const required = MUST_HOVER.has(c.language);
    it(`${c.language}: a hover on ${c.written.join(', ')} explains each code and its status${required ? '' : ' (reported, not required)'}`, (t) => {
      const wrong = USED.flatMap((code, i) => {
        const hover = hovers.get(c.language)![i];
        const status = catalog.codes.get(code)!.status;
        return hover !== null && hover.includes(`\`${code}\``) && hover.includes(String(status)) ? [] : [`${c.written[i]} → ${code}: ${hover === null ? 'no hover' : hover.split('\n')[0]}`];
      });
      if (!required) {
        const firstLines = c.written.map((use, i) => `${use} → ${hovers.get(c.language)![i]?.split('\n')[0] ?? 'no hover'}`);
        t.diagnostic(`${c.language}: ${wrong.length === 0 ? 'every use explained' : `not explained: ${wrong.join('; ')}`} (${firstLines.join('; ')})`);
        return;
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('raises no diagnostic on the generated files', () => {
    const found = cases.flatMap((c) => (generatedDiagnostics.get(c.language) ?? []).map((d) => `${c.generated}:${d}`));
    assert.deepEqual(found, []);
  });
});
