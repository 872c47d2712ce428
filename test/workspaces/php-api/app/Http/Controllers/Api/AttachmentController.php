<?php

namespace App\Http\Controllers\Api;

use App\Exceptions\ApiException;
use App\Http\Controllers\Controller;
use App\Models\Attachment;
use App\Models\Ticket;
use App\Support\AttachmentTypes;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Storage;
use Symfony\Component\HttpFoundation\StreamedResponse;

class AttachmentController extends Controller
{
    /** Bytes of attachments one workspace may keep. */
    private const WORKSPACE_QUOTA = 5 * 1024 * 1024 * 1024;

    public function store(Request $request, int $ticketId): JsonResponse
    {
        $ticket = Ticket::find($ticketId) ?? throw new ApiException(ApiException::TICKET_NOT_FOUND, params: [$ticketId]);

        $file = $request->file('file');
        if ($file === null || !$file->isValid()) {
            throw new ApiException(ApiException::GENERAL_ARGUMENT_INVALID, 'Send the file as multipart/form-data in the "file" field.');
        }
        if ($file->getSize() > AttachmentTypes::MAX_BYTES) {
            throw new ApiException(ApiException::ATTACHMENT_TOO_LARGE);
        }

        $mimeType = $file->getMimeType() ?? 'application/octet-stream';
        if (!AttachmentTypes::isAllowed($mimeType)) {
            throw new ApiException(ApiException::ATTACHMENT_TYPE_UNSUPPORTED, params: [$mimeType]);
        }

        $used = (int) Attachment::sum('size');
        if ($used + $file->getSize() > self::WORKSPACE_QUOTA) {
            // Answered here with the usage figures the admin UI shows next to the message.
            return new JsonResponse([
                'message' => sprintf('The workspace has used %.1f of its %d GB attachment storage.', $used / 1024 ** 3, self::WORKSPACE_QUOTA / 1024 ** 3),
                'code' => JsonResponse::HTTP_FORBIDDEN,
                'type' => ApiException::STORAGE_LIMIT_EXCEEDED,
                'version' => config('app.version'),
            ], JsonResponse::HTTP_FORBIDDEN);
        }

        $path = $file->store("tickets/{$ticket->id}", 'attachments');
        $attachment = Attachment::create([
            'ticket_id' => $ticket->id,
            'filename' => $file->getClientOriginalName(),
            'mime_type' => $mimeType,
            'size' => $file->getSize(),
            'path' => $path,
        ]);

        return response()->json($attachment, 201);
    }

    public function download(int $attachmentId): StreamedResponse
    {
        $attachment = Attachment::find($attachmentId);
        if ($attachment === null || !Storage::disk('attachments')->exists($attachment->path)) {
            throw new ApiException(ApiException::ATTACHMENT_NOT_FOUND, params: [$attachmentId]);
        }

        $disposition = AttachmentTypes::canPreview($attachment->mime_type) ? 'inline' : 'attachment';

        return Storage::disk('attachments')->response($attachment->path, $attachment->filename, [
            'Content-Type' => $attachment->mime_type,
        ], $disposition);
    }
}
