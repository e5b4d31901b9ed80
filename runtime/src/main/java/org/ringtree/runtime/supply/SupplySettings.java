package org.ringtree.runtime.supply;

import java.util.Map;
import org.ringtree.integrations.rtb.PingRateLimiter;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often each publisher may ping ({@code ringtree.rtb.supply.*}): {@code pings-per-second} and
 * {@code ping-burst} for every publisher, {@code rate-limits.<publisherId>=<per second>[,<burst>]}
 * for one. A ping over the limit is answered 429 "rate limited" and changes nothing.
 */
@ConfigurationProperties("ringtree.rtb.supply")
record SupplySettings(Double pingsPerSecond, Integer pingBurst, Map<String, String> rateLimits) {
  SupplySettings {
    pingsPerSecond = pingsPerSecond == null ? 50.0 : pingsPerSecond;
    pingBurst = pingBurst == null ? 100 : pingBurst;
    rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
  }

  /** A limiter holding these rates: the default for every publisher, and each one's own. */
  PingRateLimiter limiter() {
    PingRateLimiter limiter =
        PingRateLimiter.withDefault(new PingRateLimiter.Rate(pingsPerSecond, pingBurst));
    rateLimits.forEach(
        (publisher, spec) -> {
          String[] parts = spec.split(",");
          double perSecond = Double.parseDouble(parts[0].strip());
          int burst =
              parts.length > 1 ? Integer.parseInt(parts[1].strip()) : Math.max(1, (int) perSecond);
          limiter.setRate(publisher, new PingRateLimiter.Rate(perSecond, burst));
        });
    return limiter;
  }
}
