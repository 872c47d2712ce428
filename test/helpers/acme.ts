/** A small workspace-style catalog used by the service tests. */
import { catalogFromYaml } from './catalogs';

export const ACME_YAML = `id: acme
title: Acme API
docs: https://docs.acme.test/errors#\${code}
envelope:
  contentType: application/json
  body:
    success: false
    error:
      code: \${code}
      message: \${message}
      field: \${field}
    meta:
      requestId: \${requestId}
  optional: [field]
statuses:
  429:
    reason: Too Many Requests
    meaning: Rate limit error
    description: Acme throttles each key to 100 requests a minute.
    troubleshooting: [Slow down, Read X-RateLimit-Remaining]
    retry: { strategy: retry-after, maxAttempts: 5 }
codes:
  RATE_LIMITED:
    status: 429
    title: Too many requests
    message: Rate limit exceeded
    description: The key sent more requests than its plan allows.
    causes: [A burst of requests, A retry loop without backoff]
    resolution: [Wait for Retry-After seconds, Back off exponentially]
    members: { retryAfter: 42 }
  NOT_FOUND:
    status: 404
    title: Not found
    message: Resource does not exist
  USER_NOT_FOUND:
    status: 404
    title: User not found
  VALIDATION_ERROR:
    status: 422
    title: Validation failed
    members: { field: email }
  AUTH-401:
    status: 401
    title: Authentication failed
  AUTH_001:
    status: 401
    title: Invalid API key
  OLD_LIMIT:
    status: 429
    title: Old rate limit code
    deprecated: Renamed in v2.
    replacedBy: RATE_LIMITED
`;

export const acme = () => catalogFromYaml(ACME_YAML);
