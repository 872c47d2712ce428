/**
 * `import docs`: an error reference page (Markdown, HTML, or text copied from a browser) made into
 * a catalog draft. The page's blocks are read for the error envelope (its example body), the
 * codes it presents, the statuses it defines and the advice it gives; what the importer had to
 * guess is noted on the value, and what it saw but could not place is listed for the reader.
 *
 * Pure and synchronous: text in, draft out. The page is bounded in size and every list in it in
 * length, as it comes from a cloned repository and may be anything.
 */
import { readAdvice, shareSteps, isInstruction } from './docsPageAdvice';
import { parsePageBlocks, type PageBlock } from './docsPageBlocks';
import {
  addExample,
  addSteps,
  isHeadingBlock,
  MAX_CODES,
  newCode,
  readCodeSections,
  readCodeTables,
  readCodesInClientCode,
  type Consumed,
  type FoundCode,
  type PageLeftOut,
} from './docsPageCodes';
import { envelopeFromExample, isJsonObject, looksLikeErrorBody, memberNames, placeExample, type EnvelopeReading, type JsonObject } from './docsPageEnvelope';
import { htmlToText } from './docsPageHtml';
import { inferCodeStatuses } from './docsPageInference';
import { codeHeadingOf, codeShapeOf, statusLineOf } from './docsPageShapes';
import { ensureStatus, readStatusLines, readStatusTables, type StatusMap } from './docsPageStatuses';
import { firstSentence, isHtmlPage, MAX_PAGE_CHARS, plainText, repairMojibake, sentencesOf, withoutInertElements } from './docsPageText';
import { catalogIdFrom, ImportError, type CatalogDraft, type DraftCatalog, type DraftCode, type DraftExample, type DraftGuess, type DraftStatus } from './catalogDraft';

/** What the importer looks for, said when a page has none of it. */
const LOOKS_FOR =
  'no recognisable errors: the importer looks for error codes (a heading or line per code such as "RATE_LIMITED (429)" or "AUTH_001 - Invalid API key", a table with a code column, or a code in an example error body), HTTP statuses (a status table or lines such as "404 Not Found - Resource not found") and an example error body in JSON';

/** Abbreviations that stay in capitals when a code's name becomes its title. */
const ACRONYMS = new Set(['API', 'ID', 'URL', 'URI', 'HTTP', 'JSON', 'XML', 'SQL', 'IP', 'JWT', 'OTP', 'SMS', 'CSV', 'PDF', 'SSO', 'MFA', 'TLS', 'DNS']);

/** A readable title from a code's name, for codes the page gives none: `INVALID_API_KEY` → `Invalid API key`. */
function titleFromCode(code: string): string {
  const words = code.split(/[_.:-]+|(?<=[a-z])(?=[A-Z])/).filter((word) => word && !/^\d+$/.test(word));
  return words.map((word, i) => (ACRONYMS.has(word.toUpperCase()) ? word.toUpperCase() : i === 0 ? word[0].toUpperCase() + word.slice(1).toLowerCase() : word.toLowerCase())).join(' ');
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** The JSON block that shows the error format: an error body near words like "format" or "structure", with a code and a message. */
function chooseEnvelope(blocks: readonly PageBlock[], consumed: Consumed): number | undefined {
  let best: { index: number; score: number } | undefined;
  blocks.forEach((block, index) => {
    if (block.kind !== 'json' || consumed.has(index) || !isJsonObject(block.value) || !looksLikeErrorBody(block.value)) return;
    const context = blocks
      .slice(Math.max(0, index - 3), index)
      .map((before) => ('text' in before ? before.text : ''))
      .join(' ');
    const reading = envelopeFromExample(block.value);
    let score = Object.keys(block.value).length / 10;
    if (/format|structure|envelope|shape|schema|error response|error object|response body|follow|look like|consistent/i.test(context)) score += 3;
    if (reading.codePath) score += 2;
    if (reading.messagePath) score += 1;
    if (!best || score > best.score) best = { index, score };
  });
  return best?.index;
}

/** The page's introduction: its first paragraph of prose before any code, status or body. */
function introduction(blocks: readonly PageBlock[]): string | undefined {
  for (const block of blocks.slice(0, 30)) {
    if (block.kind === 'json' || block.kind === 'table') return undefined;
    if ('text' in block && codeHeadingOf(block.text)) return undefined;
    if (block.kind === 'text' && !isHeadingBlock(block) && !statusLineOf(block.text) && block.text.split(/\s+/).length >= 6) return plainText(block.text, 500);
  }
  return undefined;
}

/** Strings of a body as a catalog may hold them; keys that are markup are dropped. */
function plainValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.startsWith('${') ? value : plainText(value);
  if (depth > 12 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => plainValue(item, depth + 1));
  const out: JsonObject = {};
  for (const [key, member] of Object.entries(value).slice(0, 100)) {
    const name = key.startsWith('${') ? key : plainText(key, 200);
    if (name) out[name] = plainValue(member, depth + 1);
  }
  return out;
}

/** Members that only some bodies carry: missing from an example of the same part, or called optional near the format. */
function optionalMembers(envelope: EnvelopeReading, examples: readonly { body: JsonObject; at?: string }[], prose: string): string[] {
  const optional = new Set<string>();
  const codeKey = envelope.codePath?.[envelope.codePath.length - 1];
  for (const example of examples) {
    const part = example.at ? example.at.split('.').reduce<unknown>((value, key) => (isJsonObject(value) ? value[key] : undefined), envelope.body) : envelope.body;
    if (!isJsonObject(part)) continue;
    const shared = Object.keys(part).filter((key) => Object.hasOwn(example.body, key));
    if (shared.length < 1) continue;
    for (const key of Object.keys(part)) if (key !== codeKey && !key.startsWith('${') && !Object.hasOwn(example.body, key)) optional.add(key);
  }
  // `optional details`, or a sentence that calls members in backticks optional or present only sometimes.
  const names = memberNames(envelope.body);
  for (const match of prose.matchAll(/\boptional\s+[`"']?([A-Za-z_][\w]*)/gi)) if (names.has(match[1]) && match[1] !== codeKey) optional.add(match[1]);
  for (const sentence of sentencesOf(prose)) {
    if (!/\boptional\b|\bonly (?:present|included|returned|sent|set)\b|\bmay be (?:absent|missing|omitted)\b/i.test(sentence)) continue;
    for (const match of sentence.matchAll(/`([A-Za-z_][\w]*)`/g)) if (names.has(match[1]) && match[1] !== codeKey) optional.add(match[1]);
  }
  return [...optional];
}

/** The draft catalog of an error reference page. Throws {@link ImportError} when the page has no errors to read. */
export function importDocsPage(text: string, fileName: string): CatalogDraft {
  const leftOut: PageLeftOut[] = [];
  let page = text.replace(/^\uFEFF/, '');
  if (page.length > MAX_PAGE_CHARS) {
    leftOut.push({ line: 1, what: `the page is longer than ${MAX_PAGE_CHARS} characters; only its start was read` });
    page = page.slice(0, MAX_PAGE_CHARS);
  }
  page = repairMojibake(page);
  const html = /\.x?html?$/i.test(fileName) || isHtmlPage(page);
  const markdown = html || /\.(md|markdown|mdx)$/i.test(fileName) || /^#{1,6}\s+\S/m.test(page.slice(0, 200_000));
  if (html) {
    const converted = htmlToText(page);
    if (converted.cut) leftOut.push({ line: 1, what: 'the page nests its HTML elements too deep to be a docs page; only its start was read' });
    page = converted.text;
  } else {
    page = withoutInertElements(page);
  }
  const blocks = parsePageBlocks(page, markdown);
  const consumed: Consumed = new Set();

  // Codes presented by headings come first: their example bodies are theirs, not the envelope.
  const codes = new Map<string, FoundCode>();
  const addCode = (found: FoundCode): FoundCode => {
    const existing = codes.get(found.code);
    if (!existing) {
      if (codes.size >= MAX_CODES) {
        const cut = `more than ${MAX_CODES} codes; the rest were not read`;
        if (!leftOut.some((item) => item.what === cut)) leftOut.push({ line: found.line, what: cut });
        return found;
      }
      codes.set(found.code, found);
      return found;
    }
    // The same code presented twice (a heading and a table row): what the first lacks, the second gives.
    existing.status ??= found.status;
    existing.statusSource ??= found.statusSource;
    existing.title ??= found.title;
    existing.message ??= found.message;
    existing.description ??= found.description;
    if (existing.causes.length === 0) existing.causes.push(...found.causes);
    if (existing.resolution.length === 0) {
      existing.resolution.push(...found.resolution);
      existing.ownResolution ||= found.ownResolution;
    }
    for (const example of found.examples) addExample(existing, example);
    return existing;
  };
  for (const found of readCodeSections(blocks, consumed, leftOut)) addCode(found);

  let envelopeIndex = chooseEnvelope(blocks, consumed);
  const guesses: DraftGuess[] = [];
  let envelope: EnvelopeReading | undefined;
  if (envelopeIndex === undefined) {
    // No format block: the first example body under a code shows the format as well as anything.
    envelopeIndex = blocks.findIndex((block) => block.kind === 'json' && isJsonObject(block.value) && looksLikeErrorBody(block.value));
    if (envelopeIndex < 0) envelopeIndex = undefined;
    else guesses.push({ path: ['envelope', 'body'], note: `the page shows no error format; this is the example body on line ${blocks[envelopeIndex].line}` });
  }
  if (envelopeIndex !== undefined) {
    const block = blocks[envelopeIndex];
    if (block.kind === 'json' && isJsonObject(block.value)) envelope = envelopeFromExample(block.value);
    consumed.add(envelopeIndex);
  }

  for (const found of readCodeTables(blocks, consumed)) addCode(found);
  const statuses: StatusMap = new Map();
  const codeLinks = new Map<string, number>();
  readStatusTables(blocks, consumed, statuses, codeLinks);
  readStatusLines(blocks, consumed, statuses);
  const codeKey = envelope?.codePath?.[envelope.codePath.length - 1];
  for (const found of readCodesInClientCode(blocks, codeKey)) addCode(found);

  // Example bodies: the envelope's own, those under codes, and the others on the page.
  const placedExamples: { body: JsonObject; at?: string }[] = [];
  const placeOn = (code: FoundCode | undefined, body: JsonObject, description: string | undefined): void => {
    const placed = placeExample(envelope, body);
    const owner = code ?? (placed.code ? codes.get(placed.code) : undefined);
    placedExamples.push({ body, at: placed.at });
    if (!owner) return;
    if (placed.message && !owner.message) owner.message = plainText(placed.message);
    for (const [key, value] of Object.entries(placed.members)) {
      if (!(key in owner.members)) owner.members[key] = value;
      if (typeof value === 'string' && isInstruction(value) && !owner.ownResolution) addSteps(owner.resolution, [value]);
    }
    addExample(owner, { body, at: placed.at, description });
  };
  if (envelope) {
    const placed = placeExample(envelope, envelope.example);
    // The format's example carries a real code (`INVALID_API_KEY`): the page presents that code.
    if (placed.code && codeShapeOf(placed.code) && !codes.has(placed.code)) addCode(newCode(placed.code, envelopeIndex === undefined ? 1 : blocks[envelopeIndex].line));
    placeOn(placed.code ? codes.get(placed.code) : undefined, envelope.example, 'The example body the page shows.');
  }
  for (const found of [...codes.values()]) {
    const bodies = found.examples.splice(0);
    for (const example of bodies) if (isJsonObject(example.body)) placeOn(found, example.body, `Example body for ${found.code} from the page.`);
  }
  blocks.forEach((block, index) => {
    if (block.kind !== 'json' || consumed.has(index) || !isJsonObject(block.value)) return;
    const placed = placeExample(envelope, block.value);
    if (placed.code && codeShapeOf(placed.code) && !codes.has(placed.code)) addCode(newCode(placed.code, block.line));
    if (placed.code && codes.has(placed.code)) {
      placeOn(codes.get(placed.code), block.value, `Example body for ${placed.code} from the page.`);
      consumed.add(index);
    } else if (looksLikeErrorBody(block.value)) {
      leftOut.push({ line: block.line, what: 'an example error body that names no code' });
    }
  });

  // Statuses: links from status tables, then inference for codes the page gives none.
  for (const [code, status] of codeLinks) {
    const found = codes.get(code);
    const entry = statuses.get(status);
    if (!found || !entry) continue;
    if (found.status === undefined) {
      found.status = status;
      found.statusSource = 'page';
    }
    entry.meaning ??= code;
    if (!entry.description && found.message) {
      entry.description = found.message;
      entry.descriptionNote = `the page names ${code} for ${status}; this is that code's message`;
    }
  }
  const codeList = [...codes.values()].sort((a, b) => a.line - b.line);
  inferCodeStatuses(codeList, statuses);
  for (const found of codeList) {
    const status = found.status as number;
    const entry = ensureStatus(statuses, status, found.line, found.code);
    if (entry.addedFor === found.code && !entry.description) {
      const description = found.description ? firstSentence(found.description) : found.message;
      if (description) {
        entry.description = description;
        entry.descriptionNote = `the page does not define ${status}; its description is ${found.code}'s`;
      }
    }
  }

  readAdvice(blocks, consumed, statuses, codeList, leftOut);
  shareSteps(statuses, codeList);

  // Messages the page does not give: the description's first sentence, else the status's description.
  for (const found of codeList) {
    if (found.message) continue;
    if (found.description) {
      found.message = firstSentence(found.description);
      found.messageNote = "the page gives no message; this is the first sentence of the code's description";
    } else {
      const status = statuses.get(found.status as number);
      if (status?.description) {
        found.message = status.description;
        found.messageNote = `the page gives no message; this is the description of ${status.status}`;
      }
    }
  }

  // Causes the page does not give: what the page says brings its status about (`401 - Missing or
  // invalid API key`) is the likeliest cause of a code sent with it.
  for (const found of codeList) {
    const status = statuses.get(found.status as number);
    if (found.causes.length > 0 || !status?.description || status.addedFor || status.descriptionNote || found.statusSource === 'fallback') continue;
    if (status.description.toLowerCase() === found.message?.toLowerCase()) continue;
    found.causes.push(status.description);
    found.causesNote = `the page gives no causes; this is what it says of ${status.status}`;
  }

  if (!envelope && codes.size === 0 && statuses.size === 0) throw new ImportError(LOOKS_FOR, fileName);

  // Advice that went nowhere, and capitals-with-underscores tokens the page never presents as
  // codes: for the reader to check.
  let unplacedAdvice = 0;
  blocks.forEach((block, index) => {
    if (consumed.has(index) || (block.kind !== 'text' && block.kind !== 'item')) return;
    if (isInstruction(block.text) && unplacedAdvice++ < 20) leftOut.push({ line: block.line, what: `advice for no status or code the importer could tell: "${plainText(block.text, 80)}"` });
    for (const match of block.text.matchAll(/\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g)) {
      if (!codes.has(match[0]) && leftOut.length < 50) leftOut.push({ line: block.line, what: `${match[0]} looks like a code, but the page does not present it as one` });
    }
  });

  // Lines of an HTML page are those of its text, which is what the reader of the report can find.
  const where = (line: number) => (html ? `line ${line} of the page's text` : `line ${line}`);
  return buildDraft(fileName, blocks, envelope, envelopeIndex, placedExamples, statuses, codeList, guesses, leftOut.map((item) => ({ where: where(item.line), what: item.what })));
}

function buildDraft(
  fileName: string,
  blocks: readonly PageBlock[],
  envelope: EnvelopeReading | undefined,
  envelopeIndex: number | undefined,
  placedExamples: readonly { body: JsonObject; at?: string }[],
  statuses: StatusMap,
  codes: readonly FoundCode[],
  guesses: DraftGuess[],
  leftOut: readonly { where: string; what: string }[],
): CatalogDraft {
  const name = baseName(fileName).replace(/\.[^.]+$/, '');
  const id = catalogIdFrom(baseName(fileName));
  const title = `${plainText(name, 60).replace(/^./, (first) => first.toUpperCase()) || 'Imported'} API`;
  const catalog: DraftCatalog = { id, title, description: introduction(blocks), envelope: { body: {} }, statuses: {}, codes: {} };
  const draft: CatalogDraft = { catalog, guesses: [], leftOut: [], origins: [] };

  if (envelope) {
    const near = envelopeIndex === undefined ? [] : blocks.slice(Math.max(0, envelopeIndex - 3), envelopeIndex + 3);
    const prose = near.map((block) => ('text' in block ? block.text : '')).join(' ');
    const body = plainValue(envelope.body) as JsonObject;
    if (!envelope.codePath) {
      // A format without a code member cannot carry one; the catalog needs it somewhere.
      body.code = '${code}';
      guesses.push({ path: ['envelope', 'body', 'code'], note: 'the error format on the page has no code member; where the code goes is a guess' });
    }
    catalog.envelope = {
      contentType: 'application/json',
      body,
      optional: optionalMembers(envelope, placedExamples, prose),
      examples: [{ description: 'The error format the page shows.', body: plainValue(envelope.example) }],
    };
  } else {
    catalog.envelope = { contentType: 'application/json', body: { code: '${code}', message: '${message}' } };
    guesses.push({ path: ['envelope', 'body'], note: 'the page shows no error body; a flat { code, message } is assumed, set it to what the API sends' });
  }

  for (const status of [...statuses.values()].sort((a, b) => a.status - b.status)) {
    const entry: DraftStatus = {
      reason: status.reason,
      meaning: status.meaning,
      description: status.description,
      troubleshooting: status.troubleshooting.map((step) => step.text),
    };
    catalog.statuses[String(status.status)] = entry;
    if (status.addedFor) guesses.push({ path: ['statuses', String(status.status)], note: `the page does not define ${status.status}; added for ${status.addedFor} with the standard reason` });
    if (status.descriptionNote) guesses.push({ path: ['statuses', String(status.status), 'description'], note: status.descriptionNote });
  }

  for (const found of codes) {
    const entry: DraftCode = {
      status: found.status as number,
      title: found.title ?? (titleFromCode(found.code) || undefined),
      message: found.message,
      description: found.description,
      causes: found.causes,
      resolution: found.resolution,
      members: Object.keys(found.members).length > 0 ? (plainValue(found.members) as Record<string, unknown>) : undefined,
      examples: found.examples.map((example): DraftExample => ({ description: example.description, at: example.at, body: plainValue(example.body) })),
    };
    catalog.codes[found.code] = entry;
    if (found.statusNote) guesses.push({ path: ['codes', found.code, 'status'], note: found.statusNote });
    if (found.messageNote) guesses.push({ path: ['codes', found.code, 'message'], note: found.messageNote });
    if (found.causesNote) guesses.push({ path: ['codes', found.code, 'causes'], note: found.causesNote });
    if (!found.ownResolution && found.resolution.length > 0) guesses.push({ path: ['codes', found.code, 'resolution'], note: "the page gives this code no resolution; these are steps it gives for the code's status or in its example body" });
  }

  draft.leftOut.push(...leftOut);
  draft.guesses.push(...guesses);
  return draft;
}
