/**
 * The reader of code around a cursor: the statement holding it, its block, the functions around
 * it with their parameters and return types, and exits before it. The cursor is marked `|`.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scopeAt, type ScopeAt } from '../../server/src/service/text/scopes';

function at(fixture: string, languageId: string): { scope: ScopeAt | undefined; text: string; slice: (span?: { start: number; end: number }) => string | undefined } {
  const offset = fixture.indexOf('|');
  const text = fixture.slice(0, offset) + fixture.slice(offset + 1);
  return { scope: scopeAt(text, languageId, offset), text, slice: (span) => span && text.slice(span.start, span.end) };
}

describe('statements and blocks', () => {
  it('TypeScript without semicolons: statements end with their lines, chained calls go on, braces in strings and regular expressions do not count', () => {
    const { scope, slice } = at([
      "router.post('/', async (req, res) => {",
      "  const pattern = /[{]'x'/",
      '  const body = `{ ${req.body} }`',
      '  res',
      '    .status(4|29)',
      "    .json({ code: 'RATE_LIMITED' })",
      '})',
    ].join('\n'), 'typescript');
    assert.ok(scope);
    assert.equal(scope.block.kind, 'function');
    assert.equal(scope.block.indent, '  ');
    assert.deepEqual(scope.block.statements.map((s) => slice(s)), [
      "const pattern = /[{]'x'/",
      'const body = `{ ${req.body} }`',
      "res\n    .status(429)\n    .json({ code: 'RATE_LIMITED' })",
    ]);
    assert.equal(scope.index, 2);
  });

  it('a cursor in an object literal or an argument list is in the statement around it', () => {
    const { scope, slice } = at("app.get('/', (c) => {\n  const x = { error: { code: 'NOT_|FOUND' } };\n  log(x);\n});", 'typescript');
    assert.equal(slice(scope?.statement), "const x = { error: { code: 'NOT_FOUND' } };");
    assert.equal(scope?.index, 0);
  });

  it("the body of a braceless `if` is a block of its own; `else if` chains are followed", () => {
    const { scope, slice } = at("function f(res) {\n  if (a) res.end()\n  else if (b) throw new Error('X|')\n  done()\n}", 'javascript');
    assert.equal(scope?.block.kind, 'braceless');
    assert.equal(slice(scope?.statement), "throw new Error('X')");
    assert.equal(scope?.statement?.exit, true);
    assert.equal(scope?.block.outerIndent, '  ');
  });

  it('switch labels split a block: an exit before a label does not make what follows it unreached', () => {
    const { scope } = at("function f(k: string) {\n  switch (k) {\n    case 'a':\n      return 1\n    case 'b':\n      |\n  }\n}", 'typescript');
    assert.deepEqual(scope?.block.statements.map((s) => s.label), [true, false, true]);
    assert.equal(scope?.exitBefore, undefined);
    const dead = at("function f(k: string) {\n  switch (k) {\n    case 'a':\n      return 1\n      |\n  }\n}", 'typescript');
    assert.equal(dead.slice(dead.scope?.exitBefore), 'return 1');
  });

  it('Go: `if init; cond {` is a block, a composite literal is not, results are read', () => {
    const { scope, slice } = at([
      'func (a *API) Get(rw http.ResponseWriter, r *http.Request) (store.Order, error) {',
      '\tif err := load(); err != nil {',
      '\t\treturn store.Order{}, errors.New("NOT_|FOUND")',
      '\t}',
      '\treturn store.Order{ID: "x"}, nil',
      '}',
    ].join('\n'), 'go');
    assert.equal(scope?.block.kind, 'block');
    assert.equal(slice(scope?.statement), 'return store.Order{}, errors.New("NOT_FOUND")');
    assert.deepEqual(scope?.functions.map((f) => [f.name, f.params, f.returnType]), [['Get', [{ name: 'rw', type: 'http.ResponseWriter' }, { name: 'r', type: '*http.Request' }], 'store.Order, error']]);
  });

  it('Python: blocks by indentation, `elif` and `else` belong to their `if`, a one-line body is a block', () => {
    const { scope, slice } = at([
      '@router.get("/x")',
      'async def read(item_id: str, request: Request) -> Response:',
      '    if item_id == "a":',
      '        pass',
      '    elif item_id == "b": raise NotFound("NOT_|FOUND")',
      '    return item',
    ].join('\n'), 'python');
    assert.equal(scope?.block.kind, 'braceless');
    assert.equal(slice(scope?.statement), 'raise NotFound("NOT_FOUND")');
    const [fn] = scope!.functions;
    assert.deepEqual([fn.name, fn.params, fn.returnType, fn.isAsync], ['read', [{ name: 'item_id', type: 'str' }, { name: 'request', type: 'Request' }], 'Response', true]);
    assert.match(fn.header, /^@router\.get/);
  });

  it('Python: a blank line takes the indentation the editor would give it', () => {
    const { scope } = at('def handler():\n    x = 1\n|\n\ndef other():\n    pass\n', 'python');
    assert.equal(scope?.block.indent, '    ');
    assert.equal(scope?.index, 1);
    assert.equal(scope?.functions[0]?.name, 'handler');
  });

  it("Ruby: `end` closes what opened at its indentation; `raise x if y` is a conditional exit, its statement a block", () => {
    const { scope, slice } = at([
      'class ItemsController < ApplicationController',
      '  def destroy',
      '    raise BadRequest, "X" if params[:id].blank?',
      '    if ok',
      '      head :ok',
      '    end',
      '    |',
      '  end',
      'end',
    ].join('\n'), 'ruby');
    assert.deepEqual(scope?.block.statements.map((s) => [slice(s)?.split('\n')[0], s.exit]), [['raise BadRequest, "X" if params[:id].blank?', false], ['if ok', false]]);
    assert.equal(scope?.exitBefore, undefined);
    assert.equal(scope?.functions[0]?.owner, 'class ItemsController < ApplicationController');
    const modifier = at('def show\n  return render_mis|sing unless item\nend', 'ruby');
    assert.equal(modifier.scope?.block.kind, 'braceless');
    assert.equal(modifier.scope?.block.modifier, 'unless item');
    assert.equal(modifier.slice(modifier.scope?.statement), 'return render_missing');
  });

  it('no statement list in a class body, an enum or an object at the top level', () => {
    assert.equal(at("export enum ErrorCode {\n  NotFound = 'NOT_|FOUND',\n}", 'typescript').scope, undefined);
    assert.equal(at('public enum ErrorCode {\n    NOT_FOUND("SHP-|001");\n}', 'java').scope, undefined);
    assert.equal(at('class ApiException {\n    public const X = \'x|\';\n}', 'php').scope, undefined);
    assert.deepEqual(at("const codes = { x: 'NOT_|FOUND' }", 'typescript').scope?.functions, []);
  });
});

describe('functions and their names', () => {
  it('TypeScript: arrow functions, methods with object return types, decorated parameters, the call a callback is given to', () => {
    const nest = at("class C {\n  @Get(':id')\n  find(@Param('id') id: string): { id: string } {\n    |\n  }\n}", 'typescript').scope;
    assert.deepEqual(nest?.functions.map((f) => [f.name, f.params, f.returnType]), [['find', [{ name: 'id', type: 'string' }], '{ id: string }']]);
    const arrow = at("app.get('/', async (req: Request, res): Promise<void> => {\n  |\n})", 'typescript').scope;
    assert.deepEqual(arrow?.functions.map((f) => [f.params, f.returnType, f.isAsync, f.calledBy]), [[[{ name: 'req', type: 'Request' }, { name: 'res', type: undefined }], 'Promise<void>', true, 'app.get']]);
    const single = at('items.forEach(item => {\n  |\n})', 'javascript').scope;
    assert.deepEqual(single?.functions.map((f) => f.params), [[{ name: 'item' }]]);
  });

  it('Java and C#: return types after annotations, attributes and modifiers; owners with their headers', () => {
    const java = at('@RestController\npublic class X {\n    @GetMapping("/x")\n    public ResponseEntity<Map<String, Object>> get(@PathVariable("id") final String id) throws IOException {\n        |\n    }\n}', 'java').scope;
    assert.deepEqual(java?.functions.map((f) => [f.name, f.params, f.returnType, f.owner]), [['get', [{ name: 'id', type: 'String' }], 'ResponseEntity<Map<String, Object>>', '@RestController\npublic class X']]);
    const csharp = at('[ApiController]\npublic class ItemsController : ControllerBase\n{\n    public async Task<IActionResult> Get([FromRoute] Guid id, CancellationToken ct = default)\n    {\n        |\n    }\n}', 'csharp').scope;
    assert.deepEqual(csharp?.functions.map((f) => [f.name, f.params, f.returnType, f.isAsync]), [['Get', [{ name: 'id', type: 'Guid' }, { name: 'ct', type: 'CancellationToken' }], 'Task<IActionResult>', true]]);
    assert.match(csharp!.functions[0].owner!, /: ControllerBase$/);
  });

  it('PHP: typed parameters with `$`, return types, closures', () => {
    const php = at('<?php\nclass M {\n    public function handle(Request $request, ?Closure $next = null): void\n    {\n        |\n    }\n}', 'php').scope;
    assert.deepEqual(php?.functions.map((f) => [f.name, f.params, f.returnType]), [['handle', [{ name: '$request', type: 'Request' }, { name: '$next', type: '?Closure' }], 'void']]);
    const closure = at("<?php\nRoute::get('/', function (Request $request) use ($x): JsonResponse {\n    |\n});", 'php').scope;
    assert.deepEqual(closure?.functions.map((f) => f.returnType), ['JsonResponse']);
  });

  it('Go: grouped parameters and function literals', () => {
    const go = at('func main() {\n\thttp.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {\n\t\t|\n\t})\n}', 'go').scope;
    assert.deepEqual(go?.functions.map((f) => [f.name, f.params.map((p) => p.name)]), [[undefined, ['w', 'r']], ['main', []]]);
    const grouped = at('func f(a, b string, n int) {\n\t|\n}', 'go').scope;
    assert.deepEqual(grouped?.functions[0].params, [{ name: 'a', type: 'string' }, { name: 'b', type: 'string' }, { name: 'n', type: 'int' }]);
  });
});

describe('any offset', () => {
  it('reads a scope at every offset of Python and Ruby handlers, block headers and line ends included', () => {
    const python = "from fastapi import FastAPI\n\n@app.get('/items/{id}')\ndef item(id: str):\n    item = store.find('items', id)\n    if item is None:\n        return JSONResponse(status_code=404, content={'error': {'code': 'NOT_FOUND'}})\n    return item\n";
    const ruby = "class ItemsController < ApplicationController\n  def show\n    item = Item.find_by(id: params[:id])\n    render json: { code: 'NOT_FOUND' }, status: 404 unless item\n    render json: item\n  end\nend\n";
    for (const [text, languageId] of [[python, 'python'], [ruby, 'ruby']] as const) {
      for (let offset = 0; offset <= text.length; offset++) assert.doesNotThrow(() => scopeAt(text, languageId, offset), `${languageId} at ${offset}`);
    }
  });
});
