import fastify, { type FastifyInstance } from 'fastify'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setErrorHandler } from './http/error-handler'
import { registerAuth, type ApiKey } from './http/plugins/auth'
import { registerRateLimit } from './http/plugins/rate-limit'
import customerRoutes from './http/routes/customers'
import invoiceRoutes from './http/routes/invoices'
import paymentRoutes, { type PaymentProvider } from './http/routes/payments'
import { PdfStore } from './lib/pdf-store'
import { Database } from './storage/db'
import { MemoryEventSink, type EventSink } from './webhooks/events'

export interface AppOptions {
  db?: Database
  events?: EventSink
  apiKeys: ReadonlyMap<string, ApiKey>
  provider: PaymentProvider
  rateLimit?: { max: number; windowMs: number; now?: () => number }
  pdfDirectory?: string
  bodyLimit?: number
  logger?: boolean
}

export function buildApp(options: AppOptions): FastifyInstance {
  const app = fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 1048576 })
  const db = options.db ?? new Database()
  const events = options.events ?? new MemoryEventSink()
  const pdfs = new PdfStore(options.pdfDirectory ?? join(tmpdir(), 'invoicing-pdfs'))

  setErrorHandler(app)
  if (options.rateLimit) registerRateLimit(app, options.rateLimit)
  registerAuth(app, options.apiKeys)

  app.get('/health', async () => ({ status: 'ok' }))
  app.register(invoiceRoutes, { prefix: '/v1', db, events, pdfs })
  app.register(customerRoutes, { prefix: '/v1', db, events })
  app.register(paymentRoutes, { prefix: '/v1', db, events, provider: options.provider })
  return app
}
