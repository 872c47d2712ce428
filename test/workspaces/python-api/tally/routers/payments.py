from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from fastapi import APIRouter, Depends, Header, status

from tally.auth import ApiKey, require_scope
from tally.errors import (
    ApiError,
    Conflict,
    ErrorCode,
    GatewayTimeout,
    NotFound,
    PaymentRequired,
    ServiceUnavailable,
    Unprocessable,
)
from tally.payments import errors as payment_errors
from tally.payments.errors import PROCESSOR_DECLINE_MESSAGES, REFUND_WINDOW_DAYS
from tally.payments.processor import (
    ProcessorClient,
    ProcessorDecline,
    ProcessorError,
    ProcessorTimeout,
    default_client,
)
from tally.routers.invoices import get_invoice_or_404
from tally.schemas import InvoiceStatus, PaymentIn, PaymentStatus, RefundIn, Scope
from tally.store import Payment, Store, get_store, new_id

router = APIRouter(prefix="/v1/payments", tags=["payments"])

T = TypeVar("T")


def get_payment_or_404(store: Store, payment_id: str) -> Payment:
    payment = store.payments.get(payment_id)
    if payment is None:
        raise NotFound(payment_errors.PAYMENT_NOT_FOUND, f"No payment has the id {payment_id}.")
    return payment


def call_processor(operation: str, call: Callable[[], T]) -> T:
    """Runs a processor call and turns its failures into our codes."""
    try:
        return call()
    except ProcessorDecline as decline:
        raise PaymentRequired(
            payment_errors.PAYMENT_DECLINED,
            PROCESSOR_DECLINE_MESSAGES.get(decline.error_code, "The card was declined."),
            decline_code=decline.error_code,
        ) from decline
    except ProcessorTimeout as exc:
        raise GatewayTimeout(
            payment_errors.PROVIDER_TIMEOUT, f"The processor did not answer the {operation} in time."
        ) from exc
    except ProcessorError as exc:
        raise ServiceUnavailable(payment_errors.PROVIDER_UNAVAILABLE, retry_after=10) from exc


@router.post("", status_code=status.HTTP_201_CREATED)
def create_payment(
    body: PaymentIn,
    idempotency_key: str = Header(),
    store: Store = Depends(get_store),
    processor: ProcessorClient = Depends(default_client),
    _: ApiKey = Depends(require_scope(Scope.PAYMENTS_WRITE)),
) -> Payment:
    invoice = get_invoice_or_404(store, body.invoice_id)
    if invoice.status == InvoiceStatus.PAID:
        raise Conflict(ErrorCode.INVOICE_ALREADY_PAID)
    if invoice.status == InvoiceStatus.VOID:
        raise Conflict(ErrorCode.INVOICE_VOIDED)
    if invoice.status == InvoiceStatus.DRAFT:
        raise ApiError(ErrorCode.INVALID_REQUEST, "Finalize the invoice before collecting it.")
    if body.amount > invoice.amount_due:
        raise Unprocessable(
            payment_errors.PAYMENT_EXCEEDS_BALANCE,
            f"The invoice has {invoice.amount_due} left to pay.",
            field="amount",
        )

    reference = call_processor(
        "charge",
        lambda: processor.charge(
            amount=body.amount,
            currency=invoice.currency,
            payment_method=body.payment_method,
            idempotency_key=idempotency_key,
        ),
    )
    payment = Payment(
        id=new_id("pay"),
        invoice_id=invoice.id,
        amount=body.amount,
        status=PaymentStatus.SUCCEEDED,
        processor_reference=reference,
    )
    store.payments[payment.id] = payment
    invoice.amount_paid += payment.amount
    if invoice.amount_due == 0:
        invoice.status = InvoiceStatus.PAID
    return payment


@router.get("/{payment_id}")
def get_payment(
    payment_id: str,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.INVOICES_READ)),
) -> Payment:
    return get_payment_or_404(store, payment_id)


@router.post("/{payment_id}/refunds", status_code=201)
def refund_payment(
    payment_id: str,
    body: RefundIn,
    idempotency_key: str = Header(),
    store: Store = Depends(get_store),
    processor: ProcessorClient = Depends(default_client),
    _: ApiKey = Depends(require_scope(Scope.PAYMENTS_WRITE)),
) -> Payment:
    payment = get_payment_or_404(store, payment_id)
    if datetime.now(UTC) - payment.captured_at > timedelta(days=REFUND_WINDOW_DAYS):
        raise Unprocessable(
            payment_errors.REFUND_WINDOW_EXPIRED,
            f"Payments can be refunded for {REFUND_WINDOW_DAYS} days after capture.",
        )
    refundable = payment.amount - payment.amount_refunded
    amount = body.amount or refundable
    if amount > refundable:
        raise Unprocessable(
            payment_errors.REFUND_EXCEEDS_PAYMENT,
            f"At most {refundable} of this payment can still be refunded.",
            field="amount",
        )

    call_processor(
        "refund",
        lambda: processor.refund(
            reference=payment.processor_reference or payment.id,
            amount=amount,
            idempotency_key=idempotency_key,
        ),
    )
    payment.amount_refunded += amount
    payment.status = (
        PaymentStatus.REFUNDED if payment.amount_refunded == payment.amount else PaymentStatus.PARTIALLY_REFUNDED
    )
    invoice = get_invoice_or_404(store, payment.invoice_id)
    invoice.amount_paid -= amount
    if invoice.status == InvoiceStatus.PAID and invoice.amount_due > 0:
        invoice.status = InvoiceStatus.OPEN
    return payment
