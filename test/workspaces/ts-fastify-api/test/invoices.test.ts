import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { ErrorCode } from '../src/errors'
import { auth, buildTestApp, createCustomer, createInvoice, finalize, type TestContext } from './helpers'

describe('invoices', () => {
  let ctx: TestContext
  let customerId: string

  beforeEach(async () => {
    ctx = buildTestApp()
    customerId = await createCustomer(ctx.app)
  })

  afterEach(async () => {
    await ctx.app.close()
  })

  it('returns 404 NoSuchInvoice for an unknown invoice', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/v1/invoices/inv_missing', headers: auth() })

    assert.equal(response.statusCode, 404)
    assert.deepEqual(response.json(), {
      statusCode: '404',
      code: 'NoSuchInvoice',
      message: 'Invoice inv_missing not found',
      resource: 'inv_missing',
    })
  })

  it('refuses an invoice for a customer that does not exist', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: auth(),
      payload: { customerId: 'cus_nobody', currency: 'EUR' },
    })

    assert.equal(response.statusCode, 404)
    assert.equal(response.json().code, ErrorCode.NoSuchCustomer)
  })

  it('refuses a currency it does not invoice in', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: auth(),
      payload: { customerId, currency: 'XAU' },
    })

    assert.equal(response.statusCode, 400)
    assert.equal(response.json().code, 'InvalidCurrency')
  })

  it('answers schema violations with InvalidRequest', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/invoices',
      headers: auth(),
      payload: { customerId, currency: 'EUR', lines: [{ description: 'Hours', quantity: 0, unitAmount: 100 }] },
    })

    assert.equal(response.statusCode, 400)
    const body = response.json()
    assert.equal(body.statusCode, '400')
    assert.equal(body.code, 'InvalidRequest')
    assert.match(body.message, /quantity/)
  })

  it('replays an idempotent create and rejects a changed body under the same key', async () => {
    const headers = { ...auth(), 'idempotency-key': 'order-7781' }
    const payload = { customerId, currency: 'EUR' }
    const first = await ctx.app.inject({ method: 'POST', url: '/v1/invoices', headers, payload })
    const replay = await ctx.app.inject({ method: 'POST', url: '/v1/invoices', headers, payload })
    assert.equal(first.statusCode, 201)
    assert.equal(replay.statusCode, 200)
    assert.equal(replay.json().id, first.json().id)

    const changed = await ctx.app.inject({ method: 'POST', url: '/v1/invoices', headers, payload: { ...payload, currency: 'USD' } })
    assert.equal(changed.statusCode, 409)
    assert.equal(changed.json().code, 'IdempotencyKeyInUse')
  })

  it('finalizes once, then refuses changes', async () => {
    const invoiceId = await createInvoice(ctx.app, customerId)
    const finalized = await finalize(ctx.app, invoiceId)
    assert.equal(finalized.statusCode, 200)
    assert.match(finalized.json().number, /^INV-\d{4}-\d+$/)

    const again = await finalize(ctx.app, invoiceId)
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'InvoiceAlreadyFinalized')

    const addLine = await ctx.app.inject({
      method: 'POST',
      url: `/v1/invoices/${invoiceId}/lines`,
      headers: auth(),
      payload: { description: 'Travel', quantity: 1, unitAmount: 4500 },
    })
    assert.equal(addLine.statusCode, 409)
    assert.equal(addLine.json().code, ErrorCode.InvoiceAlreadyFinalized)
    assert.deepEqual(ctx.events.types(), ['invoice.created', 'invoice.finalized'])
  })

  it('does not finalize an invoice without lines', async () => {
    const invoiceId = await createInvoice(ctx.app, customerId, [])
    const response = await finalize(ctx.app, invoiceId)

    assert.equal(response.statusCode, 422)
    assert.equal(response.json().code, 'InvoiceHasNoLines')
  })

  it('does not finalize above the per-invoice limit', async () => {
    const invoiceId = await createInvoice(ctx.app, customerId, [{ description: 'Fleet', quantity: 400, unitAmount: 3_000_000 }])
    const response = await finalize(ctx.app, invoiceId)

    assert.equal(response.statusCode, 422)
    assert.equal(response.json().code, 'AmountTooLarge')
    assert.equal(response.json().message, 'Invoice total exceeds the limit of 10000000.00 EUR')
  })

  it('voids an open invoice once', async () => {
    const invoiceId = await createInvoice(ctx.app, customerId)
    await finalize(ctx.app, invoiceId)

    const voided = await ctx.app.inject({ method: 'POST', url: `/v1/invoices/${invoiceId}/void`, headers: auth() })
    assert.equal(voided.statusCode, 200)
    assert.equal(voided.json().status, 'void')

    const again = await ctx.app.inject({ method: 'POST', url: `/v1/invoices/${invoiceId}/void`, headers: auth() })
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'InvoiceVoided')
  })

  it('serves the PDF of a finalized invoice only', async () => {
    const invoiceId = await createInvoice(ctx.app, customerId)
    const draft = await ctx.app.inject({ method: 'GET', url: `/v1/invoices/${invoiceId}/pdf`, headers: auth() })
    assert.equal(draft.statusCode, 400)
    assert.equal(draft.json().code, 'InvalidRequest')

    await finalize(ctx.app, invoiceId)
    const pdf = await ctx.app.inject({ method: 'GET', url: `/v1/invoices/${invoiceId}/pdf`, headers: auth() })
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.ok(pdf.body.startsWith('%PDF-1.4'))
  })

  it('validates list parameters', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/v1/invoices?limit=500', headers: auth() })

    assert.equal(response.statusCode, 400)
    assert.deepEqual(response.json(), {
      statusCode: '400',
      code: 'InvalidParameter',
      message: 'Invalid parameter limit: must be an integer from 1 to 100',
    })
  })
})
