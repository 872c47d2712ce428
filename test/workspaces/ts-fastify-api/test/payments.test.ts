import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { ErrorCode } from '../src/errors'
import { ProviderError } from '../src/http/routes/payments'
import { auth, buildTestApp, createCustomer, createInvoice, finalize, type TestContext } from './helpers'

describe('payments', () => {
  let ctx: TestContext
  let invoiceId: string

  beforeEach(async () => {
    ctx = buildTestApp()
    invoiceId = await createInvoice(ctx.app, await createCustomer(ctx.app))
    await finalize(ctx.app, invoiceId)
  })

  afterEach(async () => {
    await ctx.app.close()
  })

  const pay = (paymentMethod?: string) =>
    ctx.app.inject({ method: 'POST', url: `/v1/invoices/${invoiceId}/payments`, headers: auth(), payload: paymentMethod ? { paymentMethod } : {} })

  it('pays an open invoice once', async () => {
    const paid = await pay('pm_card_visa')
    assert.equal(paid.statusCode, 201)

    const again = await pay('pm_card_visa')
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'InvoiceAlreadyPaid')
  })

  it('answers 402 with the failed payment when the card is declined', async () => {
    ctx.provider.next = { status: 'declined', declineCode: 'insufficient_funds' }
    const response = await pay('pm_card_chargeDeclinedInsufficientFunds')

    assert.equal(response.statusCode, 402)
    const body = response.json()
    assert.equal(body.statusCode, '402')
    assert.equal(body.code, 'PaymentDeclined')
    assert.equal(body.message, 'The payment was declined: the card has insufficient funds')
    assert.match(body.resource, /^pay_/)
    assert.deepEqual(ctx.events.types().at(-1), 'payment.failed')
  })

  it('answers 503 with Retry-After when the provider is down', async () => {
    ctx.provider.next = new ProviderError('upstream 502', 502)
    const response = await pay('pm_card_visa')

    assert.equal(response.statusCode, 503)
    assert.equal(response.headers['retry-after'], '30')
    assert.equal(response.json().code, ErrorCode.ProviderUnavailable)
  })

  it('requires a payment method', async () => {
    const response = await pay()
    assert.equal(response.statusCode, 400)
    assert.equal(response.json().code, 'MissingParameter')
  })

  it('returns 404 NoSuchPayment for an unknown payment', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/v1/payments/pay_unknown', headers: auth() })
    assert.equal(response.statusCode, 404)
    assert.equal(response.json().code, 'NoSuchPayment')
  })
})
