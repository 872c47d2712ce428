/**
 * Random incremental edits (ranged didChange, as an editor sends them for keystrokes, pastes and
 * deletions) to open handler files and catalogs, with hovers and completions in between, some
 * cancelled; then the long-lived server's diagnostics for the final text are compared with a
 * fresh server's for the same text, and so are the quick fixes they offer.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver/node';
import { ACME_YAML } from '../helpers/acme';
import type { FuzzCase, Step } from './fuzzCase';
import { fixed, QUICK, type Family } from './family';
import { Random } from './random';
import { seedsWithCodes, type SeedCatalog } from './seeds';
import { handlerSource, misspelt } from './sources';

/** The catalog the fixed cases use: it has a deprecated code and its replacement. */
const ACME: SeedCatalog = {
  name: 'acme',
  yaml: ACME_YAML,
  json: '',
  codes: ['RATE_LIMITED', 'NOT_FOUND', 'USER_NOT_FOUND', 'VALIDATION_ERROR', 'AUTH-401', 'AUTH_001', 'OLD_LIMIT'],
  statuses: [429],
  statusOf: { RATE_LIMITED: 429, NOT_FOUND: 404, USER_NOT_FOUND: 404, VALIDATION_ERROR: 422, 'AUTH-401': 401, AUTH_001: 401, OLD_LIMIT: 429 },
};

const SNIPPETS = ["'", '"', '(', ')', '{', '}', '[', ']', '\n', ' ', 'x', '429', '404', ', ', 'code: ', '// ', '/*', '*/', '`', '${', '\t', '😀', '\r\n', '\\', ';', '#', ':'];

interface Edit {
  readonly range: Range;
  readonly text: string;
}

/** Edits that each apply to the text the previous ones left, generated on a model of the document. */
class EditScript {
  private document: TextDocument;

  constructor(text: string, languageId: string, private readonly random: Random, private readonly codes: readonly string[]) {
    this.document = TextDocument.create('file:///model', languageId, 1, text);
  }

  get text(): string {
    return this.document.getText();
  }

  private apply(edit: Edit): Edit {
    this.document = TextDocument.update(this.document, [edit], this.document.version + 1);
    return edit;
  }

  private rangeAt(start: number, length: number): Range {
    const end = Math.min(this.text.length, start + length);
    return { start: this.document.positionAt(start), end: this.document.positionAt(end) };
  }

  /** What is typed or pasted: punctuation, a code (or a misspelt one), a whole usage line. */
  private insertion(): string {
    const { random } = this;
    const code = random.pick(this.codes);
    return random.pick([
      random.pick(SNIPPETS),
      code,
      misspelt(code, random),
      `res.status(${random.pick([400, 404, 422, 429, 500])}).json({ error: { code: '${code}' } });\n`,
      `{ error_code: '${code}' }`,
    ]);
  }

  /** One random edit: an insertion, a deletion or a replacement somewhere. */
  next(): Edit {
    const { random } = this;
    const at = random.below(this.text.length + 1);
    switch (random.below(4)) {
      case 0: return this.apply({ range: this.rangeAt(at, 0), text: this.insertion() });
      case 1: return this.apply({ range: this.rangeAt(at, random.int(1, 20)), text: '' });
      case 2: return this.apply({ range: this.rangeAt(at, random.int(1, 8)), text: this.insertion() });
      default: {
        // A position past the end of a line or of the document: clients send them, and both sides clamp.
        const line = this.document.lineCount + random.int(-1, 3);
        return this.apply({ range: { start: { line, character: random.int(0, 400) }, end: { line, character: random.int(400, 800) } }, text: random.pick(SNIPPETS) });
      }
    }
  }

  /** Typing `word` one character at a time at a random place, then deleting it again with backspace. */
  typeAndErase(word: string): Edit[] {
    const at = this.random.below(this.text.length + 1);
    const edits: Edit[] = [];
    for (let i = 0; i < word.length; i++) edits.push(this.apply({ range: this.rangeAt(at + i, 0), text: word[i] }));
    for (let i = word.length; i > 0; i--) edits.push(this.apply({ range: this.rangeAt(at + i - 1, 1), text: '' }));
    return edits;
  }
}

function editsCase(seed: number): FuzzCase {
  const random = new Random(seed);
  const catalog = random.chance(0.3) ? ACME : random.pick(seedsWithCodes());
  const onCatalog = random.chance(0.25);
  const source = handlerSource(catalog, random);
  const catalogPath = 'api.errors.yaml';
  const path = onCatalog ? catalogPath : source.path;
  const script = new EditScript(onCatalog ? catalog.yaml : source.text, onCatalog ? 'yaml' : source.languageId, random, catalog.codes);
  const steps: Step[] = [{ do: 'open', path: source.path, languageId: source.languageId, content: source.text }];
  if (onCatalog) steps.push({ do: 'open', path: catalogPath, languageId: 'yaml', content: catalog.yaml });
  const uri = `%WSURI%/${path}`;
  for (let i = random.int(5, 60); i > 0; i--) {
    const edits = random.chance(0.15) ? script.typeAndErase(random.pick(catalog.codes)) : [script.next()];
    for (const edit of edits) steps.push({ do: 'edit', path, ...edit });
    if (random.chance(0.3)) {
      const lines = script.text.split('\n');
      const line = random.below(lines.length);
      steps.push({
        do: 'request',
        method: random.pick(['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction']),
        params: { textDocument: { uri }, position: { line, character: random.below(lines[line].length + 1) }, range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, context: { triggerKind: 1, diagnostics: [] } },
        cancel: random.chance(0.3) ? 'at-once' : undefined,
      });
    }
  }
  steps.push({ do: 'compare', path, staleFix: !onCatalog && random.chance(0.3) });
  return {
    family: 'edits',
    name: `${steps.filter((s) => s.do === 'edit').length} edits to ${onCatalog ? `the ${catalog.name} catalog` : `${source.path} using ${catalog.name}`}`,
    seed,
    files: [{ kind: 'file', path: catalogPath, content: catalog.yaml }, { kind: 'file', path: source.path, content: source.text }],
    steps,
  };
}

/** A handler sending RATE_LIMITED (a 429) with 400 on its fourth line: a status mismatch with a fix. */
const MISMATCH_SOURCE = ["import express from 'express';", 'const app = express();', "app.get('/limits', (req, res) => {", "  res.status(400).json({ error: { code: 'RATE_LIMITED', message: 'Slow down' } });", '});', ''].join('\n');

export const editsFamily: Family = {
  name: 'edits',
  about: 'random ranged edits to open handler files and catalogs, then diagnostics and quick fixes compared with a fresh server\'s for the same text',
  fixed: [
    fixed((seed) => ({
      family: 'edits',
      name: 'a quick fix asked for after a line is inserted above its diagnostic',
      seed,
      files: [{ kind: 'file', path: 'api.errors.yaml', content: ACME_YAML }],
      steps: [{ do: 'open', path: 'src/app.ts', languageId: 'typescript', content: MISMATCH_SOURCE }, { do: 'compare', path: 'src/app.ts', staleFix: true }],
    }), QUICK),
    fixed((seed) => ({
      family: 'edits',
      name: 'a deleted event for a catalog whose buffer is open',
      seed,
      files: [{ kind: 'file', path: 'api.errors.yaml', content: ACME_YAML }],
      steps: [
        { do: 'open', path: 'api.errors.yaml', languageId: 'yaml', content: ACME_YAML },
        { do: 'remove', path: 'api.errors.yaml' },
        { do: 'watch', changes: [{ uri: '%WSURI%/api.errors.yaml', type: 3 }] },
        { do: 'settle' },
        { do: 'open', path: 'src/app.ts', languageId: 'typescript', content: MISMATCH_SOURCE },
        { do: 'compare', path: 'src/app.ts' },
      ],
    }), QUICK),
    fixed((seed) => {
      const script = new EditScript(MISMATCH_SOURCE, 'typescript', new Random(seed), ACME.codes);
      return {
        family: 'edits',
        name: 'typing a code and erasing it, a keystroke at a time',
        seed,
        files: [{ kind: 'file', path: 'api.errors.yaml', content: ACME_YAML }],
        steps: [{ do: 'open', path: 'src/app.ts', languageId: 'typescript', content: MISMATCH_SOURCE }, { do: 'countRefreshes', path: 'src/app.ts', edits: script.typeAndErase('USER_NOT_FOUND') }, { do: 'compare', path: 'src/app.ts' }],
      };
    }, QUICK),
  ],
  random: editsCase,
};
