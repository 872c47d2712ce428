"""API keys: `Authorization: Bearer tk_live_...`, each with the scopes it was issued."""

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Depends, Header

from tally.errors import ErrorCode, Forbidden, Unauthorized
from tally.schemas import Scope


@dataclass(frozen=True)
class ApiKey:
    key: str
    account_id: str
    scopes: frozenset[Scope]
    revoked: bool = False


# Loaded from the database at startup; tests replace it.
API_KEYS: dict[str, ApiKey] = {}


def current_key(authorization: str | None = Header(default=None)) -> ApiKey:
    if not authorization or not authorization.startswith("Bearer "):
        raise Unauthorized(ErrorCode.NOT_AUTHENTICATED)
    api_key = API_KEYS.get(authorization.removeprefix("Bearer ").strip())
    if api_key is None:
        raise Unauthorized(ErrorCode.NOT_AUTHENTICATED, "This API key does not exist.")
    if api_key.revoked:
        raise Unauthorized(ErrorCode.API_KEY_REVOKED)
    return api_key


def require_scope(scope: Scope) -> Callable[[ApiKey], ApiKey]:
    def dependency(api_key: ApiKey = Depends(current_key)) -> ApiKey:
        if scope not in api_key.scopes:
            raise Forbidden(ErrorCode.MISSING_SCOPE, f"This endpoint needs the {scope} scope.")
        return api_key

    return dependency
