/**
 * HTTP statuses where real code writes them, with the cursor marked `|`: hover finds the status on
 * the number or the constant in each form codebases use, never on numbers that are not statuses,
 * and completion ranks the codes of a status mentioned nearby first. The last suite reads every
 * source file of the sample workspaces and holds the product to a hand-checked list.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList } from 'vscode-languageserver-types';
import type { CatalogSet } from '../../server/src/service/catalog/catalogSet';
import { doComplete } from '../../server/src/service/features/completion';
import { doHover } from '../../server/src/service/features/hover';
import { languageOfPath } from '../../server/src/service/text/languages';
import { statusNumberAt } from '../../server/src/service/text/textScan';
import { acme } from '../helpers/acme';
import { catalogFromYaml, REPO_ROOT, setOf, withCursor } from '../helpers/catalogs';
import { WORKSPACE_STATUSES } from './fixtures/workspaceStatuses';

const set = setOf(acme());

/** The status a hover at the cursor explains, with the text it covers; undefined when there is no status hover. */
function statusHover(fixture: string, languageId: string, catalogs: CatalogSet = set): { status: number; covers: string } | undefined {
  const { document, position } = withCursor(fixture, languageId);
  const hover = doHover(document, position, catalogs, { statuses: true });
  const heading = hover ? /^\*\*(\d{3})\b/.exec((hover.contents as { value: string }).value) : null;
  if (!hover || !heading) return undefined;
  return { status: Number(heading[1]), covers: document.getText(hover.range) };
}

function expectStatus(cases: readonly [language: string, fixture: string, status: number][]): void {
  for (const [language, fixture, status] of cases) {
    it(`${language}: ${fixture.replace('|', '‸').replace(/\n\s*/g, ' ⏎ ')}`, () => {
      const hover = statusHover(fixture, language);
      assert.ok(hover, 'a status hover is shown');
      assert.equal(hover.status, status);
      assert.match(hover.covers, /^\w+$/, 'the hover covers the number or the constant alone');
    });
  }
}

describe('statuses in PHP responses and registries', () => {
  expectStatus([
    ['php', '$response->setStatusCode(4|04);', 404],
    ['php', 'abort(4|04);', 404],
    ['php', "return response()->json(['message' => 'Down'], 5|03);", 503],
    ['php', "return new JsonResponse([\n    'message' => 'The helpdesk is in maintenance.',\n    'type' => 'general_service_unavailable',\n], 5|03, ['Retry-After' => 300]);", 503],
    ['php', "return [\n    ApiException::TICKET_LOCKED => [\n        'name' => ApiException::TICKET_LOCKED,\n        'description' => 'The ticket is locked.',\n        'code' => 4|23,\n    ],\n];", 423],
    ['php', "$response->assertJson(['code' => 4|09, 'type' => 'contact_already_exists']);", 409],
    ['php', 'return response()->json($body, Response::HTTP_NOT_FO|UND);', 404],
    ['php', 'return $this->json($body, Response::STATUS_CODE_O|K);', 200],
  ]);
});

describe('statuses as case labels of a switch or match over a status', () => {
  expectStatus([
    ['csharp', 'switch ((int)response.StatusCode)\n{\n    case 200:\n        return Coverage.Covered;\n    case 4|04:\n    case 422:', 404],
    ['go', 'switch resp.StatusCode {\ncase http.StatusOK:\n\treturn nil\ncase 404, 4|09:\n\treturn errGone', 409],
    ['java', 'switch (response.statusCode()) {\n    case 200, 201 -> {\n        return read(response);\n    }\n    case 429, 5|03 -> {', 503],
    ['python', 'match exc.status_code:\n    case 404:\n        code = ErrorCode.ROUTE_NOT_FOUND\n    case 4|05:', 405],
    ['ruby', 'case response.status\nwhen 4|04 then nil\nwhen 409 then raise Conflict', 404],
    ['php', 'switch ($code) { // every status the API documents\n    case 400:\n    case 4|01:\n        break;', 401],
    ['php', 'return match ($status) {\n    404, 4|10 => null,\n    default => $body,\n};', 410],
    ['kotlin', 'when (response.code) {\n    4|04 -> null\n    else -> response.body', 404],
  ]);
});

describe('statuses in test assertions', () => {
  expectStatus([
    ['php', "$this->assertEquals(2|00, $response['headers']['status-code']);", 200],
    ['php', '$this->assertSame(4|23, $response->getStatusCode());', 423],
    ['php', '$response->assertStatus(4|04);', 404],
    ['php', '$response->assertNot|Found();', 404],
    ['typescript', 'expect(response.statusCode).toBe(2|00)', 200],
    ['typescript', 'expect(res.status).toBe(4|04)', 404],
    ['typescript', 'assert.equal(res.statusCode, 4|04)', 404],
    ['typescript', "assert.equal(body.statusCode, '4|00')", 400],
    ['typescript', "await request(app).get('/orders/missing').expect(4|04)", 404],
    ['go', 'require.Equal(t, 2|00, res.StatusCode)', 200],
    ['go', 'assert.Equal(t, http.StatusNot|Found, w.Code)', 404],
    ['go', '{name: "unknown product", wantStatus: 4|04, wantCode: "product_not_found"},', 404],
    ['go', 'tests := []struct{ ExpectedStatus int }{{ExpectedStatus: 4|04}}', 404],
    ['go', 'if rec.Code != 2|00 {', 200],
    ['python', 'assert response.status_code == 4|04', 404],
    ['python', 'self.assertEqual(response.status_code, 4|09)', 409],
    ['csharp', 'Assert.Equal(4|09, (int)response.StatusCode);', 409],
    ['csharp', 'Assert.Equal((HttpStatusCode)4|22, response.StatusCode);', 422],
    ['csharp', 'Assert.Equal(HttpStatusCode.Con|flict, response.StatusCode);', 409],
    ['java', '.andExpect(status().isNot|Found())', 404],
    ['java', '.andExpect(status().is(4|22))', 422],
    ['java', 'assertThat(response.getStatus()).isEqualTo(4|29);', 429],
    ['java', '.andExpect(jsonPath("$.status").value(4|04))', 404],
    ['ruby', 'expect(response).to have_http_status(:con|flict)', 409],
    ['ruby', 'expect(response).to have_http_status(4|22)', 422],
    ['ruby', 'expect(response.status).to eq(4|00)', 400],
    ['typescript', "it('answers 4|04 for an unknown room', async () => {", 404],
    ['javascript', "it('should 4|13 when over limit with Content-Length', function (done) {", 413],
    ['javascript', "it('should respond with 4|04', function (done) {", 404],
  ]);
});

describe('statuses written as strings, in OpenAPI response keys and in lists', () => {
  expectStatus([
    ['typescript', "return reply.code(400).send({ statusCode: '4|00', code: 'InvalidRequest' })", 400],
    ['ruby', 'errors: [{ status: "4|04", code: "book_not_found", title: "Book not found" }]', 404],
    ['json', '{ "errors": [{ "status": "4|22", "code": "invalid" }] }', 422],
    ['yaml', "paths:\n  /orders/{id}:\n    get:\n      responses:\n        '200':\n          description: The order\n        '4|04':\n          description: No such order", 404],
    ['yaml', 'responses:\n  "4|09":\n    description: Taken', 409],
    ['yaml', 'responses:\n  200:\n    description: OK\n  4|22:\n    description: Invalid', 422],
    ['json', '{\n  "responses": {\n    "4|04": {\n      "description": "No such order"\n    }\n  }\n}', 404],
    ['yaml', 'statuses:\n  4|29:\n    reason: Too Many Requests', 429],
    ['python', 'if response.status_code in (429, 5|03):', 503],
    ['typescript', 'if ([429, 5|03].includes(res.status)) retry()', 503],
    ['python', 'RETRYABLE_STATUSES = frozenset({429, 5|03})', 503],
    ['ruby', '[4|29, { "Content-Type" => "application/vnd.api+json" }, [body.to_json]]', 429],
  ]);
});

describe('framework constants and helpers named after a status', () => {
  expectStatus([
    ['csharp', 'return response.StatusCode == HttpStatusCode.NotFo|und;', 404],
    ['csharp', '[ProducesResponseType(StatusCodes.Status404Not|Found)]', 404],
    ['csharp', '[ProducesResponseType(4|09)]', 409],
    ['java', 'return ResponseEntity.status(HttpStatus.NOT_FO|UND).build();', 404],
    ['python', 'status_code=status.HTTP_404_NOT|_FOUND', 404],
    ['python', 'return JSONResponse(body, status_code=HTTPStatus.NOT_FO|UND)', 404],
    ['typescript', 'res.status(StatusCodes.NOT_FO|UND).json(body)', 404],
    ['go', 'w.WriteHeader(http.StatusNot|Found)', 404],
    ['typescript', "next(new ApiError(4|15, ErrorCode.UnsupportedMediaType, 'Send JSON.'))", 415],
    ['typescript', 'throw createError(4|04)', 404],
    ['python', 'raise ApiError(4|04, "invoice_not_found")', 404],
    ['typescript', "ctx.provider.next = new ProviderError('upstream failure', 5|02)", 502],
    ['java', 'body.put("status", 4|29);', 429],
    ['go', 'c.String(2|00, "<h1>Hello world</h1>")', 200],
    ['javascript', 'res.status(err.status ?? 5|00)', 500],
    ['python', 'return JSONResponse(body, status_code=exc.status or 5|00)', 500],
    ['php', "$data['status'] ?? 5|03,", 503],
    ['php', '$status = $exception ? 500 : 2|00;', 200],
  ]);
});

describe('never on numbers that are not statuses', () => {
  const notStatuses: [language: string, fixture: string][] = [
    ['typescript', 'await sleep(4|04)'],
    ['typescript', 'const item = items[4|04]'],
    ['typescript', 'const server = listen({ port: 8|404 })'],
    ['typescript', 'const page = { limit: 4|29 }'],
    ['typescript', 'const product = { price: 2|00, currency: "EUR" }'],
    ['plaintext', 'See line 4|04 of the log.'],
    ['typescript', 'const last = rows[rows.length - 1][2|00]'],
    ['typescript', "const version = '4.4|04.1'"],
    ['typescript', "await fetch('/orders/4|04')"],
    ['typescript', "const opensAt = '12:|300'"],
    ['typescript', 'setTimeout(retry, 5|00)'],
    ['typescript', 'switch (width) {\n  case 320:\n    return small\n  case 4|00:\n    return medium'],
    ['python', 'match retries:\n    case 5|00:\n        give_up()'],
    ['ruby', 'case page_size\nwhen 1|00 then :small'],
    ['css', 'a { color: #4|04; }'],
    ['php', "['code' => 'EUR', 'name' => 'Euro', 'rate' => 1|00]"],
    ['typescript', "const country = { code: 2|08, name: 'Denmark' }"],
    ['php', "$errors = ['code' => 4|04];"],
    ['yaml', 'limits:\n  4|00: 10\n  500: 20'],
    ['typescript', 'throw new RangeError(4|04)'],
    ['plaintext', 'The endpoint returns 2|00 items per page.'],
    ['plaintext', 'Wait for a 2|00 ms delay.'],
    ['python', 'name: str = Field(min_length=1, max_length=2|00)'],
    ['typescript', "const open = await db.listInvoices({ status: 'open', limit: 1|00 })"],
    ['typescript', 'expect(items.length).toBe(2|00)'],
    ['csharp', 'Assert.Equal(2|00, items.Count);'],
    ['typescript', 'assert.equal(res.body.total, 4|04)'],
    ['typescript', 'if (count >= 5|00) flush()'],
    ['typescript', 'if ([100, 2|00].includes(size)) pad()'],
    ['go', 'client.CreateLabel(ctx, "ord_1", Address{Country: "DE"}, 5|00)'],
    ['java', '@NotBlank @Size(max = 2|00) String street,'],
    ['php', "$headers['Retry-After'] = 3|00;"],
    ['javascript', 'res.json(3|00)'],
    ['typescript', 'getMaxLength() { return 2|00; }'],
    ['plaintext', 'It should 2|00 times faster.'],
  ];
  for (const [language, fixture] of notStatuses) {
    it(`${language}: ${fixture.replace('|', '‸').replace(/\n\s*/g, ' ⏎ ')}`, () => {
      assert.equal(statusHover(fixture, language), undefined);
    });
  }

  it('Go functions named like statuses are not constants', () => {
    assert.equal(statusHover('http.Redir|ect(w, r, url, code)', 'go'), undefined);
    assert.equal(statusHover('http.NotFo|und(w, r)', 'go'), undefined);
  });

  it('a case label over a status switch nested in another switch is read against its own switch', () => {
    const fixture = 'switch (kind) {\n  case 1:\n    switch (res.status) {\n      case 404:\n        return null\n    }\n    break\n  case 4|00:\n    return other';
    assert.equal(statusHover(fixture, 'typescript'), undefined);
  });

  it('a status written as a string covers the digits, not the quotes', () => {
    assert.deepEqual(statusHover("statusCode: '4|04'", 'typescript'), { status: 404, covers: '404' });
  });

  it('reads a line of ten thousand statuses and look-alikes in bounded time', () => {
    const line = Array.from({ length: 2000 }, (_, i) => ['assertEquals(404, status)', 'items[404]', 'case 404, 409:', '], 404,', "'code' => 404,"][i % 5]).join(' ');
    const text = `switch (res.status) {\n${line}\n}`;
    const started = performance.now();
    for (const match of text.matchAll(/(?<![\w.])[1-5]\d\d(?![\w.])/g)) statusNumberAt(text, match.index + 1, (s) => set.reasonOf(s));
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  });
});

describe('completion ranks the codes of a status written nearby first', () => {
  const catalogs = setOf(
    catalogFromYaml(`id: shop
title: Shop API
envelope:
  body: { code: "\${code}", message: "\${message}" }
codes:
  INVALID_REQUEST: { status: 400 }
  ORDER_NOT_FOUND: { status: 404 }
  PRODUCT_NOT_FOUND: { status: 404 }
  SLOT_TAKEN: { status: 409 }
  VALIDATION_FAILED: { status: 422 }
  RATE_LIMITED: { status: 429 }
`),
  );

  /** The codes completion puts first (those of a nearby status), sorted. */
  function preferred(fixture: string, languageId = 'typescript'): string[] {
    const { document, position } = withCursor(fixture, languageId);
    const list = doComplete(document, position, catalogs, { maxItems: 100, itemDefaults: true }) as CompletionList;
    assert.ok(list && list.items.length > 0, 'codes are offered');
    return list.items.filter((i) => i.sortText!.startsWith('a')).map((i) => i.label).sort();
  }

  it('inside a helper named after a status: NewNotFoundError(', () => {
    assert.deepEqual(preferred('return apierr.NewNotFoundError(apierr.|', 'go'), ['ORDER_NOT_FOUND', 'PRODUCT_NOT_FOUND']);
  });

  it('inside an exception named after a status: throw new ConflictException(', () => {
    assert.deepEqual(preferred('throw new ConflictException(ErrorCode.|)', 'java'), ['SLOT_TAKEN']);
  });

  it('in the block after an assertion on the status, not the next test below it', () => {
    const fixture = [
      "it('rejects an empty cart', async () => {",
      "  const res = await post('/orders', {})",
      '  expect(res.statusCode).toBe(400)',
      "  expect(res.body).toEqual({ code: '|' })",
      '})',
      "it('refuses a taken slot', async () => {",
      '  expect(res.statusCode).toBe(409)',
    ].join('\n');
    assert.deepEqual(preferred(fixture), ['INVALID_REQUEST']);
  });

  it("beside a status written as a string: statusCode: '400'", () => {
    assert.deepEqual(preferred("return reply.send({\n  statusCode: '422',\n  code: '|',\n})"), ['VALIDATION_FAILED']);
  });

  it('under a case label of a switch over the status', () => {
    assert.deepEqual(preferred("switch (res.status) {\n  case 429:\n    return { code: '|' }\n}"), ['RATE_LIMITED']);
  });

  it('beside a Rails status symbol and a Laravel assertion', () => {
    assert.deepEqual(preferred("render json: { code: '|' }, status: :conflict", 'ruby'), ['SLOT_TAKEN']);
    assert.deepEqual(preferred("$response->assertNotFound();\n$response->assertJson(['code' => '|']);", 'php'), ['ORDER_NOT_FOUND', 'PRODUCT_NOT_FOUND']);
  });

  it("the cursor's own line wins over a status on the lines above", () => {
    assert.deepEqual(preferred("res.status(404)\nthrow new ConflictException({ code: '|' })"), ['SLOT_TAKEN']);
  });

  it('a number that is not a status ranks nothing first', () => {
    assert.deepEqual(preferred("const page = { limit: 404 }\nconst body = { code: '|' }"), []);
  });
});

describe('every number from 100 to 599 in the sample workspaces', () => {
  const workspacesRoot = join(REPO_ROOT, 'test', 'workspaces');
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      // The manifest describes the workspace; it is not part of it.
      return name !== 'workspace.json' && languageOfPath(path) ? [path] : [];
    });
  /** Whether an entry `<number> <text>` names the number at `column` of `line`: the text is there, its first such number at the column. */
  const names = (entry: string, number: string, line: string, column: number) => {
    const space = entry.indexOf(' ');
    const text = entry.slice(space + 1);
    const at = text.search(new RegExp(`(?<![\\w.])${entry.slice(0, space)}(?![\\w.])`));
    return entry.slice(0, space) === number && at >= 0 && line.startsWith(text, column - at);
  };

  for (const [workspace, truth] of Object.entries(WORKSPACE_STATUSES)) {
    it(`${workspace}: no false status, and every status found but the known misses`, (t) => {
      const catalogs = setOf(catalogFromYaml(readFileSync(join(workspacesRoot, workspace, 'api.errors.yaml'), 'utf8'), `file://${join(workspacesRoot, workspace, 'api.errors.yaml')}`));
      const falseStatuses: string[] = [];
      const newlyMissed: string[] = [];
      const nowFound: string[] = [];
      const used = new Set<string>();
      let statuses = 0;
      let found = 0;
      for (const path of sourceFiles(join(workspacesRoot, workspace))) {
        const file = relative(join(workspacesRoot, workspace), path);
        const document = TextDocument.create(`file://${path}`, languageOfPath(path)!, 1, readFileSync(path, 'utf8'));
        const lines = document.getText().split('\n');
        const labelOf = (kind: 'notStatuses' | 'missed', number: string, line: string, column: number) =>
          truth[kind][file]?.find((entry) => names(entry, number, line, column));
        for (const match of document.getText().matchAll(/(?<![\w.])[1-5]\d\d(?![\w.])/g)) {
          const position = document.positionAt(match.index + 1);
          const line = lines[position.line];
          const where = `${file}:${position.line + 1}: ${line.trim()}`;
          const hover = doHover(document, position, catalogs, { statuses: true });
          const seenAsStatus = hover !== null && document.getText(hover.range) === match[0] && (hover.contents as { value: string }).value.startsWith(`**${match[0]}`);
          const notStatus = labelOf('notStatuses', match[0], line, position.character - 1);
          const missed = labelOf('missed', match[0], line, position.character - 1);
          for (const entry of [notStatus, missed]) if (entry) used.add(`${file}\u0000${entry}`);
          if (notStatus) {
            if (seenAsStatus) falseStatuses.push(where);
            continue;
          }
          statuses++;
          if (seenAsStatus) found++;
          if (seenAsStatus && missed) nowFound.push(where);
          if (!seenAsStatus && !missed) newlyMissed.push(where);
        }
      }
      const stale = (['notStatuses', 'missed'] as const).flatMap((kind) =>
        Object.entries(truth[kind]).flatMap(([file, entries]) => entries.filter((entry) => !used.has(`${file}\u0000${entry}`)).map((entry) => `${file}: ${entry}`)),
      );
      t.diagnostic(`${workspace}: ${found}/${statuses} statuses found, ${falseStatuses.length} false`);
      assert.deepEqual(falseStatuses, [], 'numbers that are not statuses are never statuses');
      assert.deepEqual(newlyMissed, [], 'statuses the product recognised before are recognised still');
      assert.deepEqual(nowFound, [], 'statuses listed as missed that are found now come off the list');
      assert.deepEqual(stale, [], 'every hand-checked entry still names a number in the workspace');
    });
  }
});
