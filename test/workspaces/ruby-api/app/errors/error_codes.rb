# frozen_string_literal: true

# The codes the API sends in `errors[].code`. Clients switch on them, so a published value is
# never changed or reused; the constant names are ours.
module ErrorCodes
  # Requests
  PARAMETER_MISSING = "parameter_missing".freeze
  VALIDATION_FAILED = "validation_failed".freeze

  # Access
  UNAUTHORIZED = "unauthorized".freeze
  FORBIDDEN = "forbidden".freeze
  THROTTLED = "rate_limited".freeze
  MAINTENANCE = "maintenance".freeze
  INTERNAL = "internal_error".freeze

  # Catalogue
  BOOK_NOT_FOUND = "book_not_found".freeze
  DUPLICATE_ISBN = "isbn_taken".freeze
  BOOK_WITHDRAWN = "book_withdrawn".freeze

  # Members
  MEMBER_NOT_FOUND = "member_not_found".freeze
  MEMBERSHIP_EXPIRED = "membership_expired".freeze
  MEMBER_SUSPENDED = "member_suspended".freeze
  FINES_DUE = "outstanding_fines".freeze

  # Loans
  LOAN_NOT_FOUND = "loan_not_found".freeze
  COPY_UNAVAILABLE = "copy_unavailable".freeze
  LOAN_LIMIT = "loan_limit_reached".freeze
  ALREADY_RETURNED = "already_returned".freeze
  TOO_MANY_RENEWALS = "renewal_limit_reached".freeze
  HOLDS_WAITING = "hold_queue_not_empty".freeze

  # Webhooks
  WEBHOOK_SIGNATURE_INVALID = "webhook_signature_invalid".freeze

  ALL = constants.map { |name| const_get(name) }.grep(String).freeze
end
