package carrier

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCreateLabelReturnsCarrierError(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v2/labels" || r.Header.Get("X-Api-Key") != "key_test" {
			t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		_ = json.NewEncoder(w).Encode(map[string]string{
			"error_code":  "E1002",
			"error_type":  "ADDRESS",
			"description": "Postcode 10115 does not belong to Hamburg",
		})
	}))
	defer server.Close()

	client := &Client{BaseURL: server.URL, APIKey: "key_test", HTTPClient: server.Client()}
	_, err := client.CreateLabel(context.Background(), "ord_1", Address{PostalCode: "10115", City: "Hamburg", Country: "DE"}, 500)

	apiErr := LabelError(err)
	if apiErr.HTTPStatus != http.StatusUnprocessableEntity || apiErr.Code != "address_undeliverable" {
		t.Fatalf("got %d %s", apiErr.HTTPStatus, apiErr.Code)
	}
}

func TestCreateLabel(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"tracking_number":"PC000111222DE","label_url":"https://labels.example/PC000111222DE.pdf"}`))
	}))
	defer server.Close()

	client := &Client{BaseURL: server.URL, HTTPClient: server.Client()}
	tracking, err := client.CreateLabel(context.Background(), "ord_2", Address{Country: "DE"}, 200)
	if err != nil || tracking != "PC000111222DE" {
		t.Fatalf("tracking %q, err %v", tracking, err)
	}
}

func TestTrackingStatus(t *testing.T) {
	if status, ok := TrackingStatus("OD"); !ok || status != "out_for_delivery" {
		t.Fatalf("OD = %q, %v", status, ok)
	}
	if _, ok := TrackingStatus("ZZ"); ok {
		t.Fatal("ZZ is not a tracking code")
	}
}
