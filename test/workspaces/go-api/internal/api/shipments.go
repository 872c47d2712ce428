package api

import (
	"errors"
	"net/http"
	"time"

	"example.com/ordersvc/internal/apierr"
	"example.com/ordersvc/internal/carrier"
	"example.com/ordersvc/internal/store"
)

// trackingUpdate is the carrier's webhook body: {"code": "DL", "at": "..."}. The code is a
// carrier tracking code, see carrier.TrackingStatus.
type trackingUpdate struct {
	Code string    `json:"code"`
	At   time.Time `json:"at"`
}

type shipmentView struct {
	store.Shipment
	Delivered bool `json:"delivered"`
}

func (a *API) routeShipment(w http.ResponseWriter, r *http.Request) error {
	parts := pathParts(r, "/v1/shipments/")
	switch {
	case len(parts) == 1 && r.Method == http.MethodGet:
		return a.GetShipment(w, r, parts[0])
	case len(parts) == 2 && parts[1] == "tracking" && r.Method == http.MethodPost:
		return a.RecordTracking(w, r, parts[0])
	case len(parts) == 2 && parts[1] == "tracking":
		return methodNotAllowed(r, http.MethodPost)
	}
	return apierr.NewNotFoundError(apierr.ErrorCodeRouteNotFound, "No route for %s %s", r.Method, r.URL.Path)
}

func (a *API) loadShipment(r *http.Request, id string) (store.Shipment, error) {
	shipment, err := a.store.Shipment(id)
	if errors.Is(err, store.ErrNotFound) {
		return store.Shipment{}, apierr.NewNotFoundError(apierr.ErrorCodeShipmentNotFound, "Shipment %s not found", id)
	}
	if err != nil {
		return store.Shipment{}, apierr.NewInternalServerError("Could not load the shipment").WithInternalError(err)
	}
	// The shipment belongs to whoever owns its order.
	if _, err := a.loadOrder(r.Context(), shipment.OrderID); err != nil {
		return store.Shipment{}, apierr.NewNotFoundError(apierr.ErrorCodeShipmentNotFound, "Shipment %s not found", id)
	}
	return shipment, nil
}

func (a *API) GetShipment(w http.ResponseWriter, r *http.Request, id string) error {
	shipment, err := a.loadShipment(r, id)
	if err != nil {
		return err
	}
	return sendJSON(w, http.StatusOK, shipmentView{Shipment: shipment, Delivered: shipment.Status == "delivered"})
}

func (a *API) RecordTracking(w http.ResponseWriter, r *http.Request, id string) error {
	if err := requireAdmin(r, "record tracking events"); err != nil {
		return err
	}
	shipment, err := a.loadShipment(r, id)
	if err != nil {
		return err
	}
	var update trackingUpdate
	if err := readJSON(r, &update); err != nil {
		return err
	}
	status, ok := carrier.TrackingStatus(update.Code)
	if !ok {
		return apierr.NewBadRequestError(apierr.ErrorCodeValidationFailed, "Unknown tracking code %q", update.Code).
			WithDetails(apierr.FieldIssue{Field: "code", Issue: "is not a carrier tracking code"})
	}
	if _, err := a.store.SetShipmentStatus(shipment.ID, status, update.At); err != nil {
		return apierr.NewInternalServerError("Could not record the tracking event").WithInternalError(err)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
