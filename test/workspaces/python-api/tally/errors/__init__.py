from tally.errors.codes import DEFAULT_MESSAGES, ErrorCode
from tally.errors.exceptions import (
    ApiError,
    Conflict,
    Forbidden,
    GatewayTimeout,
    Gone,
    NotFound,
    PaymentRequired,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    Unprocessable,
)

__all__ = [
    "DEFAULT_MESSAGES",
    "ApiError",
    "Conflict",
    "ErrorCode",
    "Forbidden",
    "GatewayTimeout",
    "Gone",
    "NotFound",
    "PaymentRequired",
    "ServiceUnavailable",
    "TooManyRequests",
    "Unauthorized",
    "Unprocessable",
]
