# frozen_string_literal: true

module Loans
  # Lends a copy of a book to a member, or says why not.
  class Checkout
    def self.call(member:, book:)
      new(member, book).call
    end

    def initialize(member, book)
      @member = member
      @book = book
    end

    def call
      check_member!
      raise ApiError::Gone.new(ErrorCodes::BOOK_WITHDRAWN, "#{@book.title} was withdrawn from the collection") if @book.withdrawn?

      copy = @book.available_copy
      raise ApiError::Conflict.new(ErrorCodes::COPY_UNAVAILABLE, "Every copy of #{@book.title} is on loan", meta: { holds: @book.holds.count }) unless copy

      Loan.create!(member: @member, copy: copy, due_on: Loan::LOAN_PERIOD.from_now.to_date, renewals: 0)
    end

    private

    def check_member!
      raise ApiError::Forbidden.new(ErrorCodes::MEMBERSHIP_EXPIRED, "Membership expired on #{@member.membership_expires_on}") if @member.expired?
      raise ApiError::Forbidden.new(ErrorCodes::MEMBER_SUSPENDED) if @member.suspended?

      if @member.fines_cents > Member::FINE_LIMIT_CENTS
        raise ApiError::PaymentRequired.new(ErrorCodes::FINES_DUE, "Fines of #{format('%.2f', @member.fines_cents / 100.0)} EUR are due",
                                            meta: { fines_cents: @member.fines_cents })
      end
      return if @member.loans.open.count < Member::MAX_OPEN_LOANS

      raise ApiError::Unprocessable.new(ErrorCodes::LOAN_LIMIT, "Members may hold #{Member::MAX_OPEN_LOANS} loans at once")
    end
  end
end
