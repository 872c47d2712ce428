import type { Booking, Room } from '../store'

/** Pushes bookings to the company calendar so rooms show as busy there too. */
export interface CalendarClient {
  createEvent(booking: Booking, room: Room): Promise<string>
  deleteEvent(eventId: string): Promise<void>
}

/** Network failures of the calendar service, by Node's error code. */
const TRANSIENT_NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])

export class CalendarError extends Error {
  constructor(message: string, readonly transient: boolean, options?: ErrorOptions) {
    super(message, options)
    this.name = 'CalendarError'
  }
}

export function isTransient(error: unknown): boolean {
  if (error instanceof CalendarError) return error.transient
  const code = (error as { cause?: { code?: string } } | undefined)?.cause?.code
  return code !== undefined && TRANSIENT_NETWORK_ERRORS.has(code)
}

export class HttpCalendarClient implements CalendarClient {
  constructor(private readonly baseUrl: string, private readonly token: string) {}

  async createEvent(booking: Booking, room: Room): Promise<string> {
    const response = await fetch(`${this.baseUrl}/calendars/${room.id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ summary: booking.title, start: booking.startsAt, end: booking.endsAt }),
    })
    if (response.status >= 500) throw new CalendarError(`calendar answered ${response.status}`, true)
    if (!response.ok) throw new CalendarError(`calendar refused the event: ${response.status}`, false)
    const created = (await response.json()) as { id: string }
    return created.id
  }

  async deleteEvent(eventId: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/events/${eventId}`, { method: 'DELETE', headers: { authorization: `Bearer ${this.token}` } })
    // 410 Gone: someone already removed it in the calendar, which is what we wanted.
    if (!response.ok && response.status !== 404 && response.status !== 410) {
      throw new CalendarError(`calendar answered ${response.status}`, response.status >= 500)
    }
  }
}

/** An iCalendar (RFC 5545) file for one booking, served as text/calendar. */
export function toIcs(booking: Booking, room: Room): string {
  const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//roombook//EN',
    'BEGIN:VEVENT',
    `UID:${booking.id}@roombook`,
    `DTSTART:${stamp(booking.startsAt)}`,
    `DTEND:${stamp(booking.endsAt)}`,
    `SUMMARY:${booking.title}`,
    `LOCATION:${room.name}, floor ${room.floor}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
}
