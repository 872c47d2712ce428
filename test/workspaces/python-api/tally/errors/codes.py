"""
The error codes the API sends in ``error.code``.

A code is part of the public contract: clients switch on it, so a value is never renamed or
reused. Member names are ours and may read differently from the value they carry. Payment codes
live beside the payment integration (``tally.payments.errors``).
"""

from enum import StrEnum


class ErrorCode(StrEnum):
    # Requests
    INVALID_REQUEST = "invalid_request"
    VALIDATION_FAILED = "validation_failed"
    ROUTE_NOT_FOUND = "route_not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    IDEMPOTENCY_CONFLICT = "idempotency_key_reused"

    # Authentication and access
    NOT_AUTHENTICATED = "unauthenticated"
    API_KEY_REVOKED = "api_key_revoked"
    MISSING_SCOPE = "insufficient_scope"

    # Limits and availability
    RATE_LIMITED = "rate_limited"
    MAINTENANCE = "service_unavailable"
    INTERNAL = "internal_error"

    # Customers
    CUSTOMER_NOT_FOUND = "customer_not_found"
    CUSTOMER_EMAIL_TAKEN = "customer_email_taken"
    CUSTOMER_HAS_OPEN_INVOICES = "customer_has_open_invoices"
    CUSTOMER_ARCHIVED = "customer_archived"

    # Invoices
    INVOICE_NOT_FOUND = "invoice_not_found"
    INVOICE_ALREADY_FINALIZED = "invoice_already_finalized"
    INVOICE_ALREADY_PAID = "invoice_already_paid"
    INVOICE_VOIDED = "invoice_voided"
    INVOICE_EMPTY = "invoice_has_no_lines"
    INVOICE_CURRENCY_MISMATCH = "invoice_currency_mismatch"
    LINE_ITEM_NOT_FOUND = "line_item_not_found"

    # Webhooks and integrations
    WEBHOOK_SIGNATURE_INVALID = "webhook_signature_invalid"
    ACCOUNTING_SYNC_FAILED = "accounting_sync_failed"


# What the client reads when the raising code gives no message of its own.
DEFAULT_MESSAGES: dict[str, str] = {
    ErrorCode.INVALID_REQUEST: "The request could not be understood.",
    ErrorCode.VALIDATION_FAILED: "A field of the request is invalid.",
    ErrorCode.ROUTE_NOT_FOUND: "No endpoint answers at this path.",
    ErrorCode.METHOD_NOT_ALLOWED: "This endpoint does not accept that method.",
    ErrorCode.IDEMPOTENCY_CONFLICT: "This Idempotency-Key was already used with another request.",
    ErrorCode.NOT_AUTHENTICATED: "Send a valid API key in the Authorization header.",
    ErrorCode.API_KEY_REVOKED: "This API key has been revoked.",
    ErrorCode.MISSING_SCOPE: "The API key lacks the scope this endpoint needs.",
    ErrorCode.RATE_LIMITED: "Too many requests; retry after the delay in Retry-After.",
    ErrorCode.MAINTENANCE: "Tally is down for maintenance.",
    ErrorCode.INTERNAL: "Something went wrong on our side.",
    ErrorCode.CUSTOMER_NOT_FOUND: "No customer has this id.",
    ErrorCode.CUSTOMER_EMAIL_TAKEN: "Another customer already uses this email address.",
    ErrorCode.CUSTOMER_HAS_OPEN_INVOICES: "The customer still has open invoices.",
    ErrorCode.CUSTOMER_ARCHIVED: "The customer has been archived.",
    ErrorCode.INVOICE_NOT_FOUND: "No invoice has this id.",
    ErrorCode.INVOICE_ALREADY_FINALIZED: "The invoice is finalized and can no longer change.",
    ErrorCode.INVOICE_ALREADY_PAID: "The invoice is already paid.",
    ErrorCode.INVOICE_VOIDED: "The invoice has been voided.",
    ErrorCode.INVOICE_EMPTY: "An invoice needs at least one line before it is finalized.",
    ErrorCode.INVOICE_CURRENCY_MISMATCH: "The line's currency differs from the invoice's.",
    ErrorCode.LINE_ITEM_NOT_FOUND: "The invoice has no line with this id.",
    ErrorCode.WEBHOOK_SIGNATURE_INVALID: "The webhook signature does not match the payload.",
    ErrorCode.ACCOUNTING_SYNC_FAILED: "The accounting system refused the export.",
}
