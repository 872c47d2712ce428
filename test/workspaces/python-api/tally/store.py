"""In-memory storage behind the routers; the Postgres repositories have the same methods."""

import secrets
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from tally.schemas import InvoiceStatus, PaymentStatus


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(8)}"


@dataclass
class Customer:
    id: str
    email: str
    name: str
    preferred_language: str = "en"
    currency: str = "EUR"
    tax_id: str | None = None
    archived_at: datetime | None = None


@dataclass
class LineItem:
    id: str
    description: str
    quantity: int
    unit_amount: int
    currency: str

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_amount


@dataclass
class Invoice:
    id: str
    customer_id: str
    currency: str
    due_on: date
    status: InvoiceStatus = InvoiceStatus.DRAFT
    memo: str | None = None
    lines: list[LineItem] = field(default_factory=list)
    amount_paid: int = 0
    finalized_at: datetime | None = None

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def amount_due(self) -> int:
        return self.total - self.amount_paid


@dataclass
class Payment:
    id: str
    invoice_id: str
    amount: int
    status: PaymentStatus
    captured_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    amount_refunded: int = 0
    processor_reference: str | None = None


@dataclass
class Store:
    customers: dict[str, Customer] = field(default_factory=dict)
    invoices: dict[str, Invoice] = field(default_factory=dict)
    payments: dict[str, Payment] = field(default_factory=dict)
    # Idempotency-Key -> (fingerprint of the request body, id of what it created)
    idempotency: dict[str, tuple[str, str]] = field(default_factory=dict)

    def customer_by_email(self, email: str) -> Customer | None:
        wanted = email.casefold()
        return next((c for c in self.customers.values() if c.email.casefold() == wanted), None)

    def open_invoices_of(self, customer_id: str) -> list[Invoice]:
        return [
            invoice
            for invoice in self.invoices.values()
            if invoice.customer_id == customer_id and invoice.status == InvoiceStatus.OPEN
        ]


_store = Store()


def get_store() -> Store:
    return _store
