"""
The exceptions handlers raise to answer with an error.

``ApiError`` carries a code and the status to send it with; one subclass per status keeps the
status next to the raise, where a reviewer sees it:

    raise NotFound(ErrorCode.INVOICE_NOT_FOUND)
    raise Conflict(ErrorCode.INVOICE_ALREADY_PAID, f"Invoice {invoice.id} was paid on {paid_on}.")

The handler in ``tally.errors.handlers`` turns them into the response body.
"""

from collections.abc import Mapping

from fastapi import status

from tally.errors.codes import DEFAULT_MESSAGES


class ApiError(Exception):
    """An error sent to the client: a catalog code, its status, a message and extra members."""

    status_code: int = status.HTTP_400_BAD_REQUEST

    def __init__(
        self,
        code: str,
        message: str | None = None,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
        **members: object,
    ) -> None:
        self.code = str(code)
        self.message = message or DEFAULT_MESSAGES.get(code, "The request failed.")
        self.field = field
        self.headers = dict(headers) if headers else None
        self.members = members
        super().__init__(f"{self.code}: {self.message}")


class Unauthorized(ApiError):
    status_code = status.HTTP_401_UNAUTHORIZED

    def __init__(self, code: str, message: str | None = None) -> None:
        super().__init__(code, message, headers={"WWW-Authenticate": 'Bearer realm="tally"'})


class PaymentRequired(ApiError):
    status_code = status.HTTP_402_PAYMENT_REQUIRED


class Forbidden(ApiError):
    status_code = status.HTTP_403_FORBIDDEN


class NotFound(ApiError):
    status_code = status.HTTP_404_NOT_FOUND


class Conflict(ApiError):
    status_code = status.HTTP_409_CONFLICT


class Gone(ApiError):
    status_code = status.HTTP_410_GONE


class Unprocessable(ApiError):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY


class TooManyRequests(ApiError):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS

    def __init__(self, code: str, retry_after: int, message: str | None = None) -> None:
        super().__init__(
            code, message, headers={"Retry-After": str(retry_after)}, retry_after=retry_after
        )


class ServiceUnavailable(ApiError):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE

    def __init__(self, code: str, message: str | None = None, *, retry_after: int = 30) -> None:
        super().__init__(
            code, message, headers={"Retry-After": str(retry_after)}, retry_after=retry_after
        )


class GatewayTimeout(ApiError):
    status_code = status.HTTP_504_GATEWAY_TIMEOUT
