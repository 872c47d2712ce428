# frozen_string_literal: true

require "rails_helper"

RSpec.describe "Loans API", type: :request do
  let(:api_token) { create(:api_token) }
  let(:member) { create(:member, branch: api_token.branch) }
  let(:book) { create(:book, copies_count: 1) }

  def checkout(card_number: member.card_number, book_id: book.id)
    post "/api/v1/loans", params: { loan: { card_number: card_number, book_id: book_id } }.to_json, headers: auth_headers
  end

  it "lends the last copy, then answers copy_unavailable" do
    checkout
    expect(response).to have_http_status(:created)

    checkout(card_number: create(:member, branch: api_token.branch).card_number)

    expect(response).to have_http_status(:conflict)
    expect(first_error["code"]).to eq("copy_unavailable")
    expect(first_error.dig("meta", "holds")).to eq(0)
  end

  it "refuses members with an expired membership" do
    member.update!(membership_expires_on: 1.day.ago)

    checkout

    expect(response).to have_http_status(:forbidden)
    expect(first_error["code"]).to eq("membership_expired")
  end

  it "asks for payment when fines are due" do
    member.update!(fines_cents: 2_500)

    checkout

    expect(response).to have_http_status(402)
    expect(first_error["code"]).to eq(ErrorCodes::FINES_DUE)
    expect(first_error.dig("meta", "fines_cents")).to eq(2_500)
  end

  it "stops at the loan limit" do
    create_list(:loan, Member::MAX_OPEN_LOANS, member: member)

    checkout

    expect(response).to have_http_status(:unprocessable_entity)
    expect(first_error["code"]).to eq("loan_limit_reached")
  end

  it "answers member_not_found for an unknown card" do
    checkout(card_number: "0000000000")

    expect(response).to have_http_status(:not_found)
    expect(first_error["code"]).to eq("member_not_found")
  end

  it "does not renew a returned loan" do
    loan = create(:loan, member: member, returned_at: 1.hour.ago)

    post "/api/v1/loans/#{loan.id}/renew", headers: auth_headers

    expect(response).to have_http_status(:conflict)
    expect(first_error["code"]).to eq("already_returned")
  end

  it "renews twice at most" do
    loan = create(:loan, member: member, renewals: Loan::MAX_RENEWALS)

    post "/api/v1/loans/#{loan.id}/renew", headers: auth_headers

    expect(response).to have_http_status(422)
    expect(first_error["code"]).to eq("renewal_limit_reached")
  end

  it "answers loan_not_found for another branch's loan" do
    loan = create(:loan)

    post "/api/v1/loans/#{loan.id}/check_in", headers: auth_headers

    expect(response).to have_http_status(:not_found)
    expect(first_error["code"]).to eq("loan_not_found")
  end
end
