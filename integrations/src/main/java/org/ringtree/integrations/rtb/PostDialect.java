package org.ringtree.integrations.rtb;

import static org.ringtree.integrations.rtb.RtbFields.ACCEPTING_WORDS;
import static org.ringtree.integrations.rtb.RtbFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.RtbEndpoint;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingPost;
import org.ringtree.rules.routing.PostResult.Outcome;
import org.ringtree.rules.routing.RtbRequestTemplate;
import org.ringtree.rules.routing.RtbRequestTemplate.Encoding;

/**
 * How a ping-post target's post is written and its answer read (docs/rtb.md, "Ping-post"):
 * Ringtree's post shape for RINGTREE and MAPPING targets, the target's {@code post.*} template for
 * TEMPLATE ones; the answer in Ringtree's post-answer shape (RINGTREE) or through the {@code
 * post.*} paths (MAPPING, TEMPLATE). Stateless; never throws for what a buyer sends.
 */
final class PostDialect {

  private static final BidRequestJson JSON = new BidRequestJson();

  private PostDialect() {}

  /** What an answer said: the outcome, a destination it names (raw, may be null) and why. */
  record Answer(Outcome outcome, String destination, String reason) {}

  /** The post for a target's bid, with the call's full details. */
  static RtbHttpRequest request(BidRequest call, RtbEndpoint target, Bid bid, Duration timeout) {
    RtbEndpoint post = PingPost.postEndpoint(target);
    Map<String, String> headers = new LinkedHashMap<>(RtbRequestTemplate.headers(post.mapping()));
    if (post.format() != Destination.BidResponseFormat.TEMPLATE) {
      ObjectNode body = (ObjectNode) readTree(JSON.write(call, timeout));
      ObjectNode out = RtbFields.MAPPER.createObjectNode();
      out.put("version", BidRequestJson.VERSION);
      out.put("type", "post");
      if (bid.bidId() != null) {
        out.put("bidId", bid.bidId());
      }
      out.put("amount", bid.amount().amount().toPlainString());
      out.put("currency", bid.amount().currency());
      body.remove("version");
      out.setAll(body);
      return new RtbHttpRequest(
          "POST", post.url(), headers, "application/json", RtbFields.write(out));
    }
    Map<String, String> values = RtbRequestTemplate.values(call, bid, timeout);
    String url = RtbRequestTemplate.render(post.url(), values, Encoding.URL);
    String template = post.mapping().get(RtbRequestTemplate.BODY);
    String body = null;
    String contentType = null;
    if (template != null && !template.isBlank()) {
      boolean form = RtbRequestTemplate.formBody(post.mapping());
      body = RtbRequestTemplate.render(template, values, form ? Encoding.FORM : Encoding.JSON);
      contentType = form ? "application/x-www-form-urlencoded" : "application/json";
    }
    return new RtbHttpRequest(
        RtbRequestTemplate.method(post.mapping()), url, headers, contentType, body);
  }

  /** What a JSON-object answer to a post says. */
  static Answer read(JsonNode json, RtbEndpoint target) {
    if (!PingPost.answerByPaths(target)) {
      Boolean accepted;
      try {
        accepted = RtbFields.bool(json.get("accepted"), "accepted");
      } catch (RtbFields.UnusableField e) {
        return new Answer(Outcome.INVALID, null, e.getMessage());
      }
      String reason = text(json.get("reason"));
      if (accepted == null) {
        return new Answer(Outcome.INVALID, null, "missing 'accepted'");
      }
      return accepted
          ? new Answer(Outcome.CONFIRMED, text(json.get("destination")), reason)
          : new Answer(Outcome.REFUSED, null, reason);
    }
    Map<String, String> m = target.mapping();
    JsonNode flag;
    String reason;
    String destination;
    try {
      flag = MappingDialect.select(json, m, PingPost.ACCEPTED);
      reason = text(MappingDialect.select(json, m, PingPost.REASON));
      destination = text(MappingDialect.select(json, m, PingPost.DESTINATION));
    } catch (RtbFields.UnusableField e) {
      return new Answer(Outcome.INVALID, null, e.getMessage());
    }
    if (flag == null || flag.isNull()) {
      return new Answer(
          Outcome.INVALID, null, "no accept field at " + RtbFields.clip(m.get(PingPost.ACCEPTED)));
    }
    return accepted(flag, m.get(PingPost.ACCEPTED_VALUE))
        ? new Answer(Outcome.CONFIRMED, destination, reason)
        : new Answer(
            Outcome.REFUSED,
            null,
            reason != null ? reason : "accept field is " + RtbFields.clip(flag.asText()));
  }

  private static boolean accepted(JsonNode flag, String acceptedValue) {
    if (acceptedValue != null && !acceptedValue.isBlank()) {
      return flag.asText().strip().equalsIgnoreCase(acceptedValue.strip());
    }
    if (flag.isBoolean()) {
      return flag.booleanValue();
    }
    if (flag.isNumber()) {
      return flag.asInt() != 0;
    }
    return ACCEPTING_WORDS.contains(flag.asText().strip().toLowerCase(Locale.ROOT));
  }

  /** A destination named by a confirmation, checked as a bid's is. */
  static Optional<Destination> destination(String raw) {
    return BidResponseParser.destination(raw);
  }

  private static JsonNode readTree(String json) {
    try {
      return RtbFields.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read our own post body", e);
    }
  }
}
