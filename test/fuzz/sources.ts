/**
 * Handler files that use a catalog's codes the ways real code does, right and wrong: the code
 * with its own status, with another status, misspelt, and in a body of another shape. They are
 * what random traffic and random edits work on.
 */
import type { Random } from './random';
import type { SeedCatalog } from './seeds';

export type SourceLanguage = 'typescript' | 'python';

export interface HandlerSource {
  readonly path: string;
  readonly languageId: SourceLanguage;
  readonly text: string;
}

/** A code misspelt the way people do: a letter dropped, doubled or swapped. */
export function misspelt(code: string, random: Random): string {
  if (code.length < 3) return `${code}X`;
  const at = random.int(1, code.length - 1);
  switch (random.below(3)) {
    case 0: return code.slice(0, at) + code.slice(at + 1);
    case 1: return code.slice(0, at) + code[at] + code.slice(at);
    default: return code.slice(0, at - 1) + code[at] + code[at - 1] + code.slice(at + 1);
  }
}

/** A status other than `status` that APIs also send. */
function otherStatus(status: number, random: Random): number {
  return random.pick([400, 401, 403, 404, 409, 422, 429, 500, 503].filter((s) => s !== status));
}

function usageLine(language: SourceLanguage, code: string, status: number, shape: 'envelope' | 'flat'): string {
  const literal = JSON.stringify(code);
  if (language === 'python') {
    const body = shape === 'envelope' ? `{'error': {'code': ${literal}, 'message': 'Not available'}}` : `{'error_code': ${literal}}`;
    return `    return JSONResponse(status_code=${status}, content=${body})`;
  }
  const body = shape === 'envelope' ? `{ error: { code: ${literal}, message: 'Not available' } }` : `{ error_code: ${literal} }`;
  return `  if (!item) return res.status(${status}).json(${body});`;
}

/** A handler file of `handlers` routes, each sending one of the catalog's codes, rightly or wrongly. */
export function handlerSource(catalog: SeedCatalog, random: Random, handlers = random.int(2, 12)): HandlerSource {
  const language: SourceLanguage = random.pick(['typescript', 'python']);
  const lines = language === 'python'
    ? ['from fastapi import FastAPI', 'from fastapi.responses import JSONResponse', '', 'app = FastAPI()', '']
    : ["import express from 'express';", '', 'const app = express();', ''];
  for (let i = 0; i < handlers; i++) {
    const code = random.pick(catalog.codes);
    const own = catalog.statusOf[code] ?? 400;
    const kind = random.below(10);
    const status = kind < 5 ? own : kind < 7 ? otherStatus(own, random) : own;
    const used = kind === 7 ? misspelt(code, random) : code;
    const shape = kind === 8 ? 'flat' : 'envelope';
    if (language === 'python') {
      lines.push(`@app.get('/items/${i}/{id}')`, `def item_${i}(id: str):`, `    item = store.find('items-${i}', id)`, '    if item is None:', `    ${usageLine(language, used, status, shape)}`, '    return item', '');
    } else {
      lines.push(`app.get('/items/${i}/:id', async (req, res) => {`, `  const item = await store.find('items-${i}', req.params.id);`, usageLine(language, used, status, shape), '  res.json(item);', '});', '');
    }
  }
  return { path: language === 'python' ? 'src/app.py' : 'src/app.ts', languageId: language, text: lines.join('\n') };
}
