import assert from 'node:assert/strict'
import { AuthErrorCode } from '../src/auth/codes'
import { signToken } from '../src/auth/tokens'
import { errorCode, NOW, SECRET, startApp, type Harness } from './helpers'

describe('authentication', () => {
  let app: Harness

  beforeEach(async () => {
    app = await startApp()
  })

  afterEach(async () => {
    await app.close()
  })

  it('signs in with the right password', async () => {
    const res = await app.request('POST', '/auth/login', { body: { email: 'ada@example.com', password: 'correct horse' } })

    assert.equal(res.status, 200)
    assert.equal(typeof res.body.data.access_token, 'string')
  })

  it('answers a wrong password like an unknown email', async () => {
    const wrong = await app.request('POST', '/auth/login', { body: { email: 'ada@example.com', password: 'battery staple' } })
    const unknown = await app.request('POST', '/auth/login', { body: { email: 'nobody@example.com', password: 'correct horse' } })

    assert.equal(wrong.status, 401)
    assert.equal(unknown.status, 401)
    assert.deepEqual(wrong.body, unknown.body)
    assert.equal(errorCode(wrong.body), 'INVALID_CREDENTIALS')
  })

  it('asks for the one-time password when the account has one', async () => {
    const ada = app.ctx.store.userByEmail('ada@example.com')!
    ada.otpSecret = 'JBSWY3DPEHPK3PXP'
    const res = await app.request('POST', '/auth/login', { body: { email: 'ada@example.com', password: 'correct horse', otp: '000000' } })

    assert.equal(res.status, 401)
    assert.equal(errorCode(res.body), AuthErrorCode.InvalidOtp)
  })

  it('refuses to register an email twice', async () => {
    const res = await app.request('POST', '/auth/register', { body: { email: 'ADA@example.com', name: 'Ada L.', password: 'analytical engine' } })

    assert.equal(res.status, 409)
    assert.equal(errorCode(res.body), 'EMAIL_ALREADY_REGISTERED')
  })

  it('tells an expired token from a forged one', async () => {
    const expired = signToken({ sub: 'usr_x', role: 'member', exp: Math.floor(NOW.getTime() / 1000) - 1 }, SECRET)
    const forged = signToken({ sub: 'usr_x', role: 'admin', exp: Math.floor(NOW.getTime() / 1000) + 60 }, 'not-the-secret')

    const late = await app.request('GET', '/rooms', { token: expired })
    assert.equal(late.status, 401)
    assert.equal(errorCode(late.body), 'TOKEN_EXPIRED')

    const fake = await app.request('GET', '/rooms', { token: forged })
    assert.equal(fake.status, 401)
    assert.equal(errorCode(fake.body), 'INVALID_TOKEN')
  })

  it('locks out suspended users', async () => {
    const grace = app.ctx.store.userByEmail('grace@example.com')!
    const suspend = await app.request('POST', `/users/${grace.id}/suspend`, { token: app.tokens.admin })
    assert.equal(suspend.status, 204)

    const res = await app.request('GET', '/rooms', { token: app.tokens.other })
    assert.equal(res.status, 403)
    assert.equal(errorCode(res.body), 'USER_SUSPENDED')
  })

  it('sends a refused SSO sign-in back to the login page', async () => {
    const res = await app.request('GET', '/auth/sso/callback?error=access_denied&state=xyz')

    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/login?sso=access_denied')
  })
})
