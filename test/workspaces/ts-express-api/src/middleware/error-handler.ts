import type { ErrorRequestHandler, RequestHandler } from 'express'
import { ErrorCode } from '../errors/codes'
import { isApiError } from '../errors/api-error'

/** The body of every error response. */
export interface ErrorResponseBody {
  errors: { message: string; extensions: { code: string; [key: string]: string | number | boolean } }[]
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({
    errors: [{ message: `Route ${req.method} ${req.path} doesn't exist.`, extensions: { code: ErrorCode.RouteNotFound } }],
  })
}

// Express recognises an error handler by its four parameters, so `_next` stays.
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (isApiError(err)) {
    if (err.status >= 500) console.error(`${req.method} ${req.originalUrl}:`, err.cause ?? err)
    const body: ErrorResponseBody = {
      errors: [{ message: err.message, extensions: { code: err.code, ...err.extensions } }],
    }
    res.status(err.status).json(body)
    return
  }

  // body-parser's errors carry `type` ('entity.parse.failed', 'entity.too.large') and a status.
  const parserError = err as { type?: string; status?: number }
  if (parserError.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: 'Invalid JSON in request body.', extensions: { code: 'INVALID_PAYLOAD' } }] })
    return
  }
  if (parserError.type === 'entity.too.large') {
    res.status(400).json({
      errors: [{ message: 'Request body is too large.', extensions: { code: ErrorCode.InvalidPayload, field: 'body' } }],
    })
    return
  }

  console.error(`${req.method} ${req.originalUrl}:`, err)
  res.status(500).json({
    errors: [{ message: 'An unexpected error occurred.', extensions: { code: ErrorCode.Internal } }],
  })
}
