package api

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"example.com/ordersvc/internal/apierr"
	"example.com/ordersvc/internal/events"
	"example.com/ordersvc/internal/money"
	"example.com/ordersvc/internal/store"
)

var skuPattern = regexp.MustCompile(`^[A-Z0-9]{3,12}(-[A-Z0-9]{1,8})*$`)

const defaultPageSize = 50

type adjustStockParams struct {
	Delta  int    `json:"delta"`
	Reason string `json:"reason"`
}

func (a *API) routeProduct(w http.ResponseWriter, r *http.Request) error {
	parts := pathParts(r, "/v1/products/")
	if len(parts) == 1 && r.Method == http.MethodGet {
		return a.GetProduct(w, r, parts[0])
	}
	if len(parts) == 2 && parts[1] == "stock" {
		if r.Method != http.MethodPost {
			return methodNotAllowed(r, http.MethodPost)
		}
		return a.AdjustStock(w, r, parts[0])
	}
	return apierr.NewNotFoundError(apierr.ErrorCodeRouteNotFound, "No route for %s %s", r.Method, r.URL.Path)
}

func (a *API) ListProducts(w http.ResponseWriter, r *http.Request) error {
	query := r.URL.Query()
	limit := defaultPageSize
	if raw := query.Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > 200 {
			return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "limit must be a number from 1 to 200").
				WithDetails(apierr.FieldIssue{Field: "limit", Issue: "must be a number from 1 to 200"})
		}
		limit = n
	}
	warehouse := query.Get("warehouse")

	products := make([]store.Product, 0, limit)
	for _, p := range a.store.Products() {
		if warehouse != "" && p.Warehouse != warehouse {
			continue
		}
		if len(products) == limit {
			break
		}
		products = append(products, p)
	}
	return sendJSON(w, http.StatusOK, map[string]any{"products": products})
}

func (a *API) CreateProduct(w http.ResponseWriter, r *http.Request) error {
	if err := requireAdmin(r, "create products"); err != nil {
		return err
	}
	var product store.Product
	if err := readJSON(r, &product); err != nil {
		return err
	}

	var issues []apierr.FieldIssue
	product.SKU = strings.ToUpper(strings.TrimSpace(product.SKU))
	if !skuPattern.MatchString(product.SKU) {
		issues = append(issues, apierr.FieldIssue{Field: "sku", Issue: "must be 3 to 12 letters or digits, optionally with dash-separated parts"})
	}
	if strings.TrimSpace(product.Name) == "" {
		issues = append(issues, apierr.FieldIssue{Field: "name", Issue: "is required"})
	}
	if product.Price <= 0 {
		issues = append(issues, apierr.FieldIssue{Field: "price", Issue: "must be positive, in minor units"})
	}
	if _, ok := money.Lookup(product.Currency); !ok {
		issues = append(issues, apierr.FieldIssue{Field: "currency", Issue: fmt.Sprintf("%q is not a currency we sell in", product.Currency)})
	}
	if product.InStock < 0 {
		issues = append(issues, apierr.FieldIssue{Field: "in_stock", Issue: "cannot be negative"})
	}
	if len(issues) > 0 {
		return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "The product has %d invalid field(s)", len(issues)).WithDetails(issues...)
	}
	product.Currency = strings.ToUpper(product.Currency)

	created, err := a.store.CreateProduct(product)
	if errors.Is(err, store.ErrDuplicate) {
		return apierr.NewConflictError(apierr.ErrorCodeSKUExists, "A product with SKU %s already exists", product.SKU)
	}
	if err != nil {
		return apierr.NewInternalServerError("Could not create the product").WithInternalError(err)
	}
	w.Header().Set("Location", "/v1/products/"+created.SKU)
	return sendJSON(w, http.StatusCreated, created)
}

func (a *API) GetProduct(w http.ResponseWriter, r *http.Request, sku string) error {
	product, err := a.store.Product(strings.ToUpper(sku))
	switch {
	case errors.Is(err, store.ErrNotFound):
		return apierr.NewNotFoundError(apierr.ErrorCodeProductNotFound, "Product %s not found", sku)
	case err != nil:
		return apierr.NewInternalServerError("Could not load the product").WithInternalError(err)
	}
	w.Header().Set("ETag", strconv.Quote(strconv.Itoa(product.Revision)))
	return sendJSON(w, http.StatusOK, product)
}

// AdjustStock applies a stock delta. The client sends the revision it read as If-Match, so
// two stock counts racing each other cannot both win.
func (a *API) AdjustStock(w http.ResponseWriter, r *http.Request, sku string) error {
	if err := requireAdmin(r, "adjust stock"); err != nil {
		return err
	}
	revision := 0
	if ifMatch := r.Header.Get("If-Match"); ifMatch != "" {
		n, err := strconv.Atoi(strings.Trim(ifMatch, `"`))
		if err != nil {
			return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "If-Match must be a revision number").
				WithDetails(apierr.FieldIssue{Field: "If-Match", Issue: "must be a revision number"})
		}
		revision = n
	}
	var params adjustStockParams
	if err := readJSON(r, &params); err != nil {
		return err
	}
	if params.Delta == 0 {
		return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "delta must not be zero").
			WithDetails(apierr.FieldIssue{Field: "delta", Issue: "must not be zero"})
	}

	sku = strings.ToUpper(sku)
	current, err := a.store.Product(sku)
	if errors.Is(err, store.ErrNotFound) {
		return apierr.NewNotFoundError(apierr.ErrorCodeProductNotFound, "Product %s not found", sku)
	}
	if err != nil {
		return apierr.NewInternalServerError("Could not load the product").WithInternalError(err)
	}
	if current.InStock+params.Delta < 0 {
		return apierr.NewUnprocessableEntityError(apierr.ErrorCodeInsufficientStock, "Cannot take %d of %s, %d left", -params.Delta, sku, current.InStock)
	}

	updated, err := a.store.AdjustStock(sku, params.Delta, revision)
	if errors.Is(err, store.ErrStaleRevision) {
		return apierr.NewHTTPError(http.StatusPreconditionFailed, apierr.ErrorCodeRevisionMismatch, "Product %s changed since revision %d; read it again", sku, revision)
	}
	if err != nil {
		return apierr.NewInternalServerError("Could not adjust the stock").WithInternalError(err)
	}
	if a.config.LowStockThreshold > 0 && updated.InStock < a.config.LowStockThreshold {
		_ = a.events.Publish(r.Context(), events.Event{
			ID:   fmt.Sprintf("evt_low_%s_%d", sku, updated.Revision),
			Type: events.StockLow,
			Data: map[string]string{"sku": sku, "in_stock": strconv.Itoa(updated.InStock)},
		})
	}
	w.Header().Set("ETag", strconv.Quote(strconv.Itoa(updated.Revision)))
	return sendJSON(w, http.StatusOK, updated)
}
