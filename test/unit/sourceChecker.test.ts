/**
 * Checking after an edit: only the statements the edit touched are checked again, and the result
 * is always exactly what checking the whole new text gives, whatever the edit (random edits that
 * open comments and strings, join and split statements, and retype codes and statuses).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_RULE_SEVERITY, doValidation, SourceChecker, type DiagnosticsOptions } from '../../server/src/service/features/diagnostics';
import { acme } from '../helpers/acme';
import { setOf } from '../helpers/catalogs';

const set = setOf(acme());
const OPTIONS: DiagnosticsOptions = { severity: DEFAULT_RULE_SEVERITY, functions: ['ApiError'], patterns: [/raiseError\(:(\w+)\)/] };

const SOURCES: Record<string, string> = {
  typescript: [
    "import express from 'express';",
    "app.get('/a', (req, res) => res.status(429).json({ success: false, error: { code: 'RATE_LIMITED' }, meta: {} }));",
    "app.get('/b', (req, res) => {",
    '  res.status(400).json({',
    '    success: false,',
    "    error: { code: 'NOT_FOUND' },",
    '    meta: {},',
    '  });',
    '});',
    '',
    "// code: 'VALIDATON_ERROR' in a comment",
    "const body = { error: { code: 'VALIDATON_ERROR' } };",
    "/* { code: 'NOPE' } */ res.status(404).json({ error_code: 'NOT_FOUND' });",
    "const tpl = `multi",
    "line { code: 'OLD_LIMIT' }`;",
    "throw new ApiError('RATE_LIMTED');",
    "res.status(429).json({ success: false, error: { code: 'OLD_LIMIT' }, meta: {} });",
    "return c.json({ success: false, error: { code: 'NOT_FOUND' }, meta: {} }, 422);",
    "it('limits', async () => {",
    '  const response = await get()',
    '  assert.equal(response.statusCode, 400)',
    '  const body = response.json()',
    "  assert.equal(body.error.code, 'RATE_LIMITED')",
    '})',
  ].join('\n'),
  python: [
    'from fastapi import FastAPI',
    "def a(): return JSONResponse(status_code=400, content={'success': False, 'error': {'code': 'RATE_LIMITED'}, 'meta': {}})",
    'def b():',
    '    return JSONResponse(',
    '        status_code=404,',
    "        content={'error': {'code': 'NOT_FOUND'}},",
    '    )',
    '',
    "# {'code': 'VALIDATON_ERROR'}",
    '"""',
    "{'code': 'NOPE'}",
    '"""',
    "return {'success': False, 'error': {'code': 'NOT_FOUND'}, 'meta': {}}, 409",
    'status_code = 400',
    "return JSONResponse(content={'success': False, 'error': {'code': 'RATE_LIMITED'}, 'meta': {}})",
    'def test_limit(client):',
    '    response = client.get("/a")',
    '    assert response.status_code == 404',
    '',
    '    assert response.json()["error"]["code"] == "RATE_LIMITED"',
    '    assert response.status_code == 429',
  ].join('\n'),
  go: [
    'func h(c *gin.Context) {',
    '\tc.JSON(400, gin.H{"success": false, "error": gin.H{"code": "RATE_LIMITED"}, "meta": gin.H{}})',
    '',
    '\tbody := map[string]any{',
    '\t\t"error": map[string]any{"code": "NOT_FOUNDD"},',
    '\t}',
    '\t// "code": "NOPE"',
    '\tjson.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": "OLD_LIMIT"}})',
    '}',
  ].join('\n'),
  // YAML's statements are its top-level blocks: several here, as in a file of examples.
  java: [
    'class Limits {',
    '  void deny(HttpServletResponse response) throws IOException {',
    '    Map<String, Object> body = new LinkedHashMap<>();',
    '    body.put("success", false);',
    '    body.put("code", "RATE_LIMITED");',
    '    body.put("message", "Slow down");',
    '    response.setStatus(400);',
    '    mapper.writeValue(response.getOutputStream(), body);',
    '  }',
    '  ResponseEntity<Map<String, Object>> gone() {',
    '    return ResponseEntity.status(404).body(Map.of("success", false, "code", "NOT_FOUND", "meta", Map.of()));',
    '  }',
    '}',
  ].join('\n'),
  yaml: [
    'rateLimited:',
    '  error:',
    '    code: RATE_LIMITED # a comment',
    "notFound: {error: {code: 'NOT_FOUNDD'}}",
    'old:',
    '  error:',
    '    code: "OLD_LIMIT"',
    "    note: don't",
    'missing:',
    '  error:',
    "    code: 'NOT_FOUND'",
  ].join('\n'),
};

/** A deterministic pseudo-random sequence (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['{', '}', '[', ']', '(', ')', ';', '\n', '\n\n', "'", '"', '`', '/*', '*/', '//', '#', ' ', '429', '400', 'code: ', "'NOT_FOUND'", "'RATE_LIMTED'", 'x', '"""'];

function run(checker: SourceChecker, document: TextDocument): Diagnostic[] {
  const steps = checker.check(document, set, OPTIONS);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

describe('checking after an edit', () => {
  for (const [languageId, source] of Object.entries(SOURCES)) {
    it(`${languageId}: after each of 1,000 random edits, the result is that of checking the whole text`, () => {
      const next = random(languageId.length);
      const checker = new SourceChecker();
      let document = TextDocument.create(`file:///w/src/file.${languageId}`, languageId, 1, source);
      assert.deepEqual(run(checker, document), doValidation(document, set, OPTIONS));
      let partial = 0;
      for (let i = 0; i < 1000; i++) {
        const text = document.getText();
        const start = Math.floor(next() * (text.length + 1));
        const end = Math.min(text.length, start + (next() < 0.5 ? 0 : Math.floor(next() * 12)));
        const inserted = next() < 0.3 ? '' : PIECES[Math.floor(next() * PIECES.length)];
        const edited = text.slice(0, start) + inserted + text.slice(end);
        // Now and then the text goes back to the source, so that edits keep landing on real code.
        const newText = i % 25 === 24 ? source : edited;
        document = TextDocument.create(document.uri, languageId, document.version + 1, newText);
        const incremental = run(checker, document);
        if (checker.checkedRegion.to - checker.checkedRegion.from < newText.length) partial++;
        assert.deepEqual(incremental, doValidation(document, set, OPTIONS), `edit ${i}: ${JSON.stringify(newText)}`);
      }
      assert.ok(partial > 500, `most edits re-check part of the text only (${partial} of 1,000)`);
    });
  }

  it('a one-character edit in a long file re-checks only its statement, and the findings after it move with the text', () => {
    const line = "app.get('/x', (q, res) => res.status(400).json({ success: false, error: { code: 'RATE_LIMITED', message: 'Slow down' }, meta: {} }));";
    const lines = Array.from({ length: 2000 }, () => line);
    const checker = new SourceChecker();
    const before = TextDocument.create('file:///w/src/long.ts', 'typescript', 1, lines.join('\n'));
    assert.equal(run(checker, before).length, 2000, 'each line sends RATE_LIMITED with 400');
    // Line 1000 gains a character before its code: the 1,000 lines after it are not checked again.
    lines[1000] = line.replace('(q, res)', '(qq, res)');
    const after = TextDocument.create(before.uri, 'typescript', 2, lines.join('\n'));
    const diagnostics = run(checker, after);
    assert.equal(checker.checkedRegion.to - checker.checkedRegion.from, lines[1000].length + 1);
    assert.deepEqual(diagnostics, doValidation(after, set, OPTIONS));
    assert.equal(after.getText(diagnostics[1500].range), 'RATE_LIMITED');
    assert.equal(diagnostics[1500].range.start.line, 1500);
    // The quick fix still edits the right status after the move.
    const data = diagnostics[1500].data as { statusOffset: number };
    const statusStart = after.offsetAt(diagnostics[1500].range.start) + data.statusOffset;
    assert.equal(after.getText().slice(statusStart, statusStart + 3), '400');
    assert.equal(after.positionAt(statusStart).line, 1500);
  });

  it('a comment opened by an edit hides the statements after it until it closes', () => {
    const checker = new SourceChecker();
    const text = "const a = { error: { code: 'NOPE_ONE' } };\nconst b = { error: { code: 'NOPE_TWO' } };\nconst c = { error: { code: 'NOPE_THREE' } };";
    const first = run(checker, TextDocument.create('file:///w/src/c.ts', 'typescript', 1, text));
    assert.equal(first.length, 3);
    const opened = text.replace("const b", "/* const b");
    assert.deepEqual(run(checker, TextDocument.create('file:///w/src/c.ts', 'typescript', 2, opened)).map((d) => d.range.start.line), [0]);
    const closed = opened.replace("'NOPE_TWO' } };", "'NOPE_TWO' } }; */");
    const diagnostics = run(checker, TextDocument.create('file:///w/src/c.ts', 'typescript', 3, closed));
    assert.deepEqual(diagnostics.map((d) => d.range.start.line), [0, 2]);
  });
});
