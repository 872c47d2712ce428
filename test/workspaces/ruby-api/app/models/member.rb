# frozen_string_literal: true

class Member < ApplicationRecord
  MAX_OPEN_LOANS = 5
  FINE_LIMIT_CENTS = 1_000

  has_many :loans, dependent: :restrict_with_exception

  def expired?
    membership_expires_on < Date.current
  end

  def suspended?
    suspended_until.present? && suspended_until > Time.current
  end
end
