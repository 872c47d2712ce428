<?php

namespace App\Webhooks;

use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Str;

/**
 * Sends events to the endpoints a workspace registered. Receivers switch on `type`.
 */
class WebhookDispatcher
{
    public const TICKET_CREATED = 'ticket.created';
    public const TICKET_CLOSED = 'ticket.closed';
    public const TICKET_MERGED = 'ticket.merged';
    public const CONTACT_DELETED = 'contact.deleted';

    /** @param array<int, array{url: string, secret: string, events: string[]}> $endpoints */
    public function __construct(private array $endpoints = [])
    {
    }

    public function dispatch(string $type, array $data): void
    {
        $payload = [
            'id' => 'evt_' . Str::random(20),
            'type' => $type,
            'created_at' => now()->toIso8601String(),
            'data' => $data,
        ];
        $body = json_encode($payload, JSON_THROW_ON_ERROR);

        foreach ($this->endpoints as $endpoint) {
            if (!\in_array($type, $endpoint['events'], true) && !\in_array('*', $endpoint['events'], true)) {
                continue;
            }

            $response = Http::timeout(5)
                ->withHeaders([
                    'Content-Type' => 'application/json',
                    'X-Helpdesk-Signature' => hash_hmac('sha256', $body, $endpoint['secret']),
                ])
                ->withBody($body, 'application/json')
                ->post($endpoint['url']);

            if ($response->status() === 410) {
                Log::info('webhook endpoint gone, disable it', ['url' => $endpoint['url']]);
            } elseif ($response->failed()) {
                Log::warning('webhook delivery failed', ['url' => $endpoint['url'], 'status' => $response->status()]);
            }
        }
    }
}
