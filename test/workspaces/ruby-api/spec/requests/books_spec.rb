# frozen_string_literal: true

require "rails_helper"

RSpec.describe "Books API", type: :request do
  let(:api_token) { create(:api_token) }

  describe "GET /api/v1/books/:id" do
    it "answers 404 with book_not_found for an unknown id" do
      get "/api/v1/books/999999", headers: auth_headers

      expect(response).to have_http_status(:not_found)
      expect(response.media_type).to eq("application/vnd.api+json")
      expect(first_error).to include("status" => "404", "code" => "book_not_found", "title" => "Book not found")
    end

    it "answers 401 without a token" do
      get "/api/v1/books/1"

      expect(response).to have_http_status(401)
      expect(first_error["code"]).to eq("unauthorized")
      expect(response.headers["WWW-Authenticate"]).to start_with("Bearer")
    end
  end

  describe "POST /api/v1/books" do
    let(:attributes) { { title: "Max Havelaar", author: "Multatuli", isbn: "9789025300340", language: "nl", format: "paperback" } }

    it "refuses an ISBN that is already in the catalogue and points at it" do
      create(:book, isbn: attributes[:isbn])

      post "/api/v1/books", params: { data: { attributes: attributes } }.to_json, headers: auth_headers

      expect(response).to have_http_status(:conflict)
      expect(first_error["code"]).to eq(ErrorCodes::DUPLICATE_ISBN)
      expect(first_error.dig("source", "pointer")).to eq("/data/attributes/isbn")
    end

    it "lists each invalid attribute" do
      post "/api/v1/books", params: { data: { attributes: attributes.merge(isbn: "123", language: "xx") } }.to_json, headers: auth_headers

      expect(response).to have_http_status(:unprocessable_entity)
      expect(json["errors"].map { |error| error["code"] }.uniq).to eq(["validation_failed"])
      expect(json["errors"].map { |error| error.dig("source", "pointer") }).to include("/data/attributes/isbn", "/data/attributes/language")
    end

    it "needs a data document" do
      post "/api/v1/books", params: { title: "No envelope" }.to_json, headers: auth_headers

      expect(response.status).to eq(400)
      expect(first_error["code"]).to eq("parameter_missing")
    end
  end
end
