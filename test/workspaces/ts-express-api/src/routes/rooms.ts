import { Router } from 'express'
import type { AppContext } from '../context'
import { ApiError } from '../errors/api-error'
import { ErrorCode } from '../errors/codes'
import type { Room } from '../store'

export function roomsRouter(ctx: AppContext): Router {
  const router = Router()

  const findRoom = (roomId: string): Room => {
    const room = ctx.store.rooms.get(roomId)
    if (!room) throw ApiError.notFound(ErrorCode.RoomNotFound, `Room ${roomId} doesn't exist.`)
    return room
  }

  router.get('/', (req, res) => {
    const { capacity, equipment } = req.query
    let minimum = 0
    if (capacity !== undefined) {
      minimum = Number(capacity)
      if (!Number.isInteger(minimum) || minimum < 1) {
        throw ApiError.badRequest(ErrorCode.InvalidQuery, '"capacity" must be a positive integer.', { field: 'capacity' })
      }
    }
    const rooms = [...ctx.store.rooms.values()].filter(
      (room) => room.capacity >= minimum && (typeof equipment !== 'string' || room.equipment.some((e) => e.type === equipment)),
    )
    res.json({ data: rooms })
  })

  router.get('/:roomId', (req, res) => {
    res.json({ data: findRoom(req.params.roomId) })
  })

  router.get('/:roomId/availability', (req, res) => {
    const room = findRoom(req.params.roomId)
    const date = typeof req.query.date === 'string' ? req.query.date : ''
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw ApiError.badRequest(ErrorCode.InvalidQuery, '"date" must be YYYY-MM-DD.', { field: 'date' })
    }
    const dayStart = new Date(`${date}T00:00:00Z`)
    const dayEnd = new Date(dayStart.getTime() + 24 * 3600 * 1000)
    const busy = ctx.store.overlapping(room.id, dayStart, dayEnd).map((b) => ({ startsAt: b.startsAt, endsAt: b.endsAt }))
    res.json({ data: { roomId: room.id, date, closed: room.closedUntil !== undefined && new Date(room.closedUntil) > dayStart, busy } })
  })

  return router
}
