# frozen_string_literal: true

Rails.application.routes.draw do
  namespace :api do
    namespace :v1 do
      resources :books, only: %i[show create destroy]
      resources :members, only: :show do
        get :loans
      end
      resources :loans, only: :create do
        member do
          post :renew
          post :check_in
        end
      end
    end
  end

  post "/webhooks/card_payments", to: "webhooks/card_payments#create"
  get "/up", to: "rails/health#show"
end
