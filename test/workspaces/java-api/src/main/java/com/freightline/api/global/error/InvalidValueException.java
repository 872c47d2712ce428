package com.freightline.api.global.error;

import java.util.List;
import java.util.Map;

/** One input is at fault: the response names it in {@code errors}. */
public class InvalidValueException extends BusinessException {

    public InvalidValueException(ErrorCode errorCode, String field, Object rejectedValue, String reason) {
        super(errorCode, reason, List.of(ErrorResponse.FieldError.of(field, rejectedValue, reason)), Map.of());
    }
}
