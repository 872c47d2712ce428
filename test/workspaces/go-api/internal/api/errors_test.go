package api

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

func TestAuthentication(t *testing.T) {
	f := newFixture(t, Config{})

	rec := f.do(t, http.MethodGet, "/v1/orders", "", nil)
	requireError(t, rec, http.StatusUnauthorized, "no_authorization")

	rec = f.do(t, http.MethodGet, "/v1/orders", "", nil, "Authorization", "Basic YWRhOmxvdmVsYWNl")
	requireError(t, rec, http.StatusUnauthorized, "bad_jwt")

	rec = f.do(t, http.MethodGet, "/v1/orders", "tok_revoked", nil)
	requireError(t, rec, http.StatusUnauthorized, "bad_jwt")
}

func TestRoutingErrors(t *testing.T) {
	f := newFixture(t, Config{})

	rec := f.do(t, http.MethodGet, "/v2/orders", customerToken, nil)
	requireError(t, rec, http.StatusNotFound, "route_not_found")

	rec = f.do(t, http.MethodDelete, "/v1/orders", customerToken, nil)
	requireError(t, rec, http.StatusMethodNotAllowed, "method_not_allowed")
	if rec.Header().Get("Allow") == "" {
		t.Fatal("405 without Allow")
	}
}

func TestRateLimit(t *testing.T) {
	f := newFixture(t, Config{RequestsPerMinute: 3})
	for i := 0; i < 3; i++ {
		if rec := f.do(t, http.MethodGet, "/v1/products", customerToken, nil); rec.Code != 200 {
			t.Fatalf("request %d: %d", i, rec.Code)
		}
	}

	rec := f.do(t, http.MethodGet, "/v1/products", customerToken, nil)
	requireError(t, rec, http.StatusTooManyRequests, "over_request_rate_limit")
	wait, err := strconv.Atoi(rec.Header().Get("Retry-After"))
	if err != nil || wait < 1 || wait > 60 {
		t.Fatalf("Retry-After = %q", rec.Header().Get("Retry-After"))
	}

	// Another token has its own window.
	if rec := f.do(t, http.MethodGet, "/v1/products", otherToken, nil); rec.Code != 200 {
		t.Fatalf("other token: %d", rec.Code)
	}
}

func TestUnexpectedErrorsHideTheCause(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/v1/orders", nil)
	req = req.WithContext(contextWithRequestID(req, "req_42"))
	rec := httptest.NewRecorder()

	HandleResponseError(errors.New("pq: connection refused"), rec, req)

	body := requireError(t, rec, http.StatusInternalServerError, "unexpected_failure")
	if body["error_id"] != "req_42" {
		t.Fatalf("error_id = %v", body["error_id"])
	}
	if body["message"] == "pq: connection refused" {
		t.Fatal("the cause leaked to the client")
	}
}
