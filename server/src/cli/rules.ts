/**
 * The rules a check reports under, each with what it finds and the page that explains it
 * (docs/rules.md, one heading per rule).
 */

export const RULES_PAGE = 'https://github.com/error-catalog/error-catalog/blob/main/docs/rules.md';

export interface RuleInfo {
  readonly id: string;
  readonly summary: string;
  /** Where the rule is reported: in source files or in catalog files. */
  readonly scope: 'source' | 'catalog';
}

export const RULES: readonly RuleInfo[] = [
  { id: 'unknown-code', scope: 'source', summary: 'An error code that no catalog in use defines.' },
  { id: 'status-mismatch', scope: 'source', summary: 'A code sent or expected with another HTTP status than its catalog gives it.' },
  { id: 'envelope-shape', scope: 'source', summary: "An error body whose members differ from the catalog's envelope." },
  { id: 'deprecated-code', scope: 'source', summary: 'A code the catalog marks as deprecated, with its replacement.' },
  { id: 'stale-generated-file', scope: 'source', summary: 'A docs page or constants file generated from a catalog that has changed since.' },
  { id: 'catalog-syntax', scope: 'catalog', summary: 'A catalog file that is not valid YAML or JSON.' },
  { id: 'catalog-schema', scope: 'catalog', summary: 'A catalog member that the catalog schema does not allow.' },
  { id: 'catalog-unreadable', scope: 'catalog', summary: 'A catalog file that cannot be read (outside the workspace, not a regular file, too large, no permission).' },
  { id: 'openapi-import', scope: 'catalog', summary: 'An OpenAPI document named as a catalog that cannot be imported (it does not parse, a `$ref` does not resolve, it is not OpenAPI or Swagger).' },
  { id: 'duplicate-code', scope: 'catalog', summary: 'A code defined twice in one catalog.' },
  { id: 'duplicate-key', scope: 'catalog', summary: 'A key set twice in one object of a catalog.' },
  { id: 'unknown-status', scope: 'catalog', summary: 'A status that is not a registered HTTP error status.' },
  { id: 'missing-code-placeholder', scope: 'catalog', summary: 'An envelope body with no `${code}` placeholder.' },
  { id: 'unknown-replacement', scope: 'catalog', summary: '`replacedBy` naming a code the catalog does not define.' },
  { id: 'unused-optional', scope: 'catalog', summary: '`optional` naming a member the envelope body does not have.' },
  { id: 'bad-example-path', scope: 'catalog', summary: "An example's `at` that is not a path in the envelope body." },
  { id: 'unsafe-text', scope: 'catalog', summary: 'Catalog text that could not be shown safely (links other than http(s), raw HTML).' },
  { id: 'status-contradiction', scope: 'catalog', summary: 'A status whose reason contradicts HTTP, or a status given twice with different meanings.' },
  { id: 'unused-code', scope: 'catalog', summary: 'A code no file of the workspace uses (shown in the editor only).' },
  { id: 'duplicate-constant', scope: 'catalog', summary: 'A constant name bound to two codes in the catalog.' },
  { id: 'constant-clash', scope: 'catalog', summary: "A catalog constant that the workspace's own definition contradicts." },
  { id: 'raise-template', scope: 'catalog', summary: 'A `raise` template that cannot produce a statement.' },
];

export function helpUri(rule: string): string {
  return `${RULES_PAGE}#${rule}`;
}
