package apierr

// ErrorCode is the machine-readable code sent in the "code" member of every error body.
// Clients branch on these strings, so a value is a public contract: add codes, never
// rename or reuse one. The message next to it may change freely.
type ErrorCode = string

const (
	// ErrorCodeUnexpectedFailure signals a failure the service did not anticipate (a 500).
	ErrorCodeUnexpectedFailure ErrorCode = "unexpected_failure"

	ErrorCodeValidationFailed ErrorCode = "validation_failed"
	ErrorCodeBadJSON          ErrorCode = "bad_json"
	ErrorCodeNoAuthorization  ErrorCode = "no_authorization"
	ErrorCodeBadJWT           ErrorCode = "bad_jwt"
	ErrorCodeNotAdmin         ErrorCode = "not_admin"
	ErrorCodeRouteNotFound    ErrorCode = "route_not_found"
	ErrorCodeMethodNotAllowed ErrorCode = "method_not_allowed"

	ErrorCodeOrderNotFound         ErrorCode = "order_not_found"
	ErrorCodeOrderAlreadyShipped   ErrorCode = "order_already_shipped"
	ErrorCodeOrderAlreadyCancelled ErrorCode = "order_already_cancelled"
	ErrorCodeOrderEmpty            ErrorCode = "order_empty"
	ErrorCodeCustomerNotFound      ErrorCode = "customer_not_found"
	ErrorCodeIdempotencyKeyReused  ErrorCode = "idempotency_key_reused"

	ErrorCodeProductNotFound   ErrorCode = "product_not_found"
	ErrorCodeSKUExists         ErrorCode = "sku_exists"
	ErrorCodeRevisionMismatch  ErrorCode = "revision_mismatch"
	ErrorCodeInsufficientStock ErrorCode = "insufficient_stock"
	// ErrorCodeOutOfStock is kept so that old clients still compile.
	//
	// Deprecated: the service sends ErrorCodeInsufficientStock, which says how many are left.
	ErrorCodeOutOfStock ErrorCode = "out_of_stock"

	ErrorCodeShipmentNotFound     ErrorCode = "shipment_not_found"
	ErrorCodeAddressUndeliverable ErrorCode = "address_undeliverable"
	ErrorCodeCarrierUnavailable   ErrorCode = "carrier_unavailable"
	ErrorCodePaymentDeclined      ErrorCode = "payment_declined"
	ErrorCodeOverRequestRateLimit ErrorCode = "over_request_rate_limit"
	ErrorCodeWarehouseMaintenance ErrorCode = "warehouse_maintenance"
)
