/**
 * `import code` on the sample workspaces with their catalogs taken away, through the session as
 * the command runs it: the codes it finds are the catalog's (none invented), most of the catalog's
 * codes are found, the statuses the code shows are the catalog's, and the envelope has the
 * catalog's members with the code where the catalog has it. The written draft loads as a catalog.
 * Then the importer alone on small workspaces: decoys that are not error codes, codes written only
 * as strings, nothing to import, and files too large to read.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { openSession } from '../../server/src/cli/workspace';
import { nodeFileSystem } from '../../server/src/node/fileSystem';
import { ARRAY_ITEM } from '../../server/src/service/catalog/envelope';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { draftToYaml, ImportError, type CatalogDraft } from '../../server/src/service/import/catalogDraft';
import { importFromCode, IMPORT_LIMITS, type SourceText } from '../../server/src/service/import/fromCode';
import { knownStatuses, standardReasons } from '../helpers/catalogs';
import { REPO_ROOT } from '../helpers/paths';
import { copyOf, languageOf, sampleWorkspaces } from '../helpers/workspaces';

const TIMEOUT = { timeout: 120_000 };

interface RealCatalog {
  envelope: { body: Record<string, unknown>; optional?: string[] };
  codes: Record<string, { status: number }>;
}

/** A session on `root` as the command line opens one, with no settings. */
async function draftOf(root: string, paths?: readonly string[]): Promise<CatalogDraft> {
  const session = await openSession({
    root,
    fs: nodeFileSystem(join(REPO_ROOT, 'catalog', 'builtin')),
    settings: { errorCatalog: {} },
    log: { warn: () => undefined, error: (message) => assert.fail(message) },
  });
  try {
    return await session.importFromCode(paths);
  } finally {
    await session.dispose();
  }
}

/** A body template's leaf paths (`errors.[].extensions.code`). */
function leafPaths(body: unknown, prefix: string[] = []): string[] {
  if (Array.isArray(body)) return body.length > 0 ? leafPaths(body[0], [...prefix, ARRAY_ITEM]) : [[...prefix, ARRAY_ITEM].join('.')];
  if (body && typeof body === 'object') return Object.entries(body).flatMap(([key, value]) => leafPaths(value, [...prefix, key]));
  return [prefix.join('.')];
}

/** The path of the `${code}` placeholder in a body template. */
function codePathOf(body: unknown, prefix: string[] = []): string | undefined {
  if (typeof body === 'string') return body === '${code}' ? prefix.join('.') : undefined;
  if (Array.isArray(body)) return body.length > 0 ? codePathOf(body[0], [...prefix, ARRAY_ITEM]) : undefined;
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      const found = codePathOf(value, [...prefix, key]);
      if (found) return found;
    }
  }
  return undefined;
}

const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${Math.round((part / whole) * 100)}%`);

describe('import code on the sample workspaces, their catalogs hidden', () => {
  const rows: string[][] = [];
  after(() => {
    const header = ['workspace', 'catalog codes', 'imported', 'recall', 'precision', 'status (shown by code)', 'status (guessed)', 'envelope members'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n'));
  });

  for (const workspace of sampleWorkspaces()) {
    it(`${workspace.name}: invents no code, finds most, and reads the statuses and envelope the code shows`, TIMEOUT, async () => {
      const copy = copyOf(workspace);
      try {
        rmSync(join(copy, 'api.errors.yaml'));
        rmSync(join(copy, 'workspace.json'));
        const draft = await draftOf(copy);
        const real = parse(readFileSync(join(workspace.dir, 'api.errors.yaml'), 'utf8')) as RealCatalog;
        const imported = Object.keys(draft.catalog.codes);
        const found = imported.filter((code) => code in real.codes);

        // Precision: every code imported is one the catalog has.
        assert.deepEqual(imported.filter((code) => !(code in real.codes)), [], 'codes the catalog does not have');
        // Recall: most of the catalog's codes, and every one the code writes; those it misses are in the catalog
        // only (deprecated codes kept for old clients, no longer in the code).
        const missed = Object.keys(real.codes).filter((code) => !imported.includes(code));
        assert.ok(found.length / Object.keys(real.codes).length >= 0.8, `recall ${percent(found.length, Object.keys(real.codes).length)}; missed ${missed.join(', ')}`);
        const texts = workspace.sources.map((file) => readFileSync(join(workspace.dir, file), 'utf8'));
        assert.deepEqual(missed.filter((code) => texts.some((text) => text.includes(`"${code}"`) || text.includes(`'${code}'`))), [], 'codes the code writes but the import missed');

        // Statuses: every status a place in the code shows is the catalog's.
        const guessed = new Set(draft.guesses.filter((g) => g.path.length === 3 && g.path[2] === 'status').map((g) => String(g.path[1])));
        const shown = found.filter((code) => !guessed.has(code));
        const wrong = shown.filter((code) => draft.catalog.codes[code].status !== real.codes[code].status).map((code) => `${code}: ${draft.catalog.codes[code].status}, catalog ${real.codes[code].status}`);
        assert.deepEqual(wrong, [], 'statuses shown by the code');
        const guessedFound = found.filter((code) => guessed.has(code));
        const guessedRight = guessedFound.filter((code) => draft.catalog.codes[code].status === real.codes[code].status);

        // The envelope: the code where the catalog has it, every member the catalog requires, and none it lacks required.
        const realPaths = leafPaths(real.envelope.body);
        const realOptional = new Set(real.envelope.optional ?? []);
        // A member is optional where it or a member around it is listed optional (`source` of `source.pointer`).
        const realRequired = realPaths.filter((path) => !path.split('.').some((key) => realOptional.has(key)));
        const draftPaths = leafPaths(draft.catalog.envelope.body);
        const draftOptional = new Set(draft.catalog.envelope.optional ?? []);
        const draftRequired = draftPaths.filter((path) => !path.split('.').some((key) => draftOptional.has(key)));
        assert.equal(codePathOf(draft.catalog.envelope.body), codePathOf(real.envelope.body), 'where the code is in the body');
        assert.deepEqual(realRequired.filter((path) => !draftPaths.includes(path)), [], 'members the catalog requires');
        assert.deepEqual(draftRequired.filter((path) => !realPaths.includes(path)), [], 'required members the catalog does not have');

        // The draft, written, loads as a catalog without errors.
        const text = draftToYaml(draft, 'the code');
        const loaded = loadCatalog('file:///w/api.errors.yaml', text, { knownStatuses: knownStatuses(), standardReasons: standardReasons() });
        assert.deepEqual(loaded.problems.filter((p) => p.severity === 'error').map((p) => p.message), []);
        assert.equal(loaded.catalog?.codes.size, imported.length);
        assert.equal(draft.catalog.envelope.contentType, (real.envelope as { contentType?: string }).contentType ?? 'application/json');

        rows.push([
          workspace.name,
          String(Object.keys(real.codes).length),
          String(imported.length),
          percent(found.length, Object.keys(real.codes).length),
          percent(found.length, imported.length),
          `${shown.length - wrong.length}/${shown.length}`,
          `${guessedRight.length}/${guessedFound.length}`,
          `${realPaths.filter((p) => draftPaths.includes(p)).length}/${realPaths.length}`,
        ]);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  }

  it('reads only the files inside the paths asked for', TIMEOUT, async () => {
    const workspace = sampleWorkspaces().find((w) => w.name === 'ts-fastify-api')!;
    const copy = copyOf(workspace);
    try {
      rmSync(join(copy, 'api.errors.yaml'));
      const whole = await draftOf(copy);
      const part = await draftOf(copy, [join(copy, 'src', 'errors')]);
      const partCodes = Object.keys(part.catalog.codes);
      assert.ok(partCodes.length > 0);
      assert.ok(partCodes.every((code) => code in whole.catalog.codes));
      // The factories of src/errors/index.ts write each code's status beside it.
      assert.equal(part.catalog.codes.NoSuchInvoice.status, 404);
      // The bodies are sent by the routes and the error handler, which were not read.
      assert.ok(part.guesses.some((g) => g.path.join('.') === 'envelope.body'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('says what it looked for when an empty folder has nothing to import', TIMEOUT, async () => {
    const empty = realpathSync(mkdtempSync(join(tmpdir(), 'error-catalog-import-empty-')));
    try {
      await assert.rejects(draftOf(empty), (error: unknown) => error instanceof ImportError && /No source files to read\. It looks for constants and enums named like error codes/.test(error.message));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

/** Sources of a small workspace, by path. */
function sources(files: Record<string, string>): SourceText[] {
  return Object.entries(files).map(([path, text]) => ({ uri: `file:///w/${path}`, languageId: languageOf(path), text }));
}

const ROOTS = { roots: ['file:///w'] };

/** Constants, enums and literals that are not error codes, written next to where errors are. */
const DECOYS: Record<string, string> = {
  'src/config.ts': [
    'export const DEFAULT_PAGE_SIZE = 20',
    "export const API_BASE = 'https://api.example.com/v1'",
    "export enum LogLevel { INFO = 'info', WARN = 'warn', ERROR = 'error' }",
  ].join('\n'),
  'src/events.ts': [
    "export enum EventType { OrderCreated = 'order.created', OrderShipped = 'order.shipped' }",
    'export function publish(type: EventType, data: unknown) { queue.push({ type, data }) }',
  ].join('\n'),
  'src/currencies.ts': "export const CURRENCIES = [{ code: 'EUR', name: 'Euro' }, { code: 'USD', name: 'US Dollar' }]",
  'src/partner.ts': [
    '/** The partner API answers with these; we map them to ours and never send them. */',
    "export enum PartnerErrorCode { Throttled = 'THROTTLED', NoSuchMember = 'NO_SUCH_MEMBER' }",
    'export function isRetryable(code: string) { return code === PartnerErrorCode.Throttled }',
  ].join('\n'),
  'src/orders.ts': [
    "import { LogLevel } from './config'",
    "import { EventType, publish } from './events'",
    'export function ship(order: Order) {',
    "  logger.log(LogLevel.INFO, 'shipping')",
    '  publish(EventType.OrderShipped, { id: order.id })',
    '}',
  ].join('\n'),
};

describe('import code on small workspaces', () => {
  it('leaves out constants that are not error codes, and imports those that are', () => {
    const draft = importFromCode(sources({
      ...DECOYS,
      'src/errors/codes.ts': [
        'export enum ErrorCode {',
        '  /** No order has this id. */',
        "  OrderNotFound = 'ORDER_NOT_FOUND',",
        "  OrderShipped = 'ORDER_ALREADY_SHIPPED',",
        '  /** @deprecated Sent before 2.0; orders answer ORDER_ALREADY_SHIPPED now. */',
        "  OrderLocked = 'ORDER_LOCKED',",
        "  RateLimited = 'RATE_LIMITED',",
        '}',
      ].join('\n'),
      'src/routes.ts': [
        "import { ErrorCode } from './errors/codes'",
        'app.get("/orders/:id", (req, res) => {',
        "  if (!order) return res.status(404).json({ code: ErrorCode.OrderNotFound, message: 'Order not found' })",
        "  if (order.shipped) throw new ApiError(409, ErrorCode.OrderShipped, 'The order has shipped')",
        '})',
      ].join('\n'),
    }), ROOTS);
    assert.deepEqual(Object.keys(draft.catalog.codes), ['ORDER_NOT_FOUND', 'ORDER_ALREADY_SHIPPED', 'ORDER_LOCKED', 'RATE_LIMITED']);
    const { codes } = draft.catalog;
    assert.deepEqual(codes.ORDER_NOT_FOUND, { status: 404, title: 'Order not found', message: 'Order not found', description: 'No order has this id.', constants: ['ErrorCode.OrderNotFound'] });
    assert.equal(codes.ORDER_ALREADY_SHIPPED.status, 409);
    assert.equal(codes.ORDER_LOCKED.deprecated, 'Sent before 2.0; orders answer ORDER_ALREADY_SHIPPED now.');
    assert.equal(codes.ORDER_LOCKED.replacedBy, 'ORDER_ALREADY_SHIPPED');
    // Never raised: its replacement's status, then its name's, each noted as a guess.
    assert.equal(codes.ORDER_LOCKED.status, 409);
    assert.equal(codes.RATE_LIMITED.status, 429);
    assert.deepEqual(draft.guesses.filter((g) => g.path[2] === 'status').map((g) => g.path[1]), ['ORDER_LOCKED', 'RATE_LIMITED']);
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}', message: '${message}' });
    // The partner's codes are named like error codes but never sent: listed, not imported.
    assert.deepEqual(draft.leftOut, [{ where: 'src/partner.ts:2', what: 'PartnerErrorCode (2 constants), named like error codes, but nothing raises them or sends them in an error body' }]);
  });

  it('finds codes written only as strings where errors are raised and sent', () => {
    const draft = importFromCode(sources({
      ...DECOYS,
      'app/errors.py': [
        'class ApiError(Exception):',
        '    status_code = 400',
        '',
        'class NotFound(ApiError):',
        '    status_code = status.HTTP_404_NOT_FOUND',
        '',
        'class Conflict(ApiError):',
        '    status_code = status.HTTP_409_CONFLICT',
      ].join('\n'),
      'app/routes.py': [
        'def get_order(order_id):',
        '    if order is None:',
        '        raise NotFound("order.not_found", f"No order {order_id}")',
        '    if order.locked:',
        '        raise Conflict("order.locked", "The order is locked")',
        '    if order.closed:',
        '        return JSONResponse(status_code=410, content={"code": "order_closed", "message": "The order is closed"})',
      ].join('\n'),
    }), ROOTS);
    assert.deepEqual(Object.fromEntries(Object.entries(draft.catalog.codes).map(([code, entry]) => [code, entry.status])), { 'order.not_found': 404, 'order.locked': 409, order_closed: 410 });
  });

  it('keeps the status most places send a code with, and notes the others', () => {
    const draft = importFromCode(sources({
      'src/errors.ts': "export enum ErrorCode { OrderConflict = 'ORDER_CONFLICT' }",
      'src/a.ts': "throw new ApiError(409, ErrorCode.OrderConflict, 'The order changed')",
      'src/b.ts': "throw new ApiError(HttpStatus.CONFLICT, ErrorCode.OrderConflict, 'The order changed')\n\nthrow new ApiError(422, ErrorCode.OrderConflict, 'The order is in the past')",
    }), ROOTS);
    assert.equal(draft.catalog.codes.ORDER_CONFLICT.status, 409);
    assert.deepEqual(draft.guesses.filter((g) => g.path[0] === 'codes'), [{ path: ['codes', 'ORDER_CONFLICT', 'status'], note: 'sent with 409 in 2 places, kept; also 422 in 1 (src/b.ts:3 (an argument of ApiError(…)))' }]);
    assert.equal(draft.catalog.codes.ORDER_CONFLICT.message, 'The order changed');
  });

  it('reads Python docstrings and Flask aborts, and leaves out sets raised but named for something else', () => {
    const draft = importFromCode(sources({
      'app/codes.py': [
        'class ErrorCode(StrEnum):',
        '    ORDER_NOT_FOUND = "order_not_found"',
        '    """No order has this id."""',
        '    # Deprecated: orders are never gone, they are archived.',
        '    ORDER_GONE = "order_gone"',
      ].join('\n'),
      'app/roles.py': 'class Role(StrEnum):\n    ADMIN = "admin"\n    MEMBER = "member"\n',
      'app/views.py': [
        'def show(order_id):',
        '    if not order:',
        '        abort(404, ErrorCode.ORDER_NOT_FOUND)',
        '    if not admin:',
        '        raise Forbidden(Role.ADMIN)',
        '    if not member:',
        '        raise Forbidden(Role.MEMBER)',
      ].join('\n'),
    }), ROOTS);
    assert.deepEqual(draft.catalog.codes.order_not_found, { status: 404, title: 'Order not found', description: 'No order has this id.', constants: ['ErrorCode.ORDER_NOT_FOUND'] });
    assert.equal(draft.catalog.codes.order_gone.deprecated, 'Orders are never gone, they are archived.');
    assert.equal(draft.catalog.codes.order_gone.status, 410);
    assert.deepEqual(Object.keys(draft.catalog.codes), ['order_not_found', 'order_gone']);
    assert.ok(draft.leftOut.some((item) => item.where === 'app/roles.py:2' && /^Role \(2 constants\), 2 of them raised as error codes, but neither named like error codes nor sent in an error body$/.test(item.what)), JSON.stringify(draft.leftOut));
  });

  it('reads statuses from tables that map codes to them, and the body from one built around the code', () => {
    const draft = importFromCode(sources({
      'src/errors.ts': [
        "export enum ErrorCode { NotFound = 'NOT_FOUND', Taken = 'NAME_TAKEN' }",
        'const STATUS_OF: Record<ErrorCode, number> = { [ErrorCode.NotFound]: 404, [ErrorCode.Taken]: StatusCodes.CONFLICT }',
        'export function sendError(res: Response, code: ErrorCode, message: string) {',
        '  res.status(STATUS_OF[code]).json({ code, message, requestId: res.locals.id })',
        '}',
      ].join('\n'),
      'internal/apierr/codes.go': 'package apierr\n\nconst (\n\tErrorCodeGone = "gone_for_good"\n)\n\nvar statusOf = map[string]int{\n\tErrorCodeGone: http.StatusGone,\n}\n',
    }), ROOTS);
    assert.deepEqual(Object.fromEntries(Object.entries(draft.catalog.codes).map(([code, entry]) => [code, entry.status])), { NOT_FOUND: 404, NAME_TAKEN: 409, gone_for_good: 410 });
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}', message: '${message}', requestId: '${requestId}' });
    assert.match(draft.guesses.find((g) => g.path.join('.') === 'envelope.body')?.note ?? '', /built around a variable/);
  });

  it('leaves out the members of a set of codes that only success responses send, or that are named for success', () => {
    const draft = importFromCode(sources({
      'Errors/ResultCodes.cs': [
        'namespace Shop.Errors;',
        'public static class ResultCodes',
        '{',
        '    public const string Success = "SUCCESS";',
        '    public const string OrderNotFound = "ORDER_NOT_FOUND";',
        '    public const string OrderLocked = "ORDER_LOCKED";',
        '    public const string OrderQueued = "ORDER_QUEUED";',
        '    public const string OrderArchived = "ORDER_ARCHIVED";',
        '}',
      ].join('\n'),
      'Controllers/OrdersController.cs': [
        'public class OrdersController : ControllerBase',
        '{',
        '    public IActionResult Get(int id)',
        '    {',
        '        if (order == null) return NotFound(new { code = ResultCodes.OrderNotFound, message = "No such order" });',
        '        if (order.Locked) return StatusCode(StatusCodes.Status409Conflict, new { code = ResultCodes.OrderLocked, message = "The order is locked" });',
        '        return Ok(new { code = ResultCodes.OrderQueued, message = "Queued", data = order });',
        '    }',
        '    public IActionResult Archive(int id) => Ok(new { ok = false, error = new { code = ResultCodes.OrderArchived, message = "Archived already" } });',
        '}',
      ].join('\n'),
    }), ROOTS);
    // ORDER_ARCHIVED is sent with 200, but in a body that says it failed: an error's code, its status guessed.
    assert.deepEqual(Object.keys(draft.catalog.codes), ['ORDER_NOT_FOUND', 'ORDER_LOCKED', 'ORDER_ARCHIVED']);
    assert.equal(draft.catalog.codes.ORDER_NOT_FOUND.status, 404);
    assert.equal(draft.catalog.codes.ORDER_LOCKED.status, 409);
    assert.deepEqual(draft.leftOut, [
      { where: 'Errors/ResultCodes.cs:4', what: "ResultCodes.Success: named for success, and nothing sends it as an error's code" },
      { where: 'Errors/ResultCodes.cs:7', what: "ResultCodes.OrderQueued: sent only in success responses (Controllers/OrdersController.cs:7), not an error's code" },
    ]);
    // The success body is not taken for the error envelope.
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}', message: '${message}' });
  });

  it('reads the body an ASP.NET controller hands to a responder named for its status, codes written as strings', () => {
    const draft = importFromCode(sources({
      'Controllers/ApprovalsController.cs': [
        'public class ApprovalsController : ControllerBase',
        '{',
        '    public IActionResult Decide(Guid id)',
        '    {',
        '        if (step == null) return NotFound(new { code = "approval.not_found", message = "No such approval" });',
        '        if (step.Decided) return Conflict(new { code = "approval.already_decided", message = "Already decided" });',
        '        if (!allowed) return BadRequest(new { code = "approval.refused", message = ex.Message });',
        '        return Ok(new { code = "approval.recorded", message = "Recorded" });',
        '    }',
        '}',
      ].join('\n'),
    }), ROOTS);
    assert.deepEqual(Object.fromEntries(Object.entries(draft.catalog.codes).map(([code, entry]) => [code, entry.status])), { 'approval.not_found': 404, 'approval.already_decided': 409, 'approval.refused': 400 });
    assert.deepEqual(draft.catalog.envelope.body, { code: '${code}', message: '${message}' });
  });

  it('reads Rails bodies that carry the code under error, rendered without parentheses with the status after them', () => {
    const draft = importFromCode(sources({
      'app/controllers/api/v1/base_controller.rb': [
        'class Api::V1::BaseController < ApplicationController',
        '  rescue_from ActiveRecord::RecordNotFound, with: :record_not_found',
        '',
        '  private',
        '',
        '  def record_not_found',
        '    render json: { error: "record_not_found", message: "The requested resource was not found" }, status: :not_found',
        '  end',
        '',
        '  def reject_token',
        '    render json: { error: "invalid_token", message: "The access token is invalid" }, status: 401',
        '  end',
        'end',
      ].join('\n'),
      'app/controllers/api/v1/notes_controller.rb': [
        'class Api::V1::NotesController < Api::V1::BaseController',
        '  def create',
        '    @note = Note.new(note_params)',
        '    return render json: { note: @note }, status: :created if @note.save',
        '',
        '    render json: {',
        '      error: "validation_failed",',
        '      message: "The note is invalid",',
        '      errors: @note.errors.full_messages',
        '    }, status: :unprocessable_entity',
        '  end',
        '',
        '  def show',
        '    render json: { error: "Note not found" }, status: :not_found unless note',
        '    render json: { error: "Unauthorized", message: "Sign in first" }, status: :unauthorized unless current_user',
        '  end',
        'end',
      ].join('\n'),
    }), ROOTS);
    // Prose and a reason phrase under `error` are not codes.
    assert.deepEqual(Object.fromEntries(Object.entries(draft.catalog.codes).map(([code, entry]) => [code, entry.status])), { record_not_found: 404, invalid_token: 401, validation_failed: 422 });
    // `errors` is in one body of three: noted, not made part of the envelope.
    assert.deepEqual(draft.catalog.envelope.body, { error: '${code}', message: '${message}' });
    assert.match(draft.guesses.find((g) => g.path.join('.') === 'envelope.body')?.note ?? '', /left out, seen in one body of 3: errors/);
  });

  it('reads success responses in each language: ResponseEntity.ok, c.JSON(http.StatusOK, …), res.status(201)', () => {
    const draft = importFromCode(sources({
      'src/main/java/shop/ErrorCode.java': 'package shop;\npublic enum ErrorCode {\n    ORDER_NOT_FOUND("ORD-001"),\n    ORDER_ACCEPTED("ORD-002");\n    ErrorCode(String code) { this.code = code; }\n}\n',
      'src/main/java/shop/OrderController.java': [
        'class OrderController {',
        '    ResponseEntity<?> get(String id) {',
        '        if (order == null) throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.ORDER_NOT_FOUND, "No such order");',
        '        return ResponseEntity.ok(Map.of("code", ErrorCode.ORDER_ACCEPTED, "message", "Accepted"));',
        '    }',
        '}',
      ].join('\n'),
      'internal/apierr/codes.go': 'package apierr\n\nconst (\n\tErrorCodeNoSuchCart = "no_such_cart"\n\tErrorCodeCartSaved = "cart_saved"\n)\n',
      'internal/api/carts.go': [
        'package api',
        '',
        'func (a *API) cart(c *gin.Context) {',
        '\tif cart == nil {',
        '\t\tc.JSON(http.StatusNotFound, gin.H{"code": apierr.ErrorCodeNoSuchCart, "message": "No such cart"})',
        '\t\treturn',
        '\t}',
        '\tc.JSON(http.StatusOK, gin.H{"code": apierr.ErrorCodeCartSaved, "message": "Saved"})',
        '}',
      ].join('\n'),
      'src/errors.ts': "export enum ErrorCode { Invalid = 'INVALID_ITEM', Created = 'ITEM_CREATED' }",
      'src/items.ts': [
        "app.post('/items', (req, res) => {",
        "  if (!req.body.name) return res.status(400).json({ code: ErrorCode.Invalid, message: 'A name is required' })",
        "  res.status(201).json({ code: ErrorCode.Created, message: 'Created' })",
        '})',
      ].join('\n'),
    }), ROOTS);
    assert.deepEqual(Object.fromEntries(Object.entries(draft.catalog.codes).map(([code, entry]) => [code, entry.status])), { 'ORD-001': 404, no_such_cart: 404, INVALID_ITEM: 400 });
    assert.deepEqual(draft.leftOut.map((item) => item.what.replace(/ \(.*/, '')), ['ErrorCode.ORDER_ACCEPTED: sent only in success responses', 'apierr.ErrorCodeCartSaved: sent only in success responses', 'ErrorCode.Created: sent only in success responses']);
  });

  it('sends bodies as JSON unless the code sets an error media type on its responses; an Accept header for another API is not one', () => {
    const files = {
      'app/errors.py': [
        'class ErrorCode(StrEnum):',
        '    ORDER_NOT_FOUND = "order_not_found"',
        '',
        'def not_found(order_id):',
        '    return JSONResponse(status_code=404, content={"code": ErrorCode.ORDER_NOT_FOUND, "message": f"No order {order_id}"})',
      ].join('\n'),
      'app/releases.py': [
        'def latest_release():',
        "    return requests.get(RELEASES_URL, headers={'Accept': 'application/vnd.github.v3+json'}).json()",
        '',
        'def changelog():',
        "    return requests.get(CHANGELOG_URL, headers={'Accept': 'application/vnd.github.v3+json'}).json()",
      ].join('\n'),
    };
    assert.equal(importFromCode(sources(files), ROOTS).catalog.envelope.contentType, 'application/json');
    const problem = importFromCode(sources({
      ...files,
      'app/errors.py': files['app/errors.py'].replace('f"No order {order_id}"})', 'f"No order {order_id}"}, media_type="application/problem+json")'),
    }), ROOTS);
    assert.equal(problem.catalog.envelope.contentType, 'application/problem+json');
  });

  it('leaves out sets whose values sit in data that is never sent as an error: seed data, summaries named for reasons', () => {
    const draft = importFromCode(sources({
      'app/codes.py': 'class ErrorCode(StrEnum):\n    ORDER_NOT_FOUND = "order_not_found"\n',
      'app/views.py': 'def show(order_id):\n    if not order:\n        abort(404, ErrorCode.ORDER_NOT_FOUND)\n',
      'app/models/benefit.py': 'class BenefitType(StrEnum):\n    custom = "custom"\n    discord = "discord"\n    github_repository = "github_repository"\n',
      'scripts/seeds.py': [
        'BENEFITS = [',
        '    {"type": BenefitType.discord, "description": "Join the Discord server"},',
        '    {"type": BenefitType.custom, "description": "Priority support"},',
        ']',
      ].join('\n'),
      'app/models/dispute.py': [
        'class DisputeWinReason(StrEnum):',
        '    cardholder_withdrew = "cardholder_withdrew"',
        '    other = "other"',
        '',
        'def summary(dispute):',
        '    return {"reason": DisputeWinReason.cardholder_withdrew, "message": "The cardholder withdrew the dispute"}',
      ].join('\n'),
    }), ROOTS);
    assert.deepEqual(Object.keys(draft.catalog.codes), ['order_not_found']);
  });

  it('takes a string in upper snake case for a code where the workspace raises its code constants again and again', () => {
    const raises = ['NotFound', 'Unauthorized', 'InvalidRequest', 'LimitExceeded', 'NotSetup'].map((name, i) => `export function check${i}(ok: boolean) { if (!ok) throw new AppError(AppErrorCode.${name}) }`);
    const files = {
      'src/errors/app-error.ts': [
        'export enum AppErrorCode {',
        "  NotFound = 'NOT_FOUND',",
        "  Unauthorized = 'UNAUTHORIZED',",
        "  InvalidRequest = 'INVALID_REQUEST',",
        "  LimitExceeded = 'LIMIT_EXCEEDED',",
        "  NotSetup = 'NOT_SETUP',",
        '}',
        'export class AppError extends Error { constructor(readonly code: string, readonly options?: { message?: string }) { super(code) } }',
      ].join('\n'),
      'src/service.ts': raises.join('\n'),
      'src/upload.ts': [
        "export async function putFile(file: File) { if (!file.size) throw new AppError('UPLOAD_FAILED', { message: 'The file is empty' }) }",
        // Lower case or a single word: a mode or a message key as often as a code.
        "export function mode(kind: string) { if (kind === 'x') throw new AppError('draft_mode') }",
        "export function other() { throw new AppError('FORBIDDEN') }",
      ].join('\n'),
    };
    const draft = importFromCode(sources(files), ROOTS);
    assert.deepEqual(Object.keys(draft.catalog.codes).sort(), ['INVALID_REQUEST', 'LIMIT_EXCEEDED', 'NOT_FOUND', 'NOT_SETUP', 'UNAUTHORIZED', 'UPLOAD_FAILED']);
    assert.ok(draft.guesses.some((g) => g.path.join('.') === 'codes.UPLOAD_FAILED.status'), 'its status is a guess');
    // Handed the constants fewer times, the function proves nothing of a string.
    const fewer = importFromCode(sources({ ...files, 'src/service.ts': raises.slice(0, 2).join('\n') }), ROOTS);
    assert.ok(!('UPLOAD_FAILED' in fewer.catalog.codes));
  });

  it('says what it looked for when there is nothing to import', () => {
    assert.throws(() => importFromCode([], ROOTS), (error: unknown) => error instanceof ImportError && /^No source files to read\./.test(error.message));
    assert.throws(() => importFromCode(sources({ 'README.md': '# Orders', 'data.json': '{"code": "X"}' }), ROOTS), /No source files to read/);
    assert.throws(
      () => importFromCode(sources(DECOYS), ROOTS),
      (error: unknown) => error instanceof ImportError && /^No error codes found in 5 source files\. It looks for constants and enums named like error codes/.test(error.message),
    );
  });

  it('reads large workspaces in bounded time and leaves out files too large to read', () => {
    const members = 3000;
    const enumText = ['export enum ErrorCode {', ...Array.from({ length: members }, (_, i) => `  Failure${i} = 'FAILURE_${i}',`), '}'].join('\n');
    const raises = Array.from({ length: members }, (_, i) => `  if (x === ${i}) throw ApiError.notFound(ErrorCode.Failure${i}, 'Not found')`).join('\n');
    const huge = `export const BLOB = '${'x'.repeat(IMPORT_LIMITS.maxFileCharacters)}'\n`;
    const minified = `var a=${'[1,2,3],'.repeat(5000)}0;\n`;
    const started = Date.now();
    const draft = importFromCode(sources({
      'src/errors/codes.ts': enumText,
      'src/routes.ts': `export function route(x: number) {\n${raises}\n}\n`,
      'src/blob.ts': huge,
      'src/vendor.min.js': minified,
    }), ROOTS);
    const elapsed = Date.now() - started;
    assert.equal(Object.keys(draft.catalog.codes).length, members);
    assert.equal(draft.catalog.codes.FAILURE_2999.status, 404);
    assert.ok(elapsed < 20_000, `took ${elapsed} ms`);
    assert.deepEqual(draft.leftOut.map((item) => item.where), ['src/blob.ts', 'src/vendor.min.js']);
  });

  it('writes a draft that loads as a catalog, guesses noted in comments', () => {
    const draft = importFromCode(sources({
      'internal/apierr/codes.go': [
        'package apierr',
        '',
        'const (',
        '\t// ErrorCodeOrderNotFound: no order has this id.',
        '\tErrorCodeOrderNotFound = "order_not_found"',
        '\tErrorCodeTooManyRequests = "too_many_requests"',
        ')',
      ].join('\n'),
      'internal/apierr/errors.go': [
        'package apierr',
        '',
        'type HTTPError struct {',
        '\tStatus  int    `json:"-"`',
        '\tCode    string `json:"code"`',
        '\tMessage string `json:"message"`',
        '\tDetails []any  `json:"details,omitempty"`',
        '}',
        '',
        'func NewNotFoundError(code string, format string, args ...any) *HTTPError {',
        '\treturn &HTTPError{Status: http.StatusNotFound, Code: code, Message: fmt.Sprintf(format, args...)}',
        '}',
      ].join('\n'),
      'internal/api/orders.go': [
        'package api',
        '',
        'func (a *API) order(id string) error {',
        '\treturn apierr.NewNotFoundError(apierr.ErrorCodeOrderNotFound, "Order %s not found", id)',
        '}',
        '',
        'func (a *API) limit(w http.ResponseWriter) {',
        '\tsendJSON(w, http.StatusTooManyRequests, map[string]any{"code": apierr.ErrorCodeTooManyRequests, "message": "Slow down"})',
        '}',
      ].join('\n'),
    }), { roots: ['file:///w'], id: 'orders', title: 'Orders API' });
    assert.deepEqual(draft.catalog.envelope, { contentType: 'application/json', body: { code: '${code}', message: '${message}', details: '${details}' }, optional: ['details'] });
    assert.deepEqual(Object.fromEntries(Object.entries(draft.catalog.codes).map(([code, entry]) => [code, [entry.status, entry.constants]])), {
      order_not_found: [404, ['apierr.ErrorCodeOrderNotFound']],
      too_many_requests: [429, ['apierr.ErrorCodeTooManyRequests']],
    });
    const text = draftToYaml(draft, 'the code');
    assert.match(text, /# guessed: optional, declared by HTTPError \(internal\/apierr\/errors\.go:3\)/);
    const loaded = loadCatalog('file:///w/orders.errors.yaml', text, { knownStatuses: knownStatuses(), standardReasons: standardReasons() });
    assert.deepEqual(loaded.problems.filter((p) => p.severity === 'error'), []);
    assert.equal(loaded.catalog?.title, 'Orders API');
  });
});
