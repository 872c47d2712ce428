<?php

namespace Tests;

use App\Enums\Channel;
use App\Enums\TicketPriority;
use App\Enums\TicketStatus;
use App\Models\Agent;
use App\Models\Contact;
use App\Models\Ticket;
use Illuminate\Foundation\Testing\RefreshDatabase;
use Illuminate\Foundation\Testing\TestCase as BaseTestCase;
use Laravel\Sanctum\Sanctum;

abstract class TestCase extends BaseTestCase
{
    use CreatesApplication;
    use RefreshDatabase;

    protected function agent(array $attributes = []): Agent
    {
        $agent = new Agent();
        $agent->forceFill(array_merge([
            'name' => 'Morgan',
            'email' => 'morgan' . random_int(1000, 9999) . '@helpdesk.test',
            'role' => 'agent',
            'availability' => 'online',
            'blocked' => false,
            'password' => bcrypt('secret'),
        ], $attributes))->save();

        return $agent;
    }

    protected function actingAsAgent(array $attributes = []): Agent
    {
        $agent = $this->agent($attributes);
        Sanctum::actingAs($agent);

        return $agent;
    }

    protected function contact(string $email = 'jo@customer.test'): Contact
    {
        return Contact::create(['email' => $email, 'name' => 'Jo Customer', 'locale' => 'en']);
    }

    protected function ticket(array $attributes = []): Ticket
    {
        return Ticket::create(array_merge([
            'subject' => 'Printer on fire',
            'contact_id' => $attributes['contact_id'] ?? $this->contact()->id,
            'status' => TicketStatus::Open,
            'priority' => TicketPriority::High,
            'channel' => Channel::Email,
        ], $attributes));
    }
}
