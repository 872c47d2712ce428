import pytest
from fastapi import status
from fastapi.testclient import TestClient

from tally.errors import ErrorCode
from tests.conftest import FULL_ACCESS

LINE = {"description": "Hosting, March", "quantity": 1, "unit_amount": 4900, "currency": "EUR"}


@pytest.fixture
def draft_id(client: TestClient, customer_id: str) -> str:
    response = client.post("/v1/invoices", json={"customer_id": customer_id}, headers=FULL_ACCESS)
    assert response.status_code == 201
    return response.json()["id"]


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/v1/invoices/inv_missing", "invoice_not_found"),
        ("/v1/invoices/inv_missing/pdf", "invoice_not_found"),
        ("/v1/payments/pay_missing", "payment_not_found"),
    ],
)
def test_missing_resources_are_404(client: TestClient, path: str, code: str) -> None:
    response = client.get(path, headers=FULL_ACCESS)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == code


def test_invoice_for_unknown_customer(client: TestClient) -> None:
    response = client.post("/v1/invoices", json={"customer_id": "cus_nobody"}, headers=FULL_ACCESS)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == ErrorCode.CUSTOMER_NOT_FOUND


def test_line_in_another_currency_is_rejected(client: TestClient, draft_id: str) -> None:
    response = client.post(
        f"/v1/invoices/{draft_id}/lines", json={**LINE, "currency": "USD"}, headers=FULL_ACCESS
    )

    assert response.status_code == status.HTTP_422_UNPROCESSABLE_ENTITY
    body = response.json()
    assert body["error"]["code"] == "invoice_currency_mismatch"
    assert body["error"]["field"] == "currency"


def test_empty_invoice_cannot_be_finalized(client: TestClient, draft_id: str) -> None:
    response = client.post(f"/v1/invoices/{draft_id}/finalize", headers=FULL_ACCESS)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invoice_has_no_lines"


def test_finalized_invoice_is_frozen(client: TestClient, open_invoice_id: str) -> None:
    response = client.post(f"/v1/invoices/{open_invoice_id}/lines", json=LINE, headers=FULL_ACCESS)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invoice_already_finalized"


def test_removing_an_unknown_line(client: TestClient, draft_id: str) -> None:
    response = client.delete(f"/v1/invoices/{draft_id}/lines/li_missing", headers=FULL_ACCESS)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "line_item_not_found"


def test_void_invoice_has_no_pdf(client: TestClient, open_invoice_id: str) -> None:
    assert client.post(f"/v1/invoices/{open_invoice_id}/void", headers=FULL_ACCESS).status_code == 200

    response = client.get(f"/v1/invoices/{open_invoice_id}/pdf", headers=FULL_ACCESS)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invoice_voided"


def test_pdf_of_an_open_invoice(client: TestClient, open_invoice_id: str) -> None:
    response = client.get(f"/v1/invoices/{open_invoice_id}/pdf", headers=FULL_ACCESS)

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-1.4")


def test_request_validation_names_the_field(client: TestClient, draft_id: str) -> None:
    response = client.post(
        f"/v1/invoices/{draft_id}/lines", json={**LINE, "quantity": 0}, headers=FULL_ACCESS
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == ErrorCode.VALIDATION_FAILED
    assert response.json()["error"]["field"] == "quantity"
