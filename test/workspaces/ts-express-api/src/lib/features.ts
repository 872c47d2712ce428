/**
 * Feature flags, by code. They are switched per deployment and read at start; the codes
 * look like error codes but name features.
 */
export const FEATURE_FLAGS = [
  { code: 'RECURRING_BOOKINGS', enabled: false, description: 'Weekly and daily series' },
  { code: 'CALENDAR_SYNC', enabled: true, description: 'Push bookings to the company calendar' },
  { code: 'OTP_REQUIRED_FOR_ADMINS', enabled: true, description: 'Admins sign in with a second factor' },
  { code: 'WAITLIST', enabled: false, description: 'Queue for a taken slot' },
] as const

export type FeatureCode = (typeof FEATURE_FLAGS)[number]['code']

export function isEnabled(code: FeatureCode, overrides: Partial<Record<FeatureCode, boolean>> = {}): boolean {
  return overrides[code] ?? FEATURE_FLAGS.find((flag) => flag.code === code)?.enabled ?? false
}
