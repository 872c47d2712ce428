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
import { doCodeActions } from '../../server/src/service/features/codeActions';
import { frameworkFor } from '../../server/src/service/render/frameworks';
import { acme } from '../helpers/acme';
import { builtin, catalogFromYaml, REPO_ROOT, setOf, withCursor } from '../helpers/catalogs';

const set = setOf(acme());

function actions(fixture: string, languageId = 'typescript', options = { snippetEdits: false } as { snippetEdits: boolean; framework?: string }) {
  const { document, position } = withCursor(fixture, languageId);
  return { document, list: doCodeActions(document, { start: position, end: position }, set, options) };
}

/** The document after applying a plain-text action. */
function applied(document: TextDocument, action: CodeAction): string {
  const edits = action.edit!.changes![document.uri] as TextEdit[];
  return TextDocument.applyEdits(document, edits);
}

describe('error response code actions', () => {
  it('on a code, offer to return it, written for the file\'s framework after the current line', () => {
    const fixture = [
      "import express from 'express';",
      "app.get('/', (req, res) => {",
      "  if (tooMany) throw new ApiError('RATE_LI|MITED');",
      '});',
    ].join('\n');
    const { document, list } = actions(fixture);
    assert.deepEqual(list.map((a) => [a.title, a.kind]), [['Return RATE_LIMITED (429) error response', 'quickfix']]);
    const text = applied(document, list[0]);
    assert.equal(text, [
      "import express from 'express';",
      "app.get('/', (req, res) => {",
      "  if (tooMany) throw new ApiError('RATE_LIMITED');",
      "  res.status(429).set('Retry-After', '42').json({",
      '    success: false,',
      '    error: {',
      "      code: 'RATE_LIMITED',",
      "      message: 'Rate limit exceeded',",
      '      retryAfter: 42',
      '    },',
      '    meta: {',
      "      requestId: 'req_abc123'",
      '    }',
      '  });',
      '  return;',
      '});',
    ].join('\n'));
  });

  it('as a snippet where the client takes snippet edits: tab stops on message and field, Retry-After mirrored with retryAfter', () => {
    const { list } = actions("import { Hono } from 'hono'\nconst x = { code: 'VALIDATION_ER|ROR' }", 'typescript', { snippetEdits: true });
    const edit = (list[0].edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } };
    assert.match(edit.snippet.value, /message: '\$\{1:Validation failed\}'/);
    assert.match(edit.snippet.value, /field: '\$\{2:email\}'/);
    assert.match(edit.snippet.value, /, 422\);\$\{0:\}$/);
    const limited = actions("import { Hono } from 'hono'\nconst x = 'RATE_LI|MITED'", 'typescript', { snippetEdits: true });
    const snippet = ((limited.list[0].edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } }).snippet.value;
    assert.match(snippet, /retryAfter: \$\{4:42\}/);
    assert.match(snippet, /'Retry-After': '\$\{4:42\}'/);
  });

  it('on a status, offer each code of that status', () => {
    const { list } = actions("import express from 'express';\nres.status(4|04).end();");
    assert.deepEqual(list.map((a) => a.title), ['Return NOT_FOUND (404) error response', 'Return USER_NOT_FOUND (404) error response']);
  });

  it('on a blank line, the response replaces the line at its indentation', () => {
    const { document, list } = actions("def handler():\n    |\n", 'python');
    const { list: none } = actions("x = 1|\n", 'python');
    assert.equal(none.length, 0, 'nothing where there is no code and no status');
    const onStatus = actions("from flask import Flask\ndef handler():\n    abort(4|22)\n", 'python');
    assert.equal(onStatus.list.length, 1);
    const text = applied(onStatus.document, onStatus.list[0]);
    assert.match(text, /\n    abort\(422\)\n    return \{\n        "success": False,\n        "error": \{\n            "code": "VALIDATION_ERROR",/);
    assert.ok(text.includes('}, 422'));
    assert.equal(list.length, 0);
    assert.ok(document);
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
    const { document, list } = actions("const x = 'NOT_FO|UND'", 'typescript', { snippetEdits: false, framework: 'koa' });
    assert.match(applied(document, list[0]), /ctx\.status = 404;/);
    const python = actions("x = 'NOT_FO|UND'", 'python', { snippetEdits: false, framework: 'koa' });
    assert.match(applied(python.document, python.list[0]), /return JSONResponse\(status_code=404/);
  });
});

describe('bad input', () => {
  it('a placeholder no code fills becomes a tab stop named after it, in valid code', () => {
    const catalog = catalogFromYaml('id: t\ntitle: T\nenvelope:\n  body: { code: "${code}", tenant: "${tenantId}", trace: "${traceId}" }\ncodes:\n  X:\n    status: 400\n');
    const { document, position } = withCursor("import express from 'express'\nconst c = 'X|'");
    const [action] = doCodeActions(document, { start: position, end: position }, setOf(catalog), { snippetEdits: true });
    const snippet = ((action.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } }).snippet.value;
    assert.match(snippet, /tenant: '\$\{10:tenantId\}',\n {2}trace: '\$\{11:traceId\}'/);
  });

  it('a code missing from the catalog offers nothing', () => {
    assert.deepEqual(actions("import express from 'express'\nconst c = 'NOT_A_CO|DE'").list, []);
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
    const { document, position } = withCursor("import express from 'express'\nconst t = 'about:bl|ank'");
    const [action] = doCodeActions(document, { start: position, end: position }, problems, { snippetEdits: false });
    assert.match(applied(document, action), /res\.status\(500\)\.type\('application\/problem\+json'\)\.json\(\{\n {2}type: 'about:blank',/);
  });

  it('documented headers for the status are sent; headers of other statuses are not', () => {
    const meta = setOf(builtin('success-meta'));
    const at = (fixture: string) => {
      const { document, position } = withCursor(fixture);
      const [action] = doCodeActions(document, { start: position, end: position }, meta, { snippetEdits: false });
      return applied(document, action);
    };
    assert.match(at("import express from 'express'\n'RATE_LIM|ITED'"), /\.set\('Retry-After', '42'\)\.set\('X-RateLimit-Remaining', '0'\)/);
    assert.doesNotMatch(at("import express from 'express'\n'NOT_FO|UND'"), /X-RateLimit-Remaining|Retry-After/);
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
    const fixture = "import express from 'express';\napp.get('/', (req, res) => {\n    if (x) use('NOT_FO|UND');\n});";
    const snippet = actions(fixture, 'typescript', { snippetEdits: true }).list[0];
    const value = ((snippet.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } }).snippet.value;
    assert.match(value, /^\nres\.status\(404\)\.json\(\{\n {4}success: false,/);
    const plain = actions(fixture).list[0];
    assert.match((plain.edit!.changes![plain.edit!.changes ? Object.keys(plain.edit!.changes)[0] : ''] as TextEdit[])[0].newText, /^\n {4}res\.status\(404\)\.json\(\{\n {8}success: false,/);
  });
});
