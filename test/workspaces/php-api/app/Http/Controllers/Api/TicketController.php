<?php

namespace App\Http\Controllers\Api;

use App\Enums\Channel;
use App\Enums\TicketPriority;
use App\Enums\TicketStatus;
use App\Exceptions\ApiException;
use App\Http\Controllers\Controller;
use App\Models\Agent;
use App\Models\Contact;
use App\Models\Reply;
use App\Models\Ticket;
use App\Webhooks\WebhookDispatcher;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Http\Response;
use Illuminate\Validation\Rule;

class TicketController extends Controller
{
    public function __construct(private WebhookDispatcher $webhooks)
    {
    }

    public function index(Request $request): JsonResponse
    {
        $filters = $request->validate([
            'status' => ['sometimes', Rule::enum(TicketStatus::class)],
            'priority' => ['sometimes', Rule::enum(TicketPriority::class)],
            'limit' => ['sometimes', 'integer', 'between:1,100'],
        ]);

        $tickets = Ticket::query()
            ->when($filters['status'] ?? null, fn ($query, $status) => $query->where('status', $status))
            ->when($filters['priority'] ?? null, fn ($query, $priority) => $query->where('priority', $priority))
            ->latest()
            ->limit($filters['limit'] ?? 25)
            ->get();

        return response()->json(['total' => $tickets->count(), 'tickets' => $tickets]);
    }

    public function show(int $ticketId): JsonResponse
    {
        $ticket = Ticket::with(['contact', 'replies', 'attachments'])->find($ticketId)
            ?? throw new ApiException(ApiException::TICKET_NOT_FOUND, params: [$ticketId]);

        return response()->json($ticket);
    }

    public function store(Request $request): JsonResponse
    {
        $data = $request->validate([
            'subject' => ['required', 'string', 'max:250'],
            'contact_id' => ['required', 'integer'],
            'priority' => ['sometimes', Rule::enum(TicketPriority::class)],
            'channel' => ['sometimes', Rule::enum(Channel::class)],
        ]);

        if (!Contact::whereKey($data['contact_id'])->exists()) {
            throw new ApiException(ApiException::CONTACT_NOT_FOUND, params: [$data['contact_id']]);
        }

        $ticket = Ticket::create([
            'subject' => $data['subject'],
            'contact_id' => $data['contact_id'],
            'priority' => $data['priority'] ?? TicketPriority::Normal,
            'channel' => $data['channel'] ?? Channel::Api,
            'status' => TicketStatus::New,
        ]);
        $this->webhooks->dispatch(WebhookDispatcher::TICKET_CREATED, ['ticket_id' => $ticket->id]);

        return response()->json($ticket, Response::HTTP_CREATED);
    }

    public function reply(Request $request, int $ticketId): JsonResponse
    {
        $ticket = $this->findOpenTicket($ticketId, $request->user()->id);

        $body = trim((string) $request->input('body', ''));
        if ($body === '' && !$request->hasFile('attachments')) {
            throw new ApiException(ApiException::TICKET_REPLY_EMPTY);
        }

        $reply = Reply::create([
            'ticket_id' => $ticket->id,
            'agent_id' => $request->user()->id,
            'body' => $body,
            'internal' => $request->boolean('internal'),
        ]);

        if ($ticket->status === TicketStatus::New) {
            $ticket->update(['status' => TicketStatus::Open]);
        }

        return response()->json($reply, 201);
    }

    public function assign(Request $request, int $ticketId): JsonResponse
    {
        $ticket = $this->findOpenTicket($ticketId, $request->user()->id);
        $agentId = $request->integer('agent_id');

        $agent = Agent::find($agentId);
        if ($agent === null) {
            throw new ApiException(ApiException::AGENT_NOT_FOUND, params: [$agentId]);
        }
        if ($agent->availability === 'away' || $agent->blocked) {
            throw new ApiException(ApiException::AGENT_UNAVAILABLE, "{$agent->name} is away and cannot take new tickets.");
        }

        $ticket->update(['agent_id' => $agent->id]);

        return response()->json($ticket->fresh());
    }

    public function close(Request $request, int $ticketId): JsonResponse
    {
        $ticket = $this->findOpenTicket($ticketId, $request->user()->id);
        $ticket->update(['status' => TicketStatus::Closed]);
        $this->webhooks->dispatch(WebhookDispatcher::TICKET_CLOSED, ['ticket_id' => $ticket->id]);

        return response()->json($ticket);
    }

    public function merge(Request $request, int $ticketId): JsonResponse
    {
        $source = $this->findOpenTicket($ticketId, $request->user()->id);
        $targetId = $request->integer('into');
        $target = Ticket::find($targetId) ?? throw new ApiException(ApiException::TICKET_NOT_FOUND, params: [$targetId]);

        if ($target->id === $source->id || $target->contact_id !== $source->contact_id || !$target->status->isOpen()) {
            throw new ApiException(ApiException::TICKET_MERGE_INVALID);
        }

        $source->replies()->update(['ticket_id' => $target->id]);
        $source->attachments()->update(['ticket_id' => $target->id]);
        $source->forceFill(['status' => TicketStatus::Merged, 'merged_into_id' => $target->id])->save();
        $this->webhooks->dispatch(WebhookDispatcher::TICKET_MERGED, ['ticket_id' => $source->id, 'into' => $target->id]);

        return response()->json($target->fresh());
    }

    /** The ticket, if it exists, is not closed, and no other agent holds its edit lock. */
    private function findOpenTicket(int $ticketId, int $agentId): Ticket
    {
        $ticket = Ticket::find($ticketId);

        if (!$ticket) {
            throw new ApiException(ApiException::TICKET_NOT_FOUND, params: [$ticketId]);
        }
        if (\in_array($ticket->status, [TicketStatus::Closed, TicketStatus::Merged], true)) {
            throw new ApiException(ApiException::TICKET_ALREADY_CLOSED);
        }
        if ($ticket->isLockedFor($agentId)) {
            throw new ApiException(ApiException::TICKET_LOCKED);
        }

        return $ticket;
    }
}
