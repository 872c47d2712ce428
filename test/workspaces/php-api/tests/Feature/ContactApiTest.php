<?php

namespace Tests\Feature;

use App\Exceptions\ApiException;
use Illuminate\Http\Response;
use Tests\TestCase;

class ContactApiTest extends TestCase
{
    public function test_a_contact_email_is_unique(): void
    {
        $this->actingAsAgent();
        $this->contact('jo@customer.test');

        $response = $this->postJson('/api/v1/contacts', ['email' => 'JO@customer.test', 'name' => 'Jo']);

        $response->assertStatus(409);
        $response->assertJson(['code' => 409, 'type' => 'contact_already_exists']);
    }

    public function test_light_agents_cannot_create_contacts(): void
    {
        $this->actingAsAgent(['role' => 'light']);

        $response = $this->postJson('/api/v1/contacts', ['email' => 'new@customer.test', 'name' => 'New']);

        $this->assertEquals(Response::HTTP_FORBIDDEN, $response->status());
        $this->assertEquals('general_access_forbidden', $response->json('type'));
    }

    public function test_the_locale_must_be_one_we_translate_into(): void
    {
        $this->actingAsAgent();

        $response = $this->postJson('/api/v1/contacts', ['email' => 'kim@customer.test', 'name' => 'Kim', 'locale' => 'ko']);

        $response->assertStatus(400)->assertJsonPath('type', 'general_argument_invalid');
    }

    public function test_a_contact_with_open_tickets_is_kept(): void
    {
        $this->actingAsAgent();
        $contact = $this->contact();
        $this->ticket(['contact_id' => $contact->id]);

        $response = $this->deleteJson("/api/v1/contacts/{$contact->id}");

        $response->assertStatus(409);
        $response->assertJsonPath('type', ApiException::CONTACT_HAS_OPEN_TICKETS);
        $response->assertJsonPath('message', 'The contact has 1 open ticket(s). Close or merge them before deleting the contact.');
    }

    public function test_unknown_contact_is_not_found(): void
    {
        $this->actingAsAgent();

        $this->getJson('/api/v1/contacts/31337')
            ->assertStatus(404)
            ->assertJsonPath('type', 'contact_not_found')
            ->assertJsonPath('message', 'Contact 31337 was not found.');
    }

    public function test_a_contact_without_open_tickets_is_deleted(): void
    {
        $this->actingAsAgent();
        $contact = $this->contact();

        $this->deleteJson("/api/v1/contacts/{$contact->id}")->assertNoContent();
    }
}
