import type { AuthErrorCode } from '../auth/codes'
import type { ErrorCode } from './codes'

export type AnyErrorCode = ErrorCode | AuthErrorCode

/** Members sent next to `code` in `extensions` (`field`, `limit`, ...). */
export type Extensions = Record<string, string | number | boolean>

/**
 * The error routes throw. The error handler sends it as
 * `{ errors: [{ message, extensions: { code, ...extensions } }] }` with `status`.
 */
export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: AnyErrorCode,
    message: string,
    readonly extensions: Extensions = {},
    options?: ErrorOptions,
  ) {
    super(message, options)
  }

  static badRequest(code: AnyErrorCode, message: string, extensions?: Extensions): ApiError {
    return new ApiError(400, code, message, extensions)
  }

  static unauthorized(code: AnyErrorCode, message: string): ApiError {
    return new ApiError(401, code, message)
  }

  static forbidden(code: AnyErrorCode, message: string, extensions?: Extensions): ApiError {
    return new ApiError(403, code, message, extensions)
  }

  static notFound(code: AnyErrorCode, message: string): ApiError {
    return new ApiError(404, code, message)
  }

  static conflict(code: AnyErrorCode, message: string, extensions?: Extensions): ApiError {
    return new ApiError(409, code, message, extensions)
  }

  static unprocessable(code: AnyErrorCode, message: string, extensions?: Extensions): ApiError {
    return new ApiError(422, code, message, extensions)
  }

  static unavailable(code: AnyErrorCode, message: string, cause?: unknown): ApiError {
    return new ApiError(503, code, message, {}, { cause })
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
