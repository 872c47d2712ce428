# frozen_string_literal: true

# 300 requests a minute per API token; the answer is a JSON:API error like every other.
Rack::Attack.throttle("requests per token", limit: 300, period: 60) do |request|
  request.get_header("HTTP_AUTHORIZATION").presence || request.ip
end

Rack::Attack.throttled_responder = lambda do |request|
  match = request.env["rack.attack.match_data"] || {}
  retry_after = (match[:period] || 60) - (Time.now.to_i % (match[:period] || 60))
  body = {
    errors: [{
      status: "429",
      code: "rate_limited",
      title: "Too many requests",
      detail: "More than #{match[:limit]} requests in #{match[:period]} seconds",
      meta: { retry_after: retry_after },
    }],
  }
  [429, { "Content-Type" => "application/vnd.api+json", "Retry-After" => retry_after.to_s }, [body.to_json]]
end
