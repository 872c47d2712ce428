/**
 * The fuzz harness's oracles on known input: what they must flag (the escapes the harness exists
 * to find) and what they must let through (Markdown the server writes on purpose), so that a
 * quiet fuzz run means a safe server and not a blind oracle.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { aliasBomb } from './catalogAbuse';
import { materialize, substitute, textOf } from './fuzzCase';
import { hrefProblem, isInsideFolders, markdownEscapes, MarkerWatch } from './oracles';
import { caseSeed, Random } from './random';

describe('fuzz oracles', () => {
  it('flag raw HTML and links to command:, javascript: and data: targets, wherever a renderer finds them', () => {
    const whats = (text: string) => markdownEscapes(text).map((e) => e.what);
    // Unbalanced backticks close a code span early and leave the rest live.
    assert.deepEqual(whats('*``a` `<img src=x onerror=alert(1)>`*'), ['holds raw HTML']);
    assert.deepEqual(whats('**Deprecated.** [run](command:workbench.action.terminal.new)'), ['has a link to a `command:` target']);
    assert.deepEqual(whats('<command:workbench.action.terminal.new>'), ['has an autolink to a `command:` target']);
    assert.deepEqual(whats('[x](javascript:alert(1))'), ['has a link to a `javascript:` target']);
    assert.deepEqual(whats('![i](data:image/svg+xml;base64,PHN2Zz4=)'), ['has an image from a `data:` source']);
    assert.deepEqual(whats('[a]: command:x\n\n[a]'), ['has a link to a `command:` target']);
  });

  it('let through escaped text, code spans, fences and http(s) links', () => {
    const safe = [
      '**`RATE_LIMITED`** · 429 Too Many Requests',
      '*`a` `<img src=x onerror=alert(1)>`*',
      '\\[click\\](command:workbench.action.terminal.new) &lt;img src=x&gt;',
      '````json\n{ "x": "<script>`</script>" }\n````',
      '*Acme API* (`api.errors.yaml`) · [Docs](https://docs.acme.test/errors#RATE%5FLIMITED)',
    ];
    for (const text of safe) assert.deepEqual(markdownEscapes(text), [], text);
  });

  it('accept only clean http(s) URLs as diagnostic links', () => {
    assert.equal(hrefProblem('https://docs.example.com/errors#RATE_LIMITED'), undefined);
    for (const href of ['https://evil.example/x>"<', 'command:workbench.action.terminal.new', 'javascript:alert(1)', 'https://e.example/a b']) {
      assert.ok(hrefProblem(href), href);
    }
  });

  it('resolve .. and %2e%2e before deciding a file is inside a folder', () => {
    assert.ok(isInsideFolders('file:///w/a/src/x.ts', ['/w/a']));
    assert.ok(!isInsideFolders('file:///w/a/../b/x.errors.yaml', ['/w/a']));
    assert.ok(!isInsideFolders('file:///w/a/%2e%2e/b/x.errors.yaml', ['/w/a']));
    assert.ok(!isInsideFolders('file:///w/ab/x.ts', ['/w/a']));
  });

  it('see a marker split across chunks of output', () => {
    const watch = new MarkerWatch('CANARYXYZ');
    const seen = () => watch.seen;
    watch.feed(Buffer.from('{"title":"CANA'));
    assert.equal(seen(), undefined);
    watch.feed(Buffer.from('RYXYZ title"}'));
    assert.ok(seen()?.includes('CANARYXYZ'));
  });
});

describe('fuzz cases', () => {
  it('expand compact content to the bytes a case describes', () => {
    const bytes = materialize(['[', { repeat: 'ab', times: 3 }, { each: '<{i}>', times: 3 }, { base64: Buffer.from([0xff]).toString('base64') }, { utf16le: 'é' }]);
    assert.deepEqual(bytes, Buffer.concat([Buffer.from('[ababab<0><1><2>'), Buffer.from([0xff, 0xe9, 0x00])]));
    assert.equal(textOf(['a', { repeat: 'b', times: 2 }]), 'abb');
  });

  it('put the real places for the tokens, keys included, and keep __proto__ a key', () => {
    const places = { ws: '/r/cases/c1', outside: '/r/outside', toRoot: '../..', uri: (p: string) => `file://${p}` };
    const value = JSON.parse('{"catalogs":["%WS%/%TOROOT%/outside/x"],"%WS%":1,"__proto__":{"uri":"%OUTSIDEURI%/y"}}') as Record<string, unknown>;
    const result = substitute(value, places);
    assert.deepEqual(result.catalogs, ['/r/cases/c1/../../outside/x']);
    assert.equal(result['/r/cases/c1'], 1);
    assert.ok(Object.prototype.hasOwnProperty.call(result, '__proto__'));
    assert.deepEqual(Object.getOwnPropertyDescriptor(result, '__proto__')?.value, { uri: 'file:///r/outside/y' });
  });

  it('come back the same from the same seed', () => {
    const draw = (seed: number) => { const random = new Random(seed); return [random.next(), random.int(3, 9), random.pick(['a', 'b', 'c'])]; };
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
    assert.equal(caseSeed(1, 'mutation', 5), caseSeed(1, 'mutation', 5));
    assert.notEqual(caseSeed(1, 'mutation', 5), caseSeed(1, 'traffic', 5));
  });

  it('build alias bombs that slip past a check for anchors after `: `', () => {
    const bomb = aliasBomb(3, 2, false);
    assert.equal(bomb, '{"l0":&l0 {"x0":"lol","x1":"lol"},"l1":&l1 {"k0":*l0,"k1":*l0},"l2":&l2 {"k0":*l1,"k1":*l1}}');
    assert.ok(!/:\s+[&*]/.test(bomb));
  });
});
