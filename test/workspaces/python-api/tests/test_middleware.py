import hashlib
import hmac
import json
import time

import pytest
from fastapi.testclient import TestClient

from tally.main import create_app
from tests.conftest import FULL_ACCESS


def test_rate_limit_sends_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALLY_RATE_LIMIT", "2")
    limited = TestClient(create_app())
    for _ in range(2):
        assert limited.get("/healthz", headers=FULL_ACCESS).status_code == 200

    response = limited.get("/healthz", headers=FULL_ACCESS)

    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert response.json()["error"]["code"] == "rate_limited"
    assert response.json()["error"]["retry_after"] == int(response.headers["Retry-After"])


def test_maintenance_mode(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALLY_MAINTENANCE", "1")

    response = client.get("/v1/customers", headers=FULL_ACCESS)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "300"
    assert response.json()["error"]["code"] == "service_unavailable"
    assert client.get("/healthz").status_code == 200


def test_webhook_with_a_bad_signature(client: TestClient) -> None:
    response = client.post(
        "/webhooks/processor",
        content=json.dumps({"type": "charge.succeeded"}),
        headers={"Processor-Signature": "t=1,v1=deadbeef"},
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "webhook_signature_invalid"


def test_unhandled_event_types_are_acknowledged(client: TestClient) -> None:
    payload = json.dumps({"type": "customer.updated", "data": {"object": {}}}).encode()
    timestamp = str(int(time.time()))
    signature = hmac.new(b"whsec_dev", f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()

    response = client.post(
        "/webhooks/processor",
        content=payload,
        headers={"Processor-Signature": f"t={timestamp},v1={signature}"},
    )

    assert response.status_code == 200
    assert response.json() == {"received": True, "handled": False}
