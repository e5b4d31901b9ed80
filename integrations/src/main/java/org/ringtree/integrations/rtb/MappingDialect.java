package org.ringtree.integrations.rtb;

import static org.ringtree.integrations.rtb.RtbFields.ACCEPTING_WORDS;
import static org.ringtree.integrations.rtb.RtbFields.absoluteOrRelativeExpiry;
import static org.ringtree.integrations.rtb.RtbFields.amount;
import static org.ringtree.integrations.rtb.RtbFields.clip;
import static org.ringtree.integrations.rtb.RtbFields.conversionTimer;
import static org.ringtree.integrations.rtb.RtbFields.declined;
import static org.ringtree.integrations.rtb.RtbFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ringtree.rules.directory.Destination.RtbEndpoint;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult.Status;
import org.ringtree.rules.routing.RtbRequestTemplate;
import org.ringtree.rules.routing.RtbRequestTemplate.Encoding;

/**
 * Any other buyer: the answer is read through the target's JSON paths (keys amount, destination,
 * expiry, accepted, bidId, currency, reason, conversionSeconds; a path starting with "/" is a JSON
 * Pointer, anything else a JsonPath). MAPPING sends our own request; TEMPLATE sends the target's
 * {@link RtbRequestTemplate} (method, URL, body and headers with the call's values, each encoded
 * for where it lands).
 */
final class MappingDialect implements RtbDialect {

  static final MappingDialect OUR_REQUEST = new MappingDialect(false);
  static final MappingDialect TEMPLATE_REQUEST = new MappingDialect(true);

  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(RtbFields.MAPPER))
          .mappingProvider(new JacksonMappingProvider(RtbFields.MAPPER))
          .options(Option.SUPPRESS_EXCEPTIONS)
          .build();

  private final boolean template;

  private MappingDialect(boolean template) {
    this.template = template;
  }

  @Override
  public RtbHttpRequest request(BidRequest r, RtbEndpoint endpoint, Duration timeout) {
    if (!template) {
      return RingtreeDialect.INSTANCE.request(r, endpoint, timeout);
    }
    Map<String, String> mapping = endpoint.mapping();
    Map<String, String> values = RtbRequestTemplate.values(r, timeout);
    String url = RtbRequestTemplate.render(endpoint.url(), values, Encoding.URL);
    String bodyTemplate = mapping.get(RtbRequestTemplate.BODY);
    String body = null;
    String contentType = null;
    if (bodyTemplate != null && !bodyTemplate.isBlank()) {
      boolean form = RtbRequestTemplate.formBody(mapping);
      body = RtbRequestTemplate.render(bodyTemplate, values, form ? Encoding.FORM : Encoding.JSON);
      contentType = form ? "application/x-www-form-urlencoded" : "application/json";
    }
    return new RtbHttpRequest(
        RtbRequestTemplate.method(mapping),
        url,
        new LinkedHashMap<>(RtbRequestTemplate.headers(mapping)),
        contentType,
        body);
  }

  @Override
  public RtbOffer read(JsonNode json, RtbEndpoint endpoint, Instant receivedAt) {
    Map<String, String> mapping = endpoint.mapping();
    if (!mapping.containsKey("amount") || !mapping.containsKey("destination")) {
      return RtbOffer.refused(
          Status.INVALID, "mapping needs at least 'amount' and 'destination' paths");
    }
    String reason = text(select(json, mapping, "reason"));
    if (mapping.containsKey("accepted")) {
      JsonNode flag = select(json, mapping, "accepted");
      boolean accepted;
      if (flag == null || flag.isNull()) {
        accepted = false;
      } else if (flag.isBoolean()) {
        accepted = flag.booleanValue();
      } else if (flag.isNumber()) {
        accepted = flag.asInt() != 0;
      } else {
        accepted = ACCEPTING_WORDS.contains(flag.asText().trim().toLowerCase(Locale.ROOT));
      }
      if (!accepted) {
        return RtbOffer.refused(Status.DECLINED, declined(reason));
      }
    }
    return RtbOffer.bid(
            reason,
            text(select(json, mapping, "bidId")),
            amount(select(json, mapping, "amount"), "amount at " + mapping.get("amount")),
            text(select(json, mapping, "currency")),
            text(select(json, mapping, "destination")),
            absoluteOrRelativeExpiry(select(json, mapping, "expiry"), "expiry", receivedAt))
        .withConversionTimer(
            conversionTimer(select(json, mapping, "conversionSeconds"), "conversionSeconds"));
  }

  static JsonNode select(JsonNode json, Map<String, String> mapping, String key) {
    String path = mapping.get(key);
    if (path == null || path.isBlank()) {
      return null;
    }
    if (path.startsWith("/")) {
      JsonNode node = json.at(path);
      return node.isMissingNode() ? null : node;
    }
    try {
      Object found = JsonPath.using(JSON_PATH).parse(json).read(path);
      return found instanceof JsonNode n
          ? n
          : found == null ? null : RtbFields.MAPPER.valueToTree(found);
    } catch (RuntimeException e) {
      throw new RtbFields.UnusableField("bad JSON path for " + key + ": " + clip(path));
    }
  }
}
