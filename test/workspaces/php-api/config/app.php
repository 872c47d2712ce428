<?php

use Illuminate\Support\Facades\Facade;

return [
    'name' => env('APP_NAME', 'Helpdesk'),

    /*
     * Sent as `version` in every error body, so that support can tell which release
     * answered a reported error.
     */
    'version' => env('APP_VERSION', '2.3.0'),

    'env' => env('APP_ENV', 'production'),
    'debug' => (bool) env('APP_DEBUG', false),
    'url' => env('APP_URL', 'http://localhost'),
    'timezone' => 'UTC',
    'locale' => 'en',
    'fallback_locale' => 'en',
    'key' => env('APP_KEY'),
    'cipher' => 'AES-256-CBC',

    'aliases' => Facade::defaultAliases()->toArray(),
];
