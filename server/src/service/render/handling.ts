/**
 * Client code that handles a catalog's errors: it calls the API, reads the catalog's envelope
 * (wherever it puts the code, the message and `retryAfter`), raises a typed error, retries what
 * the catalog documents as retryable with exponential backoff and jitter (honouring
 * `Retry-After` or the body's `retryAfter`), and switches over every code with its resolution.
 * One template per client library; everything about the API comes from the catalog.
 */
import { placeholderPath } from '../catalog/envelope';
import type { Catalog } from '../catalog/model';
import { JS_LANGUAGES } from './frameworks';

export type HandlingVariant = 'fetch' | 'axios' | 'requests' | 'httpx' | 'net-http';

export interface HandlingVariantInfo {
  readonly id: HandlingVariant;
  readonly label: string;
  readonly languages: readonly string[];
}


export const HANDLING_VARIANTS: readonly HandlingVariantInfo[] = [
  { id: 'fetch', label: 'fetch', languages: JS_LANGUAGES },
  { id: 'axios', label: 'axios', languages: JS_LANGUAGES },
  { id: 'requests', label: 'requests', languages: ['python'] },
  { id: 'httpx', label: 'httpx', languages: ['python'] },
  { id: 'net-http', label: 'net/http', languages: ['go'] },
];

/** What the generated code needs to know about the API, read from its catalog. */
export interface HandlingPlan {
  /** PascalCase name of the API: `SuccessMeta`. */
  readonly name: string;
  readonly title: string;
  readonly codes: readonly { readonly code: string; readonly status: number; readonly title?: string; readonly resolution: readonly string[]; readonly description?: string }[];
  readonly codePath: readonly string[];
  readonly messagePath?: readonly string[];
  readonly retryAfterPath?: readonly string[];
  readonly retryableStatuses: readonly number[];
  readonly maxAttempts: number;
  readonly baseDelaySeconds: number;
}

function pascalCase(text: string): string {
  const words = text.replace(/\bapi\b/gi, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name : `Api${name}`;
}

export function handlingPlan(catalog: Catalog, standard?: Catalog): HandlingPlan | undefined {
  const codePath = placeholderPath(catalog.envelope.body, 'code');
  if (!codePath) return undefined;
  const holder = codePath.slice(0, -1);
  const carriesRetryAfter = [...catalog.codes.values()].some((c) => 'retryAfter' in c.members);
  const retryAfterPath = placeholderPath(catalog.envelope.body, 'retryAfter') ?? (carriesRetryAfter ? [...holder, 'retryAfter'] : undefined);
  const policies = new Map<number, { strategy: string; maxAttempts?: number; delaySeconds?: number }>();
  for (const [status, entry] of catalog.statuses) if (entry.retry) policies.set(status, entry.retry);
  const retryable = new Set<number>();
  for (const [status, policy] of policies) if (policy.strategy !== 'none') retryable.add(status);
  for (const code of catalog.codes.values()) {
    if (code.retryable === true) retryable.add(code.status);
    // Statuses the catalog leaves undocumented follow the HTTP standard's advice.
    if (code.retryable === undefined && !policies.has(code.status)) {
      const standardPolicy = standard?.statuses.get(code.status)?.retry;
      if (standardPolicy && standardPolicy.strategy !== 'none') retryable.add(code.status);
    }
  }
  const relevant = [...retryable].map((s) => policies.get(s)).filter((p) => p !== undefined);
  const attempts = relevant.map((p) => p.maxAttempts).filter((n): n is number => n !== undefined);
  const delays = relevant.map((p) => p.delaySeconds).filter((n): n is number => n !== undefined && n > 0);
  return {
    name: pascalCase(catalog.title || catalog.id),
    title: catalog.title,
    codes: [...catalog.codes.values()].map((c) => ({ code: c.code, status: c.status, title: c.title, resolution: c.resolution, description: c.description })),
    codePath,
    messagePath: placeholderPath(catalog.envelope.body, 'message'),
    retryAfterPath,
    retryableStatuses: [...retryable].sort((a, b) => a - b),
    maxAttempts: attempts.length > 0 ? Math.max(...attempts) : 5,
    baseDelaySeconds: delays.length > 0 ? Math.min(...delays) : 1,
  };
}

/** Catalog prose as a one-line comment body: no line breaks, nothing that ends a comment. */
function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '* /').trim();
}

/** The resolution of a code as comment lines (`// …` or `# …`), or a fallback line. */
function resolutionComments(code: HandlingPlan['codes'][number], marker: string, indent: string): string {
  const lines = code.resolution.length > 0 ? code.resolution : [code.title ?? code.description ?? `HTTP ${code.status}`];
  return lines.slice(0, 6).map((line) => `${indent}${marker} ${commentText(line)}`).join('\n');
}

const js = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const dq = (value: string) => JSON.stringify(value);

export interface HandlingCode {
  /** Import lines this code needs, each checked against the file before it is added. */
  readonly imports: readonly string[];
  /** Declarations to insert (without imports). */
  readonly code: string;
}

function typescript(plan: HandlingPlan, variant: 'fetch' | 'axios', typed: boolean): HandlingCode {
  const t = (annotation: string) => (typed ? annotation : '');
  const name = plan.name;
  // Module-level names carry the API's name, so handling for two catalogs can share a file.
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  const access = (path: readonly string[] | undefined) => (path ? `${lower}Dig(body, [${path.map(js).join(', ')}])` : 'undefined');
  const codeUnion = plan.codes.length > 0 ? plan.codes.map((c) => `  | ${js(c.code)}`).join('\n') : '  never';
  const types = typed ? `/** The error codes of the ${commentText(plan.title)}. */\nexport type ${name}ErrorCode =\n${codeUnion};\n\n` : '';
  const cases = plan.codes.map((c) => `    case ${js(c.code)}:\n${resolutionComments(c, '//', '      ')}\n      break;`).join('\n');
  const call = variant === 'fetch'
    ? `/** Calls the ${commentText(plan.title)}: retries what its catalog documents as retryable, throws ${name}ApiError on an error response. */
export async function call${name}Api(input${t(': string | URL')}, init${t(': RequestInit')} = {})${t(': Promise<Response>')} {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(input, init);
    if (response.ok) return response;
    const body${t(': unknown')} = await response.json().catch(() => undefined);
    const error = to${name}ApiError(response.status, body);
    if (attempt >= ${lower}MaxAttempts || !${lower}RetryableStatuses.has(response.status)) throw error;
    await ${lower}Sleep(${lower}RetryDelayMs(response.headers.get('Retry-After'), body, attempt));
  }
}`
    : `/** Calls the ${commentText(plan.title)}: retries what its catalog documents as retryable, throws ${name}ApiError on an error response. */
export async function call${name}Api${t('<T = unknown>')}(config${t(': AxiosRequestConfig')})${t(': Promise<AxiosResponse<T>>')} {
  for (let attempt = 1; ; attempt++) {
    try {
      return await axios.request${t('<T>')}(config);
    } catch (caught) {
      if (!axios.isAxiosError(caught) || !caught.response) throw caught;
      const { status, data, headers } = caught.response;
      const error = to${name}ApiError(status, data);
      if (attempt >= ${lower}MaxAttempts || !${lower}RetryableStatuses.has(status)) throw error;
      const retryAfter = headers['retry-after'];
      await ${lower}Sleep(${lower}RetryDelayMs(typeof retryAfter === 'string' ? retryAfter : null, data, attempt));
    }
  }
}`;
  const code = `${types}/** An error response of the ${commentText(plan.title)}. */
export class ${name}ApiError extends Error {
  constructor(${t('readonly ')}status${t(': number')}, ${t('readonly ')}code${t(`: ${name}ErrorCode | (string & {})`)}, message${t(': string')}, ${t('readonly ')}body${t(': unknown')}) {
    super(message);
    this.name = '${name}ApiError';${typed ? '' : '\n    this.status = status;\n    this.code = code;\n    this.body = body;'}
  }
}

/** Statuses the catalog documents as retryable. */
const ${lower}RetryableStatuses = new Set${t('<number>')}([${plan.retryableStatuses.join(', ')}]);
const ${lower}MaxAttempts = ${plan.maxAttempts};
const ${lower}BaseDelayMs = ${Math.round(plan.baseDelaySeconds * 1000)};

${call}

function to${name}ApiError(status${t(': number')}, body${t(': unknown')})${t(`: ${name}ApiError`)} {
  const code = ${access(plan.codePath)};
  const message = ${access(plan.messagePath)};
  return new ${name}ApiError(status, typeof code === 'string' ? code : 'UNKNOWN', typeof message === 'string' ? message : \`HTTP \${status}\`, body);
}

/** The value at a path in a parsed body, or undefined. */
function ${lower}Dig(value${t(': unknown')}, path${t(': readonly string[]')})${t(': unknown')} {
  return path.reduce${t('<unknown>')}((node, key) => (node !== null && typeof node === 'object' ? (node${t(' as Record<string, unknown>')})[key] : undefined), value);
}

/** Retry-After (seconds or a date), else the body's retryAfter, else exponential backoff with jitter. */
function ${lower}RetryDelayMs(retryAfter${t(': string | null')}, body${t(': unknown')}, attempt${t(': number')})${t(': number')} {
  const seconds = retryAfter !== null && retryAfter.trim() !== '' ? Number(retryAfter) : ${plan.retryAfterPath ? `Number(${access(plan.retryAfterPath)})` : 'Number.NaN'};
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = retryAfter !== null ? Date.parse(retryAfter) : Number.NaN;
  if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  const backoff = ${lower}BaseDelayMs * 2 ** (attempt - 1);
  return backoff / 2 + Math.random() * (backoff / 2);
}

function ${lower}Sleep(ms${t(': number')})${t(': Promise<void>')} {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What to do about each error code of the ${commentText(plan.title)}. */
export function handle${name}Error(error${t(`: ${name}ApiError`)})${t(': void')} {
  switch (error.code) {
${cases}${cases ? '\n' : ''}    default:
      // A code the catalog does not document: log it with the response body.
      break;
  }
}
`;
  const imports = variant === 'axios' ? [typed ? "import axios, { type AxiosRequestConfig, type AxiosResponse } from 'axios';" : "import axios from 'axios';"] : [];
  return { imports, code };
}

function python(plan: HandlingPlan, variant: 'requests' | 'httpx'): HandlingCode {
  const name = plan.name;
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const path = (p: readonly string[] | undefined) => (p ? `(${p.map(dq).join(', ')}${p.length === 1 ? ',' : ''})` : '()');
  const ok = variant === 'requests' ? 'response.ok' : 'response.is_success';
  const cases = plan.codes.map((c) => `        case ${dq(c.code)}:\n${resolutionComments(c, '#', '            ')}\n            pass`).join('\n');
  const code = `${snake.toUpperCase()}_ERROR_CODES = (${plan.codes.map((c) => dq(c.code)).join(', ')}${plan.codes.length === 1 ? ',' : ''})
"""The error codes of the ${commentText(plan.title)}."""

# Statuses the catalog documents as retryable.
_${snake.toUpperCase()}_RETRYABLE_STATUSES = {${plan.retryableStatuses.join(', ')}}
_${snake.toUpperCase()}_MAX_ATTEMPTS = ${plan.maxAttempts}
_${snake.toUpperCase()}_BASE_DELAY = ${plan.baseDelaySeconds}


class ${name}ApiError(Exception):
    """An error response of the ${commentText(plan.title)}."""

    def __init__(self, status, code, message, body):
        super().__init__(message)
        self.status = status
        self.code = code
        self.body = body


def _${snake}_dig(value, path):
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _${snake}_retry_delay(retry_after, body, attempt):
    """Retry-After (seconds or a date), else the body's retryAfter, else exponential backoff with jitter."""
    if retry_after:
        try:
            return max(0.0, float(retry_after))
        except ValueError:
            try:
                return max(0.0, email.utils.parsedate_to_datetime(retry_after).timestamp() - time.time())
            except (TypeError, ValueError):
                pass
    seconds = _${snake}_dig(body, ${path(plan.retryAfterPath)})
    if isinstance(seconds, (int, float)) and not isinstance(seconds, bool) and seconds >= 0:
        return float(seconds)
    backoff = _${snake.toUpperCase()}_BASE_DELAY * 2 ** (attempt - 1)
    return backoff / 2 + random.uniform(0, backoff / 2)


def call_${snake}_api(method, url, **kwargs):
    """Calls the ${commentText(plan.title)}: retries what its catalog documents as retryable, raises ${name}ApiError on an error response."""
    attempt = 1
    while True:
        response = ${variant}.request(method, url, **kwargs)
        if ${ok}:
            return response
        try:
            body = response.json()
        except ValueError:
            body = None
        code = _${snake}_dig(body, ${path(plan.codePath)})
        message = _${snake}_dig(body, ${path(plan.messagePath)})
        error = ${name}ApiError(response.status_code, code if isinstance(code, str) else "UNKNOWN", message if isinstance(message, str) else f"HTTP {response.status_code}", body)
        if attempt >= _${snake.toUpperCase()}_MAX_ATTEMPTS or response.status_code not in _${snake.toUpperCase()}_RETRYABLE_STATUSES:
            raise error
        time.sleep(_${snake}_retry_delay(response.headers.get("Retry-After"), body, attempt))
        attempt += 1


def handle_${snake}_error(error):
    """What to do about each error code of the ${commentText(plan.title)}."""
    match error.code:
${cases}${cases ? '\n' : ''}        case _:
            # A code the catalog does not document: log it with the response body.
            pass
`;
  return { imports: ['import email.utils', 'import random', 'import time', `import ${variant}`], code };
}

function go(plan: HandlingPlan): HandlingCode {
  const name = plan.name;
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  const path = (p: readonly string[] | undefined) => (p ? p.map(dq).join(', ') : '');
  const cases = plan.codes.map((c) => `\tcase ${dq(c.code)}:\n${resolutionComments(c, '//', '\t\t')}`).join('\n');
  const code = `// ${name}ApiError is an error response of the ${commentText(plan.title)}.
type ${name}ApiError struct {
\tStatus  int
\tCode    string
\tMessage string
\tBody    map[string]any
}

func (e *${name}ApiError) Error() string {
\treturn fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message)
}

// Statuses the catalog documents as retryable.
var ${lower}RetryableStatuses = map[int]bool{${plan.retryableStatuses.map((s) => `${s}: true`).join(', ')}}

const (
\t${lower}MaxAttempts = ${plan.maxAttempts}
\t${lower}BaseDelay   = ${Math.round(plan.baseDelaySeconds * 1000)} * time.Millisecond
)

// Call${name}Api sends the request newRequest builds (once per attempt, so a body can be sent again),
// retries what the catalog documents as retryable, and returns *${name}ApiError on an error response.
func Call${name}Api(client *http.Client, newRequest func() (*http.Request, error)) (*http.Response, error) {
\tfor attempt := 1; ; attempt++ {
\t\treq, err := newRequest()
\t\tif err != nil {
\t\t\treturn nil, err
\t\t}
\t\tresp, err := client.Do(req)
\t\tif err != nil {
\t\t\treturn nil, err
\t\t}
\t\tif resp.StatusCode < 400 {
\t\t\treturn resp, nil
\t\t}
\t\tvar body map[string]any
\t\t_ = json.NewDecoder(resp.Body).Decode(&body)
\t\tresp.Body.Close()
\t\tcode, _ := ${lower}Dig(body, ${path(plan.codePath)}).(string)
\t\tmessage, _ := ${lower}Dig(body${plan.messagePath ? `, ${path(plan.messagePath)}` : ''}).(string)
\t\tif code == "" {
\t\t\tcode = "UNKNOWN"
\t\t}
\t\tif message == "" {
\t\t\tmessage = http.StatusText(resp.StatusCode)
\t\t}
\t\tapiErr := &${name}ApiError{Status: resp.StatusCode, Code: code, Message: message, Body: body}
\t\tif attempt >= ${lower}MaxAttempts || !${lower}RetryableStatuses[resp.StatusCode] {
\t\t\treturn nil, apiErr
\t\t}
\t\ttime.Sleep(${lower}RetryDelay(resp.Header.Get("Retry-After"), body, attempt))
\t}
}

func ${lower}Dig(value any, path ...string) any {
\tfor _, key := range path {
\t\tobject, ok := value.(map[string]any)
\t\tif !ok {
\t\t\treturn nil
\t\t}
\t\tvalue = object[key]
\t}
\treturn value
}

// ${lower}RetryDelay uses Retry-After (seconds or a date), else the body's retryAfter, else exponential backoff with jitter.
func ${lower}RetryDelay(retryAfter string, body map[string]any, attempt int) time.Duration {
\tif seconds, err := strconv.ParseFloat(retryAfter, 64); err == nil && seconds >= 0 {
\t\treturn time.Duration(seconds * float64(time.Second))
\t}
\tif when, err := http.ParseTime(retryAfter); err == nil {
\t\tif wait := time.Until(when); wait > 0 {
\t\t\treturn wait
\t\t}
\t\treturn 0
\t}
${plan.retryAfterPath ? `\tif seconds, ok := ${lower}Dig(body, ${path(plan.retryAfterPath)}).(float64); ok && seconds >= 0 {
\t\treturn time.Duration(seconds * float64(time.Second))
\t}
` : ''}\tbackoff := ${lower}BaseDelay << (attempt - 1)
\treturn backoff/2 + time.Duration(rand.Int63n(int64(backoff/2)+1))
}

// Handle${name}Error says what to do about each error code of the ${commentText(plan.title)}.
func Handle${name}Error(err *${name}ApiError) {
\tswitch err.Code {
${cases}${cases ? '\n' : ''}\tdefault:
\t\t// A code the catalog does not document: log it with the response body.
\t}
}
`;
  return { imports: ['encoding/json', 'fmt', 'math/rand', 'net/http', 'strconv', 'time'], code };
}

/** The handling code for a catalog, in the variant's language (`typed` for TypeScript). */
export function handlingCode(plan: HandlingPlan, variant: HandlingVariant, typed: boolean): HandlingCode {
  switch (variant) {
    case 'fetch':
    case 'axios':
      return typescript(plan, variant, typed);
    case 'requests':
    case 'httpx':
      return python(plan, variant);
    case 'net-http':
      return go(plan);
  }
}
