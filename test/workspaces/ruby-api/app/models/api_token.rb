# frozen_string_literal: true

class ApiToken < ApplicationRecord
  belongs_to :branch

  scope :active, -> { where(revoked_at: nil) }
end
