<?php

namespace App\Http\Middleware;

use App\Exceptions\ApiException;
use Closure;
use Illuminate\Http\Request;
use Symfony\Component\HttpFoundation\Response;

class EnsureAgentIsActive
{
    public function handle(Request $request, Closure $next): Response
    {
        $agent = $request->user();

        if ($agent === null) {
            throw new ApiException(ApiException::USER_UNAUTHORIZED);
        }

        if ($agent->blocked) {
            throw new ApiException(ApiException::USER_BLOCKED);
        }

        return $next($request);
    }
}
