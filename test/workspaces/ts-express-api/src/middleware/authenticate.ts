import type { RequestHandler } from 'express'
import { AuthErrorCode } from '../auth/codes'
import { verifyToken } from '../auth/tokens'
import type { AppContext } from '../context'
import { ApiError } from '../errors/api-error'
import { ErrorCode } from '../errors/codes'

/** Reads the bearer token; routes behind it always have req.user. */
export function authenticate(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('authorization')
    if (!header?.startsWith('Bearer ')) {
      throw ApiError.unauthorized(AuthErrorCode.InvalidToken, 'Sign in and send the token as Authorization: Bearer <token>')
    }
    const claims = verifyToken(header.slice('Bearer '.length), ctx.tokenSecret, Math.floor(ctx.now().getTime() / 1000))
    const user = ctx.store.users.get(claims.sub)
    if (!user) throw ApiError.unauthorized(AuthErrorCode.InvalidToken, 'The token names an unknown user')
    if (user.suspended) throw ApiError.forbidden(AuthErrorCode.UserSuspended, 'This account is suspended')
    req.user = { id: user.id, role: user.role }
    next()
  }
}

export function requireAdmin(): RequestHandler {
  return (req, _res, next) => {
    if (req.user?.role !== 'admin') {
      next(ApiError.forbidden(ErrorCode.Forbidden, "You don't have permission to access this."))
      return
    }
    next()
  }
}
