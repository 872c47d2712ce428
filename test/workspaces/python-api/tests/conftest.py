from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tally import auth
from tally.main import create_app
from tally.payments.processor import ProcessorDecline, ProcessorError, default_client
from tally.schemas import Scope
from tally.store import Store, get_store

FULL_ACCESS = {"Authorization": "Bearer tk_test_full"}
READ_ONLY = {"Authorization": "Bearer tk_test_read"}
REVOKED = {"Authorization": "Bearer tk_test_revoked"}


class FakeProcessor:
    """Answers like the processor; `fail_with` makes the next call fail."""

    def __init__(self) -> None:
        self.fail_with: Exception | None = None
        self.charges: list[dict[str, object]] = []

    def _maybe_fail(self) -> None:
        if self.fail_with is not None:
            error, self.fail_with = self.fail_with, None
            raise error

    def charge(self, **charge: object) -> str:
        self._maybe_fail()
        self.charges.append(charge)
        return f"ch_{len(self.charges)}"

    def refund(self, **refund: object) -> str:
        self._maybe_fail()
        return "re_1"

    def decline(self, processor_code: str) -> None:
        self.fail_with = ProcessorDecline(processor_code, "declined")

    def go_down(self) -> None:
        self.fail_with = ProcessorError("connection refused")


@pytest.fixture
def store() -> Store:
    return Store()


@pytest.fixture
def processor() -> FakeProcessor:
    return FakeProcessor()


@pytest.fixture
def client(store: Store, processor: FakeProcessor, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setattr(
        auth,
        "API_KEYS",
        {
            "tk_test_full": auth.ApiKey("tk_test_full", "acct_1", frozenset(Scope)),
            "tk_test_read": auth.ApiKey(
                "tk_test_read", "acct_1", frozenset({Scope.CUSTOMERS_READ, Scope.INVOICES_READ})
            ),
            "tk_test_revoked": auth.ApiKey("tk_test_revoked", "acct_1", frozenset(Scope), revoked=True),
        },
    )
    app = create_app()
    app.dependency_overrides[get_store] = lambda: store
    app.dependency_overrides[default_client] = lambda: processor
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def customer_id(client: TestClient) -> str:
    response = client.post(
        "/v1/customers",
        json={"email": "ada@example.com", "name": "Ada Lovelace", "currency": "EUR"},
        headers=FULL_ACCESS,
    )
    assert response.status_code == 201
    return response.json()["id"]


@pytest.fixture
def open_invoice_id(client: TestClient, customer_id: str) -> str:
    invoice = client.post("/v1/invoices", json={"customer_id": customer_id}, headers=FULL_ACCESS).json()
    client.post(
        f"/v1/invoices/{invoice['id']}/lines",
        json={"description": "Consulting", "quantity": 3, "unit_amount": 15000, "currency": "EUR"},
        headers=FULL_ACCESS,
    )
    response = client.post(f"/v1/invoices/{invoice['id']}/finalize", headers=FULL_ACCESS)
    assert response.status_code == 200
    return invoice["id"]
