import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ERRORS } from '../../errors'

export interface ApiKey {
  id: string
  /** Restricted keys may only read. */
  scope: 'full' | 'read_only'
  livemode: boolean
}

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKey | null
  }
}

const PUBLIC_ROUTES = new Set(['/health'])

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const [scheme, token] = header.split(' ')
  return scheme?.toLowerCase() === 'bearer' && token ? token : ''
}

/** Resolves the API key before any route runs; routes read it from request.apiKey. */
export function registerAuth(app: FastifyInstance, keys: ReadonlyMap<string, ApiKey>): void {
  app.decorateRequest('apiKey', null)

  app.addHook('onRequest', async (request) => {
    if (PUBLIC_ROUTES.has(request.url)) return

    const token = bearer(request)
    if (token === undefined) throw ERRORS.MissingApiKey()

    const key = token ? keys.get(token) : undefined
    if (!key) throw ERRORS.ApiKeyInvalid()
    if (key.scope === 'read_only' && request.method !== 'GET') {
      throw ERRORS.AccessDenied(`${request.method} ${request.routeOptions.url ?? request.url}`)
    }
    request.apiKey = key
  })
}
