<?php

namespace App\Models;

use App\Enums\TicketStatus;
use Illuminate\Database\Eloquent\Factories\HasFactory;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\HasMany;

/**
 * @property int $id
 * @property string $email
 * @property string $name
 * @property string $locale
 * @property array|null $phone
 */
class Contact extends Model
{
    use HasFactory;

    protected $fillable = ['email', 'name', 'locale', 'phone', 'company'];

    protected $casts = [
        'phone' => 'array',
    ];

    public function tickets(): HasMany
    {
        return $this->hasMany(Ticket::class);
    }

    public function openTicketCount(): int
    {
        return $this->tickets()
            ->whereIn('status', [TicketStatus::New, TicketStatus::Open, TicketStatus::Pending])
            ->count();
    }
}
