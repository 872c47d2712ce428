package com.freightline.api.global.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ErrorCodeTest {

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::getCode).collect(Collectors.toSet());

        assertThat(codes).hasSize(ErrorCode.values().length);
        assertThat(codes).allMatch(code -> code.matches("[A-Z]{3,4}-\\d{3}"));
    }

    @Test
    void retryableCodesUseRetryableStatuses() {
        assertEquals(429, ErrorCode.TOO_MANY_REQUESTS.getStatus().value());
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.CARRIER_UNAVAILABLE.getStatus());
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.MAINTENANCE.getStatus());
    }

    @Test
    void publishedCodesNeverChange() {
        // Clients switch on these strings; renaming a constant is fine, changing its code is not.
        assertEquals("SHP-001", ErrorCode.SHIPMENT_NOT_FOUND.getCode());
        assertEquals("SHP-002", ErrorCode.SHIPMENT_ALREADY_DISPATCHED.getCode());
        assertEquals("WHS-005", ErrorCode.INSUFFICIENT_STOCK.getCode());
        assertEquals("CAR-003", ErrorCode.CARRIER_UNAVAILABLE.getCode());
    }

    @Test
    void aConstantIsASupplierOfItsException() {
        BusinessException exception = ErrorCode.WAREHOUSE_NOT_FOUND.get();

        assertThat(exception.getErrorCode().getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exception.getMessage()).isEqualTo("Warehouse not found");
    }
}
