package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"example.com/ordersvc/internal/apierr"
	"example.com/ordersvc/internal/carrier"
	"example.com/ordersvc/internal/events"
	"example.com/ordersvc/internal/money"
	"example.com/ordersvc/internal/store"
)

const maxItemQuantity = 100

type createOrderParams struct {
	CustomerID string           `json:"customer_id"`
	Currency   string           `json:"currency"`
	Items      []store.LineItem `json:"items"`
}

type shipOrderParams struct {
	To      carrier.Address `json:"to"`
	WeightG int             `json:"weight_g"`
}

type payOrderParams struct {
	PaymentMethod string `json:"payment_method"`
}

// DeclineError is what the payment gateway returns when the card issuer says no. Its
// DeclineCode is the issuer's reason ("insufficient_funds", "do_not_honor"), shown in the
// message and never used as our code.
type DeclineError struct {
	DeclineCode string
}

func (e *DeclineError) Error() string { return "payment declined: " + e.DeclineCode }

func (a *API) routeOrder(w http.ResponseWriter, r *http.Request) error {
	parts := pathParts(r, "/v1/orders/")
	switch {
	case len(parts) == 1 && r.Method == http.MethodGet:
		return a.GetOrder(w, r, parts[0])
	case len(parts) == 2 && parts[1] == "cancel" && r.Method == http.MethodPost:
		return a.CancelOrder(w, r, parts[0])
	case len(parts) == 2 && parts[1] == "pay" && r.Method == http.MethodPost:
		return a.PayOrder(w, r, parts[0])
	case len(parts) == 2 && parts[1] == "ship" && r.Method == http.MethodPost:
		return a.ShipOrder(w, r, parts[0])
	case len(parts) == 1 || len(parts) == 2:
		return methodNotAllowed(r, http.MethodGet, http.MethodPost)
	default:
		return apierr.NewNotFoundError(apierr.ErrorCodeRouteNotFound, "No route for %s %s", r.Method, r.URL.Path)
	}
}

func (a *API) ListOrders(w http.ResponseWriter, r *http.Request) error {
	principal := principalFrom(r.Context())
	customerID := r.URL.Query().Get("customer_id")
	if customerID == "" {
		customerID = principal.CustomerID
	}
	if customerID != principal.CustomerID && !principal.Admin {
		return apierr.NewForbiddenError(apierr.ErrorCodeNotAdmin, "Only an admin can list another customer's orders")
	}
	orders := a.store.OrdersOf(customerID)
	if orders == nil {
		orders = []store.Order{}
	}
	return sendJSON(w, http.StatusOK, map[string]any{"orders": orders})
}

// loadOrder finds an order the caller may see; someone else's order is "not found" to them.
func (a *API) loadOrder(ctx context.Context, id string) (store.Order, error) {
	order, err := a.store.Order(id)
	if errors.Is(err, store.ErrNotFound) {
		return store.Order{}, apierr.NewNotFoundError(apierr.ErrorCodeOrderNotFound, "Order %s not found", id)
	}
	if err != nil {
		return store.Order{}, apierr.NewInternalServerError("Could not load the order").WithInternalError(err)
	}
	principal := principalFrom(ctx)
	if order.CustomerID != principal.CustomerID && !principal.Admin {
		return store.Order{}, apierr.NewNotFoundError(apierr.ErrorCodeOrderNotFound, "Order %s not found", id)
	}
	return order, nil
}

func (a *API) GetOrder(w http.ResponseWriter, r *http.Request, id string) error {
	order, err := a.loadOrder(r.Context(), id)
	if err != nil {
		return err
	}
	return sendJSON(w, http.StatusOK, order)
}

func validateOrder(params createOrderParams) []apierr.FieldIssue {
	var issues []apierr.FieldIssue
	if params.CustomerID == "" {
		issues = append(issues, apierr.FieldIssue{Field: "customer_id", Issue: "is required"})
	}
	if _, ok := money.Lookup(params.Currency); !ok {
		issues = append(issues, apierr.FieldIssue{Field: "currency", Issue: fmt.Sprintf("%q is not a currency we sell in", params.Currency)})
	}
	for i, item := range params.Items {
		if item.SKU == "" {
			issues = append(issues, apierr.FieldIssue{Field: fmt.Sprintf("items[%d].sku", i), Issue: "is required"})
		}
		if item.Quantity < 1 || item.Quantity > maxItemQuantity {
			issues = append(issues, apierr.FieldIssue{Field: fmt.Sprintf("items[%d].quantity", i), Issue: fmt.Sprintf("must be between 1 and %d", maxItemQuantity)})
		}
	}
	return issues
}

func (a *API) CreateOrder(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	principal := principalFrom(ctx)

	var params createOrderParams
	if err := readJSON(r, &params); err != nil {
		return err
	}
	if params.CustomerID == "" {
		params.CustomerID = principal.CustomerID
	}

	key := r.Header.Get("Idempotency-Key")
	if key != "" {
		if existing, ok := a.store.OrderByIdempotencyKey(key); ok {
			if existing.CustomerID != params.CustomerID || len(existing.Items) != len(params.Items) {
				return apierr.NewConflictError(apierr.ErrorCodeIdempotencyKeyReused, "Idempotency-Key %q was already used for another order", key)
			}
			return sendJSON(w, http.StatusOK, existing)
		}
	}

	if len(params.Items) == 0 {
		return apierr.NewUnprocessableEntityError(apierr.ErrorCodeOrderEmpty, "An order needs at least one item")
	}
	if issues := validateOrder(params); len(issues) > 0 {
		return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "The order has %d invalid field(s)", len(issues)).WithDetails(issues...)
	}
	if params.CustomerID != principal.CustomerID && !principal.Admin {
		return apierr.NewForbiddenError(apierr.ErrorCodeNotAdmin, "Only an admin can order for another customer")
	}
	if _, err := a.store.Customer(params.CustomerID); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return apierr.NewUnprocessableEntityError(apierr.ErrorCodeCustomerNotFound, "Customer %s does not exist", params.CustomerID)
		}
		return apierr.NewInternalServerError("Could not load the customer").WithInternalError(err)
	}

	// Price every line from the catalogue, then take the stock; a failure on a later line
	// gives back what the earlier lines took.
	items := make([]store.LineItem, len(params.Items))
	for i, item := range params.Items {
		product, err := a.store.Product(item.SKU)
		if errors.Is(err, store.ErrNotFound) {
			return apierr.NewNotFoundError(apierr.ErrorCodeProductNotFound, "Product %s not found", item.SKU)
		} else if err != nil {
			return apierr.NewInternalServerError("Could not load product %s", item.SKU).WithInternalError(err)
		}
		if product.Currency != params.Currency {
			return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "Product %s is sold in %s", item.SKU, product.Currency).
				WithDetails(apierr.FieldIssue{Field: "currency", Issue: "must be " + product.Currency})
		}
		if product.InStock < item.Quantity {
			return apierr.NewUnprocessableEntityError(apierr.ErrorCodeInsufficientStock, "Only %d of %s left", product.InStock, item.SKU)
		}
		items[i] = store.LineItem{SKU: item.SKU, Quantity: item.Quantity, UnitPrice: product.Price}
	}
	for i, item := range items {
		if _, err := a.store.AdjustStock(item.SKU, -item.Quantity, 0); err != nil {
			for _, taken := range items[:i] {
				_, _ = a.store.AdjustStock(taken.SKU, taken.Quantity, 0)
			}
			return apierr.NewInternalServerError("Could not reserve stock").WithInternalError(err)
		}
	}

	order := a.store.CreateOrder(store.Order{
		CustomerID:     params.CustomerID,
		Currency:       params.Currency,
		Items:          items,
		IdempotencyKey: key,
	})
	_ = a.events.Publish(ctx, events.Event{
		ID:   "evt_" + order.ID,
		Type: events.OrderCreated,
		Data: map[string]string{"order_id": order.ID, "total": money.Format(order.Total(), order.Currency)},
	})
	w.Header().Set("Location", "/v1/orders/"+order.ID)
	return sendJSON(w, http.StatusCreated, order)
}

func (a *API) CancelOrder(w http.ResponseWriter, r *http.Request, id string) error {
	order, err := a.loadOrder(r.Context(), id)
	if err != nil {
		return err
	}
	switch order.Status {
	case store.OrderShipped:
		return apierr.NewConflictError(apierr.ErrorCodeOrderAlreadyShipped, "Order %s has shipped; request a return instead", id)
	case store.OrderCancelled:
		return apierr.NewConflictError(apierr.ErrorCodeOrderAlreadyCancelled, "Order %s is already cancelled", id)
	}
	for _, item := range order.Items {
		if _, err := a.store.AdjustStock(item.SKU, item.Quantity, 0); err != nil {
			return apierr.NewInternalServerError("Could not restock %s", item.SKU).WithInternalError(err)
		}
	}
	order, err = a.store.SetOrderStatus(id, store.OrderCancelled)
	if err != nil {
		return apierr.NewInternalServerError("Could not cancel the order").WithInternalError(err)
	}
	_ = a.events.Publish(r.Context(), events.Event{ID: "evt_cancel_" + id, Type: events.OrderCancelled, Data: map[string]string{"order_id": id}})
	return sendJSON(w, http.StatusOK, order)
}

func (a *API) PayOrder(w http.ResponseWriter, r *http.Request, id string) error {
	order, err := a.loadOrder(r.Context(), id)
	if err != nil {
		return err
	}
	if order.Status == store.OrderCancelled {
		return apierr.NewConflictError(apierr.ErrorCodeOrderAlreadyCancelled, "Order %s is cancelled and cannot be paid", id)
	}
	var params payOrderParams
	if err := readJSON(r, &params); err != nil {
		return err
	}
	if params.PaymentMethod == "" {
		return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "A payment method is required").
			WithDetails(apierr.FieldIssue{Field: "payment_method", Issue: "is required"})
	}

	err = a.payments.Charge(r.Context(), order.ID, order.Total(), order.Currency, params.PaymentMethod)
	var declined *DeclineError
	if errors.As(err, &declined) {
		_ = a.events.Publish(r.Context(), events.Event{ID: "evt_pay_" + id, Type: events.PaymentFailed, Data: map[string]string{"order_id": id, "decline_code": declined.DeclineCode}})
		return apierr.NewPaymentRequiredError(apierr.ErrorCodePaymentDeclined, "The card was declined (%s)", declined.DeclineCode)
	}
	if err != nil {
		return apierr.NewInternalServerError("Could not charge the payment method").WithInternalError(err)
	}
	order, err = a.store.SetOrderStatus(id, store.OrderPaid)
	if err != nil {
		return apierr.NewInternalServerError("Could not mark the order paid").WithInternalError(err)
	}
	return sendJSON(w, http.StatusOK, order)
}

func (a *API) ShipOrder(w http.ResponseWriter, r *http.Request, id string) error {
	if err := requireAdmin(r, "ship orders"); err != nil {
		return err
	}
	if a.config.Maintenance {
		return apierr.NewServiceUnavailableError(apierr.ErrorCodeWarehouseMaintenance, 900, "The warehouse is in scheduled maintenance")
	}
	order, err := a.loadOrder(r.Context(), id)
	if err != nil {
		return err
	}
	switch order.Status {
	case store.OrderCancelled:
		return apierr.NewConflictError(apierr.ErrorCodeOrderAlreadyCancelled, "Order %s is cancelled", id)
	case store.OrderShipped:
		return apierr.NewConflictError(apierr.ErrorCodeOrderAlreadyShipped, "Order %s has already shipped", id)
	}

	var params shipOrderParams
	if err := readJSON(r, &params); err != nil {
		return err
	}
	tracking, err := a.labeler.CreateLabel(r.Context(), order.ID, params.To, params.WeightG)
	if err != nil {
		return carrier.LabelError(err)
	}
	shipment, err := a.store.CreateShipment(order.ID, "parcelco", tracking)
	if err != nil {
		return apierr.NewInternalServerError("Could not record the shipment").WithInternalError(err)
	}
	_ = a.events.Publish(r.Context(), events.Event{ID: "evt_ship_" + id, Type: events.OrderShipped, Data: map[string]string{"order_id": id, "shipment_id": shipment.ID}})
	w.Header().Set("Location", "/v1/shipments/"+shipment.ID)
	return sendJSON(w, http.StatusCreated, shipment)
}
