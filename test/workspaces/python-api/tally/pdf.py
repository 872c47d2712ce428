"""A deliberately plain PDF writer: one page, the invoice's lines as text."""

from tally.reference import minor_unit_of
from tally.store import Invoice

LABELS = {
    "en": ("Invoice", "Total"),
    "fr": ("Facture", "Total"),
    "de": ("Rechnung", "Summe"),
    "es": ("Factura", "Total"),
    "nl": ("Factuur", "Totaal"),
}


def format_amount(amount: int, currency: str) -> str:
    digits = minor_unit_of(currency)
    return f"{amount / 10**digits:.{digits}f} {currency}"


def render_invoice_pdf(invoice: Invoice, language: str = "en") -> bytes:
    title, total_label = LABELS.get(language, LABELS["en"])
    lines = [f"{title} {invoice.id}"]
    lines += [
        f"{line.quantity} x {line.description}: {format_amount(line.amount, invoice.currency)}"
        for line in invoice.lines
    ]
    lines.append(f"{total_label}: {format_amount(invoice.total, invoice.currency)}")
    text = "\\n".join(line.replace("(", "\\(").replace(")", "\\)") for line in lines)
    stream = f"BT /F1 11 Tf 72 770 Td 14 TL ({text}) Tj ET".encode()
    return b"%PDF-1.4\n" + stream + b"\n%%EOF\n"
