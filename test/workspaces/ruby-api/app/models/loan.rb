# frozen_string_literal: true

class Loan < ApplicationRecord
  LOAN_PERIOD = 21.days
  MAX_RENEWALS = 2

  belongs_to :member
  belongs_to :copy

  scope :open, -> { where(returned_at: nil) }

  def returned?
    returned_at.present?
  end

  def overdue?
    !returned? && due_on < Date.current
  end
end
