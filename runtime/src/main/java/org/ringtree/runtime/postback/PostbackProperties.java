package org.ringtree.runtime.postback;

import java.time.Duration;
import org.ringtree.integrations.postback.PostbackRetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How hard publisher postbacks are tried ({@code ringtree.postbacks.*}). */
@ConfigurationProperties("ringtree.postbacks")
public record PostbackProperties(
    @DefaultValue("6") int maxAttempts,
    @DefaultValue("30s") Duration initialDelay,
    @DefaultValue("2.0") double multiplier,
    @DefaultValue("10m") Duration maxDelay,
    @DefaultValue("5s") Duration timeout) {

  PostbackRetryPolicy policy() {
    return new PostbackRetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, timeout);
  }
}
