/**
 * Client error handling generated for every built-in catalog, compiled and run for real:
 * TypeScript is type-checked, Python compiled, Go formatted and built; then each runs against a
 * loopback server that answers 429 with Retry-After and then 200 (it must retry, and wait),
 * and answers every catalog code's own error body (it must read the code and message wherever
 * the catalog's envelope puts them).
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { renderBody } from '../../server/src/service/catalog/envelope';
import { type Catalog } from '../../server/src/service/catalog/model';
import { handlingCode, handlingPlan, type HandlingPlan } from '../../server/src/service/render/handling';
import { builtin, builtins, REPO_ROOT } from '../helpers/catalogs';
import { pythonWith, skipUnless, toolchains } from '../helpers/toolchains';

const standard = builtin('http-status');
const catalogs = [...builtins().values()].filter((c) => c.codes.size > 0);
const plans = catalogs.map((catalog) => ({ catalog, plan: handlingPlan(catalog, standard)! }));

/** The catalog whose handling is run against the 429-then-200 server: its 429 is retryable. */
const RETRY_CATALOG = 'success-meta';

describe('handling plans read the envelope', () => {
  it('find the code, message and retryAfter wherever each catalog puts them', () => {
    const paths = Object.fromEntries(plans.map(({ catalog, plan }) => [catalog.id, [plan.codePath.join('.'), plan.messagePath?.join('.'), plan.retryAfterPath?.join('.')]]));
    assert.deepEqual(paths, {
      connectify: ['error.code', 'error.message', undefined],
      'dashed-codes': ['code', 'message', undefined],
      'error-code-map': ['error_code', 'message', undefined],
      'problem-details': ['type', 'detail', undefined],
      'success-meta': ['error.code', 'error.message', 'error.retryAfter'],
    });
  });

  it('retry the statuses the catalog documents as retryable', () => {
    const retryable = Object.fromEntries(plans.map(({ catalog, plan }) => [catalog.id, plan.retryableStatuses]));
    assert.deepEqual(retryable['connectify'], [429, 500, 503]);
    assert.deepEqual(retryable['success-meta'], [429, 500]);
    assert.ok(retryable['dashed-codes'].includes(429) && retryable['dashed-codes'].includes(500));
  });
});

/** A loopback API: `/retry` answers 429 then 200; `/fail/<catalog>/<code>` answers that code's status and body. */
let server: Server;
let base: string;
const hits = new Map<string, number>();

before(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const retry = /^\/retry\/([\w-]+)$/.exec(url);
    if (retry) {
      if (hits.get(url) === 1) {
        const catalog = builtin(retry[1]);
        const limited = [...catalog.codes.values()].find((c) => c.status === 429)!;
        response.writeHead(429, { 'Content-Type': catalog.envelope.contentType, 'Retry-After': '1' });
        response.end(JSON.stringify(renderBody(catalog, limited)));
      } else {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{"ok":true}');
      }
      return;
    }
    const fail = /^\/fail\/([\w-]+)\/(.+)$/.exec(url);
    if (fail) {
      const catalog = builtin(fail[1]);
      const entry = catalog.codes.get(decodeURIComponent(fail[2]))!;
      response.writeHead(entry.status, { 'Content-Type': catalog.envelope.contentType, 'Retry-After': '0' });
      response.end(JSON.stringify(renderBody(catalog, entry)));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs a program without blocking this process, which serves the loopback API meanwhile. */
function run(command: string, args: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, API: base } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Codes whose errors the programs fetch: one non-retryable code per catalog (a retryable one would be retried). */
function failingCodes(catalog: Catalog, plan: HandlingPlan): string[] {
  return [...catalog.codes.values()].filter((c) => !plan.retryableStatuses.includes(c.status)).map((c) => c.code);
}

interface Outcome {
  retry: { status: number; elapsedMs: number };
  errors: { catalog: string; code: string; got: { status: number; code: string; message: string; handled?: boolean } }[];
}

function checkOutcome(outcome: Outcome, label: string): void {
  assert.equal(outcome.retry.status, 200, `${label}: the retried call succeeds`);
  assert.equal(hits.get(`/retry/${RETRY_CATALOG}`), 2, `${label}: one retry after the 429`);
  assert.ok(outcome.retry.elapsedMs >= 950, `${label}: waited for Retry-After (1 s), took ${outcome.retry.elapsedMs} ms`);
  assert.ok(outcome.errors.length >= catalogs.length);
  for (const { catalog, code, got } of outcome.errors) {
    const entry = builtin(catalog).codes.get(code)!;
    const body = renderBody(builtin(catalog), entry) as Record<string, unknown>;
    const plan = plans.find((p) => p.catalog.id === catalog)!.plan;
    const message = plan.messagePath?.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], body);
    assert.deepEqual(got, { status: entry.status, code, message, ...(got.handled === undefined ? {} : { handled: true }) }, `${label}: ${catalog}/${code}`);
  }
}

function failCases(): { catalog: string; code: string }[] {
  return plans.flatMap(({ catalog, plan }) => failingCodes(catalog, plan).slice(0, 2).map((code) => ({ catalog: catalog.id, code })));
}

function workDir(name: string): string {
  // Inside the repository, so TypeScript finds @types/node and the other installed types.
  const root = join(REPO_ROOT, 'out', 'generated');
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, `${name}-`));
}

describe('TypeScript and JavaScript handling (fetch)', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('type-checks under strict TypeScript for every catalog, in one file per client (fetch, axios)', () => {
    const dir = workDir('ts');
    dirs.push(dir);
    const files = (['fetch', 'axios'] as const).map((variant) => {
      const generated = plans.map(({ plan }) => handlingCode(plan, variant, true));
      const file = join(dir, `${variant}.ts`);
      writeFileSync(file, `${[...new Set(generated.flatMap((g) => g.imports))].join('\n')}\n${generated.map((g) => g.code).join('\n')}`);
      return file;
    });
    const program = ts.createProgram(files, { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, types: ['node'], lib: ['lib.es2022.d.ts'], noUnusedLocals: true, skipLibCheck: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    assert.deepEqual(diagnostics, []);
  });

  for (const variant of ['fetch', 'axios'] as const) {
    it(`JavaScript (${variant}): retries the 429 after Retry-After, and reads each catalog's error code and message`, { timeout: 30_000 }, async () => {
      const dir = workDir(`js-${variant}`);
      dirs.push(dir);
      const generatedModules = plans.map(({ plan }) => handlingCode(plan, variant, false));
      const module = `${[...new Set(generatedModules.flatMap((g) => g.imports))].join('\n')}\n${generatedModules.map((g) => g.code).join('\n')}`;
      const cases = failCases();
      const names = Object.fromEntries(plans.map(({ catalog, plan }) => [catalog.id, plan.name]));
      writeFileSync(join(dir, 'handling.mjs'), module);
      writeFileSync(join(dir, 'main.mjs'), `
  import * as api from './handling.mjs';
  const names = ${JSON.stringify(names)};
  const started = Date.now();
  const call = (name, url) => api['call' + name + 'Api'](${variant === 'axios' ? '{ url }' : 'url'});
  const ok = await call(names['${RETRY_CATALOG}'], process.env.API + '/retry/${RETRY_CATALOG}');
  const retry = { status: ok.status, elapsedMs: Date.now() - started };
  const errors = [];
  for (const { catalog, code } of ${JSON.stringify(cases)}) {
    try {
      await call(names[catalog], process.env.API + '/fail/' + catalog + '/' + encodeURIComponent(code));
    } catch (error) {
      api['handle' + names[catalog] + 'Error'](error);
      errors.push({ catalog, code, got: { status: error.status, code: error.code, message: error.message, handled: error instanceof api[names[catalog] + 'ApiError'] } });
    }
  }
  console.log(JSON.stringify({ retry, errors }));
  `);
      hits.delete(`/retry/${RETRY_CATALOG}`);
      const result = await run(process.execPath, ['main.mjs'], dir);
      assert.equal(result.code, 0, result.stderr);
      checkOutcome(JSON.parse(result.stdout) as Outcome, variant);
    });
  }
});

for (const variant of ['requests', 'httpx'] as const) {
  const python = pythonWith(variant);
  describe(`Python handling (${variant})`, { skip: skipUnless(python !== undefined, `python3 with ${variant}`) }, () => {
    it('compiles, retries the 429 after Retry-After, and reads each catalog\'s error code and message', { timeout: 30_000 }, async () => {
      const dir = workDir(variant);
      try {
        const generated = plans.map(({ plan }) => handlingCode(plan, variant, false));
        const imports = [...new Set(generated.flatMap((g) => g.imports))].join('\n');
        writeFileSync(join(dir, 'handling.py'), `${imports}\n\n\n${generated.map((g) => g.code).join('\n\n')}`);
        const compiled = spawnSync(python!, ['-m', 'py_compile', 'handling.py'], { cwd: dir, encoding: 'utf8' });
        assert.equal(compiled.status, 0, compiled.stderr);
        const names = Object.fromEntries(plans.map(({ catalog, plan }) => [catalog.id, [plan.name, plan.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()]]));
        writeFileSync(join(dir, 'main.py'), `
import json, os, time
import handling
api = os.environ["API"]
names = ${JSON.stringify(names)}
started = time.monotonic()
ok = getattr(handling, "call_" + names["${RETRY_CATALOG}"][1] + "_api")("GET", api + "/retry/${RETRY_CATALOG}")
retry = {"status": ok.status_code, "elapsedMs": (time.monotonic() - started) * 1000}
errors = []
for case in ${JSON.stringify(failCases())}:
    name, snake = names[case["catalog"]]
    try:
        getattr(handling, "call_" + snake + "_api")("GET", api + "/fail/" + case["catalog"] + "/" + case["code"])
    except getattr(handling, name + "ApiError") as error:
        getattr(handling, "handle_" + snake + "_error")(error)
        errors.append({"catalog": case["catalog"], "code": case["code"], "got": {"status": error.status, "code": error.code, "message": str(error), "handled": True}})
print(json.dumps({"retry": retry, "errors": errors}))
`);
        hits.delete(`/retry/${RETRY_CATALOG}`);
        const result = await run(python!, ['main.py'], dir);
        assert.equal(result.code, 0, result.stderr);
        checkOutcome(JSON.parse(result.stdout) as Outcome, variant);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

describe('Go handling (net/http)', { skip: skipUnless(toolchains.go, 'go') }, () => {
  it('is gofmt-clean, builds, retries the 429 after Retry-After, and reads each catalog\'s error code and message', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'error-catalog-go-'));
    try {
      const generated = plans.map(({ plan }) => handlingCode(plan, 'net-http', false));
      const calls = failCases().map(({ catalog, code }) => {
        const name = plans.find((p) => p.catalog.id === catalog)!.plan.name;
        return `\tcheck(${JSON.stringify(catalog)}, ${JSON.stringify(code)}, func(url string) error {
\t\t_, err := Call${name}Api(http.DefaultClient, func() (*http.Request, error) { return http.NewRequest("GET", url, nil) })
\t\tif apiErr, ok := err.(*${name}ApiError); ok {
\t\t\tHandle${name}Error(apiErr)
\t\t\treturn apiErr
\t\t}
\t\treturn err
\t})`;
      }).join('\n');
      const retryName = plans.find((p) => p.catalog.id === RETRY_CATALOG)!.plan.name;
      const handling = `package main

import (
${[...new Set(generated.flatMap((g) => g.imports))].sort().map((i) => `\t"${i}"`).join('\n')}
)

${generated.map((g) => g.code).join('\n')}`;
      const harness = `package main

import (
\t"encoding/json"
\t"fmt"
\t"net/http"
\t"os"
\t"time"
)

type outcome struct {
\tStatus    int     \`json:"status"\`
\tElapsedMs float64 \`json:"elapsedMs"\`
}

var errorsSeen []map[string]any

func check(catalog, code string, call func(url string) error) {
\terr := call(os.Getenv("API") + "/fail/" + catalog + "/" + code)
\tstatus, gotCode, message := 0, "", ""
\tswitch e := err.(type) {
${plans.map(({ plan }) => `\tcase *${plan.name}ApiError:\n\t\tstatus, gotCode, message = e.Status, e.Code, e.Message`).join('\n')}
\t}
\terrorsSeen = append(errorsSeen, map[string]any{"catalog": catalog, "code": code, "got": map[string]any{"status": status, "code": gotCode, "message": message, "handled": true}})
}

func main() {
\tstarted := time.Now()
\tresp, err := Call${retryName}Api(http.DefaultClient, func() (*http.Request, error) { return http.NewRequest("GET", os.Getenv("API")+"/retry/${RETRY_CATALOG}", nil) })
\tif err != nil {
\t\tfmt.Fprintln(os.Stderr, err)
\t\tos.Exit(1)
\t}
\tretry := outcome{Status: resp.StatusCode, ElapsedMs: float64(time.Since(started).Milliseconds())}
${calls}
\t_ = json.NewEncoder(os.Stdout).Encode(map[string]any{"retry": retry, "errors": errorsSeen})
}
`;
      writeFileSync(join(dir, 'handling.go'), handling);
      writeFileSync(join(dir, 'main.go'), harness);
      writeFileSync(join(dir, 'go.mod'), 'module handling\n\ngo 1.19\n');
      const formatted = spawnSync('gofmt', ['-l', 'handling.go'], { cwd: dir, encoding: 'utf8' });
      assert.equal(formatted.status, 0, formatted.stderr);
      assert.equal(formatted.stdout.trim(), '', `gofmt would change the generated code:\n${spawnSync('gofmt', ['-d', 'handling.go'], { cwd: dir, encoding: 'utf8' }).stdout}`);
      const env = { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOCACHE: join(tmpdir(), 'error-catalog-gocache') };
      const built = spawnSync('go', ['build', '-o', 'handling', '.'], { cwd: dir, encoding: 'utf8', env });
      assert.equal(built.status, 0, built.stderr);
      hits.delete(`/retry/${RETRY_CATALOG}`);
      const result = await run(join(dir, 'handling'), [], dir);
      assert.equal(result.code, 0, result.stderr);
      checkOutcome(JSON.parse(result.stdout) as Outcome, 'net/http');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

