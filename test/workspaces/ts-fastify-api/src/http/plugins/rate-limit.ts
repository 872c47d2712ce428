import type { FastifyInstance } from 'fastify'
import { ErrorCode } from '../../errors'

export interface RateLimitOptions {
  /** Requests per key per window. */
  max: number
  windowMs: number
  now?: () => number
}

/**
 * A fixed-window limit per API key (per address for anonymous calls). It answers before the
 * routes and without throwing, so a flood costs one hook and no stack trace.
 */
export function registerRateLimit(app: FastifyInstance, options: RateLimitOptions): void {
  const now = options.now ?? Date.now
  const windows = new Map<string, { start: number; count: number }>()

  app.addHook('onRequest', async (request, reply) => {
    const key = request.headers.authorization ?? request.ip
    const time = now()
    const window = windows.get(key)
    if (!window || time - window.start >= options.windowMs) {
      windows.set(key, { start: time, count: 1 })
      return
    }
    window.count += 1
    if (window.count <= options.max) return

    const retryAfter = Math.max(1, Math.ceil((window.start + options.windowMs - time) / 1000))
    return reply
      .code(429)
      .header('Retry-After', String(retryAfter))
      .send({
        statusCode: '429',
        code: ErrorCode.SlowDown,
        message: `Rate limit of ${options.max} requests exceeded, retry in ${retryAfter}s`,
      })
  })
}
