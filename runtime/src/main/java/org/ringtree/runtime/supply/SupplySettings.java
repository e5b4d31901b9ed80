package org.ringtree.runtime.supply;

import java.util.Map;
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
}
