<?php

namespace App\Enums;

enum TicketPriority: string
{
    case Low = 'low';
    case Normal = 'normal';
    case High = 'high';
    case Urgent = 'urgent';

    /** Minutes until the first reply is due. */
    public function firstResponseMinutes(): int
    {
        return match ($this) {
            self::Urgent => 30,
            self::High => 120,
            self::Normal => 480,
            self::Low => 1440,
        };
    }
}
