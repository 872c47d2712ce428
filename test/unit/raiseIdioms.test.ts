/**
 * The workspace's way of raising a code, learned from its files: each language's forms, forms
 * kept to the status of the codes they were seen with, codes raised as strings, arguments that
 * are another place's values dropped (or the form not learned), the imports the files that use a
 * form write (relative modules made relative to the file being fixed, `import type` respected),
 * the qualifier the fixed file writes, and the catalog's own template, which wins.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import type { CatalogSet } from '../../server/src/service/catalog/catalogSet';
import { CatalogProblemCode } from '../../server/src/service/catalog/model';
import { doCodeActions } from '../../server/src/service/features/codeActions';
import { raiseIdioms } from '../../server/src/service/features/raiseIdioms';
import { ConstantIndex, factsOf } from '../../server/src/service/index/constantIndex';
import { raiseFormsOf } from '../../server/src/service/index/raiseForms';
import { languageOfPath } from '../../server/src/service/text/languages';
import { catalogFromYaml, knownStatuses, setOf } from '../helpers/catalogs';

const CATALOG = [
  'id: shop',
  'title: Shop API',
  'envelope:',
  '  body: { error: { code: "${code}", message: "${message}" } }',
  'codes:',
  '  NOT_FOUND: { status: 404, message: Not found }',
  '  USER_NOT_FOUND: { status: 404, message: "No user has that id" }',
  '  SLOT_TAKEN: { status: 409, message: The slot is taken }',
  '  RATE_LIMITED: { status: 429, message: Slow down }',
  '  INVALID_PAYLOAD: { status: 400, message: "It\'s not valid" }',
].join('\n');

const lines = (...text: string[]) => text.join('\n');

/** A workspace of files (path → text) under /w, indexed as the server indexes it. */
function workspace(files: Readonly<Record<string, string>>, catalog = CATALOG): { set: CatalogSet; index: ConstantIndex } {
  const index = new ConstantIndex();
  for (const [path, text] of Object.entries(files)) index.update(factsOf(`file:///w/${path}`, text, languageOfPath(path)!));
  return { set: setOf(catalogFromYaml(catalog, 'file:///w/api.errors.yaml')), index };
}

/** The statement and imports the idiom writes for a code in a document (the message as `…`), or undefined. */
function idiomFor(files: Readonly<Record<string, string>>, path: string, text: string, code: string, catalog?: string): { statement: string; imports: readonly string[] } | undefined {
  const { set, index } = workspace(files, catalog);
  const document = TextDocument.create(`file:///w/${path}`, languageOfPath(path)!, 1, text);
  const hit = set.findCode(code)[0];
  const idiom = raiseIdioms(document, { set, constants: index, usage: { functions: [], patterns: [] } })(hit);
  if (!idiom) return undefined;
  const statement = idiom.template.map((part) => (typeof part === 'string' ? part : part.hole === 'code' ? idiom.codeText : '…')).join('');
  return { statement, imports: idiom.imports ?? [] };
}

const TS_CODES = "export enum ErrorCode {\n  NotFound = 'NOT_FOUND',\n  UserNotFound = 'USER_NOT_FOUND',\n  SlotTaken = 'SLOT_TAKEN',\n  RateLimited = 'RATE_LIMITED',\n  InvalidPayload = 'INVALID_PAYLOAD',\n}\n";
const TS_ROUTES = lines(
  "import { ApiError } from '../errors/api-error'",
  "import { ErrorCode } from '../errors/codes'",
  '',
  'export function find(id: string, field: string) {',
  "  if (!id) throw ApiError.notFound(ErrorCode.NotFound, 'No such thing')",
  "  if (id === 'u') throw ApiError.notFound(ErrorCode.UserNotFound, `No user ${id}`)",
  "  if (id === 's') throw ApiError.conflict(ErrorCode.SlotTaken, 'Taken', { field })",
  "  if (id === 't') throw ApiError.conflict(ErrorCode.SlotTaken, 'Taken')",
  '}',
);

describe('raise idioms: the form for a code', () => {
  const files = { 'src/errors/codes.ts': TS_CODES, 'src/routes/things.ts': TS_ROUTES };

  it('the helper used for codes of the same status, with the code\'s constant and the imports the raising files write, relative to the fixed file', () => {
    assert.deepEqual(idiomFor(files, 'src/routes/admin/users.ts', 'export function f() {\n}\n', 'USER_NOT_FOUND'), {
      statement: "throw ApiError.notFound(ErrorCode.UserNotFound, '…')",
      imports: ["import { ApiError } from '../../errors/api-error';", "import { ErrorCode } from '../../errors/codes';"],
    });
  });

  it('a helper seen only with codes of one status is never written for a code of another', () => {
    assert.equal(idiomFor(files, 'src/routes/b.ts', '', 'RATE_LIMITED'), undefined);
    assert.equal(idiomFor(files, 'src/routes/b.ts', '', 'INVALID_PAYLOAD'), undefined);
  });

  it('an optional argument a use passes a local to (`{ field }`) is dropped', () => {
    assert.equal(idiomFor(files, 'src/routes/b.ts', '', 'SLOT_TAKEN')?.statement, "throw ApiError.conflict(ErrorCode.SlotTaken, '…')");
  });

  it('no form from one use', () => {
    const one = { 'src/errors/codes.ts': TS_CODES, 'src/a.ts': "import { ApiError } from './api'\nimport { ErrorCode } from './errors/codes'\nthrow ApiError.notFound(ErrorCode.NotFound, 'x')\n" };
    assert.equal(idiomFor(one, 'src/b.ts', '', 'USER_NOT_FOUND'), undefined);
  });

  it('a form whose every use passes a local where the form needs an argument is not learned', () => {
    const local = {
      'src/errors/codes.ts': TS_CODES,
      'src/a.ts': lines(
        "import { ApiError } from './api'",
        "import { ErrorCode } from './errors/codes'",
        'function f(details: string[]) {',
        '  throw new ApiError(ErrorCode.NotFound, details)',
        '}',
        'function g(details: string[]) {',
        '  throw new ApiError(ErrorCode.SlotTaken, details)',
        '}',
      ),
    };
    assert.equal(idiomFor(local, 'src/b.ts', '', 'NOT_FOUND'), undefined);
  });

  it('the status beside the code becomes each code\'s status, so the form takes a code of any status', () => {
    const withStatus = {
      'src/errors/codes.ts': TS_CODES,
      'src/a.ts': lines(
        "import { ApiError } from './api-error';",
        "import { ErrorCode } from './errors/codes';",
        "throw new ApiError(404, ErrorCode.NotFound, 'Missing');",
        "throw new ApiError(409, ErrorCode.SlotTaken, 'Taken', { retry: false });",
        "throw new ApiError(409, ErrorCode.SlotTaken, 'Taken');",
      ),
    };
    assert.deepEqual(idiomFor(withStatus, 'src/b.ts', "const x = 1;\n", 'RATE_LIMITED'), {
      statement: "throw new ApiError(429, ErrorCode.RateLimited, '…');",
      imports: ["import { ApiError } from './api-error';", "import { ErrorCode } from './errors/codes';"],
    });
  });

  it('codes raised as strings are written as strings, in the quote the workspace uses', () => {
    const strings = {
      'lib/a.js': lines(
        "const { HttpError } = require('./http-error')",
        'function a() { throw new HttpError("NOT_FOUND", "Missing") }',
        'function b() { throw new HttpError("SLOT_TAKEN", "Taken") }',
      ),
    };
    assert.deepEqual(idiomFor(strings, 'lib/b.js', '', 'RATE_LIMITED'), {
      statement: 'throw new HttpError("RATE_LIMITED", "…")',
      imports: ["const { HttpError } = require('./http-error');"],
    });
  });

  it('a name the file imports with `import type` is not a value: no idiom', () => {
    assert.equal(idiomFor(files, 'src/routes/c.ts', "import type { ApiError } from '../errors/api-error'\n", 'USER_NOT_FOUND'), undefined);
    assert.equal(idiomFor(files, 'src/routes/c.ts', "import { type ApiError, other } from '../errors/api-error'\n", 'USER_NOT_FOUND'), undefined);
  });

  it('the constant written as the fixed file writes its enum (an alias), with no import for it', () => {
    const text = "import { ErrorCode as E } from '../errors/codes'\nconst known = [E.SlotTaken]\n";
    assert.deepEqual(idiomFor(files, 'src/routes/c.ts', text, 'USER_NOT_FOUND'), {
      statement: "throw ApiError.notFound(E.UserNotFound, '…')",
      imports: ["import { ApiError } from '../errors/api-error';"],
    });
  });

  it('tests teach no form and are offered none; a test is judged by its path below the catalog\'s folder', () => {
    const inTests = { 'src/errors/codes.ts': TS_CODES, 'src/routes/things.test.ts': TS_ROUTES, 'test/fakes/things.ts': TS_ROUTES };
    assert.equal(idiomFor(inTests, 'src/routes/users.ts', '', 'USER_NOT_FOUND'), undefined);
    assert.equal(idiomFor(files, 'src/routes/users.test.ts', '', 'USER_NOT_FOUND'), undefined);
    assert.equal(idiomFor(files, 'tests/users.ts', '', 'USER_NOT_FOUND'), undefined);
    // A workspace that itself lies in a `test/` folder (a fixture, a sample) is not all tests.
    const index = new ConstantIndex();
    for (const [path, text] of Object.entries(files)) index.update(factsOf(`file:///repo/test/sample/${path}`, text, languageOfPath(path)!));
    const set = setOf(catalogFromYaml(CATALOG, 'file:///repo/test/sample/api.errors.yaml'));
    const document = TextDocument.create('file:///repo/test/sample/src/routes/users.ts', 'typescript', 1, '');
    const idiom = raiseIdioms(document, { set, constants: index, usage: { functions: [], patterns: [] } })(set.findCode('USER_NOT_FOUND')[0]);
    assert.equal(idiom?.codeText, 'ErrorCode.UserNotFound');
  });

  it('raise templates of the catalog win over the learned form', () => {
    const catalog = `${CATALOG}\nraise:\n  typescript:\n    template: "throw problem(\${status}, \${constant}, '\${message}')"\n    imports: ["import { problem } from './src/problems'"]\n`;
    assert.deepEqual(idiomFor(files, 'src/routes/c.ts', '', 'USER_NOT_FOUND', catalog), {
      statement: "throw problem(404, ErrorCode.UserNotFound, '…')",
      imports: ["import { problem } from '../problems'", "import { ErrorCode } from '../errors/codes';"],
    });
    // Where no constant stands for the code (or its import is unknown), its string; `${code}` is the code itself.
    const plain = `${CATALOG}\nraise:\n  typescript: "throw new Err(\${constant}, 'see /errors/\${code}')"\n`;
    assert.equal(idiomFor({}, 'src/c.ts', '', 'USER_NOT_FOUND', plain)?.statement, "throw new Err('USER_NOT_FOUND', 'see /errors/USER_NOT_FOUND')");
  });
});

describe('raise idioms: each language', () => {
  it('PHP: one constructor for codes of every status, its optional message kept as a hole and its named arguments dropped; `use` unless the file declares the class', () => {
    const files = {
      'app/Exceptions/ApiException.php': lines(
        '<?php',
        'namespace App\\Exceptions;',
        'class ApiException extends \\Exception {',
        "    const NOT_FOUND = 'NOT_FOUND';",
        "    const SLOT_TAKEN = 'SLOT_TAKEN';",
        "    const RATE_LIMITED = 'RATE_LIMITED';",
        '}',
      ),
      'app/Http/Controllers/TicketController.php': lines(
        '<?php',
        'namespace App\\Http\\Controllers;',
        'use App\\Exceptions\\ApiException;',
        'class TicketController {',
        '    public function show($id) {',
        '        if (!$id) throw new ApiException(ApiException::NOT_FOUND, params: [$id]);',
        "        throw new ApiException(ApiException::SLOT_TAKEN, 'Taken');",
        '    }',
        '}',
      ),
    };
    assert.deepEqual(idiomFor(files, 'app/Http/Controllers/Other.php', '<?php\nnamespace App\\Http\\Controllers;\n', 'RATE_LIMITED'), {
      statement: "throw new ApiException(ApiException::RATE_LIMITED, '…');",
      imports: ['use App\\Exceptions\\ApiException;'],
    });
    assert.deepEqual(idiomFor(files, 'app/Exceptions/ApiException.php', files['app/Exceptions/ApiException.php'], 'RATE_LIMITED')?.imports, []);
  });

  it('Go: a helper per status returned beside zero values, its format verbs\' values dropped; unqualified in its own package', () => {
    const files = {
      'internal/apierr/codes.go': 'package apierr\n\nconst (\n\tCodeNotFound = "NOT_FOUND"\n\tCodeUserNotFound = "USER_NOT_FOUND"\n)\n',
      'internal/api/orders.go': lines(
        'package api',
        '',
        'import (',
        '\t"fmt"',
        '',
        '\t"example.com/shop/internal/apierr"',
        ')',
        '',
        'func (a *API) order(id string) (Order, error) {',
        '\tif id == "" {',
        '\t\treturn Order{}, apierr.NewNotFoundError(apierr.CodeNotFound, "order %s not found", id)',
        '\t}',
        '\treturn Order{}, apierr.NewNotFoundError(apierr.CodeUserNotFound, "user %s of order %s not found", id, fmt.Sprint(id))',
        '}',
      ),
    };
    assert.deepEqual(idiomFor(files, 'internal/api/users.go', 'package api\n', 'USER_NOT_FOUND'), {
      statement: 'return apierr.NewNotFoundError(apierr.CodeUserNotFound, "…")',
      imports: ['import "example.com/shop/internal/apierr"'],
    });
    assert.deepEqual(idiomFor(files, 'internal/apierr/helpers.go', 'package apierr\n', 'USER_NOT_FOUND'), {
      statement: 'return NewNotFoundError(CodeUserNotFound, "…")',
      imports: [],
    });
    assert.equal(idiomFor(files, 'internal/api/users.go', 'package api\n', 'SLOT_TAKEN'), undefined);
  });

  it('Python: keyword arguments and `from exc` dropped; imports as written, relative ones made relative to the fixed file', () => {
    const files = {
      'app/errors/codes.py': 'class ErrorCode:\n    NOT_FOUND = "NOT_FOUND"\n    SLOT_TAKEN = "SLOT_TAKEN"\n    RATE_LIMITED = "RATE_LIMITED"\n',
      'app/routers/things.py': lines(
        'from ..errors import ApiError',
        'from app.errors.codes import ErrorCode',
        '',
        'def find(thing_id):',
        '    if thing_id is None:',
        '        raise ApiError(ErrorCode.NOT_FOUND, f"No thing {thing_id}", field="id")',
        '    try:',
        '        load(thing_id)',
        '    except KeyError as exc:',
        '        raise ApiError(ErrorCode.SLOT_TAKEN) from exc',
      ),
    };
    assert.deepEqual(idiomFor(files, 'app/routers/v2/other.py', 'def f():\n    pass\n', 'RATE_LIMITED'), {
      statement: 'raise ApiError(ErrorCode.RATE_LIMITED, "…")',
      imports: ['from ...errors import ApiError', 'from app.errors.codes import ErrorCode'],
    });
  });

  it('Java: a method of the code\'s own constant (`ErrorCode.X.exception(…)`), with the import of the constant\'s enum', () => {
    const files = {
      'src/main/java/com/acme/error/ErrorCode.java': 'package com.acme.error;\n\npublic enum ErrorCode {\n    NOT_FOUND("NOT_FOUND"),\n    SLOT_TAKEN("SLOT_TAKEN"),\n    RATE_LIMITED("RATE_LIMITED");\n    ErrorCode(String code) {}\n}\n',
      'src/main/java/com/acme/api/Things.java': lines(
        'package com.acme.api;',
        '',
        'import com.acme.error.ErrorCode;',
        '',
        'class Things {',
        '    void find(String id) {',
        '        if (id == null) throw ErrorCode.NOT_FOUND.exception("No thing %s", id);',
        '        throw ErrorCode.SLOT_TAKEN.exception("Taken");',
        '    }',
        '}',
      ),
    };
    assert.deepEqual(idiomFor(files, 'src/main/java/com/acme/web/Other.java', 'package com.acme.web;\n', 'RATE_LIMITED'), {
      statement: 'throw ErrorCode.RATE_LIMITED.exception("…");',
      imports: ['import com.acme.error.ErrorCode;'],
    });
  });

  it('C#: nested constants written as the workspace writes them, and `using` the namespace the exception is declared in', () => {
    const files = {
      'src/Errors/ErrorCodes.cs': 'namespace Shop.Errors\n{\n    public static class ErrorCodes\n    {\n        public static class Things\n        {\n            public const string NotFound = "NOT_FOUND";\n            public const string UserNotFound = "USER_NOT_FOUND";\n        }\n    }\n}\n',
      'src/Errors/NotFoundException.cs': 'namespace Shop.Errors\n{\n    public class NotFoundException : System.Exception\n    {\n    }\n}\n',
      'src/Controllers/Things.cs': lines(
        'using Shop.Errors;',
        'namespace Shop.Controllers',
        '{',
        '    public class Things',
        '    {',
        '        public void Find(string id)',
        '        {',
        '            if (id == null) throw new NotFoundException(ErrorCodes.Things.NotFound, $"No thing {id}");',
        '            throw new NotFoundException(ErrorCodes.Things.NotFound);',
        '        }',
        '    }',
        '}',
      ),
    };
    assert.deepEqual(idiomFor(files, 'src/Controllers/Users.cs', 'namespace Shop.Controllers\n{\n}\n', 'USER_NOT_FOUND'), {
      statement: 'throw new NotFoundException(ErrorCodes.Things.UserNotFound, "…");',
      imports: ['using Shop.Errors;'],
    });
  });

  it('Ruby: a class per status, its modifier dropped; no imports', () => {
    const files = {
      'app/errors/error_codes.rb': 'module ErrorCodes\n  NOT_FOUND = "NOT_FOUND"\n  USER_NOT_FOUND = "USER_NOT_FOUND"\nend\n',
      'app/controllers/things_controller.rb': lines(
        'class ThingsController < ApplicationController',
        '  def show',
        '    raise ApiError::NotFound.new(ErrorCodes::NOT_FOUND, "No thing #{params[:id]}") unless thing',
        '    raise(ApiError::NotFound.new(ErrorCodes::USER_NOT_FOUND))',
        '  end',
        'end',
      ),
    };
    assert.deepEqual(idiomFor(files, 'app/controllers/users_controller.rb', '', 'USER_NOT_FOUND'), {
      statement: 'raise ApiError::NotFound.new(ErrorCodes::USER_NOT_FOUND, "…")',
      imports: [],
    });
  });
});

describe('raise idioms: in the quick fixes', () => {
  it('the first code action on a code raises it as the codebase does, with its import; the framework\'s response comes second', () => {
    const { set, index } = workspace({ 'src/errors/codes.ts': TS_CODES, 'src/routes/things.ts': TS_ROUTES });
    const text = "import express from 'express'\n\nexport function user(req: express.Request, res: express.Response) {\n  log('USER_NOT_FOUND')\n}\n";
    const document = TextDocument.create('file:///w/src/routes/users.ts', 'typescript', 1, text);
    const position = { line: 3, character: 8 };
    const actions = doCodeActions(document, { start: position, end: position }, set, { snippetEdits: false, idiom: raiseIdioms(document, { set, constants: index, usage: { functions: [], patterns: [] } }) });
    assert.deepEqual(actions.map((a) => a.title), ['Raise USER_NOT_FOUND as this codebase does', 'Return USER_NOT_FOUND (404) error response']);
    const edits = actions[0].edit!.changes![document.uri];
    assert.equal(TextDocument.applyEdits(document, edits), [
      "import express from 'express'",
      "import { ApiError } from '../errors/api-error'",
      "import { ErrorCode } from '../errors/codes'",
      '',
      'export function user(req: express.Request, res: express.Response) {',
      "  log('USER_NOT_FOUND')",
      "  throw ApiError.notFound(ErrorCode.UserNotFound, 'No user has that id')",
      '}',
      '',
    ].join('\n'));
  });

  it('a change to a file is learned: the form goes when its uses do', () => {
    const { set, index } = workspace({ 'src/errors/codes.ts': TS_CODES, 'src/routes/things.ts': TS_ROUTES });
    assert.ok(raiseFormsOf(index, set).forms.some((f) => f.uses >= 2));
    index.update(factsOf('file:///w/src/routes/things.ts', 'export {}\n', 'typescript'));
    assert.deepEqual(raiseFormsOf(index, set).forms, []);
  });
});

describe('raise templates in the catalog', () => {
  const problemsOf = (raise: string) => loadCatalog('file:///w/api.errors.yaml', `${CATALOG}\nraise:\n${raise}\n`, { knownStatuses: knownStatuses() });

  it('a template with an unknown placeholder, without the code, or with the message outside quotes is reported and not used', () => {
    for (const [raise, words] of [
      ['  php: throw new ApiException(${constant}, ${title});', '`${title}` is not a placeholder'],
      ["  php: throw new ApiException('${message}');", 'does not write the code'],
      ['  go:\n    template: return apierr.New(${constant}, ${message})', 'put it inside quotes'],
    ] as const) {
      const result = problemsOf(raise);
      const problem = result.problems.find((p) => p.code === CatalogProblemCode.RaiseTemplate);
      assert.ok(problem?.message.includes(words), `${raise}: ${JSON.stringify(result.problems)}`);
      assert.equal(problem?.severity, 'warning');
      assert.equal(result.catalog?.raise, undefined);
    }
  });

  it('a language it has no templates for is a schema error that names the languages', () => {
    const result = problemsOf('  cobol: DISPLAY ${constant}');
    assert.equal(result.catalog, undefined);
    assert.ok(result.problems.some((p) => p.message.includes('`cobol` is not a language') && p.message.includes('`typescript`')), JSON.stringify(result.problems));
  });

  it('a valid template is kept with its imports', () => {
    const result = problemsOf('  php: throw new ApiException(${constant});\n  go:\n    template: return apierr.New(${constant}, "${message}")\n    imports: [example.com/shop/apierr]');
    assert.deepEqual(result.problems, []);
    assert.deepEqual([...result.catalog!.raise!], [
      ['php', { template: 'throw new ApiException(${constant});', imports: [] }],
      ['go', { template: 'return apierr.New(${constant}, "${message}")', imports: ['example.com/shop/apierr'] }],
    ]);
  });
});
