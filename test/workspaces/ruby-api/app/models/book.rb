# frozen_string_literal: true

class Book < ApplicationRecord
  has_many :copies, dependent: :destroy
  has_many :holds, -> { order(:created_at) }, dependent: :destroy

  enum :format, { hardcover: "hardcover", paperback: "paperback", ebook: "ebook", audiobook: "audiobook" }

  validates :title, presence: true
  validates :isbn, presence: true, format: { with: /\A97[89]\d{10}\z/ }
  validates :language, inclusion: { in: ReferenceData::LANGUAGES.map { |language| language[:code] } }

  scope :in_circulation, -> { where(withdrawn_at: nil) }

  def withdrawn?
    withdrawn_at.present?
  end

  def available_copy
    copies.where.not(id: Loan.open.select(:copy_id)).first
  end
end
