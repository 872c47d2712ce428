"""
Error codes of the payment endpoints.

These were module constants in the payments service before it was folded into this API, and
stayed so: the processor adapter and the routers import them by name.
"""

PAYMENT_NOT_FOUND = "payment_not_found"
PAYMENT_DECLINED = "payment_declined"
PAYMENT_EXCEEDS_BALANCE = "payment_amount_exceeds_balance"
REFUND_WINDOW_EXPIRED = "refund_window_expired"
REFUND_EXCEEDS_PAYMENT = "refund_exceeds_payment"
PROVIDER_UNAVAILABLE = "payment_provider_unavailable"
PROVIDER_TIMEOUT = "payment_provider_timeout"

# Days after capture during which a payment can be refunded.
REFUND_WINDOW_DAYS = 120

# The processor's own decline codes, as its API sends them in `error_code`. They are its
# vocabulary, not ours: they pick the message we send with PAYMENT_DECLINED and are never sent
# as a code themselves.
PROCESSOR_DECLINE_MESSAGES: dict[str, str] = {
    "card_declined": "The card was declined.",
    "insufficient_funds": "The card has insufficient funds.",
    "expired_card": "The card has expired.",
    "incorrect_cvc": "The card's security code is incorrect.",
    "do_not_honor": "The bank declined the payment without a reason.",
    "processing_error": "The card could not be processed; try again.",
}
