# frozen_string_literal: true

class LoanSerializer
  include JSONAPI::Serializer

  attributes :due_on, :renewals, :returned_at
  attribute :overdue, &:overdue?
end
