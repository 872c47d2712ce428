/**
 * The tools beyond Node the tests need: the language toolchains the generated-code tests compile
 * and run with, Neovim, code-server and Chromium. CI installs them (scripts/install-test-deps.sh);
 * elsewhere a test whose toolchain is missing is skipped (`npm test` says so once per toolchain, in
 * scripts/test-deps.mjs), and in CI a missing toolchain fails the test instead, so a broken setup
 * cannot pass quietly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL_COMMAND = 'bash scripts/install-test-deps.sh';

/** Whether `command args` runs and exits 0. */
export function runs(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { encoding: 'utf8' }).status === 0;
}

/** A Python interpreter that can import every module named (Debian's has python3-flask and friends). */
export function pythonWith(...modules: string[]): string | undefined {
  const check = modules.length > 0 ? `import ${modules.join(', ')}` : 'pass';
  return ['python3', '/usr/bin/python3'].find((python) => runs(python, ['-c', check]));
}

export const toolchains = {
  go: runs('go', ['version']),
  ruby: runs('ruby', ['--version']),
  php: runs('php', ['--version']),
  java: runs('javac', ['-version']) && runs('java', ['-version']),
  csharp: runs('mcs', ['--version']),
};

/**
 * The `skip` option for a test needing a toolchain: false when present; in CI never a skip. The
 * reason is short: the line saying what installs it comes once per toolchain, before the tests.
 */
export function skipUnless(available: boolean, what: string): false | string {
  if (available) return false;
  if (process.env.CI) throw new Error(`${what} is missing in CI: ${INSTALL_COMMAND} should have installed it`);
  return `${what} is missing`;
}

/**
 * For a launcher of code-server in Chromium: outside CI, the line to print before skipping `tests`
 * when either is missing; undefined when both are there, and in CI, where the launcher's own check
 * then fails the run. Chromium is CHROMIUM_PATH, else `chromium` on the PATH (Debian's /usr/bin/chromium).
 */
export function codeServerSkip(tests: string, codeServer: string): string | undefined {
  if (process.env.CI) return undefined;
  const chromium = process.env.CHROMIUM_PATH ? existsSync(process.env.CHROMIUM_PATH) : runs('sh', ['-c', 'command -v chromium']);
  const codeServerInstalled = existsSync(codeServer);
  if (chromium && codeServerInstalled) return undefined;
  const missing = [...(codeServerInstalled ? [] : ['code-server']), ...(chromium ? [] : ['Chromium'])].join(' and ');
  // code-server installs offline only once the Debian packages are there (ripgrep above all).
  const install = codeServerInstalled ? INSTALL_COMMAND : `${INSTALL_COMMAND} && bash scripts/install-code-server.sh`;
  return `missing ${missing}: skipping ${tests}; install with: ${install}`;
}
