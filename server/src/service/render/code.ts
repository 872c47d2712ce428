/**
 * Generated code as pieces: literal text and tab stops. The same pieces become a snippet
 * (`${1:default}`, for editors that take snippets) or plain text (the defaults), so no
 * renderer ever escapes for snippets itself.
 */

/** A tab stop: a part of the generated code a developer fills in. */
export interface TabStop {
  readonly tabStop: number;
  /** The default, already written as source text of the target language (escaped, without quotes). */
  readonly text: string;
}

export type Piece = string | TabStop;
export type Code = readonly Piece[];

/** A value in a body to render that is a tab stop, with its default value. */
export class Slot {
  constructor(readonly tabStop: number, readonly value: string | number | boolean) {}

  toString(): string {
    return String(this.value);
  }
}

export function isSlot(value: unknown): value is Slot {
  return value instanceof Slot;
}

function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (ch) => `\\${ch}`);
}

/** The pieces as a snippet (LSP snippet syntax): literal `$`, `}` and `\` escaped, tab stops numbered. */
export function toSnippet(code: Code): string {
  return code.map((piece) => (typeof piece === 'string' ? escapeSnippetText(piece) : `\${${piece.tabStop}:${escapeSnippetText(piece.text)}}`)).join('');
}

/** The pieces as plain text, every tab stop at its default. */
export function toPlainText(code: Code): string {
  return code.map((piece) => (typeof piece === 'string' ? piece : piece.text)).join('');
}

/** Joins pieces, merging adjacent text. */
export function code(...parts: (Piece | Code)[]): Piece[] {
  const out: Piece[] = [];
  for (const part of parts) {
    for (const piece of Array.isArray(part) ? part : [part as Piece]) {
      const last = out[out.length - 1];
      if (typeof piece === 'string' && typeof last === 'string') out[out.length - 1] = last + piece;
      else if (piece !== '') out.push(piece);
    }
  }
  return out;
}

/** Indents every line after the first by `indent` (the first line continues the caller's line). */
export function indentCode(pieces: Code, indent: string): Piece[] {
  return pieces.map((piece) => (typeof piece === 'string' ? piece.replace(/\n/g, `\n${indent}`) : piece));
}
