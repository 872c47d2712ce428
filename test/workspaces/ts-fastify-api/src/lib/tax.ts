/**
 * VAT rates by country (ISO 3166-1 alpha-2 `code`) and the shape of each country's VAT
 * number. Reverse charge applies between EU businesses in different countries.
 */
export interface TaxRegion {
  code: string
  name: string
  standardRate: number
  vatIdPattern: RegExp
  eu: boolean
}

export const TAX_REGIONS: TaxRegion[] = [
  { code: 'DE', name: 'Germany', standardRate: 19, vatIdPattern: /^DE\d{9}$/, eu: true },
  { code: 'FR', name: 'France', standardRate: 20, vatIdPattern: /^FR[0-9A-Z]{2}\d{9}$/, eu: true },
  { code: 'NL', name: 'Netherlands', standardRate: 21, vatIdPattern: /^NL\d{9}B\d{2}$/, eu: true },
  { code: 'IE', name: 'Ireland', standardRate: 23, vatIdPattern: /^IE\d[0-9A-Z+*]\d{5}[A-Z]{1,2}$/, eu: true },
  { code: 'GB', name: 'United Kingdom', standardRate: 20, vatIdPattern: /^GB(\d{9}|\d{12})$/, eu: false },
  { code: 'CH', name: 'Switzerland', standardRate: 8.1, vatIdPattern: /^CHE\d{9}(MWST|TVA|IVA)$/, eu: false },
]

export function taxRegion(countryCode: string): TaxRegion | undefined {
  return TAX_REGIONS.find((region) => region.code === countryCode)
}

export function isValidVatId(vatId: string, countryCode: string): boolean {
  const region = taxRegion(countryCode)
  return region !== undefined && region.vatIdPattern.test(vatId.replace(/\s+/g, '').toUpperCase())
}

/** The rate in percent for a sale from `sellerCountry` to a customer. */
export function vatRate(sellerCountry: string, customerCountry: string, customerVatId?: string): number {
  const seller = taxRegion(sellerCountry)
  const buyer = taxRegion(customerCountry)
  if (!seller) return 0
  const reverseCharge = seller.eu && buyer?.eu && customerVatId !== undefined && sellerCountry !== customerCountry
  return reverseCharge ? 0 : seller.standardRate
}
