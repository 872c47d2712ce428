# frozen_string_literal: true

# Lookup data for the catalogue forms. Every `code` here is an ISO code or a genre slug, not an error.
module ReferenceData
  LANGUAGES = [
    { code: "en", name: "English" },
    { code: "nl", name: "Nederlands" },
    { code: "fr", name: "Français" },
    { code: "de", name: "Deutsch" },
    { code: "pl", name: "Polski" },
  ].freeze

  GENRES = [
    { code: "fiction", label: "Fiction" },
    { code: "biography", label: "Biography" },
    { code: "science", label: "Science" },
    { code: "children", label: "Children" },
  ].freeze

  COVER_TYPES = [
    { type: "image/jpeg", max_bytes: 2_000_000 },
    { type: "image/webp", max_bytes: 2_000_000 },
  ].freeze
end
