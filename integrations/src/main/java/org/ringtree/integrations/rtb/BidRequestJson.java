package org.ringtree.integrations.rtb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.TreeMap;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.routing.BidRequest;

/** Writes our bid request JSON (docs/rtb.md, "Bid request"). Null fields are left out. */
public final class BidRequestJson {

  /** The version of the request shape, sent as {@code "version"}. */
  public static final int VERSION = 1;

  private final ObjectMapper mapper;

  public BidRequestJson() {
    this(RingtreeJson.mapper());
  }

  public BidRequestJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The request body for one target, telling it how long it has to answer. */
  public String write(BidRequest request, Duration timeout) {
    ObjectNode root = mapper.createObjectNode();
    root.put("version", VERSION);
    putIfPresent(root, "callId", request.callId());
    putIfPresent(root, "campaignId", request.campaignId());
    putIfPresent(root, "publisherId", request.publisherId());
    ObjectNode caller = root.putObject("caller");
    putIfPresent(caller, "number", request.callerNumber());
    putIfPresent(caller, "state", request.callerState());
    putIfPresent(caller, "zip", request.callerZip());
    putIfPresent(caller, "city", request.callerCity());
    putIfPresent(caller, "areaCode", request.callerAreaCode());
    putIfPresent(caller, "country", request.callerCountry());
    ObjectNode tags = root.putObject("tags");
    new TreeMap<>(request.tags()).forEach(tags::put);
    if (request.arrivedAt() != null) {
      root.put("arrivedAt", request.arrivedAt().toString());
    }
    root.put("timeoutMillis", timeout.toMillis());
    if (request.score() != null) {
      root.put("score", request.score());
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a bid request", e);
    }
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
