<?php

namespace App\Support;

/**
 * The file types agents and customers may attach, by MIME type. Anything else is refused,
 * whatever its extension says.
 */
final class AttachmentTypes
{
    public const MAX_BYTES = 10 * 1024 * 1024;

    public const ALLOWED = [
        ['type' => 'image/png', 'extension' => 'png', 'preview' => true],
        ['type' => 'image/jpeg', 'extension' => 'jpg', 'preview' => true],
        ['type' => 'image/gif', 'extension' => 'gif', 'preview' => true],
        ['type' => 'application/pdf', 'extension' => 'pdf', 'preview' => true],
        ['type' => 'text/plain', 'extension' => 'txt', 'preview' => true],
        ['type' => 'text/csv', 'extension' => 'csv', 'preview' => false],
        ['type' => 'application/zip', 'extension' => 'zip', 'preview' => false],
    ];

    public static function isAllowed(string $mimeType): bool
    {
        foreach (self::ALLOWED as $allowed) {
            if ($allowed['type'] === $mimeType) {
                return true;
            }
        }

        return false;
    }

    public static function canPreview(string $mimeType): bool
    {
        foreach (self::ALLOWED as $allowed) {
            if ($allowed['type'] === $mimeType) {
                return $allowed['preview'];
            }
        }

        return false;
    }
}
