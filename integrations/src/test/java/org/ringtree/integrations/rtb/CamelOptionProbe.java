package org.ringtree.integrations.rtb;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Stands for an attacker's class: counts how often Camel was made to create it from a URL such as
 * {@code ?httpClientConfigurer=%23class:org.ringtree.integrations.rtb.CamelOptionProbe}.
 */
public class CamelOptionProbe implements HttpClientConfigurer {

  static final AtomicInteger CREATED = new AtomicInteger();

  public CamelOptionProbe() {
    CREATED.incrementAndGet();
  }

  @Override
  public void configureHttpClient(HttpClientBuilder clientBuilder) {
    CREATED.incrementAndGet();
  }
}
