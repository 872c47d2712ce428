package com.freightline.api.global.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One minute sliding window per API key. It runs before Spring MVC, so the controller advice never
 * sees its refusals: it writes the error body itself, in the same shape.
 */
@Component
@Order(1)
public class RateLimitFilter extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final int requestsPerMinute;
    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

    public RateLimitFilter(ObjectMapper objectMapper, Clock clock,
                           @Value("${freightline.rate-limit.requests-per-minute:300}") int requestsPerMinute) {
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.requestsPerMinute = requestsPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader("X-Api-Key") != null ? request.getHeader("X-Api-Key") : request.getRemoteAddr();
        Instant now = clock.instant();
        Deque<Instant> window = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        long retryAfter;
        synchronized (window) {
            while (!window.isEmpty() && window.peekFirst().isBefore(now.minusSeconds(60))) {
                window.pollFirst();
            }
            if (window.size() < requestsPerMinute) {
                window.addLast(now);
                response.setHeader("X-RateLimit-Remaining", String.valueOf(requestsPerMinute - window.size()));
                retryAfter = 0;
            } else {
                retryAfter = Math.max(1, 60 - (now.getEpochSecond() - window.peekFirst().getEpochSecond()));
            }
        }
        if (retryAfter == 0) {
            chain.doFilter(request, response);
            return;
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", now.toString());
        body.put("status", 429);
        body.put("code", "SYS-002");
        body.put("message", "More than " + requestsPerMinute + " requests in a minute");
        body.put("path", request.getRequestURI());
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
