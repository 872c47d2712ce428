<?php

namespace Tests\Feature;

use App\Enums\TicketStatus;
use App\Exceptions\ApiException;
use Illuminate\Support\Facades\Cache;
use Symfony\Component\HttpFoundation\Response;
use Tests\TestCase;

class TicketApiTest extends TestCase
{
    public function test_unknown_ticket_is_not_found(): void
    {
        $this->actingAsAgent();

        $response = $this->getJson('/api/v1/tickets/9999');

        $response->assertStatus(404);
        $response->assertExactJson([
            'message' => 'Ticket 9999 was not found.',
            'code' => 404,
            'type' => 'ticket_not_found',
            'version' => '2.3.0',
        ]);
    }

    public function test_replying_to_a_closed_ticket_is_a_conflict(): void
    {
        $this->actingAsAgent();
        $ticket = $this->ticket(['status' => TicketStatus::Closed]);

        $response = $this->postJson("/api/v1/tickets/{$ticket->id}/replies", ['body' => 'Any news?']);

        $response->assertStatus(409)->assertJsonPath('type', 'ticket_already_closed');
    }

    public function test_a_ticket_locked_by_another_agent_cannot_change(): void
    {
        $colleague = $this->agent(['name' => 'Sam']);
        $this->actingAsAgent();
        $ticket = $this->ticket();
        $ticket->forceFill(['locked_by' => $colleague->id, 'locked_until' => now()->addMinutes(5)])->save();

        $response = $this->postJson("/api/v1/tickets/{$ticket->id}/close");

        $this->assertSame(423, $response->getStatusCode());
        $this->assertSame(ApiException::TICKET_LOCKED, $response->json('type'));
    }

    public function test_a_reply_needs_a_body(): void
    {
        $this->actingAsAgent();
        $ticket = $this->ticket();

        $response = $this->postJson("/api/v1/tickets/{$ticket->id}/replies", ['body' => '   ']);

        $response->assertStatus(400);
        $response->assertJson(['code' => 400, 'type' => 'ticket_reply_empty']);
    }

    public function test_assigning_to_an_away_agent_is_refused(): void
    {
        $this->actingAsAgent();
        $away = $this->agent(['name' => 'Robin', 'availability' => 'away']);
        $ticket = $this->ticket();

        $response = $this->postJson("/api/v1/tickets/{$ticket->id}/assign", ['agent_id' => $away->id]);

        $response->assertStatus(Response::HTTP_CONFLICT);
        $response->assertJsonPath('type', 'agent_unavailable');
        $response->assertJsonPath('message', 'Robin is away and cannot take new tickets.');
    }

    public function test_assigning_to_an_unknown_agent_is_not_found(): void
    {
        $this->actingAsAgent();
        $ticket = $this->ticket();

        $response = $this->postJson("/api/v1/tickets/{$ticket->id}/assign", ['agent_id' => 4242]);

        $response->assertNotFound()->assertJsonPath('type', 'agent_not_found');
    }

    public function test_tickets_of_different_contacts_do_not_merge(): void
    {
        $this->actingAsAgent();
        $first = $this->ticket();
        $second = $this->ticket(['contact_id' => $this->contact('other@customer.test')->id]);

        $response = $this->postJson("/api/v1/tickets/{$first->id}/merge", ['into' => $second->id]);

        $response->assertStatus(400)->assertJsonPath('type', 'ticket_merge_invalid');
    }

    public function test_filters_are_validated(): void
    {
        $this->actingAsAgent();

        $response = $this->getJson('/api/v1/tickets?status=archived');

        $response->assertStatus(400);
        $response->assertJsonPath('type', 'general_argument_invalid');
        $response->assertJsonPath('code', 400);
    }

    public function test_requests_without_a_token_are_unauthorized(): void
    {
        $response = $this->getJson('/api/v1/tickets');

        $response->assertUnauthorized()->assertJsonPath('type', 'user_unauthorized');
    }

    public function test_blocked_agents_are_refused(): void
    {
        $this->actingAsAgent(['blocked' => true]);

        $response = $this->getJson('/api/v1/tickets');

        $response->assertForbidden()->assertJsonPath('type', ApiException::USER_BLOCKED);
    }

    public function test_unknown_routes_answer_in_the_error_format(): void
    {
        $this->actingAsAgent();

        $response = $this->getJson('/api/v1/macros');

        $response->assertStatus(404)->assertJsonPath('type', 'general_route_not_found');
    }

    public function test_the_rate_limit_answers_429_with_retry_after(): void
    {
        $this->actingAsAgent();

        for ($i = 0; $i < 120; $i++) {
            $this->getJson('/api/v1/tickets')->assertOk();
        }
        $response = $this->getJson('/api/v1/tickets');

        $response->assertStatus(Response::HTTP_TOO_MANY_REQUESTS);
        $response->assertHeader('Retry-After');
        $response->assertJsonPath('type', 'general_rate_limit_exceeded');
    }

    public function test_writes_are_refused_during_maintenance(): void
    {
        $this->actingAsAgent();
        $contact = $this->contact();
        Cache::put('helpdesk:maintenance', true);

        $write = $this->postJson('/api/v1/tickets', ['subject' => 'Login broken', 'contact_id' => $contact->id]);
        $read = $this->getJson('/api/v1/tickets');

        $write->assertStatus(503)->assertHeader('Retry-After', '300');
        $this->assertEquals('general_service_unavailable', $write->json('type'));
        $read->assertOk();
    }
}
