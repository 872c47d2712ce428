/**
 * Constant definitions: the names a file binds to string literals, in every language the service
 * reads, with the names that enclose them; never a local variable, a comment, a string's content
 * or an interpolated string. Then the sample workspaces: every catalog code their definition files
 * bind is found under the name and containers their code uses.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { findConstantDefinitions, packageOf, type ConstantDefinition } from '../../server/src/service/text/constants';
import { languageOfPath } from '../../server/src/service/text/languages';
import { REPO_ROOT } from '../helpers/paths';

/**
 * The definitions as `Containers.NAME = value (kind)`, with ` status` when there is one; checks on
 * the way that each name and value offset points at the name and at the value's text in the file.
 */
function read(text: string, languageId: string): string[] {
  return findConstantDefinitions(text, languageId).map((found) => {
    assert.equal(text.slice(found.nameStart, found.nameEnd), found.name, `name offsets of ${found.name}`);
    const raw = text.slice(found.valueStart, found.valueEnd);
    if (!/[\\"']/.test(raw)) assert.equal(raw, found.value, `value offsets of ${found.name}`);
    return `${[...found.containers, found.name].join('.')} = ${found.value} (${found.kind})${found.status === undefined ? '' : ` ${found.status}`}`;
  });
}

const lines = (...text: string[]) => text.join('\n');

describe('constant definitions: TypeScript and JavaScript', () => {
  it('string members of enums, whatever their names; numeric and computed members are not', () => {
    const text = lines(
      'export enum ErrorCode {',
      "  NoSuchInvoice = 'NoSuchInvoice',",
      "  /** @deprecated */ InvoiceEmpty = 'InvoiceHasNoLines', // renamed",
      "  'rate-limited' = \"RATE_LIMITED\",",
      '  Retries = 3,',
      "  Computed = 'a' + 'b',",
      '  Plain,',
      '}',
      "const enum Kind { A = 'a' }",
      "declare enum Ambient { B = 'b' }",
    );
    assert.deepEqual(read(text, 'typescript'), [
      'ErrorCode.NoSuchInvoice = NoSuchInvoice (enum-member)',
      'ErrorCode.InvoiceEmpty = InvoiceHasNoLines (enum-member)',
      'ErrorCode.rate-limited = RATE_LIMITED (enum-member)',
      'Kind.A = a (enum-member)',
      'Ambient.B = b (enum-member)',
    ]);
  });

  it('top-level constants, exported or not, typed, asserted, several to a statement, without semicolons', () => {
    const text = lines(
      "export const ORDER_NOT_FOUND = 'ORDER_NOT_FOUND'",
      "const RATE_LIMITED = 'RATE_LIMITED' as const",
      'export const TIMEOUT: string = "TIMEOUT";',
      "export declare const AMBIENT: 'x'",
      "const A = 'A', B = `B`, C = 3, D = 'D'",
      "export const PREFIXED = 'API_' + 'ERR'",
      "let MUTABLE = 'MUTABLE'",
      "var OLD = 'OLD'",
      "export const CHECKED = 'CHECKED' satisfies string",
    );
    assert.deepEqual(read(text, 'typescript'), [
      'ORDER_NOT_FOUND = ORDER_NOT_FOUND (constant)',
      'RATE_LIMITED = RATE_LIMITED (constant)',
      'TIMEOUT = TIMEOUT (constant)',
      'A = A (constant)',
      'B = B (constant)',
      'D = D (constant)',
      'CHECKED = CHECKED (constant)',
    ]);
  });

  it('object maps, frozen or `as const`, with nested maps as containers; functions and spreads in them are not', () => {
    const text = lines(
      'export const ERRORS = {',
      "  NotFound: 'NOT_FOUND',",
      "  'bad-request': 'BAD_REQUEST',",
      '  auth: {',
      "    Expired: 'TOKEN_EXPIRED',",
      '  },',
      "  Missing: (id: string) => new ApiError({ code: 'MISSING', message: `no ${id}` }),",
      '  ...OTHER_ERRORS,',
      "  Joined: 'A' + 'B',",
      "  method() { return 'METHOD' },",
      '} as const',
      "export const FROZEN = Object.freeze({ Gone: 'GONE' })",
    );
    assert.deepEqual(read(text, 'typescript'), [
      'ERRORS.NotFound = NOT_FOUND (object-member)',
      'ERRORS.bad-request = BAD_REQUEST (object-member)',
      'ERRORS.auth.Expired = TOKEN_EXPIRED (object-member)',
      'FROZEN.Gone = GONE (object-member)',
    ]);
  });

  it('static class fields, and constants of namespaces', () => {
    const text = lines(
      'export class ApiError extends Error {',
      "  static readonly NOT_FOUND = 'NOT_FOUND';",
      "  public static CONFLICT: string = 'CONFLICT'",
      "  readonly instanceField = 'INSTANCE'",
      "  static handler = () => 'HANDLER'",
      "  static describe() { const LOCAL = 'LOCAL'; return LOCAL }",
      '}',
      'export namespace Codes.Billing {',
      "  export const DECLINED = 'DECLINED'",
      "  export enum Refund { Late = 'REFUND_LATE' }",
      '}',
    );
    assert.deepEqual(read(text, 'typescript'), [
      'ApiError.NOT_FOUND = NOT_FOUND (class-constant)',
      'ApiError.CONFLICT = CONFLICT (class-constant)',
      'Codes.Billing.DECLINED = DECLINED (constant)',
      'Codes.Billing.Refund.Late = REFUND_LATE (enum-member)',
    ]);
  });

  it('never a local, a comment, a string, an interpolated template or a regex', () => {
    const text = lines(
      'export function handler() {',
      "  const LOCAL = 'LOCAL'",
      "  enum Inner { X = 'X' }",
      '}',
      "const arrow = () => { const ALSO_LOCAL = 'ALSO_LOCAL' }",
      "if (flag) { const BLOCK = 'BLOCK' }",
      "// export const COMMENTED = 'COMMENTED'",
      "/* export enum Old { A = 'A' } */",
      "const message = \"export const IN_STRING = 'IN_STRING'\"",
      'export const INTERPOLATED = `ERR_${kind}`',
      "const pattern = /'/; export const AFTER_REGEX = 'AFTER_REGEX'",
      'for (const k of keys) {}',
    );
    assert.deepEqual(read(text, 'typescript'), [
      "message = export const IN_STRING = 'IN_STRING' (constant)",
      'AFTER_REGEX = AFTER_REGEX (constant)',
    ]);
  });

  it('JSX text and elements between definitions', () => {
    const text = lines(
      "export const BEFORE = 'BEFORE'",
      "export function Notice() { return <p>Don't retry; it's <b>gone</b>.</p> }",
      "const link = <a href='/docs'>docs/errors</a>",
      "export const AFTER = 'AFTER'",
    );
    assert.deepEqual(read(text, 'typescriptreact'), ['BEFORE = BEFORE (constant)', 'AFTER = AFTER (constant)']);
  });

  it('escapes decoded, with the offsets of the text as written', () => {
    const text = "export const QUOTED = 'it\\'s'\nexport const UNICODE = \"caf\\u00e9\"";
    const [quoted, unicode] = findConstantDefinitions(text, 'javascript');
    assert.equal(quoted.value, "it's");
    assert.equal(text.slice(quoted.valueStart, quoted.valueEnd), "it\\'s");
    assert.equal(unicode.value, 'café');
  });
});

describe('constant definitions: Python', () => {
  it('module constants at column 0, annotated or not; never inside a function or a block', () => {
    const text = lines(
      '"""Codes of the payment endpoints."""',
      'from typing import Final',
      'PAYMENT_NOT_FOUND = "payment_not_found"',
      "PAYMENT_DECLINED: Final = 'payment_declined'",
      'PROVIDER_TIMEOUT: Final[str] = "payment_provider_timeout"  # the provider did not answer',
      'REFUND_WINDOW_DAYS = 120',
      '__version__ = "2.0"',
      'JOINED = "a" "b"',
      "RAW = r'\\d+'",
      'BYTES = b"x"',
      'TEMPLATE = f"ERR_{kind}"',
      'def handler():',
      '    LOCAL = "local"',
      '    return LOCAL',
      'if DEBUG:',
      '    CONDITIONAL = "conditional"',
      '# COMMENTED = "commented"',
      'DOC = """',
      'NOT_A_DEFINITION = "inside a docstring"',
      '"""',
      'LAST = "last"',
    );
    assert.deepEqual(read(text, 'python'), [
      'PAYMENT_NOT_FOUND = payment_not_found (constant)',
      'PAYMENT_DECLINED = payment_declined (constant)',
      'PROVIDER_TIMEOUT = payment_provider_timeout (constant)',
      'RAW = \\d+ (constant)',
      'LAST = last (constant)',
    ]);
  });

  it('class attributes of enums and plain classes, nested classes as containers; fields and methods are not', () => {
    const text = lines(
      'class ErrorCode(str, Enum):',
      '    NOT_FOUND = "not_found"',
      '    RATE_LIMITED = (',
      '        "rate_limited"',
      '    )',
      '    _ignore_ = "x"',
      '',
      '    def describe(self):',
      '        INSIDE = "inside"',
      '        return INSIDE',
      '    AFTER_METHOD = "after_method"',
      'class Errors:',
      '    class Billing(StrEnum):',
      '        DECLINED = "payment_declined"',
      '    TIMEOUT: ClassVar[str] = "timeout"',
      'class Invoice(BaseModel):',
      '    status: str = "draft"',
      'def build():',
      '    class Local:',
      '        HIDDEN = "hidden"',
    );
    assert.deepEqual(read(text, 'python'), [
      'ErrorCode.NOT_FOUND = not_found (enum-member)',
      'ErrorCode.AFTER_METHOD = after_method (enum-member)',
      'Errors.Billing.DECLINED = payment_declined (enum-member)',
      'Errors.TIMEOUT = timeout (class-constant)',
    ]);
  });

  it('enum members that carry a code and a status', () => {
    const text = lines(
      'class ApiError(Enum):',
      '    NOT_FOUND = ("not_found", HTTPStatus.NOT_FOUND, "Not found")',
      '    CONFLICT = "conflict", 409',
      '    GONE = (status.HTTP_410_GONE, "gone")',
    );
    assert.deepEqual(read(text, 'python'), [
      'ApiError.NOT_FOUND = not_found (enum-argument) 404',
      'ApiError.CONFLICT = conflict (enum-argument) 409',
      'ApiError.GONE = gone (enum-argument) 410',
    ]);
  });
});

describe('constant definitions: Go', () => {
  it('typed and untyped constants, in blocks and alone, and top-level vars; never in a function', () => {
    const text = lines(
      'package apierr',
      '',
      'type ErrorCode = string',
      '',
      'const (',
      '\t// ErrorCodeUnexpectedFailure is a 500.',
      '\tErrorCodeUnexpectedFailure ErrorCode = "unexpected_failure"',
      '\tErrorCodeBadJSON          ErrorCode = "bad_json"',
      '\tmaxRetries = 3',
      '\tErrorCodeRaw = `raw_code`',
      '\tErrorCodeConverted = ErrorCode("converted")',
      '\tFirst, Second = "first", "second"',
      ')',
      '',
      'const ErrorCodeAlone apierr.Code = "alone"',
      'var DefaultCode = "default"',
      'var ErrNotFound = errors.New("not_found")',
      '',
      'func handle() {',
      '\tconst local = "local"',
      '}',
    );
    assert.deepEqual(read(text, 'go'), [
      'ErrorCodeUnexpectedFailure = unexpected_failure (constant)',
      'ErrorCodeBadJSON = bad_json (constant)',
      'ErrorCodeRaw = raw_code (constant)',
      'ErrorCodeConverted = converted (constant)',
      'First = first (constant)',
      'Second = second (constant)',
      'ErrorCodeAlone = alone (constant)',
      'DefaultCode = default (constant)',
    ]);
    assert.equal(packageOf(text, 'go'), 'apierr');
  });
});

describe('constant definitions: Java', () => {
  it('static final String fields in any modifier order, interface fields, nested classes', () => {
    const text = lines(
      'package com.freightline.api.global.error;',
      '',
      'public final class ApiErrors {',
      '    public static final String ORDER_NOT_FOUND = "ORD-001";',
      '    @Deprecated',
      '    static public final java.lang.String OLD = "ORD-000", OLDER = "ORD-00";',
      '    private final String instance = "INSTANCE";',
      '    public static String mutable = "MUTABLE";',
      '    public static final String JOINED = "A" + "B";',
      '    public static final class Billing {',
      '        public static final String DECLINED = "PAY-001";',
      '    }',
      '    void handle() { final String local = "LOCAL"; }',
      '    static { String init = "INIT"; }',
      '}',
      'interface Codes {',
      '    String TIMEOUT = "SYS-004";',
      '}',
    );
    assert.deepEqual(read(text, 'java'), [
      'ApiErrors.ORDER_NOT_FOUND = ORD-001 (class-constant)',
      'ApiErrors.OLD = ORD-000 (class-constant)',
      'ApiErrors.OLDER = ORD-00 (class-constant)',
      'ApiErrors.Billing.DECLINED = PAY-001 (class-constant)',
      'Codes.TIMEOUT = SYS-004 (class-constant)',
    ]);
    assert.equal(packageOf(text, 'java'), 'error');
  });

  it('enum constants with a code argument: the first string without spaces, and the status beside it', () => {
    const text = lines(
      'public enum ErrorCode implements Supplier<BusinessException> {',
      '    // Shipments',
      '    SHIPMENT_NOT_FOUND("SHP-001", HttpStatus.NOT_FOUND, "Shipment not found"),',
      '    BAD_INPUT(HttpStatus.BAD_REQUEST, "REQ-001", "Invalid input"),',
      '    @Deprecated',
      '    TIMEOUT("Timed out", "SYS-004", HttpStatusCode.valueOf(504)),',
      '    NUMBERED(409, "ORD-409"),',
      '    WITH_BODY("SHP-002") { @Override public String hint() { return "HINT"; } },',
      '    NO_CODE("a message only"),',
      '    BARE;',
      '',
      '    private final String code;',
      '    public static final String PREFIX = "ERR";',
      '}',
    );
    assert.deepEqual(read(text, 'java'), [
      'ErrorCode.SHIPMENT_NOT_FOUND = SHP-001 (enum-argument) 404',
      'ErrorCode.BAD_INPUT = REQ-001 (enum-argument) 400',
      'ErrorCode.TIMEOUT = SYS-004 (enum-argument) 504',
      'ErrorCode.NUMBERED = ORD-409 (enum-argument) 409',
      'ErrorCode.WITH_BODY = SHP-002 (enum-argument)',
      'ErrorCode.PREFIX = ERR (class-constant)',
    ]);
  });
});

describe('constant definitions: Kotlin', () => {
  it('const val at the top, in objects and in companion objects (reached through the class), and enum entries', () => {
    const text = lines(
      'package com.acme.orders.errors',
      '',
      'const val TOP_LEVEL = "top_level"',
      'object ErrorCodes {',
      '    const val ORDER_NOT_FOUND = "order_not_found"',
      '    const val TYPED: String = "typed"',
      '    val notConst = "not_const"',
      '    const val TEMPLATE = "order_$id"',
      '}',
      'class OrderException(val code: String) : RuntimeException() {',
      '    companion object {',
      '        const val CONFLICT = "order_conflict"',
      '    }',
      '    fun handle() { val local = "local" }',
      '}',
      'enum class ApiError(val code: String, val status: HttpStatusCode) {',
      '    NotFound("not_found", HttpStatusCode.NotFound),',
      '    Gone(410, "gone"),',
      '    ;',
      '    val label = "label"',
      '}',
    );
    assert.deepEqual(read(text, 'kotlin'), [
      'TOP_LEVEL = top_level (constant)',
      'ErrorCodes.ORDER_NOT_FOUND = order_not_found (class-constant)',
      'ErrorCodes.TYPED = typed (class-constant)',
      'OrderException.CONFLICT = order_conflict (class-constant)',
      'ApiError.NotFound = not_found (enum-argument) 404',
      'ApiError.Gone = gone (enum-argument) 410',
    ]);
    assert.equal(packageOf(text, 'kotlin'), 'errors');
  });
});

describe('constant definitions: C#', () => {
  it('const and static readonly strings, expression-bodied and get-only properties, nested static classes', () => {
    const text = lines(
      'namespace Carebook.Api.ErrorHandling',
      '{',
      '    public static class ErrorCodes',
      '    {',
      '        public static class Patients',
      '        {',
      '            public const string NotFound = "patient.not_found";',
      '            [Obsolete("use NotFound")] public const string Missing = "patient.missing";',
      '            internal static readonly string Archived = "patient.archived";',
      '            public static string Duplicate => "patient.duplicate";',
      '            public static string Consent { get; } = "patient.consent";',
      '            public static String Verbatim = @"patient.""quoted""";',
      '        }',
      '        public const string Interpolated = $"auth.{Kind}";',
      '        public readonly string Instance = "instance";',
      '        public static string Mutable = "mutable";',
      '        private static readonly ApiError Error = new ApiError("in.a.call", 404);',
      '        public static string Describe() { const string local = "local"; return local; }',
      '    }',
      '}',
    );
    assert.deepEqual(read(text, 'csharp'), [
      'ErrorCodes.Patients.NotFound = patient.not_found (class-constant)',
      'ErrorCodes.Patients.Missing = patient.missing (class-constant)',
      'ErrorCodes.Patients.Archived = patient.archived (class-constant)',
      'ErrorCodes.Patients.Duplicate = patient.duplicate (class-constant)',
      'ErrorCodes.Patients.Consent = patient.consent (class-constant)',
    ]);
  });

  it('file-scoped namespaces and structs', () => {
    const text = 'namespace Acme.Errors;\n\npublic readonly struct Codes\n{\n    public const string Gone = "gone";\n}\n';
    assert.deepEqual(read(text, 'csharp'), ['Codes.Gone = gone (class-constant)']);
  });
});

describe('constant definitions: PHP', () => {
  it('class, interface and trait constants with or without visibility, backed enum cases, define()', () => {
    const text = lines(
      '<?php',
      '',
      'namespace App\\Exceptions;',
      '',
      'define(\'LEGACY_CODE\', "legacy_code");',
      'const TOP_LEVEL = \'top_level\';',
      '',
      'class ApiException extends \\RuntimeException',
      '{',
      "    public const TICKET_NOT_FOUND = 'ticket_not_found';",
      "    const NO_VISIBILITY = 'no_visibility', SECOND = 'second';",
      "    final protected const string TYPED = 'typed';",
      '    public const MAX_BYTES = 10 * 1024;',
      "    public const INTERPOLATED = \"ticket_{$kind}\";",
      '    # public const COMMENTED = \'commented\';',
      "    public function type(): string { $local = 'local'; return $local; }",
      '}',
      "interface HasCodes { const FROM_INTERFACE = 'from_interface'; }",
      "trait Codes { public const FROM_TRAIT = 'from_trait'; }",
      'enum TicketStatus: string',
      '{',
      "    case Open = 'open';",
      '    case Closed = "closed";',
      "    const DEFAULT = 'open';",
      '}',
      'enum Pure { case One; }',
    );
    assert.deepEqual(read(text, 'php'), [
      'LEGACY_CODE = legacy_code (constant)',
      'TOP_LEVEL = top_level (constant)',
      'ApiException.TICKET_NOT_FOUND = ticket_not_found (class-constant)',
      'ApiException.NO_VISIBILITY = no_visibility (class-constant)',
      'ApiException.SECOND = second (class-constant)',
      'ApiException.TYPED = typed (class-constant)',
      'HasCodes.FROM_INTERFACE = from_interface (class-constant)',
      'Codes.FROM_TRAIT = from_trait (class-constant)',
      'TicketStatus.Open = open (enum-member)',
      'TicketStatus.Closed = closed (enum-member)',
      'TicketStatus.DEFAULT = open (class-constant)',
    ]);
    assert.equal(packageOf(text, 'php'), 'Exceptions');
  });

  it('not in inline HTML or heredocs', () => {
    const text = lines(
      "<p>const IN_HTML = 'in_html';</p>",
      '<?php',
      '$sql = <<<SQL',
      "    const IN_HEREDOC = 'in_heredoc';",
      '    SQL;',
      "class A { const AFTER = 'after'; }",
      '?>',
      "<div>class B { const HTML = 'html'; }</div>",
    );
    assert.deepEqual(read(text, 'php'), ['A.AFTER = after (class-constant)']);
  });
});

describe('constant definitions: Ruby', () => {
  it('constants in modules and classes (a `Foo::Bar` path as two), frozen or not, and at the top level', () => {
    const text = lines(
      '# frozen_string_literal: true',
      'TOP_LEVEL = "top_level"',
      'module Api',
      '  module ErrorCodes',
      '    DUPLICATE_ISBN = "isbn_taken".freeze',
      "    THROTTLED = 'rate_limited'",
      '    DEDUPED = -"deduped"',
      '    ALL = constants.map { |name| const_get(name) }.freeze',
      '    INTERPOLATED = "book_#{kind}"',
      '    LIST = %w[a b].freeze',
      '  end',
      'end',
      'class Api::Errors < StandardError',
      '  NOT_FOUND = "not_found"',
      '  class << self',
      '    HIDDEN = "hidden"',
      '  end',
      '  def self.build(kind)',
      '    raise ArgumentError, "unknown" unless KINDS.include?(kind)',
      '    new(kind)',
      '  end',
      '  AFTER_METHOD = "after_method"',
      'end',
      'Api::ErrorCodes::LATE = "late"',
    );
    assert.deepEqual(read(text, 'ruby'), [
      'TOP_LEVEL = top_level (constant)',
      'Api.ErrorCodes.DUPLICATE_ISBN = isbn_taken (class-constant)',
      'Api.ErrorCodes.THROTTLED = rate_limited (class-constant)',
      'Api.ErrorCodes.DEDUPED = deduped (class-constant)',
      'Api.Errors.NOT_FOUND = not_found (class-constant)',
      'Api.Errors.AFTER_METHOD = after_method (class-constant)',
      'Api.ErrorCodes.LATE = late (class-constant)',
    ]);
  });

  it('keeps count of `end`s through modifiers, loops, blocks, endless methods, heredocs and symbols', () => {
    const text = lines(
      'module Errors',
      '  def self.for(code) = LOOKUP.fetch(code)',
      '  def check(x)',
      '    return :end if x',
      '    while x do x -= 1 end',
      '    [1].each do |i|',
      '      puts <<~TEXT',
      '        end end end',
      '      TEXT',
      '    end',
      '    y = if x then 1 else 2 end',
      '    { class: "css", end: 1 }',
      '  end',
      '  GONE = "gone"',
      'end',
      'OUTSIDE = "outside"',
    );
    assert.deepEqual(read(text, 'ruby'), ['Errors.GONE = gone (class-constant)', 'OUTSIDE = outside (constant)']);
  });
});

describe('constant definitions: Rust', () => {
  it('const and static &str at the top, in modules and in impl blocks', () => {
    const text = lines(
      'pub const TOP_LEVEL: &str = "top_level";',
      "static STATIC: &'static str = \"static\"; // a lifetime, then a comment",
      'pub mod codes {',
      '    pub(crate) const NOT_FOUND: &str = "not_found";',
      '    pub const RETRIES: u32 = 3;',
      '}',
      'impl<T> fmt::Display for ApiError<T> where T: Debug {',
      '    fn fmt(&self, f: &mut fmt::Formatter<\'_>) -> fmt::Result { const LOCAL: &str = "local"; Ok(()) }',
      '}',
      'impl ApiError {',
      "    pub const CONFLICT: &'static str = \"conflict\";",
      '}',
      'const RAW: &str = r#"raw "quoted""#;',
      'static mut COUNTER: &str = "mutable";',
    );
    assert.deepEqual(read(text, 'rust'), [
      'TOP_LEVEL = top_level (constant)',
      'STATIC = static (constant)',
      'codes.NOT_FOUND = not_found (constant)',
      'ApiError.CONFLICT = conflict (class-constant)',
      'RAW = raw "quoted" (constant)',
    ]);
  });
});

describe('Rust enums whose variants are given their codes by a match', () => {
  it('reads each whole arm `Type::Variant => "code"` as the variant standing for the code; nothing else', () => {
    const text = [
      'pub enum ErrorCode { RateLimited, OrderGone, Internal, Other }',
      'impl ErrorCode {',
      '    pub const fn as_str(self) -> &\'static str {',
      '        match self {',
      '            ErrorCode::RateLimited => "RATE_LIMITED",',
      '            ErrorCode::OrderGone => "ORDER_GONE",',
      '            ErrorCode::Internal | ErrorCode::Other => "INTERNAL",',
      '            Self::Unused => "SELF_ARM",',
      '        }',
      '    }',
      '    pub fn from_code(code: &str) -> Option<ErrorCode> {',
      '        match code { "RATE_LIMITED" => Some(ErrorCode::RateLimited), _ => None }',
      '    }',
      '    pub const fn status(self) -> u16 { match self { ErrorCode::RateLimited => 429, _ => 500 } }',
      '}',
      'fn label(kind: api::Kind) -> &\'static str { match kind { api::Kind::Slow => "slow", Kind::Fast => "fast" } }',
    ].join('\n');
    assert.deepEqual(read(text, 'rust'), [
      'ErrorCode.RateLimited = RATE_LIMITED (enum-member)',
      'ErrorCode.OrderGone = ORDER_GONE (enum-member)',
      'Kind.Fast = fast (enum-member)',
    ]);
  });
});

describe('constant definitions: offsets, other languages, scale', () => {
  it('marks the name and the value between its quotes', () => {
    const marked = "enum ErrorCode { |SlotTaken = '|SLOT_ALREADY_BOOKED' }";
    const first = marked.indexOf('|');
    const second = marked.indexOf('|', first + 1) - 1;
    const text = marked.replace(/\|/g, '');
    const [slot] = findConstantDefinitions(text, 'typescript');
    assert.deepEqual(
      { nameStart: slot.nameStart, nameEnd: slot.nameEnd, valueStart: slot.valueStart, valueEnd: slot.valueEnd },
      { nameStart: first, nameEnd: first + 'SlotTaken'.length, valueStart: second, valueEnd: second + 'SLOT_ALREADY_BOOKED'.length },
    );
  });

  it('nothing in languages without definitions of their own', () => {
    assert.deepEqual(findConstantDefinitions('code: NOT_FOUND\n', 'yaml'), []);
    assert.deepEqual(findConstantDefinitions('const A = "a"', 'markdown'), []);
    assert.equal(packageOf('package x', 'typescript'), undefined);
  });

  it('a package clause inside a comment is not the file\'s', () => {
    assert.equal(packageOf('/*\npackage wrong\n*/\npackage right\n', 'go'), 'right');
    assert.equal(packageOf('<?php\n/**\n namespace Wrong;\n */\nnamespace App\\Right;\n', 'php'), 'Right');
  });

  it('a file of 10,000 definitions in each language', () => {
    const count = 10_000;
    const members = (line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');
    const files: Record<string, string> = {
      typescript: `export enum ErrorCode {\n${members((i) => `  Code${i} = 'CODE_${i}',`)}\n}`,
      python: `class ErrorCode(StrEnum):\n${members((i) => `    CODE_${i} = "code_${i}"`)}`,
      go: `package apierr\n\nconst (\n${members((i) => `\tCode${i} ErrorCode = "code_${i}"`)}\n)`,
      java: `public enum ErrorCode {\n${members((i) => `    CODE_${i}("C-${i}", HttpStatus.NOT_FOUND),`)}\n    ;\n}`,
      kotlin: `object ErrorCodes {\n${members((i) => `    const val CODE_${i} = "code_${i}"`)}\n}`,
      csharp: `public static class ErrorCodes {\n${members((i) => `    public const string Code${i} = "code.${i}";`)}\n}`,
      php: `<?php\nclass ApiException {\n${members((i) => `    public const CODE_${i} = 'code_${i}';`)}\n}`,
      ruby: `module ErrorCodes\n${members((i) => `  CODE_${i} = "code_${i}".freeze`)}\nend`,
      rust: members((i) => `pub const CODE_${i}: &str = "code_${i}";`),
    };
    for (const [languageId, text] of Object.entries(files)) {
      const found = findConstantDefinitions(text, languageId);
      assert.equal(found.length, count, languageId);
      assert.equal(found[count - 1].name.endsWith(String(count - 1)), true, languageId);
    }
  });

  it('unclosed strings, brackets and blocks end reading, not the process', () => {
    const broken: Record<string, string> = {
      typescript: "export enum E { A = 'a',\nexport const B = 'b\n}}}}) class { static",
      python: 'class A(Enum:\n    X = "x\n  Y = """',
      ruby: 'module A\n  X = "#{\nend end end\n<<~EOS',
      php: "<?php class A { const X = 'x",
      csharp: 'class A { const string X = $"{"; } } }',
      java: 'enum E { A("a", (((( }',
      kotlin: 'object O { const val X = "${"\n}',
      go: 'const (\n\tA = "a',
      rust: "impl<'a> X<'a {",
    };
    for (const [languageId, text] of Object.entries(broken)) {
      assert.doesNotThrow(() => findConstantDefinitions(text, languageId), languageId);
    }
  });
});

// ---------------------------------------------------------------------------------------------

const WORKSPACES = join(REPO_ROOT, 'test', 'workspaces');

interface Manifest {
  readonly language: string;
  readonly definitionFiles: readonly string[];
  readonly planted: readonly { readonly file: string; readonly find: string; readonly replace: string; readonly rule: string }[];
}

/** The containers the codebase writes before its codes (`ErrorCodes::X`, `ErrorCodes.Patients.X`); `''` for none. */
const CODE_CONTAINERS: Readonly<Record<string, readonly string[]>> = {
  'csharp-api': ['ErrorCodes.Appointments', 'ErrorCodes.Auth', 'ErrorCodes.Integrations', 'ErrorCodes.Patients', 'ErrorCodes.Practitioners', 'ErrorCodes.Requests', 'ErrorCodes.Service'],
  'go-api': [''],
  'java-api': ['ErrorCode'],
  'php-api': ['ApiException'],
  'python-api': ['', 'ErrorCode'],
  'ruby-api': ['ErrorCodes'],
  'ts-express-api': ['AuthErrorCode', 'ErrorCode'],
  'ts-fastify-api': ['ErrorCode'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    const languageId = languageOfPath(path);
    return languageId && languageId !== 'json' && languageId !== 'yaml' ? [path] : [];
  });
}

function catalogCodes(workspace: string): Map<string, { status?: number }> {
  const catalog = parse(readFileSync(join(WORKSPACES, workspace, 'api.errors.yaml'), 'utf8')) as { codes: Record<string, { status?: number }> };
  return new Map(Object.entries(catalog.codes));
}

describe('constant definitions: the sample workspaces', () => {
  for (const workspace of readdirSync(WORKSPACES).filter((name) => statSync(join(WORKSPACES, name)).isDirectory())) {
    it(workspace, (t) => {
      const root = join(WORKSPACES, workspace);
      const manifest = JSON.parse(readFileSync(join(root, 'workspace.json'), 'utf8')) as Manifest;
      const codes = catalogCodes(workspace);
      const definitionFiles = new Set(manifest.definitionFiles.map((file) => join(root, file)));
      const inDefinitionFiles: ConstantDefinition[] = [];
      const elsewhere: string[] = [];
      let total = 0;

      for (const path of sourceFiles(root)) {
        const text = readFileSync(path, 'utf8');
        const found = findConstantDefinitions(text, languageOfPath(path) ?? '');
        total += found.length;
        if (definitionFiles.has(path)) {
          inDefinitionFiles.push(...found);
          // Every catalog code the file writes as a string is bound by a definition found in it.
          for (const code of codes.keys()) {
            if (!text.includes(`"${code}"`) && !text.includes(`'${code}'`)) continue;
            assert.ok(found.some((d) => d.value === code), `${relative(root, path)} binds ${code}`);
          }
        } else {
          // Elsewhere, constants (event names, test keys, an insurer's own codes) never bind one of the API's codes.
          elsewhere.push(...found.filter((d) => codes.has(d.value)).map((d) => `${relative(root, path)}: ${d.name}`));
        }
      }
      assert.deepEqual(elsewhere, []);

      const bound = inDefinitionFiles.filter((d) => codes.has(d.value));
      const containers = [...new Set(bound.map((d) => d.containers.join('.')))].sort();
      assert.deepEqual(containers, CODE_CONTAINERS[workspace]);
      // A status written beside a code agrees with the catalog's.
      for (const d of bound) if (d.status !== undefined) assert.equal(d.status, codes.get(d.value)?.status, d.name);

      const covered = new Set(bound.map((d) => d.value));
      t.diagnostic(`${workspace}: ${inDefinitionFiles.length} constants in definition files (${total} in all source files), ` +
        `${covered.size} of ${codes.size} catalog codes bound, ${bound.filter((d) => d.status !== undefined).length} with a status`);
    });
  }

  it('a mistake planted in a definition file changes the value of the constant it edits', () => {
    let checked = 0;
    for (const workspace of Object.keys(CODE_CONTAINERS)) {
      const root = join(WORKSPACES, workspace);
      const manifest = JSON.parse(readFileSync(join(root, 'workspace.json'), 'utf8')) as Manifest;
      for (const plant of manifest.planted) {
        // Only the mistakes that retype a quoted value; the others edit references and statuses.
        if (!manifest.definitionFiles.includes(plant.file) || !/["']/.test(plant.replace) || (plant.rule !== 'unknown-code' && plant.rule !== 'deprecated-code')) continue;
        const text = readFileSync(join(root, plant.file), 'utf8');
        const languageId = languageOfPath(plant.file) ?? '';
        const value = (definitions: ConstantDefinition[]) => new Map(definitions.map((d) => [[...d.containers, d.name].join('.'), d.value]));
        const before = value(findConstantDefinitions(text, languageId));
        const after = value(findConstantDefinitions(text.replace(plant.find, plant.replace), languageId));
        const changed = [...before].filter(([name, v]) => after.get(name) !== v);
        assert.equal(changed.length, 1, `${workspace}: ${plant.replace}`);
        assert.ok(plant.replace.includes(after.get(changed[0][0]) ?? '\0'), `${workspace}: ${plant.replace}`);
        checked++;
      }
    }
    assert.ok(checked >= 6);
  });
});
