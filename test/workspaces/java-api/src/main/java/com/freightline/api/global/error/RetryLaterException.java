package com.freightline.api.global.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A temporary refusal: the response carries {@code Retry-After}. */
public class RetryLaterException extends BusinessException {

    private final Duration retryAfter;

    public RetryLaterException(ErrorCode errorCode, String message, Duration retryAfter) {
        super(errorCode, message, List.of(), Map.of("Retry-After", String.valueOf(retryAfter.toSeconds())));
        this.retryAfter = retryAfter;
    }

    public Duration getRetryAfter() {
        return retryAfter;
    }
}
