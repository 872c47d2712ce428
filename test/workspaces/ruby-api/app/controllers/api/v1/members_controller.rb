# frozen_string_literal: true

module Api
  module V1
    class MembersController < ApplicationController
      def show
        member = current_branch.members.find_by(card_number: params[:id])
        return render_member_not_found unless member

        render json: MemberSerializer.new(member).serializable_hash
      end

      def loans
        member = current_branch.members.find_by(card_number: params[:member_id])
        return render_member_not_found unless member

        render json: LoanSerializer.new(member.loans.open.order(:due_on)).serializable_hash
      end

      private

      # Card numbers are printed on the card; the message repeats the one asked for so the desk can spot a typo.
      def render_member_not_found
        render json: {
          errors: [{
            status: "404",
            code: "member_not_found",
            title: "Member not found",
            detail: "No member has the card number #{params[:member_id] || params[:id]}",
          }],
        }, status: :not_found
      end
    end
  end
end
