import { BillingError } from './billing-error'
import { ErrorCode } from './codes'

export { BillingError, isRenderableError } from './billing-error'
export type { ErrorBody, RenderableError } from './billing-error'
export { ErrorCode, isErrorCode } from './codes'

/**
 * Every error the API raises on purpose, by name: `throw ERRORS.NoSuchInvoice(id)`. Each
 * factory fixes the code's status and writes its message.
 */
export const ERRORS = {
  NoSuchInvoice: (invoiceId: string, e?: unknown) =>
    new BillingError({
      code: ErrorCode.NoSuchInvoice,
      resource: invoiceId,
      httpStatusCode: 404,
      message: `Invoice ${invoiceId} not found`,
      originalError: e,
    }),
  NoSuchCustomer: (customerId: string) =>
    new BillingError({
      code: ErrorCode.NoSuchCustomer,
      resource: customerId,
      httpStatusCode: 404,
      message: `Customer ${customerId} not found`,
    }),
  NoSuchPayment: (paymentId: string) =>
    new BillingError({
      code: ErrorCode.NoSuchPayment,
      resource: paymentId,
      httpStatusCode: 404,
      message: `Payment ${paymentId} not found`,
    }),
  RouteNotFound: (method: string, url: string) =>
    new BillingError({
      code: ErrorCode.RouteNotFound,
      httpStatusCode: 404,
      message: `Route ${method}:${url} not found`,
    }),
  InvoiceAlreadyFinalized: (invoiceId: string) =>
    new BillingError({
      code: ErrorCode.InvoiceAlreadyFinalized,
      resource: invoiceId,
      httpStatusCode: 409,
      message: `Invoice ${invoiceId} is finalized and can no longer change`,
    }),
  InvoiceAlreadyPaid: (invoiceId: string) =>
    new BillingError({
      code: ErrorCode.InvoiceAlreadyPaid,
      resource: invoiceId,
      httpStatusCode: 409,
      message: `Invoice ${invoiceId} is already paid`,
    }),
  InvoiceVoided: (invoiceId: string) =>
    new BillingError({
      code: ErrorCode.InvoiceVoided,
      resource: invoiceId,
      httpStatusCode: 409,
      message: `Invoice ${invoiceId} was voided`,
    }),
  InvoiceEmpty: (invoiceId: string) =>
    new BillingError({
      code: ErrorCode.InvoiceEmpty,
      resource: invoiceId,
      httpStatusCode: 422,
      message: `Invoice ${invoiceId} has no lines to bill`,
    }),
  CustomerHasOpenInvoices: (customerId: string, openInvoices: number) =>
    new BillingError({
      code: ErrorCode.CustomerHasOpenInvoices,
      resource: customerId,
      httpStatusCode: 409,
      message: `Customer ${customerId} has ${openInvoices} open invoice(s); void or settle them first`,
    }),
  ResourceAlreadyExists: (resource: string, e?: unknown) =>
    new BillingError({
      code: ErrorCode.ResourceAlreadyExists,
      resource,
      httpStatusCode: 409,
      message: `The resource already exists`,
      originalError: e,
    }),
  IdempotencyConflict: (key: string) =>
    new BillingError({
      code: ErrorCode.IdempotencyConflict,
      httpStatusCode: 409,
      message: `Idempotency-Key ${key} was used with a different request body`,
    }),
  InvalidRequest: (message: string, e?: unknown) =>
    new BillingError({
      code: ErrorCode.InvalidRequest,
      httpStatusCode: 400,
      message,
      originalError: e,
    }),
  InvalidParameter: (parameter: string, reason: string) =>
    new BillingError({
      code: ErrorCode.InvalidParameter,
      httpStatusCode: 400,
      message: `Invalid parameter ${parameter}: ${reason}`,
    }),
  MissingParameter: (parameter: string) =>
    new BillingError({
      code: ErrorCode.MissingParameter,
      httpStatusCode: 400,
      message: `Missing required parameter ${parameter}`,
    }),
  InvalidCurrency: (currency: string) =>
    new BillingError({
      code: ErrorCode.InvalidCurrency,
      httpStatusCode: 400,
      message: `Currency ${currency} is not supported`,
    }),
  InvalidTaxId: (taxId: string, country: string) =>
    new BillingError({
      code: ErrorCode.InvalidTaxId,
      httpStatusCode: 422,
      message: `${taxId} is not a valid VAT number for ${country}`,
    }),
  AmountTooLarge: (invoiceId: string, limit: string) =>
    new BillingError({
      code: ErrorCode.AmountTooLarge,
      resource: invoiceId,
      httpStatusCode: 422,
      message: `Invoice total exceeds the limit of ${limit}`,
    }),
  MissingApiKey: () =>
    new BillingError({
      code: ErrorCode.MissingApiKey,
      httpStatusCode: 401,
      message: 'No API key provided; send it as Authorization: Bearer <key>',
    }),
  ApiKeyInvalid: (e?: unknown) =>
    new BillingError({
      code: ErrorCode.ApiKeyInvalid,
      httpStatusCode: 401,
      message: 'Invalid API key',
      originalError: e,
    }),
  AccessDenied: (action: string) =>
    new BillingError({
      code: ErrorCode.AccessDenied,
      httpStatusCode: 403,
      message: `This API key is not allowed to ${action}`,
    }),
  PaymentDeclined: (paymentId: string, reason: string) =>
    new BillingError({
      code: ErrorCode.PaymentDeclined,
      resource: paymentId,
      httpStatusCode: 402,
      message: `The payment was declined: ${reason}`,
    }),
  ProviderUnavailable: (e?: unknown) =>
    new BillingError({
      code: ErrorCode.ProviderUnavailable,
      httpStatusCode: 503,
      message: 'The payment provider is unavailable, try again shortly',
      originalError: e,
      retryAfter: 30,
    }),
  SlowDown: (retryAfter: number) =>
    new BillingError({
      code: ErrorCode.SlowDown,
      httpStatusCode: 429,
      message: 'Too many requests, slow down',
      retryAfter,
    }),
  InvalidMimeType: (contentType: string | undefined) =>
    new BillingError({
      code: ErrorCode.InvalidMimeType,
      httpStatusCode: 415,
      message: `Unsupported Content-Type ${contentType ?? '(none)'}`,
    }),
  EntityTooLarge: (limitBytes: number) =>
    new BillingError({
      code: ErrorCode.EntityTooLarge,
      httpStatusCode: 413,
      message: `The request body is larger than ${limitBytes} bytes`,
    }),
  DatabaseTimeout: (e?: unknown) =>
    new BillingError({
      code: ErrorCode.DatabaseTimeout,
      httpStatusCode: 504,
      message: 'The database did not answer in time',
      originalError: e,
      retryAfter: 5,
    }),
  InternalError: (e?: unknown) =>
    new BillingError({
      code: ErrorCode.InternalError,
      httpStatusCode: 500,
      message: 'Internal server error',
      originalError: e,
    }),
}
