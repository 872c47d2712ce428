/**
 * Rename of a code: in its catalog file and in every source file that uses that catalog, all at
 * once. Built-in catalogs cannot be renamed, and a new name must be a code the catalog lacks.
 */
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceQuery, WorkspaceTexts } from '../workspace';
import { findReferences, type CodeTarget } from './references';

/** Why a rename cannot be done, in words the user can act on. */
export interface RenameRefusal {
  readonly refused: string;
}

export function isRefusal(value: unknown): value is RenameRefusal {
  return typeof value === 'object' && value !== null && typeof (value as RenameRefusal).refused === 'string';
}

function builtinRefusal(target: CodeTarget): RenameRefusal | undefined {
  return target.catalog.origin === 'builtin'
    ? { refused: `${target.code} comes from the built-in ${target.catalog.title} catalog, which cannot be renamed.` }
    : undefined;
}

/** The range to rename and its current text, or why it cannot be renamed. */
export function prepareRename(document: TextDocument, target: CodeTarget): { range: Range; placeholder: string } | RenameRefusal {
  return builtinRefusal(target) ?? {
    range: { start: document.positionAt(target.range.start), end: document.positionAt(target.range.end) },
    placeholder: target.code,
  };
}

/** The edits that rename a code everywhere, or why they cannot be made. */
export async function doRename(workspace: WorkspaceTexts, target: CodeTarget, requestedName: string, query: SourceQuery = {}): Promise<WorkspaceEdit | RenameRefusal> {
  const newName = requestedName.trim();
  if (!/^[^\s"'`\\]{1,200}$/.test(newName)) return { refused: 'A code is 1 to 200 characters with no spaces, quotes or backslashes.' };
  if (target.catalog.codes.has(newName)) return { refused: `${target.catalog.title} already has a code ${newName}: choose another name, or merge the two codes in the catalog.` };
  const refusal = builtinRefusal(target);
  if (refusal) return refusal;
  const changes: Record<string, TextEdit[]> = {};
  // The code's string forms change (catalog, literals, constants' values); the constants' names stay as they are.
  for (const location of await findReferences(workspace, target, query, { constants: false })) {
    (changes[location.uri] ??= []).push({ range: location.range, newText: newName });
  }
  return { changes };
}
