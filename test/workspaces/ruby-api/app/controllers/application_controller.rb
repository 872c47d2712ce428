# frozen_string_literal: true

class ApplicationController < ActionController::API
  include RendersErrors

  before_action :refuse_during_maintenance
  before_action :authenticate!

  private

  def refuse_during_maintenance
    return unless Rails.configuration.x.maintenance_until&.future?

    response.headers["Retry-After"] = (Rails.configuration.x.maintenance_until - Time.current).ceil.to_s
    raise ApiError::ServiceUnavailable.new(ErrorCodes::MAINTENANCE, "The catalogue is being migrated; back at #{Rails.configuration.x.maintenance_until.strftime('%H:%M')}")
  end

  def authenticate!
    token = request.authorization.to_s.delete_prefix("Bearer ").presence
    @current_branch = token && ApiToken.active.find_by(token: token)&.branch
    return if @current_branch

    response.headers["WWW-Authenticate"] = 'Bearer realm="shelf"'
    raise ApiError::Unauthorized.new(ErrorCodes::UNAUTHORIZED, "Send a branch API token")
  end

  attr_reader :current_branch
end
