import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { catalogHash, generatedHeader, headerRange, readGeneratedHeader, type GeneratedLanguage } from '../../server/src/service/render/generatedHeader';
import { catalogFromYaml } from '../helpers/catalogs';

const YAML = ['id: shop', 'title: Shop', 'envelope:', '  body: { error: { code: "${code}", message: "${message}" } }', 'codes:', '  A_CODE:', '    status: 404', '    title: Not here', ''].join('\n');

describe('the header of generated files', () => {
  it('is read back in every language, on its first lines, with the range of its text', () => {
    for (const language of ['markdown', 'typescript', 'python', 'go', 'java', 'csharp', 'php', 'rust'] as GeneratedLanguage[]) {
      const header = generatedHeader(language, { catalog: 'api/shop.errors.yaml', hash: '0123456789abcdef', kind: 'types go' });
      const text = `${header}\nbody\n`;
      assert.deepEqual(readGeneratedHeader(text), { catalog: 'api/shop.errors.yaml', hash: '0123456789abcdef', kind: 'types go' }, language);
      assert.equal(headerRange(text)?.line, language === 'php' ? 1 : 0, language);
    }
    assert.equal(readGeneratedHeader('// written by hand\n'), undefined);
  });

  it('keeps a hostile catalog path inside its comment: no line break, no end of PHP code, no end of an HTML comment', () => {
    const catalog = 'a\nb?>c-->d\u2028e.errors.yaml';
    for (const language of ['markdown', 'php', 'python', 'go'] as GeneratedLanguage[]) {
      const header = generatedHeader(language, { catalog, hash: '0123456789abcdef', kind: 'docs' });
      assert.equal(header.trimEnd().split('\n').length, language === 'php' ? 2 : 1, language);
      assert.equal(header.includes('?>'), false, language);
      if (language === 'markdown') assert.equal(header.slice(4, -4).includes('--'), false);
    }
  });

  it("hashes the catalog's meaning, not its text: formatting and comments do not change it, a title does", () => {
    const hash = catalogHash(catalogFromYaml(YAML));
    assert.match(hash, /^[0-9a-f]{16}$/);
    assert.equal(catalogHash(catalogFromYaml(`# comment\n${YAML.replace('title: Shop', 'title: "Shop"')}\n\n`)), hash);
    assert.notEqual(catalogHash(catalogFromYaml(YAML.replace('title: Not here', 'title: Gone'))), hash);
    assert.notEqual(catalogHash(catalogFromYaml(YAML.replace('status: 404', 'status: 410'))), hash);
  });
});
