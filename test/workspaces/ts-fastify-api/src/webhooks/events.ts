/** Events delivered to webhook endpoints; subscribers filter on `type`. */
export type WebhookEventType =
  | 'invoice.created'
  | 'invoice.finalized'
  | 'invoice.voided'
  | 'invoice.paid'
  | 'payment.failed'
  | 'customer.deleted'

export interface WebhookEvent {
  id: string
  type: WebhookEventType
  created: number
  data: Record<string, unknown>
}

export interface EventSink {
  emit(event: WebhookEvent): void
}

/** Keeps events in memory; the delivery worker drains it in production. */
export class MemoryEventSink implements EventSink {
  readonly events: WebhookEvent[] = []

  emit(event: WebhookEvent): void {
    this.events.push(event)
  }

  types(): WebhookEventType[] {
    return this.events.map((event) => event.type)
  }
}

let sequence = 0

export function event(type: WebhookEventType, data: Record<string, unknown>): WebhookEvent {
  sequence += 1
  return { id: `evt_${Date.now().toString(36)}${sequence}`, type, created: Math.floor(Date.now() / 1000), data }
}
