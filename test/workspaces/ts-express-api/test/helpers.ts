import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createApp } from '../src/app'
import { signToken, hashPassword } from '../src/auth/tokens'
import type { CalendarClient } from '../src/calendar/client'
import type { AppContext } from '../src/context'
import { Store, type Booking, type Room } from '../src/store'

export const NOW = new Date('2025-06-02T08:00:00Z')
export const SECRET = 'test-secret'

export class FakeCalendar implements CalendarClient {
  failWith?: Error
  readonly created: string[] = []
  readonly deleted: string[] = []

  async createEvent(booking: Booking, _room: Room): Promise<string> {
    if (this.failWith) throw this.failWith
    this.created.push(booking.id)
    return `evt_${booking.id}`
  }

  async deleteEvent(eventId: string): Promise<void> {
    this.deleted.push(eventId)
  }
}

export interface Harness {
  ctx: AppContext
  calendar: FakeCalendar
  tokens: { member: string; other: string; admin: string }
  request(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: any }>
  close(): Promise<void>
}

export async function startApp(overrides: Partial<AppContext> = {}): Promise<Harness> {
  const store = new Store()
  store.addRoom({ id: 'room_atlas', name: 'Atlas', floor: 3, capacity: 8, equipment: [{ type: 'display' }] })
  store.addRoom({ id: 'room_cubby', name: 'Cubby', floor: 2, capacity: 2, equipment: [] })
  store.addRoom({ id: 'room_loft', name: 'Loft', floor: 5, capacity: 20, equipment: [{ type: 'projector' }], closedUntil: '2025-07-01T00:00:00Z' })
  const passwordHash = hashPassword('correct horse')
  const member = store.addUser({ email: 'ada@example.com', name: 'Ada', role: 'member', passwordHash, suspended: false, locale: 'en-GB' })
  const other = store.addUser({ email: 'grace@example.com', name: 'Grace', role: 'member', passwordHash, suspended: false, locale: 'en-US' })
  const admin = store.addUser({ email: 'root@example.com', name: 'Root', role: 'admin', passwordHash, suspended: false, locale: 'de-DE' })

  const calendar = new FakeCalendar()
  const ctx: AppContext = {
    store,
    calendar,
    tokenSecret: SECRET,
    now: () => NOW,
    features: { CALENDAR_SYNC: true },
    maxUpcomingBookings: 3,
    ...overrides,
  }
  const server: Server = createApp(ctx).listen(0)
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const exp = Math.floor(NOW.getTime() / 1000) + 3600
  const token = (sub: string, role: 'member' | 'admin') => signToken({ sub, role, exp }, SECRET)

  return {
    ctx,
    calendar,
    tokens: { member: token(member.id, 'member'), other: token(other.id, 'member'), admin: token(admin.id, 'admin') },
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers }
      if (options.token) headers.authorization = `Bearer ${options.token}`
      let body: string | undefined
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
        headers['content-type'] ??= 'application/json'
      }
      const response = await fetch(baseUrl + path, { method, headers, body, redirect: 'manual' })
      const text = await response.text()
      const isJson = response.headers.get('content-type')?.includes('application/json')
      return { status: response.status, headers: response.headers, body: isJson && text ? JSON.parse(text) : text }
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  }
}

/** The code of the first error in a response body. */
export function errorCode(body: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return body.errors?.[0]?.extensions?.code
}
