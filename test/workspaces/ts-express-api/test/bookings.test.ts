import assert from 'node:assert/strict'
import { ErrorCode } from '../src/errors/codes'
import { CalendarError } from '../src/calendar/client'
import { errorCode, startApp, type Harness } from './helpers'

const slot = (overrides: Record<string, unknown> = {}) => ({
  roomId: 'room_atlas',
  title: 'Sprint planning',
  startsAt: '2025-06-03T09:00:00Z',
  endsAt: '2025-06-03T10:00:00Z',
  attendees: 6,
  ...overrides,
})

describe('POST /bookings', () => {
  let app: Harness

  beforeEach(async () => {
    app = await startApp()
  })

  afterEach(async () => {
    await app.close()
  })

  it('books a free room and pushes it to the calendar', async () => {
    const res = await app.request('POST', '/bookings', { token: app.tokens.member, body: slot() })

    assert.equal(res.status, 201)
    assert.equal(res.headers.get('location'), `/bookings/${res.body.data.id}`)
    assert.deepEqual(app.calendar.created, [res.body.data.id])
  })

  it('refuses a slot that is taken', async () => {
    await app.request('POST', '/bookings', { token: app.tokens.member, body: slot() })
    const res = await app.request('POST', '/bookings', { token: app.tokens.other, body: slot({ startsAt: '2025-06-03T09:30:00Z', endsAt: '2025-06-03T11:00:00Z' }) })

    assert.equal(res.status, 409)
    assert.deepEqual(res.body, {
      errors: [{ message: 'Atlas is already booked at that time.', extensions: { code: 'SLOT_ALREADY_BOOKED' } }],
    })
  })

  const refusals: { name: string; body: Record<string, unknown>; status: number; code: string; extensions?: Record<string, unknown> }[] = [
    { name: 'a missing title', body: slot({ title: '' }), status: 400, code: 'INVALID_PAYLOAD', extensions: { field: 'title' } },
    { name: 'an end before the start', body: slot({ endsAt: '2025-06-03T08:00:00Z' }), status: 400, code: 'INVALID_PAYLOAD', extensions: { field: 'endsAt' } },
    { name: 'a start in the past', body: slot({ startsAt: '2025-06-01T09:00:00Z' }), status: 422, code: 'BOOKING_IN_THE_PAST' },
    { name: 'more than four hours', body: slot({ endsAt: '2025-06-03T14:00:00Z' }), status: 422, code: 'BOOKING_EXCEEDS_MAX_DURATION', extensions: { maxHours: 4 } },
    { name: 'more attendees than seats', body: slot({ roomId: 'room_cubby', attendees: 3 }), status: 422, code: 'ROOM_CAPACITY_EXCEEDED', extensions: { capacity: 2 } },
    { name: 'an unknown room', body: slot({ roomId: 'room_nowhere' }), status: 404, code: 'ROOM_NOT_FOUND' },
    { name: 'a closed room', body: slot({ roomId: 'room_loft' }), status: 409, code: 'ROOM_UNAVAILABLE' },
  ]

  for (const refusal of refusals) {
    it(`refuses ${refusal.name}`, async () => {
      const res = await app.request('POST', '/bookings', { token: app.tokens.member, body: refusal.body })

      assert.equal(res.status, refusal.status)
      assert.equal(errorCode(res.body), refusal.code)
      const { code: _code, ...extensions } = res.body.errors[0].extensions
      assert.deepEqual(extensions, refusal.extensions ?? {})
    })
  }

  it('limits how many upcoming bookings a member holds', async () => {
    for (const day of ['03', '04', '05']) {
      const res = await app.request('POST', '/bookings', { token: app.tokens.member, body: slot({ startsAt: `2025-06-${day}T09:00:00Z`, endsAt: `2025-06-${day}T10:00:00Z` }) })
      assert.equal(res.status, 201)
    }
    const res = await app.request('POST', '/bookings', { token: app.tokens.member, body: slot({ startsAt: '2025-06-06T09:00:00Z', endsAt: '2025-06-06T10:00:00Z' }) })

    assert.equal(res.status, 403)
    assert.equal(errorCode(res.body), ErrorCode.QuotaExceeded)
    assert.equal(res.body.errors[0].extensions.limit, 3)
  })

  it('undoes the booking when the calendar is unreachable', async () => {
    app.calendar.failWith = new CalendarError('calendar answered 502', true)
    const res = await app.request('POST', '/bookings', { token: app.tokens.member, body: slot() })

    assert.equal(res.status, 503)
    assert.equal(errorCode(res.body), 'CALENDAR_UNAVAILABLE')
    assert.equal(app.ctx.store.bookings.size, 0)
  })
})

describe('reading and cancelling bookings', () => {
  let app: Harness
  let bookingId: string

  beforeEach(async () => {
    app = await startApp()
    const res = await app.request('POST', '/bookings', { token: app.tokens.member, body: slot() })
    bookingId = res.body.data.id
  })

  afterEach(async () => {
    await app.close()
  })

  it('hides a booking from other members', async () => {
    const res = await app.request('GET', `/bookings/${bookingId}`, { token: app.tokens.other })

    assert.equal(res.status, 403)
    assert.equal(errorCode(res.body), 'FORBIDDEN')
  })

  it('answers 404 for an unknown booking', async () => {
    const res = await app.request('GET', '/bookings/bkg_missing', { token: app.tokens.member })

    assert.equal(res.status, 404)
    assert.deepEqual(res.body, { errors: [{ message: "Booking bkg_missing doesn't exist.", extensions: { code: 'BOOKING_NOT_FOUND' } }] })
  })

  it('exports an ICS file', async () => {
    const res = await app.request('GET', `/bookings/${bookingId}/ics`, { token: app.tokens.member })

    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8')
    assert.match(res.body, /DTSTART:20250603T090000Z/)
  })

  it('cancels once', async () => {
    const first = await app.request('DELETE', `/bookings/${bookingId}`, { token: app.tokens.member })
    assert.equal(first.status, 204)
    assert.deepEqual(app.calendar.deleted, [`evt_${bookingId}`])

    const second = await app.request('DELETE', `/bookings/${bookingId}`, { token: app.tokens.member })
    assert.equal(second.status, 409)
    assert.equal(errorCode(second.body), ErrorCode.BookingAlreadyCancelled)
  })

  it('refuses to cancel within the hour before the start', async () => {
    const soon = await app.request('POST', '/bookings', {
      token: app.tokens.member,
      body: slot({ roomId: 'room_cubby', attendees: 2, startsAt: '2025-06-02T08:30:00Z', endsAt: '2025-06-02T09:00:00Z' }),
    })
    const res = await app.request('DELETE', `/bookings/${soon.body.data.id}`, { token: app.tokens.member })

    assert.equal(res.status, 422)
    assert.equal(errorCode(res.body), 'CANCELLATION_WINDOW_CLOSED')
  })
})
