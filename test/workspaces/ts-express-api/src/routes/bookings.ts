import { Router, type Request } from 'express'
import { isTransient, toIcs } from '../calendar/client'
import type { AppContext } from '../context'
import { ApiError } from '../errors/api-error'
import { ErrorCode } from '../errors/codes'
import { isEnabled } from '../lib/features'
import type { Booking } from '../store'
import { asBody, positiveInteger, requiredDate, requiredString } from './validate'

const MAX_DURATION_HOURS = 4
/** Cancelling later than this before the start leaves the room empty for nothing. */
const CANCELLATION_NOTICE_MS = 60 * 60 * 1000

export function bookingsRouter(ctx: AppContext): Router {
  const router = Router()

  /** The booking, if the caller may see it: its owner or an admin. */
  const findBooking = (req: Request<{ bookingId: string }>): Booking => {
    const booking = ctx.store.bookings.get(req.params.bookingId)
    if (!booking) throw ApiError.notFound(ErrorCode.BookingNotFound, `Booking ${req.params.bookingId} doesn't exist.`)
    if (booking.userId !== req.user!.id && req.user!.role !== 'admin') {
      throw ApiError.forbidden(ErrorCode.Forbidden, "You don't have permission to access this.")
    }
    return booking
  }

  router.post('/', async (req, res) => {
    const body = asBody(req.body)
    const roomId = requiredString(body, 'roomId')
    const title = requiredString(body, 'title')
    const startsAt = requiredDate(body, 'startsAt')
    const endsAt = requiredDate(body, 'endsAt')
    const attendees = positiveInteger(body, 'attendees', 1)
    const now = ctx.now()

    if (endsAt <= startsAt) {
      throw ApiError.badRequest(ErrorCode.InvalidPayload, '"endsAt" must be after "startsAt".', { field: 'endsAt' })
    }
    if (startsAt < now) throw ApiError.unprocessable(ErrorCode.BookingInPast, 'Bookings must start in the future.')
    if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_HOURS * 3600 * 1000) {
      throw ApiError.unprocessable(ErrorCode.BookingTooLong, `A booking may last at most ${MAX_DURATION_HOURS} hours.`, { maxHours: MAX_DURATION_HOURS })
    }

    const room = ctx.store.rooms.get(roomId)
    if (!room) throw ApiError.notFound(ErrorCode.RoomNotFound, `Room ${roomId} doesn't exist.`)
    if (room.closedUntil && new Date(room.closedUntil) > startsAt) {
      throw ApiError.conflict(ErrorCode.RoomUnavailable, `${room.name} is closed until ${room.closedUntil}.`)
    }
    if (attendees > room.capacity) {
      throw ApiError.unprocessable(ErrorCode.CapacityExceeded, `${room.name} seats ${room.capacity}.`, { capacity: room.capacity })
    }
    if (ctx.store.overlapping(room.id, startsAt, endsAt).length > 0) {
      throw ApiError.conflict(ErrorCode.SlotTaken, `${room.name} is already booked at that time.`)
    }
    if (ctx.store.upcomingOf(req.user!.id, now).length >= ctx.maxUpcomingBookings) {
      throw new ApiError(403, ErrorCode.QuotaExceeded, `You already hold ${ctx.maxUpcomingBookings} upcoming bookings.`, {
        limit: ctx.maxUpcomingBookings,
      })
    }

    const booking = ctx.store.addBooking({
      roomId: room.id,
      userId: req.user!.id,
      title,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      attendees,
    })

    if (isEnabled('CALENDAR_SYNC', ctx.features)) {
      try {
        booking.calendarEventId = await ctx.calendar.createEvent(booking, room)
      } catch (err) {
        if (isTransient(err)) {
          // Without the calendar entry people would walk into a room that looks free: undo.
          ctx.store.bookings.delete(booking.id)
          throw ApiError.unavailable(ErrorCode.CalendarUnavailable, 'The calendar is unavailable; the booking was not made.', err)
        }
        console.warn(`booking ${booking.id} kept without a calendar event:`, err)
      }
    }

    res.status(201).location(`/bookings/${booking.id}`).json({ data: booking })
  })

  router.get('/', (req, res) => {
    const mine = [...ctx.store.bookings.values()].filter((b) => b.userId === req.user!.id)
    res.json({ data: mine })
  })

  router.get('/:bookingId', (req, res) => {
    res.json({ data: findBooking(req) })
  })

  router.get('/:bookingId/ics', (req, res) => {
    const booking = findBooking(req)
    const room = ctx.store.rooms.get(booking.roomId)
    if (!room) throw ApiError.notFound(ErrorCode.RoomNotFound, `Room ${booking.roomId} doesn't exist.`)
    res.type('text/calendar; charset=utf-8').attachment(`${booking.id}.ics`).send(toIcs(booking, room))
  })

  router.delete('/:bookingId', async (req, res) => {
    const booking = findBooking(req)
    if (booking.status === 'cancelled') {
      throw ApiError.conflict(ErrorCode.BookingAlreadyCancelled, `Booking ${booking.id} is already cancelled.`)
    }
    if (new Date(booking.startsAt).getTime() - ctx.now().getTime() < CANCELLATION_NOTICE_MS && req.user!.role !== 'admin') {
      throw ApiError.unprocessable(ErrorCode.CancellationWindowClosed, 'Bookings can be cancelled until one hour before they start.')
    }
    booking.status = 'cancelled'
    if (booking.calendarEventId) {
      await ctx.calendar.deleteEvent(booking.calendarEventId).catch((err) => console.warn(`calendar event of ${booking.id} left behind:`, err))
    }
    res.status(204).end()
  })

  return router
}
