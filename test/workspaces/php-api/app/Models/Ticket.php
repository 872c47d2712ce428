<?php

namespace App\Models;

use App\Enums\Channel;
use App\Enums\TicketPriority;
use App\Enums\TicketStatus;
use Illuminate\Database\Eloquent\Factories\HasFactory;
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;
use Illuminate\Database\Eloquent\Relations\HasMany;

/**
 * @property int $id
 * @property string $subject
 * @property TicketStatus $status
 * @property TicketPriority $priority
 * @property Channel $channel
 * @property int $contact_id
 * @property int|null $agent_id
 * @property int|null $merged_into_id
 * @property int|null $locked_by
 * @property \Illuminate\Support\Carbon|null $locked_until
 */
class Ticket extends Model
{
    use HasFactory;

    protected $fillable = ['subject', 'status', 'priority', 'channel', 'contact_id', 'agent_id'];

    protected $casts = [
        'status' => TicketStatus::class,
        'priority' => TicketPriority::class,
        'channel' => Channel::class,
        'locked_until' => 'datetime',
    ];

    public function contact(): BelongsTo
    {
        return $this->belongsTo(Contact::class);
    }

    public function agent(): BelongsTo
    {
        return $this->belongsTo(Agent::class);
    }

    public function replies(): HasMany
    {
        return $this->hasMany(Reply::class);
    }

    public function attachments(): HasMany
    {
        return $this->hasMany(Attachment::class);
    }

    public function isLockedFor(int $agentId): bool
    {
        return $this->locked_by !== null
            && $this->locked_by !== $agentId
            && $this->locked_until !== null
            && $this->locked_until->isFuture();
    }
}
