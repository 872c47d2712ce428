<?php

namespace App\Exceptions;

use Illuminate\Auth\AuthenticationException;
use Illuminate\Foundation\Exceptions\Handler as ExceptionHandler;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Validation\ValidationException;
use Symfony\Component\HttpKernel\Exception\MethodNotAllowedHttpException;
use Symfony\Component\HttpKernel\Exception\NotFoundHttpException;

class Handler extends ExceptionHandler
{
    protected $dontFlash = [
        'current_password',
        'password',
        'password_confirmation',
    ];

    public function register(): void
    {
        // Client errors are expected; only failures on our side go to the log.
        $this->reportable(function (ApiException $e) {
            return $e->isPublishable();
        });

        $this->renderable(function (ApiException $e, Request $request) {
            return $this->toJsonResponse($e);
        });

        $this->renderable(function (ValidationException $e, Request $request) {
            return $this->toJsonResponse(new ApiException(
                ApiException::GENERAL_ARGUMENT_INVALID,
                $e->validator->errors()->first(),
                previous: $e
            ));
        });

        $this->renderable(function (AuthenticationException $e, Request $request) {
            return $this->toJsonResponse(new ApiException(ApiException::USER_UNAUTHORIZED, previous: $e));
        });

        $this->renderable(function (NotFoundHttpException|MethodNotAllowedHttpException $e, Request $request) {
            if ($request->is('api/*')) {
                return $this->toJsonResponse(new ApiException(ApiException::GENERAL_ROUTE_NOT_FOUND, previous: $e));
            }
        });
    }

    /**
     * The error body: `message`, `code` (the HTTP status, as a number), `type` (the error code
     * clients switch on) and the API `version`.
     */
    public function toJsonResponse(ApiException $e): JsonResponse
    {
        $status = $e->getStatus();
        $message = $e->getMessage();
        $type = $e->getType();

        switch ($status) { // Statuses not listed here never reach clients with their message.
            case 400:
            case 401:
            case 403:
            case 404:
            case 409:
            case 413:
            case 415:
            case 423:
            case 429:
            case 503:
                break;
            default:
                $status = 500;
                $message = 'Server Error';
                $type = ApiException::GENERAL_UNKNOWN;
        }

        $headers = [];
        if ($status === 503) {
            $headers['Retry-After'] = 300;
        }

        return response()->json([
            'message' => $message,
            'code' => $status,
            'type' => $type,
            'version' => config('app.version'),
        ], $status, $headers);
    }
}
