// Package apierr holds the service's error codes and the error type handlers return.
// A handler returns an *HTTPError; api.HandleResponseError turns it into the JSON body
// {"code": ..., "message": ...} with the status it carries.
package apierr

import (
	"fmt"
	"net/http"
)

// FieldIssue names one rejected field of a request body.
type FieldIssue struct {
	Field string `json:"field"`
	Issue string `json:"issue"`
}

// HTTPError is an error with a code, a message for the client and an HTTP status.
type HTTPError struct {
	HTTPStatus int          `json:"-"`
	Code       ErrorCode    `json:"code"`
	Message    string       `json:"message"`
	Details    []FieldIssue `json:"details,omitempty"`
	// ErrorID is set by the response writer on 5xx responses, so that support can find the log line.
	ErrorID string `json:"error_id,omitempty"`

	// RetryAfter, in seconds, becomes the Retry-After header.
	RetryAfter      int    `json:"-"`
	InternalError   error  `json:"-"`
	InternalMessage string `json:"-"`
}

func NewHTTPError(httpStatus int, code ErrorCode, format string, args ...any) *HTTPError {
	return &HTTPError{
		HTTPStatus: httpStatus,
		Code:       code,
		Message:    fmt.Sprintf(format, args...),
	}
}

func NewBadRequestError(code ErrorCode, format string, args ...any) *HTTPError {
	return NewHTTPError(http.StatusBadRequest, code, format, args...)
}

func NewUnauthorizedError(code ErrorCode, format string, args ...any) *HTTPError {
	return NewHTTPError(http.StatusUnauthorized, code, format, args...)
}

func NewPaymentRequiredError(code ErrorCode, format string, args ...any) *HTTPError {
	return NewHTTPError(http.StatusPaymentRequired, code, format, args...)
}

func NewForbiddenError(code ErrorCode, format string, args ...any) *HTTPError {
	return NewHTTPError(http.StatusForbidden, code, format, args...)
}

func NewNotFoundError(code ErrorCode, format string, args ...any) *HTTPError {
	return NewHTTPError(http.StatusNotFound, code, format, args...)
}

func NewConflictError(code ErrorCode, format string, args ...any) *HTTPError {
	return NewHTTPError(http.StatusConflict, code, format, args...)
}

func NewUnprocessableEntityError(code ErrorCode, format string, args ...any) *HTTPError {
	return NewHTTPError(http.StatusUnprocessableEntity, code, format, args...)
}

func NewTooManyRequestsError(code ErrorCode, retryAfter int, format string, args ...any) *HTTPError {
	e := NewHTTPError(http.StatusTooManyRequests, code, format, args...)
	e.RetryAfter = retryAfter
	return e
}

func NewServiceUnavailableError(code ErrorCode, retryAfter int, format string, args ...any) *HTTPError {
	e := NewHTTPError(http.StatusServiceUnavailable, code, format, args...)
	e.RetryAfter = retryAfter
	return e
}

// NewInternalServerError always carries ErrorCodeUnexpectedFailure: the cause goes to the log, not to the client.
func NewInternalServerError(format string, args ...any) *HTTPError {
	return NewHTTPError(http.StatusInternalServerError, ErrorCodeUnexpectedFailure, format, args...)
}

func (e *HTTPError) Error() string {
	if e.InternalMessage != "" {
		return e.InternalMessage
	}
	return fmt.Sprintf("%d %s: %s", e.HTTPStatus, e.Code, e.Message)
}

// Unwrap exposes the internal error to errors.Is and errors.As.
func (e *HTTPError) Unwrap() error {
	return e.InternalError
}

// WithDetails lists the rejected fields of a validation error.
func (e *HTTPError) WithDetails(issues ...FieldIssue) *HTTPError {
	e.Details = append(e.Details, issues...)
	return e
}

// WithInternalError keeps the cause for the log.
func (e *HTTPError) WithInternalError(err error) *HTTPError {
	e.InternalError = err
	return e
}

// WithInternalMessage replaces what Error() returns, for the log only.
func (e *HTTPError) WithInternalMessage(format string, args ...any) *HTTPError {
	e.InternalMessage = fmt.Sprintf(format, args...)
	return e
}
