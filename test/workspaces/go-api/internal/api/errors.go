package api

import (
	"errors"
	"log"
	"net/http"
	"strconv"

	"example.com/ordersvc/internal/apierr"
)

// HandleResponseError writes err as the error body {"code", "message", "details", "error_id"}.
// Errors that are not *apierr.HTTPError are failures nobody planned for: the client gets
// unexpected_failure and the log gets the cause.
func HandleResponseError(err error, w http.ResponseWriter, r *http.Request) {
	var httpErr *apierr.HTTPError
	if !errors.As(err, &httpErr) {
		httpErr = apierr.NewInternalServerError("Unexpected failure, the error was logged").WithInternalError(err)
	}

	if httpErr.HTTPStatus >= http.StatusInternalServerError {
		httpErr.ErrorID = requestIDFrom(r.Context())
		log.Printf("error_id=%s %s %s: %v", httpErr.ErrorID, r.Method, r.URL.Path, httpErr)
	}
	if httpErr.Code == "" {
		// A bare status from a helper that forgot the code: say so rather than send an empty code.
		httpErr.Code = apierr.ErrorCodeUnexpectedFailure
	}

	w.Header().Set("X-Error-Code", httpErr.Code)
	if httpErr.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(httpErr.RetryAfter))
	}
	if jsonErr := sendJSON(w, httpErr.HTTPStatus, httpErr); jsonErr != nil {
		log.Printf("writing the error response: %v", jsonErr)
	}
}
