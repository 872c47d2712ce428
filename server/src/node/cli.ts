/**
 * `error-catalog` (dist/cli.js): the command-line tool. It owns the runtime of a run: arguments,
 * standard streams, the file system, progress and the exit code; the check itself is the
 * language server's (see cli/check.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { parseArguments, USAGE, UsageError, type CheckOptions, type GenerateInvocation, type ImportInvocation } from '../cli/arguments';
import { generate } from '../cli/generate';
import { runCheck } from '../cli/check';
import { runImport } from '../cli/import';
import { ConfigurationError } from '../cli/errors';
import { counts, formatReport } from '../cli/formats';
import { progressLines } from '../cli/progress';
import { nodeFileSystem, replaceFileIfUnchanged } from './fileSystem';
import { packageVersion } from './packageVersion';

/** Settings files larger than this are not settings. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

// Settings may come from a cloned repository: a code pattern that backtracks catastrophically
// falls back to V8's linear-time engine instead of stopping the run (as in the server).
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

function readSettingsFile(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_SETTINGS_BYTES) throw new ConfigurationError(`${path} is larger than 1 MB: it is not a settings file.`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    return undefined;
  }
}

/** The current folder, with forward slashes as every path of the session has them. */
function workingFolder(): string {
  return process.cwd().replace(/\\/g, '/');
}

/** What every command reads the workspace and reports through. */
function environment() {
  return {
    fs: nodeFileSystem(join(__dirname, '..', 'catalog', 'builtin')),
    exists: (path: string) => existsSync(path),
    readSettingsFile,
    warn: (message: string) => process.stderr.write(`error-catalog: ${message}\n`),
  };
}

/** A command's file: to standard output when no path is given, else written (its folder made first). */
function writeOutput(path: string | undefined, text: string, flag: 'w' | 'wx'): void {
  if (path === undefined) {
    process.stdout.write(text);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { flag });
}

async function check(options: CheckOptions): Promise<number> {
  const result = await runCheck(options, workingFolder(), {
    ...environment(),
    replaceFile: replaceFileIfUnchanged,
    progress: progressLines(() => Date.now(), (line) => process.stderr.write(line)),
  });
  const color = options.color ?? (options.format === 'stylish' && options.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
  const report = formatReport(options.format, result, { color, version: packageVersion() });
  if (options.output !== undefined) writeFileSync(options.output, report);
  else process.stdout.write(report);
  for (const file of result.changedWhileFixing) process.stderr.write(`error-catalog: ${file} changed while it was being checked; its fixes were not applied. Run the check again.\n`);
  const { errors, warnings } = counts(result.findings);
  const tooManyWarnings = options.maxWarnings >= 0 && warnings > options.maxWarnings;
  if (tooManyWarnings && errors === 0 && options.maxWarnings > 0) process.stderr.write(`error-catalog: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows.\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

async function writeGenerated(invocation: GenerateInvocation): Promise<number> {
  const readText = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  const output = await generate({ ...invocation, kind: invocation.command, language: invocation.command === 'types' ? invocation.language : undefined }, workingFolder(), { ...environment(), readText });
  writeOutput(output.path, output.text, 'w');
  if (output.path !== undefined) process.stderr.write(`error-catalog: wrote ${invocation.output}\n`);
  return 0;
}

async function importCatalog(invocation: ImportInvocation): Promise<number> {
  const imported = await runImport(invocation, workingFolder(), environment());
  // Without --force the file is created only if it still does not exist when it is written.
  writeOutput(imported.path, imported.text, invocation.force ? 'w' : 'wx');
  for (const line of imported.report) process.stderr.write(`error-catalog: ${line}\n`);
  return 0;
}

async function main(): Promise<number> {
  try {
    const invocation = parseArguments(process.argv.slice(2));
    if (invocation.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (invocation.command === 'version') {
      process.stdout.write(`error-catalog ${packageVersion()}\n`);
      return 0;
    }
    if (invocation.command === 'check') return await check(invocation);
    if (invocation.command === 'import') return await importCatalog(invocation);
    return await writeGenerated(invocation);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigurationError) {
      process.stderr.write(`error-catalog: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`error-catalog: the command failed: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
