/**
 * Every built-in catalog through every renderer: the generated code parses and, run against
 * stand-ins for each framework's response API, sends exactly the status, content type,
 * headers and body the catalog describes. TypeScript/JavaScript run in a VM; Python runs in python3.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { errorResponse, FRAMEWORKS, isRetryable, renderBody, toPlainText, type Catalog, type CodeEntry } from '../../server/src/service/languageService';
import { builtin, builtins } from '../helpers/catalogs';

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

const python = spawnSync('python3', ['--version']).status === 0;

describe('Python renderers', { skip: python ? false : 'python3 is not installed' }, () => {
  for (const framework of FRAMEWORKS.filter((f) => f.literal === 'python')) {
    it(`${framework.label}: every code of every built-in catalog compiles and returns the catalog's response`, () => {
      const snippets = cases.map(({ catalog, entry }) => ({ name: `${catalog.id}/${entry.code}`, code: `def handler():\n    ${generated(catalog, entry, framework.id, '    ')}\n`, want: expected(catalog, entry) }));
      // Stand-ins record what FastAPI's JSONResponse, Django's JsonResponse and a Flask return value carry.
      const driver = String.raw`
import json, sys
def JSONResponse(status_code, content, headers=None, media_type="application/json"):
    return {"status": status_code, "body": content, "headers": headers or {}, "contentType": media_type}
def JsonResponse(data, status=200, headers=None, content_type="application/json"):
    return {"status": status, "body": data, "headers": headers or {}, "contentType": content_type}
def flask_result(result):
    body, status, headers = (result + ({},))[:3] if len(result) == 2 else result
    headers = dict(headers)
    content_type = headers.pop("Content-Type", "application/json")
    return {"status": status, "body": body, "headers": headers, "contentType": content_type}
out = []
for snippet in json.load(sys.stdin):
    scope = {"JSONResponse": JSONResponse, "JsonResponse": JsonResponse}
    exec(compile(snippet, "generated.py", "exec"), scope)
    result = scope["handler"]()
    out.append(flask_result(result) if isinstance(result, tuple) else result)
print(json.dumps(out))
`;
      const run = spawnSync('python3', ['-c', driver], { input: JSON.stringify(snippets.map((s) => s.code)), encoding: 'utf8' });
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
