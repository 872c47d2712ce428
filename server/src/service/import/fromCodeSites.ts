/**
 * The places the workspace hands a code to something, for the import from code, and what each
 * says of the code: a raise (`throw new ApiException(ApiException::X)`, `return
 * apierr.NewNotFoundError(apierr.X, …)`, `raise NotFound(ErrorCode.X)`, `ErrorCode.X.exception(…)`),
 * a response body (`res.status(404).json({ code: ErrorCode.X, message })`), or a registry that
 * maps codes to their statuses and messages (`ApiException::X => ['code' => 404, 'description' => …]`,
 * `{ErrorCode.X: "…"}`). The status is read from the nearest place that writes one: a member beside
 * the code, an argument of the call handed it, the helper's own status (`NewNotFoundError`, a class
 * whose body sets 404), or a status set on the response the call chain writes (`.status(404).json(`).
 */
import { ARRAY_ITEM } from '../catalog/envelope';
import type { ConstantDefinition } from '../text/constants';
import { mapBodyAt } from '../text/mapBodies';
import { statusMentionsBetween } from '../text/textScan';
import { isErrorStatus, reasonOf, statusOfExpression, statusOfHelperName, statusOfReason, wordsOf, type WrittenStatus } from './fromCodeStatuses';
import {
  callAt,
  calleeName,
  chainedStatusArguments,
  literalAt,
  valueAt,
  type Call,
  type Literal,
  type Member,
  type SourceFile,
  type SyntaxFamily,
  type Value,
} from './fromCodeText';

/** A status a place writes for a code, where it is written, and how (for the notes on conflicting statuses). */
export interface StatusEvidence extends WrittenStatus {
  /** Beside the code in a literal, an argument of the call handed it, the helper's own, or set on the response before. */
  readonly from: 'member' | 'argument' | 'helper' | 'chain';
  readonly how: string;
}

/** What a place does with a code; `success`: sent in a response whose status is not an error's (`Ok(new { code = … })`, `c.JSON(http.StatusOK, …)`). */
export type SiteRole = 'raise' | 'body' | 'registry' | 'success' | 'other';

/** A leaf of a body's shape: the code, the status (as a number or a string), or another value. */
export type LeafRole = 'code' | 'status' | 'status-string' | 'value';

/** A body's shape: its members (objects), its item (lists) and its leaves. */
export type ShapeNode =
  | { readonly kind: 'object'; readonly members: readonly { readonly key: string; readonly node: ShapeNode }[] }
  | { readonly kind: 'array'; readonly item?: ShapeNode }
  | { readonly kind: 'leaf'; readonly role: LeafRole; readonly literal?: string | number | boolean };

/** A response body around a code: its shape, and the keys from its root to the code (`[]` for a list's items). */
export interface BodyShape {
  readonly root: ShapeNode;
  readonly codePath: readonly string[];
  readonly uri: string;
  readonly line: number;
}

/** A place the workspace writes a code at, and what it does with it there. */
export interface Site {
  readonly uri: string;
  /** The code's offset in the file, and its line. */
  readonly start: number;
  readonly line: number;
  readonly role: SiteRole;
  /** The place uses the value as an error code: the code argument of a raise, the code of a body that has a message or a status, a registry entry. */
  readonly codeUse: boolean;
  readonly status?: StatusEvidence;
  readonly message?: string;
  readonly body?: BodyShape;
  /** The function the code is handed to, and the position of its argument among the positional ones. */
  readonly handedTo?: { readonly callee: string; readonly index: number };
}

/** What sites are read with: the statuses the workspace's own helpers send, by name (null where two helpers of the name disagree). */
export interface SiteContext {
  readonly helpers: ReadonlyMap<string, number | null>;
}

/** Brackets walked out from a code. */
const MAX_LEVELS = 8;
/** Depth and breadth of a body's shape. */
const MAX_SHAPE_DEPTH = 6;
const MAX_SHAPE_MEMBERS = 64;

/** Words of the names of functions and classes that raise or build errors (`NewNotFoundError`, `orElseThrow`, `HTTPException`); whole words, so that `default` is not a fault. */
const ERROR_WORD = /(?:^|_)(?:errors?|exceptions?|faults?|problems?|abort|fail|failure|raise|throw|reject|deny|panic)(?:_|$)/;

/** Whether a name is one of a function or class that raises or builds errors. */
function isErrorish(name: string): boolean {
  return ERROR_WORD.test(wordsOf(name));
}
/** Calls named like errors that are not raises: loggers, type guards, conversions and lookups. */
const LOGGER = /(?:^|\.|::|->)(?:console|log|logger|logging|_logger|Log|Logger|LOG|LOGGER|slog|zap)(?:\.|::|->)/;
const NOT_RAISING = /^(?:is|has|to|as|get|find|lookup|parse|from|validate|check|assert|expect|format|print|log|write)(?:[A-Z_]|$)|[Cc]odes?$/;
/** Keys that hold a status (`status`, `statusCode`, `status_code`, `httpStatusCode`, `http_code`); `code` when its value is one. */
const STATUS_KEY = /^(?:(?:http_?)?status(?:_?code)?|http_?code|code)$/i;
/** Keys that hold a message. */
export const MESSAGE_KEY = /^(?:message|msg|detail|description|error_description|error_message|errorMessage)$/i;
/** Keys whose value names the code in an options object or a registry entry. */
const CODE_KEY = /^(?:code|error_?code|errorCode|type|name|id|key)$/i;
/** Calls that send a response, whose bare number argument is a status (`sendJSON(w, 404, …)`, `res.json(body, 404)`). */
const SENDER = /json|send|write|respon|reply|render|status|abort|problem/i;

/** Whether a name says the error status it sends (`NotFound`, `ApiError.conflict`); `Ok` and `Created` say none. */
function namedForErrorStatus(name: string): boolean {
  return isErrorStatus(statusOfHelperName(name) ?? 0);
}

/** Whether a call is written after `throw` or `raise`. */
function isThrown(file: SourceFile, call: Call): boolean {
  return /\b(?:throw|raise)\s+(?:new\s+)?$/.test(file.text.slice(Math.max(0, call.calleeStart - 24), call.calleeStart));
}

/** Whether a call raises or builds an error: named like one, a helper that sends a status, or written after `throw`/`raise`. */
function isErrorishCall(file: SourceFile, call: Call, context: SiteContext): boolean {
  const name = calleeName(call.callee);
  if (LOGGER.test(`.${call.callee}`) || NOT_RAISING.test(name)) return false;
  return isErrorish(name) || typeof context.helpers.get(name) === 'number' || namedForErrorStatus(name) || isThrown(file, call);
}

/** Whether a call sends its argument as the body: named for an error status only (`NotFound(…)`, `Conflict(…)`), and not constructed or thrown. */
function sendsItsArgument(file: SourceFile, call: Call): boolean {
  const name = calleeName(call.callee);
  return !isErrorish(name) && namedForErrorStatus(name) && !call.construct && !isThrown(file, call);
}

/** What the place of a code at `[start, end)` does with it, and what it says of its status, message and body. */
export function siteAt(file: SourceFile, start: number, end: number, context: SiteContext): Site {
  const { text } = file;
  let role: SiteRole = 'other';
  let codeUse = false;
  let status: StatusEvidence | undefined;
  let message: string | undefined;
  let handedTo: Site['handedTo'];
  /** The literals holding the code, innermost first, each with the member holding it. */
  const chain: { literal: Literal; member: Member }[] = [];
  let chainOpen = true;
  let options = false;

  // `ErrorCode.SKU_NOT_FOUND.exception(…)`: the code raises itself.
  const receiver = /^\s*\.\s*([A-Za-z_]\w*)\s*\(/.exec(text.slice(end, end + 80));
  if (receiver && isErrorish(receiver[1]) && !NOT_RAISING.test(receiver[1])) {
    role = 'raise';
    codeUse = true;
  }

  for (const level of file.enclosingBrackets(start, MAX_LEVELS)) {
    if (level.char === '(') {
      const call = callAt(file, level);
      if (!call) {
        // A condition compares the code with something; it hands it to nothing.
        if (/\b(?:if|elif|while|switch|when|unless|until|match|for|foreach|catch|case)\s*$/.test(text.slice(Math.max(0, level.open - 12), level.open))) break;
        continue;
      }
      const argIndex = call.args.findIndex((a) => a.keyStart <= start && start < a.valueEnd);
      if (argIndex < 0) break;
      const map = chainOpen ? mapBodyOfCall(file, call, argIndex, start) : undefined;
      if (map) {
        // Java builds its bodies as maps: `Map.of("code", X, …)`, a run of `body.put("code", X);`.
        chain.push(map);
        status ??= statusOfMembers(file, map.literal, map.member);
        message ??= messageOfMembers(file, map.literal, map.member);
        continue;
      }
      const errorish = isErrorishCall(file, call, context);
      if (chain.length > 0 && chainOpen) {
        chainOpen = false;
        // A literal handed to an error's constructor is the error's options, not the body sent; one handed to a
        // responder named for its status (ASP.NET's `BadRequest(new { code = …, message = … })`) is the body.
        if (errorish) options = !sendsItsArgument(file, call);
      }
      handedTo ??= { callee: calleeName(call.callee), index: positionalIndex(call, argIndex) };
      if (errorish) {
        role = 'raise';
        // The code argument: the first constant or string (`new ApiError(403, ErrorCode.X)`), or named so (`code=AccountErrorCode.X`).
        if (chain.length === 0 && (isCodeSlot(file, call, argIndex) || /^(?:code|error_?code|errorCode)$/i.test(call.args[argIndex].key ?? ''))) codeUse = true;
        if (chain.length > 0 && CODE_KEY.test(chain[chain.length - 1].member.key ?? '')) codeUse = true;
        message ??= messageArgument(file, call, argIndex);
      }
      status ??= statusOfCall(file, call, argIndex, errorish, context);
      if (errorish && status) break;
      continue;
    }
    const literal = literalAt(file, level);
    if (!literal) break;
    const member = literal.members.find((m) => m.keyStart <= start && start < Math.max(m.valueEnd, m.keyEnd));
    if (!member) break;
    // Go writes a map's constant keys bare (`map[ErrorCode]int{ErrorCodeX: 404}`), as a struct writes its fields.
    const keyedByCode = member.kind === 'expression' || (file.family === 'go' && member.kind === 'name' && start < member.valueStart && !isTypedLiteral(file, literal));
    if (keyedByCode) {
      // A map keyed by codes: the code is the key (`ApiException::X => [...]`, `{ErrorCode.X: "…"}`), or the code
      // is inside the entry of its own key (`'name' => ApiException::X` beside `'code' => 404`).
      role = 'registry';
      const entry = start < member.valueStart ? registryEntry(file, member) : chain.length > 0 ? { status: statusOfMembers(file, chain[chain.length - 1].literal, undefined), message: messageOfMembers(file, chain[chain.length - 1].literal, undefined) } : {};
      status ??= entry.status;
      message ??= entry.message;
      codeUse = entry.status !== undefined || entry.message !== undefined;
      chain.length = 0;
      break;
    }
    if (!chainOpen || (member.kind === 'positional' && !literal.list)) break;
    // A value built from the code (`type = DocsBase + "x.not_found"`) is not the member that holds it.
    if (chain.length === 0 && !holdsExactly(text, member, start, end)) break;
    chain.push({ literal, member });
    if (chain.length <= 2) {
      status ??= statusOfMembers(file, literal, member);
      message ??= messageOfMembers(file, literal, member);
    }
  }

  // Rails renders without parentheses, the status after the body: `render json: { error: "x", message: "…" }, status: :not_found`.
  if (!status && chain.length > 0 && file.family === 'ruby') status = renderedStatus(file, chain[chain.length - 1].literal);

  // A code sent with a success status is not an error's, unless its body says it is one (`ok: false`, `{ error: { code } }`).
  if (status && !isErrorStatus(status.status) && role !== 'raise' && role !== 'registry' && !saysError(file, chain)) {
    return { uri: file.uri, start, line: file.lineOf(start), role: 'success', codeUse: false, ...(handedTo ? { handedTo } : {}) };
  }

  let body: BodyShape | undefined;
  if (chain.length > 0 && !options) {
    const described = chain.some(({ literal }) => literal.members.some((m) => (m.key !== undefined && MESSAGE_KEY.test(m.key)) || isStatusMember(file, m)))
      // A declared type's fields say less: only a field named for the code holds one (`HTTPError{Code: X}`, not `Scheme{Type: X}`).
      && (!isTypedLiteral(file, chain[0].literal) || /^(?:code|error_?code|errorCode)$/i.test(chain[0].member.key ?? ''));
    if (role === 'other') role = 'body';
    if (described) {
      codeUse = true;
      if (!chain.some(({ literal }) => isTypedLiteral(file, literal))) body = shapeOfChain(file, chain, start);
    }
  }
  return {
    uri: file.uri,
    start,
    line: file.lineOf(start),
    role,
    codeUse,
    ...(status && isErrorStatus(status.status) ? { status } : {}),
    ...(message ? { message } : {}),
    ...(body ? { body } : {}),
    ...(handedTo ? { handedTo } : {}),
  };
}

/** The status of `render json: {…}, status: :x` (or `json: {…}, status: 404`) around a Ruby literal. */
function renderedStatus(file: SourceFile, literal: Literal): StatusEvidence | undefined {
  const { text } = file;
  if (!/\b(?:render\s*\(?\s*)?json:\s*$/.test(text.slice(Math.max(0, literal.open - 40), literal.open))) return undefined;
  const after = /^\s*,\s*status:\s*(:[a-z_]+|\d{3}|[A-Z]\w*(?:::\w+)*)/.exec(text.slice(literal.close + 1, literal.close + 120));
  const written = after && statusOfExpression(after[1]);
  return written ? { ...written, from: 'argument', how: `status: ${after[1]} beside render json:` } : undefined;
}

/** Keys a body holds its error under; a flag that says the request failed. */
const ERROR_HOLDER = /^(?:errors?|error_?info|fault|problem)$/i;
const FAILED_FLAG = /^(?:ok|success|succeeded|successful)$/i;

/** Whether a body around a code says it is an error's: the code under `error`/`errors`, or beside `ok: false`, `success: false`. */
function saysError(file: SourceFile, chain: readonly { literal: Literal; member: Member }[]): boolean {
  return chain.some(({ literal, member }) => (member.key !== undefined && ERROR_HOLDER.test(member.key))
    || literal.members.some((m) => m.key !== undefined && FAILED_FLAG.test(m.key) && /^(?:false|False)$/.test(file.text.slice(m.valueStart, m.valueEnd).trim())));
}

/** The map a Java or Kotlin call builds with the code in it (`Map.of("code", X, …)`, `body.put("code", X)`), as a literal. */
function mapBodyOfCall(file: SourceFile, call: Call, argIndex: number, at: number): { literal: Literal; member: Member } | undefined {
  if (file.family !== 'java' && file.family !== 'kotlin') return undefined;
  const { text } = file;
  const keyOf = (arg: Member) => /^"([\w$-]+)"$/.exec(text.slice(arg.valueStart, arg.valueEnd))?.[1];
  if (/^(?:Map|ImmutableMap)\.of$|^mapOf$/.test(call.callee) && argIndex % 2 === 1) {
    const members: Member[] = [];
    for (let i = 0; i + 1 < call.args.length; i += 2) {
      const key = keyOf(call.args[i]);
      if (key === undefined) return undefined;
      members.push({ kind: 'string', key, keyStart: call.args[i].valueStart, keyEnd: call.args[i].valueEnd, valueStart: call.args[i + 1].valueStart, valueEnd: call.args[i + 1].valueEnd });
    }
    return { literal: { open: call.open, close: call.close, members, list: false }, member: members[(argIndex - 1) / 2] };
  }
  if (calleeName(call.callee) === 'put' && argIndex === 1 && call.args.length === 2) {
    const map = mapBodyAt(text, at, { start: Math.max(0, at - 3000), end: Math.min(text.length, at + 3000) });
    if (!map) return undefined;
    const members: Member[] = map.members.map((m) => ({ kind: 'string', key: m.key, keyStart: m.valueStart, keyEnd: m.valueStart, valueStart: m.valueStart, valueEnd: m.valueEnd }));
    const member = members.find((m) => m.valueStart <= at && at < m.valueEnd);
    return member ? { literal: { open: map.start, close: map.end, members, list: false }, member } : undefined;
  }
  return undefined;
}

/** Whether a member's value is the code itself: the name with its qualifiers, or the string, maybe converted (`str(code)`, `X.value`). */
function holdsExactly(text: string, member: Member, start: number, end: number): boolean {
  const before = text.slice(member.valueStart, start);
  const after = text.slice(end, member.valueEnd);
  return /^(?:(?:str|String|strval|string)\(\s*)?(?:[\w$\\@]+\s*(?:\.|::|->|\?\.)\s*)*$/.test(before)
    && /^(?:\s*\.\s*(?:value|code|to_s|name|freeze|toString\(\s*\)|getCode\(\s*\)))?\s*\)?$/.test(after);
}

/** The argument's position among the call's positional arguments (-1 for a named one). */
function positionalIndex(call: Call, argIndex: number): number {
  if (call.args[argIndex].kind !== 'positional') return -1;
  return call.args.slice(0, argIndex).filter((a) => a.kind === 'positional').length;
}

/**
 * Whether the argument is where the call takes its code: the first positional argument that is a
 * constant (a capitalized name) or a string, statuses before it aside (`new ApiError(403, ErrorCode.X)`).
 */
function isCodeSlot(file: SourceFile, call: Call, argIndex: number): boolean {
  for (const [i, arg] of call.args.entries()) {
    if (arg.kind !== 'positional') continue;
    const raw = file.text.slice(arg.valueStart, arg.valueEnd);
    if (statusOfExpression(raw)) continue;
    const value = valueAt(file, arg.valueStart, arg.valueEnd);
    const constant = value.kind === 'name' && /^[A-Z]/.test(value.text.split(/\.|::|->|\?\./).pop() ?? '');
    if (constant || value.kind === 'string') return i === argIndex;
  }
  return false;
}

/** A plain message passed after the code (no interpolation, no `printf` verbs), or under a message keyword. */
function messageArgument(file: SourceFile, call: Call, argIndex: number): string | undefined {
  for (const [i, arg] of call.args.entries()) {
    if (i <= argIndex && arg.kind === 'positional') continue;
    if (arg.kind !== 'positional' && !(arg.key && MESSAGE_KEY.test(arg.key))) continue;
    if (arg.kind === 'positional' && statusOfExpression(file.text.slice(arg.valueStart, arg.valueEnd))) continue;
    const value = valueAt(file, arg.valueStart, arg.valueEnd);
    if (value.kind !== 'string') {
      if (arg.kind === 'positional') return undefined;
      continue;
    }
    return plainMessage(value);
  }
  return undefined;
}

/** A string that reads as a message to a person: words with spaces, nothing filled in at run time. */
function plainMessage(value: Value): string | undefined {
  if (value.kind !== 'string' || value.interpolated || value.content.includes('\\') || /%[-+#0 ]*\d*[sdvfqwxXi]|\{\d*\}|#\{|\$\{/.test(value.content)) return undefined;
  const content = value.content.trim();
  return /\s/.test(content) && content.length <= 300 ? content : undefined;
}

/** The status the call writes for the code in its argument `argIndex`. */
function statusOfCall(file: SourceFile, call: Call, argIndex: number, errorish: boolean, context: SiteContext): StatusEvidence | undefined {
  const name = calleeName(call.callee);
  for (const [i, arg] of call.args.entries()) {
    if (i === argIndex) continue;
    const raw = file.text.slice(arg.valueStart, arg.valueEnd);
    if (arg.key !== undefined && arg.kind !== 'positional') {
      if (!STATUS_KEY.test(arg.key) || arg.key.toLowerCase() === 'code') continue;
      const written = statusOfExpression(raw);
      if (written) return { ...written, from: 'argument', how: `${arg.key} in ${call.callee}(…)` };
      continue;
    }
    const written = statusOfExpression(raw);
    if (!written || written.quoted) continue;
    // A bare number is a status where an error or a response takes one; a named status constant is one anywhere.
    if (/^\d+$/.test(raw.trim()) && !(errorish || SENDER.test(name))) continue;
    return { ...written, from: 'argument', how: `an argument of ${call.callee}(…)` };
  }
  if (errorish) {
    const helper = context.helpers.get(name);
    if (typeof helper === 'number') return { status: helper, quoted: false, from: 'helper', how: `${name} sends ${helper}` };
  }
  // Named after its status: `NotFound(…)`, `ApiError.conflict(…)`, and the success responders `Ok(…)`, `ResponseEntity.ok(…)`
  // (2xx only: `found(…)` and `processing(…)` are more often anything else than a redirect or an interim answer).
  const named = statusOfHelperName(name);
  if (named !== undefined && (errorish || (named >= 200 && named < 300))) return { status: named, quoted: false, from: 'helper', how: `${name} is named after ${named}` };
  for (const chained of chainedStatusArguments(file, call.calleeStart)) {
    const written = statusOfExpression(chained);
    if (written) return { ...written, from: 'chain', how: `the response's status set before ${call.callee}(…)` };
  }
  return undefined;
}

/** Whether a member holds a status: a status key with a status value. */
function isStatusMember(file: SourceFile, member: Member): boolean {
  return member.key !== undefined && STATUS_KEY.test(member.key) && statusOfExpression(file.text.slice(member.valueStart, member.valueEnd)) !== undefined;
}

/** The status written beside the code in a literal (`httpStatusCode: 404`, `'code' => 500`, `status = 409`). */
function statusOfMembers(file: SourceFile, literal: Literal, own: Member | undefined): StatusEvidence | undefined {
  for (const member of literal.members) {
    if (member === own || member.key === undefined || !STATUS_KEY.test(member.key)) continue;
    const written = statusOfExpression(file.text.slice(member.valueStart, member.valueEnd));
    if (written) return { ...written, from: 'member', how: `${member.key} beside it` };
  }
  return undefined;
}

/** The plain message written beside the code in a literal. */
function messageOfMembers(file: SourceFile, literal: Literal, own: Member | undefined): string | undefined {
  for (const member of literal.members) {
    if (member === own || member.key === undefined || !MESSAGE_KEY.test(member.key)) continue;
    const message = plainMessage(valueAt(file, member.valueStart, member.valueEnd));
    if (message) return message;
  }
  return undefined;
}

/** What a registry entry keyed by a code says: its status and message (`['code' => 404, 'description' => …]`, a status or a message alone). */
function registryEntry(file: SourceFile, member: Member): { status?: StatusEvidence; message?: string } {
  const written = statusOfExpression(file.text.slice(member.valueStart, member.valueEnd));
  if (written && !written.quoted) return { status: { ...written, from: 'member', how: 'mapped to it in a table of codes' } };
  const value = valueAt(file, member.valueStart, member.valueEnd);
  if (value.kind === 'string') return { message: plainMessage(value) };
  if (value.kind !== 'literal') return {};
  const entry = literalAt(file, value.bracket);
  if (!entry) return {};
  return { status: statusOfMembers(file, entry, undefined), message: messageOfMembers(file, entry, undefined) };
}

/**
 * A literal of a declared type rather than a map (Go's `apierr.HTTPError{Code: …}`, C#'s
 * `new Specialty { Code = … }`): its keys are field names, which the serializer may rename.
 */
function isTypedLiteral(file: SourceFile, literal: Literal): boolean {
  const before = file.text.slice(Math.max(0, literal.open - 120), literal.open);
  if (file.family === 'go') return !/map\[[^\]]*\][\w.*\[\]{}]*\s*$/.test(before);
  if (file.family === 'csharp') return /\bnew\s+(?!Dictionary\b)[A-Z][\w.]*(?:<[^>]*>)?\s*(?:\(\s*\))?\s*$/.test(before);
  return false;
}

/** The shape of the body rooted at the outermost literal of the chain, with the code's path. */
function shapeOfChain(file: SourceFile, chain: readonly { literal: Literal; member: Member }[], codeAt: number): BodyShape {
  const codePath: string[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const { literal, member } = chain[i];
    if (literal.list) codePath.push(ARRAY_ITEM);
    else codePath.push(member.key ?? '');
  }
  const root = chain[chain.length - 1].literal;
  return { root: shapeOfLiteral(file, root, codeAt, 0), codePath, uri: file.uri, line: file.lineOf(root.open) };
}

function shapeOfLiteral(file: SourceFile, literal: Literal, codeAt: number, depth: number): ShapeNode {
  if (literal.list) {
    const holding = literal.members.find((m) => m.valueStart <= codeAt && codeAt < m.valueEnd) ?? literal.members[0];
    const item = holding && depth < MAX_SHAPE_DEPTH ? shapeOfValue(file, holding, codeAt, depth + 1) : undefined;
    return { kind: 'array', ...(item ? { item } : {}) };
  }
  const members: { key: string; node: ShapeNode }[] = [];
  for (const member of literal.members.slice(0, MAX_SHAPE_MEMBERS)) {
    if (member.key === undefined || member.kind === 'spread' || member.kind === 'expression') continue;
    members.push({ key: member.key, node: shapeOfValue(file, member, codeAt, depth + 1) });
  }
  return { kind: 'object', members };
}

function shapeOfValue(file: SourceFile, member: Member, codeAt: number, depth: number): ShapeNode {
  const holdsCode = member.valueStart <= codeAt && codeAt < member.valueEnd;
  const value = valueAt(file, member.valueStart, member.valueEnd);
  if (value.kind === 'literal' && depth < MAX_SHAPE_DEPTH) {
    const nested = literalAt(file, value.bracket);
    if (nested) return shapeOfLiteral(file, nested, codeAt, depth);
  }
  if (holdsCode) return { kind: 'leaf', role: 'code' };
  const written = member.key !== undefined && STATUS_KEY.test(member.key) ? statusOfStatusValue(file, member) : undefined;
  if (written) return { kind: 'leaf', role: written.quoted ? 'status-string' : 'status' };
  if (value.kind === 'string' && !value.interpolated) return { kind: 'leaf', role: 'value', literal: value.content };
  if (value.kind === 'number') return { kind: 'leaf', role: 'value', literal: Number(value.text) };
  if (value.kind === 'boolean') return { kind: 'leaf', role: 'value', literal: /^t/i.test(value.text) };
  return { kind: 'leaf', role: 'value' };
}

/**
 * A status member's value, written as a status (`404`, `'404'`, `HttpStatus.NOT_FOUND`) or as an
 * expression that converts one to a string (`` `${this.httpStatusCode}` ``, `Rack::Utils.status_code(status).to_s`).
 */
function statusOfStatusValue(file: SourceFile, member: Member): WrittenStatus | undefined {
  const raw = file.text.slice(member.valueStart, member.valueEnd);
  const written = statusOfExpression(raw);
  if (written) return written;
  if (/^`\$\{[^}]+\}`$|\.to_s$|^String\(|^str\(|\.toString\(\)$|^strval\(/.test(raw.trim())) return { status: 0, quoted: true };
  if (/^[\w$.@>-]*[Ss]tatus\w*$/.test(raw.trim())) return { status: 0, quoted: false };
  return undefined;
}

// ---- the workspace's own helpers ----

/** Declarations a helper's status is learned from: functions, methods, constructors and classes. */
const DECLARATIONS: Readonly<Record<SyntaxFamily, RegExp>> = {
  script: /^[ \t]*(?:export\s+)?(?:default\s+)?(?:(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)|(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)|(?:(?:public|private|protected|static|async|readonly|override)\s+)*([A-Za-z_$][\w$]*)\s*\([^()]*\)\s*(?::\s*[^{=;]+)?\{|(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]+)?=>|([A-Za-z_$][\w$]*)\s*:\s*(?:async\s*)?\([^()]*\)\s*(?::[^=]+)?=>)/gm,
  go: /^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*\(/gm,
  python: /^[ \t]*(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)/gm,
  ruby: /^[ \t]*(?:def\s+(?:self\.)?([A-Za-z_]\w*[?!]?)|class\s+([A-Z]\w*))/gm,
  java: /^[ \t]*(?:(?:public|private|protected|static|final|abstract|sealed)\s+)*(?:class\s+([A-Za-z_]\w*)|(?:<[^>]*>\s*)?(?:[\w<>\[\],.?]+\s+)?([A-Za-z_]\w*)\s*\([^;{]*\)\s*(?:throws\s+[\w., ]+)?\{)/gm,
  kotlin: /^[ \t]*(?:(?:public|private|protected|internal|open|abstract|sealed|data|override)\s+)*(?:class\s+([A-Za-z_]\w*)|fun\s+([A-Za-z_]\w*))/gm,
  csharp: /^[ \t]*(?:(?:public|private|protected|internal|static|sealed|abstract|partial|override|virtual|async)\s+)*(?:class\s+([A-Za-z_]\w*)|(?:[\w<>\[\],.?]+\s+)?([A-Za-z_]\w*)\s*\([^;{]*\)\s*(?::\s*(?:base|this)\s*\([^;{]*\))?\s*\{)/gm,
  php: /^[ \t]*(?:(?:public|private|protected|static|final|abstract)\s+)*(?:class\s+([A-Za-z_]\w*)|function\s+([A-Za-z_]\w*))/gm,
  rust: /^[ \t]*(?:pub(?:\([^)]*\))?\s+)?fn\s+([A-Za-z_]\w*)/gm,
};

const NOT_HELPERS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'new', 'constructor', '__init__', 'initialize', 'function', 'else', 'using', 'lock', 'foreach']);
/** How far a declaration's body is read. */
const MAX_BODY = 6000;

/**
 * The statuses the file's helpers send, by name: a function, method or class named like an error
 * (or taking a code) whose body writes exactly one error status (`NewNotFoundError` returning
 * `NewHTTPError(http.StatusNotFound, …)`, `static notFound(…) { return new ApiError(404, …) }`,
 * `class NotFound(ApiError): status_code = status.HTTP_404_NOT_FOUND`). Comparisons
 * (`>= http.StatusInternalServerError`) and `case` labels are not statuses a helper sends.
 */
export function helperStatusesOf(file: SourceFile): Map<string, number | null> {
  const found = new Map<string, number | null>();
  const pattern = new RegExp(DECLARATIONS[file.family].source, 'gm');
  for (const m of file.text.matchAll(pattern)) {
    const at = m.index ?? 0;
    const name = m.slice(1).find((group) => group !== undefined);
    if (!name || NOT_HELPERS.has(name) || !file.isCode(at + m[0].length - 1)) continue;
    const header = m[0];
    // Named like an error or a status, taking a code, or deriving from an error (`class NotAuthenticated(APIException)`).
    const lineEnd = file.text.indexOf('\n', at + header.length);
    const line = file.text.slice(at, lineEnd < 0 ? file.text.length : Math.min(lineEnd, at + 300));
    const bases = line.slice(header.length).match(/[A-Za-z_]\w*/g) ?? [];
    if (!(isErrorish(name) || namedForErrorStatus(name) || /\bcode\b|Code\b/.test(header) || (/\bclass\b/.test(header) && bases.some(isErrorish)))) continue;
    const end = bodyEnd(file, at, at + header.length);
    if (end <= at) continue;
    const statuses = statusesWrittenIn(file, at, end);
    if (statuses.size !== 1) continue;
    const status = [...statuses][0];
    const before = found.get(name);
    found.set(name, before === undefined || before === status ? status : null);
  }
  return found;
}

/** Where a declaration's body ends: its braces' closer, or the end of its indented block. */
function bodyEnd(file: SourceFile, start: number, headerEnd: number): number {
  const { text } = file;
  if (file.family === 'python' || file.family === 'ruby') {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0].length;
    let at = text.indexOf('\n', headerEnd);
    if (at < 0) return text.length;
    const limit = Math.min(text.length, start + MAX_BODY);
    while (at < limit) {
      const next = text.indexOf('\n', at + 1);
      const line = text.slice(at + 1, next < 0 ? text.length : next);
      if (line.trim() !== '' && /^[ \t]*/.exec(line)![0].length <= indent && !file.inString(at + 1 + indent)) return at;
      if (next < 0) return text.length;
      at = next;
    }
    return at;
  }
  // Arrow functions without braces end with their expression.
  const arrow = /=>\s*$/.test(text.slice(start, headerEnd).trimEnd()) ? headerEnd : -1;
  const from = arrow >= 0 ? arrow : headerEnd - 1;
  for (let i = from; i < Math.min(text.length, from + 800); i++) {
    if (!file.isCode(i)) continue;
    const c = text[i];
    if (c === '{' || (arrow >= 0 && (c === '(' || c === '['))) {
      const close = file.closeOf(i);
      return close < 0 ? -1 : Math.min(close + 1, start + MAX_BODY);
    }
    if (c === ';' || (arrow >= 0 && (c === ',' || c === '}' || c === ')'))) return i;
    if (arrow >= 0 && /[\w$]/.test(c)) {
      // An expression body: to the end of its statement.
      let depth = 0;
      for (let j = i; j < Math.min(text.length, i + MAX_BODY); j++) {
        if (!file.isCode(j)) continue;
        const d = text[j];
        if (d === '(' || d === '[' || d === '{') depth++;
        else if (d === ')' || d === ']' || d === '}') {
          if (depth === 0) return j;
          depth--;
        } else if ((d === ',' || d === ';') && depth === 0) return j;
      }
      return -1;
    }
  }
  return -1;
}

/** The distinct error statuses written in `[from, to)` where a status is set or passed, not compared. */
function statusesWrittenIn(file: SourceFile, from: number, to: number): Set<number> {
  const { text } = file;
  const statuses = new Set<number>();
  const statusOfName = (name: string) => statusOfReason(name);
  for (const mention of statusMentionsBetween(text, from, to, reasonOf, statusOfName)) {
    const quoted = file.inString(mention.start) && /["']/.test(text[mention.start - 1]) && text[mention.end] === text[mention.start - 1];
    if (!file.isCode(mention.start) && !quoted) continue;
    const before = text.slice(Math.max(0, mention.start - 24), mention.start).replace(/["']$/, '');
    if (/(?:[<>]=?|[!=]==?)\s*(?:\(\w+\)\s*)?(?:[\w.]+\.)?$|\b(?:case|when)\s+(?:[\w.]+\.)?$/.test(before)) continue;
    if (isErrorStatus(mention.status)) statuses.add(mention.status);
  }
  // Rails names the status as a symbol: `def self.status = :not_found`.
  if (file.family === 'ruby') {
    for (const m of text.slice(from, to).matchAll(/(?<![:\w]):([a-z_]+)\b/g)) {
      const status = statusOfReason(m[1]);
      if (status !== undefined && isErrorStatus(status) && file.isCode(from + (m.index ?? 0))) statuses.add(status);
    }
  }
  return statuses;
}

/** The message a definition writes beside its value: `SHIPMENT_NOT_FOUND("SHP-001", HttpStatus.NOT_FOUND, "Shipment not found")`. */
export function messageOfDefinition(file: SourceFile, definition: ConstantDefinition): string | undefined {
  if (definition.kind !== 'enum-argument') return undefined;
  const [bracket] = file.enclosingBrackets(definition.valueStart, 1);
  const call = bracket ? callAt(file, bracket) : undefined;
  if (!call) return undefined;
  for (const arg of call.args) {
    const message = plainMessage(valueAt(file, arg.valueStart, arg.valueEnd));
    if (message) return message;
  }
  return undefined;
}
