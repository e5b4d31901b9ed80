package org.ringtree.integrations.outbound;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;

/**
 * Camel's http component with every connection resolved through {@link OutboundAddresses}. Only the
 * connection manager changes (Camel builds it as before: pool sizes, socket settings, TLS), so
 * every endpoint option Ringtree sets (timeouts, no redirects) keeps working.
 */
public final class GuardedHttpComponent extends HttpComponent {

  private final OutboundAddresses addresses;

  /**
   * Connections per host: one per RTB ping a node may have in flight (CamelBidCollector), so a ping
   * never waits for a connection (Camel's default is 20). The Spring Boot starter's {@code
   * camel.component.http.*} settings reach only {@code http}; these defaults hold for {@code
   * https}.
   */
  static final int CONNECTIONS_PER_HOST = 256;

  public GuardedHttpComponent(OutboundAddresses addresses) {
    this.addresses = addresses;
    setConnectionsPerRoute(CONNECTIONS_PER_HOST);
    setMaxTotalConnections(4 * CONNECTIONS_PER_HOST);
    // nothing outbound (bids, posts, postbacks) needs a session, and one shared cookie jar,
    // write-locked on every request, was where a node's pings in flight queued
    setCookieManagementDisabled(true);
  }

  /** Puts the guarded component in place of {@code http} and {@code https}, before any is used. */
  public static void install(CamelContext camel, OutboundAddresses addresses) {
    for (String scheme : new String[] {"http", "https"}) {
      camel.removeComponent(scheme);
      camel.addComponent(scheme, new GuardedHttpComponent(addresses));
    }
  }

  // Camel's hook (and the pool constructor that accepts its registry) still speaks httpclient5's
  // deprecated ConnectionSocketFactory; this override is the only place to guard every connection.
  @SuppressWarnings("deprecation")
  @Override
  protected HttpClientConnectionManager createConnectionManager(
      Registry<ConnectionSocketFactory> registry,
      int maxTotalConnections,
      int connectionsPerRoute,
      SocketConfig socketConfig) {
    PoolingHttpClientConnectionManager manager =
        new PoolingHttpClientConnectionManager(
            registry,
            PoolConcurrencyPolicy.STRICT,
            PoolReusePolicy.LIFO,
            TimeValue.ofMilliseconds(getConnectionTimeToLive()),
            null,
            addresses,
            null);
    int total = maxTotalConnections != 0 ? maxTotalConnections : getMaxTotalConnections();
    if (total > 0) {
      manager.setMaxTotal(total);
    }
    manager.setDefaultSocketConfig(socketConfig);
    int perRoute = connectionsPerRoute != 0 ? connectionsPerRoute : getConnectionsPerRoute();
    if (perRoute > 0) {
      manager.setDefaultMaxPerRoute(perRoute);
    }
    return manager;
  }
}
