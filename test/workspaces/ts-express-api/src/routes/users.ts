import { Router } from 'express'
import type { AppContext } from '../context'
import { ApiError } from '../errors/api-error'
import { ErrorCode } from '../errors/codes'
import { requireAdmin } from '../middleware/authenticate'

export function usersRouter(ctx: AppContext): Router {
  const router = Router()

  router.get('/me', (req, res) => {
    const user = ctx.store.users.get(req.user!.id)!
    res.json({ data: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } })
  })

  router.get('/:userId', requireAdmin(), (req, res) => {
    const userId = String(req.params.userId)
    const user = ctx.store.users.get(userId)
    if (!user) {
      res.status(404).json({ errors: [{ message: `User ${userId} doesn't exist.`, extensions: { code: ErrorCode.UserNotFound } }] })
      return
    }
    res.json({ data: { id: user.id, email: user.email, name: user.name, role: user.role, suspended: user.suspended } })
  })

  router.post('/:userId/suspend', requireAdmin(), (req, res) => {
    const userId = String(req.params.userId)
    const user = ctx.store.users.get(userId)
    if (!user) throw ApiError.notFound(ErrorCode.UserNotFound, `User ${userId} doesn't exist.`)
    user.suspended = true
    res.status(204).end()
  })

  return router
}
