import { Router } from 'express'
import { AuthErrorCode } from '../auth/codes'
import { checkPassword, hashPassword, otpFor, signToken } from '../auth/tokens'
import type { AppContext } from '../context'
import { ApiError } from '../errors/api-error'
import { isEnabled } from '../lib/features'
import { resolveLocale } from '../lib/locales'
import { asBody, requiredString } from './validate'

const TOKEN_TTL_SECONDS = 60 * 60

export function authRouter(ctx: AppContext): Router {
  const router = Router()
  const nowSeconds = () => Math.floor(ctx.now().getTime() / 1000)

  router.post('/register', (req, res) => {
    const body = asBody(req.body)
    const email = requiredString(body, 'email').toLowerCase()
    const name = requiredString(body, 'name')
    const password = requiredString(body, 'password', 128)
    if (ctx.store.userByEmail(email)) {
      throw ApiError.conflict(AuthErrorCode.EmailTaken, `${email} is already registered.`)
    }
    const user = ctx.store.addUser({
      email,
      name,
      role: 'member',
      passwordHash: hashPassword(password),
      suspended: false,
      locale: resolveLocale(req.get('accept-language')),
    })
    res.status(201).json({ data: { id: user.id, email: user.email, name: user.name, locale: user.locale } })
  })

  router.post('/login', (req, res) => {
    const body = asBody(req.body)
    const email = requiredString(body, 'email')
    const password = requiredString(body, 'password', 128)
    const user = ctx.store.userByEmail(email)
    // The same answer for an unknown email and a wrong password, so emails cannot be probed.
    if (!user || !checkPassword(password, user.passwordHash)) {
      throw ApiError.unauthorized(AuthErrorCode.InvalidCredentials, 'Invalid user credentials.')
    }
    if (user.suspended) throw ApiError.forbidden(AuthErrorCode.UserSuspended, 'This account is suspended.')

    const needsOtp = user.otpSecret !== undefined && (user.role !== 'admin' || isEnabled('OTP_REQUIRED_FOR_ADMINS', ctx.features))
    if (needsOtp && body.otp !== otpFor(user.otpSecret!, nowSeconds())) {
      throw ApiError.unauthorized(AuthErrorCode.InvalidOtp, 'The one-time password is missing or wrong.')
    }

    const expires = nowSeconds() + TOKEN_TTL_SECONDS
    res.json({ data: { access_token: signToken({ sub: user.id, role: user.role, exp: expires }, ctx.tokenSecret), expires } })
  })

  // Sign-in with the company's identity provider: it redirects back with ?code=...&state=...
  // (OAuth 2.0). `code` here is the authorization code, and `error` an OAuth error string.
  router.get('/sso/callback', async (req, res) => {
    const { code, state, error } = req.query as Record<string, string | undefined>
    if (error === 'access_denied' || error === 'login_required') {
      res.redirect(303, `/login?sso=${encodeURIComponent(error)}`)
      return
    }
    if (!code || !state) throw ApiError.unauthorized(AuthErrorCode.InvalidToken, 'The sign-in callback is missing code or state.')

    const exchange = await fetch(process.env.SSO_TOKEN_URL ?? 'http://localhost:9000/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: process.env.SSO_REDIRECT_URI ?? '' }),
    })
    const tokenResponse = (await exchange.json()) as { error?: string; id_token?: string }
    if (tokenResponse.error === 'invalid_grant') {
      // The code was used already or expired: start over.
      res.redirect(303, '/login?sso=expired')
      return
    }
    if (!exchange.ok || !tokenResponse.id_token) {
      throw ApiError.unauthorized(AuthErrorCode.InvalidCredentials, 'The identity provider did not accept the sign-in.')
    }
    res.redirect(303, `/app#state=${encodeURIComponent(state)}`)
  })

  return router
}
