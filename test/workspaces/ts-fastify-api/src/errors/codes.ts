/**
 * The codes clients see in the `code` member of an error body. The member name is how the
 * code reads in our code; the value is the public contract, so a value never changes even
 * when a member is renamed.
 */
export enum ErrorCode {
  NoSuchInvoice = 'NoSuchInvoice',
  NoSuchCustomer = 'NoSuchCustomer',
  NoSuchPayment = 'NoSuchPayment',
  RouteNotFound = 'NotFound',
  InvoiceAlreadyFinalized = 'InvoiceAlreadyFinalized',
  InvoiceAlreadyPaid = 'InvoiceAlreadyPaid',
  InvoiceVoided = 'InvoiceVoided',
  /** @deprecated sent before 2.0; finalized invoices answer InvoiceAlreadyFinalized. */
  InvoiceLocked = 'InvoiceLocked',
  InvoiceEmpty = 'InvoiceHasNoLines',
  CustomerHasOpenInvoices = 'CustomerHasOpenInvoices',
  ResourceAlreadyExists = 'ResourceAlreadyExists',
  IdempotencyConflict = 'IdempotencyKeyInUse',
  InvalidRequest = 'InvalidRequest',
  InvalidParameter = 'InvalidParameter',
  MissingParameter = 'MissingParameter',
  InvalidCurrency = 'InvalidCurrency',
  InvalidTaxId = 'InvalidTaxId',
  AmountTooLarge = 'AmountTooLarge',
  MissingApiKey = 'MissingApiKey',
  ApiKeyInvalid = 'InvalidApiKey',
  AccessDenied = 'AccessDenied',
  PaymentDeclined = 'PaymentDeclined',
  ProviderUnavailable = 'PaymentProviderUnavailable',
  SlowDown = 'SlowDown',
  InvalidMimeType = 'InvalidMimeType',
  EntityTooLarge = 'EntityTooLarge',
  DatabaseTimeout = 'DatabaseTimeout',
  InternalError = 'InternalError',
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode))

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value)
}
