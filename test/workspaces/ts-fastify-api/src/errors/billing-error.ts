import { ErrorCode } from './codes'

export interface BillingErrorOptions {
  code: ErrorCode
  httpStatusCode: number
  message: string
  /** The invoice, customer or payment the error is about. */
  resource?: string
  originalError?: unknown
  /** Seconds, sent as Retry-After. */
  retryAfter?: number
}

/** The body every error response has. `statusCode` is the HTTP status as a string. */
export interface ErrorBody {
  statusCode: string
  code: ErrorCode
  message: string
  resource?: string
}

export interface RenderableError {
  render(): ErrorBody
}

/**
 * The one error the API throws on purpose. Build it through ERRORS so that a code always
 * goes out with the same status.
 */
export class BillingError extends Error implements RenderableError {
  readonly code: ErrorCode
  readonly httpStatusCode: number
  readonly resource?: string
  readonly originalError?: unknown
  readonly retryAfter?: number

  constructor(options: BillingErrorOptions) {
    super(options.message)
    this.name = 'BillingError'
    this.code = options.code
    this.httpStatusCode = options.httpStatusCode
    this.resource = options.resource
    this.originalError = options.originalError
    this.retryAfter = options.retryAfter
    Object.setPrototypeOf(this, BillingError.prototype)
  }

  static fromError(error: unknown): BillingError {
    if (error instanceof BillingError) return error
    return new BillingError({
      code: ErrorCode.InternalError,
      httpStatusCode: 500,
      message: 'Internal server error',
      originalError: error,
    })
  }

  render(): ErrorBody {
    const body: ErrorBody = {
      statusCode: `${this.httpStatusCode}`,
      code: this.code,
      message: this.message,
    }
    if (this.resource) body.resource = this.resource
    return body
  }
}

export function isRenderableError(error: unknown): error is BillingError {
  return error instanceof BillingError
}
