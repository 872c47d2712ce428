import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp, type AppOptions } from '../src/app'
import type { ApiKey } from '../src/http/plugins/auth'
import type { ChargeResult, PaymentProvider } from '../src/http/routes/payments'
import { Database } from '../src/storage/db'
import { MemoryEventSink } from '../src/webhooks/events'

export const SECRET_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'
export const READ_ONLY_KEY = 'rk_test_51HqLyjWDarjtT1zdp7dcRead'

export const auth = (key = SECRET_KEY) => ({ authorization: `Bearer ${key}` })

export class FakeProvider implements PaymentProvider {
  next: ChargeResult | Error = { status: 'succeeded', reference: 'ch_1' }

  async charge(): Promise<ChargeResult> {
    if (this.next instanceof Error) throw this.next
    return this.next
  }
}

export interface TestContext {
  app: FastifyInstance
  db: Database
  events: MemoryEventSink
  provider: FakeProvider
}

export function buildTestApp(overrides: Partial<AppOptions> = {}): TestContext {
  const db = new Database()
  const events = new MemoryEventSink()
  const provider = new FakeProvider()
  const apiKeys = new Map<string, ApiKey>([
    [SECRET_KEY, { id: 'key_full', scope: 'full', livemode: false }],
    [READ_ONLY_KEY, { id: 'key_read', scope: 'read_only', livemode: false }],
  ])
  const app = buildApp({
    db,
    events,
    apiKeys,
    provider,
    pdfDirectory: mkdtempSync(join(tmpdir(), 'invoice-pdfs-')),
    ...overrides,
  })
  return { app, db, events, provider }
}

export async function createCustomer(app: FastifyInstance, email = 'billing@northwind.example'): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/customers',
    headers: auth(),
    payload: { email, name: 'Northwind Traders', country: 'DE', vatId: 'DE123456789' },
  })
  if (response.statusCode !== 201) throw new Error(`creating a customer: ${response.statusCode} ${response.body}`)
  return response.json().id
}

export async function createInvoice(app: FastifyInstance, customerId: string, lines = [{ description: 'Consulting', quantity: 3, unitAmount: 12000 }]): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/invoices',
    headers: auth(),
    payload: { customerId, currency: 'EUR', lines },
  })
  if (response.statusCode !== 201) throw new Error(`creating an invoice: ${response.statusCode} ${response.body}`)
  return response.json().id
}

export async function finalize(app: FastifyInstance, invoiceId: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/invoices/${invoiceId}/finalize`, headers: auth() })
}
