from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Header, Query, Response, status

from tally.auth import ApiKey, require_scope
from tally.errors import Conflict, ErrorCode, Gone, NotFound, Unprocessable
from tally.reference import CURRENCY_CODES, INVOICE_LANGUAGES
from tally.schemas import CustomerIn, CustomerPatch, Scope
from tally.store import Customer, Store, get_store, new_id

router = APIRouter(prefix="/v1/customers", tags=["customers"])

LANGUAGE_CODES = frozenset(language["code"] for language in INVOICE_LANGUAGES)


def get_customer_or_404(store: Store, customer_id: str) -> Customer:
    customer = store.customers.get(customer_id)
    if customer is None:
        raise NotFound(ErrorCode.CUSTOMER_NOT_FOUND, f"No customer has the id {customer_id}.")
    return customer


def ensure_active(customer: Customer) -> None:
    if customer.archived_at is not None:
        raise Gone(
            ErrorCode.CUSTOMER_ARCHIVED,
            f"Customer {customer.id} was archived on {customer.archived_at:%Y-%m-%d}.",
        )


def check_locale(language: str | None, currency: str | None) -> None:
    if language is not None and language not in LANGUAGE_CODES:
        raise Unprocessable(
            ErrorCode.VALIDATION_FAILED,
            f"Invoices cannot be rendered in '{language}'.",
            field="preferred_language",
        )
    if currency is not None and currency not in CURRENCY_CODES:
        raise Unprocessable(
            ErrorCode.VALIDATION_FAILED, f"'{currency}' is not a supported currency.", field="currency"
        )


@router.get("")
def list_customers(
    email: str | None = Query(default=None),
    limit: int = Query(default=20, ge=1, le=100),
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.CUSTOMERS_READ)),
) -> dict[str, object]:
    customers = [c for c in store.customers.values() if c.archived_at is None]
    if email:
        customers = [c for c in customers if c.email.casefold() == email.casefold()]
    return {"data": customers[:limit], "has_more": len(customers) > limit}


@router.get("/{customer_id}")
def get_customer(
    customer_id: str,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.CUSTOMERS_READ)),
) -> Customer:
    return get_customer_or_404(store, customer_id)


@router.post("", status_code=status.HTTP_201_CREATED)
def create_customer(
    body: CustomerIn,
    idempotency_key: str | None = Header(default=None),
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.CUSTOMERS_WRITE)),
) -> Customer:
    fingerprint = body.model_dump_json()
    if idempotency_key is not None and idempotency_key in store.idempotency:
        seen_fingerprint, customer_id = store.idempotency[idempotency_key]
        if seen_fingerprint != fingerprint:
            raise Conflict(ErrorCode.IDEMPOTENCY_CONFLICT)
        return store.customers[customer_id]

    check_locale(body.preferred_language, body.currency)
    if store.customer_by_email(body.email) is not None:
        raise Conflict(ErrorCode.CUSTOMER_EMAIL_TAKEN, field="email")

    customer = Customer(id=new_id("cus"), **body.model_dump())
    store.customers[customer.id] = customer
    if idempotency_key is not None:
        store.idempotency[idempotency_key] = (fingerprint, customer.id)
    return customer


@router.patch("/{customer_id}")
def update_customer(
    customer_id: str,
    patch: CustomerPatch,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.CUSTOMERS_WRITE)),
) -> Customer:
    customer = get_customer_or_404(store, customer_id)
    ensure_active(customer)
    check_locale(patch.preferred_language, None)
    if patch.email is not None:
        owner = store.customer_by_email(patch.email)
        if owner is not None and owner.id != customer.id:
            raise Conflict(ErrorCode.CUSTOMER_EMAIL_TAKEN, field="email")
        customer.email = patch.email
    if patch.name is not None:
        customer.name = patch.name
    if patch.preferred_language is not None:
        customer.preferred_language = patch.preferred_language
    return customer


@router.delete("/{customer_id}", status_code=204)
def archive_customer(
    customer_id: str,
    store: Store = Depends(get_store),
    _: ApiKey = Depends(require_scope(Scope.CUSTOMERS_WRITE)),
) -> Response:
    customer = get_customer_or_404(store, customer_id)
    if customer.archived_at is not None:
        return Response(status_code=204)
    open_invoices = store.open_invoices_of(customer.id)
    if open_invoices:
        raise Conflict(
            ErrorCode.CUSTOMER_HAS_OPEN_INVOICES,
            f"Customer {customer.id} has {len(open_invoices)} open invoice(s); void or collect them first.",
        )
    customer.archived_at = datetime.now(UTC)
    return Response(status_code=204)
