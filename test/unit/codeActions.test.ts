/**
 * "Return CODE (status) error response": where it is offered, what it inserts, and how the
 * framework is chosen. The cursor is marked `|` in fixture text.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import type { CodeHit } from '../../server/src/service/catalog/catalogSet';
import { doCodeActions, errorResponseInsert, type RaiseIdiom } from '../../server/src/service/features/codeActions';
import { frameworkFor } from '../../server/src/service/render/frameworks';
import { acme } from '../helpers/acme';
import { builtin, catalogFromYaml, REPO_ROOT, setOf, withCursor } from '../helpers/catalogs';

const set = setOf(acme());

function actions(fixture: string, languageId = 'typescript', options = { snippetEdits: false } as { snippetEdits: boolean; framework?: string; idiom?: (hit: CodeHit) => RaiseIdiom | undefined }) {
  const { document, position } = withCursor(fixture, languageId);
  return { document, list: doCodeActions(document, { start: position, end: position }, set, options) };
}

/** The document after applying a plain-text action. */
function applied(document: TextDocument, action: CodeAction): string {
  const edits = action.edit!.changes![document.uri] as TextEdit[];
  return TextDocument.applyEdits(document, edits);
}

describe('error response code actions', () => {
  it('on a code in a statement that raises, offer to replace it: the braceless `if` it was governed by gets braces', () => {
    const fixture = [
      "import express from 'express';",
      "app.get('/', (req, res) => {",
      "  if (tooMany) throw new ApiError('RATE_LI|MITED');",
      '});',
    ].join('\n');
    const { document, list } = actions(fixture);
    assert.deepEqual(list.map((a) => [a.title, a.kind]), [['Replace with RATE_LIMITED (429) error response', 'quickfix']]);
    assert.equal(applied(document, list[0]), [
      "import express from 'express';",
      "app.get('/', (req, res) => {",
      '  if (tooMany) {',
      "    res.status(429).set('Retry-After', '42').json({",
      '      success: false,',
      '      error: {',
      "        code: 'RATE_LIMITED',",
      "        message: 'Rate limit exceeded',",
      '        retryAfter: 42',
      '      },',
      '      meta: {',
      "        requestId: 'req_abc123'",
      '      }',
      '    });',
      '    return;',
      '  }',
      '});',
    ].join('\n'));
  });

  it('on a code in the last statement of a block, the response follows it and the handler stops there', () => {
    const fixture = [
      "import express from 'express';",
      "app.get('/', (req, res) => {",
      '  if (tooMany) {',
      "    log('NOT_FO|UND');",
      '  }',
      '  res.json({});',
      '});',
    ].join('\n');
    const { document, list } = actions(fixture);
    assert.deepEqual(list.map((a) => a.title), ['Return NOT_FOUND (404) error response']);
    assert.match(applied(document, list[0]), /\n {4}log\('NOT_FOUND'\);\n {4}res\.status\(404\)\.json\(\{\n[\s\S]*?\n {4}\}\);\n {4}return;\n {2}\}\n {2}res\.json\(\{\}\);/);
  });

  it('as a snippet where the client takes snippet edits: tab stops on message and field, Retry-After mirrored with retryAfter', () => {
    const { list } = actions("import { Hono } from 'hono';\napp.get('/', (c) => {\n  const x = { code: 'VALIDATION_ER|ROR' };\n});", 'typescript', { snippetEdits: true });
    const edit = (list[0].edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } };
    assert.match(edit.snippet.value, /message: '\$\{1:Validation failed\}'/);
    assert.match(edit.snippet.value, /field: '\$\{2:email\}'/);
    assert.match(edit.snippet.value, /, 422\);\$\{0:\}$/);
    const limited = actions("import { Hono } from 'hono';\napp.get('/', (c) => {\n  const x = 'RATE_LI|MITED';\n});", 'typescript', { snippetEdits: true });
    const snippet = ((limited.list[0].edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } }).snippet.value;
    assert.match(snippet, /retryAfter: \$\{4:42\}/);
    assert.match(snippet, /'Retry-After': '\$\{4:42\}'/);
  });

  it('on a status, offer each code of that status', () => {
    const { list } = actions("import express from 'express';\napp.get('/', (req, res) => {\n  res.status(4|04).end();\n});");
    assert.deepEqual(list.map((a) => a.title), ['Replace with NOT_FOUND (404) error response', 'Replace with USER_NOT_FOUND (404) error response']);
  });

  it('not on a status that is compared or matched, nor in a helper handed its code: the caller picks the code there', () => {
    const handler = (line: string) => actions(`import express from 'express';\napp.get('/', (req, res) => {\n  ${line}\n});`).list.map((a) => a.title);
    assert.deepEqual(handler('if (upstream.status >= 5|00) return res.end();'), []);
    assert.deepEqual(handler('if (upstream.status === 4|04) return res.end();'), []);
    assert.deepEqual(handler('switch (upstream.status) { case 4|04: return res.end(); }'), []);
    assert.deepEqual(actions('class ApiError {\n  static notFound(code: ErrorCode, message: string): ApiError {\n    return new ApiError(4|04, code, message);\n  }\n}').list, []);
    assert.deepEqual(actions("<?php\nfunction fail(string $code): void {\n    throw new ApiException($code, 4|04);\n}", 'php').list, []);
  });

  it('in Python, the response replaces what aborts the handler, at its indentation', () => {
    const { list } = actions('def handler():\n    |\n', 'python');
    assert.equal(list.length, 0, 'nothing where there is no code and no status');
    assert.equal(actions("x = 1|\n", 'python').list.length, 0);
    const onStatus = actions('from flask import Flask\n@app.route("/")\ndef handler():\n    abort(4|22)\n', 'python');
    assert.deepEqual(onStatus.list.map((a) => a.title), ['Replace with VALIDATION_ERROR (422) error response']);
    const text = applied(onStatus.document, onStatus.list[0]);
    assert.match(text, /\ndef handler\(\):\n {4}return \{\n {8}"success": False,\n {8}"error": \{\n {12}"code": "VALIDATION_ERROR",/);
    assert.ok(text.includes('}, 422'));
    assert.ok(!text.includes('abort('));
  });

  it('one level deeper after a line that opens a block', () => {
    const { document, list } = actions("import express from 'express';\napp.use((req, res) => { // NOT_FO|UND", 'javascript');
    assert.match(applied(document, list[0]), /NOT_FOUND\n {2}res\.status\(404\)/);
  });

  it('in Markdown, the JSON body in a fence; in languages without a renderer, nothing', () => {
    const md = actions('Returns `NOT_FO|UND` when missing.', 'markdown');
    assert.match(applied(md.document, md.list[0]), /when missing\.\n```json\n\{\n {2}"success": false,/);
    assert.equal(actions('val c = "NOT_FO|UND"', 'kotlin').list.length, 0);
    assert.equal(actions('let c = "NOT_FO|UND";', 'rust').list.length, 0);
  });

  it('uses the configured framework when it fits the language', () => {
    const { document, list } = actions("app.use(async (ctx) => {\n  const x = 'NOT_FO|UND'\n})", 'typescript', { snippetEdits: false, framework: 'koa' });
    assert.match(applied(document, list[0]), /ctx\.status = 404/);
    const python = actions('@app.get("/")\ndef read():\n    x = \'NOT_FO|UND\'\n', 'python', { snippetEdits: false, framework: 'koa' });
    assert.match(applied(python.document, python.list[0]), /return JSONResponse\(status_code=404/);
  });
});

describe('bad input', () => {
  it('a placeholder no code fills becomes a tab stop named after it, in valid code', () => {
    const catalog = catalogFromYaml('id: t\ntitle: T\nenvelope:\n  body: { code: "${code}", tenant: "${tenantId}", trace: "${traceId}" }\ncodes:\n  X:\n    status: 400\n');
    const { document, position } = withCursor("import express from 'express'\napp.get('/', (req, res) => {\n  const c = 'X|'\n})");
    const [action] = doCodeActions(document, { start: position, end: position }, setOf(catalog), { snippetEdits: true });
    const snippet = ((action.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } }).snippet.value;
    assert.match(snippet, /tenant: '\$\{10:tenantId\}',\n {2}trace: '\$\{11:traceId\}'/);
  });

  it('a code missing from the catalog offers nothing', () => {
    assert.deepEqual(actions("import express from 'express'\napp.get('/', (req, res) => {\n  const c = 'NOT_A_CO|DE'\n})").list, []);
  });
});

describe('inside a request handler', () => {
  const fixtures: [string, string][] = [
    ['typescript', "app.get('/users/:id', async (req, res) => {\n  const user = await find(req.params.id);\n  |\n});"],
    ['python', '@app.get("/users/{id}")\ndef read_user(id: int):\n    |\n'],
    ['go', 'func getUser(w http.ResponseWriter, r *http.Request) {\n\t|\n}'],
    ['java', '@GetMapping("/users/{id}")\npublic ResponseEntity<?> get() {\n  |\n}'],
  ];
  for (const [language, fixture] of fixtures) {
    it(`${language}: offers to pick a code when the client has the command`, () => {
      const { document, position } = withCursor(fixture, language);
      const withCommand = doCodeActions(document, { start: position, end: position }, set, { snippetEdits: false, insertResponseCommand: 'errorCatalog.insertErrorResponse' });
      assert.deepEqual(withCommand.map((a) => [a.title, a.command?.command]), [['Return an error response…', 'errorCatalog.insertErrorResponse']]);
      assert.deepEqual(doCodeActions(document, { start: position, end: position }, set, { snippetEdits: false }), [], 'standalone clients without the command get nothing they cannot run');
    });
  }

  it('not outside handlers', () => {
    const { document, position } = withCursor('const limit = 10;\n|\n');
    assert.deepEqual(doCodeActions(document, { start: position, end: position }, set, { snippetEdits: false, insertResponseCommand: 'x' }), []);
  });
});

describe('framework detection', () => {
  const cases: [string, string, string][] = [
    ['typescript', "import express from 'express'", 'express'],
    ['javascript', "const fastify = require('fastify')()", 'fastify'],
    ['typescript', "import Koa from 'koa'", 'koa'],
    ['typescript', "import { Hono } from 'hono'", 'hono'],
    ['typescript', "import { Controller } from '@nestjs/common'", 'nestjs'],
    ['typescriptreact', "import { NextResponse } from 'next/server'", 'nextjs'],
    ['typescript', 'export default { async fetch(request) { return new Response("x") } }', 'fetch'],
    ['javascript', 'module.exports = (req, res) => {}', 'express'],
    ['typescript', 'const x = 1', 'fetch'],
    ['python', 'from fastapi import FastAPI', 'fastapi'],
    ['python', 'from fastapi import FastAPI, HTTPException\n@app.exception_handler(HTTPException)', 'fastapi-exception'],
    ['python', 'from flask import Flask', 'flask'],
    ['python', 'from django.http import JsonResponse', 'django'],
    ['python', 'print(1)', 'fastapi'],
    ['go', 'import "net/http"', 'net-http'],
    ['go', 'import "github.com/gin-gonic/gin"', 'gin'],
    ['java', 'class A {}', 'spring'],
    ['csharp', 'var app = WebApplication.Create();', 'aspnet'],
    ['ruby', 'class UsersController < ApplicationController', 'rails'],
    ['php', '<?php', 'laravel'],
    ['json', '{}', 'json'],
    ['jsonc', '{}', 'json'],
    ['yaml', 'a: 1', 'yaml'],
  ];
  for (const [language, text, expected] of cases) {
    it(`${language}: ${text} → ${expected}`, () => assert.equal(frameworkFor(language, text)?.id, expected));
  }
  it('no framework for languages without a renderer', () => {
    assert.equal(frameworkFor('kotlin', ''), undefined);
    assert.equal(frameworkFor('markdown', ''), undefined);
  });
});

describe('content types and documented headers', () => {
  it('problem+json responses say so in every framework that needs it', () => {
    const problems = setOf(builtin('problem-details'));
    const { document, position } = withCursor("import express from 'express'\napp.get('/', (req, res) => {\n  const t = 'about:bl|ank'\n})");
    const [action] = doCodeActions(document, { start: position, end: position }, problems, { snippetEdits: false });
    assert.match(applied(document, action), /res\.status\(500\)\.type\('application\/problem\+json'\)\.json\(\{\n {4}type: 'about:blank',/);
  });

  it('documented headers for the status are sent; headers of other statuses are not', () => {
    const meta = setOf(builtin('success-meta'));
    const at = (fixture: string) => {
      const { document, position } = withCursor(fixture);
      const [action] = doCodeActions(document, { start: position, end: position }, meta, { snippetEdits: false });
      return applied(document, action);
    };
    const inHandler = (code: string) => `import express from 'express'\napp.get('/', (req, res) => {\n  const code = '${code}'\n})`;
    assert.match(at(inHandler('RATE_LIM|ITED')), /\.set\('Retry-After', '42'\)\.set\('X-RateLimit-Remaining', '0'\)/);
    assert.doesNotMatch(at(inHandler('NOT_FO|UND')), /X-RateLimit-Remaining|Retry-After/);
  });
});

describe('the README', () => {
  it('shows what the quick fix really inserts for its first-use catalog', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const firstUse = readme.slice(readme.indexOf('## First use'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(firstUse)![1].replace(/^ {3}/gm, '');
    const shown = /```ts\n([\s\S]*?)```/.exec(firstUse)![1].replace(/^ {3}/gm, '').trimEnd();
    const { document, position } = withCursor("import express from 'express';\napp.get('/', (req, res) => {\n  const code = 'RATE_LIMI|TED';\n});");
    const [action] = doCodeActions(document, { start: position, end: position }, setOf(catalogFromYaml(yaml)), { snippetEdits: false });
    const inserted = ((action.edit!.changes![document.uri] as TextEdit[])[0].newText).replace(/^\n {2}/, '').replace(/\n {2}/g, '\n');
    assert.equal(inserted, shown);
  });
});

describe('snippet indentation', () => {
  it('snippets are indented relative to their line, which editors add back; plain text is absolute', () => {
    const fixture = "import express from 'express';\napp.get('/', (req, res) => {\n    use('NOT_FO|UND');\n});";
    const snippet = actions(fixture, 'typescript', { snippetEdits: true }).list[0];
    const value = ((snippet.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } }).snippet.value;
    assert.match(value, /^\nres\.status\(404\)\.json\(\{\n {4}success: false,/);
    const plain = actions(fixture).list[0];
    assert.match((plain.edit!.changes![plain.edit!.changes ? Object.keys(plain.edit!.changes)[0] : ''] as TextEdit[])[0].newText, /^\n {4}res\.status\(404\)\.json\(\{\n {8}success: false,/);
  });
});

/** The titles offered at the cursor, and the document after the first (or the one titled). */
function fix(fixture: string, languageId = 'typescript', options: { framework?: string; idiom?: (hit: CodeHit) => RaiseIdiom | undefined; title?: string } = {}) {
  const { document, list } = actions(fixture, languageId, { snippetEdits: false, ...options } as { snippetEdits: boolean });
  const chosen = options.title ? list.find((a) => a.title === options.title) : list[0];
  return { titles: list.map((a) => a.title), text: chosen ? applied(document, chosen) : undefined };
}

describe('where the response goes', () => {
  it('never before statements it would leave unreached: not in the middle of a block', () => {
    assert.deepEqual(fix("import express from 'express'\napp.get('/', (req, res) => {\n  const c = 'NOT_FO|UND'\n  res.json({})\n})").titles, []);
  });

  it('on a blank line at the end of a block, replacing the line, at the block\'s indentation', () => {
    const { document, offset } = withCursor("import express from 'express'\napp.get('/', (req, res) => {\n  if (missing) {\n|\n  }\n})");
    const insert = errorResponseInsert(document, offset, set.findCode('NOT_FOUND')[0], set)!;
    assert.deepEqual(insert.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } });
    assert.match(insert.text, /^ {4}res\.status\(404\)\.json\(\{\n {6}success: false,[\s\S]*\n {4}\}\)\n {4}return$/);
    const followed = withCursor("import express from 'express'\napp.get('/', (req, res) => {\n|\n  res.json({})\n})");
    assert.equal(errorResponseInsert(followed.document, followed.offset, set.findCode('NOT_FOUND')[0], set), undefined);
  });

  it('after an exit, in its place: the code there is never reached', () => {
    const { titles, text } = fix("import express from 'express';\napp.get('/', (req, res, next) => {\n  if (missing) {\n    return next();\n    // 'NOT_FO|UND'\n  }\n});");
    assert.deepEqual(titles, ['Replace with NOT_FOUND (404) error response']);
    assert.doesNotMatch(text!, /next\(\)/);
    assert.match(text!, /\n {4}res\.status\(404\)[\s\S]*\n {4}return;\n {4}\/\/ 'NOT_FOUND'\n {2}\}/);
  });

  it('replacing a statement that wrote the response keeps what follows it; a form that returns cannot replace it there', () => {
    const kept = fix("import express from 'express'\napp.get('/', (req, res) => {\n  res.status(4|04).json({})\n  audit(req)\n})");
    assert.match(kept.text!, /\n {2}\}\)\n {2}audit\(req\)\n\}\)$/, 'no return added before audit');
    assert.deepEqual(fix("import Fastify from 'fastify'\napp.get('/', async (request, reply) => {\n  reply.code(4|04).send({})\n  audit(request)\n})").titles, []);
  });

  it('nowhere outside a function: a module\'s top level, an enum, a class body', () => {
    assert.deepEqual(fix("import express from 'express'\nconst c = 'NOT_FO|UND'").titles, []);
    assert.deepEqual(fix("export enum ErrorCode {\n  NotFound = 'NOT_FO|UND',\n}").titles, []);
    assert.deepEqual(fix('from fastapi import FastAPI\nCODE = "NOT_FO|UND"\n', 'python').titles, []);
  });
});

describe('names in scope', () => {
  it("Express's response parameter whatever it is called; none where there is none", () => {
    assert.match(fix("import express, { type Request, type Response } from 'express'\nexport function h(req: Request, response: Response) {\n  log('NOT_FO|UND')\n}").text!, /\n {2}response\.status\(404\)/);
    assert.match(fix("import express from 'express'\napp.use((err, req, resp, next) => {\n  log('NOT_FO|UND')\n})").text!, /\n {2}resp\.status\(404\)/);
    assert.deepEqual(fix("import express from 'express'\nexport function describe(code: string) {\n  log('NOT_FO|UND')\n}").titles, [], 'no `res` is written where none is in scope');
  });

  it("Fastify's reply, returned; a handler without it gets nothing", () => {
    assert.match(fix("import Fastify from 'fastify'\napp.get('/', async (request, reply) => {\n  log('NOT_FO|UND')\n})").text!, /\n {2}return reply\.code\(404\)\.type\('application\/json'\)\.send\(\{/);
    assert.deepEqual(fix("import Fastify from 'fastify'\napp.get('/', async (request) => {\n  log('NOT_FO|UND')\n})").titles, []);
  });

  it("Go's ResponseWriter and Gin's context, whatever they are called", () => {
    assert.match(fix('package api\n\nimport "net/http"\n\nfunc h(rw http.ResponseWriter, r *http.Request) {\n\tlog.Print("NOT_FO|UND")\n}\n', 'go').text!, /\n\trw\.Header\(\)\.Set\("Content-Type", "application\/json"\)\n\trw\.WriteHeader\(http\.StatusNotFound\)\n\tjson\.NewEncoder\(rw\)\.Encode\(/);
    assert.match(fix('package api\n\nimport "github.com/gin-gonic/gin"\n\nfunc h(ctx *gin.Context) {\n\tlog.Print("NOT_FO|UND")\n}\n', 'go').text!, /\n\tctx\.JSON\(http\.StatusNotFound, gin\.H\{/);
    assert.deepEqual(fix('package api\n\nfunc load(id string) error {\n\treturn errors.New("NOT_FO|UND")\n}\n', 'go').titles, []);
  });
});

describe('return types', () => {
  it('Go: `return nil` from a function returning an error, zero values beside it', () => {
    const { text } = fix('package api\n\nimport (\n\t"errors"\n\t"net/http"\n)\n\nfunc (a *API) Get(w http.ResponseWriter, r *http.Request) error {\n\tif r.URL.Path == "" {\n\t\treturn errors.New("NOT_FO|UND")\n\t}\n\treturn nil\n}\n', 'go');
    assert.match(text!, /\n\t\t\}\)\n\t\treturn nil\n\t\}\n\treturn nil\n\}/);
    assert.match(text!, /^package api\n\nimport \(\n\t"encoding\/json"\n\t"net\/http"\n\)/, 'encoding/json added in order, errors (now unused) removed');
    const zeros = fix('package api\n\nimport "net/http"\n\ntype item struct{}\n\nfunc a(w http.ResponseWriter) (item, *store.Order, store.Order, int, error) {\n\tlog.Print("NOT_FO|UND")\n}\n', 'go');
    assert.match(zeros.text!, /\n\treturn item\{\}, nil, \*new\(store\.Order\), 0, nil\n\}/);
  });

  it('PHP: a `void` function throws the response; one returning a response returns it', () => {
    const thrown = fix("<?php\n\nnamespace App\\Http\\Controllers;\n\nuse Illuminate\\Http\\Request;\n\nclass C extends Controller\n{\n    public function check(Request $request): void\n    {\n        abort(4|04);\n    }\n}\n", 'php');
    assert.match(thrown.text!, /\n {8}throw new HttpResponseException\(response\(\)->json\(\[/);
    assert.match(thrown.text!, /use Illuminate\\Http\\Request;\nuse Illuminate\\Http\\Exceptions\\HttpResponseException;\n/);
    const returned = fix("<?php\nclass C extends Controller\n{\n    public function show(Request $request): JsonResponse\n    {\n        abort(4|04);\n    }\n}\n", 'php');
    assert.match(returned.text!, /\n {8}return response\(\)->json\(\[/);
  });

  it('TypeScript: a handler returning `Promise<void>` ends with `return;`; one declared to return something else gets nothing', () => {
    assert.match(fix("import express, { type Request, type Response } from 'express';\napp.get('/', async (req: Request, res: Response): Promise<void> => {\n  if (x) {\n    log('NOT_FO|UND');\n  }\n});").text!, /\}\);\n {4}return;\n {2}\}/);
    assert.deepEqual(fix("import express, { type Request, type Response } from 'express';\nfunction f(req: Request, res: Response): string {\n  log('NOT_FO|UND');\n}").titles, []);
  });

  it('Java: only where the method returns a ResponseEntity that can carry the body', () => {
    const java = (type: string) => fix(`package x;\n\nimport org.springframework.http.ResponseEntity;\n\nclass C {\n    public ${type} get() {\n        if (x) {\n            log("NOT_FO|UND");\n        }\n        return null;\n    }\n}\n`, 'java');
    assert.deepEqual(java('ResponseEntity<Shipment>').titles, []);
    const { text } = java('ResponseEntity<?>');
    assert.match(text!, /\n {12}return ResponseEntity\.status\(404\)\.contentType\(MediaType\.parseMediaType\("application\/json"\)\)\.body\(Map\.of\(/);
    assert.match(text!, /import org\.springframework\.http\.ResponseEntity;\nimport org\.springframework\.http\.MediaType;\nimport java\.util\.Map;\n/);
  });

  it('C#: an ObjectResult in a controller action, Results.Json in a minimal API handler, the HttpContext written in middleware', () => {
    const controller = fix('[ApiController]\npublic class C : ControllerBase\n{\n    public IActionResult Get()\n    {\n        throw new NotFoundException("NOT_FO|UND");\n    }\n}\n', 'csharp');
    assert.match(controller.text!, /\n {8}return new ObjectResult\(new\n {8}\{[\s\S]*\}\) \{ StatusCode = 404, ContentTypes = \{ "application\/json" \} \};/);
    const minimal = fix('app.MapGet("/x", (HttpContext http) =>\n{\n    throw new Exception("RATE_LIMI|TED");\n});\n', 'csharp');
    assert.match(minimal.text!, /\n {4}http\.Response\.Headers\["Retry-After"\] = "42";\n {4}return Results\.Json\(/);
    const middleware = fix('public class M\n{\n    public async Task InvokeAsync(HttpContext context)\n    {\n        if (x)\n        {\n            log("NOT_FO|UND");\n        }\n        await _next(context);\n    }\n}\n', 'csharp');
    assert.match(middleware.text!, /\n {12}context\.Response\.StatusCode = 404;\n {12}context\.Response\.ContentType = "application\/json";\n {12}await context\.Response\.WriteAsync\(JsonSerializer\.Serialize\(new\n/);
    assert.match(middleware.text!, /\n {12}return;\n {8}\}/);
  });

  it('Python: route handlers return the response, with JSONResponse imported; a helper gets nothing', () => {
    const { text } = fix('"""Items."""\n\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.get("/items/{id}")\ndef read(id: str):\n    if not id:\n        raise NotFound("NOT_FO|UND")\n    return {}\n', 'python');
    assert.match(text!, /\nfrom fastapi import APIRouter\nfrom fastapi\.responses import JSONResponse\n/);
    assert.match(text!, /\n {8}return JSONResponse\(status_code=404, content=\{/);
    assert.deepEqual(fix('from fastapi import APIRouter\n\ndef lookup(store, id) -> Item:\n    raise NotFound("NOT_FO|UND")\n', 'python').titles, []);
  });
});

describe('imports', () => {
  it('PHP: `use` lines go after the namespace, never between `<?php` and it', () => {
    const quoted = (hit: CodeHit): RaiseIdiom => ({ template: ['throw new ApiException(', { hole: 'code' }, ');'], codeText: `ApiException::${hit.entry.code}`, imports: ['use App\\Exceptions\\ApiException;'] });
    const { text } = fix("<?php\n\nnamespace App\\Http;\n\nclass C {\n    public function f(Request $request): void {\n        throw new RuntimeException('RATE_LIMI|TED');\n    }\n}", 'php', { idiom: quoted });
    assert.match(text!, /^<\?php\n\nnamespace App\\Http;\n\nuse App\\Exceptions\\ApiException;\n/);
  });

  it('a name imported already is not imported again; a module imported already takes the name', () => {
    const nest = fix("import { Controller, Get } from '@nestjs/common';\n\n@Controller()\nexport class C {\n  @Get()\n  find(): string {\n    throw new Error('NOT_FO|UND');\n  }\n}");
    assert.match(nest.text!, /^import \{ Controller, Get, HttpException \} from '@nestjs\/common';\n/);
    const present = fix("import { HttpException } from '@nestjs/common';\nexport function f(): void {\n  throw new Error('NOT_FO|UND');\n}");
    assert.equal(present.text!.match(/HttpException \}/g)?.length, 1);
  });
});

describe('the idiom of the workspace', () => {
  const apiError = (hit: CodeHit): RaiseIdiom => ({
    template: [`throw ApiError.status${hit.entry.status}(`, { hole: 'code' }, ", '", { hole: 'message' }, "')"],
    codeText: `ErrorCode.${hit.entry.code}`,
    imports: ["import { ApiError, ErrorCode } from './errors'"],
  });

  it('comes first, placed by the same rules, with its imports and the message as a tab stop', () => {
    const fixture = "import express from 'express'\napp.get('/', (req, res) => {\n  if (missing) {\n    log(\"It's NOT_FO|UND\")\n  }\n})";
    const { titles, text } = fix(fixture, 'typescript', { idiom: apiError });
    assert.deepEqual(titles, ['Raise NOT_FOUND as this codebase does', 'Return NOT_FOUND (404) error response']);
    assert.equal(text, "import express from 'express'\nimport { ApiError, ErrorCode } from './errors'\napp.get('/', (req, res) => {\n  if (missing) {\n    log(\"It's NOT_FOUND\")\n    throw ApiError.status404(ErrorCode.NOT_FOUND, 'Resource does not exist')\n  }\n})");
    const { document, position } = withCursor(fixture);
    const [snippet] = doCodeActions(document, { start: position, end: position }, set, { snippetEdits: true, idiom: apiError });
    const value = ((snippet.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } }).snippet.value;
    assert.match(value, /'\$\{1:Resource does not exist\}'\)\$\{0:\}$/);
  });

  it("replaces a raise the cursor is on; escapes the message for the template's quote", () => {
    const quoted = (): RaiseIdiom => ({ template: ['throw new ApiException(', { hole: 'code' }, ", '", { hole: 'message' }, "');"], codeText: "'x'" });
    const { titles, text } = fix("<?php\nclass C {\n    public function f(Request $request): void {\n        throw new RuntimeException('RATE_LIMI|TED');\n    }\n}", 'php', { idiom: (hit) => ({ ...quoted(), codeText: `ApiException::${hit.entry.code}` }) });
    assert.equal(titles[0], 'Raise RATE_LIMITED as this codebase does');
    assert.match(text!, /\n {8}throw new ApiException\(ApiException::RATE_LIMITED, 'Rate limit exceeded'\);\n {4}\}/);
    const apostrophe = catalogFromYaml('id: t\ntitle: T\nenvelope:\n  body: { code: "${code}", message: "${message}" }\ncodes:\n  X:\n    status: 400\n    message: "It\'s wrong"\n');
    const { document, position } = withCursor("function f() {\n  throw new Error('X|')\n}");
    const [action] = doCodeActions(document, { start: position, end: position }, setOf(apostrophe), { snippetEdits: false, idiom: quoted });
    assert.match(applied(document, action), /throw new ApiException\('x', 'It\\'s wrong'\);/);
  });

  it('Go: returned beside the zero values of the other results; not offered where the function returns no error', () => {
    const idiom = (hit: CodeHit): RaiseIdiom => ({ template: ['return apierr.NewNotFoundError(', { hole: 'code' }, ', "', { hole: 'message' }, '")'], codeText: `apierr.Code${hit.entry.status}` });
    const { titles, text } = fix('package api\n\nfunc (a *API) load(id string) (store.Order, error) {\n\tif id == "" {\n\t\tlog.Print("NOT_FO|UND")\n\t}\n\treturn store.Order{}, nil\n}\n', 'go', { idiom });
    assert.deepEqual(titles, ['Raise NOT_FOUND as this codebase does']);
    assert.match(text!, /\n\t\treturn \*new\(store\.Order\), apierr\.NewNotFoundError\(apierr\.Code404, "Resource does not exist"\)\n\t\}/);
    assert.deepEqual(fix('package api\n\nfunc f() {\n\tlog.Print("NOT_FO|UND")\n}\n', 'go', { idiom }).titles, []);
  });
});

describe('JSON and YAML bodies', () => {
  it('the body node around the code is replaced whole: one code key, in the catalog\'s shape', () => {
    const yaml = 'paths:\n  /x:\n    get:\n      responses:\n        "404":\n          content:\n            application/json:\n              example:\n                error_code: NOT_FO|UND\n                message: Not here\n        "429":\n          description: Slow down.\n';
    const { titles, text } = fix(yaml, 'yaml');
    assert.deepEqual(titles, ['Replace with NOT_FOUND (404) error body']);
    assert.match(text!, /\n {14}example:\n {16}success: false\n {16}error:\n {18}code: "NOT_FOUND"\n {18}message: "Resource does not exist"\n {16}meta:\n {18}requestId: "req_abc123"\n {8}"429":/);
    assert.doesNotMatch(text!, /error_code/);
    const flow = fix('examples:\n  limited:\n    value: { error: { code: RATE_LIM|ITED, message: Slow down } }\n', 'yaml');
    assert.match(flow.text!, /\n {4}value: \{ "success": false, "error": \{ "code": "RATE_LIMITED", "message": "Rate limit exceeded", "retryAfter": 42 \}, "meta": \{ "requestId": "req_abc123" \} \}\n$/);
    const json = fix('{\n  "error": {\n    "code": "NOT_FO|UND"\n  }\n}\n', 'json');
    assert.equal(JSON.parse(json.text!).error.code, 'NOT_FOUND');
    assert.equal(JSON.parse(json.text!).success, false);
  });

  it('not in a catalog file', () => {
    const { document, position } = withCursor('codes:\n  X:\n    replacedBy: NOT_FO|UND\n', 'yaml');
    const catalogFile = TextDocument.create('file:///w/api.errors.yaml', 'yaml', 1, document.getText());
    assert.deepEqual(doCodeActions(catalogFile, { start: position, end: position }, set, { snippetEdits: false }), []);
  });
});
