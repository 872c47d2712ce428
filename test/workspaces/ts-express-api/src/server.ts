import { createApp } from './app'
import { HttpCalendarClient } from './calendar/client'
import { Store } from './store'

const store = new Store()
store.addRoom({ id: 'room_atlas', name: 'Atlas', floor: 3, capacity: 8, equipment: [{ type: 'display', model: 'LG 65UH5F' }, { type: 'conference_phone' }] })
store.addRoom({ id: 'room_borealis', name: 'Borealis', floor: 3, capacity: 4, equipment: [{ type: 'whiteboard' }] })

const app = createApp({
  store,
  calendar: new HttpCalendarClient(process.env.CALENDAR_URL ?? 'http://localhost:8025', process.env.CALENDAR_TOKEN ?? ''),
  tokenSecret: process.env.TOKEN_SECRET ?? 'change-me',
  now: () => new Date(),
  features: {},
  maxUpcomingBookings: Number(process.env.MAX_UPCOMING_BOOKINGS ?? 10),
  rateLimit: { max: 300, windowMs: 60_000 },
})

const port = Number(process.env.PORT ?? 8055)
app.listen(port, () => console.log(`roombook listening on ${port}`))
