package org.ringtree.runtime.limits;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the limits in front of every request: the rate limits first (a refused flood costs a map
 * look-up), then the body sizes, both before the webhook signature check (at {@code
 * HIGHEST_PRECEDENCE + 10}) and Spring Security. Forwarded headers, when enabled, are applied
 * before this (Tomcat's valve, or Spring's filter at {@code HIGHEST_PRECEDENCE}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LimitsConfiguration {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Bean
  ApiUserLimits apiUserLimits(LimitSettings settings) {
    return new ApiUserLimits(perSecond(settings.apiPerSecondPerUser(), settings));
  }

  @Bean
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
      LimitSettings settings, SignInLimiter signIns) {
    FilterRegistrationBean<RateLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RateLimitFilter(
                perSecond(settings.webhooksPerSecond(), settings),
                perSecond(settings.conversionsPerSecond(), settings),
                perSecond(settings.apiPerSecond(), settings),
                signIns));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BodySizeFilter> bodySizeFilter(LimitSettings settings) {
    FilterRegistrationBean<BodySizeFilter> registration =
        new FilterRegistrationBean<>(
            new BodySizeFilter(settings.maxBody().toBytes(), settings.maxFlowBody().toBytes()));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return registration;
  }

  private static KeyedBuckets perSecond(long rate, LimitSettings settings) {
    return new KeyedBuckets(rate, SECOND, settings.maxTrackedKeys(), TimeMeter.SYSTEM_NANOTIME);
  }
}
