package org.ringtree.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo network's RTB buyers, served by the app itself so the demo auction goes over real HTTP.
 * Each answers in a different industry shape: Bidder One like Ringba, Bidder Two like Retreaver,
 * and Slowpoke never in time.
 */
@RestController
@RequestMapping(DemoBuyerController.PATH)
@ConditionalOnProperty(name = "ringtree.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoBuyerController {

  static final String PATH = "/demo/rtb";
  private static final Set<String> BIDDER_ONE_STATES = Set.of("CA", "NV", "AZ");
  private static final long SLOWPOKE_DELAY_MS = 5_000;

  @PostMapping("/bidder-one")
  Map<String, Object> bidderOne(@RequestBody(required = false) JsonNode request) {
    String state = callerState(request);
    if (!BIDDER_ONE_STATES.contains(state)) {
      return Map.of(
          "bidId", bidId(), "bidAmount", 0, "rejectReason", "state not covered: " + state);
    }
    return Map.of(
        "bidId",
        bidId(),
        "bidAmount",
        "310.00",
        "expireInSeconds",
        60,
        "phoneNumber",
        "+15125550111");
  }

  /**
   * A Retreaver RTB reservation (docs/rtb.md): asked with the call in the query, it reserves the
   * call for 275.00, paid once the call lasts 90 s (its conversion timer).
   */
  @PostMapping("/bidder-two")
  Map<String, Object> bidderTwo(@RequestBody(required = false) JsonNode request) {
    return Map.of(
        "uuid",
        bidId(),
        "status",
        "reserved",
        "retreaver_payout",
        new java.math.BigDecimal("275.00"),
        "retreaver_seconds",
        90,
        "inbound_number",
        "+15125550122",
        "expires_at",
        Instant.now().plusSeconds(90).toString());
  }

  @PostMapping("/{buyer}")
  CompletableFuture<ResponseEntity<Map<String, Object>>> slow(@PathVariable String buyer) {
    // answers long after any sane ping deadline, without holding a servlet thread meanwhile
    return CompletableFuture.supplyAsync(
        () -> ResponseEntity.ok(Map.<String, Object>of("accepted", true, "amount", "500.00")),
        CompletableFuture.delayedExecutor(SLOWPOKE_DELAY_MS, TimeUnit.MILLISECONDS));
  }

  private static String bidId() {
    return UUID.randomUUID().toString();
  }

  private static String callerState(JsonNode request) {
    if (request == null) {
      return "";
    }
    // "/State": the Ringba-format target sends the state under the name its settings give
    for (String pointer : new String[] {"/callerState", "/caller/state", "/state", "/State"}) {
      JsonNode n = request.at(pointer);
      if (n.isTextual()) {
        return n.asText();
      }
    }
    return "";
  }
}
