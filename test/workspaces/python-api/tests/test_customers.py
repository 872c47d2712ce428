from fastapi import status
from fastapi.testclient import TestClient

from tally.errors import ErrorCode
from tests.conftest import FULL_ACCESS, READ_ONLY, REVOKED


def error_of(response) -> dict[str, object]:
    return response.json()["error"]


def test_unknown_customer_is_404(client: TestClient) -> None:
    response = client.get("/v1/customers/cus_missing", headers=FULL_ACCESS)

    assert response.status_code == 404
    assert error_of(response)["code"] == "customer_not_found"
    assert response.json()["request_id"].startswith("req_")


def test_missing_api_key_is_401_with_challenge(client: TestClient) -> None:
    response = client.get("/v1/customers")

    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthenticated"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_revoked_api_key(client: TestClient) -> None:
    response = client.get("/v1/customers", headers=REVOKED)

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert error_of(response)["code"] == ErrorCode.API_KEY_REVOKED


def test_read_only_key_cannot_create(client: TestClient) -> None:
    response = client.post(
        "/v1/customers", json={"email": "bob@example.com", "name": "Bob"}, headers=READ_ONLY
    )

    assert response.status_code == 403
    assert error_of(response)["code"] == "insufficient_scope"


def test_duplicate_email_is_a_conflict_on_the_email_field(client: TestClient, customer_id: str) -> None:
    response = client.post(
        "/v1/customers", json={"email": "ADA@example.com", "name": "Ada L."}, headers=FULL_ACCESS
    )

    assert response.status_code == 409
    assert error_of(response) == {
        "code": "customer_email_taken",
        "message": "Another customer already uses this email address.",
        "field": "email",
    }


def test_unsupported_language_names_the_field(client: TestClient) -> None:
    response = client.post(
        "/v1/customers",
        json={"email": "eve@example.com", "name": "Eve", "preferred_language": "xx"},
        headers=FULL_ACCESS,
    )

    assert response.status_code == 422
    assert error_of(response)["code"] == "validation_failed"
    assert error_of(response)["field"] == "preferred_language"


def test_idempotency_key_reused_with_another_body(client: TestClient) -> None:
    headers = {**FULL_ACCESS, "Idempotency-Key": "7f1c9a"}
    first = client.post("/v1/customers", json={"email": "a@example.com", "name": "A"}, headers=headers)
    again = client.post("/v1/customers", json={"email": "b@example.com", "name": "B"}, headers=headers)

    assert first.status_code == 201
    assert again.status_code == 409
    assert error_of(again)["code"] == "idempotency_key_reused"


def test_customer_with_open_invoices_cannot_be_archived(
    client: TestClient, customer_id: str, open_invoice_id: str
) -> None:
    response = client.delete(f"/v1/customers/{customer_id}", headers=FULL_ACCESS)

    assert response.status_code == status.HTTP_409_CONFLICT
    assert error_of(response)["code"] == "customer_has_open_invoices"


def test_archived_customer_is_gone(client: TestClient, customer_id: str) -> None:
    assert client.delete(f"/v1/customers/{customer_id}", headers=FULL_ACCESS).status_code == 204

    response = client.patch(f"/v1/customers/{customer_id}", json={"name": "New"}, headers=FULL_ACCESS)

    assert response.status_code == 410
    assert error_of(response)["code"] == "customer_archived"


def test_unknown_route(client: TestClient) -> None:
    response = client.get("/v1/customer", headers=FULL_ACCESS)

    assert response.status_code == 404
    assert error_of(response)["code"] == "route_not_found"
