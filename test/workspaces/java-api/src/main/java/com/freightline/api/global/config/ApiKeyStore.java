package com.freightline.api.global.config;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

@Component
public class ApiKeyStore {

    public record ApiKey(String key, String accountId, Instant expiresAt) {
    }

    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    public Optional<ApiKey> find(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    public void register(ApiKey apiKey) {
        keys.put(apiKey.key(), apiKey);
    }
}
