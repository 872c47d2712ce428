"""
Events the card processor posts to us. Each event has a `type` ("charge.succeeded") and is signed
with the shared secret; events we do not act on are acknowledged and dropped.
"""

import hashlib
import hmac
import json
import os
import time

from fastapi import APIRouter, Depends, Header, Request, status
from fastapi.responses import JSONResponse

from tally.errors.handlers import request_id_of
from tally.schemas import PaymentStatus
from tally.store import Store, get_store

router = APIRouter(prefix="/webhooks", tags=["webhooks"])

WEBHOOK_SECRET = os.environ.get("PROCESSOR_WEBHOOK_SECRET", "whsec_dev")
# Signatures older than this are replays.
TOLERANCE_SECONDS = 300

HANDLED_EVENT_TYPES = frozenset({"charge.succeeded", "charge.refunded", "charge.dispute.created"})


def signature_is_valid(payload: bytes, header: str | None) -> bool:
    if not header:
        return False
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    timestamp, signature = parts.get("t"), parts.get("v1")
    if timestamp is None or signature is None or abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    expected = hmac.new(WEBHOOK_SECRET.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256)
    return hmac.compare_digest(expected.hexdigest(), signature)


@router.post("/processor")
async def processor_webhook(
    request: Request,
    processor_signature: str | None = Header(default=None),
    store: Store = Depends(get_store),
) -> JSONResponse:
    payload = await request.body()
    if not signature_is_valid(payload, processor_signature):
        return JSONResponse(
            status_code=status.HTTP_400_BAD_REQUEST,
            content={
                "error": {
                    "code": "webhook_signature_invalid",
                    "message": "The Processor-Signature header does not match the payload.",
                },
                "request_id": request_id_of(request),
            },
        )

    event = json.loads(payload)
    event_type = event.get("type")
    if event_type not in HANDLED_EVENT_TYPES:
        return JSONResponse({"received": True, "handled": False})

    charge = event["data"]["object"]
    payment = next(
        (p for p in store.payments.values() if p.processor_reference == charge["id"]), None
    )
    if payment is not None and event_type == "charge.refunded":
        payment.amount_refunded = charge["amount_refunded"]
        payment.status = (
            PaymentStatus.REFUNDED
            if payment.amount_refunded == payment.amount
            else PaymentStatus.PARTIALLY_REFUNDED
        )
    return JSONResponse({"received": True, "handled": payment is not None})
