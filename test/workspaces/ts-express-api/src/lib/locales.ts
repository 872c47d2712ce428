/** Locales the booking emails and ICS summaries are written in; `code` is a BCP 47 tag. */
export const LOCALES = [
  { code: 'en-US', name: 'English (United States)', dateFormat: 'MM/DD/YYYY' },
  { code: 'en-GB', name: 'English (United Kingdom)', dateFormat: 'DD/MM/YYYY' },
  { code: 'de-DE', name: 'Deutsch (Deutschland)', dateFormat: 'DD.MM.YYYY' },
  { code: 'fr-FR', name: 'Français (France)', dateFormat: 'DD/MM/YYYY' },
  { code: 'ja-JP', name: '日本語 (日本)', dateFormat: 'YYYY/MM/DD' },
]

export const DEFAULT_LOCALE = 'en-US'

export function resolveLocale(acceptLanguage: string | undefined): string {
  if (!acceptLanguage) return DEFAULT_LOCALE
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim()
    const match = LOCALES.find((l) => l.code.toLowerCase() === tag?.toLowerCase() || l.code.split('-')[0] === tag)
    if (match) return match.code
  }
  return DEFAULT_LOCALE
}
