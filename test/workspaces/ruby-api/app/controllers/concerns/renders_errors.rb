# frozen_string_literal: true

# Every error leaves the API as a JSON:API error document:
#
#   { "errors": [{ "status": "404", "code": "book_not_found", "title": "...", "detail": "...",
#                  "source": { "pointer": "/data/attributes/isbn" } }] }
#
# `status` is a string, as JSON:API has it; `source` only when one input is at fault.
module RendersErrors
  extend ActiveSupport::Concern

  included do
    rescue_from StandardError, with: :render_internal_error
    rescue_from ApiError, with: :render_api_error
    rescue_from ActiveRecord::RecordNotFound, with: :render_record_not_found
    rescue_from ActiveRecord::RecordInvalid, with: :render_record_invalid
    rescue_from ActionController::ParameterMissing, with: :render_parameter_missing
  end

  private

  def render_api_error(error)
    render_errors [error_object(error.code, error.status, error.title, error.message, pointer: error.pointer, meta: error.meta)],
                  status: error.status
  end

  def render_record_not_found(error)
    code = "#{error.model.underscore}_not_found"
    code = ErrorCodes::INTERNAL unless ErrorCodes::ALL.include?(code)
    render_errors [error_object(code, :not_found, I18n.t("errors.#{code}.title"), "No #{error.model.titleize.downcase} has the id #{error.id}")],
                  status: :not_found
  end

  def render_record_invalid(error)
    objects = error.record.errors.map do |attribute_error|
      error_object(ErrorCodes::VALIDATION_FAILED, :unprocessable_entity, "Validation failed", attribute_error.full_message,
                   pointer: "/data/attributes/#{attribute_error.attribute}")
    end
    render_errors objects, status: :unprocessable_entity
  end

  def render_parameter_missing(error)
    render_errors [error_object(ErrorCodes::PARAMETER_MISSING, :bad_request, "Parameter missing", error.message)],
                  status: 400
  end

  def render_internal_error(error)
    raise error if Rails.env.test? && !ENV["RENDER_INTERNAL_ERRORS"]

    Rails.logger.error("#{error.class}: #{error.message}\n#{error.backtrace&.first(10)&.join("\n")}")
    render_errors [error_object(ErrorCodes::INTERNAL, :internal_server_error, "Internal error", "Something went wrong on our side")],
                  status: :internal_server_error
  end

  def error_object(code, status, title, detail, pointer: nil, meta: nil)
    {
      status: Rack::Utils.status_code(status).to_s,
      code: code,
      title: title,
      detail: detail,
      source: pointer && { pointer: pointer },
      meta: meta,
    }.compact
  end

  def render_errors(objects, status:)
    render json: { errors: objects }, status: status, content_type: "application/vnd.api+json"
  end
end
