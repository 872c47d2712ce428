package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"example.com/ordersvc/internal/carrier"
	"example.com/ordersvc/internal/events"
	"example.com/ordersvc/internal/store"
)

const (
	customerToken = "tok_customer"
	otherToken    = "tok_other"
	adminToken    = "tok_admin"
)

type mapTokens map[string]Principal

func (m mapTokens) Verify(token string) (Principal, error) {
	p, ok := m[token]
	if !ok {
		return Principal{}, errors.New("unknown token")
	}
	return p, nil
}

type fakeLabeler struct {
	tracking string
	err      error
}

func (f *fakeLabeler) CreateLabel(context.Context, string, carrier.Address, int) (string, error) {
	return f.tracking, f.err
}

type fakeGateway struct{ err error }

func (f *fakeGateway) Charge(context.Context, string, int64, string, string) error { return f.err }

type fixture struct {
	api      *API
	handler  http.Handler
	store    *store.Store
	events   *events.Recorder
	labeler  *fakeLabeler
	payments *fakeGateway
}

func newFixture(t *testing.T, config Config) *fixture {
	t.Helper()
	st := store.New()
	st.PutCustomer(store.Customer{ID: "cus_1", Email: "ada@example.com", Country: "GB", Locale: "en-GB"})
	st.PutCustomer(store.Customer{ID: "cus_2", Email: "linus@example.com", Country: "FI", Locale: "fi-FI"})
	for _, p := range []store.Product{
		{SKU: "MUG-BLUE", Name: "Blue mug", Price: 1250, Currency: "EUR", InStock: 10, Warehouse: "ber-1"},
		{SKU: "TEE-M", Name: "T-shirt, medium", Price: 2500, Currency: "EUR", InStock: 2, Warehouse: "ber-1"},
		{SKU: "POSTER-A2", Name: "Poster A2", Price: 1800, Currency: "GBP", InStock: 40, Warehouse: "lon-2"},
	} {
		if _, err := st.CreateProduct(p); err != nil {
			t.Fatal(err)
		}
	}
	f := &fixture{
		store:    st,
		events:   &events.Recorder{},
		labeler:  &fakeLabeler{tracking: "PC123456789DE"},
		payments: &fakeGateway{},
	}
	tokens := mapTokens{
		customerToken: {CustomerID: "cus_1"},
		otherToken:    {CustomerID: "cus_2"},
		adminToken:    {CustomerID: "cus_admin", Admin: true},
	}
	f.api = New(config, st, tokens, f.labeler, f.payments, f.events)
	f.api.now = func() time.Time { return time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC) }
	f.handler = f.api.Handler()
	return f
}

// do sends a request; headers come as name, value pairs.
func (f *fixture) do(t *testing.T, method, path, token string, body any, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	var reader *bytes.Reader
	switch b := body.(type) {
	case nil:
		reader = bytes.NewReader(nil)
	case string:
		reader = bytes.NewReader([]byte(b))
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		reader = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, reader)
	req.RemoteAddr = "192.0.2.10:50000"
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	f.handler.ServeHTTP(rec, req)
	return rec
}

// requireError checks the status, the code in the body and in X-Error-Code, and that the body
// has only the members of the error envelope.
func requireError(t *testing.T, rec *httptest.ResponseRecorder, wantStatus int, wantCode string) map[string]any {
	t.Helper()
	if rec.Code != wantStatus {
		t.Fatalf("status = %d, want %d; body: %s", rec.Code, wantStatus, rec.Body.String())
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type = %q, want application/json", ct)
	}
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("error body is not JSON: %v; body: %s", err, rec.Body.String())
	}
	if got := body["code"]; got != wantCode {
		t.Fatalf("code = %v, want %q", got, wantCode)
	}
	if got := rec.Header().Get("X-Error-Code"); got != wantCode {
		t.Fatalf("X-Error-Code = %q, want %q", got, wantCode)
	}
	if msg, _ := body["message"].(string); msg == "" {
		t.Fatalf("message is empty in %s", rec.Body.String())
	}
	var unexpected []string
	for key := range body {
		switch key {
		case "code", "message", "details", "error_id":
		default:
			unexpected = append(unexpected, key)
		}
	}
	if len(unexpected) > 0 {
		sort.Strings(unexpected)
		t.Fatalf("unexpected members %v in %s", unexpected, rec.Body.String())
	}
	return body
}

func detailFields(body map[string]any) []string {
	details, _ := body["details"].([]any)
	fields := make([]string, 0, len(details))
	for _, d := range details {
		if issue, ok := d.(map[string]any); ok {
			fields = append(fields, issue["field"].(string))
		}
	}
	return fields
}
