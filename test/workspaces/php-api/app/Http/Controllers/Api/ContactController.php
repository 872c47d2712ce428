<?php

namespace App\Http\Controllers\Api;

use App\Exceptions\ApiException;
use App\Http\Controllers\Controller;
use App\Models\Contact;
use App\Webhooks\WebhookDispatcher;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Http\Response;
use Illuminate\Validation\Rule;

class ContactController extends Controller
{
    public function __construct(private WebhookDispatcher $webhooks)
    {
    }

    public function store(Request $request): JsonResponse
    {
        if (!$request->user()->canManageContacts()) {
            throw new ApiException(ApiException::GENERAL_ACCESS_FORBIDDEN, 'Light agents cannot create contacts.');
        }

        $data = $request->validate([
            'email' => ['required', 'email:rfc'],
            'name' => ['required', 'string', 'max:120'],
            'locale' => ['sometimes', Rule::in(array_column(config('locales.available'), 'code'))],
            'phone.country_code' => ['sometimes', 'regex:/^\+\d{1,3}$/'],
            'phone.number' => ['required_with:phone.country_code', 'string'],
        ]);

        if (Contact::where('email', mb_strtolower($data['email']))->exists()) {
            throw new ApiException(ApiException::CONTACT_ALREADY_EXISTS);
        }

        $contact = Contact::create([
            'email' => mb_strtolower($data['email']),
            'name' => $data['name'],
            'locale' => $data['locale'] ?? config('locales.default'),
            'phone' => $data['phone'] ?? null,
        ]);

        return response()->json($contact, Response::HTTP_CREATED);
    }

    public function show(int $contactId): JsonResponse
    {
        $contact = Contact::find($contactId);
        if (!$contact) {
            throw new ApiException(ApiException::CONTACT_NOT_FOUND, params: [$contactId]);
        }

        return response()->json($contact->loadCount('tickets'));
    }

    public function destroy(int $contactId): Response
    {
        $contact = Contact::find($contactId) ?? throw new ApiException(ApiException::CONTACT_NOT_FOUND, params: [$contactId]);

        $open = $contact->openTicketCount();
        if ($open > 0) {
            throw new ApiException(
                ApiException::CONTACT_HAS_OPEN_TICKETS,
                "The contact has {$open} open ticket(s). Close or merge them before deleting the contact."
            );
        }

        $contact->delete();
        $this->webhooks->dispatch(WebhookDispatcher::CONTACT_DELETED, ['contact_id' => $contactId]);

        return response()->noContent();
    }
}
