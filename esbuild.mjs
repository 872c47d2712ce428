// One build file for everything that runs: the extension client, the language server,
// and (with --tests) the test files, which node's test runner then executes.
//   node esbuild.mjs               development build with sourcemaps
//   node esbuild.mjs --production  minified, no sourcemaps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --tests       compile test/**/*.test.ts to out/test (or to $TESTS_OUTDIR, so that
//                                  two builds of the tests can run side by side)
//   node esbuild.mjs --bench       compile the benchmark and its floor server to out/bench
//   node esbuild.mjs --fuzz        compile the fuzz harness (test/fuzz/fuzz.ts) to out/fuzz
//   node esbuild.mjs --editor-tests  compile the extension-host suite (test/editor/suite) and its
//                                  launchers (test/editor/run*.ts) to out/editor
//   node esbuild.mjs --browser-tests  compile the browser end-to-end tests (test/browser/*.ts) to out/browser
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');
const fuzz = process.argv.includes('--fuzz');
const editorTests = process.argv.includes('--editor-tests');
const browserTests = process.argv.includes('--browser-tests');
const testsOutdir = process.env.TESTS_OUTDIR || 'out/test';

const CATALOG_SCHEMA = resolve('catalog/error-catalog.schema.json');

/**
 * `import validateCatalog from 'catalog-validator'`: the catalog schema's validator, generated here
 * as plain code (ajv's standalone output), so the server neither loads nor runs a schema compiler.
 * @type {esbuild.Plugin}
 */
const catalogValidator = {
  name: 'catalog-validator',
  setup(build) {
    build.onResolve({ filter: /^catalog-validator$/ }, () => ({ path: CATALOG_SCHEMA, namespace: 'catalog-validator' }));
    build.onLoad({ filter: /.*/, namespace: 'catalog-validator' }, async () => {
      const { default: Ajv } = await import('ajv');
      const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
      const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, verbose: true, strict: false, code: { source: true } });
      const validate = ajv.compile(JSON.parse(readFileSync(CATALOG_SCHEMA, 'utf8')));
      return { contents: standaloneCode(ajv, validate), loader: 'js', resolveDir: process.cwd(), watchFiles: [CATALOG_SCHEMA] };
    });
  },
};

/**
 * `import builtinCatalogs from 'builtin-catalogs'`: each built-in catalog file's text and its value, parsed
 * here, so that a starting server builds the built-ins without parsing their YAML (it still checks
 * that each file is the text it was built from).
 * @type {esbuild.Plugin}
 */
const builtinCatalogs = {
  name: 'builtin-catalogs',
  setup(build) {
    build.onResolve({ filter: /^builtin-catalogs$/ }, () => ({ path: resolve('catalog/builtin'), namespace: 'builtin-catalogs' }));
    build.onLoad({ filter: /.*/, namespace: 'builtin-catalogs' }, async ({ path }) => {
      const { CORE_SCHEMA, load } = await import('js-yaml');
      const files = readdirSync(path).filter((name) => /\.errors\.ya?ml$/.test(name)).sort();
      const entries = files.map((name) => {
        const text = readFileSync(join(path, name), 'utf8');
        return [name, { text, value: load(text, { schema: CORE_SCHEMA }) }];
      });
      // A JSON string parses faster than the same object written as code.
      return { contents: `export default new Map(JSON.parse(${JSON.stringify(JSON.stringify(entries))}));`, loader: 'js', watchFiles: files.map((name) => join(path, name)) };
    });
  },
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // jsonc-parser's UMD build requires its modules dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  plugins: [catalogValidator, builtinCatalogs],
};

function testEntries(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // Fixture folders and the sample workspaces hold code to be read by the server, not tests to run.
    if (statSync(path).isDirectory()) return name === 'fixtures' || name === 'workspaces' ? [] : testEntries(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The editor suite's entry points: its index (the extensionTestsPath module) and every *.suite.ts. */
function editorSuiteEntries(dir) {
  return readdirSync(dir).filter((name) => name === 'index.ts' || name.endsWith('.suite.ts')).map((name) => join(dir, name));
}

const configs = browserTests
  ? [{
      ...common,
      // Run with node: they drive code-server in Chromium with the packaged .vsix installed.
      entryPoints: readdirSync('test/browser').filter((name) => name.endsWith('.ts')).map((name) => join('test/browser', name)),
      outdir: 'out/browser',
      packages: 'external',
      sourcemap: true,
    }]
  : editorTests
  ? [
      {
        ...common,
        // Loaded by the editor's extension host: `vscode` is the host's, mocha comes from node_modules.
        entryPoints: editorSuiteEntries('test/editor/suite'),
        outdir: 'out/editor',
        outbase: 'test/editor/suite',
        external: ['vscode'],
        packages: 'external',
        sourcemap: true,
      },
      {
        ...common,
        // Run with node: they start the editor (code-server or VS Code) on each fixture workspace.
        entryPoints: ['test/editor/runInCodeServer.ts', 'test/editor/runInElectron.ts'],
        outdir: 'out/editor',
        packages: 'external',
        sourcemap: true,
      },
    ]
  : fuzz
  ? [{
      ...common,
      // Run with node against the bundled server in dist/, which `node esbuild.mjs` builds first.
      entryPoints: ['test/fuzz/fuzz.ts'],
      outdir: 'out/fuzz',
      packages: 'external',
      sourcemap: true,
    }]
  : bench
  ? [{
      ...common,
      entryPoints: ['bench/bench.ts', 'bench/floorServer.ts', 'bench/heapProbe.ts'],
      outdir: 'out/bench',
      packages: 'external',
    }]
  : tests
  ? [{
      ...common,
      entryPoints: testEntries('test'),
      outdir: testsOutdir,
      outbase: 'test',
      // Tests import the real libraries from node_modules; only project code is bundled in.
      packages: 'external',
      sourcemap: true,
    }]
  : [
      {
        ...common,
        entryPoints: { client: 'client/src/extension.ts' },
        outdir: 'dist',
        external: ['vscode'],
      },
      {
        ...common,
        entryPoints: { 'server-main': 'server/src/node/main.ts' },
        outdir: 'dist',
      },
      {
        ...common,
        // The server's launcher, which runs server-main.js with V8's code cache; it is also the
        // standalone `error-catalog-language-server` binary.
        entryPoints: { server: 'server/src/node/launcher.ts' },
        outdir: 'dist',
        banner: { js: '#!/usr/bin/env node' },
      },
      {
        ...common,
        // `error-catalog check`: the editor's checks from the command line, for CI.
        entryPoints: { cli: 'server/src/node/cli.ts' },
        outdir: 'dist',
        banner: { js: '#!/usr/bin/env node' },
      },
    ];

if (tests) rmSync(testsOutdir, { recursive: true, force: true });
if (editorTests) rmSync('out/editor', { recursive: true, force: true });
if (browserTests) rmSync('out/browser', { recursive: true, force: true });

if (watch) {
  for (const config of configs) await (await esbuild.context(config)).watch();
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}
