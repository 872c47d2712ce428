# frozen_string_literal: true

class MemberSerializer
  include JSONAPI::Serializer

  set_id :card_number
  attributes :name, :membership_expires_on, :fines_cents
end
