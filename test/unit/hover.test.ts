/**
 * Hover, with the cursor marked `|` in fixture text: error codes wherever they appear, in
 * every language the product supports, and HTTP statuses only where they are statuses.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { doHover } from '../../server/src/service/features/hover';
import { acme } from '../helpers/acme';
import { builtin, catalogFromYaml, setOf, withCursor } from '../helpers/catalogs';

const set = setOf(acme());

function hoverText(fixture: string, languageId = 'typescript', marker = '|'): string | undefined {
  const { document, position } = withCursor(fixture, languageId, marker);
  const hover = doHover(document, position, set, { statuses: true });
  if (!hover) return undefined;
  return (hover.contents as { value: string }).value;
}

function hoverRange(fixture: string, languageId = 'typescript') {
  const { document, position } = withCursor(fixture, languageId);
  const hover = doHover(document, position, set, { statuses: true });
  return hover?.range && document.getText(hover.range);
}

describe('hover on error codes', () => {
  const cases: [language: string, fixture: string, code: string][] = [
    ['typescript', "throw new ApiError('RATE_|LIMITED')", 'RATE_LIMITED'],
    ['typescript', 'if (err.code === ErrorCode.RATE_LI|MITED) retry()', 'RATE_LIMITED'],
    ['typescriptreact', 'return <Alert code="NOT_F|OUND" />', 'NOT_FOUND'],
    ['javascript', 'res.status(429).json({ error: { code: "RATE_LIM|ITED" } })', 'RATE_LIMITED'],
    ['javascriptreact', '{/* shows AUTH-4|01 */}', 'AUTH-401'],
    ['javascript', '// retry on RATE_LIMITE|D only', 'RATE_LIMITED'],
    ['python', "raise HTTPException(status_code=404, detail={'code': 'NOT_|FOUND'})", 'NOT_FOUND'],
    ['python', '# AUTH_0|01 means the key is bad', 'AUTH_001'],
    ['go', 'return apiError(w, codes.RateLim|ited)', 'RATE_LIMITED'],
    ['go', 'case "AUTH-4|01":', 'AUTH-401'],
    ['java', 'throw new ApiException(ErrorCode.NOT_FO|UND);', 'NOT_FOUND'],
    ['kotlin', 'val code = "VALIDATION_E|RROR"', 'VALIDATION_ERROR'],
    ['csharp', 'return Problem(detail: "x", type: "RATE_LIM|ITED");', 'RATE_LIMITED'],
    ['ruby', "render json: { error: { code: 'NOT_FO|UND' } }, status: :not_found", 'NOT_FOUND'],
    ['php', "return response()->json(['error' => ['code' => 'AUTH_0|01']], 401);", 'AUTH_001'],
    ['rust', 'ErrorCode::RateLim|ited => StatusCode::TOO_MANY_REQUESTS,', 'RATE_LIMITED'],
    ['json', '{ "error": { "code": "VALIDATION_ER|ROR" } }', 'VALIDATION_ERROR'],
    ['jsonc', '// comment\n{ "code": "AUTH-40|1" }', 'AUTH-401'],
    ['yaml', 'error:\n  code: RATE_LIMI|TED\n', 'RATE_LIMITED'],
    ['markdown', 'When you get `NOT_FO|UND`, check the ID.', 'NOT_FOUND'],
    ['markdown', 'Retry **RATE_LIMITED|**.', 'RATE_LIMITED'],
    ['plaintext', 'Error AUTH-40|1: bad token.', 'AUTH-401'],
  ];
  for (const [language, fixture, code] of cases) {
    it(`${language}: ${fixture.replace('|', '‸')}`, () => {
      const text = hoverText(fixture, language);
      assert.ok(text, 'a hover is shown');
      assert.ok(text.startsWith(`**\`${code}\`**`), `hover is about ${code}: ${text.split('\n')[0]}`);
    });
  }

  it('the hover range is the code itself', () => {
    assert.equal(hoverRange("throw new ApiError('RATE_|LIMITED')"), 'RATE_LIMITED');
    assert.equal(hoverRange('ErrorCode.RATE_LI|MITED'), 'RATE_LIMITED');
    assert.equal(hoverRange('x = "AUTH-4|01"'), 'AUTH-401');
  });

  it('shows status and reason, title, description, causes, resolution, retry, example body, catalog and docs link', () => {
    const text = hoverText("code: 'RATE_LI|MITED'")!;
    const expected = [
      '**`RATE_LIMITED`** · 429 Too Many Requests',
      '*Too many requests*',
      'The key sent more requests than its plan allows.',
      '**Causes**', '- A burst of requests',
      '**Resolution**', '- Back off exponentially',
      '**Retryable** after the delay in `Retry-After`, at most 5 attempts.',
      '```json',
      '"success": false',
      '"retryAfter": 42',
      '*Acme API* (`api.errors.yaml`) · [Docs](https://docs.acme.test/errors#RATE_LIMITED)',
    ];
    for (const part of expected) assert.ok(text.includes(part), `hover contains ${part}\n---\n${text}`);
    assert.ok(!text.includes('"field"'), 'optional members the code does not carry are left out of the example');
  });

  it('deprecated codes say what replaces them', () => {
    const text = hoverText("'OLD_LI|MIT'")!;
    assert.match(text, /\*\*Deprecated\.\*\* Renamed in v2\. Use `RATE_LIMITED` instead\./);
  });

  it('nothing for words that are not codes, or near misses', () => {
    assert.equal(hoverText("const rate = 'RATE_LIM|IT'"), undefined);
    assert.equal(hoverText('function fo|o() {}'), undefined);
    assert.equal(hoverText('NotFou|nd()'), undefined, 'normalized matching only behind a code qualifier');
  });

  it('codes are matched exactly: case and separators matter outside code qualifiers', () => {
    assert.equal(hoverText("'rate_li|mited'"), undefined);
    assert.ok(hoverText('Errors.rateLim|ited'));
  });
});

describe('hover on HTTP statuses', () => {
  const statusCases: [language: string, fixture: string, heading: string][] = [
    ['typescript', 'res.status(4|29).json(body)', '**429 Too Many Requests**'],
    ['typescript', 'reply.code(4|04).send()', '**404 Not Found**'],
    ['typescript', 'return new Response(body, { status: 5|03 })', '**503 Service Unavailable**'],
    ['typescript', 'if (response.status === 4|29) {', '**429 Too Many Requests**'],
    ['python', 'return JSONResponse(content, status_code=4|22)', '**422 Unprocessable Content**'],
    ['python', 'abort(4|03)', '**403 Forbidden**'],
    ['go', 'w.WriteHeader(http.StatusTooMany|Requests)', '**429 Too Many Requests**'],
    ['go', 'c.JSON(4|00, gin.H{})', '**400 Bad Request**'],
    ['java', 'return ResponseEntity.status(HttpStatus.NOT_FO|UND).body(b);', '**404 Not Found**'],
    ['csharp', 'return Results.StatusCode(StatusCodes.Status429TooMany|Requests);', '**429 Too Many Requests**'],
    ['csharp', 'HttpStatusCode.Unauth|orized', '**401 Unauthorized**'],
    ['python', 'status.HTTP_429_TOO_MANY|_REQUESTS', '**429 Too Many Requests**'],
    ['python', 'HTTPStatus.SERVICE_UNAV|AILABLE', '**503 Service Unavailable**'],
    ['rust', 'StatusCode::TOO_MANY_RE|QUESTS', '**429 Too Many Requests**'],
    ['ruby', 'head :too_many_req|uests', '**429 Too Many Requests**'],
    ['ruby', 'render json: body, status: :unprocessable_en|tity', '**422 Unprocessable Content**'],
    ['php', 'Response::HTTP_TOO_MANY_REQ|UESTS', '**429 Too Many Requests**'],
    ['json', '{ "status": 4|29, "code": "RATE_LIMITED" }', '**429 Too Many Requests**'],
    ['yaml', 'responses:\n  status: 4|04\n', '**404 Not Found**'],
    ['markdown', 'The API answers 4|29 Too Many Requests when throttled.', '**429 Too Many Requests**'],
    ['plaintext', 'HTTP/1.1 5|02 Bad Gateway', '**502 Bad Gateway**'],
  ];
  for (const [language, fixture, heading] of statusCases) {
    it(`${language}: ${fixture.replace('|', '‸')}`, () => {
      const text = hoverText(fixture, language);
      assert.ok(text, 'a hover is shown');
      assert.equal(text.split('\n')[0], heading);
    });
  }

  it('not on numbers that are not statuses', () => {
    for (const fixture of ['const limit = 4|29;', 'setTimeout(fn, 5|00)', 'const port = 4|04 + offset', 'items.slice(0, 2|00)', 'version 4.2|9.1', 'x = 1|2345']) {
      assert.equal(hoverText(fixture), undefined, fixture);
    }
  });

  it("uses the catalog's own status text, then the standard's, with the codes of that status", () => {
    const text = hoverText('res.status(4|29)')!;
    assert.ok(text.includes('*Rate limit error*'));
    assert.ok(text.includes('Acme throttles each key to 100 requests a minute.'));
    assert.ok(text.includes('HTTP: '), 'the standard description follows');
    assert.ok(text.includes('- Slow down'));
    assert.ok(text.includes('Codes: `RATE_LIMITED`, `OLD_LIMIT`'));
    assert.ok(text.includes('[RFC 6585, Section 4](https://www.rfc-editor.org/rfc/rfc6585.html#section-4)'));
  });

  it('statuses the catalog leaves out come from the HTTP standard alone', () => {
    const text = hoverText('res.sendStatus(4|18)')!;
    assert.ok(text);
    const standardOnly = setOf(builtin('connectify'));
    const { document, position } = withCursor('res.status(5|04)');
    const hover = doHover(document, position, standardOnly, { statuses: true })!;
    assert.match((hover.contents as { value: string }).value, /^\*\*504 Gateway Timeout\*\*/);
  });

  it('status hovers can be turned off', () => {
    const { document, position } = withCursor('res.status(4|29)');
    assert.equal(doHover(document, position, set, { statuses: false }), null);
  });
});

describe('hover markdown from workspace catalogs is untrusted', () => {
  it('no raw HTML, no command links, no injected links', () => {
    const hostile = setOf(
      catalogFromYaml(`id: evil
title: "<img src=x onerror=alert(1)> [click](command:workbench.action.terminal.new)"
envelope:
  body: { code: "\${code}" }
codes:
  EVIL:
    status: 400
    title: "**bold** <script>alert(1)</script>"
    description: "[Run me](command:workbench.action.reloadWindow) and <b>html</b> \`<i>code</i>\`"
    causes: ["# heading", "![img](https://evil.test/x.png)"]
    resolution: ["<details>open</details>"]
    docs: https://docs.test/x
`),
    );
    const { document, position } = withCursor("'EV|IL'");
    const text = (doHover(document, position, hostile, { statuses: true })!.contents as { value: string }).value;
    assert.ok(!/<(img|script|b|details)\b/i.test(text.replace(/`[^`]*`/g, '')), `no raw HTML outside code spans:\n${text}`);
    assert.ok(!/(?<!\\)\](\(command:|\(\s*command:)/i.test(text), 'no command links: brackets before command: are escaped');
    assert.ok(!text.includes('![img]('), 'no images');
    assert.ok(text.includes('`<i>code</i>`'), 'code spans are kept as inert text');
    assert.ok(text.includes('[Docs](https://docs.test/x)'), 'the docs link we build is kept');
    assert.ok(text.includes('- \\# heading'), 'block syntax is escaped');
  });

  it('lists the operations that return a code as written, in code spans, cut when long', () => {
    const long = `GET /${'segment/'.repeat(30)}end`;
    const set = setOf(catalogFromYaml(`id: ops
title: Ops API
envelope:
  body: { code: "\${code}" }
codes:
  USER_NOT_FOUND:
    status: 404
    operations: ["GET /users/{user_id}", "DELETE /users/<id>/*", "${long}"]
`));
    const { document, position } = withCursor("'USER_NOT|_FOUND'");
    const text = (doHover(document, position, set, { statuses: true })!.contents as { value: string }).value;
    assert.ok(text.includes('Returned by `GET /users/{user_id}`, `DELETE /users/<id>/*`, `GET /segment/'), text);
    assert.ok(text.includes(`\`${long.slice(0, 120)}…\`.`), text);
  });
});
