# frozen_string_literal: true

module JsonApiHelpers
  def json
    JSON.parse(response.body)
  end

  def first_error
    json.fetch("errors").first
  end

  def auth_headers(token = api_token)
    { "Authorization" => "Bearer #{token.token}", "Content-Type" => "application/json" }
  end
end

RSpec.configure do |config|
  config.include JsonApiHelpers, type: :request
end
