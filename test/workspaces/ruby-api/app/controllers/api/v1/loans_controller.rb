# frozen_string_literal: true

module Api
  module V1
    class LoansController < ApplicationController
      def create
        member = current_branch.members.find_by!(card_number: loan_params[:card_number])
        book = Book.in_circulation.find_by(id: loan_params[:book_id])
        raise ApiError::NotFound.new(ErrorCodes::BOOK_NOT_FOUND, "No book in circulation has the id #{loan_params[:book_id]}") unless book

        loan = Loans::Checkout.call(member: member, book: book)
        render json: LoanSerializer.new(loan).serializable_hash, status: :created
      end

      def renew
        loan = find_loan
        raise ApiError::Conflict.new(ErrorCodes::ALREADY_RETURNED) if loan.returned?
        if loan.renewals >= Loan::MAX_RENEWALS
          raise ApiError::Unprocessable.new(ErrorCodes::TOO_MANY_RENEWALS, "A loan can be renewed #{Loan::MAX_RENEWALS} times")
        end
        if loan.copy.book.holds.exists?
          raise ApiError::Conflict.new(ErrorCodes::HOLDS_WAITING, "Other members are waiting for this book")
        end

        loan.update!(due_on: loan.due_on + Loan::LOAN_PERIOD, renewals: loan.renewals + 1)
        render json: LoanSerializer.new(loan).serializable_hash
      end

      def check_in
        loan = find_loan
        raise ApiError::Conflict.new(ErrorCodes::ALREADY_RETURNED, "Loan #{loan.id} was returned on #{loan.returned_at.to_date}") if loan.returned?

        loan.update!(returned_at: Time.current)
        head :no_content
      end

      private

      def find_loan
        Loan.joins(:member).where(members: { branch_id: current_branch.id }).find_by(id: params[:id]) ||
          raise(ApiError::NotFound.new(ErrorCodes::LOAN_NOT_FOUND, "No loan has the id #{params[:id]}"))
      end

      def loan_params
        params.require(:loan).permit(:card_number, :book_id)
      end
    end
  end
end
