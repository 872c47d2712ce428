import assert from 'node:assert/strict'
import { ErrorCode } from '../src/errors/codes'
import { errorCode, startApp } from './helpers'

describe('error responses', () => {
  it('answers unknown routes with ROUTE_NOT_FOUND', async () => {
    const app = await startApp()
    const res = await app.request('GET', '/invoices')
    await app.close()

    assert.equal(res.status, 404)
    assert.deepEqual(res.body, { errors: [{ message: "Route GET /invoices doesn't exist.", extensions: { code: 'ROUTE_NOT_FOUND' } }] })
  })

  it('asks for a token on protected routes', async () => {
    const app = await startApp()
    const res = await app.request('GET', '/bookings')
    await app.close()

    assert.equal(res.status, 401)
    assert.equal(errorCode(res.body), 'INVALID_TOKEN')
  })

  it('rejects bodies that are not JSON', async () => {
    const app = await startApp()
    const wrongType = await app.request('POST', '/auth/login', { body: 'email=ada', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    const broken = await app.request('POST', '/auth/login', { body: '{"email": "ada@' })
    await app.close()

    assert.equal(wrongType.status, 415)
    assert.equal(errorCode(wrongType.body), 'UNSUPPORTED_MEDIA_TYPE')
    assert.equal(broken.status, 400)
    assert.equal(errorCode(broken.body), 'INVALID_PAYLOAD')
  })

  it('hides unexpected failures behind INTERNAL_SERVER_ERROR', async () => {
    const app = await startApp()
    app.ctx.store.overlapping = () => {
      throw new Error('connection terminated unexpectedly')
    }
    const res = await app.request('POST', '/bookings', {
      token: app.tokens.member,
      body: { roomId: 'room_atlas', title: 'Retro', startsAt: '2025-06-03T09:00:00Z', endsAt: '2025-06-03T10:00:00Z' },
    })
    await app.close()

    assert.equal(res.status, 500)
    assert.deepEqual(res.body, { errors: [{ message: 'An unexpected error occurred.', extensions: { code: ErrorCode.Internal } }] })
  })

  it('rate limits with REQUESTS_EXCEEDED and Retry-After', async () => {
    const app = await startApp({ rateLimit: { max: 2, windowMs: 60_000 } })
    await app.request('GET', '/server/ping')
    await app.request('GET', '/server/ping')
    const res = await app.request('GET', '/server/ping')
    await app.close()

    assert.equal(res.status, 429)
    assert.equal(res.headers.get('retry-after'), '60')
    assert.deepEqual(res.body, {
      errors: [{ message: 'Too many requests, retry later.', extensions: { code: 'REQUESTS_EXCEEDED', limit: 2, reset: 60 } }],
    })
  })
})
