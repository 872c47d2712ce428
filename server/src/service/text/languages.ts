/** The languages the service reads, by file name: what the workspace's source files are written in. */

const BY_EXTENSION: Readonly<Record<string, string>> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact', js: 'javascript', mjs: 'javascript', cjs: 'javascript',
  jsx: 'javascriptreact', py: 'python', go: 'go', java: 'java', kt: 'kotlin', kts: 'kotlin', cs: 'csharp', rb: 'ruby', php: 'php',
  rs: 'rust', json: 'json', jsonc: 'jsonc', yaml: 'yaml', yml: 'yaml', vue: 'vue', svelte: 'svelte', swift: 'swift', dart: 'dart',
  scala: 'scala', ex: 'elixir', exs: 'elixir',
};

/** The LSP language id of a file, by its name; undefined for files no feature reads. */
export function languageOfPath(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.d.ts') || name === 'package-lock.json') return undefined;
  return BY_EXTENSION[name.slice(name.lastIndexOf('.') + 1)];
}
