import { randomUUID } from 'node:crypto'

export type Role = 'member' | 'admin'

export interface User {
  id: string
  email: string
  name: string
  role: Role
  passwordHash: string
  otpSecret?: string
  suspended: boolean
  locale: string
}

export interface Room {
  id: string
  name: string
  floor: number
  capacity: number
  /** Equipment in the room; `type` is the kind of equipment. */
  equipment: { type: 'display' | 'projector' | 'whiteboard' | 'conference_phone'; model?: string }[]
  closedUntil?: string
}

export type BookingStatus = 'confirmed' | 'cancelled'

export interface Booking {
  id: string
  roomId: string
  userId: string
  title: string
  startsAt: string
  endsAt: string
  attendees: number
  status: BookingStatus
  calendarEventId?: string
}

/** Rooms, users and bookings in memory; the production build keeps them in Postgres. */
export class Store {
  readonly users = new Map<string, User>()
  readonly rooms = new Map<string, Room>()
  readonly bookings = new Map<string, Booking>()

  addUser(user: Omit<User, 'id'>): User {
    const stored = { ...user, id: `usr_${randomUUID().slice(0, 8)}` }
    this.users.set(stored.id, stored)
    return stored
  }

  userByEmail(email: string): User | undefined {
    for (const user of this.users.values()) if (user.email === email.toLowerCase()) return user
    return undefined
  }

  addRoom(room: Room): Room {
    this.rooms.set(room.id, room)
    return room
  }

  addBooking(booking: Omit<Booking, 'id' | 'status'>): Booking {
    const stored: Booking = { ...booking, id: `bkg_${randomUUID().slice(0, 8)}`, status: 'confirmed' }
    this.bookings.set(stored.id, stored)
    return stored
  }

  /** Confirmed bookings of a room that overlap [startsAt, endsAt). */
  overlapping(roomId: string, startsAt: Date, endsAt: Date): Booking[] {
    return [...this.bookings.values()].filter(
      (b) =>
        b.roomId === roomId &&
        b.status === 'confirmed' &&
        new Date(b.startsAt) < endsAt &&
        new Date(b.endsAt) > startsAt,
    )
  }

  upcomingOf(userId: string, now: Date): Booking[] {
    return [...this.bookings.values()].filter((b) => b.userId === userId && b.status === 'confirmed' && new Date(b.endsAt) > now)
  }
}
