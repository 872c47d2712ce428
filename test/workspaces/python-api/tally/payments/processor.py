"""
The card processor's HTTP API. Its errors come in its own shape, `{"error": {"error_code":
"card_declined", "message": ...}}`, with its own statuses; the payments router translates them.
"""

import os

import httpx


class ProcessorError(Exception):
    """The processor could not be reached or did not answer in time."""


class ProcessorTimeout(ProcessorError):
    pass


class ProcessorDecline(Exception):
    def __init__(self, error_code: str, message: str) -> None:
        super().__init__(message)
        # The processor's code (card_declined, expired_card...), not one of ours.
        self.error_code = error_code


class ProcessorClient:
    def __init__(self, base_url: str, secret_key: str, timeout: float = 10.0) -> None:
        self.http = httpx.Client(
            base_url=base_url,
            timeout=timeout,
            headers={"Authorization": f"Bearer {secret_key}", "Content-Type": "application/json"},
        )

    def charge(self, *, amount: int, currency: str, payment_method: str, idempotency_key: str) -> str:
        """Captures a charge and returns the processor's reference for it."""
        body = {"amount": amount, "currency": currency.lower(), "payment_method": payment_method}
        response = self._post("/v2/charges", body, idempotency_key)
        return response.json()["id"]

    def refund(self, *, reference: str, amount: int, idempotency_key: str) -> str:
        response = self._post(f"/v2/charges/{reference}/refunds", {"amount": amount}, idempotency_key)
        return response.json()["id"]

    def _post(self, path: str, body: dict[str, object], idempotency_key: str) -> httpx.Response:
        try:
            response = self.http.post(path, json=body, headers={"Idempotency-Key": idempotency_key})
        except httpx.TimeoutException as exc:
            raise ProcessorTimeout(str(exc)) from exc
        except httpx.TransportError as exc:
            raise ProcessorError(str(exc)) from exc

        if response.status_code == 402:
            error = response.json().get("error", {})
            raise ProcessorDecline(error.get("error_code", "card_declined"), error.get("message", ""))
        if response.status_code in (429, 500, 502, 503):
            raise ProcessorError(f"processor answered {response.status_code}")
        response.raise_for_status()
        return response


def default_client() -> ProcessorClient:
    return ProcessorClient(
        base_url=os.environ.get("PROCESSOR_URL", "https://api.processor.example"),
        secret_key=os.environ.get("PROCESSOR_SECRET_KEY", ""),
    )
