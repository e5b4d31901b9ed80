package org.ringtree.runtime.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.ringtree.runtime.benchmark.FloorEndpoint;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Percentile histograms (about 70 buckets per series) for the voice webhooks (and the benchmark
 * floor they are compared with) only, whose latency has a target. Every other URI keeps the SLO
 * buckets set in application.yml. With the histogram on every URI, each console page, API call and
 * actuator endpoint added 70 lines to every Prometheus scrape, and formatting them was CPU taken
 * from calls in flight.
 */
@Configuration(proxyBeanMethods = false)
class WebhookLatencyHistogram {

  static final String METRIC = "http.server.requests";

  @Bean
  MeterFilter webhookLatencyHistogramOnly() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals(METRIC)) {
          return config;
        }
        String uri = id.getTag("uri");
        boolean webhook =
            uri != null
                && (uri.startsWith(WebhookPaths.BASE + "/") || uri.equals(FloorEndpoint.PATH));
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(webhook)
            .build()
            .merge(config);
      }
    };
  }
}
