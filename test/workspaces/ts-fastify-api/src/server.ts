import { buildApp } from './app'
import type { ApiKey } from './http/plugins/auth'
import { ProviderError, type PaymentProvider } from './http/routes/payments'

/** Talks to the card processor's REST API. */
class HttpPaymentProvider implements PaymentProvider {
  constructor(private readonly baseUrl: string, private readonly secret: string) {}

  async charge(input: { amount: number; currency: string; paymentMethod: string; description: string }) {
    const response = await fetch(`${this.baseUrl}/charges`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    })
    if (response.status >= 500) throw new ProviderError(`charge failed with ${response.status}`, response.status)
    const body = (await response.json()) as { status: string; id: string; decline_code?: string }
    return body.status === 'succeeded'
      ? { status: 'succeeded' as const, reference: body.id }
      : { status: 'declined' as const, declineCode: body.decline_code ?? 'card_declined' }
  }
}

async function main(): Promise<void> {
  const apiKeys = new Map<string, ApiKey>()
  for (const entry of (process.env.API_KEYS ?? '').split(',').filter(Boolean)) {
    const [secret, scope] = entry.split(':')
    apiKeys.set(secret, { id: `key_${secret.slice(-6)}`, scope: scope === 'read_only' ? 'read_only' : 'full', livemode: secret.startsWith('sk_live_') })
  }
  const app = buildApp({
    apiKeys,
    provider: new HttpPaymentProvider(process.env.PROVIDER_URL ?? 'http://localhost:4010', process.env.PROVIDER_SECRET ?? ''),
    rateLimit: { max: Number(process.env.RATE_LIMIT ?? 100), windowMs: 60_000 },
    logger: true,
  })
  await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
