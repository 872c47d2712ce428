/**
 * The server over sample workspaces written the way real API servers write their errors (codes as
 * constants, raised through the codebase's own helpers, next to `code`/`type` values that are not
 * error codes): hover on every code usage, references equal to a plain search of the code's string
 * and constant forms, completion after each qualifier of code constants equal to the constants the
 * definition files put under it, no diagnostic on the clean code, and exactly one per planted mistake.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Diagnostic, Location, Position, Range } from 'vscode-languageserver/node';
import { inProcessServer } from '../helpers/inProcessServer';
import { fileUri, LspClient, positionAt } from '../helpers/lspClient';
import { codeUsages, copyOf, definedConstants, languageOf, qualifiedUses, sampleWorkspaces, type SampleWorkspace } from '../helpers/workspaces';

const TIMEOUT = { timeout: 120_000 };
const figures: string[] = [];
const offsetAt = (text: string, position: Position) => text.split('\n').slice(0, position.line).reduce((n, line) => n + line.length + 1, 0) + position.character;

async function startOn(folder: string): Promise<LspClient> {
  const client = new LspClient(undefined, undefined, undefined, { endpoint: inProcessServer() });
  await client.initialize(folder, { capabilities: { window: { workDoneProgress: true } } });
  await client.ready();
  await client.waitFor(() => client.logs.find((l) => l.includes('Indexed ')), 'the constants to be indexed');
  return client;
}

/**
 * The lines a diagnostic is about: its own, and those of the status it names (a status mismatch) or
 * the body it is about (an envelope shape), which its fix edits.
 */
function linesAbout(text: string, diagnostic: Diagnostic): number[] {
  const lines = [diagnostic.range.start.line];
  const data = diagnostic.data as { statusOffset?: number; bodyOffset?: number; bodyLength?: number } | undefined;
  const lineStarts = text.split('\n').reduce<number[]>((starts, line) => [...starts, starts[starts.length - 1] + line.length + 1], [0]);
  const anchor = lineStarts[diagnostic.range.start.line] + diagnostic.range.start.character;
  const lineOf = (offset: number) => positionAt(text, offset).line;
  if (data?.statusOffset !== undefined) lines.push(lineOf(anchor + data.statusOffset));
  if (data?.bodyOffset !== undefined && data.bodyLength !== undefined) {
    for (let line = lineOf(anchor + data.bodyOffset); line <= lineOf(anchor + data.bodyOffset + data.bodyLength); line++) lines.push(line);
  }
  return lines;
}

for (const workspace of sampleWorkspaces()) {
  describe(`sample workspace ${workspace.name}`, () => {
    let folder: string;
    let client: LspClient;
    const texts = new Map<string, string>();
    const uri = (file: string) => fileUri(join(folder, file));

    before(async () => {
      folder = copyOf(workspace);
      client = await startOn(folder);
      for (const file of workspace.sources) {
        const text = readFileSync(join(folder, file), 'utf8');
        texts.set(file, text);
        await client.open(uri(file), languageOf(file), text);
      }
    });

    after(async () => {
      await client.shutdown().catch(() => undefined);
      await client.dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    it('hovers every code usage, written as a string or as a constant', TIMEOUT, async () => {
      const usages = codeUsages(workspace, folder);
      const missed: string[] = [];
      for (const usage of usages) {
        const text = texts.get(usage.file)!;
        const hover = await client.hoverText(uri(usage.file), positionAt(text, usage.offset + 1));
        if (!hover?.includes(`\`${usage.code}\``)) missed.push(`${usage.file}:${positionAt(text, usage.offset).line + 1} ${usage.form} ${text.slice(usage.offset, usage.offset + usage.length)} → ${usage.code}: ${hover?.split('\n')[0] ?? 'no hover'}`);
      }
      const constants = usages.filter((u) => u.form === 'constant').length;
      figures.push(`${workspace.name}: hover ${usages.length - missed.length}/${usages.length} (constants ${constants})`);
      assert.deepEqual(missed, []);
    });

    it('completes, after each qualifier the code writes, the names of the constants under it that stand for codes', TIMEOUT, async () => {
      const constants = definedConstants(workspace);
      const wrong: string[] = [];
      let offered = 0;
      let valid = 0;
      const uses = qualifiedUses(workspace, folder);
      const itemsAt = async (file: string, offset: number) => {
        const text = texts.get(file)!;
        const list = await client.completion(uri(file), positionAt(text, offset)) as CompletionList | null;
        const range = list?.itemDefaults?.editRange as Range | undefined;
        return { items: list?.items ?? [], replaced: range ? text.slice(offsetAt(text, range.start), offsetAt(text, range.end)) : undefined };
      };
      for (const use of uses) {
        const expected = new Set(constants.filter((c) => c.container === use.container).map((c) => c.name));
        const { items, replaced } = await itemsAt(use.file, use.offset);
        const names = new Set(items.map((i: CompletionItem) => i.label));
        offered += items.length;
        valid += items.filter((i: CompletionItem) => expected.has(i.label)).length;
        const where = `${use.file}:${positionAt(texts.get(use.file)!, use.offset).line + 1} ${use.written}`;
        for (const name of expected) if (!names.has(name)) wrong.push(`${where}: missing ${name}`);
        for (const name of names) if (!expected.has(name)) wrong.push(`${where}: offers ${name}, not a constant of ${use.container}`);
        if (replaced !== use.name) wrong.push(`${where}: replaces ${JSON.stringify(replaced)}, not the name ${use.name}`);
        if (use.outer) {
          // One level up (`ErrorCodes.` of `ErrorCodes.Patients.`): the containers that hold code constants.
          const containers = new Set(constants.map((c) => c.container));
          const outer = await itemsAt(use.file, use.outer.offset);
          if (!outer.items.some((i: CompletionItem) => i.label === use.outer!.member)) wrong.push(`${where}: ${use.outer.written} does not offer ${use.outer.member}`);
          for (const item of outer.items) if (!containers.has(item.label)) wrong.push(`${where}: ${use.outer.written} offers ${item.label}, not a container of codes`);
        }
      }
      figures.push(`${workspace.name}: completion after ${uses.length} qualifiers (${uses.map((u) => u.written).join(' ')}): ${offered} items, ${valid} constants that exist`);
      assert.ok(uses.length > 0, 'the workspace writes its constants qualified');
      assert.deepEqual(wrong, []);
    });

    it('raises no diagnostic on the clean workspace', TIMEOUT, async () => {
      const found: string[] = [];
      for (const file of workspace.sources) {
        const published = await client.diagnosticsFor(uri(file));
        for (const d of published.diagnostics.filter((x: Diagnostic) => x.source === 'error-catalog')) {
          found.push(`${file}:${d.range.start.line + 1} ${d.code}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
        }
      }
      figures.push(`${workspace.name}: diagnostics on clean code ${found.length}`);
      assert.deepEqual(found, []);
    });

    it('reports each planted mistake with exactly one diagnostic, of its rule, where it was planted', TIMEOUT, async () => {
      const wrong: string[] = [];
      let caught = 0;
      for (const planted of workspace.manifest.planted) {
        const clean = texts.get(planted.file)!;
        const at = clean.indexOf(planted.find);
        assert.ok(at >= 0 && clean.indexOf(planted.find, at + 1) < 0, `${workspace.name}: "${planted.find}" must occur once in ${planted.file}`);
        const mistaken = clean.slice(0, at) + planted.replace + clean.slice(at + planted.find.length);
        const version = (client.lastDiagnostics(uri(planted.file))?.version ?? 1) + 1;
        await client.change(uri(planted.file), mistaken);
        const published = await client.diagnosticsFor(uri(planted.file), (p) => p.version === version);
        const ours = published.diagnostics.filter((d: Diagnostic) => d.source === 'error-catalog');
        const start = positionAt(mistaken, at).line;
        const end = positionAt(mistaken, at + planted.replace.length).line;
        const hit = ours.length === 1 && ours[0].code === planted.rule && linesAbout(mistaken, ours[0]).some((line) => line >= start && line <= end);
        if (hit) caught++;
        else wrong.push(`${planted.name} (${planted.rule}, ${planted.file}:${start + 1}): ${ours.length === 0 ? 'nothing' : ours.map((d) => `${d.code} at ${d.range.start.line + 1}`).join(', ')}`);
        const restored = version + 1;
        await client.change(uri(planted.file), clean);
        await client.diagnosticsFor(uri(planted.file), (p) => p.version === restored);
      }
      figures.push(`${workspace.name}: planted mistakes caught ${caught}/${workspace.manifest.planted.length}`);
      assert.deepEqual(wrong, []);
    });

    it('finds the references of each code that a plain search finds', TIMEOUT, async () => {
      const usages = codeUsages(workspace, folder);
      const wrong: string[] = [];
      const codes = [...new Set(usages.map((u) => u.code))];
      for (const code of codes) {
        const first = usages.find((u) => u.code === code)!;
        const locations = await client.request<Location[]>('textDocument/references', {
          textDocument: { uri: uri(first.file) }, position: positionAt(texts.get(first.file)!, first.offset + 1), context: { includeDeclaration: false },
        });
        // The catalog and the workspace's own manifest (test data, not the API's code) are left out of the comparison.
        const found = new Set(locations.filter((l) => !l.uri.endsWith('.yaml') && !l.uri.endsWith('/workspace.json')).map((l) => `${l.uri.slice(fileUri(folder).length + 1)}:${l.range.start.line}:${l.range.start.character}`));
        const expected = new Set(usages.filter((u) => u.code === code).map((u) => {
          const p = positionAt(texts.get(u.file)!, u.offset);
          return `${u.file}:${p.line}:${p.character}`;
        }));
        for (const e of expected) if (!found.has(e)) wrong.push(`${code}: missed ${e}`);
        for (const f of found) if (!expected.has(f)) wrong.push(`${code}: extra ${f}`);
      }
      figures.push(`${workspace.name}: references for ${codes.length} codes, ${wrong.length} differences from the search`);
      assert.deepEqual(wrong, []);
    });
  });
}

after(() => {
  console.log(`\n${figures.join('\n')}`);
});

export type { SampleWorkspace };
