<?php

use App\Http\Controllers\Api\AttachmentController;
use App\Http\Controllers\Api\ContactController;
use App\Http\Controllers\Api\IntegrationController;
use App\Http\Controllers\Api\TicketController;
use App\Http\Middleware\EnforceRateLimit;
use App\Http\Middleware\EnsureAgentIsActive;
use App\Http\Middleware\RejectDuringMaintenance;
use Illuminate\Support\Facades\Route;

Route::get('/integrations/slack/callback', [IntegrationController::class, 'slackCallback']);

Route::prefix('v1')
    ->middleware(['auth:sanctum', EnsureAgentIsActive::class, EnforceRateLimit::class . ':120', RejectDuringMaintenance::class])
    ->group(function () {
        Route::get('/tickets', [TicketController::class, 'index']);
        Route::post('/tickets', [TicketController::class, 'store']);
        Route::get('/tickets/{ticketId}', [TicketController::class, 'show'])->whereNumber('ticketId');
        Route::post('/tickets/{ticketId}/replies', [TicketController::class, 'reply'])->whereNumber('ticketId');
        Route::post('/tickets/{ticketId}/assign', [TicketController::class, 'assign'])->whereNumber('ticketId');
        Route::post('/tickets/{ticketId}/close', [TicketController::class, 'close'])->whereNumber('ticketId');
        Route::post('/tickets/{ticketId}/merge', [TicketController::class, 'merge'])->whereNumber('ticketId');

        Route::post('/tickets/{ticketId}/attachments', [AttachmentController::class, 'store'])->whereNumber('ticketId');
        Route::get('/attachments/{attachmentId}', [AttachmentController::class, 'download'])->whereNumber('attachmentId');

        Route::post('/contacts', [ContactController::class, 'store']);
        Route::get('/contacts/{contactId}', [ContactController::class, 'show'])->whereNumber('contactId');
        Route::delete('/contacts/{contactId}', [ContactController::class, 'destroy'])->whereNumber('contactId');
    });
