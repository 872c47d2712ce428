/**
 * Catalogs from cloned repositories are untrusted input: depth, aliases, prototype keys, byte-order
 * marks, and text that tries to become HTML or a command link in a hover. Each case here once broke
 * the server or leaked through; each must now end in a catalog problem or inert text.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_DEPTH, nestingProblem } from '../../server/src/service/catalog/bounds';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { CatalogSet } from '../../server/src/service/catalog/catalogSet';
import { parseCatalogSyntaxWithPositions } from '../../server/src/service/catalog/catalogSyntax';
import { CatalogProblemCode } from '../../server/src/service/catalog/model';
import { catalogDocumentSymbols } from '../../server/src/service/features/symbols';
import { docsUrlOf, explainCode, explainStatus } from '../../server/src/service/render/explain';
import { escapeMarkdown, link, safeHttpUrl } from '../../server/src/service/render/markdown';
import { builtin, catalogFromYaml, knownStatuses, standardReasons } from '../helpers/catalogs';
import { markdownLeaks } from '../helpers/markdownLeaks';

const HEAD = 'id: acme\ntitle: Acme API\nenvelope:\n  body:\n    error:\n      code: ${code}\n      message: ${message}\n';

function load(text: string, uri = 'file:///w/acme.errors.yaml') {
  return loadCatalog(uri, text, { knownStatuses: knownStatuses(), standardReasons: standardReasons() });
}

function errorsOf(text: string, uri?: string): string[] {
  return load(text, uri).problems.filter((p) => p.severity === 'error').map((p) => p.message);
}

const leaks = (markdown: string): string[] => markdownLeaks(markdown);

describe('catalogs nested too deeply', () => {
  const cases: [string, string, string][] = [
    ['10,000 nested JSON arrays in members', 'json', `{"id":"a","title":"A","envelope":{"body":{"code":"\${code}"}},"codes":{"X":{"status":400,"members":{"deep":${'['.repeat(10_000)}${']'.repeat(10_000)}}}}}`],
    ['10,000 nested JSON objects in envelope.body', 'json', `{"id":"a","title":"A","envelope":{"body":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}}`],
    ['10,000 unclosed brackets', 'json', `{"id":"a","codes":${'['.repeat(10_000)}`],
    ['YAML flow sequences 10,000 deep', 'yaml', `${HEAD}codes:\n  X:\n    status: 400\n    members: { deep: ${'['.repeat(10_000)}${']'.repeat(10_000)} }\n`],
    ['YAML block mappings 10,000 deep', 'yaml', `${HEAD}codes:\n  X:\n    status: 400\n    members:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(6 + i)}k${i}:`).join('\n')} 1\n`],
  ];
  for (const [name, format, text] of cases) {
    it(`${name}: a catalog problem at the place it goes too deep, never a stack overflow`, () => {
      const uri = `file:///w/deep.errors.${format}`;
      const errors = errorsOf(text, uri);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0], new RegExp(`nested deeper than ${MAX_DEPTH} levels`));
      // The outline reads the same text with positions: it must survive too.
      assert.deepEqual(catalogDocumentSymbols(TextDocument.create(uri, format, 1, text)), []);
    });
  }

  it('leaves real catalogs alone: every built-in is far from the bound', () => {
    for (const id of ['connectify', 'success-meta', 'problem-details', 'http-status', 'dashed-codes', 'error-code-map', 'details-array']) {
      const catalog = builtin(id);
      assert.equal(nestingProblem(JSON.stringify({ envelope: catalog.envelope, codes: [...catalog.codes.values()] }), 'json'), undefined, id);
    }
  });

  it('does not count brackets in strings, comments and block scalars', () => {
    const text = `${HEAD}description: |\n  ${'[['.repeat(100)}\ncodes:\n  X:\n    status: 400 # ${'{'.repeat(100)}\n    title: "${'['.repeat(100)}"\n`;
    assert.deepEqual(errorsOf(text), []);
  });
});

describe('aliases', () => {
  it('an alias inside the node it names is a problem, not an endless walk', () => {
    const errors = errorsOf(`id: acme\ntitle: Acme API\nenvelope: &e { body: { error: { code: "\${code}" } }, self: *e }\n`);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /refers to itself/);
  });

  it('cyclic members are refused the same way', () => {
    assert.match(errorsOf(`${HEAD}codes:\n  X:\n    status: 400\n    members: &m { self: *m }\n`).join('\n'), /refers to itself/);
  });

  it('a flow-style alias bomb is refused quickly, without expanding it', () => {
    const levels = Array.from({ length: 12 }, (_, i) => `"l${i + 1}": &l${i + 1} [${Array.from({ length: 10 }, () => `*l${i}`).join(', ')}]`);
    const text = `{"id":"a","title":"A","envelope":{"body":{"code":"\${code}"}},"l0": &l0 ["x"], ${levels.join(', ')}}`;
    const started = Date.now();
    const errors = errorsOf(text);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /alias/i);
  });
});

describe('keys that name object internals', () => {
  it('replacedBy and examples[].at naming __proto__, constructor or toString get their warnings', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const result = load(`${HEAD}codes:\n  X:\n    status: 400\n    replacedBy: ${name}\n    examples:\n      - at: ${name}\n        body: {}\n`);
      assert.ok(result.catalog, name);
      assert.deepEqual(result.problems.map((p) => p.code).sort(), [CatalogProblemCode.BadExamplePath, CatalogProblemCode.UnknownReplacement], name);
    }
  });

  it('codes named like object internals are codes like any other', () => {
    const result = load(`${HEAD}codes:\n  constructor:\n    status: 400\n  __proto__:\n    status: 404\n`);
    assert.ok(result.catalog, JSON.stringify(result.problems));
    assert.deepEqual([...result.catalog.codes.keys()].sort(), ['__proto__', 'constructor']);
    const set = new CatalogSet([result.catalog], builtin('http-status'));
    assert.equal(set.findCode('toString').length, 0);
    assert.equal(set.findCode('constructor')[0].entry.status, 400);
  });
});

describe('encodings', () => {
  it('a JSON catalog starting with a byte-order mark loads, with offsets unchanged', () => {
    const text = `\ufeff${JSON.stringify({ id: 'a', title: 'A', envelope: { body: { code: '${code}' } }, codes: { X: { status: 400 } } })}`;
    const result = load(text, 'file:///w/a.errors.json');
    assert.ok(result.catalog, JSON.stringify(result.problems));
    assert.equal(text.slice(result.catalog.rangeOf(['codes', 'X'], 'key').start, result.catalog.rangeOf(['codes', 'X'], 'key').end), '"X"');
  });

  it('a YAML catalog starting with a byte-order mark loads as it does without one, with offsets unchanged', () => {
    const plain = 'id: a\ntitle: A\nenvelope:\n  body: { code: "${code}" }\ncodes:\n  X:\n    status: 400\n';
    const marked = `\ufeff${plain}`;
    const result = load(marked, 'file:///w/a.errors.yaml');
    assert.deepEqual(result.problems, load(plain, 'file:///w/a.errors.yaml').problems);
    assert.equal(result.catalog?.codes.get('X')?.status, 400);
    const range = result.catalog!.rangeOf(['codes', 'X'], 'key');
    assert.equal(marked.slice(range.start, range.end), 'X');
    // The position-keeping parse too (what a catalog with a problem goes through).
    assert.deepEqual(parseCatalogSyntaxWithPositions(marked, 'yaml').errors, []);
  });

  it('a JSON catalog whose title is an object has an outline', () => {
    const text = JSON.stringify({ id: 'a', title: { x: 1 }, envelope: { body: { code: '${code}' } } });
    const symbols = catalogDocumentSymbols(TextDocument.create('file:///w/a.errors.json', 'json', 1, text));
    assert.deepEqual(symbols.map((s) => s.name), ['id', 'title', 'envelope']);
    assert.ok(parseCatalogSyntaxWithPositions(text, 'json').value);
  });
});

describe('catalog text in Markdown', () => {
  const attacks = [
    '``a` `<img src=x onerror=alert(1)>`',
    '`a`` [click](command:workbench.action.terminal.new) ``',
    '<img src=x onerror=alert(1)>',
    '[x](command:workbench.action.terminal.new)',
    '``[x](command:workbench.action.terminal.new)`',
    '<command:workbench.action.terminal.new>',
    '![x](javascript:alert(1))',
    '`` ` `` <b>bold</b> `',
  ];

  for (const attack of attacks) {
    it(`stays inert: ${attack}`, () => {
      assert.deepEqual(leaks(escapeMarkdown(attack)), []);
    });
  }

  it('keeps the code spans prose writes', () => {
    assert.equal(escapeMarkdown('Send `Retry-After` and retry'), 'Send `Retry-After` and retry');
  });

  it('links only to parsed http(s) URLs, with what would end the link encoded', () => {
    assert.equal(link('Docs', 'https://evil.example/x)[y](command:workbench.action.terminal.new'), '[Docs](https://evil.example/x%29[y]%28command:workbench.action.terminal.new)');
    assert.equal(link('Docs', 'command:workbench.action.terminal.new'), 'Docs');
    assert.equal(link('Docs', 'javascript:alert(1)'), 'Docs');
    assert.equal(safeHttpUrl('https://docs.acme.test/errors#A <b>"'), 'https://docs.acme.test/errors#A%20%3Cb%3E%22');
    assert.equal(safeHttpUrl('not a url'), undefined);
    // A fragment keeps braces, bars, carets and backticks as they are unless they are encoded.
    assert.equal(safeHttpUrl('https://docs.acme.test/errors#${code}|`x`^'), 'https://docs.acme.test/errors#$%7Bcode%7D%7C%60x%60%5E');
    // A code's own docs fill the same placeholders as the catalog's.
    const catalog = catalogFromYaml('id: a\ntitle: A\nenvelope: { body: { code: "${code}" } }\ncodes:\n  "A B":\n    status: 404\n    docs: "https://docs.acme.test/${status}#${code}"\n');
    assert.equal(docsUrlOf(catalog.codes.get('A B')!, catalog), 'https://docs.acme.test/404#A%20B');
  });

  it('an explanation stays a summary whatever the size of the catalog\'s texts', () => {
    const huge = 'Lorem ipsum dolor sit amet. '.repeat(300_000);
    const catalog = catalogFromYaml(`id: a\ntitle: A\nenvelope: { body: { code: "\${code}", message: "\${message}" } }\ncodes:\n  HUGE:\n    status: 400\n    title: ${huge.slice(0, 5000)}\n    message: ${huge}\n    description: ${huge}\n    causes: [${huge.slice(0, 9000)}]\n`);
    const markdown = explainCode({ entry: catalog.codes.get('HUGE')!, catalog }, new CatalogSet([catalog]));
    assert.ok(markdown.length < 12_000, `${markdown.length} characters`);
    assert.match(markdown, /more characters in the catalog/);
  });

  it('every field of a code and a status hover is escaped', () => {
    const attack = attacks[0];
    const quoted = JSON.stringify(attack);
    const text = `id: acme\ntitle: ${quoted}\ndocs: "https://evil.example/x)[y](command:workbench.action.terminal.new"\nenvelope:\n  body:\n    error:\n      code: \${code}\n      message: \${message}\nstatuses:\n  429:\n    reason: Too Many Requests\n    meaning: ${quoted}\n    description: ${quoted}\n    troubleshooting: [${quoted}]\n    docs: "https://evil.example/x)[y](command:x"\ncodes:\n  X:\n    status: 429\n    title: ${quoted}\n    message: ${quoted}\n    description: ${quoted}\n    causes: [${quoted}]\n    resolution: [${quoted}]\n    deprecated: ${quoted}\n    docs: "https://evil.example/x)[y](command:workbench.action.terminal.new"\n`;
    const result = load(text);
    assert.ok(result.catalog, JSON.stringify(result.problems));
    const set = new CatalogSet([result.catalog], builtin('http-status'));
    const code = explainCode(set.findCode('X')[0], set);
    assert.deepEqual(leaks(code), [], code);
    const status = explainStatus(set.statusInfo(429)!, set);
    assert.deepEqual(leaks(status), [], status);
  });
});
