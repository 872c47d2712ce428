<?php

namespace App\Models;

use Illuminate\Foundation\Auth\User as Authenticatable;
use Laravel\Sanctum\HasApiTokens;

/**
 * @property int $id
 * @property string $name
 * @property string $email
 * @property string $role admin|agent|light
 * @property string $availability online|away|offline
 * @property bool $blocked
 */
class Agent extends Authenticatable
{
    use HasApiTokens;

    protected $fillable = ['name', 'email', 'role', 'availability'];

    protected $hidden = ['password', 'remember_token'];

    protected $casts = [
        'blocked' => 'boolean',
    ];

    public function canManageContacts(): bool
    {
        return \in_array($this->role, ['admin', 'agent'], true);
    }
}
