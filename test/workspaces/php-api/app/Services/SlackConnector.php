<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;

/**
 * Connects a workspace to Slack with OAuth 2.0: Slack redirects back with ?code=...&state=...,
 * and the code is exchanged for a bot token. The `error` values below are Slack's.
 */
class SlackConnector
{
    public function __construct(
        private string $clientId,
        private string $clientSecret,
        private string $redirectUri
    ) {
    }

    /** @return array{ok: bool, token?: string, reason?: string} */
    public function exchange(string $code): array
    {
        $payload = Http::asForm()->post('https://slack.com/api/oauth.v2.access', [
            'code' => $code,
            'client_id' => $this->clientId,
            'client_secret' => $this->clientSecret,
            'redirect_uri' => $this->redirectUri,
        ])->json();

        if (($payload['ok'] ?? false) === true) {
            return ['ok' => true, 'token' => $payload['access_token']];
        }

        return match ($payload['error'] ?? 'unknown') {
            'invalid_code', 'code_already_used' => ['ok' => false, 'reason' => 'expired'],
            'bad_redirect_uri' => ['ok' => false, 'reason' => 'misconfigured'],
            default => ['ok' => false, 'reason' => 'failed'],
        };
    }
}
