import type { RequestHandler } from 'express'
import { ErrorCode } from '../errors/codes'

/**
 * Fixed windows per client address. It answers by itself instead of throwing: under a flood
 * the error handler and its logging are not worth running.
 */
export function rateLimit(options: { max: number; windowMs: number; now: () => Date }): RequestHandler {
  const windows = new Map<string, { resetAt: number; count: number }>()

  return (req, res, next) => {
    const key = req.ip ?? 'unknown'
    const now = options.now().getTime()
    let window = windows.get(key)
    if (!window || now >= window.resetAt) {
      window = { resetAt: now + options.windowMs, count: 0 }
      windows.set(key, window)
    }
    window.count += 1
    res.set('X-RateLimit-Limit', String(options.max))
    res.set('X-RateLimit-Remaining', String(Math.max(0, options.max - window.count)))
    if (window.count <= options.max) {
      next()
      return
    }

    const retryAfter = Math.ceil((window.resetAt - now) / 1000)
    res
      .status(429)
      .set('Retry-After', String(retryAfter))
      .json({
        errors: [
          {
            message: 'Too many requests, retry later.',
            extensions: { code: ErrorCode.RequestsExceeded, limit: options.max, reset: retryAfter },
          },
        ],
      })
  }
}
