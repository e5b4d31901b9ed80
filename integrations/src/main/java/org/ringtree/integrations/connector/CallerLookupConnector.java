package org.ringtree.integrations.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.ringtree.rules.json.RingtreeJson;

/**
 * A worked example connector, {@value #NAME}: looks the caller up in a CRM over HTTP and tags the
 * call with what the CRM knows.
 *
 * <p>Input: {@code caller_number} (E.164). Request: {@code GET <crmBaseUrl>/customers?phone=<url-
 * encoded number>}. A 200 with {@code {"id": "...", "tier": "..."}} gives tags {@code
 * crm_known=true, crm_customer_id, crm_tier}; a 404 gives {@code crm_known=false}; anything else
 * fails the connector (the flow takes its error port).
 */
public final class CallerLookupConnector extends RouteBuilder {

  public static final String NAME = "caller-lookup";

  private final String crmBaseUrl;
  private final int timeoutMillis;
  private final ObjectMapper mapper = RingtreeJson.mapper();

  public CallerLookupConnector(String crmBaseUrl, int timeoutMillis) {
    URI uri = URI.create(Objects.requireNonNull(crmBaseUrl, "crmBaseUrl"));
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the CRM base URL must be http(s): " + crmBaseUrl);
    }
    this.crmBaseUrl =
        crmBaseUrl.endsWith("/") ? crmBaseUrl.substring(0, crmBaseUrl.length() - 1) : crmBaseUrl;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public void configure() {
    String t = Integer.toString(timeoutMillis);
    from(Connectors.endpointUri(NAME))
        .routeId(Connectors.routeId(NAME))
        .process(this::prepareRequest)
        .to(
            crmBaseUrl
                + "/customers?throwExceptionOnFailure=false&connectTimeout="
                + t
                + "&responseTimeout="
                + t)
        .process(this::toTags);
  }

  private void prepareRequest(Exchange exchange) {
    Map<?, ?> input = exchange.getIn().getBody(Map.class);
    Object number = input == null ? null : input.get("caller_number");
    if (number == null || number.toString().isBlank()) {
      throw new IllegalArgumentException("caller-lookup needs the input 'caller_number'");
    }
    exchange.getIn().removeHeaders("*");
    exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
    exchange
        .getIn()
        .setHeader(
            Exchange.HTTP_QUERY,
            "phone=" + URLEncoder.encode(number.toString(), StandardCharsets.UTF_8));
    exchange.getIn().setBody(null);
  }

  private void toTags(Exchange exchange) throws Exception {
    int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    Map<String, String> tags = new LinkedHashMap<>();
    if (status == 404) {
      tags.put("crm_known", "false");
    } else if (status == 200) {
      JsonNode customer = mapper.readTree(exchange.getMessage().getBody(String.class));
      tags.put("crm_known", "true");
      if (customer.hasNonNull("id")) {
        tags.put("crm_customer_id", customer.get("id").asText());
      }
      if (customer.hasNonNull("tier")) {
        tags.put("crm_tier", customer.get("tier").asText());
      }
    } else {
      throw new IllegalStateException("CRM answered HTTP " + status);
    }
    exchange.getMessage().removeHeaders("*");
    exchange.getMessage().setBody(tags);
  }
}
