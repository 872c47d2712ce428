import { URI } from 'vscode-uri';

/** The file path of a `file:` URI; undefined for other schemes (untitled documents, built-ins). */
export function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}
