"""
Exception handlers: every error leaves the API in one envelope,

    {"error": {"code": "...", "message": "...", "field": "..."}, "request_id": "req_..."}

``field`` only when one input is at fault; codes that tell the client when to come back carry
``retry_after`` beside ``code``.
"""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tally.errors.codes import DEFAULT_MESSAGES, ErrorCode
from tally.errors.exceptions import ApiError

log = logging.getLogger(__name__)


def request_id_of(request: Request) -> str:
    return getattr(request.state, "request_id", "req_unknown")


def error_body(
    request: Request, code: str, message: str, *, field: str | None = None, **members: object
) -> dict[str, object]:
    error: dict[str, object] = {"code": str(code), "message": message}
    if field is not None:
        error["field"] = field
    error.update(members)
    return {"error": error, "request_id": request_id_of(request)}


async def api_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    if exc.status_code >= 500:
        log.warning("answering %s with %s: %s", request.url.path, exc.status_code, exc.code)
    return JSONResponse(
        status_code=exc.status_code,
        content=error_body(request, exc.code, exc.message, field=exc.field, **exc.members),
        headers=exc.headers,
    )


async def validation_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    # The location starts with where the value came from ("body", "query"); clients want the name.
    location = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path")]
    return JSONResponse(
        status_code=422,
        content=error_body(
            request,
            ErrorCode.VALIDATION_FAILED,
            first.get("msg", DEFAULT_MESSAGES[ErrorCode.VALIDATION_FAILED]),
            field=".".join(location) or None,
        ),
    )


async def http_exception_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    # Older routers raise HTTPException with the error object as its detail; keep their codes.
    if isinstance(exc.detail, dict) and "code" in exc.detail:
        return JSONResponse(
            status_code=exc.status_code,
            content={"error": exc.detail, "request_id": request_id_of(request)},
            headers=exc.headers,
        )
    match exc.status_code:
        case 404:
            code = ErrorCode.ROUTE_NOT_FOUND
        case 405:
            code = ErrorCode.METHOD_NOT_ALLOWED
        case _:
            code = ErrorCode.INVALID_REQUEST
    return JSONResponse(
        status_code=exc.status_code,
        content=error_body(request, code, DEFAULT_MESSAGES[code]),
        headers=exc.headers,
    )


async def unhandled_error_handler(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        status_code=500,
        content=error_body(request, ErrorCode.INTERNAL, DEFAULT_MESSAGES[ErrorCode.INTERNAL]),
    )


def add_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_exception_handler)
    app.add_exception_handler(Exception, unhandled_error_handler)
