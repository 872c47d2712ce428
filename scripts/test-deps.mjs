// The tools beyond Node that the tests use: for each, the tests that need it and the Debian
// packages that provide it. One table for `npm test` and for scripts/install-test-deps.sh.
//
//   node scripts/test-deps.mjs             npm test's first step: one line per missing toolchain,
//                                          naming the tests skipped without it, then code-server
//                                          (scripts/install-code-server.sh) when it can be installed.
//                                          In CI (CI set) a missing toolchain fails the run instead.
//                                          With ERROR_CATALOG_INSTALL_TEST_DEPS=1 it first installs
//                                          the missing packages (scripts/install-test-deps.sh).
//   node scripts/test-deps.mjs --packages  the Debian packages still missing, one a line.
//
// Needs nothing but Node, so CI can ask it before `npm ci`. The tests decide for themselves
// whether to skip (test/helpers/toolchains.ts); this table only says so once, up front.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const INSTALL_COMMAND = 'bash scripts/install-test-deps.sh';
const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
const CODE_SERVER = join(REPO_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');

/** Whether every command is an executable file on the PATH. */
function onPath(...commands) {
  const folders = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return commands.every((command) => folders.some((folder) => {
    try {
      accessSync(join(folder, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }));
}

/** A Python 3 that imports every module named, looked for where the tests look (Debian's has python3-flask and friends). */
function pythonImports(...modules) {
  const check = modules.length > 0 ? `import ${modules.join(', ')}` : 'pass';
  return ['python3', '/usr/bin/python3'].some((python) => spawnSync(python, ['-c', check], { stdio: 'ignore' }).status === 0);
}

/** Whether Debian's packaged crates (/usr/share/cargo/registry, where librust-*-dev put them) hold every crate named, version 1. */
function debianCrates(...crates) {
  const registry = '/usr/share/cargo/registry';
  const present = existsSync(registry) ? readdirSync(registry) : [];
  return crates.every((crate) => present.some((folder) => folder.startsWith(`${crate}-1.`)));
}

/** The editor tests install code-server offline: its ripgrep download comes from Debian's rg, its native modules are compiled. */
function codeServerInstallable() {
  return onPath('rg', 'g++', 'make') && pythonImports() && existsSync('/usr/include/gssapi/gssapi.h');
}

const TOOLCHAINS = [
  { name: 'Neovim (nvim)', tests: 'the Neovim client test', packages: ['neovim'], present: () => onPath('nvim') },
  { name: 'Go (go, gofmt)', tests: 'the Go renderer and handling tests', packages: ['golang-go'], present: () => onPath('go', 'gofmt') },
  { name: 'Java (javac, java)', tests: 'the Spring renderer test', packages: ['default-jdk-headless'], present: () => onPath('javac', 'java') },
  { name: 'C# (mcs)', tests: 'the ASP.NET Core renderer test', packages: ['mono-mcs'], present: () => onPath('mcs') },
  { name: 'Ruby', tests: 'the Rails renderer test', packages: ['ruby'], present: () => onPath('ruby') },
  { name: 'PHP', tests: 'the Laravel renderer test', packages: ['php-cli'], present: () => onPath('php') },
  { name: 'Python 3 (python3)', tests: 'the Python renderer tests', packages: ['python3'], present: () => pythonImports() },
  {
    name: 'Python modules flask, requests, httpx, fastapi and django',
    tests: 'the Python handling tests and the Flask, FastAPI and Django server tests',
    packages: ['python3-flask', 'python3-requests', 'python3-httpx', 'python3-fastapi', 'python3-django'],
    present: () => pythonImports('flask', 'requests', 'httpx', 'fastapi', 'django'),
  },
  { name: 'mypy', tests: 'the type-check of generated Python constants', packages: ['mypy'], present: () => pythonImports('mypy') },
  {
    name: 'Rust (cargo) and the serde crates from Debian',
    tests: 'the generated Rust constants test',
    packages: ['cargo', 'librust-serde-dev', 'librust-serde-derive-dev', 'librust-serde-json-dev'],
    present: () => onPath('cargo') && debianCrates('serde', 'serde_derive', 'serde_json'),
  },
  { name: 'unzip', tests: 'the packaged extension test', packages: ['unzip'], present: () => onPath('unzip') },
  {
    name: 'code-server, or what installs it offline (ripgrep, libkrb5-dev, g++, make)',
    tests: 'the editor and browser tests',
    packages: ['ripgrep', 'libkrb5-dev', 'g++', 'make', 'python3'],
    present: () => existsSync(CODE_SERVER) || codeServerInstallable(),
  },
  {
    name: 'Chromium',
    tests: 'the editor and browser tests',
    packages: ['chromium'],
    present: () => (process.env.CHROMIUM_PATH ? existsSync(process.env.CHROMIUM_PATH) : onPath('chromium')),
  },
];

/** Runs a script of this folder with the output shown; its failure ends this process with its status. */
function runScript(script) {
  const result = spawnSync('bash', [join(REPO_ROOT, 'scripts', script)], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function missingToolchains() {
  return TOOLCHAINS.filter((toolchain) => !toolchain.present());
}

if (process.argv.includes('--packages')) {
  const packages = new Set(missingToolchains().flatMap((toolchain) => toolchain.packages));
  if (packages.size > 0) console.log([...packages].sort().join('\n'));
} else {
  if (process.env.ERROR_CATALOG_INSTALL_TEST_DEPS === '1') runScript('install-test-deps.sh');
  const missing = missingToolchains();
  if (process.env.CI && missing.length > 0) {
    for (const toolchain of missing) console.error(`missing ${toolchain.name}, needed by ${toolchain.tests}`);
    console.error(`CI installs every toolchain before it tests (${INSTALL_COMMAND}): a missing one is a broken setup.`);
    process.exit(1);
  }
  for (const toolchain of missing) console.log(`missing ${toolchain.name}: skipping ${toolchain.tests}; install with: ${INSTALL_COMMAND}`);
  if (!existsSync(CODE_SERVER) && codeServerInstallable()) runScript('install-code-server.sh');
}
