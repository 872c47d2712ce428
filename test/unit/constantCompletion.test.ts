/**
 * Completion after a qualifier, with the cursor marked `|`: where the qualifier holds code constants
 * (an enum, a class, a module, a package, `self::` in the class itself, a container of containers),
 * the items are the constants' names, which compile, with the code's status and title; where it
 * holds none, nothing of ours that could not compile. Then the constants a catalog declares.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CompletionItemKind, CompletionItemTag, type CompletionList, type Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCatalog } from '../../server/src/service/catalog/catalogLoader';
import { CatalogProblemCode } from '../../server/src/service/catalog/model';
import { declarationClashes } from '../../server/src/service/features/catalogDiagnostics';
import { doComplete, resolveCompletion } from '../../server/src/service/features/completion';
import { findDefinition } from '../../server/src/service/features/definition';
import { doHover } from '../../server/src/service/features/hover';
import { referencesInSource } from '../../server/src/service/features/references';
import { ConstantIndex, factsOf } from '../../server/src/service/index/constantIndex';
import { readingOf } from '../../server/src/service/index/constantReferences';
import { catalogFromYaml, knownStatuses, setOf, withCursor } from '../helpers/catalogs';

const CATALOG = `
id: shop
title: Shop API
envelope:
  body: { error: { code: "\${code}", message: "\${message}" } }
codes:
  order_not_found: { status: 404, title: Order not found }
  customer_not_found: { status: 404, title: Customer not found }
  order_already_shipped: { status: 409, title: Order already shipped }
  insufficient_stock: { status: 409, title: Not enough stock }
  out_of_stock: { status: 409, title: Out of stock, deprecated: true, replacedBy: insufficient_stock }
  rate_limited: { status: 429, title: Too many requests }
`;
const catalog = catalogFromYaml(CATALOG);
const set = setOf(catalog);
/** Every code's constant in each definition below, by the name it has there. */
const CODES = ['order_not_found', 'customer_not_found', 'order_already_shipped', 'insufficient_stock', 'out_of_stock', 'rate_limited'];

interface Source {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

function indexOf(...sources: Source[]): ConstantIndex {
  const index = new ConstantIndex();
  for (const source of sources) index.update(factsOf(source.uri, source.text, source.languageId));
  return index;
}

const OPTIONS = { maxItems: 100, itemDefaults: true };

/** Completion at the cursor of a fixture, read as the file `uri` with the index's constants. */
function complete(fixture: string, languageId: string, index: ConstantIndex, options = OPTIONS, uri?: string): { list: CompletionList | null; document: TextDocument } {
  const { document: parsed, position } = withCursor(fixture, languageId);
  const document = uri ? TextDocument.create(uri, languageId, 1, parsed.getText()) : parsed;
  return { list: doComplete(document, position, set, options, readingOf(document, { set, constants: index })), document };
}

const labels = (list: CompletionList | null) => (list?.items ?? []).map((i) => i.label).sort();
const ranked = (list: CompletionList | null) => [...(list?.items ?? [])].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);

/** For each language: the definitions, the constants' names (in CODES order), and completions in use. */
const LANGUAGES: { languageId: string; definitions: Source; names: string[]; uses: { fixture: string; notFoundFirst?: boolean }[] }[] = [
  {
    languageId: 'typescript',
    definitions: {
      uri: 'file:///work/src/errors/codes.ts',
      languageId: 'typescript',
      text: [
        'export enum ErrorCode {',
        "  OrderNotFound = 'order_not_found',",
        "  NoSuchCustomer = 'customer_not_found',",
        "  Shipped = 'order_already_shipped',",
        "  NotEnoughStock = 'insufficient_stock',",
        "  /** @deprecated */ OutOfStock = 'out_of_stock',",
        "  SlowDown = 'rate_limited',",
        "  Unrelated = 'not_a_code',",
        '}',
      ].join('\n'),
    },
    names: ['OrderNotFound', 'NoSuchCustomer', 'Shipped', 'NotEnoughStock', 'OutOfStock', 'SlowDown'],
    uses: [
      { fixture: "import { ErrorCode } from './errors/codes'\nres.status(404)\nthrow new ApiError(ErrorCode.|)", notFoundFirst: true },
      { fixture: "import { ErrorCode as E } from './errors/codes'\nthrow new NotFoundError(E.|)", notFoundFirst: true },
    ],
  },
  {
    languageId: 'php',
    definitions: {
      uri: 'file:///work/app/Exceptions/ApiException.php',
      languageId: 'php',
      text: [
        '<?php',
        'namespace App\\Exceptions;',
        'class ApiException extends \\RuntimeException',
        '{',
        "    public const ORDER_NOT_FOUND = 'order_not_found';",
        "    public const CUSTOMER_MISSING = 'customer_not_found';",
        "    public const ORDER_SHIPPED = 'order_already_shipped';",
        "    public const STOCK_SHORT = 'insufficient_stock';",
        "    public const OUT_OF_STOCK = 'out_of_stock';",
        "    public const THROTTLED = 'rate_limited';",
        "    public const LOG_CHANNEL = 'api';",
        '}',
      ].join('\n'),
    },
    names: ['ORDER_NOT_FOUND', 'CUSTOMER_MISSING', 'ORDER_SHIPPED', 'STOCK_SHORT', 'OUT_OF_STOCK', 'THROTTLED'],
    uses: [
      { fixture: '<?php\nuse App\\Exceptions\\ApiException;\nabort(404);\nthrow new ApiException(ApiException::|);', notFoundFirst: true },
      { fixture: '<?php\nthrow new \\App\\Exceptions\\ApiException(\\App\\Exceptions\\ApiException::|);' },
    ],
  },
  {
    languageId: 'go',
    definitions: {
      uri: 'file:///work/internal/apierr/codes.go',
      languageId: 'go',
      text: [
        'package apierr',
        '',
        'type ErrorCode = string',
        '',
        'const (',
        '\tErrorCodeOrderNotFound ErrorCode = "order_not_found"',
        '\tErrorCodeCustomerNotFound ErrorCode = "customer_not_found"',
        '\tErrorCodeOrderAlreadyShipped ErrorCode = "order_already_shipped"',
        '\tErrorCodeInsufficientStock ErrorCode = "insufficient_stock"',
        '\t// Deprecated: use ErrorCodeInsufficientStock.',
        '\tErrorCodeOutOfStock ErrorCode = "out_of_stock"',
        '\tErrorCodeRateLimited ErrorCode = "rate_limited"',
        ')',
        '',
        'const DefaultLanguage = "en"',
      ].join('\n'),
    },
    names: ['ErrorCodeOrderNotFound', 'ErrorCodeCustomerNotFound', 'ErrorCodeOrderAlreadyShipped', 'ErrorCodeInsufficientStock', 'ErrorCodeOutOfStock', 'ErrorCodeRateLimited'],
    uses: [
      { fixture: 'package api\n\nimport "example.com/shop/internal/apierr"\n\nreturn apierr.NewNotFoundError(apierr.|, "no order %s", id)', notFoundFirst: true },
      { fixture: 'package api\n\nimport e "example.com/shop/internal/apierr"\n\nreturn e.NewNotFoundError(e.|, "no order %s", id)', notFoundFirst: true },
    ],
  },
  {
    languageId: 'python',
    definitions: {
      uri: 'file:///work/shop/errors/codes.py',
      languageId: 'python',
      text: [
        'from enum import StrEnum',
        '',
        'class ErrorCode(StrEnum):',
        '    ORDER_NOT_FOUND = "order_not_found"',
        '    CUSTOMER_NOT_FOUND = "customer_not_found"',
        '    ALREADY_SHIPPED = "order_already_shipped"',
        '    INSUFFICIENT_STOCK = "insufficient_stock"',
        '    OUT_OF_STOCK = "out_of_stock"',
        '    RATE_LIMITED = "rate_limited"',
      ].join('\n'),
    },
    names: ['ORDER_NOT_FOUND', 'CUSTOMER_NOT_FOUND', 'ALREADY_SHIPPED', 'INSUFFICIENT_STOCK', 'OUT_OF_STOCK', 'RATE_LIMITED'],
    uses: [{ fixture: 'from shop.errors.codes import ErrorCode\n\nraise NotFound(ErrorCode.|)', notFoundFirst: true }],
  },
  {
    languageId: 'java',
    definitions: {
      uri: 'file:///work/src/main/java/com/shop/error/ErrorCode.java',
      languageId: 'java',
      text: [
        'package com.shop.error;',
        '',
        'public enum ErrorCode {',
        '    ORDER_NOT_FOUND("order_not_found", HttpStatus.NOT_FOUND),',
        '    CUSTOMER_NOT_FOUND("customer_not_found", HttpStatus.NOT_FOUND),',
        '    ORDER_SHIPPED("order_already_shipped", HttpStatus.CONFLICT),',
        '    STOCK_SHORT("insufficient_stock", HttpStatus.CONFLICT),',
        '    @Deprecated OUT_OF_STOCK("out_of_stock", HttpStatus.CONFLICT),',
        '    TOO_MANY_REQUESTS("rate_limited", HttpStatus.TOO_MANY_REQUESTS);',
        '',
        '    private final String code;',
        '    private final HttpStatus status;',
        '}',
      ].join('\n'),
    },
    names: ['ORDER_NOT_FOUND', 'CUSTOMER_NOT_FOUND', 'ORDER_SHIPPED', 'STOCK_SHORT', 'OUT_OF_STOCK', 'TOO_MANY_REQUESTS'],
    uses: [{ fixture: 'import com.shop.error.ErrorCode;\n\nthrow new NotFoundException(ErrorCode.|);', notFoundFirst: true }],
  },
  {
    languageId: 'csharp',
    definitions: {
      uri: 'file:///work/src/Shop.Api/ErrorCodes.cs',
      languageId: 'csharp',
      text: [
        'namespace Shop.Api',
        '{',
        '    public static class ErrorCodes',
        '    {',
        '        public static class Orders',
        '        {',
        '            public const string NotFound = "order_not_found";',
        '            public const string CustomerMissing = "customer_not_found";',
        '            public const string Shipped = "order_already_shipped";',
        '            public const string StockShort = "insufficient_stock";',
        '            [Obsolete] public const string OutOfStock = "out_of_stock";',
        '            public const string Throttled = "rate_limited";',
        '        }',
        '        public static class Limits',
        '        {',
        '            public const string Unit = "requests";',
        '        }',
        '    }',
        '}',
      ].join('\n'),
    },
    names: ['NotFound', 'CustomerMissing', 'Shipped', 'StockShort', 'OutOfStock', 'Throttled'],
    uses: [{ fixture: 'throw new NotFoundException(ErrorCodes.Orders.|);', notFoundFirst: true }],
  },
  {
    languageId: 'ruby',
    definitions: {
      uri: 'file:///work/app/errors/error_codes.rb',
      languageId: 'ruby',
      text: [
        'module ErrorCodes',
        '  ORDER_NOT_FOUND = "order_not_found".freeze',
        '  CUSTOMER_NOT_FOUND = "customer_not_found".freeze',
        '  SHIPPED = "order_already_shipped".freeze',
        '  STOCK_SHORT = "insufficient_stock".freeze',
        '  OUT_OF_STOCK = "out_of_stock".freeze',
        '  THROTTLED = "rate_limited".freeze',
        'end',
      ].join('\n'),
    },
    names: ['ORDER_NOT_FOUND', 'CUSTOMER_NOT_FOUND', 'SHIPPED', 'STOCK_SHORT', 'OUT_OF_STOCK', 'THROTTLED'],
    uses: [{ fixture: 'raise ApiError::NotFound.new(ErrorCodes::|, "No order #{id}")', notFoundFirst: true }],
  },
];

describe('completion after a qualifier that holds code constants', () => {
  for (const { languageId, definitions, names, uses } of LANGUAGES) {
    const index = indexOf(definitions);
    for (const { fixture, notFoundFirst } of uses) {
      it(`${languageId}: ${fixture.split('\n').pop()!.replace('|', '‸')}`, () => {
        const { list } = complete(fixture, languageId, index);
        assert.deepEqual(labels(list), [...names].sort(), 'the names of the constants that stand for codes, and only those');
        const byName = new Map(list!.items.map((i) => [i.label, i]));
        for (const [i, name] of names.entries()) {
          const item = byName.get(name)!;
          const entry = catalog.codes.get(CODES[i])!;
          assert.ok(item.detail!.startsWith(`${entry.status} `) && item.detail!.includes(entry.title!), `${name}: ${item.detail}`);
          assert.equal(item.labelDetails?.description, CODES[i]);
          assert.equal((item.data as { code: string }).code, CODES[i]);
        }
        assert.deepEqual(byName.get(names[4])!.tags, [CompletionItemTag.Deprecated], 'the deprecated code\'s constant');
        assert.equal(byName.get(names[0])!.tags, undefined);
        if (notFoundFirst) assert.deepEqual(ranked(list).slice(0, 2).sort(), [names[0], names[1]].sort(), 'the codes of the status nearby first');
      });
    }
  }

  it('ranks by the status on the line, then the lines around, as codes are ranked', () => {
    const index = indexOf(LANGUAGES[0].definitions);
    const { list } = complete("if (tooMany) {\n  res.status(429)\n  throw new ApiError(ErrorCode.|)\n}", 'typescript', index);
    assert.equal(ranked(list)[0], 'SlowDown');
    const conflict = complete('throw new ConflictException(ErrorCode.|)', 'typescript', index).list;
    assert.deepEqual(ranked(conflict).slice(0, 3).sort(), ['NotEnoughStock', 'OutOfStock', 'Shipped']);
  });

  it('inside the class that defines them, after self:: and static::', () => {
    const php = LANGUAGES[1].definitions;
    const index = indexOf(php);
    const inside = php.text.replace("    public const LOG_CHANNEL = 'api';", "    public const LOG_CHANNEL = 'api';\n    public static function missing(): self { return new self(self::|); }");
    assert.deepEqual(labels(complete(inside, 'php', index, OPTIONS, php.uri).list), [...LANGUAGES[1].names].sort());
    assert.deepEqual(labels(complete(inside.replace('self::|', 'static::|'), 'php', index, OPTIONS, php.uri).list), [...LANGUAGES[1].names].sort());
    // Another file's `self::` is another class.
    assert.equal(complete('<?php\nclass Other { function f() { return self::|; } }', 'php', index).list, null);
  });

  it('after a container of containers, the containers that hold code constants', () => {
    const index = indexOf(LANGUAGES[5].definitions);
    const { list } = complete('throw new ApiException(ErrorCodes.|);', 'csharp', index);
    assert.deepEqual(list!.items.map((i) => [i.label, i.kind, i.detail]), [['Orders', CompletionItemKind.Module, '6 error codes']]);
  });

  it('Python: a module of constants, imported under another name', () => {
    const module: Source = { uri: 'file:///work/shop/payments/errors.py', languageId: 'python', text: 'PAYMENT_MISSING = "order_not_found"\nTHROTTLED = "rate_limited"\nREFUND_DAYS = "120"\n' };
    const index = indexOf(module);
    assert.deepEqual(labels(complete('from shop.payments import errors as payment_errors\nraise ApiError(payment_errors.|)', 'python', index).list), ['PAYMENT_MISSING', 'THROTTLED']);
    assert.deepEqual(labels(complete('from shop.payments import errors\nraise ApiError(errors.|)', 'python', index).list), ['PAYMENT_MISSING', 'THROTTLED']);
  });

  it('replaces the name being typed, whole, and narrows past a page', () => {
    const index = indexOf(LANGUAGES[0].definitions);
    const { list, document } = complete('throw new ApiError(ErrorCode.Ship|ed)', 'typescript', index);
    assert.equal(document.getText(list!.itemDefaults!.editRange as Range), 'Shiped');
    const without = complete('throw new ApiError(ErrorCode.Ship|ed)', 'typescript', index, { maxItems: 100, itemDefaults: false }).list!;
    assert.ok(without.items.every((i) => i.textEdit && 'range' in i.textEdit && document.getText(i.textEdit.range) === 'Shiped' && i.textEdit.newText === i.label));
    const page = complete('throw new ApiError(ErrorCode.No|)', 'typescript', index, { maxItems: 2, itemDefaults: true }).list!;
    assert.deepEqual(labels(page), ['NoSuchCustomer', 'NotEnoughStock']);
    assert.equal(page.isIncomplete, true);
  });

  it('resolve explains the code the constant stands for', () => {
    const index = indexOf(LANGUAGES[0].definitions);
    const item = complete('throw new ApiError(ErrorCode.|)', 'typescript', index).list!.items.find((i) => i.label === 'SlowDown')!;
    const resolved = resolveCompletion(item, set);
    assert.match((resolved.documentation as { value: string }).value, /rate_limited/);
  });
});

describe('completion after a qualifier that holds no code constants', () => {
  const index = indexOf(...LANGUAGES.map((l) => l.definitions), { uri: 'file:///work/src/limits.ts', languageId: 'typescript', text: "export enum Limits { Unit = 'requests' }" });

  it('offers nothing of ours after a value, an expression or a holder of other constants', () => {
    for (const fixture of ['res.|', 'res.status(404).|', 'err.|', 'error.|', 'lastError.|', 'this.|', 'fetchUser().|', 'Limits.|', 'StatusCodes.|', 'HttpStatusCode.|', 'code: res.|', 'if (e.code === err.|)']) {
      assert.equal(complete(fixture, 'typescript', index).list, null, fixture);
    }
    assert.equal(complete('$e->|', 'php', index).list, null);
    assert.equal(complete('<?php\nclass Handler { function f() { return self::|; } }', 'php', index).list, null);
  });

  it('offers the codes that are identifiers after a holder of codes the index does not know', () => {
    const empty = new ConstantIndex();
    const list = complete('throw new ApiError(ErrorCode.|)', 'typescript', empty).list;
    assert.deepEqual(labels(list), [...CODES].sort());
    assert.deepEqual(labels(complete('return apierr.NewNotFoundError(apierr.|', 'go', empty).list), [...CODES].sort());
    assert.equal(complete('throw new ApiError(err.|)', 'typescript', empty).list, null);
    assert.equal(complete('throw new ApiError(lastError.|)', 'typescript', empty).list, null);
  });

  it('keeps offering codes inside a string, and in data files', () => {
    const list = complete("throw new ApiError({ code: 'order|' })", 'typescript', index).list;
    assert.deepEqual(labels(list), ['order_already_shipped', 'order_not_found']);
    assert.deepEqual(labels(complete('error:\n  code: ord|', 'yaml', index).list), ['order_already_shipped', 'order_not_found']);
  });
});

describe('constants a catalog declares', () => {
  const YAML = `
id: billing
title: Billing API
envelope:
  body: { code: "\${code}", message: "\${message}" }
codes:
  NoSuchInvoice:
    status: 404
    title: Invoice not found
    constants: [ErrorCode.NoSuchInvoice, 'apierr.CodeInvoiceMissing', 'Billing::INVOICE_MISSING']
  InvoiceLocked:
    status: 409
    title: Invoice locked
    constants: [ErrorCode.InvoiceLocked]
  SlowDown:
    status: 429
`;
  const declaring = catalogFromYaml(YAML);
  const billing = setOf(declaring);
  const declared = () => {
    const index = new ConstantIndex();
    index.declare(declaring.uri, new Map([...declaring.codes.values()].flatMap((e) => (e.constants ? [[e.code, e.constants] as [string, readonly string[]]] : []))));
    return index;
  };
  const at = (fixture: string, languageId: string, index: ConstantIndex) => {
    const { document, position } = withCursor(fixture, languageId);
    return { document, position, reading: readingOf(document, { set: billing, constants: index }) };
  };

  it('are loaded with their code', () => {
    assert.deepEqual(declaring.codes.get('NoSuchInvoice')!.constants, ['ErrorCode.NoSuchInvoice', 'apierr.CodeInvoiceMissing', 'Billing::INVOICE_MISSING']);
    assert.equal(declaring.codes.get('SlowDown')!.constants, undefined);
  });

  it('are validated: identifiers joined by `.`, `::` or `->`, at the entry, saying what to write', () => {
    for (const bad of ["'ErrorCode NoSuchInvoice'", "'ErrorCode.'", "'errors.New(\"x\")'", "'9Lives'", `'${'A.'.repeat(120)}B'`]) {
      const text = YAML.replace("'Billing::INVOICE_MISSING'", bad);
      const result = loadCatalog('file:///work/api.errors.yaml', text, { knownStatuses: knownStatuses() });
      assert.equal(result.catalog, undefined, bad);
      const problem = result.problems.find((p) => p.code === CatalogProblemCode.Schema)!;
      assert.ok(problem, bad);
      assert.match(problem.message, /constants/, bad);
      assert.equal(text.slice(problem.range.start, problem.range.end), bad, 'the entry is marked');
    }
    const invalid = loadCatalog('file:///work/api.errors.yaml', YAML.replace("'Billing::INVOICE_MISSING'", "'ErrorCode NoSuchInvoice'"), { knownStatuses: knownStatuses() });
    assert.match(invalid.problems[0].message, /identifiers joined by `\.`, `::` or `->`, e\.g\. `ErrorCode\.NoSuchInvoice`/);
    assert.ok(loadCatalog('file:///work/api.errors.yaml', YAML.replace('Billing::INVOICE_MISSING', 'Billing->invoice_missing'), { knownStatuses: knownStatuses() }).catalog);
  });

  it('one constant for two codes is a warning on the second', () => {
    const text = YAML.replace('constants: [ErrorCode.InvoiceLocked]', 'constants: [ErrorCode.InvoiceLocked, ErrorCode.NoSuchInvoice]');
    const result = loadCatalog('file:///work/api.errors.yaml', text, { knownStatuses: knownStatuses() });
    assert.ok(result.catalog, 'a warning keeps the catalog');
    const problem = result.problems.find((p) => p.code === CatalogProblemCode.DuplicateConstant)!;
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /already declared for `NoSuchInvoice`/);
    assert.equal(text.slice(problem.range.start, problem.range.end), 'ErrorCode.NoSuchInvoice');
    assert.ok(text.lastIndexOf('ErrorCode.NoSuchInvoice') === problem.range.start);
  });

  it('are hovered, qualified as declared', () => {
    const index = declared();
    for (const [fixture, languageId] of [['throw billingError(ErrorCode.NoSuch|Invoice)', 'typescript'], ['return apierr.CodeInvoice|Missing', 'go'], ['<?php throw new E(Billing::INVOICE_|MISSING);', 'php']] as const) {
      const { document, position, reading } = at(fixture, languageId, index);
      const hover = doHover(document, position, billing, { statuses: true }, reading);
      assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /NoSuchInvoice.*404/, fixture);
    }
    const { document, position, reading } = at('return other.CodeInvoice|Missing', 'go', index);
    assert.equal(doHover(document, position, billing, { statuses: true }, reading), null, 'another qualifier is another constant');
  });

  it('go to the code\'s entry in the catalog', () => {
    const { document, position, reading } = at('throw billingError(ErrorCode.NoSuch|Invoice)', 'typescript', declared());
    const [location, ...rest] = findDefinition(document, position, billing, reading);
    assert.equal(rest.length, 0);
    assert.equal(location.uri, declaring.sourceUri);
    assert.equal(location.range.start.line, YAML.split('\n').findIndex((l) => l.startsWith('  NoSuchInvoice:')) );
  });

  it('are completed after their qualifier, and found as references', () => {
    const index = declared();
    const { document, position, reading } = at('throw billingError(ErrorCode.|)', 'typescript', index);
    const list = doComplete(document, position, billing, OPTIONS, reading);
    assert.deepEqual(labels(list), ['InvoiceLocked', 'NoSuchInvoice']);
    assert.equal(list!.items.find((i) => i.label === 'NoSuchInvoice')!.detail, '404 Not Found · Invoice not found');
    const source = 'if (e.code === ErrorCode.NoSuchInvoice) retry(); if (e.code === Billing::INVOICE_MISSING) retry();';
    const found = referencesInSource(at(`${source}|`, 'typescript', index).reading, 'NoSuchInvoice', { codeKeys: ['code'], functions: [], patterns: [] });
    assert.deepEqual(found.constants.map((r) => source.slice(r.start, r.end)), ['NoSuchInvoice', 'INVOICE_MISSING']);
  });

  it('yield to a workspace definition of the same name, which a warning on the entry names', () => {
    const index = declared();
    index.update(factsOf('file:///work/src/codes.ts', "export enum ErrorCode { NoSuchInvoice = 'InvoiceLocked' }", 'typescript'));
    const { document, position, reading } = at('throw billingError(ErrorCode.NoSuch|Invoice)', 'typescript', index);
    assert.match((doHover(document, position, billing, { statuses: true }, reading)?.contents as { value: string }).value, /InvoiceLocked/, 'the definition is read');
    const [warning, ...rest] = declarationClashes(declaring, index);
    assert.equal(rest.length, 0);
    assert.equal(warning.code, CatalogProblemCode.ConstantClash);
    assert.match(warning.message as string, /`ErrorCode\.NoSuchInvoice` is defined in codes\.ts as `InvoiceLocked`, not `NoSuchInvoice`/);
    const line = YAML.split('\n')[warning.range.start.line];
    assert.equal(line.slice(warning.range.start.character, warning.range.end.character), 'ErrorCode.NoSuchInvoice');
  });

  it('are dropped with their catalog', () => {
    const index = declared();
    index.forget(declaring.uri);
    const { document, position, reading } = at('return apierr.CodeInvoice|Missing', 'go', index);
    assert.equal(doHover(document, position, billing, { statuses: true }, reading), null);
  });
});

