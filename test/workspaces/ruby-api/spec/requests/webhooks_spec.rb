# frozen_string_literal: true

require "rails_helper"

RSpec.describe "Card payment webhooks", type: :request do
  it "refuses a payload whose signature does not match" do
    post "/webhooks/card_payments", params: { type: "payment.succeeded" }.to_json,
                                    headers: { "X-Terminal-Signature" => "deadbeef", "Content-Type" => "application/json" }

    expect(response).to have_http_status(:unauthorized)
    expect(first_error["code"]).to eq("webhook_signature_invalid")
  end
end
