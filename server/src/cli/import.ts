/**
 * `error-catalog import openapi|docs|code`: a catalog started from what a team already has. The
 * importers are the language service's; this reads their input through the same workspace guard
 * the editor uses (nothing outside the workspace folder, no file too large), refuses to write over
 * an existing file unless forced, and says what was guessed and what was left out.
 */
import { loadCatalog } from '../service/catalog/catalogLoader';
import { draftContent, draftToYaml, ImportError, type CatalogDraft } from '../service/import/catalogDraft';
import { draftFromFile } from '../session/catalogImport';
import { FileRefused, isInside, WorkspaceReader, type FileSystem } from '../session/files';
import type { ImportInvocation } from './arguments';
import { runSettings } from './check';
import { ConfigurationError } from './errors';
import { absolute, openSession } from './workspace';

/** Left-out items listed on standard error; the file's header lists more. */
const MAX_LEFT_OUT_SHOWN = 10;

export interface ImportEnvironment {
  readonly fs: FileSystem;
  readonly exists: (path: string) => boolean;
  readonly readSettingsFile: (path: string) => string | undefined;
  readonly warn: (message: string) => void;
}

export interface ImportOutput {
  /** Where the catalog goes; undefined: standard output. */
  readonly path: string | undefined;
  readonly text: string;
  /** What the import did, a line each, for standard error. */
  readonly report: readonly string[];
}

function relativeTo(root: string, path: string): string {
  return path === root ? '.' : isInside(root, path) ? path.slice(root.length).replace(/^\/+/, '') : path;
}

/** The input file, inside the workspace folder, as the editor would read it. */
function inputPath(given: string | undefined, what: string, root: string, cwd: string, env: ImportEnvironment): string {
  if (given === undefined) throw new ConfigurationError(`Name the ${what} to import.`);
  const path = absolute(given, cwd);
  if (!isInside(root, path)) throw new ConfigurationError(`${given} is outside the workspace folder ${root}: only files inside it are imported. Run the command from the project's folder, or give --root.`);
  if (!env.exists(path)) throw new ConfigurationError(`${given} does not exist.`);
  return path;
}

async function draftFrom(invocation: ImportInvocation, root: string, cwd: string, env: ImportEnvironment): Promise<{ draft: CatalogDraft; source: string }> {
  const reader = new WorkspaceReader(env.fs, () => [root]);
  if (invocation.source !== 'code') {
    const input = inputPath(invocation.inputs[0], invocation.source === 'openapi' ? 'OpenAPI document' : 'docs page', root, cwd, env);
    const name = relativeTo(root, input);
    return { draft: await draftFromFile(invocation.source, input, name, reader), source: name };
  }
  const paths = invocation.inputs.map((given) => {
    const path = absolute(given, cwd);
    if (!isInside(root, path)) throw new ConfigurationError(`${given} is outside the workspace folder ${root}. Give paths inside it, or give --root.`);
    if (!env.exists(path)) throw new ConfigurationError(`${given} does not exist.`);
    return path;
  });
  const settings = runSettings({ config: undefined, settings: {} }, root, env);
  const session = await openSession({ root, fs: env.fs, settings, log: { warn: env.warn, error: env.warn } });
  try {
    return { draft: await session.importFromCode(paths.length > 0 ? paths : undefined), source: paths.length === 0 ? 'the code in this folder' : paths.map((p) => relativeTo(root, p)).join(', ') };
  } finally {
    await session.dispose();
  }
}

function report(draft: CatalogDraft, source: string, destination: string, text: string): string[] {
  const content = draftContent(draft) as { codes?: Record<string, unknown>; statuses?: Record<string, unknown> };
  const codes = Object.keys(content.codes ?? {}).length;
  const statuses = Object.keys(content.statuses ?? {}).length;
  const lines = [`Imported ${codes} code${codes === 1 ? '' : 's'} and ${statuses} status${statuses === 1 ? '' : 'es'} from ${source} into ${destination}.`];
  if (codes === 0) lines.push(`${source} names no error codes: the catalog has the envelope and statuses only. Add codes under \`codes:\`.`);
  if (draft.guesses.length > 0) lines.push(`${draft.guesses.length} value${draft.guesses.length === 1 ? ' was' : 's were'} guessed: each is marked \`# guessed:\` in the catalog; check them.`);
  if (draft.leftOut.length > 0) {
    lines.push(`Not imported (${draft.leftOut.length}):`);
    for (const item of draft.leftOut.slice(0, MAX_LEFT_OUT_SHOWN)) lines.push(`  ${item.where}: ${item.what}`);
    if (draft.leftOut.length > MAX_LEFT_OUT_SHOWN) lines.push(`  and ${draft.leftOut.length - MAX_LEFT_OUT_SHOWN} more, listed at the top of the catalog.`);
  }
  // The draft should always load; if it does not, say what the user has to fix rather than hide it.
  const problems = loadCatalog('imported.errors.yaml', text).problems.filter((p) => p.severity === 'error');
  for (const problem of problems.slice(0, 5)) lines.push(`The imported catalog needs a fix before it loads: ${problem.message}`);
  return lines;
}

/** `error-catalog import`: the catalog's text, where it goes, and what to tell the user. */
export async function runImport(invocation: ImportInvocation, cwd: string, env: ImportEnvironment): Promise<ImportOutput> {
  const root = absolute(invocation.root ?? '.', cwd);
  const output = invocation.output === undefined ? undefined : absolute(invocation.output, cwd);
  if (output !== undefined && env.exists(output) && !invocation.force) {
    throw new ConfigurationError(`${invocation.output} exists: it is left as it is. Choose another --output, or add --force to replace it.`);
  }
  let imported: { draft: CatalogDraft; source: string };
  try {
    imported = await draftFrom(invocation, root, cwd, env);
  } catch (error) {
    if (error instanceof ImportError || error instanceof FileRefused) throw new ConfigurationError(error.message);
    throw error;
  }
  const text = draftToYaml(imported.draft, imported.source);
  return { path: output, text, report: report(imported.draft, imported.source, invocation.output ?? 'standard output', text) };
}
