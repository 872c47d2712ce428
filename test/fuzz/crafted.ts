/** Building blocks of the hand-made cases: small valid catalogs around whatever a case puts in them. */
import type { Content, FileSpec, FuzzCase, Piece, Step } from './fuzzCase';

export const ENVELOPE_YAML = ['envelope:', '  body:', '    error:', '      code: "${code}"', '      message: "${message}"'].join('\n');

export interface YamlCatalogOptions {
  readonly id?: string;
  readonly title?: string;
  /** Lines between the title and the envelope (`description:`, `docs:`, `statuses:`…). */
  readonly top?: string;
  readonly envelope?: string;
}

/** A YAML catalog whose `codes:` block is `codes` (entries indented two spaces). */
export function yamlCatalog(codes: string, options: YamlCatalogOptions = {}): string {
  const { id = 'crafted', title = 'Crafted API', top, envelope = ENVELOPE_YAML } = options;
  return [`id: ${id}`, `title: ${title}`, ...(top ? [top] : []), envelope, 'codes:', codes].join('\n') + '\n';
}

/** A YAML code entry. */
export function yamlCode(code: string, status: number, more = ''): string {
  return [`  ${code}:`, `    status: ${status}`, ...(more ? [more] : [])].join('\n');
}

/** A string as a YAML double-quoted scalar (JSON's escapes are a subset of YAML's). */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** Pieces nesting `depth` arrays or objects, closed or left open. */
export function nested(kind: 'arrays' | 'objects', depth: number, closed = true): Piece[] {
  if (kind === 'arrays') return closed ? [{ repeat: '[', times: depth }, { repeat: ']', times: depth }] : [{ repeat: '[', times: depth }];
  return closed ? [{ repeat: '{"a":', times: depth }, '1', { repeat: '}', times: depth }] : [{ repeat: '{"a":', times: depth }];
}

/** What the `exercise` battery needs besides the files: one case on disk, asked about its codes. */
export function catalogCase(family: string, name: string, seed: number, path: string, content: Content, codes: readonly string[], statuses: readonly number[] = [], extra: Partial<FuzzCase> = {}): FuzzCase {
  return {
    family,
    name,
    seed,
    files: [{ kind: 'file', path, content }],
    steps: [{ do: 'exercise' }],
    probe: { codes, statuses },
    ...extra,
  };
}

/** The same catalog opened in the editor (a buffer the server reads as it is typed) instead of read from disk. */
export function bufferCase(family: string, name: string, seed: number, path: string, content: Content, codes: readonly string[], statuses: readonly number[] = []): FuzzCase {
  const steps: Step[] = [{ do: 'open', path, languageId: /\.json$/.test(path) ? 'json' : 'yaml', content }, { do: 'exercise' }];
  return { family, name, seed, files: [], steps, probe: { codes, statuses } };
}

/**
 * A catalog file that appears while the server runs, announced by a watched-file event (the way
 * a `git pull` brings one). With `probe`, the health probe is sent at once: the other folder must
 * not wait for it. With `exercise`, the battery follows once it has loaded.
 */
export function appearingCase(family: string, name: string, seed: number, file: FileSpec, codes: readonly string[], { probe = false, exercise = true } = {}): FuzzCase {
  const steps: Step[] = [{ do: 'write', file }, { do: 'watch', changes: [{ uri: `%WSURI%/${file.path}`, type: 1 }] }];
  if (probe) steps.push({ do: 'probe' });
  steps.push({ do: 'settle' });
  if (exercise) steps.push({ do: 'exercise' });
  return { family, name, seed, files: [], steps, probe: { codes, statuses: [] } };
}
