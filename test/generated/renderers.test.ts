/**
 * Every built-in catalog through every renderer: the generated code parses and, run against
 * stand-ins for each framework's response API, sends exactly the status, content type,
 * headers and body the catalog describes. TypeScript/JavaScript run in a VM; Python runs in python3.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { renderBody } from '../../server/src/service/catalog/envelope';
import { isRetryable, type Catalog, type CodeEntry } from '../../server/src/service/catalog/model';
import { toPlainText } from '../../server/src/service/render/code';
import { errorResponse } from '../../server/src/service/render/errorResponse';
import { FRAMEWORKS } from '../../server/src/service/render/frameworks';
import { builtin, builtins, REPO_ROOT } from '../helpers/catalogs';
import { pythonWith, skipUnless, toolchains } from '../helpers/toolchains';

interface Sent {
  status?: number;
  contentType?: string;
  headers: Record<string, string>;
  body?: unknown;
}

const catalogs = [...builtins().values()].filter((c) => c.codes.size > 0);
const cases = catalogs.flatMap((catalog) => [...catalog.codes.values()].map((entry) => ({ catalog, entry })));

function generated(catalog: Catalog, entry: CodeEntry, framework: string, indent = '  '): string {
  const response = errorResponse(catalog, entry, { languageId: FRAMEWORKS.find((f) => f.id === framework)!.languages[0], text: '', framework, indent, standard: builtin('http-status') });
  assert.ok(response?.framework?.id === framework, `${framework} renders ${entry.code}`);
  return toPlainText(response.code);
}

/** What the response should carry, from the catalog. */
function expected(catalog: Catalog, entry: CodeEntry) {
  return { status: entry.status, contentType: catalog.envelope.contentType, body: renderBody(catalog, entry) };
}

/** Stand-ins for the response APIs of the JavaScript frameworks: they record what the code sends. */
function javascriptStandIns(sent: Sent) {
  const setHeader = (name: string, value: string) => { sent.headers[name] = value; };
  const res = {
    status(s: number) { sent.status = s; return res; },
    set(n: string, v: string) { setHeader(n, v); return res; },
    type(t: string) { sent.contentType = t; return res; },
    json(b: unknown) { sent.body = b; sent.contentType ??= 'application/json'; return res; },
  };
  const reply = {
    code(s: number) { sent.status = s; return reply; },
    header(n: string, v: string) { setHeader(n, v); return reply; },
    type(t: string) { sent.contentType = t; return reply; },
    send(b: unknown) { sent.body = b; return reply; },
  };
  const ctx = {
    set status(s: number) { sent.status = s; },
    set type(t: string) { sent.contentType = t; },
    set body(b: unknown) { sent.body = b; },
    set(n: string, v: string) { setHeader(n, v); },
  };
  const record = (b: unknown, status: number, headers: Record<string, string> = {}, contentType?: string) => {
    sent.body = b; sent.status = status;
    for (const [n, v] of Object.entries(headers)) if (n.toLowerCase() === 'content-type') sent.contentType = v; else setHeader(n, v);
    sent.contentType ??= contentType;
  };
  const c = {
    json: (b: unknown, status: number, headers?: Record<string, string>) => record(b, status, headers, 'application/json'),
    body: (text: string, status: number, headers?: Record<string, string>) => record(JSON.parse(text), status, headers),
  };
  class HttpException { constructor(b: unknown, status: number) { record(b, status, {}, 'application/json'); } }
  const NextResponse = { json: (b: unknown, init: { status: number; headers?: Record<string, string> }) => record(b, init.status, init.headers, 'application/json') };
  class Response {
    constructor(text: string, init: { status: number; headers?: Record<string, string> }) { record(JSON.parse(text), init.status, init.headers); }
    static json(b: unknown, init: { status: number; headers?: Record<string, string> }) { record(b, init.status, init.headers, 'application/json'); }
  }
  return { res, reply, ctx, c, HttpException, NextResponse, Response, JSON };
}

function parsesAsTypeScript(source: string): string[] {
  const file = ts.createSourceFile('generated.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  return ((file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('JavaScript and TypeScript renderers', () => {
  for (const framework of FRAMEWORKS.filter((f) => f.literal === 'javascript')) {
    it(`${framework.label}: every code of every built-in catalog parses and sends the catalog's response`, () => {
      for (const { catalog, entry } of cases) {
        const statement = generated(catalog, entry, framework.id);
        const source = `async function handler() {\n  ${statement}\n}\n`;
        assert.deepEqual(parsesAsTypeScript(source), [], `${framework.id} ${catalog.id}/${entry.code}:\n${source}`);
        const sent: Sent = { headers: {} };
        try {
          runInNewContext(`(function () {\n${statement}\n})()`, javascriptStandIns(sent));
        } catch (error) {
          // NestJS throws the exception it builds: that is how it responds.
          if (framework.id !== 'nestjs') throw error;
        }
        const want = expected(catalog, entry);
        assert.deepEqual(JSON.parse(JSON.stringify(sent.body)), want.body, `${framework.id} ${catalog.id}/${entry.code} body`);
        assert.equal(sent.status, want.status);
        if (framework.id !== 'nestjs') {
          assert.equal(sent.contentType, want.contentType, `${framework.id} ${catalog.id}/${entry.code} content type`);
          const retryAfter = (entry.status === 429 || entry.status === 503) && isRetryable(entry, catalog, builtin('http-status'));
          assert.equal(sent.headers['Retry-After'], retryAfter ? String(entry.members.retryAfter ?? 60) : undefined, `${framework.id} ${catalog.id}/${entry.code} Retry-After`);
        }
      }
    });
  }
});

/**
 * Each JavaScript framework's rendering inside a handler of that framework, for the type checker.
 * Next.js is not among them: its platform packages are not all on the registry this project
 * installs from, so `npm ci` cannot install it; its rendering is parsed and run with a stand-in above.
 */
const TYPED_HANDLERS: Record<string, { header: string; handler: (i: number, statement: string) => string }> = {
  express: {
    header: "import express, { type Request, type Response } from 'express';\nconst app = express();",
    handler: (i, s) => `app.get('/c${i}', (req: Request, res: Response) => {\n  ${s}\n});`,
  },
  fastify: {
    header: "import Fastify from 'fastify';\nconst app = Fastify();",
    handler: (i, s) => `app.get('/c${i}', async (request, reply) => {\n  ${s}\n});`,
  },
  koa: {
    header: "import Koa from 'koa';\nconst app = new Koa();",
    handler: (_i, s) => `app.use(async (ctx) => {\n  ${s}\n});`,
  },
  hono: {
    header: "import { Hono } from 'hono';\nconst app = new Hono();",
    handler: (i, s) => `app.get('/c${i}', (c) => {\n  ${s}\n});`,
  },
  nestjs: {
    header: "import { HttpException } from '@nestjs/common';",
    handler: (i, s) => `export function handler${i}(): never {\n  ${s}\n}`,
  },
  fetch: {
    header: '',
    handler: (i, s) => `export async function handler${i}(): Promise<Response> {\n  ${s}\n}`,
  },
};

describe('TypeScript renderers type-check against the frameworks\' own types', () => {
  it('Express 5, Fastify 5, Koa 3, Hono 4, NestJS 11 and the fetch Response', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(REPO_ROOT, 'out', 'typed-'));
    try {
      const files = Object.entries(TYPED_HANDLERS).map(([framework, { header, handler }]) => {
        const handlers = cases.map(({ catalog, entry }, i) => handler(i, generated(catalog, entry, framework)));
        const file = join(dir, `${framework}.ts`);
        writeFileSync(file, `${header}\n\n${handlers.join('\n\n')}\nexport {};\n`);
        return file;
      });
      const program = ts.createProgram(files, {
        strict: true, noEmit: true, skipLibCheck: true, esModuleInterop: true,
        target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'], types: ['node'],
      });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      assert.deepEqual(diagnostics, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const python = pythonWith();

describe('Python renderers', { skip: skipUnless(python !== undefined, 'python3') }, () => {
  for (const framework of FRAMEWORKS.filter((f) => f.literal === 'python')) {
    it(`${framework.label}: every code of every built-in catalog compiles and returns the catalog's response`, () => {
      const snippets = cases.map(({ catalog, entry }) => ({ name: `${catalog.id}/${entry.code}`, code: `def handler():\n    ${generated(catalog, entry, framework.id, '    ')}\n`, want: expected(catalog, entry) }));
      // Stand-ins record what FastAPI's JSONResponse and HTTPException, Django's JsonResponse and a Flask return value carry.
      const driver = String.raw`
import json, sys
def JSONResponse(status_code, content, headers=None, media_type="application/json"):
    return {"status": status_code, "body": content, "headers": headers or {}, "contentType": media_type}
def JsonResponse(data, status=200, headers=None, content_type="application/json"):
    return {"status": status, "body": data, "headers": headers or {}, "contentType": content_type}
class HTTPException(Exception):
    def __init__(self, status_code, detail=None, headers=None):
        self.status_code, self.detail, self.headers = status_code, detail, dict(headers or {})
def flask_result(result):
    body, status, headers = (result + ({},))[:3] if len(result) == 2 else result
    headers = dict(headers)
    content_type = headers.pop("Content-Type", "application/json")
    return {"status": status, "body": body, "headers": headers, "contentType": content_type}
out = []
for snippet in json.load(sys.stdin):
    scope = {"JSONResponse": JSONResponse, "JsonResponse": JsonResponse}
    exec(compile(snippet, "generated.py", "exec"), scope)
    scope["HTTPException"] = HTTPException
    try:
        result = scope["handler"]()
    except HTTPException as raised:
        # An app's HTTPException handler sends the detail as the body; a Content-Type header wins.
        content_type = raised.headers.pop("Content-Type", "application/json")
        result = {"status": raised.status_code, "body": raised.detail, "headers": raised.headers, "contentType": content_type}
    out.append(flask_result(result) if isinstance(result, tuple) else result)
print(json.dumps(out))
`;
      const run = spawnSync(python!, ['-c', driver], { input: JSON.stringify(snippets.map((s) => s.code)), encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const results = JSON.parse(run.stdout) as { status: number; body: unknown; contentType: string; headers: Record<string, string> }[];
      results.forEach((result, i) => {
        const { name, want } = snippets[i];
        assert.deepEqual(result.body, want.body, `${framework.id} ${name} body`);
        assert.equal(result.status, want.status, `${framework.id} ${name} status`);
        assert.equal(result.contentType, want.contentType, `${framework.id} ${name} content type`);
      });
    });
  }
});

describe('JSON and YAML bodies', () => {
  it('are the catalog body, exactly', () => {
    for (const { catalog, entry } of cases) {
      assert.deepEqual(JSON.parse(generated(catalog, entry, 'json', '')), renderBody(catalog, entry));
      assert.deepEqual(parseYaml(generated(catalog, entry, 'yaml', '')), renderBody(catalog, entry));
    }
  });
});

/** What a run of the generated code reported for each case, to compare with the catalog. */
interface Reported { status: number; contentType?: string; headers?: Record<string, string>; body: unknown }

function compare(results: Reported[], framework: string, checkContentType = true): void {
  assert.equal(results.length, cases.length);
  results.forEach((result, i) => {
    const { catalog, entry } = cases[i];
    const want = expected(catalog, entry);
    const name = `${framework} ${catalog.id}/${entry.code}`;
    assert.deepEqual(result.body, want.body, `${name} body`);
    assert.equal(result.status, want.status, `${name} status`);
    if (checkContentType) assert.equal(result.contentType?.split(';')[0], want.contentType, `${name} content type`);
  });
}

function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `error-catalog-${name}-`));
}

describe('Go renderers', { skip: skipUnless(toolchains.go, 'go') }, () => {
  for (const framework of ['net-http', 'gin'] as const) {
    it(`${framework}: gofmt-clean, builds, and its handlers answer with the catalog's response`, { timeout: 120_000 }, () => {
      const dir = scratch(`go-${framework}`);
      try {
        const handlers = cases.map(({ catalog, entry }, i) => framework === 'gin'
          ? `func handler${i}(c *gin.Context) {\n\t${generated(catalog, entry, framework, '\t')}\n}\n`
          : `func handler${i}(w http.ResponseWriter, r *http.Request) {\n\t${generated(catalog, entry, framework, '\t')}\n}\n`);
        const imports = framework === 'gin' ? ['"github.com/gin-gonic/gin"', '"net/http"'] : ['"encoding/json"', '"net/http"'];
        writeFileSync(join(dir, 'handlers.go'), `package main\n\nimport (\n${imports.map((i) => `\t${i}`).join('\n')}\n)\n\n${handlers.join('\n')}`);
        const calls = cases.map((_, i) => framework === 'gin'
          ? `\t{\n\t\trec := httptest.NewRecorder()\n\t\thandler${i}(gin.NewContext(rec))\n\t\treport(rec)\n\t}`
          // net/http: a real server on loopback, requested over HTTP.
          : `\t{\n\t\tserver := httptest.NewServer(http.HandlerFunc(handler${i}))\n\t\tresp, err := http.Get(server.URL)\n\t\tif err != nil {\n\t\t\tpanic(err)\n\t\t}\n\t\treportResponse(resp)\n\t\tserver.Close()\n\t}`).join('\n');
        writeFileSync(join(dir, 'main.go'), `package main

import (
\t"encoding/json"
\t"net/http"
\t"net/http/httptest"
\t"os"
${framework === 'gin' ? '\n\t"github.com/gin-gonic/gin"\n' : ''})

var reports []map[string]any

func report(rec *httptest.ResponseRecorder) {
\treportResponse(rec.Result())
}

func reportResponse(resp *http.Response) {
\tvar body any
\t_ = json.NewDecoder(resp.Body).Decode(&body)
\tresp.Body.Close()
\treports = append(reports, map[string]any{"status": resp.StatusCode, "contentType": resp.Header.Get("Content-Type"), "retryAfter": resp.Header.Get("Retry-After"), "body": body})
}

func main() {
${calls}
\t_ = json.NewEncoder(os.Stdout).Encode(reports)
}
`);
        let mod = 'module generated\n\ngo 1.19\n';
        if (framework === 'gin') {
          // Gin cannot be fetched here; a stand-in with the same API (gin.H, Context.Header, Context.JSON) is.
          mkdirSync(join(dir, 'gin'));
          writeFileSync(join(dir, 'gin', 'go.mod'), 'module github.com/gin-gonic/gin\n\ngo 1.19\n');
          writeFileSync(join(dir, 'gin', 'gin.go'), `package gin

import (
\t"encoding/json"
\t"net/http"
)

type H map[string]any

type Context struct{ w http.ResponseWriter }

func NewContext(w http.ResponseWriter) *Context { return &Context{w} }

func (c *Context) Header(key, value string) { c.w.Header().Set(key, value) }

// JSON keeps a Content-Type already set, as Gin's JSON render does.
func (c *Context) JSON(code int, obj any) {
\tif c.w.Header().Get("Content-Type") == "" {
\t\tc.w.Header().Set("Content-Type", "application/json; charset=utf-8")
\t}
\tc.w.WriteHeader(code)
\t_ = json.NewEncoder(c.w).Encode(obj)
}
`);
          mod += 'require github.com/gin-gonic/gin v0.0.0\n\nreplace github.com/gin-gonic/gin => ./gin\n';
        }
        writeFileSync(join(dir, 'go.mod'), mod);
        const unformatted = spawnSync('gofmt', ['-l', 'handlers.go'], { cwd: dir, encoding: 'utf8' });
        assert.equal(unformatted.stdout.trim(), '', spawnSync('gofmt', ['-d', 'handlers.go'], { cwd: dir, encoding: 'utf8' }).stdout);
        const env = { ...process.env, GOPROXY: 'off', GOFLAGS: '-mod=mod', GOCACHE: join(tmpdir(), 'error-catalog-gocache') };
        const ran = spawnSync('go', ['run', '.'], { cwd: dir, encoding: 'utf8', env });
        assert.equal(ran.status, 0, ran.stderr);
        compare(JSON.parse(ran.stdout) as Reported[], framework);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('Java renderer (Spring)', { skip: skipUnless(toolchains.java, 'javac') }, () => {
  it('compiles with javac against stand-ins of ResponseEntity and MediaType, and returns the catalog\'s response', { timeout: 120_000 }, () => {
    const dir = scratch('java');
    try {
      const methods = cases.map(({ catalog, entry }, i) => `  static Object handler${i}() {\n    ${generated(catalog, entry, 'spring', '    ')}\n  }`).join('\n\n');
      writeFileSync(join(dir, 'Generated.java'), `import java.util.*;

/** Stand-ins with Spring's signatures: the builder records what the generated code sets. */
final class MediaType {
  final String value;
  private MediaType(String value) { this.value = value; }
  static MediaType parseMediaType(String value) { return new MediaType(value); }
}

final class ResponseEntity {
  final int status; final Map<String, String> headers = new LinkedHashMap<>(); String contentType; Object body;
  private ResponseEntity(int status) { this.status = status; }
  static ResponseEntity status(int status) { return new ResponseEntity(status); }
  ResponseEntity header(String name, String value) { headers.put(name, value); return this; }
  ResponseEntity contentType(MediaType type) { contentType = type.value; return this; }
  ResponseEntity body(Object body) { this.body = body; return this; }
}

public class Generated {
${methods}

  static String json(Object value) {
    if (value == null) return "null";
    if (value instanceof String s) return "\\"" + s.replace("\\\\", "\\\\\\\\").replace("\\"", "\\\\\\"") + "\\"";
    if (value instanceof Number || value instanceof Boolean) return value.toString();
    if (value instanceof Map<?, ?> map) {
      StringJoiner out = new StringJoiner(",", "{", "}");
      map.forEach((k, v) -> out.add(json(k) + ":" + json(v)));
      return out.toString();
    }
    StringJoiner out = new StringJoiner(",", "[", "]");
    for (Object item : (List<?>) value) out.add(json(item));
    return out.toString();
  }

  public static void main(String[] args) {
    StringJoiner out = new StringJoiner(",", "[", "]");
    for (Object result : new Object[] { ${cases.map((_, i) => `handler${i}()`).join(', ')} }) {
      ResponseEntity r = (ResponseEntity) result;
      out.add("{\\"status\\":" + r.status + ",\\"contentType\\":" + json(r.contentType) + ",\\"body\\":" + json(r.body) + "}");
    }
    System.out.println(out);
  }
}
`);
      const compiled = spawnSync('javac', ['-d', 'classes', 'Generated.java'], { cwd: dir, encoding: 'utf8' });
      assert.equal(compiled.status, 0, compiled.stderr);
      const ran = spawnSync('java', ['-cp', 'classes', 'Generated'], { cwd: dir, encoding: 'utf8' });
      assert.equal(ran.status, 0, ran.stderr);
      compare(JSON.parse(ran.stdout) as Reported[], 'spring');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('C# renderer (ASP.NET Core minimal APIs)', { skip: skipUnless(toolchains.csharp, 'mcs') }, () => {
  it('compiles with the Mono C# compiler against stand-ins of Results and HttpContext', { timeout: 120_000 }, () => {
    const dir = scratch('csharp');
    try {
      const methods = cases.map(({ catalog, entry }, i) => `    public static object Handler${i}(HttpContext httpContext)\n    {\n        ${generated(catalog, entry, 'aspnet', '        ')}\n    }`).join('\n\n');
      writeFileSync(join(dir, 'Generated.cs'), `using System;
using System.Collections.Generic;

// Stand-ins with the signatures of ASP.NET Core's Results.Json and HttpContext.Response.Headers.
public class HttpResponse { public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(); }
public class HttpContext { public HttpResponse Response { get; } = new HttpResponse(); }
public static class Results
{
    public static object Json(object data, object options = null, string contentType = null, int? statusCode = null) { return new object[] { data, contentType, statusCode }; }
}

public static class Generated
{
${methods}

    public static void Main()
    {
        Console.WriteLine(${cases.length});
    }
}
`);
      const compiled = spawnSync('mcs', ['-nologo', '-out:generated.exe', 'Generated.cs'], { cwd: dir, encoding: 'utf8' });
      assert.equal(compiled.status, 0, `${compiled.stdout}\n${compiled.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Ruby renderer (Rails)', { skip: skipUnless(toolchains.ruby, 'ruby') }, () => {
  it('passes ruby -c and renders the catalog\'s response through stand-ins of render and response', () => {
    const dir = scratch('ruby');
    try {
      const methods = cases.map(({ catalog, entry }, i) => `  def handler${i}\n    ${generated(catalog, entry, 'rails', '    ')}\n  end`).join('\n\n');
      writeFileSync(join(dir, 'generated.rb'), `require "json"

# A stand-in for a Rails controller: render and response record what the generated code sends.
class Controller
  Response = Struct.new(:headers)
  attr_reader :rendered

  def response
    @response ||= Response.new({})
  end

  def render(json:, status:, content_type: "application/json")
    @rendered = { "status" => status, "contentType" => content_type, "headers" => response.headers, "body" => json }
  end

${methods}
end

results = (0...${cases.length}).map do |i|
  controller = Controller.new
  controller.public_send("handler#{i}")
  controller.rendered
end
puts JSON.generate(results)
`);
      const checked = spawnSync('ruby', ['-c', 'generated.rb'], { cwd: dir, encoding: 'utf8' });
      assert.equal(checked.status, 0, checked.stderr);
      const ran = spawnSync('ruby', ['generated.rb'], { cwd: dir, encoding: 'utf8' });
      assert.equal(ran.status, 0, ran.stderr);
      compare(JSON.parse(ran.stdout) as Reported[], 'rails');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PHP renderer (Laravel)', { skip: skipUnless(toolchains.php, 'php') }, () => {
  it('passes php -l and returns the catalog\'s response through a stand-in of response()->json()', () => {
    const dir = scratch('php');
    try {
      const functions = cases.map(({ catalog, entry }, i) => `function handler${i}() {\n    ${generated(catalog, entry, 'laravel', '    ')}\n}`).join('\n\n');
      writeFileSync(join(dir, 'generated.php'), `<?php
// A stand-in for Laravel's response() helper: json() records what the generated code sends.
final class ResponseFactory {
    public function json($data, $status = 200, array $headers = []) {
        $contentType = $headers['Content-Type'] ?? 'application/json';
        return ['status' => $status, 'contentType' => $contentType, 'body' => $data];
    }
}
function response() { return new ResponseFactory(); }

${functions}

$results = [];
for ($i = 0; $i < ${cases.length}; $i++) { $results[] = ('handler' . $i)(); }
echo json_encode($results);
`);
      const linted = spawnSync('php', ['-l', 'generated.php'], { cwd: dir, encoding: 'utf8' });
      assert.equal(linted.status, 0, linted.stdout);
      const ran = spawnSync('php', ['generated.php'], { cwd: dir, encoding: 'utf8' });
      assert.equal(ran.status, 0, ran.stderr);
      compare(JSON.parse(ran.stdout) as Reported[], 'laravel');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
