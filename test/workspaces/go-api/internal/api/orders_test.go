package api

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"example.com/ordersvc/internal/apierr"
	"example.com/ordersvc/internal/carrier"
	"example.com/ordersvc/internal/events"
	"example.com/ordersvc/internal/store"
)

func item(sku string, quantity int) map[string]any {
	return map[string]any{"sku": sku, "quantity": quantity}
}

func createOrder(t *testing.T, f *fixture, token string, items ...map[string]any) store.Order {
	t.Helper()
	rec := f.do(t, http.MethodPost, "/v1/orders", token, map[string]any{"currency": "EUR", "items": items})
	if rec.Code != http.StatusCreated {
		t.Fatalf("creating an order: status %d, body %s", rec.Code, rec.Body.String())
	}
	var order store.Order
	if err := json.Unmarshal(rec.Body.Bytes(), &order); err != nil {
		t.Fatal(err)
	}
	return order
}

func TestCreateOrder(t *testing.T) {
	f := newFixture(t, Config{})
	order := createOrder(t, f, customerToken, item("MUG-BLUE", 2))

	if order.Status != store.OrderPending || order.Total() != 2500 {
		t.Fatalf("order = %+v", order)
	}
	product, _ := f.store.Product("MUG-BLUE")
	if product.InStock != 8 {
		t.Fatalf("in stock = %d, want 8", product.InStock)
	}
	if got := f.events.Types(); !reflect.DeepEqual(got, []events.Type{events.OrderCreated}) {
		t.Fatalf("events = %v", got)
	}
}

func TestCreateOrderErrors(t *testing.T) {
	cases := []struct {
		name       string
		token      string
		body       any
		wantStatus int
		wantCode   string
		wantFields []string
	}{
		{
			name:       "no items",
			token:      customerToken,
			body:       map[string]any{"currency": "EUR", "items": []any{}},
			wantStatus: http.StatusUnprocessableEntity,
			wantCode:   "order_empty",
		},
		{
			name:       "quantity and currency out of range",
			token:      customerToken,
			body:       map[string]any{"currency": "XTS", "items": []any{item("MUG-BLUE", 0)}},
			wantStatus: http.StatusBadRequest,
			wantCode:   "validation_failed",
			wantFields: []string{"currency", "items[0].quantity"},
		},
		{
			name:       "unknown field",
			token:      customerToken,
			body:       map[string]any{"currency": "EUR", "items": []any{item("MUG-BLUE", 1)}, "coupon": "SPRING"},
			wantStatus: http.StatusBadRequest,
			wantCode:   "validation_failed",
			wantFields: []string{"coupon"},
		},
		{
			name:       "not JSON",
			token:      customerToken,
			body:       `{"currency": "EUR", "items": [`,
			wantStatus: http.StatusBadRequest,
			wantCode:   "bad_json",
		},
		{
			name:       "unknown product",
			token:      customerToken,
			body:       map[string]any{"currency": "EUR", "items": []any{item("MUG-RED", 1)}},
			wantStatus: 404,
			wantCode:   "product_not_found",
		},
		{
			name:       "more than in stock",
			token:      customerToken,
			body:       map[string]any{"currency": "EUR", "items": []any{item("TEE-M", 3)}},
			wantStatus: 422,
			wantCode:   "insufficient_stock",
		},
		{
			name:       "for another customer",
			token:      customerToken,
			body:       map[string]any{"customer_id": "cus_2", "currency": "EUR", "items": []any{item("MUG-BLUE", 1)}},
			wantStatus: http.StatusForbidden,
			wantCode:   apierr.ErrorCodeNotAdmin,
		},
		{
			name:       "customer that does not exist",
			token:      adminToken,
			body:       map[string]any{"customer_id": "cus_404", "currency": "EUR", "items": []any{item("MUG-BLUE", 1)}},
			wantStatus: http.StatusUnprocessableEntity,
			wantCode:   apierr.ErrorCodeCustomerNotFound,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, Config{})
			rec := f.do(t, http.MethodPost, "/v1/orders", tc.token, tc.body)
			body := requireError(t, rec, tc.wantStatus, tc.wantCode)
			if tc.wantFields != nil {
				if got := detailFields(body); !reflect.DeepEqual(got, tc.wantFields) {
					t.Fatalf("detail fields = %v, want %v", got, tc.wantFields)
				}
			}
			if product, _ := f.store.Product("TEE-M"); product.InStock != 2 {
				t.Fatalf("a refused order took stock: %d left", product.InStock)
			}
		})
	}
}

func TestIdempotencyKey(t *testing.T) {
	f := newFixture(t, Config{})
	body := map[string]any{"currency": "EUR", "items": []any{item("MUG-BLUE", 1)}}
	first := f.do(t, http.MethodPost, "/v1/orders", customerToken, body, "Idempotency-Key", "k-1")
	if first.Code != http.StatusCreated {
		t.Fatalf("first: %d %s", first.Code, first.Body.String())
	}
	again := f.do(t, http.MethodPost, "/v1/orders", customerToken, body, "Idempotency-Key", "k-1")
	if again.Code != http.StatusOK {
		t.Fatalf("replay: %d %s", again.Code, again.Body.String())
	}

	other := map[string]any{"currency": "EUR", "items": []any{item("MUG-BLUE", 1), item("TEE-M", 1)}}
	rec := f.do(t, http.MethodPost, "/v1/orders", customerToken, other, "Idempotency-Key", "k-1")
	requireError(t, rec, http.StatusConflict, "idempotency_key_reused")
}

func TestGetOrderOfAnotherCustomerIsNotFound(t *testing.T) {
	f := newFixture(t, Config{})
	order := createOrder(t, f, customerToken, item("MUG-BLUE", 1))

	rec := f.do(t, http.MethodGet, "/v1/orders/"+order.ID, otherToken, nil)
	requireError(t, rec, http.StatusNotFound, "order_not_found")

	rec = f.do(t, http.MethodGet, "/v1/orders/"+order.ID, adminToken, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("admin read: %d", rec.Code)
	}
}

func TestCancelOrder(t *testing.T) {
	f := newFixture(t, Config{})
	order := createOrder(t, f, customerToken, item("TEE-M", 2))

	rec := f.do(t, http.MethodPost, "/v1/orders/"+order.ID+"/cancel", customerToken, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("cancel: %d %s", rec.Code, rec.Body.String())
	}
	if product, _ := f.store.Product("TEE-M"); product.InStock != 2 {
		t.Fatalf("cancel did not restock: %d", product.InStock)
	}

	rec = f.do(t, http.MethodPost, "/v1/orders/"+order.ID+"/cancel", customerToken, nil)
	requireError(t, rec, http.StatusConflict, "order_already_cancelled")
}

func TestCancelShippedOrder(t *testing.T) {
	f := newFixture(t, Config{})
	order := createOrder(t, f, customerToken, item("MUG-BLUE", 1))
	ship := f.do(t, http.MethodPost, "/v1/orders/"+order.ID+"/ship", adminToken, map[string]any{"weight_g": 400})
	if ship.Code != http.StatusCreated {
		t.Fatalf("ship: %d %s", ship.Code, ship.Body.String())
	}

	rec := f.do(t, http.MethodPost, "/v1/orders/"+order.ID+"/cancel", customerToken, nil)
	requireError(t, rec, http.StatusConflict, "order_already_shipped")
}

func TestPayOrderDeclined(t *testing.T) {
	f := newFixture(t, Config{})
	order := createOrder(t, f, customerToken, item("MUG-BLUE", 1))
	f.payments.err = &DeclineError{DeclineCode: "insufficient_funds"}

	rec := f.do(t, http.MethodPost, "/v1/orders/"+order.ID+"/pay", customerToken, map[string]any{"payment_method": "pm_card_visa"})
	body := requireError(t, rec, http.StatusPaymentRequired, "payment_declined")
	if body["message"] != "The card was declined (insufficient_funds)" {
		t.Fatalf("message = %v", body["message"])
	}
	if got := f.events.Types(); got[len(got)-1] != events.PaymentFailed {
		t.Fatalf("events = %v", got)
	}
}

func TestShipOrderCarrierErrors(t *testing.T) {
	cases := []struct {
		name           string
		carrierErr     error
		wantStatus     int
		wantCode       string
		wantRetryAfter string
	}{
		{
			name:       "address the carrier cannot serve",
			carrierErr: &carrier.CarrierError{HTTPStatus: 422, ErrorCode: "E1002", ErrorType: "ADDRESS", Description: "postcode does not match city"},
			wantStatus: http.StatusUnprocessableEntity,
			wantCode:   "address_undeliverable",
		},
		{
			name:           "label service down",
			carrierErr:     &carrier.CarrierError{HTTPStatus: 503, ErrorCode: "S5003", ErrorType: "SERVICE"},
			wantStatus:     http.StatusServiceUnavailable,
			wantCode:       "carrier_unavailable",
			wantRetryAfter: "60",
		},
		{
			name:       "carrier code we do not know",
			carrierErr: &carrier.CarrierError{HTTPStatus: 400, ErrorCode: "E9999", ErrorType: "REQUEST"},
			wantStatus: http.StatusInternalServerError,
			wantCode:   "unexpected_failure",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, Config{})
			order := createOrder(t, f, customerToken, item("MUG-BLUE", 1))
			f.labeler.err = tc.carrierErr

			rec := f.do(t, http.MethodPost, "/v1/orders/"+order.ID+"/ship", adminToken, map[string]any{"weight_g": 400})
			body := requireError(t, rec, tc.wantStatus, tc.wantCode)
			if got := rec.Header().Get("Retry-After"); got != tc.wantRetryAfter {
				t.Fatalf("Retry-After = %q, want %q", got, tc.wantRetryAfter)
			}
			if tc.wantStatus >= 500 && body["error_id"] == nil {
				t.Fatalf("a %d without error_id: %s", tc.wantStatus, rec.Body.String())
			}
		})
	}
}

func TestShipOrderNeedsAdmin(t *testing.T) {
	f := newFixture(t, Config{})
	order := createOrder(t, f, customerToken, item("MUG-BLUE", 1))
	rec := f.do(t, http.MethodPost, "/v1/orders/"+order.ID+"/ship", customerToken, map[string]any{"weight_g": 400})
	requireError(t, rec, http.StatusForbidden, "not_admin")
}
