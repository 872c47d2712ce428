/**
 * Large workspaces for the index benchmark, written at run time from a seed (the same seed writes
 * the same files): a repository of services in TypeScript, Python, Go, PHP, Java and C#, each
 * defining its error codes as constants in its language's way (an enum, a const block, class
 * constants) and raising them from handlers, with models, services and tests beside them, shared
 * libraries and a web front end that have nothing to do with errors, and configuration files.
 * Optionally, vendored folders (`node_modules/`, `vendor/`, `third_party/`) full of other people's
 * code, constants included.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Position } from 'vscode-languageserver/node';
import { Random } from '../test/fuzz/random';
import { generatedCatalogYaml, generatedCode, generatedStatus } from '../test/helpers/generate';

/** Codes in the workspace's catalog; each service owns a run of them. */
export const LARGE_WORKSPACE_CODES = 1_000;

const NOUNS = ['order', 'invoice', 'account', 'payment', 'shipment', 'customer', 'product', 'coupon', 'tenant', 'session', 'report', 'webhook', 'refund', 'ledger', 'region', 'warehouse', 'ticket', 'booking', 'plan', 'subscription', 'export', 'import', 'device', 'message'];
const ASPECTS = ['', 'items', 'history', 'search', 'admin', 'exports', 'notes', 'settings', 'audit', 'batch', 'sync', 'stats', 'labels', 'limits', 'drafts', 'rules'];
const VERBS = ['load', 'save', 'find', 'list', 'sync', 'build', 'parse', 'render', 'validate', 'merge', 'apply', 'compute', 'collect', 'format', 'resolve', 'normalize'];
const FIELDS = ['id', 'name', 'createdAt', 'updatedAt', 'amount', 'currency', 'status', 'ownerId', 'region', 'version', 'notes', 'total', 'quantity', 'email', 'reference'];
const STATUS_NAMES: Readonly<Record<number, [go: string, java: string]>> = {
  400: ['StatusBadRequest', 'BAD_REQUEST'], 401: ['StatusUnauthorized', 'UNAUTHORIZED'], 403: ['StatusForbidden', 'FORBIDDEN'],
  404: ['StatusNotFound', 'NOT_FOUND'], 409: ['StatusConflict', 'CONFLICT'], 422: ['StatusUnprocessableEntity', 'UNPROCESSABLE_ENTITY'],
  429: ['StatusTooManyRequests', 'TOO_MANY_REQUESTS'], 500: ['StatusInternalServerError', 'INTERNAL_SERVER_ERROR'],
  502: ['StatusBadGateway', 'BAD_GATEWAY'], 503: ['StatusServiceUnavailable', 'SERVICE_UNAVAILABLE'],
};

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
/** `ORDER_EXPIRED_00042` → `OrderExpired00042`. */
const pascal = (code: string) => code.toLowerCase().split('_').map(capitalized).join('');
const camel = (words: string) => words.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase());
const kebab = (words: string) => words.replace(/_/g, '-');

/** A service of the repository: its folder, its language and the codes it owns. */
interface Service {
  readonly name: string;
  readonly folder: string;
  readonly codes: readonly number[];
}

interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** What a stack writes: its code definitions, and handlers, models and tests of one resource. */
interface Stack {
  readonly definitions: (service: Service) => SourceFile;
  readonly handlers: (service: Service, resource: string, random: Random) => SourceFile;
  readonly model: (service: Service, resource: string, random: Random) => SourceFile;
  readonly test: (service: Service, resource: string, random: Random) => SourceFile;
}

/** `count` things, each written by `write` with its position. */
function repeat(count: number, write: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => write(i)).join('\n');
}

function fields(random: Random): string[] {
  return FIELDS.slice(0, random.int(4, FIELDS.length));
}

/** The TypeScript service: `enum ErrorCode`, Express routers throwing `ApiError`s or sending bodies. */
const typescript: Stack = {
  definitions: (service) => ({
    path: 'src/errors/codes.ts',
    text: `/** Error codes of the ${service.name} service, sent as \`error.code\`. Values are a public contract. */\nexport enum ErrorCode {\n${service.codes.map((c) => `  ${pascal(generatedCode(c))} = '${generatedCode(c)}',`).join('\n')}\n}\n\nexport class ApiError extends Error {\n  constructor(readonly status: number, readonly code: ErrorCode, message: string) {\n    super(message);\n  }\n}\n`,
  }),
  handlers: (service, resource, random) => {
    const Resource = capitalized(camel(resource));
    const endpoints = repeat(random.int(3, 40), (i) => {
      const c = random.pick(service.codes);
      const code = generatedCode(c);
      const raise = random.next() < 0.6
        ? `    throw new ApiError(${generatedStatus(c)}, ErrorCode.${pascal(code)}, '${Resource} cannot be served');`
        : `    return res.status(${generatedStatus(c)}).json({ error: { code: '${code}', message: '${Resource} cannot be served' } });`;
      return `router.${random.pick(['get', 'post', 'put', 'delete'])}('/${kebab(resource)}/${i}/:id', async (req: Request, res: Response) => {\n  const found = await store.${camel(resource)}.${random.pick(VERBS)}(req.params.id);\n  if (!found) {\n${raise}\n  }\n  res.json(found);\n});\n`;
    });
    return { path: `src/routes/${kebab(resource)}.ts`, text: `import { Router, type Request, type Response } from 'express';\nimport { ApiError, ErrorCode } from '../errors/codes';\nimport { store } from '../store';\n\nexport const router = Router();\n\n${endpoints}` };
  },
  model: (_service, resource, random) => {
    const Resource = capitalized(camel(resource));
    const members = fields(random);
    return {
      path: `src/${random.pick(['models', 'services', 'lib'])}/${kebab(resource)}.ts`,
      text: `export interface ${Resource} {\n${members.map((f) => `  ${f}: string;`).join('\n')}\n}\n\nconst DEFAULT_${resource.toUpperCase()}_REGION = 'eu-west-1';\n\n${repeat(random.int(2, 32), (i) => `export function ${random.pick(VERBS)}${Resource}${i}(items: ${Resource}[], limit = ${random.int(5, 500)}): ${Resource}[] {\n  const seen = new Set<string>();\n  return items.filter((item) => {\n    if (seen.has(item.${members[0]}) || seen.size >= limit) return false;\n    seen.add(item.${members[0]});\n    return item.${members[1]} !== DEFAULT_${resource.toUpperCase()}_REGION;\n  });\n}\n`)}`,
    };
  },
  test: (service, resource, random) => ({
    path: `test/${kebab(resource)}.test.ts`,
    text: `import { strict as assert } from 'node:assert';\nimport { test } from 'node:test';\nimport { ErrorCode } from '../src/errors/codes';\nimport { request } from './helpers';\n\n${repeat(random.int(2, 15), (i) => {
      const c = random.pick(service.codes);
      return `test('${resource} ${i} answers ${generatedStatus(c)}', async () => {\n  const res = await request.get('/${kebab(resource)}/${i}/missing');\n  assert.equal(res.status, ${generatedStatus(c)});\n  assert.equal(res.body.error.code, ErrorCode.${pascal(generatedCode(c))});\n});\n`;
    })}`,
  }),
};

/** The Python service: `class ErrorCode(StrEnum)`, FastAPI routers raising `ApiError`s or answering bodies. */
const python: Stack = {
  definitions: (service) => ({
    path: 'app/errors/codes.py',
    text: `"""Error codes of the ${service.name} service, sent as \`\`error.code\`\`."""\n\nfrom enum import StrEnum\n\n\nclass ErrorCode(StrEnum):\n${service.codes.map((c) => `    ${generatedCode(c)} = "${generatedCode(c)}"`).join('\n')}\n`,
  }),
  handlers: (service, resource, random) => ({
    path: `app/routers/${resource}.py`,
    text: `from fastapi import APIRouter\nfrom fastapi.responses import JSONResponse\n\nfrom app.errors.codes import ErrorCode\nfrom app.errors.exceptions import ApiError\nfrom app.store import store\n\nrouter = APIRouter()\n\n\n${repeat(random.int(3, 40), (i) => {
      const c = random.pick(service.codes);
      const code = generatedCode(c);
      const raise = random.next() < 0.6
        ? `        raise ApiError(${generatedStatus(c)}, ErrorCode.${code}, "cannot be served")`
        : `        return JSONResponse(status_code=${generatedStatus(c)}, content={"error": {"code": "${code}", "message": "cannot be served"}})`;
      return `@router.${random.pick(['get', 'post', 'put', 'delete'])}("/${resource}/${i}/{item_id}")\nasync def ${random.pick(VERBS)}_${resource}_${i}(item_id: str):\n    found = await store.${resource}.find(item_id)\n    if found is None:\n${raise}\n    return found\n\n`;
    })}`,
  }),
  model: (_service, resource, random) => {
    const members = fields(random);
    return {
      path: `app/${random.pick(['models', 'services', 'lib'])}/${resource}.py`,
      text: `from dataclasses import dataclass\n\nDEFAULT_REGION = "eu-west-1"\n\n\n@dataclass\nclass ${capitalized(camel(resource))}:\n${members.map((f) => `    ${f}: str`).join('\n')}\n\n\n${repeat(random.int(2, 32), (i) => `def ${random.pick(VERBS)}_${resource}_${i}(items, limit=${random.int(5, 500)}):\n    seen = set()\n    kept = []\n    for item in items:\n        if item.${members[0]} in seen or len(seen) >= limit:\n            continue\n        seen.add(item.${members[0]})\n        kept.append(item)\n    return kept\n\n`)}`,
    };
  },
  test: (service, resource, random) => ({
    path: `tests/test_${resource}.py`,
    text: `from app.errors.codes import ErrorCode\n\n\n${repeat(random.int(2, 15), (i) => {
      const c = random.pick(service.codes);
      return `def test_${resource}_${i}_missing(client):\n    response = client.get("/${resource}/${i}/missing")\n    assert response.status_code == ${generatedStatus(c)}\n    assert response.json()["error"]["code"] == ErrorCode.${generatedCode(c)}\n\n`;
    })}`,
  }),
};

/** The Go service: a typed `const` block in package `apierr`, handlers returning `apierr.New…` or writing bodies. */
const go: Stack = {
  definitions: (service) => ({
    path: 'internal/apierr/codes.go',
    text: `package apierr\n\n// ErrorCode is sent in the "code" member of every error body of ${service.name}.\ntype ErrorCode = string\n\nconst (\n${service.codes.map((c) => `\tErrorCode${pascal(generatedCode(c))} ErrorCode = "${generatedCode(c)}"`).join('\n')}\n)\n`,
  }),
  handlers: (service, resource, random) => {
    const Resource = capitalized(camel(resource));
    return {
      path: `internal/api/${resource}.go`,
      text: `package api\n\nimport (\n\t"net/http"\n\n\t"example.com/${service.name}/internal/apierr"\n)\n\n${repeat(random.int(3, 40), (i) => {
        const c = random.pick(service.codes);
        const code = generatedCode(c);
        const raise = random.next() < 0.6
          ? `\t\treturn apierr.New(http.${STATUS_NAMES[generatedStatus(c)][0]}, apierr.ErrorCode${pascal(code)}, "cannot be served")`
          : `\t\treturn writeError(w, http.${STATUS_NAMES[generatedStatus(c)][0]}, "${code}", "cannot be served")`;
        return `func (a *API) ${capitalized(random.pick(VERBS))}${Resource}${i}(w http.ResponseWriter, r *http.Request) error {\n\tfound, err := a.store.${Resource}(r.PathValue("id"))\n\tif err != nil || found == nil {\n${raise}\n\t}\n\treturn sendJSON(w, http.StatusOK, found)\n}\n`;
      })}`,
    };
  },
  model: (_service, resource, random) => {
    const Resource = capitalized(camel(resource));
    const members = fields(random).map(capitalized);
    return {
      path: `internal/${random.pick(['store', 'domain', 'util'])}/${resource}.go`,
      text: `package ${resource}\n\nconst defaultRegion = "eu-west-1"\n\ntype ${Resource} struct {\n${members.map((f) => `\t${f} string`).join('\n')}\n}\n\n${repeat(random.int(2, 32), (i) => `func ${capitalized(random.pick(VERBS))}${i}(items []${Resource}, limit int) []${Resource} {\n\tseen := map[string]bool{}\n\tkept := items[:0]\n\tfor _, item := range items {\n\t\tif seen[item.${members[0]}] || len(seen) >= limit || item.${members[1]} == defaultRegion {\n\t\t\tcontinue\n\t\t}\n\t\tseen[item.${members[0]}] = true\n\t\tkept = append(kept, item)\n\t}\n\treturn kept\n}\n`)}`,
    };
  },
  test: (service, resource, random) => ({
    path: `internal/api/${resource}_test.go`,
    text: `package api\n\nimport (\n\t"testing"\n\n\t"example.com/${service.name}/internal/apierr"\n)\n\n${repeat(random.int(2, 15), (i) => {
      const c = random.pick(service.codes);
      return `func Test${capitalized(camel(resource))}${i}Missing(t *testing.T) {\n\tres := get(t, "/${resource}/${i}/missing")\n\texpectError(t, res, ${generatedStatus(c)}, apierr.ErrorCode${pascal(generatedCode(c))})\n}\n`;
    })}`,
  }),
};

/** The PHP service: class constants of `ApiException`, Laravel controllers throwing them or answering bodies. */
const php: Stack = {
  definitions: (service) => ({
    path: 'app/Exceptions/ApiException.php',
    text: `<?php\n\nnamespace App\\Exceptions;\n\n/** Every API error of ${service.name}: \`throw new ApiException(ApiException::X)\`. */\nclass ApiException extends \\RuntimeException\n{\n${service.codes.map((c) => `    public const ${generatedCode(c)} = '${generatedCode(c)}';`).join('\n')}\n}\n`,
  }),
  handlers: (service, resource, random) => {
    const Resource = capitalized(camel(resource));
    return {
      path: `app/Http/Controllers/${Resource}Controller.php`,
      text: `<?php\n\nnamespace App\\Http\\Controllers;\n\nuse App\\Exceptions\\ApiException;\nuse App\\Models\\${Resource};\nuse Illuminate\\Http\\JsonResponse;\n\nclass ${Resource}Controller extends Controller\n{\n${repeat(random.int(3, 40), (i) => {
        const c = random.pick(service.codes);
        const code = generatedCode(c);
        const raise = random.next() < 0.6
          ? `            throw new ApiException(ApiException::${code});`
          : `            return response()->json(['error' => ['code' => '${code}', 'message' => 'Cannot be served']], ${generatedStatus(c)});`;
        return `    public function ${random.pick(VERBS)}${i}(int $id): JsonResponse\n    {\n        $found = ${Resource}::find($id);\n        if ($found === null) {\n${raise}\n        }\n\n        return response()->json($found);\n    }\n`;
      })}}\n`,
    };
  },
  model: (_service, resource, random) => {
    const Resource = capitalized(camel(resource));
    const members = fields(random);
    return {
      path: `app/${random.pick(['Models', 'Services', 'Support'])}/${Resource}.php`,
      text: `<?php\n\nnamespace App\\Models;\n\nclass ${Resource}\n{\n    public const DEFAULT_REGION = 'eu-west-1';\n\n    protected $fillable = [${members.map((f) => `'${f}'`).join(', ')}];\n\n${repeat(random.int(2, 32), (i) => `    public function ${random.pick(VERBS)}${i}(array $items, int $limit = ${random.int(5, 500)}): array\n    {\n        $seen = [];\n        foreach ($items as $item) {\n            if (isset($seen[$item['${members[0]}']]) || count($seen) >= $limit) {\n                continue;\n            }\n            $seen[$item['${members[0]}']] = $item;\n        }\n\n        return array_values($seen);\n    }\n`)}}\n`,
    };
  },
  test: (service, resource, random) => {
    const Resource = capitalized(camel(resource));
    return {
      path: `tests/Feature/${Resource}Test.php`,
      text: `<?php\n\nnamespace Tests\\Feature;\n\nuse App\\Exceptions\\ApiException;\nuse Tests\\TestCase;\n\nclass ${Resource}Test extends TestCase\n{\n${repeat(random.int(2, 15), (i) => {
        const c = random.pick(service.codes);
        return `    public function test_missing_${i}(): void\n    {\n        $this->getJson('/${resource}/${i}/missing')\n            ->assertStatus(${generatedStatus(c)})\n            ->assertJsonPath('error.code', ApiException::${generatedCode(c)});\n    }\n`;
      })}}\n`,
    };
  },
};

/** The Java service: `enum ErrorCode` with code and status, Spring controllers throwing `BusinessException`s or answering bodies. */
const java: Stack = {
  definitions: (service) => ({
    path: `src/main/java/com/example/${service.name.replace(/-/g, '')}/error/ErrorCode.java`,
    text: `package com.example.${service.name.replace(/-/g, '')}.error;\n\nimport org.springframework.http.HttpStatus;\n\n/** Every error ${service.name} answers with; the code string is a public contract. */\npublic enum ErrorCode {\n${service.codes.map((c) => `    ${generatedCode(c)}("${generatedCode(c)}", HttpStatus.${STATUS_NAMES[generatedStatus(c)][1]})`).join(',\n')};\n\n    private final String code;\n    private final HttpStatus status;\n\n    ErrorCode(String code, HttpStatus status) {\n        this.code = code;\n        this.status = status;\n    }\n}\n`,
  }),
  handlers: (service, resource, random) => {
    const Resource = capitalized(camel(resource));
    const pkg = service.name.replace(/-/g, '');
    return {
      path: `src/main/java/com/example/${pkg}/api/${Resource}Controller.java`,
      text: `package com.example.${pkg}.api;\n\nimport com.example.${pkg}.error.BusinessException;\nimport com.example.${pkg}.error.ErrorCode;\nimport org.springframework.http.HttpStatus;\nimport org.springframework.http.ResponseEntity;\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\npublic class ${Resource}Controller {\n${repeat(random.int(3, 40), (i) => {
        const c = random.pick(service.codes);
        const code = generatedCode(c);
        const raise = random.next() < 0.6
          ? `            throw new BusinessException(ErrorCode.${code});`
          : `            return ResponseEntity.status(HttpStatus.${STATUS_NAMES[generatedStatus(c)][1]}).body(new ErrorResponse("${code}", "Cannot be served"));`;
        return `    @GetMapping("/${resource}/${i}/{id}")\n    public ResponseEntity<?> ${random.pick(VERBS)}${i}(@PathVariable String id) {\n        var found = repository.findById(id);\n        if (found.isEmpty()) {\n${raise}\n        }\n        return ResponseEntity.ok(found.get());\n    }\n`;
      })}}\n`,
    };
  },
  model: (service, resource, random) => {
    const Resource = capitalized(camel(resource));
    const pkg = service.name.replace(/-/g, '');
    const members = fields(random);
    return {
      path: `src/main/java/com/example/${pkg}/${random.pick(['domain', 'service', 'util'])}/${Resource}.java`,
      text: `package com.example.${pkg}.domain;\n\nimport java.util.*;\n\npublic class ${Resource} {\n    public static final String DEFAULT_REGION = "eu-west-1";\n\n${members.map((f) => `    private String ${f};`).join('\n')}\n\n${repeat(random.int(2, 32), (i) => `    public static List<${Resource}> ${random.pick(VERBS)}${i}(List<${Resource}> items, int limit) {\n        Set<String> seen = new HashSet<>();\n        List<${Resource}> kept = new ArrayList<>();\n        for (${Resource} item : items) {\n            if (seen.size() >= limit || !seen.add(item.${members[0]})) continue;\n            kept.add(item);\n        }\n        return kept;\n    }\n`)}}\n`,
    };
  },
  test: (service, resource, random) => {
    const Resource = capitalized(camel(resource));
    const pkg = service.name.replace(/-/g, '');
    return {
      path: `src/test/java/com/example/${pkg}/api/${Resource}ControllerTest.java`,
      text: `package com.example.${pkg}.api;\n\nimport com.example.${pkg}.error.ErrorCode;\nimport org.junit.jupiter.api.Test;\n\nclass ${Resource}ControllerTest extends ApiTestSupport {\n${repeat(random.int(2, 15), (i) => {
        const c = random.pick(service.codes);
        return `    @Test\n    void missing${i}() throws Exception {\n        mvc.perform(get("/${resource}/${i}/missing"))\n            .andExpect(status().is(${generatedStatus(c)}))\n            .andExpect(jsonPath("$.code").value(ErrorCode.${generatedCode(c)}.code()));\n    }\n`;
      })}}\n`,
    };
  },
};

/** The C# service: `const string`s in a static class, ASP.NET controllers throwing `ApiException`s or answering problems. */
const csharp: Stack = {
  definitions: (service) => ({
    path: 'src/Api/Errors/ErrorCodes.cs',
    text: `namespace Api.Errors\n{\n    /// <summary>Every code ${service.name} sends; a code is never renamed once published.</summary>\n    public static class ErrorCodes\n    {\n${service.codes.map((c) => `        public const string ${pascal(generatedCode(c))} = "${generatedCode(c)}";`).join('\n')}\n    }\n}\n`,
  }),
  handlers: (service, resource, random) => {
    const Resource = capitalized(camel(resource));
    return {
      path: `src/Api/Controllers/${Resource}Controller.cs`,
      text: `using Api.Errors;\nusing Microsoft.AspNetCore.Mvc;\n\nnamespace Api.Controllers\n{\n    [ApiController]\n    public class ${Resource}Controller : ControllerBase\n    {\n${repeat(random.int(3, 40), (i) => {
        const c = random.pick(service.codes);
        const code = generatedCode(c);
        const raise = random.next() < 0.6
          ? `                throw new ApiException(${generatedStatus(c)}, ErrorCodes.${pascal(code)}, "Cannot be served.");`
          : `                return StatusCode(${generatedStatus(c)}, new { error = new { code = "${code}", message = "Cannot be served." } });`;
        return `        [HttpGet("${resource}/${i}/{id}")]\n        public IActionResult ${capitalized(random.pick(VERBS))}${i}(string id)\n        {\n            var found = _store.Find${Resource}(id);\n            if (found == null)\n            {\n${raise}\n            }\n            return Ok(found);\n        }\n`;
      })}    }\n}\n`,
    };
  },
  model: (_service, resource, random) => {
    const Resource = capitalized(camel(resource));
    const members = fields(random).map(capitalized);
    return {
      path: `src/Api/${random.pick(['Domain', 'Services', 'Infrastructure'])}/${Resource}.cs`,
      text: `using System.Collections.Generic;\n\nnamespace Api.Domain\n{\n    public class ${Resource}\n    {\n        public const string DefaultRegion = "eu-west-1";\n\n${members.map((f) => `        public string ${f} { get; set; }`).join('\n')}\n\n${repeat(random.int(2, 32), (i) => `        public static List<${Resource}> ${capitalized(random.pick(VERBS))}${i}(IEnumerable<${Resource}> items, int limit)\n        {\n            var seen = new HashSet<string>();\n            var kept = new List<${Resource}>();\n            foreach (var item in items)\n            {\n                if (seen.Count >= limit || !seen.Add(item.${members[0]})) continue;\n                kept.Add(item);\n            }\n            return kept;\n        }\n`)}    }\n}\n`,
    };
  },
  test: (service, resource, random) => {
    const Resource = capitalized(camel(resource));
    return {
      path: `tests/Api.Tests/${Resource}Tests.cs`,
      text: `using Api.Errors;\nusing Xunit;\n\nnamespace Api.Tests\n{\n    public class ${Resource}Tests : ApiTestBase\n    {\n${repeat(random.int(2, 15), (i) => {
        const c = random.pick(service.codes);
        return `        [Fact]\n        public async Task Missing${i}()\n        {\n            var response = await Client.GetAsync("/${resource}/${i}/missing");\n            Assert.Equal(${generatedStatus(c)}, (int)response.StatusCode);\n            Assert.Equal(ErrorCodes.${pascal(generatedCode(c))}, await CodeOf(response));\n        }\n`;
      })}    }\n}\n`,
    };
  },
};

const STACKS: readonly [string, Stack][] = [['ts', typescript], ['py', python], ['go', go], ['php', php], ['java', java], ['dotnet', csharp]];

/** Shared code with no errors in it: TypeScript, Python and Go utilities. */
function libraryFile(random: Random, library: string, i: number): SourceFile {
  const language = random.pick(['ts', 'ts', 'py', 'go']);
  const name = `${random.pick(VERBS)}_${random.pick(NOUNS)}_${i}`;
  const functions = random.int(2, 40);
  if (language === 'py') {
    return { path: `libs/${library}/${name}.py`, text: `"""Helpers of ${library}."""\n\nTIMEOUT_SECONDS = ${random.int(1, 60)}\n\n\n${repeat(functions, (k) => `def ${random.pick(VERBS)}_${k}(values, factor=${random.int(2, 9)}):\n    total = 0\n    for value in values:\n        total += value * factor\n    return total / max(len(values), 1)\n\n`)}` };
  }
  if (language === 'go') {
    return { path: `libs/${library}/${name}.go`, text: `package ${library.replace(/-/g, '')}\n\nconst userAgent = "${library}/1.${random.int(0, 20)}"\n\n${repeat(functions, (k) => `func ${capitalized(random.pick(VERBS))}${k}(values []float64, factor float64) float64 {\n\tvar total float64\n\tfor _, v := range values {\n\t\ttotal += v * factor\n\t}\n\treturn total / float64(len(values)+1)\n}\n`)}` };
  }
  return { path: `libs/${library}/src/${kebab(name)}.ts`, text: `export const LIBRARY_NAME = '${library}';\n\n${repeat(functions, (k) => `export function ${random.pick(VERBS)}${k}(values: readonly number[], factor = ${random.int(2, 9)}): number {\n  let total = 0;\n  for (const value of values) total += value * factor;\n  return total / Math.max(values.length, 1);\n}\n`)}` };
}

/** A React component of the web front end. */
function componentFile(random: Random, i: number): SourceFile {
  const Name = `${capitalized(random.pick(NOUNS))}${capitalized(random.pick(ASPECTS) || 'view')}${i}`;
  return {
    path: `web/src/components/${Name}.tsx`,
    text: `import { useState } from 'react';\n\nexport function ${Name}({ items }: { items: { id: string; label: string }[] }) {\n  const [selected, setSelected] = useState<string | undefined>();\n  return (\n    <ul className="${kebab(Name.toLowerCase())}">\n${repeat(random.int(2, 20), (k) => `      <li key="${k}" onClick={() => setSelected(items[${k}]?.id)}>{items[${k}]?.label ?? '${random.pick(NOUNS)}'}</li>`)}\n    </ul>\n  );\n}\n`,
  };
}

export interface GeneratedWorkspace {
  /** Source files the index reads (the catalog apart), and their size. */
  readonly sourceFiles: number;
  readonly bytes: number;
  /** Files in vendored folders. */
  readonly vendoredFiles: number;
}

/** Writes files below `folder`, counting them. */
function writer(folder: string) {
  const madeFolders = new Set<string>();
  const counts = { files: 0, bytes: 0 };
  return {
    counts,
    write(relative: string, text: string): void {
      const path = join(folder, relative);
      const parent = dirname(path);
      if (!madeFolders.has(parent)) {
        mkdirSync(parent, { recursive: true });
        madeFolders.add(parent);
      }
      writeFileSync(path, text);
      counts.files++;
      counts.bytes += text.length;
    },
  };
}

/** Resource names of a service, each used once (`order`, `order-items`, `invoice-audit`…). */
function resourceNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const aspect = random.pick(ASPECTS);
    const name = aspect ? `${random.pick(NOUNS)}_${aspect}` : random.pick(NOUNS);
    names.add(names.has(name) ? `${name}_${names.size}` : name);
  }
  return [...names];
}

/**
 * Writes a repository of about `sourceFiles` source files into `folder` (which exists), with its
 * catalog `api.errors.yaml` of {@link LARGE_WORKSPACE_CODES} codes: six services per stack own the
 * source files' first 60% (code definitions, handlers, models, tests), shared libraries 30%, a web
 * front end 7%, configuration files the rest.
 */
export function writeLargeWorkspace(folder: string, sourceFiles: number, seed = 1): GeneratedWorkspace {
  const random = new Random(seed);
  const out = writer(folder);
  out.write('api.errors.yaml', generatedCatalogYaml(LARGE_WORKSPACE_CODES));
  out.counts.files = 0;
  out.counts.bytes = 0;
  const services = STACKS.length * 6;
  const perService = Math.max(4, Math.floor((sourceFiles * 0.6) / services));
  const codesPerService = Math.floor(LARGE_WORKSPACE_CODES / services);
  for (let s = 0; s < services; s++) {
    const [suffix, stack] = STACKS[s % STACKS.length];
    const name = `${NOUNS[s % NOUNS.length]}${s >= NOUNS.length ? '-edge' : ''}-${suffix}`;
    const service: Service = { name, folder: `services/${name}`, codes: Array.from({ length: codesPerService }, (_, k) => s * codesPerService + k) };
    const definitions = stack.definitions(service);
    out.write(`${service.folder}/${definitions.path}`, definitions.text);
    const resources = resourceNames(random, perService - 1);
    for (const [k, resource] of resources.entries()) {
      // Per resource a handler file, and models and tests in between: 35% / 40% / 25%.
      const kind = k % 20 < 7 ? stack.handlers : k % 20 < 15 ? stack.model : stack.test;
      const file = kind(service, resource, random);
      out.write(`${service.folder}/${file.path}`, file.text);
    }
  }
  const libraries = Math.ceil((sourceFiles * 0.3) / 40);
  for (let i = 0; out.counts.files < Math.floor(sourceFiles * 0.9); i++) {
    const file = libraryFile(random, `${random.pick(VERBS)}-kit-${i % libraries}`, i);
    out.write(file.path, file.text);
  }
  for (let i = 0; out.counts.files < Math.floor(sourceFiles * 0.97); i++) {
    const file = componentFile(random, i);
    out.write(file.path, file.text);
  }
  for (let i = 0; out.counts.files < sourceFiles; i++) {
    const service = `${NOUNS[i % services % NOUNS.length]}-${STACKS[i % services % STACKS.length][0]}`;
    if (i % 2 === 0) out.write(`deploy/${service}/values-${i}.yaml`, `replicas: ${random.int(1, 9)}\nimage: registry.example.com/${service}:${random.int(1, 300)}\nenv:\n  REGION: eu-west-1\n  LOG_LEVEL: info\n`);
    else out.write(`config/${service}-${i}.json`, `${JSON.stringify({ service, port: 8000 + i, features: { [random.pick(NOUNS)]: true } }, null, 2)}\n`);
  }
  return { sourceFiles: out.counts.files, bytes: out.counts.bytes, vendoredFiles: 0 };
}

/**
 * Writes `count` files of other people's code into `node_modules/` (CommonJS packages with their
 * typings and manifests), `vendor/` (Go modules and Composer packages) and `third_party/` (Python
 * and Java), in the proportions 50 / 30 / 20: each file defines constants, as libraries do.
 */
export function writeVendoredFolders(folder: string, count: number, seed = 2): number {
  const random = new Random(seed);
  const out = writer(folder);
  const constants = (k: number) => Array.from({ length: random.int(5, 40) }, (_, i) => `ERR_${random.pick(NOUNS).toUpperCase()}_${k}_${i}`);
  for (let k = 0; out.counts.files < count * 0.5; k++) {
    const pkg = `node_modules/${random.pick(NOUNS)}-${random.pick(VERBS)}-${k}`;
    const names = constants(k);
    out.write(`${pkg}/package.json`, `${JSON.stringify({ name: pkg.slice(13), version: `1.${k}.0`, main: 'dist/index.js', types: 'dist/index.d.ts' }, null, 2)}\n`);
    out.write(`${pkg}/dist/index.js`, `'use strict';\nObject.defineProperty(exports, '__esModule', { value: true });\n${names.map((n) => `exports.${n} = '${n.toLowerCase()}';`).join('\n')}\n${repeat(random.int(5, 60), (i) => `function ${random.pick(VERBS)}${i}(a, b) { return a == null ? b : String(a).concat(b); }\nexports.${random.pick(VERBS)}${i} = ${random.pick(VERBS)}${i};`)}\n`);
    out.write(`${pkg}/dist/index.d.ts`, `${names.map((n) => `export declare const ${n}: string;`).join('\n')}\n`);
  }
  for (let k = 0; out.counts.files < count * 0.8; k++) {
    const names = constants(k);
    if (k % 2 === 0) {
      out.write(`vendor/github.com/${random.pick(NOUNS)}/${random.pick(VERBS)}-go/errors_${k}.go`, `package lib${k}\n\nconst (\n${names.map((n) => `\t${pascal(n)} = "${n.toLowerCase()}"`).join('\n')}\n)\n\n${repeat(random.int(5, 40), (i) => `func ${capitalized(random.pick(VERBS))}${i}(s string) string { return s + "${i}" }`)}\n`);
    } else {
      out.write(`vendor/${random.pick(NOUNS)}/${random.pick(VERBS)}/src/Errors${k}.php`, `<?php\n\nnamespace Vendor\\Lib${k};\n\nfinal class Errors${k}\n{\n${names.map((n) => `    public const ${n} = '${n.toLowerCase()}';`).join('\n')}\n}\n`);
    }
  }
  for (let k = 0; out.counts.files < count; k++) {
    const names = constants(k);
    if (k % 2 === 0) out.write(`third_party/${random.pick(NOUNS)}lib/errors_${k}.py`, `${names.map((n) => `${n} = "${n.toLowerCase()}"`).join('\n')}\n\n${repeat(random.int(5, 40), (i) => `def ${random.pick(VERBS)}_${i}(value):\n    return str(value) + "${i}"\n`)}`);
    else out.write(`third_party/${random.pick(NOUNS)}-sdk/src/main/java/org/example/Errors${k}.java`, `package org.example;\n\npublic final class Errors${k} {\n${names.map((n) => `    public static final String ${n} = "${n.toLowerCase()}";`).join('\n')}\n}\n`);
  }
  return out.counts.files;
}

/**
 * The file the benchmark hovers in, written into the large workspace and alone into a workspace of
 * its own: a handler module that defines its codes (names unlike their values, so that only the
 * index reads them) and uses them, beside codes written as strings.
 */
export function hoveredFile(): { path: string; text: string; literal: Position; constant: Position } {
  const codes = [3, 14, 15, 92, 65];
  const lines = [
    "import { Router } from 'express';",
    '',
    '/** Failures of the checkout flow; the values are the catalog\'s codes. */',
    'export enum CheckoutFailure {',
    ...codes.map((c, i) => `  Reason${i} = '${generatedCode(c)}',`),
    '}',
    '',
    'export const checkout = Router();',
    '',
    ...codes.flatMap((c, i) => [
      `checkout.post('/checkout/${i}', (req, res) => {`,
      `  if (!req.body) return res.status(${generatedStatus(c)}).json({ error: { code: CheckoutFailure.Reason${i}, message: 'Cannot check out' } });`,
      `  if (!req.query.cart) return res.status(${generatedStatus(c)}).json({ error: { code: '${generatedCode(c)}', message: 'Cannot check out' } });`,
      '  res.json({ ok: true });',
      '});',
      '',
    ]),
  ];
  const text = lines.join('\n');
  const at = (needle: string, within: number): Position => {
    const offset = text.indexOf(needle) + within;
    const before = text.slice(0, offset);
    return { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
  };
  return { path: 'services/checkout/src/routes/checkout.ts', text, literal: at(`'${generatedCode(codes[2])}', message`, 4), constant: at('CheckoutFailure.Reason2,', 'CheckoutFailure.'.length + 2) };
}
