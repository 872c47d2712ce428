/**
 * Error codes of the booking API, sent as `errors[].extensions.code`. Clients switch on the
 * value; the member name is only ours, so members can be renamed, values never.
 */
export enum ErrorCode {
  Forbidden = 'FORBIDDEN',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  InvalidPayload = 'INVALID_PAYLOAD',
  InvalidQuery = 'INVALID_QUERY',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  UserNotFound = 'USER_NOT_FOUND',
  RoomNotFound = 'ROOM_NOT_FOUND',
  RoomUnavailable = 'ROOM_UNAVAILABLE',
  BookingNotFound = 'BOOKING_NOT_FOUND',
  SlotTaken = 'SLOT_ALREADY_BOOKED',
  /** @deprecated The API answered DOUBLE_BOOKING before 3.0; it now sends SLOT_ALREADY_BOOKED. */
  DoubleBooking = 'DOUBLE_BOOKING',
  BookingInPast = 'BOOKING_IN_THE_PAST',
  BookingTooLong = 'BOOKING_EXCEEDS_MAX_DURATION',
  CapacityExceeded = 'ROOM_CAPACITY_EXCEEDED',
  BookingAlreadyCancelled = 'BOOKING_ALREADY_CANCELLED',
  CancellationWindowClosed = 'CANCELLATION_WINDOW_CLOSED',
  QuotaExceeded = 'BOOKING_QUOTA_EXCEEDED',
  RequestsExceeded = 'REQUESTS_EXCEEDED',
  CalendarUnavailable = 'CALENDAR_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}
