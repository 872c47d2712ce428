// Package api is the orders service's HTTP API. Handlers return an error instead of writing
// one: handle() sends whatever they return through HandleResponseError, so every error body
// has the same shape.
package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"example.com/ordersvc/internal/apierr"
	"example.com/ordersvc/internal/carrier"
	"example.com/ordersvc/internal/events"
	"example.com/ordersvc/internal/store"
)

// Principal is who a bearer token stands for.
type Principal struct {
	CustomerID string
	Admin      bool
}

// TokenVerifier checks a bearer token; production verifies a JWT, tests use a map.
type TokenVerifier interface {
	Verify(token string) (Principal, error)
}

// Labeler books parcels with the carrier.
type Labeler interface {
	CreateLabel(ctx context.Context, reference string, to carrier.Address, weightG int) (string, error)
}

// PaymentGateway charges an order's total to a stored payment method.
type PaymentGateway interface {
	Charge(ctx context.Context, orderID string, amount int64, currency, paymentMethod string) error
}

type Config struct {
	// RequestsPerMinute per token (or per address when anonymous); 0 turns the limit off.
	RequestsPerMinute int
	// Maintenance closes the stock and shipping endpoints while the warehouse system is down.
	Maintenance bool
	// LowStockThreshold publishes product.stock_low when stock falls below it.
	LowStockThreshold int
}

type API struct {
	config   Config
	store    *store.Store
	tokens   TokenVerifier
	labeler  Labeler
	payments PaymentGateway
	events   events.Publisher
	limiter  *rateLimiter
	now      func() time.Time
}

func New(config Config, st *store.Store, tokens TokenVerifier, labeler Labeler, payments PaymentGateway, publisher events.Publisher) *API {
	a := &API{
		config:   config,
		store:    st,
		tokens:   tokens,
		labeler:  labeler,
		payments: payments,
		events:   publisher,
		now:      time.Now,
	}
	a.limiter = newRateLimiter(config.RequestsPerMinute, func() time.Time { return a.now() })
	return a
}

type contextKey int

const (
	principalKey contextKey = iota
	requestIDKey
)

func principalFrom(ctx context.Context) Principal {
	p, _ := ctx.Value(principalKey).(Principal)
	return p
}

func requestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// apiHandler is a handler that returns its error instead of writing it.
type apiHandler func(w http.ResponseWriter, r *http.Request) error

func handle(fn apiHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			HandleResponseError(err, w, r)
		}
	}
}

// Handler is the whole API with its middleware.
func (a *API) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, "ok\n")
	})
	mux.Handle("/v1/orders", a.requireAuth(methods{http.MethodGet: a.ListOrders, http.MethodPost: a.CreateOrder}))
	mux.Handle("/v1/orders/", a.requireAuth(handle(a.routeOrder)))
	mux.Handle("/v1/products", a.requireAuth(methods{http.MethodGet: a.ListProducts, http.MethodPost: a.CreateProduct}))
	mux.Handle("/v1/products/", a.requireAuth(a.closedForMaintenance(handle(a.routeProduct))))
	mux.Handle("/v1/shipments/", a.requireAuth(handle(a.routeShipment)))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Error-Code", apierr.ErrorCodeRouteNotFound)
		_ = sendJSON(w, http.StatusNotFound, &apierr.HTTPError{
			Code:    apierr.ErrorCodeRouteNotFound,
			Message: fmt.Sprintf("No route for %s %s", r.Method, r.URL.Path),
		})
	})
	return a.withRequestID(a.rateLimit(mux))
}

// methods dispatches on the request method and answers 405 for the others.
type methods map[string]apiHandler

func (m methods) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fn, ok := m[r.Method]
	if !ok {
		allowed := make([]string, 0, len(m))
		for method := range m {
			allowed = append(allowed, method)
		}
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		HandleResponseError(apierr.NewHTTPError(http.StatusMethodNotAllowed, apierr.ErrorCodeMethodNotAllowed, "%s is not allowed here", r.Method), w, r)
		return
	}
	handle(fn)(w, r)
}

func methodNotAllowed(r *http.Request, allowed ...string) error {
	return apierr.NewHTTPError(http.StatusMethodNotAllowed, apierr.ErrorCodeMethodNotAllowed,
		"%s is not allowed on %s; use %s", r.Method, r.URL.Path, strings.Join(allowed, " or "))
}

// pathParts splits "/v1/orders/ord_1/cancel" after the prefix into ["ord_1", "cancel"].
func pathParts(r *http.Request, prefix string) []string {
	rest := strings.Trim(strings.TrimPrefix(r.URL.Path, prefix), "/")
	if rest == "" {
		return nil
	}
	return strings.Split(rest, "/")
}

func (a *API) withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if id == "" {
			var buf [8]byte
			_, _ = rand.Read(buf[:])
			id = "req_" + hex.EncodeToString(buf[:])
		}
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey, id)))
	})
}

func (a *API) requireAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := r.Header.Get("Authorization")
		if header == "" {
			HandleResponseError(apierr.NewUnauthorizedError(apierr.ErrorCodeNoAuthorization, "This endpoint requires a bearer token"), w, r)
			return
		}
		token := strings.TrimPrefix(header, "Bearer ")
		if token == header || token == "" {
			HandleResponseError(apierr.NewUnauthorizedError(apierr.ErrorCodeBadJWT, "The Authorization header must be \"Bearer <token>\""), w, r)
			return
		}
		principal, err := a.tokens.Verify(token)
		if err != nil {
			HandleResponseError(apierr.NewUnauthorizedError(apierr.ErrorCodeBadJWT, "The bearer token is invalid or expired").WithInternalError(err), w, r)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey, principal)))
	})
}

// closedForMaintenance answers for the warehouse while its stock system is down: no handler runs.
func (a *API) closedForMaintenance(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !a.config.Maintenance || r.Method == http.MethodGet {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Retry-After", "900")
		w.Header().Set("X-Error-Code", "warehouse_maintenance")
		w.WriteHeader(http.StatusServiceUnavailable)
		_ = json.NewEncoder(w).Encode(map[string]string{
			"code":    "warehouse_maintenance",
			"message": "The warehouse is in scheduled maintenance; stock cannot change right now",
		})
	})
}

func requireAdmin(r *http.Request, action string) error {
	if !principalFrom(r.Context()).Admin {
		return apierr.NewForbiddenError(apierr.ErrorCodeNotAdmin, "Only an admin can %s", action)
	}
	return nil
}

const maxBodyBytes = 1 << 20

// readJSON decodes the request body into dst and refuses unknown fields.
func readJSON(r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return apierr.NewBadRequestError(apierr.ErrorCodeBadJSON, "Expected Content-Type application/json, got %s", ct)
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		var syntaxErr *json.SyntaxError
		var typeErr *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return apierr.NewBadRequestError(apierr.ErrorCodeBadJSON, "Could not parse the request body as JSON").WithInternalError(err)
		case errors.As(err, &typeErr):
			return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "The request body has a value of the wrong type").
				WithDetails(apierr.FieldIssue{Field: typeErr.Field, Issue: "must be " + typeErr.Type.String()})
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), "\"")
			return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "The request body has an unknown field").
				WithDetails(apierr.FieldIssue{Field: field, Issue: "is not a known field"})
		default:
			return apierr.NewBadRequestError(apierr.ErrorCodeBadJSON, "Could not read the request body").WithInternalError(err)
		}
	}
	return nil
}

func sendJSON(w http.ResponseWriter, status int, obj any) error {
	body, err := json.Marshal(obj)
	if err != nil {
		return fmt.Errorf("encoding JSON for a %d response: %w", status, err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err = w.Write(body)
	return err
}

// contextWithRequestID is how tests and background jobs give a request its ID without the middleware.
func contextWithRequestID(r *http.Request, id string) context.Context {
	return context.WithValue(r.Context(), requestIDKey, id)
}
