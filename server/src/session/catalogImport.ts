/**
 * Create Error Catalog in the editor: a new catalog's text from an OpenAPI document, an error docs
 * page, the folder's code or a blank template. Inputs are read through the workspace guard (inside
 * the folder, bounded in size); the client writes the file, asking before it replaces one.
 */
import type { ImportCatalogParams, ImportCatalogResult } from '../protocol';
import { blankCatalog } from '../service/import/blankCatalog';
import { draftToYaml, ImportError, type CatalogDraft } from '../service/import/catalogDraft';
import { importDocsPage } from '../service/import/docsPage';
import { importOpenApi } from '../service/import/openApi';
import { FileRefused, isInside, pathOf, type WorkspaceReader } from './files';

/** Specs and pages larger than this are not error references a person wrote. */
const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** A draft from an OpenAPI document (its `$ref`s read too) or a docs page, read through the workspace guard; `name` is how the page is named in the draft. */
export async function draftFromFile(source: 'openapi' | 'docs', path: string, name: string, reader: WorkspaceReader): Promise<CatalogDraft> {
  if (source === 'openapi') return importOpenApi(path, (referenced) => reader.read(referenced, MAX_SOURCE_BYTES));
  return importDocsPage(await reader.read(path, MAX_SOURCE_BYTES), name);
}

export interface ImportContext {
  readonly reader: WorkspaceReader;
  /** The paths of the workspace folders. */
  readonly folders: () => readonly string[];
  /** A draft from the code of a folder (the session's index). */
  readonly importFromCode: (paths: readonly string[]) => Promise<CatalogDraft>;
}

function resultOf(draft: CatalogDraft, source: string): ImportCatalogResult {
  return {
    text: draftToYaml(draft, source),
    codeCount: Object.keys(draft.catalog.codes).length,
    guessCount: draft.guesses.length,
    leftOut: draft.leftOut.map((item) => `${item.where}: ${item.what}`),
  };
}

export async function importCatalog(params: ImportCatalogParams, context: ImportContext): Promise<ImportCatalogResult> {
  const folder = pathOf(params.folder);
  if (!folder || !context.folders().includes(folder)) return { problem: `${params.folder} is not a folder of this workspace: the catalog is created in one of its folders.` };
  const name = folder.slice(folder.lastIndexOf('/') + 1);
  if (params.source === 'blank') return { text: blankCatalog(name), codeCount: 1, guessCount: 0, leftOut: [] };
  try {
    if (params.source === 'code') return resultOf(await context.importFromCode([folder]), `the code in ${name}`);
    const input = params.input === undefined ? undefined : pathOf(params.input);
    if (!input) return { problem: `Choose the ${params.source === 'openapi' ? 'OpenAPI document' : 'docs page'} to import (a file in the workspace).` };
    if (!isInside(folder, input)) return { problem: `${input} is outside the folder ${folder}: only files inside it are imported.` };
    const relative = input.slice(folder.length + 1);
    return resultOf(await draftFromFile(params.source, input, relative, context.reader), relative);
  } catch (error) {
    if (error instanceof ImportError || error instanceof FileRefused) return { problem: error.message };
    throw error;
  }
}
