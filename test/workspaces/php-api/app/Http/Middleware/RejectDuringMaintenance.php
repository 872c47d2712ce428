<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Cache;
use Symfony\Component\HttpFoundation\Response;

/**
 * While a migration runs, writes are refused and reads keep working. The flag is set by the
 * deploy script in the shared cache, so every node sees it at once.
 */
class RejectDuringMaintenance
{
    public function handle(Request $request, Closure $next): Response
    {
        if ($request->isMethodSafe() || !Cache::get('helpdesk:maintenance', false)) {
            return $next($request);
        }

        return new JsonResponse([
            'message' => 'The helpdesk is in maintenance. Please try again in a few minutes.',
            'code' => 503,
            'type' => 'general_service_unavailable',
            'version' => config('app.version'),
        ], 503, ['Retry-After' => 300]);
    }
}
