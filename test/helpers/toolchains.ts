/**
 * The language toolchains the generated-code tests compile and run with. CI installs them
 * (scripts/install-test-deps.sh); elsewhere a test whose toolchain is missing is skipped, and in
 * CI a missing toolchain fails the test instead, so a broken setup cannot pass quietly.
 */
import { spawnSync } from 'node:child_process';

function runs(command: string, args: readonly string[]): boolean {
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

/** The `skip` option for a test needing a toolchain: false when present; in CI never a skip. */
export function skipUnless(available: boolean, what: string): false | string {
  if (available) return false;
  if (process.env.CI) throw new Error(`${what} is missing in CI: scripts/install-test-deps.sh should have installed it`);
  return `${what} is not installed (scripts/install-test-deps.sh installs it)`;
}
