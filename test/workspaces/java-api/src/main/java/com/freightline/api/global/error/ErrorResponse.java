package com.freightline.api.global.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.BindingResult;

/**
 * The body of every error response:
 * {@code {"timestamp": "...", "status": 404, "code": "SHP-001", "message": "...", "path": "/api/v1/...", "errors": [...]}}.
 * {@code errors} lists the fields at fault and is left out when there are none.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorResponse(
        Instant timestamp,
        int status,
        String code,
        String message,
        String path,
        List<FieldError> errors) {

    public static ErrorResponse of(ErrorCode errorCode, HttpServletRequest request) {
        return of(errorCode, errorCode.getMessage(), request, List.of());
    }

    public static ErrorResponse of(ErrorCode errorCode, String message, HttpServletRequest request, List<FieldError> errors) {
        return new ErrorResponse(Instant.now(), errorCode.getStatus().value(), errorCode.getCode(), message, request.getRequestURI(), errors);
    }

    public static ErrorResponse of(ErrorCode errorCode, BindingResult bindingResult, HttpServletRequest request) {
        List<FieldError> errors = bindingResult.getFieldErrors().stream()
                .map(error -> FieldError.of(error.getField(), error.getRejectedValue(), error.getDefaultMessage()))
                .toList();
        return of(errorCode, errorCode.getMessage(), request, errors);
    }

    public record FieldError(String field, String rejectedValue, String reason) {

        public static FieldError of(String field, Object rejectedValue, String reason) {
            return new FieldError(field, rejectedValue == null ? "" : rejectedValue.toString(), reason);
        }
    }
}
