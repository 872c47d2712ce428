<?php

namespace App\Http\Controllers\Api;

use App\Http\Controllers\Controller;
use App\Services\SlackConnector;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Cache;

class IntegrationController extends Controller
{
    /**
     * Slack's OAuth redirect. `code` is Slack's one-time authorization code; a refusal comes
     * back as ?error=access_denied.
     */
    public function slackCallback(Request $request, SlackConnector $slack): RedirectResponse
    {
        if ($request->query('error') === 'access_denied') {
            return redirect('/settings/integrations?slack=denied');
        }

        $state = (string) $request->query('state');
        $workspaceId = Cache::pull("slack-oauth:{$state}");
        if ($workspaceId === null) {
            return redirect('/settings/integrations?slack=expired');
        }

        $result = $slack->exchange((string) $request->query('code'));
        if (!$result['ok']) {
            return redirect('/settings/integrations?slack=' . $result['reason']);
        }

        Cache::forever("slack-token:{$workspaceId}", $result['token']);

        return redirect('/settings/integrations?slack=connected');
    }
}
