# frozen_string_literal: true

module Webhooks
  # The card terminal provider posts fine payments here. Its events have a `type`
  # ("payment.succeeded", "payment.refunded") and its own `failure_code`s, which are not ours.
  class CardPaymentsController < ActionController::API
    HANDLED_TYPES = %w[payment.succeeded payment.refunded].freeze

    def create
      payload = request.raw_post
      unless valid_signature?(payload, request.headers["X-Terminal-Signature"])
        return render json: {
          errors: [{ status: "401", code: "webhook_signature_invalid", title: "Webhook signature invalid",
                     detail: "X-Terminal-Signature does not match the payload" }],
        }, status: 401
      end

      event = JSON.parse(payload)
      return head :accepted unless HANDLED_TYPES.include?(event["type"])

      member = Member.find_by(card_number: event.dig("data", "reference"))
      if member && event["type"] == "payment.succeeded"
        member.update!(fines_cents: [member.fines_cents - event.dig("data", "amount_cents").to_i, 0].max)
      elsif event.dig("data", "failure_code") == "card_declined"
        Rails.logger.info("Fine payment declined for #{event.dig('data', 'reference')}")
      end
      head :ok
    end

    private

    def valid_signature?(payload, signature)
      return false if signature.blank?

      expected = OpenSSL::HMAC.hexdigest("SHA256", Rails.application.credentials.terminal_webhook_secret.to_s, payload)
      ActiveSupport::SecurityUtils.secure_compare(expected, signature)
    end
  end
end
