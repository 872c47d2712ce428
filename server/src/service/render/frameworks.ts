/**
 * One small template per framework: how a handler in that framework sends a status, headers,
 * a content type and a body. The body itself is rendered by `literals.ts` from the catalog's
 * envelope, so no template knows any code or any envelope.
 */
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

export interface FrameworkTemplate {
  readonly id: FrameworkId;
  readonly label: string;
  /** The literal language of the body. */
  readonly literal: OutputLanguage;
  /** The LSP language ids this framework is written in. */
  readonly languages: readonly string[];
  /** Text that shows a document uses the framework (imports, typical calls). */
  readonly detect?: RegExp;
  readonly render: (parts: ResponseParts) => Code;
}

/** The LSP language ids of TypeScript and JavaScript, JSX included. */
export const JS_LANGUAGES: readonly string[] = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
const isJson = (contentType: string) => /^application\/json\b/i.test(contentType);

/** Pieces of a string literal in the given quote: `'` + value + `'`. */
const quoted = (q: string, value: Code): Piece[] => code(q, value, q);

function body(parts: ResponseParts, language: OutputLanguage, options: LiteralOptions = {}): Piece[] {
  return renderLiteral(parts.body, language, parts.indent, { unit: parts.unit, ...options });
}

/** Lines joined at the statement's indentation. */
function lines(parts: ResponseParts, ...rows: Code[]): Piece[] {
  return code(...rows.flatMap((row, i) => (i === 0 ? [row] : [`\n${parts.indent}`, row])));
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

export const FRAMEWORKS: readonly FrameworkTemplate[] = [
  {
    id: 'express', label: 'Express', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]express['"]|require\(\s*['"]express['"]\s*\)/,
    // Two statements: Express 5's handler type returns void, so `return res.json(…)` does not type-check.
    render: (p) => lines(p,
      code(
        `res.status(${p.status})`,
        ...p.headers.map((h) => code(`.set('${h.name}', `, quoted("'", h.value), ')')),
        isJson(p.contentType) ? '' : `.type('${p.contentType}')`,
        '.json(', body(p, 'javascript'), ');',
      ),
      ['return;'],
    ),
  },
  {
    id: 'fastify', label: 'Fastify', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]fastify['"]|require\(\s*['"]fastify['"]\s*\)/,
    render: (p) => code(
      `return reply.code(${p.status})`,
      ...p.headers.map((h) => code(`.header('${h.name}', `, quoted("'", h.value), ')')),
      `.type('${p.contentType}')`,
      '.send(', body(p, 'javascript'), ');',
    ),
  },
  {
    id: 'koa', label: 'Koa', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]koa['"]|require\(\s*['"]koa['"]\s*\)/,
    render: (p) => lines(p,
      [`ctx.status = ${p.status};`],
      ...p.headers.map((h) => code(`ctx.set('${h.name}', `, quoted("'", h.value), ');')),
      [`ctx.type = '${p.contentType}';`],
      code('ctx.body = ', body(p, 'javascript'), ';'),
    ),
  },
  {
    id: 'hono', label: 'Hono', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]hono(?:\/[\w-]+)?['"]/,
    render: (p) => isJson(p.contentType)
      ? code('return c.json(', body(p, 'javascript'), `, ${p.status}`, p.headers.length ? code(', ', jsHeaders(p.headers)) : '', ');')
      : code('return c.body(JSON.stringify(', body(p, 'javascript'), `), ${p.status}, `, jsHeaders(withContentType(p)), ');'),
  },
  {
    id: 'nestjs', label: 'NestJS', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]@nestjs\//,
    // HttpException carries a status and a body; headers need the response object or an exception filter.
    render: (p) => lines(p,
      ...p.headers.map((h) => code(`// Also send ${h.name}: `, h.value, ' (set it with @Header() or in an exception filter).')),
      ...(isJson(p.contentType) ? [] : [[`// Sent as application/json; an exception filter can send ${p.contentType}.`]]),
      code('throw new HttpException(', body(p, 'javascript'), `, ${p.status});`),
    ),
  },
  {
    id: 'nextjs', label: 'Next.js', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bfrom\s+['"]next\/server['"]/,
    render: (p) => code('return NextResponse.json(', body(p, 'javascript'), `, { status: ${p.status}`,
      p.headers.length || !isJson(p.contentType) ? code(', headers: ', jsHeaders(isJson(p.contentType) ? p.headers : withContentType(p))) : '', ' });'),
  },
  {
    id: 'fetch', label: 'fetch Response', literal: 'javascript', languages: JS_LANGUAGES,
    detect: /\bnew\s+Response\(|\bResponse\.json\(|export\s+default\s*\{\s*(?:async\s+)?fetch\b|Deno\.serve|Bun\.serve/,
    render: (p) => isJson(p.contentType)
      ? code('return Response.json(', body(p, 'javascript'), `, { status: ${p.status}`, p.headers.length ? code(', headers: ', jsHeaders(p.headers)) : '', ' });')
      : code('return new Response(JSON.stringify(', body(p, 'javascript'), `), { status: ${p.status}, headers: `, jsHeaders(withContentType(p)), ' });'),
  },
  {
    // FastAPI's own handler wraps an HTTPException's detail in {"detail": …}; raising one keeps the
    // envelope only where the app registers a handler that returns the detail as the body.
    id: 'fastapi-exception', label: 'FastAPI (HTTPException)', literal: 'python', languages: ['python'],
    detect: /exception_handler\(\s*(?:Starlette)?HTTPException\b/,
    // A Content-Type header wins over the handler's default media type, so other content types travel with the exception.
    render: (p) => code(`raise HTTPException(status_code=${p.status}, detail=`, body(p, 'python'),
      p.headers.length || !isJson(p.contentType) ? code(', headers=', pyHeaders(isJson(p.contentType) ? p.headers : withContentType(p))) : '', ')'),
  },
  {
    id: 'fastapi', label: 'FastAPI', literal: 'python', languages: ['python'],
    detect: /\bfrom\s+fastapi\b|\bimport\s+fastapi\b/,
    render: (p) => code(`return JSONResponse(status_code=${p.status}, content=`, body(p, 'python'),
      p.headers.length ? code(', headers=', pyHeaders(p.headers)) : '',
      isJson(p.contentType) ? '' : `, media_type="${p.contentType}"`, ')'),
  },
  {
    id: 'flask', label: 'Flask', literal: 'python', languages: ['python'],
    detect: /\bfrom\s+flask\b|\bimport\s+flask\b/,
    // Flask turns a returned dict into JSON; the third element sets headers, Content-Type included.
    render: (p) => code('return ', body(p, 'python'), `, ${p.status}`,
      p.headers.length || !isJson(p.contentType) ? code(', ', pyHeaders(isJson(p.contentType) ? p.headers : withContentType(p))) : ''),
  },
  {
    id: 'django', label: 'Django', literal: 'python', languages: ['python'],
    detect: /\bfrom\s+django\b|\bimport\s+django\b/,
    render: (p) => code('return JsonResponse(', body(p, 'python'), `, status=${p.status}`,
      p.headers.length ? code(', headers=', pyHeaders(p.headers)) : '',
      isJson(p.contentType) ? '' : `, content_type="${p.contentType}"`, ')'),
  },
  {
    id: 'net-http', label: 'net/http', literal: 'go', languages: ['go'],
    render: (p) => lines(p,
      [`w.Header().Set("Content-Type", "${p.contentType}")`],
      ...p.headers.map((h) => code(`w.Header().Set("${h.name}", `, quoted('"', h.value), ')')),
      [`w.WriteHeader(${goStatus(p.status)})`],
      code('json.NewEncoder(w).Encode(', body(p, 'go'), ')'),
    ),
  },
  {
    id: 'gin', label: 'Gin', literal: 'go', languages: ['go'],
    detect: /"github\.com\/gin-gonic\/gin"/,
    // Gin's JSON render keeps a Content-Type that is already set.
    render: (p) => lines(p,
      ...(isJson(p.contentType) ? [] : [[`c.Header("Content-Type", "${p.contentType}")`]]),
      ...p.headers.map((h) => code(`c.Header("${h.name}", `, quoted('"', h.value), ')')),
      code(`c.JSON(${goStatus(p.status)}, `, body(p, 'go', { goMapType: 'gin.H' }), ')'),
    ),
  },
  {
    id: 'spring', label: 'Spring', literal: 'java', languages: ['java'],
    render: (p) => code(`return ResponseEntity.status(${p.status})`,
      ...p.headers.map((h) => code(`.header("${h.name}", `, quoted('"', h.value), ')')),
      `.contentType(MediaType.parseMediaType("${p.contentType}"))`,
      '.body(', body(p, 'java'), ');'),
  },
  {
    id: 'aspnet', label: 'ASP.NET Core', literal: 'csharp', languages: ['csharp'],
    render: (p) => lines(p,
      ...p.headers.map((h) => code(`httpContext.Response.Headers["${h.name}"] = `, quoted('"', h.value), ';')),
      code('return Results.Json(', body(p, 'csharp'), `, contentType: "${p.contentType}", statusCode: ${p.status});`),
    ),
  },
  {
    id: 'rails', label: 'Rails', literal: 'ruby', languages: ['ruby'],
    render: (p) => lines(p,
      ...p.headers.map((h) => code(`response.headers["${h.name}"] = `, quoted('"', h.value))),
      code('render json: ', body(p, 'ruby'), `, status: ${p.status}`, isJson(p.contentType) ? '' : `, content_type: "${p.contentType}"`),
    ),
  },
  {
    id: 'laravel', label: 'Laravel', literal: 'php', languages: ['php'],
    render: (p) => code('return response()->json(', body(p, 'php'), `, ${p.status}`,
      p.headers.length || !isJson(p.contentType) ? code(', ', phpHeaders(isJson(p.contentType) ? p.headers : withContentType(p))) : '', ');'),
  },
  { id: 'json', label: 'JSON body', literal: 'json', languages: ['json', 'jsonc'], render: (p) => body(p, 'json') },
  { id: 'yaml', label: 'YAML body', literal: 'yaml', languages: ['yaml'], render: (p) => body(p, 'yaml') },
];

/** The framework a document uses: the configured one when it fits the language, else what the text shows, else the language's default. */
export function frameworkFor(languageId: string, text: string, configured?: string): FrameworkTemplate | undefined {
  const candidates = FRAMEWORKS.filter((f) => f.languages.includes(languageId));
  if (candidates.length === 0) return undefined;
  const chosen = configured ? candidates.find((f) => f.id === configured) : undefined;
  if (chosen) return chosen;
  // Express's `(req, res)` handlers are the most common untyped JavaScript; without an import, look for them.
  const detected = candidates.find((f) => f.detect?.test(text))
    ?? (JS_LANGUAGES.includes(languageId) && /\(\s*req\b[^)]*,\s*res\b/.test(text) ? candidates.find((f) => f.id === 'express') : undefined);
  return detected ?? candidates.find((f) => !f.detect) ?? candidates.find((f) => f.id === 'fetch' || f.id === 'fastapi') ?? candidates[0];
}

