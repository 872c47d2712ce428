"""
Middleware runs before routing, outside the exception handlers, so it writes its error bodies
itself, in the same envelope the handlers send.
"""

import os
import secrets
import time
from collections import defaultdict, deque

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from tally.errors import ErrorCode

MAINTENANCE_FLAG = "TALLY_MAINTENANCE"


class RequestIdMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        request.state.request_id = request.headers.get("X-Request-Id") or f"req_{secrets.token_hex(8)}"
        response = await call_next(request)
        response.headers["X-Request-Id"] = request.state.request_id
        return response


class MaintenanceMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if os.environ.get(MAINTENANCE_FLAG) != "1" or request.url.path == "/healthz":
            return await call_next(request)
        return JSONResponse(
            status_code=503,
            content={
                "error": {
                    "code": ErrorCode.MAINTENANCE,
                    "message": "Tally is down for scheduled maintenance.",
                    "retry_after": 300,
                },
                "request_id": request.state.request_id,
            },
            headers={"Retry-After": "300"},
        )


class RateLimitMiddleware(BaseHTTPMiddleware):
    """A sliding window of one minute per API key (per client address without one)."""

    def __init__(self, app, limit: int | None = None) -> None:
        super().__init__(app)
        self.limit = limit or int(os.environ.get("TALLY_RATE_LIMIT", "120"))
        self.windows: dict[str, deque[float]] = defaultdict(deque)

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        client = request.headers.get("Authorization") or (request.client.host if request.client else "-")
        now = time.monotonic()
        window = self.windows[client]
        while window and now - window[0] > 60:
            window.popleft()
        if len(window) >= self.limit:
            retry_after = max(1, int(60 - (now - window[0])))
            return JSONResponse(
                status_code=429,
                content={
                    "error": {
                        "code": ErrorCode.RATE_LIMITED,
                        "message": f"More than {self.limit} requests in a minute.",
                        "retry_after": retry_after,
                    },
                    "request_id": request.state.request_id,
                },
                headers={"Retry-After": str(retry_after)},
            )
        window.append(now)
        response = await call_next(request)
        response.headers["X-RateLimit-Remaining"] = str(self.limit - len(window))
        return response
