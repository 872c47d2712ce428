"""
Reference data served to the dashboard: currencies, invoice languages, attachment types and
feature flags. Every `code` here is an ISO code or a flag name, never an error code.
"""

CURRENCIES: list[dict[str, object]] = [
    {"code": "EUR", "name": "Euro", "minor_unit": 2, "symbol": "€"},
    {"code": "USD", "name": "US Dollar", "minor_unit": 2, "symbol": "$"},
    {"code": "GBP", "name": "Pound Sterling", "minor_unit": 2, "symbol": "£"},
    {"code": "CHF", "name": "Swiss Franc", "minor_unit": 2, "symbol": "CHF"},
    {"code": "JPY", "name": "Yen", "minor_unit": 0, "symbol": "¥"},
    {"code": "SEK", "name": "Swedish Krona", "minor_unit": 2, "symbol": "kr"},
]

INVOICE_LANGUAGES: list[dict[str, str]] = [
    {"code": "en", "name": "English"},
    {"code": "fr", "name": "Français"},
    {"code": "de", "name": "Deutsch"},
    {"code": "es", "name": "Español"},
    {"code": "nl", "name": "Nederlands"},
    {"code": "pt-BR", "name": "Português (Brasil)"},
]

# What an invoice attachment may be, by MIME type.
ATTACHMENT_TYPES: list[dict[str, object]] = [
    {"type": "application/pdf", "extension": ".pdf", "max_bytes": 10_000_000},
    {"type": "image/png", "extension": ".png", "max_bytes": 5_000_000},
    {"type": "image/jpeg", "extension": ".jpg", "max_bytes": 5_000_000},
    {"type": "text/csv", "extension": ".csv", "max_bytes": 2_000_000},
]

FEATURE_FLAGS: list[dict[str, object]] = [
    {"code": "pdf_renderer_v2", "enabled": True, "rollout": 100},
    {"code": "dunning_emails", "enabled": True, "rollout": 40},
    {"code": "multi_currency_ledger", "enabled": False, "rollout": 0},
]

CURRENCY_CODES = frozenset(str(currency["code"]) for currency in CURRENCIES)


def minor_unit_of(currency_code: str) -> int:
    return next(int(c["minor_unit"]) for c in CURRENCIES if c["code"] == currency_code)
