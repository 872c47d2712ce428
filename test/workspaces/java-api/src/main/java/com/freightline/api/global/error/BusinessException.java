package com.freightline.api.global.error;

import java.util.List;
import java.util.Map;

/** An error the client is told about. {@link GlobalExceptionHandler} writes it as an {@link ErrorResponse}. */
public class BusinessException extends RuntimeException {

    private final ErrorCode errorCode;
    private final List<ErrorResponse.FieldError> fieldErrors;
    private final Map<String, String> headers;

    public BusinessException(ErrorCode errorCode) {
        this(errorCode, errorCode.getMessage());
    }

    public BusinessException(ErrorCode errorCode, String message) {
        this(errorCode, message, List.of(), Map.of());
    }

    protected BusinessException(ErrorCode errorCode, String message, List<ErrorResponse.FieldError> fieldErrors, Map<String, String> headers) {
        super(message);
        this.errorCode = errorCode;
        this.fieldErrors = fieldErrors;
        this.headers = headers;
    }

    public ErrorCode getErrorCode() {
        return errorCode;
    }

    public List<ErrorResponse.FieldError> getFieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }
}
