import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { auth, buildTestApp, createCustomer, createInvoice, finalize, type TestContext } from './helpers'

describe('customers', () => {
  let ctx: TestContext

  beforeEach(() => {
    ctx = buildTestApp()
  })

  afterEach(async () => {
    await ctx.app.close()
  })

  it('rejects a second customer with the same email', async () => {
    await createCustomer(ctx.app, 'ap@contoso.example')
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: auth(),
      payload: { email: 'AP@contoso.example', name: 'Contoso', country: 'NL' },
    })

    assert.equal(response.statusCode, 409)
    assert.deepEqual(response.json(), {
      statusCode: '409',
      code: 'ResourceAlreadyExists',
      message: 'The resource already exists',
      resource: 'customers_email_key',
    })
  })

  it('checks the VAT number against the country', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: auth(),
      payload: { email: 'finance@globex.example', name: 'Globex', country: 'FR', vatId: 'DE123456789' },
    })

    assert.equal(response.statusCode, 422)
    assert.equal(response.json().code, 'InvalidTaxId')
  })

  it('refuses countries it does not invoice', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: auth(),
      payload: { email: 'ops@initech.example', name: 'Initech', country: 'US' },
    })

    assert.equal(response.statusCode, 400)
    assert.equal(response.json().code, 'InvalidParameter')
  })

  it('keeps a customer with open invoices', async () => {
    const customerId = await createCustomer(ctx.app)
    await finalize(ctx.app, await createInvoice(ctx.app, customerId))

    const response = await ctx.app.inject({ method: 'DELETE', url: `/v1/customers/${customerId}`, headers: auth() })
    assert.equal(response.statusCode, 409)
    assert.equal(response.json().code, 'CustomerHasOpenInvoices')

    const missing = await ctx.app.inject({ method: 'DELETE', url: '/v1/customers/cus_gone', headers: auth() })
    assert.equal(missing.statusCode, 404)
    assert.equal(missing.json().code, 'NoSuchCustomer')
  })

  it('deletes a customer without open invoices', async () => {
    const customerId = await createCustomer(ctx.app)
    const response = await ctx.app.inject({ method: 'DELETE', url: `/v1/customers/${customerId}`, headers: auth() })

    assert.equal(response.statusCode, 204)
    assert.deepEqual(ctx.events.types(), ['customer.deleted'])
  })
})
