# frozen_string_literal: true

# An error the client is told about. RendersErrors turns it into a JSON:API error object;
# the subclasses fix the status so that a raise reads as what it answers:
#
#   raise ApiError::NotFound.new(ErrorCodes::BOOK_NOT_FOUND, "No book has the id #{id}")
class ApiError < StandardError
  attr_reader :code, :pointer, :meta

  def self.status
    :bad_request
  end

  def initialize(code, detail = nil, pointer: nil, meta: nil)
    @code = code
    @pointer = pointer
    @meta = meta
    super(detail || I18n.t("errors.#{code}.detail", default: code.humanize))
  end

  def status
    self.class.status
  end

  def title
    I18n.t("errors.#{code}.title", default: code.humanize)
  end

  class Unauthorized < ApiError
    def self.status = :unauthorized
  end

  class PaymentRequired < ApiError
    def self.status = :payment_required
  end

  class Forbidden < ApiError
    def self.status = :forbidden
  end

  class NotFound < ApiError
    def self.status = :not_found
  end

  class Conflict < ApiError
    def self.status = :conflict
  end

  class Gone < ApiError
    def self.status = :gone
  end

  class Unprocessable < ApiError
    def self.status = :unprocessable_entity
  end

  class ServiceUnavailable < ApiError
    def self.status = :service_unavailable
  end
end
