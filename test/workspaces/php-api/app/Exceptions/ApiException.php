<?php

namespace App\Exceptions;

/**
 * The exception every API error is thrown as: `throw new ApiException(ApiException::TICKET_NOT_FOUND)`.
 *
 * The type is the stable, machine-readable error code clients switch on; its HTTP status and
 * default message live in config/errors.php, so a type always goes out with the same status.
 *
 * Types are named <ENTITY>_<ERROR>, with these entities:
 * - General
 * - Users (agents signing in)
 * - Tickets
 * - Contacts
 * - Attachments
 * - Agents
 */
class ApiException extends \RuntimeException
{
    /** General */
    public const GENERAL_UNKNOWN = 'general_unknown';
    public const GENERAL_ARGUMENT_INVALID = 'general_argument_invalid';
    public const GENERAL_ROUTE_NOT_FOUND = 'general_route_not_found';
    public const GENERAL_RATE_LIMIT_EXCEEDED = 'general_rate_limit_exceeded';
    public const GENERAL_SERVICE_UNAVAILABLE = 'general_service_unavailable';
    public const GENERAL_ACCESS_FORBIDDEN = 'general_access_forbidden';

    /** Users */
    public const USER_UNAUTHORIZED = 'user_unauthorized';
    public const USER_BLOCKED = 'user_blocked';

    /** Tickets */
    public const TICKET_NOT_FOUND = 'ticket_not_found';
    public const TICKET_ALREADY_CLOSED = 'ticket_already_closed';
    public const TICKET_LOCKED = 'ticket_locked';
    public const TICKET_MERGE_INVALID = 'ticket_merge_invalid';
    public const TICKET_REPLY_EMPTY = 'ticket_reply_empty';

    /** Contacts */
    public const CONTACT_NOT_FOUND = 'contact_not_found';
    public const CONTACT_ALREADY_EXISTS = 'contact_already_exists';
    public const CONTACT_HAS_OPEN_TICKETS = 'contact_has_open_tickets';

    /** Attachments */
    public const ATTACHMENT_NOT_FOUND = 'attachment_not_found';
    public const ATTACHMENT_TOO_LARGE = 'attachment_too_large';
    public const ATTACHMENT_TYPE_UNSUPPORTED = 'attachment_type_unsupported';
    public const STORAGE_LIMIT_EXCEEDED = 'storage_limit_exceeded';
    /**
     * @deprecated since 2.0, attachments answer ATTACHMENT_TOO_LARGE. Kept for the
     *             mobile app, which still matches on it.
     */
    public const FILE_TOO_LARGE = 'file_too_large';

    /** Agents */
    public const AGENT_NOT_FOUND = 'agent_not_found';
    public const AGENT_UNAVAILABLE = 'agent_unavailable';

    protected string $type;

    public function __construct(
        string $type = self::GENERAL_UNKNOWN,
        ?string $message = null,
        ?int $status = null,
        ?\Throwable $previous = null,
        array $params = []
    ) {
        $this->type = $type;
        $error = config('errors.' . $type, []);

        // The registry's description doubles as a message template ("Ticket %s was not found.").
        if ($message === null && !empty($params)) {
            $message = \sprintf($error['description'] ?? '', ...$params);
        }

        parent::__construct(
            $message ?? ($error['description'] ?? 'Server Error'),
            $status ?? ($error['code'] ?? 500),
            $previous
        );
    }

    public function getType(): string
    {
        return $this->type;
    }

    public function getStatus(): int
    {
        return $this->getCode();
    }

    /** Errors the client cannot cause are logged with their trace. */
    public function isPublishable(): bool
    {
        return $this->getStatus() >= 500;
    }
}
