import express, { type Express } from 'express'
import type { AppContext } from './context'
import { ApiError } from './errors/api-error'
import { ErrorCode } from './errors/codes'
import { authenticate } from './middleware/authenticate'
import { errorHandler, notFound } from './middleware/error-handler'
import { rateLimit } from './middleware/rate-limit'
import { authRouter } from './routes/auth'
import { bookingsRouter } from './routes/bookings'
import { roomsRouter } from './routes/rooms'
import { usersRouter } from './routes/users'

export function createApp(ctx: AppContext): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')

  if (ctx.rateLimit) app.use(rateLimit({ ...ctx.rateLimit, now: ctx.now }))
  app.use((req, _res, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(req.method) && req.get('content-length') !== '0' && !req.is('application/json')) {
      next(new ApiError(415, ErrorCode.UnsupportedMediaType, 'Send the body as application/json.'))
      return
    }
    next()
  })
  app.use(express.json({ limit: '64kb' }))

  app.get('/server/ping', (_req, res) => {
    res.type('text/plain').send('pong')
  })
  app.use('/auth', authRouter(ctx))
  app.use('/rooms', authenticate(ctx), roomsRouter(ctx))
  app.use('/bookings', authenticate(ctx), bookingsRouter(ctx))
  app.use('/users', authenticate(ctx), usersRouter(ctx))

  app.use(notFound)
  app.use(errorHandler)
  return app
}
