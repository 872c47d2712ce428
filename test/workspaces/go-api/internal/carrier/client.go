// Package carrier talks to the parcel carrier's label API. The carrier has its own error
// codes ("E1002"); they never reach our clients as such, LabelError maps them to ours.
package carrier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"example.com/ordersvc/internal/apierr"
)

type Address struct {
	Name       string `json:"name"`
	Line1      string `json:"line1"`
	PostalCode string `json:"postal_code"`
	City       string `json:"city"`
	Country    string `json:"country"`
}

type labelRequest struct {
	Reference string  `json:"reference"`
	To        Address `json:"to"`
	WeightG   int     `json:"weight_g"`
	Service   string  `json:"service"`
}

type labelResponse struct {
	TrackingNumber string `json:"tracking_number"`
	LabelURL       string `json:"label_url"`
}

// CarrierError is the carrier's error body, e.g. {"error_code":"E1002","error_type":"ADDRESS","description":"..."}.
type CarrierError struct {
	HTTPStatus  int    `json:"-"`
	ErrorCode   string `json:"error_code"`
	ErrorType   string `json:"error_type"`
	Description string `json:"description"`
}

func (e *CarrierError) Error() string {
	return fmt.Sprintf("carrier: %d %s (%s): %s", e.HTTPStatus, e.ErrorCode, e.ErrorType, e.Description)
}

// The carrier's codes that we explain to our clients; every other one is our failure.
var carrierCodes = map[string]apierr.ErrorCode{
	"E1002": apierr.ErrorCodeAddressUndeliverable, // postcode does not match the city
	"E1007": apierr.ErrorCodeAddressUndeliverable, // country not served
	"S5003": apierr.ErrorCodeCarrierUnavailable,   // label service down
}

// Tracking event codes as the carrier reports them.
var trackingStatus = map[string]string{
	"PU": "picked_up",
	"IT": "in_transit",
	"OD": "out_for_delivery",
	"DL": "delivered",
	"RS": "returned_to_sender",
}

// TrackingStatus turns a carrier tracking code into our shipment status.
func TrackingStatus(code string) (string, bool) {
	status, ok := trackingStatus[code]
	return status, ok
}

type Client struct {
	BaseURL    string
	APIKey     string
	HTTPClient *http.Client
}

// CreateLabel books a parcel and returns its tracking number.
func (c *Client) CreateLabel(ctx context.Context, reference string, to Address, weightG int) (string, error) {
	payload, err := json.Marshal(labelRequest{Reference: reference, To: to, WeightG: weightG, Service: "standard"})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.BaseURL+"/v2/labels", bytes.NewReader(payload))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Api-Key", c.APIKey)

	httpClient := c.HTTPClient
	if httpClient == nil {
		httpClient = &http.Client{Timeout: 10 * time.Second}
	}
	res, err := httpClient.Do(req)
	if err != nil {
		return "", apierr.NewServiceUnavailableError(apierr.ErrorCodeCarrierUnavailable, 30, "The carrier could not be reached").WithInternalError(err)
	}
	defer res.Body.Close()

	body, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return "", err
	}
	if res.StatusCode != http.StatusCreated {
		carrierErr := &CarrierError{HTTPStatus: res.StatusCode}
		if jsonErr := json.Unmarshal(body, carrierErr); jsonErr != nil {
			carrierErr.Description = string(body)
		}
		return "", carrierErr
	}
	var label labelResponse
	if err := json.Unmarshal(body, &label); err != nil {
		return "", err
	}
	return label.TrackingNumber, nil
}

// LabelError turns what CreateLabel returned into the error our client sees.
func LabelError(err error) *apierr.HTTPError {
	var httpErr *apierr.HTTPError
	if errors.As(err, &httpErr) {
		return httpErr
	}
	var carrierErr *CarrierError
	if !errors.As(err, &carrierErr) {
		return apierr.NewInternalServerError("Could not book the parcel").WithInternalError(err)
	}
	switch carrierCodes[carrierErr.ErrorCode] {
	case apierr.ErrorCodeAddressUndeliverable:
		return apierr.NewUnprocessableEntityError(apierr.ErrorCodeAddressUndeliverable, "The carrier cannot deliver to this address: %s", carrierErr.Description).WithInternalError(err)
	case apierr.ErrorCodeCarrierUnavailable:
		return apierr.NewServiceUnavailableError(apierr.ErrorCodeCarrierUnavailable, 60, "The carrier's label service is unavailable").WithInternalError(err)
	default:
		return apierr.NewInternalServerError("Could not book the parcel").WithInternalError(err)
	}
}
