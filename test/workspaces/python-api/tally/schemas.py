"""Request bodies and the states resources move through."""

from enum import StrEnum

from pydantic import BaseModel, Field


class InvoiceStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    PAID = "paid"
    VOID = "void"
    UNCOLLECTIBLE = "uncollectible"


class PaymentStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"


class Scope(StrEnum):
    CUSTOMERS_READ = "customers:read"
    CUSTOMERS_WRITE = "customers:write"
    INVOICES_READ = "invoices:read"
    INVOICES_WRITE = "invoices:write"
    PAYMENTS_WRITE = "payments:write"


class CustomerIn(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    name: str = Field(min_length=1, max_length=200)
    # ISO 639-1, for the language invoices are rendered in.
    preferred_language: str = Field(default="en", min_length=2, max_length=2)
    # ISO 4217, the default currency of new invoices.
    currency: str = Field(default="EUR", min_length=3, max_length=3)
    tax_id: str | None = None


class CustomerPatch(BaseModel):
    email: str | None = None
    name: str | None = None
    preferred_language: str | None = None


class InvoiceIn(BaseModel):
    customer_id: str
    currency: str | None = None
    due_days: int = Field(default=30, ge=0, le=365)
    memo: str | None = Field(default=None, max_length=500)


class LineItemIn(BaseModel):
    description: str = Field(min_length=1, max_length=300)
    quantity: int = Field(gt=0)
    unit_amount: int = Field(ge=0, description="In the currency's minor unit (cents).")
    currency: str = Field(min_length=3, max_length=3)


class PaymentIn(BaseModel):
    invoice_id: str
    amount: int = Field(gt=0)
    payment_method: str = Field(pattern=r"^pm_[A-Za-z0-9]+$")


class RefundIn(BaseModel):
    amount: int | None = Field(default=None, gt=0)
    reason: str | None = None
