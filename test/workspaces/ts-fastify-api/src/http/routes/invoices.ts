import { createHash } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { ERRORS } from '../../errors'
import { findCurrency, formatAmount, MAX_INVOICE_TOTAL } from '../../lib/currency'
import type { PdfStore } from '../../lib/pdf-store'
import type { Database, Invoice, InvoiceLine, InvoiceStatus } from '../../storage/db'
import { event, type EventSink } from '../../webhooks/events'

export interface InvoiceRoutesOptions {
  db: Database
  events: EventSink
  pdfs: PdfStore
}

const lineSchema = {
  type: 'object',
  required: ['description', 'quantity', 'unitAmount'],
  additionalProperties: false,
  properties: {
    description: { type: 'string', minLength: 1, maxLength: 500 },
    quantity: { type: 'integer', minimum: 1 },
    unitAmount: { type: 'integer', minimum: 0 },
  },
} as const

const createInvoiceSchema = {
  body: {
    type: 'object',
    required: ['customerId', 'currency'],
    additionalProperties: false,
    properties: {
      customerId: { type: 'string' },
      currency: { type: 'string', minLength: 3, maxLength: 3 },
      lines: { type: 'array', items: lineSchema, maxItems: 250 },
    },
  },
} as const

interface CreateInvoiceBody {
  customerId: string
  currency: string
  lines?: InvoiceLine[]
}

interface InvoiceParams {
  invoiceId: string
}

const STATUSES: InvoiceStatus[] = ['draft', 'open', 'paid', 'void']

/** A draft invoice is the only one that may change. */
function assertDraft(invoice: Invoice): void {
  switch (invoice.status) {
    case 'open':
      throw ERRORS.InvoiceAlreadyFinalized(invoice.id)
    case 'paid':
      throw ERRORS.InvoiceAlreadyPaid(invoice.id)
    case 'void':
      throw ERRORS.InvoiceVoided(invoice.id)
  }
}

const invoiceRoutes: FastifyPluginAsync<InvoiceRoutesOptions> = async (fastify, { db, events, pdfs }) => {
  const loadInvoice = async (invoiceId: string): Promise<Invoice> => {
    const invoice = await db.findInvoice(invoiceId)
    if (!invoice) throw ERRORS.NoSuchInvoice(invoiceId)
    return invoice
  }

  fastify.get<{ Querystring: { customer?: string; status?: string; limit?: string } }>('/invoices', async (request) => {
    const { customer, status, limit = '25' } = request.query
    const pageSize = Number(limit)
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      throw ERRORS.InvalidParameter('limit', 'must be an integer from 1 to 100')
    }
    if (status !== undefined && !STATUSES.includes(status as InvoiceStatus)) {
      throw ERRORS.InvalidParameter('status', `must be one of ${STATUSES.join(', ')}`)
    }
    const invoices = await db.listInvoices({ customerId: customer, status: status as InvoiceStatus | undefined, limit: pageSize })
    return { object: 'list', data: invoices, hasMore: invoices.length === pageSize }
  })

  fastify.post<{ Body: CreateInvoiceBody; Headers: { 'idempotency-key'?: string } }>(
    '/invoices',
    { schema: createInvoiceSchema },
    async (request, reply) => {
      const { customerId, currency, lines = [] } = request.body
      const idempotencyKey = request.headers['idempotency-key']
      const fingerprint = createHash('sha256').update(JSON.stringify(request.body)).digest('hex')

      if (idempotencyKey) {
        const previous = db.idempotencyKey(idempotencyKey)
        if (previous && previous.fingerprint !== fingerprint) throw ERRORS.IdempotencyConflict(idempotencyKey)
        if (previous) return reply.code(200).send(await loadInvoice(previous.invoiceId))
      }

      if (!findCurrency(currency)) throw ERRORS.InvalidCurrency(currency)
      const customer = await db.findCustomer(customerId)
      if (!customer) throw ERRORS.NoSuchCustomer(customerId)

      const invoice = await db.insertInvoice(customer.id, currency.toUpperCase(), lines)
      if (idempotencyKey) db.rememberIdempotencyKey(idempotencyKey, fingerprint, invoice.id)
      events.emit(event('invoice.created', { invoice: invoice.id }))
      return reply.code(201).header('Location', `/v1/invoices/${invoice.id}`).send(invoice)
    },
  )

  fastify.get<{ Params: InvoiceParams }>('/invoices/:invoiceId', async (request) => {
    return loadInvoice(request.params.invoiceId)
  })

  fastify.post<{ Params: InvoiceParams; Body: InvoiceLine }>(
    '/invoices/:invoiceId/lines',
    { schema: { body: lineSchema } },
    async (request, reply) => {
      const invoice = await loadInvoice(request.params.invoiceId)
      assertDraft(invoice)
      invoice.lines.push(request.body)
      return reply.code(201).send(await db.updateInvoice(invoice))
    },
  )

  fastify.post<{ Params: InvoiceParams }>('/invoices/:invoiceId/finalize', async (request) => {
    const invoice = await loadInvoice(request.params.invoiceId)
    assertDraft(invoice)
    if (invoice.lines.length === 0) throw ERRORS.InvoiceEmpty(invoice.id)

    const limit = MAX_INVOICE_TOTAL[invoice.currency as keyof typeof MAX_INVOICE_TOTAL]
    if (limit !== undefined && invoice.total > limit) {
      throw ERRORS.AmountTooLarge(invoice.id, formatAmount(limit, invoice.currency))
    }

    invoice.status = 'open'
    invoice.number = db.nextInvoiceNumber()
    const finalized = await db.updateInvoice(invoice)
    events.emit(event('invoice.finalized', { invoice: invoice.id, number: invoice.number }))
    return finalized
  })

  fastify.post<{ Params: InvoiceParams }>('/invoices/:invoiceId/void', async (request) => {
    const invoice = await loadInvoice(request.params.invoiceId)
    if (invoice.status === 'paid') throw ERRORS.InvoiceAlreadyPaid(invoice.id)
    if (invoice.status === 'void') throw ERRORS.InvoiceVoided(invoice.id)

    invoice.status = 'void'
    events.emit(event('invoice.voided', { invoice: invoice.id }))
    return db.updateInvoice(invoice)
  })

  fastify.get<{ Params: InvoiceParams }>('/invoices/:invoiceId/pdf', async (request, reply) => {
    const invoice = await loadInvoice(request.params.invoiceId)
    if (invoice.status === 'draft') {
      throw ERRORS.InvalidRequest(`Invoice ${invoice.id} is a draft; finalize it to get a PDF`)
    }
    const pdf = await pdfs.get(invoice)
    return reply
      .type('application/pdf')
      .header('Content-Disposition', `inline; filename="${invoice.number ?? invoice.id}.pdf"`)
      .send(pdf)
  })
}

export default invoiceRoutes
