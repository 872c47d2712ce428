# frozen_string_literal: true

module Api
  module V1
    class BooksController < ApplicationController
      def show
        book = Book.find_by(id: params[:id])
        raise ApiError::NotFound.new(ErrorCodes::BOOK_NOT_FOUND, "No book has the id #{params[:id]}") unless book

        render json: BookSerializer.new(book).serializable_hash
      end

      def create
        if Book.exists?(isbn: book_params[:isbn])
          raise ApiError::Conflict.new(ErrorCodes::DUPLICATE_ISBN, "A book with ISBN #{book_params[:isbn]} is already in the catalogue",
                                       pointer: "/data/attributes/isbn")
        end

        book = Book.create!(book_params)
        render json: BookSerializer.new(book).serializable_hash, status: :created
      end

      # Withdrawing keeps the record for the loan history.
      def destroy
        book = Book.find(params[:id])
        if Loan.open.joins(:copy).exists?(copies: { book_id: book.id })
          raise ApiError::Conflict.new(ErrorCodes::COPY_UNAVAILABLE, "Copies of #{book.title} are still on loan")
        end

        book.update!(withdrawn_at: Time.current)
        head :no_content
      end

      private

      def book_params
        params.require(:data).require(:attributes).permit(:title, :author, :isbn, :language, :format, :genre)
      end
    end
  end
end
