/**
 * One small template per framework: how a handler in that framework sends a status, headers,
 * a content type and a body, through the names the handler has in scope. The body itself is
 * rendered by `literals.ts` from the catalog's envelope, so no template knows any code or any
 * envelope. Each template also says where its form can be written at all: Express needs the
 * handler's response parameter, whatever it is called; Spring a method returning a
 * `ResponseEntity` that can carry a map; a Go handler the `http.ResponseWriter` it was given.
 */
import type { FunctionScope, Parameter } from '../text/scopes';
import { code, type Code, type Piece } from './code';
import { renderLiteral, type LiteralOptions, type OutputLanguage } from './literals';

export type FrameworkId =
  | 'express' | 'fastify' | 'koa' | 'hono' | 'nestjs' | 'nextjs' | 'fetch'
  | 'fastapi' | 'fastapi-exception' | 'flask' | 'django'
  | 'net-http' | 'gin'
  | 'spring' | 'aspnet' | 'rails' | 'laravel'
  | 'json' | 'yaml';

export interface ResponseHeader {
  readonly name: string;
  /** The header value as it is written inside a string literal (pieces, so it can be a tab stop). */
  readonly value: Code;
}

/** What a template needs: everything about the response, already decided. */
export interface ResponseParts {
  readonly status: number;
  readonly contentType: string;
  readonly headers: readonly ResponseHeader[];
  /** The body as a value tree (with `Slot`s for tab stops). */
  readonly body: unknown;
  /** Indentation of the line the statement starts on. */
  readonly indent: string;
  /** One level of indentation in the document. */
  readonly unit: string;
}

/** Where a response is written, as the code around it allows: the names to use and how the function stops after it. */
export interface ResponseSite {
  /** The variable the response goes through: Express's response parameter, `reply`, `ctx`, `c`, the `http.ResponseWriter`, the `HttpContext`. */
  readonly receiver: string;
  /** The framework's form that fits the function (Fastify: `return` or `write`; ASP.NET Core: `minimal`, `controller` or `middleware`; Laravel: `return` or `throw`). */
  readonly form: string;
  /** After a written response, the statement that stops the function (`return;`, `return nil`); empty where the response returns or throws itself. */
  readonly exit: string;
  /** The exit is needed even as the function's last statement: it returns values. */
  readonly exitRequired: boolean;
  /** JavaScript: statements end with `;`. */
  readonly semicolons: boolean;
  /** Go: the file discards errors it does not check in so many words (`_ = json.NewEncoder(w).Encode(…)`). */
  readonly discardsErrors?: boolean;
  /** C#: the file serializes with Newtonsoft.Json (`JsonConvert`) rather than System.Text.Json. */
  readonly newtonsoft?: boolean;
}

/** What the code around the insertion point offers. */
export interface SiteContext {
  /** The functions around the insertion point, innermost first. */
  readonly functions: readonly FunctionScope[];
  /** The document's text. */
  readonly text: string;
  /** JavaScript: the document ends statements with `;`. */
  readonly semicolons: boolean;
}

export interface FrameworkTemplate {
  readonly id: FrameworkId;
  readonly label: string;
  /** The literal language of the body. */
  readonly literal: OutputLanguage;
  /** The LSP language ids this framework is written in. */
  readonly languages: readonly string[];
  /** Text that shows a document uses the framework (imports, typical calls). */
  readonly detect?: RegExp;
  /** The statements that send the response (without the exit). */
  readonly render: (parts: ResponseParts, site: ResponseSite) => Code[];
  /** The form the response takes in a function, or undefined where it cannot be written there (its object is not in scope, the return type forbids it). */
  readonly site: (context: SiteContext) => ResponseSite | undefined;
  /** The usual names, for code written outside any document (previews, tests). */
  readonly defaultSite: ResponseSite;
  /** The imports the rendered statements need, as lines of the language. */
  readonly imports?: (rendered: string, site: ResponseSite) => readonly string[];
  /** Whether the form can send these parts from this site (a minimal API handler without its `HttpContext` cannot set headers). */
  readonly accepts?: (parts: ResponseParts, site: ResponseSite) => boolean;
  /** The framework to write with where this one's form cannot be written (FastAPI's exception handlers return a `JSONResponse`). */
  readonly fallback?: FrameworkId;
}

/** The LSP language ids of TypeScript and JavaScript, JSX included. */
export const JS_LANGUAGES: readonly string[] = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
const isJson = (contentType: string) => /^application\/json\b/i.test(contentType);

/** Pieces of a string literal in the given quote: `'` + value + `'`. */
const quoted = (q: string, value: Code): Piece[] => code(q, value, q);

function body(parts: ResponseParts, language: OutputLanguage, options: LiteralOptions = {}): Piece[] {
  return renderLiteral(parts.body, language, parts.indent, { unit: parts.unit, ...options });
}

/** An object/dict/array literal of headers, e.g. `{ 'Retry-After': '60' }`, in a JS-like syntax. */
function headerMap(headers: readonly ResponseHeader[], open: string, close: string, key: (name: string) => string, separator: string, q: string): Piece[] {
  if (headers.length === 0) return [`${open}${close}`];
  return code(open, ...headers.flatMap((h, i) => [i === 0 ? '' : ', ', key(h.name), separator, ...quoted(q, h.value)]), close);
}

const jsHeaders = (headers: readonly ResponseHeader[]) => headerMap(headers, '{ ', ' }', (n) => `'${n}'`, ': ', "'");
const pyHeaders = (headers: readonly ResponseHeader[]) => headerMap(headers, '{', '}', (n) => `"${n}"`, ': ', '"');
const phpHeaders = (headers: readonly ResponseHeader[]) => headerMap(headers, '[', ']', (n) => `'${n}'`, ' => ', "'");

/** Headers plus Content-Type, for APIs that take the content type as a header. */
function withContentType(parts: ResponseParts): ResponseHeader[] {
  return [{ name: 'Content-Type', value: [parts.contentType] }, ...parts.headers];
}

/** Go's `net/http` constant for a status, where the standard library has one. */
const GO_STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'BadRequest', 401: 'Unauthorized', 402: 'PaymentRequired', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed',
  406: 'NotAcceptable', 408: 'RequestTimeout', 409: 'Conflict', 410: 'Gone', 411: 'LengthRequired', 412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge', 414: 'RequestURITooLong', 415: 'UnsupportedMediaType', 416: 'RequestedRangeNotSatisfiable',
  417: 'ExpectationFailed', 418: 'Teapot', 421: 'MisdirectedRequest', 422: 'UnprocessableEntity', 423: 'Locked', 424: 'FailedDependency',
  425: 'TooEarly', 426: 'UpgradeRequired', 428: 'PreconditionRequired', 429: 'TooManyRequests', 431: 'RequestHeaderFieldsTooLarge',
  451: 'UnavailableForLegalReasons', 500: 'InternalServerError', 501: 'NotImplemented', 502: 'BadGateway', 503: 'ServiceUnavailable',
  504: 'GatewayTimeout', 505: 'HTTPVersionNotSupported', 507: 'InsufficientStorage', 508: 'LoopDetected', 511: 'NetworkAuthenticationRequired',
};
const goStatus = (status: number) => (GO_STATUS_NAMES[status] ? `http.Status${GO_STATUS_NAMES[status]}` : String(status));

// ---- Reading the enclosing functions ----

function site(receiver: string, form: string, exit = '', exitRequired = false, semicolons = true): ResponseSite {
  return { receiver, form, exit, exitRequired, semicolons };
}

/** The first parameter, innermost function first, that `matches`. */
function parameterNamed(functions: readonly FunctionScope[], matches: (p: Parameter, i: number, params: readonly Parameter[]) => boolean): string | undefined {
  for (const fn of functions) {
    const index = fn.params.findIndex((p, i) => p.name !== '' && matches(p, i, fn.params));
    if (index >= 0) return fn.params[index].name;
  }
  return undefined;
}

const compact = (type: string | undefined) => type?.replace(/\s+/g, '');
/** A TypeScript return type a bare `return;` fits. */
const returnsNothing = (type: string | undefined) => type === undefined || /^(?:void|undefined|Promise<(?:void|undefined)>|any|unknown|Promise<(?:any|unknown)>)$/.test(compact(type)!);
/** A TypeScript return type a returned `Response` fits. */
const returnsResponse = (type: string | undefined) => type === undefined || /Response|\bany\b|\bunknown\b/.test(type);
const isRequestName = (name: string | undefined) => name !== undefined && /^_?(?:req|request)$/.test(name);
/** A statement's end in JavaScript, as the document writes it. */
const end = (s: ResponseSite) => (s.semicolons ? ';' : '');

/** Express: a parameter typed `Response`, or the one after the request in an untyped handler, whatever it is called. */
function expressSite(context: SiteContext): ResponseSite | undefined {
  const receiver = parameterNamed(context.functions, (p, i, params) => (p.type !== undefined
    ? /^(?:express\.|e\.)?Response\b/.test(p.type)
    : i >= 1 && isRequestName(params[i - 1].name)));
  if (!receiver || !returnsNothing(context.functions[0]?.returnType)) return undefined;
  return site(receiver, 'write', context.semicolons ? 'return;' : 'return', false, context.semicolons);
}

function fastifySite(context: SiteContext): ResponseSite | undefined {
  const receiver = parameterNamed(context.functions, (p, i, params) => (p.type !== undefined
    ? /\bFastifyReply\b/.test(p.type)
    : p.name === 'reply' || (i >= 1 && isRequestName(params[i - 1].name))));
  const returnType = context.functions[0]?.returnType;
  if (!receiver) return undefined;
  if (returnType === undefined || /Reply|\bany\b|\bunknown\b/.test(returnType)) return site(receiver, 'return', '', false, context.semicolons);
  return returnsNothing(returnType) ? site(receiver, 'write', context.semicolons ? 'return;' : 'return', false, context.semicolons) : undefined;
}

function koaSite(context: SiteContext): ResponseSite | undefined {
  const receiver = parameterNamed(context.functions, (p) => (p.type !== undefined ? /\b(?:Context|ParameterizedContext|RouterContext)\b/.test(p.type) : p.name === 'ctx'));
  if (!receiver || !returnsNothing(context.functions[0]?.returnType)) return undefined;
  return site(receiver, 'write', context.semicolons ? 'return;' : 'return', false, context.semicolons);
}

function honoSite(context: SiteContext): ResponseSite | undefined {
  const receiver = parameterNamed(context.functions, (p) => (p.type !== undefined ? /^Context\b/.test(p.type) : p.name === 'c'));
  if (!receiver || !returnsResponse(context.functions[0]?.returnType)) return undefined;
  return site(receiver, 'return', '', false, context.semicolons);
}

/**
 * A function that answers a request with a returned `Response`: one declared to return it, a
 * route handler (`GET`, `fetch`), or one given the request. A callback whose caller expects
 * nothing back (a test's) is none of them.
 */
function answersRequest(fn: FunctionScope): boolean {
  if (fn.returnType !== undefined) return /Response/.test(fn.returnType);
  return /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fetch|handler|handle|middleware)$/.test(fn.name ?? '')
    || fn.params.some((p) => isRequestName(p.name) || /(?:Next)?Request/.test(p.type ?? ''));
}

/** A form that returns a `Response` (Next.js, the fetch API) from a request handler, or throws (NestJS) from any function. */
function returningSite(throws: boolean) {
  return (context: SiteContext): ResponseSite | undefined => {
    const fn = context.functions[0];
    if (!fn || (!throws && !answersRequest(fn))) return undefined;
    return site('', throws ? 'throw' : 'return', '', false, context.semicolons);
  };
}

/** Decorators of Python route handlers, exception handlers and middleware. */
const PYTHON_HANDLER_DECORATOR = /^\s*@[\w.]*\b(?:get|post|put|patch|delete|head|options|route|api_route|websocket|exception_handler|errorhandler|middleware|before_request|after_request|api_view|require_http_methods|require_GET|require_POST|csrf_exempt|login_required)\b/m;

/** A Python function that answers a request: a route or exception handler, or one taking the request, or one returning a response. */
function pythonHandler(fn: FunctionScope | undefined): boolean {
  if (!fn || fn.returnType === 'None') return false;
  return PYTHON_HANDLER_DECORATOR.test(fn.header)
    || fn.params.some((p) => p.name === 'request' || /\b(?:Http)?Request\b/.test(p.type ?? ''))
    || /Response/.test(fn.returnType ?? '');
}

function pythonSite(raises: boolean) {
  return (context: SiteContext): ResponseSite | undefined => {
    const fn = context.functions[0];
    if (raises ? !fn : !pythonHandler(fn)) return undefined;
    return site('', raises ? 'raise' : 'return');
  };
}

/** Go's zero value of a type, for the values a function returns beside its error. */
function goZero(type: string, text: string): string {
  const t = type.trim();
  if (/^(?:\*|\[\]|map\[|chan\b|func\b|interface\s*\{|any$|error$)/.test(t)) return 'nil';
  if (t === 'string') return '""';
  if (t === 'bool') return 'false';
  if (/^(?:u?int(?:8|16|32|64)?|uintptr|byte|rune|float(?:32|64)|complex(?:64|128))$/.test(t)) return '0';
  if (/^\[\d+\]/.test(t)) return `${t}{}`;
  // A struct declared in this file has a literal; for any other named type `*new(T)` is its zero value.
  if (/^\w+$/.test(t) && new RegExp(`^type\\s+${t}\\s+struct\\b`, 'm').test(text)) return `${t}{}`;
  return `*new(${t})`;
}

/** The types of a Go result list (`int, error`, `n int, err error`, `a, b string`). */
function goResultTypes(results: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < results.length; i++) {
    const c = results[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) { parts.push(results.slice(start, i).trim()); start = i + 1; }
  }
  parts.push(results.slice(start).trim());
  const named = parts.some((p) => /^\w+\s+\S/.test(p));
  if (!named) return parts;
  // `a, b string`: names without a type take the next one's.
  const types: string[] = [];
  let pending = 0;
  for (const part of parts) {
    const match = /^\w+\s+(.+)$/.exec(part);
    if (!match) { pending++; continue; }
    for (let i = 0; i <= pending; i++) types.push(match[1]);
    pending = 0;
  }
  return types;
}

/** How a Go function stops after writing its response: `return`, `return nil`, or the zero values of its results. */
export function goReturn(fn: FunctionScope | undefined, text: string, last?: string): { exit: string; required: boolean } | undefined {
  if (!fn?.returnType) return last === undefined ? { exit: 'return', required: false } : undefined;
  const types = goResultTypes(fn.returnType);
  if (last !== undefined) {
    if (types[types.length - 1] !== 'error') return undefined;
    return { exit: ['return', [...types.slice(0, -1).map((t) => goZero(t, text)), last].join(', ')].join(' '), required: true };
  }
  return { exit: `return ${types.map((t) => goZero(t, text)).join(', ')}`, required: true };
}

function goSite(receiverType: RegExp) {
  return (context: SiteContext): ResponseSite | undefined => {
    const receiver = parameterNamed(context.functions, (p) => receiverType.test(p.type ?? ''));
    const stop = goReturn(context.functions[0], context.text);
    if (!receiver || !stop) return undefined;
    return { ...site(receiver, 'write', stop.exit, stop.required), discardsErrors: /\b_\s*=\s*json\.NewEncoder\(/.test(context.text) };
  };
}

/** Spring: a method whose declared return type can carry a `Map` body. */
function springSite(context: SiteContext): ResponseSite | undefined {
  const type = compact(context.functions[0]?.returnType);
  if (!type || !/^(?:ResponseEntity(?:<(?:\?|Object|Map<String,(?:Object|\?)>)>)?|Object)$/.test(type)) return undefined;
  return site('', 'return');
}

/**
 * ASP.NET Core: in an MVC controller action, an `ObjectResult`; in a minimal API handler, `Results.Json`;
 * in middleware given the `HttpContext`, the response written to it.
 */
function aspnetSite(context: SiteContext): ResponseSite | undefined {
  const fn = context.functions[0];
  if (!fn) return undefined;
  const type = compact(fn.returnType);
  const httpContext = parameterNamed(context.functions, (p) => /^HttpContext\b/.test(p.type ?? ''));
  const controller = /:\s*(?:[\w.]+\.)?Controller(?:Base)?\b|\[ApiController\]/.test(fn.owner ?? '');
  if (controller && type && /^(?:(?:Value)?Task<)?(?:IActionResult|ActionResult(?:<.+>)?|object)>?$/.test(type)) return site('HttpContext', 'controller');
  // A minimal API handler: declared to return an `IResult`, or a lambda given to `MapGet` and friends.
  const mapped = type === undefined && fn.name === undefined && /\bMap(?:Get|Post|Put|Patch|Delete|Methods)?$/.test(fn.calledBy ?? '');
  if (mapped || (type !== undefined && /^(?:(?:Value)?Task<)?(?:IResult|object)>?$/.test(type))) return site(httpContext ?? '', 'minimal');
  if (httpContext && fn.isAsync && (type === undefined || /^(?:(?:Value)?Task|void)$/.test(type))) {
    return { ...site(httpContext, 'middleware', 'return;'), newtonsoft: /^\s*using\s+Newtonsoft\.Json\s*;/m.test(context.text) };
  }
  return undefined;
}

/** Rails: an action of a controller, or a method of a concern mixed into controllers. */
function railsSite(context: SiteContext): ResponseSite | undefined {
  const fn = context.functions[0];
  if (!fn) return undefined;
  const controller = /Controller\b|<\s*ActionController::/.test(fn.owner ?? '') || /\bextend\s+ActiveSupport::Concern\b/.test(context.text);
  return controller ? site('', 'write', 'return') : undefined;
}

/** Laravel: return the response where the declared return type allows it; elsewhere (`: void`) throw it. */
function laravelSite(context: SiteContext): ResponseSite | undefined {
  const fn = context.functions[0];
  // A controller's action, a middleware's `handle`, an exception handler, a route closure: code given the request.
  const answers = (f: FunctionScope) => /Controller\b|Middleware\b|Handler\b/.test(f.owner ?? '') || f.params.some((p) => p.name === '$request' || /\bRequest$/.test(p.type ?? ''));
  if (!fn || !context.functions.some(answers)) return undefined;
  const type = fn.returnType;
  return site('', type === undefined || /Response|\bmixed\b|Responsable/.test(type) ? 'return' : 'throw');
}

const anywhere = (context: SiteContext) => (context.functions.length > 0 ? site('', 'value') : undefined);

const JS_DEFAULT = site('', 'return');

export const FRAMEWORKS: readonly FrameworkTemplate[] = [
  {
    id: 'express', label: 'Express', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]express['"]|require\(\s*['"]express['"]\s*\)/,
    site: expressSite,
    // Two statements: Express 5's handler type returns void, so `return res.json(…)` does not type-check.
    defaultSite: site('res', 'write', 'return;'),
    render: (p, s) => [code(
      `${s.receiver}.status(${p.status})`,
      ...p.headers.map((h) => code(`.set('${h.name}', `, quoted("'", h.value), ')')),
      isJson(p.contentType) ? '' : `.type('${p.contentType}')`,
      '.json(', body(p, 'javascript'), `)${end(s)}`,
    )],
  },
  {
    id: 'fastify', label: 'Fastify', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]fastify['"]|require\(\s*['"]fastify['"]\s*\)/,
    site: fastifySite,
    defaultSite: site('reply', 'return'),
    render: (p, s) => [code(
      s.form === 'return' ? 'return ' : '',
      `${s.receiver}.code(${p.status})`,
      ...p.headers.map((h) => code(`.header('${h.name}', `, quoted("'", h.value), ')')),
      `.type('${p.contentType}')`,
      '.send(', body(p, 'javascript'), `)${end(s)}`,
    )],
  },
  {
    id: 'koa', label: 'Koa', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]koa['"]|require\(\s*['"]koa['"]\s*\)/,
    site: koaSite,
    defaultSite: site('ctx', 'write'),
    render: (p, s) => [
      [`${s.receiver}.status = ${p.status}${end(s)}`],
      ...p.headers.map((h) => code(`${s.receiver}.set('${h.name}', `, quoted("'", h.value), `)${end(s)}`)),
      [`${s.receiver}.type = '${p.contentType}'${end(s)}`],
      code(`${s.receiver}.body = `, body(p, 'javascript'), end(s)),
    ],
  },
  {
    id: 'hono', label: 'Hono', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]hono(?:\/[\w-]+)?['"]/,
    site: honoSite,
    defaultSite: site('c', 'return'),
    render: (p, s) => [isJson(p.contentType)
      ? code(`return ${s.receiver}.json(`, body(p, 'javascript'), `, ${p.status}`, p.headers.length ? code(', ', jsHeaders(p.headers)) : '', `)${end(s)}`)
      : code(`return ${s.receiver}.body(JSON.stringify(`, body(p, 'javascript'), `), ${p.status}, `, jsHeaders(withContentType(p)), `)${end(s)}`)],
  },
  {
    id: 'nestjs', label: 'NestJS', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]@nestjs\//,
    site: returningSite(true),
    defaultSite: site('', 'throw'),
    // HttpException carries a status and a body; headers need the response object or an exception filter.
    render: (p, s) => [
      ...p.headers.map((h) => code(`// Also send ${h.name}: `, h.value, ' (set it with @Header() or in an exception filter).')),
      ...(isJson(p.contentType) ? [] : [[`// Sent as application/json; an exception filter can send ${p.contentType}.`]]),
      code('throw new HttpException(', body(p, 'javascript'), `, ${p.status})${end(s)}`),
    ],
    imports: () => ["import { HttpException } from '@nestjs/common';"],
  },
  {
    id: 'nextjs', label: 'Next.js', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]next\/server['"]/,
    site: returningSite(false),
    defaultSite: JS_DEFAULT,
    render: (p, s) => [code('return NextResponse.json(', body(p, 'javascript'), `, { status: ${p.status}`,
      p.headers.length || !isJson(p.contentType) ? code(', headers: ', jsHeaders(isJson(p.contentType) ? p.headers : withContentType(p))) : '', ` })${end(s)}`)],
    imports: () => ["import { NextResponse } from 'next/server';"],
  },
  {
    id: 'fetch', label: 'fetch Response', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bnew\s+Response\(|\bResponse\.json\(|export\s+default\s*\{\s*(?:async\s+)?fetch\b|Deno\.serve|Bun\.serve/,
    site: returningSite(false),
    defaultSite: JS_DEFAULT,
    render: (p, s) => [isJson(p.contentType)
      ? code('return Response.json(', body(p, 'javascript'), `, { status: ${p.status}`, p.headers.length ? code(', headers: ', jsHeaders(p.headers)) : '', ` })${end(s)}`)
      : code('return new Response(JSON.stringify(', body(p, 'javascript'), `), { status: ${p.status}, headers: `, jsHeaders(withContentType(p)), ` })${end(s)}`)],
  },
  {
    // FastAPI's own handler wraps an HTTPException's detail in {"detail": …}; raising one keeps the
    // envelope only where the app registers a handler that returns the detail as the body.
    id: 'fastapi-exception', label: 'FastAPI (HTTPException)', literal: 'python', languages: ['python'],
    detect: /exception_handler\(\s*(?:Starlette)?HTTPException\b/,
    // Where a function returns a response (the exception handlers themselves), it returns one.
    site: (context) => (/Response/.test(context.functions[0]?.returnType ?? '') ? undefined : pythonSite(true)(context)),
    fallback: 'fastapi',
    defaultSite: site('', 'raise'),
    // A Content-Type header wins over the handler's default media type, so other content types travel with the exception.
    render: (p) => [code(`raise HTTPException(status_code=${p.status}, detail=`, body(p, 'python'),
      p.headers.length || !isJson(p.contentType) ? code(', headers=', pyHeaders(isJson(p.contentType) ? p.headers : withContentType(p))) : '', ')')],
    imports: () => ['from fastapi import HTTPException'],
  },
  {
    id: 'fastapi', label: 'FastAPI', literal: 'python', languages: ['python'],
    detect: /\bfrom\s+fastapi\b|\bimport\s+fastapi\b/,
    site: pythonSite(false),
    defaultSite: site('', 'return'),
    render: (p) => [code(`return JSONResponse(status_code=${p.status}, content=`, body(p, 'python'),
      p.headers.length ? code(', headers=', pyHeaders(p.headers)) : '',
      isJson(p.contentType) ? '' : `, media_type="${p.contentType}"`, ')')],
    imports: () => ['from fastapi.responses import JSONResponse'],
  },
  {
    id: 'flask', label: 'Flask', literal: 'python', languages: ['python'],
    detect: /\bfrom\s+flask\b|\bimport\s+flask\b/,
    site: pythonSite(false),
    defaultSite: site('', 'return'),
    // Flask turns a returned dict into JSON; the third element sets headers, Content-Type included.
    render: (p) => [code('return ', body(p, 'python'), `, ${p.status}`,
      p.headers.length || !isJson(p.contentType) ? code(', ', pyHeaders(isJson(p.contentType) ? p.headers : withContentType(p))) : '')],
  },
  {
    id: 'django', label: 'Django', literal: 'python', languages: ['python'],
    detect: /\bfrom\s+django\b|\bimport\s+django\b/,
    site: pythonSite(false),
    defaultSite: site('', 'return'),
    render: (p) => [code('return JsonResponse(', body(p, 'python'), `, status=${p.status}`,
      p.headers.length ? code(', headers=', pyHeaders(p.headers)) : '',
      isJson(p.contentType) ? '' : `, content_type="${p.contentType}"`, ')')],
    imports: () => ['from django.http import JsonResponse'],
  },
  {
    id: 'net-http', label: 'net/http', literal: 'go', languages: ['go'],
    site: goSite(/^http\.ResponseWriter$/),
    defaultSite: site('w', 'write'),
    render: (p, s) => [
      [`${s.receiver}.Header().Set("Content-Type", "${p.contentType}")`],
      ...p.headers.map((h) => code(`${s.receiver}.Header().Set("${h.name}", `, quoted('"', h.value), ')')),
      [`${s.receiver}.WriteHeader(${goStatus(p.status)})`],
      code(s.discardsErrors ? '_ = ' : '', `json.NewEncoder(${s.receiver}).Encode(`, body(p, 'go'), ')'),
    ],
    imports: () => ['encoding/json', 'net/http'],
  },
  {
    id: 'gin', label: 'Gin', literal: 'go', languages: ['go'],
    detect: /"github\.com\/gin-gonic\/gin"/,
    site: goSite(/^\*gin\.Context$/),
    defaultSite: site('c', 'write'),
    // Gin's JSON render keeps a Content-Type that is already set.
    render: (p, s) => [
      ...(isJson(p.contentType) ? [] : [[`${s.receiver}.Header("Content-Type", "${p.contentType}")`]]),
      ...p.headers.map((h) => code(`${s.receiver}.Header("${h.name}", `, quoted('"', h.value), ')')),
      code(`${s.receiver}.JSON(${goStatus(p.status)}, `, body(p, 'go', { goMapType: 'gin.H' }), ')'),
    ],
    imports: (rendered) => (/\bhttp\.Status/.test(rendered) ? ['net/http'] : []),
  },
  {
    id: 'spring', label: 'Spring', literal: 'java', languages: ['java'],
    site: springSite,
    defaultSite: site('', 'return'),
    render: (p) => [code(`return ResponseEntity.status(${p.status})`,
      ...p.headers.map((h) => code(`.header("${h.name}", `, quoted('"', h.value), ')')),
      `.contentType(MediaType.parseMediaType("${p.contentType}"))`,
      '.body(', body(p, 'java'), ');')],
    imports: (rendered) => [
      'import org.springframework.http.ResponseEntity;', 'import org.springframework.http.MediaType;',
      ...(/\bMap\./.test(rendered) ? ['import java.util.Map;'] : []), ...(/\bList\./.test(rendered) ? ['import java.util.List;'] : []),
    ],
  },
  {
    id: 'aspnet', label: 'ASP.NET Core', literal: 'csharp', languages: ['csharp'],
    site: aspnetSite,
    accepts: (p, s) => s.form !== 'minimal' || s.receiver !== '' || p.headers.length === 0,
    defaultSite: site('httpContext', 'minimal'),
    render: (p, s) => {
      const headers = (target: string) => p.headers.map((h) => code(`${target}.Headers["${h.name}"] = `, quoted('"', h.value), ';'));
      if (s.form === 'controller') {
        return [...headers('Response'), code('return new ObjectResult(', body(p, 'csharp'), `) { StatusCode = ${p.status}, ContentTypes = { "${p.contentType}" } };`)];
      }
      if (s.form === 'middleware') {
        const response = `${s.receiver}.Response`;
        return [[`${response}.StatusCode = ${p.status};`], [`${response}.ContentType = "${p.contentType}";`], ...headers(response),
          code(`await ${response}.WriteAsync(${s.newtonsoft ? 'JsonConvert.SerializeObject' : 'JsonSerializer.Serialize'}(`, body(p, 'csharp'), '));')];
      }
      return [...headers(`${s.receiver}.Response`), code('return Results.Json(', body(p, 'csharp'), `, contentType: "${p.contentType}", statusCode: ${p.status});`)];
    },
    imports: (rendered, s) => [
      s.form === 'controller' ? 'using Microsoft.AspNetCore.Mvc;' : 'using Microsoft.AspNetCore.Http;',
      ...(s.form === 'middleware' ? [s.newtonsoft ? 'using Newtonsoft.Json;' : 'using System.Text.Json;'] : []),
      ...(/\bDictionary</.test(rendered) ? ['using System.Collections.Generic;'] : []),
      ...(/\bArray\.Empty</.test(rendered) ? ['using System;'] : []),
    ],
  },
  {
    id: 'rails', label: 'Rails', literal: 'ruby', languages: ['ruby'],
    site: railsSite,
    defaultSite: site('', 'write'),
    render: (p) => [
      ...p.headers.map((h) => code(`response.headers["${h.name}"] = `, quoted('"', h.value))),
      code('render json: ', body(p, 'ruby'), `, status: ${p.status}`, isJson(p.contentType) ? '' : `, content_type: "${p.contentType}"`),
    ],
  },
  {
    id: 'laravel', label: 'Laravel', literal: 'php', languages: ['php'],
    site: laravelSite,
    defaultSite: site('', 'return'),
    render: (p, s) => {
      const response = code('response()->json(', body(p, 'php'), `, ${p.status}`,
        p.headers.length || !isJson(p.contentType) ? code(', ', phpHeaders(isJson(p.contentType) ? p.headers : withContentType(p))) : '', ')');
      return [s.form === 'throw' ? code('throw new HttpResponseException(', response, ');') : code('return ', response, ';')];
    },
    imports: (_rendered, s) => (s.form === 'throw' ? ['use Illuminate\\Http\\Exceptions\\HttpResponseException;'] : []),
  },
  { id: 'json', label: 'JSON body', literal: 'json', languages: ['json', 'jsonc'], site: anywhere, defaultSite: site('', 'value'), render: (p) => [body(p, 'json')] },
  { id: 'yaml', label: 'YAML body', literal: 'yaml', languages: ['yaml'], site: anywhere, defaultSite: site('', 'value'), render: (p) => [body(p, 'yaml')] },
];

/** The framework a document uses: the configured one when it fits the language, else what the text shows, else the language's default. */
export function frameworkFor(languageId: string, text: string, configured?: string): FrameworkTemplate | undefined {
  const candidates = FRAMEWORKS.filter((f) => f.languages.includes(languageId));
  if (candidates.length === 0) return undefined;
  const chosen = configured ? candidates.find((f) => f.id === configured) : undefined;
  if (chosen) return chosen;
  // Express's `(req, res)` handlers and `res.status(…).json(…)` are the most common untyped JavaScript; without an import, look for them.
  const detected = candidates.find((f) => f.detect?.test(text))
    ?? (JS_LANGUAGES.includes(languageId) && /\(\s*req\b[^)]*,\s*res\b|\bres\.status\(\s*\d{3}\s*\)\.json\(/.test(text) ? candidates.find((f) => f.id === 'express') : undefined);
  return detected ?? candidates.find((f) => !f.detect) ?? candidates.find((f) => f.id === 'fetch' || f.id === 'fastapi') ?? candidates[0];
}
