from fastapi import APIRouter

from tally.reference import ATTACHMENT_TYPES, CURRENCIES, FEATURE_FLAGS, INVOICE_LANGUAGES

router = APIRouter(prefix="/v1/reference", tags=["reference"])


@router.get("/currencies")
def currencies() -> dict[str, object]:
    return {"data": CURRENCIES}


@router.get("/languages")
def languages() -> dict[str, object]:
    return {"data": INVOICE_LANGUAGES}


@router.get("/attachment-types")
def attachment_types() -> dict[str, object]:
    return {"data": ATTACHMENT_TYPES}


@router.get("/features")
def features() -> dict[str, object]:
    return {"data": [flag for flag in FEATURE_FLAGS if flag["enabled"]]}
