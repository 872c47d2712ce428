<?php

namespace App\Http\Middleware;

use App\Exceptions\ApiException;
use Closure;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\RateLimiter;
use Symfony\Component\HttpFoundation\Response;

/**
 * Limits each API token to `$perMinute` requests. Answers here rather than throwing, so that
 * a burst never reaches the exception handler and its logging.
 */
class EnforceRateLimit
{
    public function handle(Request $request, Closure $next, int $perMinute = 120): Response
    {
        $key = 'api:' . ($request->user()?->getAuthIdentifier() ?? $request->ip());

        if (RateLimiter::tooManyAttempts($key, $perMinute)) {
            $retryAfter = RateLimiter::availableIn($key);

            return response()->json([
                'message' => 'Rate limit for the current endpoint has been exceeded. Please try again after some time.',
                'code' => Response::HTTP_TOO_MANY_REQUESTS,
                'type' => ApiException::GENERAL_RATE_LIMIT_EXCEEDED,
                'version' => config('app.version'),
            ], Response::HTTP_TOO_MANY_REQUESTS, [
                'Retry-After' => $retryAfter,
                'X-RateLimit-Limit' => $perMinute,
                'X-RateLimit-Remaining' => 0,
            ]);
        }

        RateLimiter::hit($key, 60);

        $response = $next($request);
        $response->headers->set('X-RateLimit-Limit', (string) $perMinute);
        $response->headers->set('X-RateLimit-Remaining', (string) RateLimiter::remaining($key, $perMinute));

        return $response;
    }
}
