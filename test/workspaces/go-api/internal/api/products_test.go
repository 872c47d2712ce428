package api

import (
	"net/http"
	"reflect"
	"testing"
)

func TestCreateProductErrors(t *testing.T) {
	f := newFixture(t, Config{})

	rec := f.do(t, http.MethodPost, "/v1/products", customerToken, map[string]any{"sku": "CAP-1", "name": "Cap", "price": 900, "currency": "EUR"})
	requireError(t, rec, http.StatusForbidden, "not_admin")

	rec = f.do(t, http.MethodPost, "/v1/products", adminToken, map[string]any{"sku": "mug-blue", "name": "Another blue mug", "price": 900, "currency": "EUR"})
	requireError(t, rec, http.StatusConflict, "sku_exists")

	rec = f.do(t, http.MethodPost, "/v1/products", adminToken, map[string]any{"sku": "x", "name": " ", "price": 0, "currency": "EUR"})
	body := requireError(t, rec, http.StatusBadRequest, "validation_failed")
	if got, want := detailFields(body), []string{"sku", "name", "price"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("detail fields = %v, want %v", got, want)
	}
}

func TestGetProduct(t *testing.T) {
	f := newFixture(t, Config{})

	rec := f.do(t, http.MethodGet, "/v1/products/mug-blue", customerToken, nil)
	if rec.Code != http.StatusOK || rec.Header().Get("ETag") != `"1"` {
		t.Fatalf("status %d, ETag %q", rec.Code, rec.Header().Get("ETag"))
	}

	rec = f.do(t, http.MethodGet, "/v1/products/MUG-GREEN", customerToken, nil)
	requireError(t, rec, http.StatusNotFound, "product_not_found")
}

func TestListProductsLimit(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.do(t, http.MethodGet, "/v1/products?limit=1000", customerToken, nil)
	body := requireError(t, rec, http.StatusBadRequest, "validation_failed")
	if got := detailFields(body); !reflect.DeepEqual(got, []string{"limit"}) {
		t.Fatalf("detail fields = %v", got)
	}
}

func TestAdjustStock(t *testing.T) {
	cases := []struct {
		name       string
		ifMatch    string
		delta      int
		wantStatus int
		wantCode   string
	}{
		{name: "stale revision", ifMatch: `"7"`, delta: 5, wantStatus: http.StatusPreconditionFailed, wantCode: "revision_mismatch"},
		{name: "more than in stock", ifMatch: `"1"`, delta: -11, wantStatus: http.StatusUnprocessableEntity, wantCode: "insufficient_stock"},
		{name: "zero", ifMatch: `"1"`, delta: 0, wantStatus: http.StatusBadRequest, wantCode: "validation_failed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, Config{})
			rec := f.do(t, http.MethodPost, "/v1/products/MUG-BLUE/stock", adminToken, map[string]any{"delta": tc.delta, "reason": "recount"}, "If-Match", tc.ifMatch)
			requireError(t, rec, tc.wantStatus, tc.wantCode)
		})
	}

	f := newFixture(t, Config{LowStockThreshold: 5})
	rec := f.do(t, http.MethodPost, "/v1/products/MUG-BLUE/stock", adminToken, map[string]any{"delta": -6, "reason": "breakage"}, "If-Match", `"1"`)
	if rec.Code != http.StatusOK || rec.Header().Get("ETag") != `"2"` {
		t.Fatalf("adjust: %d %s", rec.Code, rec.Body.String())
	}
	if got := f.events.Types(); len(got) != 1 || got[0] != "product.stock_low" {
		t.Fatalf("events = %v", got)
	}
}

func TestStockIsClosedDuringMaintenance(t *testing.T) {
	f := newFixture(t, Config{Maintenance: true})

	rec := f.do(t, http.MethodPost, "/v1/products/MUG-BLUE/stock", adminToken, map[string]any{"delta": 1, "reason": "recount"})
	requireError(t, rec, http.StatusServiceUnavailable, "warehouse_maintenance")
	if got := rec.Header().Get("Retry-After"); got != "900" {
		t.Fatalf("Retry-After = %q", got)
	}

	// Reading stays open.
	if rec := f.do(t, http.MethodGet, "/v1/products/MUG-BLUE", customerToken, nil); rec.Code != http.StatusOK {
		t.Fatalf("read during maintenance: %d", rec.Code)
	}
}
