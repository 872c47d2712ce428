/**
 * The fixes of source diagnostics keep the file valid: the envelope rewrite writes a literal of the
 * language in place of the old one (its type written once, a data file's node replaced whole, never
 * a second key beside the first), and the status fix edits the status token and nothing else.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { diagnosticFixes } from '../../server/src/service/features/diagnosticFixes';
import { DEFAULT_RULE_SEVERITY, doValidation, SourceDiagnosticCode } from '../../server/src/service/features/diagnostics';
import { acme } from '../helpers/acme';
import { setOf } from '../helpers/catalogs';

const set = setOf(acme());
const OPTIONS = { severity: DEFAULT_RULE_SEVERITY, functions: [], patterns: [] };

function fixed(text: string, languageId: string, rule: SourceDiagnosticCode, diagnostics?: Diagnostic[]): { text: string; edits: TextEdit[] } {
  const document = TextDocument.create(`file:///w/file.${languageId}`, languageId, 1, text);
  const found = (diagnostics ?? doValidation(document, set, OPTIONS)).filter((d) => d.code === rule);
  assert.equal(found.length, 1, JSON.stringify(found));
  const [action] = diagnosticFixes(document, found, set).filter((a) => a.isPreferred);
  const edits = action.edit!.changes![document.uri] as TextEdit[];
  return { text: TextDocument.applyEdits(document, edits), edits };
}

/** A diagnostic as the checker reports an envelope shape problem (made by hand where the checker does not read such bodies). */
function envelopeDiagnostic(text: string, value: string, body: string): Diagnostic {
  const document = TextDocument.create('file:///w/x', 'plaintext', 1, text);
  const start = text.indexOf(value);
  const bodyStart = text.indexOf(body);
  return {
    range: { start: document.positionAt(start), end: document.positionAt(start + value.length) },
    message: 'shape', source: 'error-catalog', code: SourceDiagnosticCode.EnvelopeShape,
    data: { rule: SourceDiagnosticCode.EnvelopeShape, value, bodyOffset: bodyStart - start, bodyLength: body.length },
  };
}

describe('envelope rewrites stay literals of the language', () => {
  it('Go: the map type is written once, by the rewrite', () => {
    const source = 'package api\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(http.StatusNotFound)\n\t_ = json.NewEncoder(w).Encode(map[string]any{"error_code": "NOT_FOUND"})\n}\n';
    const { text } = fixed(source, 'go', SourceDiagnosticCode.EnvelopeShape, [envelopeDiagnostic(source, 'NOT_FOUND', '{"error_code": "NOT_FOUND"}')]);
    assert.equal(text.match(/map\[string\]any\{/g)?.length, 3, text);
    assert.match(text, /Encode\(map\[string\]any\{\n\t\t"success": false,\n\t\t"error": map\[string\]any\{\n\t\t\t"code":    "NOT_FOUND",/);
  });

  it('YAML: a flow body becomes a JSON one on its line, with one code key', () => {
    const text = 'example: { error_code: NOT_FOUND, message: Gone }\nnext: 1\n';
    const result = fixed(text, 'yaml', SourceDiagnosticCode.EnvelopeShape, [envelopeDiagnostic(text, 'NOT_FOUND', '{ error_code: NOT_FOUND, message: Gone }')]);
    assert.deepEqual(parseYaml(result.text), {
      example: { success: false, error: { code: 'NOT_FOUND', message: 'Resource does not exist' }, meta: { requestId: 'req_abc123' } },
      next: 1,
    });
    assert.equal(result.text.split('\n').length, text.split('\n').length);
  });
});

describe('the status fix', () => {
  it('edits the status token and nothing else', () => {
    const text = "app.get('/', (req, res) => {\n  res.status(400).json({ success: false, error: { code: 'RATE_LIMITED' }, meta: {} });\n});";
    const { text: after, edits } = fixed(text, 'typescript', SourceDiagnosticCode.StatusMismatch);
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]), [[1, 13, 16, '429']]);
    assert.equal(after, text.replace('400', '429'));
  });
});
