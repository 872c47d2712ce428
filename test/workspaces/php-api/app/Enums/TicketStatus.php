<?php

namespace App\Enums;

enum TicketStatus: string
{
    case New = 'new';
    case Open = 'open';
    case Pending = 'pending';
    case Solved = 'solved';
    case Closed = 'closed';
    case Merged = 'merged';

    /** Tickets in these states still count against the contact and the SLA. */
    public function isOpen(): bool
    {
        return match ($this) {
            self::New, self::Open, self::Pending => true,
            self::Solved, self::Closed, self::Merged => false,
        };
    }
}
