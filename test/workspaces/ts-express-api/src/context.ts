import type { CalendarClient } from './calendar/client'
import type { FeatureCode } from './lib/features'
import type { Store } from './store'

/** What the routes share: the store, the calendar, the token secret and the clock. */
export interface AppContext {
  store: Store
  calendar: CalendarClient
  tokenSecret: string
  now: () => Date
  features: Partial<Record<FeatureCode, boolean>>
  /** Confirmed upcoming bookings one member may hold at once. */
  maxUpcomingBookings: number
  rateLimit?: { max: number; windowMs: number }
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: { id: string; role: 'member' | 'admin' }
  }
}
