import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ErrorCode } from '../src/errors'
import { auth, buildTestApp, READ_ONLY_KEY } from './helpers'

describe('error responses', () => {
  it('requires an API key', async () => {
    const { app } = buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/v1/invoices' })

    assert.equal(response.statusCode, 401)
    assert.equal(response.json().code, 'MissingApiKey')
    await app.close()
  })

  it('rejects an unknown API key', async () => {
    const { app } = buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/v1/invoices', headers: auth('sk_test_revoked') })

    assert.equal(response.statusCode, 401)
    assert.deepEqual(response.json(), { statusCode: '401', code: 'InvalidApiKey', message: 'Invalid API key' })
    await app.close()
  })

  it('keeps read-only keys to reads', async () => {
    const { app } = buildTestApp()
    const response = await app.inject({ method: 'POST', url: '/v1/invoices', headers: auth(READ_ONLY_KEY), payload: {} })

    assert.equal(response.statusCode, 403)
    assert.equal(response.json().code, 'AccessDenied')
    await app.close()
  })

  it('answers unknown routes with NotFound', async () => {
    const { app } = buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/v1/credit-notes', headers: auth() })

    assert.equal(response.statusCode, 404)
    assert.deepEqual(response.json(), { statusCode: '404', code: 'NotFound', message: 'Route GET:/v1/credit-notes not found' })
    await app.close()
  })

  it('translates Fastify content errors', async () => {
    const { app } = buildTestApp({ bodyLimit: 64 })
    const wrongType = await app.inject({ method: 'POST', url: '/v1/invoices', headers: { ...auth(), 'content-type': 'text/csv' }, payload: 'a,b' })
    assert.equal(wrongType.statusCode, 415)
    assert.equal(wrongType.json().code, 'InvalidMimeType')

    const tooLarge = await app.inject({ method: 'POST', url: '/v1/invoices', headers: auth(), payload: { customerId: 'x'.repeat(100), currency: 'EUR' } })
    assert.equal(tooLarge.statusCode, 413)
    assert.equal(tooLarge.json().code, 'EntityTooLarge')

    const broken = await app.inject({ method: 'POST', url: '/v1/invoices', headers: { ...auth(), 'content-type': 'application/json' }, payload: '{"customerId":' })
    assert.equal(broken.statusCode, 400)
    assert.equal(broken.json().code, ErrorCode.InvalidRequest)
    await app.close()
  })

  it('answers a database timeout with 504 and Retry-After', async () => {
    const { app, db } = buildTestApp()
    db.simulateTimeout = true
    const response = await app.inject({ method: 'GET', url: '/v1/invoices', headers: auth() })

    assert.equal(response.statusCode, 504)
    assert.equal(response.headers['retry-after'], '5')
    assert.equal(response.json().code, 'DatabaseTimeout')
    await app.close()
  })

  it('rate limits per key with SlowDown', async () => {
    let now = 1_700_000_000_000
    const { app } = buildTestApp({ rateLimit: { max: 2, windowMs: 60_000, now: () => now } })
    for (let i = 0; i < 2; i++) {
      assert.equal((await app.inject({ method: 'GET', url: '/v1/invoices', headers: auth() })).statusCode, 200)
    }
    now += 15_000
    const limited = await app.inject({ method: 'GET', url: '/v1/invoices', headers: auth() })

    assert.equal(limited.statusCode, 429)
    assert.equal(limited.headers['retry-after'], '45')
    assert.deepEqual(limited.json(), { statusCode: '429', code: 'SlowDown', message: 'Rate limit of 2 requests exceeded, retry in 45s' })
    await app.close()
  })
})
