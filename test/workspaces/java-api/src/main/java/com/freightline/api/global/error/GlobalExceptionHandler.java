package com.freightline.api.global.error;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;

@RestControllerAdvice
public class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    /** {@code @Valid} on a request body failed. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    protected ResponseEntity<ErrorResponse> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpServletRequest request) {
        ErrorResponse body = ErrorResponse.of(ErrorCode.INVALID_INPUT_VALUE, e.getBindingResult(), request);
        return new ResponseEntity<>(body, HttpStatus.BAD_REQUEST);
    }

    /** A path variable or request parameter could not be converted, e.g. an unknown enum constant. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ResponseEntity<ErrorResponse> handleTypeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String value = e.getValue() == null ? "" : e.getValue().toString();
        ErrorResponse body = ErrorResponse.of(ErrorCode.INVALID_TYPE_VALUE, ErrorCode.INVALID_TYPE_VALUE.getMessage(), request,
                List.of(ErrorResponse.FieldError.of(e.getName(), value, "must be a " + typeName(e.getRequiredType()))));
        return ResponseEntity.badRequest().body(body);
    }

    /** The body is not JSON, or a value does not fit its field (an unknown enum constant, text for a number). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    protected ResponseEntity<ErrorResponse> handleNotReadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(ErrorResponse.of(ErrorCode.INVALID_TYPE_VALUE, request));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    protected ResponseEntity<ErrorResponse> handleMethodNotSupported(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()))
                .body(ErrorResponse.of(ErrorCode.METHOD_NOT_ALLOWED, request));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    protected ResponseEntity<ErrorResponse> handleMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(415).body(ErrorResponse.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, request));
    }

    @ExceptionHandler(NoHandlerFoundException.class)
    protected ResponseEntity<ErrorResponse> handleNoHandler(NoHandlerFoundException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ErrorResponse.of(ErrorCode.HANDLER_NOT_FOUND, request));
    }

    @ExceptionHandler(BusinessException.class)
    protected ResponseEntity<ErrorResponse> handleBusinessException(BusinessException e, HttpServletRequest request) {
        ErrorCode errorCode = e.getErrorCode();
        if (errorCode.getStatus().is5xxServerError()) {
            log.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), errorCode.getCode(), e.getMessage());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(errorCode.getStatus());
        e.getHeaders().forEach(response::header);
        return response.body(ErrorResponse.of(errorCode, e.getMessage(), request, e.getFieldErrors()));
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<ErrorResponse> handleException(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return new ResponseEntity<>(ErrorResponse.of(ErrorCode.INTERNAL_SERVER_ERROR, request), HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static String typeName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }
}
