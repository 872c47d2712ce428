package com.freightline.api.global.error;

import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * Every error the API answers with. The code string is what clients see in the body's {@code code}
 * and is never reused once published; the constant name is ours and may be renamed freely.
 *
 * <p>Being a {@link Supplier}, a constant can be thrown straight from an {@code Optional}:
 * {@code repository.findById(id).orElseThrow(ErrorCode.WAREHOUSE_NOT_FOUND)}.
 */
public enum ErrorCode implements Supplier<BusinessException> {

    // Request
    INVALID_INPUT_VALUE("REQ-001", HttpStatus.BAD_REQUEST, "Invalid input value"),
    INVALID_TYPE_VALUE("REQ-002", HttpStatus.BAD_REQUEST, "Invalid type value"),
    METHOD_NOT_ALLOWED("REQ-003", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("REQ-004", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    HANDLER_NOT_FOUND("REQ-005", HttpStatus.NOT_FOUND, "No endpoint at this path"),
    STALE_VERSION("REQ-006", HttpStatus.PRECONDITION_FAILED, "The resource changed since it was read"),

    // Authentication
    UNAUTHENTICATED("AUTH-001", HttpStatus.UNAUTHORIZED, "Authentication required"),
    TOKEN_EXPIRED("AUTH-002", HttpStatus.UNAUTHORIZED, "Access token expired"),
    ACCESS_DENIED("AUTH-003", HttpStatus.FORBIDDEN, "Access is denied"),
    FOREIGN_ACCOUNT("AUTH-004", HttpStatus.FORBIDDEN, "The resource belongs to another account"),

    // System
    INTERNAL_SERVER_ERROR("SYS-001", HttpStatus.INTERNAL_SERVER_ERROR, "Server error"),
    TOO_MANY_REQUESTS("SYS-002", HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded"),
    MAINTENANCE("SYS-003", HttpStatus.SERVICE_UNAVAILABLE, "Down for maintenance"),

    // Shipments
    SHIPMENT_NOT_FOUND("SHP-001", HttpStatus.NOT_FOUND, "Shipment not found"),
    SHIPMENT_ALREADY_DISPATCHED("SHP-002", HttpStatus.CONFLICT, "Shipment already dispatched"),
    SHIPMENT_CANCELLED("SHP-003", HttpStatus.CONFLICT, "Shipment cancelled"),
    INVALID_ADDRESS("SHP-004", HttpStatus.UNPROCESSABLE_ENTITY, "Address cannot be delivered to"),
    WEIGHT_LIMIT_EXCEEDED("SHP-005", HttpStatus.UNPROCESSABLE_ENTITY, "Parcel exceeds the weight limit"),
    DANGEROUS_GOODS_NOT_ALLOWED("SHP-006", HttpStatus.UNPROCESSABLE_ENTITY, "Service does not carry dangerous goods"),

    // Warehouses
    WAREHOUSE_NOT_FOUND("WHS-001", HttpStatus.NOT_FOUND, "Warehouse not found"),
    WAREHOUSE_AT_CAPACITY("WHS-002", HttpStatus.CONFLICT, "Warehouse at capacity"),
    DESTINATION_NOT_SERVED("WHS-003", HttpStatus.UNPROCESSABLE_ENTITY, "Warehouse does not ship to this country"),
    SKU_NOT_FOUND("WHS-004", HttpStatus.NOT_FOUND, "SKU not found"),
    INSUFFICIENT_STOCK("WHS-005", HttpStatus.CONFLICT, "Insufficient stock"),

    // Carriers
    CARRIER_NOT_SUPPORTED("CAR-001", HttpStatus.NOT_FOUND, "Carrier not supported"),
    CARRIER_REJECTED_BOOKING("CAR-002", HttpStatus.BAD_GATEWAY, "Carrier rejected the booking"),
    CARRIER_UNAVAILABLE("CAR-003", HttpStatus.SERVICE_UNAVAILABLE, "Carrier unavailable"),
    CARRIER_TIMEOUT("CAR-004", HttpStatus.GATEWAY_TIMEOUT, "Carrier did not answer in time"),

    // Tracking
    WEBHOOK_SIGNATURE_INVALID("TRK-001", HttpStatus.BAD_REQUEST, "Webhook signature invalid"),
    TRACKING_NUMBER_UNKNOWN("TRK-002", HttpStatus.NOT_FOUND, "Tracking number unknown"),
    ;

    private final String code;
    private final HttpStatus status;
    private final String message;

    ErrorCode(String code, HttpStatus status, String message) {
        this.code = code;
        this.status = status;
        this.message = message;
    }

    public String getCode() {
        return code;
    }

    public HttpStatus getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    @Override
    public BusinessException get() {
        return new BusinessException(this);
    }

    /** This error with a message of its own, formatted like {@link String#format}. */
    public BusinessException exception(String message, Object... args) {
        return new BusinessException(this, args.length == 0 ? message : String.format(message, args));
    }
}
