package api

import (
	"encoding/json"
	"net/http"
	"testing"

	"example.com/ordersvc/internal/store"
)

func shippedOrder(t *testing.T, f *fixture) (store.Order, store.Shipment) {
	t.Helper()
	order := createOrder(t, f, customerToken, item("MUG-BLUE", 1))
	rec := f.do(t, http.MethodPost, "/v1/orders/"+order.ID+"/ship", adminToken, map[string]any{"weight_g": 350})
	if rec.Code != http.StatusCreated {
		t.Fatalf("ship: %d %s", rec.Code, rec.Body.String())
	}
	var shipment store.Shipment
	if err := json.Unmarshal(rec.Body.Bytes(), &shipment); err != nil {
		t.Fatal(err)
	}
	return order, shipment
}

func TestGetShipment(t *testing.T) {
	f := newFixture(t, Config{})
	_, shipment := shippedOrder(t, f)

	if rec := f.do(t, http.MethodGet, "/v1/shipments/"+shipment.ID, customerToken, nil); rec.Code != http.StatusOK {
		t.Fatalf("owner: %d", rec.Code)
	}
	rec := f.do(t, http.MethodGet, "/v1/shipments/"+shipment.ID, otherToken, nil)
	requireError(t, rec, http.StatusNotFound, "shipment_not_found")

	rec = f.do(t, http.MethodGet, "/v1/shipments/shp_missing", customerToken, nil)
	requireError(t, rec, http.StatusNotFound, "shipment_not_found")
}

func TestRecordTracking(t *testing.T) {
	f := newFixture(t, Config{})
	_, shipment := shippedOrder(t, f)
	path := "/v1/shipments/" + shipment.ID + "/tracking"

	rec := f.do(t, http.MethodPost, path, adminToken, map[string]any{"code": "DL", "at": "2025-03-15T10:20:00Z"})
	if rec.Code != http.StatusNoContent {
		t.Fatalf("tracking: %d %s", rec.Code, rec.Body.String())
	}
	if got, _ := f.store.Shipment(shipment.ID); got.Status != "delivered" {
		t.Fatalf("status = %q", got.Status)
	}

	rec = f.do(t, http.MethodPost, path, adminToken, map[string]any{"code": "XX", "at": "2025-03-15T10:20:00Z"})
	body := requireError(t, rec, http.StatusBadRequest, "validation_failed")
	if fields := detailFields(body); len(fields) != 1 || fields[0] != "code" {
		t.Fatalf("detail fields = %v", fields)
	}
}
