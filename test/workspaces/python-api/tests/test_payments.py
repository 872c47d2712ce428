from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from tally.payments import errors as payment_errors
from tally.store import Store
from tests.conftest import FULL_ACCESS, FakeProcessor


def pay(client: TestClient, invoice_id: str, amount: int, key: str = "idem-1"):
    return client.post(
        "/v1/payments",
        json={"invoice_id": invoice_id, "amount": amount, "payment_method": "pm_card"},
        headers={**FULL_ACCESS, "Idempotency-Key": key},
    )


def test_paying_more_than_is_due(client: TestClient, open_invoice_id: str) -> None:
    response = pay(client, open_invoice_id, 1_000_000)

    assert response.status_code == 422
    assert response.json()["error"] == {
        "code": "payment_amount_exceeds_balance",
        "message": "The invoice has 45000 left to pay.",
        "field": "amount",
    }


def test_a_declined_card_is_402_with_the_processor_reason(
    client: TestClient, open_invoice_id: str, processor: FakeProcessor
) -> None:
    processor.decline("insufficient_funds")

    response = pay(client, open_invoice_id, 45000)

    assert response.status_code == 402
    error = response.json()["error"]
    assert error["code"] == payment_errors.PAYMENT_DECLINED
    assert error["decline_code"] == "insufficient_funds"
    assert error["message"] == "The card has insufficient funds."


def test_processor_outage_is_503_with_retry_after(
    client: TestClient, open_invoice_id: str, processor: FakeProcessor
) -> None:
    processor.go_down()

    response = pay(client, open_invoice_id, 45000)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "10"
    assert response.json()["error"]["code"] == "payment_provider_unavailable"
    assert response.json()["error"]["retry_after"] == 10


def test_paid_invoice_cannot_be_paid_again(client: TestClient, open_invoice_id: str) -> None:
    assert pay(client, open_invoice_id, 45000).status_code == 201

    response = pay(client, open_invoice_id, 100, key="idem-2")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invoice_already_paid"


def test_refund_after_the_window(client: TestClient, open_invoice_id: str, store: Store) -> None:
    payment = pay(client, open_invoice_id, 45000).json()
    store.payments[payment["id"]].captured_at = datetime.now(UTC) - timedelta(days=121)

    response = client.post(
        f"/v1/payments/{payment['id']}/refunds", json={}, headers={**FULL_ACCESS, "Idempotency-Key": "r1"}
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "refund_window_expired"


def test_refund_larger_than_the_payment(client: TestClient, open_invoice_id: str) -> None:
    payment = pay(client, open_invoice_id, 20000).json()

    response = client.post(
        f"/v1/payments/{payment['id']}/refunds",
        json={"amount": 25000},
        headers={**FULL_ACCESS, "Idempotency-Key": "r2"},
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == payment_errors.REFUND_EXCEEDS_PAYMENT
    assert response.json()["error"]["field"] == "amount"
