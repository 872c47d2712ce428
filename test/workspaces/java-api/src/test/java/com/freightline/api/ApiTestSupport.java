package com.freightline.api;

import com.freightline.api.global.config.ApiKeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What the controller tests share: a MockMvc and two accounts' API keys. */
public abstract class ApiTestSupport {

    protected static final String API_KEY = "fl_test_account_a";
    protected static final String OTHER_ACCOUNT_KEY = "fl_test_account_b";
    protected static final String EXPIRED_KEY = "fl_test_expired";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    private ApiKeyStore apiKeys;

    @BeforeEach
    void registerKeys() {
        Instant nextYear = Instant.now().plus(365, ChronoUnit.DAYS);
        apiKeys.register(new ApiKeyStore.ApiKey(API_KEY, "acct_a", nextYear));
        apiKeys.register(new ApiKeyStore.ApiKey(OTHER_ACCOUNT_KEY, "acct_b", nextYear));
        apiKeys.register(new ApiKeyStore.ApiKey(EXPIRED_KEY, "acct_a", Instant.now().minus(1, ChronoUnit.DAYS)));
    }
}
