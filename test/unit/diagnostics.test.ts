/**
 * Diagnostics in source files and their quick fixes: unknown codes, status mismatches,
 * envelope shapes, deprecated codes; never in comments, never from built-ins alone.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { diagnosticFixes } from '../../server/src/service/features/diagnosticFixes';
import { DEFAULT_RULE_SEVERITY, doValidation, SourceDiagnosticCode, type DiagnosticsOptions } from '../../server/src/service/features/diagnostics';
import { statusNamedBy } from '../../server/src/service/features/codeSites';
import { ConstantIndex, factsOf } from '../../server/src/service/index/constantIndex';
import { commentRanges } from '../../server/src/service/text/codeUsages';
import { acme } from '../helpers/acme';
import { builtin, catalogFromYaml, setOf } from '../helpers/catalogs';

const set = setOf(acme());
const OPTIONS: DiagnosticsOptions = { severity: DEFAULT_RULE_SEVERITY, functions: ['ApiError', 'errors.New'], patterns: [/raiseError\(:(\w+)\)/] };

function check(text: string, languageId = 'typescript', options = OPTIONS, catalogs = set) {
  const document = TextDocument.create(`file:///w/src/file.${languageId}`, languageId, 1, text);
  const diagnostics = doValidation(document, catalogs, options);
  return { document, diagnostics, summary: diagnostics.map((d) => [d.code, document.getText(d.range)]) };
}

function applyFix(document: TextDocument, diagnostic: Diagnostic, title: string): string {
  const actions = diagnosticFixes(document, [diagnostic], set);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, actions.map((a) => a.title).join(' | '));
  return TextDocument.applyEdits(document, action.edit!.changes![document.uri] as TextEdit[]);
}

describe('unknown codes', () => {
  const fixtures: [language: string, text: string][] = [
    ['typescript', "res.json({ success: false, error: { code: 'VALIDATON_ERROR' }, meta: {} })"],
    ['javascript', "const body = { error: { code: 'VALIDATON_ERROR' } };"],
    ['typescriptreact', "<ErrorBanner error={{ code: 'VALIDATON_ERROR', message: 'Invalid' }} />;"],
    ['python', "return JSONResponse(status_code=422, content={'error': {'code': 'VALIDATON_ERROR'}})"],
    ['go', 'c.JSON(422, gin.H{"error": gin.H{"code": "VALIDATON_ERROR"}})'],
    ['java', 'return ResponseEntity.status(422).body(Map.of("error", Map.of("code", "VALIDATON_ERROR")));'],
    ['kotlin', 'val body = mapOf("code" to "x")\nthrow ApiError("VALIDATON_ERROR")'],
    ['csharp', 'return Results.Json(new { error = new { code = "VALIDATON_ERROR" } }, statusCode: 422);'],
    ['ruby', "render json: { error: { code: 'VALIDATON_ERROR' } }, status: 422"],
    ['php', "return response()->json(['error' => ['code' => 'VALIDATON_ERROR']], 422);"],
    ['rust', 'return (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "error": { "code": "VALIDATON_ERROR" } })));'],
    ['json', '{ "error": { "code": "VALIDATON_ERROR" } }'],
    ['jsonc', '// fixture\n{ "error": { "code": "VALIDATON_ERROR" } }'],
    ['yaml', 'error:\n  code: VALIDATON_ERROR\n'],
  ];
  for (const [language, text] of fixtures) {
    it(`${language}: flags the typo and suggests VALIDATION_ERROR`, () => {
      const { diagnostics, summary } = check(text, language);
      const unknown = diagnostics.filter((d) => d.code === SourceDiagnosticCode.UnknownCode);
      assert.ok(unknown.length >= 1, JSON.stringify(summary));
      assert.equal(summary.find(([code]) => code === 'unknown-code')![1], 'VALIDATON_ERROR');
      assert.match(String(unknown[0].message), /Did you mean VALIDATION_ERROR\?/);
      assert.equal(unknown[0].source, 'error-catalog');
    });
  }

  it('the fix is insensitive to case and separators', () => {
    for (const typo of ['validation-error', 'ValidationError', 'validation_error']) {
      const { document, diagnostics } = check(`const b = { error: { code: '${typo}' } };`);
      assert.equal(applyFix(document, diagnostics[0], 'Change to VALIDATION_ERROR'), "const b = { error: { code: 'VALIDATION_ERROR' } };");
    }
  });

  it('configured functions and patterns are checked too', () => {
    assert.deepEqual(check("throw new ApiError('RATE_LIMTED');\nerrors.New(\"NOT_FOUNDD\")\nraiseError(:AUTH_0001)").summary, [
      ['unknown-code', 'RATE_LIMTED'], ['unknown-code', 'NOT_FOUNDD'], ['unknown-code', 'AUTH_0001'],
    ]);
  });

  it('never in comments, prose or unrelated strings', () => {
    assert.deepEqual(check("// code: 'VALIDATON_ERROR'\n/* { code: 'VALIDATON_ERROR' } */\nconst url = 'http://x'; // code: 'NOPE_CODE'").summary, []);
    assert.deepEqual(check("# {'code': 'VALIDATON_ERROR'}", 'python').summary, []);
    assert.deepEqual(check("Use `{ code: 'VALIDATON_ERROR' }`", 'markdown').summary, []);
    assert.deepEqual(check("log('VALIDATON_ERROR'); const coupon = { code: 'summer-sale-2024' };").summary, []);
  });

  it('never in what a statement reading the code returns or builds: an arrow\'s or a branch\'s result, a member\'s value', () => {
    const text = [
      'const reason = match(error.code)',
      "  .with('RATE_LIMITED', () => 'RateLimited' as const)",
      "  .with('NOT_FOUND', () => { return 'NotFound' })",
      "  .otherwise(() => 'Unknown');",
      "const label = body.error.code === 'NOT_FOUND' ? 'NotFound' : 'RateLimited';",
      "const summary = { code: body.error.code, kind: 'NotFound' };",
      "expect(body.error.code).toBe('NOT_FUOND');",
    ].join('\n');
    assert.deepEqual(check(text).summary, [['unknown-code', 'NOT_FUOND']]);
  });

  it('never a framework\'s own code in its own error: tRPC, Apollo Server', () => {
    const text = [
      "throw new TRPCError({ code: 'BAD_REQUEST', message: '2FA is not required for this document' });",
      "throw new TRPCError({\n  code: 'PARSE_ERROR',\n  message: 'The body is not valid',\n});",
      "throw new GraphQLError('Invalid input', { extensions: { code: 'BAD_USER_INPUT' } });",
      "throw new TRPCError({ code: 'BAD_REQEST', message: 'A typo of a tRPC code is still a typo' });",
    ].join('\n');
    assert.deepEqual(check(text).summary, [['unknown-code', 'BAD_REQEST']]);
  });

  it('never from the built-in catalogs alone', () => {
    assert.deepEqual(check("res.json({ error: { code: 'NOT_A_CODE' } })", 'typescript', OPTIONS, setOf(builtin('success-meta'))).summary, []);
  });

  it('each rule can be turned off or given its own severity', () => {
    const off = check("const b = { error: { code: 'VALIDATON_ERROR' } };", 'typescript', { ...OPTIONS, severity: { ...DEFAULT_RULE_SEVERITY, 'unknown-code': 'off' } });
    assert.deepEqual(off.summary, []);
    const error = check("const b = { error: { code: 'VALIDATON_ERROR' } };", 'typescript', { ...OPTIONS, severity: { ...DEFAULT_RULE_SEVERITY, 'unknown-code': 'error' } });
    assert.equal(error.diagnostics[0].severity, 1);
  });
});

describe('status mismatch', () => {
  const text = "res.status(400).json({ success: false, error: { code: 'RATE_LIMITED', message: 'Slow down' }, meta: { requestId: 'r' } });";

  it('flags a code sent with another status, with its docs link', () => {
    const { diagnostics, summary } = check(text);
    assert.deepEqual(summary, [['status-mismatch', 'RATE_LIMITED']]);
    assert.match(String(diagnostics[0].message), /RATE_LIMITED is sent with 429 Too Many Requests, but this response sends 400\./);
    assert.deepEqual(diagnostics[0].codeDescription, { href: 'https://docs.acme.test/errors#RATE_LIMITED' });
  });

  it('fixes either side', () => {
    const { document, diagnostics } = check(text);
    assert.equal(applyFix(document, diagnostics[0], 'Send 429 Too Many Requests, the status of RATE_LIMITED'), text.replace('400', '429'));
  });

  it('fixes the right status after an edit above moved the diagnostic, and nothing once its text changed', () => {
    const { document, diagnostics } = check(`const x = 1;\n${text}`);
    // The editor moves the diagnostic with the text: two characters typed on the line above.
    const edited = TextDocument.create(document.uri, 'typescript', 2, `const x = 123;\n${text}`);
    const moved = { ...diagnostics[0], range: { start: { line: 1, character: diagnostics[0].range.start.character }, end: { line: 1, character: diagnostics[0].range.end.character } } };
    assert.equal(applyFix(edited, moved, 'Send 429 Too Many Requests, the status of RATE_LIMITED'), `const x = 123;\n${text.replace('400', '429')}`);
    // The code under the diagnostic was edited since: no fix may apply to text it no longer describes.
    const retyped = TextDocument.create(document.uri, 'typescript', 3, `const x = 1;\n${text.replace("'RATE_LIMITED'", "'RATE_LIMITS'")}`);
    assert.deepEqual(diagnosticFixes(retyped, [diagnostics[0]], set), []);
    // The status was edited since: the status fix is not offered, the code fixes still are.
    const restatused = TextDocument.create(document.uri, 'typescript', 3, `const x = 1;\n${text.replace('400', '4000')}`);
    assert.ok(!diagnosticFixes(restatused, [diagnostics[0]], set).some((a) => a.title.startsWith('Send ')));
  });

  it('finds the status after the body too, and agrees when it matches', () => {
    assert.deepEqual(check("return {'success': False, 'error': {'code': 'NOT_FOUND', 'message': 'No such thing'}, 'meta': {}}, 404", 'python').summary, []);
    assert.deepEqual(check("return {'success': False, 'error': {'code': 'NOT_FOUND', 'message': 'No such thing'}, 'meta': {}}, 409", 'python').summary, [['status-mismatch', 'NOT_FOUND']]);
    const { document, diagnostics } = check("return c.json({ success: false, error: { code: 'NOT_FOUND' }, meta: {} }, 422);");
    assert.equal(applyFix(document, diagnostics[0], 'Use VALIDATION_ERROR, a 422 code'), "return c.json({ success: false, error: { code: 'VALIDATION_ERROR' }, meta: {} }, 422);");
  });
});

describe('envelope shape', () => {
  it('flags a code in the wrong place and rewrites the body in the catalog\'s shape', () => {
    const text = "app.get('/', (req, res) => {\n  res.status(404).json({ error_code: 'NOT_FOUND' });\n});";
    const { document, diagnostics, summary } = check(text);
    assert.deepEqual(summary, [['envelope-shape', 'NOT_FOUND']]);
    assert.match(String(diagnostics[0].message), /The code is at `error_code`, but Acme API bodies carry it at `error\.code`\./);
    const fixed = applyFix(document, diagnostics[0], 'Rewrite the body in the Acme API envelope');
    assert.equal(fixed, "app.get('/', (req, res) => {\n  res.status(404).json({\n    success: false,\n    error: {\n      code: 'NOT_FOUND',\n      message: 'Resource does not exist'\n    },\n    meta: {\n      requestId: 'req_abc123'\n    }\n  });\n});");
    assert.deepEqual(check(fixed).summary, [], 'the rewritten body passes');
  });

  it('flags a body without a required member', () => {
    const { diagnostics } = check("res.status(404).json({ error: { code: 'NOT_FOUND' } });");
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /lacks `success`, `meta`/);
  });

  it('flags an error object without a required member, on the way from the body to the code', () => {
    const { diagnostics } = check("res.status(404).json({ success: false, error: { code: 'NOT_FOUND', detail: 'gone' }, meta: {} });");
    assert.equal(diagnostics.length, 1);
    assert.match(String(diagnostics[0].message), /Its `error` object lacks `message`/);
    assert.deepEqual(check("res.status(404).json({ success: false, error: { code: 'NOT_FOUND', message: 'gone' }, meta: {} });").summary, [], 'meta is not on the way to the code');
  });

  it('says nothing is lacking where members are spread in, at any level', () => {
    for (const [languageId, text] of [
      ['typescript', "res.status(429).json({ success: false, error: { code: 'RATE_LIMITED', ...details }, meta: {} });"],
      ['typescript', "res.status(429).json({ ...envelope, error: { code: 'RATE_LIMITED', message: 'm' } });"],
      ['python', "return JSONResponse(status_code=429, content={'success': False, 'error': {'code': 'RATE_LIMITED', **extra}, 'meta': {}})"],
      ['php', "return response()->json(['success' => false, 'error' => ['code' => 'RATE_LIMITED', ...$extra], 'meta' => []], 429);"],
      ['ruby', "render json: { success: false, error: { code: 'RATE_LIMITED', **extra }, meta: {} }, status: 429"],
    ] as const) assert.deepEqual(check(text, languageId).summary, [], text);
    // A spread inside a nested value is that value's, not the error object's.
    assert.match(String(check("res.status(429).json({ success: false, error: { code: 'RATE_LIMITED', details: [...list] }, meta: {} });").diagnostics[0]?.message), /lacks `message`/);
  });

  it('reads bodies Java builds as maps: Map.of and a run of put statements sent as they are', () => {
    const mapOf = 'return ResponseEntity.status(404).body(Map.of(\n    "success", false,\n    "error", "x",\n    "code", "NOT_FOUND",\n    "meta", Map.of()));';
    assert.match(String(check(mapOf, 'java').diagnostics[0]?.message), /The code is at `code`, but Acme API bodies carry it at `error\.code`/);
    const puts = [
      'Map<String, Object> body = new LinkedHashMap<>();',
      'body.put("success", false);',
      'body.put("error", error);',
      'body.put("code", "RATE_LIMTED");',
      'response.setStatus(429);',
      'mapper.writeValue(response.getOutputStream(), body);',
    ].join('\n');
    assert.deepEqual(check(puts, 'java').summary, [['unknown-code', 'RATE_LIMTED']], 'a code beside other envelope members of the same map');
    // The envelope-shape fix rewrites one literal; a body built by statements gets none.
    const { document, diagnostics } = check(puts.replace('RATE_LIMTED', 'RATE_LIMITED'), 'java');
    assert.deepEqual(diagnostics.map((d) => d.code), ['envelope-shape']);
    assert.ok(!diagnosticFixes(document, diagnostics, set).some((a) => a.title.startsWith('Rewrite')));
  });

  it('leaves objects that are not response bodies alone', () => {
    assert.deepEqual(check("throw new ApiError({ code: 'NOT_FOUND' });\nconst e = { code: 'NOT_FOUND' };").summary, []);
  });
});

describe('deprecated codes', () => {
  it('are tagged deprecated, with the replacement as the fix', () => {
    const text = "res.status(429).json({ success: false, error: { code: 'OLD_LIMIT', message: 'Slow down' }, meta: {} });";
    const { document, diagnostics, summary } = check(text);
    assert.deepEqual(summary, [['deprecated-code', 'OLD_LIMIT']]);
    assert.deepEqual(diagnostics[0].tags, [2]);
    assert.equal(applyFix(document, diagnostics[0], 'Replace with RATE_LIMITED'), text.replace('OLD_LIMIT', 'RATE_LIMITED'));
  });
});

describe('comment ranges', () => {
  it('know strings, so a URL is not a comment', () => {
    const text = "const u = 'http://x'; // real\nconst s = \"/* not */\"; /* real */";
    assert.deepEqual(commentRanges(text, 'typescript').map(([s, e]) => text.slice(s, e)), ['// real', '/* real */']);
    const py = "x = '# not'  # real\n\"\"\"doc # not\"\"\"";
    assert.deepEqual(commentRanges(py, 'python').map(([s, e]) => py.slice(s, e)), ['# real']);
  });
});

describe('code patterns', () => {
  const index = new ConstantIndex();
  index.update(factsOf('file:///w/apierr/codes.go', 'package apierr\n\nconst (\n\tCodeValidationFailed = "VALIDATION_ERROR"\n\tCodeNotFound = "NOT_FOUND"\n\t// Deprecated: kept for clients of API 1.\n\tCodeOldLimit = "OLD_LIMIT"\n)\n', 'go'));
  const patterns = { ...OPTIONS, functions: [], patterns: [/New\w+Error\(([\w.]+)/], constants: index };
  const handler = (argument: string) => `package api\n\nfunc h() error {\n\treturn apierr.NewNotFoundError(${argument}, "gone")\n}\n`;

  it('read a captured constant through the index, and never take a constant name for a code', () => {
    // Through the index: a constant kept on purpose for a deprecated code is reported where it is used.
    assert.deepEqual(check(handler('apierr.CodeNotFound'), 'go', patterns).summary, []);
    assert.deepEqual(check(handler('apierr.CodeOldLimit'), 'go', patterns).summary, [['deprecated-code', 'CodeOldLimit']]);
    // A name the index does not know is a constant of some other package, not a mistyped code
    // (`Validation_Error` reads like VALIDATION_ERROR once case and separators are ignored).
    assert.deepEqual(check(handler('apierr.Validation_Error'), 'go', patterns).summary, []);
    assert.deepEqual(check(handler('code'), 'go', patterns).summary, []);
    // A pattern that captures the name alone (`apierr\.(\w+)`): the same.
    const names = { ...patterns, patterns: [/New\w+Error\(apierr\.(\w+)/] };
    assert.deepEqual(check(handler('apierr.CodeOldLimit'), 'go', names).summary, [['deprecated-code', 'CodeOldLimit']]);
    assert.deepEqual(check(handler('apierr.Validation_Error'), 'go', names).summary, []);
  });
});

describe('learned code functions', () => {
  it('learn a function handed codes mostly, not a matcher handed codes among everything else', () => {
    const index = new ConstantIndex();
    index.update(factsOf('file:///w/src/errors.ts', "export const NOT_FOUND_CODE = 'NOT_FOUND' as const;\nexport const LIMITED = 'RATE_LIMITED' as const;\n", 'typescript'));
    // A test file hands `toBe` two codes, and many more paths, names and methods.
    const spec = [
      "expect(a).toBe(NOT_FOUND_CODE);", "expect(b).toBe(LIMITED);",
      ...['/users', '/api/users', 'Get Users', 'example1', 'GET', '/teams'].map((v) => `expect(c).toBe('${v}');`),
    ].join('\n');
    index.update(factsOf('file:///w/src/a.spec.ts', spec, 'typescript'));
    index.update(factsOf('file:///w/src/b.ts', "fail(NOT_FOUND_CODE);\nfail(LIMITED);\n", 'typescript'));
    const learned = index.codeFunctions(set).map((f) => f.name);
    assert.ok(learned.includes('fail') && !learned.includes('toBe'), learned.join(', '));
    assert.deepEqual(check("expect(result.path).toBe('/users_list');", 'typescript', { ...OPTIONS, constants: index }).summary, []);
  });

  it('read a literal returned under a type assertion as the body it is', () => {
    const text = "function h() {\n  if (!x) {\n    return <RESTError>{\n      success: false,\n      error: { code: 'NOT_FOUND', message: 'gone' },\n      meta: {},\n    };\n  }\n}";
    assert.deepEqual(check(text).summary, []);
    assert.deepEqual(check(text.replace("error: { code: 'NOT_FOUND', message: 'gone' }", "error_code: 'NOT_FOUND'")).summary, [['envelope-shape', 'NOT_FOUND']]);
  });
});

describe('statuses named by a function', () => {
  it('reads whole words of a reason phrase, two at least, so that a test helper named expectError sends no 417 and paymentError no 402', () => {
    const named = (name: string) => statusNamedBy(name, set);
    assert.deepEqual(
      ['expectError', 'paymentError', 'serviceError', 'NewNotFoundError', 'ConflictException', 'badRequest', 'Unprocessable', 'tooManyRequests', 'TooMany', 'internalError', 'unavailable', 'ServiceUnavailableException'].map((n) => [n, named(n)]),
      [['expectError', undefined], ['paymentError', undefined], ['serviceError', undefined], ['NewNotFoundError', 404], ['ConflictException', 409], ['badRequest', 400], ['Unprocessable', 422], ['tooManyRequests', 429], ['TooMany', 429], ['internalError', 500], ['unavailable', 503], ['ServiceUnavailableException', 503]],
    );
    // And no mismatch is read from it.
    const go = 'package api\n\nfunc TestA(t *testing.T) {\n\tres := get(t, "/a")\n\texpectError(t, res, 429, "RATE_LIMITED")\n}\n';
    assert.deepEqual(check(go, "go").diagnostics.map((d) => d.message), []);
  });
});

describe('bodies sent with a success status', () => {
  it('a member of a body sent with 2xx names what was returned, not a code; the same member in an error response is checked', () => {
    const text = "app.post('/carts/:id/complete', async (req, res) => {\n  res.status(200).json({ error: { code: 'ORDER_PLACED' }, order });\n});\napp.get('/carts/:id', (req, res) => res.status(404).json({ error: { code: 'NOT_FUOND' } }));\n";
    assert.deepEqual(check(text).diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`), ['4 unknown-code']);
  });

  const flat = setOf(catalogFromYaml('id: shop\ntitle: Shop API\nenvelope:\n  body:\n    code: ${code}\n    message: ${message}\ncodes:\n  ORDER_NOT_FOUND:\n    status: 404\n    title: Order not found\n'));
  const lines = (text: string, languageId: string) => check(text, languageId, OPTIONS, flat).diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`);

  it('a body handed to a responder named for a success (Ok, Created, Accepted, ResponseEntity.ok) is no error body', () => {
    const controller = [
      'public class OrdersController : ControllerBase',
      '{',
      '    public IActionResult Get(int id)',
      '    {',
      '        if (order == null) return NotFound(new { code = "ORDER_NOT_FUOND", message = "No such order" });',
      '        return Ok(new { code = "ORDER_QUEUED", message = "Queued", data = order });',
      '    }',
      '    public IActionResult Create(Order o) => Created($"/orders/{o.Id}", new { code = "ORDER_CREATED", message = "Created" });',
      '    public IActionResult Accept(Order o) => Accepted(new { code = "ORDER_ACCEPTED", message = "Accepted" });',
      '    public IActionResult Ship(Order o) => new OkObjectResult(new { code = "ORDER_SHIPPED", message = "Shipped" });',
      '}',
    ].join('\n');
    assert.deepEqual(lines(controller, 'csharp'), ['5 unknown-code']);
    const spring = [
      'class OrderController {',
      '    ResponseEntity<?> get(String id) {',
      '        if (id == null) return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", "ORDER_NOT_FUOND", "message", "No order"));',
      '        return ResponseEntity.ok(Map.of("code", "ORDER_FETCHED", "message", "Fetched"));',
      '    }',
      '    ResponseEntity<?> accept() {',
      '        return ResponseEntity.accepted().body(Map.of("code", "ORDER_ACCEPTED", "message", "Accepted"));',
      '    }',
      '    ResponseEntity<?> fail() {',
      '        return ResponseEntity.badRequest().body(Map.of("code", "ORDER_INVALID", "message", "Invalid"));',
      '    }',
      '}',
    ].join('\n');
    assert.deepEqual(lines(spring, 'java'), ['3 unknown-code', '10 unknown-code']);
  });

  it('reads the status Flask returns beside jsonify(…): a success is no error body, an error status is checked', () => {
    const views = [
      'def saved():',
      '    return jsonify({"code": "ORDER_SAVED", "message": "Saved"}), 200',
      '',
      'def missing():',
      '    return jsonify({"code": "ORDER_NOT_FOUND", "message": "No order"}), 409',
      '',
      'def right():',
      '    return jsonify({"code": "ORDER_NOT_FOUND", "message": "No order"}), 404',
    ].join('\n');
    assert.deepEqual(lines(views, 'python'), ['5 status-mismatch']);
  });
});
