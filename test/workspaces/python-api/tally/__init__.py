"""Tally: invoices, customers and payments over HTTP."""

__version__ = "2.14.0"
