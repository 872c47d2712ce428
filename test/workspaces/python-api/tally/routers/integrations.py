"""
The Ledgerbook accounting integration: an OAuth authorization-code flow, then exports of
finalized invoices.
"""

import os
import secrets
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import RedirectResponse

from tally.auth import ApiKey, require_scope
from tally.errors import ApiError, ErrorCode
from tally.routers.invoices import get_invoice_or_404
from tally.schemas import InvoiceStatus, Scope
from tally.store import Store, get_store

router = APIRouter(prefix="/v1/integrations/ledgerbook", tags=["integrations"])

AUTHORIZE_URL = "https://auth.ledgerbook.example/oauth/authorize"
TOKEN_URL = "https://auth.ledgerbook.example/oauth/token"
CLIENT_ID = os.environ.get("LEDGERBOOK_CLIENT_ID", "")
CLIENT_SECRET = os.environ.get("LEDGERBOOK_CLIENT_SECRET", "")
REDIRECT_URI = os.environ.get("LEDGERBOOK_REDIRECT_URI", "http://localhost:8000/v1/integrations/ledgerbook/callback")

# state -> account id, for the few minutes a connection takes
_pending_states: dict[str, str] = {}
_tokens: dict[str, str] = {}


@router.get("/connect")
def connect(api_key: ApiKey = Depends(require_scope(Scope.INVOICES_WRITE))) -> RedirectResponse:
    state = secrets.token_urlsafe(24)
    _pending_states[state] = api_key.account_id
    query = urlencode(
        {"response_type": "code", "client_id": CLIENT_ID, "redirect_uri": REDIRECT_URI, "state": state}
    )
    return RedirectResponse(f"{AUTHORIZE_URL}?{query}")


@router.get("/callback")
def callback(
    state: str,
    code: str | None = Query(default=None, description="The authorization code Ledgerbook sends back."),
    error: str | None = Query(default=None, description="Ledgerbook's OAuth error, e.g. access_denied."),
) -> dict[str, object]:
    account_id = _pending_states.pop(state, None)
    if account_id is None:
        raise ApiError(ErrorCode.INVALID_REQUEST, "This authorization has expired; connect again.")
    if error == "access_denied":
        return {"connected": False, "reason": "The Ledgerbook user declined the connection."}
    if code is None:
        raise ApiError(ErrorCode.INVALID_REQUEST, f"Ledgerbook answered without a code ({error}).")

    response = httpx.post(
        TOKEN_URL,
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT_URI,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        },
        timeout=10.0,
    )
    if response.status_code == 400 and response.json().get("error") == "invalid_grant":
        raise ApiError(ErrorCode.INVALID_REQUEST, "The authorization code was already used.")
    response.raise_for_status()
    _tokens[account_id] = response.json()["access_token"]
    return {"connected": True}


@router.post("/exports/{invoice_id}")
def export_invoice(
    invoice_id: str,
    store: Store = Depends(get_store),
    api_key: ApiKey = Depends(require_scope(Scope.INVOICES_READ)),
) -> dict[str, object]:
    invoice = get_invoice_or_404(store, invoice_id)
    if invoice.status not in (InvoiceStatus.OPEN, InvoiceStatus.PAID):
        raise ApiError(ErrorCode.INVALID_REQUEST, "Only finalized invoices are exported.")
    token = _tokens.get(api_key.account_id)
    if token is None:
        raise ApiError(ErrorCode.INVALID_REQUEST, "Connect Ledgerbook before exporting.")

    response = httpx.post(
        "https://api.ledgerbook.example/v1/journal-entries",
        json={"reference": invoice.id, "currency": invoice.currency, "amount": invoice.total},
        headers={"Authorization": f"Bearer {token}"},
        timeout=15.0,
    )
    if response.status_code >= 400:
        # Written before ApiError existed; the handler keeps a detail that carries a code.
        raise HTTPException(
            status_code=502,
            detail={
                "code": ErrorCode.ACCOUNTING_SYNC_FAILED,
                "message": f"Ledgerbook refused the export ({response.status_code}).",
            },
        )
    return {"exported": True, "journal_entry": response.json()["id"]}
