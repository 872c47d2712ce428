package com.freightline.api.global.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.freightline.api.global.config.RateLimitFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    private final ObjectMapper objectMapper = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2024-05-02T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void theThirdRequestInAMinuteIsRefused() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(objectMapper, clock, 2);
        MockHttpServletResponse response = null;
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/shipments");
            request.addHeader("X-Api-Key", "fl_test_account_a");
            response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
        }

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("60");
        JsonNode body = objectMapper.readTree(response.getContentAsByteArray());
        assertThat(body.get("code").asText()).isEqualTo("SYS-002");
        assertThat(body.get("status").asInt()).isEqualTo(429);
    }
}
