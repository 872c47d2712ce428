import type { FastifyPluginAsync } from 'fastify'
import { ERRORS, ErrorCode } from '../../errors'
import type { Database } from '../../storage/db'
import { event, type EventSink } from '../../webhooks/events'

/** What the card processor answers; `declineCode` is the issuer's reason, e.g. 'insufficient_funds'. */
export type ChargeResult = { status: 'succeeded'; reference: string } | { status: 'declined'; declineCode: string }

export interface PaymentProvider {
  charge(input: { amount: number; currency: string; paymentMethod: string; description: string }): Promise<ChargeResult>
}

/** Thrown by the provider's client when its API fails; statusCode is the provider's HTTP status. */
export class ProviderError extends Error {
  constructor(message: string, readonly statusCode: number) {
    super(message)
    this.name = 'ProviderError'
  }
}

export interface PaymentRoutesOptions {
  db: Database
  events: EventSink
  provider: PaymentProvider
}

const DECLINE_MESSAGES: Record<string, string> = {
  insufficient_funds: 'the card has insufficient funds',
  expired_card: 'the card has expired',
  incorrect_cvc: 'the security code is incorrect',
  card_declined: 'the card was declined by the issuer',
}

const paymentRoutes: FastifyPluginAsync<PaymentRoutesOptions> = async (fastify, { db, events, provider }) => {
  fastify.post<{ Params: { invoiceId: string }; Body: { paymentMethod?: string } }>(
    '/invoices/:invoiceId/payments',
    async (request, reply) => {
      const { invoiceId } = request.params
      const paymentMethod = request.body?.paymentMethod
      if (!paymentMethod) throw ERRORS.MissingParameter('paymentMethod')

      const invoice = await db.findInvoice(invoiceId)
      if (!invoice) throw ERRORS.NoSuchInvoice(invoiceId)
      if (invoice.status === 'paid') throw ERRORS.InvoiceAlreadyPaid(invoiceId)
      if (invoice.status === 'void') throw ERRORS.InvoiceVoided(invoiceId)
      if (invoice.status === 'draft') throw ERRORS.InvalidRequest(`Invoice ${invoiceId} must be finalized before it is paid`)

      let result: ChargeResult
      try {
        result = await provider.charge({
          amount: invoice.total,
          currency: invoice.currency,
          paymentMethod,
          description: `Invoice ${invoice.number}`,
        })
      } catch (err) {
        if (err instanceof ProviderError && err.statusCode >= 500) throw ERRORS.ProviderUnavailable(err)
        throw err
      }

      if (result.status === 'declined') {
        const payment = await db.insertPayment({ invoiceId, amount: invoice.total, currency: invoice.currency, status: 'failed', declineCode: result.declineCode })
        events.emit(event('payment.failed', { invoice: invoiceId, payment: payment.id, declineCode: result.declineCode }))
        // Written here rather than thrown: the body names the failed payment so the client can show it.
        return reply.code(402).send({
          statusCode: '402',
          code: ErrorCode.PaymentDeclined,
          message: `The payment was declined: ${DECLINE_MESSAGES[result.declineCode] ?? result.declineCode}`,
          resource: payment.id,
        })
      }

      const payment = await db.insertPayment({ invoiceId, amount: invoice.total, currency: invoice.currency, status: 'succeeded' })
      invoice.status = 'paid'
      await db.updateInvoice(invoice)
      events.emit(event('invoice.paid', { invoice: invoiceId, payment: payment.id }))
      return reply.code(201).send(payment)
    },
  )

  fastify.get<{ Params: { paymentId: string } }>('/payments/:paymentId', async (request) => {
    const payment = await db.findPayment(request.params.paymentId)
    if (!payment) throw ERRORS.NoSuchPayment(request.params.paymentId)
    return payment
  })
}

export default paymentRoutes
