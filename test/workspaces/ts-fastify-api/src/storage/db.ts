import { randomUUID } from 'node:crypto'

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void'

export interface InvoiceLine {
  description: string
  quantity: number
  unitAmount: number
}

export interface Invoice {
  id: string
  customerId: string
  currency: string
  status: InvoiceStatus
  lines: InvoiceLine[]
  total: number
  number?: string
  createdAt: string
}

export interface Customer {
  id: string
  email: string
  name: string
  country: string
  vatId?: string
}

export interface Payment {
  id: string
  invoiceId: string
  amount: number
  currency: string
  status: 'succeeded' | 'failed'
  declineCode?: string
}

/**
 * A database error as the Postgres driver reports it: `code` is the SQLSTATE
 * ('23505' unique_violation, '57014' query_canceled by statement_timeout).
 */
export class DatabaseError extends Error {
  constructor(message: string, readonly code: string, readonly constraint?: string) {
    super(message)
    this.name = 'DatabaseError'
  }
}

export const PG_UNIQUE_VIOLATION = '23505'
export const PG_QUERY_CANCELED = '57014'

export function isQueryTimeout(error: unknown): error is DatabaseError {
  return error instanceof DatabaseError && error.code === PG_QUERY_CANCELED
}

function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 14)}`
}

/** The tables the API reads and writes, kept in memory. */
export class Database {
  private readonly invoices = new Map<string, Invoice>()
  private readonly customers = new Map<string, Customer>()
  private readonly payments = new Map<string, Payment>()
  private readonly idempotency = new Map<string, { fingerprint: string; invoiceId: string }>()
  private invoiceCounter = 1000
  /** Set by tests to make every query time out. */
  simulateTimeout = false

  private check(): void {
    if (this.simulateTimeout) throw new DatabaseError('canceling statement due to statement timeout', PG_QUERY_CANCELED)
  }

  async insertCustomer(input: Omit<Customer, 'id'>): Promise<Customer> {
    this.check()
    for (const existing of this.customers.values()) {
      if (existing.email === input.email) {
        throw new DatabaseError('duplicate key value violates unique constraint', PG_UNIQUE_VIOLATION, 'customers_email_key')
      }
    }
    const customer = { id: newId('cus'), ...input }
    this.customers.set(customer.id, customer)
    return customer
  }

  async findCustomer(id: string): Promise<Customer | undefined> {
    this.check()
    return this.customers.get(id)
  }

  async deleteCustomer(id: string): Promise<void> {
    this.check()
    this.customers.delete(id)
  }

  async insertInvoice(customerId: string, currency: string, lines: InvoiceLine[]): Promise<Invoice> {
    this.check()
    const invoice: Invoice = {
      id: newId('inv'),
      customerId,
      currency,
      status: 'draft',
      lines,
      total: lines.reduce((sum, line) => sum + line.quantity * line.unitAmount, 0),
      createdAt: new Date().toISOString(),
    }
    this.invoices.set(invoice.id, invoice)
    return invoice
  }

  async findInvoice(id: string): Promise<Invoice | undefined> {
    this.check()
    return this.invoices.get(id)
  }

  async listInvoices(filter: { customerId?: string; status?: InvoiceStatus; limit: number }): Promise<Invoice[]> {
    this.check()
    return [...this.invoices.values()]
      .filter((i) => (!filter.customerId || i.customerId === filter.customerId) && (!filter.status || i.status === filter.status))
      .slice(0, filter.limit)
  }

  async updateInvoice(invoice: Invoice): Promise<Invoice> {
    this.check()
    invoice.total = invoice.lines.reduce((sum, line) => sum + line.quantity * line.unitAmount, 0)
    this.invoices.set(invoice.id, invoice)
    return invoice
  }

  nextInvoiceNumber(): string {
    this.invoiceCounter += 1
    return `INV-${new Date().getUTCFullYear()}-${this.invoiceCounter}`
  }

  async insertPayment(payment: Omit<Payment, 'id'>): Promise<Payment> {
    this.check()
    const stored = { id: newId('pay'), ...payment }
    this.payments.set(stored.id, stored)
    return stored
  }

  async findPayment(id: string): Promise<Payment | undefined> {
    this.check()
    return this.payments.get(id)
  }

  rememberIdempotencyKey(key: string, fingerprint: string, invoiceId: string): void {
    this.idempotency.set(key, { fingerprint, invoiceId })
  }

  idempotencyKey(key: string): { fingerprint: string; invoiceId: string } | undefined {
    return this.idempotency.get(key)
  }
}
