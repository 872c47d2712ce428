from datetime import UTC, date, datetime, timedelta

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.responses import JSONResponse

from tally.auth import ApiKey, require_scope
from tally.errors import ApiError, Conflict, ErrorCode, NotFound, Unprocessable
from tally.errors.handlers import request_id_of
from tally.pdf import render_invoice_pdf
from tally.reference import CURRENCY_CODES
from tally.routers.customers import ensure_active, get_customer_or_404
from tally.schemas import InvoiceIn, InvoiceStatus, LineItemIn, Scope
from tally.store import Invoice, LineItem, Store, get_store, new_id

router = APIRouter(prefix="/v1/invoices", tags=["invoices"])


def get_invoice_or_404(store: Store, invoice_id: str) -> Invoice:
    invoice = store.invoices.get(invoice_id)
    if invoice is None:
        raise NotFound(ErrorCode.INVOICE_NOT_FOUND, f"No invoice has the id {invoice_id}.")
    return invoice


def ensure_draft(invoice: Invoice) -> None:
    """Lines change only while the invoice is a draft; say why not otherwise."""
    if invoice.status == InvoiceStatus.DRAFT:
        return
    if invoice.status == InvoiceStatus.VOID:
        raise Conflict(ErrorCode.INVOICE_VOIDED)
    if invoice.status == InvoiceStatus.PAID:
        raise Conflict(ErrorCode.INVOICE_ALREADY_PAID)
    raise Conflict(
        ErrorCode.INVOICE_ALREADY_FINALIZED,
        f"Invoice {invoice.id} was finalized on {invoice.finalized_at:%Y-%m-%d}.",
    )


@router.post("", status_code=status.HTTP_201_CREATED)
def create_invoice(
    body: InvoiceIn,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.INVOICES_WRITE)),
) -> Invoice:
    customer = get_customer_or_404(store, body.customer_id)
    ensure_active(customer)
    currency = body.currency or customer.currency
    if currency not in CURRENCY_CODES:
        raise Unprocessable(
            ErrorCode.VALIDATION_FAILED, f"'{currency}' is not a supported currency.", field="currency"
        )
    invoice = Invoice(
        id=new_id("inv"),
        customer_id=customer.id,
        currency=currency,
        due_on=date.today() + timedelta(days=body.due_days),
        memo=body.memo,
    )
    store.invoices[invoice.id] = invoice
    return invoice


@router.get("/{invoice_id}")
def get_invoice(
    invoice_id: str,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.INVOICES_READ)),
) -> Invoice:
    return get_invoice_or_404(store, invoice_id)


@router.post("/{invoice_id}/lines", status_code=201)
def add_line(
    invoice_id: str,
    body: LineItemIn,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.INVOICES_WRITE)),
) -> Invoice:
    invoice = get_invoice_or_404(store, invoice_id)
    ensure_draft(invoice)
    if body.currency != invoice.currency:
        raise Unprocessable(
            ErrorCode.INVOICE_CURRENCY_MISMATCH,
            f"The invoice is in {invoice.currency}; the line is in {body.currency}.",
            field="currency",
        )
    invoice.lines.append(LineItem(id=new_id("li"), **body.model_dump()))
    return invoice


@router.delete("/{invoice_id}/lines/{line_id}")
def remove_line(
    invoice_id: str,
    line_id: str,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.INVOICES_WRITE)),
) -> Invoice:
    invoice = get_invoice_or_404(store, invoice_id)
    ensure_draft(invoice)
    line = next((line for line in invoice.lines if line.id == line_id), None)
    if line is None:
        raise NotFound(ErrorCode.LINE_ITEM_NOT_FOUND, f"Invoice {invoice.id} has no line {line_id}.")
    invoice.lines.remove(line)
    return invoice


@router.post("/{invoice_id}/finalize")
def finalize_invoice(
    invoice_id: str,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.INVOICES_WRITE)),
) -> Invoice:
    invoice = get_invoice_or_404(store, invoice_id)
    ensure_draft(invoice)
    if not invoice.lines:
        raise Unprocessable(ErrorCode.INVOICE_EMPTY)
    invoice.status = InvoiceStatus.OPEN
    invoice.finalized_at = datetime.now(UTC)
    return invoice


@router.post("/{invoice_id}/void")
def void_invoice(
    invoice_id: str,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.INVOICES_WRITE)),
) -> Invoice:
    invoice = get_invoice_or_404(store, invoice_id)
    match invoice.status:
        case InvoiceStatus.VOID:
            return invoice
        case InvoiceStatus.PAID:
            raise Conflict(
                ErrorCode.INVOICE_ALREADY_PAID,
                f"Invoice {invoice.id} is paid; refund its payments instead of voiding it.",
            )
        case _ if invoice.amount_paid > 0:
            raise ApiError(
                ErrorCode.INVALID_REQUEST,
                "A partly paid invoice cannot be voided; refund the payments first.",
            )
    invoice.status = InvoiceStatus.VOID
    return invoice


@router.get("/{invoice_id}/pdf", response_model=None)
def download_pdf(
    invoice_id: str,
    request: Request,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.INVOICES_READ)),
) -> Response:
    invoice = get_invoice_or_404(store, invoice_id)
    # The PDF route streams bytes, so it answers its one refusal itself instead of raising.
    if invoice.status == InvoiceStatus.VOID:
        return JSONResponse(
            status_code=status.HTTP_409_CONFLICT,
            content={
                "error": {
                    "code": "invoice_voided",
                    "message": f"Invoice {invoice.id} is void and has no PDF.",
                },
                "request_id": request_id_of(request),
            },
        )
    customer = get_customer_or_404(store, invoice.customer_id)
    pdf = render_invoice_pdf(invoice, language=customer.preferred_language)
    return Response(
        content=pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{invoice.id}.pdf"'},
    )
