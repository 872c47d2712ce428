# frozen_string_literal: true

class BookSerializer
  include JSONAPI::Serializer

  attributes :title, :author, :isbn, :language, :format, :genre
  attribute :withdrawn, &:withdrawn?
end
