/**
 * Troubleshooting advice, placed on the statuses it is for. Pages give it as a line naming the
 * statuses and a list (`When receiving a 422 status code:`, `For 500 or 502 status codes:`), as a
 * section whose heading names a kind of error (`Authentication Errors`, then a paragraph of
 * steps), or as a list of tips for all errors (`Best Practices`, `Debugging Tips`), where each tip
 * goes to the statuses it names or is about, and a tip about none of them to every error status.
 */
import type { PageBlock } from './docsPageBlocks';
import { isHeadingBlock, MAX_LIST_ITEMS, type Consumed, type FoundCode, type PageLeftOut } from './docsPageCodes';
import { codeHeadingOf, headingText, labelOf, statusesMentioned, statusLineOf } from './docsPageShapes';
import { ensureStatus, type FoundStatus, type StatusMap } from './docsPageStatuses';
import { plainText, sentencesOf } from './docsPageText';
import { contentWords, subjectScorer } from './docsPageWords';

/** Verbs an instruction starts with: a paragraph that starts with one is advice, not description. */
const INSTRUCTION_VERBS = new Set([
  'verify', 'check', 'ensure', 'make', 'use', 'try', 'retry', 'wait', 'contact', 'implement', 'review', 'consider', 'avoid', 'do', "don't", 'include', 'send',
  'reduce', 'refresh', 'confirm', 'update', 'add', 'remove', 'set', 'read', 'look', 'call', 'renew', 'regenerate', 'rotate', 'create', 'provide', 'validate',
  'correct', 'fix', 'limit', 'slow', 'cache', 'log', 'keep', 'save', 'note', 'compare', 'double-check', 'reauthenticate', 're-authenticate', 'upgrade', 'see',
  'store', 'capture', 'monitor', 'handle', 'inspect', 'list', 'pass', 'supply', 'obtain', 'request', 'reach', 'report', 'back', 'space', 'batch', 'throttle',
  'generate', 'replace', 'remember', 'follow', 'consult', 'ask', 'contact', 'resend', 'resubmit', 'double', 'wrap', 'catch', 'print', 'record', 'test',
]);

/** Whether a sentence is an instruction: it starts with a verb (after `Please` or an `If …,` clause). */
export function isInstruction(sentence: string): boolean {
  const text = plainText(sentence).replace(/^please\s+/i, '').replace(/^(if|when|for|before|after|once)\b[^,]{0,120},\s*/i, '');
  const first = text.split(/[\s,:]+/)[0]?.toLowerCase() ?? '';
  return INSTRUCTION_VERBS.has(first);
}

/** Headings over lists of advice for every kind of error. */
const TIPS_HEADING = /\b(tips?|best practices?|good practices?|recommendations?|guidelines?|debugging|troubleshooting|handling errors|error handling|common issues)\b/i;

interface StatusProfile {
  readonly status: FoundStatus;
  /** The words of the status and, where asked for, of its codes. */
  readonly words: Set<string>;
  /** The words of the status's own reason, meaning and description. */
  readonly ownWords: Set<string>;
}

/** The words each status is about: its reason, meaning and description, and its codes' texts. */
function statusProfiles(statuses: StatusMap, codes: readonly FoundCode[], withCodes: boolean): StatusProfile[] {
  return [...statuses.values()]
    .filter((status) => status.status >= 400)
    .map((status) => {
      // A description borrowed from a code is that code's words, not the status's.
      const own = [status.reason, status.meaning, status.descriptionNote ? undefined : status.description].filter(Boolean).join(' ');
      const texts = [own, status.description ?? ''];
      if (withCodes) {
        for (const code of codes) {
          if (code.status !== status.status) continue;
          texts.push(code.code, code.title ?? '', code.message ?? '', code.description ?? '', ...code.causes, ...code.resolution);
        }
      }
      return { status, words: contentWords(texts.join(' ')), ownWords: contentWords(own) };
    });
}

/**
 * The statuses a passage is about: the best-scoring one and those close to it, or none. The
 * evidence must reach `minEvidence`, where a word shared with the status's own reason, meaning or
 * description counts 2 and a word shared only with its codes' texts counts 1: a long tip that
 * shares one word with some code's description (`member`, `id`) is not about that code's status.
 */
function statusesAbout(passage: string, profiles: readonly StatusProfile[], scorer: (words: ReadonlySet<string>) => number[], closeness: number, minEvidence: number): FoundStatus[] {
  const words = contentWords(passage);
  const scores = scorer(words);
  const best = Math.max(0, ...scores);
  if (best <= 0) return [];
  const evidence = (profile: StatusProfile) => [...words].reduce((sum, word) => sum + (profile.ownWords.has(word) ? 2 : profile.words.has(word) ? 1 : 0), 0);
  const chosen = profiles.filter((_, i) => scores[i] >= best * closeness);
  return chosen.some((profile) => evidence(profile) >= minEvidence) ? chosen.map((profile) => profile.status) : [];
}

function addStep(status: FoundStatus, text: string, general: boolean): void {
  const plain = plainText(text);
  if (plain.length < 2 || status.troubleshooting.length >= MAX_LIST_ITEMS) return;
  if (!status.troubleshooting.some((step) => step.text.toLowerCase() === plain.toLowerCase())) status.troubleshooting.push({ text: plain, general });
}

/** The list items or the paragraph right after block `index`: the steps it introduces. */
function stepsAfter(blocks: readonly PageBlock[], index: number, consumed: Consumed): { steps: string[]; indices: number[] } {
  const steps: string[] = [];
  const indices: number[] = [];
  let j = index + 1;
  while (j < blocks.length && blocks[j].kind === 'item' && !consumed.has(j) && steps.length < MAX_LIST_ITEMS) {
    steps.push((blocks[j] as { text: string }).text);
    indices.push(j++);
  }
  if (steps.length > 0) return { steps, indices };
  const next = blocks[j];
  if (next?.kind === 'text' && !consumed.has(j) && !isHeadingBlock(next) && isInstruction(next.text)) {
    return { steps: sentencesOf(next.text), indices: [j] };
  }
  return { steps, indices };
}

/**
 * Reads the page's troubleshooting advice into `statuses`. Advice that names no status and is
 * about none goes to every error status only under a tips heading; elsewhere it is left out.
 */
export function readAdvice(blocks: readonly PageBlock[], consumed: Consumed, statuses: StatusMap, codes: readonly FoundCode[], leftOut: PageLeftOut[]): void {
  const headingProfiles = statusProfiles(statuses, codes, false);
  const headingScorer = subjectScorer(headingProfiles.map((profile) => profile.words));
  const tipProfiles = statusProfiles(statuses, codes, true);
  const tipScorer = subjectScorer(tipProfiles.map((profile) => profile.words));
  const errorStatuses = () => [...statuses.values()].filter((status) => status.status >= 400);

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (consumed.has(i) || (block.kind !== 'text' && block.kind !== 'heading' && block.kind !== 'item')) continue;
    if (codeHeadingOf(block.text) || statusLineOf(block.text)) continue;
    const text = headingText(block.text);

    // `When receiving a 422 status code:` or `### Handling 429 errors`, then the steps.
    const named = statusesMentioned(text);
    if (named.length > 0 && (block.kind === 'heading' || /:\s*$/.test(block.text))) {
      const { steps, indices } = stepsAfter(blocks, i, consumed);
      if (steps.length > 0) {
        for (const number of named) {
          const status = statuses.get(number) ?? ensureStatus(statuses, number, block.line, `its troubleshooting on line ${block.line}`);
          for (const step of steps) addStep(status, step, false);
        }
        consumed.add(i);
        indices.forEach((index) => consumed.add(index));
        i = Math.max(i, ...indices);
        continue;
      }
    }
    if (!isHeadingBlock(block) || labelOf(block.text, block.kind === 'heading')) continue;

    if (TIPS_HEADING.test(text)) {
      // Tips: the items or lines up to the next heading, each placed on its own.
      let j = i + 1;
      for (; j < blocks.length; j++) {
        const tip = blocks[j];
        if (consumed.has(j) || (tip.kind !== 'item' && tip.kind !== 'text') || isHeadingBlock(tip) || labelOf(tip.text)) break;
        if (tip.kind === 'text' && /:\s*$/.test(tip.text)) break;
        const tipText = plainText(tip.text);
        // A tip tells the reader what to do; prose under the same heading is the page's introduction.
        if (!isInstruction(tipText)) break;
        const mentioned = statusesMentioned(tipText).map((number) => statuses.get(number)).filter((status): status is FoundStatus => status !== undefined);
        const about = mentioned.length > 0 ? mentioned : statusesAbout(tipText, tipProfiles, tipScorer, 0.8, 2);
        if (about.length > 0) for (const status of about) addStep(status, tipText, false);
        else for (const status of errorStatuses()) addStep(status, tipText, true);
        consumed.add(j);
      }
      if (j > i + 1) consumed.add(i);
      i = j - 1;
      continue;
    }

    // `Authentication Errors`, then a paragraph or list of steps: the status the heading names by its words.
    const { steps, indices } = stepsAfter(blocks, i, consumed);
    if (steps.length === 0) continue;
    const about = statusesAbout(text, headingProfiles, headingScorer, 1, 1);
    if (about.length === 1) {
      for (const step of steps) addStep(about[0], step, false);
      consumed.add(i);
      indices.forEach((index) => consumed.add(index));
      i = Math.max(i, ...indices);
    } else if (indices.length > 0 && blocks[indices[0]].kind === 'item' && steps.some(isInstruction)) {
      leftOut.push({ line: block.line, what: `steps under "${plainText(text, 80)}", which names no status the page defines` });
    }
  }
}

/** Steps of a code's resolution that are about its status rather than the code: retrying, waiting, backing off, asking support. */
const STATUS_LEVEL_STEP = /\b(retry|retries|retrying|try again|try the request again|back ?off|backoff|wait|slow down|contact (?:our |the )?support|support team|status page)\b/i;

/**
 * Copies the status-level steps of each code's resolution (retry, back off, wait, contact support)
 * to its status's troubleshooting, and gives each code without a resolution of its own the steps
 * the page wrote for its status in particular (not the advice for every error).
 */
export function shareSteps(statuses: StatusMap, codes: readonly FoundCode[]): void {
  for (const code of codes) {
    const status = code.status === undefined ? undefined : statuses.get(code.status);
    if (!status) continue;
    for (const step of code.resolution) if (STATUS_LEVEL_STEP.test(step)) addStep(status, step, false);
  }
  for (const code of codes) {
    if (code.ownResolution || code.status === undefined) continue;
    const status = statuses.get(code.status);
    for (const step of status?.troubleshooting ?? []) {
      if (!step.general && code.resolution.length < MAX_LIST_ITEMS && !code.resolution.includes(step.text)) code.resolution.push(step.text);
    }
  }
}
