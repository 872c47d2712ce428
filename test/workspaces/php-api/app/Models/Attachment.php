<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;

/**
 * @property int $id
 * @property int $ticket_id
 * @property string $filename
 * @property string $mime_type
 * @property int $size
 * @property string $path
 */
class Attachment extends Model
{
    protected $fillable = ['ticket_id', 'filename', 'mime_type', 'size', 'path'];

    public function ticket(): BelongsTo
    {
        return $this->belongsTo(Ticket::class);
    }
}
