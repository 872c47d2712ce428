package com.freightline.api.global.config;

import com.freightline.api.global.error.ErrorCode;
import com.freightline.api.global.error.RetryLaterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** While maintenance is on, every API call is refused with a Retry-After; the operators switch it over JMX. */
@Configuration
public class MaintenanceInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Duration EXPECTED_DOWNTIME = Duration.ofMinutes(5);

    private final AtomicBoolean enabled = new AtomicBoolean(false);

    public void setEnabled(boolean value) {
        enabled.set(value);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (enabled.get()) {
            throw new RetryLaterException(ErrorCode.MAINTENANCE, "Freightline is down for scheduled maintenance", EXPECTED_DOWNTIME);
        }
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }
}
