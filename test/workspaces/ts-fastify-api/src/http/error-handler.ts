import type { FastifyError, FastifyInstance } from 'fastify'
import { ERRORS, ErrorCode, isRenderableError } from '../errors'
import { isQueryTimeout, PG_UNIQUE_VIOLATION, DatabaseError } from '../storage/db'

/**
 * The global error handler: whatever a route throws leaves as `{ statusCode, code, message }`.
 * BillingErrors render themselves; Fastify's own errors (schema validation, content type,
 * body size) and database errors are translated; anything else is a 500 that says nothing
 * about its cause.
 */
export const setErrorHandler = (app: FastifyInstance) => {
  app.setErrorHandler<FastifyError | Error>(function (error, request, reply) {
    if (isQueryTimeout(error)) {
      error = ERRORS.DatabaseTimeout(error)
    } else if (error instanceof DatabaseError && error.code === PG_UNIQUE_VIOLATION) {
      error = ERRORS.ResourceAlreadyExists(error.constraint ?? 'unknown', error)
    }

    if (isRenderableError(error)) {
      if (error.httpStatusCode >= 500) {
        request.log.error({ err: error.originalError ?? error, code: error.code }, 'request failed')
      }
      if (error.retryAfter) reply.header('Retry-After', String(error.retryAfter))
      return reply.status(error.httpStatusCode).send(error.render())
    }

    if ('validation' in error && error.validation) {
      return reply.status(400).send({
        statusCode: '400',
        code: ErrorCode.InvalidRequest,
        message: error.message,
      })
    }

    if ('code' in error) {
      // Fastify's own codes, not ours: translate the ones a client can cause.
      switch (error.code) {
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return reply.status(415).send(ERRORS.InvalidMimeType(request.headers['content-type']).render())
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return reply.status(413).send(ERRORS.EntityTooLarge(app.initialConfig.bodyLimit ?? 1048576).render())
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
          return reply.status(400).send(ERRORS.InvalidRequest('The request body is not valid JSON').render())
      }
    }

    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send({
      statusCode: '500',
      code: ErrorCode.InternalError,
      message: 'Internal server error',
    })
  })

  app.setNotFoundHandler(function (request, reply) {
    return reply.code(404).send(ERRORS.RouteNotFound(request.method, request.url).render())
  })
}
