/** ISO 4217 currencies we invoice in; `code` is the currency code, `decimals` its minor unit. */
export const CURRENCIES = [
  { code: 'EUR', decimals: 2, symbol: '€' },
  { code: 'USD', decimals: 2, symbol: '$' },
  { code: 'GBP', decimals: 2, symbol: '£' },
  { code: 'CHF', decimals: 2, symbol: 'CHF' },
  { code: 'JPY', decimals: 0, symbol: '¥' },
] as const

export type CurrencyCode = (typeof CURRENCIES)[number]['code']

export function findCurrency(code: string) {
  return CURRENCIES.find((c) => c.code === code.toUpperCase())
}

/** Amounts are integers in the minor unit; this prints them for PDFs and messages. */
export function formatAmount(amount: number, currencyCode: string): string {
  const currency = findCurrency(currencyCode)
  if (!currency) return `${amount} ${currencyCode}`
  const major = amount / 10 ** currency.decimals
  return `${major.toFixed(currency.decimals)} ${currency.code}`
}

/** The most a single invoice may bill, per currency, in minor units. */
export const MAX_INVOICE_TOTAL: Record<CurrencyCode, number> = {
  EUR: 10_000_000_00,
  USD: 10_000_000_00,
  GBP: 10_000_000_00,
  CHF: 10_000_000_00,
  JPY: 1_500_000_000,
}
