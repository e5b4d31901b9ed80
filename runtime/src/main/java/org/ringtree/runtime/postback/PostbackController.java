package org.ringtree.runtime.postback;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: buyer conversion postbacks in ({@code /api/postbacks/conversions/{buyerId}}, GET or POST,
 * key in {@value #KEY_HEADER} or {@code key}), buyer keys, publisher postback settings, the
 * postback log, dead letters and their retry.
 */
@RestController
@RequestMapping("/api/postbacks")
class PostbackController {

  static final String KEY_HEADER = "X-Ringtree-Key";

  private final ConversionPostbacks conversions;
  private final PublisherPostbacks publishers;

  PostbackController(ConversionPostbacks conversions, PublisherPostbacks publishers) {
    this.conversions = conversions;
    this.publishers = publishers;
  }

  @RequestMapping(
      value = "/conversions/{buyerId}",
      method = {RequestMethod.GET, RequestMethod.POST})
  ConversionPostbacks.Result convert(
      @PathVariable String buyerId,
      @RequestHeader(value = KEY_HEADER, required = false) String keyHeader,
      @RequestParam(required = false) String key,
      @RequestParam("call_id") String callId,
      @RequestParam(required = false) BigDecimal revenue) {
    return conversions.convert(buyerId, keyHeader != null ? keyHeader : key, callId, revenue);
  }

  @PostMapping("/buyers/{buyerId}/key")
  Map<String, String> issueKey(Principal actor, @PathVariable String buyerId) {
    return Map.of("buyerId", buyerId, "key", conversions.issueKey(buyerId, actor.getName()));
  }

  record RevenuePolicyBody(BigDecimal minRevenue, BigDecimal maxRevenue, Integer windowHours) {}

  /** Lets buyers' postbacks set revenue on this campaign's calls, within bounds. */
  @PutMapping("/revenue-policies/{campaignId}")
  ConversionPostbacks.RevenuePolicy saveRevenuePolicy(
      Principal actor, @PathVariable String campaignId, @RequestBody RevenuePolicyBody body) {
    return conversions.saveRevenuePolicy(
        campaignId, body.minRevenue(), body.maxRevenue(), body.windowHours(), actor.getName());
  }

  @GetMapping("/revenue-policies/{campaignId}")
  ResponseEntity<ConversionPostbacks.RevenuePolicy> revenuePolicy(@PathVariable String campaignId) {
    return ResponseEntity.of(conversions.revenuePolicy(campaignId));
  }

  @DeleteMapping("/revenue-policies/{campaignId}")
  ResponseEntity<Void> deleteRevenuePolicy(Principal actor, @PathVariable String campaignId) {
    return conversions.deleteRevenuePolicy(campaignId, actor.getName())
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }

  record SettingsBody(String urlTemplate, boolean onEveryCall, Boolean enabled) {}

  @PutMapping("/publishers/{publisherId}")
  PublisherPostbacks.Settings save(
      Principal actor, @PathVariable String publisherId, @RequestBody SettingsBody body) {
    if (body.urlTemplate() == null) {
      throw new IllegalArgumentException("need urlTemplate");
    }
    return publishers.save(
        new PublisherPostbacks.Settings(
            publisherId,
            body.urlTemplate(),
            body.onEveryCall(),
            body.enabled() == null || body.enabled()),
        actor.getName());
  }

  @GetMapping("/publishers/{publisherId}")
  ResponseEntity<PublisherPostbacks.Settings> settings(@PathVariable String publisherId) {
    return ResponseEntity.of(publishers.settings(publisherId));
  }

  /** Postbacks, newest first; {@code state=dead} lists the dead letters. */
  @GetMapping
  List<PublisherPostbacks.Row> list(@RequestParam(required = false) String state) {
    return publishers.list(state == null ? null : state.toUpperCase(Locale.ROOT));
  }

  @GetMapping("/dead-letters")
  List<PublisherPostbacks.Row> deadLetters() {
    return publishers.list("DEAD");
  }

  @GetMapping("/{id}/attempts")
  List<PublisherPostbacks.Attempt> attempts(@PathVariable UUID id) {
    return publishers.attempts(id);
  }

  @PostMapping("/{id}/retry")
  PublisherPostbacks.Row retry(Principal actor, @PathVariable UUID id) {
    return publishers.retry(id, actor.getName());
  }
}
