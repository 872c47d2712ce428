import type { FastifyPluginAsync } from 'fastify'
import { ERRORS } from '../../errors'
import { isValidVatId, taxRegion } from '../../lib/tax'
import type { Database } from '../../storage/db'
import { event, type EventSink } from '../../webhooks/events'

export interface CustomerRoutesOptions {
  db: Database
  events: EventSink
}

interface CreateCustomerBody {
  email: string
  name: string
  country: string
  vatId?: string
}

const createCustomerSchema = {
  body: {
    type: 'object',
    required: ['email', 'name', 'country'],
    additionalProperties: false,
    properties: {
      email: { type: 'string', format: 'email' },
      name: { type: 'string', minLength: 1 },
      country: { type: 'string', pattern: '^[A-Z]{2}$' },
      vatId: { type: 'string' },
    },
  },
} as const

const customerRoutes: FastifyPluginAsync<CustomerRoutesOptions> = async (fastify, { db, events }) => {
  fastify.post<{ Body: CreateCustomerBody }>('/customers', { schema: createCustomerSchema }, async (request, reply) => {
    const { email, name, country, vatId } = request.body
    if (!taxRegion(country)) {
      throw ERRORS.InvalidParameter('country', `we do not invoice customers in ${country}`)
    }
    if (vatId !== undefined && !isValidVatId(vatId, country)) {
      throw ERRORS.InvalidTaxId(vatId, country)
    }
    // A duplicate email surfaces as the database's unique violation, which the error handler
    // turns into ResourceAlreadyExists.
    const customer = await db.insertCustomer({ email: email.toLowerCase(), name, country, vatId })
    return reply.code(201).send(customer)
  })

  fastify.get<{ Params: { customerId: string } }>('/customers/:customerId', async (request) => {
    const customer = await db.findCustomer(request.params.customerId)
    if (!customer) throw ERRORS.NoSuchCustomer(request.params.customerId)
    return customer
  })

  fastify.delete<{ Params: { customerId: string } }>('/customers/:customerId', async (request, reply) => {
    const { customerId } = request.params
    const customer = await db.findCustomer(customerId)
    if (!customer) throw ERRORS.NoSuchCustomer(customerId)

    const open = await db.listInvoices({ customerId, status: 'open', limit: 100 })
    if (open.length > 0) throw ERRORS.CustomerHasOpenInvoices(customerId, open.length)

    await db.deleteCustomer(customerId)
    events.emit(event('customer.deleted', { customer: customerId }))
    return reply.status(204).send()
  })
}

export default customerRoutes
