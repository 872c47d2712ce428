package com.freightline.api.global.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.freightline.api.global.error.ErrorCode;
import com.freightline.api.global.error.ErrorResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Resolves {@code X-Api-Key} to an account and stores it as the request attribute {@value #ACCOUNT_ATTRIBUTE}. */
@Component
@Order(2)
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String ACCOUNT_ATTRIBUTE = "freightline.account";

    private final ApiKeyStore apiKeys;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public ApiKeyAuthenticationFilter(ApiKeyStore apiKeys, ObjectMapper objectMapper, Clock clock) {
        this.apiKeys = apiKeys;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/") || path.startsWith("/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKeyStore.ApiKey> apiKey = Optional.ofNullable(request.getHeader("X-Api-Key")).flatMap(apiKeys::find);
        if (apiKey.isEmpty()) {
            reject(request, response, ErrorCode.UNAUTHENTICATED);
            return;
        }
        if (apiKey.get().expiresAt().isBefore(clock.instant())) {
            reject(request, response, ErrorCode.TOKEN_EXPIRED);
            return;
        }
        request.setAttribute(ACCOUNT_ATTRIBUTE, apiKey.get().accountId());
        chain.doFilter(request, response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, ErrorCode errorCode) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "ApiKey realm=\"freightline\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), ErrorResponse.of(errorCode, request));
    }
}
