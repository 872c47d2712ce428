<?php

namespace Tests\Feature;

use App\Models\Attachment;
use Illuminate\Http\UploadedFile;
use Illuminate\Support\Facades\Storage;
use Tests\TestCase;

class AttachmentApiTest extends TestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        Storage::fake('attachments');
    }

    public function test_files_over_10_mb_are_refused(): void
    {
        $this->actingAsAgent();
        $ticket = $this->ticket();

        $response = $this->post("/api/v1/tickets/{$ticket->id}/attachments", [
            'file' => UploadedFile::fake()->create('logs.zip', 11 * 1024, 'application/zip'),
        ], ['Accept' => 'application/json']);

        $response->assertStatus(413);
        $response->assertJsonPath('type', 'attachment_too_large');
    }

    public function test_executables_are_refused(): void
    {
        $this->actingAsAgent();
        $ticket = $this->ticket();

        $response = $this->post("/api/v1/tickets/{$ticket->id}/attachments", [
            'file' => UploadedFile::fake()->create('setup.exe', 20, 'application/x-msdownload'),
        ], ['Accept' => 'application/json']);

        $response->assertStatus(415);
        $response->assertJson([
            'code' => 415,
            'type' => 'attachment_type_unsupported',
            'message' => 'Files of type application/x-msdownload cannot be attached.',
        ]);
    }

    public function test_the_workspace_storage_quota_is_enforced(): void
    {
        $this->actingAsAgent();
        $ticket = $this->ticket();
        Attachment::create(['ticket_id' => $ticket->id, 'filename' => 'archive.zip', 'mime_type' => 'application/zip', 'size' => 5 * 1024 ** 3, 'path' => 'tickets/archive.zip']);

        $response = $this->post("/api/v1/tickets/{$ticket->id}/attachments", [
            'file' => UploadedFile::fake()->image('screenshot.png'),
        ], ['Accept' => 'application/json']);

        $response->assertForbidden();
        $response->assertJsonPath('type', 'storage_limit_exceeded');
    }

    public function test_a_missing_attachment_is_not_found(): void
    {
        $this->actingAsAgent();

        $response = $this->get('/api/v1/attachments/77', ['Accept' => 'application/json']);

        $response->assertStatus(404)->assertJsonPath('type', 'attachment_not_found');
    }
}
